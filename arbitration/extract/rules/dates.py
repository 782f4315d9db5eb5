"""Dates in the forms Chinese case files use, with their precision.

2021年3月1日, 2021.3.1, 2021-03-01, 2021/3/1, 二〇二一年三月一日 → day precision; 2021年3月, 2021.3 → month;
2021年 → year; 至今 → an open end. Ranges 自…起至…止 / …至… / …-… become `DateRange`. Month-only dates keep
the first of the month as their value and say so in `precision`, so a calculator knows not to trust the day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .numerals import cn_int, normalise_digits


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"  # value is the 1st of the month
    YEAR = "year"  # value is 1 January
    OPEN = "open"  # 至今 / 现在: no value, the period is still running


@dataclass(frozen=True)
class ParsedDate:
    """A date as read from text: the value (None when open) and how precise the text was."""

    value: date | None
    precision: Precision

    @property
    def open(self) -> bool:
        return self.precision is Precision.OPEN


@dataclass(frozen=True)
class DateMention:
    """A date found in a text, with its character span."""

    start: int
    end: int
    text: str
    date: ParsedDate
    inferred_year: bool = False  # 同年5月 / bare 5月1日: year taken from the previous date


@dataclass(frozen=True)
class DateRange:
    """A period such as 自2021年3月1日起至2022年2月28日止 or 2021年3月至今."""

    start: int
    end: int
    text: str
    begin: ParsedDate
    until: ParsedDate

    @property
    def first_day(self) -> date | None:
        return self.begin.value

    @property
    def last_day(self) -> date | None:
        """The period's last day: 2022年2月 as an end means 28 February; 2022年 means 31 December; 至今 None."""
        from arbitration.law.calculators._common import month_end

        v = self.until.value
        if v is None:
            return None
        if self.until.precision is Precision.MONTH:
            return month_end(v)
        if self.until.precision is Precision.YEAR:
            return v.replace(month=12, day=31)
        return v


_CN_DIGIT = "〇零○Ｏ一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
_SP = r"\s*"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_CN_YEAR = rf"(?P<cy>[{_CN_DIGIT}]{{4}})"

# one alternation, longest forms first; named groups say which form matched
DATE_PATTERN = re.compile(
    "|".join(
        [
            rf"(?<!\d){_YEAR}{_SP}年{_SP}(?P<m>\d{{1,2}}){_SP}月(?:{_SP}(?P<d>\d{{1,2}}){_SP}[日号])?",
            r"(?<!\d)(?P<y2>(?:19|20)\d{2})(?P<sep>[.\-/．])(?P<m2>\d{1,2})(?:(?P=sep)(?P<d2>\d{1,2})(?![\d.]))?(?![\d.%万元])",
            rf"{_CN_YEAR}年(?P<cm>[{_CN_SMALL}]{{1,2}})月(?:(?P<cd>[{_CN_SMALL}]{{1,3}})[日号])?",
            rf"(?<!\d){_YEAR.replace('y', 'y3')}{_SP}年(?!{_SP}\d|度?{_SP}[{_CN_SMALL}]+{_SP}月|底|初)",
            rf"(?P<same>同年|当年|次年){_SP}(?P<m4>\d{{1,2}}|[{_CN_SMALL}]{{1,2}}){_SP}月(?:{_SP}(?P<d4>\d{{1,2}}|[{_CN_SMALL}]{{1,3}}){_SP}[日号])?",
            rf"(?<![\d年.\-/个每])(?P<m5>\d{{1,2}}){_SP}月{_SP}(?P<d5>\d{{1,2}}){_SP}[日号]",
            rf"(?P<samem>同月|当月|本月|次月|下月){_SP}(?P<d6>\d{{1,2}}|[{_CN_SMALL}]{{1,3}}){_SP}[日号]",
            r"(?P<open>(?<=至)今|现在)(?![天年日后])",
        ]
    )
)

_OPEN = ParsedDate(None, Precision.OPEN)


def _make(year: int, month: int | None, day: int | None) -> ParsedDate | None:
    try:
        if day is not None and month is not None:
            return ParsedDate(date(year, month, day), Precision.DAY)
        if month is not None:
            return ParsedDate(date(year, month, 1), Precision.MONTH)
        return ParsedDate(date(year, 1, 1), Precision.YEAR)
    except ValueError:
        return None  # 2021年2月30日: not a date


def _num(s: str | None) -> int | None:
    return None if s is None else cn_int(s)


def _from_match(m: re.Match[str], last_year: int | None, last: date | None = None) -> tuple[ParsedDate | None, bool]:
    g = m.groupdict()
    if g.get("samem"):  # 「于同月31日」: the month of the date before
        if last is None:
            return None, True
        year, month = last.year, last.month
        if g["samem"] in ("次月", "下月"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return _make(year, month, _num(g["d6"])), True
    if g["y"]:
        return _make(int(g["y"]), int(g["m"]), _num(g["d"])), False
    if g["y2"]:
        return _make(int(g["y2"]), int(g["m2"]), _num(g["d2"])), False
    if g["cy"]:
        return _make(cn_int(g["cy"]), cn_int(g["cm"]), _num(g["cd"])), False
    if g["y3"]:
        return _make(int(g["y3"]), None, None), False
    if g["same"]:
        if last_year is None:
            return None, True
        year = last_year + (1 if g["same"] == "次年" else 0)
        return _make(year, _num(g["m4"]), _num(g["d4"])), True
    if g["m5"]:
        if last_year is None:
            return None, True
        return _make(last_year, int(g["m5"]), int(g["d5"])), True
    return _OPEN, False


def find_dates(text: str, *, open_ends: bool = False) -> list[DateMention]:
    """Every date in `text` in order. Bare 5月1日 and 同年5月 take the year of the date before them.

    `open_ends` also returns 至今/现在 as open dates (only meaningful inside a range).
    """
    norm = normalise_digits(text)
    found: list[DateMention] = []
    last_year: int | None = None
    last: date | None = None
    for m in DATE_PATTERN.finditer(norm):
        if m.group("open") and not open_ends:
            continue
        parsed, inferred = _from_match(m, last_year, last)
        if parsed is None:
            continue
        if parsed.value is not None:
            last_year = parsed.value.year
            if parsed.precision in (Precision.DAY, Precision.MONTH):
                last = parsed.value
        found.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], parsed, inferred))
    return found


def parse_date(text: str) -> ParsedDate | None:
    """Parse one date written alone: `parse_date("二〇二一年三月一日").value == date(2021, 3, 1)`.

    Returns None when `text` is not exactly one date (surrounding spaces and 起/止 are allowed).
    """
    s = text.strip().removeprefix("自").removeprefix("从").removesuffix("起").removesuffix("止").strip()
    if s in ("至今", "今", "现在"):
        return _OPEN
    norm = normalise_digits(s)
    m = DATE_PATTERN.fullmatch(norm)
    if m is None:
        return None
    parsed, inferred = _from_match(m, None)
    return None if inferred else parsed


_RANGE_SEP = re.compile(r"^\s*(?:起|开始)?\s*(?:至|到|—{1,2}|－|-|~|～|–)\s*$")
_MONTH_ONLY = re.compile(r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?")


def find_ranges(text: str) -> list[DateRange]:
    """Periods: a date, a separator (至/到/-/~), then a date, a bare month (…至12月) or 至今."""
    dates = find_dates(text, open_ends=True)
    ranges: list[DateRange] = []
    for i, first in enumerate(dates):
        if first.date.open:
            continue
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        gap_end = nxt.start if nxt else len(text)
        gap = text[first.end : gap_end]
        until: ParsedDate | None = None
        end = first.end
        if nxt and _RANGE_SEP.match(gap) and not nxt.inferred_year:
            until, end = nxt.date, nxt.end
        else:
            # 2020年6月至12月: the end has no year; it takes the start's year
            sep = re.match(r"\s*(?:起|开始)?\s*(?:至|到|—{1,2}|-|~|～)\s*", normalise_digits(gap))
            if sep and first.date.value is not None:
                bare = _MONTH_ONLY.match(normalise_digits(text), first.end + sep.end())
                if bare:
                    until = _make(first.date.value.year, cn_int(bare.group("m")), _num(bare.group("d")))
                    end = bare.end()
            if until is None and nxt and nxt.inferred_year and _RANGE_SEP.match(gap):
                until, end = nxt.date, nxt.end
        if until is None:
            continue
        start = first.start
        if start > 0 and text[start - 1] in "自从":
            start -= 1
        tail = re.match(r"\s*(?:止|期间|为止)", text[end:])
        if tail:
            end += tail.end()
        ranges.append(DateRange(start, end, text[start:end], first.date, until))
    return ranges
