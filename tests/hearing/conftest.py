"""Hearing test fixtures: one real Whisper base shared by the slow tests; a settings object on a temp data dir."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def asr():
    """The default engine (faster-whisper, bundled Whisper base, int8), loaded once per test session."""
    from arbitration.hearing.asr import get_asr

    return get_asr("faster-whisper")


@pytest.fixture
def cfg(tmp_path):
    from arbitration.config import load_settings

    return load_settings(data_dir=tmp_path / "data")
