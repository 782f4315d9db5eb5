"""仲裁时效 applied to a case: whether the respondent raised the defence (only then does the tribunal apply it),
and what the case holds for the start of the period — the day the worker knew of the infringement and whether
the employment is still going on — so `limitation()` gets what the file says and 「待查明」 where it says nothing.
Cue words are data (corpus/law/timebar.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from arbitration.config import CORPUS_DIR
from arbitration.errors import ArbitrationError
from arbitration.law.calculators._common import add_years
from arbitration.model import Case, Claim, PartyRole, Side

TIMEBAR_FILE = CORPUS_DIR / "law" / "timebar.toml"
PENDING = "「待查明」"


@dataclass(frozen=True)
class Cues:
    """Phrases that say a thing, and what just before one takes it back (「未超过仲裁时效」)."""

    patterns: tuple[re.Pattern[str], ...]
    negation: re.Pattern[str]

    def find(self, text: str | None) -> str | None:
        """The first phrase in `text` that is not negated, or None."""
        for p in self.patterns:
            for m in p.finditer(text or ""):
                if not self.negation.search(text[max(0, m.start() - 6) : m.start()]):
                    return m.group()
        return None


@lru_cache(maxsize=64)
def _cues(employer: tuple[str, ...] = ()) -> dict[str, Cues]:
    """The cues of timebar.toml; {employer} in a cue stands for the employer's names in this case (none: no match)."""
    names = "|".join(re.escape(n) for n in employer if n) or "(?!)"
    try:
        data = tomllib.loads(TIMEBAR_FILE.read_text(encoding="utf-8"))
        return {k: Cues(tuple(re.compile(c.replace("{employer}", names)) for c in v["cues"]), re.compile(v["negations"]))
                for k, v in data.items()}
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as e:
        raise ArbitrationError(f"仲裁时效用语文件无法读取：{TIMEBAR_FILE}：{e}") from e


def _said_by(case: Case, record: list[Any] | None, by: Side) -> list[tuple[str, str]]:
    """(where, text) of what side `by` said: its statement (the defence, or the complaint of an employer suing
    against an award), and its turns in the hearing record."""
    if by == Side.APPLICANT:
        out = [("起诉（申请）意见", case.applicant_statement or "")]
    else:
        out = [("答辩意见", case.respondent_statement or "")]
    for s in record or []:
        role = str(getattr(s, "role", "") or "").lower()
        respondent = "被申请" in role or "respondent" in role or "被告" in role
        applicant = not respondent and ("申请人" in role or "applicant" in role or "原告" in role)
        if (by == Side.RESPONDENT and respondent) or (by == Side.APPLICANT and applicant):
            out.append(("庭审笔录", str(getattr(s, "text", "") or "")))
    return out


def defence_raised(case: Case, record: list[Any] | None = None, by: Side = Side.RESPONDENT) -> str | None:
    """Where and how the employer raised the time bar (「答辩意见：已超过仲裁时效」), or None when it did not; `by` is
    the employer's side — the respondent, or the applicant when an employer sues against an award."""
    cues = _cues()["defence"]
    for where, text in _said_by(case, record, by):
        found = cues.find(text)
        if found:
            return f"{where}：「{found}」"
    return None


def employment_ongoing(case: Case) -> bool | None:
    """True when the applicant says the employment goes on and the file holds no end of it; False when it holds
    a leave date or a termination (even a disputed one); None — 待查明 — when it holds neither."""
    f = case.facts
    if f.leave_date.values or f.termination.values:
        return False
    said = " ".join(x for x in (case.applicant_statement, *(c.text for c in case.claims)) if x)
    employer = tuple(sorted({n for p in case.parties_by_role(PartyRole.RESPONDENT) for n in (p.name, *p.aliases) if n},
                            key=len, reverse=True))  # 「至今仍在某某公司工作」
    return True if _cues(employer)["ongoing"].find(said) else None


def claim_year(claim: Claim) -> int | None:
    """The year a claim is for (未休年休假 「2023年度」): its period's year, else a 「…年度」 in its wording."""
    years = claim_years(claim)
    return years[0] if len(years) == 1 else None


def claim_years(claim: Claim) -> list[int]:
    """Every year a claim is for: its period's years, else the 「…年度」 it names (「2016年度至2018年度」 → 2016,
    2017, 2018); a claim for several years is barred or due year by year."""
    if claim.period_start:
        end = claim.period_end or claim.period_start
        return list(range(claim.period_start.year, end.year + 1))
    named = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年度", claim.text)]
    if len(named) == 2 and re.search(r"年度\s*(?:至|到|—|-|～|~)\s*(?:19|20)\d{2}\s*年度", claim.text):
        return list(range(min(named), max(named) + 1))
    return sorted(set(named))


def double_wage_last_day(hire: date | None, signed: date | None = None, end: date | None = None,
                         claimed_to: date | None = None) -> date | None:
    """The last day of the unsigned period the claim covers: the end of the period claimed, the day before the
    contract was signed, the end of the employment or the day before the first anniversary — the earliest known."""
    days = [d for d in (claimed_to, signed and signed - timedelta(days=1), end) if d is not None]
    if hire is not None:  # employed before 2008: the year runs from the law's first day (第九十七条第二款)
        days.append(add_years(max(hire, date(2008, 1, 1)), 1) - timedelta(days=1))
    return min(days) if days else None


def known_date(case: Case, claim: Claim, year: int | None = None) -> tuple[date | None, str]:
    """The day the worker knew or should have known the right was infringed, where the law puts it for this
    claim type and the case holds the dates, with why; (None, reason) when it is the end of the employment."""
    leave = case.facts.leave_date.value
    if claim.type == "double_wage":
        contract = case.facts.written_contract.value
        signed = contract.signed_date if contract and contract.signed else None
        if signed and contract.term_end and not contract.open_ended and leave and contract.term_end < leave \
                and claim.period_end is None:  # an unsigned stretch after the contract ran out may be claimed too
            return None, f"书面劳动合同期满后是否续订及二倍工资所主张期间的末日{PENDING}"
        last = double_wage_last_day(case.facts.hire_date.value, signed, leave, claim.period_end)
        if last is None:
            return None, f"二倍工资的截止日（所主张期间的末日）{PENDING}"
        return last, "二倍工资自所主张的未订立书面劳动合同期间的末日起算"
    if claim.type == "annual_leave":
        if year is None:
            return None, f"未休年休假所属年度{PENDING}"
        # the leave may be arranged until the end of the next year (年休假条例第五条第二款); an end of the
        # employment before that ends the chance to take it
        end = date(year + 1, 12, 31)
        if leave is not None and leave < end:
            return leave, f"{year}年度的年休假因劳动关系于{leave.year}年{leave.month}月{leave.day}日终止而无法安排，自终止之日起算"
        return end, f"{year}年度的年休假可跨一个年度安排，自{year + 1}年12月31日起算"
    return None, ""


def limitation_inputs(case: Case, claim: Claim, year: int | None = None) -> tuple[dict[str, Any], list[str]]:
    """Keyword arguments of `limitation()` for this claim from what the case holds, and notes on what it lacks."""
    leave = case.facts.leave_date.value
    ongoing = employment_ongoing(case)
    notes: list[str] = []
    known, why = known_date(case, claim, year or claim_year(claim))
    if why:
        notes.append(why)
    if leave is None and ongoing is None:
        notes.append(f"劳动关系是否存续及终止日期{PENDING}")
    elif leave is None and not ongoing:
        notes.append(f"劳动关系终止日期{PENDING}")
    kwargs: dict[str, Any] = {"leave_date": leave, "employment_ongoing": bool(ongoing) and leave is None,
                              "known_date": known}
    return kwargs, notes
