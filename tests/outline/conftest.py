"""Fixtures of the outline tests."""

from __future__ import annotations

import pytest
from outline_cases import make_case

from arbitration.model import Case


@pytest.fixture
def case() -> Case:
    return make_case()
