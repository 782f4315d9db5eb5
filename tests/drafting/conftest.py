"""Drafting test fixtures: the hand-built cases (tests/drafting/drafting_cases.py) and the sample case, read once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def case():
    from drafting_cases import specified_case

    return specified_case()


@pytest.fixture(scope="session")
def sample_case():
    """corpus/sample_case read by the real ingest + extract stages (about 10–20 s, once per session)."""
    from arbitration.extract import extract_case

    folder = ROOT / "corpus" / "sample_case"
    if not folder.is_dir():
        pytest.skip(f"sample case not found at {folder}")
    case, _errors = extract_case(folder)
    return case
