"""The rule helpers: dates, money, durations, ID numbers, credit codes, phones."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbitration.extract import (
    parse_date,
    parse_duration,
    parse_money,
    validate_credit_code,
    validate_id_number,
)
from arbitration.extract.rules import (
    Precision,
    find_codes,
    find_dates,
    find_money,
    find_phones,
    find_ranges,
)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2021年3月1日", date(2021, 3, 1), Precision.DAY),
        ("2021.3.1", date(2021, 3, 1), Precision.DAY),
        ("2021-03-01", date(2021, 3, 1), Precision.DAY),
        ("2021/3/1", date(2021, 3, 1), Precision.DAY),
        ("二〇二一年三月一日", date(2021, 3, 1), Precision.DAY),
        ("二〇二一年十二月三十一日", date(2021, 12, 31), Precision.DAY),
        ("２０２１年３月１日", date(2021, 3, 1), Precision.DAY),  # full-width digits
        ("2021 年 3 月 1 日", date(2021, 3, 1), Precision.DAY),
        ("自2021年3月1日起", date(2021, 3, 1), Precision.DAY),
        ("2021年3月", date(2021, 3, 1), Precision.MONTH),
        ("2021.3", date(2021, 3, 1), Precision.MONTH),
        ("2021年", date(2021, 1, 1), Precision.YEAR),
    ],
)
def test_parse_date_forms(text, value, precision):
    parsed = parse_date(text)
    assert parsed is not None, text
    assert parsed.value == value
    assert parsed.precision is precision


def test_parse_date_open_end_and_rejects():
    assert parse_date("至今").open and parse_date("至今").value is None
    assert parse_date("2021年2月30日") is None  # no such day
    assert parse_date("月工资8000元") is None
    assert parse_date("2021年3月1日入职") is None  # not a date written alone


def test_find_dates_infers_year_for_bare_month_day():
    found = find_dates("申请人于2023年5月8日入职，同年9月1日转正，12月3日离职。")
    assert [d.date.value for d in found] == [date(2023, 5, 8), date(2023, 9, 1), date(2023, 12, 3)]
    assert [d.inferred_year for d in found] == [False, True, True]


def test_ranges_month_end_and_open():
    r = find_ranges("裁决支付2021年4月至2022年2月期间的二倍工资")[0]
    assert (r.first_day, r.last_day) == (date(2021, 4, 1), date(2022, 2, 28))  # a month as an end is its last day
    r = find_ranges("自2020年6月1日起至今在被申请人处工作")[0]
    assert r.first_day == date(2020, 6, 1) and r.until.open and r.last_day is None
    r = find_ranges("2020年6月至12月加班费")[0]
    assert r.last_day == date(2020, 12, 31)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("8000元", "8000.00"),
        ("8,000.00元", "8000.00"),
        ("¥8,000.00", "8000.00"),
        ("￥8000", "8000.00"),
        ("人民币8000元", "8000.00"),
        ("1.2万元", "12000.00"),
        ("捌仟元整", "8000.00"),
        ("人民币捌仟元整", "8000.00"),
        ("壹万贰仟叁佰肆拾伍元陆角柒分", "12345.67"),
        ("三千五百元", "3500.00"),
        ("3678.16元", "3678.16"),
    ],
)
def test_parse_money_forms(text, amount):
    assert parse_money(text) == Decimal(amount)


def test_parse_money_rejects_non_money():
    assert parse_money("8000") is None  # a bare number is not an amount of money
    assert parse_money("2021年3月1日") is None
    assert parse_money("万元") is None


def test_find_money_spans_and_no_dates():
    text = "2021年3月1日入职，月工资8,000元，2023年12月发放年终奖1.5万元。"
    found = find_money(text)
    assert [m.amount for m in found] == [Decimal("8000.00"), Decimal("15000.00")]
    assert [text[m.start : m.end] for m in found] == ["8,000元", "1.5万元"]


def test_duration():
    assert parse_duration("1年6个月").total_months == 18
    assert parse_duration("三个月").total_months == 3
    assert parse_duration("半年").total_months == 6
    assert parse_duration("2021年") is None  # a calendar year is not a duration


# GB 11643-1999's own example number, and an ID made by the fixture builder's independent check-digit code
VALID_IDS = ["11010519491231002X", "370203198807161826"]


@pytest.mark.parametrize("number", VALID_IDS)
def test_valid_id_numbers(number):
    check = validate_id_number(number)
    assert check.valid, check.reason
    assert check.birth_date == date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert check.gender == ("男" if int(number[16]) % 2 else "女")


def test_invalid_id_numbers_are_flagged_with_a_reason():
    wrong_check = "110105194912310021"
    check = validate_id_number(wrong_check)
    assert not check.valid and check.reason == "校验码错误"
    assert check.birth_date is None and check.gender is None  # nothing read from an untrusted number
    assert validate_id_number("110105194902300021").reason == "出生日期不存在"
    assert not validate_id_number("11010519491231002").valid  # 17 characters
    assert validate_id_number("11010519491231002x").valid  # a lower-case x is the same check character


def test_credit_code_checksum():
    good = "91370203MA1B2C3D0L"  # made by the fixture builder (GB 32100 with its own code)
    assert validate_credit_code(good)
    assert validate_credit_code(good.lower())
    for i in (0, 9, 17):  # any single changed character breaks the check
        alt = "1" if good[i] != "1" else "2"
        assert not validate_credit_code(good[:i] + alt + good[i + 1 :])
    assert not validate_credit_code("91370203MA1B2C3D0I")  # I is not in the code alphabet
    assert not validate_credit_code("91370203MA1B2C3D0")


def test_find_codes_tells_ids_from_credit_codes():
    text = "统一社会信用代码：91370203MA1B2C3D0L，法定代表人身份证号11010519491231002X，另一号码110105194912310021"
    kinds = [(c.kind, c.valid) for c in find_codes(text)]
    assert kinds == [("credit_code", True), ("id_number", True), ("id_number", False)]


def test_phones_never_match_inside_id_numbers():
    text = "联系电话：13912345678，座机0532-86881234，身份证370203198807161826"
    assert [p.number for p in find_phones(text)] == ["13912345678", "053286881234"]


def test_a_digit_run_beyond_any_claim_is_no_money():
    """Found by hypothesis: 40 digits before 元 overflowed quantize; such a run is an ID or account, not money."""
    from arbitration.extract.rules.money import find_money

    assert find_money("370203198807161826370203198807161826370203元") == []
    assert [m.amount for m in find_money("共计999999999999.99元")] == [Decimal("999999999999.99")]
