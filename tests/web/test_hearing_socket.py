"""The live hearing WebSocket with the real hearing library and Whisper base: a real Mandarin clip sent as 100 ms
Int16 frames much faster than real time (the server feeds what piled up in one call), a role change and stop
in order, committed text saved in the journal and shown by the segments API."""

from __future__ import annotations

import re

import numpy as np
import pytest
from web_helpers import ROOT, need_stage

CLIP = ROOT.parent / "shared" / "data" / "audio" / "BAC009S0764W0121.wav"


@pytest.mark.slow
def test_socket_feeds_real_speech_and_commits_text(web):
    need_stage("hearing")
    if not CLIP.is_file():
        pytest.skip(f"no test speech at {CLIP}")
    import soundfile as sf

    reference = re.sub(r"\s+", "", (CLIP.parent / "fireredasr-text").read_text(encoding="utf-8").split("\n")[0]
                       .split(maxsplit=1)[1])
    audio, rate = sf.read(CLIP, dtype="int16")
    assert rate == 16_000
    pcm = np.concatenate([audio, np.zeros(8_000, dtype=np.int16)]).astype("<i2").tobytes()

    owner = web.store.user_row("clerk")["id"]
    case_id = web.store.add_case("庭审测试", owner)
    clerk = web.login("clerk")
    r = clerk.post(f"/api/cases/{case_id}/hearings")
    assert r.status_code == 201, r.text
    hid = r.json()["id"]
    frame = 3_200  # 100 ms of Int16
    updates = []
    with clerk.websocket_connect(f"/api/hearings/{hid}/ws?csrf={clerk.csrf}",
                                 headers={"origin": "http://testserver"}) as ws:
        updates.append(ws.receive_json())
        ws.send_text('{"type": "role", "role": "申请人"}')
        for i in range(0, len(pcm), frame):
            ws.send_bytes(pcm[i:i + frame])
        ws.send_bytes(b"\x00")  # an odd-sized frame is refused, the stream goes on
        ws.send_text('{"type": "stop"}')
        while True:
            msg = ws.receive_json()
            updates.append(msg)
            if msg.get("final"):
                break
    errors = [u for u in updates if u.get("type") == "error"]
    assert len(errors) == 1 and "音频帧" in errors[0]["message"]
    frames_sent = -(-len(pcm) // frame)
    # frames that piled up were fed together: fewer updates than frames (one per feed call)
    assert len([u for u in updates if u.get("type") == "update"]) < frames_sent
    committed = updates[-1]["committed"]
    assert committed and all(s["role"] == "申请人" for s in committed)
    heard = "".join(s["text"] for s in committed)
    assert len(set(heard) & set(reference)) >= 0.4 * len(set(reference)), (heard, reference)
    # the journal holds it: a fresh read through the API (no live socket) gives the same text
    seg = clerk.get(f"/api/hearings/{hid}/segments").json()
    assert "".join(s["text"] for s in seg["committed"]) == heard
    # whoever started the record is its 记录人, in the exported 庭审笔录
    from docx import Document

    r = clerk.get(f"/hearings/{hid}/record.docx")
    assert r.status_code == 200
    import io

    text = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    name = web.store.user_row("clerk")["display_name"]
    assert name and f"记录人：{name}" in text.replace(" ", ""), text[:400]
