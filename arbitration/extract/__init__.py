"""Fact extraction: Documents → a filled `Case` (parties, claims, facts with provenance, evidence list).

`nlp()` is the spaCy pipeline (jieba tokens, Baidu LAC entities, rule components); the rule helpers are plain
functions usable anywhere.
"""

from .case import build_case, extract_case
from .pipeline import nlp
from .rules import (
    parse_date,
    parse_duration,
    parse_money,
    validate_credit_code,
    validate_id_number,
)

__all__ = [
    "build_case",
    "extract_case",
    "nlp",
    "parse_date",
    "parse_duration",
    "parse_money",
    "validate_credit_code",
    "validate_id_number",
]
