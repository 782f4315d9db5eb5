"""Requests written in running text (issue 13): the claims a statement asks for, who asks, several sums in one item,
amounts as written, periods, changes at the hearing, withdrawals, costs that are no claim, and a worker's demands in
the defence when the employer sues. The statements below are written for these tests in the style of real 起诉状
and judgments (no real document is copied)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbitration.extract import build_case
from arbitration.extract.claims import claims_from_section, requests_in, split_items
from arbitration.ingest import classify
from arbitration.ingest.speech import segments
from arbitration.model import (
    ClaimantSide,
    DocType,
    Document,
    Method,
    Page,
    PartyKind,
    PartyRole,
)

WORKER_SUES = (
    "原告赵某某诉称：原告于2019年4月1日到被告青岛恒远物流有限公司处工作，担任仓管员，月工资4600元。"
    "2021年6月30日被告以经营困难为由口头辞退原告。此后原告向青岛市黄岛区劳动人事争议仲裁委员会申请仲裁，"
    "要求被告支付赔偿金，仲裁委裁决驳回。原告不服，故诉至法院，请求判令被告支付：\n"
    "1、2021年5月1日至2021年6月30日期间工资9200元（4600元/月×2个月）；\n"
    "2、违法解除劳动合同赔偿金2.3万元；\n"
    "3、未签订书面劳动合同二倍工资差额人民币肆万伍仟元整，加班费3\n200元；\n"
    "4、本案诉讼费由被告承担。\n"
    "庭审中，原告将第二项诉讼请求变更为违法解除劳动合同赔偿金20700元，并撤回第三项中的加班费请求。\n"
    "被告青岛恒远物流有限公司辩称：原告系自动离职，被告从未辞退原告，不同意原告的诉讼请求。\n"
)


def _doc(text: str, name: str = "起诉状及答辩.txt") -> Document:
    doc = Document(file=name, sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])
    doc.doc_type, doc.type_confidence = classify(doc)
    return doc


def test_worker_claims_in_running_text_with_their_amounts_and_periods():
    case = build_case([_doc(WORKER_SUES)])
    got = [(c.index, c.part, c.type, c.amount, c.withdrawn) for c in case.claims]
    assert got == [
        (1, None, "unpaid_wages", Decimal("9200"), False),  # the sum asked, not the monthly rate in brackets
        (2, None, "unlawful_termination", Decimal("20700"), False),  # changed at the hearing: the later stands
        (3, 1, "double_wage", Decimal("45000"), False),  # 大写 with 元整
        (3, 2, "overtime", Decimal("3200"), True),  # a number broken over two lines; withdrawn, kept for the record
    ]
    assert all(c.claimant is ClaimantSide.WORKER for c in case.claims)
    wages = case.claims[0]
    assert (wages.period_start, wages.period_end) == (date(2021, 5, 1), date(2021, 6, 30))
    changed = case.claims[1]
    assert [(h.amount, h.note) for h in changed.history] == [(Decimal("23000"), "庭审中变更")]
    assert changed.history[0].source.quote.startswith("违法解除")
    assert case.forum == "court"
    for c in case.claims:  # the provenance points at the wording in the file
        assert c.source.file == "起诉状及答辩.txt" and c.source.quote
    assert not any("诉讼费" in c.text for c in case.claims)


def test_an_earlier_arbitration_request_is_no_claim_of_this_suit():
    text = WORKER_SUES.split("请求判令")[0] + "请求判令被告支付加班费1000元。"
    found = requests_in(text)
    assert [(c.type, c.amount) for c in found] == [("overtime", Decimal("1000"))]  # not the 赔偿金 asked of the commission


def test_parties_of_the_statement_and_the_claimant_side():
    case = build_case([_doc(WORKER_SUES)])
    assert [(p.role, p.kind, p.name) for p in case.parties] == [
        (PartyRole.APPLICANT, PartyKind.PERSON, "赵某某"),
        (PartyRole.RESPONDENT, PartyKind.ORGANISATION, "青岛恒远物流有限公司"),
    ]


EMPLOYER_SUES = (
    "原告青岛鼎盛餐饮管理有限公司诉称：被告系原告单位员工，2022年3月擅自离岗，原告依规章制度解除劳动合同合法。"
    "被告向仲裁委申请仲裁，要求原告支付经济补偿金1万元，仲裁委裁决原告支付被告经济补偿金8000元。原告不服，"
    "诉至法院，请求判令：一、原告无需支付被告经济补偿金8000元；二、确认原、被告之间自2022年1月起不存在劳动关系；"
    "三、本案诉讼费用由被告负担。\n"
    "被告孙某辩称：原告于2022年3月5日口头通知被告不用再来上班，属违法解除，原告依法应支付赔偿金16000元给被告。"
    "请求法院依法驳回原告的诉讼请求。\n"
)


def test_employer_suing_against_an_award_makes_employer_claims_and_the_sued_worker_demands():
    case = build_case([_doc(EMPLOYER_SUES)])
    got = [(c.claimant, c.type, c.amount) for c in case.claims]
    assert got == [
        (ClaimantSide.EMPLOYER, "severance", Decimal("8000")),
        (ClaimantSide.EMPLOYER, "labor_relation", None),
        (ClaimantSide.WORKER, "unlawful_termination", Decimal("16000")),  # the worker's demand in the defence
    ]
    assert [(p.role, p.kind) for p in case.parties] == [
        (PartyRole.APPLICANT, PartyKind.ORGANISATION),
        (PartyRole.RESPONDENT, PartyKind.PERSON),
    ]


@pytest.mark.parametrize(
    "listing",
    [
        "（1）支付工资3000元；（2）支付经济补偿6000元；（3）支付加班费500元。",
        "一、支付工资3000元；\n二、支付经济补偿6000元；\n三、支付加班费500元。",
        "①支付工资3000元；②支付经济补偿6000元；③支付加班费500元。",
        "第一项，支付工资3000元；第二项，支付经济补偿6000元；第三项，支付加班费500元。",
        "被告支付工资3000元；\n2、支付经济补偿6000元；\n3、支付加班费500元。",  # the first item unnumbered
    ],
)
def test_item_numbering_forms(listing):
    found = requests_in("原告诉至法院，要求判令：" + listing)
    assert [(c.index, c.type, c.amount) for c in found] == [
        (1, "unpaid_wages", Decimal("3000")),
        (2, "severance", Decimal("6000")),
        (3, "overtime", Decimal("500")),
    ]


def test_several_sums_in_one_item_are_linked_claims_and_monthly_wages_one_claim():
    [item] = split_items("1、支付工资800元、取暖费200元、独生子女费1500元；")
    assert item[0] == 1
    claims = claims_from_section("1、支付工资800元、取暖费200元、独生子女奖励金1500元；")
    assert [(c.index, c.part, c.type, c.amount) for c in claims] == [
        (1, 1, "unpaid_wages", Decimal("800")),
        (1, 2, "unpaid_wages", Decimal("200")),
        (1, 3, "other", Decimal("1500")),
    ]
    [wages] = claims_from_section("1、支付2020年3月工资2100元、2020年4月工资2300.50元、2020年5月提成120元；")
    assert (wages.type, wages.amount) == ("unpaid_wages", Decimal("4520.50"))
    assert (wages.period_start, wages.period_end) == (date(2020, 3, 1), date(2020, 5, 31))


def test_a_total_with_its_breakdown_and_a_calculation_in_brackets():
    parts = claims_from_section("1、判令原告无须向被告支付15000元（其中工资5000元，经济补偿10000元）。")
    assert [(c.part, c.type, c.amount, c.employer) for c in parts] == [
        (1, "unpaid_wages", Decimal("5000"), True),
        (2, "severance", Decimal("10000"), True),
    ]
    [insurance] = claims_from_section("1、补缴社会保险费（养老保险10个月×3000元×16%=4800元，医疗保险10个月×3000元×8%=2400元）。")
    assert (insurance.type, insurance.amount) == ("social_insurance", Decimal("7200"))


def test_a_statement_listing_changes_after_the_requests():
    text = (
        "原告现起诉要求：被告支付工资5000元；\n2、被告支付经济补偿金10000元的利息2000元。\n"
        "后原告的诉讼请求予以变更：1、被告支付工资5600元；\n2、撤回第二项诉讼请求。"
    )
    found = requests_in(text)
    assert [(c.index, c.amount, c.withdrawn, len(c.history)) for c in found] == [
        (1, Decimal("5600"), False, 1),
        (2, Decimal("2000"), True, 0),
    ]


def test_statements_in_one_file_are_cut_by_who_speaks():
    doc = _doc(WORKER_SUES + "经审理查明：原告于2019年4月1日入职被告处。\n")
    assert doc.doc_type is DocType.PLEADINGS
    kinds = [(s.kind, s.role, s.names) for s in segments(doc.text)]
    assert kinds == [
        ("statement", PartyRole.APPLICANT, ["赵某某"]),
        ("defence", PartyRole.RESPONDENT, ["青岛恒远物流有限公司"]),
        ("findings", None, []),
    ]


def test_a_statement_without_requests_says_so_by_name():
    case = build_case([_doc("原告诉称：原告在被告处工作多年。\n被告辩称：不同意。\n")])
    assert case.claims == [] and "未找到诉讼请求" in case.warnings


def test_more_ways_to_open_a_statement():
    found = segments("原告王某诉至本院称：被告拖欠工资。\n被告某公司在庭审中辩称：不同意。\n被告李某经本院传票传唤未到庭。")
    assert [(s.kind, s.role) for s in found] == [
        ("statement", PartyRole.APPLICANT), ("defence", PartyRole.RESPONDENT), ("absent", PartyRole.RESPONDENT),
    ]
    case = build_case([_doc("申请人张某请求裁决：1、被申请人支付工资3000元；2、被申请人支付经济补偿金6000元。\n"
                            "被申请人青岛某某商贸有限公司辩称：工资已经支付。\n")])
    assert case.forum == "commission"
    assert [(c.type, c.amount) for c in case.claims] == [("unpaid_wages", Decimal("3000")), ("severance", Decimal("6000"))]


APPEAL = (
    "上诉人（原审被告）：青岛某某物流有限公司，住所地青岛市黄岛区。\n"
    "被上诉人（原审原告）：刘某某，男，1980年5月1日出生，住青岛市黄岛区。\n"
    "上诉人青岛某某物流有限公司因与被上诉人刘某某劳动争议一案，不服山东省青岛市黄岛区人民法院（2019）鲁0211民初1234号"
    "民事判决，向本院提起上诉。\n"
    "某某物流公司上诉请求：撤销一审判决，改判上诉人无需支付被上诉人经济补偿金。事实和理由：被上诉人系自动离职。\n"
    "刘某某辩称：一审判决认定事实清楚，请求驳回上诉。\n"
    "刘某某向一审法院起诉请求：1、判令被告支付原告经济补偿金12000元；2、判令被告支付原告2018年11月至12月工资8000元；"
    "3、本案诉讼费由被告承担。\n"
    "一审法院认定事实：刘某某于2015年3月入职某某物流公司，月工资4000元。\n"
)


def test_an_appeal_keeps_the_first_instance_requests_the_worker_made():
    """「刘某某向一审法院起诉请求：…」 retold in an appeal is the worker's statement (a court named between the speaker
    and the verb is no speaker); the appellant's request stays the employer's."""
    kinds = [(s.kind, s.names) for s in segments(APPEAL)]
    assert ("statement", ["刘某某"]) in kinds
    case = build_case([_doc(APPEAL)])
    got = [(c.claimant, c.type, c.amount) for c in case.claims]
    assert (ClaimantSide.WORKER, "severance", Decimal("12000")) in got
    assert (ClaimantSide.WORKER, "unpaid_wages", Decimal("8000")) in got
    assert (ClaimantSide.EMPLOYER, "severance", None) in got


def test_a_request_opened_by_the_role_word_of_an_appeal_or_a_defence_is_a_request_of_its_own():
    """「…，被上诉人支付…」 opens a request as 「…，被告支付…」 does; so does 「答辩人支付…」 in an application."""
    for text in ("1、确认上诉人与被上诉人存在劳动关系，被上诉人支付上诉人工资差额；",
                 "1、确认申请人与被申请人存在劳动关系，答辩人支付申请人工资差额；"):
        assert [(c.part, c.type) for c in claims_from_section(text)] == [(1, "labor_relation"), (2, "unpaid_wages")]
