"""工伤保险待遇 (工伤保险条例): 一次性伤残补助金 (第三十五至三十七条, 本人工资 per 第六十四条第二款),
停工留薪期工资 (第三十三条), 一次性工伤医疗补助金 and 一次性伤残就业补助金 (第三十六条第二款、第三十七条第二项,
provincial standards supplied by the caller)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from arbitration.errors import CalculationError, MissingParameter
from arbitration.law import regions as _regions
from arbitration.law.calculators._common import (
    UNROUNDED,
    add_months,
    cite,
    day_before,
    describe_months,
    less_paid,
    money,
    month_count,
    month_segments,
    months_expr,
    num,
    positive,
    result,
    span,
    whole,
    yuan,
)
from arbitration.model import CalcResult, Citation

# 第三十五条第一款第一项、第三十六条第一款第一项、第三十七条第一款第一项: months of 本人工资 by grade
DISABILITY_MONTHS: dict[int, int] = {1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7}
FLOOR, CEILING = Decimal("0.6"), Decimal(3)  # 第六十四条第二款: 60%–300% of the regional average wage
LEAVE_MONTHS, LEAVE_EXTENSION = 12, 12  # 第三十三条第二款


def _grade(grade: int) -> int:
    if isinstance(grade, bool) or not isinstance(grade, int) or grade not in DISABILITY_MONTHS:
        raise CalculationError(f"伤残等级应为一级至十级（1–10）：{grade!r}")
    return grade


def _grade_article(grade: int, item: int) -> Citation:
    article = 35 if grade <= 4 else 36 if grade <= 6 else 37
    return cite("工伤保险条例", article, 1, item)


def own_wage(wage: Decimal | int | str, *, city: str | None = None, year: int | None = None,
             average_wage: Decimal | int | str | None = None) -> tuple[Decimal, list[str], list[str]]:
    """本人工资 per 第六十四条第二款: the average monthly contribution wage of the 12 months before the injury,
    raised to 60 % or lowered to 300 % of the regional average monthly wage. Returns (base, steps, notes)."""
    w = positive("本人工资", money(wage))
    if average_wage is not None:
        avg = positive("统筹地区职工月平均工资", money(average_wage))
        source = f"统筹地区职工月平均工资{yuan(avg)}元（由使用者提供）"
    elif city is not None:
        if year is None:
            raise CalculationError("请给出统筹地区职工平均工资的年度（wage_year）或受伤日期（injury_date）")
        fig = _regions.average_wage(city, year)  # MissingParameter names the city, year and file
        avg, source = fig.monthly, f"{fig.city}{year}年度职工月平均工资{yuan(fig.monthly)}元（{fig.source}）"
    else:
        raise MissingParameter(
            "缺少统筹地区职工月平均工资：本人工资须按其60%至300%核定（工伤保险条例第六十四条第二款），"
            "请给出统筹地区（city）及年度，或直接给出月平均工资（average_wage）"
        )
    low, high = avg * FLOOR, avg * CEILING
    if w < low:
        return low, [f"本人工资{yuan(w)}元低于{source}的60%即{yuan(low)}元，按{yuan(low)}元计算"], \
            ["本人工资低于统筹地区职工平均工资60%，按60%计算"]
    if w > high:
        return high, [f"本人工资{yuan(w)}元高于{source}的300%即{yuan(high)}元，按{yuan(high)}元计算"], \
            ["本人工资高于统筹地区职工平均工资300%，按300%计算"]
    return w, [f"本人工资{yuan(w)}元在{source}的60%（{yuan(low)}元）至300%（{yuan(high)}元）之间，按实际计算"], []


def injury_disability(grade: int, wage: Decimal | int | str, *, city: str | None = None,
                      average_wage: Decimal | int | str | None = None, wage_year: int | None = None,
                      injury_date: date | None = None) -> CalcResult:
    """一次性伤残补助金: 27/25/23/21/18/16/13/11/9/7 months of 本人工资 for grades 1–10 (第三十五至三十七条),
    本人工资 bounded by 60 %–300 % of the regional average monthly wage (year `wage_year`, by default the year
    before `injury_date`)."""
    g = _grade(grade)
    year = wage_year or (injury_date.year - 1 if injury_date else None)
    base, steps, notes = own_wage(wage, city=city, year=year, average_wage=average_wage)
    months = DISABILITY_MONTHS[g]
    amount = base * months
    steps.append(f"{g}级伤残为{months}个月的本人工资：{yuan(base)}元×{months}个月={yuan(amount)}元")
    notes.append("由工伤保险基金支付；用人单位未参加工伤保险的，由用人单位按同一标准支付（第六十二条第二款）")
    return result(
        "injury_disability",
        amount,
        "一次性伤残补助金=本人工资（统筹地区职工月平均工资的60%～300%）×伤残等级对应月数",
        steps,
        [_grade_article(g, 1), cite("工伤保险条例", 64, 2)],
        {"grade": g, "wage": wage, "city": city, "average_wage": average_wage, "wage_year": year,
         "injury_date": injury_date},
        notes,
    )


def injury_leave_wage(monthly_wage: Decimal | int | str, suspension_start: date, suspension_end: date, *,
                      extended: bool = False, paid: Decimal | int | str = 0) -> CalcResult:
    """停工留薪期工资 per 第三十三条: the original monthly wage for each month of the 停工留薪期
    `suspension_start`–`suspension_end` (inclusive; not the employment's dates), at most 12 months, or 24 when the municipal labour-capacity committee confirmed an extension
    (`extended=True`); a partial month counts by calendar days. Less what was already paid (`paid`)."""
    wage = positive("原工资", money(monthly_wage))
    already = positive("停工留薪期内已支付工资", money(paid))
    start, end = suspension_start, suspension_end
    if end < start:
        raise CalculationError(f"停工留薪期结束日期 {end} 早于开始日期 {start}")
    limit = LEAVE_MONTHS + (LEAVE_EXTENSION if extended else 0)
    articles = [cite("工伤保险条例", 33, 1), cite("工伤保险条例", 33, 2)]
    s = span(start, end)
    steps = [f"停工留薪期{start.isoformat()}至{end.isoformat()}共{s.describe()}"]
    notes = [UNROUNDED, "原工资福利待遇不变，由所在单位按月支付"]
    stop = end
    if end > day_before(add_months(start, limit)):
        stop = day_before(add_months(start, limit))
        steps.append(f"停工留薪期{'经确认延长后' if extended else '一般'}不超过{limit}个月，计至{stop.isoformat()}")
        notes.append("超过法定上限的期间不计停工留薪期工资" + ("" if extended else "；伤情严重经设区的市级劳动能力鉴定委员会确认的可延长，最长不超过12个月"))
    segments = month_segments(start, 0, stop)
    months = month_count(segments)
    due = wage * months
    steps.append(f"停工留薪期工资={yuan(wage)}元×{months_expr(segments)}个月={due:.4f}元（{describe_months(segments)}）")
    amount = less_paid(due, already, steps)
    return result(
        "injury_leave_wage",
        amount,
        "停工留薪期工资=原月工资×停工留薪期月数（一般不超过12个月，经确认延长的合计不超过24个月）",
        steps,
        articles,
        {"monthly_wage": wage, "start": start, "end": end, "extended": extended, "paid": already},
        notes,
    )


def _lump_sum(name: str, label: str, grade: int, base_wage: Decimal | int | str | None,
              months_table: Mapping[int, Decimal | int | str] | None, region: str, base_name: str,
              payer: str) -> CalcResult:
    g = _grade(grade)
    if g <= 4:
        raise CalculationError(f"一级至四级伤残保留劳动关系、退出工作岗位（工伤保险条例第三十五条），不发{label}")
    where = region or "本省（自治区、直辖市）"
    if not months_table:
        raise MissingParameter(
            f"缺少{where}{label}的标准（各伤残等级对应的月数，由省、自治区、直辖市人民政府规定，工伤保险条例"
            f"第三十六条第二款、第三十七条第二项）；地区参数文件尚未收录此项，请按当地规定给出 months_table"
        )
    if g not in months_table:
        raise MissingParameter(f"{where}{label}标准中没有{g}级伤残的月数；请补充 months_table[{g}]")
    if base_wage is None:
        raise MissingParameter(f"缺少{label}的计发基数（{base_name}）")
    base = positive(base_name, money(base_wage))
    months = whole(months_table[g], f"{g}级伤残的月数")
    amount = base * months
    article = cite("工伤保险条例", 36, 2) if g <= 6 else cite("工伤保险条例", 37, 1, 2)
    steps = [f"{where}标准：{g}级伤残{label}为{num(months)}个月的{base_name}",
             f"{label}={yuan(base)}元×{num(months)}个月={yuan(amount)}元"]
    notes = [f"由{payer}支付",
             "五级、六级须经工伤职工本人提出解除或者终止劳动关系；七至十级为劳动、聘用合同期满终止或者职工本人提出解除",
             "月数与计发基数均依本地规定，请核对当地文件（如有按距法定退休年龄递减等规定，须另行调整）"]
    return result(
        name,
        amount,
        f"{label}={base_name}×当地规定的伤残等级对应月数",
        steps,
        [article],
        {"grade": g, "base_wage": base, "base_name": base_name, "months": months, "region": region},
        notes,
    )


def injury_medical(grade: int, base_wage: Decimal | int | str | None = None, *,
                   months_table: Mapping[int, Decimal | int | str] | None = None, region: str = "",
                   base_name: str = "统筹地区上年度职工月平均工资") -> CalcResult:
    """一次性工伤医疗补助金 (第三十六条第二款, 第三十七条第二项): the provincial standard — months by grade
    (`months_table`) × its base (`base_wage`, named by `base_name`). No province's table ships with the regional
    data, so a missing table raises MissingParameter rather than a guess."""
    return _lump_sum("injury_medical", "一次性工伤医疗补助金", grade, base_wage, months_table, region, base_name,
                     "工伤保险基金（未参保的由用人单位）")


def injury_employment(grade: int, base_wage: Decimal | int | str | None = None, *,
                      months_table: Mapping[int, Decimal | int | str] | None = None, region: str = "",
                      base_name: str = "统筹地区上年度职工月平均工资") -> CalcResult:
    """一次性伤残就业补助金 (第三十六条第二款, 第三十七条第二项): paid by the employer; months by grade and base
    per the provincial standard, supplied by the caller (MissingParameter when absent)."""
    return _lump_sum("injury_employment", "一次性伤残就业补助金", grade, base_wage, months_table, region, base_name,
                     "用人单位")


__all__ = ["DISABILITY_MONTHS", "injury_disability", "injury_employment", "injury_leave_wage", "injury_medical",
           "own_wage"]
