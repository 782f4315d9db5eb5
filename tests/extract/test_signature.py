"""The closing of an application or a defence (此致, the signer, the date) is not quoted as the party's argument
(issue 15 item 11)."""

from __future__ import annotations

import hashlib

import pytest

from arbitration.extract import build_case
from arbitration.extract.signature import without_signature
from arbitration.model import Document, Method, Page

APPLICATION = """劳动人事争议仲裁申请书
申请人：赵某某，男，1990年1月1日出生，汉族，住青岛市市南区某路1号。
被申请人：青岛某某商贸有限公司，住所地青岛市崂山区某路2号。
仲裁请求：
1.裁决被申请人支付代通知金6000元；
事实和理由：
申请人于2019年3月1日入职被申请人处，月工资6000元。2024年3月31日，被申请人解除劳动合同，未提前三十日通知。
申请人：赵某某
二〇二四年四月十五日
"""
DEFENCE = """答辩书
答辩人：青岛某某商贸有限公司，住所地青岛市崂山区某路2号。
被答辩人：赵某某
答辩人就被答辩人申请仲裁一案，答辩如下：
一、答辩人解除劳动合同合法。
综上，请求驳回被答辩人的全部仲裁请求。
此致 青岛市劳动人事争议仲裁委员会
答辩人：青岛某某商贸有限公司（盖章）
法定代表人：钱某
日期：2024年4月25日
"""


def _doc(name: str, text: str) -> Document:
    return Document(file=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    pages=[Page(number=1, text=text, method=Method.TXT)])


def test_statements_stop_where_the_signature_block_begins():
    """Application signed 「申请人：赵某某 / 二〇二四年四月十五日」 and a defence closing 「此致 …仲裁委员会 / 答辩人：…（盖章）
    / 法定代表人 / 日期」: 事实和理由 and 被申请人辩称 end with the argument's last sentence."""
    case = build_case([_doc("仲裁申请书.txt", APPLICATION), _doc("答辩书.txt", DEFENCE)])
    assert case.applicant_statement.endswith("未提前三十日通知。")
    assert case.respondent_statement.endswith("请求驳回被答辩人的全部仲裁请求。")
    for text in (case.applicant_statement, case.respondent_statement):
        assert "此致" not in text and "赵某某" not in text and "2024年4月25日" not in text and "盖章" not in text


@pytest.mark.parametrize(("text", "kept"), [
    ("特向贵委申请仲裁。\n此致\n青岛市劳动人事争议仲裁委员会\n申请人：赵某某\n2024年4月15日", "特向贵委申请仲裁。"),
    ("特向贵委申请仲裁。此致", "特向贵委申请仲裁。"),
    ("申请人认为被申请人违法解除", "申请人认为被申请人违法解除"),  # an argument, not a signer
    ("申请人于2024年3月31日离职。\n申请人：赵某某（签名）", "申请人于2024年3月31日离职。"),
])
def test_without_signature(text, kept):
    assert without_signature(text) == kept
