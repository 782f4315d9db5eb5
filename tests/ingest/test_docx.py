"""Word files: body order with tables, headers and footers as sections; legacy .doc through LibreOffice."""

from __future__ import annotations

import pytest
from ingest_paths import DISMISSAL, FORCED

from arbitration import system
from arbitration.ingest import read_document
from arbitration.model import DocType, Method


def test_docx_body_in_order_with_footer():
    doc = read_document(DISMISSAL / "仲裁申请书.docx")
    page = doc.pages[0]
    assert page.method == Method.DOCX
    assert page.text.startswith("劳动人事争议仲裁申请书\n申请人：王丽华，女，1990年5月12日出生")
    assert doc.section_text("页脚") == "劳动人事争议仲裁申请书"
    claims = doc.section_text("仲裁请求")
    assert claims.split("\n") == [
        "一、裁决被申请人支付违法解除劳动合同赔偿金48000元；",
        "二、裁决被申请人支付2021年4月1日至2022年2月28日期间未签订书面劳动合同的二倍工资差额88000元；",
        "三、裁决被申请人支付2023年3月至2024年2月延时加班工资12000元；",
        "四、裁决被申请人支付2023年度未休年休假工资3678.16元。",
    ]
    assert doc.section_text("落款").endswith("2024年3月18日")  # stops before the footer


def test_docx_header_and_table():
    app = read_document(FORCED / "仲裁申请书.docx")
    assert app.section_text("页眉") == "李强诉青岛鑫达机械制造有限公司劳动争议"
    assert app.doc_type == DocType.APPLICATION
    ev = read_document(FORCED / "证据目录.docx")
    assert ev.pages[0].tables[0].rows[3] == ["3", "被迫解除劳动合同通知书及邮寄凭证", "证明申请人以被申请人拖欠工资为由解除劳动合同", "4-5"]


@pytest.mark.libreoffice
@pytest.mark.skipif(system.soffice() is None, reason=system.missing("tool", "soffice"))
def test_legacy_doc_converted():
    path = FORCED / "答辩书.doc"
    if not path.exists():
        pytest.skip("fixtures were built without LibreOffice: no .doc fixture")
    doc = read_document(path)
    assert doc.doc_type == DocType.DEFENCE
    assert "一、被答辩人的月工资为5000元，其余部分为全勤奖和加班补贴" in doc.section_text("答辩意见")


def test_doc_without_libreoffice_says_how_to_enable(monkeypatch, tmp_path):
    from arbitration.errors import UnsupportedFile
    from arbitration.ingest import docx as docx_reader

    path = FORCED / "答辩书.doc"
    if not path.exists():
        pytest.skip("no .doc fixture")
    monkeypatch.setattr(docx_reader.system, "soffice", lambda: None)
    with pytest.raises(UnsupportedFile, match="LibreOffice") as info:
        read_document(path)
    assert info.value.file == "答辩书.doc"
