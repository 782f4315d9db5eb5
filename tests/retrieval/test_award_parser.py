"""The award parser on real typical cases from ../shared/data (court judgments among them), on generated
判决书 text, and through the DOCX path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from arbitration.errors import IngestError
from arbitration.model import Outcome
from arbitration.retrieval import parse_award
from arbitration.retrieval.generator import generate
from arbitration.retrieval.parser import parse_text

CASES = Path(__file__).resolve().parents[3] / "shared" / "data" / "cases"
needs_cases = pytest.mark.skipif(not CASES.is_dir(), reason=f"real typical cases not found at {CASES}")


@needs_cases
def test_real_court_judgment_typical_case():
    """一审法院判决 of 46293 asked, 18120 granted: a partly granted overtime claim in a court judgment."""
    p = parse_award(CASES / "加班费的仲裁时效应当如何认定.md")
    assert p.kind == "judgment" and "法院" in p.commission
    [c] = p.claims
    assert c.type == "overtime" and c.outcome == Outcome.PARTLY
    assert (c.requested, c.granted) == (Decimal("46293"), Decimal("18120"))
    assert any(a.law == "劳动争议调解仲裁法" and a.article == 27 for a in c.articles)
    assert p.facts.hire_date.year == 2016 and p.facts.leave_date.year == 2019


@needs_cases
def test_real_award_typical_case():
    p = parse_award(CASES / "劳动者拒绝违法超时加班安排，用人单位能否解除劳动合同.md")
    assert p.kind == "award"
    [c] = p.claims
    assert c.type == "unlawful_termination" and c.outcome == Outcome.GRANTED and c.granted == Decimal("8000")
    assert p.facts.monthly_wage == Decimal("8000")


def test_generated_judgment_parts():
    rec = next(r for r in generate(60, seed=3) if r["truth"]["kind"] == "judgment")
    p = parse_text(rec["text"], rec["file"])
    assert p.kind == "judgment" and p.commission.endswith("人民法院")
    assert all(c.reasoning for c in p.claims)  # 本院认为 split per claim
    assert p.ruling_items and all("原告" in i or "被告" in i for i in p.ruling_items)  # 判决如下


def test_docx_award(tmp_path):
    import docx

    rec = generate(1, seed=5)[0]
    d = docx.Document()
    for line in rec["text"].splitlines():
        d.add_paragraph(line)
    path = tmp_path / "award.docx"
    d.save(path)
    p = parse_award(path)
    assert p.case_number == rec["truth"]["case_number"]
    assert [c.type for c in p.claims] == [c["type"] for c in rec["truth"]["claims"]]
    assert p.source_file == "award.docx" and len(p.sha256) == 64


def test_not_an_award_is_a_named_error(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("这是一份会议纪要，与劳动争议无关。", encoding="utf-8")
    with pytest.raises(IngestError) as e:
        parse_award(f)
    assert "note.txt" in str(e.value.file)
