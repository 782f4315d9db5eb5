"""Inputs the fuzzer (benchmarks/fuzz_readers.py) found crashing the readers, rebuilt here by small scripts:
each must now end in a named error (arbitration.errors), as every input must."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest

from arbitration.errors import CorruptFile, EncryptedFile
from arbitration.ingest import read_document
from arbitration.model import Line
from arbitration.web.uploads import UploadRejected, check_upload, unpack_case_archive

TEXT = ("仲裁申请书\n" + "申请人请求裁决被申请人支付拖欠的工资。" * 40).encode()


class StandInOCR:
    name = "stand-in"

    def recognize(self, image):
        image.load()
        return [Line(text="识别", confidence=0.9, box=(0, 0, 1, 1))]


def pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies, with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def png_cut_in_idat() -> bytes:
    """A PNG whose image data stops half way, followed by four stray bytes where the next chunk should start."""
    from PIL import Image

    rnd = random.Random(1)
    buf = io.BytesIO()
    Image.frombytes("L", (64, 64), bytes(rnd.randrange(256) for _ in range(64 * 64))).save(buf, "PNG")
    data = buf.getvalue()
    i = data.find(b"IDAT") - 4
    (n,) = struct.unpack(">I", data[i : i + 4])
    half = data[i + 8 : i + 8 + n // 2]
    chunk = struct.pack(">I", len(half)) + b"IDAT" + half + struct.pack(">I", zlib.crc32(b"IDAT" + half))
    return data[:i] + chunk + b"\x00IEN"


def tiff_second_page_without_size() -> bytes:
    """A valid one-page TIFF whose next-page pointer leads to a page with no width or height."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (20, 20), 255).save(buf, "TIFF")
    data = bytearray(buf.getvalue())
    (ifd,) = struct.unpack("<I", data[4:8])
    (n,) = struct.unpack("<H", data[ifd : ifd + 2])
    data[ifd + 2 + 12 * n : ifd + 6 + 12 * n] = struct.pack("<I", len(data))
    return bytes(data) + struct.pack("<HHHII", 1, 259, 3, 1, 1) + struct.pack("<I", 0)


def zip_bytes(name: bytes, data: bytes, version: int = 20, deflate: bool = False, cut: int | None = None,
              extra: int = 0, encrypted: bool = False, more: tuple[tuple[bytes, bytes], ...] = ()) -> bytes:
    """A zip written field by field, so a test can set what zipfile refuses to write: the version needed to
    extract, an empty name, compressed data cut short, a local extra field longer than the file, the encryption
    flag; `more` members follow, each written the same way."""
    locals_, centrals = b"", b""
    for n, d in ((name, data), *more):
        packed = (lambda c: c.compress(d) + c.flush())(zlib.compressobj(6, zlib.DEFLATED, -15)) if deflate else d
        flags = 0x801 if encrypted else 0x800
        head = (version, flags, 8 if deflate else 0, 0, 0x21, zlib.crc32(d), len(packed), len(d), len(n))
        centrals += struct.pack("<4sH5H3I5H2I", b"PK\x01\x02", 20, *head, 0, 0, 0, 0, 0, len(locals_)) + n
        locals_ += struct.pack("<4s5H3I2H", b"PK\x03\x04", *head, extra) + n + packed[:cut]
    count = 1 + len(more)
    return locals_ + centrals + struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(centrals),
                                            len(locals_), 0)


def read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path, ocr=StandInOCR())


def test_pdf_whose_font_dictionary_has_a_key_without_value(tmp_path):
    """pdfplumber wraps pdfminer's syntax error in its own PdfminerException, which went through."""
    content = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET"
    data = pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
    with pytest.raises(CorruptFile, match="PDF 文件已损坏"):
        read(tmp_path, "答辩书.pdf", data)


def test_pdf_page_pdfium_cannot_load(tmp_path):
    """pdfminer reads the (empty) page, PDFium cannot load it to render it for OCR: PdfiumError went through.
    The fuzzer's input, minimised."""
    data = (b"%PDF-\n4 0 obj<</Contents 8 0R/MediaBox[0 0 6 8]/<<//>>s</Type/Page>>endobj\n5 0 obj<<///Pages 7 0 R"
            b"//>>7 0 obj<</Count 1/Kids 0\nendobj\n8 0 obj\n7stream\n1 1Tf(\\0)Tjendstream\nendobj\n"
            b"trailer<<n 0/Root 5 0 R>>startxref\n")
    with pytest.raises(CorruptFile, match="第1页已损坏"):
        read(tmp_path, "证据.pdf", data)


@pytest.mark.parametrize("name, data", [("工资条.png", png_cut_in_idat()),  # Pillow: SyntaxError
                                        ("考勤.tif", tiff_second_page_without_size())])  # Pillow: TypeError
def test_damaged_images(tmp_path, name, data):
    with pytest.raises(CorruptFile, match="图片文件已损坏"):
        read(tmp_path, name, data)


ZIPS = {
    "newer zip version": zip_bytes("申请书.txt".encode(), TEXT, version=255),  # zipfile: NotImplementedError
    "nameless member": zip_bytes(b"", TEXT),  # ZipInfo.is_dir: IndexError
    "extra field past the end": zip_bytes("申请书.txt".encode(), TEXT, deflate=True, extra=0xFFFF),  # EOFError
    "deflate data cut": zip_bytes("申请书.txt".encode(), TEXT, deflate=True, cut=30),  # zlib.error
}


@pytest.mark.parametrize("what", list(ZIPS))
def test_damaged_case_archives_are_refused_by_name(what):
    with pytest.raises(UploadRejected) as info:
        unpack_case_archive("案卷.zip", ZIPS[what])
    assert info.value.kind in ("corrupt", "empty"), info.value
    assert "案卷.zip" in str(info.value)


def test_word_document_of_a_newer_zip_version(tmp_path):
    """zipfile refuses to open it (NotImplementedError): the upload check and the Word reader say it is damaged."""
    data = zip_bytes(b"word/document.xml", b"<w:document/>", version=255)
    with pytest.raises(UploadRejected, match="压缩结构损坏"):
        check_upload("申请书.docx", data)
    with pytest.raises(CorruptFile, match="Word 文件已损坏"):
        read(tmp_path, "申请书.docx", data)


def test_word_document_with_an_encrypted_part(tmp_path):
    """zipfile refuses to read an encrypted part (RuntimeError): the Word reader says it is encrypted."""
    data = zip_bytes(b"[Content_Types].xml", b"<Types/>", encrypted=True,
                     more=((b"word/document.xml", b"<w:document/>"),))
    with pytest.raises(EncryptedFile, match="已加密"):
        read(tmp_path, "申请书.docx", data)
