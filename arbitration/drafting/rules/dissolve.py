"""A worker's request that the tribunal dissolve the employment (劳动合同法第三十七条、第三十八条): granted on the
employer's default found when no earlier ending is found; 经济补偿 then counts the years to that day (`ending`)."""

from __future__ import annotations

import re

from arbitration.drafting.rules.base import Ctx, Decision, because, c
from arbitration.model import Claim, Outcome

# a request that the tribunal dissolve the employment (「依法解除双方的劳动关系」), not one to confirm an ending
# already made or to pay for it
DISSOLVE = re.compile(r"解除[^，。；]{0,24}(?:劳动关系|劳动合同|聘用关系)")
CONFIRM = re.compile(r"确认")
# words of a request for money
MONEY_ASKED = re.compile(r"\d[\d,，.]*\s*(?:元|万)|支付|给付|赔偿|补偿|工资|报酬|薪|费用|款项|[押定]金|保证金|违约金|"
                         r"津贴|补贴|奖金|报销")


def dissolving(claim: Claim) -> bool:
    """The request asks that the employment be dissolved, for no sum."""
    return claim.amount is None and bool(DISSOLVE.search(claim.text)) and not CONFIRM.search(claim.text) \
        and not MONEY_ASKED.search(claim.text)


def dissolved_here(x: Ctx) -> Decision | None:
    """The decision granting the worker's request in this case to dissolve the employment, if one does."""
    for o in x.others("other"):
        if dissolving(o):
            sub = Ctx(x.case, x.findings, x.sides, o, None, x.words)
            if (done := dissolve(sub, Decision())).outcome == Outcome.GRANTED:
                return done
    return None


def dissolve(x: Ctx, d: Decision) -> Decision:
    """A worker may end the contract: on thirty days' written notice (劳动合同法第三十七条), at once when the
    employer failed to pay wages in time and in full (第三十八条第一款第二项). Granted when the employer's default is
    found and no ending is found before the request (a contract already ended is not ended again); otherwise what
    the end turns on waits for the tribunal."""
    from arbitration.model import Basis

    end = x.findings.get("termination")
    if end is not None and end.basis in (Basis.ESTABLISHED, Basis.AGREED):
        x.uses.append(end.id)
        return d.pend(f"双方劳动关系是否已经解除（终止）（{end.text}）")
    owed = x.issue("issue:wages_owed")
    if owed is not None and owed.holds:
        return d.grant(f"{because(owed)}，{x.e}未及时足额支付劳动报酬，{x.w}可以解除劳动合同，{x.w}请求解除双方的劳动关系，"
                       f"{x.words.body}予以支持", None, c("劳动合同法", 38, 1, 2))
    return d.pend(f"双方劳动关系是否仍然存续及{x.w}解除劳动合同的事由（劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同；"
                  "用人单位有劳动合同法第三十八条规定情形的，劳动者可以随即解除劳动合同）")
