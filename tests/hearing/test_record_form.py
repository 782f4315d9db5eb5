"""The record form with nobody keyed (issue 17): one line per utterance, each with its own time; a pause of about a
second, a question answered or a speaker-change hint starts a new line; keyed speakers' consecutive segments still
join. These fail on the stop-11 export, which printed unkeyed speech as one paragraph."""

from __future__ import annotations

import pytest

from arbitration.hearing import Hearing, export
from arbitration.hearing.export import record_lines
from arbitration.hearing.journal import DEFAULT_ROLE, Segment

SAID = [  # (start, end, text): a mock hearing on one microphone, no seat keyed
    (0.0, 2.1, "现在开庭。"),
    (2.2, 4.0, "请申请人陈述仲裁请求。"),  # 0.1 s on: the same utterance
    (5.2, 9.0, "请求裁决被申请人支付二倍工资。"),  # 1.2 s pause: a new line
    (9.4, 11.0, "你是什么时候入职的？"),  # 0.4 s: joins
    (11.5, 13.0, "2022年3月1日。"),  # the question answered: a new line
    (13.2, 15.0, "担任仓库管理员。"),
]


def _segments(said, role=DEFAULT_ROLE) -> list[Segment]:
    return [Segment(id=f"{i:06d}", role=role, start=a, end=b, text=t, raw_text=t) for i, (a, b, t) in enumerate(said, 1)]


def test_unkeyed_speech_is_one_line_per_utterance():
    lines = record_lines(_segments(SAID))
    assert [x["text"] for x in lines] == [
        "现在开庭。请申请人陈述仲裁请求。",
        "请求裁决被申请人支付二倍工资。你是什么时候入职的？",
        "2022年3月1日。担任仓库管理员。",
    ]
    assert [x["time"] for x in lines] == ["00:00:00", "00:00:05", "00:00:11"]


def test_a_speaker_change_hint_starts_a_new_unkeyed_line():
    lines = record_lines(_segments(SAID), hints=[13.1])
    assert [x["text"] for x in lines][-2:] == ["2022年3月1日。", "担任仓库管理员。"]


def test_keyed_speech_joins_across_pauses_but_not_after_a_question_answered():
    lines = record_lines(_segments(SAID, role="申请人"))
    assert [x["text"] for x in lines] == [
        "现在开庭。请申请人陈述仲裁请求。请求裁决被申请人支付二倍工资。你是什么时候入职的？",
        "2022年3月1日。担任仓库管理员。",
    ]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_export_prints_each_unkeyed_utterance_with_its_time(cfg, fmt):
    h = Hearing.start(None, "unkeyed", cfg=cfg)
    try:
        for seg in _segments(SAID):
            h._append({"type": "segment", **seg.model_dump(exclude={"revisions"})})
    finally:
        h.close()
    out = export(h.dir, fmt)
    if fmt == "txt":
        text = out.read_text(encoding="utf-8")
    else:
        from docx import Document

        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    for line in ("〔00:00:00〕发言人：现在开庭。", "〔00:00:05〕发言人：请求裁决", "〔00:00:11〕发言人：2022年3月1日。"):
        assert line in text.replace("\t", ""), text
