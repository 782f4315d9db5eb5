"""Shared test settings: never reach a model hub, keep caches and data inside the test's tmp dirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI must give the same verdict on every run and on a slow machine: fixed example order, no per-example deadline
# (set HYPOTHESIS_PROFILE=explore to search with fresh random examples while developing)
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
hypothesis_settings.register_profile("explore", deadline=None, max_examples=500)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or skip with the reason when this checkout has none beside it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def isolated_settings(tmp_path, monkeypatch):
    """Point data_dir at a tmp dir (cache_dir stays shared, so assembled models are reused)."""
    monkeypatch.setenv("ARBITRATION_DATA_DIR", str(tmp_path / "data"))
    from arbitration import config

    config.settings.cache_clear()
    yield config.settings()
    config.settings.cache_clear()
