"""Shared pieces of the calculators: Decimal rounding to the fen, date spans, citations and CalcResult assembly."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from arbitration.errors import CalculationError
from arbitration.model import CalcResult, Citation

FEN = Decimal("0.01")
PAY_DAYS = Decimal("21.75")  # 月计薪天数 (工资折算通知 第二条)
HOURS_PER_DAY = Decimal(8)


def money(x: Decimal | int | str | float) -> Decimal:
    """A yuan amount as Decimal; floats go through str so 0.1 stays 0.1."""
    try:
        return x if isinstance(x, Decimal) else Decimal(str(x))
    except ArithmeticError as e:
        raise CalculationError(f"金额不是数字：{x!r}") from e


def fen(x: Decimal) -> Decimal:
    """Round to the fen, half up — the way awards state amounts."""
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def yuan(x: Decimal) -> str:
    """「8,000.00」-free plain form used in awards: 「8000.00」."""
    return f"{fen(x):.2f}"


def num(x: Decimal) -> str:
    """A factor without trailing zeros: 5.5 → 「5.5」, 6 → 「6」."""
    s = format(x.normalize(), "f")
    return s


def positive(name: str, x: Decimal) -> Decimal:
    if x < 0:
        raise CalculationError(f"{name}不能为负数：{x}")
    return x


def cite(law: str, article: int, clause: int | None = None, item: int | None = None) -> Citation:
    return Citation(law=law, article=article, clause=clause, item=item)


def add_months(d: date, months: int) -> date:
    """Same day `months` later, clamped to the month's end (1-31 + 1 month → 2-28/29)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


@dataclass(frozen=True)
class Span:
    """A period from `start` to `end` inclusive, as full months plus remaining days."""

    start: date
    end: date  # inclusive
    months: int
    days: int

    @property
    def years(self) -> int:
        return self.months // 12

    @property
    def rest_months(self) -> int:
        return self.months % 12

    def describe(self) -> str:
        parts = []
        if self.years:
            parts.append(f"{self.years}年")
        if self.rest_months:
            parts.append(f"{self.rest_months}个月")
        if self.days or not parts:
            parts.append(f"{self.days}天")
        return "".join(parts)


def span(start: date, end: date) -> Span:
    """Full months from `start` up to the day after `end`, and the days left over (both ends counted)."""
    if end < start:
        raise CalculationError(f"结束日期 {end} 早于开始日期 {start}")
    stop = end + timedelta(days=1)
    months = (stop.year - start.year) * 12 + stop.month - start.month
    while months > 0 and add_months(start, months) > stop:
        months -= 1
    days = (stop - add_months(start, months)).days
    return Span(start, end, months, days)


def result(name: str, amount: Decimal, formula: str, steps: list[str], articles: list[Citation],
           inputs: dict[str, object], notes: list[str] | None = None) -> CalcResult:
    if amount < 0:
        raise CalculationError(f"{name}：计算结果为负数 {amount}")
    return CalcResult(
        name=name,
        amount=fen(amount),
        formula=formula,
        steps=steps,
        articles=articles,
        inputs={k: str(v) for k, v in inputs.items() if v is not None},
        notes=notes or [],
    )
