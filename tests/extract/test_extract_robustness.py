"""build_case never raises on odd input: empty documents, text with no structure, random fragments of case text."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arbitration.extract import build_case, parse_date, parse_money
from arbitration.model import Case, DocType, Document, Method, Page

FRAGMENTS = [
    "申请人：", "被申请人：", "答辩人：", "法定代表人：", "委托代理人：", "仲裁请求：", "事实与理由：", "答辩意见：", "此致",
    "1、", "二、", "（3）", "2021年3月1日", "2021.3", "二〇二一年三月", "至今", "入职", "离职", "解除劳动合同", "辞退",
    "月工资", "8000元", "捌仟元整", "1.2万元", "¥8,000.00", "经济补偿", "加班费", "二倍工资", "未签订劳动合同", "，", "。",
    "\n", "\t", "公司", "张某", "370203198807161826", "91370203MA1B2C3D0L", "13912345678", "以", "为由", "不存在",
]  # fmt: skip


def _doc(text: str, doc_type: DocType) -> Document:
    pages = [Page(number=i + 1, text=part, method=Method.OCR, confidence=0.5) for i, part in enumerate(text.split("\f"))]
    return Document(file="x.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), doc_type=doc_type, pages=pages)


def test_empty_documents():
    case = build_case([Document(file="空.pdf", sha256="0" * 64), _doc("", DocType.APPLICATION)])
    assert case.parties == [] and case.claims == [] and "未找到仲裁请求" in case.warnings
    assert Case.model_validate_json(case.model_dump_json()) == case


@pytest.mark.slow  # a case with no party header falls back to Baidu LAC
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from([*FRAGMENTS, "\f"]), max_size=60).map("".join),
    st.sampled_from([DocType.APPLICATION, DocType.DEFENCE, DocType.CONTRACT, DocType.WAGE_RECORD, DocType.OTHER]),
)
def test_random_case_text_never_raises(text, doc_type):
    case = build_case([_doc(text, doc_type)])
    for _, fact in case.facts.items():
        for v in fact.values:
            assert v.source.page is not None and 0 <= v.source.start <= v.source.end
            assert 0 < v.source.confidence <= 1
    Case.model_validate_json(case.model_dump_json())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789年月日.-/〇一二三四五六七八九十元万仟佰拾整¥,", max_size=20))
def test_rule_parsers_return_or_refuse(text):
    parse_date(text)  # either a value or None, never an exception
    parse_money(text)
