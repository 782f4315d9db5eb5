"""The streaming policy, LocalAgreement-2 (after ufal/whisper_streaming): no I/O, no engine, only words in and
words out, so it can be tested on scripted hypotheses and swapped without touching the engine.

Each hypothesis is the engine's reading of the whole audio buffer. A word is committed once two consecutive
hypotheses agree on it as part of their common prefix; the rest is the tentative tail shown dimmed.
"""

from __future__ import annotations

from arbitration.hearing.asr import Word

SENTENCE_END = "。？！?!"


class HypothesisBuffer:
    """Holds the last hypothesis' uncommitted words and commits the prefix the next one agrees on."""

    def __init__(self) -> None:
        self.committed_in_buffer: list[Word] = []  # committed words still inside the audio buffer
        self.buffer: list[Word] = []  # previous hypothesis, uncommitted part
        self.new: list[Word] = []  # latest hypothesis, uncommitted part
        self.last_committed_time = 0.0

    def insert(self, words: list[Word], offset: float, fresh: bool = False) -> None:
        """Take a new hypothesis (times relative to the buffer start `offset`), dropping what is already committed;
        `fresh`: the engine was given the committed words as a prefix and returned only what follows them."""
        shifted = [Word(w.start + offset, w.end + offset, w.text, w.probability) for w in words]
        if fresh:
            self.new = shifted
            return
        # words centred before the last commit were already decided (word times jitter by ~0.1 s)
        self.new = [w for w in shifted if (w.start + w.end) / 2 > self.last_committed_time]
        if self.new and abs(self.new[0].start - self.last_committed_time) < 1.0 and self.committed_in_buffer:
            # the engine may repeat the end of the committed text: drop the longest n-gram overlap (n ≤ 5)
            cn, nn = len(self.committed_in_buffer), len(self.new)
            for n in range(min(cn, nn, 5), 0, -1):
                tail = "".join(w.text for w in self.committed_in_buffer[-n:])
                head = "".join(w.text for w in self.new[:n])
                if tail == head:
                    self.new = self.new[n:]
                    break

    def flush(self) -> list[Word]:
        """Commit and return the longest common prefix of the previous and the new hypothesis."""
        commit: list[Word] = []
        while self.new and self.buffer and self.new[0].text == self.buffer[0].text:
            w = self.new.pop(0)
            self.buffer.pop(0)
            commit.append(w)
        if commit:
            self.last_committed_time = commit[-1].end
        self.buffer = self.new
        self.new = []
        self.committed_in_buffer.extend(commit)
        return commit

    def pop_committed(self, time: float) -> None:
        """Forget committed words that end before `time` (the audio buffer was trimmed there)."""
        while self.committed_in_buffer and self.committed_in_buffer[0].end <= time:
            self.committed_in_buffer.pop(0)

    def complete(self) -> list[Word]:
        """The tentative tail: the last hypothesis' uncommitted words."""
        return list(self.buffer)


class LocalAgreement:
    """LocalAgreement-2 with buffer trimming: where to cut the audio buffer after commits."""

    def __init__(self, trim_after_s: float = 12.0, keep_s: float | None = 2.0) -> None:
        self.trim_after_s = trim_after_s  # cut the buffer once it is longer than this
        # … or once it holds more than this much committed speech: the committed words in the buffer are forced
        # again on every pass (CTranslate2 steps through them one by one), so an unbounded tail costs as much as
        # decoding it; 2 s keeps enough context (benchmarks/results/hearing.json)
        self.keep_s = keep_s
        self.hyp = HypothesisBuffer()
        self.committed: list[Word] = []  # everything committed, in order

    def update(self, words: list[Word], offset: float, fresh: bool = False) -> list[Word]:
        """Feed one hypothesis over the buffer starting at `offset`; return the newly committed words (`fresh`: see
        HypothesisBuffer.insert)."""
        self.hyp.insert(words, offset, fresh)
        new = self.hyp.flush()
        self.committed.extend(new)
        return new

    def finish(self) -> list[Word]:
        """Commit the whole tentative tail (utterance end or end of stream)."""
        rest = self.hyp.complete()
        self.hyp.buffer = []
        if rest:
            self.hyp.last_committed_time = rest[-1].end
            self.hyp.committed_in_buffer.extend(rest)
        self.committed.extend(rest)
        return rest

    def tentative(self) -> list[Word]:
        return self.hyp.complete()

    def trim_point(self, buffer_start: float, buffer_end: float) -> float | None:
        """Where to cut the audio buffer, or None: at the last committed sentence end inside the buffer, else (when
        the buffer grew too long) at the last committed word's end."""
        inside = [w for w in self.hyp.committed_in_buffer if w.end > buffer_start]
        if not inside:
            return None
        for w in reversed(inside):
            if w.text and w.text[-1] in SENTENCE_END:
                return w.end
        if self.keep_s is not None:  # keep only the last keep_s of committed speech in the buffer
            older = [w for w in inside if w.end <= inside[-1].end - self.keep_s]
            if older:
                return older[-1].end
        if buffer_end - buffer_start > self.trim_after_s:
            return inside[-1].end
        return None

    def trimmed(self, time: float) -> None:
        self.hyp.pop_committed(time)

    def prompt(self, max_chars: int = 100, exclude_in_buffer: bool = False) -> str:
        """The tail of committed text, given to the engine as context for the next hypothesis; without the words
        still in the audio buffer when the engine is given those as a prefix."""
        words = self.committed[: len(self.committed) - len(self.hyp.committed_in_buffer)] if exclude_in_buffer \
            else self.committed
        return "".join(w.text for w in words)[-max_chars:]
