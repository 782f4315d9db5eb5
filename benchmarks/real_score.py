"""Scoring against the real labour judgments of ../shared/data/real-judgments, exactly as its README says.

Plain functions shared by bench_real.py and the tests: load the labels, match a document's claims to the
labelled ones (same type, same amount where the label states one), and score extraction, the archive and drafts.
Nothing here prints names from the judgments; results carry ids and counts only.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "real-judgments"
FACTS_LABELS = ROOT / "benchmarks" / "labelled" / "real_facts.json"
SCORED_OUTCOMES = ("granted", "partly", "denied", "not_accepted")


STYLE_HOLDOUT = ROOT / "benchmarks" / "labelled" / "style_holdout"


def use_root(root: Path, facts_labels: Path | None = None) -> None:
    """Score another set laid out like the dev split (e.g. the project's own style hold-out)."""
    global REAL, FACTS_LABELS
    REAL = root
    FACTS_LABELS = facts_labels or root / "real_facts.json"


def judgment_path(doc_id: str) -> Path:
    """The whole judgment of one id: cail2019_labor_NNN.txt in the dev split, NNN.txt in other sets."""
    path = REAL / "judgments" / f"cail2019_labor_{doc_id}.txt"
    return path if path.is_file() else REAL / "judgments" / f"{doc_id}.txt"


def available() -> str | None:
    """None when the real judgments are here, else the reason to skip."""
    if not (REAL / "truth.jsonl").is_file():
        return f"真实判决数据不在 {REAL}（../shared/data/real-judgments）"
    return None


def load_truth() -> dict[str, dict]:
    """id → label object of truth.jsonl."""
    out = {}
    for line in (REAL / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            out[obj["id"]] = obj
    return out


def load_fact_labels() -> dict[str, dict]:
    """id → hand labels of parties and key facts (benchmarks/labelled/real_facts.json); {} when absent."""
    if not FACTS_LABELS.is_file():
        return {}
    data = json.loads(FACTS_LABELS.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def case_dir(kind: str, doc_id: str) -> Path:
    """The folder of one dev case: kind is 'cases_file' or 'cases_hearing'."""
    return REAL / kind / doc_id


def scored_worker_claims(label: dict) -> list[dict]:
    """The claims the README scores: worker claims in the input with a decided outcome."""
    return [
        c for c in label["claims"]
        if c.get("claimant") == "worker" and c.get("in_input", True) and c.get("outcome") in SCORED_OUTCOMES
    ]


def _dec(v: Any) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def same_amount(a: Any, b: Any, rel: float = 0.01) -> bool:
    """Amounts agree within `rel` (1 %, the README's tolerance) or half a yuan."""
    x, y = _dec(a), _dec(b)
    if x is None or y is None:
        return False
    return abs(x - y) <= max(Decimal("0.5"), abs(y) * Decimal(str(rel)))


@dataclass
class Pairing:
    """Labelled claims matched one-to-one to predicted items (claims, precedent claims or decisions)."""

    pairs: list[tuple[dict, Any]] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)


def pair_claims(labels: list[dict], predicted: list[Any], type_of, amount_of) -> Pairing:
    """Match each labelled claim to an unused predicted item of the same type and, where the label states an
    amount, the same amount; a second round takes same-type items regardless of amount (for outcome scoring)."""
    used: set[int] = set()
    strict: dict[int, Any] = {}
    for i, lab in enumerate(labels):
        for j, p in enumerate(predicted):
            if j in used or type_of(p) != lab["type"]:
                continue
            if lab.get("amount") is not None and not same_amount(amount_of(p), lab["amount"]):
                continue
            strict[i] = p
            used.add(j)
            break
    loose: dict[int, Any] = {}
    for i, lab in enumerate(labels):
        if i in strict:
            continue
        for j, p in enumerate(predicted):
            if j not in used and type_of(p) == lab["type"]:
                loose[i] = p
                used.add(j)
                break
    out = Pairing()
    for i, lab in enumerate(labels):
        if i in strict:
            out.pairs.append((lab | {"_strict": True}, strict[i]))
        elif i in loose:
            out.pairs.append((lab | {"_strict": False}, loose[i]))
        else:
            out.unmatched.append(lab)
    return out


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


class Tally:
    """Counts per claim type and in total, turned into rates by `summary()`."""

    def __init__(self, *keys: str) -> None:
        self.keys = keys
        self.by_type: dict[str, Counter] = defaultdict(Counter)

    def add(self, claim_type: str, **flags: bool) -> None:
        c = self.by_type[claim_type]
        c["n"] += 1
        for k, v in flags.items():
            c[k] += int(bool(v))

    def summary(self) -> dict:
        total: Counter = Counter()
        for c in self.by_type.values():
            total.update(c)
        def rates(c: Counter) -> dict:
            return {"n": c["n"], **{k: c[k] for k in self.keys}, **{f"{k}_rate": _rate(c[k], c["n"]) for k in self.keys}}
        return {"total": rates(total), "by_type": {t: rates(c) for t, c in sorted(self.by_type.items())}}


# ---------------------------------------------------------------- extraction (cases_file → Case)


def score_claims_found(label: dict, case: Any, tally: Tally) -> None:
    """found: the case has a claim of the same type (and amount where stated); with_side: and the same claimant."""
    want = scored_worker_claims(label)
    pairing = pair_claims(want, list(case.claims), lambda c: c.type, lambda c: c.amount)
    for lab, claim in pairing.pairs:
        side = getattr(claim, "claimant", None)
        side = getattr(side, "value", side)
        tally.add(lab["type"], found=lab["_strict"], with_side=lab["_strict"] and side in (None, "worker"))
    for lab in pairing.unmatched:
        tally.add(lab["type"], found=False, with_side=False)


def party_kinds(case: Any) -> tuple[list[str], list[str]]:
    """(applicant kinds, respondent kinds) of an extracted case, third parties with the respondents."""
    apps = [p.kind.value for p in case.parties if p.role.value == "applicant"]
    resp = [p.kind.value for p in case.parties if p.role.value != "applicant"]
    return apps, resp


def score_parties(flabel: dict, case: Any) -> dict[str, bool]:
    """Both sides found with the labelled number and kind of parties (names are not labelled, by the terms)."""
    apps, resp = party_kinds(case)
    want_a = [p["kind"] for p in flabel.get("plaintiffs", [])]
    want_r = [p["kind"] for p in flabel.get("defendants", [])]
    return {
        "both_sides": bool(apps) and bool(resp),
        "exact": Counter(apps) == Counter(want_a) and Counter(resp) == Counter(want_r),
    }


def fact_values(case: Any, name: str, side: str | None = None) -> list[Any]:
    """Every version of a key fact in an extracted case (optionally only one side's), in the labels' terms."""
    f = case.facts
    if name == "termination_initiator":
        vals = [(v.side.value, v.value.initiator.value) for v in f.termination.values]
    elif name == "written_contract":
        vals = [(v.side.value, v.value.signed) for v in f.written_contract.values]
    else:
        vals = [(v.side.value, v.value) for v in getattr(f, name).values]
    return [v for s, v in vals if side is None or s == side]


def same_fact(name: str, predicted: Any, court: Any) -> bool:
    if predicted is None or court is None:
        return False
    if name in ("hire_date", "leave_date"):
        iso = predicted.isoformat()
        return iso == court if len(court) == 10 else iso[:7] == court
    if name == "monthly_wage":
        return same_amount(predicted, court)
    return predicted == court


KEY_FACTS = ("hire_date", "leave_date", "monthly_wage", "written_contract", "termination_initiator")


def score_facts(flabel: dict, case: Any, tally: Tally, side: str | None = None, only_in_file: bool = True) -> None:
    """A labelled fact is found when some version (of `side`, if given) equals the court's value."""
    for name in KEY_FACTS:
        lab = flabel.get("facts", {}).get(name) or {}
        court = lab.get("court")
        if court is None or (only_in_file and not lab.get("in_file")):
            continue
        values = fact_values(case, name, side)
        tally.add(name, found=any(same_fact(name, v, court) for v in values),
                  wrong_only=bool(values) and not any(same_fact(name, v, court) for v in values))


def agreed_facts(case: Any) -> set[str]:
    """Key facts on which the applicant's and the respondent's versions share a value (one side states it, the other
    states the same or admits it)."""
    out = set()
    for name in KEY_FACTS:
        mine, theirs = fact_values(case, name, "applicant"), fact_values(case, name, "respondent")
        if any(a == b for a in mine for b in theirs):
            out.add(name)
    return out


def score_admitted(flabel: dict, case: Any, tally: Tally) -> int:
    """found: a fact the labels record as expressly agreed (facts.admitted) is agreed in the case; returns how many
    facts the case takes as agreed that the labels do not record so (agreements read where there were none)."""
    want = set(flabel.get("facts", {}).get("admitted") or [])
    got = agreed_facts(case)
    for name in sorted(want):
        tally.add(name, found=name in got)
    return len(got - want)


# ---------------------------------------------------------------- archive (judgments → Precedent)


def outcome_class(outcome: str) -> str:
    """denied and not_accepted count as the same (the README's scoring)."""
    return "denied" if outcome in ("denied", "not_accepted") else outcome


def score_precedent(label: dict, precedent: Any, tally: Tally) -> None:
    """Per labelled claim: stored with the court's type, and with its type and outcome; beside them whose claim it
    was (with_side: type, outcome and claimant as labelled) and, for granted/partly claims with a labelled sum,
    the sum granted (or, on an employer's claim, still ordered) within 1 % (amount_within_1pct, of those)."""
    claims = [c for c in label["claims"] if c.get("outcome") in SCORED_OUTCOMES]
    pairing = pair_claims(claims, list(precedent.claims) if precedent else [],
                          lambda c: c.type, lambda c: c.requested)
    for lab, pc in pairing.pairs:
        got = getattr(pc.outcome, "value", pc.outcome)
        ok = outcome_class(got) == outcome_class(lab["outcome"])
        side = getattr(getattr(pc, "claimant", None), "value", None)
        want_sum = lab.get("ordered_amount") if lab.get("claimant") == "employer" else lab.get("granted_amount")
        got_sum = getattr(pc, "ordered", None) if lab.get("claimant") == "employer" else pc.granted
        has_sum = want_sum is not None and lab["outcome"] in ("granted", "partly")
        tally.add(lab["type"], type_found=True, type_and_outcome=ok, exact_outcome=got == lab["outcome"],
                  with_side=ok and side in (None, lab.get("claimant", "worker")),
                  with_sum=has_sum, amount_within_1pct=has_sum and same_amount(got_sum, want_sum))
    for lab in pairing.unmatched:
        has_sum = lab.get("granted_amount") is not None and lab["outcome"] in ("granted", "partly")
        tally.add(lab["type"], type_found=False, type_and_outcome=False, exact_outcome=False, with_side=False,
                  with_sum=has_sum, amount_within_1pct=False)


# ---------------------------------------------------------------- drafts (Case → Award)


def draft_verdict(lab: dict, decision: Any | None) -> str:
    """'agree', 'otherwise' or 'pending' for one labelled worker claim and the draft's decision on it."""
    if decision is None:
        return "pending"
    got = getattr(decision.outcome, "value", decision.outcome)
    if got == "unknown":
        return "pending"
    if getattr(getattr(decision.claim, "claimant", None), "value", None) == "employer":
        # the employer's request (「原告无需支付…」) decided: its outcome is the employer's, the amount what the worker
        # still gets on that item (the README's employer labels), so the worker's outcome is the other way round
        got = {"granted": "denied", "denied": "granted", "partly": "partly"}.get(got)
        if got is None:  # the employer's request not heard says nothing of the worker's entitlement
            return "pending"
    want = lab["outcome"]
    if outcome_class(got) != outcome_class(want) and not (
        got in ("granted", "partly") and want in ("granted", "partly")
    ):
        return "otherwise"
    if want in ("granted", "partly") and got in ("granted", "partly"):
        if lab.get("granted_amount") is not None and decision.amount is not None:
            return "agree" if same_amount(decision.amount, lab["granted_amount"]) else "otherwise"
        return "agree" if got == want else "otherwise"
    return "agree"


def score_draft(label: dict, award: Any, tally: Tally) -> None:
    """Each scored worker claim against the draft decision on the matching claim."""
    want = scored_worker_claims(label)
    decisions = list(award.decisions) if award else []
    pairing = pair_claims(want, decisions, lambda d: d.claim.type, lambda d: d.claim.amount)
    for lab, d in pairing.pairs:
        v = draft_verdict(lab, d)
        amount_ok = (lab.get("granted_amount") is not None and d.amount is not None
                     and same_amount(d.amount, lab["granted_amount"]))
        tally.add(lab["type"], agree=v == "agree", otherwise=v == "otherwise", pending=v == "pending",
                  amount_within_1pct=amount_ok)
    for lab in pairing.unmatched:
        tally.add(lab["type"], agree=False, otherwise=False, pending=True, amount_within_1pct=False)
