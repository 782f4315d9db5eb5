"""The award archive: SQLite metadata + FAISS dense index + BM25, hybrid search with explained matches.

Layout of an index dir: `archive.sqlite` (precedents, units, vectors, meta) and `dense.faiss`.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from arbitration.errors import ArbitrationError, IndexMismatch, MissingData
from arbitration.model import Case, Precedent, PrecedentClaim
from arbitration.retrieval.dense import (
    ANN_THRESHOLD,
    IndexParams,
    VectorIndex,
    choose_params,
)
from arbitration.retrieval.embedders import Embedder, get_embedder
from arbitration.retrieval.rerank import matched_claims, rerank, rrf
from arbitration.retrieval.sparse import BM25Index, tokenize
from arbitration.retrieval.store import Store, Unit
from arbitration.retrieval.units import (
    Query,
    precedent_units,
    query_from_case,
    query_from_text,
)

log = logging.getLogger(__name__)

DB_FILE = "archive.sqlite"
FAISS_FILE = "dense.faiss"
SCHEMA_VERSION = "1"


@dataclass
class Match:
    """A precedent found for a query: score, the claims it matched (with outcome and amounts) and why."""

    precedent: Precedent
    score: float
    matched_claims: list[PrecedentClaim] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "case_number": self.precedent.case_number,
            "score": self.score,
            "reasons": self.reasons,
            "matched_claims": [c.model_dump(mode="json") for c in self.matched_claims],
            "precedent": self.precedent.model_dump(mode="json"),
        }


@dataclass(frozen=True)
class SearchOptions:
    dense: bool = True  # use the embedding index
    sparse: bool = True  # use BM25
    rerank: bool = True  # rerank the fused list by structured similarity
    depth: int = 200  # units fetched from each index per query text


class Archive:
    """An award archive on disk. Open with `Archive.open(dir)`; create with `Archive.create(dir)`."""

    def __init__(self, index_dir: Path, store: Store, embedder: Embedder, dense: VectorIndex) -> None:
        self.index_dir, self.store, self.embedder, self.dense = index_dir, store, embedder, dense
        self._bm25: BM25Index | None = None
        self.vector_cache = None  # a VectorCache of precomputed unit vectors (the bundled corpus), or None

    # ------------------------------------------------------------ open / create
    @classmethod
    def create(cls, index_dir: Path, embedder: Embedder | str | None = None, threshold: int = ANN_THRESHOLD) -> Archive:
        """Open `index_dir` if it holds an archive made with the same embedder, else start an empty one."""
        index_dir = Path(index_dir)
        emb = embedder if not isinstance(embedder, str | None) else get_embedder(embedder)
        if (index_dir / DB_FILE).exists():
            return cls.open(index_dir, emb)
        store = Store(index_dir / DB_FILE)
        params = choose_params(0)
        store.set_meta(
            schema_version=SCHEMA_VERSION,
            embedder=emb.name,
            dim=str(emb.dim),
            index_params=params.to_dict(),
            ann_threshold=str(threshold),
            built_at=_now(),
            faiss_ntotal="0",
        )
        archive = cls(index_dir, store, emb, VectorIndex(emb.dim, params))
        archive._save_dense()
        return archive

    @classmethod
    def open(cls, index_dir: Path | None = None, embedder: Embedder | str | None = None) -> Archive:
        """Open an archive; with no dir, the configured one (Settings.index_dir), else the bundled default."""
        if index_dir is None:
            from arbitration.config import settings

            index_dir = settings().index_dir
            if not (index_dir / DB_FILE).exists():
                return default_archive()
        index_dir = Path(index_dir)
        if not (index_dir / DB_FILE).exists():
            raise MissingData(f"{index_dir} 中没有裁决书库索引；请先运行：arbitration index 裁决书目录 --index-dir {index_dir}")
        store = Store(index_dir / DB_FILE)
        meta = store.meta()
        emb = embedder if not isinstance(embedder, str | None) else get_embedder(embedder or meta.get("embedder"))
        if meta.get("embedder") != emb.name or int(meta.get("dim", 0)) != emb.dim:
            store.close()
            raise IndexMismatch(
                f"{index_dir} 的索引由嵌入模型「{meta.get('embedder')}」（{meta.get('dim')} 维）建立，"
                f"当前为「{emb.name}」（{emb.dim} 维），不能混用。请重建索引："
                f"arbitration index 裁决书目录 --index-dir {index_dir} --force"
            )
        params = IndexParams(**json.loads(meta.get("index_params", "{}")))
        faiss_path = index_dir / FAISS_FILE
        dense = None
        if faiss_path.exists():
            try:
                dense = VectorIndex.load(faiss_path, emb.dim, params)
            except Exception as e:  # noqa: BLE001 - a damaged cache file is rebuilt from SQLite
                log.warning("FAISS index %s unreadable (%s); rebuilding from the stored vectors", faiss_path, e)
        archive = cls(index_dir, store, emb, dense or VectorIndex(emb.dim, params))
        if dense is None or dense.ntotal != store.unit_count():
            archive.rebuild_dense()
        return archive

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writes
    def add(self, precedents: list[Precedent], save: bool = True, vectors: list[np.ndarray] | None = None,
            units: list[list[Unit]] | None = None) -> int:
        """Add or replace precedents by case number (embedding their units in one batch); returns how many.
        `vectors` (one array per precedent) and `units` skip the work when it was done elsewhere (workers)."""
        if not precedents:
            return 0
        all_units = units if units is not None else [precedent_units(p) for p in precedents]
        if vectors is not None:
            vectors = np.vstack(vectors)
        else:
            texts = [u.text for units in all_units for u in units]
            if self.vector_cache is not None:
                vectors, _ = self.vector_cache.embed(texts, self.embedder)
            else:
                vectors = self.embedder.embed_passages(texts)
        pos = 0
        for p, units in zip(precedents, all_units, strict=True):
            vecs = vectors[pos : pos + len(units)]
            pos += len(units)
            old = self.store.unit_ids(p.case_number)
            new = self.store.put(p, units, vecs)
            self.dense.remove(old)
            self.dense.add(np.asarray(new, np.int64), vecs)
        self._bm25 = None
        self._maybe_switch_index()
        if save:
            self.save()
        return len(precedents)

    def delete(self, case_number: str, save: bool = True) -> bool:
        ids = self.store.delete(case_number)
        self.dense.remove(ids)
        self._bm25 = None
        if save:
            self.save()
        return bool(ids)

    def save(self) -> None:
        self._save_dense()

    def _save_dense(self) -> None:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        self.dense.save(self.index_dir / FAISS_FILE)
        self.store.set_meta(faiss_ntotal=str(self.dense.ntotal), index_params=self.dense.params.to_dict())

    def _maybe_switch_index(self) -> None:
        threshold = int(self.store.meta().get("ann_threshold", ANN_THRESHOLD))
        want = choose_params(self.store.unit_count(), self.dense.params.threads, threshold)
        if want.kind != self.dense.params.kind:
            self.rebuild_dense(want)

    def rebuild_dense(self, params: IndexParams | None = None) -> None:
        """Rebuild the FAISS index from the vectors stored in SQLite (after a crash or on crossing the ANN threshold)."""
        ids, vecs = self.store.all_vectors(self.embedder.dim)
        threshold = int(self.store.meta().get("ann_threshold", ANN_THRESHOLD))
        params = params or choose_params(len(ids), threshold=threshold)
        index = VectorIndex(self.embedder.dim, params)
        if len(ids):
            index.train(vecs)
            index.add(ids, vecs)
        self.dense = index
        self._save_dense()

    # ------------------------------------------------------------ reads
    @property
    def generated(self) -> bool:
        """The whole archive is generated demo data (the bundled corpus): its awards are never cited."""
        return self.store.meta().get("generated") == "1"

    def _marked(self, p: Precedent) -> Precedent:
        return p.model_copy(update={"generated": True}) if self.generated and not p.generated else p

    def get(self, case_number: str) -> Precedent | None:
        p = self.store.get(case_number)
        return self._marked(p) if p is not None else None

    def exists(self, case_number: str) -> bool:
        return self.store.get(case_number) is not None

    def __len__(self) -> int:
        return self.store.count()

    def meta(self) -> dict[str, str]:
        return self.store.meta()

    @property
    def bm25(self) -> BM25Index:
        if self._bm25 is None:
            self._bm25 = BM25Index(*self.store.all_tokens())
        return self._bm25

    # ------------------------------------------------------------ search
    def search(
        self,
        query: Case | str | Query,
        claim: str | None = None,
        region: str | None = None,
        since: date | None = None,
        k: int = 10,
        options: SearchOptions = SearchOptions(),
    ) -> list[Match]:
        """Hybrid search: dense + BM25 per query text (each claim, and the whole case), fused by RRF,
        filtered, reranked by structured similarity; each Match says why."""
        if isinstance(query, Case):
            q = query_from_case(query)
        elif isinstance(query, str):
            if not query.strip():
                raise MissingData("检索内容为空")
            q = query_from_text(query)
        else:
            q = query
        if claim and claim not in q.claim_types:
            q.claims.append((claim, claim))
        allowed = self.store.filtered(claim, region, since.isoformat() if since else None) if (claim or region or since) else None
        if allowed is not None and not allowed:
            return []
        rankings = self._rankings(q, options, allowed)
        fused = rrf(rankings)
        if not fused:
            return []
        # rerank a generous head of the fused list
        head = dict(sorted(fused.items(), key=lambda x: -x[1])[: max(5 * k, 50)])
        precedents = self.store.get_many(head)
        ranked = rerank(q, head, precedents, use_structure=options.rerank)[:k]
        out = []
        for num, score, reasons in ranked:
            p = self._marked(precedents[num])
            out.append(Match(p, score, matched_claims(q, p, claim), reasons))
        return out

    def _rankings(self, q: Query, options: SearchOptions, allowed: set[str] | None) -> list[list[str]]:
        texts = q.texts()
        depth = min(options.depth * (4 if allowed is not None else 1), max(self.store.unit_count(), 1))
        rankings: list[list[str]] = []
        unit_hits: list[list[int]] = []
        if options.dense and self.dense.ntotal:
            batch = getattr(self.embedder, "embed_queries", None)
            qv = batch([t for _, t in texts]) if batch else np.vstack([self.embedder.embed_query(t) for _, t in texts])
            _, ids = self.dense.search(qv, min(depth, self.dense.ntotal))
            unit_hits += [[int(i) for i in row if i >= 0] for row in ids]
        if options.sparse:
            for _, t in texts:
                _, ids = self.bm25.search(tokenize(t), depth)
                unit_hits.append([int(i) for i in ids])
        meta = self.store.units_of({i for row in unit_hits for i in row})
        for row in unit_hits:
            seen: dict[str, None] = {}
            for uid in row:
                m = meta.get(uid)
                if m is None:
                    continue
                num = m[0]
                if allowed is not None and num not in allowed:
                    continue
                seen.setdefault(num, None)
            rankings.append(list(seen))
        return rankings


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_archive(embedder: str | None = None, progress: bool = True, cache_dir: Path | None = None,
                    awards_dir: Path | None = None) -> Archive:
    """The bundled synthetic award archive (corpus/awards), indexed once into the cache and opened; its metadata
    says `generated` (demo data: results are labelled 「演示数据（非真实案例）」 and never cited in an award).

    Built in `<cache>/archive/default-<embedder>-<bundle hash>.partial` (resumable: each chunk of awards is
    committed, a rerun skips what is in) and renamed to its final name when complete, so a half-built index
    is never opened as the default. A new bundle (regenerated corpus) gets a new directory."""
    import shutil

    from arbitration.config import CORPUS_DIR, settings
    from arbitration.fileio import sha256_file
    from arbitration.retrieval.vectorcache import VectorCache

    name = embedder or settings().embedder
    awards_dir = Path(awards_dir or CORPUS_DIR / "awards")
    bundles = sorted(awards_dir.glob("*.jsonl.gz"))
    if not bundles:
        raise MissingData(
            f"内置裁决书库不存在：{awards_dir} 中没有 *.jsonl.gz；"
            "请运行：python -m arbitration.retrieval.generator --n 2000 --seed 7"
        )
    digest = sha256_file(bundles[0])[:12] if len(bundles) == 1 else _combined_hash(bundles)
    root = (cache_dir or settings().cache_dir) / "archive"
    final = root / f"default-{name}-{digest}"
    if (final / DB_FILE).exists():
        archive = Archive.open(final, name)
        if not archive.generated:  # built before the mark existed
            archive.store.set_meta(generated="1")
        return archive
    partial = final.with_name(final.name + ".partial")
    archive = Archive.create(partial, name)
    cache_file = awards_dir / f"vectors-{name}.npz"
    if cache_file.exists():
        archive.vector_cache = VectorCache.load(cache_file)
    from pipelines.index import index_awards

    started = time.perf_counter()
    result = index_awards(awards_dir, archive, progress=progress)
    if result.failed:
        log.warning("内置裁决书库有 %d 份未能解析：%s", len(result.failed), result.failed[:3])
    crashed = [f for f in result.failed if _crashed(f)]
    if crashed:
        # a killed worker or a broken pool is not a bad file: keep the .partial dir for the rerun to resume,
        # never mark a short archive complete
        archive.close()
        first = crashed[0]
        raise ArbitrationError(
            f"内置裁决书库建立未完成：{len(crashed)} 份处理中断（如 {first.key}："
            f"{first.reason}）；已完成部分保留在 {partial}，重新运行即可续建"
        )
    archive.store.set_meta(complete="1", generated="1", built_at=_now(), corpus_sha=digest,
                           build_seconds=f"{time.perf_counter() - started:.1f}")
    archive.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    shutil.rmtree(partial / "batch", ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)  # atomic on one filesystem
    return Archive.open(final, name)


def _crashed(failure: Any) -> bool:
    """A failure that is not a named product error (a file the parser refused) but a crash, e.g. BrokenProcessPool."""
    named = {"ArbitrationError"}
    todo = [ArbitrationError]
    while todo:
        for sub in todo.pop().__subclasses__():
            named.add(sub.__name__)
            todo.append(sub)
    return failure.kind not in named and not failure.kind.islower()  # IngestError kinds are lower_snake


def _combined_hash(paths: list[Path]) -> str:
    import hashlib

    from arbitration.fileio import sha256_file

    return hashlib.sha256("".join(sha256_file(p) for p in paths).encode()).hexdigest()[:12]


def timed(fn, *args, **kw):  # small helper for benchmarks
    t = time.perf_counter()
    r = fn(*args, **kw)
    return r, time.perf_counter() - t
