"""The hearing record (庭审笔录) from a journal: DOCX from the template (opens, header, 「角色：……」 lines with
times, signature lines), TXT, SRT, JSON, the `arbitration hearing export` command, and LibreOffice opening it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from arbitration.hearing import Hearing, export, load_record
from arbitration.model import Agent, Case, Party, PartyKind, PartyRole

SAID = [  # (channel, start, end, text)
    (0, 1.0, 3.2, "现在开庭，首先核对当事人身份。"),
    (1, 4.0, 9.5, "我于2021年3月1日入职，公司未与我签订书面劳动合同。"),
    (1, 9.9, 12.0, "要求支付二倍工资。"),
    (2, 75.0, 79.0, "我方不同意申请人的仲裁请求。"),
]


@pytest.fixture
def hearing_dir(cfg):
    case = Case(
        case_number="青劳人仲案字〔2024〕第123号", cause="劳动争议", commission="青岛市劳动人事争议仲裁委员会",
        parties=[
            Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="张文博"),
            Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛海程物流有限公司",
                  agents=[Agent(name="刘建华")]),
        ],
    )
    h = Hearing.start(case, "2024-123-1", cfg=cfg, channels={0: "首席仲裁员", 1: "申请人", 2: "被申请人代理人"},
                      info={"place": "第三仲裁庭", "clerk": "李敏", "tribunal": "首席仲裁员王磊"})
    try:
        for i, (ch, start, end, text) in enumerate(SAID, 1):  # the journal as the live clerk writes it
            rec = {"type": "segment", "id": f"{i:06d}", "channel": ch, "start": start, "end": end, "text": text,
                   "raw_text": text, "original_text": text}
            h._append(rec)
        h.set_role("证人", channel=2, at=70.0)  # the clerk retags channel 2 before the last segment …
        h.set_role("被申请人代理人", channel=2, at=74.0)  # … and back
    finally:
        h.close()
    h = Hearing.start(None, "2024-123-1", cfg=cfg)
    try:
        h.revise("000003", text="要求支付未签订书面劳动合同的二倍工资。")
    finally:
        h.close()
    return h.dir


def test_docx_record_opens_with_header_lines_and_signatures(hearing_dir):
    from docx import Document

    out = export(hearing_dir, "docx")
    paras = [p.text for p in Document(str(out)).paragraphs]
    body = "\n".join(paras)
    for expected in ("青岛市劳动人事争议仲裁委员会", "庭 审 笔 录", "青劳人仲案字〔2024〕第123号", "地点：第三仲裁庭",
                     "记录人：李敏", "仲裁庭组成：首席仲裁员王磊", "张文博", "刘建华（委托代理人）"):
        assert expected in body, expected
    lines = [p for p in paras if "：" in p and p.startswith("〔")]
    assert lines == [
        "〔00:00:01〕首席仲裁员：现在开庭，首先核对当事人身份。",
        "〔00:00:04〕申请人：我于2021年3月1日入职，公司未与我签订书面劳动合同。要求支付未签订书面劳动合同的二倍工资。",
        "〔00:01:15〕被申请人代理人：我方不同意申请人的仲裁请求。",
    ]
    assert any(p.startswith("申请人（签名）") for p in paras)
    assert any(p.startswith("被申请人代理人（签名）") for p in paras)
    assert "{{" not in body and "{%" not in body


def test_docx_without_timestamps(hearing_dir, tmp_path):
    from docx import Document

    out = export(hearing_dir, "docx", tmp_path / "plain.docx", timestamps=False)
    paras = [p.text for p in Document(str(out)).paragraphs]
    assert "首席仲裁员：现在开庭，首先核对当事人身份。" in paras
    assert not any(p.startswith("〔") for p in paras)


def test_txt_srt_json(hearing_dir):
    txt = export(hearing_dir, "txt").read_text(encoding="utf-8")
    assert "庭审笔录" in txt and "案由：劳动争议" in txt
    assert "〔00:01:15〕被申请人代理人：我方不同意申请人的仲裁请求。" in txt
    srt = export(hearing_dir, "srt").read_text(encoding="utf-8")
    assert "00:01:15,000 --> 00:01:19,000\n被申请人代理人：我方不同意申请人的仲裁请求。" in srt
    data = json.loads(export(hearing_dir, "json").read_text(encoding="utf-8"))
    assert data["meta"]["case_number"] == "青劳人仲案字〔2024〕第123号"
    seg = data["segments"][2]
    assert seg["text"] == "要求支付未签订书面劳动合同的二倍工资。" and seg["original_text"] == "要求支付二倍工资。"
    for s in data["segments"]:  # every segment carries role, times and text
        assert s["role"] and s["end"] > s["start"] >= 0 and s["text"]


def test_unknown_format_is_refused(hearing_dir):
    from arbitration.errors import ArbitrationError

    with pytest.raises(ArbitrationError, match="不支持的导出格式"):
        export(hearing_dir, "pdf")


def test_export_command(hearing_dir, tmp_path):
    from arbitration.cli import app

    out = tmp_path / "笔录.docx"
    result = CliRunner().invoke(app, ["hearing", "export", str(hearing_dir), "--format", "docx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 5000
    result = CliRunner().invoke(app, ["hearing", "export", str(hearing_dir), "-f", "txt"])
    assert result.exit_code == 0, result.output
    assert (hearing_dir / "record.txt").is_file()
    result = CliRunner().invoke(app, ["hearing", "revise", str(hearing_dir), "000001", "--role", "仲裁员"])
    assert result.exit_code == 0, result.output
    assert load_record(hearing_dir)[0].role == "仲裁员"


@pytest.mark.libreoffice
def test_libreoffice_converts_the_record(hearing_dir):
    from arbitration.docxrender import convert_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    pdf = convert_to_pdf(export(hearing_dir, "docx"))
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000
    try:
        import pdfplumber
    except ImportError:
        return
    with pdfplumber.open(str(pdf)) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert "我方不同意申请人的仲裁请求" in text
