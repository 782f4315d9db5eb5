"""A scripted speech engine for plumbing tests of the live clerk (no model): the audio carries its own position
on the hearing timeline, and the engine answers with the words of a script that lie inside the audio it is given,
with times relative to that audio, as the `ASR` Protocol says. A matching VAD says speech where a word is.

Every 100 ms frame is filled with one value, (channel * 10000 + frame number) / 32768, exact in float32 and, for
channel 0, in 16-bit PCM (what the web page sends), so any buffer the streaming code cuts still tells where it is.
"""

from __future__ import annotations

import numpy as np

RATE = 16_000
FRAME = 1_600  # samples in 100 ms


def frames(start_s: float, end_s: float, channel: int = 0) -> np.ndarray:
    """float32 audio of the timeline span [start_s, end_s) on `channel` (whole 100 ms frames)."""
    first, last = round(start_s * 10), round(end_s * 10)
    values = (channel * 10_000 + np.arange(first, last, dtype=np.float64)) / 32768
    return np.repeat(values, FRAME).astype(np.float32)


def pcm(start_s: float, end_s: float) -> bytes:
    """The same span of channel 0 as little-endian 16-bit PCM, as the browser sends it."""
    return np.round(frames(start_s, end_s) * 32768).astype("<i2").tobytes()


def where(audio: np.ndarray) -> tuple[int, float]:
    """(channel, timeline seconds of audio[0]) read back from the frame values."""
    codes = np.round(np.asarray(audio, dtype=np.float64) * 32768).astype(np.int64)
    change = np.flatnonzero(np.diff(codes))
    if len(change):  # the first full frame starts after the first change
        j = int(change[0]) + 1
        code = int(codes[j])
        return code // 10_000, ((code % 10_000) * FRAME - j) / RATE
    code = int(codes[0])  # no frame boundary inside: assume the buffer starts on one
    return code // 10_000, (code % 10_000) * FRAME / RATE


class ScriptedASR:
    """Answers from `script`: {channel: [(start, end, text), ...]} on the hearing timeline."""

    name = "scripted"

    def __init__(self, script: dict[int, list[tuple[float, float, str]]]) -> None:
        self.script = script
        self.calls = 0

    def transcribe(self, audio, prompt=None, hotwords=None):
        from arbitration.hearing.asr import Word

        self.calls += 1
        ch, t0 = where(audio)
        t1 = t0 + len(audio) / RATE
        return [Word(s - t0, e - t0, text) for s, e, text in self.script.get(ch, []) if s >= t0 - 1e-6 and e <= t1 + 1e-6]

    def speech(self, audio: np.ndarray) -> np.ndarray:
        """Speech probability per 512-sample VAD window: 1 where a scripted word is heard."""
        ch, t0 = where(audio)
        n = -(-len(audio) // 512)
        mids = t0 + (np.arange(n) + 0.5) * 512 / RATE
        voiced = np.zeros(n, dtype=np.float32)
        for s, e, _ in self.script.get(ch, []):
            voiced[(mids >= s) & (mids < e)] = 1.0
        return voiced


def use(monkeypatch, engine: ScriptedASR) -> ScriptedASR:
    """Make the streaming code's VAD follow the script too."""
    monkeypatch.setattr("arbitration.hearing.online.speech_probabilities", engine.speech)
    return engine
