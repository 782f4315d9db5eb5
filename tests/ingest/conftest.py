"""The OCR engine, loaded once for the ingest tests (fixture paths live in ingest_paths.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def ocr():
    from arbitration.ingest import get_ocr

    return get_ocr("rapidocr")
