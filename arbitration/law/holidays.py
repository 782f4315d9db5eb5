"""Working days by the State Council's holiday arrangements (国务院办公厅关于节假日安排的通知), for the last day
of a period: a period ending on a rest day ends on the next working day (民事诉讼法 on 期间, applied by the
劳动人事争议仲裁办案规则), where rest days are the statutory holidays and the weekends, less the weekend days made
working days in exchange (调休上班).

The data come from `chinesecalendar` (PyPI) rather than a hand-made table. Of the two registry packages that
carry China's holidays it was chosen because it is built for exactly this — each year's published
arrangement, 调休 working days included, transcribed by year — and because it refuses a year it has no
arrangement for (NotImplementedError) instead of guessing; `holidays` also lists 调休 days but projects years
not yet published from general rules (e.g. 2027 「observed」 days before any notice), which a deadline must not
rest on. A date outside its years is rolled past weekends only, and the step says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

MAX_ROLL = 20  # no rest period in an arrangement is longer (春节 with weekends: 9 days)


@dataclass(frozen=True)
class Roll:
    """The last day after rolling past rest days, and the step saying why (None when it was a working day)."""

    day: date
    step: str | None
    covered: bool  # the holiday arrangement of every year looked at is in the data


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def covered_years() -> tuple[int, int]:
    """The first and last year whose arrangement the data hold."""
    import chinese_calendar

    years = sorted({d.year for d in chinese_calendar.holidays})
    return years[0], years[-1]


def rest_day(d: date) -> tuple[bool, str, bool]:
    """(is a rest day, what kind in Chinese, covered by the arrangement data) of one date."""
    import chinese_calendar

    try:
        holiday, name = chinese_calendar.get_holiday_detail(d)
    except NotImplementedError:
        return d.weekday() >= 5, "休息日", False
    if not holiday:
        return False, "调休工作日" if d.weekday() >= 5 else "工作日", True
    return True, "法定节假日" if name else "休息日", True  # a holiday period's weekdays in lieu carry its name


def next_working_day(d: date) -> Roll:
    """`d` when it is a working day (a 调休 Saturday is one), else the first working day after it."""
    day, covered, kinds = d, True, []
    for _ in range(MAX_ROLL):
        rest, kind, known = rest_day(day)
        covered = covered and known
        if not rest:
            break
        kinds.append(kind)
        day += timedelta(days=1)
    if day == d:
        return Roll(d, None, covered)
    why = "法定节假日" if any(k.startswith("法定") for k in kinds) else "休息日"
    step = f"期间最后一日{_cn(d)}为{why}，顺延至{why}后的第一个工作日{_cn(day)}"
    if not covered:
        first, last = covered_years()
        step += (f"（{d.year}年的国务院节假日安排未收录，本计算仅收录{first}年至{last}年，此处只按周末顺延，"
                 "请依当年节假日安排人工核对）")
    return Roll(day, step, covered)


def uncovered_note(d: date) -> str | None:
    """A note when the arrangement of `d`'s year is not in the data (a weekday may still be a holiday)."""
    _, _, known = rest_day(d)
    if known:
        return None
    first, last = covered_years()
    return (f"{d.year}年的国务院节假日安排未收录（仅收录{first}年至{last}年），{_cn(d)}是否为法定节假日"
            "请依当年节假日安排人工核对")


def weekend_rest_days(start: date, end: date, weekdays: tuple[int, ...]) -> tuple[int, bool]:
    """(how many of the named weekend days (5 = Saturday, 6 = Sunday) from `start` to `end` were rest days, whether
    every year was in the arrangement data): a weekend day made a working day in exchange (调休上班) is no rest day,
    so work on it is no rest-day work; a year outside the data counts its weekend days as they fall."""
    count, covered, day = 0, True, start
    while day <= end:
        if day.weekday() in weekdays:
            rest, _, known = rest_day(day)
            covered = covered and known
            count += rest
        day += timedelta(days=1)
    return count, covered
