"""The ingest batch job: one case per subfolder → OUT/<case>/case.json, OUT/<case>/pages/<file>.json (the
Document: pages, lines, tables, sections) and <file>.txt (its text), OUT/<case>/failures.json (unreadable files).

Runs on `pipelines.batch.run_batch` (parallel, resumable by a hash of each folder's files, failures.jsonl).
A file that cannot be read is reported and the case goes on with its other files.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from arbitration.errors import ArbitrationError
from arbitration.fileio import sha256_tree, write_json, write_text
from arbitration.model import Case, Document, DocumentRef
from pipelines.batch import (
    FAILURES_FILE,
    BatchOptions,
    BatchResult,
    Failure,
    Task,
    run_batch,
)

log = logging.getLogger(__name__)

INGEST_VERSION = "2"  # bump when the readers change what they produce, so reruns redo every case
EXTRACTION_UNAVAILABLE = "事实提取模块（arbitration.extract）尚不可用：case.json 只列出已读取的文件，未提取当事人、请求和事实"


def find_cases(cases_dir: Path) -> list[Path]:
    """Case folders: each non-hidden subfolder; a folder holding files but no subfolders is itself one case."""
    cases_dir = Path(cases_dir)
    if not cases_dir.is_dir():
        raise ArbitrationError(f"案卷目录不存在：{cases_dir}")
    subfolders = sorted(p for p in cases_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if subfolders:
        return subfolders
    if any(p.is_file() for p in cases_dir.iterdir()):
        return [cases_dir]
    raise ArbitrationError(f"案卷目录中没有案件文件夹：{cases_dir}")


def case_tasks(cases_dir: Path, out_dir: Path) -> list[Task]:
    """One Task per case folder; the fingerprint changes when any file of the folder is added, removed or edited."""
    from arbitration.ingest import list_case_files

    tasks = []
    for case_dir in find_cases(cases_dir):
        files = list_case_files(case_dir)
        fingerprint = INGEST_VERSION + ":" + sha256_tree(files, case_dir)
        payload = {"case_dir": str(case_dir), "out_dir": str(Path(out_dir) / case_dir.name)}
        tasks.append(Task(key=case_dir.name, fingerprint=fingerprint, payload=payload))
    return tasks


CASE_FILE = "case.json"
CASE_FAILURES_FILE = "failures.json"  # this case's unreadable files, kept so a rerun that skips it still reports them
NO_DOCUMENTS = "案件文件夹中没有可读取的文件，未生成 case.json"


def pages_path(out_dir: Path, file: str) -> Path:
    """Where one document's JSON goes: OUT/<case>/pages/<relative file>.json (subfolders kept)."""
    return Path(out_dir) / "pages" / (file + ".json")


def text_path(out_dir: Path, file: str) -> Path:
    """The document's plain text beside its JSON: pages separated by a form feed, as pdftotext does."""
    return Path(out_dir) / "pages" / (file + ".txt")


def build_case(documents: list[Document], source_dir: str) -> Case:
    """The Case from the extract stage; without it, a Case listing the documents and saying extraction is missing."""
    try:
        extract = importlib.import_module("arbitration.extract")
    except ModuleNotFoundError as e:
        if e.name != "arbitration.extract":
            raise
        extract = None
    builder = getattr(extract, "build_case", None)
    if builder is not None:
        return builder(documents, source_dir)
    log.warning(EXTRACTION_UNAVAILABLE)
    return Case(documents=[document_ref(d) for d in documents], warnings=[EXTRACTION_UNAVAILABLE], source_dir=source_dir)


def document_ref(d: Document) -> DocumentRef:
    methods = list(dict.fromkeys(p.method for p in d.pages))
    return DocumentRef(file=d.file, sha256=d.sha256, doc_type=d.doc_type, pages=len(d.pages), methods=methods, warnings=d.warnings)


def ingest_case(payload: dict[str, str]) -> dict[str, Any]:
    """Batch worker: read one case folder, write each document's pages and the case.json; report bad files.

    A folder where no file can be read gets no case.json (an old one is removed) and a case-level failure."""
    from arbitration.ingest import get_ocr, read_folder

    case_dir, out_dir = Path(payload["case_dir"]), Path(payload["out_dir"])
    threads = payload.get("ocr_threads")
    documents, errors = read_folder(case_dir, ocr=_LazyOCR(lambda: get_ocr(threads=threads)))
    written: set[Path] = set()
    for d in documents:
        write_json(pages_path(out_dir, d.file), d)
        write_text(text_path(out_dir, d.file), "\f".join(p.text for p in d.pages) + "\n")
        written |= {pages_path(out_dir, d.file), text_path(out_dir, d.file)}
    _remove_stale_pages(out_dir, written)
    failures = [{"file": e.file, "kind": e.kind, "reason": e.reason} for e in errors]
    if documents:
        write_json(out_dir / CASE_FILE, build_case(documents, str(case_dir)))
    else:
        (out_dir / CASE_FILE).unlink(missing_ok=True)
        failures.append({"file": case_dir.name, "kind": "no_documents", "reason": NO_DOCUMENTS})
    write_json(out_dir / CASE_FAILURES_FILE, failures)
    return {"documents": len(documents), "failures": failures}


class _LazyOCR:
    """The worker's OCR engine, loaded on the first scanned page only (most cases have none)."""

    name = "lazy"

    def __init__(self, make) -> None:
        self._make = make

    def recognize(self, image):
        return self._make().recognize(image)


def _remove_stale_pages(out_dir: Path, keep: set[Path]) -> None:
    """Drop page files of documents no longer in the folder (removed or renamed since the last run)."""
    pages = Path(out_dir) / "pages"
    if pages.is_dir():
        for p in pages.rglob("*"):
            if p.is_file() and p.suffix in (".json", ".txt") and p not in keep:
                p.unlink()


def _carry_over_failures(result: BatchResult, out_dir: Path) -> None:
    """A skipped (unchanged) case still has its unreadable files: report them again, in the result and in
    failures.jsonl, so every run's report is complete."""
    lines = []
    for key in result.skipped:
        try:
            recorded = json.loads((Path(out_dir) / key / CASE_FAILURES_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            continue
        for f in recorded:
            failure = Failure(key, f["file"], f.get("kind", "unreadable"), f["reason"])
            result.failed.append(failure)
            lines.append(json.dumps(asdict(failure), ensure_ascii=False) + "\n")
    _append_failures(out_dir, lines)


def _append_failures(out_dir: Path, lines: list[str]) -> None:
    if lines:
        with open(Path(out_dir) / FAILURES_FILE, "a", encoding="utf-8") as fh:
            fh.writelines(lines)
            fh.flush()
            os.fsync(fh.fileno())


def run_ingest(cases_dir: Path, out_dir: Path, options: BatchOptions | None = None, console=None) -> BatchResult:
    """Ingest every case folder under `cases_dir` into `out_dir`; unchanged cases are skipped unless forced."""
    options = options or BatchOptions()
    cores = os.cpu_count() or 1
    tasks = case_tasks(cases_dir, out_dir)
    parallel = max(1, min(options.workers or cores, len(tasks)))
    tasks = [replace(t, payload={**t.payload, "ocr_threads": max(1, cores // parallel)}) for t in tasks]
    result = run_batch("读取案卷", tasks, ingest_case, out_dir, options, console=console)
    _carry_over_failures(result, out_dir)
    _report_loose_files(result, Path(cases_dir), out_dir)
    return result


LOOSE_KEY = "（案卷根目录）"


def _report_loose_files(result: BatchResult, cases_dir: Path, out_dir: Path) -> None:
    """Files lying beside the case folders belong to no case: say so instead of skipping them silently."""
    from arbitration.ingest import list_case_files

    if find_cases(cases_dir) == [cases_dir]:
        return  # the folder is itself the one case: its files were read
    loose = [p for p in list_case_files(cases_dir) if p.parent == cases_dir]
    lines = []
    for p in loose:
        failure = Failure(LOOSE_KEY, p.name, "not_in_case", "文件不在任何案件文件夹中，未读取；请放入对应案件的文件夹")
        result.failed.append(failure)
        lines.append(json.dumps(asdict(failure), ensure_ascii=False) + "\n")
    _append_failures(out_dir, lines)
