"""render_award: the DOCX read back with python-docx (structure, amounts, typography, provenance marks), the
golden 本委认为/裁决如下 text, and the PDF made by LibreOffice."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from docx import Document

from arbitration.drafting import draft_award, render_award

GOLDEN = Path(__file__).resolve().parent / "golden" / "award_specified.txt"


@pytest.fixture
def rendered(case, tmp_path):
    award = draft_award(case)
    path = render_award(award, case, tmp_path / "award.docx")
    return award, path


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_structure_and_amounts(rendered, case):
    award, path = rendered
    texts = _texts(path)
    body = "\n".join(texts)
    assert texts[0] == "北京市朝阳区劳动人事争议仲裁委员会"
    assert texts[1].replace("　", "") == "裁决书"
    assert case.case_number in texts[2]
    order = ["申请人：陈晓燕", "委托代理人：孙倩", "被申请人：北京蓝海餐饮管理有限公司", "法定代表人：王建军",
             "劳动争议一案", "申请人请求：", "被申请人辩称：", "提交了以下证据", "本委查明：", "本委认为：",
             "裁决如下：", "驳回申请人的其他仲裁请求", "十五日内", "仲裁员：", "（仲裁委员会印章）", "书记员：",
             "审核单（签发前删除）"]
    positions = [body.find(s) for s in order]
    assert all(p >= 0 for p in positions), [s for s, p in zip(order, positions, strict=True) if p < 0]
    assert positions == sorted(positions), "award parts out of order"
    assert "60000元" in body and "于本裁决生效之日起十日内" in body
    assert re.search(r"二〇二\S年\S+月\S+日", body)  # the date line in Chinese numerals
    assert "{{" not in body and "{%" not in body  # no template tag left


def test_typography(rendered):
    _award, path = rendered
    doc = Document(str(path))
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"
    assert normal.font.size.pt == 16  # 三号
    title = doc.paragraphs[0].runs[0]
    assert title.bold and title.font.size.pt == 22  # 二号
    sec = doc.sections[0]
    assert round(sec.page_width.cm, 1) == 21.0 and round(sec.page_height.cm, 1) == 29.7  # A4


def test_provenance_highlights(rendered):
    """Calculator text is green, extracted facts yellow; one Select-all → No Color removes every mark."""
    _award, path = rendered
    doc = Document(str(path))
    colours: dict[str, set[str]] = {}
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for p in doc.paragraphs:
        for h in p._p.iter(ns + "highlight"):
            colours.setdefault(h.get(ns + "val"), set()).add(p.text)
    assert any("赔偿金=" in t or "经计算" in t for t in colours.get("green", set()))
    assert colours.get("yellow")
    assert not any(p._p.iter(ns + "shd") and list(p._p.iter(ns + "shd")) for p in doc.paragraphs)


def test_review_sheet_lists_warnings(case, tmp_path):
    case.facts.monthly_wage.values.clear()
    award = draft_award(case)
    texts = "\n".join(_texts(render_award(award, case, tmp_path / "a.docx")))
    review = texts[texts.index("审核单（签发前删除）"):]
    assert "待查明事实" in review and "月工资" in review
    assert "未连接类案库" in review


def test_golden_reasoning_and_ruling(rendered):
    """本委认为 … 裁决如下 items as rendered; regenerate on purpose with UPDATE_GOLDEN=1 and review the diff."""
    _award, path = rendered
    texts = _texts(path)
    start = texts.index("本委认为：")
    end = next(i for i, t in enumerate(texts) if "十五日内" in t)
    got = "\n".join(t for t in texts[start:end] if t.strip()) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"golden file written for the first time: review {GOLDEN} and commit it")
    assert got == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.libreoffice
def test_opens_in_libreoffice(rendered):
    from arbitration.docxrender import convert_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    _award, path = rendered
    pdf = convert_to_pdf(path)
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
        pages = len(doc.pages)
    assert pages >= 2
    squashed = re.sub(r"\s", "", text)
    for needle in ("本委认为", "裁决如下", "60000元", "驳回申请人的其他仲裁请求", "审核单"):
        assert needle in squashed, needle


def test_sources_as_word_comments(rendered, case, tmp_path):
    """Each sourced paragraph carries a comment naming its source; marks="none" gives a clean copy."""
    award, path = rendered
    doc = Document(str(path))
    comments = list(doc.comments)
    assert comments, "no provenance comments"
    texts = [c.text for c in comments]
    assert any("计算器 unlawful_termination" in t for t in texts)
    # a paragraph resting on a proposed finding names its basis and sources (拟认定)
    assert any("拟认定" in t and "证据认定" in t and "劳动合同.pdf" in t for t in texts)
    assert all(c.author == "起草助手" for c in comments)
    clean = Document(str(render_award(award, case, tmp_path / "clean.docx", review=False, marks="none")))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert not list(clean.comments)
    assert not any(list(p._p.iter(ns + "highlight")) for p in clean.paragraphs)
    assert "审核单（签发前删除）" not in "\n".join(p.text for p in clean.paragraphs)


def test_extraction_warnings_reach_the_review_sheet(case, tmp_path):
    from arbitration.drafting import render_review

    case.warnings.append("被申请人统一社会信用代码校验位不符")
    award = draft_award(case)
    assert any(w.kind == "extraction" for w in award.warnings)
    texts = "\n".join(p.text for p in Document(str(render_review(award, case, tmp_path / "r.docx"))).paragraphs)
    assert "【案卷读取提示】被申请人统一社会信用代码校验位不符" in texts
    assert case.case_number in texts
