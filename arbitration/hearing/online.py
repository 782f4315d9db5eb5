"""The online processor: drives an ASR engine and a streaming policy over a growing audio buffer, with Silero VAD
(the ONNX model bundled in faster-whisper) to skip silence and to close an utterance when the speaker pauses."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from arbitration.hearing.asr import (
    ASR,
    SAMPLE_RATE,
    Word,
    supports_final,
    supports_prefix,
)
from arbitration.hearing.policy import LocalAgreement

VAD_WINDOW = 512  # samples per Silero VAD decision (32 ms at 16 kHz)
VAD_CONTEXT_WINDOWS = 31  # ~1 s of audio scored again before new windows, to warm the model's state
TAIL_MARGIN_S = 0.25  # a word may start this long after the last voiced window (VAD edges are not exact)
REST_S = 1.0  # a committing pass whose words stop this long before the speech does is missing the rest


@lru_cache(maxsize=1)
def _vad_model():
    from faster_whisper.vad import get_vad_model

    return get_vad_model()


def speech_probabilities(audio: np.ndarray) -> np.ndarray:
    """Silero VAD speech probability per 32 ms window of `audio` (16 kHz mono)."""
    if len(audio) == 0:
        return np.zeros(0, dtype=np.float32)
    pad = (-len(audio)) % VAD_WINDOW
    padded = np.pad(np.asarray(audio, dtype=np.float32), (0, pad))
    return np.asarray(_vad_model()(padded)).reshape(-1)


def first_pause(speech: np.ndarray, n_windows: int, min_windows: int) -> int | None:
    """The window where the first pause of at least `min_windows` unvoiced windows begins after speech (a pause
    that runs to the end of the buffer counts), or None. `speech` holds the voiced window indices, ascending."""
    if len(speech) == 0:
        return None
    gaps = np.flatnonzero(np.diff(speech) > min_windows)
    if len(gaps):
        return int(speech[gaps[0]] + 1)
    end = int(speech[-1] + 1)
    return end if n_windows - end >= min_windows else None


class OnlineProcessor:
    """insert_audio_chunk → process_iter (commits what two hypotheses agree on) → finish (commits the rest).

    Times of returned words are seconds since this processor's first sample.
    """

    def __init__(
        self,
        asr: ASR,
        policy: LocalAgreement | None = None,
        prompt_prefix: str = "",  # hotword prompt put before the committed tail
        hotwords: str | None = None,
        end_silence_s: float = 0.5,  # a pause this long closes the utterance: commit everything (0.6: higher CER and CPU on both test recordings)
        vad_threshold: float = 0.5,
        use_vad: bool = True,
        rescore: Callable[[list[tuple[str, float]], str], int] | None = None,  # picks from the n-best (hotwords.rescorer)
    ) -> None:
        self.asr = asr
        self.policy = policy or LocalAgreement()
        self.prompt_prefix = prompt_prefix
        self.hotwords = hotwords
        self.end_silence_s = end_silence_s
        self.vad_threshold = vad_threshold
        self.use_vad = use_vad
        self.use_prefix = supports_prefix(asr)
        self.use_final = supports_final(asr)
        self.rescore = rescore
        self.audio = np.zeros(0, dtype=np.float32)
        self.buffer_offset = 0.0  # stream time of audio[0]
        self.received = 0  # samples received in total
        self.heard_speech = False  # whether VAD ever found speech (for the 'silence only' note)
        self._grid_probs = np.zeros(0, dtype=np.float32)  # speech probability per VAD window of the buffer …
        self._grid_start = 0  # … from this window of the stream's grid on
        self._grid_lock = threading.Lock()
        self.first_pass_s = 2.0  # an utterance shorter than this is decoded once, at its pause
        self.hold_silence_s = 0.25  # a trailing silence this long holds the step back (see due)

    def _speech(self) -> tuple[np.ndarray, int]:
        """Voiced window indices of the buffer and the number of windows. Windows lie on a grid of the stream, so
        each is scored once, with up to 1 s of the audio before it as context (the web sends 10 frames a second:
        scoring the whole buffer each time cost 12 % of a core); a window's time in the buffer is within 32 ms."""
        start = self.received - len(self.audio)  # stream sample of audio[0]
        first = -(-start // VAD_WINDOW)  # first grid window wholly inside the buffer
        last = self.received // VAD_WINDOW  # grid windows complete so far
        with self._grid_lock:
            if self._grid_start < first:  # the buffer was trimmed
                self._grid_probs = self._grid_probs[first - self._grid_start:]
                self._grid_start = first
            done = self._grid_start + len(self._grid_probs)
            if last > done:
                ctx = min(done - first, VAD_CONTEXT_WINDOWS)
                a, b = (done - ctx) * VAD_WINDOW - start, last * VAD_WINDOW - start
                probs = speech_probabilities(self.audio[a:b])
                self._grid_probs = np.concatenate([self._grid_probs, probs[ctx:]])
            return np.flatnonzero(self._grid_probs >= self.vad_threshold), len(self._grid_probs)

    def speech_onset(self, within_s: float = 1.5, gap_s: float = 0.3) -> float | None:
        """Where the speaker who is talking now began (seconds since the first sample), if that was less than
        `within_s` ago after a pause of `gap_s`: a clerk clicks the new speaker's seat a moment after they start,
        and the tag belongs at their first word. None when nobody is talking or the start is not in sight.
        Reads only what VAD has scored (it may be called from the clerk's thread while audio is fed)."""
        if not self.use_vad:
            return None
        with self._grid_lock:
            probs, grid = self._grid_probs, self._grid_start
        voiced = np.flatnonzero(probs >= self.vad_threshold)
        gap = int(gap_s * SAMPLE_RATE / VAD_WINDOW)
        if not len(voiced) or len(probs) - 1 - voiced[-1] > gap:  # nobody is talking now
            return None
        breaks = np.flatnonzero(np.diff(voiced) > gap)
        onset = int(voiced[breaks[-1] + 1]) if len(breaks) else int(voiced[0])
        if not len(breaks) and onset < gap:  # the run began before the buffer: its start is not known
            return None
        if (len(probs) - onset) * VAD_WINDOW / SAMPLE_RATE > within_s:
            return None
        return (grid + onset) * VAD_WINDOW / SAMPLE_RATE

    def due(self, new_s: float, step_s: float) -> bool:
        """Whether to run a pass now, `new_s` seconds of audio after the last one. At a pause: at once (the
        utterance is committed whole ~end_silence_s after its last word). Otherwise every `step_s`, except in
        the first `first_pass_s` of an utterance and while the speaker is silent (a pause pass may follow); a
        step is held back once at most, so a speaker with many short pauses still gets a pass per 2 steps."""
        if not self.use_vad or len(self.audio) < SAMPLE_RATE // 2:
            return new_s >= step_s
        speech, n = self._speech()
        if len(speech) == 0:
            return new_s >= step_s
        if first_pause(speech, n, int(self.end_silence_s * SAMPLE_RATE / VAD_WINDOW)) is not None:
            return True
        if new_s < step_s:
            return False
        if new_s >= 2 * step_s:
            return True
        fresh = not self.policy.tentative() and not self.policy.hyp.committed_in_buffer
        if fresh and (n - speech[0]) * VAD_WINDOW / SAMPLE_RATE < self.first_pass_s:
            return False
        return (n - 1 - speech[-1]) * VAD_WINDOW / SAMPLE_RATE < self.hold_silence_s

    def insert_audio_chunk(self, chunk: np.ndarray) -> None:
        chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
        self.audio = np.concatenate([self.audio, chunk])
        self.received += len(chunk)

    def _prompt(self) -> str:
        """Hotwords, then the committed text before the buffer (the committed words inside it go in as prefix)."""
        before = self.policy.prompt(exclude_in_buffer=self.use_prefix)
        return (self.prompt_prefix + before).strip()[-220:]

    def _prefix(self) -> str | None:
        """The committed words still in the buffer: forced at the start of the decode, so each pass decodes only
        the uncommitted tail instead of the whole buffer again (3× less decoding on the shared clips)."""
        if not self.use_prefix:
            return None
        return "".join(w.text for w in self.policy.hyp.committed_in_buffer) or None

    def _transcribe(self, audio: np.ndarray, speech_end: float | None = None, final: bool = False) -> list[Word]:
        """The engine's words over `audio`, without what Whisper invents after the speech: words that start past
        the last voiced window (`speech_end`, buffer seconds) and a closing run of zero-length words (a repeat).
        `final`: these words are committed at once (a pause, the end): the engine's careful pass, and when its
        words stop well before the speech does (a beam that ends the utterance early), the rest is decoded too."""
        prefix = self._prefix()
        kwargs = {"prefix": prefix} if self.use_prefix else {}
        prompt = self._prompt()
        if final and self.use_final:
            before = prompt + (prefix or "")
            kwargs |= {"final": True, "rescore": (lambda hyps: self.rescore(hyps, before)) if self.rescore else None}
        words = self._clean(self.asr.transcribe(audio, prompt=prompt or None, hotwords=self.hotwords, **kwargs),
                            speech_end)
        if final and words and speech_end is not None and speech_end - words[-1].end > REST_S:
            words += self._rest(audio, words, speech_end, prompt + (prefix or ""))
        return words

    def _rest(self, audio: np.ndarray, words: list[Word], speech_end: float, before: str) -> list[Word]:
        """The words of the speech after `words` (decoded again from where they end; `before`, the prompt and
        the forced words, and `words` go in as the prompt)."""
        at = max(0.0, words[-1].end - 0.1)
        said = before + "".join(w.text for w in words)
        kwargs = {"final": True} if self.use_final else {}
        if self.use_final and self.rescore:
            kwargs["rescore"] = lambda hyps: self.rescore(hyps, said)
        start = int(at * SAMPLE_RATE)
        rest = self.asr.transcribe(audio[start:], prompt=said.strip()[-220:] or None, hotwords=self.hotwords,
                                   **kwargs)
        rest = [Word(w.start + at, w.end + at, w.text, w.probability) for w in rest]
        return [w for w in self._clean(rest, speech_end) if (w.start + w.end) / 2 > words[-1].end]

    def _clean(self, words: list[Word], speech_end: float | None) -> list[Word]:
        if speech_end is not None:
            words = [w for w in words if w.start < speech_end + TAIL_MARGIN_S]
        n = len(words)
        while n and words[n - 1].end - words[n - 1].start < 0.02:
            n -= 1
        return words if len(words) - n < 3 else words[:n]

    def _trim(self, time: float) -> None:
        """Drop audio before stream time `time`."""
        cut = int(round((time - self.buffer_offset) * SAMPLE_RATE))
        if cut <= 0:
            return
        self.audio = self.audio[cut:]
        self.buffer_offset += cut / SAMPLE_RATE
        self.policy.trimmed(self.buffer_offset)

    def process_iter(self) -> list[Word]:
        """Run the engine over the buffer once; return the words committed by this step."""
        if len(self.audio) < SAMPLE_RATE // 2:
            return []
        speech_end = len(self.audio) / SAMPLE_RATE
        if self.use_vad:
            speech, n_windows = self._speech()
            if len(speech) == 0:  # silence: close any open utterance and keep only a short tail
                out = self.policy.finish()
                self._trim(self.buffer_offset + max(0.0, len(self.audio) / SAMPLE_RATE - 0.5))
                return out
            self.heard_speech = True
            first = speech[0] * VAD_WINDOW / SAMPLE_RATE
            if first > 1.0 and not self.policy.tentative():  # long leading silence: skip it
                self._trim(self.buffer_offset + first - 0.3)
                return self.process_iter()
            pause = first_pause(speech, n_windows, int(self.end_silence_s * SAMPLE_RATE / VAD_WINDOW))
            if pause is not None:
                # the speaker paused (at the end of the buffer or, after a slow pass, inside it): transcribe up to
                # the pause, commit the whole utterance, then go on with what follows the pause
                speech_end = pause * VAD_WINDOW / SAMPLE_RATE
                cut = min(len(self.audio), int((speech_end + 0.2) * SAMPLE_RATE))
                words = self._transcribe(self.audio[:cut], speech_end, final=True)
                out = self.policy.update(words, self.buffer_offset, self.use_prefix) + self.policy.finish()
                self._trim(self.buffer_offset + cut / SAMPLE_RATE)
                return out + self.process_iter()
            speech_end = min(len(self.audio), (speech[-1] + 1) * VAD_WINDOW) / SAMPLE_RATE
        else:
            self.heard_speech = True
        words = self._transcribe(self.audio, speech_end if self.use_vad else None)
        out = self.policy.update(words, self.buffer_offset, self.use_prefix)
        t = self.policy.trim_point(self.buffer_offset, self.buffer_offset + len(self.audio) / SAMPLE_RATE)
        if t is not None:
            self._trim(t)
        return out

    def finish(self) -> list[Word]:
        """End of stream: one last pass over what is left, then commit the whole tail."""
        out: list[Word] = []
        if len(self.audio) >= SAMPLE_RATE // 4:
            speech_end = None
            if self.use_vad:
                voiced = np.flatnonzero(speech_probabilities(self.audio) >= self.vad_threshold)
                speech_end = (voiced[-1] + 1) * VAD_WINDOW / SAMPLE_RATE if len(voiced) else None
            if speech_end is not None or not self.use_vad:
                self.heard_speech = True
                out = self.policy.update(self._transcribe(self.audio, speech_end, final=True), self.buffer_offset,
                                         self.use_prefix)
        out += self.policy.finish()
        self._trim(self.buffer_offset + len(self.audio) / SAMPLE_RATE)
        return out

    def tentative(self) -> list[Word]:
        return self.policy.tentative()
