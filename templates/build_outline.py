"""Build templates/outline.docx, the Word template of the 庭审要素提纲 (docxtpl / Jinja tags in the text).

The committed .docx is the template an office edits in Word; this script only makes the first version, so run it
again only to start over: `.venv/bin/python templates/build_outline.py`. The variable is `o`, the Outline as a
JSON-mode dict (see arbitration/outline/model.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arbitration.docxrender import FONT_SIZES, add_field, set_east_asian_font  # noqa: E402

OUT = Path(__file__).resolve().parent / "outline.docx"

TITLE_FONT = "宋体"  # 标题：小二 宋体 加粗
HEADING_FONT = "黑体"  # 一级标题：三号 黑体
SUBHEADING_FONT = "楷体"  # 二级标题：四号 楷体
BODY_FONT = "仿宋"  # 正文：小四 仿宋
TABLE_SIZE = FONT_SIZES["五号"]


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


def para(doc_or_cell, text: str, font: str = BODY_FONT, size: float = FONT_SIZES["小四"], bold: bool = False,
         align=None, space_before: float = 0, space_after: float = 0, indent: bool = False):
    p = doc_or_cell.add_paragraph()
    run = p.add_run(text)
    set_east_asian_font(run, font, size)
    run.bold = bold
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(space_before), Pt(space_after)
    pf.line_spacing = 1.15
    if indent:
        pf.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    return p


def heading(doc, text: str) -> None:
    para(doc, text, HEADING_FONT, FONT_SIZES["三号"], space_before=8, space_after=4)


def subheading(doc, text: str) -> None:
    para(doc, text, SUBHEADING_FONT, FONT_SIZES["四号"], bold=True, space_before=6, space_after=2)


def tag(doc, text: str) -> None:
    """A paragraph that only holds a {%p … %} tag; docxtpl removes it on rendering."""
    para(doc, text, size=FONT_SIZES["五号"])


def _cell_text(cell, text: str, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text)
    set_east_asian_font(run, BODY_FONT, TABLE_SIZE)
    run.bold = bold
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def table(doc, headers: list[str], cells: list[str], widths_cm: list[float], loop: str) -> None:
    """A grid table: a bold header row, then one row repeated by docxtpl (`{%tr for … %}` rows around it)."""
    t = doc.add_table(rows=4, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(headers):
        _cell_text(t.rows[0].cells[i], h, bold=True)
    _repeat_header(t.rows[0])
    _cell_text(t.rows[1].cells[0], "{%tr " + loop + " %}")
    for i, c in enumerate(cells):
        _cell_text(t.rows[2].cells[i], c)
    _cell_text(t.rows[3].cells[0], "{%tr endfor %}")
    t.autofit = False
    grid = t._tbl.tblGrid
    for i, col in enumerate(grid.findall(qn("w:gridCol"))):
        col.set(qn("w:w"), str(int(Cm(widths_cm[i]).twips)))
    for row in t.rows:
        for i, w in enumerate(widths_cm):
            row.cells[i].width = Cm(w)


def page_number_footer(section) -> None:
    """Footer 「第 X 页 共 Y 页」 with PAGE and NUMPAGES fields, centred."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def text(t: str) -> None:
        set_east_asian_font(p.add_run(t), BODY_FONT, FONT_SIZES["五号"])

    def field(instr: str) -> None:
        add_field(p, instr, BODY_FONT, FONT_SIZES["五号"])

    text("第 ")
    field("PAGE")
    text(" 页 共 ")
    field("NUMPAGES")
    text(" 页")


def build(out: Path = OUT) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)  # A4
    sec.top_margin, sec.bottom_margin = Cm(2.8), Cm(2.5)
    sec.left_margin, sec.right_margin = Cm(2.6), Cm(2.4)
    sec.footer_distance = Cm(1.5)
    _style_font(doc.styles["Normal"], BODY_FONT, FONT_SIZES["小四"])
    page_number_footer(sec)

    para(doc, "庭审要素提纲", TITLE_FONT, FONT_SIZES["小二"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=4)
    para(doc, "{{ o.header.commission or '' }}　案号：{{ o.header.case_number }}", align=WD_ALIGN_PARAGRAPH.CENTER,
         size=FONT_SIZES["小四"], space_after=2)
    para(doc, "（供仲裁员庭前参考，生成日期：{{ o.generated_on }}；本提纲不是裁决意见）", align=WD_ALIGN_PARAGRAPH.CENTER,
         size=FONT_SIZES["五号"], space_after=6)

    heading(doc, "一、案件基本情况")
    para(doc, "案由：{{ o.header.cause }}；申请日期：{{ o.header.application_date }}；开庭日期：{{ o.header.hearing_date }}"
              "{% if o.header.region %}；地区：{{ o.header.region }}{% endif %}")
    table(doc, ["身份", "名称", "基本情况", "法定代表人／委托代理人"],
          ["{{ p.role }}", "{{ p.name }}", "{{ p.details }}",
           "{% if p.representative %}{{ p.representative }}{% endif %}{% if p.representative and p.agents %}；{% endif %}"
           "{{ p.agents|join('；') }}"],
          [2.0, 4.2, 5.4, 4.4], "for p in o.header.parties")

    heading(doc, "二、仲裁请求")
    table(doc, ["序号", "请求事项", "请求金额", "期间", "申请书原文"],
          ["{{ c.index }}", "{{ c.type_name }}", "{{ c.amount_text }}", "{{ c.period }}", "{{ c.text }}"],
          [1.2, 3.2, 2.6, 3.2, 5.8], "for c in o.claims")

    heading(doc, "三、事实要素")
    subheading(doc, "（一）无争议事实")
    tag(doc, "{%p if o.undisputed %}")
    table(doc, ["要素", "内容", "来源"],
          ["{{ f.name }}", "{{ f.value }}", "{% for v in f.applicant + f.respondent + f.other %}{{ v.side }}：{{ v.source }}"
           "{% if not loop.last %}；{% endif %}{% endfor %}"],
          [2.6, 5.0, 8.4], "for f in o.undisputed")
    tag(doc, "{%p else %}")
    para(doc, "无。", indent=True)
    tag(doc, "{%p endif %}")
    subheading(doc, "（二）争议事实（双方主张对照）")
    tag(doc, "{%p if o.disputed %}")
    table(doc, ["要素", "申请人主张（来源）", "被申请人主张（来源）", "其他证据（来源）"],
          ["{{ f.name }}",
           "{% for v in f.applicant %}{{ v.value }}（{{ v.source }}）{% if not loop.last %}；{% endif %}{% else %}未主张{% endfor %}",
           "{% for v in f.respondent %}{{ v.value }}（{{ v.source }}）{% if not loop.last %}；{% endif %}{% else %}未主张{% endfor %}",
           "{% for v in f.other %}{{ v.value }}（{{ v.side }}：{{ v.source }}）{% if not loop.last %}；{% endif %}{% else %}—{% endfor %}"],
          [2.2, 4.8, 4.8, 4.2], "for f in o.disputed")
    tag(doc, "{%p else %}")
    para(doc, "双方对已提取的事实要素无争议。", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if o.missing_facts %}")
    para(doc, "待查明事实：{{ o.missing_facts|join('、') }}。", indent=True)
    tag(doc, "{%p endif %}")

    heading(doc, "四、各项请求审查要点")
    tag(doc, "{%p if o.finality %}")
    para(doc, "终局裁决：{{ o.finality.verdict }}。{{ o.finality.reasons|join('；') }}", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for s in o.sections %}")
    subheading(doc, "（{{ loop.index }}）{{ s.name }}（请求第{{ s.claim_indices|join('、') }}项）")
    tag(doc, "{%p if s.limitation %}")
    para(doc, "仲裁时效：{{ s.limitation.verdict }}。{{ s.limitation.reasons[0] if s.limitation.reasons else '' }}", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if s.finality %}")
    para(doc, "终局：{{ s.finality.verdict }}。{{ s.finality.reasons[0] if s.finality.reasons else '' }}", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if s.articles %}")
    para(doc, "法律依据：{{ s.articles|join('、') }}", indent=True)
    tag(doc, "{%p endif %}")
    para(doc, "1. 待证要件", bold=True)
    table(doc, ["要件", "状态", "现有依据（来源）"],
          ["{{ e.name }}", "{{ e.status }}", "{{ e.basis|join('；') or '—' }}"],
          [3.6, 2.0, 10.4], "for e in s.elements")
    para(doc, "2. 发问要点", bold=True)
    para(doc, "问申请人：", bold=True)
    tag(doc, "{%p for q in s.questions_applicant %}")
    para(doc, "（{{ loop.index }}）{{ q }}", indent=True)
    tag(doc, "{%p endfor %}")
    para(doc, "问被申请人：", bold=True)
    tag(doc, "{%p for q in s.questions_respondent %}")
    para(doc, "（{{ loop.index }}）{{ q }}", indent=True)
    tag(doc, "{%p endfor %}")
    para(doc, "3. 金额测算（请求金额：{% if s.amounts %}{{ s.amounts.requested }}{% else %}—{% endif %}）", bold=True)
    tag(doc, "{%p if s.amounts and s.amounts.scenarios %}")
    table(doc, ["情形", "测算金额", "计算方法", "依据"],
          ["{{ x.label }}", "{{ x.amount_text }}", "{% if x.steps %}{{ x.steps|join('；') }}{% else %}{{ x.formula }}{% endif %}",
           "{{ x.articles|join('、') }}"],
          [3.6, 2.4, 6.6, 3.4], "for x in s.amounts.scenarios")
    tag(doc, "{%p endif %}")
    para(doc, "{% if s.amounts %}{% if s.amounts.depends_on %}取决于：{{ s.amounts.depends_on|join('、') }}。{% endif %}"
              "{{ s.amounts.missing|join('；') }}{% if s.amounts.note %}{{ s.amounts.note }}{% endif %}"
              "{% else %}本项请求无适用的计算器，金额待庭审查明。{% endif %}", indent=True)
    para(doc, "4. 类案参考", bold=True)
    tag(doc, "{%p if s.similar %}")
    table(doc, ["案号", "裁决结果", "请求／支持金额", "相似之处"],
          ["{{ m.case_number }}", "{{ m.outcome }}", "{{ m.requested }}／{{ m.granted }}", "{{ m.reasons|join('；') }}"],
          [5.0, 2.0, 3.6, 5.4], "for m in s.similar")
    tag(doc, "{%p else %}")
    para(doc, "{{ s.similar_note or '未检索到类案。' }}", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    heading(doc, "五、证据清单核对")
    para(doc, "{% if o.evidence_in_file %}案卷已提交证据：{{ o.evidence_in_file|join('；') }}。{% else %}案卷未见证据目录。{% endif %}",
         indent=True)
    para(doc, "下列要件案卷中尚无证据，庭审中应要求举证（待查明）：", indent=True)
    table(doc, ["请求", "待证要件", "通常证明证据"],
          ["{{ e.claim_name }}", "{{ e.element }}", "{{ e.expected|join('、') }}"],
          [3.6, 5.4, 7.0], "for e in o.evidence if e.missing")
    tag(doc, "{%p if o.archive_note or o.warnings %}")
    heading(doc, "六、提示")
    tag(doc, "{%p if o.archive_note %}")
    para(doc, "{{ o.archive_note }}", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for w in o.warnings %}")
    para(doc, "{{ w }}", indent=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
