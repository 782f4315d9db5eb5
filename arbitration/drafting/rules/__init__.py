"""The decision rules, one small function per claim type: each reads the findings (the facts as found and the
issues found, arbitration.findings), never the raw disputed versions, and says granted, denied, not accepted or
「待查明」 with the articles it applies. Amounts come only from the law layer's calculators (`decide.calculate`),
capped by what was asked. A claim brought by the employer (「无需支付…」) is decided on the worker's underlying
entitlement and turned round.

The rules live in one module per family of claim types (`base` holds what they share); this package assembles
them into the table `RULES_BY_TYPE` and decides a claim by it (`decide`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from arbitration.drafting.rules.base import Ctx, Decision, by_calculator, c
from arbitration.drafting.rules.contract import double_wage, labor_relation
from arbitration.drafting.rules.covenants import non_compete, not_to_pay, penalty
from arbitration.drafting.rules.ending import (
    notice_pay,
    severance,
    unlawful_termination,
)
from arbitration.drafting.rules.insurance import injury, social_insurance
from arbitration.drafting.rules.leave import annual_leave
from arbitration.drafting.rules.other import (
    additional_compensation,
    documents_asked,
    other,
    return_deposit,
)
from arbitration.drafting.rules.overtime import overtime
from arbitration.drafting.rules.papers import PAPER_ORDERS, papers
from arbitration.drafting.rules.pay import unpaid_wages
from arbitration.drafting.rules.remit import before_the_court
from arbitration.findings.text import money
from arbitration.model import (
    Citation,
    ClaimantSide,
    Findings,
    Outcome,
    Proposal,
    ReviewState,
)


@dataclass(frozen=True)
class Rule:
    """How one claim type is decided, and the articles that rule applies (besides a calculator's own)."""

    decide: Callable[[Ctx, Decision], Decision]
    articles: tuple[Citation, ...] = ()


RULES_BY_TYPE: dict[str, Rule] = {
    "labor_relation": Rule(labor_relation, (c("劳动合同法", 7), c("劳动合同法", 10))),
    "unpaid_wages": Rule(unpaid_wages, (c("劳动合同法", 30), c("劳动法", 50), c("劳动争议调解仲裁法", 6))),
    "overtime": Rule(overtime, (c("劳动法", 44), c("劳动争议解释（一）", 42))),
    "double_wage": Rule(double_wage, (c("劳动合同法", 10), c("劳动合同法", 82))),
    "severance": Rule(severance, (c("劳动合同法", 46), c("劳动合同法", 47))),
    "unlawful_termination": Rule(unlawful_termination, (c("劳动合同法", 48), c("劳动合同法", 87),
                                                        c("劳动争议解释（一）", 44))),
    "notice_pay": Rule(notice_pay, (c("劳动合同法", 40),)),
    "annual_leave": Rule(annual_leave, (c("职工带薪年休假条例", 3), c("职工带薪年休假条例", 5))),
    "social_insurance": Rule(social_insurance, (c("劳动法", 72),)),
    "additional_compensation": Rule(additional_compensation, (c("劳动合同法", 85),)),
    "return_deposit": Rule(return_deposit, (c("劳动合同法", 9), c("劳动合同法", 84))),
    "non_compete": Rule(non_compete, (c("劳动合同法", 23),)),
    "penalty": Rule(penalty),
    **{t: Rule(injury) for t in ("injury_leave_wage", "injury_disability", "injury_medical", "injury_employment")},
    "other": Rule(other),
}
# claim types that need no rule beyond their calculator (最低工资差额 …) fall back to it


def decide(x: Ctx) -> Decision:
    """The decision on `x.claim`: the worker's claim by its type's rule; an employer's claim on the worker's
    underlying entitlement, turned round (the employer's request fails as far as the worker is entitled). In court,
    a worker's request first passes the arbitration it came through (`before_the_court`)."""
    rule = RULES_BY_TYPE.get(x.claim.type, Rule(by_calculator))
    if x.claim.claimant != ClaimantSide.EMPLOYER and (prior := before_the_court(x)) is not None:
        return prior
    if x.claim.claimant != ClaimantSide.EMPLOYER:
        d = rule.decide(x, Decision())
        d.uses = list(dict.fromkeys(x.uses))
        return d
    worker_claim = x.claim.model_copy(update={"claimant": ClaimantSide.WORKER})
    sub = Ctx(x.case, x.findings, x.sides, worker_claim, x.calculator, x.words)
    inner = rule.decide(sub, Decision())
    return turned_round(x, inner, sub.uses)


def turned_round(x: Ctx, inner: Decision, uses: list[str]) -> Decision:
    """An employer's request (not to pay, no employment) decided by the worker's entitlement `inner`."""
    d = Decision()
    d.calc, d.articles, d.warnings, d.pending = inner.calc, inner.articles, inner.warnings, inner.pending
    d.uses = list(dict.fromkeys(uses))
    d.amount = inner.amount  # what the worker still gets on this item (the ruling orders it)
    entitled = inner.reason or ""
    if inner.calc is not None:  # the award's sum caps what the worker still gets; the calculation says why
        entitled = f"经计算，{x.w}依法应得{money(inner.calc.amount)}"
        if inner.amount is not None and inner.amount < inner.calc.amount:
            entitled += f"，原裁决确定的数额为{money(inner.amount)}"
    if inner.outcome == Outcome.UNKNOWN:
        return d
    if inner.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED):
        d.outcome = Outcome.GRANTED
        d.reason = f"{entitled}，{x.w}不享有该项权利"
    elif inner.outcome == Outcome.PARTLY:
        d.outcome = Outcome.PARTLY
        d.reason = f"{entitled}，{x.e}应支付{x.w}{money(inner.amount)}，超出部分无须支付"
    else:
        d.outcome = Outcome.DENIED
        owed = f"，{x.e}应当支付{x.w}{money(inner.amount)}" if inner.amount is not None else ""
        d.reason = f"{entitled}，{x.w}依法享有该项权利{owed}"
    return d


def proposed(findings: Findings, ids: list[str]) -> list[Proposal]:
    """The findings among `ids` still awaiting the arbitrator (拟认定)."""
    return [p for i in ids if (p := findings.get(i)) is not None and p.state == ReviewState.PROPOSED]


__all__ = ["PAPER_ORDERS", "RULES_BY_TYPE", "Ctx", "Decision", "Rule", "decide", "documents_asked", "not_to_pay", "papers",
           "proposed"]
