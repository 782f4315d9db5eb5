"""A small character language model for hearing text: a domain trigram (statutes, claim taxonomy, hearing phrases,
the case's own words) interpolated with a general-Chinese bigram read off jieba's bundled dictionary (word
frequencies), so a domain word wins over a homophone only where the context is domain-like (「月离职」 vs 「保持理智」).

Pure Python, offline, built in about a second; used by the hotword corrector to judge a replacement in context.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

BOUNDARY = "|"  # stands for the start/end of a phrase (punctuation, digits, Latin letters)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPLIT = re.compile(r"[^\u4e00-\u9fff]+")


def _norm(text: str) -> str:
    """Han characters kept; every run of anything else becomes one BOUNDARY."""
    return _SPLIT.sub(BOUNDARY, text)


class _General:
    """P(c | previous char) for general Mandarin from jieba's dictionary: within a word by the words' bigrams,
    across words by P(previous ends a word) · P(c starts a word); a tenth of the mass backs off to unigrams."""

    def __init__(self, words: Iterable[tuple[str, float]]) -> None:
        self.uni: Counter[str] = Counter()
        self.start: Counter[str] = Counter()
        self.after: dict[str, Counter[str]] = defaultdict(Counter)
        self.end: Counter[str] = Counter()
        for w, f in words:
            if not w or not all(_HAN.match(c) for c in w):
                continue
            for c in w:
                self.uni[c] += f
            self.start[w[0]] += f
            self.end[w[-1]] += f
            for a, b in zip(w, w[1:], strict=False):
                self.after[a][b] += f
        self.uni_total = sum(self.uni.values())
        self.start_total = sum(self.start.values())
        self.vocab = max(len(self.uni), 1)
        self.out = {a: sum(c.values()) + self.end[a] for a, c in self.after.items()}

    def unigram(self, c: str) -> float:
        return (self.uni.get(c, 0.0) + 0.5) / (self.uni_total + 0.5 * (self.vocab + 1))

    def prob(self, c: str, prev: str) -> float:
        if c == BOUNDARY:  # a phrase ends: about as likely as a word ends
            total = self.out.get(prev, 0.0) + self.end.get(prev, 0.0)
            return 0.1 + 0.5 * (self.end.get(prev, 0.0) / total if total else 0.5)
        if prev == BOUNDARY or prev not in self.out:
            p = (self.start.get(c, 0.0) + 0.5) / (self.start_total + 0.5 * self.vocab)
        else:
            out = self.out[prev] or 1.0
            p = self.after[prev].get(c, 0.0) / out + self.end.get(prev, 0.0) / out * (
                self.start.get(c, 0.0) / self.start_total)
        return 0.9 * p + 0.1 * self.unigram(c)


class CharLM:
    """Interpolated Witten-Bell character trigram on domain texts, mixed half and half with the general bigram."""

    def __init__(self, texts: Iterable[str], general: _General | None = None, weight: float = 0.5) -> None:
        self.general = general if general is not None else general_model()
        self.weight = weight  # share of the domain model in the mixture
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)  # history ('' / 1 char / 2 chars) -> next
        for text in texts:
            s = BOUNDARY + _norm(text) + BOUNDARY
            for i in range(1, len(s)):
                for k in (0, 1, 2):
                    if i - k >= 0:
                        self.counts[s[i - k:i]][s[i]] += 1
        self.totals = {h: sum(c.values()) for h, c in self.counts.items()}

    def _domain(self, c: str, history: str) -> float:
        p = self.general.unigram(c) if c != BOUNDARY else 0.05
        for k in (0, 1, 2):  # Witten-Bell: interpolate from the unigram up
            if k > len(history):
                break
            h = history[len(history) - k:] if k else ""
            seen = self.counts.get(h)
            if not seen:
                continue
            types = len(seen)
            p = (seen.get(c, 0) + types * p) / (self.totals[h] + types)
        return p

    def prob(self, c: str, history: str) -> float:
        """P(c | up to two characters before)."""
        prev = history[-1] if history else BOUNDARY
        return self.weight * self._domain(c, history[-2:]) + (1 - self.weight) * self.general.prob(c, prev)

    def score(self, text: str, before: str = "") -> float:
        """Natural-log probability of `text` after `before` (only its last two characters are used)."""
        s = _norm(text)
        h = (BOUNDARY + _norm(before))[-2:]
        total = 0.0
        for c in s:
            total += math.log(self.prob(c, h))
            h = (h + c)[-2:]
        return total


@lru_cache(maxsize=1)
def general_model() -> _General:
    """The general bigram from jieba's dictionary (about 350,000 words with frequencies), read once."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ")
            if len(parts) >= 2:
                rows.append((parts[0], float(parts[1])))
    return _General(rows)


def pick(lm: CharLM, hyps: list[tuple[str, float]], before: str = "", weight: float = 0.2,
         share: tuple[float, float] = (0.8, 1.25)) -> int:
    """Which of a beam's hypotheses, given as (text, mean acoustic log-probability per token), best first by the
    engine, reads best: the acoustic score plus `weight` times the LM's log-probability per character after
    `before` (shallow fusion on the n-best; per character so that a short reading is not preferred for being
    short). Only readings of about the same length as the first compete (`share` of its characters): a shorter
    one has dropped speech (a beam that ends at a sentence end), a longer one repeats a sentence of the prompt,
    which a domain LM likes."""
    def chars(text: str) -> int:
        return len(_norm(text).replace(BOUNDARY, ""))

    def total(h: tuple[str, float]) -> float:
        text, acoustic = h
        n = chars(text)
        return acoustic + (weight * lm.score(text, before) / n if n else 0.0)

    first = chars(hyps[0][0]) if hyps else 0
    lo, hi = share
    return max((i for i, h in enumerate(hyps) if lo * first <= chars(h[0]) <= hi * first + 1),
               key=lambda i: total(hyps[i]), default=0)
