"""Chinese identity numbers (GB 11643, ISO 7064 MOD 11-2) and unified social credit codes (GB 32100-2015).

A number whose check digit fails is reported with valid=False: the caller keeps it as written but must not
trust it (or the birth date and gender read from it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2^(17-i) mod 11
ID_CHECK = "10X98765432"  # check character for sum mod 11 = 0..10

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3^i mod 31

ID_PATTERN = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
CREDIT_PATTERN = re.compile(rf"(?<![0-9A-Za-z])([0-9A-HJ-NPQRTUWXY]{{2}}\d{{6}}[{CREDIT_ALPHABET}]{{10}})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class IdCheck:
    """Result of checking a 公民身份号码: valid only if format, birth date and check digit all hold."""

    number: str
    valid: bool
    birth_date: date | None = None  # only when valid
    gender: str | None = None  # 男 / 女, only when valid
    reason: str | None = None  # why it is invalid


def id_check_digit(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def validate_id_number(number: str) -> IdCheck:
    """Check an 18-digit ID number: format, the birth date in digits 7–14, the check digit."""
    n = number.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", n):
        return IdCheck(n, False, reason="不是18位公民身份号码")
    try:
        born = date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return IdCheck(n, False, reason="出生日期不存在")
    if not 1900 <= born.year <= date.today().year:
        return IdCheck(n, False, reason="出生年份不合理")
    if id_check_digit(n[:17]) != n[17]:
        return IdCheck(n, False, reason="校验码错误")
    return IdCheck(n, True, born, "男" if int(n[16]) % 2 else "女")


def credit_check_char(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters."""
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(code: str) -> bool:
    """True when `code` is an 18-character unified social credit code whose check character holds."""
    c = code.strip().upper()
    if not CREDIT_PATTERN.fullmatch(c):
        return False
    return credit_check_char(c[:17]) == c[17]


@dataclass(frozen=True)
class CodeMention:
    start: int
    end: int
    text: str
    kind: str  # "id_number" | "credit_code"
    valid: bool


_CREDIT_LABEL = re.compile(r"(?:社会信用代码|信用代码|注册号)[:：]?\s*$")


def find_codes(text: str) -> list[CodeMention]:
    """ID numbers and credit codes in `text`. An 18-character code right after 「统一社会信用代码」, or one with
    letters that is not a valid ID number, is a credit code; other 18-digit numbers are ID numbers."""
    found: list[CodeMention] = []
    for m in CREDIT_PATTERN.finditer(text.upper()):
        labelled = _CREDIT_LABEL.search(text[max(0, m.start(1) - 14) : m.start(1)])
        s = text[m.start(1) : m.end(1)]
        if labelled or (not s.isdigit() and not validate_id_number(s).valid and not s[:17].isdigit()):
            found.append(CodeMention(m.start(1), m.end(1), s, "credit_code", validate_credit_code(s)))
    taken = {(c.start, c.end) for c in found}
    for m in ID_PATTERN.finditer(text):
        if (m.start(1), m.end(1)) in taken:
            continue
        found.append(CodeMention(m.start(1), m.end(1), m.group(1), "id_number", validate_id_number(m.group(1)).valid))
    return sorted(found, key=lambda c: c.start)
