"""The hearing record in the draft: who attended, and the parties' cross-examination opinions, marked as
coming from the record."""

from __future__ import annotations

from arbitration.drafting import draft_award
from arbitration.hearing.journal import Segment
from arbitration.model import SourceKind


def _seg(i: int, role: str, text: str) -> Segment:
    return Segment(id=f"s{i}", role=role, start=10.0 * i, end=10.0 * i + 8, text=text, raw_text=text)


def test_record_gives_attendance_and_cross_examination(case):
    record = [
        _seg(1, "首席仲裁员", "现在开庭。请被申请人对申请人提交的证据发表质证意见。"),
        _seg(2, "被申请人代理人", "对劳动合同的真实性认可，对微信聊天记录的真实性不认可。"),
        _seg(3, "申请人", "我是2020年6月1日入职的。"),
    ]
    award = draft_award(case, record=record)
    procedure = award.sections["procedure"]
    assert "申请人、被申请人到庭参加了庭审" in procedure[-1].text and procedure[-1].source == SourceKind.HEARING
    cross = [p for p in award.sections["evidence"] if p.source == SourceKind.HEARING]
    assert any(p.text.startswith("庭审中，被申请人称：对劳动合同的真实性认可") for p in cross)
    assert not any("「待填写」" in p.text for p in award.sections["evidence"])


def test_absent_respondent(case):
    award = draft_award(case, record=[_seg(1, "申请人", "对证据的真实性无异议。")])
    assert "被申请人经本委依法通知未到庭" in award.sections["procedure"][-1].text


def test_without_record_the_clerk_fills_in(case):
    award = draft_award(case)
    assert "到庭情况「待填写」" in award.sections["procedure"][-1].text
    assert any("质证意见「待填写」" in p.text for p in award.sections["evidence"])
