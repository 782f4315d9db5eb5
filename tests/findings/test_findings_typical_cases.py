"""The official typical cases (../shared/data/cases, read, never copied): the publishers' 基本案情 are the
tribunal's findings, and an admission they report is the admitting party's, not a contrary version."""

from __future__ import annotations

import hashlib

import pytest

from arbitration.extract import build_case
from arbitration.findings import find
from arbitration.model import Basis, Document, Method, Page, ReviewState


def _case(shared_data, name: str):
    path = shared_data / "cases" / f"{name}.md"
    if not path.is_file():
        pytest.skip(f"typical case not found: {path}")
    text = path.read_text(encoding="utf-8")
    page = Page(number=1, text=text, method=Method.TXT)
    return build_case([Document(file=path.name, sha256=hashlib.sha256(text.encode()).hexdigest(), pages=[page])])


def test_an_admitted_overtime_is_agreed_not_contrary(shared_data):
    p = find(_case(shared_data, "劳动者与用人单位订立放弃加班费协议，能否主张加班费")).get("issue:overtime")
    assert p.holds is True and p.basis == Basis.AGREED and "认可" in p.reason
    assert any(s.quote and "加班事实" in s.quote for s in p.sources)


def test_published_findings_are_established(shared_data):
    findings = find(_case(shared_data, "加班费的仲裁时效应当如何认定"))
    hire = findings.get("hire_date")
    assert hire.basis == Basis.ESTABLISHED and hire.state == ReviewState.ACCEPTED and "2016年7月" in hire.text
    # 「工作期间，张某存在加班情形」 is the publisher's finding of overtime
    assert findings.get("issue:overtime").holds is True


def test_no_overtime_is_read_into_a_line_about_pay_records(shared_data):
    """「工资支付记录打印件（…未显示加班费支付情况）」 says nothing against the overtime: it stays open."""
    findings = find(_case(shared_data, "处理加班费争议，如何分配举证责任"))
    assert findings.get("issue:overtime") is None or findings.get("issue:overtime").holds is not False


def test_records_the_employer_kept_back_make_the_overtime_found(shared_data):
    """林某 put in clock-in records and pay records showing the employer held them; the employer disputed them and
    produced none of its own (解释（一）第四十二条): the overtime is found by the burden of proof."""
    p = find(_case(shared_data, "处理加班费争议，如何分配举证责任")).get("issue:overtime")
    assert p.holds is True and p.basis == Basis.BURDEN
    assert "打卡" in p.reason and "未提交考勤记录" in p.reason
