"""Findings test fixtures: small hand-built cases (tests/findings/findings_cases.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
