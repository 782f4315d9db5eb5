"""What every decision rule shares: the decision being built (`Decision`), what a rule reads (`Ctx`), the
citation helper `c`, the amount from a calculator capped by what was asked (`calculated`), the conditions most
rules test first (no employment found, a finding with its why), and the rule of a claim type that needs only its
calculator. The claim types' modules build on this one and it on none of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from arbitration.drafting.forum import Words
from arbitration.findings.sides import Sides
from arbitration.findings.text import money
from arbitration.model import (
    CalcResult,
    Case,
    Citation,
    Claim,
    ClaimantSide,
    Findings,
    Outcome,
    Proposal,
    Warning_,
)


def c(law: str, article: int, clause: int | None = None, item: int | None = None) -> Citation:
    return Citation(law=law, article=article, clause=clause, item=item)


class Decision:
    """A decision being built: outcome, amount, calculation, reason, pending facts, articles, warnings, and the
    proposals (拟认定) it rests on."""

    def __init__(self) -> None:
        self.outcome = Outcome.UNKNOWN
        self.amount: Decimal | None = None
        self.calc: CalcResult | None = None
        self.reason: str | None = None
        self.pending: list[str] = []
        self.articles: list[Citation] = []
        self.warnings: list[Warning_] = []
        self.uses: list[str] = []  # ids of the findings the outcome rests on

    def deny(self, reason: str, *articles: Citation) -> Decision:
        self.outcome, self.reason = Outcome.DENIED, reason
        self.articles += articles
        return self

    def grant(self, reason: str, amount: Decimal | None = None, *articles: Citation) -> Decision:
        self.outcome, self.reason, self.amount = Outcome.GRANTED, reason, amount
        self.articles += articles
        return self

    def refuse(self, reason: str, *articles: Citation) -> Decision:
        """不予受理: outside what the forum decides."""
        self.outcome, self.reason = Outcome.NOT_ACCEPTED, reason
        self.articles += articles
        return self

    def pend(self, *what: str) -> Decision:
        self.outcome = Outcome.UNKNOWN
        self.pending += [w for w in what if w not in self.pending]
        return self


@dataclass
class Ctx:
    """What a rule reads: the settled case, the findings, who is who, the claim, its calculator and wording."""

    case: Case  # the case with every fact as found (findings.settle)
    findings: Findings
    sides: Sides
    claim: Claim
    calculator: str | None
    words: Words
    uses: list[str] = field(default_factory=list)

    @property
    def w(self) -> str:
        return self.sides.worker_word

    @property
    def e(self) -> str:
        return self.sides.employer_word

    def issue(self, iid: str) -> Proposal | None:
        p = self.findings.get(iid)
        if p is not None:
            self.uses.append(iid)
        return p

    def fact(self, name: str) -> Any:
        value = getattr(self.case.facts, name).value
        if value is not None and self.findings.get(name) is not None:
            self.uses.append(name)
        return value

    def why_pending(self, pid: str, what: str) -> str:
        why = self.findings.pending.get(pid)
        return f"{what}（{why}）" if why else what

    def others(self, claim_type: str) -> list[Claim]:
        return [o for o in self.case.claims if o.type == claim_type and o.claimant == ClaimantSide.WORKER]


def calculated(x: Ctx, d: Decision, calculator: str | None = None, **extra: Any) -> Decision:
    """Outcome from the calculator (the claim type's, or `calculator` a rule names): the amount it gives, capped by
    what was asked (不告不理)."""
    calculator = calculator or x.calculator
    if not calculator:
        return d.pend("该项请求的金额（无适用的计算器，须查明后认定）")
    from arbitration.drafting.decide import calculate

    result, missing, warnings = calculate(calculator, x.case, x.claim, **extra)
    d.warnings += warnings
    if result is None:
        return d.pend(*missing) if missing else d.pend("计算所需事实")
    return by_amount(x, d, result)


def by_amount(x: Ctx, d: Decision, result: CalcResult) -> Decision:
    claim = x.claim
    if x.case.region is None and result.inputs.get("city"):
        # the office's own region stood in for the case's: its minimum wage and average wage may not be this case's
        return d.pend(f"案件所在地区（计算涉及当地月最低工资标准、职工月平均工资，案卷未载明地区，暂按{result.inputs['city']}计算为"
                      f"{money(result.amount)}，须核对）")
    d.calc, d.amount = result, result.amount
    if result.amount <= 0:
        d.amount = None
        return d.deny(f"经计算，{x.e}无须支付该项款项")
    if claim.amount is not None and result.amount > claim.amount:
        d.amount, d.outcome = claim.amount, Outcome.GRANTED
        d.reason = (f"{x.w}仅主张{money(claim.amount)}，低于计算结果，"
                    f"系对自身权利的处分，{x.words.body}予以照准")  # the sum computed is stated just before
    elif claim.amount is not None and result.amount < claim.amount:
        from arbitration.law.calculators.severance import FLOOR_UNCHECKED

        if any(n.startswith(FLOOR_UNCHECKED) for n in result.notes):
            # the base may still rise to the local minimum wage (实施条例第二十七条): less than asked is not yet known
            d.calc, d.amount = None, None
            return d.pend(f"当地月最低工资标准（月工资{money(x.fact('monthly_wage'))}，经计算为{money(result.amount)}，"
                          f"低于{x.w}主张的{money(claim.amount)}；月工资低于当地最低工资标准的，按最低工资标准计算）")
        d.outcome = Outcome.PARTLY
    else:
        d.outcome = Outcome.GRANTED
    return d


def because(p: Proposal) -> str:
    """A finding with why it is found, as the reasoning states it (the tribunal's own finding needs no why)."""
    from arbitration.model import Basis

    if p.basis == Basis.ESTABLISHED:
        return p.text
    return f"{p.reason.rstrip('。')}，{'故' if not p.reason.endswith('故') else ''}{p.text}"


def relation_denied(x: Ctx, d: Decision) -> bool:
    """The employment is found not to exist: every claim resting on it fails; disputed (the employer denies it)
    and not yet found, every such claim waits for that finding. True when that decided (or pended) `d`."""
    rel = x.findings.get("issue:labor_relation")
    if rel is not None and rel.holds is False:
        x.uses.append(rel.id)
        d.deny(f"{because(rel)}，{x.w}基于劳动关系提出的该项请求缺乏事实依据", c("劳动争议调解仲裁法", 6))
        return True
    if rel is None and "issue:labor_relation" in x.findings.pending:
        d.pend(x.why_pending("issue:labor_relation", "双方是否存在劳动关系（该项请求以劳动关系为前提）"))
        return True
    return False


def findings_speak_of(x: Ctx, pattern: re.Pattern[str]) -> bool:
    """Whether a sentence of the tribunal's own findings, or an earlier award they tell of, speaks of `pattern`."""
    from arbitration.findings.told import awarded, own_sentences

    return any(pattern.search(s) for s in [*own_sentences(x.case), *awarded(x.case)])


def by_calculator(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    return calculated(x, d)
