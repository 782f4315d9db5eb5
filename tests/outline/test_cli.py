"""`arbitration outline` on a case.json: DOCX, Markdown and JSON outputs, and a clear error for a bad case."""

from __future__ import annotations

import json

import pytest
from docx import Document
from outline_cases import make_case
from typer.testing import CliRunner

from arbitration.cli import app
from arbitration.errors import ExtractionError, MissingData
from arbitration.fileio import write_json

runner = CliRunner()


@pytest.fixture
def case_json(tmp_path):
    path = tmp_path / "case.json"
    write_json(path, make_case())
    return path


def test_outline_docx(case_json, tmp_path):
    out = tmp_path / "out" / "提纲.docx"
    result = runner.invoke(app, ["outline", str(case_json), "--out", str(out), "--no-archive"])
    assert result.exit_code == 0, result.output
    assert "已生成庭审要素提纲" in result.output and "月工资" in result.output
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "庭审要素提纲"


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_outline_other_formats(case_json, tmp_path, fmt):
    out = tmp_path / f"outline.{fmt}"
    result = runner.invoke(app, ["outline", str(case_json), "-o", str(out), "--format", fmt, "--no-archive"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["header"]["case_number"] == "青劳人仲案字〔2024〕第0123号"
    else:
        assert "## 四、各项请求审查要点" in text


def test_format_is_checked(case_json, tmp_path):
    result = runner.invoke(app, ["outline", str(case_json), "-o", str(tmp_path / "o.x"), "-f", "pdf", "--no-archive"])
    assert result.exit_code != 0
    assert "docx" in result.output


def test_case_without_claims_names_what_is_missing(tmp_path):
    case = make_case()
    case.claims.clear()
    path = tmp_path / "case.json"
    write_json(path, case)
    result = runner.invoke(app, ["outline", str(path), "-o", str(tmp_path / "o.docx"), "--no-archive"])
    assert isinstance(result.exception, MissingData)
    assert "仲裁请求" in str(result.exception)
    assert not (tmp_path / "o.docx").exists()


def test_not_a_case_file(tmp_path):
    bad = tmp_path / "case.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["outline", str(bad), "-o", str(tmp_path / "o.docx"), "--no-archive"])
    assert isinstance(result.exception, ExtractionError)
    assert "case.json" in str(result.exception)


def test_help():
    result = runner.invoke(app, ["outline", "--help"])
    assert result.exit_code == 0 and "庭审要素提纲" in result.output
