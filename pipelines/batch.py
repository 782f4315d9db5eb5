"""The one batch runner every job uses: parallel, resumable, with a progress bar and a failure report."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from arbitration.errors import ArbitrationError, IngestError
from arbitration.fileio import write_json

STATE_FILE = ".batch-state.json"
FAILURES_FILE = "failures.jsonl"


@dataclass(frozen=True)
class BatchOptions:
    workers: int = 0  # parallel workers; 0 = number of cores, 1 = in this process
    executor: str = "local"  # "local" (process pool) or "ray" (an existing Ray cluster or a local one)
    force: bool = False  # redo tasks whose inputs did not change
    strict: bool = False  # callers turn any failure into a non-zero exit
    progress: bool = True  # show a progress bar (off in tests and under --quiet)


@dataclass(frozen=True)
class Task:
    """One unit of work: a stable key (e.g. the case folder name), a fingerprint of its inputs, and the payload."""

    key: str
    fingerprint: str
    payload: Any


@dataclass
class Failure:
    key: str
    file: str
    kind: str
    reason: str


@dataclass
class BatchResult:
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged since the last successful run
    failed: list[Failure] = field(default_factory=list)  # task- or file-level failures
    outputs: dict[str, Any] = field(default_factory=dict)  # key -> what the worker returned
    seconds: float = 0.0

    @property
    def failed_keys(self) -> set[str]:
        return {f.key for f in self.failed if f.file == f.key}


def failure_from_exception(key: str, exc: BaseException) -> Failure:
    """A task that raised: named errors keep their file and kind; anything else is reported with its type."""
    if isinstance(exc, IngestError):
        return Failure(key, exc.file, exc.kind, exc.reason)
    if isinstance(exc, ArbitrationError):
        return Failure(key, key, type(exc).__name__, str(exc))
    return Failure(key, key, type(exc).__name__, f"{type(exc).__name__}: {exc}")


def _call(worker: Callable[[Any], Any], key: str, payload: Any) -> tuple[Any, Failure | None]:
    """Run one task; an exception becomes this task's Failure (built here, so nothing unpicklable crosses processes)."""
    try:
        return worker(payload), None
    except Exception as e:  # noqa: BLE001 - reported as this task's failure, the batch goes on
        return None, failure_from_exception(key, e)


def _load_state(out_dir: Path) -> dict[str, str]:
    try:
        return json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def run_batch(
    title: str,
    tasks: Iterable[Task],
    worker: Callable[[Any], Any],
    out_dir: str | os.PathLike[str],
    options: BatchOptions = BatchOptions(),
    console: Console | None = None,
) -> BatchResult:
    """Run `worker(task.payload)` for each task not already done with the same fingerprint.

    `worker` must be a top-level function (it is pickled to worker processes). It may return a dict with a
    "failures" list of {"file", "kind", "reason"} for files it skipped while the task itself succeeded.
    State is saved after every task, so a crash loses at most the tasks in flight and a rerun resumes.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    console = console or Console(stderr=True)
    state = {} if options.force else _load_state(out)
    result = BatchResult()
    todo: list[Task] = []
    for t in tasks:
        if state.get(t.key) == t.fingerprint:
            result.skipped.append(t.key)
        else:
            todo.append(t)
    failures_path = out / FAILURES_FILE
    failures_path.write_text("", encoding="utf-8")
    started = time.perf_counter()

    def finish(task: Task, value: Any, failure: Failure | None) -> None:
        if failure is not None:
            _record(failure)
            state.pop(task.key, None)
        else:
            result.done.append(task.key)
            result.outputs[task.key] = value
            for f in (value or {}).get("failures", []) if isinstance(value, dict) else []:
                _record(Failure(task.key, f["file"], f.get("kind", "unreadable"), f["reason"]))
            state[task.key] = task.fingerprint
        write_json(out / STATE_FILE, state)

    def _record(f: Failure) -> None:
        result.failed.append(f)
        with open(failures_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(f), ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    with _progress(title, len(todo), options.progress, console) as (progress, bar):
        for task, value, failure in _execute(todo, worker, options):
            finish(task, value, failure)
            progress.advance(bar)
    result.seconds = time.perf_counter() - started
    return result


def _execute(todo: list[Task], worker: Callable[[Any], Any], options: BatchOptions):
    workers = options.workers or os.cpu_count() or 1
    if options.executor == "ray":
        yield from _execute_ray(todo, worker, workers)
        return
    if options.executor != "local":
        raise ValueError(f"executor must be 'local' or 'ray', not {options.executor!r}")
    if workers <= 1 or len(todo) <= 1:
        for t in todo:
            yield t, *_call(worker, t.key, t.payload)
        return
    ctx = mp.get_context("spawn")  # model runtimes (onnxruntime, ctranslate2) do not survive fork safely
    with ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=ctx) as pool:
        pending: dict[Future[Any], Task] = {pool.submit(_call, worker, t.key, t.payload): t for t in todo}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                task = pending.pop(fut)
                try:
                    value, failure = fut.result()
                except Exception as e:  # noqa: BLE001 - a worker process died; report and go on
                    value, failure = None, failure_from_exception(task.key, e)
                yield task, value, failure


def _execute_ray(todo: list[Task], worker: Callable[[Any], Any], workers: int):
    """Run on Ray: joins the cluster named by RAY_ADDRESS, or starts a local one with `workers` CPUs."""
    try:
        import ray
    except ImportError as e:
        raise ArbitrationError("executor 'ray' needs Ray: pip install 'arbitration[scale]'") from e
    if not ray.is_initialized():
        if os.environ.get("RAY_ADDRESS"):
            ray.init(address=os.environ["RAY_ADDRESS"])
        else:
            # a local instance sees what this process sees, as spawned worker processes do
            path = os.pathsep.join(p for p in sys.path if p)
            ray.init(
                num_cpus=workers,
                include_dashboard=False,
                log_to_driver=False,
                runtime_env={"env_vars": {"PYTHONPATH": path}},
            )
    remote = ray.remote(_call)
    refs = {remote.remote(worker, t.key, t.payload): t for t in todo}
    while refs:
        ready, _ = ray.wait(list(refs), num_returns=1)
        for ref in ready:
            task = refs.pop(ref)
            try:
                value, failure = ray.get(ref)
            except Exception as e:  # noqa: BLE001 - the Ray task died; report and go on
                value, failure = None, failure_from_exception(task.key, e)
            yield task, value, failure


class _progress:
    def __init__(self, title: str, total: int, enabled: bool, console: Console) -> None:
        self.p = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not enabled,
            transient=False,
        )
        self.title, self.total = title, total

    def __enter__(self):
        self.p.__enter__()
        return self.p, self.p.add_task(self.title, total=self.total)

    def __exit__(self, *exc: object) -> None:
        self.p.__exit__(*exc)


def print_report(result: BatchResult, console: Console, what: str = "任务") -> None:
    """The summary a clerk reads after a batch: counts, then a table of each failed file and why."""
    console.print(
        f"完成 {len(result.done)} 个{what}，跳过未变化的 {len(result.skipped)} 个，"
        f"失败 {len(result.failed)} 项，用时 {result.seconds:.1f} 秒。"
    )
    if result.failed:
        table = Table(title="失败清单", show_lines=False)
        for col in ("案件", "文件", "类型", "原因"):
            table.add_column(col)
        for f in result.failed:
            table.add_row(f.key, f.file, f.kind, f.reason)
        console.print(table)
