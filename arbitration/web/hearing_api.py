"""Live hearing over a WebSocket: the browser sends 16 kHz mono PCM frames, arbitration.hearing's `Hearing` turns
them into committed (journalled) and tentative text; role buttons tag the speaker, inline edits are stored as
revisions, and the record is exported as DOCX (optionally masked)."""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

import numpy as np
from fastapi import (
    APIRouter,
    Depends,
    Path,
    Query,
    Request,
    WebSocket,
    WebSocketDisconnect,
)
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from arbitration.web.app import Forbidden, guard, require_roles
from arbitration.web.auth import SESSION_COOKIE, tokens_equal
from arbitration.web.stages import StageMissing, stage
from arbitration.web.store import User

router = APIRouter(tags=["hearing"])

SAMPLE_RATE = 16_000
MAX_FRAME_BYTES = SAMPLE_RATE * 4 * 5  # one message holds at most 5 s of Float32 audio
MAX_BATCH_BYTES = SAMPLE_RATE * 4 * 30  # frames that piled up are fed together, at most 30 s (Float32) at a time
# the seats of a hearing room (arbitration.hearing.journal.SEATS), offered as role buttons
SEATS = ("首席仲裁员", "仲裁员", "书记员", "申请人", "被申请人", "申请人代理人", "被申请人代理人", "证人", "第三人")
HEARERS = ("admin", "arbitrator", "clerk")

CaseId = Annotated[int, Path(ge=1, le=2**62, description="案件编号")]
HearingId = Annotated[int, Path(ge=1, le=2**62, description="庭审编号")]
SegmentId = Annotated[str, Path(pattern=r"^\d{1,9}$", description="记录段编号，如 000001")]


@dataclass
class Live:
    """A hearing open in this process: the library's Hearing and the lock that serialises feed/edit/role calls."""

    hearing: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    streaming: bool = False


def _api():
    from arbitration.web import api

    return api


def hearing_row(request: Request, hearing_id: int, user: User):
    row = request.app.state.store.hearing(hearing_id)
    if row is None or not request.app.state.store.can_access(user, row["case_id"]):
        raise Forbidden("该庭审不存在或未分配给您")
    return row


def live_hearing(app, row, info: dict[str, Any] | None = None) -> Live:
    """The open Hearing for this row (opened on first use; kept while the server runs); `info` goes into a new
    hearing's header (记录人 …)."""
    lives: dict[int, Live] = app.state.live_hearings
    with app.state.live_lock:
        if row["id"] not in lives:
            lib = stage("hearing")
            case = app.state.workspace.load_case(row["case_id"])
            from arbitration.outline.words import outline_words

            lives[row["id"]] = Live(lib.Hearing.start(case, row["hearing_key"], info=info,
                                                      outline_words=outline_words(case)))
        return lives[row["id"]]


def segment_json(s: Any) -> dict[str, Any]:
    return {"id": s.id, "role": s.role, "start": s.start, "end": s.end, "text": s.text, "raw_text": s.raw_text,
            "revisions": len(s.revisions)}


def hints_json(h: Any) -> list[dict[str, Any]]:
    """Speaker-change hints still open (a suggestion: the record changes only when the clerk accepts one)."""
    pending = getattr(h, "pending_hints", None)
    return [{"at": x["at"], "suggest": x.get("suggest"), "score": x.get("score")} for x in pending(0)] if pending else []


def snapshot(h: Any, final: bool = False) -> dict[str, Any]:
    tentative = h.tentative()
    text = "".join(tentative.values()) if isinstance(tentative, dict) else str(tentative or "")
    out = {"type": "update", "committed": [segment_json(s) for s in h.segments], "tentative": text,
           "notes": list(getattr(h, "notes", [])), "hints": hints_json(h)}
    if final:
        out["final"] = True
    return out


# ---------------------------------------------------------------- routes


@router.post("/cases/{case_id}/hearings", status_code=201)
def start_hearing(request: Request, case_id: CaseId, user: User = Depends(require_roles(*HEARERS))):
    api = _api()
    api.case_access(request, user, case_id)
    stage("hearing")
    key = f"web-{case_id:06d}-{secrets.token_hex(4)}"
    hid = request.app.state.store.add_hearing(case_id, key, user.id)
    # creates the folder and its meta.json; whoever starts the record is its 记录人
    live_hearing(request.app, request.app.state.store.hearing(hid), info={"clerk": user.display_name})
    api.audit(request, user, "edit", f"case:{case_id}", f"开始庭审记录 hearing:{hid}")
    return {"id": hid, "key": key}


@router.get("/hearings/{hearing_id}/segments")
def segments(request: Request, hearing_id: HearingId, user: User = Depends(guard)) -> dict[str, Any]:
    row = hearing_row(request, hearing_id, user)
    live = request.app.state.live_hearings.get(hearing_id)
    if live is not None:
        with live.lock:
            return snapshot(live.hearing)
    lib = stage("hearing")
    d = request.app.state.workspace.hearing_dir(row["hearing_key"])
    record = lib.load_record(d) if d.is_dir() else []
    return {"type": "update", "committed": [segment_json(s) for s in record], "tentative": "", "notes": []}


class SegmentEdit(BaseModel):
    text: str | None = Field(default=None, min_length=1, max_length=5000)
    role: str | None = Field(default=None, max_length=20, description="、".join(SEATS))


@router.post("/hearings/{hearing_id}/segments/{segment_id}")
def edit_segment(request: Request, hearing_id: HearingId, segment_id: SegmentId, body: SegmentEdit,
                 user: User = Depends(require_roles(*HEARERS))) -> dict[str, Any]:
    row = hearing_row(request, hearing_id, user)
    if body.role is not None and body.role not in SEATS:
        raise ValueError(f"发言人必须是 {'、'.join(SEATS)} 之一")
    if body.text is None and body.role is None:
        raise ValueError("请给出修改后的文字或发言人")
    live = live_hearing(request.app, row)
    with live.lock:
        seg = live.hearing.revise(segment_id, text=body.text, role=body.role, by=user.display_name)
        out = snapshot(live.hearing)
    _api().audit(request, user, "edit", f"hearing:{hearing_id}", f"修订第 {seg.id} 段")
    return out


def record_docx(request: Request, hearing_id: int, masked: bool, user: User):
    row = hearing_row(request, hearing_id, user)
    lib = stage("hearing")
    if not hasattr(lib, "export"):
        raise StageMissing("hearing", "：缺少 export（笔录导出）")
    d = request.app.state.workspace.hearing_dir(row["hearing_key"])
    if not d.is_dir():
        raise ValueError("该庭审尚无记录")
    path = lib.export(d, "docx")
    return _api().send_docx(request, user, row["case_id"], path, "庭审笔录", masked)


@router.get("/hearings/{hearing_id}/record.docx")
def record(request: Request, hearing_id: HearingId, masked: bool = Query(False), user: User = Depends(guard)):
    return record_docx(request, hearing_id, masked, user)


async def hearing_socket(websocket: WebSocket, hearing_id: int) -> None:
    """Binary messages: little-endian Int16 (default) or Float32 (?format=f32) mono PCM at 16 kHz.
    Text messages: {"type": "role", "role": 席位}, {"type": "accept_hint", "at": 秒, "role": 席位 (optional)},
    {"type": "dismiss_hint", "at": 秒} or {"type": "stop"}. Replies: {"type": "update", ..., "hints": [...]}.
    Needs the session cookie, a same-origin Origin header and the session's CSRF token as ?csrf=."""
    app = websocket.app
    found = app.state.sessions.lookup(websocket.cookies.get(SESSION_COOKIE))
    origin = websocket.headers.get("origin")
    if found is None or (origin and origin.split("://", 1)[-1] != websocket.headers.get("host")):
        await websocket.close(code=4401)
        return
    user, csrf = found
    row = app.state.store.hearing(hearing_id) if 0 < hearing_id < 2**62 else None
    if (row is None or not app.state.store.can_access(user, row["case_id"]) or user.role not in HEARERS
            or not tokens_equal(websocket.query_params.get("csrf"), csrf)):
        await websocket.close(code=4403)
        return
    await websocket.accept()
    try:
        live = await run_in_threadpool(live_hearing, app, row)
    except StageMissing as e:
        await websocket.send_json({"type": "error", "message": str(e)})
        await websocket.close(code=4503)
        return
    if live.streaming:
        await websocket.send_json({"type": "error", "message": "该庭审已在另一窗口录音"})
        await websocket.close(code=4409)
        return
    live.streaming = True
    f32 = websocket.query_params.get("format") == "f32"
    h = live.hearing

    def locked(fn, *args):
        with live.lock:
            fn(*args)
            return snapshot(h)

    app.state.store.audit("edit", user, f"hearing:{hearing_id}", "庭审录音开始")
    width = 4 if f32 else 2
    # a reader task queues what the browser sends; when recognition falls behind (a slow machine), the frames
    # that piled up are fed in one call instead of one call per 100 ms frame, so the backlog shrinks again
    inbox: asyncio.Queue = asyncio.Queue()

    async def reader() -> None:
        try:
            while True:
                msg = await websocket.receive()
                await inbox.put(msg)
                if msg["type"] == "websocket.disconnect":
                    return
        except (WebSocketDisconnect, RuntimeError):
            await inbox.put({"type": "websocket.disconnect"})

    def good_frame(data: bytes | None) -> bool:
        return bool(data) and len(data) % width == 0 and len(data) <= MAX_FRAME_BYTES

    reading = asyncio.create_task(reader())
    held: dict | None = None
    try:
        await websocket.send_json(await run_in_threadpool(locked, lambda: None))
        while True:
            msg, held = held or await inbox.get(), None
            if msg["type"] == "websocket.disconnect":
                break
            data = msg.get("bytes")
            if data is not None:
                if not good_frame(data):
                    await websocket.send_json({"type": "error", "message": "音频帧格式不正确"})
                    continue
                chunks, size = [data], len(data)
                while not inbox.empty() and size < MAX_BATCH_BYTES:
                    nxt = inbox.get_nowait()
                    if good_frame(nxt.get("bytes")):
                        chunks.append(nxt["bytes"])
                        size += len(nxt["bytes"])
                    else:
                        held = nxt  # a command or a bad frame: handled next, in order
                        break
                data = b"".join(chunks)
                frames = np.frombuffer(data, dtype="<f4").copy() if f32 else data
                await websocket.send_json(await run_in_threadpool(locked, h.feed, frames))
            elif msg.get("text"):
                try:
                    cmd = json.loads(msg["text"])
                except json.JSONDecodeError:
                    continue
                if cmd.get("type") == "role" and cmd.get("role") in SEATS:
                    await websocket.send_json(await run_in_threadpool(locked, h.set_role, cmd["role"]))
                elif cmd.get("type") in ("accept_hint", "dismiss_hint") and isinstance(cmd.get("at"), int | float):
                    role = cmd.get("role") if cmd.get("role") in SEATS else None
                    if cmd["type"] == "accept_hint":
                        reply = await run_in_threadpool(locked, h.accept_hint, float(cmd["at"]), role)
                    else:
                        reply = await run_in_threadpool(locked, h.dismiss_hint, float(cmd["at"]))
                    await websocket.send_json(reply)
                elif cmd.get("type") == "stop":
                    await websocket.send_json({**await run_in_threadpool(locked, h.finish), "final": True})
                    break
    except WebSocketDisconnect:
        pass
    finally:
        reading.cancel()
        live.streaming = False
        app.state.store.audit("edit", user, f"hearing:{hearing_id}", "庭审录音结束")
    await websocket.close()
