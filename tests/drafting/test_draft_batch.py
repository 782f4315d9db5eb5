"""Batch drafting on the shared runner: one award per case, failures reported by case, reruns resume."""

from __future__ import annotations

import json

from docx import Document
from typer.testing import CliRunner

from arbitration.cli import app
from arbitration.fileio import write_json
from arbitration.model import Award
from pipelines.batch import BatchOptions
from pipelines.draft import draft_cases, find_cases


def _cases(root, case):
    write_json(root / "a" / "case.json", case)
    other = case.model_copy(deep=True)
    other.case_number = "京朝劳人仲字〔2024〕第0456号"
    other.claims = other.claims[:1]
    write_json(root / "b" / "case.json", other)
    (root / "broken").mkdir()
    (root / "broken" / "case.json").write_text("{not json", encoding="utf-8")


def test_batch_drafts_each_case_and_resumes(case, tmp_path):
    _cases(tmp_path / "cases", case)
    assert [k for k, _ in find_cases(tmp_path / "cases")] == ["a", "b", "broken"]
    out = tmp_path / "out"
    result = draft_cases(tmp_path / "cases", out, BatchOptions(workers=2, progress=False))
    assert sorted(result.done) == ["a", "b"]
    assert [f.key for f in result.failed] == ["broken"] and "broken" in result.failed[0].reason
    failures = [json.loads(x) for x in (out / "failures.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [f["key"] for f in failures] == ["broken"]
    award = Award.model_validate_json((out / "a" / "award.json").read_text(encoding="utf-8"))
    assert award.case_number == case.case_number and award.items[0].amount == 60000
    texts = "\n".join(p.text for p in Document(str(out / "b" / "award.docx")).paragraphs)
    assert "第0456号" in texts and "60000元" in texts and "审核单" not in texts
    review = "\n".join(p.text for p in Document(str(out / "b" / "review.docx")).paragraphs)
    assert "第0456号" in review and "未连接类案库" in review
    assert result.outputs["a"]["warnings"]["no_archive"] == 1
    # a rerun redoes only what failed; a changed case is redrafted
    again = draft_cases(tmp_path / "cases", out, BatchOptions(workers=1, progress=False))
    assert sorted(again.skipped) == ["a", "b"] and not again.done
    changed = case.model_copy(deep=True)
    changed.hearing_date = None
    write_json(tmp_path / "cases" / "a" / "case.json", changed)
    third = draft_cases(tmp_path / "cases", out, BatchOptions(workers=1, progress=False))
    assert third.done == ["a"] and third.skipped == ["b"]


def test_draft_command(case, tmp_path):
    _cases(tmp_path / "cases", case)
    result = CliRunner().invoke(app, ["draft", str(tmp_path / "cases"), "--out", str(tmp_path / "out"),
                                      "--no-archive", "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "a" / "award.docx").is_file()
    assert "起草 2 件" in result.output and "no_archive" in result.output
    assert list(Document(str(tmp_path / "out" / "a" / "award.docx")).comments)  # sources shown by default
    strict = CliRunner().invoke(app, ["draft", str(tmp_path / "cases"), "--out", str(tmp_path / "out2"),
                                      "--no-archive", "--quiet", "--workers", "1", "--strict", "--marks", "none"])
    assert strict.exit_code == 1
    assert not list(Document(str(tmp_path / "out2" / "a" / "award.docx")).comments)
