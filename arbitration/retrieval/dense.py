"""FAISS vector index with stable int64 ids: exact inner product for small archives, IVF-Flat above a
size threshold (HNSW cannot delete and builds too slowly on 2 cores at 1 M; see bench_retrieval_scale)."""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ANN_THRESHOLD = 50_000  # vectors; below it exact search is both fast and exact


@dataclass(frozen=True)
class IndexParams:
    kind: str = "flat"  # "flat" (IndexIDMap2 over IndexFlatIP) or "ivf" (IndexIVFFlat, inner product)
    nlist: int = 0  # IVF cells
    nprobe: int = 0  # IVF cells visited per query
    threads: int = 2  # faiss OpenMP threads

    def to_dict(self) -> dict[str, int | str]:
        return asdict(self)


def choose_params(n: int, threads: int = 2, threshold: int = ANN_THRESHOLD) -> IndexParams:
    """Exact below `threshold`; else IVF-Flat with nlist ≈ 4·√n (a power of two) and nprobe = nlist/8, measured
    to keep recall@10 ≥ 0.95 against exact search (benchmarks/results/retrieval_scale.json)."""
    if n < threshold:
        return IndexParams("flat", threads=threads)
    nlist = 1 << max(8, round(math.log2(4 * math.sqrt(n))))
    nlist = max(1, min(nlist, n // 39))  # faiss wants ≥ 39 training points per cell
    # nprobe = nlist/8: the smallest that reached recall@10 ≥ 0.95 against exact in bench_retrieval_scale
    return IndexParams("ivf", nlist=nlist, nprobe=min(nlist, max(32, nlist // 8)), threads=threads)


class VectorIndex:
    """A FAISS index keyed by our own int64 ids; add, remove, search, save and load."""

    def __init__(self, dim: int, params: IndexParams = IndexParams()) -> None:
        import faiss

        self.dim, self.params = dim, params
        faiss.omp_set_num_threads(params.threads)
        if params.kind == "flat":
            self.index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        elif params.kind == "ivf":
            quantizer = faiss.IndexFlatIP(dim)
            self.index = faiss.IndexIVFFlat(quantizer, dim, params.nlist, faiss.METRIC_INNER_PRODUCT)
            self.index.nprobe = params.nprobe
            self._quantizer = quantizer  # keep it alive alongside the index
        else:
            raise ValueError(f"index kind must be 'flat' or 'ivf', not {params.kind!r}")

    @property
    def ntotal(self) -> int:
        return int(self.index.ntotal)

    @property
    def is_trained(self) -> bool:
        return bool(self.index.is_trained)

    def train(self, vectors: np.ndarray, sample: int = 100_000, seed: int = 0) -> None:
        """Train IVF centroids on a sample (no-op for exact search)."""
        if self.is_trained:
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(vectors) > sample:
            rng = np.random.default_rng(seed)
            vectors = vectors[rng.choice(len(vectors), sample, replace=False)]
        self.index.train(vectors)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise ValueError(f"vectors must be (n, {self.dim}), got {vectors.shape}")
        if not self.is_trained:
            self.train(vectors)
        self.index.add_with_ids(vectors, np.ascontiguousarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray | list[int]) -> int:
        import faiss

        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if len(ids) == 0:
            return 0
        return int(self.index.remove_ids(faiss.IDSelectorBatch(ids)))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of shape (nq, k); missing hits have id -1."""
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if queries.ndim == 1:
            queries = queries[None, :]
        if self.ntotal == 0:
            return np.zeros((len(queries), k), np.float32), -np.ones((len(queries), k), np.int64)
        return self.index.search(queries, k)

    def save(self, path: str | os.PathLike[str]) -> None:
        """faiss.write_index to a temp file, then an atomic rename."""
        import faiss

        path = Path(path)
        tmp = path.with_name(f".{path.name}.tmp")
        faiss.write_index(self.index, str(tmp))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str | os.PathLike[str], dim: int, params: IndexParams) -> VectorIndex:
        import faiss

        self = cls.__new__(cls)
        self.dim, self.params = dim, params
        faiss.omp_set_num_threads(params.threads)
        self.index = faiss.read_index(str(path))
        if params.kind == "ivf":
            faiss.extract_index_ivf(self.index).nprobe = params.nprobe
        if self.index.d != dim:
            raise ValueError(f"{path}: index dimension {self.index.d} ≠ {dim}")
        return self


def build_index(ids: np.ndarray, vectors: np.ndarray, params: IndexParams) -> VectorIndex:
    """A fresh index holding `vectors` under `ids`."""
    index = VectorIndex(vectors.shape[1] if len(vectors) else 0, params) if len(vectors) else None
    if index is None:
        raise ValueError("build_index needs at least one vector")
    index.train(vectors)
    index.add(ids, vectors)
    return index
