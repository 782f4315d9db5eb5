"""Text files in GBK/GB18030/UTF-8/UTF-16: detected, never mojibake."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_paths import DISMISSAL, SCANNED

from arbitration.ingest import read_document
from arbitration.ingest.txt import decode_text

# realistic text: the 3,755 most common hanzi (GB2312 level 1), Chinese punctuation, digits
LEVEL1 = "".join(bytes((hi, lo)).decode("gb2312") for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) if (hi, lo) < (0xD7, 0xFA))
CHINESE = st.text(alphabet=st.sampled_from(LEVEL1 + "，。、：；（）《》“”0123456789元年月日"), min_size=1, max_size=200)


def test_gbk_file_exact():
    doc = read_document(DISMISSAL / "微信聊天记录.txt")
    assert doc.pages[0].text == (
        "微信聊天记录（2024年1月）\n"
        "王丽华：刘总，这个月又加了四个周六的班，加班费什么时候发？\n"
        "刘建国：年后一起算，先把库存盘完。\n"
        "王丽华：好的，那我先记下加班时间。"
    )


def test_utf8_file_exact():
    assert read_document(SCANNED / "情况说明.txt").pages[0].text.startswith("情况说明\n申请人于2024年1月31日被口头辞退")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_bom_encodings(encoding):
    text = "申请人于2021年3月1日入职，月工资8000元。"
    assert decode_text(text.encode(encoding))[0] == text


@settings(max_examples=300, deadline=None)
@given(text=CHINESE, encoding=st.sampled_from(["gbk", "gb18030", "utf-8"]))
def test_round_trip_random_chinese(text, encoding):
    decoded, _ = decode_text(text.encode(encoding))
    assert decoded == text


def test_binary_is_refused():
    with pytest.raises(ValueError):
        decode_text(bytes(range(1, 32)) * 50)


def test_ambiguous_bytes_prefer_hanzi():
    # GBK 「伪」 is the byte pair CE B1, which is also UTF-8 「α」: a Chinese case file means the hanzi
    assert decode_text("伪".encode("gbk"))[0] == "伪"
    assert decode_text("Привет мир".encode())[0] == "Привет мир"  # a clear UTF-8 text is not re-read
