"""仲裁请求 → claims: numbered items, claim types from the law taxonomy, amounts and periods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbitration.extract.claims import claims_from_section, split_items
from arbitration.extract.claimtypes import match_claim_type
from arbitration.law import taxonomy


def test_claims_of_the_dismissal_case(extracted):
    case, _ = extracted("case_dismissal")
    got = [(c.index, c.type, c.amount) for c in case.claims]
    assert got == [
        (1, "unlawful_termination", Decimal("48000")),
        (2, "double_wage", Decimal("88000")),
        (3, "overtime", Decimal("12000")),
        (4, "annual_leave", Decimal("3678.16")),
    ]
    double = case.claims[1]
    assert (double.period_start, double.period_end) == (date(2021, 4, 1), date(2022, 2, 28))
    assert case.claims[2].period_end == date(2024, 2, 29)  # 「至2024年2月」 runs to the month's last day
    for c in case.claims:
        assert c.text.startswith("裁决被申请人支付") and "一、" not in c.text  # the wording, without its number
        assert c.source.file == "仲裁申请书.docx" and c.source.quote == c.text
        assert c.source.start is not None and c.source.end - c.source.start == len(c.text)


def test_claim_without_amount_and_claim_types_agree_with_the_taxonomy(extracted):
    case, _ = extracted("case_forced_resignation")
    assert [c.type for c in case.claims] == ["unpaid_wages", "severance", "social_insurance"]
    assert case.claims[2].amount is None  # 补缴社会保险 states no sum
    tax = taxonomy()
    for c in case.claims:
        assert tax.match(c.text)[0] == c.type  # one taxonomy, used as the law layer defines it
        assert tax.get(c.type) is not None


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("请求确认申请人与被申请人自2020年1月1日起存在劳动关系", "labor_relation"),
        ("裁决被申请人支付未签订书面劳动合同二倍工资差额36000元", "double_wage"),
        ("裁决被申请人支付解除劳动合同经济补偿金2.4万元", "severance"),
        ("裁决被申请人支付代通知金6000元", "notice_pay"),
        ("裁决被申请人支付竞业限制经济补偿9000元", "non_compete"),
        ("裁决被申请人退还押金500元", "return_deposit"),
    ],
)
def test_claim_types_from_real_wordings(text, type_id):
    assert match_claim_type(text)[0] == type_id


def test_item_numbering_forms_and_totals():
    section = (
        "\n(1) 裁决被申请人支付2023年1月至2023年6月工资共计人民币叁万元整；\n"
        "(2) 裁决被申请人按月工资5000元的标准支付经济补偿15000元；\n"
        "(3) 本案仲裁费由被申请人承担。\n"
    )
    claims = claims_from_section(section)
    assert [(c.index, c.type, c.amount) for c in claims] == [
        (1, "unpaid_wages", Decimal("30000")),
        (2, "severance", Decimal("15000")),  # the rate 5000 is not the sum claimed
    ]
    assert (claims[0].period_start, claims[0].period_end) == (date(2023, 1, 1), date(2023, 6, 30))


def test_stray_number_inside_a_sentence_does_not_split_an_item():
    text = "1、裁决被申请人支付加班费3、5月份共计4000元；2、裁决被申请人支付工资2000元。"
    assert [n for n, _, _ in split_items(text)] == [1, 2]


def test_one_item_asking_for_two_sums_gives_two_linked_claims():
    claims = claims_from_section("1、请求裁决被申请人支付解除劳动合同经济补偿45000元及额外经济补偿金22500元。")
    assert [(c.index, c.part, c.type, c.amount) for c in claims] == [
        (1, 1, "severance", Decimal("45000")),
        (1, 2, "severance", Decimal("22500")),
    ]
