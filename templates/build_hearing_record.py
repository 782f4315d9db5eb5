"""Build templates/hearing_record.docx (庭审笔录), the docxtpl template of the hearing record, with python-docx.

Run: .venv/bin/python templates/build_hearing_record.py   (the .docx is committed; rerun after editing this file)
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from arbitration.docxrender import add_field, set_east_asian_font

OUT = Path(__file__).resolve().parent / "hearing_record.docx"
BODY, HEADING = "仿宋", "宋体"


def _para(doc, text: str, font: str = BODY, size: float = 14, bold: bool = False, align=None, indent: bool = False):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    p.paragraph_format.line_spacing = Pt(28)
    p.paragraph_format.space_after = Pt(0)
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    run = p.add_run(text)
    run.bold = bold
    set_east_asian_font(run, font, size)
    return p


def _page_number(paragraph) -> None:
    """「第 X 页 共 Y 页」 with PAGE / NUMPAGES fields."""
    for piece in ("第 ", "PAGE", " 页  共 ", "NUMPAGES", " 页"):
        if piece in ("PAGE", "NUMPAGES"):
            add_field(paragraph, piece, BODY, 10.5)
        else:
            set_east_asian_font(paragraph.add_run(piece), BODY, 10.5)


def build(out: Path = OUT) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.name = BODY
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY)
    normal.font.size = Pt(14)

    _para(doc, "{{ commission }}", HEADING, 16, True, WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "庭 审 笔 录", HEADING, 22, True, WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "{{ case_number }}", BODY, 14, False, WD_ALIGN_PARAGRAPH.RIGHT)
    for label, var in (
        ("时间", "time"), ("地点", "place"), ("案由", "cause"), ("仲裁庭组成", "tribunal"),
        ("记录人", "clerk"), ("到庭人员", "attendees"),
    ):
        _para(doc, f"{label}：{{{{ {var} }}}}")
    _para(doc, "记录如下：")
    _para(doc, "{%p for line in lines %}")
    line = _para(doc, "{% if line.time %}〔{{ line.time }}〕{% endif %}", indent=True)
    set_east_asian_font(line.runs[0], BODY, 10.5)
    line.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)  # the time is a finding aid, not the record
    role = line.add_run("{{ line.role }}：")
    role.bold = True
    set_east_asian_font(role, BODY, 14)
    set_east_asian_font(line.add_run("{{ line.text }}"), BODY, 14)
    _para(doc, "{%p endfor %}")
    _para(doc, "（以下无正文）", align=WD_ALIGN_PARAGRAPH.CENTER)
    # the signatures stay together on one page: each party checks the record and signs it, then the tribunal and
    # the clerk, one line each (short enough not to wrap with the longest seat, 被申请人代理人)
    block = [_para(doc, "")]
    block.append(_para(doc, "以上笔录经本人核对无误。", bold=True))
    _para(doc, "{%p for who in signers %}")
    block.append(_para(doc, "{{ who }}（签名）：＿＿＿＿＿＿　　　　年　　月　　日"))
    _para(doc, "{%p endfor %}")
    block.append(_para(doc, ""))
    _para(doc, "{%p for who in officials %}")
    block.append(_para(doc, "{{ who }}（签名）：＿＿＿＿＿＿"))
    _para(doc, "{%p endfor %}")
    for p in block[:-1]:
        p.paragraph_format.keep_with_next = True
    _page_number(sec.footer.paragraphs[0])
    sec.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
