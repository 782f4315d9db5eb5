"""经济补偿 (劳动合同法第四十六、四十七条, 第九十七条第三款) and 违法解除/终止赔偿金 (第八十七条, 实施条例第二十五条)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_UP, Decimal

from arbitration.errors import CalculationError, MissingParameter
from arbitration.law import regions as _regions
from arbitration.law.calculators._common import (
    cite,
    fen,
    money,
    num,
    positive,
    result,
    span,
    yuan,
)
from arbitration.law.regions import average_wage as _average_wage
from arbitration.model import CalcResult

LCL_START = date(2008, 1, 1)  # 劳动合同法施行之日 (第九十八条)
CAP_MULTIPLE = Decimal(3)  # 第四十七条第二款: 三倍
CAP_YEARS = Decimal(12)  # 第四十七条第二款: 最高不超过十二年
PRE2008_RULES = ("old_rule", "old_rule_12", "none")
# the note of a result whose base could not be raised to the local minimum wage (实施条例第二十七条): a lower bound
FLOOR_UNCHECKED = "未能核对月工资是否低于当地最低工资标准"


def service_months(start: date, end: date) -> tuple[Decimal, str]:
    """Months of wages for a period under 第四十七条第一款: each full year one month; six months or more but
    under a year counts as one year; under six months half a month. Returns (months, how it was counted)."""
    s = span(start, end)
    years = Decimal(s.years)
    if s.rest_months >= 6:
        extra, how = Decimal(1), "满六个月不满一年的部分按一年计算"
    elif s.rest_months or s.days:
        extra, how = Decimal("0.5"), "不满六个月的部分按半个月计算"
    else:
        extra, how = Decimal(0), "恰为整年"
    return years + extra, f"{s.start.isoformat()}至{s.end.isoformat()}共{s.describe()}，{how}，计{num(years + extra)}个月"


@dataclass(frozen=True)
class _Base:
    """The monthly base after the 3× cap and whether the cap applies (第四十七条第二款)."""

    wage: Decimal
    capped: bool
    average: Decimal | None
    source: str | None


def _below_any_cap(monthly_wage: Decimal, city: str, leave: date, year: int,
                   minimum: tuple[Decimal, str] | None = None) -> str | None:
    """The cap cannot apply when the wage is at most 3× the local minimum wage: every full-time wage is at least
    the minimum, so the average wage is too. `minimum` (figure, source) is one the user or the findings gave; else
    the region table's. Returns the step saying so, or None when that does not settle it."""
    if minimum is None:
        try:
            low = _regions.minimum_wage(city, leave)
        except MissingParameter:
            return None
        minimum = (low.monthly, low.source)
    figure, source = minimum
    if monthly_wage > figure * CAP_MULTIPLE:
        return None
    return (f"{city}{year}年度职工月平均工资未载入；月工资{yuan(monthly_wage)}元不超过当地月最低工资标准"
            f"{yuan(figure)}元（{source}）的三倍{yuan(figure * CAP_MULTIPLE)}元，职工月平均工资不低于最低工资标准，"
            f"故月工资不超过职工月平均工资的三倍，不适用第四十七条第二款封顶，按实际月工资计算")


def _cap_threshold(monthly_wage: Decimal) -> str:
    """What the missing average wage has to settle, for the review sheet: the cap applies only below a third of the
    monthly wage, so the figure entered need only be compared with that (no figure is assumed here)."""
    third = (monthly_wage / CAP_MULTIPLE).quantize(Decimal("0.01"), rounding=ROUND_UP)
    return (f"月工资{yuan(monthly_wage)}元：该年度职工月平均工资不低于{yuan(third)}元的，不适用第四十七条第二款的三倍封顶，"
            f"按实际月工资计算")


def _base(monthly_wage: Decimal, leave: date, city: str | None, average_wage: Decimal | None,
          wage_year: int | None, average_source: str | None = None,
          minimum: tuple[Decimal, str] | None = None) -> tuple[_Base, list[str]]:
    year = wage_year or leave.year - 1
    steps: list[str] = []
    source = None
    if average_wage is None:
        if city is None:
            raise CalculationError(
                "核对三倍封顶需要本地区上年度职工月平均工资：请给出城市（city）或直接给出月平均工资（average_wage）"
            )
        try:
            fig = _average_wage(city, year)  # MissingParameter names the city, year and file
        except MissingParameter as e:
            below = _below_any_cap(monthly_wage, city, leave, year, minimum)
            if below is None:
                raise MissingParameter(e.what, f"{_cap_threshold(monthly_wage)}；{e.hint}" if e.hint
                                       else _cap_threshold(monthly_wage)) from e
            return _Base(monthly_wage, False, None, None), [below]
        average_wage, source = fig.monthly, f"{fig.city}{year}年度职工月平均工资{yuan(fig.monthly)}元（{fig.source}）"
    else:
        average_wage = positive("职工月平均工资", money(average_wage))
        source = f"本地区{year}年度职工月平均工资{yuan(average_wage)}元（{average_source or '由使用者提供'}）"
    cap = average_wage * CAP_MULTIPLE
    if monthly_wage > cap:
        steps.append(f"月工资{yuan(monthly_wage)}元高于{source}的三倍{yuan(cap)}元，按{yuan(cap)}元计算，年限最高不超过十二年")
        return _Base(cap, True, average_wage, source), steps
    steps.append(f"月工资{yuan(monthly_wage)}元未超过{source}的三倍{yuan(cap)}元，按实际月工资计算")
    return _Base(monthly_wage, False, average_wage, source), steps


def _given_minimum(minimum: Decimal | int | str | None, source: str | None) -> tuple[Decimal, str] | None:
    """The minimum wage the user or the findings gave, with where it comes from."""
    if minimum is None:
        return None
    return positive("月最低工资标准", money(minimum)), source or "由使用者提供"


def _floor(wage: Decimal, leave: date, city: str | None, minimum: tuple[Decimal, str] | None,
           steps: list[str], notes: list[str]) -> Decimal:
    """实施条例第二十七条: a 12-month average below the local minimum wage counts as the minimum wage."""
    if minimum is not None:
        low, source = minimum[0], f"当地月最低工资标准（{minimum[1]}）"
    elif city is not None:
        try:
            fig = _regions.minimum_wage(city, leave)
        except MissingParameter as e:
            notes.append(f"{FLOOR_UNCHECKED}：{e}")
            return wage
        low, source = fig.monthly, f"{fig.city}月最低工资标准（{fig.source}）"
        if fig.note and wage < low:
            notes.append(fig.note)
    else:
        return wage
    if wage < low:
        steps.append(f"前十二个月平均工资{yuan(wage)}元低于{source}{yuan(low)}元，按{yuan(low)}元计算")
        notes.append("月工资低于当地最低工资标准，依实施条例第二十七条按最低工资标准计算")
        return low
    return wage


def severance(hire: date, leave: date, monthly_wage: Decimal | int | str, *, city: str | None = None,
              average_wage: Decimal | int | str | None = None, pre2008: str = "old_rule",
              wage_year: int | None = None, minimum: Decimal | int | str | None = None,
              average_source: str | None = None, minimum_source: str | None = None) -> CalcResult:
    """经济补偿 per 劳动合同法第四十七条: months of service (six-month rule) × the average monthly wage of the 12
    months before the end, capped at 3× the local average wage of the previous year and 12 years (第二款).

    Service before 2008-01-01 follows 第九十七条第三款: from 2008 on by this law; before, by the rules then in force
    (劳部发〔1994〕481号: each year one month, under a year counts as a year) — `pre2008="old_rule"` — or nothing when
    those rules gave no compensation for this ground (e.g. expiry of the contract) — `pre2008="none"` — or at most
    twelve months where those rules capped it (协商解除 第五条, 不能胜任 第七条) — `pre2008="old_rule_12"`.
    """
    if pre2008 not in PRE2008_RULES:
        raise ValueError(f"pre2008 只能是 {PRE2008_RULES}：{pre2008!r}")
    wage = positive("月工资", money(monthly_wage))
    if leave < hire:
        raise CalculationError(f"离职日期 {leave} 早于入职日期 {hire}")
    notes: list[str] = []
    floor_steps: list[str] = []
    given = wage
    low = _given_minimum(minimum, minimum_source)
    wage = _floor(wage, leave, city, low, floor_steps, notes)
    base, steps = _base(wage, leave, city, average_wage, wage_year, average_source, low)
    steps = floor_steps + steps
    articles = [cite("劳动合同法", 46), cite("劳动合同法", 47, 1), cite("劳动合同法", 47, 3)]
    if floor_steps:
        articles.append(cite("劳动合同法实施条例", 27))
    if base.capped:
        articles.append(cite("劳动合同法", 47, 2))
        notes.append("月工资超过本地区上年度职工月平均工资三倍，适用第四十七条第二款封顶")

    pre_months = Decimal(0)
    if hire < LCL_START <= leave:
        articles.append(cite("劳动合同法", 97, 3))
        pre_end = LCL_START - timedelta(days=1)
        s = span(hire, pre_end)
        if pre2008 in ("old_rule", "old_rule_12"):
            pre_months = Decimal(s.years + (1 if (s.rest_months or s.days) else 0))
            steps.append(
                f"2008年1月1日前的工作年限{hire.isoformat()}至{pre_end.isoformat()}共{s.describe()}，"
                f"按当时规定每满一年支付一个月工资、不满一年按一年计算，计{num(pre_months)}个月"
            )
            if pre2008 == "old_rule_12" and pre_months > 12:
                pre_months = Decimal(12)
                steps.append("按当时规定本情形最多不超过十二个月，2008年1月1日前部分计12个月")
            notes.append("2008年1月1日前的年限依劳动合同法第九十七条第三款按当时有关规定（原劳动部《违反和解除劳动合同的经济补偿办法》）计算")
        else:
            steps.append(f"2008年1月1日前的工作年限{s.describe()}：按当时有关规定本情形不支付经济补偿，计0个月")
            notes.append("2008年1月1日前的年限依劳动合同法第九十七条第三款按当时规定不予支付")
        post_months, how = service_months(LCL_START, leave)
        steps.append(f"2008年1月1日以后的工作年限：{how}")
    elif leave < LCL_START:
        raise CalculationError("劳动合同在2008年1月1日前解除或终止，应按当时有关规定计算，不适用本计算器")
    else:
        post_months, how = service_months(hire, leave)
        steps.append(f"工作年限：{how}")

    if base.capped and post_months > CAP_YEARS:
        steps.append(f"封顶情形下年限最高不超过十二年，{num(post_months)}个月按12个月计算")
        post_months = CAP_YEARS
    if base.capped and pre_months:
        notes.append("2008年1月1日前部分按当时规定以实际月工资计算，不适用三倍封顶")
        pre_amount = wage * pre_months
        post_amount = base.wage * post_months
        amount = pre_amount + post_amount
        steps.append(f"{yuan(wage)}元×{num(pre_months)}个月+{yuan(base.wage)}元×{num(post_months)}个月={yuan(amount)}元")
    else:
        months = pre_months + post_months
        amount = base.wage * months
        steps.append(f"经济补偿={yuan(base.wage)}元×{num(months)}个月={yuan(amount)}元")
    return result(
        "severance",
        amount,
        "经济补偿=月工资（解除或终止前十二个月平均工资，超过本地区上年度职工月平均工资三倍的按三倍计算）×工作年限（月数）",
        steps,
        articles,
        {"hire": hire, "leave": leave, "monthly_wage": given, "city": city, "average_wage": base.average,
         "pre2008": pre2008 if hire < LCL_START else None},
        notes,
    )


def unlawful_termination(hire: date, leave: date, monthly_wage: Decimal | int | str, *, city: str | None = None,
                         average_wage: Decimal | int | str | None = None,
                         wage_year: int | None = None, minimum: Decimal | int | str | None = None,
                         average_source: str | None = None, minimum_source: str | None = None) -> CalcResult:
    """违法解除/终止赔偿金 per 劳动合同法第八十七条: twice the 经济补偿 standard of 第四十七条; per 实施条例
    第二十五条 the years count from the first day of employment (no 第九十七条 split) and 经济补偿 is not also paid."""
    wage = positive("月工资", money(monthly_wage))
    if leave < hire:
        raise CalculationError(f"离职日期 {leave} 早于入职日期 {hire}")
    notes = ["已支付赔偿金的，不再支付经济补偿（实施条例第二十五条）"]
    floor_steps: list[str] = []
    given = wage
    low = _given_minimum(minimum, minimum_source)
    wage = _floor(wage, leave, city, low, floor_steps, notes)
    base, steps = _base(wage, leave, city, average_wage, wage_year, average_source, low)
    steps = floor_steps + steps
    months, how = service_months(hire, leave)
    steps.append(f"工作年限自用工之日起计算：{how}")
    articles = [cite("劳动合同法", 87), cite("劳动合同法", 47, 1), cite("劳动合同法", 47, 3),
                cite("劳动合同法实施条例", 25)]
    if floor_steps:
        articles.append(cite("劳动合同法实施条例", 27))
    if base.capped:
        articles.append(cite("劳动合同法", 47, 2))
        if months > CAP_YEARS:
            steps.append(f"封顶情形下年限最高不超过十二年，{num(months)}个月按12个月计算")
            months = CAP_YEARS
    standard = base.wage * months
    amount = standard * 2
    steps.append(f"经济补偿标准={yuan(base.wage)}元×{num(months)}个月={yuan(standard)}元")
    steps.append(f"赔偿金={yuan(standard)}元×2={yuan(amount)}元")
    return result(
        "unlawful_termination",
        amount,
        "赔偿金=经济补偿标准（月工资×工作年限）×2",
        steps,
        articles,
        {"hire": hire, "leave": leave, "monthly_wage": given, "city": city, "average_wage": base.average},
        notes,
    )


__all__ = ["severance", "unlawful_termination", "service_months", "fen"]
