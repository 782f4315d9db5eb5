"""What the parties may agree beyond pay: a non-compete covenant and its compensation (劳动合同法第二十三条、
第二十四条), and 违约金 — a worker bears one only for a service period after paid training (第二十二条) or a
non-compete covenant broken (第二十三条), never otherwise (第二十五条)."""

from __future__ import annotations

import re

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    c,
    calculated,
    relation_denied,
)

# the tribunal's finding that no non-compete covenant was agreed (「双方签订的劳动合同中未约定竞业限制条款」)
NO_COVENANT = re.compile(r"(?:未|没有|并未|均未|从未|不存在)[^，。；]{0,16}(?:约定|签订|签署|订立)[^，。；]{0,12}竞业限制|"
                         r"竞业限制[^，。；]{0,10}(?:未|没有|并未)(?:作)?(?:约定|签订|签署|订立)|无竞业限制(?:的)?(?:约定|条款|协议)")


def non_compete(x: Ctx, d: Decision) -> Decision:
    """竞业限制经济补偿 is owed only under a covenant agreed (劳动合同法第二十三条第二款): denied when the findings
    say none was agreed; otherwise its sum goes to the calculator (the months observed, the agreed or statutory rate)."""
    from arbitration.findings.told import own_sentences

    if relation_denied(x, d):
        return d
    none = next((s for s in own_sentences(x.case) if NO_COVENANT.search(s)), None)
    if none is not None:
        return d.deny(f"经审理查明，{none}，竞业限制经济补偿以用人单位与劳动者约定竞业限制为前提，{x.w}的该项请求缺乏事实依据",
                      c("劳动合同法", 23, 2))
    return calculated(x, d)


# the worker's request not to pay a 违约金 (「原告无需向被告支付违约金」)
NOT_TO_PAY = re.compile(r"(?:无需|无须|不需|不必|不应|不予|不再|免于|免除)[^，。；]{0,30}?(?:支付|给付|承担|赔偿)[^，。；]{0,12}违约金|"
                        r"违约金[^，。；]{0,6}(?:无需|无须|不需|不应)")
# what a 违约金 the worker may bear rests on: a service period after training (第二十二条), a non-compete (第二十三条)
TRAINING_OR_COVENANT = re.compile(r"培训|服务期|竞业")
NONE_OF_THEM = re.compile(r"(?:未|没有|并未|从未|亦未|无|并非|不存在|不涉及)[^，。；]{0,12}(?:培训|服务期|竞业)")


def _training_or_covenant_told(x: Ctx) -> bool:
    """Whether the claim, a statement or the findings tell of training, a service period or a non-compete covenant
    (a clause saying there was none tells of none)."""
    from arbitration.findings.told import clauses, sentences

    told = [x.claim.text, x.case.applicant_statement, x.case.respondent_statement, x.case.tribunal_statement]
    return any(TRAINING_OR_COVENANT.search(cl) and not NONE_OF_THEM.search(cl)
               for t in told for s in sentences(t) for cl in clauses(s))


def not_to_pay(text: str) -> bool:
    """The worker's request is not to pay a 违约金 (the ruling then says the worker need not pay it)."""
    return bool(NOT_TO_PAY.search(text))


def penalty(x: Ctx, d: Decision) -> Decision:
    """违约金: a worker asking not to pay one is right unless it rests on a service period or a non-compete covenant
    (劳动合同法第二十五条) — after a hearing whose record tells of neither, the request is granted; told of, the
    tribunal weighs it. A worker asking the employer to pay one rests on what they agreed, for the tribunal."""
    if relation_denied(x, d):
        return d
    if not not_to_pay(x.claim.text):
        return d.pend(f"双方是否约定由{x.e}承担违约金及约定的违约情形是否发生")
    if not x.case.tribunal_statement or _training_or_covenant_told(x):
        return d.pend(f"{x.e}主张的违约金是否系因{x.w}违反服务期约定或者竞业限制约定（劳动合同法第二十二条、第二十三条）")
    return d.grant(f"除劳动者违反服务期约定或者竞业限制约定的情形外，用人单位不得与劳动者约定由劳动者承担违约金，{x.e}"
                   f"主张的违约金并非基于服务期或者竞业限制约定，{x.w}无需支付", None, c("劳动合同法", 25))
