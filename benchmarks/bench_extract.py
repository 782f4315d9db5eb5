"""Field-level precision/recall/F1 of fact extraction on the labelled set.

Two sets: the hand-written case folders under benchmarks/labelled/cases/ (gold.json in each) and the six real
official cases in ../shared/data/cases (gold labels in benchmarks/labelled/shared_cases.json; the text is read
from ../shared at run time). Writes benchmarks/results/extract.json.

Run: .venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import platform
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arbitration.extract import build_case  # noqa: E402
from arbitration.fileio import write_json  # noqa: E402
from arbitration.model import Case, Document, Method, Page, Table  # noqa: E402

LABELLED = ROOT / "benchmarks" / "labelled"
SHARED_CASES = ROOT.parent / "shared" / "data" / "cases"
FIELDS = ("parties", "hire_date", "leave_date", "monthly_wage", "claims", "claim_types", "termination_initiator")


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
        "claims": {(c.type, _money(c.amount)) for c in case.claims},
        "claim_types": {c.type for c in case.claims},
        "termination_initiator": {v.value.initiator.value for v in f.termination.values},
    }


def gold_sets(g: dict) -> dict[str, set]:
    return {
        "parties": {("applicant", n) for n in g["applicants"]} | {("respondent", n) for n in g["respondents"]},
        "hire_date": {g["hire_date"]} if g.get("hire_date") else set(),
        "leave_date": {g["leave_date"]} if g.get("leave_date") else set(),
        "monthly_wage": {(side, _money(v)) for side, v in g.get("monthly_wage", {}).items()},
        "claims": {(c["type"], _money(c["amount"])) for c in g["claims"]},
        "claim_types": {c["type"] for c in g["claims"]},
        "termination_initiator": {g["termination_initiator"]} if g.get("termination_initiator") else set(),
    }


def score(items: list[tuple[str, Case, dict]]) -> dict:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    errors: list[dict] = []
    for name, case, gold in items:
        pred, want = predicted(case), gold_sets(gold)
        for field in FIELDS:
            tp = pred[field] & want[field]
            fp, fn = pred[field] - want[field], want[field] - pred[field]
            c = counts[field]
            c[0], c[1], c[2] = c[0] + len(tp), c[1] + len(fp), c[2] + len(fn)
            if fp or fn:
                errors.append({"case": name, "field": field, "extra": sorted(map(str, fp)), "missing": sorted(map(str, fn))})
    out: dict = {"fields": {}}
    total = [0, 0, 0]
    for field in FIELDS:
        tp, fp, fn = counts[field]
        out["fields"][field] = _prf(tp, fp, fn)
        if field != "claim_types":  # claim_types is a looser view of claims; keep it out of the overall figure
            total = [a + b for a, b in zip(total, (tp, fp, fn), strict=True)]
    out["overall"] = _prf(*total)
    out["errors"] = errors
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def main() -> dict:
    written = []
    for folder in sorted((LABELLED / "cases").iterdir()):
        docs = [_document(p) for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".csv")]
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        written.append((folder.name, docs, gold))
    real = []
    labels = json.loads((LABELLED / "shared_cases.json").read_text(encoding="utf-8"))
    if SHARED_CASES.is_dir():
        for file_name, gold in labels.items():
            if file_name.startswith("_"):
                continue
            real.append((file_name, [_document(SHARED_CASES / file_name)], gold))
    t0 = time.perf_counter()
    results: dict = {"machine": f"{platform.node()} {platform.machine()} {platform.processor() or ''}".strip()}
    for set_name, items in (("handwritten", written), ("shared_cases", real)):
        cases = [(name, build_case(docs), gold) for name, docs, gold in items]
        results[set_name] = {"cases": len(cases), **score(cases)}
    results["seconds"] = round(time.perf_counter() - t0, 2)
    results["combined_overall_f1"] = round(
        _prf(*[sum(results[s]["overall"][k] for s in ("handwritten", "shared_cases")) for k in ("tp", "fp", "fn")])["f1"], 3
    )
    write_json(ROOT / "benchmarks" / "results" / "extract.json", results)
    return results


if __name__ == "__main__":
    res = main()
    for set_name in ("handwritten", "shared_cases"):
        r = res[set_name]
        print(f"{set_name} ({r['cases']} cases): overall F1 {r['overall']['f1']}")
        for field, m in r["fields"].items():
            print(f"  {field:22s} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
        for e in r["errors"]:
            print("   ✗", e)
    print("combined overall F1", res["combined_overall_f1"], "in", res["seconds"], "s")
