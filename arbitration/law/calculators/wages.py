"""Wage-type calculators: 二倍工资差额, 加班费, 未休年休假工资, 代通知金, 最低工资差额, 竞业限制经济补偿, 加付赔偿金.

Each is a pure function returning model.CalcResult; intermediate values are never rounded, only the final amount
(ROUND_HALF_UP to the fen, `_common.result`)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal

from arbitration.errors import CalculationError, MissingParameter
from arbitration.law import regions as _regions
from arbitration.law.calculators._common import (
    HOURS_PER_DAY,
    PAY_DAYS,
    UNROUNDED,
    add_months,
    add_years,
    cite,
    day_before,
    describe_months,
    less_paid,
    money,
    month_count,
    month_end,
    month_segments,
    months_expr,
    num,
    positive,
    result,
    whole,
    yuan,
)
from arbitration.model import CalcResult

LCL_START = date(2008, 1, 1)  # 劳动合同法施行之日 (第九十八条)

LIMITATION_PRACTICES = ("whole", "per_month")

# ---------------------------------------------------------------- 二倍工资差额


def _alias(name: str, value: date | None, alias: str, alias_value: date | None) -> date | None:
    if value is not None and alias_value is not None and value != alias_value:
        raise ValueError(f"{name} 与 {alias} 是同一参数，给出的日期不一致：{value} / {alias_value}")
    return value if value is not None else alias_value


def double_wage(hire: date, monthly_wage: Decimal | int | str, *, signed: date | None = None,
                end: date | None = None, applied: date | None = None,
                limitation_practice: str = "whole", interruptions: Iterable[date] = (),
                signed_date: date | None = None, application_date: date | None = None,
                open_ended_due: date | None = None, time_bar_raised: bool = False) -> CalcResult:
    """未签书面劳动合同二倍工资差额 per 劳动合同法第八十二条第一款, 实施条例第六、七条: one extra month's wage for
    each month from the day after the first full month of employment (用工之日起满一个月的次日) to the day before
    the contract was signed (`signed`) or the employment ended (`end`, last day worked), at most to the day before
    the first anniversary — 11 months; on the anniversary a contract without fixed term is deemed concluded.

    With `applied` (the date of the arbitration application) the one-year limitation (调解仲裁法第二十七条第一款)
    is checked; the barred months are excluded only when the respondent raised the defence (`time_bar_raised`):
    仲裁时效 is a defence the tribunal does not apply of its own motion, so otherwise the amount covers every month
    and the notes say which months the defence would take out. `limitation_practice="whole"` counts the year from the day after the
    last double-wage day (the claim stands or falls as one); `"per_month"` counts it for each month from the day
    after that month, as some offices do. The verdicts come from `arbitration.law.limitation` (weekends rolled over,
    `interruptions` restart the year per 第二款). Without `applied` the months are returned and limitation is left to
    `arbitration.law.limitation`. `signed_date` and `application_date` are the same as `signed` and `applied`
    under the names the drafting stage's fact pool uses.

    `open_ended_due` switches to 第八十二条第二款: the employer refused the open-ended contract it had to conclude
    (第十四条第二款); double wage from that date to the day before an open-ended contract was signed or the
    employment ended — the statute sets no eleven-month limit. (A fixed-term contract that expired while the worker
    went on working — 山东省劳动合同条例第五十七条 — is computed with `hire` = the first day after expiry.)"""
    signed = _alias("signed", signed, "signed_date", signed_date)
    applied = _alias("applied", applied, "application_date", application_date)
    if limitation_practice not in LIMITATION_PRACTICES:
        raise ValueError(f"limitation_practice 只能是 {LIMITATION_PRACTICES}：{limitation_practice!r}")
    wage = positive("月工资", money(monthly_wage))
    if end is not None and end < hire:
        raise CalculationError(f"劳动关系终止日期 {end} 早于用工之日 {hire}")
    if applied is not None and applied < hire:
        raise CalculationError(f"申请仲裁日期 {applied} 早于用工之日 {hire}")
    pre_law = None
    if hire < LCL_START and open_ended_due is None:
        # 第九十七条第二款: employed before the law without a written contract, the employer had one month from
        # 2008-01-01 to conclude one; the months count from then
        pre_law = (f"用工之日{hire.isoformat()}在劳动合同法施行之前，依劳动合同法第九十七条第二款，应当自2008年1月1日起一个月内"
                   "订立书面劳动合同，二倍工资自2008年1月1日起满一个月的次日起算")
        hire = LCL_START
    stops: list[tuple[date, str]] = []
    if signed is not None:
        stops.append((day_before(signed), f"补订书面劳动合同（{signed.isoformat()}）的前一日"))
    if end is not None:
        stops.append((end, f"劳动关系终止之日（{end.isoformat()}）"))
    if not stops:
        if applied is None:
            raise CalculationError("请给出书面劳动合同订立日期（signed）或劳动关系终止日期（end），否则无法确定二倍工资的截止时间")
        stops.append((applied, f"申请仲裁之日（{applied.isoformat()}，劳动关系仍存续且未订立书面劳动合同）"))
    anniversary = add_years(hire, 1)
    if open_ended_due is None:
        stops.append((day_before(anniversary), f"用工满一年的前一日（{day_before(anniversary).isoformat()}）"))
    elif open_ended_due < hire:
        raise CalculationError(f"应当订立无固定期限劳动合同之日 {open_ended_due} 早于用工之日 {hire}")
    stop, stop_why = min(stops, key=lambda s: s[0])
    notes = [UNROUNDED, "二倍工资差额为未订立书面劳动合同期间每月加付的一倍工资（另一倍已作为正常工资支付）"]
    if open_ended_due is not None:
        start = open_ended_due
        anchor, first_index, limit = open_ended_due, 0, None
        articles = [cite("劳动合同法", 82, 2), cite("劳动合同法", 14, 2)]
        steps = [f"自应当订立无固定期限劳动合同之日{start.isoformat()}起算"]
        notes[1] = "二倍工资差额为应订立而未订立无固定期限劳动合同期间每月加付的一倍工资；法律未规定最长月数"
    else:
        start = add_months(hire, 1)
        anchor, first_index, limit = hire, 1, 11
        articles = [cite("劳动合同法", 82, 1), cite("劳动合同法实施条例", 6, 2)]
        steps = [f"用工之日{hire.isoformat()}，二倍工资自用工之日起满一个月的次日{start.isoformat()}起算"]
        if pre_law:
            steps, articles = [pre_law], [*articles, cite("劳动合同法", 97, 2)]
    if open_ended_due is None and stop == day_before(anniversary):
        articles += [cite("劳动合同法实施条例", 7), cite("劳动合同法", 14, 3)]
        notes.append(f"用工满一年之日（{anniversary.isoformat()}）视为已订立无固定期限劳动合同，此后不再支付第八十二条第一款的二倍工资")
    inputs: dict[str, object] = {"hire": hire, "monthly_wage": wage, "signed": signed, "end": end, "applied": applied,
                                 "limitation_practice": limitation_practice if applied else None,
                                 "time_bar_raised": True if applied and time_bar_raised else None,
                                 "open_ended_due": open_ended_due}
    formula = ("二倍工资差额=月工资×应支付二倍工资的月数（自用工之日起满一个月的次日至补订书面劳动合同前一日，最多十一个月）"
               if open_ended_due is None else
               "二倍工资差额=月工资×月数（自应当订立无固定期限劳动合同之日至订立前一日或劳动关系终止之日）")
    if stop < start:
        steps.append(f"截止于{stop_why}，早于起算日，不产生二倍工资差额")
        return result("double_wage", Decimal(0), formula, steps, articles, inputs, notes)
    segments = month_segments(anchor, first_index, stop, limit=limit)
    steps.append(f"截止于{stop_why}：{start.isoformat()}至{stop.isoformat()}共{describe_months(segments)}")
    for i, (a, b, f) in enumerate(segments, start=1):
        steps.append(f"第{i}个月 {a.isoformat()}至{b.isoformat()}：{yuan(wage)}元×{months_expr([(a, b, f)])}")
    if applied is not None:
        # law-data's verdict: one year from the day after, interruptions, weekends rolled over
        from arbitration.law.limitation import limitation

        def verdict(last_day: date):
            v = limitation("double_wage", None, applied, known_date=last_day, interruptions=interruptions)
            for c in v.articles:
                if c not in articles:
                    articles.append(c)
            for n in v.notes:
                if n not in notes:
                    notes.append(n)
            return v

        bar: list[str] = []  # the limitation reasoning: steps when the defence was raised, else a note
        if limitation_practice == "whole":
            v = verdict(stop)
            bar.append(f"仲裁时效（整体计算，自二倍工资截止日次日起算）：{v.reason}")
            kept = [] if v.barred else segments
            if v.barred:
                bar.append("全部月份均超过仲裁时效，不予计算")
        else:
            kept = []
            for i, (a, b, f) in enumerate(segments, start=1):
                v = verdict(b)
                if v.barred:
                    bar.append(f"第{i}个月（{a.isoformat()}至{b.isoformat()}）的仲裁时效至{v.deadline.isoformat() if v.deadline else ''}"
                               f"届满，申请日{applied.isoformat()}已超过，不予计算")
                else:
                    kept.append((a, b, f))
            bar.append(f"仲裁时效（逐月计算，各月自该月末次日起算）：未超过时效的为{describe_months(kept) if kept else '0个月'}")
        if time_bar_raised:
            steps += ["被申请人提出仲裁时效抗辩", *bar]
            segments = kept
        elif kept != segments:
            notes.append("被申请人未提出仲裁时效抗辩，仲裁庭不主动适用仲裁时效，金额按全部月份计算；如被申请人提出，"
                         f"则{'；'.join(bar)}，余{yuan(wage * month_count(kept))}元")
        notes.append("仲裁时效的计算方法（整体或逐月）依本机构实践选择，本次为" + ("整体计算" if limitation_practice == "whole" else "逐月计算"))
    else:
        notes.append("未给出申请仲裁日期，未审查仲裁时效（调解仲裁法第二十七条），请另行判断（arbitration.law.limitation）")
    months = month_count(segments)
    amount = wage * months
    steps.append(f"二倍工资差额={yuan(wage)}元×{months_expr(segments)}个月={yuan(amount)}元")
    inputs["months"] = months_expr(segments)
    return result("double_wage", amount, formula, steps, articles, inputs, notes)


# ---------------------------------------------------------------- 加班费

WORK_SYSTEMS = ("standard", "comprehensive", "flexible")
MONTH_WORK_DAYS = Decimal("20.83")  # 工资折算通知第一条: (365 − 104 − 11) ÷ 12


def overtime(monthly_wage: Decimal | int | str, *, weekday_hours: Decimal | int | str | None = None,
             rest_day_hours: Decimal | int | str | None = None, holiday_hours: Decimal | int | str | None = None,
             paid: Decimal | int | str = 0, system: str = "standard",
             total_hours: Decimal | int | str | None = None, period_months: Decimal | int | str | None = None,
             flexible_holiday_pay: bool = False, month_work_days: Decimal | int | str = MONTH_WORK_DAYS) -> CalcResult:
    """加班费 per 劳动法第四十四条 and 工资支付暂行规定第十三条: hourly wage = monthly wage ÷ 21.75 ÷ 8
    (工资折算通知第二条); 150 % for hours beyond the working day, 200 % for rest days without time off in lieu,
    300 % for statutory holidays; less what was already paid (`paid`).

    `system="comprehensive"` (综合计算工时): hours worked in the period (`total_hours`, holiday hours excluded)
    beyond the statutory standard of `period_months` × `month_work_days` (20.83 per the 2008 notice) × 8 hours
    count at 150 %; holiday hours still at
    300 %. `system="flexible"` (不定时工时): no overtime pay (第十三条第四款); holiday hours at 300 % only where
    local rules say so (`flexible_holiday_pay=True`). Hours not given at all (None) raise MissingParameter — an
    established 0 must be passed as 0, so a missing fact never turns into a zero award."""
    if system not in WORK_SYSTEMS:
        raise ValueError(f"system 只能是 {WORK_SYSTEMS}：{system!r}")
    wage = positive("月工资", money(monthly_wage))
    if weekday_hours is None and rest_day_hours is None and holiday_hours is None and total_hours is None:
        raise MissingParameter("缺少加班时数：请给出工作日延长工作时间、休息日或法定休假日加班的小时数（或综合计算工时的总工时）")
    wd = whole(weekday_hours or 0, "工作日延长工作时间")
    rd = whole(rest_day_hours or 0, "休息日加班时间")
    hd = whole(holiday_hours or 0, "法定休假日加班时间")
    already = positive("已支付加班费", money(paid))
    hourly = wage / PAY_DAYS / HOURS_PER_DAY
    steps = [f"小时工资=月工资{yuan(wage)}元÷21.75天÷8小时={hourly:.4f}元（{UNROUNDED}）"]
    articles = [cite("劳动法", 44), cite("工资折算通知", 2), cite("工资支付暂行规定", 13, 1)]
    notes: list[str] = []
    parts: list[tuple[str, Decimal, Decimal]] = []  # (kind, hours, rate)
    if system == "standard":
        if total_hours is not None or period_months is not None:
            raise ValueError("total_hours、period_months 仅用于综合计算工时制（system='comprehensive'）")
        parts = [("工作日延长工作时间", wd, Decimal("1.5")), ("休息日工作且未补休", rd, Decimal(2)),
                 ("法定休假日工作", hd, Decimal(3))]
    elif system == "comprehensive":
        articles.append(cite("工资支付暂行规定", 13, 3))
        if total_hours is None or period_months is None:
            raise CalculationError("综合计算工时制须给出综合计算周期内的实际工作总时数（total_hours）和周期月数（period_months）")
        if wd or rd:
            raise CalculationError("综合计算工时制下工作日、休息日的工作时间计入总工时（total_hours），不单独按150%、200%计算")
        total = whole(total_hours, "实际工作总时数")
        months = whole(period_months, "综合计算周期月数")
        per_month = whole(month_work_days, "月工作日")
        standard = per_month * HOURS_PER_DAY * months
        excess = max(total - standard, Decimal(0))
        articles += [cite("工资折算通知", 1, 3), cite("工资折算通知", 1, 4)]
        steps.append(f"周期法定标准工作时间={num(per_month)}天×8小时×{num(months)}个月={num(standard)}小时；实际工作{num(total)}小时，"
                     f"超过部分{num(excess)}小时视为延长工作时间")
        if per_month == MONTH_WORK_DAYS:
            notes.append("月工作日20.83天系按全年11天法定节假日折算（工资折算通知）；2025年1月1日起法定节假日增至13天，"
                         "请核对现行折算标准（参数 month_work_days）")
        parts = [("综合计算周期内超过法定标准工作时间", excess, Decimal("1.5")), ("法定休假日工作", hd, Decimal(3))]
        notes.append("综合计算工时制须经劳动行政部门批准；法定休假日工作仍按300%支付")
    else:
        articles.append(cite("工资支付暂行规定", 13, 4))
        steps.append("实行不定时工时制度的劳动者不执行延长工作时间、休息日加班工资的规定")
        notes.append("不定时工时制须经劳动行政部门批准；未经批准的按标准工时制计算")
        if flexible_holiday_pay:
            parts = [("法定休假日工作（依地方规定）", hd, Decimal(3))]
            notes.append("法定休假日工作按300%支付系依本地规定，请核对当地文件")
        else:
            parts = []
    total_due = Decimal(0)
    for kind, hours, rate in parts:
        if not hours:
            continue
        amount = hourly * hours * rate
        total_due += amount
        steps.append(f"{kind}：{hourly:.4f}元×{num(hours)}小时×{num(rate * 100)}%={amount:.4f}元")
    steps.append(f"应付加班费合计{yuan(total_due)}元")
    amount = less_paid(total_due, already, steps, rest="差额")
    return result(
        "overtime",
        amount,
        "加班费=月工资÷21.75÷8×（工作日延时小时数×150%+休息日未补休小时数×200%+法定休假日小时数×300%）−已付加班费",
        steps,
        articles,
        {"monthly_wage": wage, "weekday_hours": wd, "rest_day_hours": rd, "holiday_hours": hd, "paid": already,
         "system": system, "total_hours": total_hours, "period_months": period_months},
        notes,
    )


# ---------------------------------------------------------------- 未休年休假工资

TIERS = ((20, 15), (10, 10), (1, 5))  # 条例第三条: 已满20年15天, 已满10年10天, 已满1年5天
LEAVE_START = date(2008, 1, 1)  # 职工带薪年休假条例施行之日 (第十条)


def _tier_days(years: int) -> int:
    for at_least, days in TIERS:
        if years >= at_least:
            return days
    return 0


def annual_leave(monthly_wage: Decimal | int | str, year: int | None = None, *, work_start: date | None = None,
                 cumulative_years: int | None = None, hire: date | None = None, leave: date | None = None,
                 taken_days: Decimal | int | str | Mapping[int, Decimal | int | str] = 0,
                 years: Iterable[int] | None = None) -> CalcResult:
    """未休年休假工资 for one calendar year per 职工带薪年休假条例第三、五条 and 实施办法第五、十、十一、十二条.

    Entitlement by cumulative service (`work_start`, the day cumulative work began, or `cumulative_years` as of
    1 January): 满1年不满10年 5 days, 满10年不满20年 10, 满20年 15. In the year of joining (`hire`) or leaving
    (`leave`) — and from the day the worker first completes 12 months or moves up a tier — days are prorated by
    calendar days ÷ 365 and the fraction of a day dropped (第五条, 第十二条: minus days already taken, then
    rounded down). Pay: the 200 % on top of the normal wage already paid = 2 × monthly wage ÷ 21.75 per day.
    `year` defaults to the year of leaving. With `years` (several calendar years; `cumulative_years` then counts
    as of 1 January of the first, and `taken_days` may map year → days) the years are computed one by one and
    summed; the limitation of each year's claim is left to `arbitration.law.limitation`. No leave pay is owed under
    the 条例 for time before it took effect on 2008-01-01 (第十条): an earlier year gives 0, though the years worked
    before 2008 still count into the cumulative service."""
    if years is not None:
        return _annual_leave_years(monthly_wage, sorted(set(years)), year, work_start, cumulative_years, hire, leave,
                                   taken_days)
    wage = positive("月工资", money(monthly_wage))
    if year is None:
        if leave is None:
            raise CalculationError("请给出计算未休年休假工资的年度（year）或离职日期（leave）")
        year = leave.year
    if isinstance(taken_days, Mapping):
        taken_days = taken_days.get(year, 0)
    taken = whole(taken_days, "已休年休假天数")
    if (work_start is None) == (cumulative_years is None):
        raise CalculationError("请给出累计工作起算日期（work_start）或截至当年1月1日的累计工作年限（cumulative_years）之一")
    if cumulative_years is not None and cumulative_years < 0:
        raise CalculationError(f"累计工作年限不能为负数：{cumulative_years}")
    if not 1900 < year < 2200:
        raise CalculationError(f"年度不合理：{year}")
    if hire and leave and leave < hire:
        raise CalculationError(f"离职日期 {leave} 早于入职日期 {hire}")
    if work_start and hire and hire < work_start:
        raise CalculationError(f"入职日期 {hire} 早于累计工作起算日期 {work_start}")
    jan1, dec31 = date(year, 1, 1), date(year, 12, 31)
    first = max(jan1, hire) if hire else jan1
    last = min(dec31, leave) if leave else dec31
    articles = [cite("职工带薪年休假条例", 3, 1), cite("职工带薪年休假条例", 5, 3), cite("企业职工带薪年休假实施办法", 10, 1),
                cite("企业职工带薪年休假实施办法", 11, 1)]
    steps: list[str] = []
    notes = [UNROUNDED]
    inputs: dict[str, object] = {"monthly_wage": wage, "year": year, "work_start": work_start,
                                 "cumulative_years": cumulative_years, "hire": hire, "leave": leave, "taken_days": taken}
    formula = "未休年休假工资=月工资÷21.75×应休未休天数×200%"
    if year < LEAVE_START.year:
        steps.append(f"《职工带薪年休假条例》自{LEAVE_START.year}年1月1日起施行，{year}年度在其施行之前，"
                     "不依该条例享受年休假，无未休年休假工资")
        return result("annual_leave", Decimal(0), formula, steps, [cite("职工带薪年休假条例", 10)], inputs, notes)
    if first > last:
        steps.append(f"{year}年度未在本单位工作，无年休假")
        return result("annual_leave", Decimal(0), formula, steps, articles, inputs, notes)
    # tier boundaries inside [first, last]
    if work_start is not None:
        def years_on(d: date) -> int:
            n = d.year - work_start.year
            return n if add_years(work_start, n) <= d else n - 1

        cuts = sorted({add_years(work_start, n) for n in (1, 10, 20)} | {first})
        cuts = [c for c in cuts if first <= c <= last]
        pieces = []
        for i, a in enumerate(cuts):
            b = day_before(cuts[i + 1]) if i + 1 < len(cuts) else last
            pieces.append((a, b, _tier_days(years_on(a)), years_on(a)))
        steps.append(f"累计工作自{work_start.isoformat()}起算")
    else:
        pieces = [(first, last, _tier_days(cumulative_years or 0), cumulative_years or 0)]
    full_year = first == jan1 and last == dec31 and len({p[2] for p in pieces}) == 1
    if full_year:
        entitled = Decimal(pieces[0][2])
        steps.append(f"{year}年度全年在本单位工作，累计工作{pieces[0][3]}年，全年应休年休假{entitled}天")
        days = max(entitled - taken, Decimal(0))
        steps.append(f"应休{entitled}天−已休{num(taken)}天=未休{num(days)}天")
    else:
        raw = Decimal(0)
        for a, b, tier, yrs in pieces:
            n = (b - a).days + 1
            share = Decimal(n) / Decimal(365) * tier
            raw += share
            steps.append(f"{a.isoformat()}至{b.isoformat()}共{n}天，累计工作{yrs}年对应全年{tier}天：{n}÷365×{tier}={share:.4f}天")
        annual_max = max(p[2] for p in pieces)
        if raw > annual_max:  # a leap year's 366 days over 365
            raw = Decimal(annual_max)
            steps.append(f"折算天数不超过全年应休{annual_max}天")
        if leave is not None and leave <= dec31 and leave.year == year:
            articles += [cite("企业职工带薪年休假实施办法", 12, 1), cite("企业职工带薪年休假实施办法", 12, 2)]
            days = Decimal(max(math.floor(raw - taken), 0))
            steps.append(f"离职当年按已工作时间折算：{raw:.4f}天−已休{num(taken)}天，不足1整天的部分不计，未休{days}天")
        else:
            articles.append(cite("企业职工带薪年休假实施办法", 5, 1))
            entitled = Decimal(math.floor(raw))
            days = max(entitled - taken, Decimal(0))
            how = "按剩余日历天数折算" if hire and hire.year == year else "按各段日历天数折算"
            steps.append(f"{how}{raw:.4f}天，不足1整天的部分不享受，应休{entitled}天−已休{num(taken)}天=未休{num(days)}天")
        if len({p[2] for p in pieces}) > 1:
            notes.append("年度内累计工作年限跨档或首次满12个月的，按各段日历天数分别折算后相加（本计算的做法，法规未明文规定）")
    if hire and not full_year:
        notes.append("新进本单位且累计工作已满12个月的，当年度按剩余日历天数折算（实施办法第五条）")
    daily = wage / PAY_DAYS
    amount = daily * days * 2
    steps.append(f"日工资={yuan(wage)}元÷21.75={daily:.4f}元；未休年休假工资={daily:.4f}元×{num(days)}天×200%={amount:.4f}元")
    notes.append("是否存在不享受当年年休假的情形（条例第四条：寒暑假、事假累计20天以上、病假累计2至4个月以上等）须另行审查")
    notes.append("实施办法第十条的300%中含正常工作期间已支付的100%，故另付200%；月工资为支付前12个月剔除加班工资后的月平均工资（第十一条第二款）")
    inputs["days"] = num(days)
    return result("annual_leave", amount, formula, steps, articles, inputs, notes)


def _annual_leave_years(monthly_wage, years: list[int], year, work_start, cumulative_years, hire, leave,
                        taken_days) -> CalcResult:
    if year is not None and year not in years:
        raise ValueError("year 与 years 不能同时给出（year 须是 years 之一）")
    if not years:
        raise CalculationError("years 为空：请给出要计算的年度")
    taken = taken_days if isinstance(taken_days, Mapping) else None
    if taken is None and whole(taken_days, "已休年休假天数"):
        raise CalculationError("计算多个年度时，已休天数须按年度给出（taken_days={年度: 天数}）")
    extra = set(taken or {}) - set(years)
    if extra:
        raise CalculationError(f"已休天数所列年度不在计算年度中：{sorted(extra)}")
    parts = []
    for y in years:
        cum = None if cumulative_years is None else cumulative_years + (y - years[0])
        parts.append(annual_leave(monthly_wage, y, work_start=work_start, cumulative_years=cum, hire=hire,
                                  leave=leave, taken_days=(taken or {}).get(y, 0)))
    steps: list[str] = []
    articles: list = []
    notes: list[str] = []
    for y, r in zip(years, parts, strict=True):
        steps += [f"{y}年度：{s}" for s in r.steps]
        articles += [c for c in r.articles if c not in articles]
        notes += [n for n in r.notes if n not in notes]
    amount = sum((r.amount for r in parts), Decimal(0))  # each year already to the fen, as awards list them
    steps.append("合计" + "+".join(f"{r.amount}元" for r in parts) + f"={yuan(amount)}元")
    notes.append("各年度分别计算并保留到分后相加；各年度请求的仲裁时效分别判断")
    inputs = dict(parts[0].inputs) | {"years": "、".join(map(str, years)),
                                      "days": "、".join(r.inputs.get("days", "0") for r in parts)}
    inputs.pop("year", None)
    inputs.pop("taken_days", None)
    return result("annual_leave", amount, parts[0].formula, steps, articles, inputs, notes)


# ---------------------------------------------------------------- 欠付工资（按期间）

PAID_DAYS_PER_MONTH = Decimal("21.75")  # 月计薪天数 (工资折算通知第二条: (365-104)÷12)


def wages_for_period(monthly_wage: Decimal | int | str, start: date, end: date) -> CalcResult:
    """The wage of a period at a monthly rate: each whole calendar month one month's wage; a part of a month by
    its paid days (Monday to Friday, statutory holidays included, as 21.75 counts them) × wage ÷ 21.75
    (工资折算通知第二条) — the pay owed for the time worked when none of it was paid."""
    wage = positive("月工资", money(monthly_wage))
    if end < start:
        raise CalculationError(f"期间终止日 {end} 早于起始日 {start}")
    steps: list[str] = []
    amount = Decimal(0)
    day = date(start.year, start.month, 1)
    while day <= end:
        last = month_end(day)
        a, b = max(day, start), min(last, end)
        if a == day and b == last:
            amount += wage
            steps.append(f"{day.year}年{day.month}月：整月{yuan(wage)}元")
        else:
            paid = sum(1 for i in range((b - a).days + 1) if (a + timedelta(days=i)).weekday() < 5)
            part = wage / PAID_DAYS_PER_MONTH * paid
            amount += part
            steps.append(f"{day.year}年{day.month}月：{a.isoformat()}至{b.isoformat()}计薪{paid}天，"
                         f"{yuan(wage)}元÷21.75×{paid}={part:.2f}元")
        day = last + timedelta(days=1)
    steps.append(f"合计{amount:.2f}元")
    return result("wages_for_period", amount, "工资=月工资×整月数+月工资÷21.75×不足整月部分的计薪天数", steps,
                  [cite("工资折算通知", 2)], {"monthly_wage": wage, "start": start, "end": end}, [UNROUNDED])


# ---------------------------------------------------------------- 代通知金


def notice_pay(monthly_wage: Decimal | int | str) -> CalcResult:
    """代通知金 per 劳动合同法第四十条 and 实施条例第二十条: one month's wage at the standard of the month before
    termination (`monthly_wage` = 上一个月的工资标准), paid instead of 30 days' written notice."""
    wage = positive("上一个月工资", money(monthly_wage))
    if wage == 0:
        raise CalculationError("上一个月工资为0，无法确定代通知金标准，请核对工资数额")
    return result(
        "notice_pay",
        wage,
        "代通知金=劳动者上一个月的工资标准×1个月",
        [f"代通知金={yuan(wage)}元×1个月={yuan(wage)}元"],
        [cite("劳动合同法", 40), cite("劳动合同法实施条例", 20)],
        {"monthly_wage": wage},
        ["仅适用于用人单位依第四十条解除且未提前三十日书面通知的情形"],
    )


# ---------------------------------------------------------------- 最低工资差额


def _month_key(k: date | str) -> date:
    if isinstance(k, date):
        return date(k.year, k.month, 1)
    try:
        y, m = str(k).strip().replace("年", "-").removesuffix("月").split("-")[:2]
        return date(int(y), int(m), 1)
    except (ValueError, TypeError) as e:
        raise CalculationError(f"月份应写作「2023-05」或日期：{k!r}") from e


def minimum_wage(city: str | None, wages: Mapping[date | str, Decimal | int | str], *,
                 excluded: Mapping[date | str, Decimal | int | str] | Decimal | int | str = 0,
                 standard: Decimal | int | str | None = None) -> CalcResult:
    """最低工资差额 per 劳动法第四十八条 and 劳动合同法第八十五条: for each month (`wages`: month → wage paid for
    normal working hours), the minimum wage in force in `city` on the first day of that month minus the wage
    paid after taking out the items local rules exclude (`excluded`: 延长工作时间工资, 中夜班/高温/井下等特殊津贴,
    法定福利 …, per month or one figure for all months); months at or above the minimum count 0.
    `standard` overrides the regional figure (all months)."""
    if not wages:
        raise CalculationError("缺少各月实发工资（wages）")
    if city is None and standard is None:
        raise MissingParameter("缺少劳动合同履行地（city）或月最低工资标准（standard），无法计算最低工资差额")
    std_override = positive("月最低工资标准", money(standard)) if standard is not None else None
    months = sorted((_month_key(k), positive("实发工资", money(v))) for k, v in wages.items())
    if len({m for m, _ in months}) != len(months):
        raise CalculationError("同一月份重复给出工资")
    if isinstance(excluded, Mapping):
        excl = {_month_key(k): positive("应剔除项目", money(v)) for k, v in excluded.items()}
        unknown = set(excl) - {m for m, _ in months}
        if unknown:
            raise CalculationError(f"剔除项目所列月份不在工资月份中：{sorted(d.strftime('%Y-%m') for d in unknown)}")
    else:
        flat = positive("应剔除项目", money(excluded))
        excl = {m: flat for m, _ in months}
    steps: list[str] = []
    sources: set[str] = set()
    cautions: set[str] = set()
    total = Decimal(0)
    for m, paid in months:
        if std_override is not None:
            std = std_override
        else:
            fig = _regions.minimum_wage(city or "", m)  # MissingParameter names the city, year and file
            std = fig.monthly
            sources.add(f"{fig.city}{fig.effective.isoformat() if fig.effective else ''}起{yuan(fig.monthly)}元（{fig.source}）")
            if fig.note:
                cautions.add(f"{fig.city}{fig.effective.isoformat() if fig.effective else ''}起的标准：{fig.note}")
        out = excl.get(m, Decimal(0))
        if out > paid:
            raise CalculationError(f"{m.strftime('%Y-%m')}应剔除项目{yuan(out)}元超过实发工资{yuan(paid)}元")
        counted = paid - out
        gap = max(std - counted, Decimal(0))
        total += gap
        label = f"{m.year}年{m.month}月"
        if out:
            steps.append(f"{label}：最低工资{yuan(std)}元−（实发{yuan(paid)}元−剔除{yuan(out)}元）={yuan(std - counted)}元"
                         + ("" if gap else "，不低于最低工资，差额计0元"))
        else:
            steps.append(f"{label}：最低工资{yuan(std)}元−实发{yuan(paid)}元={yuan(std - counted)}元" + ("" if gap else "，不低于最低工资，差额计0元"))
    steps.append(f"最低工资差额合计{yuan(total)}元")
    notes = ["最低工资标准适用于提供了正常劳动的月份；缺勤、停工等情形请先核实"] + [f"最低工资标准：{s}" for s in sorted(sources)]
    notes += sorted(cautions)
    if std_override is not None:
        notes.append(f"最低工资标准由使用者提供：{yuan(std_override)}元")
    return result(
        "minimum_wage",
        total,
        "最低工资差额=Σ（当月最低工资标准−（当月实发工资−依规剔除的项目））（不低于0）",
        steps,
        [cite("劳动法", 48, 2), cite("劳动合同法", 85, 1, 2)],
        {"city": city, "months": len(months), "standard": std_override},
        notes,
    )


# ---------------------------------------------------------------- 竞业限制经济补偿

NON_COMPETE_RATE = Decimal("0.3")  # 解释（一）第三十六条第一款
NON_COMPETE_MAX_MONTHS = 24  # 劳动合同法第二十四条第二款: 不得超过二年


def non_compete(monthly_wage: Decimal | int | str, months: Decimal | int | str, *, leave: date,
                city: str | None = None, minimum: Decimal | int | str | None = None,
                agreed_monthly: Decimal | int | str | None = None, paid: Decimal | int | str = 0,
                released: bool = False) -> CalcResult:
    """竞业限制经济补偿: with no agreed amount, 30 % of the average monthly wage of the 12 months before
    termination, and not less than the minimum wage where the contract was performed, per month of restriction
    actually observed (解释（一）第三十六条), counted from the day after `leave`. With an agreed monthly amount
    (`agreed_monthly`, 第二十三条第二款) that amount is used. At most 24 months (第二十四条第二款). When the
    employer released the worker during the period (`released=True`), three more months at the last month's
    standard are added (解释（一）第三十九条第二款). `monthly_wage` is the worker's average monthly wage of the 12
    months before termination."""
    avg = positive("离职前十二个月平均工资", money(monthly_wage))
    n = whole(months, "竞业限制履行月数")
    already = positive("已支付经济补偿", money(paid))
    if n > NON_COMPETE_MAX_MONTHS:
        raise CalculationError(f"竞业限制期限不得超过二年（劳动合同法第二十四条第二款）：{num(n)}个月")
    articles = [cite("劳动合同法", 23, 2), cite("劳动合同法", 24, 2)]
    steps: list[str] = []
    notes = [UNROUNDED, "应以劳动者实际履行竞业限制义务为前提"]
    start = leave + timedelta(days=1)
    agreed = positive("约定的月经济补偿", money(agreed_monthly)) if agreed_monthly is not None else None
    thirty = avg * NON_COMPETE_RATE
    if agreed is None:
        articles += [cite("劳动争议解释（一）", 36, 1), cite("劳动争议解释（一）", 36, 2)]
        steps.append(f"未约定经济补偿：月平均工资{yuan(avg)}元×30%={thirty:.4f}元")
        if minimum is None and city is None:
            raise MissingParameter("缺少劳动合同履行地（city）或当地月最低工资标准（minimum），无法核对竞业限制经济补偿的下限")

    def standard(on: date) -> tuple[Decimal, str]:
        """The monthly compensation for the month starting `on`, and why."""
        if agreed is not None:
            return agreed, f"按约定{yuan(agreed)}元"
        if minimum is not None:
            low = positive("月最低工资标准", money(minimum))
        else:
            fig = _regions.minimum_wage(city or "", on)  # MissingParameter names the city, year and file
            low = fig.monthly
            for line in (f"最低工资标准：{fig.city}{fig.effective}起{yuan(fig.monthly)}元（{fig.source}）", fig.note):
                if line and line not in notes:
                    notes.append(line)
        if low > thirty:
            return low, f"30%标准低于当地最低工资标准{yuan(low)}元，按最低工资{yuan(low)}元"
        return thirty, f"30%标准不低于当地最低工资标准{yuan(low)}元，计{thirty:.4f}元"

    full = int(n)
    frac = n - full
    spans = [(add_months(start, i), Decimal(1)) for i in range(full)]
    if frac:
        spans.append((add_months(start, full), frac))
    total = Decimal(0)
    monthly = Decimal(0)
    for i, (on, f) in enumerate(spans, start=1):
        monthly, why = standard(on)
        total += monthly * f
        steps.append(f"第{i}个月（自{on.isoformat()}）：{why}×{num(f)}")
    steps.append(f"履行竞业限制{num(n)}个月，合计{total:.4f}元")
    if released:
        if not spans:
            monthly, why = standard(start)
        extra = monthly * 3
        total += extra
        articles.append(cite("劳动争议解释（一）", 39, 2))
        steps.append(f"用人单位在竞业限制期限内解除竞业限制协议，额外支付三个月：{monthly:.4f}元×3={extra:.4f}元")
    amount = less_paid(total, already, steps)
    return result(
        "non_compete",
        amount,
        "竞业限制经济补偿=max（离职前十二个月平均工资×30%，当地月最低工资标准）×履行竞业限制的月数（有约定的按约定）",
        steps,
        articles,
        {"monthly_wage": avg, "months": n, "leave": leave, "city": city, "minimum": minimum,
         "agreed_monthly": agreed, "paid": already, "released": released or None},
        notes,
    )


# ---------------------------------------------------------------- 加付赔偿金

RATE_MIN, RATE_MAX = Decimal("0.5"), Decimal(1)


def additional_compensation(owed: Decimal | int | str, rate: Decimal | int | str = RATE_MIN) -> CalcResult:
    """加付赔偿金 per 劳动合同法第八十五条: 50 %–100 % of the amount owed (劳动报酬、加班费、最低工资差额或经济补偿)
    that the employer failed to pay within the time the labour administration ordered; `rate` is the ratio."""
    base = positive("应付金额", money(owed))
    r = money(rate)
    if not RATE_MIN <= r <= RATE_MAX:
        raise CalculationError(f"加付赔偿金的比例应在50%至100%之间：{num(r * 100)}%")
    amount = base * r
    return result(
        "additional_compensation",
        amount,
        "加付赔偿金=应付金额×比例（50%～100%）",
        [f"加付赔偿金={yuan(base)}元×{num(r * 100)}%={yuan(amount)}元"],
        [cite("劳动合同法", 85, 1)],
        {"owed": base, "rate": r},
        ["前提：劳动行政部门已责令限期支付而用人单位逾期不支付；仅限第八十五条所列四项款项"],
    )


__all__ = [
    "additional_compensation",
    "annual_leave",
    "double_wage",
    "minimum_wage",
    "non_compete",
    "notice_pay",
    "overtime",
]

