"""Bad input gets a named IngestError that says which file and why (in Chinese); a folder read goes on."""

from __future__ import annotations

import re
import shutil

import pytest
from ingest_paths import BROKEN, DISMISSAL

from arbitration.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    IngestError,
    TooLarge,
    UnsupportedFile,
)
from arbitration.ingest import read_document, read_folder, sniff

HANZI = re.compile(r"[\u4e00-\u9fff]")

# broken fixtures that are refused before any OCR: (file, error class, kind, words the reason must contain)
REFUSED = [
    ("截断的证据目录.pdf", CorruptFile, "corrupt", "损坏"),
    ("加密的答辩书.pdf", EncryptedFile, "encrypted", "加密"),
    ("加密的申请书.docx", EncryptedFile, "encrypted", "Word 文件已加密"),
    ("空文件.pdf", EmptyFile, "empty", "0 字节"),
    ("零页.pdf", EmptyFile, "no_pages", "没有任何页面"),
    ("其实是Word.pdf", CorruptFile, "wrong_extension", "Word 文档"),
    ("不是压缩包.docx", CorruptFile, "wrong_extension", "纯文本"),
    ("截断的申请书.docx", CorruptFile, "not_zip", "ZIP"),
    ("压缩炸弹.docx", TooLarge, "zip_bomb", "压缩炸弹"),
    ("超大图片.png", TooLarge, "too_large", "尺寸过大"),
]


def _assert_named(err: IngestError, file: str, kind: str, words: str) -> None:
    assert err.file == file
    assert err.kind == kind
    assert words in err.reason
    assert HANZI.search(err.reason), "the reason is for a clerk: Chinese"
    assert str(err).startswith(file + ": ")


@pytest.mark.parametrize(("file", "cls", "kind", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_broken_file_named_error(file, cls, kind, words):
    with pytest.raises(cls) as info:
        read_document(BROKEN / file, ocr=_no_ocr())
    _assert_named(info.value, file, kind, words)


def test_mislabelled_is_sniffed_from_content_not_name(tmp_path):
    # the same DOCX bytes under .docx are read; under .pdf they are refused as a Word file with a wrong name
    good = tmp_path / "情况说明.docx"
    shutil.copy(BROKEN / "其实是Word.pdf", good)
    assert "这是一个Word文件" in read_document(good).text
    text_as_pdf = tmp_path / "申请书.pdf"
    text_as_pdf.write_text("仲裁申请书\n申请人：王丽华", encoding="utf-8")
    with pytest.raises(CorruptFile, match="内容是纯文本"):
        read_document(text_as_pdf)


def test_encrypted_docx_under_a_doc_name_is_still_encrypted(tmp_path):
    # sniffed as a password-protected OOXML container: no LibreOffice round trip, the right reason
    path = tmp_path / "申请书.doc"
    shutil.copy(BROKEN / "加密的申请书.docx", path)
    with pytest.raises(EncryptedFile, match="已加密"):
        read_document(path)


def test_file_over_the_size_limit_is_refused_unread(tmp_path):
    huge = tmp_path / "银行流水.pdf"
    with open(huge, "wb") as f:  # sparse: costs no disk, and must be refused before a parser opens it
        f.write(b"%PDF-1.7\n")
        f.truncate(sniff.MAX_FILE_BYTES + 1)
    with pytest.raises(TooLarge) as info:
        read_document(huge, ocr=_no_ocr())
    _assert_named(info.value, "银行流水.pdf", "too_large", "文件过大")


def test_oversized_page_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "超长页面.pdf"
    c = canvas.Canvas(str(path), pagesize=(600, 20000))  # 20000 pt: beyond the PDF spec's 14400 pt limit
    c.drawString(50, 19000, "Wage slip")
    c.save()
    with pytest.raises(TooLarge) as info:
        read_document(path, ocr=_no_ocr())
    _assert_named(info.value, "超长页面.pdf", "too_large", "第1页尺寸过大")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "工资表.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UnsupportedFile) as info:
        read_document(path)
    _assert_named(info.value, "工资表.xlsx", "unsupported", "不支持的文件类型")


def test_read_folder_reports_bad_files_and_goes_on(tmp_path):
    case = tmp_path / "case"
    (case / "证据").mkdir(parents=True)
    shutil.copy(DISMISSAL / "答辩书.pdf", case / "答辩书.pdf")
    for file, *_ in REFUSED:
        shutil.copy(BROKEN / file, case / "证据" / file)
    (case / "~$答辩书.docx").write_bytes(b"lock")  # Word's lock file: not a case file
    (case / ".DS_Store").write_bytes(b"\x00\x00")
    documents, errors = read_folder(case, ocr=_no_ocr())
    assert [d.file for d in documents] == ["答辩书.pdf"]
    assert sorted(e.file for e in errors) == sorted(f"证据/{file}" for file, *_ in REFUSED)
    by_file = {e.file: e for e in errors}
    for file, cls, kind, words in REFUSED:
        err = by_file[f"证据/{file}"]
        assert type(err) is cls and err.kind == kind and words in err.reason


def _no_ocr():
    """An OCR engine that fails the test if used: these files must be refused before any OCR."""

    class NoOCR:
        name = "none"

        def recognize(self, image):
            raise AssertionError("OCR must not run for this file")

    return NoOCR()


def test_image_under_another_image_extension_is_read_by_content(tmp_path):
    from arbitration.ingest.sniff import check_file, extension_note

    photo = tmp_path / "工资条.png"
    shutil.copy(DISMISSAL / "工资条.jpg", photo)  # a phone's JPEG saved with a .png name
    assert check_file(photo, photo.name) == "jpeg"
    assert extension_note(photo, "jpeg") == "扩展名为 .png，内容实为JPEG 图片，已按实际内容读取"
    not_image = tmp_path / "工资条.jpg"
    shutil.copy(BROKEN / "其实是Word.pdf", not_image)
    with pytest.raises(CorruptFile, match="内容是Word 文档"):
        check_file(not_image, not_image.name)
