"""Facts with provenance and side; disagreeing versions kept and marked disputed, never overwritten."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from arbitration.extract import build_case
from arbitration.extract.facts import (
    PartyWords,
    classify_termination,
    find_contract,
    find_monthly_wage,
)
from arbitration.model import (
    Case,
    DocType,
    Document,
    Method,
    Page,
    Side,
    TerminationInitiator,
)

APPLICATION = """劳动人事争议仲裁申请书
申请人：王某，女，汉族，1990年5月12日出生。
被申请人：青岛某某物流有限公司。
法定代表人：刘某。
仲裁请求：
一、裁决被申请人支付违法解除劳动合同赔偿金48000元。
事实与理由：
申请人于2021年3月1日入职被申请人处，担任仓储主管，月工资8000元。被申请人未与申请人签订书面劳动合同。2024年2月29日，被申请人以申请人严重违反规章制度为由解除劳动合同。
此致
青岛市劳动人事争议仲裁委员会
申请人：王某
2024年3月18日
"""
DEFENCE = """答辩书
答辩人：青岛某某物流有限公司。
被答辩人：王某。
答辩意见：
一、被答辩人的月工资为6000元，而非8000元，8000元包含年终奖金。
二、答辩人与被答辩人于2021年3月1日签订了书面劳动合同，不存在未签订书面劳动合同的情形。
三、被答辩人连续旷工，答辩人依法解除劳动合同。
"""


def _doc(name: str, text: str, doc_type: DocType, method: Method = Method.TXT, confidence: float = 1.0) -> Document:
    return Document(
        file=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        doc_type=doc_type,
        type_confidence=0.9,
        pages=[Page(number=1, text=text, method=method, confidence=confidence)],
    )


@pytest.fixture
def disputed_case() -> Case:
    return build_case([_doc("申请书.txt", APPLICATION, DocType.APPLICATION), _doc("答辩书.txt", DEFENCE, DocType.DEFENCE)])


def test_wage_dispute_keeps_both_versions_with_their_sources(disputed_case):
    wage = disputed_case.facts.monthly_wage
    assert wage.disputed is True
    assert wage.value is None  # unresolved: no version wins silently
    by_side = {v.side: v for v in wage.values}
    assert set(by_side) == {Side.APPLICANT, Side.RESPONDENT}
    a, r = by_side[Side.APPLICANT], by_side[Side.RESPONDENT]
    assert (a.value, r.value) == (Decimal("8000"), Decimal("6000"))
    assert a.source.file == "申请书.txt" and r.source.file == "答辩书.txt"
    for v in (a, r):
        text = {"申请书.txt": APPLICATION, "答辩书.txt": DEFENCE}[v.source.file]
        assert v.source.page == 1 and v.source.method is Method.TXT
        assert text[v.source.start : v.source.end] == v.source.quote  # the span points at the words read
        assert Decimal(v.source.quote.rstrip("元")) == v.value
    # the defence's 「而非8000元」 and 「8000元包含年终奖金」 restate the other side: not a third version
    assert len(wage.values) == 2


def test_a_later_document_never_overwrites(disputed_case):
    wage = disputed_case.facts.monthly_wage
    before = [v.model_copy() for v in wage.values]
    slip = "工资条\n2024年1月 月工资8000元，应发8000元。"
    case = build_case(
        [
            _doc("申请书.txt", APPLICATION, DocType.APPLICATION),
            _doc("答辩书.txt", DEFENCE, DocType.DEFENCE),
            _doc("工资条.txt", slip, DocType.WAGE_RECORD),
        ]
    )
    values = case.facts.monthly_wage.values
    assert [v.value for v in values[:2]] == [b.value for b in before]
    assert values[2].side is Side.EVIDENCE and values[2].source.file == "工资条.txt"
    assert case.facts.monthly_wage.disputed and case.facts.monthly_wage.value is None


def test_agreeing_facts_are_not_disputed_and_contract_denial_is_read_right(disputed_case):
    f = disputed_case.facts
    assert f.hire_date.value == date(2021, 3, 1) and not f.hire_date.disputed
    contract = {v.side: v.value for v in f.written_contract.values}
    assert contract[Side.APPLICANT].signed is False
    # 「不存在未签订书面劳动合同的情形」 asserts a contract: the respondent's version is signed
    assert contract[Side.RESPONDENT].signed is True
    assert contract[Side.RESPONDENT].signed_date == date(2021, 3, 1)
    assert f.written_contract.disputed
    term = f.termination.by_side(Side.APPLICANT)[0].value
    assert term.initiator is TerminationInitiator.EMPLOYER
    assert term.reason == "严重违反规章制度" and term.notice_date == date(2024, 2, 29)


def test_round_trip_keeps_disputes(disputed_case):
    again = Case.model_validate_json(disputed_case.model_dump_json())
    assert again == disputed_case
    assert again.facts.monthly_wage.disputed and again.facts.monthly_wage.value is None


def test_ocr_values_carry_lower_confidence_than_typed_ones():
    typed = build_case([_doc("申请书.pdf", APPLICATION, DocType.APPLICATION, Method.TEXT_LAYER)])
    scanned = build_case([_doc("申请书扫描件.pdf", APPLICATION, DocType.APPLICATION, Method.OCR, 0.97)])
    t, s = typed.facts.monthly_wage.values[0], scanned.facts.monthly_wage.values[0]
    assert t.value == s.value and s.source.method is Method.OCR
    assert s.source.confidence < t.source.confidence
    assert s.source.confidence <= round(t.source.confidence * 0.97 * 0.9, 3)  # page confidence × OCR factor


@pytest.mark.parametrize(
    ("text", "value", "note_has"),
    [
        ("申请人月工资8000元。", "8000", ["月工资"]),
        ("双方约定工资标准为6000元/月。", "6000", ["工资标准"]),
        ("申请人税后月工资为人民币捌仟元整。", "8000", ["税后", "月工资"]),
        ("双方口头约定月工资4600元。", "4600", ["口头约定、月工资"]),
        ("被申请人每月支付申请人工资1800元，低于最低工资标准。", "1800", ["每月支付工资"]),
        ("申请人日工资300元。", "6525", ["日工资300元×21.75天"]),
        ("双方约定年薪12万元。", "10000", ["年薪120000元÷12"]),
        ("申请人月工资由基本工资5000元和绩效工资3000元构成。", "8000", ["基本工资5000元+绩效工资3000元"]),
        ("被答辩人月基本工资为5500元，其余2000元为业绩提成，不属于固定工资。", "5500", ["基本工资", "提成2000元"]),
    ],
)
def test_wage_stated_in_different_ways(text, value, note_has):
    found = find_monthly_wage(text)
    assert len(found) == 1, found
    assert found[0].value == Decimal(value)
    for part in note_has:
        assert part in found[0].note
    assert text[found[0].start : found[0].end].endswith(("元", "元整"))


def test_wage_totals_and_components():
    text = "合同约定申请人基本工资3500元，绩效工资2500元，月工资合计6000元。2023年3月起被申请人将绩效工资降为1500元。"
    assert [f.value for f in find_monthly_wage(text)][-1] == Decimal("6000")  # the 绩效 cut is not the wage
    assert find_monthly_wage("被申请人拖欠两个月工资共计9200元。") == []


def test_wage_stated_only_in_a_claim_is_the_applicants_and_less_certain():
    text = (
        "仲裁申请书\n申请人：范某。\n被申请人：青岛某某药房有限公司。\n仲裁请求：\n"
        "1、裁决被申请人支付违法解除劳动合同赔偿金，共计人民币伍万肆仟元整（按月工资4500元计算6个月的二倍）。\n"
        "事实与理由：\n申请人自2021年1月4日起在被申请人门店担任营业员。\n"
    )
    case = build_case([_doc("申请书.txt", text, DocType.APPLICATION)])
    [wage] = case.facts.monthly_wage.values
    assert wage.value == Decimal("4500") and wage.side is Side.APPLICANT
    assert "仲裁请求" in wage.note and wage.source.confidence < 0.9
    assert text[wage.source.start : wage.source.end] == "4500元"
    assert case.claims[0].amount == Decimal("54000")  # the rate inside the brackets is not the sum claimed


def test_converted_wages_are_less_certain_and_claimed_sums_are_not_wages():
    daily = find_monthly_wage("申请人日工资300元。")[0]
    monthly = find_monthly_wage("申请人月工资6525元。")[0]
    assert daily.confidence < monthly.confidence
    assert find_monthly_wage("请求支付拖欠工资19500元及加班费6000元。") == []
    assert find_monthly_wage("申请人主张月工资8000元不属实。") == []
    probation = find_monthly_wage("试用期月工资4000元，转正后月工资5000元。")
    assert [(f.value, "试用期" in f.note) for f in probation] == [(Decimal("4000"), True), (Decimal("5000"), False)]


WORDS = PartyWords.for_names(["青岛某某物流有限公司"], ["王某"])


@pytest.mark.parametrize(
    ("sentence", "initiator", "mode", "reason"),
    [
        ("2024年1月31日，被申请人以公司业务调整为由口头通知申请人不用再来上班", "employer", "口头辞退", "公司业务调整"),
        ("申请人于2024年1月31日自行离职，答辩人从未辞退申请人", "employee", "自动离职", None),
        ("被答辩人系个人原因主动辞职，离职时并未提出被迫解除劳动合同", "employee", "辞职", "个人原因"),
        ("申请人以被申请人未及时足额支付劳动报酬为由解除劳动合同", "employee", "被迫解除", "未及时足额支付劳动报酬"),
        ("双方协商一致解除劳动合同", "mutual", "协商一致解除", None),
        ("劳动合同期满后被申请人不再续签", "expiry", "合同期满终止", None),
        ("劳动合同期满，答辩人提出以不低于原条件续订，被答辩人拒绝续订", "expiry", "合同期满终止", None),
        ("2023年8月，被申请人以活少为由让申请人回家，不再安排工作", "employer", "辞退", "活少"),
        ("2023年12月31日，被申请人以申请人年龄偏大为由，不再安排申请人工作", "employer", "辞退", "年龄偏大"),
        ("2023年11月6日申请人以被申请人未及时足额支付劳动报酬为由，书面通知被申请人解除劳动合同", "employee", "被迫解除", None),
        # two grounds in one sentence: the one the act was done on is the one nearest before it
        ("王某以工作时间严重超过法律规定上限为由拒绝加班，青岛某某物流有限公司即以王某在试用期间被证明不符合录用条件"
         "为由与其解除劳动合同", "employer", "单方解除", "王某在试用期间被证明不符合录用条件"),
    ],
)
def test_termination_who_how_and_why(sentence, initiator, mode, reason):
    t = classify_termination(sentence, WORDS)
    assert t is not None
    assert (t.initiator.value, t.mode) == (initiator, mode)
    if reason is not None:
        assert t.reason == reason


def test_termination_statute_basis_and_non_events():
    t = classify_termination("公司依据《中华人民共和国劳动合同法》第三十九条第二项的规定解除与你的劳动合同", WORDS)
    assert t.initiator is TerminationInitiator.EMPLOYER and t.statute_basis == "劳动合同法第三十九条"
    assert classify_termination("被答辩人解除前十二个月的月平均工资为8200元", WORDS) is None
    assert classify_termination("申请人于2019年9月2日入职，解除劳动合同前十二个月月平均工资7200元", WORDS) is None


COURT = PartyWords.for_names(["青岛某某物流有限公司"], ["王某"], employer_words=(r"被告(?!处)",), worker_words=(r"原告",))


@pytest.mark.parametrize(
    ("words", "sentence", "initiator", "mode"),
    [
        # the one who receives the notice is not the one who ends: the sender is
        (COURT, "2023年5月10日，原告收到被告发出的《解除劳动合同通知书》", "employer", "单方解除"),
        (WORDS, "申请人于2023年5月12日收到被申请人的终止劳动合同通知书", "employer", "单方解除"),
        (COURT, "被告于2023年5月12日收到原告邮寄的《解除劳动合同通知书》", "employee", "辞职"),
        (COURT, "原告收到解除劳动合同通知书后，于次日离开被告处", "employer", "单方解除"),
        # the employer bars the worker from work
        (COURT, "原告在被告处工作至2023年5月10日，之后被告不再让原告上班", "employer", "辞退"),
        (COURT, "原告不同意调岗，被告遂不再让其上班", "employer", "辞退"),
        (WORDS, "被申请人于2023年5月10日起拒绝申请人进入公司上班", "employer", "辞退"),
        (COURT, "被告停止了原告的工作，并停发工资", "employer", "辞退"),
        # no renewal, the other party named
        (COURT, "双方劳动合同于2023年6月1日到期后，被告未与原告续签", "expiry", "合同期满终止"),
    ],
)
def test_termination_told_the_common_ways(words, sentence, initiator, mode):
    t = classify_termination(sentence, words)
    assert t is not None
    assert (t.initiator.value, t.mode) == (initiator, mode)


@pytest.mark.parametrize(
    "sentence",
    [
        # a time clause without a subject mentions the ending; the earlier clause's subject did something else
        "被告未与原告签订劳动合同，解除劳动合同后也未给补偿",
        "被告停止原告工作接受调查",  # a suspension pending an inquiry, not an ending
        "被告不再让原告加班",
    ],
)
def test_termination_mentioned_is_not_told(sentence):
    words = COURT if "原告" in sentence else WORDS
    assert classify_termination(sentence, words) is None


def test_a_masked_firm_is_no_person():
    """「某某物流」 (a firm's masked short name) is not read as a masked person (「王某」): no worker made the ending."""
    words = PartyWords.for_names([], ["王某"])
    assert classify_termination("某某物流书面通知王某解除劳动合同", words) is None
    assert classify_termination("王某某于2023年5月10日提出辞职", words).initiator is TerminationInitiator.EMPLOYEE


def test_termination_reason_told_with_a_passive():
    """「因…被…」 is cut only before the ending itself (「因旷工被辞退」), not inside the ground (「岗位被撤销」)."""
    t = classify_termination("因原告的工作岗位被撤销，被告解除与原告的劳动合同", COURT)
    assert (t.initiator, t.reason) == (TerminationInitiator.EMPLOYER, "工作岗位被撤销")
    assert classify_termination("原告因旷工被辞退", COURT).reason == "旷工"


def test_hire_and_leave_words():
    from arbitration.extract.facts import find_employment_dates

    hires, leaves = find_employment_dates("被答辩人自2024年1月6日起无故不到岗，属于自动离职。")
    assert hires == []  # 不到岗 is not 到岗
    hires, leaves = find_employment_dates("申请人自2021年9月1日起在被申请人处担任配送司机。2024年3月15日劳动合同期满。")
    assert [h.value for h in hires] == [date(2021, 9, 1)] and [x.value for x in leaves] == [date(2024, 3, 15)]
    hires, _ = find_employment_dates("请你于2024年3月5日前到公司人力资源部办理工作交接。")
    assert hires == []  # a deadline, not a start


def test_contract_signed_and_unsigned():
    [unsigned] = find_contract("被申请人自始至终未与申请人签订书面劳动合同。")
    assert unsigned.value.signed is False
    [signed] = find_contract("双方于2019年7月15日签订书面劳动合同，合同期限自2019年7月15日至2022年7月14日。")
    v = signed.value
    assert v.signed and v.signed_date == date(2019, 7, 15)
    assert (v.term_start, v.term_end) == (date(2019, 7, 15), date(2022, 7, 14))
    assert find_contract("双方签订无固定期限劳动合同。")[0].value.open_ended


def test_contract_term_from_its_length_or_end():
    [three_years] = find_contract("答辩人与被答辩人于2021年3月1日签订了书面劳动合同，合同期限三年。")
    v = three_years.value
    assert (v.term_start, v.term_end) == (date(2021, 3, 1), date(2024, 2, 29))
    [until] = find_contract("双方于2019年7月15日签订书面劳动合同，合同期限至2022年7月14日，期满后续签。")
    assert (until.value.term_start, until.value.term_end) == (date(2019, 7, 15), date(2022, 7, 14))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲方因生产经营需要安排乙方延长工作时间的，应依法支付加班工资。", []),
        ("乙方依法享受法定节假日、年休假、婚丧假、产假等假期。", []),
        ("甲乙双方依法参加社会保险，按时足额缴纳社会保险费。", []),
        ("三、答辩人门店实行综合计算工时工作制，被答辩人不存在延时加班。",
         ["答辩人门店实行综合计算工时工作制，被答辩人不存在延时加班"]),
        ("合同约定：乙方应遵守考勤制度。申请人每周加班两天，公司未支付加班费。",
         ["申请人每周加班两天，公司未支付加班费"]),
    ],
)
def test_contract_clauses_are_rules_not_facts(text, expected):
    """A clause saying what should happen is no version of what happened; numbering is not part of a fact."""
    from arbitration.extract.facts import (
        find_annual_leave,
        find_overtime,
        find_social_insurance,
    )

    found = find_overtime(text) or find_annual_leave(text) or find_social_insurance(text)
    assert [f.value for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.value  # the span still points at the words in the document


def test_the_note_marks_a_base_stated_beside_unpriced_pay():
    from arbitration.extract.facts import PARTIAL_WAGE

    assert PARTIAL_WAGE in find_monthly_wage("月工资为底薪3000元加提成。")[0].note
    assert PARTIAL_WAGE in find_monthly_wage("基本工资2000元，提成按销售额5%计算。")[0].note
    assert PARTIAL_WAGE not in find_monthly_wage("基本工资2000元，另有绩效奖金500元。")[0].note  # a sum for each
    assert PARTIAL_WAGE not in find_monthly_wage("基本工资每月1400元，加班费另计。")[0].note  # overtime is no part


def test_a_base_inside_the_breakdown_of_a_sum_is_no_wage_of_its_own():
    """「实发工资3865元（基本工资800元、提成3065元）」: the 800 is a part of that month's pay, not the monthly wage."""
    found = find_monthly_wage("原告2016年4月实发工资3865元（基本工资800元、出勤绩效及业务提成3065元）。")
    assert [f.value for f in found] == [Decimal("3865")]
    assert [f.value for f in find_monthly_wage("月工资5000元（其中基本工资3000元）。")] == [Decimal("5000")]
