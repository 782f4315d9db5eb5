"""Hearing tests: one real Whisper base shared by the slow tests; real clips from ../shared/data/audio."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

AUDIO = SHARED_DATA / "audio"


def clip(name: str) -> Path:
    path = AUDIO / f"{name}.wav"
    if not path.is_file():
        pytest.skip(f"real test audio not found: {path}")
    return path


@pytest.fixture(scope="session")
def asr():
    from arbitration.hearing.asr import get_asr

    return get_asr("faster-whisper")


@pytest.fixture
def cfg(tmp_path):
    from arbitration.config import load_settings

    return load_settings(data_dir=tmp_path / "data")


def concat_clips(names: list[str], gap_s: float = 0.8) -> np.ndarray:
    """Real clips joined with silence between: a few utterances in a row, like turns in a hearing."""
    import soundfile as sf

    parts = []
    for n in names:
        x, sr = sf.read(str(clip(n)), dtype="float32")
        assert sr == 16000
        parts += [x, np.zeros(int(gap_s * sr), np.float32)]
    return np.concatenate(parts)
