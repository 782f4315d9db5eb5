"""Build templates/judgment.docx, the Word template of a first-instance 民事判决书 in a labour dispute, for court
staff who draft with the same decisions, citations and review sheet as the commission's 裁决书.

Like templates/award.docx (built by build_award.py, whose page setup, fonts and helpers this script shares), the
committed .docx is what a court edits in Word; this script only makes the first version:
`.venv/bin/python templates/build_judgment.py`. The variable is `a`, built by
`arbitration.drafting.render.award_context` with the court's wording (原告/被告, 本院认为, 判决如下, the appeal
notice, 案件受理费「待填写」).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from build_award import (  # noqa: E402
    TITLE_FONT,
    loop,
    new_document,
    para,
    review_sheet,
    signatures,
    tag,
)

from arbitration.docxrender import FONT_SIZES  # noqa: E402

OUT = HERE / "judgment.docx"


def build(out: Path = OUT) -> Path:
    doc = new_document()
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    para(doc, "{{ a.commission }}", TITLE_FONT, FONT_SIZES["二号"], bold=True, align=center, indent=False)
    para(doc, "民　事　判　决　书", TITLE_FONT, FONT_SIZES["二号"], bold=True, align=center, indent=False,
         space_after=6)
    para(doc, "{{ a.case_number }}", align=right, indent=False, space_after=6)

    loop(doc, "a.parties")  # 原告 / 委托诉讼代理人 / 被告 / 法定代表人
    loop(doc, "a.procedure")  # 立案、程序、开庭
    para(doc, "原告向本院提出诉讼请求：")
    loop(doc, "a.claims")
    loop(doc, "a.applicant_reasons")
    loop(doc, "a.defence")  # 被告辩称
    loop(doc, "a.evidence")
    para(doc, "本院经审理认定事实如下：")
    loop(doc, "a.facts")
    para(doc, "本院认为：")
    tag(doc, "{%p for d in a.decisions %}")
    loop(doc, "d.paragraphs", "q")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ a.ruling_intro }}")
    loop(doc, "a.ruling")
    loop(doc, "a.finality")  # 迟延履行, 案件受理费, 上诉告知

    signatures(doc, "（院印）")
    review_sheet(doc)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
