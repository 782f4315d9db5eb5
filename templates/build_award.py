"""Build templates/award.docx, the Word template of the 劳动人事争议仲裁裁决书 (docxtpl / Jinja tags in the text).

The committed .docx is the template an office edits in Word (fonts, wording, seal, margins); this script only makes
the first version: `.venv/bin/python templates/build_award.py`. The variable is `a`, built by
`arbitration.drafting.render.award_context`: every body paragraph is a RichText run (`{{r p }}`) carrying its
provenance highlight, so the arbitrator removes all marks with Select all → Text Highlight Color → No Color.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arbitration.docxrender import FONT_SIZES, add_field, set_east_asian_font  # noqa: E402

OUT = Path(__file__).resolve().parent / "award.docx"

TITLE_FONT = "宋体"  # 委员会名称、「裁决书」：二号 宋体 加粗 (offices with 方正小标宋 change it in Word)
HEADING_FONT = "宋体"  # 审核单标题
BODY_FONT = "仿宋"  # 正文：三号 仿宋 (仿宋_GB2312 where installed)
BODY_SIZE = FONT_SIZES["三号"]
LINE_SPACING = Pt(28)  # fixed 28 pt, the usual spacing of official documents at 三号


def _style_font(style, name: str, size: float, bold: bool = False) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)
    pf = style.paragraph_format
    pf.line_spacing = LINE_SPACING
    pf.space_before, pf.space_after = Pt(0), Pt(0)


def para(doc, text: str = "", font: str = BODY_FONT, size: float = BODY_SIZE, bold: bool = False,
         align=None, indent: bool = True, space_before: float = 0, space_after: float = 0):
    p = doc.add_paragraph()
    if text:
        run = p.add_run(text)
        set_east_asian_font(run, font, size)
        run.bold = bold
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(space_before), Pt(space_after)
    if indent:
        pf.first_line_indent = Pt(BODY_SIZE * 2)
    if align is not None:
        p.alignment = align
    return p


def tag(doc, text: str) -> None:
    """A paragraph holding only a {%p … %} tag; docxtpl removes it when rendering."""
    para(doc, text, indent=False)


def loop(doc, items: str, var: str = "p") -> None:
    """One indented body paragraph per RichText in `items`."""
    tag(doc, "{%p for " + var + " in " + items + " %}")
    para(doc, "{{r " + var + " }}")
    tag(doc, "{%p endfor %}")


def page_number_footer(section) -> None:
    """Footer 「— X —」 with a PAGE field, centred (the usual page number of official documents)."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def text(t: str) -> None:
        set_east_asian_font(p.add_run(t), "宋体", FONT_SIZES["四号"])

    text("— ")
    add_field(p, "PAGE", "宋体", FONT_SIZES["四号"])
    text(" —")


def new_document() -> Document:
    """An A4 document with the margins of GB/T 9704, 三号仿宋 body at fixed 28 pt and a 「— X —」 page number."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.footer_distance = Cm(2.0)
    _style_font(doc.styles["Normal"], BODY_FONT, BODY_SIZE)
    page_number_footer(sec)
    return doc


def signatures(doc, seal: str) -> None:
    """The signers (a.arbitrators: 仲裁员 / 审判员), the date, the seal and the clerk, right-aligned."""
    right = WD_ALIGN_PARAGRAPH.RIGHT
    para(doc, "", indent=False, space_before=12)
    tag(doc, "{%p for name in a.arbitrators %}")
    para(doc, "{{ name }}", align=right, indent=False)
    tag(doc, "{%p endfor %}")
    para(doc, "", indent=False)
    para(doc, "{{ a.date_text }}", align=right, indent=False)
    para(doc, seal, align=right, indent=False)
    para(doc, "", indent=False)
    para(doc, "{{ a.clerk }}", align=right, indent=False)


def review_sheet(doc) -> None:
    """The review sheet (a.review), on its own page: removed before the document is issued."""
    tag(doc, "{%p if a.review %}")
    brk = doc.add_paragraph()
    brk.add_run().add_break(WD_BREAK.PAGE)
    para(doc, "审核单（签发前删除）", HEADING_FONT, FONT_SIZES["小二"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
         indent=False, space_after=6)
    tag(doc, "{%p for s in a.review %}")
    para(doc, "{{ s.title }}", HEADING_FONT, FONT_SIZES["四号"], bold=True, indent=False, space_before=6)
    tag(doc, "{%p for line in s.lines %}")
    para(doc, "{{r line }}", size=FONT_SIZES["小四"], indent=False)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def build(out: Path = OUT) -> Path:
    doc = new_document()

    center = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "{{ a.commission }}", TITLE_FONT, FONT_SIZES["二号"], bold=True, align=center, indent=False)
    para(doc, "裁　决　书", TITLE_FONT, FONT_SIZES["二号"], bold=True, align=center, indent=False, space_after=6)
    para(doc, "{{ a.case_number }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, space_after=6)

    # parties block: 申请人 / 委托代理人 / 被申请人 / 法定代表人 / 委托代理人
    loop(doc, "a.parties")
    # 案由 and procedural history
    loop(doc, "a.procedure")
    # the applicant's claims and reasons
    para(doc, "申请人请求：")
    loop(doc, "a.claims")
    loop(doc, "a.applicant_reasons")
    # the respondent's defence
    loop(doc, "a.defence")
    # evidence and cross-examination
    loop(doc, "a.evidence")
    para(doc, "本委查明：")
    loop(doc, "a.facts")
    para(doc, "本委认为：")
    tag(doc, "{%p for d in a.decisions %}")
    loop(doc, "d.paragraphs", "q")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ a.ruling_intro }}")
    loop(doc, "a.ruling")
    loop(doc, "a.finality")

    signatures(doc, "（仲裁委员会印章）")
    review_sheet(doc)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
