"""Simplified output and numbers written as a hearing record writes them (conservative)."""

import pytest

from arbitration.hearing.text import (
    cn_to_int,
    normalize_numbers,
    normalize_punctuation,
    to_simplified,
)


@pytest.mark.parametrize(
    "spoken, written",
    [
        ("二零二一年三月一日入职", "2021年3月1日入职"),
        ("月工资八千元", "月工资8000元"),
        ("一万二千元", "12000元"),
        ("八千五百元", "8500元"),
        ("两千块钱", "2000块钱"),
        ("十二月三十一号离职", "12月31号离职"),
        ("工资１２月", "工资12月"),
        ("差额6万元", "差额60000元"),
        ("拖欠工资1万3000元", "拖欠工资13000元"),
        ("1.5万元", "15000元"),
        ("1万300块钱", "10300块钱"),
    ],
)
def test_numbers_and_dates(spoken, written):
    assert normalize_numbers(spoken) == written


@pytest.mark.parametrize("text", ["一日三餐", "一个月", "工作了三年", "十元", "三十一号", "十三月五日", "一二三元",
                                  "6万多元", "1.5万300元", "12345万元"])
def test_ambiguous_numerals_stay(text):
    assert normalize_numbers(text) == text


def test_cn_to_int():
    assert [cn_to_int(s) for s in ("十五", "一百零五", "八千五", "一万五", "三十万", "二三", "")] == [
        15, 105, 8500, 15000, 300000, None, None]


def test_simplified_and_punctuation():
    assert to_simplified("勞動合同與經濟補償") == "劳动合同与经济补偿"
    assert normalize_punctuation("是团员,是温暖?") == "是团员，是温暖？"
    assert normalize_punctuation("1,000元") == "1,000元"
