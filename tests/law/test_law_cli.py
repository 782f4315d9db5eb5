"""`arbitration law …` through typer's CliRunner: types table, article text, calculators by name with generic
options, citation check, 时效 and 终局 verdicts, and readable errors (exit code 2)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from arbitration.cli import app
from arbitration.cli.law import parse_date, parse_options
from arbitration.law import calculators, taxonomy

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["law", *args])


def test_types_table_and_json():
    r = run("types")
    assert r.exit_code == 0, r.output
    assert "请求类型" in r.output and "severance" in r.output
    r = run("types", "--json")
    rows = json.loads(r.stdout)
    assert [row["id"] for row in rows] == taxonomy().ids()
    sev = next(row for row in rows if row["id"] == "severance")
    assert sev["calculator"] == "severance" and "《中华人民共和国劳动合同法》第四十七条" in sev["articles"]


def test_type_detail():
    r = run("type", "double_wage")
    assert r.exit_code == 0
    assert "未签书面劳动合同二倍工资" in r.output and "要件" in r.output and "第八十二条" in r.output
    assert run("type", "no_such").exit_code == 2


def test_article_text():
    r = run("article", "劳动合同法", "47")
    assert r.exit_code == 0, r.output
    assert "《中华人民共和国劳动合同法》第四十七条" in r.output
    assert "每满一年支付一个月工资" in r.output and "第四章 劳动合同的解除和终止" in r.output
    r = run("article", "调解仲裁法", "第二十七条", "--clause", "4")
    assert "劳动关系存续期间因拖欠劳动报酬" in r.output and "仲裁时效期间为一年" not in r.output
    r = run("article", "劳动合同法", "120")
    assert r.exit_code == 2 and "没有第一百二十条" in r.output


def test_calc_severance_prints_formula_steps_articles():
    r = run("calc", "severance", "--hire", "2019-03-01", "--leave", "2023-06-30", "--wage", "8000",
            "--average-wage", "9000")
    assert r.exit_code == 0, r.output
    # 2019-03-01..2023-06-30 = 4 years 4 months → 4.5 months' wage; 8000 × 4.5 = 36000 (below 3 × 9000)
    assert "36000.00元" in r.output
    assert "公式" in r.output and "计算步骤" in r.output
    assert "《中华人民共和国劳动合同法》第四十六条、第四十七条第一款" in r.output


def test_calc_json_matches_the_library():
    r = run("calc", "overtime", "--wage", "8000", "--weekday-hours", "20", "--json")
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    expected = calculators.get("overtime")(Decimal(8000), weekday_hours=Decimal(20))
    assert Decimal(got["amount"]) == expected.amount
    # by hand: 8000 / 21.75 / 8 × 20 × 1.5 = 1379.31
    assert Decimal(got["amount"]) == Decimal("1379.31")


def test_calc_missing_regional_figure_names_city_year_file():
    r = run("calc", "severance", "--hire", "2019-03-01", "--leave", "2023-06-30", "--wage", "8000", "--city", "青岛市")
    assert r.exit_code == 2
    assert "青岛市2022年度职工月平均工资" in r.output and "arbitration law region set" in r.output


def test_calc_errors():
    r = run("calc", "nosuch")
    assert r.exit_code == 2 and "severance" in r.output
    r = run("calc", "severance", "--hire", "2019-03-01")
    assert r.exit_code == 2 and "--leave" in r.output and "--monthly-wage" in r.output
    r = run("calc", "severance", "--hire", "2019-03-01", "--leave", "2023-06-30", "--wage", "8000", "--bogus", "1")
    assert r.exit_code == 2 and "--bogus" in r.output
    r = run("calc", "severance", "--hire", "2019-13-01", "--leave", "2023-06-30", "--wage", "8000")
    assert r.exit_code == 2 and "--hire" in r.output


def test_calculators_listing():
    r = run("calculators")
    assert r.exit_code == 0
    for name in calculators.CALCULATORS:
        assert name in r.output


def test_find_and_match():
    r = run("find", "依据《中华人民共和国劳动合同法》第四十七条第一款、同法第九十九条")
    assert r.exit_code == 1  # one reference does not resolve
    assert "✓" in r.output and "✗" in r.output and "劳动合同法第99条" in r.output
    r = run("match", "请求裁决被申请人支付拖欠的工资及经济补偿金")
    assert r.exit_code == 0 and "unpaid_wages" in r.output and "severance" in r.output


def test_limitation_and_finality_commands():
    r = run("limitation", "overtime", "--leave", "2019-02-28", "--applied", "2019-12-16")
    assert r.exit_code == 0 and "未超过仲裁时效" in r.output and "第二十七条第一款、第四款" in r.output
    r = run("limitation", "severance", "--leave", "2022-03-15", "--applied", "2023-03-16")
    assert "超过仲裁时效1日" in r.output
    r = run("finality", "overtime", "24000", "--city", "青岛市", "--on", "2024-05-01")
    assert r.exit_code == 0 and "终局裁决事项" in r.output and "三十日内" in r.output
    r = run("finality", "severance", "30000", "--city", "青岛市", "--on", "2024-05-01")
    assert "非终局裁决事项" in r.output and "期满不起诉的" in r.output


def test_option_parsing_by_signature():
    fn = calculators.get("severance")
    kw = parse_options(["--hire", "2019年3月1日", "--leave=2023/6/30", "--wage", "8,000元", "--city", "青岛"], fn)
    assert kw == {"hire": date(2019, 3, 1), "leave": date(2023, 6, 30), "monthly_wage": Decimal(8000), "city": "青岛"}
    assert parse_date("2024.2.29") == date(2024, 2, 29)
    with pytest.raises(ValueError):
        parse_date("2024-02")


def _sample(grade: int, start: date, wage: Decimal | int | str, *, extended: bool = False,
            table: Mapping[int, Decimal | int | str] | None = None, unit: str = "day") -> None:
    """A signature shaped like the calculators' (postponed annotations, keyword-only options)."""


def test_option_types_from_annotations():
    kw = parse_options(["--grade", "7", "--start", "2024-01-01", "--wage", "6000", "--extended", "--table", "5=6,6=5"],
                       _sample)
    assert kw == {"grade": 7, "start": date(2024, 1, 1), "wage": Decimal(6000), "extended": True,
                  "table": {5: Decimal(6), 6: Decimal(5)}}
    assert parse_options(["--grade", "1", "--start", "2024-01-01", "--wage", "1", "--extended", "否"],
                         _sample)["extended"] is False
    with pytest.raises(ValueError, match="--grade"):
        parse_options(["--start", "2024-01-01", "--wage", "1"], _sample)


@pytest.fixture
def office_dir(isolated_settings):
    """The office's data dir in a tmp folder; the figures it enters are forgotten after the test."""
    from arbitration.law import regions

    regions.regions.cache_clear()
    yield isolated_settings.data_dir
    regions.regions.cache_clear()


def test_region_set_is_used_by_the_calculators(office_dir):
    """Issue 15 item 8: 青岛市 ships no average wage, so 经济补偿 waits; the office enters its 2023 figure once
    (arbitration law region set 青岛市 --year 2023 --average-wage 9000 --source …) and the calculator uses it:
    hire 2019-03-01, leave 2024-06-30 = 5 years 4 months → 5.5 months; wage 30000 above 3 × 9000 = 27000 →
    27000 × 5.5 = 148500 (劳动合同法第四十七条第二款)."""
    calc = ("calc", "severance", "--hire", "2019-03-01", "--leave", "2024-06-30", "--wage", "30000", "--city", "青岛市")
    assert run(*calc).exit_code == 2
    r = run("region", "set", "青岛", "--year", "2023", "--average-wage", "9000", "--source", "青岛市统计局统计公报（测试）")
    assert r.exit_code == 0, r.output
    assert "青岛市2023年度职工月平均工资9000元" in r.output and str(office_dir) in r.output
    assert (office_dir / "regions.toml").is_file()
    r = run(*calc, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["amount"] == "148500.00"
    r = run("region", "list", "青岛市")
    assert "9000" in r.output and "青岛市统计局统计公报（测试）" in r.output


def test_region_set_refuses_a_figure_without_source_or_year(office_dir):
    assert run("region", "set", "青岛市", "--year", "2023", "--average-wage", "9000", "--source", " ").exit_code == 2
    assert run("region", "set", "青岛市", "--average-wage", "9000", "--source", "x").exit_code == 2
    assert run("region", "set", "青岛市", "--minimum-wage", "2200", "--source", "x").exit_code == 2
    assert not (office_dir / "regions.toml").exists()
