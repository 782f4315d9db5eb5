"""`arbitration ingest CASES_DIR --out OUT_DIR`: read every case folder into case.json plus per-page text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console


def ingest(
    cases_dir: Annotated[Path, typer.Argument(metavar="CASES_DIR", help="案卷根目录：每个子文件夹是一个案件")],
    out: Annotated[Path, typer.Option("--out", "-o", help="输出目录：每案一个 case.json 及 pages/ 下的逐页文本")],
    workers: Annotated[int, typer.Option("--workers", "-w", help="并行进程数（0 = CPU 核数；1 = 在本进程内运行）")] = 0,
    strict: Annotated[bool, typer.Option("--strict", help="有任何文件读取失败时以非零状态退出")] = False,
    force: Annotated[bool, typer.Option("--force", help="重新处理所有案件（默认跳过内容未变化的案件）")] = False,
    executor: Annotated[str, typer.Option("--executor", help="执行方式：local（本机多进程）或 ray")] = "local",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不显示进度条")] = False,
) -> None:
    """批量读取案卷：PDF、扫描件、图片、Word、文本 → case.json；失败文件记入 failures.jsonl。"""
    from arbitration.config import settings
    from pipelines.batch import FAILURES_FILE, BatchOptions, print_report
    from pipelines.ingest import run_ingest

    if executor not in ("local", "ray"):
        raise typer.BadParameter("只能是 local 或 ray", param_hint="--executor")
    console = Console(stderr=True)
    options = BatchOptions(
        workers=workers or settings().workers,
        executor=executor,
        force=force,
        strict=strict,
        progress=not quiet and console.is_terminal,
    )
    result = run_ingest(cases_dir, out, options, console=console)
    print_report(result, console, what="案件")
    if result.failed:
        console.print(f"失败清单已写入 {out / FAILURES_FILE}")
    if strict and result.failed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command(name="ingest")(ingest)
