"""未休年休假工资 (职工带薪年休假条例第三条、第五条): the years claimed since the 条例 took effect (2008-01-01, 第十条),
in time, at the wage without overtime pay,
by the cumulative years of work found or, as a lower bound, the years worked here."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    because,
    c,
    calculated,
    relation_denied,
)
from arbitration.findings.text import money
from arbitration.law.calculators.wages import LEAVE_START
from arbitration.model import Basis, Outcome


def annual_leave(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    from arbitration.law.timebar import claim_years

    if (named := claim_years(x.claim)) and max(named) < LEAVE_START.year:
        return _before_the_regulation(x, d, named)
    a = x.issue("issue:annual_leave")
    if a is None:
        return d.pend(x.why_pending("issue:annual_leave", f"{x.w}是否已休年休假"))
    if a.holds is False:
        return d.deny(f"{because(a)}，{x.w}的该项请求缺乏事实依据")
    hire = x.fact("hire_date")
    if hire is None:
        return d.pend(x.why_pending("hire_date", "入职日期"))
    years = _leave_years(x, hire)
    if not years:
        return d.pend("主张未休年休假的年度")
    early = [y for y in years if y < LEAVE_START.year]
    if early == years:
        return _before_the_regulation(x, d, years)
    years, barred = _leave_years_in_time(x, [y for y in years if y >= LEAVE_START.year])
    before = [c("职工带薪年休假条例", 10)] if early else []
    if not years:
        return d.deny(f"{x.e}提出仲裁时效抗辩，{x.w}主张的各年度未休年休假工资均已超过仲裁时效（{'；'.join(barred)}）"
                      + (f"；{_early_words(early)}" if early else ""), c("劳动争议调解仲裁法", 27), *before)
    # the years not due, each with why: before the 条例 (第十条), out of time (调解仲裁法第二十七条)
    not_due = ([_early_words(early)] if early else []) + barred
    if (running := _year_running(x, years)) is not None:
        # the year of the application, the employment going on: the leave may still be arranged (or paid) before
        # the year ends (实施办法第九条、第十条), so nothing of it is due yet; never denied on that, it waits
        years = [y for y in years if y != running]
        if not years:
            return d.pend(_running_words(x, running))
    start = x.issue("issue:work_start")
    if start is not None and start.since is not None and Basis.ESTABLISHED in (start.basis, a.basis):
        # the cumulative years found (实施办法第四条): the days they give decide, whatever was asked; years only
        # presumed (the worker proved none before this employer) decide only with the leave year found by the
        # tribunal, not on a second presumption (the employer's missing records), which leaves the days taken unknown
        wage, why = _leave_wage(x)
        if wage is None:
            return d.pend("剔除加班工资后的月工资" + (f"（经审理查明，{why}）" if why else ""))
        calculated(x, d, work_start=min(start.since, hire), years=years, monthly_wage=wage)
        if why and d.calc is not None:
            d.calc.steps.insert(0, f"月工资按剔除加班工资后的{money(wage)}计算（企业职工带薪年休假实施办法第十一条第二款；经审理查明，{why}）")
        if running is not None and d.outcome in (Outcome.PARTLY, Outcome.DENIED):
            d.outcome, d.amount, d.calc, d.reason = Outcome.UNKNOWN, None, None, None
            return d.pend(_running_words(x, running))
        if d.outcome == Outcome.DENIED:
            d.reason = None
            d.deny(f"{because(start)}；按{x.w}的累计工作年限计算，其在主张的年度内尚无应休未休的年休假（职工连续工作满12个月以上的，"
                   f"方享受带薪年休假）{'；' + _early_words(early) if early else ''}，{x.w}的该项请求缺乏依据",
                   c("职工带薪年休假条例", 2), c("企业职工带薪年休假实施办法", 3), *before)
        elif d.outcome == Outcome.PARTLY and not_due:
            which = "及".join(["2008年以前"] * bool(early) + ["超过仲裁时效"] * bool(barred))
            d.reason = f"{which}的年度不予支持（{'；'.join(not_due)}）"
            d.articles += before
        return d
    # the years worked here are a lower bound of the cumulative years (条例第三条): at least the days they give are
    # due; granted only when that already reaches the claim, since more years elsewhere would give more days
    calculated(x, d, work_start=hire, years=years)
    if d.outcome in (Outcome.PARTLY, Outcome.DENIED) or not_due and d.outcome != Outcome.UNKNOWN:
        # the sum asked covers years not due as well: what the years due give must be found first
        d.outcome, d.amount, d.calc, d.reason = Outcome.UNKNOWN, None, None, None
        which = "".join(["2008年以后"] * bool(early) + ["未超过仲裁时效"] * bool(barred))
        d.pend("劳动者的累计工作年限（按在本单位工作年限计算的应休天数少于主张天数）" if not not_due else
               f"{which}年度的应休天数（{'；'.join(not_due)}），须依累计工作年限计算")
        if running is not None:
            d.pend(_running_words(x, running))
    return d


def _year_running(x: Ctx, years: list[int]) -> int | None:
    """The claimed year the application fell in, when the employment goes on past it (no end found): that year's
    leave is not yet untaken for good."""
    from arbitration.law.timebar import employment_ongoing

    applied = x.case.application_date
    if applied is None or x.fact("leave_date") is not None or not employment_ongoing(x.case):
        return None
    return applied.year if applied.year in years and applied < date(applied.year, 12, 31) else None


def _running_words(x: Ctx, year: int) -> str:
    return (f"{year}年度的未休年休假工资（{x.w}申请仲裁时该年度尚未结束、劳动关系存续，{x.e}仍可在该年度内安排年休假或支付"
            f"未休年休假工资报酬，企业职工带薪年休假实施办法第九条、第十条）")


def _early_words(years: list[int]) -> str:
    """Why the years before 2008 are not due (职工带薪年休假条例第十条)."""
    run = years == list(range(years[0], years[-1] + 1))
    span = f"{years[0]}年度至{years[-1]}年度" if run and len(years) > 1 else "、".join(f"{y}年度" for y in years)
    return f"{span}在《职工带薪年休假条例》施行之日（{LEAVE_START.year}年1月1日）之前，不依该条例享受年休假"


def _before_the_regulation(x: Ctx, d: Decision, years: list[int]) -> Decision:
    """Every year claimed lies before the 条例 took effect (第十条): no 未休年休假工资 is owed under it."""
    return d.deny(f"{x.w}主张的{_early_words(years)}，{x.w}的该项请求缺乏法律依据", c("职工带薪年休假条例", 10))


# the overtime pay a finding counts into the monthly wage (「月工资3600元（含加班费600元）」「其中加班工资600元」)
OVERTIME_PAY_IN = re.compile(r"(?<![不未])(?:含|包含|包括|其中)(?:加班费|加班工资)\s*(\d+(?:\.\d+)?)\s*元")


def _leave_wage(x: Ctx) -> tuple[Decimal | None, str | None]:
    """The monthly wage of the leave pay: 实施办法第十一条第二款 leaves overtime pay out, so the overtime pay a finding
    counts into the wage found is taken off; (wage, the sentence saying so)."""
    from arbitration.findings.told import own_sentences

    wage = x.fact("monthly_wage")
    if wage is None:
        return None, None
    for sentence in own_sentences(x.case):
        m = OVERTIME_PAY_IN.search(sentence)
        if m and re.search(rf"(?<![\d.]){re.escape(format(Decimal(wage).normalize(), 'f'))}(?:\.0+)?\s*元", sentence):
            less = Decimal(wage) - Decimal(m.group(1))
            return (less, sentence) if less > 0 else (None, sentence)
    return Decimal(wage), None


def _leave_years(x: Ctx, hire: Any) -> list[int]:
    """The years a leave claim is for: those it names (「2016年度至2018年度」, its period), else every year of the
    employment as found (from the hire to the end, or to the application while it goes on)."""
    from arbitration.law.timebar import claim_years, employment_ongoing

    named = claim_years(x.claim)
    if named:
        return [y for y in named if y >= hire.year]
    leave = x.fact("leave_date")
    last = leave or (x.case.application_date if employment_ongoing(x.case) else None)
    return list(range(hire.year, last.year + 1)) if last is not None else []


def _leave_years_in_time(x: Ctx, years: list[int]) -> tuple[list[int], list[str]]:
    """(years whose claim is in time, why each other year is not): year by year, only when the employer raised the
    time bar (调解仲裁法第二十七条; the leave of a year may be arranged until the end of the next)."""
    from arbitration.law import limitation
    from arbitration.law.timebar import defence_raised, limitation_inputs

    if x.case.application_date is None or defence_raised(x.case, by=x.sides.employer) is None:
        return years, []
    kept, barred = [], []
    for y in years:
        kwargs, _ = limitation_inputs(x.case, x.claim, y)
        v = limitation("annual_leave", application_date=x.case.application_date, **kwargs)
        (barred.append(f"{y}年度：{v.reason}") if v.barred else kept.append(y))
    return kept, barred
