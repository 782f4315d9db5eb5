"""The smaller claim types and the requests the taxonomy does not type: a deposit taken (劳动合同法第九条、
第八十四条), 加付赔偿金 (第八十五条), and among the untyped 住房公积金, outlays, damages no labour law provides and
joint liability; an untyped request for a sum otherwise goes to its calculator."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    c,
    calculated,
    findings_speak_of,
    relation_denied,
)
from arbitration.drafting.rules.dissolve import MONEY_ASKED, dissolve, dissolving
from arbitration.drafting.rules.insurance import (
    INJURY_COSTS,
    LOSS,
    injury,
    not_recognised,
)
from arbitration.drafting.rules.papers import papers, termination_papers
from arbitration.model import Outcome

# money the worker says they laid out for the employer: theirs to prove (调解仲裁法第六条)
EXPENSES = re.compile(r"差旅费|报销|垫付|交通费|通讯费|话费|住宿费|餐费")


def _unproven_outlay(x: Ctx, d: Decision) -> Decision | None:
    """An outlay (差旅费, 报销, 垫付) the findings of a hearing say nothing of, in their own words or an earlier
    award: the worker's proof failed. None when they speak of it (for the tribunal) or before a hearing."""
    if not x.case.tribunal_statement or findings_speak_of(x, EXPENSES):
        return None
    return d.deny(f"{x.w}对其主张的该项费用负有举证责任，经审理查明的事实未显示该项费用的发生及{x.e}应予负担的依据，"
                  f"{x.w}应承担举证不能的不利后果", c("劳动争议调解仲裁法", 6))


HOUSING_FUND = re.compile(r"住房公积金|公积金")
# damages of the civil law that no labour law provides between employer and worker (精神损害, 误工费)
NO_BASIS = re.compile(r"精神(?:损害|损失)(?:赔偿|抚慰)?(?:金|费)?|精神抚慰金|误工费")
# a request that another party answer jointly for the sums asked (「对上述各项承担连带责任」): no sum of its own
JOINT = re.compile(r"连带")


def other(x: Ctx, d: Decision) -> Decision:
    """A request the taxonomy does not type: only what the law plainly says is decided; a request that asks no sum
    never waits for one."""
    if HOUSING_FUND.search(x.claim.text) and not LOSS.search(x.claim.text):
        return d.refuse("住房公积金的缴存由住房公积金管理中心依照《住房公积金管理条例》处理，不属于劳动争议的受理范围")
    if papers(x.claim.text):
        return termination_papers(x, d)
    if relation_denied(x, d):
        return d
    if dissolving(x.claim):
        return dissolve(x, d)
    if NO_BASIS.search(x.claim.text):
        return d.deny(f"{x.w}主张的{NO_BASIS.search(x.claim.text).group()}不属于劳动法律、法规规定的用人单位应当支付的款项，"
                      f"{x.w}的该项请求缺乏法律依据")
    if EXPENSES.search(x.claim.text) and (unproven := _unproven_outlay(x, d)) is not None:
        return unproven
    injured = any(o.type.startswith("injury_") for o in x.case.claims) or "工伤" in x.claim.text
    if injured and INJURY_COSTS.search(x.claim.text) and not_recognised(x):
        return injury(x, d)
    if x.claim.amount is None and JOINT.search(x.claim.text):
        return d.pend("各被告之间的关系及其承担连带责任的事实和法律依据")
    if x.claim.amount is None and not MONEY_ASKED.search(x.claim.text):
        return d.pend("该项请求的事实和法律依据")
    return calculated(x, d)


DEPOSIT = re.compile(r"押金|保证金|抵押金|风险金|集资款")
COLLECTED = re.compile(r"收取|收了|交纳|缴纳|交付|扣留|扣押")
RETURNED = re.compile(r"(?<![未不没])(?:已|予以)?(?:退还|返还|退回)")


INTEREST = re.compile(r"利息|资金占用")
TOTAL = re.compile(r"(?:共计|合计|累计|总计|共)[^，。；\d]{0,4}$")


def _deposit_sum(sentence: str, sums: list[Any]) -> Decimal | None:
    """The sum a sentence says was taken: its only sum, or the total it names among several (「每月扣留300元，共计
    800元」); None when several sums leave it open."""
    if len({m.amount for m in sums}) == 1:
        return sums[0].amount
    totals = [m.amount for m in sums if TOTAL.search(sentence[:m.start])]
    return totals[0] if len(set(totals)) == 1 else None


def return_deposit(x: Ctx, d: Decision) -> Decision:
    """Money an employer took from the worker as a guarantee is returned (劳动合同法第九条、第八十四条第二款): the sum
    the findings say it took, up to what was asked; one they say it returned is denied."""
    if relation_denied(x, d):
        return d
    from arbitration.extract.rules import find_money
    from arbitration.findings.told import mentions, names, own_sentences

    e_refs = names(x.case, x.sides.employer, x.e)
    took, back = [], []
    for sentence in own_sentences(x.case):
        if not DEPOSIT.search(sentence) or not mentions(sentence, e_refs):
            continue
        if RETURNED.search(sentence):
            back.append(sentence)
        elif COLLECTED.search(sentence) and (sums := find_money(sentence)):
            took.append((_deposit_sum(sentence, sums), sentence))
    if back or len(took) != 1 or took[0][0] is None:
        return d.pend("用人单位收取的押金（保证金）数额及是否已退还")
    amount, sentence = took[0]
    d.reason = f"经审理查明，{sentence}；用人单位不得以担保或者其他名义向劳动者收取财物，应当予以退还"
    if INTEREST.search(x.claim.text):
        # 第八十四条第二款 orders the money returned, and no rule adds interest to it
        d.reason += f"；{x.w}另主张的利息，缺乏法律依据，不予支持"
    d.articles += [c("劳动合同法", 9), c("劳动合同法", 84, 2)]
    if x.claim.amount is not None and amount > x.claim.amount:
        d.grant(d.reason, x.claim.amount)
    else:
        d.grant(d.reason, amount)
    if x.claim.amount is not None and amount < x.claim.amount or INTEREST.search(x.claim.text):
        d.outcome = Outcome.PARTLY
    return d


def additional_compensation(x: Ctx, d: Decision) -> Decision:
    ordered = any("责令" in (e.name + (e.purpose or "")) for e in x.case.evidence)
    if not ordered:
        return d.deny(f"加付赔偿金以劳动行政部门责令用人单位限期支付而逾期不支付为前提，{x.w}未提交劳动行政部门责令限期支付的证据",
                      c("劳动合同法", 85))
    return d.pend(f"劳动行政部门责令限期支付的内容及{x.e}是否逾期未支付")
