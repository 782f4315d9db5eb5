"""What gets embedded and matched: per-claim units (claim + key facts + reasoning), a whole-case summary,
and the same shape built from a new Case as the query. Bands for the structured comparison live here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from arbitration.model import (
    OUTCOME_NAMES,
    Case,
    KeyFacts,
    Precedent,
    TerminationInitiator,
)
from arbitration.retrieval.sparse import tokenize
from arbitration.retrieval.store import Unit

# fixed claim-type ids (see the law layer's taxonomy); names used when the taxonomy is not installed
CLAIM_NAMES = {
    "labor_relation": "确认劳动关系",
    "unpaid_wages": "拖欠劳动报酬",
    "overtime": "加班费",
    "double_wage": "未签书面劳动合同二倍工资",
    "severance": "解除劳动合同经济补偿",
    "unlawful_termination": "违法解除/终止赔偿金",
    "notice_pay": "代通知金",
    "annual_leave": "未休年休假工资",
    "minimum_wage": "最低工资差额",
    "social_insurance": "社会保险损失/补缴",
    "injury_disability": "一次性伤残补助金",
    "injury_medical": "一次性工伤医疗补助金",
    "injury_employment": "一次性伤残就业补助金",
    "injury_leave_wage": "停工留薪期工资",
    "non_compete": "竞业限制经济补偿",
    "penalty": "违约金/培训服务期",
    "additional_compensation": "加付赔偿金",
    "return_deposit": "退还押金/证件",
    "other": "其他",
}

TERMINATION_NAMES = {
    TerminationInitiator.EMPLOYER: "用人单位解除",
    TerminationInitiator.EMPLOYEE: "劳动者解除",
    TerminationInitiator.MUTUAL: "协商一致解除",
    TerminationInitiator.EXPIRY: "合同期满终止",
    TerminationInitiator.OTHER: "其他方式终止",
}

WAGE_BANDS = (0, 3000, 4000, 5000, 6000, 8000, 10000, 15000, 20000, 30000)  # yuan per month, lower edges
TENURE_BANDS = (0, 6, 12, 36, 60, 120)  # months, lower edges


def claim_name(type_id: str) -> str:
    try:
        from arbitration.law import taxonomy

        return taxonomy().name(type_id)
    except Exception:  # noqa: BLE001 - law layer absent or id unknown: fixed names
        return CLAIM_NAMES.get(type_id, type_id)


def wage_band(wage: Decimal | float | None) -> tuple[int, int | None] | None:
    if wage is None:
        return None
    w = float(wage)
    lo = max(b for b in WAGE_BANDS if b <= w) if w >= 0 else 0
    i = WAGE_BANDS.index(lo)
    return lo, WAGE_BANDS[i + 1] if i + 1 < len(WAGE_BANDS) else None


def wage_band_text(band: tuple[int, int | None]) -> str:
    lo, hi = band
    return f"{lo}–{hi}元档" if hi else f"{lo}元以上档"


def tenure_band(months: float | None) -> tuple[int, int | None] | None:
    if months is None:
        return None
    lo = max(b for b in TENURE_BANDS if b <= months) if months >= 0 else 0
    i = TENURE_BANDS.index(lo)
    return lo, TENURE_BANDS[i + 1] if i + 1 < len(TENURE_BANDS) else None


def tenure_band_text(band: tuple[int, int | None]) -> str:
    def fmt(m: int) -> str:
        return f"{m // 12}年" if m % 12 == 0 and m >= 12 else f"{m}个月"

    lo, hi = band
    return f"工作年限{fmt(lo)}至{fmt(hi)}" if hi else f"工作年限{fmt(lo)}以上"


def months_between(a: date, b: date) -> float:
    return round((b.year - a.year) * 12 + (b.month - a.month) + (b.day - a.day) / 30.0, 1)


def facts_text(f: KeyFacts) -> str:
    parts = []
    if f.monthly_wage is not None:
        parts.append(f"月工资{f.monthly_wage:.0f}元")
    if f.tenure_months is not None:
        parts.append(f"工作{f.tenure_months / 12:.1f}年")
    if f.termination is not None:
        parts.append(f.termination_mode or TERMINATION_NAMES.get(f.termination, ""))
    if f.written_contract is not None:
        parts.append("签订书面劳动合同" if f.written_contract else "未签订书面劳动合同")
    return "，".join(p for p in parts if p)


def precedent_units(p: Precedent, reasoning_chars: int = 150) -> list[Unit]:
    """One unit per claim and one whole-case summary."""
    ft = facts_text(p.facts)
    units = []
    for i, c in enumerate(p.claims):
        outcome = OUTCOME_NAMES.get(c.outcome, "")
        text = f"{claim_name(c.type)}：{c.text}。{ft}。{outcome}。{(c.reasoning or '')[:reasoning_chars]}"
        units.append(Unit(p.case_number, "claim", i, c.type, text, tokenize(text)))
    names = "、".join(dict.fromkeys(claim_name(c.type) for c in p.claims))
    summary = f"{names}。{ft}。{(p.facts_text or '')[:reasoning_chars]}"
    units.append(Unit(p.case_number, "case", None, None, summary, tokenize(summary)))
    return units


@dataclass
class Query:
    """A search request in the shape of a precedent: claim types with their texts, and key facts."""

    text: str  # whole-case text used for the summary search
    claims: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    facts: KeyFacts = field(default_factory=KeyFacts)
    region: str | None = None
    date: date | None = None

    @property
    def claim_types(self) -> set[str]:
        return {t for t, _ in self.claims if t != "other"}

    def texts(self) -> list[tuple[str | None, str]]:
        """(claim type or None, text) for each query vector: one per claim and the summary."""
        ft = facts_text(self.facts)
        out: list[tuple[str | None, str]] = [
            (t, f"{claim_name(t)}：{txt}。{ft}") for t, txt in self.claims
        ]
        out.append((None, f"{self.text}。{ft}" if ft else self.text))
        return out


def query_from_case(case: Case) -> Query:
    f = case.facts
    hire, leave = f.hire_date.value, f.leave_date.value
    term = f.termination.value
    contract = f.written_contract.value
    facts = KeyFacts(
        monthly_wage=f.monthly_wage.value,
        hire_date=hire,
        leave_date=leave,
        tenure_months=months_between(hire, leave) if hire and leave and leave >= hire else None,
        termination=term.initiator if term else None,
        termination_mode=term.mode if term else None,
        written_contract=contract.signed if contract else None,
    )
    claims = [(c.type, c.text) for c in case.claims]
    text = "；".join(c.text for c in case.claims) or (case.applicant_statement or "")
    return Query(text=text[:600], claims=claims, facts=facts, region=case.region, date=case.application_date)


def query_from_text(text: str) -> Query:
    """Claim types from each clause of free text via the taxonomy; key facts from the rule parser."""
    from arbitration.retrieval.parser import key_facts_from_text, split_clauses

    claims = []
    try:
        from arbitration.law import taxonomy

        tax = taxonomy()
        for clause in split_clauses(text):
            tid, conf = tax.match(clause)
            if tid and tid != "other" and conf >= 0.5 and tid not in {t for t, _ in claims}:
                claims.append((tid, clause))
    except ImportError:
        pass
    return Query(text=text[:600], claims=claims, facts=key_facts_from_text(text))


def query_from_precedent(p: Precedent) -> Query:
    """A past award (or a typical case) as a query: its claims and key facts, not its outcome ("more like this")."""
    text = "；".join(c.text for c in p.claims) + "。" + (p.facts_text or "")[:400]
    return Query(text=text[:600], claims=[(c.type, c.text) for c in p.claims], facts=p.facts, region=p.region,
                 date=p.award_date)
