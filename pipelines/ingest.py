"""The ingest batch job: one case per subfolder → OUT/<case>/case.json and OUT/<case>/pages/<file>.json.

Runs on `pipelines.batch.run_batch` (parallel, resumable by a hash of each folder's files, failures.jsonl).
A file that cannot be read is reported and the case goes on with its other files.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

from arbitration.errors import ArbitrationError
from arbitration.fileio import sha256_tree, write_json
from arbitration.model import Case, Document, DocumentRef
from pipelines.batch import BatchOptions, BatchResult, Task, run_batch

log = logging.getLogger(__name__)

INGEST_VERSION = "1"  # bump when the readers change what they produce, so reruns redo every case
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


def pages_path(out_dir: Path, file: str) -> Path:
    """Where one document's JSON goes: OUT/<case>/pages/<relative file>.json (subfolders kept)."""
    return Path(out_dir) / "pages" / (file + ".json")


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
    """Batch worker: read one case folder, write each document's pages and the case.json; report bad files."""
    from arbitration.ingest import read_folder

    case_dir, out_dir = Path(payload["case_dir"]), Path(payload["out_dir"])
    documents, errors = read_folder(case_dir)
    for d in documents:
        write_json(pages_path(out_dir, d.file), d)
    case = build_case(documents, str(case_dir))
    write_json(out_dir / "case.json", case)
    return {
        "documents": len(documents),
        "failures": [{"file": e.file, "kind": e.kind, "reason": e.reason} for e in errors],
    }


def run_ingest(cases_dir: Path, out_dir: Path, options: BatchOptions = BatchOptions(), console=None) -> BatchResult:
    """Ingest every case folder under `cases_dir` into `out_dir`; unchanged cases are skipped unless forced."""
    tasks = case_tasks(cases_dir, out_dir)
    return run_batch("读取案卷", tasks, ingest_case, out_dir, options, console=console)
