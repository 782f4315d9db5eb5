"""Precomputed unit embeddings keyed by the hash of the unit text (corpus/awards/vectors-<embedder>.npz), so
the bundled archive builds in seconds instead of embedding ~8,000 units on two cores. A text not in the
cache (the parser or the unit text changed) is simply embedded; a stale cache costs time, never correctness.

Export after building an archive: `python -m arbitration.retrieval.vectorcache INDEX_DIR OUT.npz`.
"""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import numpy as np

from arbitration.retrieval.embedders import _normalise


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class VectorCache:
    """A read-only map from unit-text hash to an L2-normalised float32 vector of one embedder."""

    def __init__(self, embedder: str, dim: int, keys: list[str], vectors: np.ndarray) -> None:
        self.embedder, self.dim = embedder, dim
        self.index = {k: i for i, k in enumerate(keys)}
        self.vectors = vectors

    @classmethod
    def load(cls, path: Path) -> VectorCache:
        with np.load(path, allow_pickle=False) as z:
            return cls(str(z["embedder"]), int(z["dim"]), [str(k) for k in z["keys"]], z["vectors"])

    def __len__(self) -> int:
        return len(self.index)

    def get(self, text: str) -> np.ndarray | None:
        i = self.index.get(text_key(text))
        return None if i is None else self.vectors[i].astype(np.float32)

    def embed(self, texts: list[str], embedder) -> tuple[np.ndarray, int]:
        """Vectors for `texts`: cached ones looked up, the rest embedded by `embedder`; (vectors, how many hit)."""
        if embedder.name != self.embedder or embedder.dim != self.dim:
            return embedder.embed_passages(texts), 0
        out = np.zeros((len(texts), self.dim), np.float32)
        missing = []
        for i, t in enumerate(texts):
            v = self.get(t)
            if v is None:
                missing.append(i)
            else:
                out[i] = v
        if missing:
            out[missing] = embedder.embed_passages([texts[i] for i in missing])
        return _normalise(out), len(texts) - len(missing)


def save(path: Path, embedder: str, dim: int, texts: list[str], vectors: np.ndarray) -> Path:
    """Write a cache (float16 vectors; ranking does not notice the precision) atomically."""
    from arbitration.fileio import write_bytes

    keys = [text_key(t) for t in texts]
    buf = io.BytesIO()
    np.savez_compressed(buf, embedder=np.array(embedder), dim=np.array(dim), keys=np.array(keys),
                        vectors=np.asarray(vectors, np.float16))
    write_bytes(Path(path), buf.getvalue())
    return Path(path)


def export(index_dir: Path, out: Path) -> Path:
    """The units of an archive on disk as a cache file."""
    from arbitration.retrieval.archive import DB_FILE
    from arbitration.retrieval.store import Store

    store = Store(Path(index_dir) / DB_FILE)
    meta = store.meta()
    dim = int(meta["dim"])
    texts, vecs = [], []
    for text, blob in store.db.execute("SELECT text, vector FROM units ORDER BY id"):
        texts.append(text)
        vecs.append(np.frombuffer(blob, np.float32))
    store.close()
    return save(out, meta["embedder"], dim, texts, np.vstack(vecs) if vecs else np.zeros((0, dim), np.float32))


if __name__ == "__main__":
    p = export(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {p} ({p.stat().st_size / 1e6:.1f} MB)")
