"""The outline's view of the law layer: claim types from the taxonomy, 时效/终局 verdicts, and amount previews
from the calculators (every figure with its formula and articles; alternative figures when a fact is disputed)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from arbitration import law
from arbitration.errors import ArbitrationError
from arbitration.model import FACT_NAMES, Case, Citation, Claim, Side
from arbitration.outline.model import MISSING, AmountPreview, Flag, Scenario
from arbitration.outline.text import SIDE_NAMES, money, short_value

MAX_SCENARIOS = 4  # alternative figures shown per claim (2 disputed facts × 2 versions)


def taxonomy() -> Any:
    return law.taxonomy()


def claim_type(tax: Any, type_id: str) -> Any | None:
    try:
        return tax.get(type_id)
    except (KeyError, ArbitrationError):
        return None


def claim_name(tax: Any, type_id: str) -> str:
    ct = claim_type(tax, type_id)
    return ct.name if ct is not None else type_id


def format_articles(cites: list[Citation]) -> list[str]:
    out: list[str] = []
    for c in cites:
        s = law.format_citation(c)
        if s not in out:
            out.append(s)
    return out


def articles(ct: Any) -> list[str]:
    return format_articles(list(ct.articles))


def elements(ct: Any) -> list[Any]:
    return list(ct.elements)


def element_parts(el: Any) -> tuple[str, list[str], list[str]]:
    """(name, Facts field names, evidence that usually proves it) of a taxonomy element."""
    return el.name, list(el.facts), list(el.evidence)


def questions(ct: Any) -> tuple[list[str], list[str]]:
    q = ct.questions
    return list(q.applicant), list(q.respondent)


def relevant_facts(ct: Any | None, type_id: str) -> list[str]:
    """Facts fields a claim turns on: those its elements name, plus its calculator's inputs."""
    names: list[str] = []
    if ct is not None:
        for el in ct.elements:
            names += [f for f in el.facts if f in FACT_NAMES and f not in names]
    for f in CALCULATOR_FACTS.get(type_id, ()):
        if f not in names:
            names.append(f)
    return names


# ------------------------------------------------------------------ 时效 / 终局


def limitation_flag(case: Case, type_id: str, claims: list[Claim], today: date) -> Flag:
    raise NotImplementedError


def claim_finality(case: Case, type_id: str, claims: list[Claim], tax: Any) -> Flag | None:
    raise NotImplementedError


def case_finality(case: Case, tax: Any) -> Flag | None:
    raise NotImplementedError


# ------------------------------------------------------------------ amounts

CALCULATOR_FACTS: dict[str, tuple[str, ...]] = {}


def amount_preview(case: Case, type_id: str, claims: list[Claim], tax: Any, today: date) -> AmountPreview | None:
    raise NotImplementedError
