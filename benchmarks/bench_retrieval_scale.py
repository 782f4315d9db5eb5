"""Scale of the dense index: build throughput, query latency p50/p95 and memory at 10 k, 100 k and 1 M
synthetic 384-d vectors, and the ANN's recall@10 against exact search at each size.

Vectors are a normalised mixture of 2,000 Gaussian clusters (real sentence embeddings are clustered; uniform
random vectors would make every ANN look bad and are not what an archive holds). Queries are fresh draws
from the same mixture. FAISS runs on 2 OpenMP threads. Exact = IndexFlatIP; ANN = IndexIVFFlat with the
parameters `choose_params` picks (nlist ≈ 4·√n), nprobe swept to find the smallest reaching recall ≥ 0.95;
HNSW (M=32) is built at 100 k only, to show why it is not the default (build time on 2 cores, no delete).
Also: BM25 (bm25s) rebuild time from stored tokens at 10 k and 100 k units, which the archive does on open.

Run: .venv/bin/python benchmarks/bench_retrieval_scale.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper

from machine import machine  # noqa: E402

from arbitration.retrieval.dense import IndexParams, VectorIndex, choose_params  # noqa: E402

DIM = 384
THREADS = 2
RESULTS = Path(__file__).resolve().parent / "results" / "retrieval_scale.json"


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def mixture(n: int, seed: int, centers: np.ndarray) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = np.empty((n, DIM), np.float32)
    step = 100_000
    for i in range(0, n, step):
        m = min(step, n - i)
        x = centers[rng.integers(0, len(centers), m)] + 0.35 * rng.standard_normal((m, DIM), dtype=np.float32)
        out[i : i + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def latency(index: VectorIndex, queries: np.ndarray, k: int = 10) -> tuple[float, float, np.ndarray]:
    times, ids = [], []
    for q in queries:
        t = time.perf_counter()
        _, i = index.search(q[None, :], k)
        times.append((time.perf_counter() - t) * 1000)
        ids.append(i[0])
    return float(np.percentile(times, 50)), float(np.percentile(times, 95)), np.vstack(ids)


def recall(got: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(g) & set(t)) / len(t) for g, t in zip(got, truth, strict=True)]))


def bench_size(n: int, centers: np.ndarray, queries: np.ndarray, hnsw: bool) -> dict:
    row: dict = {"n": n}
    m0 = rss_mb()
    x = mixture(n, 1, centers)
    row["vectors_mb"] = round(x.nbytes / 2**20, 1)
    ids = np.arange(n, dtype=np.int64)
    t = time.perf_counter()
    flat = VectorIndex(DIM, IndexParams("flat", threads=THREADS))
    flat.add(ids, x)
    row["flat_build_s"] = round(time.perf_counter() - t, 2)
    row["flat_build_vec_per_s"] = round(n / max(time.perf_counter() - t, 1e-6))
    row["flat_rss_mb"] = round(rss_mb() - m0, 1)
    p50, p95, truth = latency(flat, queries)
    row.update(flat_p50_ms=round(p50, 2), flat_p95_ms=round(p95, 2))
    params = choose_params(n, THREADS, threshold=0)
    m1 = rss_mb()
    t = time.perf_counter()
    ivf = VectorIndex(DIM, params)
    ivf.train(x)
    row["ivf_train_s"] = round(time.perf_counter() - t, 2)
    t2 = time.perf_counter()
    ivf.add(ids, x)
    row["ivf_add_s"] = round(time.perf_counter() - t2, 2)
    row["ivf_build_s"] = round(time.perf_counter() - t, 2)
    row["ivf_build_vec_per_s"] = round(n / row["ivf_build_s"])
    row["ivf_rss_mb"] = round(rss_mb() - m1, 1)
    row["ivf_nlist"] = params.nlist
    sweep = []
    import faiss

    for nprobe in sorted({8, 16, 32, 48, 64, 96, 128, 192, 256, params.nprobe}):
        if nprobe > params.nlist:
            break
        faiss.extract_index_ivf(ivf.index).nprobe = nprobe
        p50, p95, got = latency(ivf, queries)
        sweep.append({"nprobe": nprobe, "recall_at_10": round(recall(got, truth), 4), "p50_ms": round(p50, 2), "p95_ms": round(p95, 2)})
    row["ivf_sweep"] = sweep
    ok = [s for s in sweep if s["recall_at_10"] >= 0.95]
    row["ivf_chosen"] = ok[0] if ok else sweep[-1]
    row["ivf_default_nprobe"] = params.nprobe
    default = next((x for x in sweep if x["nprobe"] == params.nprobe), None)
    row["ivf_default"] = default
    row["speed_ratio_exact_over_ivf"] = round(row["flat_p50_ms"] / max(row["ivf_chosen"]["p50_ms"], 1e-3), 1)
    if hnsw:
        faiss.omp_set_num_threads(THREADS)
        t = time.perf_counter()
        h = faiss.IndexHNSWFlat(DIM, 32, faiss.METRIC_INNER_PRODUCT)
        h.hnsw.efConstruction = 40
        h.add(x)
        row["hnsw_build_s"] = round(time.perf_counter() - t, 2)
        for ef in (32, 64, 128):
            h.hnsw.efSearch = ef
            times, got = [], []
            for q in queries:
                t = time.perf_counter()
                _, i = h.search(q[None, :], 10)
                times.append((time.perf_counter() - t) * 1000)
                got.append(i[0])
            row.setdefault("hnsw_sweep", []).append(
                {"efSearch": ef, "recall_at_10": round(recall(np.vstack(got), truth), 4), "p50_ms": round(float(np.percentile(times, 50)), 2)}
            )
        del h
    del flat, ivf, x
    return row


def bench_bm25(n_docs: int) -> dict:
    from arbitration.retrieval.sparse import BM25Index

    rng = np.random.default_rng(0)
    vocab = [f"w{i}" for i in range(20_000)]
    zipf = np.minimum(rng.zipf(1.3, size=(n_docs, 60)), 20_000) - 1
    docs = [[vocab[j] for j in row] for row in zipf]
    t = time.perf_counter()
    idx = BM25Index(list(range(n_docs)), docs)
    build = time.perf_counter() - t
    times = []
    for row in zipf[:100]:
        t = time.perf_counter()
        idx.search([vocab[j] for j in row[:12]], 200)
        times.append((time.perf_counter() - t) * 1000)
    return {"docs": n_docs, "rebuild_s": round(build, 2), "query_p50_ms": round(float(np.percentile(times, 50)), 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    import faiss

    faiss.omp_set_num_threads(THREADS)
    rng = np.random.default_rng(0)
    centers = rng.standard_normal((2000, DIM)).astype(np.float32)
    queries = mixture(args.queries, 99, centers)
    out = {"machine": {**machine(), "faiss_threads": THREADS,
                   "note": "other engineers' jobs share these 2 cores: compare the ratios in one run, not absolute times"},
           "dim": DIM, "sizes": [], "bm25": []}
    for n in (int(s) for s in args.sizes.split(",")):
        t = time.perf_counter()
        row = bench_size(n, centers, queries, hnsw=(n == 100_000))
        row["total_s"] = round(time.perf_counter() - t, 1)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        out["sizes"].append(row)
    for n in (10_000, 100_000):
        r = bench_bm25(n)
        print(json.dumps(r), flush=True)
        out["bm25"].append(r)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
