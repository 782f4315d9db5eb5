"""The journal on disk: replay after a crash (torn last line), revisions beside the recognised text, role tags,
and resuming a hearing's timeline and segment numbering. No model: the journal is written as the clerk writes it."""

from __future__ import annotations

import json

import pytest

from arbitration.errors import ArbitrationError
from arbitration.hearing import Hearing, load_record


def _seg(i: int, start: float, end: float, text: str, raw: str | None = None, channel: int = 0) -> dict:
    return {"type": "segment", "id": f"{i:06d}", "channel": channel, "role": "发言人", "start": start, "end": end,
            "text": text, "raw_text": raw or text, "original_text": text, "corrected": raw is not None,
            "committed_at": 0.0}


@pytest.fixture
def hearing_dir(cfg):
    h = Hearing.start(None, "2024-001", cfg=cfg, channels={0: "首席仲裁员", 1: "申请人"})
    h.close()
    lines = [_seg(1, 0.5, 2.0, "现在开庭。"), _seg(2, 2.4, 5.1, "我是三月一日入职的", "我是三月一日入直的", channel=1)]
    with open(h.journal_path, "w", encoding="utf-8") as f:
        for r in lines:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return h.dir


def test_replay_maps_channels_to_seats_and_keeps_raw_text(hearing_dir):
    segs = load_record(hearing_dir)
    assert [(s.id, s.role, s.text) for s in segs] == [
        ("000001", "首席仲裁员", "现在开庭。"), ("000002", "申请人", "我是三月一日入职的")]
    assert segs[1].raw_text == "我是三月一日入直的" and segs[1].corrected


def test_torn_last_line_is_skipped_and_repaired_on_resume(hearing_dir, cfg):
    journal = hearing_dir / "journal.jsonl"
    with open(journal, "ab") as f:  # kill -9 in the middle of a write
        f.write(json.dumps(_seg(3, 6.0, 7.0, "被申请人")).encode()[:25])
    assert [s.id for s in load_record(hearing_dir)] == ["000001", "000002"]
    h = Hearing.start(None, "2024-001", cfg=cfg)  # resume: the torn line is closed, new records are readable
    try:
        assert h.offset >= 5.1 and h._next == 3
        h.set_role("被申请人", channel=1, at=h.offset)
    finally:
        h.close()
    assert journal.read_bytes().count(b"\n") == 5  # two segments, the torn line, the repair mark, the tag
    assert load_record(hearing_dir)[-1].id == "000002"
    assert json.loads(journal.read_bytes().splitlines()[-1])["role"] == "被申请人"


def test_a_damaged_line_in_the_middle_is_an_error(hearing_dir):
    journal = hearing_dir / "journal.jsonl"
    lines = journal.read_bytes().splitlines()
    journal.write_bytes(lines[0][:10] + b"\n" + lines[1] + b"\n")
    with pytest.raises(ArbitrationError, match="第 1 行损坏"):
        load_record(hearing_dir)


def test_revisions_are_appended_and_the_recognised_text_stays(hearing_dir, cfg):
    journal = hearing_dir / "journal.jsonl"
    before = journal.read_bytes()
    h = Hearing.start(None, "2024-001", cfg=cfg)
    try:
        h.revise("000002", text="我是2021年3月1日入职的")
        h.revise("000002", role="申请人代理人")
        with pytest.raises(ArbitrationError, match="没有编号为 000009"):
            h.revise("000009", text="x")
    finally:
        h.close()
    after = journal.read_bytes()
    assert after.startswith(before)  # nothing written before is rewritten
    seg = load_record(hearing_dir)[1]
    assert (seg.text, seg.role) == ("我是2021年3月1日入职的", "申请人代理人")
    assert seg.original_text == "我是三月一日入职的" and seg.raw_text == "我是三月一日入直的"
    assert [r.text for r in seg.revisions] == ["我是2021年3月1日入职的", None]


def test_role_tag_applies_from_its_time_on(hearing_dir, cfg):
    h = Hearing.start(None, "2024-001", cfg=cfg, channels={0: "发言人"})
    try:
        h.set_role("书记员", channel=0, at=0.0)
        h.set_role("首席仲裁员", channel=0, at=1.0)  # after the first segment's start: it stays 书记员
    finally:
        h.close()
    assert load_record(hearing_dir)[0].role == "书记员"


def test_hearing_id_must_be_a_safe_directory_name(cfg):
    with pytest.raises(ArbitrationError, match="不能用作目录名"):
        Hearing.start(None, "../etc", cfg=cfg)
