"""Batch drafting: one award (award.docx + award.json) per ingested case, on the shared batch runner —
parallel, resumable (a case is redone only when its case.json or the composer changed), with a failure report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from arbitration.fileio import sha256_bytes, sha256_file
from pipelines.batch import BatchOptions, BatchResult, Task, run_batch

CASE_FILE = "case.json"
DOC_SUFFIXES = {".pdf", ".docx", ".doc", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


@dataclass(frozen=True)
class DraftJob:
    source: str  # case.json file, or a case folder to read with arbitration.extract.extract_case
    out_dir: str  # where award.docx and award.json go
    composer: str = "rule"
    index_dir: str | None = None  # archive index dir; None = no archive (warned in each award)
    marks: str = "both"  # how paragraph sources are shown: both | highlight | comments | none
    accept: tuple[str, ...] = ()  # proposal ids (拟认定) the arbitrator accepts, or ("all",)
    reject: tuple[str, ...] = ()  # proposal ids the arbitrator rejects (the fact returns to 「待查明」)


REVIEWS_FILE = "reviews.json"  # the arbitrator's accept/reject by proposal id, kept beside the draft for reruns


def find_cases(cases_dir: Path) -> list[tuple[str, Path]]:
    """(key, source) for every case under `cases_dir`: each case.json (ingest output), else each folder
    holding case documents. The key is the path relative to `cases_dir` (「.」 when it is the case itself)."""
    cases_dir = Path(cases_dir)
    found = sorted(cases_dir.rglob(CASE_FILE))
    if found:
        return [(str(p.parent.relative_to(cases_dir)), p) for p in found]
    folders = sorted(d for d in cases_dir.iterdir() if d.is_dir() and _has_documents(d))
    if not folders and _has_documents(cases_dir):
        folders = [cases_dir]
    return [(str(d.relative_to(cases_dir)) if d != cases_dir else d.name, d) for d in folders]


def _has_documents(d: Path) -> bool:
    return any(p.is_file() and p.suffix.lower() in DOC_SUFFIXES for p in d.iterdir())


def _fingerprint(source: Path, composer: str, index_dir: str | None) -> str:
    parts = [composer, index_dir or "-"]
    if source.is_file():
        parts.append(sha256_file(source))
    else:
        parts += [f"{p.name}:{sha256_file(p)}" for p in sorted(source.rglob("*")) if p.is_file()]
    from arbitration.config import TEMPLATES_DIR

    for name in ("award.docx", "judgment.docx"):
        tpl = TEMPLATES_DIR / name
        parts.append(sha256_file(tpl) if tpl.exists() else "-")
    return sha256_bytes("\n".join(parts).encode())


def apply_reviews(case, out: Path, accept: tuple[str, ...] = (), reject: tuple[str, ...] = ()):
    """The case with the arbitrator's review applied: earlier accepts/rejects kept in `out/reviews.json`, then
    this run's (「all」 accepts every proposal still open). Returns (case, notes on ids no longer proposed)."""
    import json

    from arbitration.fileio import write_json
    from arbitration.findings import find, review
    from arbitration.model import ReviewState

    kept: dict[str, str] = {}
    path = out / REVIEWS_FILE
    if path.is_file():
        kept = json.loads(path.read_text(encoding="utf-8"))
    for ids, state in ((accept, ReviewState.ACCEPTED), (reject, ReviewState.REJECTED)):
        if "all" in ids:
            ids = tuple(p.id for p in find(case).proposals if p.state == ReviewState.PROPOSED)
        kept.update({i: state.value for i in ids})
    notes: list[str] = []
    known = {p.id for p in find(case).proposals}
    for pid, state in kept.items():
        if pid not in known:
            notes.append(f"拟认定事项 {pid} 已不在本案中（案卷已变更），其审核意见未适用")
            continue
        case = review(case, [pid], accept=state == ReviewState.ACCEPTED.value)
    if accept or reject:
        write_json(path, kept)
    return case, notes


_ARCHIVES: dict[str, object] = {}


def _archive(index_dir: str | None):
    if not index_dir:
        return None
    if index_dir not in _ARCHIVES:
        from arbitration.retrieval import Archive

        _ARCHIVES[index_dir] = Archive.open(Path(index_dir))
    return _ARCHIVES[index_dir]


def draft_worker(job: DraftJob) -> dict:
    """Top-level (picklable) worker: read the case, draft, render; returns warning counts by kind."""
    from arbitration.drafting import (
        draft_award,
        get_composer,
        render_award,
        render_review,
    )
    from arbitration.fileio import write_json
    from arbitration.model import Case

    source = Path(job.source)
    failures: list[dict] = []
    if source.is_file():
        try:
            case = Case.model_validate_json(source.read_text(encoding="utf-8"))
        except ValueError as e:
            from arbitration.errors import MissingData

            raise MissingData(f"{source}: 不是有效的案件 JSON（{str(e).splitlines()[0]}）") from e
    else:
        from arbitration.extract import extract_case

        case, errors = extract_case(source)
        failures = [{"file": e.file, "kind": e.kind, "reason": e.reason} for e in errors]
    out = Path(job.out_dir)
    case, notes = apply_reviews(case, out, job.accept, job.reject)
    failures += [{"file": REVIEWS_FILE, "kind": "review", "reason": n} for n in notes]
    award = draft_award(case, _archive(job.index_dir), composer=get_composer(job.composer))
    render_award(award, case, out / "award.docx", review=False, marks=job.marks)
    render_review(award, case, out / "review.docx")
    write_json(out / "award.json", award)
    if case.reviews:
        write_json(out / "case.json", case)  # the case as reviewed: adoptions and rejections with it
    return {"warnings": dict(Counter(w.kind for w in award.warnings)), "failures": failures,
            "case_number": award.case_number}


def draft_cases(cases_dir: Path, out_dir: Path, options: BatchOptions | None = None, composer: str = "rule",
                index_dir: Path | None = None, console: Console | None = None, marks: str = "both",
                accept: tuple[str, ...] = (), reject: tuple[str, ...] = ()) -> BatchResult:
    """Draft every case under `cases_dir` into `out_dir/<case key>/`: award.docx (source marks, no appendix),
    review.docx (审核单) and award.json. `accept`/`reject` are proposal ids (拟认定) the arbitrator accepts or
    rejects ("all" accepts every open one); they are kept in each case's reviews.json and the case is redrafted."""
    options = options or BatchOptions()
    out_dir = Path(out_dir)
    tasks = []
    for key, source in find_cases(Path(cases_dir)):
        idx = str(index_dir) if index_dir else None
        target = (out_dir / key).resolve()
        job = DraftJob(str(source.resolve()), str(target), composer, idx, marks, tuple(accept), tuple(reject))
        reviews = target / REVIEWS_FILE
        kept = reviews.read_text(encoding="utf-8") if reviews.is_file() else ""
        salt = f"{composer}:{marks}:{','.join(accept)}:{','.join(reject)}:{kept}"
        tasks.append(Task(key, _fingerprint(source, salt, idx), job))
    return run_batch("起草裁决书", tasks, draft_worker, out_dir, options, console)


def print_summary(result: BatchResult, console: Console) -> None:
    """Cases drafted and warnings by kind (over this run's drafts)."""
    from arbitration.drafting.render import WARNING_NAMES

    counts: Counter[str] = Counter()
    for value in result.outputs.values():
        counts.update((value or {}).get("warnings", {}))
    table = Table(title=f"起草 {len(result.done)} 件（跳过未变化的 {len(result.skipped)} 件，失败 {len(result.failed)} 项）")
    table.add_column("审核提示类型")
    table.add_column("数量", justify="right")
    for kind, n in counts.most_common():
        table.add_row(f"{WARNING_NAMES.get(kind, kind)}（{kind}）", str(n))
    if not counts:
        table.add_row("无", "0")
    console.print(table)
