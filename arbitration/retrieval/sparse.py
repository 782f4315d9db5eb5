"""BM25 (bm25s) over jieba tokens. The index is rebuilt in memory from tokens stored in SQLite on open,
which takes well under a second for a commission's archive (measured in bench_retrieval_scale)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
STOPWORDS = frozenset(
    "的 了 和 与 及 或 在 对 为 以 于 其 之 是 由 被 将 把 向 等 并 已 该 本 此 但 而 也 就 都 所 应 按 "
    "予以 申请人 被申请人 本委 本院 认为 请求 要求 支付 元 年 月 日".split()
)


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    for w in (
        "经济补偿", "赔偿金", "二倍工资", "加班费", "年休假", "社会保险", "违法解除", "劳动合同",
        "劳动报酬", "代通知金", "竞业限制", "停工留薪", "伤残补助金", "医疗补助金", "就业补助金",
        "最低工资", "仲裁时效", "协商一致", "书面劳动合同", "用人单位", "劳动者",
    ):
        jieba.add_word(w)
    return jieba


def tokenize(text: str) -> list[str]:
    """jieba search-mode tokens without punctuation and stopwords; digits kept (amounts, years)."""
    jieba = _jieba()
    return [t for t in jieba.lcut_for_search(text or "") if _KEEP.search(t) and t not in STOPWORDS]


class BM25Index:
    """bm25s over token lists, addressed by position; `ids[i]` is the unit id of document i."""

    def __init__(self, ids: list[int], docs: list[list[str]]) -> None:
        import bm25s

        self.ids = np.asarray(ids, dtype=np.int64)
        self.retriever = bm25s.BM25()
        self._empty = not docs
        if docs:
            vocab: dict[str, int] = {}
            token_ids = [[vocab.setdefault(t, len(vocab)) for t in d] or [vocab.setdefault("", len(vocab))] for d in docs]
            self.vocab = vocab
            self.retriever.index(bm25s.tokenization.Tokenized(ids=token_ids, vocab=vocab), show_progress=False)

    def search(self, tokens: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, unit ids), best first; empty when nothing matches."""
        if self._empty:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        known = [t for t in tokens if t in self.vocab]
        if not known:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        k = min(k, len(self.ids))
        docs, scores = self.retriever.retrieve([known], k=k, show_progress=False, n_threads=1)
        docs, scores = docs[0], scores[0]
        keep = scores > 0
        return scores[keep].astype(np.float32), self.ids[docs[keep]]
