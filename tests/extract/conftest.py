"""Extract tests: the fixture case folders (built by tests/fixtures/make_fixtures.py) read once per session.

OCR is the slow part of reading a folder, so the fixture cases are read without their photos (工资条.jpg) unless
a test asks for them; the scanned case and the whole sample case (one OCR page) are read in full.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CASES = ROOT / "tests" / "fixtures" / "cases"
SAMPLE_CASE = ROOT / "corpus" / "sample_case"
IMAGES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


@pytest.fixture(scope="session")
def fixture_cases(tmp_path_factory) -> Path:
    """tests/fixtures/cases, or a fresh build of it into a tmp dir when the checkout lacks the generated files."""
    if (FIXTURE_CASES / "case_dismissal").is_dir():
        return FIXTURE_CASES
    out = tmp_path_factory.mktemp("fixtures")
    builder = ROOT / "tests" / "fixtures" / "make_fixtures.py"
    subprocess.run([sys.executable, str(builder), "--out", str(out)], check=True)
    return out / "cases"


@pytest.fixture(scope="session")
def extracted(fixture_cases):
    """`extracted(name)` → (Case, errors) for a fixture folder read without photos, or the sample case in full
    via `extract_case`; cached for the session."""
    from arbitration.errors import IngestError
    from arbitration.extract import build_case, extract_case
    from arbitration.ingest import read_document

    cache: dict[str, tuple] = {}

    def get(name: str, files: tuple[str, ...] | None = None):
        key = name + repr(files)
        if key not in cache:
            if name == "sample_case":
                cache[key] = extract_case(SAMPLE_CASE)
            else:
                folder = fixture_cases / name
                paths = [folder / f for f in files] if files else [
                    p for p in sorted(folder.iterdir()) if p.suffix.lower() not in IMAGES
                ]
                docs, errors = [], []
                for p in paths:
                    try:
                        docs.append(read_document(p, root=folder))
                    except IngestError as e:  # e.g. a .doc where LibreOffice is not installed
                        errors.append(e)
                cache[key] = (build_case(docs, source_dir=str(folder)), errors)
        return cache[key]

    return get
