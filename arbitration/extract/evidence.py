"""证据目录 → `EvidenceItem`s, from a table (序号/证据名称/证明目的/页码) or from numbered lines."""

from __future__ import annotations

import re

from arbitration.model import EvidenceItem, PartyRole, Table

from .claims import split_items
from .text import DocText

_NAME_COLS = ("证据名称", "名称", "证据")
_PURPOSE_COLS = ("证明目的", "证明内容", "证明对象", "待证事实")
_PAGE_COLS = ("页码", "页数", "页次")
_ORIGINAL_COLS = ("原件", "原件/复印件", "证据形式", "来源", "证据来源")


def _col(header: list[str], names: tuple[str, ...]) -> int | None:
    for i, cell in enumerate(header):
        if any(n in cell.replace(" ", "") for n in names):
            return i
    return None


def _original(cell: str | None) -> bool | None:
    if not cell:
        return None
    if "复印" in cell:
        return False
    if "原件" in cell or cell.strip() in ("有", "是"):
        return True
    return None


def evidence_from_table(table: Table, side: PartyRole | None, file: str) -> list[EvidenceItem]:
    """Rows of an evidence table whose header names a 证据名称 column."""
    if len(table.rows) < 2:
        return []
    header = table.rows[0]
    name_i = _col(header, _NAME_COLS)
    if name_i is None:
        return []
    purpose_i, page_i, orig_i = (_col(header, c) for c in (_PURPOSE_COLS, _PAGE_COLS, _ORIGINAL_COLS))
    items = []
    for row in table.rows[1:]:
        cell = lambda i, row=row: row[i].strip() if i is not None and i < len(row) else None  # noqa: E731
        name = cell(name_i)
        if not name:
            continue
        items.append(
            EvidenceItem(
                name=name,
                purpose=cell(purpose_i) or None,
                submitted_by=side,
                pages=cell(page_i) or None,
                original=_original(cell(orig_i)),
            )
        )
    return items


_PURPOSE = re.compile(r"[，,；;。\s]*(?:证明目的|证明内容|证明|拟证明|用以证明)[:：]?\s*")


def evidence_from_text(doc: DocText, start: int, end: int, side: PartyRole | None) -> list[EvidenceItem]:
    """Numbered lines 「1. 劳动合同一份，证明双方存在劳动关系」 between `start` and `end` of the document."""
    text = doc.text[start:end]
    items = []
    for number, s, e in split_items(text):
        if number is None:
            continue
        line = text[s:e].strip().rstrip("；;。")
        if not line:
            continue
        purpose_m = _PURPOSE.search(line)
        name = line[: purpose_m.start()] if purpose_m else re.split(r"[，,：:]", line, maxsplit=1)[0]
        purpose = line[purpose_m.end() :] if purpose_m else None
        pages = re.search(r"第?\d+\s*[-—至~]\s*\d+页|第\d+页", line)
        items.append(
            EvidenceItem(
                name=name.strip(),
                purpose=purpose.strip() if purpose else None,
                submitted_by=side,
                pages=pages.group() if pages else None,
                original=False if "复印件" in line else (True if "原件" in line else None),
                source=doc.provenance(start + s, start + e, "evidence.line"),
            )
        )
    return items
