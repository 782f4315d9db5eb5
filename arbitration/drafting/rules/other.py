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
from arbitration.drafting.rules.papers import (
    papers,
    papers_damages,
    papers_loss,
    termination_papers,
)
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
    if papers_damages(x.claim.text):
        return papers_loss(x, d)
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
# a clause that says the thing was not given back (「被告至今未予退还押金」): 「未予退还」 holds 「退还」 after a 予
NOT_RETURNED = re.compile(r"(?:未|没有|拒不|不予|尚未|未予|不)(?:予以|予)?(?:返还|退还|归还|交还|退回)")


def _returned(sentence: str) -> bool:
    """Whether a clause of the sentence says the money or papers were given back (and none says they were not)."""
    from arbitration.findings.told import clauses

    return any(RETURNED.search(cl) and not NOT_RETURNED.search(cl) for cl in clauses(sentence))


INTEREST = re.compile(r"利息|资金占用")
TOTAL = re.compile(r"(?:共计|合计|累计|总计|共)[^，。；\d]{0,4}$")


def _deposit_sum(sentence: str, sums: list[Any]) -> Decimal | None:
    """The sum a sentence says was taken: its only sum, or the total it names among several (「每月扣留300元，共计
    800元」); None when several sums leave it open."""
    if len({m.amount for m in sums}) == 1:
        return sums[0].amount
    totals = [m.amount for m in sums if TOTAL.search(sentence[:m.start])]
    return totals[0] if len(set(totals)) == 1 else None


# a worker's papers an employer may not hold (劳动合同法第九条: 居民身份证和其他证件), and the words of holding them
DOCUMENTS = re.compile(r"(?:居民)?身份证|毕业证书?|学位证书?|(?:[\u4e00-\u9fa5]{2,6})?资格证书?|职称证书?|驾驶证|护照|户口(?:本|簿)|"
                       r"证件|证书")
HELD = re.compile(r"扣押|扣留|保管|收取|收走|留存|押在|持有|交(?:由|给|予|到)")
NOT_BACK = re.compile(r"(?:未|没有|拒不|不予|未予)(?:予以)?(?:返还|退还|归还|交还|退回)|至今")
# given back, done (「被告已于…将原告的身份证退还原告」), not merely agreed to (「被告同意返还」)
GIVEN_BACK = re.compile(r"(?:已|已经|业已)[^，。；]{0,30}?(?:返还|退还|归还|交还|退回)|(?:返还|退还|归还|交还|退回)(?:了|给)")


def documents_asked(text: str) -> list[str]:
    """The worker's papers a request asks back (「返还原告身份证及毕业证书」 → 身份证、毕业证书), [] for a deposit."""
    if DEPOSIT.search(text):
        return []
    return list(dict.fromkeys(m.group() for m in DOCUMENTS.finditer(text)))


def _documents(x: Ctx, d: Decision) -> Decision:
    """The worker's papers the employer holds are returned (劳动合同法第九条、第八十四条第一款): ordered when the
    findings tell the employer holds them and has not given them back; denied when they tell it gave them back;
    else the tribunal finds whether it holds them."""
    from arbitration.findings.told import mentions, names, own_sentences

    e_refs = names(x.case, x.sides.employer, x.e)
    told = [s for s in own_sentences(x.case) if DOCUMENTS.search(s) and (HELD.search(s) or mentions(s, e_refs))]
    d.articles += [c("劳动合同法", 9), c("劳动合同法", 84, 1)]
    held = [s for s in told if HELD.search(s) and NOT_BACK.search(s)]
    back = [s for s in told if not NOT_BACK.search(s) and GIVEN_BACK.search(s)]
    if held and not back:
        return d.grant(f"经审理查明，{held[0]}；用人单位招用劳动者，不得扣押劳动者的居民身份证和其他证件，{x.e}应当将其"
                       f"持有的{x.w}的证件返还{x.w}本人")
    if back and not held:
        return d.deny(f"经审理查明，{back[0]}，{x.w}的该项请求已无必要")
    return d.pend(f"{x.e}是否持有{x.w}的证件及是否已经返还")


def return_deposit(x: Ctx, d: Decision) -> Decision:
    """Money an employer took from the worker as a guarantee is returned (劳动合同法第九条、第八十四条第二款): the sum
    the findings say it took, up to what was asked; one they say it returned is denied. A request for the worker's
    papers (身份证, 证书) alone is decided by what the findings tell of them (`_documents`)."""
    if relation_denied(x, d):
        return d
    if x.claim.amount is None and documents_asked(x.claim.text):
        return _documents(x, d)
    from arbitration.extract.rules import find_money
    from arbitration.findings.told import mentions, names, own_sentences

    e_refs = names(x.case, x.sides.employer, x.e)
    took, back = [], []
    for sentence in own_sentences(x.case):
        if not DEPOSIT.search(sentence) or not mentions(sentence, e_refs):
            continue
        if _returned(sentence):
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


# the labour administration's order to pay within a time (劳动合同法第八十五条), as a party, the findings or a piece
# of evidence tell it (「劳动保障监察大队下达《限期改正指令书》，责令被告于…前支付…」); a clause asking the 加付赔偿金
# itself (「请求责令被告加付赔偿金」) or stating the rule (「须以…责令限期支付…为前提」) tells no order, and one that
# denies it (「劳动行政部门未…作出过责令限期支付的决定」) tells there was none
ORDERED = re.compile(r"责令|指令书|限期(?:支付|改正|整改)|(?:监察|行政)[^，。；]{0,12}(?:处理决定|处罚决定)")
NO_ORDER = re.compile(r"(?:未|没有|并未|从未|不存在|无)[^，。；]{0,30}(?:责令|指令书|限期(?:支付|改正|整改)|处理决定|处罚决定)")
THE_RULE = re.compile(r"前提|须以|应以|必须以|为条件|加付")


def _order_told(x: Ctx) -> tuple[bool, str | None]:
    """(whether the worker's account, the tribunal's findings or the evidence tell of an order to pay within a
    time, the tribunal's own finding that there was none or None)."""
    from arbitration.findings.told import clauses, own_sentences, sentences

    said = x.case.applicant_statement if x.sides.worker.value == "applicant" else x.case.respondent_statement
    own = own_sentences(x.case)
    told = [*sentences(said), *own, *(e.name + (e.purpose or "") for e in x.case.evidence)]
    ordered = any(ORDERED.search(cl) and not NO_ORDER.search(cl) and not THE_RULE.search(cl)
                  for s in told for cl in clauses(s))
    none = next((s for s in own if NO_ORDER.search(s) and not THE_RULE.search(s)), None)
    return ordered, none


def additional_compensation(x: Ctx, d: Decision) -> Decision:
    """加付赔偿金 (劳动合同法第八十五条) rests on the labour administration's order to pay within a time, left
    unheeded: denied when the findings say there was none, or nothing in the file tells of one; told, it waits for
    the tribunal."""
    ordered, none = _order_told(x)
    if none is not None and not ordered:
        return d.deny(f"经审理查明，{none}，加付赔偿金以劳动行政部门责令用人单位限期支付而逾期不支付为前提，{x.w}的该项请求"
                      "缺乏事实依据", c("劳动合同法", 85))
    if not ordered:
        return d.deny(f"加付赔偿金以劳动行政部门责令用人单位限期支付而逾期不支付为前提，{x.w}未提交劳动行政部门责令限期支付的证据",
                      c("劳动合同法", 85))
    return d.pend(f"劳动行政部门责令限期支付的内容及{x.e}是否逾期未支付")
