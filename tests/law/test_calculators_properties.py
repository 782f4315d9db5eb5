"""Hypothesis properties of the calculators: never negative, monotonic in wage and tenure, caps respected."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from arbitration.law import calculators as calc
from arbitration.law import statutes

D = Decimal
FAST = settings(max_examples=60, deadline=None)

wages = st.decimals(min_value=D("0"), max_value=D("200000"), places=2, allow_nan=False, allow_infinity=False)
positive_wages = st.decimals(min_value=D("1"), max_value=D("200000"), places=2, allow_nan=False, allow_infinity=False)
averages = st.decimals(min_value=D("1000"), max_value=D("30000"), places=2, allow_nan=False, allow_infinity=False)
hires = st.dates(min_value=date(2008, 1, 1), max_value=date(2024, 12, 31))
days = st.integers(min_value=0, max_value=40 * 366)
hours = st.decimals(min_value=D("0"), max_value=D("400"), places=1, allow_nan=False, allow_infinity=False)


def _resolves(r) -> None:
    for c in r.articles:
        statutes().resolve(c)


@FAST
@given(hire=hires, length=days, wage=wages, avg=averages)
def test_severance_cap_and_sign(hire, length, wage, avg):
    leave = hire + timedelta(days=length)
    r = calc.severance(hire, leave, wage, average_wage=avg)
    assert r.amount >= 0
    # the cap: never more than 12 × 3 × average when the wage is over 3 × average
    if wage > 3 * avg:
        assert r.amount <= 12 * 3 * avg
    u = calc.unlawful_termination(hire, leave, wage, average_wage=avg)
    assert abs(u.amount - 2 * r.amount) <= D("0.01")  # 第八十七条: twice the standard (each rounded once)
    if wage > 3 * avg:
        assert u.amount <= 2 * 12 * 3 * avg
    _resolves(r)
    _resolves(u)


@FAST
@given(hire=hires, length=days, extra=st.integers(min_value=0, max_value=800), w1=wages, w2=wages, avg=averages)
def test_severance_monotonic(hire, length, extra, w1, w2, avg):
    """More wage or longer service never pays less — except the statute's own cliff: crossing 3 × average with
    more than 12 years of service drops to 12 × 3 × average (第四十七条第二款), which can be less."""
    leave = hire + timedelta(days=length)
    lo, hi = sorted((w1, w2))
    low, high = (calc.severance(hire, leave, w, average_wage=avg) for w in (lo, hi))
    same_side = (lo > 3 * avg) == (hi > 3 * avg)
    if same_side or length < 12 * 365:  # under 12 years the cap only lowers the base
        assert low.amount <= high.amount
    else:
        assert high.amount == (3 * avg * 12).quantize(D("0.01"))
    later = leave + timedelta(days=extra)
    assert calc.severance(hire, leave, hi, average_wage=avg).amount <= calc.severance(hire, later, hi, average_wage=avg).amount


@FAST
@given(hire=st.dates(min_value=date(2000, 1, 1), max_value=date(2007, 12, 31)), length=days, wage=wages, avg=averages)
def test_severance_pre2008_never_negative(hire, length, wage, avg):
    leave = max(hire + timedelta(days=length), date(2008, 1, 1))
    r = calc.severance(hire, leave, wage, average_wage=avg)
    none = calc.severance(hire, leave, wage, average_wage=avg, pre2008="none")
    assert 0 <= none.amount <= r.amount


@FAST
@given(hire=hires, length=st.integers(min_value=0, max_value=900), extra=st.integers(min_value=0, max_value=400),
       wage=wages)
def test_double_wage_bounds_and_monotonic(hire, length, extra, wage):
    end = hire + timedelta(days=length)
    r = calc.double_wage(hire, wage, end=end)
    assert 0 <= r.amount <= 11 * wage
    later = calc.double_wage(hire, wage, end=end + timedelta(days=extra))
    assert later.amount >= r.amount
    _resolves(r)


@FAST
@given(hire=hires, wage=wages, gap=st.integers(min_value=0, max_value=800))
def test_double_wage_limitation_only_removes(hire, wage, gap):
    end = hire + timedelta(days=500)
    full = calc.double_wage(hire, wage, end=end)
    applied = end + timedelta(days=gap)
    assert calc.double_wage(hire, wage, end=end, applied=applied).amount == full.amount  # no defence raised
    whole = calc.double_wage(hire, wage, end=end, applied=applied, time_bar_raised=True)
    per_month = calc.double_wage(hire, wage, end=end, applied=applied, limitation_practice="per_month",
                                 time_bar_raised=True)
    assert whole.amount in (full.amount, 0)
    assert 0 <= per_month.amount <= full.amount
    # every month ends on or before the last double-wage day, so per-month counting bars at least what the
    # whole-claim counting bars: when the whole claim is in time some months may still be out
    assert per_month.amount <= whole.amount


@FAST
@given(w1=positive_wages, w2=positive_wages, a=hours, b=hours, c=hours, more=hours)
def test_overtime_monotonic(w1, w2, a, b, c, more):
    lo, hi = sorted((w1, w2))
    assert calc.overtime(lo, weekday_hours=a, rest_day_hours=b, holiday_hours=c).amount <= \
        calc.overtime(hi, weekday_hours=a, rest_day_hours=b, holiday_hours=c).amount
    base = calc.overtime(hi, weekday_hours=a, rest_day_hours=b, holiday_hours=c)
    assert base.amount <= calc.overtime(hi, weekday_hours=a + more, rest_day_hours=b, holiday_hours=c).amount
    assert base.amount >= 0


@FAST
@given(wage=positive_wages, year=st.integers(min_value=2009, max_value=2030),
       start=st.dates(min_value=date(1980, 1, 1), max_value=date(2030, 12, 31)),
       hire_day=st.integers(min_value=0, max_value=365), stay=st.integers(min_value=0, max_value=800),
       taken=st.integers(min_value=0, max_value=20))
def test_annual_leave_bounds(wage, year, start, hire_day, stay, taken):
    hire = max(start, date(year, 1, 1) + timedelta(days=hire_day) - timedelta(days=200))
    leave = hire + timedelta(days=stay)
    r = calc.annual_leave(wage, year, work_start=start, hire=hire, leave=leave, taken_days=taken)
    assert 0 <= r.amount <= (wage / D("21.75") * 15 * 2).quantize(D("0.01"))
    days = D(r.inputs.get("days", "0"))
    assert days == days.to_integral_value()  # whole days only
    richer = calc.annual_leave(wage * 2, year, work_start=start, hire=hire, leave=leave, taken_days=taken)
    assert richer.amount >= r.amount


@FAST
@given(grade=st.integers(min_value=1, max_value=10), wage=wages, avg=averages)
def test_injury_disability_bounds(grade, wage, avg):
    r = calc.injury_disability(grade, wage, average_wage=avg)
    months = calc.injury.DISABILITY_MONTHS[grade]
    assert (D("0.6") * avg * months).quantize(D("0.01")) <= r.amount <= (3 * avg * months).quantize(D("0.01"))
    if grade < 10:  # a lower grade number (more severe) never pays less
        assert calc.injury_disability(grade, wage, average_wage=avg).amount >= \
            calc.injury_disability(grade + 1, wage, average_wage=avg).amount


@FAST
@given(wage=wages, start=hires, length=st.integers(min_value=0, max_value=1000))
def test_injury_leave_wage_cap(wage, start, length):
    r = calc.injury_leave_wage(wage, start, start + timedelta(days=length))
    assert 0 <= r.amount <= 12 * wage
    e = calc.injury_leave_wage(wage, start, start + timedelta(days=length), extended=True)
    assert r.amount <= e.amount <= 24 * wage


@FAST
@given(cost=wages, length=st.integers(min_value=30, max_value=2000), served=st.integers(min_value=0, max_value=2100))
def test_penalty_never_exceeds_cost(cost, length, served):
    s = date(2020, 1, 1)
    r = calc.penalty(cost, s, s + timedelta(days=length), s + timedelta(days=served))
    assert 0 <= r.amount <= cost


@FAST
@given(wage=positive_wages, year=st.integers(min_value=2009, max_value=2030), a=st.integers(min_value=0, max_value=40),
       b=st.integers(min_value=0, max_value=40), hire_day=st.integers(min_value=0, max_value=364))
def test_annual_leave_monotonic_in_service(wage, year, a, b, hire_day):
    lo, hi = sorted((a, b))
    hire = date(year, 1, 1) + timedelta(days=hire_day)
    short = calc.annual_leave(wage, year, cumulative_years=lo, hire=hire)
    long = calc.annual_leave(wage, year, cumulative_years=hi, hire=hire)
    assert 0 <= short.amount <= long.amount


@FAST
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(min_value=0, max_value=600))
def test_month_end_and_adding_months(d, months):
    """month_end is the last day of the month; add_months keeps the day, or the month's last where it has none."""
    from arbitration.law.calculators._common import add_months, month_end

    last = month_end(d)
    assert (last.year, last.month) == (d.year, d.month) and (last + timedelta(days=1)).day == 1
    later = add_months(d, months)
    assert later.year * 12 + later.month == d.year * 12 + d.month + months
    assert later.day == min(d.day, month_end(later).day)
