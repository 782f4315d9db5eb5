"""The hearing record (庭审笔录) from a journal: DOCX from the template (opens, header, 「角色：……」 lines with
times, signature lines), TXT, SRT, JSON, the `arbitration hearing export` command, and LibreOffice opening it."""

from __future__ import annotations

import json
import re

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
        h.revise("000003", text="要求支付二倍工资差额。", by="李敏")
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
    signed = [p.split("（签名）")[0] for p in paras if "（签名）" in p]
    assert signed == ["申请人", "被申请人代理人", "被申请人", "首席仲裁员", "书记员"]  # parties, then tribunal
    assert "{{" not in body and "{%" not in body and "（未填写）" not in body


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
    assert "〔00:00:04〕申请人：我于2021年3月1日入职，公司未与我签订书面劳动合同。要求支付未签订" in txt  # one paragraph
    srt = export(hearing_dir, "srt").read_text(encoding="utf-8")
    assert "00:01:15,000 --> 00:01:19,000\n被申请人代理人：我方不同意申请人的仲裁请求。" in srt
    assert srt.count(" --> ") == len(SAID)  # subtitles stay per segment
    data = json.loads(export(hearing_dir, "json").read_text(encoding="utf-8"))
    assert data["meta"]["case_number"] == "青劳人仲案字〔2024〕第123号"
    assert len(data["segments"]) == len(SAID)
    seg = data["segments"][2]  # the revision history survives the replay: every edit, in order, and the original
    assert seg["text"] == "要求支付未签订书面劳动合同的二倍工资。" and seg["original_text"] == "要求支付二倍工资。"
    assert seg["raw_text"] == "要求支付二倍工资。"
    assert [(r["text"], r["by"]) for r in seg["revisions"]] == [("要求支付二倍工资差额。", "李敏"),
                                                               ("要求支付未签订书面劳动合同的二倍工资。", "书记员")]
    for s in data["segments"]:  # every segment carries role, times and text
        assert s["role"] and s["end"] > s["start"] >= 0 and s["text"]


def test_missing_header_fields_say_so(cfg, monkeypatch):
    """No case, no place, clerk or tribunal given (a web hearing): the header says 「（未填写）」, never a bare
    label; the time runs from the start to where the recorded audio ended."""
    from docx import Document
    from scripted_asr import ScriptedASR, frames, use

    asr = use(monkeypatch, ScriptedASR({0: [(1.0, 2.0, "现在开庭。")]}))
    h = Hearing.start(None, "web-000002-0000", cfg=cfg, asr=asr)
    try:
        h.feed(frames(0.0, 150.0))
        h.finish()
    finally:
        h.close()
    paras = [p.text for p in Document(str(export(h.dir, "docx"))).paragraphs]
    for label in ("地点", "仲裁庭组成", "记录人", "到庭人员", "案号"):
        assert f"{label}：（未填写）" in paras, label
    assert not [p for p in paras if p.endswith("：") and p != "记录如下："]
    when = next(p for p in paras if p.startswith("时间："))
    assert re.fullmatch(r"时间：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d(至\d\d:\d\d|至\d{4}年.*)", when), when
    txt = export(h.dir, "txt").read_text(encoding="utf-8")
    assert "记录人：（未填写）" in txt and "〔00:00:01〕发言人：现在开庭。" in txt
    Hearing.start(None, h.id, cfg=cfg, info={"place": "第二仲裁庭"}).close()  # resumed for an edit, no audio
    txt = export(h.dir, "txt").read_text(encoding="utf-8")
    assert "地点：第二仲裁庭" in txt and f"{when}\n" in txt  # the time still ends where the audio ended


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
