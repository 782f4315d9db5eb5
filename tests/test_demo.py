"""`arbitration demo` end to end on the embedded default data: the README's main job must work."""

from __future__ import annotations

import json

import pytest
from docx import Document as Docx
from typer.testing import CliRunner

from arbitration.cli import app

pytestmark = pytest.mark.slow


def _text(path) -> str:
    doc = Docx(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_demo_writes_case_outline_and_award(tmp_path, isolated_settings):
    out = tmp_path / "demo"
    result = CliRunner().invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    case = json.loads((out / "case.json").read_text(encoding="utf-8"))
    names = {p["name"] for p in case["parties"]}
    assert "陈晓燕" in names and "青岛蓝海餐饮管理有限公司" in names
    assert {c["type"] for c in case["claims"]} >= {"unlawful_termination", "overtime"}

    outline = _text(out / "outline.docx")
    assert "庭审要素提纲" in outline and "陈晓燕" in outline

    award = json.loads((out / "award.json").read_text(encoding="utf-8"))
    award_text = _text(out / "award.docx")
    assert "裁决如下" in award_text and "陈晓燕" in award_text

    # every precedent the award cites is in the archive, every article in the statute data
    from arbitration.law import find_citations, statutes
    from arbitration.retrieval import default_archive

    archive = default_archive()
    cited = {n for d in award.get("decisions", []) for n in d.get("precedents", [])}
    assert all(archive.exists(n) for n in cited), cited
    # the bundled archive is generated demo data (issue 15): the demo says so, the outline labels it, the award
    # cites none of its case numbers
    assert archive.generated and not cited and "经检索" not in award_text
    assert "演示数据（非真实案例）" in result.output and "演示数据（非真实案例）" in outline
    for c in find_citations(award_text):
        assert statutes().exists(c), c
