"""Chinese article numerals both ways, as statutes write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arbitration.law import from_chinese, to_chinese


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (15, "十五"), (20, "二十"), (47, "四十七"), (100, "一百"), (101, "一百零一"),
     (110, "一百一十"), (107, "一百零七"), (1001, "一千零一")],
)
def test_known_forms(n, text):
    assert to_chinese(n) == text
    assert from_chinese(text) == n


def test_digits_and_errors():
    assert from_chinese("47") == 47 and from_chinese("４７") == 47
    with pytest.raises(ValueError):
        from_chinese("四七x")
    with pytest.raises(ValueError):
        to_chinese(10000)


@given(st.integers(min_value=1, max_value=9999))
def test_round_trip(n):
    assert from_chinese(to_chinese(n)) == n
