"""Live hearing over a WebSocket: the browser sends 16 kHz mono PCM frames, the hearing library turns them into
committed and tentative text; role buttons, inline edits (stored as revisions) and the record export."""

from __future__ import annotations

import asyncio
import json
import secrets
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Depends, Path, Query, Request, WebSocket, WebSocketDisconnect
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from arbitration.web.app import Forbidden, guard, require_roles
from arbitration.web.auth import SESSION_COOKIE, tokens_equal
from arbitration.web.stages import StageMissing, stage
from arbitration.web.store import User

router = APIRouter(tags=["hearing"])

SAMPLE_RATE = 16_000
FEED_SECONDS = 1.0  # audio gathered before each call into the recogniser
ROLES = {"presiding": "仲裁员", "clerk": "书记员", "applicant": "申请人", "respondent": "被申请人",
         "agent": "代理人", "witness": "证人", "unknown": "未标注"}

CaseId = Annotated[int, Path(ge=1, le=2**62, description="案件编号")]
HearingId = Annotated[int, Path(ge=1, le=2**62, description="庭审编号")]
SegmentIndex = Annotated[int, Path(ge=0, le=1_000_000, description="段落序号（从 0 起）")]


def _api():
    from arbitration.web import api

    return api


def hearing_row(request: Request, hearing_id: int, user: User):
    row = request.app.state.store.hearing(hearing_id)
    if row is None or not request.app.state.store.can_access(user, row["case_id"]):
        raise Forbidden("该庭审不存在或未分配给您")
    return row


# ---------------------------------------------------------------- adapter over arbitration.hearing


def open_hearing(key: str, create: bool = False):
    """The library's Hearing for this key, started or resumed under Settings.hearings_dir."""
    from arbitration.config import settings

    lib = stage("hearing")
    root = settings().hearings_dir
    if create and hasattr(lib.Hearing, "start"):
        return lib.Hearing.start(key, root=root) if _accepts(lib.Hearing.start, "root") else lib.Hearing.start(key)
    if hasattr(lib.Hearing, "resume"):
        return lib.Hearing.resume(key, root=root) if _accepts(lib.Hearing.resume, "root") else lib.Hearing.resume(key)
    return lib.Hearing(key)


def _accepts(fn, name: str) -> bool:
    import inspect

    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def segment_json(i: int, s: Any) -> dict[str, Any]:
    role = getattr(s, "role", "unknown")
    role = getattr(role, "value", role) or "unknown"
    return {"index": i, "role": role, "role_name": ROLES.get(role, role), "start": getattr(s, "start", None),
            "end": getattr(s, "end", None), "text": getattr(s, "text", ""), "raw_text": getattr(s, "raw_text", None),
            "revisions": len(getattr(s, "revisions", []) or [])}


def snapshot(h: Any) -> dict[str, Any]:
    segments = list(getattr(h, "segments", []) or [])
    tentative = getattr(h, "tentative", "") or ""
    if callable(tentative):
        tentative = tentative()
    tentative = getattr(tentative, "text", tentative) if not isinstance(tentative, str) else tentative
    return {"type": "update", "committed": [segment_json(i, s) for i, s in enumerate(segments)],
            "tentative": tentative or ""}


def set_role(h: Any, role: str) -> None:
    if hasattr(h, "set_role"):
        h.set_role(role)
    else:
        h.role = role


# ---------------------------------------------------------------- routes


@router.post("/cases/{case_id}/hearings", status_code=201)
def start_hearing(request: Request, case_id: CaseId, user: User = Depends(require_roles("admin", "arbitrator", "clerk"))):
    api = _api()
    api.case_access(request, user, case_id)
    stage("hearing")
    key = f"web-{case_id:06d}-{secrets.token_hex(4)}"
    h = open_hearing(key, create=True)
    if hasattr(h, "close"):
        h.close()
    hid = request.app.state.store.add_hearing(case_id, key, user.id)
    api.audit(request, user, "edit", f"case:{case_id}", f"开始庭审记录 hearing:{hid}")
    return {"id": hid, "key": key}


@router.get("/hearings/{hearing_id}/segments")
def segments(request: Request, hearing_id: HearingId, user: User = Depends(guard)) -> dict[str, Any]:
    row = hearing_row(request, hearing_id, user)
    lib = stage("hearing")
    ws = request.app.state.workspace
    record = lib.load_record(ws.hearing_dir(row["hearing_key"]))
    return {"type": "update", "committed": [segment_json(i, s) for i, s in enumerate(record)], "tentative": ""}


class SegmentEdit(BaseModel):
    text: str | None = Field(default=None, max_length=5000)
    role: str | None = Field(default=None, max_length=20)


@router.post("/hearings/{hearing_id}/segments/{index}")
def edit_segment(request: Request, hearing_id: HearingId, index: SegmentIndex, body: SegmentEdit,
                 user: User = Depends(require_roles("admin", "arbitrator", "clerk"))) -> dict[str, Any]:
    row = hearing_row(request, hearing_id, user)
    if body.role is not None and body.role not in ROLES:
        raise ValueError(f"角色必须是 {', '.join(ROLES)} 之一")
    live = request.app.state.live_hearings.get(hearing_id)
    h = live or open_hearing(row["hearing_key"])
    count = len(getattr(h, "segments", []) or [])
    if index >= count:
        raise ValueError(f"没有第 {index + 1} 段")
    if body.text is not None:
        h.revise(index, text=body.text, author=user.username) if _accepts(h.revise, "author") else h.revise(index, text=body.text)
    if body.role is not None:
        h.revise(index, role=body.role) if _accepts(h.revise, "role") else None
    _api().audit(request, user, "edit", f"hearing:{hearing_id}", f"修改第 {index + 1} 段")
    return snapshot(h)


def record_docx(request: Request, hearing_id: int, masked: bool, user: User):
    row = hearing_row(request, hearing_id, user)
    lib = stage("hearing")
    ws = request.app.state.workspace
    path = lib.export(ws.hearing_dir(row["hearing_key"]), "docx")
    return _api().send_docx(request, user, row["case_id"], path, "庭审笔录", masked)


@router.get("/hearings/{hearing_id}/record.docx")
def record(request: Request, hearing_id: HearingId, masked: bool = Query(False), user: User = Depends(guard)):
    return record_docx(request, hearing_id, masked, user)


async def hearing_socket(websocket: WebSocket, hearing_id: int) -> None:
    """Binary messages: little-endian Int16 (or Float32 when ?format=f32) mono PCM at 16 kHz.
    Text messages: {"type": "role", "role": ...} or {"type": "stop"}. Replies: {"type": "update", ...}."""
    app = websocket.app
    found = app.state.sessions.lookup(websocket.cookies.get(SESSION_COOKIE))
    origin = websocket.headers.get("origin")
    host = websocket.headers.get("host")
    if found is None or (origin and origin.split("://", 1)[-1] != host):
        await websocket.close(code=4401)
        return
    user, csrf = found
    row = app.state.store.hearing(hearing_id)
    if (row is None or not app.state.store.can_access(user, row["case_id"]) or user.role == "staff"
            or not tokens_equal(websocket.query_params.get("csrf"), csrf)):
        await websocket.close(code=4403)
        return
    try:
        h = open_hearing(row["hearing_key"])
    except StageMissing as e:
        await websocket.accept()
        await websocket.send_json({"type": "error", "message": str(e)})
        await websocket.close(code=4503)
        return
    live = app.state.live_hearings
    live[hearing_id] = h
    fmt = np.float32 if websocket.query_params.get("format") == "f32" else np.int16
    await websocket.accept()
    app.state.store.audit("edit", user, f"hearing:{hearing_id}", "庭审录音开始")
    buffered: list[np.ndarray] = []
    n = 0
    try:
        await websocket.send_json(snapshot(h))
        while True:
            msg = await websocket.receive()
            if msg["type"] == "websocket.disconnect":
                break
            if msg.get("bytes") is not None:
                data = msg["bytes"]
                if len(data) % np.dtype(fmt).itemsize or len(data) > SAMPLE_RATE * 8:
                    await websocket.send_json({"type": "error", "message": "音频帧格式不正确"})
                    continue
                frames = np.frombuffer(data, dtype=fmt)
                frames = frames.astype(np.float32) / 32768.0 if fmt == np.int16 else frames.astype(np.float32)
                buffered.append(frames)
                n += len(frames)
                if n >= SAMPLE_RATE * FEED_SECONDS:
                    chunk = np.concatenate(buffered)
                    buffered, n = [], 0
                    await run_in_threadpool(h.feed, chunk)
                    await websocket.send_json(snapshot(h))
            elif msg.get("text"):
                try:
                    cmd = json.loads(msg["text"])
                except json.JSONDecodeError:
                    continue
                if cmd.get("type") == "role" and cmd.get("role") in ROLES:
                    set_role(h, cmd["role"])
                elif cmd.get("type") == "stop":
                    if buffered:
                        await run_in_threadpool(h.feed, np.concatenate(buffered))
                        buffered, n = [], 0
                    if hasattr(h, "finish"):
                        await run_in_threadpool(h.finish)
                    await websocket.send_json({**snapshot(h), "final": True})
                    break
    except WebSocketDisconnect:
        pass
    finally:
        live.pop(hearing_id, None)
        if hasattr(h, "close"):
            await asyncio.to_thread(h.close)
        app.state.store.audit("edit", user, f"hearing:{hearing_id}", "庭审录音结束")
