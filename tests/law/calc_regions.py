"""A fixed set of regional figures for calculator tests (a fictional 「测试市」), so the expected amounts computed by
hand below do not move when the shipped corpus/law/regions.toml is updated."""

from __future__ import annotations

from pathlib import Path

import pytest

REGIONS_TOML = """
[[minimum_wage]]
city = "测试市"
monthly = 2000
effective = 2020-01-01
source = "测试数据（2020年1月1日起月最低工资2000元）"

[[minimum_wage]]
city = "测试市"
monthly = 2200
effective = 2023-07-01
source = "测试数据（2023年7月1日起月最低工资2200元）"

[[average_wage]]
city = "测试市"
year = 2022
monthly = 8000
source = "测试数据（2022年度职工月平均工资8000元）"

[[average_wage]]
city = "测试市"
year = 2023
monthly = 9000
source = "测试数据（2023年度职工月平均工资9000元）"
"""


@pytest.fixture
def fixed_city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Regions = shipped data + the 测试市 figures above; returns the city name."""
    from arbitration.law import regions

    extra = tmp_path / "regions.toml"
    extra.write_text(REGIONS_TOML, encoding="utf-8")
    loaded = regions.load_regions(extra)
    monkeypatch.setattr(regions, "regions", lambda: loaded)
    return "测试市"
