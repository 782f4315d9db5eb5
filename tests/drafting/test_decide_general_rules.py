"""Decisions that the law, the burden of proof and the tribunal's findings settle in general (issue 14, second
round): each rule with its articles, on small cases in the real courts' style (tests/findings/findings_cases.py)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "findings"))

from findings_cases import APP, DEF, FOUND, court_case, dismissal  # noqa: E402

from arbitration.drafting import draft_award  # noqa: E402
from arbitration.model import (  # noqa: E402
    Claim,
    ContractInfo,
    Outcome,
    Side,
    Termination,
    TerminationInitiator,
)


def _decided(case):
    award = draft_award(case, archive=None)
    return {(d.claim.type, d.claim.text): d for d in award.decisions}, award


def _one(decisions, claim_type):
    return next(d for (t, _), d in decisions.items() if t == claim_type)


def test_every_claim_resting_on_an_unproven_employment_is_denied():
    claims = [Claim(type="unpaid_wages", text="被告支付原告2021年3月至5月工资9000元", amount=Decimal(9000)),
              Claim(type="double_wage", text="被告支付原告未签订书面劳动合同二倍工资差额9000元", amount=Decimal(9000)),
              Claim(type="other", text="某某商贸部对上述债务承担连带责任")]
    case = court_case(claims, defence="被告辩称，原告不是我公司员工，双方不存在劳动关系。",
                      found="经审理查明，原告孙某受雇于案外人钱某，从事货物装卸工作，钱某按天向其结算报酬。")
    decisions, _ = _decided(case)
    for d in decisions.values():
        assert d.outcome == Outcome.DENIED, d.claim.text
        assert any(a.law == "劳动争议调解仲裁法" and a.article == 6 for a in d.articles)


def test_a_time_bar_the_employer_raised_is_applied_with_the_application_day_the_court_file_gives():
    """The employer dismissed the worker on 2020-06-30 (the findings), the worker applied for arbitration on
    2021-09-01 and the employer says the claim is out of time (「已超仲裁时效」): 调解仲裁法第二十七条."""
    claims = [Claim(type="severance", text="被告支付原告解除劳动合同经济补偿金9000元", amount=Decimal(9000))]
    found = ("经审理查明，原告于2017年3月1日入职被告处，月工资3000元。2020年6月30日，被告向原告送达解除劳动合同通知书，"
             "双方劳动关系于当日解除。原告于2021年9月1日向某某市劳动人事争议仲裁委员会申请仲裁。")
    case = court_case(claims, defence="被告辩称，原告的请求已超仲裁时效，应予驳回。", found=found)
    case.facts.hire_date.add(date(2017, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2020, 6, 30), FOUND, Side.TRIBUNAL)
    case.facts.termination.add(dismissal(None, notice=date(2020, 6, 30)), FOUND, Side.TRIBUNAL)
    decisions, award = _decided(case)
    d = _one(decisions, "severance")
    assert d.outcome == Outcome.DENIED
    assert any(a.law == "劳动争议调解仲裁法" and a.article == 27 for a in d.articles)
    assert any(w.kind == "time_barred" for w in award.warnings)
    # not raised: not applied
    case.respondent_statement = "被告辩称，解除合法。"
    assert _one(_decided(case)[0], "severance").outcome != Outcome.DENIED


def test_a_raised_time_bar_needs_no_application_day_when_a_request_shows_it_came_after_the_end():
    """The file does not date the application, but it asks for 经济补偿 on the end of the employment (2019-06-30), so
    it came no earlier; the double wage ran to the day before the contract signed on 2016-03-01, its year ended on
    2017-02-28: barred when the employer raised it (调解仲裁法第二十七条), not applied when it did not, and no bar
    shown without the request that dates the application from below."""
    dw = Claim(type="double_wage", text="被告支付原告未签订书面劳动合同二倍工资差额30000元", amount=Decimal(30000))
    sev = Claim(type="severance", text="被告支付原告解除劳动合同经济补偿金12000元", amount=Decimal(12000))
    found = ("经审理查明，原告于2015年3月1日入职被告处。双方于2016年3月1日签订书面劳动合同，期限至2020年12月31日。"
             "2019年6月30日双方劳动关系解除。")

    def case_of(claims, defence):
        case = court_case(claims, defence=defence, found=found)
        case.facts.hire_date.add(date(2015, 3, 1), FOUND, Side.TRIBUNAL)
        case.facts.leave_date.add(date(2019, 6, 30), FOUND, Side.TRIBUNAL)
        case.facts.written_contract.add(ContractInfo(signed=True, signed_date=date(2016, 3, 1), term_start=date(2016, 3, 1),
                                                     term_end=date(2020, 12, 31)), FOUND, Side.TRIBUNAL)
        return case

    raised = "被告辩称，原告主张的二倍工资已超过仲裁时效。"
    d = _one(_decided(case_of([dw, sev], raised))[0], "double_wage")
    assert d.outcome == Outcome.DENIED and any(a.law == "劳动争议调解仲裁法" and a.article == 27 for a in d.articles)
    assert "2017年2月28日" in "".join(p.text for p in d.reasoning)
    assert _one(_decided(case_of([dw, sev], "被告辩称，原告的请求没有依据。"))[0], "double_wage").outcome != Outcome.DENIED
    assert _one(_decided(case_of([dw], raised))[0], "double_wage").outcome != Outcome.DENIED


HEAT = Claim(type="unpaid_wages", text="被告支付原告2019年至2020年高温津贴1200元", amount=Decimal(1200))
HIRED = "经审理查明，原告于2017年3月1日入职被告处，从事仓库管理工作，月工资3000元。"


def test_a_benefit_whose_conditions_the_findings_do_not_show_is_denied():
    """津贴 and 奖金 rest on the conditions of an agreement or rule, which the worker proves (调解仲裁法第六条)."""
    d = _one(_decided(court_case([HEAT], defence="被告辩称，原告不符合高温津贴发放条件。", found=HIRED))[0], "unpaid_wages")
    assert d.outcome == Outcome.DENIED and any(a.law == "劳动争议调解仲裁法" and a.article == 6 for a in d.articles)


def test_a_benefit_the_findings_speak_of_withheld_or_awarded_before_stays_for_the_tribunal():
    spoken = HIRED + "被告《薪酬制度》规定，露天作业人员每年6月至9月发放高温津贴每月150元。"
    awarded = HIRED + "某某仲裁委于2021年3月1日作出裁决：1.被告支付原告高温津贴1200元；2.驳回原告的其他请求。"
    for found in (spoken, awarded):
        assert _one(_decided(court_case([HEAT], found=found))[0], "unpaid_wages").outcome == Outcome.UNKNOWN
    cut = Claim(type="unpaid_wages", text="被告支付原告被扣发的2020年度年终奖金5000元", amount=Decimal(5000))
    assert _one(_decided(court_case([cut], found=HIRED))[0], "unpaid_wages").outcome == Outcome.UNKNOWN
    # before a hearing nothing is found yet
    assert _one(_decided(court_case([HEAT]))[0], "unpaid_wages").outcome == Outcome.UNKNOWN


def test_a_benefit_the_findings_fix_or_find_withheld_without_ground_is_granted_and_one_paid_to_nobody_denied():
    """What the findings say of a benefit decides it: the sum asked, fixed for the worker by the employer's own
    scheme, with no exclusion standing, is owed (劳动合同法第三十条); a 绩效 withheld whose assessment the employer
    does not produce is owed (解释（一）第四十四条); a bonus the employer decided under its rule to pay to nobody was
    never earned (调解仲裁法第六条). Any other word of the findings stays for the tribunal."""
    bonus = Claim(type="unpaid_wages", text="被告支付原告2020年度年终奖6000元", amount=Decimal(6000))
    fixed = HIRED + "2021年1月10日，被告公布年终奖分配表，其中原告的年终奖金额为6000元，分配表中并无离职人员不予发放的规定。"
    d = _one(_decided(court_case([bonus], found=fixed))[0], "unpaid_wages")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(6000)
    assert any(a.law == "劳动合同法" and a.article == 30 for a in d.articles)
    # a different sum, or an exclusion the findings let stand, is for the tribunal
    other = HIRED + "2021年1月10日，被告公布年终奖分配表，其中原告的年终奖金额为4000元。"
    excluded = fixed + "分配表另载明，发放前离职的人员不予发放。"
    for found in (other, excluded):
        assert _one(_decided(court_case([bonus], found=found))[0], "unpaid_wages").outcome == Outcome.UNKNOWN
    nobody = HIRED + "被告《薪酬制度》规定年终奖视年度经营情况发放，2020年度被告决定全体员工均不发放年终奖。"
    d = _one(_decided(court_case([bonus], found=nobody))[0], "unpaid_wages")
    assert d.outcome == Outcome.DENIED and any(a.law == "劳动争议调解仲裁法" and a.article == 6 for a in d.articles)
    # a decision about another year says nothing of this one
    other_year = nobody.replace("2020年度被告决定", "2019年度被告决定")
    assert _one(_decided(court_case([bonus], found=other_year))[0], "unpaid_wages").outcome == Outcome.UNKNOWN
    cut = Claim(type="unpaid_wages", text="被告支付原告被扣发的2020年3月至5月绩效工资1500元", amount=Decimal(1500))
    withheld = HIRED + "2020年3月至5月，被告未向原告发放绩效工资，共计1500元。"
    d = _one(_decided(court_case([cut], found=withheld + "被告未提交该期间的考核结果。"))[0], "unpaid_wages")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(1500)
    assert any(a.law == "劳动争议解释（一）" and a.article == 44 for a in d.articles)
    assert _one(_decided(court_case([cut], found=withheld))[0], "unpaid_wages").outcome == Outcome.UNKNOWN


def test_overtime_the_findings_total_up_is_paid_on_those_totals_at_the_contract_wage():
    """劳动法第四十四条, 工资支付暂行规定第十三条: the findings total the attendance records (100 hours beyond the
    working day, 4 rest days, no time off, nothing paid); the contract sets 4350 a month, the average 5000 holds
    bonuses. 4350 ÷ 21.75 ÷ 8 = 25 an hour: 100 × 25 × 1.5 + 32 × 25 × 2 = 5350, up to what was asked. Totals
    running past the period claimed, or overtime pay the findings tell of, stay for the tribunal."""
    found = ("经审理查明，原告于2019年1月1日入职被告处，双方签订劳动合同，约定月工资4350元。原告离职前十二个月的月平均工资为"
             "5000元，其中包括奖金。考勤记录载明，原告2019年1月至2019年12月期间工作日延长工作时间合计100小时，"
             "休息日加班合计4天，被告未安排补休，亦未支付加班工资。")

    def decided(amount, start=date(2019, 1, 1), extra=""):
        claim = Claim(type="overtime", text=f"被告支付原告2019年延时加班及休息日加班工资{amount}元",
                      amount=Decimal(amount), period_start=start, period_end=date(2019, 12, 31))
        return _one(_decided(court_case([claim], found=found + extra))[0], "overtime")

    d = decided(8000)
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal("5350.00")
    assert any(a.law == "劳动法" and a.article == 44 for a in d.articles)
    assert decided(5000).outcome == Outcome.GRANTED and decided(5000).amount == Decimal(5000)
    assert decided(8000, start=date(2019, 6, 1)).outcome == Outcome.UNKNOWN
    assert decided(8000, extra="被告每月随工资支付加班费100元。").outcome == Outcome.UNKNOWN


def test_overtime_the_findings_count_month_by_month_is_summed_less_what_was_paid():
    """The findings count the records month by month (six months of 20 hours and 2 rest days each, then one month of
    10 hours and 1 day) and total what was paid for overtime (700); the contract's wage is its parts summed (2175):
    12.5 an hour, 130 × 12.5 × 1.5 + 104 × 12.5 × 2 − 700 = 4337.50 (工资支付暂行规定第十三条). A span without 每月
    is not a monthly count and stays for the tribunal."""
    found = ("经审理查明，原告于2020年1月1日入职被告处，双方签订的劳动合同约定月工资为基本工资2000元、岗位津贴175元，合计2175元。"
             "考勤记录显示，原告2020年1月至6月期间，每月工作日延长工作时间均为20小时，休息日加班均为2天；"
             "2020年7月，原告工作日延长工作时间为10小时，休息日加班为1天。被告每月随工资支付加班费100元，2020年共计支付700元。")
    claim = Claim(type="overtime", text="被告支付原告2020年1月至7月加班费6000元", amount=Decimal(6000),
                  period_start=date(2020, 1, 1), period_end=date(2020, 7, 31))
    d = _one(_decided(court_case([claim], found=found))[0], "overtime")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal("4337.50")
    loose = found.replace("每月工作日延长工作时间均为", "工作日延长工作时间为")
    assert _one(_decided(court_case([claim], found=loose))[0], "overtime").outcome == Outcome.UNKNOWN


def test_pay_for_a_time_after_the_employment_ended_is_denied():
    late = Claim(type="unpaid_wages", text="被告支付原告2020年8月至9月工资6000元", amount=Decimal(6000),
                 period_start=date(2020, 8, 1), period_end=date(2020, 9, 30))
    case = court_case([late], found=HIRED + "2020年6月30日，被告口头通知原告解除劳动关系，原告此后未再上班。")
    case.facts.leave_date.add(date(2020, 6, 30), FOUND, Side.TRIBUNAL)
    d = _one(_decided(case)[0], "unpaid_wages")
    assert d.outcome == Outcome.DENIED and "不存在劳动关系" in (d.reasoning[-1].text if d.reasoning else "")
    # a worker who asks to go on with the contract may be owed pay for the time the employer kept them out
    case.claims.append(Claim(type="other", text="撤销被告作出的解除劳动合同决定，恢复劳动关系"))
    assert _one(_decided(case)[0], "unpaid_wages").outcome == Outcome.UNKNOWN


def test_claims_resting_on_an_employment_the_employer_denies_wait_for_that_finding():
    """Before any finding, the employer's denial of the employment leaves every claim resting on it open, however
    well its own facts are stated (the worker's word on the contract stands only once there is an employment)."""
    claim = Claim(type="double_wage", text="被告支付原告未签订书面劳动合同二倍工资33000元", amount=Decimal(33000))
    case = court_case([claim], complaint="原告诉称，原告于2020年1月1日入职被告处，月工资3000元，被告未与原告签订书面劳动合同。",
                      defence="被告辩称，原告系承包人雇佣的人员，与被告不存在劳动关系。")
    case.facts.hire_date.add(date(2020, 1, 1), APP, Side.APPLICANT)
    for src, side in ((APP, Side.APPLICANT), (DEF, Side.RESPONDENT)):  # both say when the work ended
        case.facts.leave_date.add(date(2020, 12, 31), src, side)
    case.facts.monthly_wage.add(Decimal(3000), APP, Side.APPLICANT)
    case.facts.written_contract.add(ContractInfo(signed=False), APP, Side.APPLICANT)
    d = _one(_decided(case)[0], "double_wage")
    assert d.outcome == Outcome.UNKNOWN


def test_an_agreement_to_end_read_as_a_resignation_is_no_resignation():
    """「经协商，…签订《协议书》，约定终止双方劳动关系」 is an agreed end (劳动合同法第三十六条): 经济补偿 then turns on who
    proposed it (第四十六条第二项), it is not denied as for a worker who resigned."""
    claim = Claim(type="severance", text="被告支付原告经济补偿金27000元", amount=Decimal(27000))
    said = "2020年6月30日，经协商，被告与原告签订《协议书》，约定双方劳动关系于当日终止"
    case = court_case([claim], found=HIRED + said + "。")
    case.facts.hire_date.add(date(2017, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2020, 6, 30), FOUND, Side.TRIBUNAL)
    quoted = FOUND.model_copy(update={"quote": said})
    case.facts.termination.add(Termination(initiator=TerminationInitiator.EMPLOYEE, mode="辞职"), quoted, Side.TRIBUNAL)
    d = _one(_decided(case)[0], "severance")
    assert d.outcome == Outcome.UNKNOWN


def _leave_case(claim, defence=None, applied="2019年3月15日"):
    found = (f"经审理查明，原告于2015年3月1日入职被告处，月工资4350元，双方劳动关系于2018年12月31日解除。原告在职期间应休未休年休假。"
             f"原告于{applied}向某某市劳动人事争议仲裁委员会申请仲裁。")
    case = court_case([claim], defence=defence, found=found)
    case.facts.hire_date.add(date(2015, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2018, 12, 31), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(4350), FOUND, Side.TRIBUNAL)
    return case


def test_leave_over_the_years_of_the_employment_when_the_claim_names_none():
    """No year named: every year of the employment as found; the years worked here give at least 4+5+5 days
    (条例第三条, 实施办法第五条: none in 2015, 2016 prorated from 12 months' service) = 14 days × 4350 ÷ 21.75 × 200 % = 5600, which
    reaches the 3000 asked: granted as asked. A claim above the lower bound waits for the cumulative years."""
    d = _one(_decided(_leave_case(Claim(type="annual_leave", text="被告支付原告未休年休假工资3000元",
                                        amount=Decimal(3000))))[0], "annual_leave")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(3000)
    more = Claim(type="annual_leave", text="被告支付原告未休年休假工资9000元", amount=Decimal(9000))
    assert _one(_decided(_leave_case(more))[0], "annual_leave").outcome == Outcome.UNKNOWN


def test_leave_years_out_of_time_are_dropped_year_by_year_when_the_bar_is_raised():
    """「2015年度至2016年度」, applied 2019-03-15, the employer raised the time bar: 2015's leave could be taken until
    2016-12-31, 2016's until 2017-12-31 — both out of time a year later (调解仲裁法第二十七条): denied. Not raised:
    the years stand."""
    claim = Claim(type="annual_leave", text="被告支付原告2015年度至2016年度未休年休假工资3600元", amount=Decimal(3600))
    d = _one(_decided(_leave_case(claim, defence="被告辩称，原告的请求已超过仲裁时效。"))[0], "annual_leave")
    assert d.outcome == Outcome.DENIED and any(a.article == 27 for a in d.articles)
    assert _one(_decided(_leave_case(claim, defence="被告辩称，原告已休年假。"))[0], "annual_leave").outcome != Outcome.DENIED


def test_injury_benefits_without_a_recognised_work_injury_are_denied_after_the_hearing():
    """停工留薪期工资 and the medical costs of an injury rest on its recognition as a work injury (工伤保险条例第十七条、
    第二十条): nothing in the file tells of one, so the worker's proof failed; a recognition anywhere keeps them open."""
    claims = [Claim(type="injury_leave_wage", text="被告支付原告工伤期间的工资6000元", amount=Decimal(6000)),
              Claim(type="other", text="被告支付原告医药费800元", amount=Decimal(800))]
    case = court_case(claims, defence="被告辩称，原告未提供工伤认定材料。", found=HIRED + "2020年5月3日，原告在下班途中摔伤。")
    decisions, _ = _decided(case)
    for t in ("injury_leave_wage", "other"):
        d = _one(decisions, t)
        assert d.outcome == Outcome.DENIED and any(a.law == "工伤保险条例" and a.article == 17 for a in d.articles), t
    case.tribunal_statement += "2020年8月1日，某某市人力资源和社会保障局作出认定工伤决定书，认定原告所受伤害为工伤。"
    decisions, _ = _decided(case)
    assert all(d.outcome != Outcome.DENIED for d in decisions.values())


def test_civil_damages_no_labour_law_provides_are_denied_and_paying_in_insurance_is_not_for_the_forum():
    claims = [Claim(type="other", text="被告赔偿原告精神损失费5000元", amount=Decimal(5000)),
              Claim(type="other", text="被告支付原告误工费3000元", amount=Decimal(3000)),
              Claim(type="social_insurance", text="被告给付原告养老、医疗、失业、生育、工伤等保险")]
    decisions, _ = _decided(court_case(claims, found=HIRED))
    outcomes = {text: d.outcome for (_, text), d in decisions.items()}
    assert outcomes[claims[0].text] == Outcome.DENIED and outcomes[claims[1].text] == Outcome.DENIED
    assert outcomes[claims[2].text] == Outcome.NOT_ACCEPTED


def test_a_deposit_the_employer_took_is_returned_as_found_and_one_returned_is_not():
    """劳动合同法第九条、第八十四条第二款: the sum the findings say the employer took, up to what was asked."""
    claim = Claim(type="return_deposit", text="被告退还原告工装押金500元", amount=Decimal(500))
    took = HIRED + "2017年3月1日，被告向原告收取工装押金500元，出具了收据。"
    d = _one(_decided(court_case([claim], found=took))[0], "return_deposit")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(500)
    assert any(a.law == "劳动合同法" and a.article == 84 for a in d.articles)
    back = took + "原告离职时，被告已退还该押金。"
    assert _one(_decided(court_case([claim], found=back))[0], "return_deposit").outcome == Outcome.UNKNOWN


def _ended(found: str, ending: Termination, *, defence: str | None = None, region: str | None = "青岛市"):
    """A 9000 severance claim; the findings: hired 2017-03-01 at 3000 a month, the employment ended 2019-05-31."""
    claim = Claim(type="severance", text="被告支付原告解除劳动合同经济补偿金9000元", amount=Decimal(9000))
    case = court_case([claim], defence=defence, found=found)
    case.region = region
    case.facts.hire_date.add(date(2017, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 5, 31), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(3000), FOUND, Side.TRIBUNAL)
    case.facts.termination.add(ending, FOUND, Side.TRIBUNAL)
    return case


def _resigned(reason: str, found: str, region: str | None = "青岛市"):
    return _ended(found, Termination(initiator=TerminationInitiator.EMPLOYEE, mode="被迫解除", reason=reason),
                  region=region)


def test_severance_when_the_findings_show_the_default_the_worker_resigned_for():
    """劳动合同法第三十八条第一款第三项、第四十六条第一项: the worker ended the contract because no social insurance was
    paid, and the findings say none was: 2 years 3 months → 2.5 months × 3000 = 7500 of the 9000 asked."""
    found = HIRED + "被告未为原告缴纳社会保险。2019年5月31日，原告以被告未缴纳社会保险为由解除劳动合同。"
    d = _one(_decided(_resigned("被告未缴纳社会保险", found))[0], "severance")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(7500)
    assert any(a.article == 38 and a.item == 3 for a in d.articles)
    # the worker's reason alone (「以…为由」) is no finding of the default
    only_reason = HIRED + "2019年5月31日，原告以被告未缴纳社会保险为由解除劳动合同。"
    assert _one(_decided(_resigned("被告未缴纳社会保险", only_reason))[0], "severance").outcome == Outcome.UNKNOWN


def test_regional_figures_are_the_case_regions_never_the_offices_in_its_place():
    """The city comes from the case or the commission its texts name (「向兰州市城关区劳动人事争议仲裁委员会」); with
    none, the office's own figures may not be this case's, so the amount waits (no statistic is guessed)."""
    found = HIRED + "被告未为原告缴纳社会保险。原告于2019年6月10日向兰州市城关区劳动人事争议仲裁委员会申请仲裁。"
    d = _one(_decided(_resigned("被告未缴纳社会保险", found, region=None))[0], "severance")
    assert d.outcome == Outcome.UNKNOWN
    assert any("兰州市" in w.message for w in _decided(_resigned("被告未缴纳社会保险", found, region=None))[1].warnings)
    nowhere = HIRED + "被告未为原告缴纳社会保险。"
    assert _one(_decided(_resigned("被告未缴纳社会保险", nowhere, region=None))[0], "severance").outcome == Outcome.UNKNOWN


def test_the_local_average_wage_the_findings_state_caps_severance_with_them_as_its_source():
    """劳动合同法第四十七条第二款: the findings say 「2018年度某某市在岗职工月平均工资为4000元」; a 15000 wage is capped at
    3 × 4000 = 12000; 1 year 4 months → 1.5 months: 18000. Without that sentence the city's figure is missing: waits."""
    claim = Claim(type="severance", text="被告支付原告经济补偿金18000元", amount=Decimal(18000))
    found = ("经审理查明，原告于2018年3月1日入职被告处，月工资15000元。2019年6月30日，被告以经营困难为由解除劳动合同。"
             "2018年度某某市在岗职工月平均工资为4000元。")
    case = court_case([claim], found=found)
    case.region = "某某市"
    case.facts.hire_date.add(date(2018, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 6, 30), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(15000), FOUND, Side.TRIBUNAL)
    case.facts.termination.add(dismissal("经营困难", "劳动合同法第四十一条"), FOUND, Side.TRIBUNAL)
    d = _one(_decided(case)[0], "severance")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(18000), d
    assert any("经审理查明" in s and "12000" in s for s in d.calculation.steps)
    case.tribunal_statement = found.replace("2018年度某某市在岗职工月平均工资为4000元。", "")
    assert _one(_decided(case)[0], "severance").outcome == Outcome.UNKNOWN


def test_the_local_minimum_wage_the_findings_state_raises_the_base_and_rules_out_the_cap():
    """实施条例第二十七条、劳动合同法第四十七条第二款: the findings say the city's minimum wage rose to 2100 on
    2019年4月1日; a 1900 average counts as 2100, and 2100 is not above three minimum wages, so no average wage can cap
    it whatever the year's figure: 1 year 4 months → 1.5 × 2100 = 3150. Without the sentence, or with a figure that
    took effect only after the end, or another city's, the city's average wage is missing: waits."""
    claim = Claim(type="severance", text="被告支付原告经济补偿金3150元", amount=Decimal(3150))
    told = "某某市月最低工资标准自2018年1月1日起为1900元，自2019年4月1日起调整为2100元。"
    found = "经审理查明，原告于2018年3月1日入职被告处，月工资1900元。2019年6月30日，被告以经营困难为由解除劳动合同。"

    def decided(said):
        case = court_case([claim], found=found + said)
        case.region = "某某市"
        case.facts.hire_date.add(date(2018, 3, 1), FOUND, Side.TRIBUNAL)
        case.facts.leave_date.add(date(2019, 6, 30), FOUND, Side.TRIBUNAL)
        case.facts.monthly_wage.add(Decimal(1900), FOUND, Side.TRIBUNAL)
        case.facts.termination.add(dismissal("经营困难", "劳动合同法第四十一条"), FOUND, Side.TRIBUNAL)
        return _one(_decided(case)[0], "severance")

    d = decided(told)
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(3150), d
    assert any("2100" in s and "经审理查明" in s and "三倍" in s for s in d.calculation.steps)
    assert any(a.law == "劳动合同法实施条例" and a.article == 27 for a in d.articles)
    for said in ("", told.replace("2019年4月1日", "2019年7月1日").replace("自2018年1月1日起为1900元，", ""),
                 told.replace("某某市", "另某市")):
        assert decided(said).outcome == Outcome.UNKNOWN, said


def _agreed(found: str):
    ending = Termination(initiator=TerminationInitiator.MUTUAL, mode="协商一致解除")
    return _one(_decided(_ended(found, ending))[0], "severance")


def test_an_agreed_end_the_employer_proposed_earns_severance_and_one_the_worker_proposed_does_not():
    """劳动合同法第三十六条、第四十六条第二项, on who proposed it as the findings say (「经甲方提出」 in the agreement)."""
    by_employer = HIRED + "2019年5月20日，双方签订《协商解除劳动合同协议书》，载明：“经甲方提出，双方协商一致，于2019年5月31日解除劳动合同。”"
    d = _agreed(by_employer)
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(7500)
    assert any(a.article == 46 and a.item == 2 for a in d.articles)
    by_worker = HIRED + "2019年5月20日，原告以家中有事为由提出解除劳动合同，双方协商一致于2019年5月31日解除劳动合同。"
    assert _agreed(by_worker).outcome == Outcome.DENIED
    assert _agreed(HIRED + "2019年5月31日，双方协商一致解除劳动合同。").outcome == Outcome.UNKNOWN


def test_an_expiry_whose_renewal_offer_the_findings_do_not_show_earns_severance():
    """劳动合同法第四十六条第五项: on expiry 经济补偿 is due unless the employer offered to renew on terms kept or
    improved and the worker refused — the employer's exception: unproven after a hearing that found no such offer."""
    found = HIRED + "双方劳动合同于2019年5月31日期满，被告书面通知原告到期后不再续订。"

    def decided(found, defence="被告辩称，原告不愿续签劳动合同，公司无需支付经济补偿。"):
        ending = Termination(initiator=TerminationInitiator.EXPIRY, mode="合同期满终止")
        case = _ended(found, ending, defence=defence)
        return _one(_decided(case)[0], "severance")

    d = decided(found)
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(7500)
    offered = HIRED + "合同期满前，被告书面通知原告按原工资待遇续订劳动合同，原告表示不同意续订。"
    assert decided(offered).outcome == Outcome.UNKNOWN
    # the defence naming the worker by name (told.names), not by the role word
    assert decided(offered, defence="被告辩称，孙某不愿续签劳动合同，公司无需支付经济补偿。").outcome == Outcome.UNKNOWN


def test_the_employer_refusing_a_renewal_is_no_refusal_of_the_worker():
    """「被申请人不同意续签」 names the employer, whose 「申请人」 is no word for the worker (第四十六条第五项)."""
    from arbitration.drafting.rules.ending import worker_refused_renewal

    case = court_case([])
    x = SimpleNamespace(case=case, sides=SimpleNamespace(worker=Side.APPLICANT), w="申请人")  # what the rule reads
    assert not worker_refused_renewal(x, "合同期满，被申请人不同意续签劳动合同")
    assert worker_refused_renewal(x, "合同期满，申请人不同意续签劳动合同")


def test_the_papers_of_an_ended_employment_are_ordered():
    """劳动合同法第五十条第一款: a certificate of the ending and the transfer of the file and social insurance; the
    transfer is no paying-in of contributions (not refused as the collecting agency's)."""
    claims = [Claim(type="other", text="被告为原告出具解除劳动合同证明书"),
              Claim(type="social_insurance", text="被告为原告办理社会保险关系转移手续")]
    case = court_case(claims, found=HIRED + "2019年5月31日，被告以原告不胜任工作为由解除劳动合同。")
    case.facts.leave_date.add(date(2019, 5, 31), FOUND, Side.TRIBUNAL)
    decisions, award = _decided(case)
    for d in decisions.values():
        assert d.outcome == Outcome.GRANTED and any(a.article == 50 for a in d.articles), d.claim.text
    items = " ".join(it.text for it in award.items)
    assert "出具解除（终止）劳动合同的证明" in items and "办理档案和社会保险关系转移手续" in items
    # the employment not shown to have ended: nothing to certify yet
    case = court_case(claims[:1], found=HIRED)
    assert _one(_decided(case)[0], "other").outcome == Outcome.UNKNOWN


def test_pay_the_findings_say_was_paid_is_denied_and_other_words_about_payment_are_not():
    claim = Claim(type="unpaid_wages", text="被告支付原告2019年5月工资3000元", amount=Decimal(3000))
    paid = HIRED + "被告已于2019年6月10日向原告转账支付2019年5月工资3000元。"
    d = _one(_decided(court_case([claim], found=paid))[0], "unpaid_wages")
    assert d.outcome == Outcome.DENIED
    for found in (HIRED + "被告已于2019年6月10日向原告转账支付2019年5月工资1000元。",  # a part payment
                  HIRED + "被告的制度中并无已离职员工不予发放工资3000元的规定。"):
        assert _one(_decided(court_case([claim], found=found))[0], "unpaid_wages").outcome != Outcome.DENIED, found


def test_months_the_findings_say_went_unpaid_are_owed_at_the_wage_found_to_the_last_day():
    """「被告未向原告支付2019年4月份及5月份的工资」, wage 3000, the employment ended 2019-05-17: April 3000 + May's 13 paid
    days (工资折算通知第二条: 3000 ÷ 21.75 × 13) = 4793.10 of the 6000 asked."""
    claim = Claim(type="unpaid_wages", text="被告支付原告2019年4月、5月工资6000元", amount=Decimal(6000))
    found = HIRED + "被告未向原告支付2019年4月份及5月份的工资。自2019年5月18日起原告未再到被告处上班。"
    case = court_case([claim], found=found)
    case.facts.monthly_wage.add(Decimal(3000), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 5, 17), FOUND, Side.TRIBUNAL)
    d = _one(_decided(case)[0], "unpaid_wages")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal("4793.10"), d.amount
    # short pay (未足额) leaves the sum to the tribunal
    case.tribunal_statement = found.replace("未向原告支付", "未足额支付原告")
    assert _one(_decided(case)[0], "unpaid_wages").outcome == Outcome.UNKNOWN


def test_a_request_the_court_finds_never_put_to_arbitration_is_not_heard():
    """A court hears what was arbitrated first (劳动争议调解仲裁法第五条; 解释（一）第十四条: an independent new request goes
    to arbitration): the findings say the overtime was never asked there. An earlier suit's story is not this one."""
    claims = [Claim(type="overtime", text="被告支付原告加班费8000元", amount=Decimal(8000)),
              Claim(type="unpaid_wages", text="被告支付原告2019年5月工资3000元", amount=Decimal(3000))]
    found = HIRED + "原告在仲裁阶段未提出支付加班费的仲裁请求。"
    decisions, _ = _decided(court_case(claims, found=found))
    assert _one(decisions, "overtime").outcome == Outcome.NOT_ACCEPTED
    assert _one(decisions, "unpaid_wages").outcome != Outcome.NOT_ACCEPTED
    earlier = HIRED + "原告在上述案件中主张加班费，但因未经仲裁前置程序被法院驳回。"
    assert _one(_decided(court_case(claims, found=earlier))[0], "overtime").outcome != Outcome.NOT_ACCEPTED


def test_after_a_hearing_overtime_and_outlays_the_findings_say_nothing_of_fail_on_the_workers_proof():
    """解释（一）第四十二条, 调解仲裁法第六条: the findings say nothing of the hours worked or of the travel costs; a
    finding that the worker worked every Saturday affirms overtime (its amount then for the tribunal)."""
    claims = [Claim(type="overtime", text="被告支付原告加班费9000元", amount=Decimal(9000)),
              Claim(type="other", text="被告支付原告差旅费497元", amount=Decimal(497))]
    decisions, _ = _decided(court_case(claims, found=HIRED))
    assert _one(decisions, "overtime").outcome == Outcome.DENIED
    assert _one(decisions, "other").outcome == Outcome.DENIED
    saturdays = HIRED + "劳动关系存续期间，原告每周六均上班，被告按正常工作日标准支付工资。"
    decisions, award = _decided(court_case(claims, found=saturdays))
    assert _one(decisions, "overtime").outcome == Outcome.UNKNOWN and award.findings.get("issue:overtime").holds
    # findings that speak of the hours in other words leave it to the tribunal; before a hearing nothing is settled
    hours = HIRED + "原告每天早8点上班，晚8点下班。"
    assert _one(_decided(court_case(claims, found=hours))[0], "overtime").outcome == Outcome.UNKNOWN
    assert _one(_decided(court_case(claims))[0], "overtime").outcome == Outcome.UNKNOWN


def test_weekend_days_the_findings_say_were_worked_are_paid_by_the_day_counted_low():
    """劳动法第四十四条第二项, 工资支付暂行规定第十三条: the findings say the worker went to work every Saturday from
    2018-01-01 to 2019-12-31 at wages of 2000 and then 3000 a month. 98 Saturdays were rest days by the holiday
    arrangements; at the lower wage the premium alone (100 % of 2000 ÷ 21.75 a day) is 9011.50, so 5000 asked is
    granted in full; 12000 asked is more than that low count and waits for the tribunal, as does a claim for
    延时 only (the days say nothing of the hours)."""
    from arbitration.model import WorkSchedule

    def case_of(text, amount):
        claim = Claim(type="overtime", text=text.format(amount), amount=Decimal(amount),
                      period_start=date(2018, 1, 1), period_end=date(2019, 12, 31))
        found = ("经审理查明，原告于2018年1月1日入职被告处，2019年12月31日双方劳动关系解除。劳动关系存续期间，原告每周六均上班，"
                 "被告按月支付工资，其中2018年月工资为2000元，2019年月工资为3000元。")
        case = court_case([claim], defence="被告辩称，原告周六自愿到岗。", found=found)
        case.facts.hire_date.add(date(2018, 1, 1), FOUND, Side.TRIBUNAL)
        case.facts.leave_date.add(date(2019, 12, 31), FOUND, Side.TRIBUNAL)
        case.facts.monthly_wage.add(Decimal(3000), FOUND, Side.TRIBUNAL)
        case.facts.working_hours.add(WorkSchedule(days_per_week=Decimal(6), text="原告每周六均上班"), FOUND, Side.TRIBUNAL)
        return _one(_decided(case)[0], "overtime")

    rest = "被告支付原告2018年1月1日至2019年12月31日周六加班工资{}元"
    d = case_of(rest, 5000)
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(5000)
    assert any(a.law == "劳动法" and a.article == 44 for a in d.articles)
    prose = "".join(p.text for p in d.reasoning)
    assert "共98天" in prose and "9011.50元" in prose, prose
    assert case_of(rest, 12000).outcome == Outcome.UNKNOWN
    assert case_of("被告支付原告2018年1月1日至2019年12月31日延时加班工资{}元", 5000).outcome == Outcome.UNKNOWN


def test_an_untyped_request_is_named_in_its_own_words_without_who_asked():
    """A request no claim type fits is quoted as it was made, without 「…请求判决」 and without 「要求不支付」 put before
    an employer's own words (「关于被告要求不支付某服务公司请求判决不应支付…」 read as nonsense)."""
    from arbitration.model import ClaimantSide

    claims = [Claim(type="other", text="孙某等请求判决某某物流有限公司与某传媒公司连带支付丧葬补助金50000元",
                    amount=Decimal(50000)),
              Claim(type="other", text="某某物流有限公司请求判决不应支付供养亲属抚恤金", claimant=ClaimantSide.EMPLOYER)]
    _, award = _decided(court_case(claims))
    items = [i.text.rstrip("；。") for i in award.items]
    assert "关于原告「某某物流有限公司与某传媒公司连带支付丧葬补助金50000元」的请求：「待查明」" in items
    assert "关于被告「不应支付供养亲属抚恤金」的请求：「待查明」" in items
    heads = [p.text for d in award.decisions for p in d.reasoning[:1]]
    assert any(h.startswith("（二）关于被告「不应支付供养亲属抚恤金」的请求") for h in heads), heads


def test_a_claim_total_added_wrongly_gets_the_debt_its_own_items_and_the_findings_state():
    """The worker says 3月工资3000元 and 4月工资3000元 are owed but asks 6500 in all; the findings find the same two
    months owed: the found 6000 is granted, the rest not. A worker's account without sums leaves a smaller finding
    to the tribunal (it may leave out pay the tribunal states otherwise, such as 待岗生活费)."""
    claim = Claim(type="unpaid_wages", text="被告支付原告拖欠的工资6500元", amount=Decimal(6500))
    found = HIRED + "被告拖欠原告2019年3月工资3000元及4月工资3000元。"
    case = court_case([claim], complaint="原告诉称，被告拖欠原告2019年3月工资3000元及4月工资3000元未付。"
                                         "故诉至法院，要求判令被告支付拖欠的工资6500元。", found=found)
    d = _one(_decided(case)[0], "unpaid_wages")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(6000), (d.outcome, d.amount)
    case = court_case([claim], complaint="原告诉称，被告自2019年3月起停发原告工资。故诉至法院。", found=found)
    assert _one(_decided(case)[0], "unpaid_wages").outcome == Outcome.UNKNOWN


def test_double_wage_on_a_hire_known_only_to_the_month_counts_from_its_last_day():
    """实施条例第六条: double wage from the day after the first month of employment. Hired 「2019年1月」, dismissed
    2019-06-20, wage 3000: counted from 2019-01-31 it is under the 14000 asked, so the day of the hire decides
    (pending); a claim of 9000 is reached even so, and granted."""
    found = "经审理查明，原告于2019年1月到被告处工作，月工资3000元，由被告按月发放。"
    for asked, outcome in ((14000, Outcome.UNKNOWN), (9000, Outcome.GRANTED)):
        claim = Claim(type="double_wage", text=f"被告支付原告未签订书面劳动合同二倍工资{asked}元", amount=Decimal(asked))
        case = court_case([claim], found=found)
        case.facts.hire_date.add(date(2019, 1, 1), FOUND, Side.TRIBUNAL, "仅载明年月")
        case.facts.leave_date.add(date(2019, 6, 20), FOUND, Side.TRIBUNAL)
        case.facts.monthly_wage.add(Decimal(3000), FOUND, Side.TRIBUNAL)
        case.facts.written_contract.add(ContractInfo(signed=False), FOUND, Side.TRIBUNAL)
        d = _one(_decided(case)[0], "double_wage")
        assert d.outcome == outcome, (asked, d.outcome, [p.text for p in d.reasoning])
        if outcome == Outcome.UNKNOWN:
            assert any("用工之日（仅载明2019年1月" in p.text for p in d.reasoning)
        else:
            assert d.amount == Decimal(9000)


APPLIED = "原告于2019年6月10日向某某市劳动人事争议仲裁委员会申请仲裁，要求："


def test_a_request_of_a_kind_the_quoted_application_never_named_is_not_heard():
    """解释（一）第十四条: the findings quote the worker's application (wages and 补缴社会保险费); in court the worker adds
    overtime and damages for a pension lost — independent disputes, not heard; the wages asked again with another sum
    are the dispute arbitrated and go to their own rule. Without the requests quoted, nothing is held new."""
    claims = [Claim(type="unpaid_wages", text="被告支付原告2019年5月工资3500元", amount=Decimal(3500)),
              Claim(type="overtime", text="被告支付原告加班费8000元", amount=Decimal(8000)),
              Claim(type="social_insurance", text="被告赔偿原告未缴纳养老保险造成的养老金损失20000元", amount=Decimal(20000))]
    found = HIRED + APPLIED + "1、被告支付2019年5月工资3000元；2、被告为原告补缴社会保险费。该委裁决驳回原告的仲裁请求。"
    decisions, _ = _decided(court_case(claims, found=found))
    for kind in ("overtime", "social_insurance"):
        d = _one(decisions, kind)
        assert d.outcome == Outcome.NOT_ACCEPTED, kind
        assert any(a.law == "劳动争议解释（一）" and a.article == 14 for a in d.articles)
    assert _one(decisions, "unpaid_wages").outcome != Outcome.NOT_ACCEPTED
    told_only = HIRED + "原告于2019年6月10日向某某市劳动人事争议仲裁委员会申请仲裁，该委裁决驳回原告的仲裁请求。"
    open_list = HIRED + "原告就工资等争议向某某市劳动人事争议仲裁委员会申请仲裁。"
    for found in (told_only, open_list):
        assert _one(_decided(court_case(claims, found=found))[0], "overtime").outcome != Outcome.NOT_ACCEPTED, found
    # damages asked of the commission too: the same dispute
    asked = HIRED + APPLIED + "1、被告支付2019年5月工资3000元；2、被告赔偿未缴纳社会保险造成的损失。"
    assert _one(_decided(court_case(claims, found=asked))[0], "social_insurance").outcome != Outcome.NOT_ACCEPTED


def test_the_request_the_findings_take_up_and_say_was_never_arbitrated_is_not_heard_by_its_number():
    """「关于原告主张的诉讼请求第一项，……。另，原告的该项主张没有经过仲裁前置程序」: the first request, not the other
    wage request beside it."""
    claims = [Claim(type="unpaid_wages", text="被告支付原告2019年5月工资3000元", amount=Decimal(3000), index=1),
              Claim(type="unpaid_wages", text="被告支付原告2019年上半年奖金1500元", amount=Decimal(1500), index=2)]
    found = HIRED + "关于原告主张的诉讼请求第一项，2019年5月工资3000元，原告表示已经发放。另，原告的该项主张没有经过仲裁前置程序。"
    decisions, _ = _decided(court_case(claims, found=found))
    assert decisions[("unpaid_wages", claims[0].text)].outcome == Outcome.NOT_ACCEPTED
    assert decisions[("unpaid_wages", claims[1].text)].outcome != Outcome.NOT_ACCEPTED


def test_an_award_the_employer_let_stand_grants_the_sum_awarded():
    """The award ordered the bonus and the employer did not sue against it (调解仲裁法第五十条): the worker, who sued
    over the rest, gets that sum; not a sum other than the award's, nor without the finding that the employer let it be."""
    claim = Claim(type="unpaid_wages", text="被告支付原告2019年上半年奖金1500元", amount=Decimal(1500))
    award = (HIRED + APPLIED + "1、被告支付2019年上半年奖金1500元；2、被告支付经济补偿金9000元。该委作出裁决：一、被告支付原告"
             "2019年上半年奖金1500元；二、驳回原告的其他仲裁请求。")
    let_be = award + "被告未就该仲裁裁决向本院提起诉讼。"
    d = _one(_decided(court_case([claim], found=let_be))[0], "unpaid_wages")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(1500)
    assert any(a.law == "劳动争议调解仲裁法" and a.article == 50 for a in d.articles)
    assert _one(_decided(court_case([claim], found=award))[0], "unpaid_wages").outcome != Outcome.GRANTED
    more = claim.model_copy(update={"amount": Decimal(3000), "text": "被告支付原告2019年上半年奖金3000元"})
    assert _one(_decided(court_case([more], found=let_be))[0], "unpaid_wages").outcome != Outcome.GRANTED
    worker_did_not = award + "原告未就该仲裁裁决向本院提起诉讼。"
    assert _one(_decided(court_case([claim], found=worker_did_not))[0], "unpaid_wages").outcome != Outcome.GRANTED


def test_the_worth_of_unpaid_contributions_is_no_loss_the_employer_pays_the_worker():
    """Contributions are paid to the collecting agency (劳动法第七十二条、第一百条); a loss is a benefit the worker cannot
    get (解释（一）第一条第五项): 「未缴社保造成的损失」 and money in place of paying in are denied; a benefit named stays
    for the tribunal."""
    as_money = Claim(type="social_insurance", text="被告支付原告2019年5月、6月未缴社保造成的损失1200元", amount=Decimal(1200))
    instead = Claim(type="social_insurance", text="被告为原告补缴2018年社会保险或者给予相应的补偿金")
    pension = Claim(type="social_insurance", text="被告赔偿原告未缴社会保险造成的养老保险待遇损失30000元", amount=Decimal(30000))
    decisions, _ = _decided(court_case([as_money, instead, pension], found=HIRED))
    for claim in (as_money, instead):
        d = decisions[("social_insurance", claim.text)]
        assert d.outcome == Outcome.DENIED, claim.text
        assert any(a.law == "劳动争议解释（一）" and a.article == 1 and a.item == 5 for a in d.articles)
    assert decisions[("social_insurance", pension.text)].outcome == Outcome.UNKNOWN
    pay_in = Claim(type="social_insurance", text="被告为原告补缴2018年社会保险")
    d = _one(_decided(court_case([pay_in], found=HIRED))[0], "social_insurance")
    assert d.outcome == Outcome.NOT_ACCEPTED and any(a.law == "劳动法" and a.article == 100 for a in d.articles)


def _unlawful_claim_case(found: str, ending: Termination, hired: date):
    """A 60000 赔偿金 claim; hired on `hired` at 3000 a month, the employment ended 2019-05-31."""
    claim = Claim(type="unlawful_termination", text="被告支付原告违法终止劳动合同赔偿金60000元", amount=Decimal(60000))
    case = court_case([claim], defence="被告辩称，合同到期终止，不同意支付赔偿金。", found=found)
    case.region = "青岛市"
    case.facts.hire_date.add(hired, FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 5, 31), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(3000), FOUND, Side.TRIBUNAL)
    case.facts.termination.add(ending, FOUND, Side.TRIBUNAL)
    return _one(_decided(case)[0], "unlawful_termination")


def test_an_expiry_ending_before_the_exit_examination_of_hazardous_work_is_unlawful():
    """劳动合同法第四十二条第一项、第四十五条: a welder's contract may not end on expiry before the examination on
    leaving work exposed to occupational hazards; the findings say none was arranged: 违法终止, 2 years 3 months →
    2.5 months × 3000 × 2 = 15000. Service before 2008 waits (how 赔偿金 for an unlawful expiry counts it is local
    practice); without the finding the protection stays a question."""
    expiry = Termination(initiator=TerminationInitiator.EXPIRY, mode="合同期满终止")
    found = ("经审理查明，原告于2017年3月1日入职被告处，工作岗位为焊工。双方劳动合同于2019年5月31日到期终止。"
             "被告在终止劳动合同前没有为原告安排离岗前的职业健康检查。")
    d = _unlawful_claim_case(found, expiry, date(2017, 3, 1))
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(15000), d
    assert any(a.article == 42 and a.item == 1 for a in d.articles)
    assert _unlawful_claim_case(found, expiry, date(2005, 3, 1)).outcome == Outcome.UNKNOWN
    clerk = found.replace("焊工", "文员")
    assert _unlawful_claim_case(clerk, expiry, date(2017, 3, 1)).outcome != Outcome.PARTLY


def test_a_waiver_or_a_severance_already_paid_holds_the_sum_of_an_unlawful_dismissal():
    """The findings tell what the calculator cannot weigh: the worker gave up what fell due before a date, or the
    employer paid 经济补偿 when it ended the contract (set off? 实施条例第二十五条): the ground is decided, the sum waits."""
    dismissed = Termination(initiator=TerminationInitiator.EMPLOYER, mode="单方解除", reason="用工单位不再设立岗位")
    told = ("经审理查明，原告于2017年3月1日入职被告处，由被告派遣至某某单位工作。2019年5月，用工单位决定不再设立该岗位，"
            "将原告退回被告。2019年5月31日，被告以用工单位不再设立岗位为由解除劳动合同。")
    d = _unlawful_claim_case(told, dismissed, date(2017, 3, 1))
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(15000), d
    waived = told + "原告自愿放弃2018年3月1日以前的所有费用。"
    assert _unlawful_claim_case(waived, dismissed, date(2017, 3, 1)).outcome == Outcome.UNKNOWN
    paid = told + "被告于2019年5月31日向原告支付经济补偿7500元。"
    assert _unlawful_claim_case(paid, dismissed, date(2017, 3, 1)).outcome != Outcome.UNKNOWN
    unsaid = told + "被告已向原告支付了经济补偿。"
    assert _unlawful_claim_case(unsaid, dismissed, date(2017, 3, 1)).outcome == Outcome.UNKNOWN
    earlier = told + "被告曾于2018年1月10日向原告支付经济补偿7500元。"
    assert _unlawful_claim_case(earlier, dismissed, date(2017, 3, 1)).outcome == Outcome.UNKNOWN


def _arbitrated_unlawful_claim(found: str, ending: Termination):
    """The same claim in an arbitration (申请人/被申请人, 仲裁庭查明): hired 2017-03-01 at 3000, ended 2019-05-31."""
    from findings_cases import base_case

    claim = Claim(type="unlawful_termination", text="被申请人支付申请人违法解除劳动合同赔偿金60000元", amount=Decimal(60000))
    case = base_case([claim], defence="被申请人不同意支付赔偿金。")
    case.tribunal_statement = found
    case.facts.hire_date.add(date(2017, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 5, 31), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(3000), FOUND, Side.TRIBUNAL)
    case.facts.termination.add(ending, FOUND, Side.TRIBUNAL)
    return _one(_decided(case)[0], "unlawful_termination")


def test_a_severance_paid_on_the_ending_is_set_off_against_the_damages():
    """劳动合同法实施条例第二十五条: an employer that pays the 赔偿金 of 第八十七条 pays no 经济补偿; the 经济补偿 it
    paid when it ended the contract comes off the 赔偿金 (15000 less 6000 = 9000), both figures stated; paid as much
    or more, nothing is left to pay. An unpaid one (「未支付经济补偿」) sets nothing off."""
    dismissed = Termination(initiator=TerminationInitiator.EMPLOYER, mode="单方解除", reason="用工单位不再设立岗位")
    told = ("经审理查明，原告于2017年3月1日入职被告处，由被告派遣至某某单位工作。2019年5月，用工单位决定不再设立该岗位，"
            "将原告退回被告。2019年5月31日，被告以用工单位不再设立岗位为由解除劳动合同。")
    paid = told + "被告在解除劳动合同时向原告支付了经济补偿6000元。"
    d = _unlawful_claim_case(paid, dismissed, date(2017, 3, 1))
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(9000), d
    said = " ".join(p.text for p in d.reasoning)
    assert "15000" in said and "6000" in said and "9000" in said, said
    assert any(a.law == "劳动合同法实施条例" and a.article == 25 for a in d.articles)
    by_word = Termination(initiator=TerminationInitiator.EMPLOYER, mode="辞退")
    paid_that_day = ("仲裁庭查明，申请人于2017年3月1日入职被申请人处，月工资3000元。2019年5月31日，被申请人口头辞退申请人，"
                     "并于当日向申请人支付经济补偿6000元。")
    d = _arbitrated_unlawful_claim(paid_that_day, by_word)
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(9000), d
    more = told + "被告在解除劳动合同时向原告支付了经济补偿20000元。"
    assert _unlawful_claim_case(more, dismissed, date(2017, 3, 1)).outcome == Outcome.DENIED
    unpaid = told + "被告解除劳动合同时未向原告支付经济补偿。"
    d = _unlawful_claim_case(unpaid, dismissed, date(2017, 3, 1))
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(15000), d


def _dissolve_case(found: str, ending: Termination | None = None):
    claims = [Claim(type="other", text="依法解除原告与被告的劳动关系"),
              Claim(type="unpaid_wages", text="被告支付原告拖欠的工资9000元", amount=Decimal(9000)),
              Claim(type="other", text="某某商贸部对上述第二项承担连带责任")]
    case = court_case(claims, found=found)
    if ending is not None:
        case.facts.termination.add(ending, FOUND, Side.TRIBUNAL)
    return case


def test_a_request_to_dissolve_the_employment_is_granted_for_wages_the_findings_say_are_unpaid():
    """劳动合同法第三十八条第一款第二项: the worker may end the contract at once when the employer failed to pay wages;
    the findings say 9000 of wages is owed. A request asking no sum never waits for one."""
    owed = HIRED + "被告尚欠原告2019年3月至5月工资共计9000元。"
    decisions, _ = _decided(_dissolve_case(owed))
    d = decisions[("other", "依法解除原告与被告的劳动关系")]
    assert d.outcome == Outcome.GRANTED and d.amount is None
    assert any(a.article == 38 and a.clause == 1 and a.item == 2 for a in d.articles)
    # the contract ends by this request: 经济补偿 is due (第四十六条第一项), its years run to the day it ends
    claim = Claim(type="severance", text="被告支付原告经济补偿金9000元", amount=Decimal(9000))
    case = _dissolve_case(owed)
    case.claims.append(claim)
    sev = _one(_decided(case)[0], "severance")
    assert sev.outcome == Outcome.UNKNOWN
    assert any("劳动合同解除之日" in p.text for p in sev.reasoning)
    joint = decisions[("other", "某某商贸部对上述第二项承担连带责任")]
    assert joint.outcome == Outcome.UNKNOWN
    assert not any("金额（无适用的计算器" in p.text for p in joint.reasoning)
    # nothing found of the pay: what the end turns on waits, not a sum
    d = _one(_decided(_dissolve_case(HIRED))[0], "other")
    assert d.outcome == Outcome.UNKNOWN
    assert any("解除劳动合同的事由" in p.text for p in d.reasoning)
    assert not any("金额（无适用的计算器" in p.text for p in d.reasoning)
    # an ending the tribunal found before the request: a contract already ended is not ended again
    ended = owed + "2019年5月31日，被告向原告送达解除劳动合同通知书。"
    d = _one(_decided(_dissolve_case(ended, dismissal(None, notice=date(2019, 5, 31))))[0], "other")
    assert d.outcome == Outcome.UNKNOWN
    assert any("是否已经解除" in p.text for p in d.reasoning)


def test_a_notice_under_article_38_after_the_worker_resigned_earns_no_severance():
    """劳动合同法第三十七条、第四十六条: the findings tell a letter of resignation the worker owns signing and the
    employment ended on 2019-05-31; the worker's notice of 2019-06-10 for unpaid wages ends nothing more."""
    notice = Termination(initiator=TerminationInitiator.EMPLOYEE, mode="被迫解除", reason="被告拖欠工资",
                         statute_basis="劳动合同法第三十八条", notice_date=date(2019, 6, 10))
    found = (HIRED + "原告工作至2019年5月31日。被告提交辞职申请书一份，原告认可系其本人签字。"
             "2019年6月10日，原告向被告邮寄解除劳动合同通知书，以被告拖欠工资为由解除劳动合同。")
    d = _one(_decided(_ended(found, notice))[0], "severance")
    assert d.outcome == Outcome.DENIED
    assert {a.article for a in d.articles} >= {37, 46}
    # the worker does not own the letter: whether the employer defaulted is still the question
    disowned = found.replace("原告认可系其本人签字", "原告不认可该签字系其本人所签")
    assert _one(_decided(_ended(disowned, notice))[0], "severance").outcome == Outcome.UNKNOWN
    # a letter that names the employer's default is that ending, not a plain resignation
    forced = found.replace("被告提交辞职申请书一份", "被告提交以拖欠工资为由的辞职申请书一份")
    assert _one(_decided(_ended(forced, notice))[0], "severance").outcome == Outcome.UNKNOWN


def test_leave_pay_by_the_cumulative_years_the_findings_give():
    """条例第三条 by the cumulative years from the start of working life found (2004-07: past ten years in 2017 and
    2018): 10 + 10 days × 4350 ÷ 21.75 × 200 % = 8000 of the 9000 asked, partly; the years here alone would give
    only 5 + 5."""
    claim = Claim(type="annual_leave", text="被告支付原告2017年度至2018年度未休年休假工资9000元", amount=Decimal(9000))
    case = _leave_case(claim)
    case.tribunal_statement += "原告参加工作的时间为2004年7月。"
    d = _one(_decided(case)[0], "annual_leave")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal("8000.00")


def _leave_since_2003(claim, found_more=""):
    found = ("经审理查明，原告于2003年5月1日入职被告处，月工资4350元，双方劳动关系于2009年12月31日解除。原告在职期间应休未休年休假。"
             + found_more)
    case = court_case([claim], found=found)
    case.facts.hire_date.add(date(2003, 5, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2009, 12, 31), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(4350), FOUND, Side.TRIBUNAL)
    return case


def test_no_leave_pay_for_the_years_before_the_regulation_took_effect():
    """职工带薪年休假条例第十条: in force from 2008-01-01, so 2005–2007 owe nothing under it, whatever the leave taken
    (the years worked here would have given 5 days a year)."""
    claim = Claim(type="annual_leave", text="被告支付原告2005年度至2007年度未休年休假工资3000元", amount=Decimal(3000))
    d = _one(_decided(_leave_since_2003(claim))[0], "annual_leave")
    assert d.outcome == Outcome.DENIED and "2008年1月1日" in "".join(p.text for p in d.reasoning)
    assert any(a.law == "职工带薪年休假条例" and a.article == 10 for a in d.articles)
    unknown = court_case([claim], found="经审理查明，原告于2003年5月1日入职被告处。")  # nothing found of the leave
    assert _one(_decided(unknown)[0], "annual_leave").outcome == Outcome.DENIED


def test_leave_pay_over_years_across_2008_counts_from_2008():
    """2005–2009 claimed, working since 1999-07 (found): 2005–2007 are before the 条例 (第十条); 2008: 5 days;
    2009: ten years reached on 07-01, 181/365 × 5 + 184/365 × 10 = 7.52 → 7 days (实施办法第十二条) — 12 days ×
    4350 ÷ 21.75 × 200 % = 4800 of the 9000 asked. On the years here alone the 9000 waits: part of it is for
    the years before 2008."""
    claim = Claim(type="annual_leave", text="被告支付原告2005年度至2009年度未休年休假工资9000元", amount=Decimal(9000))
    d = _one(_decided(_leave_since_2003(claim, "原告参加工作的时间为1999年7月。"))[0], "annual_leave")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal("4800.00")
    assert "2008年以前" in "".join(p.text for p in d.reasoning) and any(a.law == "职工带薪年休假条例" and a.article == 10 for a in d.articles)
    small = Claim(type="annual_leave", text="被告支付原告2005年度至2009年度未休年休假工资3000元", amount=Decimal(3000))
    assert _one(_decided(_leave_since_2003(small))[0], "annual_leave").outcome == Outcome.UNKNOWN


def test_the_leave_of_the_year_still_running_is_not_yet_due():
    """Applied 2019-03-15, still working there: 2019's leave may still be arranged or paid before the year ends
    (实施办法第九条、第十条), so it is not counted — working since 2004-07 (found), 2017 and 2018 give 10 + 10 days ×
    4350 ÷ 21.75 × 200 % = 8000, which meets an ask of 8000 but not one of 12000 (that waits, it is not denied);
    2019 alone waits."""
    found = ("经审理查明，原告于2015年3月1日入职被告处，月工资4350元，原告参加工作的时间为2004年7月。原告在职期间未休年休假。"
             "原告于2019年3月15日向某某市劳动人事争议仲裁委员会申请仲裁。")

    def decided(text, amount):
        claim = Claim(type="annual_leave", text=text, amount=Decimal(amount))
        case = court_case([claim], complaint="原告诉称，原告目前仍在职，请求依法判决。", found=found)
        case.facts.hire_date.add(date(2015, 3, 1), FOUND, Side.TRIBUNAL)
        case.facts.monthly_wage.add(Decimal(4350), FOUND, Side.TRIBUNAL)
        return _one(_decided(case)[0], "annual_leave")

    d = decided("被告支付原告2017年度至2019年度未休年休假工资8000元", 8000)
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(8000)
    d = decided("被告支付原告2017年度至2019年度未休年休假工资12000元", 12000)
    assert d.outcome == Outcome.UNKNOWN and "2019年度" in "".join(p.text for p in d.reasoning)
    assert decided("被告支付原告2019年度未休年休假工资4000元", 4000).outcome == Outcome.UNKNOWN


def test_leave_pay_is_denied_to_a_graduate_who_left_within_twelve_months():
    """Graduated 2017-06, hired 2017-07-01, left 2018-03-31: never twelve months of work (条例第二条, 实施办法第三条),
    no leave due."""
    claim = Claim(type="annual_leave", text="被告支付原告2017年度、2018年度未休年休假工资2000元", amount=Decimal(2000))
    found = ("经审理查明，原告于2017年6月毕业，同年7月1日起在被告处从事销售工作，月工资5000元，由被告按月发放。"
             "原告在职期间未休年休假。原告自2018年4月1日起未再到被告处工作。")
    case = court_case([claim], found=found)
    case.facts.hire_date.add(date(2017, 7, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2018, 3, 31), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(5000), FOUND, Side.TRIBUNAL)
    d = _one(_decided(case)[0], "annual_leave")
    assert d.outcome == Outcome.DENIED and any(a.law == "职工带薪年休假条例" and a.article == 2 for a in d.articles)


def test_leave_pay_leaves_out_the_overtime_pay_counted_into_the_wage():
    """实施办法第十一条第二款: the wage of 4350 includes 1450 overtime pay, so 2900 a month; insured elsewhere since 2012
    (5 days a year), hired 2019-01-02 and left 2019-12-27: 360 ÷ 365 × 5 = 4.93, 4 days × 2900 ÷ 21.75 × 200 %."""
    claim = Claim(type="annual_leave", text="被告支付原告2019年度未休年休假工资2000元", amount=Decimal(2000))
    found = ("经审理查明，原告于2019年1月2日入职被告处，原告每月应发工资均为4350元（含加班费1450元）。"
             "原告的参保缴费记录显示，原告自2012年5月起在其他单位参加社会保险。原告2019年度未休年休假。")
    case = court_case([claim], found=found)
    case.facts.hire_date.add(date(2019, 1, 2), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 12, 27), FOUND, Side.TRIBUNAL)
    case.facts.monthly_wage.add(Decimal(4350), FOUND, Side.TRIBUNAL)
    d = _one(_decided(case)[0], "annual_leave")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal("1066.67")


def test_leave_pay_on_the_years_here_only_with_the_leave_found_by_the_tribunal():
    """Nobody tells of work before the hire (2017-03-01): the years here decide (the worker proves more), with the
    leave year found untaken in the findings' own words — 2019: 5 days × 3000 ÷ 21.75 × 200 % = 1379.31 of the 2000
    asked; a finding resting only on the employer's missing records leaves the days taken open."""
    claim = Claim(type="annual_leave", text="被告支付原告2019年度未休年休假工资2000元", amount=Decimal(2000))
    hired = "经审理查明，原告于2017年3月1日入职被告处从事仓库管理工作，月工资3000元，由被告按月发放。"

    def decided(found):
        case = court_case([claim], found=found)
        case.facts.hire_date.add(date(2017, 3, 1), FOUND, Side.TRIBUNAL)
        case.facts.monthly_wage.add(Decimal(3000), FOUND, Side.TRIBUNAL)
        return _one(_decided(case)[0], "annual_leave")

    d = decided(hired + "原告2019年度未休年休假。")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal("1379.31")
    assert decided(hired).outcome == Outcome.UNKNOWN


def test_a_deposit_is_the_total_taken_and_its_interest_has_no_basis():
    """Several sums in the finding: the total it names, else open; interest asked besides: no rule provides it,
    partly (劳动合同法第八十四条第二款 orders the money returned)."""
    claim = Claim(type="return_deposit", text="被告退还原告押金800元及利息", amount=Decimal(800))
    total = HIRED + "被告每月从原告工资中扣留押金200元，共计扣留800元。"
    d = _one(_decided(court_case([claim], found=total))[0], "return_deposit")
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(800) and any("利息" in p.text for p in d.reasoning)
    two = HIRED + "被告向原告收取押金300元，另收取工具押金500元。"
    assert _one(_decided(court_case([claim], found=two))[0], "return_deposit").outcome == Outcome.UNKNOWN


def test_a_worker_whose_own_account_is_leaving_for_a_reason_of_their_own_gets_neither_severance_nor_damages():
    """劳动合同法第三十七条、第四十六条、第八十七条: the findings record the worker's own account that they ended the
    employment to care for a parent; whatever the employer did that day, neither claim stands on the worker's word.
    A reason that is the employer's default (第三十八条), or the same story told by the employer, is no such account."""
    damages = Claim(type="unlawful_termination", text="被告支付原告违法解除劳动合同赔偿金18000元", amount=Decimal(18000))
    own = HIRED + "2019年5月31日，被告与原告解除劳动关系。原告主张其因家中老人患病需要照顾，故于2019年5月31日与被告解除劳动关系。"
    case = _ended(own, dismissal(mode="单方解除", notice=None))
    case.claims.append(damages)
    decided = _decided(case)[0]
    severance, unlawful = _one(decided, "severance"), _one(decided, "unlawful_termination")
    assert severance.outcome == Outcome.DENIED and any(a.article == 37 for a in severance.articles)
    assert unlawful.outcome == Outcome.DENIED and any(a.article == 87 for a in unlawful.articles)
    default = own.replace("其因家中老人患病需要照顾", "其因被告拖欠工资")
    assert _one(_decided(_ended(default, dismissal(mode="单方解除", notice=None)))[0], "severance").outcome != Outcome.DENIED
    told_by_employer = own.replace("原告主张其因", "被告主张原告因")
    d = _one(_decided(_ended(told_by_employer, dismissal(mode="单方解除", notice=None)))[0], "severance")
    assert d.outcome != Outcome.DENIED
