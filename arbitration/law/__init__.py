"""The labour-law layer: claim taxonomy, statutes as data, and calculators that show their work.

    from arbitration.law import taxonomy, statutes, format_citation, find_citations, calculators
    taxonomy().match("请求裁决被申请人支付违法解除劳动合同赔偿金48000元")  # ("unlawful_termination", 0.9)
    statutes().resolve(Citation(law="劳动合同法", article=47))             # Article
    format_citation(Citation(law="劳动合同法", article=47, clause=1))      # 「《中华人民共和国劳动合同法》第四十七条第一款」
    calculators.severance(hire, leave, Decimal("8000"), city="青岛市")    # CalcResult
"""

from __future__ import annotations

from arbitration.law import calculators, regions
from arbitration.law.numerals import from_chinese, to_chinese
from arbitration.law.statutes import (
    Article,
    Clause,
    Law,
    Statutes,
    find_citations,
    format_citation,
    format_citations,
    statutes,
)
from arbitration.law.taxonomy import ClaimType, Element, Taxonomy, TaxonomyError, load_taxonomy, taxonomy

try:
    from arbitration.law.verdicts import FinalityVerdict, LimitationVerdict, finality, limitation
except ImportError:  # pragma: no cover - lands right after the API
    pass

__all__ = [
    "Article",
    "ClaimType",
    "Clause",
    "Element",
    "FinalityVerdict",
    "Law",
    "LimitationVerdict",
    "Statutes",
    "Taxonomy",
    "TaxonomyError",
    "calculators",
    "finality",
    "find_citations",
    "format_citation",
    "format_citations",
    "from_chinese",
    "limitation",
    "load_taxonomy",
    "regions",
    "statutes",
    "taxonomy",
    "to_chinese",
]
