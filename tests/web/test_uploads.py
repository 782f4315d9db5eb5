"""Uploads: type sniffed from content, size limits, zip bombs, generated names — unit level and through the API."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as Docx

from arbitration.errors import IngestError, TooLarge, UnsupportedFile
from arbitration.web.uploads import (
    UploadLimits,
    UploadRejected,
    check_upload,
    sanitise_name,
    sniff,
    stored_name,
)

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"This program cannot be run in DOS mode"


def real_docx(text: str = "仲裁申请书\n申请人：张三") -> bytes:
    d = Docx()
    for line in text.splitlines():
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def real_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "Arbitration application")
    c.save()
    return buf.getvalue()


def real_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buf, "PNG")
    return buf.getvalue()


def zip_bomb_docx(zeros: int = 30 * 1024 * 1024) -> bytes:
    """A structurally valid .docx whose one extra part is `zeros` bytes of zeros (compresses ~1000:1)."""
    buf = io.BytesIO(real_docx())
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/padding.bin", b"\x00" * zeros)
    return buf.getvalue()


def plain_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    return buf.getvalue()


def test_sniff_real_files():
    assert sniff(real_pdf()) == "pdf"
    assert sniff(real_docx()) == "docx"
    assert sniff(real_png()) == "png"
    assert sniff("劳动合同\n甲方：青岛某某公司".encode()) == "txt"
    assert sniff("劳动合同".encode("gb18030")) == "txt"
    assert sniff(EXE) is None
    assert sniff(b"\x7fELF\x02\x01\x01" + b"\x00" * 50) is None


def test_allowed_files_pass_with_their_kind():
    assert check_upload("申请书.pdf", real_pdf()) == "pdf"
    assert check_upload("合同.DOCX", real_docx()) == "docx"
    assert check_upload("扫描件.png", real_png()) == "png"
    assert check_upload("说明.txt", "工资条".encode()) == "txt"


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("申请书.pdf", EXE, UnsupportedFile),  # an executable named .pdf
        ("申请书.pdf", plain_zip(), UploadRejected),  # a zip named .pdf
        ("证据.docx", plain_zip(), UploadRejected),  # a zip that is not a Word document
        ("申请书.pdf", real_docx(), UploadRejected),  # a real DOCX under a .pdf name: extension and content disagree
        ("图片.png", real_pdf(), UploadRejected),
        ("空.txt", b"", UploadRejected),
        ("a.exe", EXE, UnsupportedFile),
    ],
)
def test_disguised_or_bad_files_refused(name, data, error):
    with pytest.raises(error) as e:
        check_upload(name, data)
    assert isinstance(e.value, IngestError) and e.value.file == sanitise_name(name)


def test_zip_bomb_docx_refused_without_unpacking():
    bomb = zip_bomb_docx()
    assert len(bomb) < 1024 * 1024  # small on the wire
    with pytest.raises(UploadRejected, match="压缩炸弹"):
        check_upload("证据.docx", bomb)
    # an unpacked size over the limit is refused even at a modest ratio
    with pytest.raises(UploadRejected, match="压缩炸弹"):
        check_upload("证据.docx", real_docx("正文" * 20000), UploadLimits(max_unzipped_bytes=50_000))


def test_oversized_file_refused():
    with pytest.raises(TooLarge):
        check_upload("big.txt", b"a" * 2048, UploadLimits(max_file_bytes=1024))


def test_names_sanitised_and_generated():
    assert sanitise_name("../../etc/passwd") == "passwd"
    assert sanitise_name("..\\..\\windows\\system32\\x.pdf") == "x.pdf"
    assert sanitise_name("a\x00b\n.pdf") == "ab.pdf"
    assert sanitise_name("") == "未命名文件"
    names = {stored_name("pdf") for _ in range(50)}
    assert len(names) == 50 and all(n.endswith(".pdf") and "/" not in n for n in names)


def test_api_refuses_disguised_and_oversized_uploads(tmp_path, monkeypatch):
    from web_helpers import make_web

    web = make_web(tmp_path, monkeypatch, upload_limits=UploadLimits(max_file_bytes=200_000,
                                                                     max_request_bytes=2_000_000))
    staff = web.login("staff")
    for name, data in (("申请书.pdf", EXE), ("申请书.pdf", plain_zip()), ("证据.docx", zip_bomb_docx(8 << 20)),
                       ("大文件.txt", b"a" * 300_000)):
        r = staff.post("/api/cases", files=[("files", (name, data, "application/pdf"))])
        assert r.status_code == 422, (name, r.status_code, r.text)
        assert sanitise_name(name) in r.json()["detail"]
    # the whole request over the limit is refused before it is read
    r = staff.post("/api/cases", files=[("files", ("a.txt", b"a" * 2_100_000, "text/plain"))])
    assert r.status_code == 413
    # nothing refused left a case or a file behind
    assert staff.get("/api/cases").json() == []
    assert not list((web.data_dir / "web").glob("cases/*/files/*"))
    # one bad file refuses the whole upload
    r = staff.post("/api/cases", files=[("files", ("ok.txt", "工资条".encode(), "text/plain")),
                                        ("files", ("bad.pdf", EXE, "application/pdf"))])
    assert r.status_code == 422 and staff.get("/api/cases").json() == []
    # a good upload is stored under a generated name; the client's name is only metadata
    r = staff.post("/api/cases", files=[("files", ("../../evil.txt", "工资条".encode(), "text/plain"))])
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    stored = list((web.data_dir / "web").glob("cases/*/files/*"))
    assert len(stored) == 1 and stored[0].name != "evil.txt" and stored[0].suffix == ".txt"
    assert stored[0].resolve().is_relative_to((web.data_dir / "web").resolve())
    assert staff.get(f"/api/cases/{case_id}").json()["files"][0]["name"] == "evil.txt"
    web.app.state.workspace.close()


# ---------------------------------------------------------------- zipped case folders


class GbkInfo(zipfile.ZipInfo):
    """What Windows' built-in zip writes for Chinese names: GBK bytes and no UTF-8 flag."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's name
        return self.filename.encode("gbk"), self.flag_bits


def case_zip(members: dict[str, bytes], gbk_names: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            info = (GbkInfo if gbk_names else zipfile.ZipInfo)(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def test_zipped_case_folder_unpacks_to_checked_files():
    from arbitration.web.uploads import expand_archives

    data = case_zip({"案卷/仲裁申请书.docx": real_docx(), "案卷/证据/工资条.pdf": real_pdf(),
                     "案卷/.DS_Store": b"\x00\x01", "__MACOSX/案卷/._x": b"junk", "案卷/扫描件.png": real_png()},
                    gbk_names=True)
    files = expand_archives([("案卷.zip", data), ("答辩书.txt", "答辩书".encode())])
    assert sorted(n for n, _ in files) == sorted(["仲裁申请书.docx", "扫描件.png", "工资条.pdf", "答辩书.txt"])
    assert [check_upload(n, d) for n, d in files]  # each member passes the same checks as an uploaded file


@pytest.mark.parametrize("members,limits,match", [
    ({"a.txt": b"\x00" * (8 << 20)}, UploadLimits(), "压缩炸弹"),  # ratio ~1000:1
    ({"a.txt": "正文".encode() * 200_000}, UploadLimits(max_unzipped_bytes=100_000), "压缩炸弹"),  # total size
    ({f"{i}.txt": b"x" for i in range(12)}, UploadLimits(max_files=10), "超过上限"),
    ({"inner.zip": b""}, UploadLimits(), "不能再含压缩包"),
    ({}, UploadLimits(), "没有可读取的文件"),
])
def test_bad_case_archives_refused(members, limits, match):
    from arbitration.web.uploads import expand_archives

    if "inner.zip" in members:
        members = {"inner.zip": case_zip({"a.txt": b"x"})}
    with pytest.raises(IngestError, match=match):
        expand_archives([("案卷.zip", case_zip(members))], limits)


def test_zip_member_lying_about_its_size_is_capped():
    """A member whose header claims a small size but inflates to more is cut off at the limit, never held whole."""
    from arbitration.web.uploads import unpack_case_archive

    raw = bytearray(case_zip({"a.txt": b"a" * 5000}))
    # patch the declared uncompressed size (local header and central directory) down to 100 bytes
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.find(sig)
        raw[at + offset: at + offset + 4] = (100).to_bytes(4, "little")
    with pytest.raises(IngestError):
        unpack_case_archive("案卷.zip", bytes(raw), UploadLimits(max_file_bytes=1000))


def test_api_accepts_a_zipped_case_and_refuses_a_zip_bomb(tmp_path, monkeypatch):
    from web_helpers import make_web

    web = make_web(tmp_path, monkeypatch)
    web.app.state.workspace.start_extraction = lambda case_id: None  # storage only; extraction has its own tests
    staff = web.login("staff")
    bomb = case_zip({"申请书.txt": "申请书".encode(), "证据.txt": b"\x00" * (20 << 20)})
    r = staff.post("/api/cases", files=[("files", ("案卷.zip", bomb, "application/zip"))])
    assert r.status_code == 422 and "压缩炸弹" in r.json()["detail"], r.text
    assert staff.get("/api/cases").json() == []
    good = case_zip({"案卷/仲裁申请书.docx": real_docx(), "案卷/工资条.txt": "工资条".encode()})
    r = staff.post("/api/cases", files=[("files", ("案卷.zip", good, "application/zip"))])
    assert r.status_code == 201, r.text
    files = staff.get(f"/api/cases/{r.json()['id']}").json()["files"]
    assert sorted(f["name"] for f in files) == ["仲裁申请书.docx", "工资条.txt"]
    assert sorted(f["kind"] for f in files) == ["docx", "txt"]
    web.app.state.workspace.close()


# ---------------------------------------------------------------- long texts and unsafe member paths

SENTENCE = "申请人于二〇二〇年三月一日入职被申请人处，担任销售经理，月工资八千元，双方未签订书面劳动合同。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_long_chinese_text_whose_sniff_cut_splits_a_character_is_accepted(encoding):
    """Valid text over 64 KiB used to be refused (「文件内容是不支持的格式」) when the sniffer's 65,536-byte cut fell
    inside a character (3 bytes in UTF-8, 2 in GB18030; one ASCII letter in front moves the cut where needed)."""
    data = (SENTENCE * 2000).encode(encoding)
    if data[: 1 << 16].decode(encoding, errors="ignore").encode(encoding) == data[: 1 << 16]:
        data = b"A" + data
    assert len(data) > 1 << 16
    with pytest.raises(UnicodeDecodeError):
        data[: 1 << 16].decode(encoding)  # the cut does split a character
    assert sniff(data) == "txt"
    assert check_upload("申请书.txt", data) == "txt"
    # a genuinely broken byte inside the first 64 KiB is still not text
    broken = data[:1000] + b"\xff\xfe\x00\x01" + data[1000:]
    assert sniff(broken) is None


def test_api_accepts_long_chinese_text(web):
    web.app.state.workspace.start_extraction = lambda case_id, user=None: None  # storage only
    staff = web.login("staff")
    data = (SENTENCE * 2000).encode()
    r = staff.post("/api/cases", files=[("files", ("申请书.txt", data, "text/plain"))])
    assert r.status_code == 201, r.text


def test_zip_member_climbing_out_of_the_folder_is_reported_by_name():
    """A member path with `..` used to be skipped without a word; it is refused naming the member, as other
    refused members are."""
    from arbitration.web.uploads import expand_archives

    data = case_zip({"案卷/仲裁申请书.txt": "申请书".encode(), "案卷/../../etc/工资条.txt": "工资条".encode()})
    with pytest.raises(UploadRejected, match=r"\.\./\.\./etc/工资条\.txt") as e:
        expand_archives([("案卷.zip", data)])
    assert e.value.file == "案卷.zip/工资条.txt"
    # hidden files and the macOS clutter are still left out quietly
    data = case_zip({"案卷/仲裁申请书.txt": "申请书".encode(), "案卷/.DS_Store": b"\x00", "__MACOSX/案卷/._x": b"x"})
    assert [n for n, _ in expand_archives([("案卷.zip", data)])] == ["仲裁申请书.txt"]
