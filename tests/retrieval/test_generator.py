"""The generated award corpus: deterministic, amounts from the law layer's calculators, citations that resolve,
varied, and read back by the parser (generate → text → parse → same claims, outcomes, amounts, key facts)."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from arbitration.config import CORPUS_DIR
from arbitration.law import find_citations, statutes
from arbitration.retrieval.generator import (
    BUNDLE_NAME,
    draw_scenario,
    generate,
    plan_claims,
    read_bundle,
    write_bundle,
)
from arbitration.retrieval.parser import parse_text

CORPUS = CORPUS_DIR / "awards" / BUNDLE_NAME


@pytest.fixture(scope="module")
def records():
    return generate(80, seed=11)


def _claims(p):
    return [(c.type, c.outcome.value, c.requested, c.granted) for c in p.claims]


def _truth_claims(t):
    dec = lambda v: None if v is None else Decimal(v)  # noqa: E731
    return [(c["type"], c["outcome"], dec(c["requested"]), dec(c["granted"])) for c in t["claims"]]


def check_round_trip(rec) -> None:
    p = parse_text(rec["text"], rec["file"])
    t = rec["truth"]
    assert p.case_number == t["case_number"]
    assert p.kind == t["kind"] and p.region == t["region"] and p.award_date.isoformat() == t["award_date"]
    assert _claims(p) == _truth_claims(t), rec["file"]
    f = t["facts"]
    assert p.facts.monthly_wage == Decimal(f["monthly_wage"])
    assert p.facts.hire_date.isoformat() == f["hire_date"] and p.facts.leave_date.isoformat() == f["leave_date"]
    assert p.facts.written_contract == f["written_contract"]
    if f["termination"]:
        assert p.facts.termination == f["termination"], rec["file"]
    assert p.applicant.endswith("某") and "某某" in p.respondent  # stored masked


def test_same_seed_same_bytes(tmp_path, records):
    a = write_bundle(records, tmp_path / "a.jsonl.gz")
    b = write_bundle(generate(80, seed=11), tmp_path / "b.jsonl.gz")
    assert a.read_bytes() == b.read_bytes()
    meta, back = read_bundle(a)
    assert back == records
    assert generate(3, seed=12)[0]["text"] != records[0]["text"]


def test_round_trip_through_the_parser(records):
    for rec in records:
        check_round_trip(rec)


def test_amounts_are_the_calculators(records):
    """Granted amounts are what the law layer computes for the scenario; the award's text shows them."""
    checked = 0
    for i in range(40):
        rng = random.Random(f"calc-{i}")
        s = draw_scenario(rng)
        for plan in plan_claims(s, rng):
            if plan.outcome in ("granted", "partly") and plan.type in ("severance", "unlawful_termination"):
                assert plan.granted == s.calc(plan.type).amount
                assert plan.outcome == "granted" or plan.requested > plan.granted
                checked += 1
    assert checked >= 5
    for rec in records:
        for c in rec["truth"]["claims"]:
            if c["outcome"] in ("granted", "partly") and c["granted"]:
                g = Decimal(c["granted"])
                assert f"{g:.2f}" in rec["text"] or f"{g:,.2f}" in rec["text"] or f"{g:.0f}元" in rec["text"]


def test_every_citation_resolves(records):
    st = statutes()
    for rec in records:
        for c in find_citations(rec["text"]):
            assert st.exists(c), (rec["file"], c)


def test_varied(records):
    kinds = {r["truth"]["kind"] for r in records}
    regions = {r["truth"]["region"] for r in records}
    outcomes = {c["outcome"] for r in records for c in r["truth"]["claims"]}
    types = {c["type"] for r in records for c in r["truth"]["claims"]}
    openings = {r["text"].split("\n")[8][:12] for r in records}
    assert kinds == {"award", "judgment"}
    assert len(regions) >= 6 and len(types) >= 6
    assert outcomes >= {"granted", "partly", "denied", "not_accepted"}
    assert len(openings) >= 5  # not one template with blanks
    assert len({r["text"] for r in records}) == len(records)


def test_bundled_corpus_is_there_and_parses():
    if not CORPUS.exists():
        pytest.fail(f"{CORPUS} missing: python -m arbitration.retrieval.generator --n 2000 --seed 7")
    meta, recs = read_bundle(CORPUS)
    assert meta["synthetic"] is True and len(recs) >= 2000
    assert len({r["truth"]["case_number"] for r in recs}) == len(recs)
    for rec in recs[::97]:  # a spread sample; the whole corpus is checked by the benchmark's build
        check_round_trip(rec)
    assert CORPUS.stat().st_size < 15e6
