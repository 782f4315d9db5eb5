"""Fixtures of the outline tests."""

from __future__ import annotations

import pytest
from outline_cases import make_case

from arbitration.model import Case

# The shipped regions data carries no verified 青岛市 average wage, so the tests configure one the way an office
# does ($ARBITRATION_REGIONS); the figure is a test value, not a statistic.
OFFICE_REGIONS = """
[[average_wage]]
city = "青岛市"
year = 2023
monthly = 9000
source = "测试用本机构参数（非统计数据）"
verified = true
"""


@pytest.fixture(autouse=True)
def office_regions(tmp_path, monkeypatch):
    from arbitration.law import regions

    extra = tmp_path / "office_regions.toml"
    extra.write_text(OFFICE_REGIONS, encoding="utf-8")
    loaded = regions.load_regions(extra)
    monkeypatch.setattr(regions, "regions", lambda: loaded)
    return loaded


@pytest.fixture
def case() -> Case:
    return make_case()
