"""Decisions that the law, the burden of proof and the tribunal's findings settle in general (issue 14, second
round): each rule with its articles, on small cases in the real courts' style (tests/findings/findings_cases.py)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

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

    def decided(found):
        ending = Termination(initiator=TerminationInitiator.EXPIRY, mode="合同期满终止")
        case = _ended(found, ending, defence="被告辩称，原告不愿续签劳动合同，公司无需支付经济补偿。")
        return _one(_decided(case)[0], "severance")

    d = decided(found)
    assert d.outcome == Outcome.PARTLY and d.amount == Decimal(7500)
    offered = HIRED + "合同期满前，被告书面通知原告按原工资待遇续订劳动合同，原告表示不同意续订。"
    assert decided(offered).outcome == Outcome.UNKNOWN


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
