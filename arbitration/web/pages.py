"""Server-rendered pages (Jinja2, Simplified Chinese). Forms post with the session's CSRF token; the few scripts
(status polling, live hearing, batch progress) call the JSON API."""

from __future__ import annotations

import math
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from arbitration.model import DOC_TYPE_NAMES, FACT_NAMES, OUTCOME_NAMES
from arbitration.web import api
from arbitration.web.api import (
    EDITORS,
    CaseId,
    FactName,
    JobId,
    audit,
    case_access,
    ws_of,
)
from arbitration.web.app import Forbidden, client_ip, guard, require_roles
from arbitration.web.auth import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    tokens_equal,
)
from arbitration.web.store import User

public = APIRouter(include_in_schema=False)
router = APIRouter(include_in_schema=False)

# the drafting stage's warning kinds, named for the review sheet (an unknown kind is shown as it is)
WARNING_NAMES = {"deviation": "与类案裁判尺度不一致", "missing_fact": "缺少事实要素", "disputed_fact": "事实有争议",
                 "citation_removed": "引用已删除（无法核实）", "llm_fallback": "文字生成改用模板",
                 "calculation": "计算问题", "extraction": "要素抽取存疑", "finality_unknown": "终局性待定",
                 "missing_parameter": "缺少计算参数", "mixed_finality": "终局与非终局事项并存",
                 "no_archive": "未检索类案", "time_barred": "超过仲裁时效（被申请人已抗辩）", "unverified_figure": "数字未经核实",
                 "time_bar_risk": "仲裁时效风险（未抗辩，不主动适用）", "finality_notice": "救济告知",
                 "demo_archive": "类案库为演示数据"}
SIDE_NAMES = {"applicant": "申请人", "respondent": "被申请人", "evidence": "证据材料", "tribunal": "仲裁庭/工作人员"}
STATUS_NAMES = {"new": "新建", "processing": "处理中", "ready": "已读取", "failed": "失败"}


def claim_name(claim_type: str | None) -> str:
    """A claim type's Chinese name from the law layer's taxonomy (the id itself when it is unknown or absent)."""
    if not claim_type:
        return ""
    try:
        from arbitration.law import taxonomy

        return taxonomy().name(claim_type)
    except Exception:  # noqa: BLE001 - a label only: never fail a page over it
        return claim_type


def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    templates = request.app.state.templates
    base = {"user": getattr(request.state, "user", None), "csrf": getattr(request.state, "csrf", ""),
            "FACT_NAMES": FACT_NAMES, "SIDE_NAMES": SIDE_NAMES, "STATUS_NAMES": STATUS_NAMES, "claim_name": claim_name,
            "WARNING_NAMES": WARNING_NAMES,
            "OUTCOME_NAMES": {k.value: v for k, v in OUTCOME_NAMES.items()},
            "DOC_TYPE_NAMES": {k.value: v for k, v in DOC_TYPE_NAMES.items()}}
    resp = templates.TemplateResponse(request, name, {**base, **ctx}, status_code=status_code)
    resp.headers["Cache-Control"] = "no-store"
    return resp


def cookie_secure(request: Request) -> bool:
    return request.url.scheme == "https" or bool(request.app.state.https)


# ---------------------------------------------------------------- login (public)


@public.get("/login")
def login_page(request: Request, error: str = "") -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    resp = render(request, "login.html", login_csrf=token, error=error[:100])
    resp.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=cookie_secure(request),
                    max_age=3600, path="/login")
    return resp


@public.post("/login")
async def login(request: Request, username: Annotated[str, Form(max_length=64)] = "",
                password: Annotated[str, Form(max_length=256)] = "",
                csrf_token: Annotated[str, Form(max_length=100)] = "") -> Response:
    store, sessions = request.app.state.store, request.app.state.sessions
    ip = client_ip(request)
    if not tokens_equal(request.cookies.get(LOGIN_CSRF_COOKIE), csrf_token):
        return render(request, "login.html", status_code=403, login_csrf="", error="登录页面已过期，请刷新后重试")
    username = username.strip()
    wait = sessions.login_wait(ip, username)
    if wait:
        sessions.note_blocked(ip, username, wait)
        later = f"{wait} 秒" if wait < 90 else f"{math.ceil(wait / 60)} 分钟"
        return render(request, "login.html", status_code=429, login_csrf=csrf_token,
                      error=f"该账号登录失败次数过多，请 {later}后再试")
    # argon2 is slow on purpose: verify in a worker thread, not on the event loop
    user = await run_in_threadpool(sessions.authenticate, username, password) if username and password else None
    if user is None:
        store.audit("login_failed", None, "login", "", ip=ip, username=username)
        return render(request, "login.html", status_code=401, login_csrf=csrf_token, error="用户名或密码错误")
    token, _ = sessions.create(user.id, ip)
    store.audit("login_ok", user, "login", "", ip=ip)
    resp = RedirectResponse("/cases", status_code=303)
    resp.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", secure=cookie_secure(request),
                    max_age=int(sessions.limits.session_hours * 3600), path="/")
    resp.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return resp


# ---------------------------------------------------------------- signed-in pages


@router.post("/logout")
def logout(request: Request, user: User = Depends(guard)) -> Response:
    request.app.state.sessions.end(request.cookies.get(SESSION_COOKIE))
    audit(request, user, "logout", "login")
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


@router.get("/")
def home(user: User = Depends(guard)) -> Response:
    return RedirectResponse("/cases", status_code=303)


@router.get("/cases")
def cases_page(request: Request, user: User = Depends(guard)) -> HTMLResponse:
    audit(request, user, "view", "cases")
    return render(request, "cases.html", cases=request.app.state.store.cases_for(user), can_edit=user.role in EDITORS)


@router.post("/cases")
async def upload_page(request: Request,
                      files: Annotated[list[UploadFile], File()],
                      title: Annotated[str, Form(max_length=100)] = "",
                      user: User = Depends(guard)) -> Response:
    case_id = await api.create_case(request, user, title, files)
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


INITIATORS = {"employer": "用人单位解除", "employee": "劳动者解除（辞职/被迫解除）", "mutual": "协商一致解除",
              "expiry": "合同期满终止", "other": "其他"}
COMPOSITE = ("written_contract", "termination")  # facts entered through their own small form, not one text box


def cn_date(d: Any) -> str:
    from datetime import date as _date

    if isinstance(d, str):
        try:
            d = _date.fromisoformat(d)
        except ValueError:
            return d
    return f"{d.year}年{d.month}月{d.day}日" if isinstance(d, _date) else str(d)


def show_value(name: str, value: Any) -> str:
    """A fact value as a clerk reads it (dates in Chinese, amounts in 元, composite facts spelled out)."""
    from datetime import date as _date
    from decimal import Decimal

    if value is None:
        return ""
    if isinstance(value, _date):
        return cn_date(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f} 元"
    if name == "written_contract" and hasattr(value, "signed"):
        parts = ["已签订书面劳动合同" if value.signed else "未签订书面劳动合同"]
        if value.signed_date:
            parts.append(f"签订日期 {cn_date(value.signed_date)}")
        if value.open_ended:
            parts.append("无固定期限")
        elif value.term_start or value.term_end:
            parts.append(f"期限 {cn_date(value.term_start) if value.term_start else '？'} 至 "
                         f"{cn_date(value.term_end) if value.term_end else '？'}")
        return "，".join(parts)
    if name == "termination" and hasattr(value, "initiator"):
        parts = [INITIATORS.get(value.initiator.value, value.initiator.value) + (f"（{value.mode}）" if value.mode else "")]
        if value.reason:
            parts.append(f"理由：{value.reason}")
        if value.statute_basis:
            parts.append(f"依据：{value.statute_basis}")
        if value.notice_date:
            parts.append(f"通知日期 {cn_date(value.notice_date)}")
        return "，".join(parts)
    return str(value)


def fact_rows(case, names: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for name, fact in case.facts.items():
        values = []
        for i, v in enumerate(fact.values):
            src = v.source
            values.append({"index": i, "value": show_value(name, v.value), "side": v.side.value, "note": v.note,
                           "file": names.get(src.file, src.file), "page": src.page, "quote": src.quote,
                           "method": src.method.value, "confidence": src.confidence, "extractor": src.extractor,
                           "accepted": fact.accepted == i})
        rows.append({"name": name, "label": FACT_NAMES[name], "versions": values, "disputed": fact.disputed,
                     "value": show_value(name, fact.value), "accepted": fact.accepted,
                     "composite": name in COMPOSITE})
    return rows


def composite_json(name: str, form: dict[str, str]) -> str:
    """The JSON value of a composite fact from its form fields (empty dates left out)."""
    import json

    def d(key: str) -> str | None:
        return (form.get(key) or "").strip() or None

    if name == "written_contract":
        if form.get("signed") not in ("1", "0"):
            raise ValueError("请选择是否签订书面劳动合同")
        value = {"signed": form["signed"] == "1", "signed_date": d("signed_date"), "term_start": d("term_start"),
                 "term_end": d("term_end"), "open_ended": form.get("open_ended") == "1"}
    else:
        if form.get("initiator") not in INITIATORS:
            raise ValueError("请选择由谁解除/终止劳动关系")
        value = {"initiator": form["initiator"], "mode": (form.get("mode") or "").strip() or INITIATORS[form["initiator"]],
                 "reason": d("reason"), "notice_date": d("notice_date")}
    return json.dumps({k: v for k, v in value.items() if v is not None}, ensure_ascii=False)


@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: CaseId, user: User = Depends(guard)) -> HTMLResponse:
    case_access(request, user, case_id)
    audit(request, user, "view", f"case:{case_id}")
    store, ws = request.app.state.store, ws_of(request)
    case = ws.load_case(case_id)
    names = ws.original_names(case_id)
    return render(request, "case.html", row=store.case(case_id), case=case, files=store.files(case_id),
                  INITIATORS=INITIATORS,
                  facts=fact_rows(case, names) if case else [], names=names, hearings=store.hearings(case_id),
                  proposals=proposal_rows(case) if case else [],
                  assignees=store.assignees(case_id), users=store.users() if user.is_admin else [],
                  can_edit=user.role in EDITORS, can_hear=user.role in api.CLERKS)


@router.post("/cases/{case_id}/facts/{name}")
async def fact_page(request: Request, case_id: CaseId, name: FactName,
                    user: User = Depends(require_roles(*EDITORS))) -> Response:
    form = await request.form()
    fields = {k: v[:2000] for k, v in form.items() if isinstance(v, str)}
    value = composite_json(name, fields) if name in COMPOSITE else fields.get("value", "")
    note = fields.get("note", "")[:200] or None
    api.add_fact(request, case_id, name, api.FactEdit(value=value or " ", note=note), user)
    return RedirectResponse(f"/cases/{case_id}#fact-{name}", status_code=303)


@router.post("/cases/{case_id}/facts/{name}/accept")
def accept_page(request: Request, case_id: CaseId, name: FactName,
                index: Annotated[str, Form(max_length=6)] = "",
                user: User = Depends(require_roles(*EDITORS))) -> Response:
    if index and not index.isdigit():
        raise ValueError("版本编号有误")
    api.accept_value(request, case_id, name, api.Accept(index=int(index) if index else None), user)
    return RedirectResponse(f"/cases/{case_id}#fact-{name}", status_code=303)


@router.post("/cases/{case_id}/proposals")
def proposals_page(request: Request, case_id: CaseId, ids: Annotated[str, Form(max_length=2000)] = "",
                   action: Annotated[str, Form(max_length=10)] = "accept",
                   user: User = Depends(require_roles(*EDITORS))) -> Response:
    """The case page's 采信 / 否定 / 全部采信 buttons for proposed findings (拟认定)."""
    chosen: list[str] | str = "all" if ids == "all" else [i for i in ids.split(",") if i]
    if action not in ("accept", "reject") or not chosen:
        raise ValueError("请选择要采信或否定的拟认定事项")
    api.review_proposals(request, case_id, api.ProposalReview(ids=chosen, accept=action == "accept"), user)
    return RedirectResponse(f"/cases/{case_id}#proposals", status_code=303)


def proposal_rows(case) -> list[dict[str, Any]]:
    """Each finding of the case for the page: what it says, on which basis, from which files, its review state."""
    from arbitration.findings import find
    from arbitration.model import BASIS_NAMES

    findings = find(case)
    return [{"id": p.id, "label": p.label, "text": p.text, "basis": BASIS_NAMES[p.basis], "reason": p.reason,
             "state": p.state.value, "files": "、".join(dict.fromkeys(s.file for s in p.sources))}
            for p in findings.proposals] + [
        {"id": pid, "label": label_of(pid), "text": "", "basis": "", "reason": why, "state": "pending", "files": ""}
        for pid, why in findings.pending.items() if not any(p.id == pid for p in findings.proposals)]


def label_of(pid: str) -> str:
    from arbitration.findings import label

    return label(pid)


@router.post("/cases/{case_id}/facts/{name}/disputed")
def disputed_page(request: Request, case_id: CaseId, name: FactName,
                  disputed: Annotated[str, Form(max_length=5)] = "1",
                  user: User = Depends(require_roles(*EDITORS))) -> Response:
    api.mark_disputed(request, case_id, name, api.Disputed(disputed=disputed == "1"), user)
    return RedirectResponse(f"/cases/{case_id}#fact-{name}", status_code=303)


@router.post("/cases/{case_id}/extract")
def extract_page(request: Request, case_id: CaseId, user: User = Depends(require_roles(*EDITORS))) -> Response:
    api.reextract(request, case_id, user)
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


@router.post("/cases/{case_id}/assign")
def assign_page(request: Request, case_id: CaseId, user_id: Annotated[int, Form(ge=1, le=2**62)],
                user: User = Depends(require_roles("admin"))) -> Response:
    api.assign(request, case_id, api.Assign(user_id=user_id), user)
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


@router.post("/cases/{case_id}/delete")
def delete_page(request: Request, case_id: CaseId, user: User = Depends(require_roles("admin"))) -> Response:
    api.delete_case(request, case_id, user)
    return RedirectResponse("/cases", status_code=303)


@router.get("/cases/{case_id}/outline")
def outline_page(request: Request, case_id: CaseId, user: User = Depends(guard)) -> HTMLResponse:
    case_access(request, user, case_id)
    audit(request, user, "view", f"case:{case_id}", "庭审要素提纲")
    content = ws_of(request).outline_view(case_id)
    return render(request, "outline.html", row=request.app.state.store.case(case_id), content=content,
                  archive_note=archive_note())


@router.get("/cases/{case_id}/outline.docx")
def outline_download(request: Request, case_id: CaseId, masked: bool = Query(False), user: User = Depends(guard)):
    return api.outline_docx(request, case_id, masked, user)


@router.get("/cases/{case_id}/similar")
def similar_page(request: Request, case_id: CaseId, user: User = Depends(guard)) -> HTMLResponse:
    from arbitration.web.service import ArchiveNotReady

    try:
        matches, waiting = api.similar(request, case_id, 10, user), ""
    except ArchiveNotReady as e:
        matches, waiting = [], str(e)
    case = ws_of(request).load_case(case_id)
    by_claim = []  # 本案每项请求 → 类案中同类请求的结果与理由（逐项说明）
    for c in case.claims if case else []:
        items = [{"case_number": m["case_number"], **mc} for m in matches for mc in m["claims"] if mc["type"] == c.type]
        by_claim.append({"text": c.text, "type": c.type, "hits": items})
    return render(request, "similar.html", row=request.app.state.store.case(case_id), matches=matches,
                  archive_size=ws_of(request).archive_size(), waiting=waiting, by_claim=by_claim)


def archive_note() -> str:
    from arbitration.web.stages import archive_state

    state, message = archive_state()
    return "" if state == "ready" else message


@router.get("/cases/{case_id}/award")
def award_page(request: Request, case_id: CaseId, user: User = Depends(guard)) -> HTMLResponse:
    case_access(request, user, case_id)
    audit(request, user, "view", f"case:{case_id}", "裁决书草稿")
    award, warnings = ws_of(request).saved_award(case_id)
    return render(request, "award.html", row=request.app.state.store.case(case_id), award=award, warnings=warnings,
                  can_edit=user.role in EDITORS, archive_note=archive_note())


@router.post("/cases/{case_id}/award")
def award_generate(request: Request, case_id: CaseId, user: User = Depends(require_roles(*EDITORS))) -> Response:
    api.draft(request, case_id, user)
    return RedirectResponse(f"/cases/{case_id}/award", status_code=303)


@router.get("/cases/{case_id}/award.docx")
def award_download(request: Request, case_id: CaseId, masked: bool = Query(False), user: User = Depends(guard)):
    return api.award_docx(request, case_id, masked, user)


@router.get("/batch")
def batch_page(request: Request, user: User = Depends(require_roles(*EDITORS))) -> HTMLResponse:
    cases = [r for r in request.app.state.store.cases_for(user) if r["status"] == "ready"]
    return render(request, "batch.html", cases=cases)


@router.post("/batch")
async def batch_start(request: Request, user: User = Depends(require_roles(*EDITORS))) -> Response:
    form = await request.form()
    try:
        ids = [int(x) for x in form.getlist("case_ids") if isinstance(x, str)]
    except ValueError as e:
        raise ValueError("案件编号有误") from e
    if not ids:
        raise ValueError("请至少选择一件案件")
    job = api.batch(request, api.BatchRequest(case_ids=ids), user)
    return RedirectResponse(f"/jobs/{job['id']}", status_code=303)


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: JobId, user: User = Depends(guard)) -> HTMLResponse:
    return render(request, "job.html", job=api.job(request, job_id, user))


@router.get("/admin/audit")
def audit_page(request: Request, action: str = Query("", max_length=40),
               user: User = Depends(require_roles("admin"))) -> HTMLResponse:
    rows = api.audit_log(request, 500, action or None, user)
    return render(request, "audit.html", rows=rows, action=action)


@router.get("/hearings/{hearing_id}")
def hearing_page(request: Request, hearing_id: api.HearingId, user: User = Depends(guard)) -> HTMLResponse:
    from arbitration.web.hearing_api import hearing_row

    row = hearing_row(request, hearing_id, user)
    audit(request, user, "view", f"hearing:{hearing_id}")
    from arbitration.web.hearing_api import SEATS

    return render(request, "hearing.html", hearing=row, row=request.app.state.store.case(row["case_id"]),
                  can_hear=user.role in api.CLERKS, seats=SEATS)


@router.post("/cases/{case_id}/hearings")
def hearing_start(request: Request, case_id: CaseId, user: User = Depends(require_roles(*api.CLERKS))) -> Response:
    from arbitration.web.hearing_api import start_hearing

    hid = start_hearing(request, case_id, user)["id"]
    return RedirectResponse(f"/hearings/{hid}", status_code=303)


@router.get("/hearings/{hearing_id}/record.docx")
def record_download(request: Request, hearing_id: api.HearingId, masked: bool = Query(False),
                    user: User = Depends(guard)):
    from arbitration.web.hearing_api import record_docx

    return record_docx(request, hearing_id, masked, user)


__all__ = ["public", "router", "Forbidden"]
