"""The official typical cases in ../shared/data/cases that state an amount the calculators can recompute: the case
text is read, the facts and the awarded figure are taken from it, and the statute rule is applied by hand."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from arbitration.law import calculators as calc
from arbitration.law import statutes

D = Decimal


def _case(shared_data: Path, title: str) -> str:
    path = shared_data / "cases" / f"{title}.md"
    if not path.is_file():
        pytest.skip(f"typical case not found: {path}")
    return path.read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    m = re.search(rf"## {heading}\s*(.+?)(?=\n## |\Z)", text, re.S)
    assert m, f"case has no 「{heading}」 section"
    return m.group(1)


def test_unlawful_termination_in_probation(shared_data):
    """人社部/最高法典型案例「劳动者拒绝违法超时加班安排，用人单位能否解除劳动合同」: hired 2020-06, monthly wage 8000,
    dismissed 2 months later; awarded 违法解除赔偿金 8000 (终局). By hand: under six months counts as half a month
    (第四十七条第一款) → 8000 × 0.5 = 4000; 第八十七条 doubles it → 8000."""
    text = _case(shared_data, "劳动者拒绝违法超时加班安排，用人单位能否解除劳动合同")
    facts = _section(text, "基本案情")
    assert "2020年6月入职" in facts and "月工资为8000元" in facts and "2个月后" in facts
    awarded = re.search(r"违法解除劳动合同赔偿金(\d+)元", _section(text, "处理结果"))
    assert awarded
    award = D(awarded.group(1))
    hand = D(8000) * D("0.5") * 2
    assert hand == award
    # the case gives months, not days: every end date from 2 months to 2 months and 4 weeks after 2020-06-01
    # gives the same figure. No city is named; the cap binds only if the local average wage were below
    # 8000 / 3 = 2666.67, far under any city's 2019 average, so 8000 is passed as a stand-in.
    for leave in (date(2020, 7, 31), date(2020, 8, 15), date(2020, 8, 28)):
        r = calc.unlawful_termination(date(2020, 6, 1), leave, 8000, average_wage=8000)
        assert r.amount == award
        assert all(statutes().exists(c) for c in r.articles)


def test_rest_day_overtime_supports_the_claim(shared_data):
    """典型案例「处理加班费争议，如何分配举证责任」: monthly wage 6000, hired 2020-01, left 2020-07, worked Monday to
    Saturday 9:00–18:00; the claim of 10000 was granted in full. The Saturdays are rest days worked without time off
    (劳动法第四十四条第二项, 200 %). Counting only the months certainly worked (2020-02-01..2020-06-30: 22
    Saturdays) at 8 hours each (an hour's lunch break assumed), by hand: 6000 ÷ 21.75 ÷ 8 × 22 × 8 × 200 %
    = 6000 × 352 ÷ 174 = 12137.93 — above the 10000 claimed, so granting the whole claim is consistent."""
    text = _case(shared_data, "处理加班费争议，如何分配举证责任")
    facts = _section(text, "基本案情")
    assert "月工资为6000元" in facts and "每周一至周六打卡" in facts
    granted = re.search(r"加班费(\d+)元", _section(text, "处理结果"))
    assert granted
    award = D(granted.group(1))
    first, last = date(2020, 2, 1), date(2020, 6, 30)
    saturdays = sum(1 for i in range((last - first).days + 1) if (first + timedelta(days=i)).weekday() == 5)
    assert saturdays == 22
    r = calc.overtime(6000, rest_day_hours=saturdays * 8)
    hand = (D(6000) * 352 / 174).quantize(D("0.01"))
    assert r.amount == hand == D("12137.93")
    assert r.amount >= award
