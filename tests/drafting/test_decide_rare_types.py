"""Claim types the development split barely holds, decided on small court-style cases written for these tests:
damages for the ending's papers withheld (劳动合同法第八十九条), 加付赔偿金 (第八十五条), 工伤保险待遇 on a recognised
injury (工伤保险条例第十七条), the worker's papers held by the employer (劳动合同法第九条、第八十四条), 竞业限制补偿
(第二十三条) and 违约金 (第二十五条)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "findings"))

from findings_cases import FOUND, court_case, dismissal  # noqa: E402

from arbitration.drafting import draft_award  # noqa: E402
from arbitration.model import Claim, EvidenceItem, Outcome, PartyRole, Side  # noqa: E402


def _draft(case):
    return draft_award(case, archive=None)


def _decision(award, claim_type):
    return next(d for d in award.decisions if d.claim.type == claim_type)


def _cites(d, law, article, clause=None):
    return any(a.law == law and a.article == article and (clause is None or a.clause == clause) for a in d.articles)


def _reason(d):
    return "".join(p.text for p in d.reasoning)


HIRED = "经审理查明，原告于2016年3月1日入职被告处，月工资4000元。"
ENDED = HIRED + "2019年8月31日，被告向原告送达解除劳动合同通知书，双方劳动关系于当日解除。"


def _ended(claims, found=ENDED, **kw):
    case = court_case(claims, found=found, **kw)
    case.facts.hire_date.add(date(2016, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 8, 31), FOUND, Side.TRIBUNAL)
    case.facts.termination.add(dismissal(None, notice=date(2019, 8, 31)), FOUND, Side.TRIBUNAL)
    return case


def test_damages_for_a_certificate_withheld_are_not_the_certificate_and_wait_for_the_loss():
    """「赔偿因未出具解除劳动合同证明造成的损失」 asks money for a harm (劳动合同法第八十九条), not the certificate
    (第五十条第一款): the old code granted it as the certificate, with no sum and no such order asked."""
    loss = Claim(type="other", text="被告赔偿原告因未出具解除劳动合同证明造成的损失5000元", amount=Decimal(5000))
    paper = Claim(type="other", text="被告为原告出具解除劳动合同证明")
    award = _draft(_ended([loss, paper]))
    d = next(d for d in award.decisions if d.claim is loss or d.claim.text == loss.text)
    assert d.outcome == Outcome.UNKNOWN and _cites(d, "劳动合同法", 89)
    assert "损失" in _reason(d)
    certificate = next(d for d in award.decisions if d.claim.text == paper.text)
    assert certificate.outcome == Outcome.GRANTED and _cites(certificate, "劳动合同法", 50, 1)
    assert sum("出具解除（终止）劳动合同的证明" in i.text for i in award.items) == 1


EXTRA = Claim(type="additional_compensation", text="被告支付原告加付赔偿金7500元", amount=Decimal(7500))
WAGES = Claim(type="unpaid_wages", text="被告支付原告2019年3月至5月工资15000元", amount=Decimal(15000))


def test_an_order_to_pay_told_by_the_findings_or_the_worker_leaves_additional_compensation_to_the_tribunal():
    """加付赔偿金 rests on the labour administration's order to pay within a time (劳动合同法第八十五条): the old code
    looked only at the names of the evidence and denied it even where the findings tell of the order."""
    ordered = (HIRED + "被告拖欠原告2019年3月至5月工资15000元。2019年7月1日，某某区劳动保障监察大队向被告下达"
               "《劳动保障监察限期改正指令书》，责令被告于2019年7月15日前支付拖欠原告的工资，被告逾期未支付。")
    d = _decision(_draft(court_case([WAGES, EXTRA], found=ordered)), "additional_compensation")
    assert d.outcome == Outcome.UNKNOWN and _cites(d, "劳动合同法", 85)
    told = "原告诉称，被告拖欠原告工资15000元，原告投诉后，劳动监察部门责令被告限期支付，被告逾期仍未支付。"
    assert _decision(_draft(court_case([WAGES, EXTRA], complaint=told)), "additional_compensation").outcome == Outcome.UNKNOWN


def test_additional_compensation_with_no_order_told_or_one_found_never_made_is_denied():
    none = HIRED + "劳动行政部门未就被告支付原告工资的问题作出过责令限期支付的决定。"
    d = _decision(_draft(court_case([WAGES, EXTRA], found=none)), "additional_compensation")
    assert d.outcome == Outcome.DENIED and _cites(d, "劳动合同法", 85) and "未就被告支付" in _reason(d)
    rule = "被告辩称，加付赔偿金须以劳动行政部门责令限期支付为前提，原告的请求没有依据。"
    d = _decision(_draft(court_case([WAGES, EXTRA], defence=rule, found=HIRED)), "additional_compensation")
    assert d.outcome == Outcome.DENIED


DISABILITY = Claim(type="injury_disability", text="被告支付原告一次性伤残补助金40500元", amount=Decimal(40500))


def test_a_recognised_injury_told_as_a_certificate_or_a_grade_is_not_denied_as_unrecognised():
    """工伤保险条例第十七条: the benefit rests on the recognition; 「工伤认定书」 among the evidence, or the disability
    graded (「鉴定结论为伤残九级」「鉴定原告为九级伤残」), tells it. The old code denied these for want of proof."""
    hurt = HIRED + "2018年3月10日原告在工作中受伤。"
    graded = (hurt + "原告的伤情经劳动能力鉴定委员会鉴定结论为伤残九级。", hurt + "某某市劳动能力鉴定委员会鉴定原告为九级伤残。")
    for found in graded:
        assert _decision(_draft(court_case([DISABILITY], found=found)), "injury_disability").outcome != Outcome.DENIED
    case = court_case([DISABILITY], found=hurt)
    case.evidence = [EvidenceItem(name="工伤认定书", submitted_by=PartyRole.APPLICANT)]
    d = _decision(_draft(case), "injury_disability")
    assert d.outcome != Outcome.DENIED
    assert "grade" not in _reason(d)  # the input awaited in words (伤残等级), never a code name
    assert "伤残等级" in _reason(d)
    # nothing tells of a recognition after a hearing: the worker's proof failed
    d = _decision(_draft(court_case([DISABILITY], found=hurt + "原告未申请工伤认定。")), "injury_disability")
    assert d.outcome == Outcome.DENIED and _cites(d, "工伤保险条例", 17)
    # a decision not to recognise is no recognition (the old pattern read 「认定工伤决定书」 inside it)
    for refused in ("某某区人力资源和社会保障局作出不予认定工伤决定书。", "某某区人力资源和社会保障局认定原告所受伤害不属于工伤。"):
        d = _decision(_draft(court_case([DISABILITY], found=hurt + refused)), "injury_disability")
        assert d.outcome == Outcome.DENIED and _cites(d, "工伤保险条例", 17)


PAPERS_BACK = Claim(type="return_deposit", text="被告返还原告身份证及毕业证书")


def test_the_workers_papers_the_employer_holds_are_ordered_back():
    """劳动合同法第九条、第八十四条第一款: the findings tell the employer holds the worker's diploma and has not given it
    back — the order says so; the old code asked for 「押金数额」."""
    held = ENDED + "原告入职时将其毕业证书原件交由被告保管，至今未予返还。"
    award = _draft(_ended([PAPERS_BACK], found=held))
    d = _decision(award, "return_deposit")
    assert d.outcome == Outcome.GRANTED and _cites(d, "劳动合同法", 9) and _cites(d, "劳动合同法", 84, 1)
    assert any("返还" in i.text and "毕业证书" in i.text for i in award.items)
    back = ENDED + "被告已于2019年9月5日将原告的身份证及毕业证书退还原告。"
    assert _decision(_draft(_ended([PAPERS_BACK], found=back)), "return_deposit").outcome == Outcome.DENIED
    d = _decision(_draft(_ended([PAPERS_BACK])), "return_deposit")
    assert d.outcome == Outcome.UNKNOWN and "证件" in _reason(d) and "押金" not in _reason(d)


NON_COMPETE = Claim(type="non_compete", text="被告支付原告竞业限制补偿18000元", amount=Decimal(18000))


def test_non_compete_compensation_with_no_covenant_found_is_denied():
    """劳动合同法第二十三条第二款: compensation is owed under a covenant agreed; the findings say there was none."""
    none = ENDED + "双方签订的劳动合同中未约定竞业限制条款。"
    d = _decision(_draft(_ended([NON_COMPETE], found=none)), "non_compete")
    assert d.outcome == Outcome.DENIED and _cites(d, "劳动合同法", 23, 2)
    agreed = ENDED + "双方签订竞业限制协议，约定被告在竞业限制期间按月向原告支付经济补偿3000元。"
    assert _decision(_draft(_ended([NON_COMPETE], found=agreed)), "non_compete").outcome == Outcome.UNKNOWN


NOT_TO_PAY = Claim(type="penalty", text="原告无需向被告支付违约金10000元", amount=Decimal(10000))


def test_a_worker_need_not_pay_a_penalty_that_rests_on_no_training_or_covenant():
    """劳动合同法第二十五条: a worker bears a 违约金 only for a service period (第二十二条) or a non-compete (第二十三条);
    the findings say the contract's penalty for leaving early rests on neither. The old code waited for a training
    cost it would never find."""
    found = (HIRED + "双方签订的劳动合同约定原告提前离职应支付违约金10000元。双方未约定服务期，亦未约定竞业限制。"
             "2019年3月1日原告离职。")
    award = _draft(court_case([NOT_TO_PAY], defence="被告辩称，原告未提前三十日通知即离职，应按约定支付违约金。", found=found))
    d = _decision(award, "penalty")
    assert d.outcome == Outcome.GRANTED and _cites(d, "劳动合同法", 25)
    assert any("无需支付" in i.text and "违约金" in i.text for i in award.items)


def test_a_penalty_told_to_rest_on_training_or_asked_of_the_employer_waits_for_the_tribunal():
    training = HIRED + "2017年5月被告安排原告参加专业技术培训，双方签订培训协议，约定服务期五年。2019年3月1日原告离职。"
    assert _decision(_draft(court_case([NOT_TO_PAY], found=training)), "penalty").outcome == Outcome.UNKNOWN
    assert _decision(_draft(court_case([NOT_TO_PAY])), "penalty").outcome == Outcome.UNKNOWN  # before a hearing
    asked = Claim(type="penalty", text="被告支付原告违约金10000元", amount=Decimal(10000))
    d = _decision(_draft(court_case([asked], found=HIRED)), "penalty")
    assert d.outcome == Outcome.UNKNOWN and "约定" in _reason(d)


def test_the_ending_papers_asked_in_other_words_are_the_papers():
    """「开具解除劳动合同证明」 is the certificate (not a request to dissolve the employment) and 「转移档案及社会保险
    关系」 the transfers (not a loss of insurance benefits): both due once the employment ended (劳动合同法第五十条第一款)."""
    asked = [Claim(type="other", text="被告为原告开具解除劳动合同证明"),
             Claim(type="social_insurance", text="被告为原告转移档案及社会保险关系")]
    award = _draft(_ended(asked))
    for d in award.decisions:
        assert d.outcome == Outcome.GRANTED and _cites(d, "劳动合同法", 50, 1), d.claim.text
    assert len([i for i in award.items if "证明" in i.text or "转移" in i.text]) == 2


HURT = HIRED + "2018年3月10日原告在工作中受伤，2018年9月1日被认定为工伤，2019年1月10日鉴定为九级伤残。"
MEDICAL = Claim(type="injury_medical", text="被告支付原告一次性工伤医疗补助金20000元", amount=Decimal(20000))
EMPLOYMENT = Claim(type="injury_employment", text="被告支付原告一次性伤残就业补助金30000元", amount=Decimal(30000))


def test_the_lump_sums_the_fund_pays_are_not_owed_by_an_employer_found_to_have_insured_the_worker():
    """工伤保险条例第三十五条至第三十七条: 一次性伤残补助金 and 一次性工伤医疗补助金 come from the work-injury fund; only
    an employer that did not insure the worker pays them itself (第六十二条第二款). 就业补助金 is the employer's."""
    insured = HURT + "被告自2017年5月起为原告缴纳了工伤保险。"
    award = _draft(court_case([DISABILITY, MEDICAL, EMPLOYMENT], found=insured))
    for t in ("injury_disability", "injury_medical"):
        d = _decision(award, t)
        assert d.outcome == Outcome.DENIED and _cites(d, "工伤保险条例", 62, 2), t
    assert _decision(award, "injury_employment").outcome != Outcome.DENIED
    for found in (HURT + "被告未为原告缴纳工伤保险。", HURT + "被告于原告受伤后为其缴纳了工伤保险。"):
        award = _draft(court_case([DISABILITY, MEDICAL], found=found))
        assert all(d.outcome != Outcome.DENIED for d in award.decisions), found


def test_a_deposit_the_findings_say_was_not_given_back_is_returned_and_papers_merely_agreed_back_are_ordered():
    """「被告至今未予退还押金」 says the deposit was kept (劳动合同法第八十四条第二款): the old code read 「退还」 in it as
    returned and waited. An employer that agrees to give the papers back has not given them back."""
    deposit = Claim(type="return_deposit", text="被告退还原告工服押金300元", amount=Decimal(300))
    kept = ENDED + "原告入职时向被告交纳工服押金300元，原告离职时已将工服交还被告，被告至今未予退还押金。"
    d = _decision(_draft(_ended([deposit], found=kept)), "return_deposit")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(300) and _cites(d, "劳动合同法", 84, 2)
    agreed = ENDED + "原告的身份证由被告保管，被告同意返还。"
    assert _decision(_draft(_ended([PAPERS_BACK], found=agreed)), "return_deposit").outcome != Outcome.DENIED


NOTICE_PAY = Claim(type="notice_pay", text="被告支付原告代通知金4000元", amount=Decimal(4000))


def _dismissed(reason):
    case = court_case([NOTICE_PAY], found=HIRED + f"2019年5月31日，被告以{reason}为由解除与原告的劳动合同。")
    case.facts.hire_date.add(date(2016, 3, 1), FOUND, Side.TRIBUNAL)
    case.facts.leave_date.add(date(2019, 5, 31), FOUND, Side.TRIBUNAL)
    case.facts.termination.add(dismissal(reason, notice=date(2019, 5, 31)), FOUND, Side.TRIBUNAL)
    return case


def test_notice_pay_on_a_reason_that_may_be_a_change_of_circumstances_waits_and_on_misconduct_is_denied():
    """劳动合同法第四十条第三项: a move or a post abolished may be the change of circumstances that lets the employer end
    the contract on thirty days' notice or a month's pay; the old code denied it as outside 第四十条 for naming no
    article. An ending for misconduct (第三十九条) is outside it."""
    for reason in ("公司整体搬迁", "岗位撤销"):
        d = _decision(_draft(_dismissed(reason)), "notice_pay")
        assert d.outcome == Outcome.UNKNOWN and "第四十条第三项" in _reason(d), reason
    d = _decision(_draft(_dismissed("原告严重违反规章制度")), "notice_pay")
    assert d.outcome == Outcome.DENIED and _cites(d, "劳动合同法", 40)
