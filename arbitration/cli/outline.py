"""`arbitration outline`: write the pre-hearing element outline (庭审要素提纲) of one case as DOCX, Markdown or JSON."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

console = Console(stderr=True)


def load_case(source: Path):
    """A Case from a case.json (written by `arbitration ingest`) or from a case folder (read and extracted here)."""
    from arbitration.errors import ExtractionError
    from arbitration.model import Case

    if source.is_file():
        try:
            return Case.model_validate_json(source.read_bytes())
        except ValueError as e:
            raise ExtractionError(f"{source}: 不是有效的案件 JSON（{str(e).splitlines()[0]}）") from e
    if source.is_dir():
        from arbitration.extract import extract_case

        case, failures = extract_case(source)
        for f in failures:
            console.print(f"[yellow]无法读取：{f}")
        return case
    raise ExtractionError(f"{source}: 不存在（应为案卷文件夹或 case.json）")


def open_archive():
    """The bundled archive, or None with a note when retrieval is not installed or cannot be built."""
    try:
        from arbitration.retrieval import default_archive
    except ImportError as e:
        console.print(f"[yellow]类案检索不可用（{e}），提纲将不含类案。")
        return None
    try:
        return default_archive()
    except Exception as e:  # a broken or unbuildable index must not stop the outline
        console.print(f"[yellow]类案库无法打开（{e}），提纲将不含类案。")
        return None


def outline(
    case: Path = typer.Argument(..., help="案卷文件夹，或 arbitration ingest 生成的 case.json"),
    out: Path = typer.Option(Path("outline.docx"), "--out", "-o", help="输出文件"),
    fmt: str = typer.Option("", "--format", "-f", help="输出格式：docx、md 或 json（默认按输出文件扩展名）"),
    no_archive: bool = typer.Option(False, "--no-archive", help="不检索类案"),
) -> None:
    """生成庭审要素提纲：请求、争议事实对照、待证要件、发问要点、时效与终局、金额测算、类案与证据清单。"""
    from arbitration.outline import FORMATS, build_outline, render_outline

    fmt = fmt or {".md": "md", ".json": "json"}.get(out.suffix.lower(), "docx")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"格式应为 {'、'.join(FORMATS)} 之一", param_hint="--format")
    the_case = load_case(case)
    archive = None if no_archive else open_archive()
    result = build_outline(the_case, archive)
    path = render_outline(result, out, fmt)
    disputed = "、".join(f.name for f in result.disputed) or "无"
    console.print(f"[green]已生成庭审要素提纲：[/]{path}（请求{len(result.claims)}项，争议事实：{disputed}）")


def register(app: typer.Typer) -> None:
    app.command(name="outline")(outline)
