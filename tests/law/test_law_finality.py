"""终局裁决 (调解仲裁法第四十七条) with Qingdao's minimum wage from regions.toml: the per-item threshold at its
edge, 标准争议, a mixed award (解释（一）第二十条) and the 救济告知 text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arbitration.errors import MissingParameter
from arbitration.law import (
    case_finality,
    finality,
    find_citations,
    format_citation,
    notice,
    statutes,
)
from arbitration.law.finality import FINAL, NON_FINAL, notice_articles
from arbitration.law.regions import regions


def test_qingdao_threshold_2024():
    # 青岛市 第一档 2100元 (2021-10-01 起) × 12 = 25200元
    assert regions().minimum_wage("青岛市", date(2024, 5, 1)).monthly == Decimal(2100)
    r = finality("overtime", Decimal("24000"), "青岛市", date(2024, 5, 1))
    assert r.flag == FINAL and r.final and r.threshold == Decimal(25200)
    assert "25200.00元" in r.reason and "未超过" in r.reason
    assert [format_citation(c) for c in r.articles] == [
        "《中华人民共和国劳动争议调解仲裁法》第四十七条第一项",
        "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十九条",
    ]


def test_threshold_edge_is_inclusive():
    on = date(2023, 1, 1)
    assert finality("severance", Decimal("25200.00"), "青岛", on).final  # 不超过: equal is final
    assert finality("severance", Decimal("25200.01"), "青岛", on).flag == NON_FINAL


def test_threshold_follows_the_minimum_wage_in_force():
    # 2020-01-01: 1910元 → 22920元; 2018-05-31: 1810元 → 21720元
    assert finality("unpaid_wages", 22920, "青岛市", date(2020, 1, 1)).final
    assert not finality("unpaid_wages", 24000, "青岛市", date(2020, 1, 1)).final
    assert finality("unpaid_wages", 21720, "青岛市", date(2018, 5, 31)).threshold == Decimal(21720)
    assert not finality("unpaid_wages", 21800, "青岛市", date(2018, 5, 31)).final


def test_non_final_types_and_standard_disputes():
    r = finality("labor_relation", None, "青岛市", date(2024, 5, 1))
    assert r.flag == NON_FINAL and "非终局" in r.reason
    assert not finality("injury_disability", 1000, "青岛市", date(2024, 5, 1)).final  # not 第一项's kinds
    s = finality("social_insurance", None, "青岛市", date(2024, 5, 1), standard_dispute=True)
    assert s.final and s.articles[0].item == 2 and "休息休假" in s.reason


def test_missing_minimum_wage_names_city_and_file():
    with pytest.raises(MissingParameter, match=r"济南市.*regions\.toml"):
        finality("overtime", 1000, "济南市", date(2024, 5, 1))
    with pytest.raises(MissingParameter, match="青岛市在2016-01-01"):
        finality("overtime", 1000, "青岛市", date(2016, 1, 1))


def test_old_figure_carries_a_check_note():
    r = finality("overtime", 1000, "青岛市", date(2026, 11, 1))
    assert any("已逾两年" in n for n in r.notes)
    assert "【未经核对】" in r.reason  # the shipped figures are not checked against the official text


def test_mixed_award_is_split():
    c = case_finality([("overtime", Decimal("24000")), ("severance", Decimal("80000"))], "青岛市", date(2024, 5, 1))
    assert c.mixed and not c.final and c.verdict == "部分事项终局"
    assert [i.claim_type for i in c.final_items] == ["overtime"]
    assert [i.claim_type for i in c.non_final_items] == ["severance"]
    assert "单独制作" in c.reason
    assert "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第二十条" in [format_citation(a) for a in c.articles]
    all_final = case_finality([("overtime", 3000), ("annual_leave", 2000)], "青岛市", date(2024, 5, 1))
    assert all_final.final and all_final.verdict == "终局裁决"


def test_notice_texts():
    final = notice(True)
    assert "十五日内向人民法院提起诉讼" in final and "三十日内" in final and "中级人民法院申请撤销" in final
    assert "劳动者" in final and "用人单位" in final
    found = find_citations(final)
    assert found and all(statutes().exists(c) for c in found)
    assert found[0].article == 49
    non_final = notice(False)
    assert "十五日内向人民法院提起诉讼" in non_final and "期满不起诉的" in non_final and "三十日" not in non_final
    assert [c.article for c in notice_articles(False)] == [50]
    assert [c.article for c in notice_articles(True)] == [47, 48, 49]



@settings(max_examples=150, deadline=None)
@given(amount=st.decimals(min_value=0, max_value=200000, places=2),
       on=st.dates(min_value=date(2017, 6, 1), max_value=date(2025, 12, 31)))
def test_final_exactly_up_to_twelve_months_of_minimum_wage(amount, on):
    r = finality("unpaid_wages", amount, "青岛市", on)
    assert r.threshold == regions().minimum_wage("青岛市", on).monthly * 12
    assert r.final == (amount <= r.threshold)


def test_no_region_uses_the_configured_city():
    from arbitration.config import settings

    r = finality("overtime", 1000, None, date(2024, 5, 1))
    assert settings().region in r.reason and r.final
    with pytest.raises(MissingParameter, match="未给出城市"):
        regions().minimum_wage("", date(2024, 5, 1))
