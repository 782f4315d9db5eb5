"""Phone numbers: mobiles (1[3-9]xxxxxxxxx) and landlines with area code (0532-88889999, (0532)8888 9999)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PHONE_PATTERN = re.compile(
    r"(?<![\dA-Za-z])(?:"
    r"(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}"
    r"|[（(]?0\d{2,3}[）)]?[-\s]?\d{7,8}(?:-\d{1,4})?"
    r")(?![\dA-Za-z])"
)


@dataclass(frozen=True)
class PhoneMention:
    start: int
    end: int
    text: str
    number: str  # digits only, with area code; +86 dropped


def find_phones(text: str) -> list[PhoneMention]:
    """Every phone number in `text` (18-digit ID numbers never match: the pattern is anchored on non-digits)."""
    found = []
    for m in PHONE_PATTERN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if digits.startswith("86") and len(digits) == 13:
            digits = digits[2:]
        found.append(PhoneMention(m.start(), m.end(), m.group(), digits))
    return found
