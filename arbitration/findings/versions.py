"""Versions of one fact that state the same thing: differing only in precision (「2020年6月」 and 「2020年6月1日」)
or in wording (「台东一路门店」 and 「台东一路58号」, two wordings of one dismissal under 第四十条) are one fact,
and the more precise one is kept; the others stay as its sources."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from arbitration.model import ContractInfo, FactValue, Termination

MONTH_ONLY = "仅载明年月"  # the note extraction gives a date read to the month (the 1st stands in for the day)
# words that name a kind of place or post, not which one: 「台东一路门店」 is 「台东一路」
_GENERIC_TAIL = re.compile(r"(?:门店|店面|分店|店|办公室|办事处|公司|单位|处|岗位|岗|职务|一职|工作)$")
_PUNCT = re.compile(r"[\s，,。；;：:、（）()《》“”\"'「」]")


def _month_only(v: FactValue[Any]) -> bool:
    return MONTH_ONLY in (v.note or "")


def _text_core(text: str) -> str:
    core = _PUNCT.sub("", text)
    while True:
        stripped = _GENERIC_TAIL.sub("", core)
        if stripped == core or len(stripped) < 2:
            return core
        core = stripped


def _ground_key(t: Termination) -> tuple[int, int | None, int | None] | None:
    from arbitration.law.grounds import termination_ground

    return termination_ground(" ".join(x for x in (t.statute_basis, t.reason, t.mode) if x))


def _same_termination(a: Termination, b: Termination) -> bool:
    if a.initiator != b.initiator:
        return False
    if a.notice_date and b.notice_date and a.notice_date != b.notice_date:
        return False
    ga, gb = _ground_key(a), _ground_key(b)
    if ga and gb:
        # one names only the article (第四十条), the other its item (第四十条第二项): one ground, two precisions
        if ga[0] != gb[0]:
            return False
        if ga[2] and gb[2] and ga[2] != gb[2]:
            return False
    return True


def same(a: FactValue[Any], b: FactValue[Any]) -> bool:
    """Whether two versions state one fact (same value up to precision and wording)."""
    x, y = a.value, b.value
    if isinstance(x, date) and isinstance(y, date):
        if x == y:
            return True
        return (x.year, x.month) == (y.year, y.month) and (_month_only(a) or _month_only(b))
    if isinstance(x, Decimal) and isinstance(y, Decimal):
        return abs(x - y) <= Decimal("0.5")
    if isinstance(x, ContractInfo) and isinstance(y, ContractInfo):
        # a first contract and its renewal are both true: the question is whether a written contract was signed
        return x.signed == y.signed
    if isinstance(x, Termination) and isinstance(y, Termination):
        return _same_termination(x, y)
    if isinstance(x, str) and isinstance(y, str):
        cx, cy = _text_core(x), _text_core(y)
        return bool(cx and cy) and (cx in cy or cy in cx)
    return x == y


def precision(v: FactValue[Any]) -> tuple[int, int]:
    """A sort key: higher is more precise (a day over a month, a house number over a street, a notice that names
    its ground and date over a statement that does not)."""
    x = v.value
    if isinstance(x, date):
        return (0 if _month_only(v) else 1, 0)
    if isinstance(x, Termination):
        ground = _ground_key(x)
        return (sum(1 for f in (x.reason, x.statute_basis, x.notice_date) if f) + (1 if ground and ground[2] else 0),
                0)
    if isinstance(x, ContractInfo):
        return (sum(1 for f in (x.signed_date, x.term_start, x.term_end) if f), 0)
    if isinstance(x, str):
        return (len(re.findall(r"\d", x)), len(_PUNCT.sub("", x)))
    return (0, 0)


def clusters(values: list[FactValue[Any]]) -> list[list[int]]:
    """Indices of `values` grouped into versions of one fact (each member the same as every other member: 「2020年6月」
    joins 「2020年6月1日」 but never makes it one with 「2020年6月15日」), largest group first."""
    groups: list[list[int]] = []
    for i, v in enumerate(values):
        home = next((g for g in groups if all(same(values[j], v) for j in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def best(values: list[FactValue[Any]], group: list[int]) -> int:
    """The most precise version of a group; among equals, a document before a statement, then the first."""
    from arbitration.model import Side

    return max(group, key=lambda i: (*precision(values[i]), values[i].side == Side.EVIDENCE, -i))


def earliest_contract(values: list[FactValue[Any]], group: list[int]) -> int:
    """Of signed contracts, the first one signed (the date a written contract first covered the employment)."""
    dated = [i for i in group if values[i].value.signed_date]
    if not dated:
        return best(values, group)
    return min(dated, key=lambda i: (values[i].value.signed_date, -precision(values[i])[0]))
