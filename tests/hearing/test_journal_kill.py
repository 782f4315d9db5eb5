"""kill -9 in the middle of a hearing fed from a real clip: every segment the clerk was shown is on disk, and the
rerun of the same hearing resumes the journal and the timeline; revisions never overwrite the recognised text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hearing_audio import HERE, clip, load

from arbitration.hearing import Hearing, load_record

pytestmark = pytest.mark.slow


def _read_commits(proc: subprocess.Popen, until: float) -> list[dict]:
    """Lines from the worker until its first commit (or the deadline)."""
    seen = []
    while time.monotonic() < until:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("COMMIT "):
            seen.append(json.loads(line[7:]))
            return seen
    return seen


def test_sigkill_mid_hearing_loses_nothing_committed_and_resumes(cfg, asr):
    files = [clip("IT0011W0001"), clip("BAC009S0764W0121"), clip("e5oipIfM49I__20190201_CCTV_104")]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "ARBITRATION_THREADS": "2"}
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "hearing_worker.py"), str(cfg.data_dir), "h-kill", *map(str, files)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        shown = _read_commits(proc, time.monotonic() + 150)
        assert shown, f"the worker committed nothing before the deadline: {proc.stderr.read() if proc.poll() is not None else ''}"
        os.kill(proc.pid, signal.SIGKILL)  # mid-hearing: the next clips are still being fed
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert "DONE" not in rest, "the worker finished before it was killed: the test did not kill it mid-hearing"
    shown += [json.loads(ln[7:]) for ln in rest.splitlines() if ln.startswith("COMMIT ")]

    hearing_dir = cfg.hearings_dir / "h-kill"
    on_disk = {s.id: s for s in load_record(hearing_dir)}
    for seg in shown:  # everything the clerk saw survived the kill
        assert seg["id"] in on_disk and on_disk[seg["id"]].text == seg["text"]
    assert all(s.text for s in on_disk.values())
    last_end = max(s.end for s in on_disk.values())
    journal_before = (hearing_dir / "journal.jsonl").read_bytes()

    h = Hearing.start(None, "h-kill", cfg=cfg, asr=asr)  # the rerun resumes the same hearing
    try:
        assert h.offset >= last_end and len(h.segments) == len(on_disk)
        new = h.feed(load("TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000")) + h.finish()
        assert new, "nothing recognised after resuming"
        first = new[0]
        assert int(first.id) == max(int(i) for i in on_disk) + 1  # numbering continues
        assert first.start >= last_end  # the timeline continues after the last committed word
        recognised, raw = first.text, first.raw_text
        h.revise(first.id, text="我有时候说不清楚，你们知道吗？")
    finally:
        h.close()
    journal_after = (hearing_dir / "journal.jsonl").read_bytes()
    assert journal_after.startswith(journal_before)  # appended, never rewritten
    record = load_record(hearing_dir)
    revised = next(s for s in record if s.id == first.id)
    assert revised.text == "我有时候说不清楚，你们知道吗？"
    assert revised.original_text == recognised and revised.raw_text == raw
    assert "清楚" in revised.original_text
    assert [s.id for s in record][: len(on_disk)] == sorted(on_disk)
