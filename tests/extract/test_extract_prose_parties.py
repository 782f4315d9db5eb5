"""Parties read from running text (issue 13): 「原告黄某某」「被告某某有限公司」 with or without a header line, one
party across its spellings (全称 / 简称 / 「以下简称」), legal representatives and agents where stated, and a side
the file only counts (「二被告」). Texts written for the tests."""

from __future__ import annotations

import pytest

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


# ---------------------------------------------------------------- numbered parties (被告一, 第二被告, 被告之二 …)

def _respondents(case):
    return [(p.kind, p.name) for p in case.respondents]


@pytest.mark.parametrize("first, second", [("被告一", "被告二"), ("被告之一", "被告之二"), ("第一被告", "第二被告")])
def test_numbered_header_lines_are_two_parties_and_their_numbers_no_names(first, second):
    case = _case(
        f"原告：孙某某，男，1982年4月3日出生，住济南市历下区。\n{first}：济南恒远货运有限公司，住所地济南市。\n"
        f"{second}：山东启航人力资源有限公司，住所地济南市。\n原告诉称：原告于2019年3月入职，请求判令二被告支付工资5000元。\n"
        f"{first}辩称：不同意。\n{second}辩称：原告不是我公司员工。\n"
    )
    assert _respondents(case) == [
        (PartyKind.ORGANISATION, "济南恒远货运有限公司"),
        (PartyKind.ORGANISATION, "山东启航人力资源有限公司"),
    ]


def test_parties_known_only_by_their_numbers_are_the_first_and_the_second():
    case = _case(
        "原告孙某某诉称：原告于2019年3月入职被告处。请求判令被告一、被告二连带支付工资5000元。\n"
        "被告一辩称：不同意。\n被告二辩称：原告不是我公司员工。\n"
    )
    assert [p.name for p in case.respondents] == ["被告", "被告之二"]  # unnamed, and no party called 「一」
    assert all(p.kind is PartyKind.ORGANISATION for p in case.respondents)


def test_a_number_before_or_after_the_role_word_is_not_part_of_the_name():
    case = _case(
        "原告孙某某诉称：原告于2019年3月入职第一被告济南恒远货运有限公司，由被告之二山东启航人力资源有限公司发放工资。"
        "请求判令二被告支付工资5000元。\n第一被告辩称：不同意。\n被告之二辩称：原告不是我公司员工。\n"
    )
    assert _respondents(case) == [
        (PartyKind.ORGANISATION, "济南恒远货运有限公司"),
        (PartyKind.ORGANISATION, "山东启航人力资源有限公司"),
    ]


def test_a_bare_number_is_read_only_where_the_text_numbers_that_side():
    numbered = _case(
        "原告孙某某诉称：原告于2019年3月入职被告一济南恒远货运有限公司，被派遣至被告二山东启航人力资源有限公司。"
        "请求判令二被告支付工资5000元。\n被告一辩称：不同意。\n被告二辩称：不同意。\n"
    )
    assert [p.name for p in numbered.respondents] == ["济南恒远货运有限公司", "山东启航人力资源有限公司"]
    # a name that begins with a numeral, in a text that numbers nobody, keeps it; 「一次性」 numbers no one
    plain = _case(
        "原告孙某某诉称：原告于2019年3月入职被告七星电子科技有限公司。请求判令被告一次性支付工资5000元。\n"
        "被告七星电子科技有限公司辩称：被告一直按时发放工资。\n"
    )
    assert [p.name for p in plain.respondents] == ["七星电子科技有限公司"]


def test_the_third_defendant_is_counted_as_three():
    case = _case(
        "原告孙某某诉称：原告于2019年3月入职被告济南恒远货运有限公司。请求判令第三被告对工资5000元承担连带责任。\n"
        "被告济南恒远货运有限公司辩称：不同意。\n"
    )
    assert [p.name for p in case.respondents] == ["济南恒远货运有限公司", "被告之二", "被告之三"]


# ---------------------------------------------------------------- the commission is no party

def test_a_commissions_short_name_is_no_alias_of_a_party():
    case = _case(
        "原告孙某某诉称：原告于2019年3月入职被告济南恒远货运有限公司。2020年5月，原告以被告济南恒远货运有限公司为被申请人"
        "向济南市历下区劳动人事争议仲裁委员会（以下简称历下区仲裁委）申请仲裁，历下区仲裁委裁决驳回。"
        "请求判令被告支付工资5000元。\n被告济南恒远货运有限公司辩称：不同意。\n"
    )
    assert [(p.name, p.aliases) for p in case.respondents] == [("济南恒远货运有限公司", [])]


def test_a_short_name_belongs_to_the_name_right_before_it():
    case = _case(
        "原告孙某某诉称：原告与被告济南恒远货运有限公司签订劳动合同，被派遣至被告济南恒远货运有限公司的关联企业"
        "山东启航机械制造有限公司（以下简称启航公司）工作。请求判令被告支付工资5000元。\n被告济南恒远货运有限公司辩称：不同意。\n"
    )
    assert "启航公司" not in case.respondents[0].aliases


def test_a_commission_named_in_a_narrative_is_no_respondent():
    text = (
        "仲裁请求：\n一、请求裁决支付工资5000元。\n事实与理由：\n孙某某于2019年3月入职，担任司机。"
        "2020年5月，孙某某向历下区劳动仲裁委申请仲裁。\n"
    )
    doc = Document(file="仲裁申请书.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])
    doc.doc_type, doc.type_confidence = classify(doc)
    case = build_case([doc])
    assert [p.name for p in case.applicants] == ["孙某某"]
    assert not any("仲裁委" in p.name for p in case.parties)
