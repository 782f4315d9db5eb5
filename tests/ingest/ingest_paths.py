"""Paths of the generated fixture case folders (tests/fixtures/make_fixtures.py builds them)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "cases"
DISMISSAL = FIXTURES / "case_dismissal"
FORCED = FIXTURES / "case_forced_resignation"
SCANNED = FIXTURES / "case_scanned"
BROKEN = FIXTURES / "broken"
SAMPLE = ROOT / "corpus" / "sample_case"
