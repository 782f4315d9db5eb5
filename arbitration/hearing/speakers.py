"""Speaker-change hints on one microphone: where the voice changes, by the Bayesian information criterion on MFCC
statistics (Chen & Gopalakrishnan 1998) between the speech before and after each candidate point. numpy only.

A hint is only a suggestion: the clerk accepts it with one key or click, and only then does it become a role tag;
keystroke tagging stays the authority (arbitration.hearing.journal).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SAMPLE_RATE = 16_000
HOP = 160  # 10 ms between MFCC frames
WIN = 400  # 25 ms analysis window
N_FFT = 512
N_MELS = 26
N_CEPS = 13  # c0 (loudness) is left out of the statistics: the same speaker gets louder and softer


@dataclass(frozen=True)
class Hint:
    """A suggested speaker change at `at` seconds (the stream's time), with its ΔBIC per frame (higher: surer)."""

    at: float
    score: float


@lru_cache(maxsize=1)
def _filters() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hamming window, mel filterbank (N_MELS × bins, 20 Hz-7.6 kHz) and the DCT-II matrix."""
    window = np.hamming(WIN).astype(np.float32)
    mel = lambda f: 2595 * np.log10(1 + f / 700)  # noqa: E731
    hz = lambda m: 700 * (10 ** (m / 2595) - 1)  # noqa: E731
    edges = hz(np.linspace(mel(20), mel(7600), N_MELS + 2))
    bins = np.fft.rfftfreq(N_FFT, 1 / SAMPLE_RATE)
    fb = np.zeros((N_MELS, len(bins)), np.float32)
    for i in range(N_MELS):
        lo, mid, hi = edges[i:i + 3]
        fb[i] = np.clip(np.minimum((bins - lo) / (mid - lo), (hi - bins) / (hi - mid)), 0, None)
    k = np.arange(N_MELS)
    dct = np.cos(np.pi / N_MELS * (k[None, :] + 0.5) * np.arange(N_CEPS)[:, None]).astype(np.float32)
    return window, fb, dct


def mfcc(audio: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(MFCC c0..c12 per 10 ms frame, log energy per frame) of 16 kHz mono audio (whole frames only)."""
    audio = np.asarray(audio, dtype=np.float32)
    n = 1 + (len(audio) - WIN) // HOP if len(audio) >= WIN else 0
    if n <= 0:
        return np.zeros((0, N_CEPS), np.float32), np.zeros(0, np.float32)
    window, fb, dct = _filters()
    x = np.append(audio[:1], audio[1:] - 0.97 * audio[:-1])  # pre-emphasis
    idx = np.arange(WIN)[None, :] + HOP * np.arange(n)[:, None]
    frames = x[idx] * window
    power = np.abs(np.fft.rfft(frames, N_FFT)) ** 2 / N_FFT
    logmel = np.log(power @ fb.T + 1e-10)
    energy = np.log(np.sum(frames ** 2, axis=1) + 1e-10)
    return (logmel @ dct.T).astype(np.float32), energy.astype(np.float32)


def delta_bic(left: np.ndarray, right: np.ndarray, penalty: float, full: bool = True) -> float:
    """ΔBIC per frame for 'two speakers' against 'one speaker' over two runs of feature frames (Gaussians with
    full or diagonal covariance); > 0 means the change is likelier."""
    both = np.concatenate([left, right])
    n, d = both.shape

    def logdet(x: np.ndarray) -> float:
        if not full:
            return float(np.sum(np.log(np.var(x, axis=0) + 1e-4)))
        cov = np.cov(x, rowvar=False) + 1e-4 * np.eye(d)
        return float(np.linalg.slogdet(cov)[1])

    gain = n * logdet(both) - len(left) * logdet(left) - len(right) * logdet(right)
    params = d + (d * (d + 1) / 2 if full else d)
    return (0.5 * gain - 0.5 * penalty * params * np.log(n)) / n


class ChangeDetector:
    """Streaming: feed audio, get hints. Only voiced frames count (log energy `floor_db` above the recent noise
    floor). Candidates are the starts of speech after a pause of `min_pause_s` (turns change at pauses); each is
    scored on up to `window_s` of speech on either side (at least `min_side_s`, running on across a pause when the
    run is shorter) and becomes a hint when ΔBIC > `threshold`, once the speech after it is in."""

    def __init__(self, window_s: float = 2.0, min_side_s: float = 0.6, min_pause_s: float = 0.15,
                 penalty: float = 1.5, threshold: float = 0.0, floor_db: float = 15.0, full: bool = True,
                 pause_weight: float = 0.0) -> None:
        self.window = int(window_s * 100)  # frames
        self.min_side = int(min_side_s * 100)
        self.min_pause = max(1, int(min_pause_s * 100))
        self.penalty = penalty  # 1.5: precision 0.95, recall 0.96 on the shared clips (1.0: 0.82 / 0.96; bench_hearing)
        self.threshold = threshold
        self.pause_weight = pause_weight  # ΔBIC per frame added per second of the pause before (up to 1.5 s)
        self.full = full
        self.floor = floor_db / 10 * np.log(10)  # dB above the noise floor, as natural-log energy
        self._audio = np.zeros(0, np.float32)  # samples not yet framed
        self._frames = 0  # frames computed so far (frame i starts at i * HOP samples)
        self._feats: list[np.ndarray] = []  # voiced frames' MFCC (c1..c12)
        self._times: list[float] = []  # their start times in seconds
        self._energies: list[float] = []  # recent log energies of all frames, for the noise floor
        self._onsets: list[int] = []  # voiced-frame indices where speech starts after a pause, not yet scored
        self._pauses: dict[int, float] = {}  # onset -> seconds of the pause before it
        self._unvoiced = 10 ** 6  # unvoiced frames since the last voiced one
        self._dropped = 0  # voiced frames forgotten from the front

    def feed(self, audio: np.ndarray) -> list[Hint]:
        """Add audio (16 kHz mono); returns the hints it completes."""
        self._audio = np.concatenate([self._audio, np.asarray(audio, np.float32).reshape(-1)])
        ceps, energy = mfcc(self._audio)
        self._audio = self._audio[len(ceps) * HOP:]
        if len(ceps):
            self._energies = (self._energies + energy.tolist())[-1000:]  # 10 s
            floor = float(np.percentile(self._energies, 10))
            voiced = energy > max(floor + self.floor, np.log(1e-6))
            for k in range(len(ceps)):
                if not voiced[k]:
                    self._unvoiced += 1
                    continue
                index = self._dropped + len(self._feats)
                if self._unvoiced >= self.min_pause and index >= self.min_side:
                    self._onsets.append(index)
                    self._pauses[index] = min(self._unvoiced / 100, 1.5)
                self._unvoiced = 0
                self._feats.append(ceps[k, 1:])
                self._times.append((self._frames + k) * HOP / SAMPLE_RATE)
            self._frames += len(ceps)
        return self._scan()

    def _scan(self, final: bool = False) -> list[Hint]:
        hints: list[Hint] = []
        total = self._dropped + len(self._feats)
        while self._onsets and (final or self._onsets[0] + self.window <= total
                                or (len(self._onsets) > 1 and self._onsets[1] - self._onsets[0] >= self.min_side)):
            p = self._onsets.pop(0)
            pause = self._pauses.pop(p, 0.0)
            nxt = self._onsets[0] if self._onsets else total
            end = min(total, p + self.window, nxt if nxt - p >= self.min_side else total)
            start = max(self._dropped, p - self.window)
            left = np.asarray(self._feats[start - self._dropped: p - self._dropped])
            right = np.asarray(self._feats[p - self._dropped: end - self._dropped])
            if len(left) >= self.min_side and len(right) >= self.min_side:
                score = delta_bic(left, right, self.penalty, self.full) + self.pause_weight * pause
                if score > self.threshold:
                    hints.append(Hint(round(self._times[p - self._dropped], 2), round(score, 3)))
        keep = max(0, len(self._feats) - 2 * self.window)  # forget what no candidate will look at again
        if keep:
            self._feats, self._times = self._feats[keep:], self._times[keep:]
            self._dropped += keep
        return hints

    def finish(self) -> list[Hint]:
        """End of the stream: score what is left with whatever speech follows."""
        return self._scan(final=True)


def detect(audio: np.ndarray, **options) -> list[Hint]:
    """Speaker-change hints over a whole recording (the same as feeding it to a ChangeDetector)."""
    det = ChangeDetector(**options)
    return det.feed(audio) + det.finish()
