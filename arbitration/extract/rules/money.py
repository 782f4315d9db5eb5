"""Amounts of money: 8000元, 8,000.00元, 1.2万元, ￥8000, 人民币捌仟元整, 壹万贰仟叁佰肆拾伍元陆角柒分 → Decimal yuan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .numerals import CN_NUMERAL_CHARS, DIGITS, cn_number, normalise_digits

FEN = Decimal("0.01")


@dataclass(frozen=True)
class MoneyMention:
    """An amount found in a text with its character span."""

    start: int
    end: int
    text: str
    amount: Decimal


_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{CN_NUMERAL_CHARS}])[\d.{CN_NUMERAL_CHARS}]*"
_CN_D = "".join(DIGITS)
MONEY_PATTERN = re.compile(
    rf"(?P<prefix>人民币|RMB|[￥¥])?\s*"
    rf"(?:"
    rf"(?P<yuan>{_NUM})\s*(?P<unit>元|圆|块)(?:(?P<jiao>[{_CN_D}\d])角)?(?:(?P<fen>[{_CN_D}\d])分)?(?P<zheng>整|正)?"
    rf"|(?P<jiao_only>[{_CN_D}])角(?:(?P<fen2>[{_CN_D}])分)?"
    rf"|(?P<bare>{_NUM})(?=[，。；、,;）)\s]|$)"  # ￥8000 / 人民币1.2万 without 元: only after a prefix
    rf")"
)


MAX_YUAN = Decimal(10) ** 12  # one trillion yuan: beyond any claim, and within Decimal's quantize precision


def _quantise(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def _amount(m: re.Match[str]) -> Decimal | None:
    g = m.groupdict()
    try:
        if g["yuan"] is not None:
            value = cn_number(g["yuan"])
            if g["jiao"]:
                value += cn_number(g["jiao"]) / 10
            if g["fen"]:
                value += cn_number(g["fen"]) / 100
        elif g["jiao_only"] is not None:
            value = cn_number(g["jiao_only"]) / 10 + (cn_number(g["fen2"]) / 100 if g["fen2"] else 0)
        elif g["bare"] is not None and g["prefix"]:
            value = cn_number(g["bare"])
        else:
            return None
    except ValueError:
        return None  # e.g. 万元 with no digits, or 1.2.3元
    # a run of digits before 元 that no labour dispute could claim (an ID number, a bank account) is no amount
    return _quantise(value) if 0 < value < MAX_YUAN else None


def find_money(text: str) -> list[MoneyMention]:
    """Every amount of money in `text`, in order, as Decimal yuan rounded to the fen."""
    norm = normalise_digits(text)
    found = []
    for m in MONEY_PATTERN.finditer(norm):
        amount = _amount(m)
        if amount is None:
            continue
        start = m.start("prefix") if m.group("prefix") else m.start() + (len(m.group()) - len(m.group().lstrip()))
        found.append(MoneyMention(start, m.end(), text[start : m.end()], amount))
    return found


def parse_money(text: str) -> Decimal | None:
    """Parse one amount written alone: `parse_money("人民币捌仟元整") == Decimal("8000.00")`; None if not money."""
    s = normalise_digits(text.strip())
    m = MONEY_PATTERN.fullmatch(s)
    if m is None:
        return None
    return _amount(m)


def format_yuan(amount: Decimal) -> str:
    """8000 → 「8000元」, 8000.5 → 「8000.50元」 (how awards write sums)."""
    q = _quantise(amount)
    return f"{q:.0f}元" if q == q.to_integral_value() else f"{q:.2f}元"
