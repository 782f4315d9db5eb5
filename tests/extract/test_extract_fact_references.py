"""Key facts told by reference or in lists: 「自该日起」「自公司成立之日起」 as the start of the work, 「截至」 a day as
no end of a period, a contract's term in brackets after the signing, the wage a sum is reckoned on, and months' pay
listed with their parts in brackets. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.extract.facts import (
    HIRE_FROM_CONTRACT,
    ONE_MONTH_PAY,
    find_employment_dates,
    find_monthly_wage,
    pick_wage,
)


def _hires(text: str) -> list:
    return [f.value for f in find_employment_dates(text)[0]]


def _leaves(text: str) -> list:
    return [f.value for f in find_employment_dates(text)[1]]


def test_from_that_day_takes_the_date_told_before():
    assert _hires("甲公司成立于2005年3月8日，乙自该日起在甲公司工作。") == [date(2005, 3, 8)]


def test_from_the_founding_takes_the_founding_date_not_a_later_contract():
    text = ("经审理查明：甲公司成立于2005年3月8日，成立时名称为丙厂。自甲公司成立之日起，乙即在甲公司工作。"
            "2005年9月，甲公司与乙签订一年期书面劳动合同。")
    assert _hires(text) == [date(2005, 3, 8)]


def test_from_that_day_absent_is_no_hire():
    hires = find_employment_dates("2019年3月1日甲公司通知乙停工，乙自该日起未到公司上班。")[0]
    assert not [f for f in hires if f.extractor == "facts.hire_date.that_day"]


def test_as_of_a_day_then_a_notice_gives_the_leave_date():
    text = "截至2019年6月2日，乙已连续旷工20天，为此，甲公司向乙送达了《解除劳动关系通知书》。"
    assert _leaves(text) == [date(2019, 6, 2)]


def test_as_of_a_day_still_at_work_is_neither_hire_nor_leave():
    assert find_employment_dates("截至2019年6月2日，乙仍在甲公司工作。") == ([], [])


def test_contract_term_in_brackets_after_the_signing_stands_in_for_the_hire():
    hires = find_employment_dates("2008年，乙与甲公司签订了三年的劳动合同（2008年1月1日至2010年12月31日）。")[0]
    assert [(f.value, f.note) for f in hires] == [(date(2008, 1, 1), HIRE_FROM_CONTRACT)]


def test_unsigned_contract_term_is_no_hire():
    assert _hires("乙与甲公司未签订劳动合同（2008年1月1日至2010年12月31日）。") == []


def test_wage_a_compensation_is_reckoned_on_is_the_monthly_wage():
    found = find_monthly_wage("对于赔偿的金额应该按乙的实际工资6500元每月作为标准。")
    assert [f.value for f in found] == [Decimal("6500")]


def test_arrears_a_sum_is_reckoned_on_are_no_wage():
    assert find_monthly_wage("经济补偿应按拖欠工资5000元计算。") == []


def test_months_pay_listed_with_bracketed_parts_each_found_the_last_picked():
    text = ("乙2015年11月实发工资4445元（基本工资800元、提成3645元）、12月实发工资4027元（基本工资800元、提成3227元）、"
            "2016年4月实发工资3865元（基本工资800元、提成3065元）。")
    found = find_monthly_wage(text)
    assert [f.value for f in found] == [Decimal("4445"), Decimal("4027"), Decimal("3865")]
    assert all(ONE_MONTH_PAY in f.note for f in found)
    assert pick_wage(found).value == Decimal("3865")
