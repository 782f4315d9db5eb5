"""Drafts an arbitrator would have signed wrongly (issue 15): each test is a case worked by hand, its figure and
article named, and fails on the drafting before the fix."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from drafting_cases import _src

from arbitration.drafting import draft_award
from arbitration.model import (
    Case,
    Claim,
    ContractInfo,
    Outcome,
    Party,
    PartyKind,
    PartyRole,
    Side,
    Termination,
    TerminationInitiator,
)


def _qingdao_case(claims: list[Claim], *, hire: date, leave: date | None, wage: int, applied: date,
                  termination: Termination | None = None, defence: str = "被申请人不同意申请人的请求。") -> Case:
    """A 青岛市 case with its dates, wage and a written contract established by documents."""
    case = Case(
        case_number="青劳人仲案〔2024〕第0001号", region="青岛市", application_date=applied, cause="劳动争议",
        parties=[Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="赵某某"),
                 Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛某某商贸有限公司")],
        claims=claims, respondent_statement=defence,
    )
    f = case.facts
    f.hire_date.add(hire, _src("劳动合同.pdf", "入职", doc_type="contract"), Side.EVIDENCE)
    if leave is not None:
        f.leave_date.add(leave, _src("仲裁申请书.docx", "离职"), Side.APPLICANT)
    f.monthly_wage.add(Decimal(wage), _src("工资条.pdf", "月工资", doc_type="payslip"), Side.EVIDENCE)
    f.written_contract.add(ContractInfo(signed=True, signed_date=hire), _src("劳动合同.pdf", "签订", doc_type="contract"),
                           Side.EVIDENCE)
    if termination is not None:
        f.termination.add(termination, _src("解除劳动合同通知书.pdf", "解除", doc_type="termination_notice"), Side.EVIDENCE)
    return case


def _decision(award, claim_type):
    return next(d for d in award.decisions if d.claim.type == claim_type)


# ---------------------------------------------------------------- item 1: 时效 only when raised


def test_time_bar_not_raised_is_not_applied(case):
    """调解仲裁法第二十七条第一款 is a defence: dismissed 2024-03-31, applied 2025-09-01 (more than a year), and the
    respondent never said 「超过仲裁时效」. The tribunal does not apply it of its own motion: 赔偿金 7500 × 4 × 2 =
    60000 is granted, and the review sheet carries the risk (the old draft dismissed the claim as time-barred)."""
    case.application_date = date(2025, 9, 1)
    award = draft_award(case)
    ut = _decision(award, "unlawful_termination")
    assert ut.outcome == Outcome.GRANTED and ut.amount == Decimal(60000)
    assert not any(w.kind == "time_barred" for w in award.warnings)
    assert any(w.kind == "time_bar_risk" and "未提出时效抗辩" in w.message for w in award.warnings)
    assert "仲裁时效" not in "".join(p.text for p in ut.reasoning)


# ---------------------------------------------------------------- item 2: the start of the period


def test_double_wage_time_bar_runs_from_the_end_of_the_period_claimed():
    """二倍工资 (劳动合同法第八十二条) for 2021-04-01 to 2022-02-28, left 2023-06-30, applied 2023-09-01, the
    respondent raised the time bar: the year runs from the end of the period claimed (2022-02-28) to 2023-02-28,
    so the claim is barred by 调解仲裁法第二十七条第一款 — not from the leave date (then it would be in time)."""
    claim = Claim(type="double_wage", text="裁决被申请人支付2021年4月1日至2022年2月28日未签订书面劳动合同二倍工资差额55000元",
                  amount=Decimal(55000), period_start=date(2021, 4, 1), period_end=date(2022, 2, 28), index=1)
    case = _qingdao_case([claim], hire=date(2021, 3, 1), leave=date(2023, 6, 30), wage=5000,
                         applied=date(2023, 9, 1), defence="申请人的二倍工资请求已超过仲裁时效。")
    case.facts.written_contract.values.clear()
    case.facts.written_contract.add(ContractInfo(signed=False), _src("仲裁申请书.docx", "未签订"), Side.APPLICANT)
    award = draft_award(case)
    dw = _decision(award, "double_wage")
    assert dw.outcome == Outcome.DENIED
    assert any(w.kind == "time_barred" and "2023年2月28日" in w.message for w in award.warnings)


# ---------------------------------------------------------------- item 4: 第九十七条 by ground


def test_expired_fixed_term_contract_since_2005_gets_65000_not_80000():
    """Fixed-term contract ended on expiry (劳动合同法第四十四条第一项, 第四十六条第五项), service 2005-03-01 to
    2020-06-30, wage 5000 in 青岛市. 第九十七条第三款: the years before 2008 follow the rules then in force, which
    paid nothing on expiry, so only 2008-01-01 to 2020-06-30 counts — 12 years 6 months → 13 months × 5000 =
    65000 (not 16 months = 80000); the claim is named 终止劳动合同经济补偿金, not 解除."""
    claim = Claim(type="severance", text="裁决被申请人支付经济补偿80000元", amount=Decimal(80000), index=1)
    case = _qingdao_case([claim], hire=date(2005, 3, 1), leave=date(2020, 6, 30), wage=5000, applied=date(2020, 7, 15),
                         termination=Termination(initiator=TerminationInitiator.EXPIRY, mode="合同期满终止",
                                                 notice_date=date(2020, 6, 30)))
    award = draft_award(case)
    sev = _decision(award, "severance")
    assert sev.amount == Decimal(65000) and sev.outcome == Outcome.PARTLY
    assert any(c.article == 97 and c.clause == 3 for c in sev.calculation.articles)
    text = "".join(p.text for p in sev.reasoning) + "".join(it.text for it in award.items)
    assert "终止劳动合同经济补偿金" in text and "解除劳动合同经济补偿金" not in text


# ---------------------------------------------------------------- item 5: the ground by meaning


def test_notice_pay_for_objective_change_without_article_number():
    """The notice says 「客观情况发生重大变化、劳动合同无法履行」 and names no article: that is 劳动合同法第四十条第三项,
    so without 30 days' notice 代通知金 = one month's wage 6000 (第四十条, 实施条例第二十条) — the old draft denied it
    because no 「第四十条」 was written."""
    claim = Claim(type="notice_pay", text="裁决被申请人支付代通知金6000元", amount=Decimal(6000), index=1)
    term = Termination(initiator=TerminationInitiator.EMPLOYER, mode="单方解除",
                       reason="客观情况发生重大变化、劳动合同无法履行", notice_date=date(2024, 3, 31))
    case = _qingdao_case([claim], hire=date(2019, 3, 1), leave=date(2024, 3, 31), wage=6000,
                         applied=date(2024, 4, 15), termination=term)
    award = draft_award(case)
    np_ = _decision(award, "notice_pay")
    assert np_.outcome == Outcome.GRANTED and np_.amount == Decimal(6000)


# ---------------------------------------------------------------- item 6: finality of pending items


def test_pending_items_within_the_limit_get_the_final_notice():
    """Two claims still to be found (加班时数 and 年休假 facts are missing), 加班费 15600 and 未休年休假工资 3448.28,
    each under 12 × the 青岛市 minimum wage (2100 × 12 = 25200): whatever is found, no item can exceed that, so
    every item is final (调解仲裁法第四十七条第一项) and the award gets the 终局 notice, not 第五十条."""
    claims = [Claim(type="overtime", text="裁决被申请人支付延时加班工资15600元", amount=Decimal(15600), index=1),
              Claim(type="annual_leave", text="裁决被申请人支付2023年度未休年休假工资3448.28元",
                    amount=Decimal("3448.28"), index=2)]
    case = _qingdao_case(claims, hire=date(2019, 3, 1), leave=date(2024, 3, 31), wage=7500, applied=date(2024, 4, 15))
    award = draft_award(case)
    assert all(d.outcome == Outcome.UNKNOWN for d in award.decisions)
    assert [it.final for it in award.items] == [True, True]
    notice = "".join(p.text for p in award.sections["finality"])
    assert "终局裁决" in notice and "第五十条" not in notice
    assert any(w.kind == "finality_notice" and "终局" in w.message for w in award.warnings)


# ---------------------------------------------------------------- item 10: 驳回全部


def test_nothing_granted_rules_all_claims_dismissed(case):
    """The applicant resigned (no 经济补偿 or 赔偿金, 劳动合同法第八十七条), the contract was signed on the first day
    (no 二倍工资, 第八十二条) and no order to pay was made (no 加付赔偿金, 第八十五条): every claim is denied, so the
    ruling is 「驳回申请人的全部仲裁请求」, not 「…其他仲裁请求」."""
    case.facts.termination.values.clear()
    case.facts.termination.add(Termination(initiator=TerminationInitiator.EMPLOYEE, mode="辞职"),
                               _src("答辩书.docx", "申请人辞职"), Side.EVIDENCE)
    award = draft_award(case)
    assert all(d.outcome == Outcome.DENIED for d in award.decisions)
    assert [it.text for it in award.items] == ["驳回申请人的全部仲裁请求。"]


# ---------------------------------------------------------------- item 11: signature blocks


def test_signature_block_is_not_quoted_as_argument(case):
    """A case read before the cut: 「此致 / 答辩人：某公司（盖章） / 日期」 at the end of the defence is not 被申请人辩称."""
    case.respondent_statement += "\n此致\n北京市朝阳区劳动人事争议仲裁委员会\n答辩人：北京蓝海餐饮管理有限公司（盖章）\n2024年5月10日"
    award = draft_award(case)
    defence = "".join(p.text for p in award.sections["defence"])
    assert defence.endswith("工资标准。") and "此致" not in defence and "盖章" not in defence


# ---------------------------------------------------------------- item 9: dates and sources in prose


def test_calculation_prose_writes_chinese_dates_and_each_source_once():
    """经济补偿 (劳动合同法第四十七条, 实施条例第二十七条): 2020-04-01 to 2024-03-31 = 4 years, a 12-month average of
    1500 below the 青岛市 minimum wage 2100 → 2100 × 4 = 8400. The prose says 2020年4月1日 (not 2020-04-01) and
    quotes the minimum wage's source once, though two steps rest on it (the floor and the 3× cap check)."""
    import re

    from arbitration.law.regions import regions

    claim = Claim(type="severance", text="裁决被申请人支付经济补偿8400元", amount=Decimal(8400), index=1)
    term = Termination(initiator=TerminationInitiator.EMPLOYER, mode="单方解除", reason="客观情况发生重大变化",
                       notice_date=date(2024, 3, 31))
    case = _qingdao_case([claim], hire=date(2020, 4, 1), leave=date(2024, 3, 31), wage=1500, applied=date(2024, 4, 15),
                         termination=term)
    award = draft_award(case)
    sev = _decision(award, "severance")
    assert sev.amount == Decimal(8400)
    prose = "".join(p.text for d in award.decisions for p in d.reasoning)
    assert "2020年4月1日至2024年3月31日" in prose
    assert not re.search(r"\d{4}-\d{2}-\d{2}", prose)
    source = regions().minimum_wage("青岛市", date(2024, 3, 31)).source
    assert prose.count(source) == 1


# ---------------------------------------------------------------- item 8: regional figures


def test_missing_average_wage_is_pending_in_the_award_and_the_instruction_goes_to_the_review_sheet():
    """经济补偿 for a wage of 20000 (above 3 × the 青岛市 minimum wage, so the 第四十七条第二款 cap must be checked)
    with no 青岛市 2023 average wage entered: the award says the figure is 「待查明」 and nothing else — no file path,
    no command; how to enter it (arbitration law region set … / the web page) is on the review sheet."""
    from arbitration.drafting.render import review_lines

    claim = Claim(type="severance", text="裁决被申请人支付经济补偿100000元", amount=Decimal(100000), index=1)
    term = Termination(initiator=TerminationInitiator.EMPLOYER, mode="单方解除", reason="客观情况发生重大变化",
                       notice_date=date(2024, 3, 31))
    case = _qingdao_case([claim], hire=date(2019, 3, 1), leave=date(2024, 3, 31), wage=20000,
                         applied=date(2024, 4, 15), termination=term)
    award = draft_award(case)
    assert _decision(award, "severance").outcome == Outcome.UNKNOWN
    body = "".join(p.text for ps in [award.facts_found, *(d.reasoning for d in award.decisions),
                                     *award.sections.values()] for p in ps)
    body += "".join(it.text for it in award.items)
    assert "青岛市2023年度职工月平均工资" in body and "待查明" in body
    for leak in ("regions.toml", "arbitration law", "请录入", "/corpus/", "数据目录"):
        assert leak not in body, leak
    review = "".join(text for _, lines in review_lines(award, case) for text, _ in lines)
    assert "arbitration law region set 青岛市 --year 2023" in review and "地区参数" in review
