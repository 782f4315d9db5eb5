"""Turn positioned lines (from a PDF text layer or OCR) into reading-order text.

Chinese lines are joined without inserted spaces; paragraph breaks are kept where the layout shows them
(indent, short previous line, larger gap, numbered item). Repeated headers/footers and page numbers are
dropped by their position and repetition across pages.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

# characters after/before which a line break is not a word break (CJK text, full-width punctuation)
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014]")
_SPACED_CJK_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_ITEM_START_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)](?!\d)|第[一二三四五六七八九十百\d]+[条章节]|[①-⑳])"
)
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+|\d+|"
    r"Page\s+\d+(?:\s+of\s+\d+)?|共\s*\d+\s*页\s*第\s*\d+\s*页)\s*$",
    re.IGNORECASE,
)
_MID_SENTENCE = ("，", "、", "：", "（", "(", ",")  # a line ending so is wrapped, however short
MARGIN_BAND = 0.1  # top/bottom share of the page height where headers, footers and page numbers sit


@dataclass
class TextLine:
    """A line of text with its box in page units (points for PDF, pixels for OCR); top < bottom."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


def join_pair(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space around CJK, one space between Latin words."""
    if not left or not right:
        return left + right
    if is_cjk(left[-1]) or is_cjk(right[0]) or left[-1] == "-" or left[-1].isspace():
        return left + right
    if (left[-1].isdigit() or left[-1] in ".,") and right[0].isdigit():  # a number wrapped or split
        return left + right
    return left + " " + right


def collapse_cjk_spaces(text: str) -> str:
    """Remove the single spaces of a letter-spaced Chinese line (「仲 裁 申 请 书」); a line with one gap
    between two phrases (「申请人王丽华 案由」) keeps it."""
    spaced = len(_SPACED_CJK_RE.findall(text))
    if spaced >= 2 and spaced * 2 >= len(re.findall(r"[\u4e00-\u9fff]", text)) - 1:
        return _SPACED_CJK_RE.sub("", text)
    return text


def join_cell(text: str | None) -> str:
    """A table cell's text on one line, joined the Chinese way."""
    if not text:
        return ""
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    out = ""
    for p in parts:
        out = join_pair(out, p)
    return collapse_cjk_spaces(out)


def group_rows(lines: list[TextLine]) -> list[TextLine]:
    """Merge boxes that sit on the same visual row (OCR often splits a row) into one line, left to right."""
    rows: list[list[TextLine]] = []
    for ln in sorted(lines, key=lambda item: (item.top, item.x0)):
        if rows:
            row = rows[-1]
            top = min(r.top for r in row)
            bottom = max(r.bottom for r in row)
            overlap = min(bottom, ln.bottom) - max(top, ln.top)
            if overlap > 0.5 * min(ln.height, bottom - top):
                row.append(ln)
                continue
        rows.append([ln])
    merged = []
    for row in rows:
        row.sort(key=lambda item: item.x0)
        text = row[0].text
        for before, box in zip(row, row[1:], strict=False):
            gap = box.x0 - before.x1
            size = min(before.height, box.height)
            if gap > 1.0 * size:  # a column gap: keep cells apart like a table row
                text += "\t" + box.text
            elif gap < 0.6 * size:  # one phrase split by the detector
                text += box.text
            else:
                text = join_pair(text, box.text)
        merged.append(
            TextLine(
                text,
                min(r.x0 for r in row),
                min(r.top for r in row),
                max(r.x1 for r in row),
                max(r.bottom for r in row),
            )
        )
    return merged


def join_lines(lines: list[TextLine], left: float | None = None, right: float | None = None) -> str:
    """Reading-order text of one page's body lines: lines of a paragraph joined, paragraphs split by newline."""
    if not lines:
        return ""
    left = min(ln.x0 for ln in lines) if left is None else left
    right = max(ln.x1 for ln in lines) if right is None else right
    size = statistics.median(ln.height for ln in lines)
    paragraphs: list[str] = []
    prev: TextLine | None = None
    for ln in lines:
        text = collapse_cjk_spaces(ln.text.strip())
        if not text:
            continue
        if prev is None or "\t" in text or "\t" in prev.text or _starts_paragraph(prev, ln, left, right, size):
            paragraphs.append(text)
        else:
            paragraphs[-1] = join_pair(paragraphs[-1], text)
        prev = ln
    return "\n".join(paragraphs)


def _starts_paragraph(prev: TextLine, ln: TextLine, left: float, right: float, size: float) -> bool:
    if min(prev.height, ln.height) >= 1.25 * size and abs(prev.height - ln.height) < 0.15 * ln.height:
        # a long title in a larger font wraps onto a centred second line: one heading, not two
        return ln.top - prev.bottom > 0.9 * ln.height or bool(_ITEM_START_RE.match(ln.text))
    indented = ln.x0 - left > 1.2 * size
    prev_short = prev.x1 < right - 2.0 * size and not prev.text.rstrip().endswith(_MID_SENTENCE)
    gap = ln.top - prev.bottom > 0.9 * size
    return indented or prev_short or gap or bool(_ITEM_START_RE.match(ln.text))


def _signature(text: str) -> str:
    """A line's identity across pages: digits ignored, so 「第 1 页」 and 「第 2 页」 match."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def strip_margins(pages: list[list[TextLine]], heights: list[float]) -> tuple[list[list[TextLine]], list[str]]:
    """Drop page numbers and headers/footers: lines in the top/bottom band that are page numbers, or that repeat
    (same text, digits ignored) on at least half of the pages (and on two or more). Returns kept lines and the
    distinct texts removed."""
    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        counts.update({_signature(ln.text) for ln in lines if _in_margin(ln, h)})
    min_repeats = max(2, (len(pages) + 1) // 2)
    removed: list[str] = []
    kept_pages = []
    for lines, h in zip(pages, heights, strict=True):
        kept = []
        for ln in lines:
            if _in_margin(ln, h) and (
                _PAGE_NUMBER_RE.match(ln.text) or counts[_signature(ln.text)] >= min_repeats
            ):
                if ln.text.strip() not in removed:
                    removed.append(ln.text.strip())
                continue
            kept.append(ln)
        kept_pages.append(kept)
    return kept_pages, removed


def _in_margin(ln: TextLine, page_height: float) -> bool:
    return ln.bottom <= page_height * MARGIN_BAND or ln.top >= page_height * (1 - MARGIN_BAND)
