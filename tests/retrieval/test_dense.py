"""FAISS search against brute-force numpy, exact and IVF, on odd sizes; remove and persistence."""

import numpy as np
import pytest

from arbitration.retrieval.dense import IndexParams, VectorIndex, choose_params


def _unit(n, d, seed):
    x = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _clustered(n, d, seed, centers=50):
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((centers, d)).astype(np.float32)
    x = c[rng.integers(0, centers, n)] + 0.3 * rng.standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.mark.parametrize("n,d,k", [(1, 8, 1), (37, 17, 5), (1001, 64, 10), (2049, 384, 7)])
def test_exact_matches_bruteforce(n, d, k):
    x, q = _unit(n, d, 1), _unit(13, d, 2)
    ids = np.arange(1000, 1000 + n, dtype=np.int64)[::-1].copy()  # ids unrelated to positions
    index = VectorIndex(d, IndexParams("flat"))
    index.add(ids, x)
    scores, got = index.search(q, min(k, n))
    truth = np.argsort(-(q @ x.T), axis=1)[:, : min(k, n)]
    assert (got == ids[truth]).mean() > 0.99  # ties aside, identical
    np.testing.assert_allclose(scores, np.take_along_axis(q @ x.T, truth, 1), rtol=1e-5, atol=1e-5)


def test_ivf_recall_against_exact():
    x, q = _clustered(20_000, 64, 3), _clustered(50, 64, 4)
    params = IndexParams("ivf", nlist=128, nprobe=16)
    index = VectorIndex(64, params)
    index.train(x)
    index.add(np.arange(len(x)), x)
    _, got = index.search(q, 10)
    truth = np.argsort(-(q @ x.T), axis=1)[:, :10]
    recall = np.mean([len(set(g) & set(t)) / 10 for g, t in zip(got, truth, strict=True)])
    assert recall >= 0.9


def test_choose_params_threshold():
    assert choose_params(49_999).kind == "flat"
    p = choose_params(1_000_000)
    assert p.kind == "ivf" and p.nlist >= 1024 and p.nprobe > 0


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_remove_and_roundtrip(tmp_path, kind):
    x = _clustered(3000, 32, 5)
    params = IndexParams(kind, nlist=32 if kind == "ivf" else 0, nprobe=32 if kind == "ivf" else 0)
    index = VectorIndex(32, params)
    index.train(x)
    index.add(np.arange(3000), x)
    assert index.remove([5, 6, 7]) == 3
    _, got = index.search(x[5], 3)
    assert 5 not in got[0]
    index.save(tmp_path / "i.faiss")
    again = VectorIndex.load(tmp_path / "i.faiss", 32, params)
    assert again.ntotal == 2997
    np.testing.assert_array_equal(again.search(x[100], 5)[1], index.search(x[100], 5)[1])
