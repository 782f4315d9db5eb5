"""Build the labelled retrieval set (queries.jsonl): query cases and the bundled-corpus awards relevant to each.

    .venv/bin/python benchmarks/labelled_retrieval/build_labels.py

Queries
- `shared`: the official typical cases in ../shared/data/cases (read at benchmark time, never copied here).
- `heldout`: 60 generated cases with a seed the corpus does not use (seed 1007): their claims and facts
  paragraphs only (what a new case file says), not the reasoning or the ruling.

Relevance (objective, from the corpus's recorded truth, not from any retriever):
- heldout, grade 2: decided the query's main claim type (its first claim other than 确认劳动关系), same way
  the employment ended (7 ways), same monthly-wage band and same tenure band (the bands of
  arbitration.retrieval.units); grade 1: the main claim type and the same way the employment ended.
- shared (as the issue asks: same claim type and same outcome type), grade 2: the award decided the typical
  case's claim type with the same outcome (支持/部分支持/驳回); grade 1: it decided that claim type at all.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from arbitration.config import CORPUS_DIR  # noqa: E402
from arbitration.retrieval.generator import BUNDLE_NAME, generate, read_bundle  # noqa: E402
from arbitration.retrieval.units import tenure_band, wage_band  # noqa: E402

HERE = Path(__file__).resolve().parent
SHARED_CASES = ROOT.parent / "shared" / "data" / "cases"
HELDOUT_SEED, HELDOUT_N = 1007, 60


def months(a: str, b: str) -> float:
    x, y = date.fromisoformat(a), date.fromisoformat(b)
    return (y.year - x.year) * 12 + (y.month - x.month) + (y.day - x.day) / 30.0


def profile(truth: dict) -> dict:
    f = truth["facts"]
    types = [c["type"] for c in truth["claims"]]
    main = next((t for t in types if t != "labor_relation"), types[0])
    return {"types": sorted(set(types)), "main": main, "ending": f["ending"],
            "wage": wage_band(Decimal(f["monthly_wage"])), "tenure": tenure_band(months(f["hire_date"], f["leave_date"]))}


def query_text(text: str) -> str:
    """The claims and the facts paragraphs of a generated award: what a new case's file would say."""
    from arbitration.retrieval.parser import CLAIMS_HEAD, FACTS_HEAD

    lines = text.splitlines()
    claims = next(x for x in lines if CLAIMS_HEAD.search(x))
    facts = next(x for x in lines[lines.index(claims) + 1 :] if FACTS_HEAD.search(x[:20]))
    return f"{claims}\n{facts}"


def main() -> None:
    _, corpus = read_bundle(CORPUS_DIR / "awards" / BUNDLE_NAME)
    profiles = [(r["truth"]["case_number"], profile(r["truth"]), r["truth"]) for r in corpus]
    corpus_numbers = {n for n, _, _ in profiles}
    out = []
    for rec in generate(HELDOUT_N, HELDOUT_SEED):
        if rec["truth"]["case_number"] in corpus_numbers:
            continue  # same number by chance: the query must not be in the archive
        q = profile(rec["truth"])
        grades = {}
        for num, p, _ in profiles:
            if q["main"] in p["types"] and p["ending"] == q["ending"] and p["wage"] == q["wage"] and p["tenure"] == q["tenure"]:
                grades[num] = 2
            elif q["main"] in p["types"] and p["ending"] == q["ending"]:
                grades[num] = 1
        out.append({"id": f"heldout-{rec['file']}", "source": "heldout", "text": query_text(rec["text"]),
                    "profile": {**q, "wage": list(q["wage"]), "tenure": list(q["tenure"]) if q["tenure"] else None},
                    "relevant": grades})
    if SHARED_CASES.is_dir():
        from arbitration.retrieval import parse_award

        for f in sorted(SHARED_CASES.glob("*.md")):
            p = parse_award(f)
            typed = [c for c in p.claims if c.type != "other"]
            if not typed:
                continue  # no claim type of the taxonomy (e.g. 工亡待遇): no objective label
            ctype, outcome = typed[0].type, typed[0].outcome.value
            grades = {}
            for num, _, truth in profiles:
                decided = {c["outcome"] for c in truth["claims"] if c["type"] == ctype}
                if outcome in decided:
                    grades[num] = 2
                elif decided:
                    grades[num] = 1
            out.append({"id": f"shared-{f.stem}", "source": "shared", "file": f.name, "claim": ctype,
                        "outcome": outcome, "relevant": grades})
    from arbitration.fileio import write_text

    write_text(HERE / "queries.jsonl", "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in out))
    (HERE / "queries.jsonl").chmod(0o644)
    strict = [sum(1 for g in q["relevant"].values() if g == 2) for q in out if q["source"] == "heldout"]
    print(f"{len(out)} queries; heldout grade-2 sizes: min {min(strict)}, median {sorted(strict)[len(strict) // 2]}, max {max(strict)}")


if __name__ == "__main__":
    main()
