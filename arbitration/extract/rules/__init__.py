"""Deterministic rules for what rules do best: dates, money, durations, ID/credit codes, phone numbers."""

from .dates import (
    DateMention,
    DateRange,
    ParsedDate,
    Precision,
    find_dates,
    find_ranges,
    parse_date,
)
from .durations import Duration, find_durations, parse_duration
from .ids import IdCheck, find_codes, validate_credit_code, validate_id_number
from .money import MoneyMention, find_money, format_yuan, parse_money
from .phones import find_phones

__all__ = [
    "DateMention", "DateRange", "Duration", "IdCheck", "MoneyMention", "ParsedDate", "Precision",
    "find_codes", "find_dates", "find_durations", "find_money", "find_phones", "find_ranges",
    "format_yuan", "parse_date", "parse_duration", "parse_money", "validate_credit_code",
    "validate_id_number",
]  # fmt: skip
