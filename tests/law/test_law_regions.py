"""Regional figures: Qingdao's minimum wage by date, sources and the 未经核对 mark, a missing figure naming the
city, year and file, and an office's own file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbitration.errors import ArbitrationError, MissingParameter
from arbitration.law.regions import UNVERIFIED, load_regions, regions


@pytest.mark.parametrize(
    ("on", "monthly"),
    [
        (date(2017, 6, 1), 1810),
        (date(2018, 5, 31), 1810),
        (date(2018, 6, 1), 1910),
        (date(2021, 9, 30), 1910),
        (date(2021, 10, 1), 2100),
        (date(2024, 2, 29), 2100),
    ],
)
def test_qingdao_minimum_wage_by_date(on, monthly):
    fig = regions().minimum_wage("青岛市", on)
    assert fig.monthly == Decimal(monthly)
    assert fig.effective <= on and fig.province == "山东省"


def test_before_first_figure_is_missing():
    with pytest.raises(MissingParameter, match=r"青岛市.*2017年.*regions\.toml"):
        regions().minimum_wage("青岛市", date(2017, 5, 31))


def test_place_names_normalise_to_city():
    r = regions()
    for name in ("青岛", "青岛市", "山东省青岛市", "青岛市黄岛区"):
        assert r.city(name) == "青岛市"
    assert [f.monthly for f in r.history("青岛")] == [Decimal(1810), Decimal(1910), Decimal(2100)]


def test_every_figure_has_a_source_and_unchecked_ones_say_so():
    for f in regions().figures:
        assert f.source
        assert (UNVERIFIED in f.source) == (not f.verified)


def test_average_wage_lookup_and_missing():
    r = regions()
    assert r.average_wage("北京市", 2022).monthly == Decimal(11297)
    with pytest.raises(MissingParameter) as e:
        r.average_wage("青岛市", 2022)
    assert e.value.what == "缺少青岛市2022年度职工月平均工资"  # what a legal document may call 待查明
    assert "arbitration law region set 青岛市 --year 2022 --average-wage" in e.value.hint  # how a clerk enters it


def test_office_file_adds_and_overrides(tmp_path):
    extra = tmp_path / "office.toml"
    extra.write_text(
        """
[[average_wage]]
city = "青岛市"
year = 2022
monthly = 9000
source = "本委核对的青岛市统计公报（测试用）"
verified = true

[[minimum_wage]]
city = "青岛市"
monthly = 2111
effective = 2021-10-01
source = "本委核对的文件（测试用）"
verified = true
""",
        encoding="utf-8",
    )
    r = load_regions(extra)
    avg = r.average_wage("青岛", 2022)
    assert avg.monthly == Decimal(9000) and avg.verified and UNVERIFIED not in avg.source
    assert r.minimum_wage("青岛市", date(2022, 1, 1)).monthly == Decimal(2111)  # the later file wins a tie
    with pytest.raises(MissingParameter, match="office.toml"):
        r.average_wage("青岛市", 2023)


def test_bad_rows_are_named(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[minimum_wage]]\ncity = "青岛市"\nmonthly = 2100\neffective = 2021-10-01\n', encoding="utf-8")
    with pytest.raises(ArbitrationError, match=r"bad\.toml.*source"):
        load_regions(bad)
    bad.write_text('[[minimum_wage]]\ncity = "青岛市"\nmonthly = -1\neffective = 2021-10-01\nsource = "x"\n', encoding="utf-8")
    with pytest.raises(ArbitrationError, match="大于零"):
        load_regions(bad)
