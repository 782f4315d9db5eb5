"""Facts told in running text (issue 13): periods of work, the last day before an absence, 「当日」, the notice's
service, dates of the proceedings and transfers that are no hire or leave, the written contract as narrated, and the
termination story without topics, rules or quoted clauses taken for acts. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

from arbitration.extract.facts import (
    PartyWords,
    find_contract,
    find_employment_dates,
    find_termination,
    pick_contract,
    pick_leave,
)
from arbitration.model import TerminationInitiator

WORDS = PartyWords.for_names([], [], employer_words=("被告(?!处)",), worker_words=("原告",))


def _case(text: str):
    from arbitration.extract import build_case
    from arbitration.ingest import classify
    from arbitration.model import Document, Method, Page

    doc = Document(file="起诉状及答辩.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])
    doc.doc_type, doc.type_confidence = classify(doc)
    return build_case([doc])


def _dates(text: str) -> tuple[list[date], list[date]]:
    hires, leaves = find_employment_dates(text)
    return [h.value for h in hires], [f.value for f in pick_leave(leaves)]


def test_a_period_of_work_gives_both_dates():
    assert _dates("原告自2016年3月1日起至2019年8月31日止在被告处上班。") == ([date(2016, 3, 1)], [date(2019, 8, 31)])
    assert _dates("2012年5月至2018年2月，原告在被告公司从事保安工作。") == ([date(2012, 5, 1)], [date(2018, 2, 28)])


def test_the_last_day_is_the_day_before_an_absence():
    hires, leaves = find_employment_dates("自2020年7月16日起原告未再到被告处上班。")
    [leave] = pick_leave(leaves)
    assert leave.value == date(2020, 7, 15) and "前一日" in leave.note


def test_that_day_takes_the_date_before_outside_quotations():
    text = "2019年6月28日，被告向原告送交《处分决定》，决定记载“6月3日原告迟到”。被告据此于当日解除与原告的劳动关系。"
    assert _dates(text)[1] == [date(2019, 6, 28)]


def test_a_notice_takes_effect_when_served():
    text = "2018年4月2日，被告作出解除劳动合同通知书。该解除劳动合同通知书于2018年4月9日送达原告。"
    assert _dates(text)[1] == [date(2018, 4, 9)]


def test_dates_of_the_proceedings_and_transfers_are_no_hire_or_leave():
    assert _dates("2019年9月3日，仲裁委作出裁决书，裁决被告支付违法解除劳动合同赔偿金。") == ([], [])
    assert _dates("2017年6月1日，被告将原告调到城阳分公司工作。") == ([], [])
    assert _dates("2016年9月1日原告因故被刑事拘留，2017年1月5日解除取保候审。") == ([], [])


def test_the_written_contract_as_narrated():
    [c] = pick_contract(find_contract("双方于2015年3月1日签订了期限至2018年2月28日的劳动合同。"))
    assert c.value.signed and c.value.term_end == date(2018, 2, 28)
    [c] = pick_contract(find_contract("是否签订书面劳动合同：签订了无固定期限劳动合同。"))
    assert c.value.signed
    [c] = pick_contract(find_contract("2010年、2011年双方签订两份一年期劳动合同，之后被告没有与原告签订书面劳动合同。"))
    assert not c.value.signed  # what holds for the later period



def test_contracts_counted_then_listed_give_the_first_ones_term():
    text = "任职期间，双方先后订立过两份劳动合同。第一份劳动合同从2016年3月1日至2018年2月28日；第二份劳动合同从2018年3月1日至2021年2月28日。"
    [c] = pick_contract(find_contract(text))
    assert c.value.signed and (c.value.term_start, c.value.term_end) == (date(2016, 3, 1), date(2018, 2, 28))
    # a next sentence about some other contract or date is not the counted contracts' term
    [c] = pick_contract(find_contract("双方订立过劳动合同。2019年5月1日至2019年6月30日原告休病假。"))
    assert c.value.term_start is None

def test_the_termination_story_without_topics_rules_or_quoted_clauses():
    [t] = find_termination("2015年3月，因原告岗位被撤销，被告于2015年3月20日向原告支付经济补偿，以解除与原告之间的劳动关系。", WORDS)
    assert t.value.initiator is TerminationInitiator.EMPLOYER
    assert find_termination("双方就解除劳动关系的补偿没有达成一致意见。", WORDS) == []
    # the items of a claim or an application narrate no ending
    assert find_termination("被告应当依法支付原告工资、解除劳动关系经济补偿金等待遇。", WORDS) == []
    assert find_termination("2017年2月9日，原告就工资、经济补偿金、劳动关系解除等问题向某某县劳动人事争议仲裁委员会"
                            "申请仲裁。", WORDS) == []
    [t] = find_termination("2019年5月31日，被告解除了与原告的劳动合同，并支付了经济补偿金。", WORDS)
    assert t.value.initiator is TerminationInitiator.EMPLOYER
    assert find_termination("劳动合同中约定：“乙方严重违纪的，甲方可以解除合同。”", WORDS) == []
    [t] = find_termination("待岗期间，被告照发工资，直至双方劳动合同到期。", WORDS)
    assert t.value.initiator is TerminationInitiator.EXPIRY


def test_the_pay_claimed_for_a_span_of_days_is_no_monthly_wage():
    """「2014年9月16日至2014年10月23日期间工资35636元」 is the sum asked for those days, whatever the length of the
    dates around 至; a rate per month in the same words stays one."""
    from decimal import Decimal

    from arbitration.extract.facts import find_monthly_wage

    assert find_monthly_wage("诉讼请求：\n2、2014年9月16日至2014年10月23日期间工资35636元；") == []
    assert find_monthly_wage("另查，原告2014年9月16日至2014年10月23日的工资为35636元。") == []
    assert [f.value for f in find_monthly_wage("原告于2014年9月16日入职，月工资8000元。")] == [Decimal(8000)]


def test_pay_for_months_an_extra_month_or_a_living_allowance_is_no_monthly_wage():
    """A sum for several months (「3月、4月工资5200元」「18个月的工资收入」), an extra month's pay inside a breakdown
    (「含年终补1个月工资3000元」), a month's arrears after a thousands comma (「拖欠5月工资2,600元及6月工资2,600元」),
    the statutory minimum and an allowance while idle are no monthly rate; one named month's pay is kept, noted so,
    and a document's rate is picked before it."""
    from decimal import Decimal

    from arbitration.extract.facts import ONE_MONTH_PAY, find_monthly_wage, pick_wage

    assert find_monthly_wage("被告应支付原告2019年3月、4月工资5200元。") == []
    assert find_monthly_wage("原告要求赔偿2017年1月至2018年6月期间（18个月）的工资收入90000元。") == []
    assert find_monthly_wage("12月实发工资7200元中，含年终补1个月工资3000元。")[-1].value != Decimal(3000)
    assert find_monthly_wage("被告拖欠原告5月工资2,600元及6月工资2,600元。") == []
    assert find_monthly_wage("当地的最低工资是1800元。") == []
    assert find_monthly_wage("放假期间，公司按每月1000元标准支付生活费。") == []
    [one] = find_monthly_wage("2019年6月，申请人实发工资为4100元。")
    assert one.value == Decimal(4100) and ONE_MONTH_PAY in one.note
    both = find_monthly_wage("申请人月工资4500元，2019年6月工资4100元。")
    assert pick_wage(both).value == Decimal(4500)
    assert [f.value for f in find_monthly_wage("被告每月仅发放原告工资2,200元。")] == [Decimal(2200)]
    assert ONE_MONTH_PAY not in find_monthly_wage("被告的实发工资为3600元。")[0].note


def test_arrears_paid_back_are_no_monthly_wage():
    """「2019年11月27日向原告归还工资款20000元」 is a sum of arrears repaid, whatever month its date names."""
    from arbitration.extract.facts import find_monthly_wage

    assert find_monthly_wage("协议签订后，被告于2019年11月27日向原告归还工资款20000元。") == []
    assert find_monthly_wage("被告分三期偿还所欠工资，2019年12月11日偿还工资款20000元。") == []
    [w] = find_monthly_wage("原告于2018年4月1日入职，约定月工资为14750元。")
    assert w.value == 14750


def test_a_wage_stated_as_its_parts():
    from decimal import Decimal

    from arbitration.extract.facts import find_wage_parts

    [found] = find_wage_parts("原告每月工资为基本工资3800元、岗位津贴600元、餐补200元，每月10日发放。")
    assert found.value.total == Decimal("4600")
    assert [(p.name, p.amount) for p in found.value.parts] == [
        ("基本工资", Decimal("3800")), ("岗位津贴", Decimal("600")), ("餐补", Decimal("200")),
    ]
    assert find_wage_parts("被告应支付加班费3000元、经济补偿6000元。") == []  # sums claimed are no wage parts


def test_working_hours_as_a_schedule():
    from decimal import Decimal

    from arbitration.extract.facts import find_working_hours

    [found] = find_working_hours("原告每天早7时至晚7时上班，每周工作六天，被告从未支付加班费。")
    s = found.value
    assert (s.hours_per_day, s.days_per_week, s.hours_per_week) == (Decimal(12), Decimal(6), Decimal(72))
    assert (s.extended_hours_per_week, s.rest_day_hours_per_week) == (Decimal(20), Decimal(12))  # 32 beyond 40 a week
    [found] = find_working_hours("工作期间每月只休息四天，每天工作十小时。")
    assert found.value.hours_per_day == Decimal(10) and found.value.days_per_week == Decimal("6.1")


def test_weekend_days_worked_by_name_are_a_weekly_schedule_without_hours():
    """「每周六均上班」 is a six-day week, 「每个星期六、日都加班」 and 「周末」 a seven-day one; the hours a day stay
    unknown. A denial, a question or a number of days (「每周六天」) is no such statement."""
    from decimal import Decimal

    from arbitration.extract.facts import find_working_hours

    def days(text):
        return [(f.value.days_per_week, f.value.hours_per_day) for f in find_working_hours(text)]

    assert days("劳动关系存续期间，原告每周六均上班，被告按月支付工资。") == [(Decimal(6), None)]
    assert days("原告每个星期六、日都加班。") == [(Decimal(7), None)]
    assert days("每逢周末均需上班。") == [(Decimal(7), None)]
    assert days("被告从未安排原告周六加班。") == []
    assert days("原告并非每周六都上班。") == []
    assert days("原告每周六上午上班。") == []  # half a day is not a day


def test_the_case_keeps_the_composed_wage_the_schedule_and_the_injury():
    from decimal import Decimal

    from arbitration.model import Side

    case = _case(
        "原告冯某某诉称：原告于2021年2月1日入职被告青岛东岳建材有限公司，工资为基本工资3500元、工龄工资300元、"
        "话补100元。原告每天早8时至晚8时工作，每周工作六天。2022年5月6日原告在工作中被机器砸伤左手，经认定为工伤。"
        "故诉至法院，请求判令被告支付加班费20000元。\n被告青岛东岳建材有限公司辩称：不同意原告的诉讼请求。\n"
    )
    [wage] = case.facts.monthly_wage.by_side(Side.APPLICANT)
    assert wage.value == Decimal("3900") and "工龄工资300元" in wage.note
    [parts] = case.facts.wage_parts.values
    assert len(parts.value.parts) == 3
    [hours] = case.facts.working_hours.values
    assert hours.value.hours_per_week == Decimal(72) and hours.side is Side.APPLICANT
    [injury] = case.facts.injury.values
    assert "砸伤" in injury.value


def test_endings_agreed_or_by_expiry_and_a_day_within_a_month():
    [t] = find_termination("2019年3月，双方达成解除劳动关系的共识，原告此后未再上班。", WORDS)
    assert t.value.initiator is TerminationInitiator.MUTUAL
    [t] = find_termination("原告在被告处工作六年，被告以劳动合同期限届满为由，与原告解除劳动合同。", WORDS)
    assert t.value.initiator is TerminationInitiator.EXPIRY
    assert _dates("原告在被告处上班至2012年1月。2012年1月30日，被告口头辞退原告。")[1] == [date(2012, 1, 30)]
    [c] = pick_contract(find_contract("被告擅自调岗，违反了双方《劳动合同书》的约定。"))
    assert c.value.signed


def test_a_request_to_confirm_the_employment_states_its_start():
    from arbitration.model import Side

    case = _case(
        "原告韩某某诉称：原告在被告青岛顺航船务有限公司处担任船员。故诉至法院，请求判令：1、确认原告与被告自2017年"
        "4月10日至2020年9月30日存在劳动关系；2、被告支付经济补偿金12000元。\n被告青岛顺航船务有限公司辩称：原告系"
        "劳务派遣人员，与被告不存在劳动关系。\n"
    )
    [hire] = case.facts.hire_date.by_side(Side.APPLICANT)
    assert hire.value == date(2017, 4, 10) and hire.source.extractor == "facts.hire_date.claim"


def test_same_month_leaving_and_contracts_not_renewed():
    from arbitration.extract.facts import mask_reported
    from arbitration.extract.rules import find_dates

    assert [d.date.value for d in find_dates("2021年1月15日递交辞职报告，于同月31日离职")] == [date(2021, 1, 15), date(2021, 1, 31)]
    assert _dates("原告于2021年1月15日向被告递交辞职报告，于同月31日离职。")[1] == [date(2021, 1, 31)]
    assert _dates("劳动合同到期后被告未再续签，原告于2018年8月31日离开。")[1] == [date(2018, 8, 31)]
    [t] = find_termination("2018年8月，双方劳动合同到期后被告未再续签。", WORDS)
    assert t.value.initiator is TerminationInitiator.EXPIRY
    assert "提出辞职" in mask_reported("2019年5月10日，原告因个人原因提出辞职。")  # an act, not a reported word


def test_a_stated_wage_is_picked_before_a_sum_transferred_each_month():
    """「基本工资每月2100元」 then a bank record 「每月固定转账2500元到其账上」: the transfer may carry other sums, the
    stated wage is the rate; a transfer alone is still read."""
    from decimal import Decimal

    from arbitration.extract.facts import MONTHLY_TRANSFER, find_monthly_wage, pick_wage

    text = "基本工资每月2100元。银行流水显示，2015年至2016年每月固定转账2500元到申请人的账上。"
    assert pick_wage(find_monthly_wage(text)).value == Decimal(2100)
    [alone] = find_monthly_wage("银行流水显示，2015年至2016年每月固定转账2500元到申请人的账上。")
    assert alone.value == Decimal(2500) and MONTHLY_TRANSFER in alone.note


def test_the_worker_leaving_is_read_whatever_names_the_employer():
    """「离开用人单位」「离开被上诉人处」 and the commission's 「离开被申请人处」 tell the worker left, as 「离开被告处」 does."""
    from arbitration.extract.facts import classify_termination

    for sentence in ("2019年5月31日，原告未办理任何手续即离开用人单位", "2019年5月31日，上诉人未办理任何手续即离开被上诉人处",
                     "2019年5月31日，申请人未办理任何手续即离开被申请人处"):
        t = classify_termination(sentence, WORDS)
        assert t is not None and (t.initiator, t.mode) == (TerminationInitiator.EMPLOYEE, "自动离职"), sentence
    t = classify_termination("2019年5月31日，被告要求原告当日离开用人单位", WORDS)
    assert t is not None and t.initiator is TerminationInitiator.EMPLOYER


def test_the_reason_of_an_ending_is_read_without_the_court_role_word():
    from arbitration.extract.facts import classify_termination

    t = classify_termination("2019年5月31日，被告以原告“严重违反规章制度”为由解除劳动合同", WORDS)
    assert t is not None and t.reason == "严重违反规章制度"


def test_both_sides_admitting_in_an_appeal_or_before_a_commission():
    """「上诉人、被上诉人均认可」 and 「申请人、被申请人均认可」 are both sides' word, as 「原、被告均认可」 is."""
    from arbitration.extract.facts import find_admissions

    for subject in ("上诉人、被上诉人", "申请人、被申请人", "原、被告"):
        [adm] = find_admissions(f"{subject}均认可入职时间为2015年3月1日。")
        assert adm.both, subject


def test_an_evidence_list_of_the_defendant_is_the_respondents():
    """「被告证据目录」: the court's defendant submits it, as the commission's 被申请人 does."""
    from arbitration.extract import build_case
    from arbitration.model import DocType, Document, Method, Page, PartyRole, Table

    rows = [["序号", "证据名称", "证明目的"], ["1", "考勤表", "证明原告的出勤情况"]]
    doc = Document(file="证据目录.docx", sha256="0" * 64,
                   pages=[Page(number=1, text="被告证据目录\n序号 证据名称 证明目的\n1 考勤表 证明原告的出勤情况",
                               method=Method.TXT, tables=[Table(rows=rows)])])
    doc.doc_type = DocType.EVIDENCE_LIST
    case = build_case([doc])
    assert [e.submitted_by for e in case.evidence] == [PartyRole.RESPONDENT]


def test_an_appeal_names_who_ended_the_employment_by_its_role_words():
    """On appeal the sides are 上诉人/被上诉人: 「被上诉人以…为由解除与上诉人的劳动合同」 is the employer's ending."""
    text = ("上诉人孙某上诉称：上诉人于2017年3月1日入职被上诉人处，月工资3000元。2019年5月31日，被上诉人以经营困难为由"
            "解除与上诉人的劳动合同。请求判令被上诉人支付解除劳动合同经济补偿金6000元。\n"
            "被上诉人青岛某某物流有限公司辩称：上诉人所述不属实，请求驳回上诉。\n")
    [t] = [v.value for v in _case(text).facts.termination.values]
    assert (t.initiator, t.reason) == (TerminationInitiator.EMPLOYER, "经营困难")


def test_the_wage_an_appellant_asserts_is_no_wage_found():
    """「上诉人主张其月工资为8000元」 reports a party's word, as 「原告主张…」 does."""
    from arbitration.extract.facts import find_monthly_wage

    assert find_monthly_wage("上诉人主张其月工资为8000元。") == []


def test_termination_told_under_a_short_name():
    """「以下简称某某物流」: the act told under the short name is the employer's (without it, 「某某」 read as a person)."""
    case = _case(
        "原告王某诉称：原告于2020年3月入职被告青岛某某物流有限公司（以下简称某某物流），月工资5000元。"
        "2023年5月10日，某某物流书面通知王某解除劳动合同。请求判令被告支付违法解除劳动合同赔偿金30000元。\n"
        "被告青岛某某物流有限公司辩称：原告严重违纪。\n"
    )
    initiators = {v.value.initiator for v in case.facts.termination.values}
    assert initiators == {TerminationInitiator.EMPLOYER}
