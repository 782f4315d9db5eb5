"""The PDF reader on text PDFs made by reportlab with an embedded CJK font (exact text: pdfplumber is deterministic)."""

from __future__ import annotations

import re

from ingest_paths import DISMISSAL, FORCED

from arbitration.ingest import read_document
from arbitration.ingest.layout import TextLine, join_lines, strip_margins
from arbitration.model import DocType, Method


def test_wrapped_chinese_lines_are_joined_without_spaces():
    doc = read_document(DISMISSAL / "答辩书.pdf")
    text = doc.pages[0].text
    # this paragraph wraps over three lines in the PDF; it must come back as one line with no inserted space
    assert (
        "一、被答辩人的月工资为6000元，而非8000元。被答辩人主张的8000元包含了2023年12月一次性发放的年终奖金，"
        "不应计入月工资。\n" in text
    )
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text)
    assert all(p.method == Method.TEXT_LAYER for p in doc.pages)


def test_paragraph_breaks_are_kept():
    text = read_document(DISMISSAL / "答辩书.pdf").pages[0].text
    lines = text.split("\n")
    assert lines[0] == "答辩书"
    assert "答辩意见：" in lines
    assert lines[-1] == "2024年4月2日"


def test_header_footer_and_page_numbers_removed():
    doc = read_document(FORCED / "劳动合同.pdf")
    assert len(doc.pages) == 2
    for page in doc.pages:
        assert "员工留存" not in page.text
        assert not re.search(r"第\s*\d+\s*页", page.text)
    assert any("页眉页脚" in w for w in doc.warnings)
    assert "乙方月工资为6500元，甲方每月10日前以货币形式足额支付乙方上月工资" in doc.text


def test_table_cells_extracted():
    doc = read_document(DISMISSAL / "证据目录.pdf")
    table = doc.pages[0].tables[0]
    assert table.rows[0] == ["序号", "证据名称", "证明目的", "页码"]
    assert table.rows[2] == ["2", "银行工资流水", "证明申请人月工资8000元及入职时间", "2-4"]
    assert len(table.rows) == 6
    assert "4\t解除劳动合同通知书\t证明被申请人于2024年2月29日解除劳动合同\t6" in doc.pages[0].text


def test_bank_statement_numbers_intact():
    doc = read_document(FORCED / "银行流水.pdf")
    rows = doc.pages[0].tables[0].rows
    assert rows[-1][:3] == ["2024-03-20", "代发", "19500.00"]
    assert doc.doc_type == DocType.WAGE_RECORD


def test_strip_margins_needs_repetition_or_page_number():
    def page(*lines):
        return [TextLine(t, 50, top, 500, top + 10) for t, top in lines]

    pages = [page(("某某公司内部资料", 10), ("正文甲", 300), ("- 1 -", 790)), page(("某某公司内部资料", 10), ("正文乙", 300), ("- 2 -", 790))]
    kept, removed = strip_margins(pages, [800, 800])
    assert [[ln.text for ln in p] for p in kept] == [["正文甲"], ["正文乙"]]
    single, _ = strip_margins([page(("仲裁申请书", 10), ("正文", 300))], [800])
    assert [ln.text for ln in single[0]] == ["仲裁申请书", "正文"]  # a one-page title is not a header


def test_join_lines_latin_words_keep_a_space():
    lines = [TextLine("Labour Contract Law of the", 0, 0, 400, 10), TextLine("People's Republic", 0, 12, 200, 22)]
    assert join_lines(lines) == "Labour Contract Law of the People's Republic"


def test_garbage_text_layer_page_goes_to_ocr(tmp_path):
    """A scan whose hidden text layer is mojibake (UTF-8 read as Latin-1, as bad scanner software writes it)
    is OCR'd; the good text page of the same file is not."""
    from ingest_paths import fixture_builder
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from arbitration.model import Line

    path = tmp_path / "扫描件.pdf"
    builder = fixture_builder(font=True)
    builder._register_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(builder.FONT_NAME, 12)
    c.drawString(72, 760, "答辩书")
    c.drawString(72, 730, "被答辩人的月工资为6000元，而非8000元。")
    c.showPage()
    scan = builder.render_page(["#考勤记录", "=3月1日　上班09:00　下班21:05"], seed=5, noise=False)
    c.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])
    c.setFont("Helvetica", 10)
    mojibake = "考勤记录 3月1日 上班09:00 下班21:05".encode().decode("cp1252", errors="ignore")  # 「è€ƒå‹¤è®°å½•」
    c.drawString(72, 760, mojibake)
    c.showPage()
    c.save()

    class RecordingOCR:  # observes which pages are sent to OCR, without loading a model
        name = "recording"

        def __init__(self):
            self.sizes = []

        def recognize(self, image):
            self.sizes.append(image.size)
            return [Line(text="考勤记录", confidence=0.9, box=(500, 140, 700, 184))]

    engine = RecordingOCR()
    doc = read_document(path, ocr=engine)
    assert [p.method for p in doc.pages] == [Method.TEXT_LAYER, Method.OCR]
    assert len(engine.sizes) == 1 and engine.sizes[0][0] > 1000  # one page, rendered at 150 dpi
    assert any("第2页文字层为乱码" in w for w in doc.warnings)
    assert doc.pages[1].text == "考勤记录"
    assert "被答辩人的月工资为6000元" in doc.pages[0].text
