"""`arbitration demo`: the main job on the embedded default data — read the bundled sample case, build the index of
the bundled award archive, then write the hearing outline and the draft award for the sample case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from arbitration.config import CORPUS_DIR

console = Console()


def _show_case(case) -> None:
    from arbitration.model import FACT_NAMES
    from arbitration.outline.text import ROLE_NAMES, SIDE_NAMES, fact_value

    console.rule(f"[bold]案件：{case.case_number or '（案号待查明：申请阶段尚未编号）'}")
    for p in case.parties:
        extra = "，".join(x for x in (p.gender, p.id_number and f"身份证号{p.id_number}",
                                      p.credit_code and f"统一社会信用代码{p.credit_code}") if x)
        console.print(f"{ROLE_NAMES.get(p.role, p.role.value)}：{p.name}{('（' + extra + '）') if extra else ''}")
    claims = Table(title="仲裁请求", show_lines=False)
    for col in ("序号", "类型", "金额（元）", "原文"):
        claims.add_column(col)
    from arbitration.law import taxonomy

    tax = taxonomy()
    for i, c in enumerate(case.claims, 1):
        name = tax.name(c.type) if c.type in tax else c.type
        claims.add_row(str(c.index or i), name, f"{c.amount:,.2f}" if c.amount is not None else "—", c.text)
    console.print(claims)
    facts = Table(title="事实要素（每一版本及其来源；各方说法不一致的标为争议）")
    for col in ("要素", "内容", "谁主张", "来源", "争议"):
        facts.add_column(col)
    for name, fact in case.facts.items():
        if not fact.values:
            facts.add_row(FACT_NAMES[name], "待查明", "", "", "")
        for v in fact.values:
            where = v.source.file + (f" 第{v.source.page}页" if v.source.page else "")
            facts.add_row(FACT_NAMES[name], fact_value(v.value), SIDE_NAMES.get(v.side, str(v.side)), where,
                          "是" if fact.disputed else "")
    console.print(facts)


def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="输出目录")] = Path("demo-output"),
    case_dir: Annotated[Path, typer.Option("--case", help="案卷文件夹（默认：内置示例案件）")] = CORPUS_DIR / "sample_case",
) -> None:
    """演示：读取内置示例案卷，建立内置裁决书库索引，生成庭审要素提纲和裁决书草稿。"""
    from arbitration.extract import extract_case
    from arbitration.fileio import write_json

    out.mkdir(parents=True, exist_ok=True)
    console.print(f"[bold]1/4 读取案卷[/] {case_dir}")
    case, failures = extract_case(case_dir)
    for f in failures:
        console.print(f"[yellow]无法读取：{f}")
    write_json(out / "case.json", case)
    _show_case(case)

    console.print("[bold]2/4 类案库[/]（首次运行时建立内置裁决书库的索引，之后复用）")
    from arbitration.retrieval import default_archive

    archive = default_archive()
    if archive.generated:
        from arbitration.model import DEMO_LABEL

        console.print(f"[yellow]类案库为内置{DEMO_LABEL}：{len(archive)}份由程序生成的裁决书，当事人、案号均为虚构。"
                      f"提纲、类案检索和类案同裁报告中标为「{DEMO_LABEL}」，裁决书草稿不引用其案号；"
                      "实际办案请用本机构的裁决书建立类案库（arbitration index）。")

    console.print("[bold]3/4 庭审要素提纲")
    from arbitration.outline import build_outline, render_outline

    outline = build_outline(case, archive)
    render_outline(outline, out / "outline.docx", "docx")
    render_outline(outline, out / "outline.md", "md")

    console.print("[bold]4/4 裁决书草稿")
    from arbitration.drafting import draft_award, render_award

    award = draft_award(case, archive)
    render_award(award, case, out / "award.docx")
    write_json(out / "award.json", award)
    for w in award.warnings:
        console.print(f"[yellow]审核提示（{w.kind}）：{w.message}")
    console.print(f"[green]完成。[/] 输出：{out.resolve()}（case.json、outline.docx、outline.md、award.docx、award.json）")


def register(app: typer.Typer) -> None:
    app.command(name="demo")(demo)
