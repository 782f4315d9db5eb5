"""Word files: .docx via python-docx (body paragraphs and tables in order, headers and footers); legacy .doc
converted to .docx with LibreOffice headless first. The zip container is checked before python-docx opens it."""

from __future__ import annotations

import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

from arbitration import system
from arbitration.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    TooLarge,
    UnsupportedFile,
)
from arbitration.ingest.layout import join_cell
from arbitration.model import Method, Page, Section, Table

MAX_UNZIPPED_BYTES = 300 * 1024 * 1024  # total uncompressed size of all parts
MAX_RATIO = 200  # uncompressed/compressed size of one part (text XML compresses ~10-30×)
MAX_PARTS = 10_000
SOFFICE_TIMEOUT_S = 180

# how zipfile says a container is damaged: a newer format version (NotImplementedError), a header that points past
# the end (EOFError), deflate data that does not decode (zlib.error), besides BadZipFile
ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, zlib.error)

HEADER_TITLE = "页眉"
FOOTER_TITLE = "页脚"


def check_zip(path: Path, name: str) -> None:
    """Refuse a .docx that is not a zip, is a zip bomb, or is not a Word document — before parsing any XML."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except ZIP_ERRORS as e:
        raise CorruptFile(name, "Word 文件已损坏（不是有效的 ZIP 容器）", kind="not_zip") from e
    if len(infos) > MAX_PARTS:
        raise TooLarge(name, f"Word 文件包含过多部件（{len(infos)} 个），疑似压缩炸弹", kind="zip_bomb")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise TooLarge(
            name, f"Word 文件解压后过大（{total / 2**20:.0f} MB），疑似压缩炸弹", kind="zip_bomb"
        )
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise TooLarge(
                name, f"Word 文件部件 {i.filename} 压缩比异常（{i.file_size // max(i.compress_size, 1)}:1），疑似压缩炸弹",
                kind="zip_bomb",
            )
    if "word/document.xml" not in {i.filename for i in infos}:
        raise CorruptFile(name, "ZIP 文件中没有 Word 正文（word/document.xml），不是 Word 文档", kind="corrupt")
    if any(i.flag_bits & 0x1 for i in infos):  # zip encryption of a part (Word itself encrypts as an OLE file)
        raise EncryptedFile(name, "Word 文件的部件已加密（需要密码），请提交未加密的文件", kind="encrypted")


def read_docx(path: Path, name: str) -> tuple[list[Page], list[Section]]:
    """One Page (Word has no fixed pages): header text, body in order (tables as tab-separated rows), footer."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    check_zip(path, name)
    try:
        document = docx.Document(str(path))
        body, tables = _body(document)
        header = _unique_lines(p.text for s in document.sections for p in _part_paragraphs(s, "header"))
        footer = _unique_lines(p.text for s in document.sections for p in _part_paragraphs(s, "footer"))
    except (PackageNotFoundError, XMLSyntaxError, KeyError, *ZIP_ERRORS) as e:
        raise CorruptFile(name, f"Word 文件已损坏，无法解析（{type(e).__name__}）", kind="corrupt") from e
    if not body.strip() and not tables:
        raise EmptyFile(name, "Word 文件中没有正文文字", kind="no_text")
    text, sections = "", []
    if header:
        text = header + "\n"
        sections.append(Section(title=HEADER_TITLE, page=1, start=0, end=len(header)))
    text += body
    if footer:
        start = len(text) + 1
        text += "\n" + footer
        sections.append(Section(title=FOOTER_TITLE, page=1, start=start, end=len(text)))
    return [Page(number=1, text=text, method=Method.DOCX, tables=tables)], sections


def _body(document) -> tuple[str, list[Table]]:
    from docx.table import Table as DocxTable

    parts: list[str] = []
    tables: list[Table] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            table = Table(rows=_table_rows(block), page=1)
            if table.rows:
                tables.append(table)
                parts.append("\n".join("\t".join(r) for r in table.rows))
        else:
            parts.append(block.text.strip())
    return "\n".join(p for p in parts if p), tables


def _table_rows(table) -> list[list[str]]:
    """Cell texts row by row; a horizontally merged cell counts once."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(join_cell(cell.text))
        if any(cells):
            rows.append(cells)
    return rows


def _part_paragraphs(section, which: str):
    part = getattr(section, which)
    if part.is_linked_to_previous:
        return []
    return part.paragraphs


def _unique_lines(texts) -> str:
    out: list[str] = []
    for t in texts:
        t = t.strip()
        if t and t not in out:
            out.append(t)
    return "\n".join(out)


def convert_doc(path: Path, name: str, out_dir: Path) -> Path:
    """Convert a legacy .doc to .docx with LibreOffice headless (a private profile, so parallel runs work)."""
    soffice = system.soffice()
    if soffice is None:
        raise UnsupportedFile(
            name,
            "无法读取旧版 .doc 文件：未安装 LibreOffice。请安装（apt-get install libreoffice-writer）"
            "或在 Word 中另存为 .docx 后再提交",
            kind="unsupported",
        )
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    cmd = [
        soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", "docx", "--outdir", str(out_dir), str(path),
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as e:
        raise CorruptFile(name, f"LibreOffice 转换 .doc 超时（{SOFFICE_TIMEOUT_S} 秒）", kind="corrupt") from e
    converted = out_dir / (path.stem + ".docx")
    if proc.returncode != 0 or not converted.is_file():
        detail = " ".join(
            ln.strip() for ln in proc.stderr.decode(errors="replace").splitlines() if ln.startswith("Error")
        )[:200]
        raise CorruptFile(
            name, "旧版 .doc 文件无法转换（文件可能已损坏或加密）" + (f"：{detail}" if detail else ""), kind="corrupt"
        )
    return converted


def read_doc(path: Path, name: str) -> tuple[list[Page], list[Section]]:
    """A legacy .doc (or an OLE container under a Word name): encrypted OOXML is refused, else converted."""
    with tempfile.TemporaryDirectory(prefix="arbitration-doc-") as tmp:
        converted = convert_doc(path, name, Path(tmp))
        return read_docx(converted, name)


def refuse_encrypted_ooxml(name: str) -> None:
    raise EncryptedFile(name, "Word 文件已加密（需要密码才能打开），请提交未加密的文件", kind="encrypted")
