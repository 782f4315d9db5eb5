"""Pay owed (劳动合同法第三十条): wages unpaid, as found or as the worker told them, pay claimed after the end, and
benefits (奖金, 津贴 …) that rest on the conditions of an agreement or a rule."""

from __future__ import annotations

import re
from decimal import Decimal

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    because,
    c,
    calculated,
    findings_speak_of,
    relation_denied,
)
from arbitration.findings.issues import CONDITIONAL_PAY
from arbitration.findings.text import money, ymd
from arbitration.model import Outcome, Proposal


def unpaid_wages(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    from arbitration.findings.issues import CONDITIONAL
    from arbitration.model import Basis

    owed = x.findings.get("issue:wages_owed")
    if owed is not None and owed.basis == Basis.ESTABLISHED and owed.amount is not None:
        return _owed_as_found(x, d, owed)
    if (ended := _after_the_end(x)) is not None:
        return d.deny(ended, c("劳动合同法", 30), c("劳动争议调解仲裁法", 6))
    if (paid := _paid_as_found(x)) is not None:
        return d.deny(f"经审理查明，{paid}，{x.w}主张的该项劳动报酬{x.e}已经支付，该项请求缺乏事实依据", c("劳动合同法", 30))
    if CONDITIONAL_PAY.search(x.claim.text):
        return _conditional_pay(x, d) or d.pend(CONDITIONAL.format(w=x.w))
    owed = x.issue("issue:wages_owed")
    if owed is None:
        return d.pend(x.why_pending("issue:wages_owed", "欠付劳动报酬的期间及数额"))
    if owed.basis == Basis.ESTABLISHED and owed.amount is None:
        return _unpaid_months(x, d, owed)
    if owed.holds is False:
        return d.deny(f"{because(owed)}，{x.w}的该项请求缺乏事实依据")
    rel = x.findings.get("issue:labor_relation")
    if owed.basis == Basis.BURDEN and (rel is None or not rel.holds):
        # the employer answers for pay records only once the employment is shown (the worker's to prove)
        return d.pend(x.why_pending("issue:labor_relation", "双方是否存在劳动关系（劳动报酬的支付以劳动关系为前提）"))
    amount = owed.amount or x.claim.amount
    if amount is None:
        return d.pend("欠付劳动报酬的数额")
    return d.grant(because(owed), amount)


# a worker who asks to go on with the contract or to undo its end: pay after the end is still open
CONTINUE = re.compile(r"继续履行|恢复(?:劳动关系|工作|岗位)|撤销[^，。；]{0,12}(?:解除|终止|辞退|开除)|(?:解除|终止)[^，。；]{0,8}无效")


def _after_the_end(x: Ctx) -> str | None:
    """Pay claimed only for a time after the employment ended, as found, when the worker does not ask to go on
    with it: there was no work and no employment to pay for (the reason, else None)."""
    leave, start = x.fact("leave_date"), x.claim.period_start
    if leave is None or start is None or start <= leave:
        return None
    if any(CONTINUE.search(o.text) for o in x.case.claims):
        return None
    return (f"双方劳动关系已于{ymd(leave)}解除（终止），{x.w}主张{ymd(start)}以后期间的劳动报酬，"
            f"该期间双方已不存在劳动关系，{x.w}亦未提供劳动，该项请求缺乏事实依据")


PAID = re.compile(r"(?<![未没不])已(?:经)?(?:于[^，。；]{1,16}?)?(?:向[^，。；]{1,10}?)?(?:通过[^，。；]{1,10}?)?(?:转账)?"
                  r"(?:支付|发放|结清|付清)")


def _paid_as_found(x: Ctx) -> str | None:
    """A finding of the tribunal's own that this very sum was paid (「被告已于2019年1月10日向原告转账支付2018年12月
    工资3600元」): the sentence, else None. Part payments (another sum) settle nothing here."""
    from arbitration.extract.rules import find_money
    from arbitration.findings.told import own_sentences

    if x.claim.amount is None or not x.case.tribunal_statement:
        return None
    for sentence in own_sentences(x.case):
        if PAID.search(sentence) and re.search(r"工资|劳动报酬|报酬", sentence) and any(
                abs(m.amount - x.claim.amount) <= x.claim.amount * Decimal("0.01") for m in find_money(sentence)):
            return sentence
    return None


def _conditional_pay(x: Ctx, d: Decision) -> Decision | None:
    """A benefit (津贴, 奖金 …) rests on the conditions of an agreement or a rule, which the worker proves
    (调解仲裁法第六条): after a hearing whose findings say nothing of it, the proof failed. A benefit withheld or cut
    is the employer's to justify (解释（一）第四十四条), and one the findings speak of is for the tribunal."""
    from arbitration.findings.issues import BENEFITS, WITHHELD

    if not x.case.tribunal_statement:
        return None
    if (found := _benefit_as_found(x, d)) is not None:
        return found
    kind = next((found for claim, found in BENEFITS if claim.search(x.claim.text)), None)
    if kind is None or WITHHELD.search(x.claim.text):
        return None
    if findings_speak_of(x, kind):
        return None  # for the tribunal
    if (st := x.findings.get("issue:wages_owed")) is not None and st.holds:
        return None  # the employer admitted it, or the tribunal found pay owed
    return d.deny(f"{x.w}主张的该项款项以约定或规定的发放条件为前提，{x.w}应当对发放条件成就承担举证责任；"
                  f"经审理查明的事实未显示该条件成就，{x.w}应承担举证不能的不利后果", c("劳动争议调解仲裁法", 6))


# the employer's decision, under its rule, to pay a benefit to nobody (「决定全体员工不发放年终奖」「未向任何员工发放」)
NOBODY_PAID = re.compile(r"(?:全体|所有|任何|全部)(?:员工|职工|人员)[^，。；]{0,6}(?:均|都)?(?:不|未)(?:予)?(?:发放|支付)|"
                         r"决定[^，。；]{0,16}不(?:予)?(?:发放|支付)")
# an exclusion the findings deny (「公告内容中并无…不予发放的表述」「会议纪要…未向员工公布」)
EXCLUSION = re.compile(r"不(?:予)?(?:发放|支付)|取消")
DENIED_EXCLUSION = re.compile(r"(?:并无|没有|无|未载明|未规定)[^，。；]{0,30}不(?:予)?(?:发放|支付)[^，。；]{0,4}(?:的)?(?:表述|规定|内容|条款)")
# the employer failed to produce the ground it relies on (「被告未提交该期间对原告进行考核的书面评定结果」)
NOT_PRODUCED = re.compile(r"(?:未|没有|未能|不能|无法)(?:提交|提供|举证|出示)")


def _benefit_as_found(x: Ctx, d: Decision) -> Decision | None:
    """A benefit (奖金, 绩效, 津贴 …) read from what the tribunal found. Granted as asked when the findings state the
    very sum asked as the worker's — fixed for the worker by the employer's own scheme (「名单中原告的年终奖金额为
    10000元」) or withheld with the employer's ground unproduced (「未向原告发放绩效工资，共计3600元，被告未提交…考核
    结果」: the employer proves why it cut pay, 解释（一）第四十四条) — and no exclusion stands (劳动合同法第三十条).
    Denied when they tell the employer decided under its rule to pay it to nobody and fix no sum for the worker: the
    condition did not come about, the worker's proof failed (调解仲裁法第六条). None otherwise (for the tribunal)."""
    from arbitration.extract.rules import find_money
    from arbitration.findings.issues import BENEFITS
    from arbitration.findings.told import clauses, mentions, names, own_sentences

    word = CONDITIONAL_PAY.search(x.claim.text)
    if word is None or x.claim.amount is None:
        return None
    kind = next((found for claim, found in BENEFITS if claim.search(x.claim.text)), re.compile(re.escape(word.group())))
    found = own_sentences(x.case)
    own = [s for s in found if kind.search(s)]
    if not own:
        return None
    worker = names(x.case, x.sides.worker, x.w)
    employer = names(x.case, x.sides.employer, x.e)
    asked = x.claim.amount
    same = [s for s in own if mentions(s, worker) and any(
        abs(m.amount - asked) <= asked * Decimal("0.01") for m in find_money(s))]
    excluded = [s for s in found if EXCLUSION.search(s) and not DENIED_EXCLUSION.search(s)]
    if not same:
        years = set(re.findall(r"(\d{4})年", x.claim.text))
        nobody = [s for s in own if NOBODY_PAID.search(s) and not (
            years and (told := set(re.findall(r"(\d{4})年", s))) and not years & told)]
        if nobody and not any(find_money(s) for s in nobody):
            return d.deny(f"经审理查明，{nobody[0]}，{x.w}主张的该项款项以约定或规定的发放条件为前提，"
                          f"查明的事实未显示该条件已经成就，{x.w}应承担举证不能的不利后果",
                          c("劳动争议调解仲裁法", 6))
        return None
    if excluded:
        return None
    unpaid = next((s for s in same if re.search(r"(?:未|没有)(?:向[^，。；]{1,16}?)?(?:发放|支付)", s)), None)
    if unpaid is not None:
        if not any(NOT_PRODUCED.search(cl) and mentions(cl, employer)
                   for s in found for cl in clauses(s)):
            return None  # why it went unpaid is for the tribunal
        return d.grant(f"经审理查明，{unpaid}，{x.e}未能举证证明其不予发放的依据，应承担不利后果，"
                       f"{x.e}应向{x.w}支付该款项", asked, c("劳动合同法", 30), c("劳动争议解释（一）", 44),
                       c("劳动争议调解仲裁法", 6))
    fixed = next((s for s in same if re.search(r"(?:金额|数额|标准)为", s)), None)
    if fixed is None:
        return None
    return d.grant(f"经审理查明，{fixed}，{x.w}该项款项的数额已由{x.e}确定，{x.e}未能证明存在不予发放的情形，"
                   f"应向{x.w}支付", asked, c("劳动合同法", 30))


def _unpaid_months(x: Ctx, d: Decision, owed: Proposal) -> Decision:
    """The months the findings say went wholly unpaid, at the wage found, to the last day of the employment where
    it ended within them (工资折算通知第二条), up to what was asked — when this is the worker's only plain wage claim."""
    from arbitration.findings.issues import unpaid_period

    period = unpaid_period(x.case)
    plain = [o for o in x.others("unpaid_wages") if not CONDITIONAL_PAY.search(o.text)]
    wage, leave = x.fact("monthly_wage"), x.fact("leave_date")
    if period is None or plain != [x.claim] or wage is None or x.claim.amount is None:
        return d.pend("欠付劳动报酬的数额（查明未支付的期间须与请求逐项核对）")
    start, end = period[0], min(period[1], leave) if leave is not None and leave >= period[0] else period[1]
    d.reason = because(owed)
    return calculated(x, d, calculator="wages_for_period", monthly_wage=wage, start=start, end=end)


def _owed_as_found(x: Ctx, d: Decision, owed: Proposal) -> Decision:
    """The pay the tribunal found owed: all of this claim when the found sum is what was asked over every wage
    claim; any other sum is for the tribunal to reconcile."""
    x.uses.append(owed.id)
    wages = x.others("unpaid_wages") or [x.claim]
    asked = sum((c.amount for c in wages if c.amount is not None), Decimal(0))
    if x.claim.amount is None or not asked:
        return d.pend("欠付劳动报酬的数额")
    if abs(owed.amount - asked) <= asked * Decimal("0.01"):
        return d.grant(because(owed), x.claim.amount)
    if (told := _owed_as_told(x, owed, asked)) is not None:
        d.grant(f"{because(owed)}；{told}，{x.w}请求的合计数额{money(asked)}与其所述各项数额之和不符，"
                f"以查明的欠付数额为准", owed.amount)
        d.outcome = Outcome.PARTLY
        return d
    # a smaller sum found may leave out a part the tribunal states otherwise (生活费, 待岗期间): not a guess to make
    return d.pend(f"各项劳动报酬请求的欠付数额（查明欠付合计{money(owed.amount)}，请求合计{money(asked)}）")


def _owed_as_told(x: Ctx, owed: Proposal, asked: Decimal) -> str | None:
    """The worker's own account of the debt, item by item, adds up to the sum the tribunal found owed, below the
    total asked: the request's total was added wrongly, and the finding settles the whole claim (the sentence
    saying so, else None). The worker's only wage claim; any other difference is for the tribunal."""
    from arbitration.findings.issues import owed_told

    if owed.amount >= asked or x.others("unpaid_wages") != [x.claim]:
        return None
    told = owed_told(x.case.applicant_statement if x.sides.worker.value == "applicant" else x.case.respondent_statement)
    if told is None or abs(told[0] - owed.amount) > owed.amount * Decimal("0.01"):
        return None
    return f"{x.w}所述各项欠付劳动报酬合计亦为{money(told[0])}（「{told[1][0][:60]}」）"
