"""A document's text as one string, with offsets mapped back to (page, offset in page) for provenance."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from arbitration.model import DocType, Document, Method, Provenance

OCR_FACTOR = 0.9  # a recognised character is never as sure as a typed one, even at line confidence 1.0

# Section headings, in the forms applications, defences and published cases use.
HEADINGS: dict[str, str] = {
    "claims": r"(?:仲裁请求(?:事项)?|请求事项|申请请求|申请事项|申请人请求|(?:原告)?诉讼请求|仲裁请求如下)",
    "facts": r"(?:事实(?:与|和|及)理由|事实、理由|事实理由|基本案情|案件事实)",
    "defence": r"(?:答辩意见|答辩理由|答辩如下|答辩事项|辩称)",
    "evidence": r"(?:证据(?:目录|清单|材料)?(?:和|及)?(?:证据来源)?)",
    "closing": r"(?:此致|特此申请|特此答辩)",
    "other": r"(?:处理结果|裁判结果|仲裁结果|案例分析|典型意义|裁决结果|本委认为)",
}
_HEADING = re.compile(
    r"(?m)^[ \t\u3000#]*(?:[一二三四五六七八九十]+、|\d+[.、])?\s*(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in HEADINGS.items())
    + r")\s*(?:[:：]|$|(?=\n))"
)


@dataclass(frozen=True)
class Section:
    kind: str  # a key of HEADINGS
    start: int  # body start (after the heading) in DocText.text
    end: int
    heading_start: int


class DocText:
    """Concatenated page text (joined by newlines, as `Document.text`) with page-offset lookup."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self._starts: list[int] = []
        self._lines: dict[int, list[tuple[int, int, float]]] = {}
        pos = 0
        for page in document.pages:
            self._starts.append(pos)
            pos += len(page.text) + 1

    def page_start(self, i: int) -> int:
        """Where page i (0-based) starts in `self.text`."""
        return self._starts[i]

    def locate(self, offset: int) -> tuple[int, int]:
        """(page index, offset in that page) for an offset into `self.text`."""
        i = max(0, bisect_right(self._starts, offset) - 1)
        return i, offset - self._starts[i]

    def _line_spans(self, i: int) -> list[tuple[int, int, float]]:
        """(start, end, confidence) of page i's OCR lines in its text, found in order (lines may be joined)."""
        if i not in self._lines:
            page = self.document.pages[i]
            spans: list[tuple[int, int, float]] = []
            cursor = 0
            for line in page.lines:
                t = line.text.strip()
                at = page.text.find(t, cursor) if t else -1
                if at >= 0:
                    spans.append((at, at + len(t), line.confidence))
                    cursor = at + len(t)
            self._lines[i] = spans
        return self._lines[i]

    def text_confidence(self, i: int, start: int, end: int) -> float:
        """How far the text of [start, end) on page i can be trusted: 1.0 for a text layer or DOCX; for OCR the
        lowest confidence of the recognised lines it covers (the page mean when no line aligns), times
        OCR_FACTOR, so a value read by OCR always ranks below the same value read from a text layer."""
        page = self.document.pages[i]
        if page.method is not Method.OCR:
            return page.confidence
        covered = [c for s, e, c in self._line_spans(i) if s < max(end, start + 1) and start < e]
        return (min(covered) if covered else page.confidence) * OCR_FACTOR

    def provenance(self, start: int, end: int, extractor: str, confidence: float = 1.0) -> Provenance:
        """Provenance for the span [start, end) of `self.text`: file, page, page offsets, method, quote.

        Its confidence is the rule's `confidence` times the confidence of the text it was read from."""
        i, local = self.locate(start)
        page = self.document.pages[i] if self.document.pages else None
        return Provenance(
            file=self.document.file,
            page=page.number if page else None,
            start=local,
            end=local + (end - start),
            method=page.method if page else Provenance.model_fields["method"].default,
            confidence=round(confidence * (self.text_confidence(i, local, local + end - start) if page else 1.0), 3),
            quote=self.text[start:end],
            doc_type=str(self.document.doc_type),
            extractor=extractor,
        )

    def sections(self) -> list[Section]:
        """Headed sections in order; each runs to the next heading."""
        marks = [(m.lastgroup or "other", m.start(), m.end()) for m in _HEADING.finditer(self.text)]
        out = []
        for i, (kind, h_start, body) in enumerate(marks):
            end = marks[i + 1][1] if i + 1 < len(marks) else len(self.text)
            out.append(Section(kind, body, end, h_start))
        return out

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections() if s.kind == kind), None)

    def header_end(self) -> int:
        """Where the party header ends: the first claims/facts/defence heading, else the text's end."""
        for s in self.sections():
            if s.kind in ("claims", "facts", "defence", "evidence"):
                return s.heading_start
        return len(self.text)


TITLE_TYPES: list[tuple[DocType, str]] = [
    (DocType.EVIDENCE_LIST, r"证据(?:目录|清单)"),
    (DocType.DEFENCE, r"答辩(?:书|状|意见)"),
    (DocType.TERMINATION_NOTICE, r"(?:解除|终止)(?:劳动)?(?:合同|关系)(?:的)?通知|辞退通知|离职证明"),
    (DocType.CONTRACT, r"^[\u4e00-\u9fa5]{0,12}劳动合同(?:书)?$"),
    (DocType.WAGE_RECORD, r"工资(?:条|表|单|发放明细)|银行(?:流水|交易明细)"),
    (DocType.APPLICATION, r"仲裁申请(?:书)?|申请书"),
    (DocType.AWARD, r"裁决书|判决书"),
]


def guess_doc_type(document: Document) -> DocType:
    """A light title check for documents the ingest classifier left as OTHER (first three non-empty lines)."""
    if document.doc_type is not DocType.OTHER:
        return document.doc_type
    for page in document.pages:
        for table in page.tables:
            header = "".join(table.rows[0]) if table.rows else ""
            if re.search(r"应发|实发|工资合计", header):
                return DocType.WAGE_RECORD
            if "证据名称" in header:
                return DocType.EVIDENCE_LIST
    lines = [ln.strip(" #\t\u3000") for ln in document.text.splitlines() if ln.strip()][:3]
    for line in lines:
        for doc_type, pattern in TITLE_TYPES:
            if re.search(pattern, line) and len(line) <= 30 and not re.search(r"[，,。？?！]", line):
                return doc_type
    return DocType.OTHER
