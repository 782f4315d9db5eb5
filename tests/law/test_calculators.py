"""Worked examples for every calculator: each expected figure is computed by hand from the statute rule in the
test (the arithmetic is written out), boundaries included, plus input validation and citation resolution."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from arbitration.errors import CalculationError, MissingParameter
from arbitration.law import calculators as calc
from arbitration.law import statutes
from arbitration.model import CalcResult

D = Decimal

# A fixed set of regional figures (a fictional 「测试市」) so the amounts computed by hand below do not move when
# the shipped corpus/law/regions.toml is updated.
REGIONS_TOML = """
[[minimum_wage]]
city = "测试市"
monthly = 2000
effective = 2020-01-01
source = "测试数据（2020年1月1日起月最低工资2000元）"

[[minimum_wage]]
city = "测试市"
monthly = 2200
effective = 2023-07-01
source = "测试数据（2023年7月1日起月最低工资2200元）"

[[average_wage]]
city = "测试市"
year = 2022
monthly = 8000
source = "测试数据（2022年度职工月平均工资8000元）"

[[average_wage]]
city = "测试市"
year = 2023
monthly = 9000
source = "测试数据（2023年度职工月平均工资9000元）"
"""


@pytest.fixture
def fixed_city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Regions = shipped data + the 测试市 figures above; returns the city name."""
    from arbitration.law import regions

    extra = tmp_path / "regions.toml"
    extra.write_text(REGIONS_TOML, encoding="utf-8")
    loaded = regions.load_regions(extra)
    monkeypatch.setattr(regions, "regions", lambda: loaded)
    return "测试市"


def fen(x: Decimal) -> Decimal:
    """Hand rounding: half up to the fen."""
    return x.quantize(D("0.01"), rounding="ROUND_HALF_UP")


def resolves(r: CalcResult) -> CalcResult:
    """Every article a calculator returns resolves in the statute data; the amount is already to the fen."""
    assert r.articles, f"{r.name} returned no articles"
    for c in r.articles:
        statutes().resolve(c)
    assert r.amount == r.amount.quantize(D("0.01"))
    assert r.amount >= 0
    assert r.formula and r.steps
    return r


def cited(r: CalcResult, law: str, article: int) -> bool:
    return any(c.law == law and c.article == article for c in r.articles)


# ---------------------------------------------------------------- 经济补偿 / 赔偿金


class TestSeverance:
    def test_six_months_counts_as_a_year(self):
        # 2015-03-01..2023-08-31 = 8 years 6 months → 8 + 1 = 9 months; 10000 < 3×8000 → 10000 × 9 = 90000
        r = resolves(calc.severance(date(2015, 3, 1), date(2023, 8, 31), 10000, average_wage=8000))
        assert r.amount == D(10000) * 9
        assert cited(r, "劳动合同法", 47)

    def test_exactly_six_months(self):
        # 2023-01-01..2023-06-30 = exactly 6 months → one month's wage: 7000 × 1
        assert calc.severance(date(2023, 1, 1), date(2023, 6, 30), 7000, average_wage=8000).amount == D(7000)

    def test_five_months_29_days(self):
        # 2023-01-01..2023-06-29 = 5 months 29 days → half a month: 7000 × 0.5 = 3500
        assert calc.severance(date(2023, 1, 1), date(2023, 6, 29), 7000, average_wage=8000).amount == D(3500)

    def test_cap_crossed_and_twelve_years(self):
        # 30000 > 3 × 8000 = 24000 → base 24000; 2009-01-01..2023-12-31 = 15 years → at most 12: 24000 × 12 = 288000
        r = resolves(calc.severance(date(2009, 1, 1), date(2023, 12, 31), 30000, average_wage=8000))
        assert r.amount == D(24000) * 12
        assert any(c.article == 47 and c.clause == 2 for c in r.articles)

    def test_no_cap_no_twelve_year_limit(self):
        # 20000 ≤ 24000 → no cap; 15 years → 15 × 20000 = 300000 (the 12-year limit applies only with the cap)
        assert calc.severance(date(2009, 1, 1), date(2023, 12, 31), 20000, average_wage=8000).amount == D(300000)

    def test_cap_boundary_exactly_three_times(self):
        # wage == 3 × average is not "higher than" → actual wage: 24000 × 15
        assert calc.severance(date(2009, 1, 1), date(2023, 12, 31), 24000, average_wage=8000).amount == D(24000 * 15)

    def test_spanning_2008(self):
        # before: 2005-07-01..2007-12-31 = 2 years 6 months → old rule, part of a year counts as one: 3 months
        # after: 2008-01-01..2012-03-31 = 4 years 3 months → 4 + 0.5 = 4.5; total 7.5 × 6000 = 45000
        r = resolves(calc.severance(date(2005, 7, 1), date(2012, 3, 31), 6000, average_wage=5000))
        assert r.amount == D(6000) * D("7.5")
        assert cited(r, "劳动合同法", 97)
        # a ground that gave no compensation before 2008 (e.g. expiry): only 4.5 × 6000 = 27000
        none = calc.severance(date(2005, 7, 1), date(2012, 3, 31), 6000, average_wage=5000, pre2008="none")
        assert none.amount == D(27000)

    def test_pre2008_twelve_month_limit_of_the_old_rules(self):
        # 1990-03-01..2007-12-31 = 17 years 10 months → old rule 18 months, at most 12 for 协商解除/不能胜任;
        # 2008-01-01..2010-12-31 = 3 years → 3; (12 + 3) × 5000 = 75000; without the limit (18 + 3) × 5000 = 105000
        capped = calc.severance(date(1990, 3, 1), date(2010, 12, 31), 5000, average_wage=4000, pre2008="old_rule_12")
        assert capped.amount == D(75000)
        assert calc.severance(date(1990, 3, 1), date(2010, 12, 31), 5000, average_wage=4000).amount == D(105000)

    def test_cap_with_pre2008_part(self):
        # 30000 > 3 × 8000: before 2008 (2006-01-01..2007-12-31 = 2 years → 2 months) at the actual wage,
        # 2008-01-01..2023-12-31 = 16 years → 12 at 24000: 2 × 30000 + 12 × 24000 = 60000 + 288000 = 348000
        r = calc.severance(date(2006, 1, 1), date(2023, 12, 31), 30000, average_wage=8000)
        assert r.amount == D(348000)

    def test_wage_below_minimum(self, fixed_city):
        # 12-month average 1800 < 测试市 minimum 2200 (from 2023-07-01) → 2200; 2022-09-01..2023-08-31 = 1 year → 2200
        r = resolves(calc.severance(date(2022, 9, 1), date(2023, 8, 31), 1800, city=fixed_city))
        assert r.amount == D(2200)
        assert cited(r, "劳动合同法实施条例", 27)

    def test_regional_average_from_data(self, fixed_city):
        # leave 2023 → 2022 average 8000 → cap 24000; 26000 capped; 2020-01-01..2023-12-31 = 4 years → 96000
        r = calc.severance(date(2020, 1, 1), date(2023, 12, 31), 26000, city=fixed_city)
        assert r.amount == D(24000 * 4)

    def test_missing_average_names_city_and_year(self, fixed_city):
        # 9000 > 3 x the 2000 minimum wage, so only the (missing) 2019 average wage can settle the cap
        with pytest.raises(MissingParameter, match="测试市.*2019") as e:
            calc.severance(date(2015, 1, 1), date(2020, 6, 30), 9000, city=fixed_city)
        # what is 待查明 stays the figure; the review-sheet hint says what it must be compared with (9000 ÷ 3)
        assert e.value.what == "缺少测试市2019年度职工月平均工资"
        assert "不低于3000.00元的，不适用第四十七条第二款的三倍封顶" in e.value.hint

    def test_unlawful_termination_double(self):
        # 2 × (2015-03-01..2023-08-31 → 9 months × 10000) = 180000
        r = resolves(calc.unlawful_termination(date(2015, 3, 1), date(2023, 8, 31), 10000, average_wage=8000))
        assert r.amount == D(180000)
        assert cited(r, "劳动合同法", 87)

    def test_unlawful_termination_capped(self):
        # 30000 > 24000; 13 years → 12; 2 × 24000 × 12 = 576000
        r = calc.unlawful_termination(date(2010, 1, 1), date(2022, 12, 31), 30000, average_wage=8000)
        assert r.amount == D(576000)


# ---------------------------------------------------------------- 二倍工资差额


class TestDoubleWage:
    def test_eleven_month_limit(self):
        # hire 2023-03-01, never signed, left 2024-06-30: from 2023-04-01 to the day before the anniversary
        # (2024-02-29, a leap year) = 11 months; 7000 × 11 = 77000
        r = resolves(calc.double_wage(date(2023, 3, 1), 7000, end=date(2024, 6, 30)))
        assert r.amount == D(77000)
        assert cited(r, "劳动合同法", 14)  # deemed open-ended contract after a year

    def test_employed_before_2008_counts_from_the_laws_first_day(self):
        # 劳动合同法第九十七条第二款: hire 2005-03-01 without a contract, left 2012-06-30: a contract was due by
        # 2008-01-31, so the double wage runs 2008-02-01..2008-12-31 = 11 months; 3000 × 11 = 33000
        r = resolves(calc.double_wage(date(2005, 3, 1), 3000, end=date(2012, 6, 30)))
        assert r.amount == D(33000)
        assert cited(r, "劳动合同法", 97) and "第九十七条第二款" in r.steps[0]
        # ended before the month of grace ran out: nothing
        assert calc.double_wage(date(2005, 3, 1), 3000, end=date(2008, 1, 20)).amount == 0

    def test_signed_within_first_month(self):
        # signed on 2023-04-01 = the day after the first full month: the double wage would start 04-01 → none
        assert calc.double_wage(date(2023, 3, 1), 7000, signed=date(2023, 4, 1)).amount == 0
        # signed 2023-04-02 → 2023-04-01 only: 1 day of a 30-day month: 7000 × 1/30 = 233.33
        assert calc.double_wage(date(2023, 3, 1), 7000, signed=date(2023, 4, 2)).amount == fen(D(7000) / 30)

    def test_partial_month(self):
        # hire 2023-03-01, signed 2023-07-16: 04-01..07-15 = 3 months + 15 of July's 31 days
        # 6200 × 3 + 6200 × 15/31 = 18600 + 3000 = 21600
        r = calc.double_wage(date(2023, 3, 1), 6200, signed=date(2023, 7, 16))
        assert r.amount == D(21600)
        assert "15/31" in r.steps[-1]

    def test_whole_limitation_last_day_and_one_day_after(self):
        # hire 2022-03-01, left 2023-02-28 (the day before the anniversary) → 11 months × 5000 = 55000; the year runs
        # from 2023-03-01 to 2024-02-28 (a Wednesday, no weekend roll-over)
        # (the respondent raised the time bar: only then is it applied)
        on_time = calc.double_wage(date(2022, 3, 1), 5000, end=date(2023, 2, 28), applied=date(2024, 2, 28),
                                   time_bar_raised=True)
        assert on_time.amount == D(55000)
        late = resolves(calc.double_wage(date(2022, 3, 1), 5000, end=date(2023, 2, 28), applied=date(2024, 2, 29),
                                         time_bar_raised=True))
        assert late.amount == 0
        assert cited(late, "劳动争议调解仲裁法", 27)
        # a demand for payment on 2023-10-10 restarts the year (第二款): in time until 2024-10-10
        again = calc.double_wage(date(2022, 3, 1), 5000, end=date(2023, 2, 28), applied=date(2024, 2, 29),
                                 interruptions=[date(2023, 10, 10)], time_bar_raised=True)
        assert again.amount == D(55000)

    def test_time_bar_not_raised_is_not_applied(self):
        """Issue 15 item 1 (调解仲裁法第二十七条第一款 is a defence): hire 2022-03-01, left 2023-02-28, applied
        2024-02-29 — one day after the year ended — and the respondent said nothing of the time bar: the tribunal
        does not apply it of its own motion, so 11 months × 5000 = 55000 (the old code silently gave 0); the notes
        say what the defence would take out."""
        r = resolves(calc.double_wage(date(2022, 3, 1), 5000, end=date(2023, 2, 28), applied=date(2024, 2, 29)))
        assert r.amount == D(55000)
        assert not any("不予计算" in s for s in r.steps)
        assert any("未提出仲裁时效抗辩" in n and "余0.00元" in n for n in r.notes)
        per_month = calc.double_wage(date(2022, 1, 1), 5000, end=date(2022, 12, 31), applied=date(2023, 6, 15),
                                     limitation_practice="per_month")
        assert per_month.amount == D(55000)
        assert any("余35000.00元" in n for n in per_month.notes)

    def test_per_month_limitation(self):
        # applied 2023-06-15, per-month practice: months ending 2022-02-28, 03-31, 04-30, 05-31 expired
        # (their years ended before 2023-06-15); June..December 2022 = 7 months remain: 5000 × 7 = 35000
        r = calc.double_wage(date(2022, 1, 1), 5000, end=date(2022, 12, 31), applied=date(2023, 6, 15),
                             limitation_practice="per_month", time_bar_raised=True)
        assert r.amount == D(35000)
        assert sum("不予计算" in s for s in r.steps) == 4

    def test_open_ended_contract_refused(self):
        # 第八十二条第二款: due 2020-01-01, left 2021-06-15: 17 months + 15 of June's 30 days, no 11-month limit
        # 8000 × 17 + 8000 × 15/30 = 136000 + 4000 = 140000
        r = resolves(calc.double_wage(date(2010, 1, 1), 8000, open_ended_due=date(2020, 1, 1), end=date(2021, 6, 15)))
        assert r.amount == D(140000)
        assert any(c.article == 82 and c.clause == 2 for c in r.articles)

    def test_needs_an_end(self):
        with pytest.raises(CalculationError, match="截止"):
            calc.double_wage(date(2022, 1, 1), 5000)


# ---------------------------------------------------------------- 加班费


class TestOvertime:
    def test_three_rates(self):
        # hourly 6000 / 21.75 / 8 = 6000/174; 36 h × 1.5 + 16 h × 2 + 8 h × 3 = 54 + 32 + 24 = 110 hour-equivalents
        # 6000 × 110 / 174 = 3793.1034… → 3793.10
        r = resolves(calc.overtime(6000, weekday_hours=36, rest_day_hours=16, holiday_hours=8))
        assert r.amount == fen(D(6000) * 110 / 174) == D("3793.10")
        assert cited(r, "劳动法", 44)

    def test_paid_is_deducted(self):
        # 5220 / 174 = 30 per hour; 10 h × 1.5 × 30 = 450; minus 200 paid = 250
        assert calc.overtime(5220, weekday_hours=10, paid=200).amount == D(250)
        assert calc.overtime(5220, weekday_hours=10, paid=1000).amount == 0

    def test_comprehensive(self):
        # 3-month period: standard 20.83 × 8 × 3 = 499.92 h; worked 540 → 40.08 h over at 150 %, 8 holiday h at 300 %
        # hourly 30: 30 × 40.08 × 1.5 + 30 × 8 × 3 = 1803.60 + 720 = 2523.60
        r = resolves(calc.overtime(5220, system="comprehensive", total_hours=540, period_months=3, holiday_hours=8))
        assert r.amount == D("2523.60")
        # with 13 statutory holidays an office may use 20.67 days: 20.67 × 8 × 3 = 496.08 h; 540 − 496.08 = 43.92 h
        # 30 × 43.92 × 1.5 + 720 = 1976.40 + 720 = 2696.40
        r = calc.overtime(5220, system="comprehensive", total_hours=540, period_months=3, holiday_hours=8,
                          month_work_days=D("20.67"))
        assert r.amount == D("2696.40")

    def test_hours_not_given_is_missing_not_zero(self):
        with pytest.raises(MissingParameter, match="加班时数"):
            calc.overtime(5220)
        assert calc.overtime(5220, weekday_hours=0).amount == 0

    def test_flexible(self):
        # 不定时: no overtime pay; with a local rule for holidays: 30 × 8 × 3 = 720
        assert calc.overtime(5220, system="flexible", holiday_hours=8).amount == 0
        assert calc.overtime(5220, system="flexible", holiday_hours=8, flexible_holiday_pay=True).amount == D(720)

    def test_comprehensive_rejects_rest_day_hours(self):
        with pytest.raises(CalculationError):
            calc.overtime(5220, system="comprehensive", total_hours=540, period_months=3, rest_day_hours=8)


# ---------------------------------------------------------------- 未休年休假工资

# 8700 / 21.75 = 400 a day, so the 200 % extra is 800 per untaken day


class TestAnnualLeave:
    def test_full_year_ten_days(self):
        # cumulative service from 2010-05-01: 12 years in 2023 → 10 days; 3 taken → 7 × 800 = 5600
        r = resolves(calc.annual_leave(8700, 2023, work_start=date(2010, 5, 1), hire=date(2018, 1, 1), taken_days=3))
        assert r.amount == D(5600)

    def test_joining_in_a_leap_year(self):
        # hired 2024-03-01 (qualified): 306 remaining days / 365 × 5 = 4.19 → 4 days → 3200
        r = resolves(calc.annual_leave(8700, 2024, work_start=date(2015, 3, 1), hire=date(2024, 3, 1)))
        assert r.amount == D(3200)
        assert cited(r, "企业职工带薪年休假实施办法", 5)

    def test_leaving(self):
        # left 2024-06-30: 182 days / 365 × 5 = 2.49; − 1 taken = 1.49 → 1 day → 800
        r = resolves(calc.annual_leave(8700, 2024, work_start=date(2015, 3, 1), hire=date(2020, 3, 1),
                                       leave=date(2024, 6, 30), taken_days=1))
        assert r.amount == D(800)
        assert cited(r, "企业职工带薪年休假实施办法", 12)
        # the year defaults to the year of leaving
        same = calc.annual_leave(8700, work_start=date(2015, 3, 1), hire=date(2020, 3, 1), leave=date(2024, 6, 30),
                                 taken_days=1)
        assert same.amount == r.amount

    def test_crossing_ten_years(self):
        # 10 years reached 2023-07-01: 181/365 × 5 + 184/365 × 10 = 2.479 + 5.041 = 7.52 → 7 days → 5600
        r = calc.annual_leave(8700, 2023, work_start=date(2013, 7, 1), hire=date(2015, 1, 1))
        assert r.amount == D(5600)

    def test_several_years(self):
        # hired 2022-03-01, service from 2013-07-01, left 2024-06-30, 2 days taken in 2023 (400 a day, 800 extra):
        # 2022: 306/365 × 5 = 4.19 → 4 days = 3200
        # 2023: 181/365 × 5 + 184/365 × 10 = 7.52 → 7 − 2 = 5 days = 4000
        # 2024: 182/365 × 10 = 4.99 → 4 days = 3200; total 10400
        r = resolves(calc.annual_leave(8700, years=[2022, 2023, 2024], work_start=date(2013, 7, 1),
                                       hire=date(2022, 3, 1), leave=date(2024, 6, 30), taken_days={2023: 2}))
        assert r.amount == D(10400)
        assert r.inputs["days"] == "4、5、4"
        with pytest.raises(CalculationError):
            calc.annual_leave(8700, years=[2023], cumulative_years=5, taken_days=3)  # taken days not by year

    def test_twenty_years(self):
        # 25 years → 15 days, none taken → 15 × 800 = 12000
        assert calc.annual_leave(8700, 2023, cumulative_years=25).amount == D(12000)

    def test_not_yet_twelve_months(self):
        # started work 2023-03-01: not 12 months in 2023 → 0; in 2024 from 03-01: 306/365 × 5 → 4 days → 3200
        assert calc.annual_leave(8700, 2023, work_start=date(2023, 3, 1), hire=date(2023, 3, 1)).amount == 0
        assert calc.annual_leave(8700, 2024, work_start=date(2023, 3, 1), hire=date(2023, 3, 1)).amount == D(3200)

    def test_nothing_before_the_regulation_took_effect(self):
        # 条例第十条: in force from 2008-01-01 — 2007 gives nothing though the worker had 12 years' service;
        # 2006–2008 counts 2008 alone, the service before 2008 still counted: 12 years → 10 days × 800 = 8000
        r = resolves(calc.annual_leave(8700, 2007, work_start=date(1995, 3, 1), hire=date(2001, 1, 1)))
        assert r.amount == 0 and cited(r, "职工带薪年休假条例", 10)
        assert "2008年1月1日" in r.steps[0]
        r = resolves(calc.annual_leave(8700, years=[2006, 2007, 2008], work_start=date(1995, 3, 1),
                                       hire=date(2001, 1, 1)))
        assert r.amount == D(8000)
        assert r.inputs["days"] == "0、0、10"


# ---------------------------------------------------------------- 代通知金, 最低工资, 竞业限制, 加付赔偿金, 违约金


def test_notice_pay():
    # one month at the previous month's wage (实施条例第二十条): 7500 → 7500; 6123.456 → 6123.46; "8,200元" → 8200
    r = resolves(calc.notice_pay(7500))
    assert r.amount == D(7500)
    assert cited(r, "劳动合同法", 40) and cited(r, "劳动合同法实施条例", 20)
    assert calc.notice_pay(D("6123.456")).amount == D("6123.46")
    assert calc.notice_pay("8,200元").amount == D(8200)


def test_minimum_wage_shipped_qingdao_figures():
    """The shipped data: whatever Qingdao's minimum wage in force on 2021-09-01 and 2021-10-01 is, the gap is the
    figure minus 1800 for each month (hand rule; the figures come from corpus/law/regions.toml)."""
    from arbitration.law import regions

    try:
        sept = regions.minimum_wage("青岛市", date(2021, 9, 1)).monthly
        octo = regions.minimum_wage("青岛市", date(2021, 10, 1)).monthly
    except MissingParameter as e:
        pytest.skip(f"shipped regions data has no Qingdao minimum wage for 2021: {e}")
    r = resolves(calc.minimum_wage("山东省青岛市", {"2021-09": 1800, "2021-10": 1800}))
    assert r.amount == max(sept - 1800, 0) + max(octo - 1800, 0)
    assert any("青岛" in n for n in r.notes)  # the source is named


def test_minimum_wage_gap(fixed_city):
    # June: 2000 − 1900 = 100; July (2200 from 07-01): 2200 − 2100 = 100; August: 2200 − (2300 − 400 excluded) = 300
    r = resolves(calc.minimum_wage(fixed_city, {"2023-06": 1900, "2023-07": 2100, date(2023, 8, 15): 2300},
                                   excluded={"2023-08": 400}))
    assert r.amount == D(500)
    # at or above the minimum → 0
    assert calc.minimum_wage(fixed_city, {"2023-06": 2500}).amount == 0


def test_minimum_wage_missing_figure(fixed_city):
    with pytest.raises(MissingParameter, match="测试市"):
        calc.minimum_wage(fixed_city, {"2019-06": 1500})


class TestNonCompete:
    def test_thirty_percent(self, fixed_city):
        # 10000 × 30 % = 3000 > minimum → 3000 × 6 = 18000
        r = resolves(calc.non_compete(10000, 6, leave=date(2023, 4, 30), city=fixed_city))
        assert r.amount == D(18000)
        assert cited(r, "劳动争议解释（一）", 36)

    def test_minimum_wage_floor_changes_midway(self, fixed_city):
        # 6000 × 30 % = 1800 < minimum; May, June at 2000; July–October at 2200: 2×2000 + 4×2200 = 12800
        assert calc.non_compete(6000, 6, leave=date(2023, 4, 30), city=fixed_city).amount == D(12800)
        # 2.5 months: 2000 + 2000 + 0.5 × 2200 = 5100
        assert calc.non_compete(6000, D("2.5"), leave=date(2023, 4, 30), city=fixed_city).amount == D(5100)

    def test_limits(self, fixed_city):
        with pytest.raises(CalculationError, match="二年"):
            calc.non_compete(6000, 25, leave=date(2023, 4, 30), city=fixed_city)
        with pytest.raises(MissingParameter):
            calc.non_compete(6000, 6, leave=date(2023, 4, 30))
        # agreed amount: 2500 × 12 = 30000
        assert calc.non_compete(6000, 12, leave=date(2023, 4, 30), agreed_monthly=2500).amount == D(30000)

    def test_released_by_employer(self, fixed_city):
        # 4 months observed from 2023-05-01 at 2000, 2000, 2200, 2200 = 8400; released → 3 × 2200 = 6600 more = 15000
        r = resolves(calc.non_compete(6000, 4, leave=date(2023, 4, 30), city=fixed_city, released=True))
        assert r.amount == D(15000)
        assert cited(r, "劳动争议解释（一）", 39)


def test_additional_compensation():
    # 12345.67 × 50 % = 6172.835 → 6172.84 (half up); × 100 % = 12345.67
    assert resolves(calc.additional_compensation(D("12345.67"), D("0.5"))).amount == D("6172.84")
    assert calc.additional_compensation(D("12345.67"), 1).amount == D("12345.67")
    # 8000 × 75 % = 6000
    assert calc.additional_compensation(8000, D("0.75")).amount == D(6000)
    with pytest.raises(CalculationError, match="50%"):
        calc.additional_compensation(1000, D("0.4"))


class TestPenalty:
    def test_allotted_cost(self):
        # service 2021-01-01..2023-12-31 = 1095 days; left 2022-12-31 → 365 days unserved: 36000 × 365/1095 = 12000
        r = resolves(calc.penalty(36000, date(2021, 1, 1), date(2023, 12, 31), date(2022, 12, 31)))
        assert r.amount == D(12000)
        # by months: 36 months, 24 served → 12/36 × 36000 = 12000
        assert calc.penalty(36000, date(2021, 1, 1), date(2023, 12, 31), date(2022, 12, 31), unit="month").amount == D(12000)

    def test_agreed_lower_and_no_penalty_cases(self):
        assert calc.penalty(36000, date(2021, 1, 1), date(2023, 12, 31), date(2022, 12, 31), agreed=10000).amount == D(10000)
        assert calc.penalty(36000, date(2021, 1, 1), date(2023, 12, 31), date(2024, 1, 5)).amount == 0
        r = resolves(calc.penalty(36000, date(2021, 1, 1), date(2023, 12, 31), date(2022, 12, 31),
                                  employee_terminated_under_38=True))
        assert r.amount == 0 and cited(r, "劳动合同法实施条例", 26)


# ---------------------------------------------------------------- 工伤


class TestInjury:
    @pytest.mark.parametrize(("grade", "months"), [(1, 27), (2, 25), (3, 23), (4, 21), (5, 18), (6, 16), (7, 13),
                                                   (8, 11), (9, 9), (10, 7)])
    def test_months_by_grade(self, grade, months):
        # 5000 is within 60 %–300 % of 6000 (3600–18000) → 5000 × months
        r = resolves(calc.injury_disability(grade, 5000, average_wage=6000))
        assert r.amount == D(5000) * months

    def test_own_wage_bounds(self):
        # 3000 < 60 % × 6000 = 3600 → grade 10: 3600 × 7 = 25200; 20000 > 300 % = 18000 → grade 1: 18000 × 27
        assert calc.injury_disability(10, 3000, average_wage=6000).amount == D(25200)
        assert calc.injury_disability(1, 20000, average_wage=6000).amount == D(18000 * 27)

    def test_regional_average(self, fixed_city):
        # injured 2023 → 2022 average 8000; 4000 < 4800 → 4800 × 9 (grade 9) = 43200
        r = calc.injury_disability(9, 4000, city=fixed_city, injury_date=date(2023, 5, 1))
        assert r.amount == D(43200)
        with pytest.raises(MissingParameter):
            calc.injury_disability(9, 4000)

    def test_leave_wage(self):
        # 2023-01-10..2023-07-09 = 6 months → 5000 × 6 = 30000
        assert resolves(calc.injury_leave_wage(5000, suspension_start=date(2023, 1, 10), suspension_end=date(2023, 7, 9))).amount == D(30000)
        # 2023-01-10..2024-03-01 is over 12 months → 12 × 5000 = 60000
        assert calc.injury_leave_wage(5000, date(2023, 1, 10), date(2024, 3, 1)).amount == D(60000)
        # extended: 13 months to 2024-02-09, then 02-10..03-01 = 21 of 29 days (leap February)
        # 5000 × 13 + 5000 × 21/29 = 65000 + 3620.6896… = 68620.69
        ext = calc.injury_leave_wage(5000, date(2023, 1, 10), date(2024, 3, 1), extended=True)
        assert ext.amount == fen(D(65000) + D(5000) * 21 / 29) == D("68620.69")

    def test_lump_sums_need_the_provincial_table(self):
        with pytest.raises(MissingParameter, match="一次性工伤医疗补助金"):
            calc.injury_medical(7, 8000)
        with pytest.raises(MissingParameter, match="一次性伤残就业补助金"):
            calc.injury_employment(7, 8000, region="山东省")
        table = {7: 10, 8: 8}
        # a caller-supplied table: 10 months × 8000 = 80000
        r = resolves(calc.injury_medical(7, 8000, months_table=table, region="某省"))
        assert r.amount == D(80000) and cited(r, "工伤保险条例", 37)
        assert resolves(calc.injury_employment(8, 8000, months_table=table)).amount == D(64000)
        with pytest.raises(CalculationError, match="一级至四级"):
            calc.injury_medical(3, 8000, months_table=table)


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "call",
    [
        lambda: calc.severance(date(2023, 1, 1), date(2022, 1, 1), 5000, average_wage=8000),  # leave before hire
        lambda: calc.severance(date(2022, 1, 1), date(2023, 1, 1), -1, average_wage=8000),  # negative wage
        lambda: calc.severance(date(2022, 1, 1), date(2023, 1, 1), None, average_wage=8000),  # missing wage
        lambda: calc.double_wage(date(2023, 1, 1), 5000, end=date(2022, 1, 1)),
        lambda: calc.double_wage(date(2023, 1, 1), "abc", end=date(2023, 6, 1)),
        lambda: calc.overtime(5000, weekday_hours=-3),
        lambda: calc.overtime("NaN", weekday_hours=3),
        lambda: calc.annual_leave(5000, 2023, cumulative_years=5, hire=date(2023, 5, 1), leave=date(2023, 4, 1)),
        lambda: calc.annual_leave(5000, 2023),  # neither work_start nor cumulative_years
        lambda: calc.notice_pay(0),
        lambda: calc.minimum_wage("测试市", {}),
        lambda: calc.non_compete(-1, 6, leave=date(2023, 1, 1), minimum=2000),
        lambda: calc.penalty(1000, date(2023, 1, 1), date(2022, 1, 1), date(2022, 6, 1)),
        lambda: calc.injury_disability(11, 5000, average_wage=6000),
        lambda: calc.injury_leave_wage(5000, date(2023, 5, 1), date(2023, 4, 1)),
    ],
)
def test_bad_input_raises_a_named_error(call):
    with pytest.raises(CalculationError) as e:
        call()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(e.value)), "message should be in Chinese"


def test_registry_covers_the_taxonomy():
    """Every calculator named in the claim taxonomy exists in CALCULATORS."""
    from arbitration.law import taxonomy

    named = {t.calculator for t in taxonomy().all()} - {"", None}
    assert named <= set(calc.CALCULATORS), named - set(calc.CALCULATORS)
    with pytest.raises(KeyError, match="计算器"):
        calc.get("nonexistent")


# one representative call per calculator: every name in CALCULATORS must appear here, and every article it
# returns must resolve in the statute data
SAMPLES = {
    "severance": lambda: calc.severance(date(2005, 7, 1), date(2024, 3, 31), 30000, average_wage=8000),
    "unlawful_termination": lambda: calc.unlawful_termination(date(2010, 1, 1), date(2024, 3, 31), 9000, average_wage=8000),
    "double_wage": lambda: calc.double_wage(date(2022, 3, 1), 5000, end=date(2023, 6, 1), applied=date(2023, 9, 1),
                                            limitation_practice="per_month"),
    "overtime": lambda: calc.overtime(5220, system="comprehensive", total_hours=540, period_months=3, holiday_hours=8),
    "annual_leave": lambda: calc.annual_leave(8700, 2024, work_start=date(2014, 7, 1), hire=date(2024, 3, 1),
                                              leave=date(2024, 10, 31)),
    "notice_pay": lambda: calc.notice_pay(6000),
    "minimum_wage": lambda: calc.minimum_wage("测试市", {"2023-06": 1500}, standard=2000),
    "non_compete": lambda: calc.non_compete(6000, 6, leave=date(2023, 4, 30), minimum=2000, released=True),
    "additional_compensation": lambda: calc.additional_compensation(10000, 1),
    "penalty": lambda: calc.penalty(36000, date(2021, 1, 1), date(2023, 12, 31), date(2022, 12, 31),
                                    employee_terminated_under_38=True),
    "injury_disability": lambda: calc.injury_disability(5, 9000, average_wage=6000),
    "injury_leave_wage": lambda: calc.injury_leave_wage(5000, date(2023, 1, 10), date(2025, 3, 1), extended=True),
    "injury_medical": lambda: calc.injury_medical(6, 8000, months_table={6: 12}),
    "injury_employment": lambda: calc.injury_employment(10, 8000, months_table={10: 2}),
    "wages_for_period": lambda: calc.wages_for_period(4000, date(2023, 3, 15), date(2023, 5, 31)),
}


def test_every_calculator_has_a_sample():
    assert set(SAMPLES) == set(calc.CALCULATORS)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_article_resolves(name):
    r = resolves(SAMPLES[name]())
    assert r.name == name
    assert r.inputs  # the facts it depends on are recorded


def test_no_average_wage_but_wage_within_three_minimum_wages_settles_the_cap(tmp_path, monkeypatch):
    """Without the local average wage the 3x cap is still settled when the wage is at most 3x the minimum wage
    (the average is never below the minimum); above that the calculator refuses rather than guess."""
    from arbitration.errors import MissingParameter
    from arbitration.law import regions

    extra = tmp_path / "regions.toml"
    extra.write_text(
        '[[minimum_wage]]\ncity = "无均值市"\nmonthly = 2000\neffective = 2020-01-01\nsource = "测试数据"\n',
        encoding="utf-8",
    )
    loaded = regions.load_regions(extra)
    monkeypatch.setattr(regions, "regions", lambda: loaded)
    # 2021-03-01 .. 2024-03-15: 3 years and 15 days -> 3.5 months; 6000 <= 3 x 2000
    r = calc.severance(date(2021, 3, 1), date(2024, 3, 15), D("6000"), city="无均值市")
    assert r.amount == D("21000.00")  # 6000 x 3.5
    assert any("不超过当地月最低工资标准" in s for s in r.steps)
    with pytest.raises(MissingParameter, match="职工月平均工资"):
        calc.severance(date(2021, 3, 1), date(2024, 3, 15), D("6000.01"), city="无均值市")


class TestWagesForPeriod:
    def test_whole_months_and_a_part_by_its_paid_days(self):
        # 2014-05 whole: 2200; 2014-06-01..21: Mon-Fri 15 days (the 2 June holiday is a paid day): 2200 ÷ 21.75 × 15
        r = resolves(calc.wages_for_period(2200, date(2014, 5, 1), date(2014, 6, 21)))
        assert r.amount == fen(D(2200) + D(2200) / D("21.75") * 15)
        assert cited(r, "工资折算通知", 2)

    def test_a_whole_period_is_its_months(self):
        assert calc.wages_for_period(3000, date(2020, 1, 1), date(2020, 3, 31)).amount == D(9000)
