"""OCR: scanned PDF pages and images through RapidOCR (bundled PP-OCR models), lines kept with confidence and
boxes; per-page choice between text layer and OCR. Model-running tests are marked slow."""

from __future__ import annotations

import pytest
from ingest_paths import BROKEN, SAMPLE, SCANNED

from arbitration import system
from arbitration.editdistance import levenshtein
from arbitration.errors import EmptyFile
from arbitration.ingest import OCREngine, get_ocr, read_document
from arbitration.ingest.ocr import lines_to_text
from arbitration.model import DocType, Line, Method

# the lines tests/fixtures/make_fixtures.py draws on the sample case's attendance scan (build_sample)
ATTENDANCE = [
    "考勤记录（2024年3月）",
    "3月1日上班09:00下班21:05",
    "3月2日上班08:58下班21:10",
    "3月4日上班09:02下班21:00",
    "3月5日上班09:00下班21:20",
    "本月出勤26天，每日工作约12小时。",
]


def cer(expected: str, got: str) -> float:
    """Character error rate: edit distance / expected length."""
    return levenshtein(expected, got) / max(len(expected), 1)


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown OCR engine"):
        get_ocr("abbyy")


def test_ocr_lines_on_one_row_are_merged_and_paragraphs_kept():
    # what an OCR detector returns for a form row split into boxes, then a wrapped paragraph
    lines = [
        Line(text="姓名：陈晓燕", confidence=0.99, box=(120, 200, 330, 232)),
        Line(text="岗位：店长", confidence=0.98, box=(480, 201, 640, 233)),
        Line(text="申请人于2023年6月1日入职被申请人处，担任门店店长，月工资", confidence=0.97, box=(182, 300, 1120, 332)),
        Line(text="7500元。", confidence=0.96, box=(120, 348, 250, 380)),
    ]
    assert lines_to_text(lines, page_width=1240) == (
        "姓名：陈晓燕\t岗位：店长\n申请人于2023年6月1日入职被申请人处，担任门店店长，月工资7500元。"
    )


@pytest.fixture(scope="module")
def rapid():
    engine = get_ocr("rapidocr")
    assert isinstance(engine, OCREngine)
    return engine


@pytest.mark.slow
def test_sample_attendance_scan_goes_through_ocr(rapid):
    doc = read_document(SAMPLE / "考勤记录扫描件.pdf", ocr=rapid)
    (page,) = doc.pages
    assert page.method == Method.OCR
    assert any("OCR" in w for w in doc.warnings)
    assert page.lines and all(0.0 < ln.confidence <= 1.0 for ln in page.lines)
    for ln in page.lines:  # boxes in the rendered page's pixels (A4 at 150 dpi)
        x0, y0, x1, y1 = ln.box
        assert 0 <= x0 < x1 <= 1240 + 5 and 0 <= y0 < y1 <= 1754 + 5
    assert page.confidence == pytest.approx(sum(ln.confidence for ln in page.lines) / len(page.lines), abs=1e-4)
    text = page.text.replace("\t", "").replace("　", "")
    got = [ln for ln in text.split("\n")]
    for expected in ATTENDANCE:
        best = min(cer(expected, g) for g in got)
        assert best <= 0.1, f"{expected!r} not read (best CER {best:.2f}) in {got}"


@pytest.mark.slow
def test_mixed_pdf_decided_per_page(rapid):
    doc = read_document(SCANNED / "答辩书.pdf", ocr=rapid)
    assert [p.method for p in doc.pages] == [Method.TEXT_LAYER, Method.OCR]
    assert doc.pages[0].lines == [] and doc.pages[1].lines
    assert doc.doc_type == DocType.DEFENCE
    assert cer("答辩人：青岛优品电子商务有限公司", doc.pages[1].text.split("\n")[2]) <= 0.1


@pytest.mark.slow
def test_multipage_tiff_and_blank_image(rapid):
    doc = read_document(SCANNED / "劳动合同.tif", ocr=rapid)
    assert [p.method for p in doc.pages] == [Method.OCR, Method.OCR]
    assert cer("乙方月工资为5250元。", doc.pages[1].text.split("\n")[0]) <= 0.1
    with pytest.raises(EmptyFile) as info:
        read_document(BROKEN / "空白图片.png", ocr=rapid)
    assert info.value.kind == "no_text" and "未识别到文字" in info.value.reason


@pytest.mark.slow
@pytest.mark.skipif(system.tool("tesseract") is None, reason=system.missing("tool", "tesseract"))
def test_tesseract_alternative():
    engine = get_ocr("tesseract")
    doc = read_document(SAMPLE / "考勤记录扫描件.pdf", ocr=engine)
    assert doc.pages[0].method == Method.OCR and doc.pages[0].lines
    assert min(cer(ATTENDANCE[-1], g) for g in doc.pages[0].text.split("\n")) <= 0.2
