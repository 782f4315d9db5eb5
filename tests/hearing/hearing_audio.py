"""Shared helpers for the hearing tests: the real Mandarin clips in ../shared/data/audio and their references."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

AUDIO = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "audio"
HERE = Path(__file__).resolve().parent


def clip(name: str) -> Path:
    """Path of a shared clip by its id; skips the test when the shared data is absent."""
    path = AUDIO / f"{name}.wav"
    if not path.is_file():
        pytest.skip(f"real test audio not found: {path} (see ../shared/data/README.md)")
    return path


def references() -> dict[str, str]:
    """Clip id → reference transcript (AISHELL's word segmentation removed)."""
    refs: dict[str, str] = {}
    text = AUDIO / "fireredasr-text"
    meta = AUDIO / "mini_zh-metadata.tsv"
    if not text.is_file() or not meta.is_file():
        pytest.skip(f"reference transcripts not found under {AUDIO}")
    for line in text.read_text(encoding="utf-8").splitlines():
        key, _, ref = line.partition(" ")
        if key:
            refs[key] = "".join(ref.split())
    for line in meta.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) == 4:
            refs[cols[0]] = cols[3]
    return refs


def load(name: str) -> np.ndarray:
    """A shared clip as float32 mono at 16 kHz."""
    import soundfile as sf

    x, sr = sf.read(str(clip(name)), dtype="float32")
    assert sr == 16000 and x.ndim == 1
    return x


def concat(names: list[str], gap_s: float = 0.8) -> np.ndarray:
    """Real clips joined with silence between: a few utterances in a row, like turns in a hearing."""
    parts = []
    for n in names:
        parts += [load(n), np.zeros(int(gap_s * 16000), np.float32)]
    return np.concatenate(parts)
