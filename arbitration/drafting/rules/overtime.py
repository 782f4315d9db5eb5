"""加班费 (劳动法第四十四条): on the totals the tribunal found, or counted low from the schedule found, and only
the kinds of overtime the claim names."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    because,
    by_amount,
    c,
    relation_denied,
)
from arbitration.findings.text import money, ymd
from arbitration.model import Proposal


def overtime(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    ot = x.issue("issue:overtime")
    if ot is not None and ot.holds is False:
        return d.deny(because(ot), c("劳动争议解释（一）", 42))
    if (totals := _overtime_totals(x, d)) is not None:
        return totals
    if ot is None:
        return d.pend(x.why_pending("issue:overtime", "加班事实是否存在"))
    return _overtime_amount(x, d, ot)


def _overtime_totals(x: Ctx, d: Decision) -> Decision | None:
    """加班费 on the totals the tribunal found (「考勤记录载明…工作日延长工作时间合计300小时，休息日加班合计12天，未安排
    补休」): those are the hours, at 150 %, 200 %, 300 % of the hourly wage the labour contract sets (劳动法第四十四条,
    工资支付暂行规定第十三条; 月工资÷21.75÷8), up to what was asked. None — for the tribunal — when the totals span
    months outside the period claimed, the contract's wage is not plain, or the findings say none went unpaid."""
    from arbitration.findings.told import overtime_paid, overtime_totals
    from arbitration.law.calculators import overtime

    found, paid = overtime_totals(x.case), overtime_paid(x.case)
    if found is None or paid is None or x.claim.amount is None:
        return None
    hours, sentences, months = found
    start, end = x.claim.period_start, x.claim.period_end
    if months and (start and (start.year, start.month) > min(months) or end and (end.year, end.month) < max(months)):
        return None
    if not _in_time_as_wages(x):
        return None
    wage = _contract_wage(x)
    if wage is None:
        return None
    kinds = overtime_kinds(x.claim.text)
    named = any(w in x.claim.text for words in OVERTIME_KINDS.values() for w in words)
    if not named or re.search(r"法定|节假日|节日", x.claim.text):  # 「加班费」 asks for every kind
        kinds.add("holiday")
    take = {k: (h if k in kinds else Decimal(0)) for k, h in hours.items()}
    if paid and take != hours:
        return None  # what was paid for every kind cannot be set off against some of them
    result = overtime(wage, weekday_hours=take.get("weekday", 0), rest_day_hours=take.get("rest", 0),
                      holiday_hours=take.get("holiday", 0), paid=paid)
    note = f"加班时长按查明的数额计算，月工资按劳动合同约定的{money(wage)}计算"
    d.reason = f"经审理查明，{'；'.join(sentences)}"
    return by_amount(x, d, result.model_copy(update={"steps": [note, *result.steps]}))


def _in_time_as_wages(x: Ctx) -> bool:
    """Whether a time bar the employer raised leaves the whole of a pay claim standing: pay owed while the employment
    lasted may be claimed within a year of its end (调解仲裁法第二十七条第四款). True when nobody raised it."""
    from arbitration.law.limitation import one_year_after
    from arbitration.law.timebar import defence_raised

    if defence_raised(x.case, by=x.sides.employer) is None:
        return True
    applied, leave = x.case.application_date, x.fact("leave_date")
    if applied is None or leave is None or applied < leave:
        return False
    return applied <= one_year_after(leave)


def _contract_wage(x: Ctx) -> Decimal | None:
    """The monthly wage the labour contract sets, as the tribunal found it (「签订劳动合同，约定月工资3600元」, its parts
    summed 「…合计3000元」); else
    the one wage the findings state, when they state only one; None when not plain."""
    from arbitration.extract.facts import find_monthly_wage
    from arbitration.findings.told import own_sentences, wages_told

    contract = [s for s in own_sentences(x.case) if "合同" in s and "约定" in s]
    summed = {Decimal(m) for s in contract for m in re.findall(r"约定[^。；]{0,30}?工资[^。；]{0,40}?(?:合计|共计|总计)(\d+(?:\.\d+)?)元", s)}
    agreed = summed or {f.value for s in contract for f in find_monthly_wage(s)
                        if "约定" in (f.note or "") and "试用期" not in (f.note or "") and "另称" not in (f.note or "")}
    if len(agreed) == 1:
        return agreed.pop()
    told = set(wages_told(x.case))
    return told.pop() if len(told) == 1 and not agreed else None


MEAL_BREAK = Decimal(1)  # hours a day taken off a stated working day for meals, so the hours are not overstated
# the kinds of overtime a claim names: a claim for one kind is computed on that kind only (不告不理)
OVERTIME_KINDS = {"weekday": ("延时", "延长工作时间", "延点", "工作日加班"),
                  "rest": ("休息日", "双休日", "周末", "周六", "星期六", "公休日")}


def overtime_kinds(text: str) -> set[str]:
    """{'weekday', 'rest'} named by a claim's wording; both when it names neither (「加班费」)."""
    named = {kind for kind, words in OVERTIME_KINDS.items() if any(w in text for w in words)}
    return named or set(OVERTIME_KINDS)


def _overtime_amount(x: Ctx, d: Decision, ot: Proposal) -> Decision:
    """加班费 from the schedule found over the period claimed, counted low (an hour a day for meals, whole hours,
    no holidays): granted as asked when even that reaches the claim; otherwise the hours are for the tribunal."""
    schedule, wage = x.fact("working_hours"), x.fact("monthly_wage")
    start = x.claim.period_start or x.fact("hire_date")
    end = x.claim.period_end or x.fact("leave_date")
    if schedule is not None and schedule.hours_per_day is None and schedule.days_per_week in REST_DAYS_WORKED:
        if wage is None or start is None or end is None or x.claim.amount is None:
            return d.pend("计算加班费所需的月工资及加班期间")
        return _rest_days_amount(x, d, ot, schedule.days_per_week, wage, start, end)
    if schedule is None or schedule.hours_per_day is None or schedule.days_per_week is None:
        return d.pend(x.why_pending("working_hours", "加班的时长（延时、休息日、法定休假日加班的小时数）"))
    if wage is None or start is None or end is None or x.claim.amount is None:
        return d.pend("计算加班费所需的月工资及加班期间")
    from decimal import ROUND_FLOOR

    from arbitration.law.calculators import overtime

    day = max(schedule.hours_per_day - MEAL_BREAK, Decimal(0))
    weeks = Decimal((end - start).days + 1) / 7
    weekday = (max(day - 8, Decimal(0)) * min(schedule.days_per_week, Decimal(5)) * weeks).to_integral(ROUND_FLOOR)
    rest = (day * max(schedule.days_per_week - 5, Decimal(0)) * weeks).to_integral(ROUND_FLOOR)
    kinds = overtime_kinds(x.claim.text)
    weekday = weekday if "weekday" in kinds else Decimal(0)
    rest = rest if "rest" in kinds else Decimal(0)
    result = overtime(wage, weekday_hours=weekday, rest_day_hours=rest, holiday_hours=0)
    if result.amount < x.claim.amount:
        return d.pend(f"加班的确切时长（按{schedule}、每日扣除用餐时间从低计算为{money(result.amount)}，"
                      f"低于{x.w}主张的{money(x.claim.amount)}）")
    note = (f"{ymd(start)}至{ymd(end)}共{weeks:.1f}周，每日按{schedule.hours_per_day.normalize():f}小时扣除用餐时间"
            f"{MEAL_BREAK.normalize():f}小时从低计算，法定休假日加班未计入")
    d.reason = because(ot)
    return by_amount(x, d, result.model_copy(update={"steps": [note, *result.steps]}))


# a week of six or seven working days, the weekend days worked (5 = Saturday, 6 = Sunday)
REST_DAYS_WORKED = {Decimal(6): (5,), Decimal(7): (5, 6)}


def _rest_days_amount(x: Ctx, d: Decision, ot: Proposal, days_per_week: Decimal, wage: Decimal, start: Any,
                      end: Any) -> Decision:
    """加班费 for whole weekend days worked by a weekly schedule that gives no hours a day (「每周六均上班」): a rest
    day worked is paid by the day, at 200 % of the day's wage (劳动法第四十四条第二项, 工资支付暂行规定第十三条;
    a day = 8 hours at the hourly rate). Counted low: only the weekend days that were rest days by the State
    Council's arrangements (a 调休 Saturday is a working day), holidays among them at 200 % not 300 %, and the
    lowest monthly wage the findings state; granted as asked only when the premium alone (the 100 % beyond the
    day's pay the monthly wage may already hold) reaches the claim — else the hours are for the tribunal."""
    from arbitration.findings.told import wages_told
    from arbitration.law.calculators import overtime
    from arbitration.law.holidays import weekend_rest_days

    if "rest" not in overtime_kinds(x.claim.text):
        return d.pend(x.why_pending("working_hours", "工作日延长工作时间的小时数"))
    low = min([wage, *wages_told(x.case)])
    days, covered = weekend_rest_days(start, end, REST_DAYS_WORKED[days_per_week])
    result = overtime(low, weekday_hours=0, rest_day_hours=days * 8, holiday_hours=0)
    premium = (result.amount / 2).quantize(Decimal("0.01"))
    if not covered or premium < x.claim.amount:
        return d.pend(f"休息日加班的确切天数及已付工资（{ymd(start)}至{ymd(end)}按每周{days_per_week.normalize():f}天"
                      f"从低计算，休息日{days}天的加班工资差额为{money(premium)}，未达{x.w}主张的{money(x.claim.amount)}"
                      + ("" if covered else "，且部分年度的节假日安排未收录") + "）")
    note = (f"{ymd(start)}至{ymd(end)}每周工作{days_per_week.normalize():f}天，其间周末休息日（按国务院节假日安排，"
            f"调休上班日除外）共{days}天，每天按日工资（8小时）计，月工资按查明的最低标准{money(low)}计；"
            f"即使月工资已含上述各日的正常工资，仅按百分之百计的差额亦为{money(premium)}")
    d.reason = because(ot)
    return by_amount(x, d, result.model_copy(update={"steps": [note, *result.steps]}))
