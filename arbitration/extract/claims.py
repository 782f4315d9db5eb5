"""仲裁请求 → claims: split the numbered items, then read each item's type, amount and period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .claimtypes import OTHER, match_claim_type
from .rules import find_money, find_ranges
from .rules.numerals import cn_int

# an item number at a line start or after a full stop/semicolon: 1. 1、 (1) （一） 一、 第一项
ITEM_NUMBER = re.compile(
    r"(?:^|(?<=\n)|(?<=[；;。]))[ \t\u3000]*"
    r"(?:[（(](?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})[)）]"
    r"|(?P<b>\d{1,2})(?:[.、．]|[,，](?!\d{3}))(?!\d)"
    r"|(?P<c>[一二三四五六七八九十]{1,3})[、.．]"
    r"|第(?P<d>[一二三四五六七八九十]{1,3})[项条][，,、：:]?)"
)
_NOT_A_CLAIM = re.compile(r"^\s*(?:(?:本案)?(?:仲裁|诉讼|受理)费|以上(?:合计|共计|各项)|合计|共计|总计)")
_TOTAL = re.compile(r"(?:共计|合计|总计|总额|暂计|共|计)(?:为|人民币)?\s*$")
_RATE = re.compile(r"(?:每月|月工资|月薪|标准|基数|每天|日工资)(?:为|是|按)?\s*(?:人民币)?\s*$|(?:按|以)[^，。；,支付赔偿补偿]{0,8}$")
_RATE_AFTER = re.compile(r"^\s*(?:的|为)?(?:标准|基数|计算|计)|^\s*(?:/|／|每)(?:月|天|日)")
_REQUEST_VERB = re.compile(r"请求|要求|诉请|裁决|判令|判决")


@dataclass(frozen=True)
class ClaimMention:
    """One claim as read from text: its span, type, amount and period."""

    start: int
    end: int
    text: str
    type: str
    confidence: float
    amount: Decimal | None
    period_start: date | None
    period_end: date | None
    index: int | None = None


def _claim_amount(text: str) -> Decimal | None:
    """The requested sum: the one after 共计/合计 if any, else the last amount that is not a rate or basis."""
    money = find_money(text)
    if not money:
        return None
    for m in money:
        if _TOTAL.search(text[max(0, m.start - 6) : m.start]):
            return m.amount
    candidates = [
        m
        for m in money
        if not (_RATE.search(text[max(0, m.start - 12) : m.start]) or _RATE_AFTER.search(text[m.end : m.end + 6]))
    ]
    if not candidates:
        candidates = money if len(money) == 1 else []
    if not candidates:
        return None
    after = text[candidates[-1].end : candidates[-1].end + 3]
    if after.startswith(("/月", "每月", "/天")) and len(candidates) > 1:
        candidates = candidates[:-1]
    if len(candidates) > 1 and all(
        re.search(r"(?:及|和|以及|、|并|另)", text[a.end : b.start]) for a, b in zip(candidates, candidates[1:], strict=False)
    ):
        # 「经济补偿45000元及额外经济补偿金22500元」: one item asks for both sums
        return sum((m.amount for m in candidates), Decimal(0))
    return candidates[-1].amount


def parse_claim(text: str, start: int = 0, index: int | None = None) -> ClaimMention:
    """Read one claim item: type (taxonomy), requested amount, and the first period in it."""
    type_id, confidence = match_claim_type(text)
    ranges = find_ranges(text)
    period_start = period_end = None
    if ranges:
        period_start, period_end = ranges[0].first_day, ranges[0].last_day
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return ClaimMention(
        start + lead,
        start + lead + len(stripped),
        stripped,
        type_id,
        confidence,
        _claim_amount(text),
        period_start,
        period_end,
        index,
    )


def _number(m: re.Match[str]) -> int:
    raw = next(g for g in m.groups() if g)
    return int(raw) if raw.isdigit() else cn_int(raw)


def split_items(text: str) -> list[tuple[int | None, int, int]]:
    """(number, start, end) of each item of a claims section; unnumbered text splits on 。/；."""
    numbers = [m for m in ITEM_NUMBER.finditer(text)]
    # keep a run of numbers that count 1, 2, 3 … (a stray 「3、」 inside a sentence does not start an item)
    items: list[re.Match[str]] = []
    for m in numbers:
        expected = len(items) + 1
        if _number(m) == expected:
            items.append(m)
    if items:
        spans = []
        for i, m in enumerate(items):
            end = items[i + 1].start() if i + 1 < len(items) else len(text)
            spans.append((_number(m), m.end(), end))
        return spans
    out = []
    for m in re.finditer(r"[^。；;\n]+", text):
        if m.group().strip():
            out.append((None, m.start(), m.end()))
    return out


def claims_from_section(text: str, offset: int = 0) -> list[ClaimMention]:
    """Claims of a 仲裁请求 section; `offset` is the section's start in its page, so spans are page offsets."""
    claims: list[ClaimMention] = []
    for number, start, end in split_items(text):
        item = text[start:end].strip().rstrip("；;。")
        if not item or _NOT_A_CLAIM.match(item):
            continue
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        claim = parse_claim(item, offset + start + lead, number if number is not None else len(claims) + 1)
        if number is None and claim.type == OTHER and claim.amount is None:
            continue  # an unnumbered sentence that claims nothing (e.g. 「具体数额以核算为准」)
        claims.append(claim)
    return claims


def find_claim_sentences(text: str) -> list[ClaimMention]:
    """Claim sentences anywhere in a text: a request verb and a recognised claim type."""
    found = []
    for m in re.finditer(r"[^。；;\n]+", text):
        sentence = m.group()
        if not _REQUEST_VERB.search(sentence):
            continue
        claim = parse_claim(sentence, m.start())
        if claim.type != OTHER:
            found.append(claim)
    return found
