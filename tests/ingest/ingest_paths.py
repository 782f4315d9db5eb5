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


def fixture_builder(font: bool = False):
    """tests/fixtures/make_fixtures.py as a module, to write fresh fixture files into a tmp dir. With `font` (a
    test that draws Chinese text into a PDF or an image), the test is skipped, naming the package, when the
    fixtures' TrueType CJK font is not installed."""
    import importlib.util
    import sys

    if font:
        import pytest

        from arbitration import system

        if system.font("cjk-truetype") is None:
            pytest.skip(system.missing("font", "cjk-truetype"))

    if "make_fixtures" not in sys.modules:
        spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tests" / "fixtures" / "make_fixtures.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_fixtures"] = module
        spec.loader.exec_module(module)
    return sys.modules["make_fixtures"]
