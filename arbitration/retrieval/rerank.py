"""Reciprocal rank fusion of dense and BM25 rankings, then a rerank by structured similarity with
reasons in Chinese. All weights are here, in one place."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from arbitration.model import ClaimantSide, Outcome, Precedent, PrecedentClaim
from arbitration.retrieval.units import (
    TERMINATION_NAMES,
    Query,
    claim_name,
    tenure_band,
    tenure_band_text,
    wage_band,
    wage_band_text,
)

RRF_K = 60  # the usual constant of reciprocal rank fusion

WEIGHTS = {
    "fusion": 0.40,  # normalised RRF score of dense + BM25
    "claim_types": 0.30,  # Jaccard overlap of claim types
    "wage": 0.08,  # same monthly-wage band (half for the neighbouring band)
    "tenure": 0.08,  # same tenure band (half for the neighbouring band)
    "termination": 0.07,  # same way the employment ended
    "region": 0.04,  # same city
    "recency": 0.03,  # newer awards first (linear over 10 years)
}


def rrf(rankings: Iterable[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Σ 1/(k + rank) over the rankings each key appears in (rank from 1)."""
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, key in enumerate(ranking, 1):
            scores[key] += 1.0 / (k + rank)
    return dict(scores)


def _band_score(a, b) -> float:
    if a is None or b is None:
        return 0.0
    if a == b:
        return 1.0
    return 0.5 if a[1] == b[0] or b[1] == a[0] else 0.0


def structured(query: Query, p: Precedent, today: date | None = None) -> tuple[dict[str, float], list[str]]:
    """Per-feature similarities in [0, 1] and the reasons a clerk reads."""
    sims: dict[str, float] = {}
    reasons: list[str] = []
    qt, pt = query.claim_types, {c.type for c in p.claims if c.type != "other"}
    common = qt & pt
    sims["claim_types"] = len(common) / len(qt | pt) if qt | pt else 0.0
    if common:
        reasons.append("同为" + "、".join(claim_name(t) for t in sorted(common)) + "请求")
    qw, pw = wage_band(query.facts.monthly_wage), wage_band(p.facts.monthly_wage)
    sims["wage"] = _band_score(qw, pw)
    if sims["wage"] == 1.0:
        reasons.append(f"月工资同在{wage_band_text(qw)}")
    elif sims["wage"]:
        reasons.append(f"月工资相近（{wage_band_text(pw)}）")
    qn, pn = tenure_band(query.facts.tenure_months), tenure_band(p.facts.tenure_months)
    sims["tenure"] = _band_score(qn, pn)
    if sims["tenure"] == 1.0:
        reasons.append(f"同为{tenure_band_text(qn)}")
    elif sims["tenure"]:
        reasons.append(f"工作年限相近（{tenure_band_text(pn)}）")
    qi, pi = query.facts.termination, p.facts.termination
    qm, pm = query.facts.termination_mode, p.facts.termination_mode
    # same initiator; the same mode too (被迫解除 and 辞职 are both the employee's, but decide severance
    # opposite ways) counts fully, a different or unknown mode half
    sims["termination"] = 0.0 if qi is None or qi != pi else (1.0 if qm and qm == pm else 0.5)
    if sims["termination"] == 1.0:
        reasons.append(f"同为{qm}")
    elif sims["termination"]:
        reasons.append(f"同为{TERMINATION_NAMES.get(qi, str(qi))}")
    qr, pr = (query.region or "").rstrip("市"), (p.region or "").rstrip("市")
    sims["region"] = 1.0 if qr and qr == pr else 0.0
    if sims["region"]:
        reasons.append(f"同为{p.region}的案件")
    ref = query.date or today or date.today()
    if p.award_date:
        years = max(0.0, (ref - p.award_date).days / 365.25)
        sims["recency"] = max(0.0, 1.0 - years / 10)
    else:
        sims["recency"] = 0.0
    return sims, reasons


def matched_claims(query: Query, p: Precedent, claim: str | None = None) -> list[PrecedentClaim]:
    """The precedent's claims of the query's types, each as decided for the worker: an employer's request
    (「原告无需支付…」) is shown from the worker's side (`worker_view`), so 支持/驳回 mean the same in every match."""
    wanted = {claim} if claim else query.claim_types
    if not wanted:
        return []
    return [c if c.claimant is ClaimantSide.WORKER else worker_view(c) for c in p.claims if c.type in wanted]


EMPLOYER_VIEW = "（用人单位起诉，以下为劳动者一方的结果）"
_FLIP = {Outcome.GRANTED: Outcome.DENIED, Outcome.DENIED: Outcome.GRANTED, Outcome.PARTLY: Outcome.PARTLY,
         Outcome.NOT_ACCEPTED: Outcome.UNKNOWN, Outcome.UNKNOWN: Outcome.UNKNOWN}


def worker_view(c: PrecedentClaim) -> PrecedentClaim:
    """An employer's request read from the worker's side: 「无需支付」 granted is the worker's claim denied, the
    request denied is the worker's claim granted with the sum still ordered; a request not heard, or denied with
    no sum ordered on it (the court may have ordered something else instead), says nothing."""
    outcome = _FLIP[c.outcome]
    if outcome in (Outcome.GRANTED, Outcome.PARTLY) and not c.ordered:
        outcome = Outcome.UNKNOWN
    granted = c.ordered if outcome in (Outcome.GRANTED, Outcome.PARTLY) else (Decimal(0) if outcome is Outcome.DENIED else None)
    return c.model_copy(update={"claimant": ClaimantSide.WORKER, "outcome": outcome, "granted": granted,
                                "requested": None, "ordered": None, "text": EMPLOYER_VIEW + c.text})


def rerank(
    query: Query, fused: dict[str, float], precedents: dict[str, Precedent], use_structure: bool = True
) -> list[tuple[str, float, list[str]]]:
    """(case number, score, reasons) best first; the fusion score is normalised by the best one."""
    top = max(fused.values(), default=1.0) or 1.0
    out = []
    for num, f in fused.items():
        p = precedents.get(num)
        if p is None:
            continue
        sims, reasons = structured(query, p)
        if use_structure:
            score = WEIGHTS["fusion"] * f / top + sum(WEIGHTS[k] * v for k, v in sims.items())
        else:
            score = f / top
        out.append((num, round(score, 6), reasons))
    out.sort(key=lambda x: (-x[1], x[0]))
    return out
