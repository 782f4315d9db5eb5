"""`arbitration draft --accept-proposals / --reject-proposals`: the review sheet lists every proposal first; the
arbitrator accepts them all or rejects one, the choice is kept beside the draft and the case is redrafted."""

from __future__ import annotations

import json

from docx import Document
from typer.testing import CliRunner

from arbitration.cli import app
from arbitration.fileio import write_json
from arbitration.model import Award, Outcome


def _draft(tmp_path, *flags):
    result = CliRunner().invoke(app, ["draft", str(tmp_path / "cases"), "--out", str(tmp_path / "out"),
                                      "--no-archive", "--quiet", "--workers", "1", *flags])
    assert result.exit_code == 0, result.output
    return Award.model_validate_json((tmp_path / "out" / "a" / "award.json").read_text(encoding="utf-8"))


def test_accept_all_then_reject_one(case, tmp_path):
    write_json(tmp_path / "cases" / "a" / "case.json", case)
    award = _draft(tmp_path)
    review = [p.text for p in Document(str(tmp_path / "out" / "a" / "review.docx")).paragraphs]
    first = review.index("一、拟认定事实（须逐项采信或否定）")
    assert review[first + 1].startswith("【") and "依据" in review[first + 1]  # proposals come first
    assert any("【monthly_wage】" in t and "证据认定" in t for t in review)

    award = _draft(tmp_path, "--accept-proposals", "all")
    assert {p.state.value for p in award.findings.proposals} == {"accepted"}
    kept = json.loads((tmp_path / "out" / "a" / "reviews.json").read_text(encoding="utf-8"))
    assert kept["monthly_wage"] == "accepted"

    award = _draft(tmp_path, "--reject-proposals", "monthly_wage")
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.outcome == Outcome.UNKNOWN and ut.amount is None  # the wage is 「待查明」 again
    assert "monthly_wage" in award.findings.pending
    # the review is kept: a later run without flags drafts the same
    assert json.loads((tmp_path / "out" / "a" / "reviews.json").read_text(encoding="utf-8"))["monthly_wage"] == "rejected"


def test_conflicting_flags_are_refused(case, tmp_path):
    write_json(tmp_path / "cases" / "a" / "case.json", case)
    result = CliRunner().invoke(app, ["draft", str(tmp_path / "cases"), "--out", str(tmp_path / "out"),
                                      "--no-archive", "--accept-proposals", "monthly_wage",
                                      "--reject-proposals", "monthly_wage"])
    assert result.exit_code != 0 and "既采信又否定" in result.output
