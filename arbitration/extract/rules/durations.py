"""Durations: 3个月, 两年, 1年6个月, 半年, 15天 → a `Duration` in years, months and days."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates
from .numerals import cn_number, normalise_digits

_N = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)"
DURATION_PATTERN = re.compile(
    rf"(?<![\d年.])(?:(?P<y>{_N}|半)\s*(?:个)?\s*年(?:\s*(?P<half>半))?)?"
    rf"(?:\s*(?:零)?(?P<m>{_N}|半)\s*个\s*(?:月|多月)(?:\s*(?P<mhalf>半))?)?"
    rf"(?:\s*(?P<d>{_N})\s*(?:天|日)(?!期|起|止|至))?"
)


@dataclass(frozen=True)
class Duration:
    """A length of time as written; `months` counts years × 12 plus months (days kept apart)."""

    years: float = 0
    months: float = 0
    days: int = 0

    @property
    def total_months(self) -> float:
        return self.years * 12 + self.months + self.days / 30


@dataclass(frozen=True)
class DurationMention:
    start: int
    end: int
    text: str
    duration: Duration


def _val(s: str | None) -> float:
    if not s:
        return 0.0
    return 0.5 if s == "半" else float(cn_number(s))


def find_durations(text: str) -> list[DurationMention]:
    """Every duration in `text`. Year counts must be followed by a month part or stand alone (not 2021年)."""
    norm = normalise_digits(text)
    date_spans = [(d.start, d.end) for d in find_dates(text)]
    found = []
    for m in DURATION_PATTERN.finditer(norm):
        if not m.group() or any(s < m.end() and m.start() < e for s, e in date_spans):
            continue
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        if not (y or mo or d):
            continue
        if y and re.fullmatch(r"(?:19|20)\d{2}", y):
            continue  # a calendar year, not a duration
        if y and not mo and not d and norm[m.end() : m.end() + 1].isdigit():
            continue
        try:
            years = _val(y) + (0.5 if m.group("half") else 0)
            months = _val(mo) + (0.5 if m.group("mhalf") else 0)
            days = int(_val(d))
        except ValueError:
            continue
        found.append(DurationMention(m.start(), m.end(), text[m.start() : m.end()], Duration(years, months, days)))
    return found


def parse_duration(text: str) -> Duration | None:
    """Parse one duration written alone: `parse_duration("1年6个月").total_months == 18`."""
    found = find_durations(text.strip())
    if len(found) == 1 and found[0].text == text.strip():
        return found[0].duration
    return None
