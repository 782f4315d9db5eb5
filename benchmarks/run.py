"""Run every benchmark (benchmarks/bench_*.py) in turn and collect their JSON results into one summary.

    .venv/bin/python benchmarks/run.py            all of them
    .venv/bin/python benchmarks/run.py ingest law only those whose name contains a word given
    .venv/bin/python benchmarks/run.py --summary-only   rewrite SUMMARY.md from the results already there

Each bench_X.py writes benchmarks/results/X*.json itself; this runner only sequences them (never in parallel:
the machine has two cores and the figures would lie) and writes results/SUMMARY.md with the machine named.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))  # benchmarks/: the shared machine helper

from machine import machine_line  # noqa: E402


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if "--summary-only" in argv:  # rebuild SUMMARY.md from the results already there
        scripts, argv = [], []
    if argv:
        scripts = [s for s in scripts if any(w in s.stem for w in argv)]
    failed = []
    for s in scripts:
        print(f"== {s.name}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, str(s)], cwd=HERE.parent)
        print(f"== {s.name}: exit {rc} in {time.perf_counter() - t0:.0f} s", flush=True)
        if rc:
            failed.append(s.name)
    lines = [f"# Benchmark results\n\nMachine: {machine_line(load=False)}\n"]
    for f in sorted(RESULTS.glob("*.json")):
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        lines.append(f"## {f.stem}\n\n```json\n{json.dumps(data, ensure_ascii=False, indent=2)[:4000]}\n```\n")
    (RESULTS / "SUMMARY.md").write_text("\n".join(lines), encoding="utf-8")
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
