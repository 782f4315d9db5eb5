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
    if x is None or x == "":
        raise CalculationError("缺少金额（如月工资）：请填写数额")
    if isinstance(x, bool):
        raise CalculationError(f"金额不是数字：{x!r}")
    try:
        d = x if isinstance(x, Decimal) else Decimal(str(x).strip().replace(",", "").removesuffix("元"))
    except ArithmeticError as e:
        raise CalculationError(f"金额不是数字：{x!r}") from e
    if not d.is_finite():
        raise CalculationError(f"金额不是有限数：{x!r}")
    return d


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


def month_end(d: date) -> date:
    """The last day of `d`'s month (2024-02-10 → 2024-02-29)."""
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, months: int) -> date:
    """Same day `months` later, clamped to the month's end (1-31 + 1 month → 2-28/29)."""
    y, m = divmod(d.month - 1 + months, 12)
    last = month_end(date(d.year + y, m + 1, 1))
    return last.replace(day=min(d.day, last.day))


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


def less_paid(due: Decimal, already: Decimal | None, steps: list[str], rest: str = "余") -> Decimal:
    """What is still owed after `already` was paid, never below zero; the steps say so."""
    if not already:
        return due
    amount = due - already
    steps.append(f"减去已支付{yuan(already)}元，{rest}{yuan(amount)}元")
    if amount < 0:
        steps.append("已支付数额不低于应付数额，不再支付")
        amount = Decimal(0)
    return amount


def result(name: str, amount: Decimal, formula: str, steps: list[str], articles: list[Citation],
           inputs: dict[str, object], notes: list[str] | None = None) -> CalcResult:
    """The CalcResult, rounded once at the end (a step says so when rounding changed the figure)."""
    if amount < 0:
        raise CalculationError(f"{name}：计算结果为负数 {amount}")
    steps = list(steps)
    if fen(amount) != amount:
        steps.append(f"{amount:.6f}元四舍五入保留到分为{yuan(amount)}元（{UNROUNDED}）")
    return CalcResult(
        name=name,
        amount=fen(amount),
        formula=formula,
        steps=steps,
        articles=articles,
        inputs={k: str(v) for k, v in inputs.items() if v is not None},
        notes=notes or [],
    )


def day_before(d: date) -> date:
    return d - timedelta(days=1)


def month_segments(anchor: date, start_index: int, stop: date, limit: int | None = None) -> list[tuple[date, date, Decimal]]:
    """Months counted from `anchor` (the i-th runs from anchor+i months to the day before anchor+i+1 months),
    from the `start_index`-th up to `stop` inclusive, at most `limit` of them. A last, partial month counts as
    days worked ÷ calendar days of that month (not rounded). Returns (first day, last day, fraction)."""
    out: list[tuple[date, date, Decimal]] = []
    i = start_index
    while limit is None or len(out) < limit:
        first = add_months(anchor, i)
        if first > stop:
            break
        last = day_before(add_months(anchor, i + 1))
        if last <= stop:
            out.append((first, last, Decimal(1)))
        else:
            out.append((first, stop, Decimal((stop - first).days + 1) / Decimal((last - first).days + 1)))
        i += 1
    return out


def month_count(segments: list[tuple[date, date, Decimal]]) -> Decimal:
    return sum((f for _, _, f in segments), Decimal(0))


def describe_months(segments: list[tuple[date, date, Decimal]]) -> str:
    """「11个月」 or 「3个月又10天（10/30个月）」 for steps."""
    full = sum(1 for *_, f in segments if f == 1)
    part = [(a, b) for a, b, f in segments if f != 1]
    text = f"{full}个月"
    if part:
        a, b = part[0]
        days = (b - a).days + 1
        whole = (day_before(add_months(a, 1)) - a).days + 1
        text += f"又{days}天（按{days}/{whole}个月计）"
    return text


def whole(value: Decimal | int | str, name: str) -> Decimal:
    """A non-negative number given by the user (hours, days, months)."""
    try:
        v = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError as e:
        raise CalculationError(f"{name}不是数字：{value!r}") from e
    if not v.is_finite():
        raise CalculationError(f"{name}不是有限数：{value!r}")
    if v < 0:
        raise CalculationError(f"{name}不能为负数：{v}")
    return v


UNROUNDED = "中间结果不作舍入，仅最终金额按四舍五入保留到分"


def months_expr(segments: list[tuple[date, date, Decimal]]) -> str:
    """The month count as written in a step: 「11」, 「(2+16/30)」 — exact, no rounded decimal."""
    full = sum(1 for *_, f in segments if f == 1)
    part = [(a, b) for a, b, f in segments if f != 1]
    if not part:
        return str(full)
    a, b = part[0]
    frac = f"{(b - a).days + 1}/{(day_before(add_months(a, 1)) - a).days + 1}"
    return f"({full}+{frac})" if full else frac
