"""The employment and its written contract: the employment confirmed for the time found (劳动合同法第七条), and
the double wage for working without a written contract (第十条、第八十二条), by the hire and the contract found."""

from __future__ import annotations

from typing import Any

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    because,
    c,
    calculated,
    relation_denied,
)
from arbitration.findings.text import ymd
from arbitration.model import Outcome, PartyKind


def labor_relation(x: Ctx, d: Decision) -> Decision:
    rel = x.issue("issue:labor_relation")
    if rel is None:
        return d.pend(x.why_pending("issue:labor_relation", "双方是否存在劳动关系"))
    if rel.holds is False:
        return d.deny(rel.text, c("劳动争议调解仲裁法", 6))
    employers = x.case.respondents if x.sides.employer.value == "respondent" else x.case.applicants
    if employers and all(p.kind == PartyKind.PERSON for p in employers):
        return d.pend(f"{x.e}是否具备用人单位主体资格")
    hire, leave = x.fact("hire_date"), x.fact("leave_date")
    if hire is None:
        return d.pend(x.why_pending("hire_date", "入职（用工）日期"))
    d.grant(f"{because(rel)}，{x.w}自{ymd(hire)}起接受{x.e}的管理并从事其安排的有报酬的劳动")
    asked_from, asked_to = x.claim.period_start, x.claim.period_end
    if asked_to and leave is None and "leave_date" in x.findings.pending:  # the end asked for is in dispute
        return d.pend(x.why_pending("leave_date", "劳动关系终止的时间"))
    month = lambda day: (day.year, day.month)  # noqa: E731  (a period asked by the month: 「2009年8月-2013年6月」)
    if asked_from and month(asked_from) < month(hire) or asked_to and leave and month(asked_to) > month(leave):
        d.outcome = Outcome.PARTLY  # confirmed for the time found, not the whole time asked
        d.reason += f"；双方劳动关系存续期间为{ymd(hire)}至{ymd(leave)}，超出部分不予确认"
    return d


def double_wage(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    contract, hire = x.fact("written_contract"), x.fact("hire_date")
    if contract is None:
        return d.pend(x.why_pending("written_contract", "双方是否签订书面劳动合同"))
    if contract.signed and hire and contract.signed_date and (contract.signed_date - hire).days <= 31:
        return d.deny(f"双方于{ymd(contract.signed_date)}签订书面劳动合同，未超过自用工之日起一个月的期限",
                      c("劳动合同法", 10), c("劳动合同法", 82))
    if contract.signed and hire and not contract.signed_date and contract.term_start and \
            (contract.term_start - hire).days <= 31:
        return d.deny(f"双方签订的书面劳动合同期限自{ymd(contract.term_start)}起，自用工之日起一个月内即有书面劳动合同",
                      c("劳动合同法", 10), c("劳动合同法", 82))
    if contract.signed and not contract.signed_date:
        return d.pend("书面劳动合同的签订日期")
    if hire is not None and _to_the_month(x, "hire_date"):
        return _double_wage_by_month(x, d, hire)
    return calculated(x, d)


def _to_the_month(x: Ctx, name: str) -> bool:
    """The date found for `name` is known only to the month (「2014年1月」: the 1st stands in for the day)."""
    from arbitration.findings.versions import MONTH_ONLY

    fact = getattr(x.case.facts, name)
    return fact.accepted is not None and MONTH_ONLY in (fact.values[fact.accepted].note or "")


def _double_wage_by_month(x: Ctx, d: Decision, hire: Any) -> Decision:
    """二倍工资 runs from the day after the first month of employment (实施条例第六条): with the hire known only to
    the month, the months counted from its last day are the fewest the worker can be owed. Granted as asked when even
    those reach the claim; otherwise the day of the hire decides the sum and is for the tribunal."""
    from arbitration.law.calculators._common import month_end

    latest = month_end(hire)
    low = Decision()
    calculated(x, low, hire=latest)
    if low.outcome == Outcome.GRANTED and x.claim.amount is not None and low.amount == x.claim.amount:
        return calculated(x, d, hire=latest)
    return d.pend(f"用工之日（仅载明{hire.year}年{hire.month}月，二倍工资自用工之日起满一个月的次日起算，其数额取决于具体日期）")
