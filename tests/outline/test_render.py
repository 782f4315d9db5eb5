"""Rendering: DOCX read back with python-docx (headings, tables, amounts, fonts, page field), PDF through
LibreOffice read with pdfplumber, Markdown and JSON."""

from __future__ import annotations

import json
import re

import pytest
from docx import Document
from docx.oxml.ns import qn

from arbitration.docxrender import convert_to_pdf, soffice
from arbitration.errors import TemplateError
from arbitration.outline import Outline, build_outline, render_outline


@pytest.fixture
def outline(case) -> Outline:
    return build_outline(case)


@pytest.fixture
def docx_path(outline, tmp_path):
    return render_outline(outline, tmp_path / "outline.docx", "docx")


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_docx_has_sections_tables_and_amounts(outline, docx_path):
    doc = Document(str(docx_path))
    paras = [p.text for p in doc.paragraphs]
    assert paras[0] == "庭审要素提纲"
    for h in ("一、案件基本情况", "二、仲裁请求", "三、事实要素", "四、各项请求审查要点", "五、证据清单核对"):
        assert h in paras
    text = _all_text(doc)
    assert "青劳人仲案字〔2024〕第0123号" in text
    assert "{{" not in text and "{%" not in text  # every tag rendered
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["序号", "请求事项", "请求金额", "期间", "申请书原文"] in headers
    assert ["要素", "申请人主张（来源）", "被申请人主张（来源）", "其他证据（来源）"] in headers
    # the disputed wage side by side in one row, each with its source
    wage_rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows if r.cells[0].text == "月工资"]
    assert any("8,000.00元" in r[1] and "仲裁申请书.pdf 第1页" in r[1] and "6,000.00元" in r[2] for r in wage_rows)
    for s in outline.sections:
        assert s.name in text
        if s.amounts:
            for x in s.amounts.scenarios:
                assert x.amount_text in text
    assert "类案检索不可用" in text


def test_docx_typography(docx_path):
    doc = Document(str(docx_path))
    title = doc.paragraphs[0].runs[0]
    assert title.bold and title.font.size.pt == 18  # 小二
    assert title._element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    heading = next(p for p in doc.paragraphs if p.text == "二、仲裁请求").runs[0]
    assert heading.font.size.pt == 16 and heading._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    normal = doc.styles["Normal"]
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋" and normal.font.size.pt == 12
    sec = doc.sections[0]
    assert round(sec.page_width.cm, 1) == 21.0 and round(sec.page_height.cm, 1) == 29.7
    footer_xml = sec.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and "fldChar" in footer_xml


def test_template_missing_variables_are_refused(tmp_path, outline):
    from docx import Document as New

    bad = tmp_path / "bad.docx"
    d = New()
    d.add_paragraph("{{ nothing_given }}")
    d.save(str(bad))
    with pytest.raises(TemplateError, match="nothing_given"):
        render_outline(outline, tmp_path / "x.docx", "docx", template=bad)
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.libreoffice
def test_docx_converts_to_pdf_with_the_text(docx_path, outline):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    import pdfplumber

    pdf = convert_to_pdf(docx_path)
    with pdfplumber.open(pdf) as p:
        pages = len(p.pages)
        text = "".join(page.extract_text() or "" for page in p.pages)
    flat = re.sub(r"\s+", "", text)
    assert "庭审要素提纲" in flat
    assert "青劳人仲案字〔2024〕第0123号" in flat
    assert "8,000.00元" in flat and "6,000.00元" in flat
    assert f"第1页共{pages}页" in flat  # the PAGE / NUMPAGES fields were computed
    assert 2 <= pages <= 5


def test_markdown(outline, tmp_path):
    path = render_outline(outline, tmp_path / "outline.md", "md")
    md = path.read_text(encoding="utf-8")
    assert md.startswith("# 庭审要素提纲")
    assert "| 月工资 | 8,000.00元（税前应发）（仲裁申请书 仲裁申请书.pdf 第1页） |" in md
    for s in outline.sections:
        assert f"{s.name}（请求第" in md
    for q in outline.sections[0].questions_respondent:
        assert q in md


def test_json(outline, tmp_path):
    path = render_outline(outline, tmp_path / "outline.json", "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert Outline.model_validate(data) == outline


def test_unknown_format(outline, tmp_path):
    with pytest.raises(ValueError, match="pdf"):
        render_outline(outline, tmp_path / "o.pdf", "pdf")
