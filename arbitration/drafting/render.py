"""Render an Award into templates/award.docx: each paragraph highlighted by where it came from, then the
review sheet (审核单) on its own page listing disputed and missing facts, warnings and the consistency report.

Provenance is Word text highlighting (w:highlight), not shading: the arbitrator removes every mark at once with
Select all → Text Highlight Color → No Color. Template wording (SourceKind.TEMPLATE) is not highlighted.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from arbitration.config import TEMPLATES_DIR
from arbitration.drafting.text import PENDING, TO_FILL, cn_date, cn_number
from arbitration.model import FACT_NAMES, Award, Case, Paragraph, SourceKind

TEMPLATE = "award.docx"

# Word highlight colours by source (w:highlight values); TEMPLATE stays plain
HIGHLIGHT: dict[SourceKind, str | None] = {
    SourceKind.EXTRACTED: "yellow",
    SourceKind.HEARING: "cyan",
    SourceKind.CALCULATOR: "green",
    SourceKind.PRECEDENT: "lightGray",
    SourceKind.LLM: "magenta",
    SourceKind.TEMPLATE: None,
}
SOURCE_NAMES: dict[SourceKind, str] = {
    SourceKind.EXTRACTED: "案卷材料提取的事实（黄色）",
    SourceKind.HEARING: "庭审笔录（青色）",
    SourceKind.CALCULATOR: "计算器计算结果（绿色）",
    SourceKind.PRECEDENT: "类案（灰色）",
    SourceKind.LLM: "大模型生成的说理文字（粉色）",
    SourceKind.TEMPLATE: "模板固定文字（无底色）",
}

WARNING_NAMES = {
    "missing_fact": "待查明事实",
    "disputed_fact": "争议事实",
    "citation_removed": "已删除的无效引用",
    "llm_fallback": "大模型文字未通过校验，已改用规则文字",
    "deviation": "类案同裁偏离",
    "no_archive": "未连接类案库",
    "time_barred": "仲裁时效",
    "missing_parameter": "缺少地区参数",
    "calculation": "计算问题",
    "unverified_figure": "地区参数未经核对",
}


def rich(text: str, source: SourceKind = SourceKind.TEMPLATE, size_pt: float | None = None):
    """A docxtpl RichText run with a real Word highlight (docxtpl's own `highlight` writes shading)."""
    from docxtpl import RichText

    rt = RichText()
    props = ""
    colour = HIGHLIGHT.get(source)
    if colour:
        props += f'<w:highlight w:val="{colour}"/>'
    if size_pt:
        props += f'<w:sz w:val="{int(size_pt * 2)}"/><w:szCs w:val="{int(size_pt * 2)}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    rt.xml = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return rt


def _rts(paragraphs: list[Paragraph]) -> list[Any]:
    return [rich(p.text, p.source) for p in paragraphs]


def review_sections(award: Award, case: Case) -> list[dict[str, Any]]:
    """The 审核单: disputed facts with every version, missing facts, warnings by kind, consistency, legend."""
    small = 12
    out: list[dict[str, Any]] = []
    disputed, missing = [], []
    for name, fact in case.facts.items():
        label = FACT_NAMES.get(name, name)
        if fact.disputed:
            versions = "；".join(
                f"{v.side.value}：{_shown(v.value)}（{v.source.file}"
                + (f" 第{v.source.page}页" if v.source.page else "") + "）"
                for v in fact.values
            )
            chosen = f"仲裁庭已采信第{fact.accepted + 1}种" if fact.accepted is not None else "尚未认定"
            disputed.append(rich(f"{label}：{versions}。{chosen}。", size_pt=small))
        elif not fact.known:
            missing.append(rich(f"{label}：案卷中未见，{PENDING}。", size_pt=small))
    for d in award.decisions:
        for p in d.reasoning:
            if PENDING in p.text:
                missing.append(rich(f"请求「{d.claim.text}」的说理含{PENDING}，须补充后再定金额。", size_pt=small))
                break
    out.append({"title": "一、争议事实", "lines": disputed or [rich("无。", size_pt=small)]})
    out.append({"title": "二、待查明事实", "lines": missing or [rich("无。", size_pt=small)]})
    warns = [
        rich(f"【{WARNING_NAMES.get(w.kind, w.kind)}】{w.message}"
             + (f"（{'、'.join(w.refs)}）" if w.refs else ""), size_pt=small)
        for w in award.warnings
    ]
    out.append({"title": "三、审核提示", "lines": warns or [rich("无。", size_pt=small)]})
    cons = [rich(p.text, p.source, size_pt=small) for p in award.sections.get("consistency", [])]
    out.append({"title": "四、类案同裁检查", "lines": cons or [rich("未检索类案（未连接类案库）。", size_pt=small)]})
    legend = [rich(SOURCE_NAMES[k], k, size_pt=small) for k in SourceKind]
    legend.append(rich("正文底色标示每段文字的来源；签发前全选正文，「突出显示颜色」选「无颜色」即可一次清除。",
                       size_pt=small))
    out.append({"title": "五、来源标示说明", "lines": legend})
    return out


def _shown(value: Any) -> str:
    if hasattr(value, "model_dump"):
        return "，".join(f"{k}={v}" for k, v in value.model_dump(mode="json", exclude_none=True).items())
    return str(value)


def award_context(award: Award, case: Case, review: bool = True) -> dict[str, Any]:
    """The template variable `a` (see templates/build_award.py)."""
    from arbitration.drafting.sections import build_sections

    sections = award.sections or build_sections(award, case)
    arbitrators = [f"仲裁员：{TO_FILL}"]
    return {
        "commission": award.commission or case.commission or f"{TO_FILL}劳动人事争议仲裁委员会",
        "case_number": award.case_number or case.case_number or f"案号{TO_FILL}",
        "parties": _rts(sections.get("parties", [])),
        "procedure": _rts(sections.get("procedure", [])),
        "claims": _rts(sections.get("claims", [])),
        "applicant_reasons": _rts(sections.get("applicant_reasons", [])),
        "defence": _rts(sections.get("defence", [])),
        "evidence": _rts(sections.get("evidence", [])),
        "facts": _rts(award.facts_found),
        "decisions": [{"paragraphs": _rts(d.reasoning)} for d in award.decisions],
        "ruling_intro": " ".join(p.text for p in sections.get("ruling_intro", [])) or "裁决如下：",
        "ruling": [
            rich(f"{cn_number(i)}、{it.text}", SourceKind.CALCULATOR if it.amount else SourceKind.TEMPLATE)
            for i, it in enumerate(award.items, 1)
        ],
        "finality": _rts(sections.get("finality", [])),
        "arbitrators": arbitrators,
        "clerk": f"书记员：{TO_FILL}",
        "date_text": cn_date(award.generated_at.date() if award.generated_at else date.today()),
        "review": review_sections(award, case) if review else [],
    }


def render_award(award: Award, case: Case, out: str | os.PathLike[str], review: bool = True,
                 template: str | os.PathLike[str] | None = None) -> Path:
    """Write the award DOCX (atomically) with the review sheet appended after a page break; returns the path."""
    from arbitration.docxrender import render_template

    template = Path(template) if template else TEMPLATES_DIR / TEMPLATE
    return render_template(template, {"a": award_context(award, case, review)}, out)
