"""A party absent from the hearing whose written defence is set out (「未到庭参加诉讼，提交的书面答辩意见如下：」) speaks
in it; one that handed in none stays absent. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

from arbitration.extract import build_case
from arbitration.ingest import classify
from arbitration.ingest.speech import segments
from arbitration.model import Document, Method, Page, PartyRole

STATEMENT = "原告乙诉称：2008年1月乙入职甲公司，2011年8月1日甲公司终止劳动合同。\n"


def test_absent_party_with_a_written_defence_speaks_in_it():
    text = STATEMENT + "被告甲公司未到庭参加诉讼，提交的书面答辩意见如下：1、双方的劳动关系已于2011年7月终止。\n"
    found = segments(text)
    assert [(s.kind, s.role) for s in found] == [("statement", PartyRole.APPLICANT), ("defence", PartyRole.RESPONDENT)]
    assert text[found[1].body :].startswith("1、双方")


def test_absent_party_without_a_defence_stays_absent():
    for line in ("被告甲公司经本院合法传唤未到庭参加诉讼，亦未提交书面答辩意见。", "被告甲公司未到庭，亦未提交答辩状："):
        assert [s.kind for s in segments(STATEMENT + line)] == ["statement", "absent"]


def test_the_written_defence_gives_the_respondents_version():
    text = STATEMENT + "被告甲公司未到庭参加诉讼，提交的书面答辩意见如下：1、双方的劳动关系已于2011年7月终止。\n"
    doc = Document(file="起诉状及答辩.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])
    doc.doc_type, doc.type_confidence = classify(doc)
    case = build_case([doc])
    assert (("respondent", date(2011, 7, 1)) in [(v.side.value, v.value) for v in case.facts.leave_date.values])
