"""Parties read from running text (issue 13): 「原告黄某某」「被告某某有限公司」 with or without a header line, one
party across its spellings (全称 / 简称 / 「以下简称」), legal representatives and agents where stated, and a side
the file only counts (「二被告」). Texts written for the tests."""

from __future__ import annotations

from arbitration.extract import build_case
from arbitration.extract.parties import same_party
from arbitration.ingest import classify
from arbitration.model import Document, Method, Page, PartyKind, PartyRole


def _case(text: str):
    doc = Document(file="起诉状及答辩.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])
    doc.doc_type, doc.type_confidence = classify(doc)
    return build_case([doc])


def test_one_party_across_its_full_and_short_names():
    case = _case(
        "原告周某某诉称：原告于2018年5月入职被告青岛海川精密机械制造有限公司（以下简称海川公司），"
        "被派遣至青岛北岸汽车零件有限公司工作。故诉至法院，请求判令二被告支付工资6000元。\n"
        "被告海川公司辩称：不同意原告的诉讼请求。\n被告北岸公司辩称：原告不是我公司员工。\n"
    )
    assert [(p.role, p.kind, p.name) for p in case.parties] == [
        (PartyRole.APPLICANT, PartyKind.PERSON, "周某某"),
        (PartyRole.RESPONDENT, PartyKind.ORGANISATION, "青岛海川精密机械制造有限公司"),
        (PartyRole.RESPONDENT, PartyKind.ORGANISATION, "北岸公司"),
    ]
    assert case.parties[1].aliases == ["海川公司"]


def test_a_header_line_and_a_legal_representative_in_prose():
    case = _case(
        "原告：吴某某，女，1985年3月2日出生，住青岛市李沧区。\n"
        "被告：青岛新港仓储服务有限公司，住所地青岛市黄岛区。\n"
        "原告诉称：原告于2020年1月入职被告处，被告的法定代表人郑国强口头辞退原告。故诉至法院，请求判令被告支付工资3000元。\n"
        "被告辩称：原告系自动离职。\n"
    )
    worker, employer = case.applicants[0], case.respondents[0]
    assert (worker.name, worker.gender) == ("吴某某", "女")
    assert employer.name == "青岛新港仓储服务有限公司" and employer.kind is PartyKind.ORGANISATION
    assert employer.legal_representative is not None and employer.legal_representative.name == "郑国强"


def test_a_side_the_file_counts_but_does_not_name_and_a_worker_named_only_in_the_requests():
    case = _case(
        "原告诉称：孔某某于2016年起在被告青岛远景物业管理有限公司从事保洁工作。故诉至法院，请求判令二被告连带支付"
        "孔某某工资4000元、经济补偿金8000元。\n被告青岛远景物业管理有限公司辩称：不同意。\n"
    )
    assert [p.name for p in case.applicants] == ["孔某某"]  # the person every request is paid to
    assert [p.name for p in case.respondents] == ["青岛远景物业管理有限公司", "被告之二"]
    assert any("未载明第二被告" in w for w in case.warnings)


def test_short_names_and_people():
    assert same_party("冠海公司", "福建冠海海运有限公司")
    assert same_party("新侨国际公司", "北京新侨国际企业管理有限公司")
    assert not same_party("王安", "王安全")  # people are one party only by the same name
    assert not same_party("株龙山公司", "北京新侨国际企业管理有限公司")
