"""Wordings of real judgments the reading stages must understand (issue 13): each case is one KIND of construction
(a speaker phrase with a bracketed short name, a findings heading, a claim-numbering form, a way of stating the wage
or the day the work ended), written here for the test in the style of court judgments; no real document is copied.
Most of these failed before the rules were made general (see the commit that added this file)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbitration.extract import facts as F
from arbitration.extract.claims import requests_in
from arbitration.ingest.speech import segments

SPEECH = [
    # who speaks: speaker phrases with notes, agents, anonymised or short names, lead-in clauses
    ("原告湖北某某物流有限公司（以下简称物流公司）向本院提出诉讼请求：判令被告返还押金2000元。", "statement", "湖北某某物流有限公司"),
    ("原告（反诉被告）某某航空技术有限公司（以下简称航空公司）诉称：被告应支付违约金。", "statement", "某某航空技术有限公司"),
    ("被告某某酒店管理有限公司的委托诉讼代理人辩称：原告系协商离职。", "defence", "某某酒店管理有限公司"),
    ("被告李某某的委托诉讼代理人王某辩称：原告所述不实。", "defence", "李某某"),
    ("原告于某某向本院提出诉讼请求：判令被告支付工资5000元。", "statement", "于某某"),
    ("原告向某某诉称：被告欠付工资。", "statement", "向某某"),
    ("原告单晓明诉称：被告欠付工资。", "statement", "单晓明"),
    ("原告上海经贸实业有限公司诉称：被告应返还押金。", "statement", "上海经贸实业有限公司"),
    ("原告张某于2019年5月8日向本院提起诉讼，请求判令被告支付工资5000元。", "statement", "张某"),
    ("原告张某诉至本院，请求判令被告支付工资5000元。", "statement", "张某"),
    ("原告张某请求判令被告支付工资5000元。", "statement", "张某"),
    ("原告张某因与被告某公司劳动争议纠纷，向本院提起诉讼，请求判令被告支付工资5000元。", "statement", "张某"),
    ("原告某某电子有限公司不服某某市劳动人事争议仲裁委员会作出的仲裁裁决，向本院提起诉讼，请求判令原告无需支付被告赔偿金。",
     "statement", "某某电子有限公司"),
    ("被告邹某某辩称并反诉称：本人辞职已提前三十日通知。", "statement", "邹某某"),
    ("被告某公司辩称并提出反诉：原告应赔偿损失。", "statement", "某公司"),
    ("某某公司针对反诉辩称：不同意支付经济补偿。", "defence", "某某公司"),
    ("被告某公司答辩认为：原告系自动离职。", "defence", "某公司"),
    ("被告某公司的答辩意见：原告系自动离职。", "defence", "某公司"),
    ("被告某公司答辩意见为：原告系自动离职。", "defence", "某公司"),
    ("被告某公司提交书面答辩状称：原告系自动离职。", "defence", "某公司"),
    ("被告某公司对此辩称：原告系自动离职。", "defence", "某公司"),
    ("被告某公司在答辩期内未提交答辩状。", "absent", "某公司"),
    ("被告某公司经本院传票传唤，无正当理由拒不到庭参加诉讼。", "absent", "某公司"),
    # the tribunal's findings and opinion
    ("本院经审理认定事实如下：原告于2015年入职。", "findings", ""),
    ("结合当事人的陈述及本院确认的证据，本院认定如下事实：原告于2015年入职。", "findings", ""),
    ("本院对本案事实认定如下：原告于2015年入职。", "findings", ""),
    ("本院确认如下法律事实：原告于2015年入职。", "findings", ""),
    ("对于双方当事人无争议的事实，本院予以确认：原告于2015年入职。", "findings", ""),
    ("本院根据上述有效证据及当事人陈述，认定本案事实如下：原告于2015年入职。", "findings", ""),
    ("一审法院查明：原告于2015年入职。", "findings", ""),
    # an appeal retells the first-instance suit: the court is where it was brought, never the speaker's name
    ("陈某某向一审法院起诉请求：判令某公司支付经济补偿金15600元。", "statement", "陈某某"),
    ("原告张某向青岛市黄岛区人民法院起诉请求：判令某公司支付工资8000元。", "statement", "张某"),
    ("本院经审查认为，原告的请求合法。", "opinion", ""),
]


@pytest.mark.parametrize(("text", "kind", "name"), SPEECH, ids=[f"speech{i}" for i in range(len(SPEECH))])
def test_who_speaks(text: str, kind: str, name: str) -> None:
    segs = [s for s in segments("某某。\n" + text) if s.kind != "header"]
    assert segs and segs[0].kind == kind
    if name:
        assert segs[0].names[:1] == [name]


NOT_SPEECH = [
    "原告遂诉至本院。",  # a step of the story inside a statement
    "张某与某建筑公司均未提起上诉，一审判决已生效。",  # a negated verb
    "现我公司亦不服仲裁裁决结果，诉至法院。",
    "故提出反诉请求。",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_narration_opens_no_statement(text: str) -> None:
    assert not [s for s in segments("某某。\n" + text) if s.kind in ("statement", "defence")]


W = [("unpaid_wages", Decimal(5000)), ("severance", Decimal(8000))]
REQUESTS = [
    ("请求判令：1）被告支付工资5000元；2）被告支付经济补偿金8000元。", W),
    ("请求判令：一是被告支付工资5000元；二是被告支付经济补偿金8000元。", W),
    ("请求判令：①被告支付工资5000元；②被告支付经济补偿金8000元。", W),
    ("请求判令：第一项，被告支付工资5000元；第二项，被告支付经济补偿金8000元。", W),
    ("请求法院判令被告支付工资伍仟元、经济补偿金捌仟元。", W),
    ("请求判令被告支付工资0.5万元、经济补偿金0.8万元。", W),
    ("原告刘某起诉要求被告支付工资5000元、经济补偿金8000元。", W),
    ("故提出反诉请求：（一）判令某公司支付工资5000元；（二）判令某公司支付经济补偿金8000元。", W),
    ("被告反诉要求原告支付工资5000元、经济补偿金8000元。", W),
    ("请求判令被告支付原告劳动能力鉴定费300元；本案诉讼费、鉴定费由被告承担。", [("other", Decimal(300))]),
    ("请求判令被告支付经济补偿金4400元。\n庭审中，原告将第1项诉讼请求的金额变更为4840元。", [("severance", Decimal(4840))]),
    ("故诉至法院，要求被告支付经济补偿金8100元、补缴社会保险，诉讼费由被告负担。",
     [("severance", Decimal(8100)), ("social_insurance", None)]),
]


@pytest.mark.parametrize(("text", "want"), REQUESTS, ids=[f"request{i}" for i in range(len(REQUESTS))])
def test_requests(text: str, want: list) -> None:
    assert [(c.type, c.amount) for c in requests_in(text)] == want


def test_a_counterclaim_noun_asks_nothing() -> None:
    assert requests_in("驳回原告的反诉请求。") == []


HIRE, LEAVE = date(2015, 3, 1), date(2018, 6, 30)
HIRES = [
    "原告于2015年3月1日到被告某某建材有限公司（以下简称建材公司）的混凝土搅拌站从事操作工作。",
    "原告自2015年3月1日起在被告昆明某某酒店管理有限公司（以下简称酒店公司）工作。",
    "原告于2015年3月1日至被告处务工。",
    "原告于2015年3月1日起为被告提供劳动。",
    "原告于2015年3月1日来被告处工作。",
    "原告于2015年3月1日去被告公司打工。",
    "原告于2015年3月1日经人介绍到被告处做木工。",
    "原告于2015年3月1日开始为被告工作。",
    "原告于2015年3月1日被劳务公司派遣至商贸公司担任仓库搬运工。",
]
LEAVES = [
    "原告于2018年6月30日离开被告公司。",
    "2018年6月30日，被告离开原告处，原告已付清全部报酬。",
    "原告自2018年7月1日起未到被告处上班。",
    "2018年6月30日后，原告未再到被告处工作。",
    "原告于2018年6月30日书面通知工会后，向被告送达了《解除劳动合同通知书》。",
    "被告于2018年6月30日通过快递向原告送达解除劳动合同通知书。",
    # a date in a request, or opening a period, tells no event
    "原告于2018年6月30日离职。请求判令被告支付2018年1月至5月拖欠的工资12600元、解除劳动关系的经济补偿金9000元。",
    "2018年7月1日起，原告未再到被告处上班。",
    "2018年6月30日，被告口头通知原告不再用工。",
]


@pytest.mark.parametrize("text", HIRES)
def test_hire_date(text: str) -> None:
    hires, _ = F.find_employment_dates(text)
    assert hires and hires[0].value == HIRE


@pytest.mark.parametrize("text", LEAVES)
def test_leave_date(text: str) -> None:
    _, leaves = F.find_employment_dates(text)
    assert [f.value for f in F.pick_leave(leaves)] == [LEAVE]


WAGES = [
    ("双方口头约定月报酬2000元，原告按月以现金方式支付报酬。", Decimal(2000)),
    ("2017年7月至2018年3月，陈某某每月10日左右通过其个人账户向原告转账5000元，转账附言均为“工资”。", Decimal(5000)),
    ("原告月平均工资为3800元。被告尚未支付原告6月1日至6月15日的工资，双方确认该期间的工资为1820元。", Decimal(3800)),
    ("离职前十二个月的月平均工资为10000元。竞业限制补偿应为离职前月平均工资的50%，即每月5000元。", Decimal(10000)),
    ("原告工资5000元/月。", Decimal(5000)),
]


@pytest.mark.parametrize(("text", "want"), WAGES)
def test_monthly_wage(text: str, want: Decimal) -> None:
    wage = F.pick_wage(F.find_monthly_wage(text))
    assert wage is not None and wage.value == want


CONTRACTS = [
    ("双方签订了期限为2016年11月1日至2019年10月31日的书面劳动合同。", True),
    ("原告从未与被告签订过劳动合同。", False),
    ("双方签有劳动合同。", True),
]


@pytest.mark.parametrize(("text", "signed"), CONTRACTS)
def test_written_contract(text: str, signed: bool) -> None:
    assert [f.value.signed for f in F.pick_contract(F.find_contract(text))] == [signed]


def test_an_agreement_to_end_is_no_labour_contract() -> None:
    assert F.find_contract("双方于2018年12月28日签订《协商解除劳动合同协议书》。") == []


TERMINATIONS = [
    ("合同期满前，双方均未提出终止或者变更意见，被告继续在原告处工作至2018年7月31日，因个人原因辞职。", "employee"),
    ("原告系自愿离职，公司不同意支付经济补偿。", "employee"),
    ("2018年6月30日，原告未办理离职手续即离开被告处。", "employee"),
    ("被告于2018年6月30日停止安排原告工作。", "employer"),
    ("2018年4月20日，被告以原告不能胜任工作为由，向原告发出《解除劳动合同通知书》，并要求原告当日离开公司。", "employer"),
]


@pytest.mark.parametrize(("text", "initiator"), TERMINATIONS)
def test_who_ended_it(text: str, initiator: str) -> None:
    words = F.PartyWords.for_names([], [], employer_words=("被告",), worker_words=("原告",))
    found = F.find_termination(text, words)
    assert found and found[0].value.initiator.value == initiator


def test_a_request_narrates_no_ending() -> None:
    words = F.PartyWords.for_names([], [])
    assert F.find_termination("①判令被告支付原告解除劳动合同经济补偿金21750元", words) == []


ADMISSIONS = [
    ("被告认可原告于2015年3月1日入职。", {"hire_date"}),
    ("被告确认原告的月工资为5000元。", {"monthly_wage"}),
    ("被告对原告主张的月工资5000元没有异议。", {"monthly_wage"}),
    ("原告所述入职时间、工资情况属实。", {"hire_date", "monthly_wage"}),
    ("被告承认原告的离职时间为2018年6月30日。", {"leave_date"}),
]


@pytest.mark.parametrize(("text", "facts"), ADMISSIONS)
def test_admission(text: str, facts: set) -> None:
    [admission] = F.find_admissions(text)
    assert facts <= set(admission.facts)


def test_pay_for_some_days_admits_no_monthly_wage() -> None:
    [admission] = F.find_admissions("双方确认原告的入职时间为2015年3月1日，该期间的工资为1820元。")
    assert admission.facts == ("hire_date",)


def test_an_expiry_the_work_outlived_ends_nothing() -> None:
    words = F.PartyWords.for_names([], [], employer_words=("被告",), worker_words=("原告",))
    assert F.find_termination("劳动合同期满后双方未续签，原告继续在被告处工作。", words) == []


def test_a_contract_not_signed_after_a_date_gives_no_hire_date() -> None:
    hires, _ = F.find_employment_dates("请求裁决被申请人支付2020年1月至2020年6月未签订书面劳动合同二倍工资差额36000元。")
    assert hires == []


def test_both_sides_ending_it_names_no_one() -> None:
    words = F.PartyWords.for_names([], [], employer_words=("被告",), worker_words=("原告",))
    assert F.find_termination("原告于2005年3月开始在被告处从事司机工作，双方于2014年8月解除劳动合同。", words) == []
