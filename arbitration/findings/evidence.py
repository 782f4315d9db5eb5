"""Weight of a version: a document (contract, wage slips, bank statement, notice, attendance record) against a
bare statement; an original against a copy the other side disputes; what each side put in evidence."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from arbitration.findings.admissions import Stance
from arbitration.model import (
    DOC_TYPE_NAMES,
    Case,
    DocType,
    EvidenceItem,
    FactValue,
    Provenance,
    Side,
)

# documents that record a fact when it happened; their word outweighs a party's later statement
DOCUMENTARY = {DocType.CONTRACT, DocType.WAGE_RECORD, DocType.TERMINATION_NOTICE}
# how a party refers to such a document when it disputes it (「对工资表的真实性不认可」)
DOC_WORDS = {
    DocType.CONTRACT: r"劳动合同|合同",
    DocType.WAGE_RECORD: r"工资条|工资表|工资单|银行流水|流水|转账|工资",
    DocType.TERMINATION_NOTICE: r"通知",
}
_ALL_OF_THEM = re.compile(r"上述证据|以上证据|全部证据|所有证据|对方(?:提交|提供)?的?证据|其证据")
# names of evidence that record working time or pay, kept by the employer (调解仲裁法第六条)
EMPLOYER_RECORDS = re.compile(r"考勤|打卡|签到|排班|工时|加班(?:审批|申请|记录)|工资(?:条|表|单|支付|发放)|银行流水|工资流水|转账")


def doc_type(src: Provenance) -> DocType | None:
    try:
        return DocType(src.doc_type) if src.doc_type else None
    except ValueError:
        return None


def doc_name(src: Provenance) -> str:
    """「劳动合同」 for 劳动合同.pdf; the type's name when the file is named otherwise."""
    stem = PurePath(src.file).stem
    kind = doc_type(src)
    if kind in DOCUMENTARY and len(stem) > 12:
        return DOC_TYPE_NAMES[kind]
    return stem or (DOC_TYPE_NAMES.get(kind, "证据") if kind else "证据")


# a list that only repeats what a party means to prove (its 证明目的)
_NOT_RECORDS = {DocType.EVIDENCE_LIST}


def is_document(v: FactValue[Any]) -> bool:
    """A version read from a document that records the fact (contract, wage slips, notice, 情况说明 …), not from
    what a party asserts."""
    return v.side == Side.EVIDENCE and doc_type(v.source) not in _NOT_RECORDS


def submitted(case: Case, side: Side) -> list[EvidenceItem]:
    """The evidence `side` put in (evidence lists, the hearing's evidence)."""
    from arbitration.findings.sides import role_of

    return [e for e in case.evidence if e.submitted_by == role_of(side)]


def disputed_by(src: Provenance, stances: list[Stance], side: Side) -> Stance | None:
    """`side`'s statement disputing this document, if it made one."""
    kind = doc_type(src)
    words = DOC_WORDS.get(kind) if kind else None
    stem = re.escape(PurePath(src.file).stem)
    for s in stances:
        if s.side != side or s.admits or s.topic not in ("evidence", "statement"):
            continue
        if _ALL_OF_THEM.search(s.text) or re.search(stem, s.text) or (words and re.search(words, s.text)):
            return s
    return None


def is_copy(case: Case, src: Provenance) -> bool:
    """The file is a copy (复印件, 扫描件, 打印件) by its evidence-list entry or its name."""
    stem = PurePath(src.file).stem
    if re.search(r"复印件|扫描件|打印件|截图|照片", stem):
        return True
    for e in case.evidence:
        if (e.file and e.file == src.file) or (e.name and (e.name in stem or stem in e.name)):
            if e.original is False or re.search(r"复印件|扫描件|打印件", e.name):
                return True
    return False


def employer_records_offered(case: Case, side: Side) -> list[EvidenceItem]:
    """Evidence `side` put in that the employer keeps (attendance, pay records)."""
    return [e for e in submitted(case, side) if EMPLOYER_RECORDS.search(e.name + (e.purpose or ""))]
