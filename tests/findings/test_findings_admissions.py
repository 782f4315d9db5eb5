"""Admissions and disputes in statements and the hearing record, each with its source."""

from __future__ import annotations

from arbitration.findings.admissions import stances_in, stances_in_record
from arbitration.hearing.journal import Segment
from arbitration.model import Method, Provenance, Side


def seg(i: int, role: str, text: str) -> Segment:
    return Segment(id=f"s{i}", role=role, start=10.0 * i, end=10.0 * i + 5, text=text, raw_text=text)


def test_an_admission_at_the_hearing_has_its_segment_as_source():
    record = [seg(1, "首席仲裁员", "被申请人，你对申请人的工资标准有什么意见？"),
              seg(2, "被申请人", "对入职时间没有异议，对工资标准有异议。")]
    found = stances_in_record(record)
    hire = next(s for s in found if s.topic == "hire_date")
    assert hire.admits and hire.side == Side.RESPONDENT
    assert hire.source.method == Method.HEARING and hire.source.extractor == "hearing:s2"
    assert "被申请人：对入职时间没有异议" in hire.source.quote
    wage = next(s for s in found if s.topic == "monthly_wage")
    assert not wage.admits  # 「有异议」 disputes; 「没有异议」 is no dispute


def test_a_bare_answer_takes_the_topic_of_the_question():
    record = [seg(1, "仲裁员", "被申请人，对申请人主张的入职时间有无异议？"), seg(2, "被申请人代理人", "没有异议。")]
    [stance] = stances_in_record(record)
    assert (stance.topic, stance.side, stance.admits) == ("hire_date", Side.RESPONDENT, True)


def test_statements_admit_overtime_and_dispute_a_copy():
    source = Provenance(file="答辩书.docx", doc_type="defence", start=0)
    found = stances_in("答辩人认可申请人加班的事实，但双方约定放弃加班费。对工资表复印件的真实性不认可。",
                       Side.RESPONDENT, source)
    assert any(s.topic == "issue:overtime" and s.admits for s in found)
    dispute = next(s for s in found if s.topic == "evidence")
    assert not dispute.admits and "工资表复印件" in dispute.text
    assert dispute.source.quote == dispute.text and dispute.source.file == "答辩书.docx"


def test_requests_and_the_tribunal_are_no_stance():
    source = Provenance(file="仲裁申请书.docx", doc_type="application")
    assert stances_in("请求确认双方存在劳动关系。本委确认以下事实。", Side.APPLICANT, source) == []


def test_an_appeals_role_words_name_the_side_that_admits():
    """上诉人/被上诉人 name the sides on appeal as 原告/被告 and 申请人/被申请人 do: the subject of a clause, the seat
    of a speaker at the hearing, the account 「上诉人所述属实」 admits."""
    source = Provenance(file="答辩状.docx", doc_type="defence", start=0)
    [stance] = stances_in("上诉人认可入职时间为2015年3月1日", Side.RESPONDENT, source)
    assert (stance.topic, stance.side, stance.admits) == ("hire_date", Side.APPLICANT, True)
    record = [seg(1, "被上诉人", "上诉人所述属实。")]
    assert [(s.topic, s.side, s.admits) for s in stances_in_record(record)] == [("statement", Side.RESPONDENT, True)]
    record = [seg(1, "审判员", "被上诉人，对上诉人主张的入职时间有无异议？"), seg(2, "被上诉人代理人", "没有异议。")]
    [stance] = stances_in_record(record)
    assert (stance.topic, stance.side, stance.admits) == ("hire_date", Side.RESPONDENT, True)
