"""PDF: the text layer via pdfplumber in reading order (headers, footers and page numbers removed, Chinese
lines joined without spaces, tables as Table); pages whose text layer is missing or garbage are rendered
with pypdfium2 and OCR'd. The decision is made per page."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from arbitration.errors import CorruptFile, EmptyFile, EncryptedFile, TooLarge
from arbitration.ingest.images import check_pixels, ocr_page
from arbitration.ingest.layout import TextLine, join_cell, join_lines, strip_margins
from arbitration.ingest.ocr import OCREngine
from arbitration.model import Method, Page, Table

RENDER_DPI = 150  # enough for PP-OCR on A4 text; higher costs time without better results
MAX_PAGE_POINTS = 14400  # 200 inches, the PDF spec's own page-size limit
MAX_PAGES = 2000
MIN_TEXT_CHARS = 10  # fewer visible characters on a page with images means a scan
MAX_GARBAGE_SHARE = 0.3  # share of (cid:N), replacement, private-use or mis-mapped Latin characters

_CID_RE = re.compile(r"\(cid:\d+\)")


@dataclass
class _PageLayer:
    """What the text layer of one page gave, before header/footer removal."""

    lines: list[TextLine]
    tables: list[tuple[float, Table]]  # (top, table)
    height: float
    width: float
    needs_ocr: bool
    why_ocr: str = ""
    notes: list[str] = field(default_factory=list)


def read_pdf(path: Path, name: str, get_ocr: Callable[[], OCREngine]) -> tuple[list[Page], list[str]]:
    """Pages of a PDF and warnings (pages OCR'd and why, header/footer lines removed)."""
    pdf_doc = _open_pdfium(path, name)
    try:
        layers = _read_text_layers(path, name, pdf_doc)
        warnings: list[str] = []
        kept, removed = strip_margins(
            [[] if layer.needs_ocr else layer.lines for layer in layers], [layer.height for layer in layers]
        )
        if removed:
            warnings.append("已去除页眉页脚/页码：" + "｜".join(removed[:5]))
        pages = []
        for i, (layer, lines) in enumerate(zip(layers, kept, strict=True), 1):
            if layer.needs_ocr:
                warnings.append(f"第{i}页{layer.why_ocr}，已做文字识别（OCR）")
                pages.append(_ocr_pdf_page(pdf_doc, i, name, get_ocr()))
            else:
                pages.append(_text_page(i, lines, layer))
    finally:
        pdf_doc.close()
    if not any(p.text.strip() for p in pages):
        raise EmptyFile(name, "PDF 中没有可读取的文字（空白页或无法识别的扫描件）", kind="no_text")
    return pages, warnings


def _open_pdfium(path: Path, name: str) -> pdfium.PdfDocument:
    """Open with PDFium, which tells an encrypted file from a damaged one reliably."""
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        # PDFium refuses an empty page tree without setting its error code (the last file's code is left), so
        # ask pdfminer first; it cannot read encrypted or damaged files and says so with None
        if _page_count(path) == 0:
            raise EmptyFile(name, _NO_PAGES, kind="no_pages") from e
        if e.err_code in (pdfium_raw.FPDF_ERR_PASSWORD, pdfium_raw.FPDF_ERR_SECURITY):
            raise EncryptedFile(name, "PDF 已加密（需要密码才能打开），请提交未加密的文件", kind="encrypted") from e
        raise CorruptFile(name, "PDF 文件已损坏或不完整，无法打开", kind="corrupt") from e
    if len(doc) == 0:
        doc.close()
        raise EmptyFile(name, _NO_PAGES, kind="no_pages")
    if len(doc) > MAX_PAGES:
        doc.close()
        raise TooLarge(name, f"PDF 页数过多（{len(doc)} 页，上限 {MAX_PAGES} 页）", kind="too_large")
    return doc


_NO_PAGES = "PDF 文件中没有任何页面（0 页），请核对文件是否导出完整"


def _page_count(path: Path) -> int | None:
    """Pages by pdfminer's reading of the page tree; None when it cannot read the file either."""
    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    except Exception:  # noqa: BLE001 - only asked to tell "no pages" from "damaged"
        return None


def _read_text_layers(path: Path, name: str, pdf_doc: pdfium.PdfDocument) -> list[_PageLayer]:
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) != len(pdf_doc):
                raise CorruptFile(name, "PDF 文件结构不完整（页数无法确定）", kind="corrupt")
            layers = []
            for i, page in enumerate(pdf.pages, 1):
                layers.append(_read_layer(page, i, name))
                page.close()  # drop the page's parsed objects: memory stays flat on a 2,000-page file
            return layers
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise EncryptedFile(name, "PDF 已加密（需要密码才能读取文字）", kind="encrypted") from e
    except PdfminerException as e:  # pdfplumber wraps whatever pdfminer raised while opening or laying out a page
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedFile(name, "PDF 已加密（需要密码才能读取文字）", kind="encrypted") from e
        raise CorruptFile(name, f"PDF 文件已损坏，无法读取文字层（{type(cause).__name__}）", kind="corrupt") from e
    except (PDFSyntaxError, PSException, MalformedPDFException, KeyError, ValueError, TypeError) as e:
        raise CorruptFile(name, f"PDF 文件已损坏，无法读取文字层（{type(e).__name__}）", kind="corrupt") from e


def _read_layer(page: pdfplumber.page.Page, number: int, name: str) -> _PageLayer:
    width, height = float(page.width), float(page.height)
    if max(width, height) > MAX_PAGE_POINTS:
        raise TooLarge(
            name, f"第{number}页尺寸过大（{width:.0f}×{height:.0f} 磅，上限 {MAX_PAGE_POINTS} 磅）", kind="too_large"
        )
    tables = _find_tables(page) if (page.rects or page.lines) else []
    body = page
    if tables:
        boxes = [bbox for bbox, _ in tables]
        body = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside_any(obj, boxes))
    raw_lines = body.extract_text_lines(strip=True, return_chars=False)
    lines = [TextLine(ln["text"], ln["x0"], ln["top"], ln["x1"], ln["bottom"]) for ln in raw_lines]
    text = "".join(ln.text for ln in lines) + "".join(
        "".join("".join(r) for r in t.rows) for _, t in tables
    )
    why = _why_ocr(text, has_images=bool(page.images))
    return _PageLayer(
        lines=lines,
        tables=[(bbox[1], t) for bbox, t in tables],
        height=height,
        width=width,
        needs_ocr=bool(why),
        why_ocr=why,
    )


def _find_tables(page: pdfplumber.page.Page) -> list[tuple[tuple[float, float, float, float], Table]]:
    """Ruled tables on the page (wage slips, evidence lists): cell text joined the Chinese way."""
    found = []
    chars = page.chars
    for t in page.find_tables():
        bbox = t.bbox  # a property computed over all cells: once
        rows = [[join_cell(c) for c in row] for row in _cell_texts(t, [c for c in chars if _inside_any(c, (bbox,))])]
        rows = [r for r in rows if any(r)]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            found.append((bbox, Table(rows=rows, page=page.page_number)))
    return found


def _cell_texts(table, chars: list[dict]) -> list[list[str]]:
    """Each cell's text (lines split by newline) from the table's own characters, each character placed once
    by its midpoint; cheaper than pdfplumber's per-cell word clustering, which scans the page per row."""
    rows = [[c for c in row.cells] for row in table.rows]
    found: dict[tuple[int, int], list[dict]] = {}
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for r, row in enumerate(rows):
            hit = next(
                (k for k, cell in enumerate(row) if cell and cell[0] <= cx < cell[2] and cell[1] <= cy < cell[3]), None
            )
            if hit is not None:
                found.setdefault((r, hit), []).append(ch)
                break
    return [[_chars_text(found.get((r, k), [])) for k in range(len(row))] for r, row in enumerate(rows)]


def _chars_text(chars: list[dict]) -> str:
    """Characters into lines (by vertical position) left to right; a space only where the gap shows one."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and ch["top"] - lines[-1][0]["top"] < 0.5 * (ch["bottom"] - ch["top"]):
            lines[-1].append(ch)
        else:
            lines.append([ch])
    out = []
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        text = line[0]["text"]
        for before, ch in zip(line, line[1:], strict=False):
            size = ch["bottom"] - ch["top"]
            text += (" " if ch["x0"] - before["x1"] > 0.25 * size else "") + ch["text"]
        out.append(text)
    return "\n".join(out)


def _inside_any(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _why_ocr(text: str, has_images: bool) -> str:
    """Why a page's text layer cannot be used (empty when it can): missing, or garbage."""
    visible = re.sub(r"\s+", "", text)
    cids = len(_CID_RE.findall(visible))
    visible = _CID_RE.sub("", visible)
    if cids and cids >= len(visible):
        return "文字层为无法解码的字形编码"
    if len(visible) + cids < MIN_TEXT_CHARS:
        return "没有文字层（扫描件）" if has_images else ""
    bad = cids + sum(1 for ch in visible if _is_garbage_char(ch))
    if bad / (len(visible) + cids) > MAX_GARBAGE_SHARE:
        return "文字层为乱码"
    return ""


# cp1252's extra letters and signs: with Latin-1 they are what UTF-8 Chinese read as a Western encoding shows
# (「考勤」 -> 「è€ƒå‹¤」); dashes, ellipsis and quotes are left out, Chinese text uses them
_CP1252_SIGNS = frozenset("€‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ")


def _is_garbage_char(ch: str) -> bool:
    """Replacement, private-use, control or Latin-1/cp1252 characters (how a broken CJK mapping shows); a few
    legitimate ones (° × ·) stay far below MAX_GARBAGE_SHARE in real text."""
    code = ord(ch)
    return ch == "\ufffd" or 0xE000 <= code <= 0xF8FF or code < 0x20 or 0x80 <= code <= 0xFF or ch in _CP1252_SIGNS


def _text_page(number: int, lines: list[TextLine], layer: _PageLayer) -> Page:
    """Body lines and tables merged top to bottom; a table appears in the text as tab-separated rows."""
    blocks: list[tuple[float, str]] = []
    paragraph_lines: list[TextLine] = []
    table_iter = sorted(layer.tables, key=lambda item: item[0])
    left = min((ln.x0 for ln in lines), default=0.0)
    right = max((ln.x1 for ln in lines), default=layer.width)
    for ln in lines:
        while table_iter and table_iter[0][0] < ln.top:
            if paragraph_lines:
                blocks.append((paragraph_lines[0].top, join_lines(paragraph_lines, left, right)))
                paragraph_lines = []
            top, table = table_iter.pop(0)
            blocks.append((top, _table_text(table)))
        paragraph_lines.append(ln)
    if paragraph_lines:
        blocks.append((paragraph_lines[0].top, join_lines(paragraph_lines, left, right)))
    blocks.extend((top, _table_text(t)) for top, t in table_iter)
    return Page(
        number=number,
        text="\n".join(text for _, text in blocks if text),
        method=Method.TEXT_LAYER,
        tables=[t for _, t in sorted(layer.tables, key=lambda item: item[0])],
    )


def _table_text(table: Table) -> str:
    return "\n".join("\t".join(row) for row in table.rows)


def _ocr_pdf_page(pdf_doc: pdfium.PdfDocument, number: int, name: str, ocr: OCREngine) -> Page:
    try:
        page = pdf_doc[number - 1]
        try:
            scale = RENDER_DPI / 72
            width, height = page.get_size()
            check_pixels(int(width * scale), int(height * scale), name, what=f"第{number}页")
            image = page.render(scale=scale).to_pil()
        finally:
            page.close()
    except pdfium.PdfiumError as e:  # a page the text layer reader got through but PDFium cannot load or draw
        raise CorruptFile(name, f"PDF 第{number}页已损坏，无法转为图像识别", kind="corrupt") from e
    return ocr_page(image, number, ocr)
