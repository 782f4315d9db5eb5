"""Seconds per outline with the archive loaded (target ≤ 2 s on 2 cores): build_outline alone, and build + DOCX.

Run: `.venv/bin/python benchmarks/bench_outline.py [--repeat N] [--no-archive]`; writes benchmarks/results/outline.json.
The case is the bundled sample case (corpus/sample_case, read by arbitration.extract) when present, else the
constructed test case (tests/outline/outline_cases.py). Archive opening/building is timed separately, once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from machine import machine  # noqa: E402

from arbitration.fileio import write_json  # noqa: E402


def load_case():
    sample = ROOT / "corpus" / "sample_case"
    if sample.is_dir():
        try:
            from arbitration.extract import extract_case

            case, _ = extract_case(sample)
            if case.claims and case.parties:
                return case, f"corpus/sample_case ({len(case.claims)} claims)"
        except ImportError:
            pass
    sys.path.insert(0, str(ROOT / "tests" / "outline"))
    from outline_cases import make_case

    case = make_case()
    return case, f"tests/outline/outline_cases.make_case ({len(case.claims)} claims)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--no-archive", action="store_true")
    args = ap.parse_args()

    from arbitration.outline import build_outline, render_outline

    case, case_label = load_case()
    archive, archive_s, archive_note = None, None, "not used"
    if not args.no_archive:
        try:
            from arbitration.retrieval import default_archive

            t = time.perf_counter()
            archive = default_archive(progress=False)
            archive_s = time.perf_counter() - t
            archive_note = f"{len(archive)} precedents"
        except Exception as e:  # benchmark still reports the outline without precedents, and says why
            archive_note = f"unavailable: {e}"
    build_outline(case, archive)  # warm up (taxonomy, statutes, embedder caches)
    build, full = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            t = time.perf_counter()
            outline = build_outline(case, archive)
            t1 = time.perf_counter()
            render_outline(outline, Path(tmp) / "outline.docx", "docx")
            t2 = time.perf_counter()
            build.append(t1 - t)
            full.append(t2 - t)
    result = {
        "benchmark": "outline",
        "case": case_label,
        "archive": archive_note,
        "archive_open_s": round(archive_s, 3) if archive_s is not None else None,
        "repeat": args.repeat,
        "build_outline_s": {"median": round(statistics.median(build), 4), "max": round(max(build), 4)},
        "build_and_docx_s": {"median": round(statistics.median(full), 4), "max": round(max(full), 4)},
        "target_s": 2.0,
        "meets_target": statistics.median(full) <= 2.0,
        "similar_awards": sum(len(s.similar) for s in outline.sections),
        "machine": machine(),
    }
    out = ROOT / "benchmarks" / "results" / "outline.json"
    write_json(out, result)
    print(result)


if __name__ == "__main__":
    main()
