"""Identify a file by its first bytes, not its name, and refuse files that are empty, huge or mislabelled."""

from __future__ import annotations

from pathlib import Path

from arbitration.errors import CorruptFile, EmptyFile, TooLarge, UnsupportedFile

MAX_FILE_BYTES = 200 * 1024 * 1024  # a case file larger than this is refused before any parser sees it

# kind -> human name used in messages
KIND_NAMES: dict[str, str] = {
    "pdf": "PDF 文档",
    "docx": "Word 文档（.docx）",
    "doc": "旧版 Word 文档（.doc）",
    "ole": "Office 复合文档（可能是加密的 Office 文件）",
    "zip": "ZIP 压缩包",
    "png": "PNG 图片",
    "jpeg": "JPEG 图片",
    "tiff": "TIFF 图片",
    "bmp": "BMP 图片",
    "gif": "GIF 图片",
    "webp": "WebP 图片",
    "text": "纯文本",
    "binary": "无法识别的二进制数据",
}

# extension -> content kinds that are acceptable for it
EXTENSION_KINDS: dict[str, set[str]] = {
    ".pdf": {"pdf"},
    ".docx": {"docx", "ole"},  # "ole": an encrypted .docx is an OLE container
    ".doc": {"doc", "ole", "docx"},  # some programs save .docx content under a .doc name
    ".txt": {"text"},
    ".png": {"png"},
    ".jpg": {"jpeg"},
    ".jpeg": {"jpeg"},
    ".tif": {"tiff"},
    ".tiff": {"tiff"},
    ".bmp": {"bmp"},
    ".webp": {"webp"},
}

SUPPORTED_SUFFIXES = frozenset(EXTENSION_KINDS)
# an image under another image's extension (a phone's JPEG saved as .png) is read by its content, with a warning
IMAGE_KINDS = frozenset({"png", "jpeg", "tiff", "bmp", "webp"})

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML_MARK = "EncryptionInfo".encode("utf-16-le")


def sniff_bytes(head: bytes) -> str:
    """The content kind of a file from its first few kilobytes (see KIND_NAMES)."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    if head.startswith(_OLE_MAGIC):
        return "ole" if _ENCRYPTED_OOXML_MARK in head else "doc"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"BM"):
        return "bmp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return "text" if _looks_like_text(head) else "binary"


def _looks_like_text(head: bytes) -> bool:
    """Text has no NUL bytes (except UTF-16, recognised by its BOM) and few control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= len(head) // 100


def check_file(path: Path, name: str) -> str:
    """Refuse empty, oversized, unsupported or mislabelled files; return the content kind to read it as."""
    suffix = path.suffix.lower()
    if suffix not in EXTENSION_KINDS:
        raise UnsupportedFile(
            name,
            f"不支持的文件类型「{suffix or '无扩展名'}」；可读取 PDF、Word（.docx/.doc）、"
            "图片（JPG/PNG/TIFF）和 TXT，请转换后再提交",
            kind="unsupported",
        )
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile(name, "文件为空（0 字节）", kind="empty")
    if size > MAX_FILE_BYTES:
        raise TooLarge(
            name, f"文件过大（{size / 2**20:.0f} MB，上限 {MAX_FILE_BYTES // 2**20} MB）", kind="too_large"
        )
    with open(path, "rb") as f:
        head = f.read(8192)
    kind = sniff_bytes(head)
    if kind in IMAGE_KINDS and EXTENSION_KINDS[suffix] <= IMAGE_KINDS:
        return kind
    if kind not in EXTENSION_KINDS[suffix]:
        raise CorruptFile(
            name, f"扩展名为 {suffix} 但内容是{KIND_NAMES[kind]}，请核对文件或改正扩展名", kind="wrong_extension"
        )
    return kind


def extension_note(path: Path, kind: str) -> str | None:
    """A warning when a readable file's content does not match its extension (only images are let through)."""
    suffix = path.suffix.lower()
    if kind in EXTENSION_KINDS.get(suffix, ()):
        return None
    return f"扩展名为 {suffix}，内容实为{KIND_NAMES[kind]}，已按实际内容读取"
