"""The JSON API under /api (OpenAPI at /api/openapi.json), used by the pages' scripts. Every route needs a session;
state-changing ones need the X-CSRF-Token header (checked by the guard in app.py)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    Path,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from arbitration.errors import ArbitrationError, TooLarge
from arbitration.model import FACT_NAMES
from arbitration.web.app import Forbidden, guard, require_roles
from arbitration.web.stages import StageMissing
from arbitration.web.store import User

router = APIRouter(tags=["api"])

CaseId = Annotated[int, Path(ge=1, le=2**62, description="案件编号")]
HearingId = Annotated[int, Path(ge=1, le=2**62, description="庭审编号")]
JobId = Annotated[int, Path(ge=1, le=2**62, description="任务编号")]
FactName = Literal[tuple(FACT_NAMES)]  # type: ignore[valid-type]

EDITORS = ("admin", "arbitrator", "staff")  # edit facts, upload, draft
CLERKS = ("admin", "arbitrator", "clerk")  # run hearings


def ws_of(request: Request):
    return request.app.state.workspace


def case_access(request: Request, user: User, case_id: int) -> None:
    """A user reaches only the cases assigned to them (admin: all); the refusal does not say whether the case exists."""
    if not request.app.state.store.can_access(user, case_id):
        raise Forbidden("该案件不存在或未分配给您")


def audit(request: Request, user: User, action: str, target: str = "", detail: str = "") -> None:
    request.app.state.store.audit(action, user, target, detail, ip=request.client.host if request.client else None)


def case_summary(row) -> dict[str, Any]:
    """A case's row for the API; a failed case names where to retry it (POST, like 「重新读取」 on the page)."""
    return {"id": row["id"], "title": row["title"], "status": row["status"], "message": row["message"],
            "created": row["created"], "done": row["progress_done"], "total": row["progress_total"],
            "retry": f"/api/cases/{row['id']}/extract" if row["status"] == "failed" else None}


# ---------------------------------------------------------------- who am I, cases


class Me(BaseModel):
    id: int
    username: str
    display_name: str
    role: str


@router.get("/me", response_model=Me)
def me(user: User = Depends(guard)) -> Me:
    return Me(id=user.id, username=user.username, display_name=user.display_name, role=user.role)


@router.get("/cases")
def list_cases(request: Request, user: User = Depends(guard)) -> list[dict[str, Any]]:
    audit(request, user, "view", "cases")
    return [case_summary(r) for r in request.app.state.store.cases_for(user)]


def read_uploads(request: Request, files: list[UploadFile]) -> list[tuple[str, bytes]]:
    """Read uploaded parts (already spooled by the form parser) in chunks, stopping at the per-file limit (so a huge
    part is never held whole). Blocking: called in a worker thread."""
    limit = ws_of(request).limits.max_file_bytes
    if len(files) > ws_of(request).limits.max_files:
        raise ValueError(f"一次最多上传 {ws_of(request).limits.max_files} 个文件")
    out = []
    for f in files:
        f.file.seek(0)
        chunks, size = [], 0
        while chunk := f.file.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise TooLarge(f.filename or "?", f"文件大小超过上限 {limit // (1 << 20)} MB", "too_large")
            chunks.append(chunk)
        out.append((f.filename or "", b"".join(chunks)))
    return out


async def create_case(request: Request, user: User, title: str, files: list[UploadFile]) -> int:
    """Read, check and store the upload as one new case (all or nothing, see Workspace.create_case). The work
    blocks (reading, sniffing, unpacking, writing, hashing), so it runs in a worker thread, never on the event loop
    that answers everyone else."""
    if user.role not in EDITORS:
        raise Forbidden("书记员不能新建案件")
    if not files:
        raise ValueError("请至少选择一个文件")
    title = (title or "").strip()[:100] or "未命名案件"
    ip = request.client.host if request.client else None

    def work() -> int:
        return ws_of(request).create_case(title, user, read_uploads(request, files), ip=ip)

    return await run_in_threadpool(work)


@router.post("/cases", status_code=201)
async def upload_case(
    request: Request,
    files: Annotated[list[UploadFile], File(description="案卷文件：PDF、DOCX、DOC、TXT 或图片")],
    title: Annotated[str, Form(max_length=100)] = "",
    user: User = Depends(guard),
) -> dict[str, Any]:
    case_id = await create_case(request, user, title, files)
    return case_summary(request.app.state.store.case(case_id))


@router.get("/cases/{case_id}")
def get_case(request: Request, case_id: CaseId, user: User = Depends(guard)) -> dict[str, Any]:
    case_access(request, user, case_id)
    audit(request, user, "view", f"case:{case_id}")
    ws = ws_of(request)
    case = ws.load_case(case_id)
    return {
        **case_summary(request.app.state.store.case(case_id)),
        "files": [{"name": r["original_name"], "kind": r["kind"], "size": r["size"]}
                  for r in request.app.state.store.files(case_id)],
        "case": case.model_dump(mode="json") if case else None,
    }


@router.get("/cases/{case_id}/status")
def case_status(request: Request, case_id: CaseId, user: User = Depends(guard)) -> dict[str, Any]:
    case_access(request, user, case_id)
    return case_summary(request.app.state.store.case(case_id))


@router.post("/cases/{case_id}/extract", status_code=202)
def reextract(request: Request, case_id: CaseId, user: User = Depends(require_roles(*EDITORS))) -> dict[str, Any]:
    case_access(request, user, case_id)
    audit(request, user, "edit", f"case:{case_id}", "重新读取案卷")
    ws_of(request).start_extraction(case_id, user)
    return case_summary(request.app.state.store.case(case_id))


@router.delete("/cases/{case_id}")
def delete_case(request: Request, case_id: CaseId, user: User = Depends(require_roles("admin"))) -> dict[str, Any]:
    case_access(request, user, case_id)
    request.app.state.store.delete_case(case_id)
    audit(request, user, "delete", f"case:{case_id}")
    return {"deleted": case_id}


class Assign(BaseModel):
    user_id: int = Field(ge=1, le=2**62)


@router.post("/cases/{case_id}/assignees")
def assign(request: Request, case_id: CaseId, body: Assign, user: User = Depends(require_roles("admin"))):
    case_access(request, user, case_id)
    store = request.app.state.store
    if store.user(body.user_id) is None:
        raise ValueError("没有这个用户")
    store.assign(case_id, body.user_id)
    audit(request, user, "edit", f"case:{case_id}", f"分配给用户 {body.user_id}")
    return {"assignees": [u.username for u in store.assignees(case_id)]}


# ---------------------------------------------------------------- facts


class FactEdit(BaseModel):
    value: str = Field(min_length=1, max_length=2000, description="新值：日期 2024-01-31、金额、文字，复合要素为 JSON")
    note: str | None = Field(default=None, max_length=200)


class Disputed(BaseModel):
    disputed: bool = True


@router.post("/cases/{case_id}/facts/{name}")
def add_fact(request: Request, case_id: CaseId, name: FactName, body: FactEdit,
             user: User = Depends(require_roles(*EDITORS))) -> dict[str, Any]:
    case_access(request, user, case_id)
    case = ws_of(request).add_fact_value(case_id, name, body.value, body.note, user)
    audit(request, user, "edit", f"case:{case_id}", f"{FACT_NAMES[name]} 新增人工值：{body.value[:100]}")
    return getattr(case.facts, name).model_dump(mode="json")


@router.post("/cases/{case_id}/facts/{name}/disputed")
def mark_disputed(request: Request, case_id: CaseId, name: FactName, body: Disputed,
                  user: User = Depends(require_roles(*EDITORS))) -> dict[str, Any]:
    case_access(request, user, case_id)
    case = ws_of(request).set_disputed(case_id, name, body.disputed)
    audit(request, user, "edit", f"case:{case_id}", f"{FACT_NAMES[name]} 标记{'有' if body.disputed else '无'}争议")
    return getattr(case.facts, name).model_dump(mode="json")


class Accept(BaseModel):
    index: int | None = Field(default=None, ge=0, le=10_000, description="采信第几个版本（从 0 起）；null 撤销采信")


@router.post("/cases/{case_id}/facts/{name}/accept")
def accept_value(request: Request, case_id: CaseId, name: FactName, body: Accept,
                 user: User = Depends(require_roles(*EDITORS))) -> dict[str, Any]:
    case_access(request, user, case_id)
    case = ws_of(request).accept_value(case_id, name, body.index)
    what = "撤销采信" if body.index is None else f"采信第 {body.index + 1} 个版本"
    audit(request, user, "edit", f"case:{case_id}", f"{FACT_NAMES[name]} {what}")
    return getattr(case.facts, name).model_dump(mode="json")


class ProposalReview(BaseModel):
    ids: list[str] | Literal["all"] = Field(description="拟认定事项编号（见审核单【】内），或 \"all\" 全部")
    accept: bool = Field(default=True, description="true 采信；false 否定（该事实恢复为「待查明」）")


@router.post("/cases/{case_id}/proposals")
def review_proposals(request: Request, case_id: CaseId, body: ProposalReview,
                     user: User = Depends(require_roles(*EDITORS))) -> dict[str, Any]:
    """Accept or reject proposed findings (拟认定) one by one or all at once; returns the findings after it."""
    from arbitration.findings import find

    case_access(request, user, case_id)
    if body.ids != "all" and (len(body.ids) > 100 or any(len(i) > 60 for i in body.ids)):
        raise ValueError("拟认定事项编号有误")
    case = ws_of(request).review_proposals(case_id, body.ids, body.accept)
    what = "采信" if body.accept else "否定"
    audit(request, user, "edit", f"case:{case_id}",
          f"{what}拟认定：{'全部' if body.ids == 'all' else '、'.join(body.ids)}")
    return find(case).model_dump(mode="json")


# ---------------------------------------------------------------- outline, similar, award


def send_docx(request: Request, user: User, case_id: int, path, what: str, masked: bool) -> FileResponse:
    ws = ws_of(request)
    if masked:
        path = ws.masked_copy(case_id, path)
    audit(request, user, "export", f"case:{case_id}", f"{what}{'（脱敏）' if masked else ''}")
    name = f"{what}{'-脱敏' if masked else ''}-{case_id}.docx"
    return FileResponse(path, filename=name,
                        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@router.get("/cases/{case_id}/outline.docx", response_class=FileResponse)
def outline_docx(request: Request, case_id: CaseId, masked: bool = Query(False), user: User = Depends(guard)):
    case_access(request, user, case_id)
    return send_docx(request, user, case_id, ws_of(request).outline_docx(case_id), "庭审要素提纲", masked)


@router.get("/cases/{case_id}/similar")
def similar(request: Request, case_id: CaseId, k: int = Query(10, ge=1, le=50),
            user: User = Depends(guard)) -> list[dict[str, Any]]:
    case_access(request, user, case_id)
    audit(request, user, "view", f"case:{case_id}", "类案")
    return ws_of(request).similar(case_id, k)


@router.post("/cases/{case_id}/award")
def draft(request: Request, case_id: CaseId, user: User = Depends(require_roles(*EDITORS))) -> dict[str, Any]:
    case_access(request, user, case_id)
    award, warnings = ws_of(request).draft(case_id)
    audit(request, user, "edit", f"case:{case_id}", "生成裁决书草稿")
    return {"award": award.model_dump(mode="json"), "warnings": [w.model_dump(mode="json") for w in warnings]}


@router.get("/cases/{case_id}/award.docx", response_class=FileResponse)
def award_docx(request: Request, case_id: CaseId, masked: bool = Query(False), user: User = Depends(guard)):
    case_access(request, user, case_id)
    path = ws_of(request).case_dir(case_id) / "out" / "award.docx"
    if not path.is_file():
        from arbitration.web.service import NotReady

        raise NotReady("尚未生成裁决书草稿")
    return send_docx(request, user, case_id, path, "裁决书草稿", masked)


# ---------------------------------------------------------------- batch drafting


class BatchRequest(BaseModel):
    case_ids: list[Annotated[int, Field(ge=1, le=2**62)]] = Field(min_length=1, max_length=500)


@router.post("/batch", status_code=202)
def batch(request: Request, body: BatchRequest, user: User = Depends(require_roles(*EDITORS))) -> dict[str, Any]:
    for case_id in body.case_ids:
        case_access(request, user, case_id)
    from arbitration.web.stages import stage

    stage("drafting")
    job_id = ws_of(request).start_batch(list(dict.fromkeys(body.case_ids)), user)
    audit(request, user, "edit", f"job:{job_id}", f"批量起草 {len(body.case_ids)} 件")
    return job_json(request.app.state.store.job(job_id))


def job_json(row) -> dict[str, Any]:
    return {"id": row["id"], "kind": row["kind"], "status": row["status"], "done": row["done"],
            "total": row["total"], "message": row["message"], "results": json.loads(row["results"])}


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: JobId, user: User = Depends(guard)) -> dict[str, Any]:
    row = request.app.state.store.job(job_id)
    if row is None or (row["user_id"] != user.id and not user.is_admin):
        raise Forbidden("该任务不存在或不属于您")
    return job_json(row)


# ---------------------------------------------------------------- audit


@router.get("/audit")
def audit_log(request: Request, limit: int = Query(200, ge=1, le=5000), action: str | None = Query(None, max_length=40),
              user: User = Depends(require_roles("admin"))) -> list[dict[str, Any]]:
    audit(request, user, "view", "audit")
    return [dict(r) for r in request.app.state.store.audit_rows(limit, action)]


# ---------------------------------------------------------------- hearings (filled by hearing_api)

from arbitration.web.hearing_api import hearing_socket  # noqa: E402
from arbitration.web.hearing_api import router as hearing_router  # noqa: E402

router.include_router(hearing_router)
__all__ = ["router", "hearing_socket", "StageMissing", "ArbitrationError"]
