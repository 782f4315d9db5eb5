"""`arbitration draft` (batch award drafting) and `arbitration check` (类案同裁 consistency report)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

console = Console()
err = Console(stderr=True)


def _open_archive(index_dir: Path | None, use: bool):
    if not use:
        return None
    from arbitration.errors import ArbitrationError
    from arbitration.retrieval import Archive

    try:
        return Archive.open(index_dir)
    except ArbitrationError as e:
        err.print(f"[yellow]类案库不可用（{e}），草稿将不引用类案。")
        return None


def draft(
    cases_dir: Path = typer.Argument(..., exists=True, file_okay=False,
                                     help="案件目录：arbitration ingest 的输出（含 case.json）或案卷文件夹"),
    out: Path = typer.Option(..., "--out", "-o", help="输出目录：每件案件一个子目录（award.docx、review.docx、award.json）"),
    workers: int = typer.Option(0, "--workers", "-w", help="并行进程数，0 表示按 CPU 核数"),
    composer: str = typer.Option(None, "--composer", help="说理文字生成方式：rule（默认，规则）、openai（本地部署的兼容接口）、llama-cpp、transformers"),
    index_dir: Path = typer.Option(None, "--index-dir", help="类案库索引目录（默认：配置中的，或内置裁决书库）"),
    no_archive: bool = typer.Option(False, "--no-archive", help="不检索类案（草稿中会提示）"),
    marks: str = typer.Option("both", "--marks",
                              help="段落来源的标示：both（底色+批注，默认）、highlight（底色）、comments（批注）、none（不标示）"),
    accept: str = typer.Option("", "--accept-proposals",
                               help="采信拟认定事项：all（全部）或逗号分隔的编号（见审核单【】内，如 monthly_wage,issue:overtime）；"
                                    "审核意见保存在输出目录的 reviews.json，重新起草时沿用"),
    reject: str = typer.Option("", "--reject-proposals",
                               help="否定拟认定事项（逗号分隔的编号）：该事实恢复为「待查明」并重新起草"),
    strict: bool = typer.Option(False, "--strict", help="有任何失败即以非零状态退出"),
    force: bool = typer.Option(False, "--force", help="重新起草未变化的案件"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不显示进度条"),
) -> None:
    """批量起草裁决书：每件案件生成 award.docx（裁决书草稿，段落标示来源）、review.docx（审核单）和 award.json；可断点续跑，最后列出失败原因和审核提示统计。"""
    from arbitration.config import settings
    from arbitration.drafting import get_composer
    from arbitration.drafting.render import MARKS
    from pipelines.batch import BatchOptions, print_report
    from pipelines.draft import draft_cases, print_summary

    if marks not in MARKS:
        raise typer.BadParameter(f"--marks 只能是 {'、'.join(MARKS)}")
    name = composer or settings().composer
    get_composer(name)  # fail now, with the reason, when the backend cannot run here
    resolved = None
    if not no_archive:
        archive = _open_archive(index_dir, True)
        if archive is not None:
            resolved = archive.index_dir
            archive.close()
    options = BatchOptions(workers=workers, force=force, strict=strict, progress=not quiet)
    ids = lambda text: tuple(i.strip() for i in text.replace("，", ",").split(",") if i.strip())  # noqa: E731
    accepted, rejected = ids(accept), ids(reject)
    if "all" in rejected:
        raise typer.BadParameter("--reject-proposals 须逐项写明编号（不能为 all）")
    if set(accepted) & set(rejected):
        raise typer.BadParameter(f"同一事项不能既采信又否定：{'、'.join(sorted(set(accepted) & set(rejected)))}")
    result = draft_cases(cases_dir, out, options, composer=name, index_dir=resolved, console=err, marks=marks,
                         accept=accepted, reject=rejected)
    print_report(result, err, what="案件")
    print_summary(result, console)
    if (strict and result.failed) or (result.failed and not result.done and not result.skipped):
        raise typer.Exit(1)


def _load(target: Path):
    """A case (case.json or case folder), an award.json (with its case.json beside it), or an award.docx folder."""
    from arbitration.errors import MissingData
    from arbitration.model import Award, Case

    if target.is_dir():
        if (target / "award.json").is_file():
            target = target / "award.json"
        elif (target / "case.json").is_file():
            target = target / "case.json"
        else:
            from arbitration.extract import extract_case

            case, _ = extract_case(target)
            return case, None
    if target.suffix.lower() == ".docx":
        target = target.with_name("award.json")
    if not target.is_file():
        raise MissingData(f"{target} 不存在")
    text = target.read_text(encoding="utf-8")
    if '"decisions"' in text:
        award = Award.model_validate_json(text)
        case_file = target.with_name("case.json")
        case = Case.model_validate_json(case_file.read_text(encoding="utf-8")) if case_file.is_file() else None
        return case, award
    return Case.model_validate_json(text), None


def check(
    target: Path = typer.Argument(..., exists=True,
                                  help="裁决书草稿（award.json 或其所在目录）或案件（case.json 或案卷文件夹）"),
    index_dir: Path = typer.Option(None, "--index-dir", help="类案库索引目录（默认：配置中的，或内置裁决书库）"),
    k: int = typer.Option(10, "-k", help="每项请求比较的类案数"),
) -> None:
    """类案同裁检查：逐项请求列出类案支持比例、支持额/请求额、每工作月金额，并标出偏离。"""
    from arbitration.drafting import consistency_report, draft_award
    from arbitration.errors import MissingData
    from arbitration.model import OUTCOME_NAMES

    case, award = _load(target)
    archive = _open_archive(index_dir, True)
    if archive is None:
        raise MissingData("没有可用的类案库，无法检查；请先运行 arbitration index 建立索引")
    if award is None:
        award = draft_award(case, archive)
    reports = consistency_report(award, archive, case, k=k)
    table = Table(title=f"类案同裁检查：{award.case_number or target}")
    for col in ("请求", "草稿", "类案数", "支持比例", "支持额/请求额", "每工作月（元）", "偏离及类案"):
        table.add_column(col)
    for r in reports:
        per_month = ""
        if r.per_month_range:
            per_month = f"{r.per_month_range[0]:.0f}–{r.per_month_range[1]:.0f}"
            if r.per_month is not None:
                per_month += f"（本稿 {r.per_month:.0f}）"
        table.add_row(
            r.claim_name,
            OUTCOME_NAMES[r.outcome] + (f" {r.amount}" if r.amount is not None else ""),
            str(r.precedents),
            f"{r.granted_share:.0%}" if r.granted_share is not None else "—",
            f"{r.ratio_median:.0%}" if r.ratio_median is not None else "—",
            per_month or "—",
            "\n".join(f"[red]{w.message}[/]（{'、'.join(w.refs)}）" for w in r.warnings) or "[green]一致",
        )
    console.print(table)
    flagged = sum(len(r.warnings) for r in reports)
    console.print(f"共 {len(reports)} 项请求，{flagged} 处偏离。")


def register(app: typer.Typer) -> None:
    app.command(name="draft")(draft)
    app.command(name="check")(check)
