"""The labour-law layer: claim taxonomy, statutes as data, and calculators that show their work.

    from arbitration.law import taxonomy, statutes, format_citation, find_citations, calculators
    taxonomy().match("请求裁决被申请人支付违法解除劳动合同赔偿金48000元")  # ("unlawful_termination", 0.9)
    statutes().resolve(Citation(law="劳动合同法", article=47))             # Article
    format_citation(Citation(law="劳动合同法", article=47, clause=1))      # 「《中华人民共和国劳动合同法》第四十七条第一款」
    calculators.severance(hire, leave, Decimal("8000"), city="青岛市")    # CalcResult
    limitation("overtime", date(2019, 2, 28), date(2019, 12, 1))          # LimitationResult (调解仲裁法第27条)
    finality("overtime", Decimal("24000"), "青岛市", date(2024, 5, 1))    # FinalityResult (第47条)
"""

from __future__ import annotations

from arbitration.law import calculators, regions
from arbitration.law.finality import (
    CaseFinality,
    FinalityResult,
    case_finality,
    finality,
    notice,
)
from arbitration.law.limitation import LimitationResult, limitation
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
from arbitration.law.taxonomy import (
    ClaimType,
    Element,
    Taxonomy,
    TaxonomyError,
    load_taxonomy,
    taxonomy,
)

__all__ = [
    "Article",
    "ClaimType",
    "Clause",
    "Element",
    "CaseFinality",
    "FinalityResult",
    "Law",
    "LimitationResult",
    "Statutes",
    "Taxonomy",
    "TaxonomyError",
    "calculators",
    "case_finality",
    "finality",
    "find_citations",
    "format_citation",
    "format_citations",
    "from_chinese",
    "limitation",
    "load_taxonomy",
    "notice",
    "regions",
    "statutes",
    "taxonomy",
    "to_chinese",
]
