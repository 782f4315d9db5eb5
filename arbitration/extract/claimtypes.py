"""Claim sentence → claim-type id, through the law layer's taxonomy (`arbitration.law.taxonomy().match`).

Until the law layer's taxonomy is installed, a minimal keyword table stands in for it (`_FALLBACK`);
it is used only when `arbitration.law` cannot be imported, and says so once in the log.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Protocol

from arbitration.errors import ArbitrationError

log = logging.getLogger(__name__)

OTHER = "other"


class ClaimMatcher(Protocol):
    def match(self, text: str) -> tuple[str, float]: ...


# Ordered most specific first: 违法解除赔偿金 before 经济补偿, 二倍工资 before 拖欠工资.
_FALLBACK: list[tuple[str, str]] = [
    ("additional_compensation", r"加付赔偿金"),
    ("double_wage", r"二倍工资|双倍工资|2倍工资|未签.{0,8}劳动合同.{0,10}(?:工资|差额)"),
    ("unlawful_termination", r"违法解除|违法终止|赔偿金"),
    ("notice_pay", r"代通知金|额外(?:支付)?一个月工资"),
    ("severance", r"经济补偿"),
    ("overtime", r"加班"),
    ("annual_leave", r"年休假|年假"),
    ("minimum_wage", r"最低工资"),
    ("injury_disability", r"伤残补助金"),
    ("injury_medical", r"工伤医疗补助金"),
    ("injury_employment", r"伤残就业补助金"),
    ("injury_leave_wage", r"停工留薪"),
    ("non_compete", r"竞业限制"),
    ("penalty", r"违约金|培训费|服务期"),
    ("social_insurance", r"社会保险|社保|养老保险|医疗保险|失业保险|公积金"),
    ("return_deposit", r"押金|退还.{0,6}(?:证件|证书|身份证)"),
    ("labor_relation", r"确认.{0,20}劳动关系|存在劳动关系"),
    ("unpaid_wages", r"工资|劳动报酬|薪资|提成|绩效|奖金"),
]


class _FallbackMatcher:
    """Keyword table used only while the law layer's taxonomy is unavailable."""

    def match(self, text: str) -> tuple[str, float]:
        for type_id, pattern in _FALLBACK:
            if re.search(pattern, text):
                return type_id, 0.6
        return OTHER, 0.0


@lru_cache(maxsize=1)
def matcher() -> ClaimMatcher:
    """The law layer's taxonomy when installed, else the fallback table (logged once)."""
    try:
        from arbitration.law import taxonomy
    except ImportError as e:
        log.warning("arbitration.law 不可用（%s），请求类型使用内置关键词表", e)
        return _FallbackMatcher()
    if not callable(taxonomy):  # the package's __init__ not yet there: the submodule holds the function
        taxonomy = taxonomy.taxonomy
    try:
        return taxonomy()
    except ArbitrationError as e:
        log.warning("请求类型数据无法加载（%s），使用内置关键词表", e)
        return _FallbackMatcher()


def match_claim_type(text: str) -> tuple[str, float]:
    """(claim-type id, confidence) for a claim sentence; ("other", 0.0) when nothing matches."""
    return matcher().match(text)
