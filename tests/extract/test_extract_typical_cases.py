"""Extraction on real text nobody on the project wrote: the official typical labour cases in ../shared/data/cases.

The wording is the publishers' (基本案情 / 申请人请求 / 原告诉讼请求 …), so these check that parties and claims come
out of narrative text with no party header (Baidu LAC finds the person). Skipped with a reason when
../shared/data is absent.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from arbitration.extract import build_case
from arbitration.model import (
    ClaimantSide,
    Document,
    Method,
    Page,
    PartyKind,
    Side,
    TerminationInitiator,
)


def _read(shared_data, name: str):
    path = shared_data / "cases" / f"{name}.md"
    if not path.is_file():
        pytest.skip(f"typical case not found: {path}")
    text = path.read_text(encoding="utf-8")
    page = Page(number=1, text=text, method=Method.TXT)
    doc = Document(file=path.name, sha256=hashlib.sha256(text.encode()).hexdigest(), pages=[page])
    return build_case([doc]), text


def test_overtime_limitation_case(shared_data):
    case, text = _read(shared_data, "加班费的仲裁时效应当如何认定")
    assert [p.name for p in case.applicants] == ["张某"] and [p.name for p in case.respondents] == ["某建筑公司"]
    assert case.respondents[0].kind is PartyKind.ORGANISATION and case.applicants[0].kind is PartyKind.PERSON
    assert [(c.type, c.amount) for c in case.claims] == [("overtime", Decimal("46293"))]
    claim = case.claims[0]
    assert text[claim.source.start : claim.source.end] == claim.text  # provenance into the real file
    assert case.facts.hire_date.value == date(2016, 7, 1)
    hire = case.facts.hire_date.values[0]
    assert hire.note == "仅载明年月" and hire.side is Side.TRIBUNAL  # a published finding, month precision
    assert case.facts.leave_date.value == date(2019, 2, 1)


def test_refusing_illegal_overtime_case(shared_data):
    case, _ = _read(shared_data, "劳动者拒绝违法超时加班安排，用人单位能否解除劳动合同")
    assert [p.name for p in case.respondents] == ["某快递公司"]
    assert [c.type for c in case.claims] == ["unlawful_termination"]
    assert case.facts.monthly_wage.value == Decimal("8000")
    term = case.facts.termination.values[0].value
    assert term.initiator is TerminationInitiator.EMPLOYER


def test_dispatch_case_with_two_respondents(shared_data):
    case, _ = _read(shared_data, "劳动者超时加班发生工伤，用工单位、劳务派遣单位是否承担连带赔偿责任")
    assert [p.name for p in case.applicants] == ["惠某"]
    assert [p.name for p in case.respondents] == ["某服务公司", "某传媒公司"]
    assert case.claims[0].amount == Decimal("1193821")
    # 「2017年9月，某服务公司招用李某并派遣至某传媒公司工作」: 招用 starts the employment, month precision
    assert case.facts.hire_date.value == date(2017, 9, 1)
    assert all(v.side is Side.TRIBUNAL for v in case.facts.hire_date.values)


def test_burden_of_proof_case(shared_data):
    case, _ = _read(shared_data, "处理加班费争议，如何分配举证责任")
    assert [p.name for p in case.applicants] == ["林某"] and [p.name for p in case.respondents] == ["某教育咨询公司"]
    assert [(c.type, c.amount) for c in case.claims] == [("overtime", Decimal("10000"))]
    assert case.facts.monthly_wage.value == Decimal("6000")
    assert case.facts.termination.values[0].value.initiator is TerminationInitiator.EMPLOYEE


def test_every_typical_case_yields_parties_and_typed_claims(shared_data):
    files = sorted((shared_data / "cases").glob("*.md"))
    assert len(files) >= 6
    for path in files:
        case, _ = _read(shared_data, path.stem)
        assert case.applicants and case.respondents, path.name
        worker = [c for c in case.claims if c.claimant is ClaimantSide.WORKER]
        assert worker and all(c.amount is not None for c in worker), path.name  # an employer may ask for no sum
        assert case.applicant_statement, path.name  # 基本案情 kept as written
