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
from arbitration.model import (
    BASIS_NAMES,
    FACT_NAMES,
    Award,
    Case,
    Paragraph,
    ReviewState,
    SourceKind,
)

TEMPLATE = "award.docx"
COURT_TEMPLATE = "judgment.docx"  # 民事判决书, for a case in court (Case.forum == "court")

# Word highlight colours by source (w:highlight values); TEMPLATE stays plain
HIGHLIGHT: dict[SourceKind, str | None] = {
    SourceKind.EXTRACTED: "yellow",
    SourceKind.HEARING: "cyan",
    SourceKind.CALCULATOR: "green",
    SourceKind.PRECEDENT: "lightGray",
    SourceKind.LLM: "magenta",
    SourceKind.PROPOSAL: "red",  # 拟认定: rests on a finding the arbitrator has yet to accept
    SourceKind.TEMPLATE: None,
}
SOURCE_NAMES: dict[SourceKind, str] = {
    SourceKind.EXTRACTED: "案卷材料提取的事实（黄色）",
    SourceKind.HEARING: "庭审笔录（青色）",
    SourceKind.CALCULATOR: "计算器计算结果（绿色）",
    SourceKind.PRECEDENT: "类案（灰色）",
    SourceKind.LLM: "大模型生成的说理文字（粉色）",
    SourceKind.PROPOSAL: "拟认定事实及据此作出的处理（红色，批注写明认定依据，须仲裁员采信或否定）",
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
    "finality_unknown": "终局与否无法判断",
    "extraction": "案卷读取提示",
    "mixed_finality": "终局与非终局事项并存",
    "time_bar_risk": "仲裁时效风险（未提出抗辩，不主动适用）",
    "finality_notice": "救济告知",
    "demo_archive": "类案库为演示数据",
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


def _runs(paragraphs: list[Paragraph], highlight: bool = True) -> list[Any]:
    return [rich(p.text, p.source if highlight else SourceKind.TEMPLATE) for p in paragraphs]


def review_lines(award: Award, case: Case) -> list[tuple[str, list[tuple[str, SourceKind]]]]:
    """The 审核单 as (part title, [(line, source)]): every proposed finding first (拟认定, with its basis, sources
    and how to accept or reject it), then the facts still disputed with every version, missing facts, warnings by
    kind, the 类案同裁 report, and the legend of the source marks."""
    from arbitration.drafting.sections import SIDE_NAMES, show_value
    from arbitration.findings import find

    T = SourceKind.TEMPLATE
    findings = award.findings if award.findings is not None else find(case)
    proposed: list[tuple[str, SourceKind]] = []
    for p in findings.proposals:
        if p.state != ReviewState.PROPOSED:
            continue
        files = "、".join(dict.fromkeys(s.file for s in p.sources))
        proposed.append((f"【{p.id}】{p.label}：{p.text}。依据（{BASIS_NAMES[p.basis]}）：{p.reason}。"
                         + (f"来源：{files}。" if files else ""), SourceKind.PROPOSAL))
    if proposed:
        proposed.append(("逐项采信或否定：arbitration draft 案件目录 --out 输出目录 --accept-proposals 编号（或 all）"
                         " --reject-proposals 编号，或在工作台案件页面操作；否定的事项恢复为「待查明」并重新起草。", T))
    disputed: list[tuple[str, SourceKind]] = []
    missing: list[tuple[str, SourceKind]] = []
    for name, fact in case.facts.items():
        label = FACT_NAMES.get(name, name)
        if fact.known and findings.get(name) is None and name in findings.pending:
            versions = "；".join(
                f"{SIDE_NAMES[v.side]}：{show_value(v.value)}（{v.source.file}"
                + (f"第{v.source.page}页" if v.source.page else "") + "）"
                for v in fact.values
            )
            settled = findings.get(f"issue:{name}")  # the issue this fact bears on may be proposed all the same
            verdict = (f"双方说法不一致，已按【{settled.id}】拟认定：{settled.text}" if settled
                       else f"尚无认定依据：{findings.pending[name]}")
            disputed.append((f"{label}：{versions}。{verdict}。", SourceKind.EXTRACTED))
        elif not fact.known and name in findings.pending:
            missing.append((f"{label}：案卷中未见，{PENDING}。", T))
    for pid, why in findings.pending.items():
        if pid.startswith("issue:"):
            missing.append((f"{_issue_label(pid)}：{why}，{PENDING}。", T))
    for d in award.decisions:
        if any(PENDING in p.text for p in d.reasoning):
            missing.append((f"请求「{d.claim.text}」的处理结果{PENDING}，须查明后再定。", T))
    warns = []
    for w in award.warnings:
        if w.kind == "disputed_fact":
            continue  # listed with every version under 二、争议事实
        refs = [r for r in w.refs if r not in w.message]
        warns.append((f"【{WARNING_NAMES.get(w.kind, w.kind)}】{w.message}" + (f"（{'、'.join(refs)}）" if refs else ""), T))
    cons = [(p.text, p.source) for p in award.sections.get("consistency", [])]
    legend = [(SOURCE_NAMES[k], k) for k in SourceKind]
    legend.append(("正文底色标示每段文字的来源，批注写明具体出处；签发前全选正文，「突出显示颜色」选「无颜色」，"
                   "并在「审阅」中「删除文档中的所有批注」，即可一次清除。", T))
    none = [("无。", T)]
    return [
        ("一、拟认定事实（须逐项采信或否定）", proposed or none),
        ("二、争议事实", disputed or none),
        ("三、待查明事实", missing or none),
        ("四、审核提示", warns or none),
        ("五、类案同裁检查", cons or [("未检索类案（未连接类案库）。", T)]),
        ("六、来源标示说明", legend),
    ]


def _issue_label(pid: str) -> str:
    from arbitration.findings import label

    return label(pid)


def review_sections(award: Award, case: Case) -> list[dict[str, Any]]:
    """The 审核单 for the template: RichText lines in 小四."""
    return [{"title": title, "lines": [rich(text, source, size_pt=12) for text, source in lines]}
            for title, lines in review_lines(award, case)]


def render_review(award: Award, case: Case, out: str | os.PathLike[str]) -> Path:
    """The 审核单 as its own DOCX (for the arbitrator; the award copy stays clean), written atomically."""
    import io

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from arbitration.docxrender import FONT_SIZES, set_east_asian_font
    from arbitration.fileio import write_bytes

    doc = Document()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("判决书草稿审核单" if award.forum == "court" else "裁决书草稿审核单")
    set_east_asian_font(run, "宋体", FONT_SIZES["小二"])
    run.bold = True
    head = doc.add_paragraph()
    set_east_asian_font(head.add_run(f"案号：{award.case_number or case.case_number or TO_FILL}　"
                                     f"起草方式：{award.composer}"), "仿宋", FONT_SIZES["四号"])
    for part, lines in review_lines(award, case):
        p = doc.add_paragraph()
        r = p.add_run(part)
        set_east_asian_font(r, "黑体", FONT_SIZES["四号"])
        r.bold = True
        for text, source in lines:
            r = doc.add_paragraph().add_run(text)
            set_east_asian_font(r, "仿宋", FONT_SIZES["小四"])
            if HIGHLIGHT.get(source):
                h = OxmlElement("w:highlight")
                h.set(qn("w:val"), HIGHLIGHT[source])
                r._r.get_or_add_rPr().append(h)
    buf = io.BytesIO()
    doc.save(buf)
    write_bytes(out, buf.getvalue())
    return Path(out)


def item_source(award: Award, item: Any) -> SourceKind:
    """A ruling item resting on a proposed finding (拟认定) carries its colour; an amount the calculator's."""
    resting = [d for d in award.decisions if d.claim.type in item.claim_types]
    if any(p.source == SourceKind.PROPOSAL for d in resting for p in d.reasoning):
        return SourceKind.PROPOSAL
    return SourceKind.CALCULATOR if item.amount is not None else SourceKind.TEMPLATE


def _item_bases(award: Award, item: Any) -> list[str]:
    return [r for d in award.decisions if d.claim.type in item.claim_types for p in d.reasoning
            if p.source == SourceKind.PROPOSAL for r in p.refs]


def award_context(award: Award, case: Case, review: bool = True, highlight: bool = True) -> dict[str, Any]:
    """The template variable `a` (see templates/build_award.py)."""
    from arbitration.drafting.sections import build_sections

    sections = award.sections or build_sections(award, case)

    def rts(paragraphs: list[Paragraph]) -> list[Any]:
        return _runs(paragraphs, highlight)

    court = award.forum == "court"
    arbitrators = [f"审判员：{TO_FILL}"] if court else [f"仲裁员：{TO_FILL}"]
    issuer = f"{TO_FILL}人民法院" if court else f"{TO_FILL}劳动人事争议仲裁委员会"
    return {
        "commission": award.commission or case.commission or issuer,
        "case_number": award.case_number or case.case_number or f"案号{TO_FILL}",
        "parties": rts(sections.get("parties", [])),
        "procedure": rts(sections.get("procedure", [])),
        "claims": rts(sections.get("claims", [])),
        "applicant_reasons": rts(sections.get("applicant_reasons", [])),
        "defence": rts(sections.get("defence", [])),
        "evidence": rts(sections.get("evidence", [])),
        "facts": rts(award.facts_found),
        "decisions": [{"paragraphs": rts(d.reasoning)} for d in award.decisions],
        "ruling_intro": " ".join(p.text for p in sections.get("ruling_intro", [])) or (
            "判决如下：" if court else "裁决如下："),
        "ruling": [rich(f"{cn_number(i)}、{it.text}", item_source(award, it) if highlight else SourceKind.TEMPLATE)
                   for i, it in enumerate(award.items, 1)],
        "finality": rts(sections.get("finality", [])),
        "arbitrators": arbitrators,
        "clerk": f"书记员：{TO_FILL}",
        "date_text": cn_date(award.generated_at.date() if award.generated_at else date.today()),
        "review": review_sections(award, case) if review else [],
    }


COMMENT_AUTHOR = "起草助手"
COMMENT_SOURCES: dict[SourceKind, str] = {
    SourceKind.EXTRACTED: "来源：案卷材料中提取的事实",
    SourceKind.HEARING: "来源：庭审笔录",
    SourceKind.CALCULATOR: "来源：法律层计算器的计算结果",
    SourceKind.PRECEDENT: "来源：类案库",
    SourceKind.LLM: "来源：大模型撰写（已校验当事人、金额、法条与结构化数据一致）",
    SourceKind.PROPOSAL: "拟认定（须仲裁员采信或否定）",
}


def _marked_paragraphs(award: Award) -> dict[str, Paragraph]:
    """Rendered paragraph text → the Paragraph it came from, for every paragraph with a source to show."""
    found: dict[str, Paragraph] = {}
    groups = [award.facts_found, *(d.reasoning for d in award.decisions)]
    groups += [ps for name, ps in award.sections.items() if name != "consistency"]
    for ps in groups:
        for p in ps:
            if p.source != SourceKind.TEMPLATE:
                found.setdefault(p.text, p)
    for d in award.decisions:
        for p in d.reasoning:
            if p.source == SourceKind.CALCULATOR and d.calculation is not None:
                refs = [f"计算器 {d.calculation.name}", *d.calculation.notes]
                found[p.text] = p.model_copy(update={"refs": refs})
    for i, it in enumerate(award.items, 1):
        if item_source(award, it) == SourceKind.PROPOSAL:
            found[f"{cn_number(i)}、{it.text}"] = Paragraph(
                text=it.text, source=SourceKind.PROPOSAL, refs=list(dict.fromkeys(_item_bases(award, it))))
        elif it.amount is not None:
            found[f"{cn_number(i)}、{it.text}"] = Paragraph(
                text=it.text, source=SourceKind.CALCULATOR, refs=[f"金额来自计算器（{'、'.join(it.claim_types)}）"])
    return found


def add_source_comments(doc: Any, award: Award) -> int:
    """Anchor a Word comment on each award paragraph of python-docx `doc` that has a source (file, hearing,
    calculator, precedent, LLM) saying where it came from; Review → Delete All Comments removes them in one
    click. Returns the count."""
    marked = _marked_paragraphs(award)
    n = 0
    for para in doc.paragraphs:
        if para.text.startswith("审核单"):
            break  # the review sheet explains itself
        src = marked.get(para.text)
        if src is None or not para.runs:
            continue
        refs = list(dict.fromkeys(r for r in src.refs if r))
        text = COMMENT_SOURCES[src.source] + (f"：{'、'.join(refs)}" if refs else "")
        doc.add_comment(para.runs, text=text, author=COMMENT_AUTHOR, initials="草")
        n += 1
    return n


MARKS = ("both", "highlight", "comments", "none")


def render_award(award: Award, case: Case, out: str | os.PathLike[str], review: bool = True,
                 template: str | os.PathLike[str] | None = None, marks: str = "both") -> Path:
    """Write the award DOCX (atomically) with the review sheet appended after a page break; returns the path.

    `marks` says how each paragraph's source is shown: Word highlighting (removed with Select all → No Color),
    Word comments (Review → Delete All Comments), both, or none (a clean copy)."""
    from arbitration.docxrender import render_template

    if marks not in MARKS:
        raise ValueError(f"marks must be one of {MARKS}, not {marks!r}")
    template = Path(template) if template else TEMPLATES_DIR / (COURT_TEMPLATE if award.forum == "court" else TEMPLATE)
    context = {"a": award_context(award, case, review, highlight=marks in ("both", "highlight"))}
    if marks not in ("both", "comments"):
        return render_template(template, context, out)
    return render_template(template, context, out, finish=lambda doc: add_source_comments(doc, award))
