"""Build or update an award archive from a folder of award files (and .jsonl.gz bundles of them): parse in
parallel (the batch runner), embed in batches, add/replace by case number. Resumable: awards whose hash is
already in the archive are skipped, and each chunk is committed as it is added.

Scale (a province's archive, 10⁵–10⁶ awards): `arbitration index DIR --executor ray` runs the parsing — and
the embedding, which dominates — in Ray workers (a local Ray instance, or the cluster named by RAY_ADDRESS);
the driver only writes SQLite and FAISS, and the index switches to IVF above the ANN threshold by itself."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from arbitration.fileio import sha256_file
from pipelines.batch import BatchOptions, BatchResult, Task, run_batch

AWARD_SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".doc", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
BUNDLE_SUFFIX = ".jsonl.gz"  # a bundle of awards as JSON lines {"file", "text"} (the generated corpus)
CHUNK = 64  # precedents embedded and committed together


@dataclass(frozen=True)
class ParseJob:
    path: str  # absolute path of the award file
    rel: str  # path relative to the awards folder, stored as source_file
    embedder: str | None = None  # embed in the worker with this embedder (None: the main process embeds)
    text: str | None = None  # the award's text when it comes from a bundle, not a file of its own
    generated: bool = False  # from a bundle whose metadata says it is generated (synthetic): never cited


def parse_worker(job: ParseJob) -> dict:
    """Top-level (picklable) worker: parse one award; optionally embed its units in this process."""
    from arbitration.retrieval.parser import parse_award

    if job.text is not None:
        from arbitration.retrieval.parser import parse_text

        p = parse_text(job.text, job.rel)
    else:
        p = parse_award(Path(job.path))
    p.source_file = job.rel
    p.generated = p.generated or job.generated
    from arbitration.retrieval.units import precedent_units

    units = precedent_units(p)  # jieba tokenising is the costly part: done here, in parallel
    out = {"precedent": p.model_dump_json(),
           "units": [(u.kind, u.claim_index, u.claim_type, u.text, u.tokens) for u in units]}
    if job.embedder:
        from arbitration.retrieval.embedders import get_embedder

        emb = get_embedder(job.embedder, threads=1)
        out["vectors"] = emb.embed_passages([u.text for u in units]).tobytes()
    return out


def award_files(awards_dir: Path) -> list[Path]:
    return sorted(
        p for p in awards_dir.rglob("*")
        if p.is_file() and not p.name.startswith(".") and not p.name.upper().startswith("README")
        and (p.suffix.lower() in AWARD_SUFFIXES or p.name.endswith(BUNDLE_SUFFIX))
    )


def bundle_records(path: Path) -> list[tuple[str, str]]:
    """(file name, text) of each award in a .jsonl.gz bundle; lines without "text" (metadata) are skipped."""
    import gzip
    import json

    from arbitration.errors import IngestError

    out = []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                rec = json.loads(line)
                if "text" in rec:
                    out.append((str(rec.get("file") or f"{n:05d}.txt"), rec["text"]))
    except (OSError, EOFError, ValueError) as e:
        raise IngestError(str(path), f"无法读取裁决书合集：{e}", "corrupt") from e
    return out


def bundle_generated(path: Path) -> bool:
    """Whether a .jsonl.gz bundle's metadata line says its awards are generated (`synthetic` or `generated`)."""
    import gzip
    import json

    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            meta = json.loads(f.readline() or "{}").get("meta") or {}
    except (OSError, EOFError, ValueError, AttributeError):
        return False
    return bool(meta.get("generated") or meta.get("synthetic"))


def award_tasks(awards_dir: Path, embedder: str | None = None) -> list[Task]:
    """One task per award file, and one per award inside each bundle; fingerprint = sha256 of the content."""
    import hashlib

    tasks = []
    for f in award_files(awards_dir):
        rel = str(f.relative_to(awards_dir))
        if f.name.endswith(BUNDLE_SUFFIX):
            generated = bundle_generated(f)
            for name, text in bundle_records(f):
                sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
                tasks.append(Task(f"{rel}/{name}", sha, ParseJob(str(f), f"{rel}/{name}", embedder, text, generated)))
        else:
            tasks.append(Task(rel, sha256_file(f), ParseJob(str(f), rel, embedder)))
    return tasks


def index_awards(
    awards_dir: Path,
    archive,
    options: BatchOptions | None = None,
    embed_in_workers: bool = False,
    progress: bool = True,
    console: Console | None = None,
) -> BatchResult:
    """Parse every award file under `awards_dir` not yet in `archive` (same hash) and add it."""
    import numpy as np

    from arbitration.model import Precedent
    from arbitration.retrieval.store import Unit

    console = console or Console(stderr=True)
    options = options or BatchOptions(progress=progress)
    awards_dir = Path(awards_dir)
    known = {v for v in archive.store.sha256_of().values() if v}
    if options.force:
        known = set()
    tasks, skipped = [], []
    for t in award_tasks(awards_dir, archive.embedder.name if embed_in_workers else None):
        if t.fingerprint in known:
            skipped.append(t.key)
        else:
            tasks.append(t)
    batch_dir = archive.index_dir / "batch"
    result = run_batch("解析裁决书", tasks, parse_worker, batch_dir, options.__class__(**{**options.__dict__, "force": True}), console)
    result.skipped.extend(skipped)
    keys = [t.key for t in tasks if t.key in result.outputs]
    seen: dict[str, str] = {}
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, disable=not options.progress) as bar:
        job = bar.add_task("向量化并入库", total=len(keys))
        for i in range(0, len(keys), CHUNK):
            chunk = keys[i : i + CHUNK]
            precs, vecs, units = [], [], []
            for key in chunk:
                out = result.outputs[key]
                p = Precedent.model_validate_json(out["precedent"])
                if p.case_number in seen:  # two files, one case number: keep the first, report the second
                    from pipelines.batch import Failure

                    result.failed.append(Failure(key, key, "duplicate", f"案号 {p.case_number} 与 {seen[p.case_number]} 重复"))
                    continue
                seen[p.case_number] = key
                precs.append(p)
                units.append([Unit(p.case_number, *u) for u in out["units"]])
                if "vectors" in out:
                    vecs.append(np.frombuffer(out["vectors"], np.float32).reshape(-1, archive.embedder.dim))
            archive.add(precs, vectors=vecs if embed_in_workers else None, units=units)
            bar.advance(job, len(chunk))
    for key in result.outputs:
        result.outputs[key] = None  # drop payloads; the archive holds them now
    return result


def default_workers() -> int:
    return os.cpu_count() or 1
