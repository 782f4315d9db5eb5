"""仲裁时效 (调解仲裁法第二十七条) worked by hand: the one-year period, the last day, weekends, leap years,
劳动报酬 during and after employment, interruption and suspension, and a claim one day late."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arbitration.errors import CalculationError
from arbitration.law import find_citations, format_citation, limitation
from arbitration.law.holidays import MAX_ROLL, rest_day
from arbitration.law.limitation import (
    BARRED,
    NOT_LIMITED,
    UNKNOWN,
    WITHIN,
    one_year_after,
)
from arbitration.law.taxonomy import TaxonomyError


def test_official_case_overtime_after_leaving():
    """人社部/最高法 typical case: left in February 2019, applied in December 2019 — overtime pay is 劳动报酬,
    one year from the end of the employment, so not time-barred."""
    r = limitation("overtime", date(2019, 2, 28), date(2019, 12, 16))
    assert r.flag == WITHIN and not r.barred
    assert r.deadline == date(2020, 2, 28)  # a Friday
    assert "劳动报酬" in r.reason and "终止之日起一年内" in r.reason
    assert [format_citation(c) for c in r.articles] == [
        "《中华人民共和国劳动争议调解仲裁法》第二十七条第一款",
        "《中华人民共和国劳动争议调解仲裁法》第二十七条第四款",
    ]


def test_wages_not_limited_while_employed():
    r = limitation("unpaid_wages", None, date(2024, 5, 1), employment_ongoing=True)
    assert r.flag == NOT_LIMITED and not r.barred
    assert r.verdict == "不受一年仲裁时效期间限制"
    assert r.deadline is None


def test_non_wage_claim_ongoing_without_known_date_is_unknown():
    r = limitation("annual_leave", None, date(2024, 5, 1), employment_ongoing=True)
    assert r.flag == UNKNOWN and "不明" in r.reason


def test_last_day_and_one_day_late():
    # left Tue 2022-03-15; the year ends Wed 2023-03-15
    assert limitation("severance", date(2022, 3, 15), date(2023, 3, 15)).flag == WITHIN
    late = limitation("severance", date(2022, 3, 15), date(2023, 3, 16))
    assert late.flag == BARRED and late.barred
    assert "超过仲裁时效1日" in late.reason
    assert late.verdict == "超过仲裁时效"


def test_leap_day_and_weekend_rollover():
    # 2020-02-29 + 1 year → 2021-02-28, a Sunday → Monday 2021-03-01
    assert one_year_after(date(2020, 2, 29)) == date(2021, 2, 28)
    r = limitation("unlawful_termination", date(2020, 2, 29), date(2021, 3, 1))
    assert r.flag == WITHIN and r.deadline == date(2021, 3, 1)
    assert "休息日" in r.reason
    assert limitation("unlawful_termination", date(2020, 2, 29), date(2021, 3, 2)).flag == BARRED


def test_interruption_restarts_the_year():
    # left Sun 2021-01-10; without more the year ends 2022-01-10 (Mon)
    assert limitation("severance", date(2021, 1, 10), date(2022, 5, 1)).flag == BARRED
    # a written demand on 2021-06-01 restarts it: new last day Wed 2022-06-01
    r = limitation("severance", date(2021, 1, 10), date(2022, 5, 1), interruptions=[date(2021, 6, 1)])
    assert r.flag == WITHIN and r.start == date(2021, 6, 1) and r.deadline == date(2022, 6, 1)
    assert any(c.clause == 2 for c in r.articles)
    # a demand after the year had run out does not revive it
    r = limitation("severance", date(2021, 1, 10), date(2022, 5, 1), interruptions=[date(2022, 2, 1)])
    assert r.flag == BARRED and any("不发生中断" in n for n in r.notes)


def test_suspension_stops_the_clock():
    # left Mon 2021-01-11, year ends Tue 2022-01-11; suspended 2021-12-01..2022-02-28 with 41 days left
    # → runs on to 2022-04-10 (Sunday) → Monday 2022-04-11
    susp = [(date(2021, 12, 1), date(2022, 2, 28))]
    r = limitation("double_wage", date(2021, 1, 11), date(2022, 4, 11), suspensions=susp)
    assert r.flag == WITHIN and r.deadline == date(2022, 4, 11)
    assert any(c.clause == 3 for c in r.articles)
    assert limitation("double_wage", date(2021, 1, 11), date(2022, 4, 12), suspensions=susp).flag == BARRED


def test_double_wage_from_end_of_unsigned_period():
    # hired 2021-03-01, never signed: the unsigned period ends 2022-02-28 (Mon), so the year ends 2023-02-28
    r = limitation("double_wage", None, date(2023, 3, 1), employment_ongoing=True, known_date=date(2022, 2, 28))
    assert r.flag == BARRED and r.deadline == date(2023, 2, 28)
    assert "知道或者应当知道其权利被侵害之日即2022年2月28日" in r.reason


def test_an_application_known_only_from_below_shows_a_bar_never_a_claim_in_time():
    """The file does not date the application; it cannot have been before 2019-06-30. A double wage year that ended
    2017-02-28 is then out of time; one that ends after that day cannot be told (not 「within」)."""
    why = "申请仲裁不早于劳动关系解除之日"
    r = limitation("double_wage", None, date(2019, 6, 30), known_date=date(2016, 2, 29), applied_after=why)
    assert r.flag == BARRED and why in r.reason and "未载明" in r.reason
    r = limitation("double_wage", None, date(2019, 6, 30), known_date=date(2019, 1, 31), applied_after=why)
    assert r.flag == UNKNOWN


def test_weekend_rest_days_leave_out_the_weekend_days_made_working_days():
    """February 2024: Saturdays 3, 10, 17, 24 are rest days (10 and 17 in the Spring Festival); Sundays 4 and 18 were
    working days in exchange (调休上班), 11 and 25 rest days. A year the data lack is said so."""
    from arbitration.law.holidays import weekend_rest_days

    assert weekend_rest_days(date(2024, 2, 1), date(2024, 2, 29), (5,)) == (4, True)
    assert weekend_rest_days(date(2024, 2, 1), date(2024, 2, 29), (5, 6)) == (6, True)
    assert weekend_rest_days(date(2099, 1, 1), date(2099, 1, 31), (5,))[1] is False


def test_reason_has_no_unresolvable_citation_and_errors():
    r = limitation("overtime", date(2019, 2, 28), date(2019, 12, 16))
    assert find_citations(r.reason + "".join(r.notes)) == []  # reasons state rules, citations travel in .articles
    assert any("抗辩" in n for n in r.general_notes) and not any("抗辩" in n for n in r.notes)
    with pytest.raises(TaxonomyError):
        limitation("no_such_claim", date(2020, 1, 1), date(2020, 6, 1))
    with pytest.raises(CalculationError):
        limitation("severance", date(2020, 1, 1), date(2020, 6, 1), employment_ongoing=True)
    with pytest.raises(CalculationError):
        limitation("severance", date(2020, 1, 1), date(2020, 6, 1), suspensions=[(date(2020, 3, 1), date(2020, 2, 1))])


def test_wages_with_unknown_end_of_employment_is_unknown():
    r = limitation("overtime", None, date(2024, 5, 1), known_date=date(2023, 1, 31))
    assert r.flag == UNKNOWN and "终止日期不明" in r.reason


_dates = st.dates(min_value=date(2008, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(leave=_dates, gap=st.integers(min_value=0, max_value=800), claim=st.sampled_from(
    ["severance", "overtime", "double_wage", "unlawful_termination", "unpaid_wages"]))
def test_verdict_is_consistent_with_its_dates(leave, gap, claim):
    from datetime import timedelta

    applied = leave + timedelta(days=gap)
    r = limitation(claim, leave, applied)
    assert r.start == leave and r.deadline is not None
    # the last day is a year on (rolled past a weekend or a holiday period) and never a rest day of the
    # State Council's arrangement (a 调休 Saturday is a working day)
    assert 365 <= (r.deadline - leave).days <= 366 + MAX_ROLL and not rest_day(r.deadline)[0]
    assert r.barred == (applied > r.deadline)
    # filing earlier never turns a timely claim late
    if not r.barred:
        assert not limitation(claim, leave, leave).barred


def test_period_ending_in_national_day_holiday_rolls_to_october_8():
    """Issue 15 item 3: left 2023-10-01, the year ends on 2024-10-01 — 国庆节 (10月1日至7日放假, 国务院办公厅
    2024年节假日安排) — so the last day is Tuesday 2024-10-08; a claim filed that day is in time (the old
    weekend-only roll ended the period on 2024-10-01 and barred it)."""
    r = limitation("severance", date(2023, 10, 1), date(2024, 10, 8))
    assert r.deadline == date(2024, 10, 8) and r.flag == WITHIN
    assert "法定节假日" in r.reason and "2024年10月8日" in r.reason


def test_period_ending_in_spring_festival_rolls_past_the_whole_holiday():
    """春节 2026 (2月15日至23日放假): a year ending Tuesday 2026-02-17 runs to Tuesday 2026-02-24."""
    r = limitation("unlawful_termination", date(2025, 2, 17), date(2026, 2, 24))
    assert r.deadline == date(2026, 2, 24) and r.flag == WITHIN


def test_make_up_working_saturday_is_not_rolled():
    """Saturday 2024-10-12 is a 调休 working day (国庆 arrangement): a year ending then ends then; filing on
    Monday 2024-10-14 is two days late (the weekend-only roll had moved the last day to that Monday)."""
    r = limitation("severance", date(2023, 10, 12), date(2024, 10, 14))
    assert r.deadline == date(2024, 10, 12) and r.flag == BARRED
    assert "超过仲裁时效2日" in r.reason


def test_year_without_holiday_arrangement_says_so():
    """2027's arrangement is not published in the data: the verdict says the last day must be checked by hand."""
    r = limitation("severance", date(2026, 10, 1), date(2027, 9, 1))
    assert r.deadline == date(2027, 10, 1)
    assert any("2027年的国务院节假日安排未收录" in n for n in r.notes)
