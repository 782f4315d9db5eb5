"""劳动合同解除、终止的事由 by meaning (arbitration.law.grounds): the article a notice relies on, from the number
it writes or, without one, from the words of the statutory ground."""

from __future__ import annotations

import pytest

from arbitration.law.grounds import grounds, recognise, termination_ground


def test_objective_change_without_article_number_is_article_40_item_3():
    """Issue 15 item 5: an employer's notice 「因客观情况发生重大变化、劳动合同无法履行，公司决定解除」 writes no
    article number; it is 劳动合同法第四十条第三项 — 代通知金 and 经济补偿 follow from that ground."""
    g = recognise("因公司经营调整，客观情况发生重大变化、劳动合同无法履行，经协商未能就变更劳动合同内容达成协议，"
                  "公司决定解除与你的劳动合同。")
    assert g is not None and g.key == (40, None, 3)
    assert g.notice_pay and g.severance == "yes" and g.kind == "解除"


@pytest.mark.parametrize(("text", "key"), [
    ("依据《中华人民共和国劳动合同法》第四十条第三项的规定，解除劳动合同", (40, None, 3)),
    ("根据劳动合同法第40条第（三）项解除", (40, None, 3)),
    ("根据劳动合同法第四十条，因公司客观情况发生重大变化", (40, None, 3)),  # the article named, the 项 by its words
    ("申请人严重违反公司规章制度，依据劳动合同法第三十九条解除劳动合同", (39, None, 2)),
    ("申请人不能胜任工作，经培训后仍不能胜任工作", (40, None, 2)),
    ("劳动合同于2020年6月30日到期，公司决定不再续签", (44, None, 1)),
    ("依据劳动合同法第四十六条第五项", (44, None, 1)),
    ("双方协商一致解除劳动合同", (36, None, None)),
    ("2015年9月17日，经协商，某公司与张某签订《协议书》，约定终止双方的劳动合同关系", (36, None, None)),
    ("申请人因被申请人拖欠工资被迫解除劳动合同", (38, 1, 2)),
    ("被申请人未依法为申请人缴纳社会保险费，申请人提出解除", (38, 1, 3)),
    ("公司并未拖欠工资，申请人系因个人原因辞职", (37, None, None)),  # the denied ground is not relied on
    # the employer named as a court names it, or with 了 / 我单位 (第三十九条第二项)
    ("被告以原告严重违反被告的规章制度为由解除劳动合同", (39, None, 2)),
    ("原告严重违反了公司的规章制度，被告据此解除劳动合同", (39, None, 2)),
    ("被告辩称，原告严重违反我单位规章制度，被告据此解除劳动合同", (39, None, 2)),
])
def test_grounds_by_number_or_words(text, key):
    assert termination_ground(text) == key


@pytest.mark.parametrize("text", ["", None, "被申请人口头辞退申请人", "申请人于2020年入职",
                                  "经协商未能就变更劳动合同内容达成协议"])
def test_no_ground_stated(text):
    assert termination_ground(text) is None


def test_every_ground_cites_an_article_that_resolves():
    from arbitration.law import statutes

    data = statutes()
    for g in grounds().grounds:
        assert data.exists(g.citation), g.id
