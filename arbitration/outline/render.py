"""Write an Outline as DOCX (from the Word template templates/outline.docx), Markdown or JSON, atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

from arbitration.config import TEMPLATES_DIR
from arbitration.docxrender import render_template
from arbitration.fileio import write_text
from arbitration.outline.model import MISSING, Outline

FORMATS = ("docx", "md", "json")
TEMPLATE = "outline.docx"


def render_outline(outline: Outline, out: str | os.PathLike[str], fmt: str = "docx",
                   template: str | os.PathLike[str] | None = None) -> Path:
    """Write `outline` to `out` as "docx", "md" or "json"; returns the path written."""
    if fmt not in FORMATS:
        raise ValueError(f"不支持的格式 {fmt!r}，可选：{'、'.join(FORMATS)}")
    out = Path(out)
    if fmt == "json":
        write_text(out, outline.model_dump_json(indent=2) + "\n")
    elif fmt == "md":
        write_text(out, to_markdown(outline))
    else:
        context = {"o": json.loads(outline.model_dump_json())}
        render_template(Path(template) if template else TEMPLATES_DIR / TEMPLATE, context, out)
    return out


def _cell(text: object) -> str:
    return str(text).replace("|", "｜").replace("\n", " ") if text not in (None, "") else "—"


def _table(headers: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


def to_markdown(o: Outline) -> str:
    """The outline as Markdown with the same sections and tables as the DOCX."""
    h = o.header
    md = ["# 庭审要素提纲", "", f"{h.commission or ''} 案号：{h.case_number}".strip(), "",
          f"> 供仲裁员庭前参考，生成日期：{o.generated_on}；本提纲不是裁决意见。", "", "## 一、案件基本情况", "",
          f"案由：{h.cause}；申请日期：{h.application_date}；开庭日期：{h.hearing_date}"
          + (f"；地区：{h.region}" if h.region else ""), ""]
    md += _table(["身份", "名称", "基本情况", "法定代表人／委托代理人"],
                 [[p.role, p.name, p.details, "；".join(([p.representative] if p.representative else []) + p.agents)]
                  for p in h.parties])
    md += ["## 二、仲裁请求", ""]
    md += _table(["序号", "请求事项", "请求金额", "期间", "申请书原文"],
                 [[c.index, c.type_name, c.amount_text, c.period, c.text] for c in o.claims])
    md += ["## 三、事实要素", "", "### （一）无争议事实", ""]
    if o.undisputed:
        md += _table(["要素", "内容", "来源"],
                     [[f.name, f.value, "；".join(f"{v.side}：{v.source}" for v in f.versions)] for f in o.undisputed])
    else:
        md += ["无。", ""]
    md += ["### （二）争议事实（双方主张对照）", ""]
    if o.disputed:
        def vs(versions, empty="未主张"):
            return "；".join(f"{v.value}（{v.source}）" for v in versions) or empty
        md += _table(["要素", "申请人主张（来源）", "被申请人主张（来源）", "其他证据（来源）"],
                     [[f.name, vs(f.applicant), vs(f.respondent), vs(f.other, "—")] for f in o.disputed])
    else:
        md += ["双方对已提取的事实要素无争议。", ""]
    if o.missing_facts:
        md += [f"待查明事实：{'、'.join(o.missing_facts)}。", ""]
    md += ["## 四、各项请求审查要点", ""]
    if o.finality:
        md += [f"终局裁决：{o.finality.verdict}。{'；'.join(o.finality.reasons)}", ""]
    for n, s in enumerate(o.sections, 1):
        md += [f"### （{n}）{s.name}（请求第{'、'.join(map(str, s.claim_indices))}项）", ""]
        if s.limitation:
            md += [f"- 仲裁时效：{s.limitation.verdict}。{'；'.join(s.limitation.reasons)}"]
        if s.finality:
            md += [f"- 终局：{s.finality.verdict}。{'；'.join(s.finality.reasons)}"]
        if s.articles:
            md += [f"- 法律依据：{'、'.join(s.articles)}"]
        md += ["", "**1. 待证要件**", ""]
        md += _table(["要件", "状态", "现有依据（来源）", "通常证明证据"],
                     [[e.name, e.status, "；".join(e.basis), "、".join(e.expected_evidence)] for e in s.elements])
        md += ["**2. 发问要点**", "", "问申请人："]
        md += [f"{i}. {q}" for i, q in enumerate(s.questions_applicant, 1)] or ["（无）"]
        md += ["", "问被申请人："]
        md += [f"{i}. {q}" for i, q in enumerate(s.questions_respondent, 1)] or ["（无）"]
        md += ["", f"**3. 金额测算**（请求金额：{s.amounts.requested if s.amounts else '—'}）", ""]
        if s.amounts and s.amounts.scenarios:
            md += _table(["情形", "测算金额", "计算方法", "依据"],
                         [[x.label, x.amount_text, x.formula + ("：" + "；".join(x.steps) if x.steps else ""),
                           "、".join(x.articles)] for x in s.amounts.scenarios])
        if s.amounts:
            tail = (f"取决于：{'、'.join(s.amounts.depends_on)}。" if s.amounts.depends_on else "")
            tail += "；".join(s.amounts.missing) + (s.amounts.note or "")
            if tail:
                md += [tail, ""]
        else:
            md += [f"本项请求无适用的计算器，金额{MISSING}。", ""]
        md += ["**4. 类案参考**", ""]
        if s.similar:
            md += _table(["案号", "裁决结果", "请求／支持金额", "相似之处"],
                         [[m.case_number, m.outcome, f"{m.requested}／{m.granted}", "；".join(m.reasons)]
                          for m in s.similar])
        else:
            md += [s.similar_note or "未检索到类案。", ""]
    md += ["## 五、证据清单核对", ""]
    md += [("案卷已提交证据：" + "；".join(o.evidence_in_file) + "。") if o.evidence_in_file else "案卷未见证据目录。", ""]
    md += _table(["请求", "待证要件", "通常证明证据", "案卷已有", "缺失"],
                 [[e.claim_name, e.element, "、".join(e.expected), "；".join(e.present),
                   f"缺失（{MISSING}）" if e.missing else "—"] for e in o.evidence])
    if o.archive_note or o.warnings:
        md += ["## 六、提示", ""]
        md += [f"- {w}" for w in ([o.archive_note] if o.archive_note else []) + o.warnings] + [""]
    return "\n".join(md)
