import json

import pytest
from rich.console import Console

from arbitration.errors import CorruptFile
from pipelines.batch import BatchOptions, Task, print_report, run_batch


def work(payload):
    """Top-level so worker processes can import it."""
    if payload == "bad":
        raise CorruptFile("bad.pdf", "文件已损坏")
    if payload == "boom":
        raise ZeroDivisionError("division by zero")
    return {"n": len(payload), "failures": [{"file": "x.tif", "kind": "empty", "reason": "无文字"}] if payload == "partial" else []}


def tasks(fp="1"):
    return [Task(k, fp, k) for k in ("a", "bb", "bad", "partial", "boom")]


def test_failures_are_reported_and_the_rest_goes_on(tmp_path):
    r = run_batch("t", tasks(), work, tmp_path, BatchOptions(workers=1, progress=False))
    assert sorted(r.done) == ["a", "bb", "partial"]
    assert r.outputs["bb"]["n"] == 2
    kinds = {(f.key, f.file, f.kind) for f in r.failed}
    assert kinds == {("bad", "bad.pdf", "unreadable"), ("partial", "x.tif", "empty"), ("boom", "boom", "ZeroDivisionError")}
    lines = [json.loads(x) for x in (tmp_path / "failures.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {x["file"] for x in lines} == {"bad.pdf", "x.tif", "boom"}


def test_rerun_skips_unchanged_and_retries_failed(tmp_path):
    run_batch("t", tasks(), work, tmp_path, BatchOptions(workers=1, progress=False))
    r = run_batch("t", tasks(), work, tmp_path, BatchOptions(workers=1, progress=False))
    assert sorted(r.skipped) == ["a", "bb", "partial"]
    assert sorted(f.key for f in r.failed) == ["bad", "boom"]
    changed = [Task("a", "2", "a")]
    r = run_batch("t", changed, work, tmp_path, BatchOptions(workers=1, progress=False))
    assert r.done == ["a"]
    r = run_batch("t", changed, work, tmp_path, BatchOptions(workers=1, progress=False, force=True))
    assert r.done == ["a"] and not r.skipped


def test_process_pool_gives_the_same_result(tmp_path):
    r = run_batch("t", tasks(), work, tmp_path, BatchOptions(workers=2, progress=False))
    assert sorted(r.done) == ["a", "bb", "partial"], r.failed
    assert len(r.failed) == 3


def test_report_names_each_failed_file(tmp_path):
    r = run_batch("t", tasks(), work, tmp_path, BatchOptions(workers=1, progress=False))
    console = Console(record=True, width=200)
    print_report(r, console, "案件")
    text = console.export_text()
    assert "bad.pdf" in text and "文件已损坏" in text and "失败 3 项" in text


@pytest.mark.slow
def test_ray_executor_runs_the_same_job(tmp_path):
    """A province's archive runs on Ray: same tasks, same results, through a local Ray instance."""
    ray = pytest.importorskip("ray", reason="Ray not installed (pip install 'arbitration[scale]')")
    try:
        r = run_batch("t", tasks(), work, tmp_path, BatchOptions(workers=2, executor="ray", progress=False))
    finally:
        ray.shutdown()
    assert sorted(r.done) == ["a", "bb", "partial"], r.failed
    assert {(f.key, f.kind) for f in r.failed} == {("bad", "unreadable"), ("partial", "empty"), ("boom", "ZeroDivisionError")}
