"""类案同裁: compare each decision of a draft with the similar awards found for that claim — share granted, the
granted/requested ratio, the amount per month of service — and flag a deviation with the precedents that show it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from statistics import median
from typing import Any

from arbitration.drafting.text import money
from arbitration.model import (
    DEMO_LABEL,
    OUTCOME_NAMES,
    Award,
    Case,
    ClaimDecision,
    Outcome,
    Paragraph,
    SourceKind,
    Warning_,
)

MIN_PRECEDENTS = 3  # fewer similar decisions than this say nothing about a practice
MAJORITY = 0.6  # share of similar awards that makes an outcome the practice
PER_MONTH_TYPES = {"severance", "unlawful_termination"}  # amounts that scale with months of service
FAR = 2.0  # an amount more than FAR× the highest, or below the lowest ÷ FAR, is far outside the range
SUPPORTED = {Outcome.GRANTED, Outcome.PARTLY}


@dataclass
class ClaimConsistency:
    """How one claim of the draft compares with its similar awards."""

    claim_type: str
    claim_name: str
    outcome: Outcome
    amount: Decimal | None
    precedents: int = 0  # similar decisions with a known outcome
    granted_share: float | None = None
    ratio_median: float | None = None  # granted/requested among the ones that state both
    per_month: float | None = None  # the draft's amount per month of service
    per_month_range: tuple[float, float] | None = None
    granting: list[str] = field(default_factory=list)  # case numbers
    denying: list[str] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    demo: bool = False  # the precedents compared include generated demo data (the bundled corpus)

    def line(self) -> str:
        if not self.precedents:
            return f"{self.claim_name}：未找到同类请求的类案。"
        return (f"【{DEMO_LABEL}】" if self.demo else "") + self._line()

    def _line(self) -> str:
        text = (f"{self.claim_name}：本草稿{OUTCOME_NAMES[self.outcome]}"
                + (f"{money(self.amount)}" if self.amount is not None else "")
                + f"；{self.precedents}件类案中支持{len(self.granting)}件（{self.granted_share:.0%}）")
        if self.ratio_median is not None:
            text += f"，支持额/请求额中位数{self.ratio_median:.0%}"
        if self.per_month_range:
            lo, hi = self.per_month_range
            text += f"，每工作月{lo:.0f}–{hi:.0f}元"
            if self.per_month is not None:
                text += f"（本草稿{self.per_month:.0f}元）"
        flagged = "；偏离：" + "；".join(w.message for w in self.warnings) if self.warnings else "；与类案一致"
        return text + flagged + "。"


def _months(start: date | None, end: date | None) -> float | None:
    if not start or not end or end <= start:
        return None
    return (end - start).days / 30.4375


def _tenure(case: Case | None) -> float | None:
    if case is None:
        return None
    return _months(case.facts.hire_date.value, case.facts.leave_date.value)


def compare(decision: ClaimDecision, matches: list[Any], tenure_months: float | None = None,
            claim_name: str | None = None) -> ClaimConsistency:
    """The comparison for one decision against `matches` (retrieval Match objects or anything with
    .precedent and .matched_claims)."""
    ctype = decision.claim.type
    report = ClaimConsistency(ctype, claim_name or ctype, decision.outcome, decision.amount)
    ratios: list[float] = []
    per_month: list[float] = []
    seen: set[str] = set()
    for m in matches:
        cn = m.precedent.case_number
        if cn in seen:
            continue
        for pc in m.matched_claims:
            if pc.type != ctype or pc.outcome in (Outcome.UNKNOWN, Outcome.NOT_ACCEPTED):
                continue
            seen.add(cn)
            report.demo = report.demo or getattr(m.precedent, "generated", False)
            (report.granting if pc.outcome in SUPPORTED else report.denying).append(cn)
            if pc.outcome in SUPPORTED and pc.granted is not None:
                if pc.requested:
                    ratios.append(float(pc.granted / pc.requested))
                months = m.precedent.facts.tenure_months
                if ctype in PER_MONTH_TYPES and months:
                    per_month.append(float(pc.granted) / months)
            break
    report.precedents = len(report.granting) + len(report.denying)
    if not report.precedents:
        return report
    report.granted_share = len(report.granting) / report.precedents
    report.ratio_median = median(ratios) if ratios else None
    if per_month:
        report.per_month_range = (min(per_month), max(per_month))
    if decision.amount is not None and tenure_months and ctype in PER_MONTH_TYPES:
        report.per_month = float(decision.amount) / tenure_months
    if report.precedents < MIN_PRECEDENTS:
        return report
    name = report.claim_name
    if decision.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED) and report.granted_share >= MAJORITY:
        report.warnings.append(Warning_(
            kind="deviation", claim_type=ctype, refs=report.granting[:5],
            message=f"本草稿驳回{name}，但{report.precedents}件类案中有{len(report.granting)}件予以支持",
        ))
    elif decision.outcome in SUPPORTED and 1 - report.granted_share >= MAJORITY:
        report.warnings.append(Warning_(
            kind="deviation", claim_type=ctype, refs=report.denying[:5],
            message=f"本草稿支持{name}，但{report.precedents}件类案中有{len(report.denying)}件不予支持",
        ))
    if report.per_month is not None and report.per_month_range and len(per_month) >= MIN_PRECEDENTS:
        lo, hi = report.per_month_range
        if report.per_month > hi * FAR or report.per_month < lo / FAR:
            report.warnings.append(Warning_(
                kind="deviation", claim_type=ctype, refs=report.granting[:5],
                message=f"{name}每工作月{report.per_month:.0f}元，远离类案区间{lo:.0f}–{hi:.0f}元",
            ))
    elif decision.amount is not None and decision.claim.amount and len(ratios) >= MIN_PRECEDENTS:
        ratio = float(decision.amount / decision.claim.amount)
        lo, hi = min(ratios), max(ratios)
        if ratio > hi * FAR or ratio < lo / FAR:
            report.warnings.append(Warning_(
                kind="deviation", claim_type=ctype, refs=report.granting[:5],
                message=f"{name}支持额为请求额的{ratio:.0%}，远离类案区间{lo:.0%}–{hi:.0%}",
            ))
    if report.demo:
        for w in report.warnings:
            w.message = f"【{DEMO_LABEL}】{w.message}（比对的类案为生成的演示裁决书，不是真实案例）"
    return report


class _QueryMemo:
    """The archive's embedder with query embeddings remembered: every claim of a case searches with the
    same case texts, so one draft embeds each text once instead of once per claim."""

    def __init__(self, embedder: Any) -> None:
        self._embedder, self._seen = embedder, {}

    def embed_query(self, text: str) -> Any:
        if text not in self._seen:
            self._seen[text] = self._embedder.embed_query(text)
        return self._seen[text]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._embedder, name)


@contextmanager
def _remembered_queries(archive: Any) -> Iterator[None]:
    embedder = getattr(archive, "embedder", None)
    if embedder is None or isinstance(embedder, _QueryMemo):
        yield
        return
    archive.embedder = _QueryMemo(embedder)
    try:
        yield
    finally:
        archive.embedder = embedder


def similar_matches(archive: Any, case: Case, claim_types: list[str], k: int = 10) -> dict[str, list[Any]]:
    """The similar awards for each claim type of the case (one archive search per type)."""
    if archive is None:
        return {}
    with _remembered_queries(archive):
        return {t: archive.search(case, claim=t, k=k) for t in dict.fromkeys(claim_types)}


def consistency_report(award: Award, archive: Any, case: Case | None = None, k: int = 10,
                       matches: dict[str, list[Any]] | None = None) -> list[ClaimConsistency]:
    """One comparison per decision; similar awards are searched per claim (by the case when given, else by
    the claim's wording) unless `matches` (claim type → matches) is passed in."""
    from arbitration.law import taxonomy

    tax = taxonomy()
    out = []
    if matches is None and archive is not None and case is not None:
        matches = similar_matches(archive, case, [d.claim.type for d in award.decisions], k)
    for d in award.decisions:
        ctype = d.claim.type
        if matches is not None:
            found = matches.get(ctype, [])
        elif archive is not None:
            found = archive.search(d.claim.text, claim=ctype, k=k)
        else:
            found = []
        name = tax.name(ctype) if ctype in tax else ctype
        out.append(compare(d, found, _tenure(case), name))
    return out


def check_consistency(award: Award, archive: Any, case: Case | None = None, k: int = 10,
                      matches: dict[str, list[Any]] | None = None) -> list[Warning_]:
    """The deviations of a draft from its similar awards (Warning_ kind="deviation", refs = precedents)."""
    return [w for r in consistency_report(award, archive, case, k, matches) for w in r.warnings]


def report_paragraphs(reports: list[ClaimConsistency]) -> list[Paragraph]:
    return [Paragraph(text=r.line(), source=SourceKind.PRECEDENT, refs=r.granting + r.denying) for r in reports]
