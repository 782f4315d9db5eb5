"""Wording of found facts as awards write them: amounts, dates, contracts, terminations, and a fact as a clause.
The drafting stage writes with the same helpers (it imports them from here, the earlier stage)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from arbitration.model import ContractInfo, Fact, Termination

PENDING = "「待查明」"  # placeholder for a fact the tribunal has not established; never guessed


def money(amount: Decimal | None) -> str:
    """「24000元」 / 「1234.56元」: the form amounts take in an award (no grouping, fen only when non-zero)."""
    if amount is None:
        return PENDING
    q = Decimal(amount).quantize(Decimal("0.01"))
    text = f"{q:f}"
    if text.endswith(".00"):
        text = text[:-3]
    return text + "元"


def ymd(d: date | None) -> str:
    """2024-05-10 → 「2024年5月10日」, dates inside the body text; placeholder when unknown."""
    if d is None:
        return PENDING
    return f"{d.year}年{d.month}月{d.day}日"


def show_value(value: Any) -> str:
    """A fact's value as a clause of an award (「双方于2020年6月1日签订书面劳动合同，期限自…至…」)."""
    if isinstance(value, ContractInfo):
        if not value.signed:
            return "双方未签订书面劳动合同"
        term = ""
        if value.open_ended:
            term = "，为无固定期限劳动合同"
        elif value.term_start or value.term_end:
            term = f"，期限自{ymd(value.term_start)}至{ymd(value.term_end)}"
        return f"双方于{ymd(value.signed_date)}签订书面劳动合同{term}"
    if isinstance(value, Termination):
        bits = [value.mode]
        if value.notice_date:
            bits.insert(0, ymd(value.notice_date))
        if value.reason:
            bits.append(f"理由为「{value.reason}」")
        return "，".join(bits)
    if isinstance(value, date):
        return ymd(value)
    if isinstance(value, Decimal):
        return money(value)
    return str(value)


_FACT_SENTENCE = {
    "hire_date": "{w}于{v}入职{e}处",
    "leave_date": "双方劳动关系于{v}解除（终止）",
    "position": "{w}的工作岗位为{v}",
    "workplace": "{w}的工作地点为{v}",
    "monthly_wage": "{w}的月工资为{v}",
    "written_contract": "{v}",
    "social_insurance": "{e}为{w}缴纳社会保险的情况为：{v}",
    "overtime": "关于加班情况：{v}",
    "annual_leave": "关于年休假情况：{v}",
    "termination": "劳动关系解除（终止）的情况为：{v}",
}


def value_sentence(name: str, value: Any, worker: str = "申请人", employer: str = "被申请人") -> str:
    """One fact's value as a clause, the worker and employer named by their procedural role."""
    from arbitration.model import FACT_NAMES

    template = _FACT_SENTENCE.get(name, FACT_NAMES.get(name, name) + "为{v}")
    return template.format(v=show_value(value), w=worker, e=employer)


def fact_sentence(name: str, fact: Fact[Any], worker: str = "申请人", employer: str = "被申请人") -> str | None:
    """The found fact as a clause (accepted value, else the only value), None when disputed or missing."""
    v = fact.value
    if v is None:
        return None
    return value_sentence(name, v, worker, employer)
