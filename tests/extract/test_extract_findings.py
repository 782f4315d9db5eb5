"""The tribunal's findings and the parties' admissions in statement files (issue 13): what 经审理查明 establishes is
the tribunal's version (part "findings"), a party's word reported there is not; an admission (「原告所述属实」
「被告对此予以认可」) gives the admitting side the admitted value, so the fact is agreed. Texts written for the tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.extract import build_case
from arbitration.extract.facts import find_admissions, mask_reported
from arbitration.ingest import classify
from arbitration.model import Document, Method, Page, Side

HEARING = (
    "原告钱某某诉称：原告于2020年3月2日入职被告青岛启明电子有限公司，月工资5200元，双方未签订书面劳动合同。"
    "2022年8月31日被告无故辞退原告。故诉至法院，请求判令被告支付违法解除劳动合同赔偿金26000元。\n"
    "被告青岛启明电子有限公司辩称：原告所述工作情况属实，但原告系自行离职，被告未辞退原告。\n"
    "经审理查明：原告于2020年3月2日入职被告处，从事质检工作。原告主张其月工资为5800元，被告对此予以认可。"
    "原告称被告于2022年8月31日口头辞退原告，被告不予认可。2022年9月1日起原告未再到被告处上班。\n"
)


def _case(text: str):
    doc = Document(file="起诉状及庭审查明.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])
    doc.doc_type, doc.type_confidence = classify(doc)
    return build_case([doc])


def test_findings_are_the_tribunals_and_reported_words_are_not():
    case = _case(HEARING)
    hire = case.facts.hire_date
    tribunal = hire.by_side(Side.TRIBUNAL)
    assert [v.value for v in tribunal] == [date(2020, 3, 2)]
    assert tribunal[0].source.part == "findings" and tribunal[0].source.quote == "2020年3月2日"
    # 「原告称被告于…口头辞退原告」 in the findings is the plaintiff's word: no tribunal version of the termination
    assert not case.facts.termination.by_side(Side.TRIBUNAL)


def test_a_general_admission_makes_the_statement_agreed():
    case = _case(HEARING)
    hire = case.facts.hire_date
    admitted = [v for v in hire.by_side(Side.RESPONDENT) if v.note == "认可"]
    assert [v.value for v in admitted] == [date(2020, 3, 2)]
    assert admitted[0].source.extractor == "facts.admission" and "属实" in admitted[0].source.quote
    assert not hire.disputed


def test_an_admission_in_the_findings_states_the_value_for_both_sides():
    case = _case(HEARING)
    wage = case.facts.monthly_wage
    agreed = {(v.side, v.value, v.note) for v in wage.values if v.source.part == "findings"}
    assert (Side.APPLICANT, Decimal("5800.00"), "主张") in agreed
    assert (Side.RESPONDENT, Decimal("5800.00"), "认可") in agreed
    [recorded] = wage.by_side(Side.TRIBUNAL)  # the findings record the agreement: the tribunal finds it
    assert (recorded.value, recorded.note, recorded.source.extractor) == (Decimal("5800.00"), "双方无异议", "findings.admitted")


def test_an_own_different_version_keeps_the_fact_disputed():
    case = _case(HEARING)
    # the defence admits the account but says the worker left: the termination stays disputed
    assert case.facts.termination.disputed


def test_admissions_of_evidence_and_denials_are_not_admissions_of_facts():
    assert find_admissions("被告对证据一的真实性无异议。") == []
    assert find_admissions("被告对原告主张的入职时间不予认可。") == []
    [adm] = find_admissions("被告对原告的入职时间无异议。")
    assert adm.facts == ("hire_date",)


def test_reported_words_are_blanked_with_offsets_kept():
    text = "原告于2019年入职。原告主张其月工资8000元。"
    masked = mask_reported(text)
    assert len(masked) == len(text) and "8000" not in masked and masked.startswith("原告于2019年入职")
