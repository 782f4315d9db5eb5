"""Display helpers for the outline: Chinese dates and money, fact values and their sources."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from arbitration.model import (
    DOC_TYPE_NAMES,
    ContractInfo,
    DocType,
    PartyRole,
    Provenance,
    Side,
    Termination,
    TerminationInitiator,
)
from arbitration.outline.model import MISSING

SIDE_NAMES = {
    Side.APPLICANT: "申请人",
    Side.RESPONDENT: "被申请人",
    Side.EVIDENCE: "证据",
    Side.TRIBUNAL: "仲裁庭",
}
ROLE_NAMES = {PartyRole.APPLICANT: "申请人", PartyRole.RESPONDENT: "被申请人", PartyRole.THIRD_PARTY: "第三人"}
INITIATOR_NAMES = {
    TerminationInitiator.EMPLOYER: "用人单位解除",
    TerminationInitiator.EMPLOYEE: "劳动者解除",
    TerminationInitiator.MUTUAL: "协商一致解除",
    TerminationInitiator.EXPIRY: "合同期满终止",
    TerminationInitiator.OTHER: "其他",
}


def cn_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else MISSING


def money(amount: Decimal | None) -> str:
    return f"{amount:,.2f}元" if amount is not None else MISSING


def period(start: date | None, end: date | None) -> str:
    if not start and not end:
        return ""
    return f"{cn_date(start) if start else '（起始日待查明）'}至{cn_date(end) if end else '（截止日待查明）'}"


def source(p: Provenance | None) -> str:
    """「仲裁申请书 application.pdf 第1页」: document kind, file name and page, as an arbitrator looks it up."""
    if p is None:
        return "来源不明"
    name = PurePosixPath(p.file).name
    kind = ""
    if p.doc_type:
        try:
            kind = DOC_TYPE_NAMES[DocType(p.doc_type)]
        except ValueError:
            kind = ""
    where = f"第{p.page}页" if p.page else ""
    return " ".join(x for x in (kind, name, where) if x)


def fact_value(value: Any) -> str:
    """A fact's value in words: dates and money in Chinese form, contracts and terminations spelled out."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return cn_date(value)
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, ContractInfo):
        if not value.signed:
            return "未签订书面劳动合同"
        parts = ["已签订书面劳动合同"]
        if value.signed_date:
            parts.append(f"签订于{cn_date(value.signed_date)}")
        if value.open_ended:
            parts.append("无固定期限")
        elif value.term_start or value.term_end:
            parts.append(f"期限{period(value.term_start, value.term_end)}")
        return "，".join(parts)
    if isinstance(value, Termination):
        parts = [f"{INITIATOR_NAMES[value.initiator]}（{value.mode}）"]
        if value.notice_date:
            parts.append(f"通知日期{cn_date(value.notice_date)}")
        if value.reason:
            parts.append(f"理由：{value.reason}")
        if value.statute_basis:
            parts.append(f"依据：{value.statute_basis}")
        return "，".join(parts)
    return str(value)


def short_value(value: Any) -> str:
    """A compact form for questions and scenario labels (money without grouping noise)."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}元" if value == value.to_integral() else f"{value:.2f}元"
    if isinstance(value, Termination):
        return f"{INITIATOR_NAMES[value.initiator]}（{value.mode}）"
    return fact_value(value)
