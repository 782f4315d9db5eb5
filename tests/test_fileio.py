import json

import pytest

from arbitration.fileio import (
    atomic_open,
    sha256_bytes,
    sha256_file,
    write_json,
    write_text,
)


def test_atomic_write_replaces_whole_file(tmp_path):
    p = tmp_path / "sub" / "case.json"
    write_json(p, {"案号": "〔2024〕第1号"})
    assert json.loads(p.read_text(encoding="utf-8")) == {"案号": "〔2024〕第1号"}
    assert "〔2024〕" in p.read_text(encoding="utf-8")  # readable Chinese, not \\u escapes


def test_failed_write_keeps_old_content_and_leaves_no_temp(tmp_path):
    p = tmp_path / "record.txt"
    write_text(p, "旧内容")
    with pytest.raises(RuntimeError):
        with atomic_open(p, "w") as f:
            f.write("半截")
            raise RuntimeError("crash mid-write")
    assert p.read_text(encoding="utf-8") == "旧内容"
    assert [x.name for x in tmp_path.iterdir()] == ["record.txt"]


def test_hashes_agree(tmp_path):
    p = tmp_path / "a.bin"
    p.write_bytes(b"abc" * 1000)
    assert sha256_file(p, chunk=7) == sha256_bytes(b"abc" * 1000)
