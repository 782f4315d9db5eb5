"""Parties from the headers of real generated case files (DOCX, text PDF, scanned PDF, legacy .doc)."""

from __future__ import annotations

from datetime import date

import pytest

from arbitration.extract.parties import parties_from_header
from arbitration.extract.text import DocText
from arbitration.model import Document, Method, Page, PartyKind, PartyRole


def _only(case, role):
    found = case.parties_by_role(role)
    assert len(found) == 1, [p.name for p in case.parties]
    return found[0]


def test_person_and_organisation_from_a_docx_application(extracted):
    case, errors = extracted("case_dismissal")
    assert errors == []
    a = _only(case, PartyRole.APPLICANT)
    assert (a.kind, a.name, a.gender, a.ethnicity) == (PartyKind.PERSON, "王丽华", "女", "汉族")
    assert a.birth_date == date(1990, 5, 12)
    assert a.id_number and a.id_number.startswith("370202199005121") and a.id_number_valid is True
    assert a.address == "山东省青岛市市南区香港中路10号3单元502户"
    assert a.phone == "13912345678"
    assert a.credit_code is None and a.legal_representative is None
    agent = a.agents[0]
    assert (agent.name, agent.kind, agent.firm, agent.phone) == ("赵明", "律师", "山东正衡律师事务所", "13805321234")
    assert agent.source.file == "仲裁申请书.docx" and agent.source.method is Method.DOCX

    r = _only(case, PartyRole.RESPONDENT)
    assert (r.kind, r.name) == (PartyKind.ORGANISATION, "青岛海润物流有限公司")
    assert r.credit_code and r.credit_code.startswith("91370211MA3C4D5E") and r.credit_code_valid is True
    assert r.legal_representative.name == "刘建国"
    assert "执行董事" in r.legal_representative.kind
    assert r.gender is None and r.id_number is None
    # the representative's phone line does not become the company's address or the applicant's phone
    assert r.address == "山东省青岛市黄岛区长江西路88号"


def test_non_lawyer_agent_and_defence_merges_into_the_same_party(extracted):
    case, _ = extracted("case_forced_resignation")
    a = _only(case, PartyRole.APPLICANT)
    assert a.name == "李强" and a.agents[0].name == "李梅"
    assert a.agents[0].firm is None and a.agents[0].kind != "律师"
    r = _only(case, PartyRole.RESPONDENT)  # named again in the .doc defence: merged, not duplicated
    assert r.name == "青岛鑫达机械制造有限公司" and r.legal_representative.name == "孙海涛"


@pytest.mark.slow
def test_parties_from_an_ocr_scanned_application(extracted):
    case, _ = extracted("case_scanned", ("仲裁申请书扫描件.pdf", "情况说明.txt"))
    a = _only(case, PartyRole.APPLICANT)
    r = _only(case, PartyRole.RESPONDENT)
    assert (a.name, a.gender, a.birth_date) == ("张伟", "男", date(1992, 3, 8))
    assert a.id_number_valid is True and r.credit_code_valid is True
    assert a.source.method is Method.OCR
    assert a.agents == []  # 「委托代理人：无。」 names nobody


def _doc(text: str) -> DocText:
    return DocText(Document(file="申请书.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)]))


def test_invalid_codes_are_kept_but_flagged_and_lend_nothing():
    text = (
        "申请人：赵某，公民身份号码：110105194912310021，住址：北京市朝阳区。\n"
        "被申请人：北京某某科技有限公司，统一社会信用代码：91370203MA1B2C3D0X。\n"
        "法定代表人：钱某。\n"
        "仲裁请求：\n1、裁决被申请人支付工资5000元。\n"
    )
    a, r = parties_from_header(_doc(text))
    assert a.id_number == "110105194912310021" and a.id_number_valid is False
    assert a.birth_date is None and a.gender is None  # not read from an untrusted number
    assert r.credit_code == "91370203MA1B2C3D0X" and r.credit_code_valid is False
    assert r.kind is PartyKind.ORGANISATION and r.legal_representative.name == "钱某"


def test_organisation_recognised_by_name_or_representative_only():
    text = "申请人：孙某，男。\n被申请人：张三烧烤店，经营者：张三。\n"
    a, r = parties_from_header(_doc(text))
    assert a.kind is PartyKind.PERSON and r.kind is PartyKind.ORGANISATION
    assert r.legal_representative.name == "张三" and r.legal_representative.kind.startswith("经营者")
