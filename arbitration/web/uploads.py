"""Upload checks: size limit, type sniffed from the bytes (never the extension), zip-bomb and image-bomb limits,
generated storage names. The original name is kept only as sanitised metadata."""

from __future__ import annotations

import codecs
import io
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from arbitration.errors import IngestError, TooLarge, UnsupportedFile
from arbitration.ingest.docx import ZIP_ERRORS


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int = 50 * 1024 * 1024  # one file
    max_request_bytes: int = 200 * 1024 * 1024  # one upload request (all files)
    max_files: int = 100  # files per upload
    max_unzipped_bytes: int = 200 * 1024 * 1024  # a DOCX's total uncompressed size
    max_zip_ratio: float = 100.0  # uncompressed / compressed, for the whole DOCX and for each member
    max_zip_members: int = 5000
    max_image_pixels: int = 80_000_000  # about 9000 × 9000


# sniffed kind -> extensions a file of that kind may carry
KINDS: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "doc": (".doc",),
    "txt": (".txt",),
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg"),
    "tiff": (".tif", ".tiff"),
    "bmp": (".bmp",),
    "webp": (".webp",),
}
KIND_NAMES = {"pdf": "PDF", "docx": "Word 文档", "doc": "Word 97-2003 文档", "txt": "纯文本",
              "png": "PNG 图片", "jpeg": "JPEG 图片", "tiff": "TIFF 图片", "bmp": "BMP 图片", "webp": "WebP 图片"}
ALLOWED_HINT = "允许的类型：PDF、DOCX、DOC、TXT、PNG/JPEG/TIFF/BMP/WebP 图片，或这些文件的 ZIP 压缩包"


class UploadRejected(IngestError):
    """An uploaded file was refused (type, size, or unsafe content); the message says which file and why."""


def sanitise_name(name: str | None) -> str:
    """A display-only version of a client's file name: no folders, no control characters, at most 120 characters."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[<>:\"|?*]", "_", name).strip(" .")
    return (name or "未命名文件")[:120]


SNIFF_TEXT_BYTES = 1 << 16  # how much of a file is decoded to tell text from binary


def sanitise_path(path: str) -> str:
    """A member path for a message: each part sanitised like a file name, at most 200 characters."""
    return "/".join(".." if x == ".." else sanitise_name(x) for x in path.split("/") if x)[:200]


def _is_text(data: bytes) -> bool:
    """Whether the start of the file decodes as UTF-8 or GB18030 with few control characters. Only the first
    SNIFF_TEXT_BYTES are decoded, incrementally, so a cut inside a multi-byte character is not an error."""
    head, cut = data[:SNIFF_TEXT_BYTES], len(data) > SNIFF_TEXT_BYTES
    if not head or b"\x00" in head:
        return False
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = codecs.getincrementaldecoder(enc)().decode(head, final=not cut)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
        return controls <= len(text) // 1000
    return False


def sniff(data: bytes) -> str | None:
    """The kind of file the bytes are, by their magic numbers; None when not an allowed kind."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # confirmed (or refused) by check_docx
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # OLE2 container: a Word file names its "WordDocument" stream (UTF-16) in the directory
        return "doc" if "WordDocument".encode("utf-16-le") in data else None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"BM"):
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if _is_text(data):
        return "txt"
    return None


def check_docx(name: str, data: bytes, limits: UploadLimits) -> None:
    """Refuse a zip that is not a Word document, or whose unpacked size or ratio marks a zip bomb. Nothing is unpacked."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
    except ZIP_ERRORS as e:
        raise UploadRejected(name, f"压缩结构损坏，不是有效的 Word 文档（{e}）", "corrupt") from e
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise UploadRejected(name, f"是 ZIP 压缩包而不是 Word 文档；{ALLOWED_HINT}", "unsupported")
    if len(members) > limits.max_zip_members:
        raise UploadRejected(name, f"Word 文档内含 {len(members)} 个部件，超过上限 {limits.max_zip_members}", "too_large")
    _check_unpacked(name, members, limits)
    for m in members:
        if m.file_size > 1 << 20 and m.file_size / max(1, m.compress_size) > limits.max_zip_ratio:
            raise UploadRejected(name, f"部件 {m.filename} 压缩比异常（疑似压缩炸弹）", "too_large")


def _check_unpacked(name: str, members: list[zipfile.ZipInfo], limits: UploadLimits, ratio_above: int = 0) -> None:
    """Zip-bomb checks on what the members say they unpack to: the total, and the compression ratio once the
    total exceeds `ratio_above` bytes."""
    total = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    if total > limits.max_unzipped_bytes:
        raise UploadRejected(name, f"解压后大小 {total // (1 << 20)} MB 超过上限 "
                                   f"{limits.max_unzipped_bytes // (1 << 20)} MB（疑似压缩炸弹）", "too_large")
    if total > ratio_above and total / packed > limits.max_zip_ratio:
        raise UploadRejected(name, f"压缩比 {total / packed:.0f}:1 异常（疑似压缩炸弹）", "too_large")


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as the sender meant it: Windows tools write Chinese names in GBK without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def is_case_archive(name: str, data: bytes) -> bool:
    """A .zip of a case folder (not a Word document, which is a zip too)."""
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06") and Path(sanitise_name(name)).suffix.lower() == ".zip"


def unpack_case_archive(name: str, data: bytes, limits: UploadLimits = UploadLimits()) -> list[tuple[str, bytes]]:
    """The files of a zipped case folder, checked before anything is unpacked: member count, total and per-member
    unpacked size, compression ratio (zip bombs), encryption, nested archives. Each member's bytes are read with a
    cap, so a member that lies about its size cannot inflate past the limit. Hidden and clutter files are skipped;
    folder names are dropped (the member is then checked like any uploaded file)."""
    name = sanitise_name(name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in zf.infolist() if m.filename and not m.is_dir()]  # a nameless member is no file
    except ZIP_ERRORS as e:
        raise UploadRejected(name, f"压缩包损坏（{e}）", "corrupt") from e
    if len(members) > limits.max_files:
        raise UploadRejected(name, f"压缩包内有 {len(members)} 个文件，超过上限 {limits.max_files}", "too_large")
    _check_unpacked(name, members, limits, ratio_above=1 << 20)
    out: list[tuple[str, bytes]] = []
    budget = limits.max_unzipped_bytes
    for m in members:
        path = _member_name(m).replace("\\", "/")
        parts = [x for x in path.split("/") if x]
        if ".." in parts:
            raise UploadRejected(f"{name}/{parts[-1]}", f"压缩包内的路径「{sanitise_path(path)}」指向压缩包以外"
                                                       "（含「..」），已拒绝；请解压检查后重新打包", "unsafe_path")
        if not parts or any(x.startswith((".", "~$")) for x in parts) or parts[0] == "__MACOSX":
            continue
        member = f"{name}/{parts[-1]}"
        if m.flag_bits & 0x1:
            raise UploadRejected(member, "压缩包中的文件已加密，无法读取", "encrypted")
        if m.file_size > limits.max_file_bytes:
            raise TooLarge(member, f"文件大小超过上限 {limits.max_file_bytes // (1 << 20)} MB", "too_large")
        if m.file_size > 1 << 20 and m.file_size / max(1, m.compress_size) > limits.max_zip_ratio:
            raise UploadRejected(member, "压缩比异常（疑似压缩炸弹）", "too_large")
        try:
            with zf.open(m) as f:
                content = f.read(min(limits.max_file_bytes, budget) + 1)
        except ZIP_ERRORS as e:
            raise UploadRejected(member, f"无法解压（{str(e) or '数据不完整'}）", "corrupt") from e
        if len(content) > min(limits.max_file_bytes, budget):
            raise UploadRejected(member, "解压后超过大小上限（疑似压缩炸弹）", "too_large")
        budget -= len(content)
        if is_case_archive(parts[-1], content):
            raise UploadRejected(member, "压缩包内不能再含压缩包，请解压后上传", "unsupported")
        out.append((parts[-1], content))
    if not out:
        raise UploadRejected(name, "压缩包内没有可读取的文件", "empty")
    return out


def expand_archives(files: list[tuple[str, bytes]], limits: UploadLimits = UploadLimits()) -> list[tuple[str, bytes]]:
    """Uploaded files with each zipped case folder replaced by its members (checked; nothing written)."""
    out: list[tuple[str, bytes]] = []
    for name, data in files:
        out += unpack_case_archive(name, data, limits) if is_case_archive(name, data) else [(name, data)]
    if len(out) > limits.max_files:
        raise UploadRejected(sanitise_name(files[0][0]) if files else "?",
                             f"共 {len(out)} 个文件，超过一次上传的上限 {limits.max_files}", "too_large")
    return out


def check_image(name: str, data: bytes, limits: UploadLimits) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            w, h = im.size
            if w * h > limits.max_image_pixels:
                raise UploadRejected(name, f"图片 {w}×{h} 像素超过上限（疑似解压炸弹）", "too_large")
            im.verify()
    except UploadRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as e:
        raise UploadRejected(name, f"图片文件损坏或无法识别（{e}）", "corrupt") from e


def check_upload(original_name: str, data: bytes, limits: UploadLimits = UploadLimits()) -> str:
    """Validate one uploaded file; returns its sniffed kind or raises UploadRejected/TooLarge naming the file."""
    name = sanitise_name(original_name)
    if len(data) > limits.max_file_bytes:
        raise TooLarge(name, f"文件大小超过上限 {limits.max_file_bytes // (1 << 20)} MB", "too_large")
    if not data:
        raise UploadRejected(name, "文件为空", "empty")
    kind = sniff(data)
    if kind is None:
        what = "可执行程序" if data[:2] == b"MZ" or data[:4] == b"\x7fELF" else "不支持的格式"
        raise UnsupportedFile(name, f"文件内容是{what}；{ALLOWED_HINT}", "unsupported")
    ext = Path(name).suffix.lower()
    if ext not in KINDS[kind]:
        raise UploadRejected(name, f"扩展名 {ext or '（无）'} 与文件内容（{KIND_NAMES[kind]}）不符，已拒绝", "mismatch")
    if kind == "docx":
        check_docx(name, data, limits)
    elif kind in ("png", "jpeg", "tiff", "bmp", "webp"):
        check_image(name, data, limits)
    return kind


def stored_name(kind: str) -> str:
    """A generated file name: random, with the extension of the sniffed kind; never derived from client input."""
    return f"{secrets.token_hex(12)}{KINDS[kind][0]}"
