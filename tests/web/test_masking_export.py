"""Masked export for publication: no ID number or full personal name survives, in body, tables, headers, footers."""

from __future__ import annotations

import pytest
from docx import Document as Docx

from arbitration.model import Agent, Case, Party, PartyKind, PartyRole
from arbitration.web.masking_export import (
    ID_NUMBER,
    MaskingFailed,
    docx_text,
    leaks,
    mask_docx,
)

ID = "370202199001011234"
AGENT_ID = "37020219851231002X"


def sample_case() -> Case:
    return Case(parties=[
        Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="张三丰", id_number=ID, phone="13812345678",
              address="青岛市市南区香港中路10号3单元501室", agents=[Agent(name="李四", kind="律师", firm="山东某某律师事务所")]),
        Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛海润科技有限公司",
              credit_code="91370200MA3C123456", legal_representative=Agent(name="欧阳娜娜", kind="法定代表人")),
    ])


def sample_docx(path):
    d = Docx()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "张三丰与青岛海润科技有限公司劳动争议"
    sec.footer.paragraphs[0].text = f"申请人身份证号 {ID}"
    d.add_paragraph(f"申请人：张三丰，男，1990年1月1日出生，公民身份号码{ID}，住青岛市市南区香港中路10号3单元501室，"
                    "电话13812345678。")
    p = d.add_paragraph("委托代理人：")
    p.add_run("李")  # a name split across runs
    p.add_run("四，山东某某律师事务所律师。")
    d.add_paragraph("被申请人：青岛海润科技有限公司，法定代表人：欧阳娜娜。")
    d.add_paragraph(f"代理人身份证 {AGENT_ID}，工资卡账号 6222 0212 3456 7890 123。")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "姓名", "张三丰"
    t.cell(1, 0).text, t.cell(1, 1).text = "身份证", ID
    d.save(path)


def test_masked_docx_keeps_no_id_or_full_name(tmp_path):
    pytest.importorskip("arbitration.masking", reason="masking stage (arbitration.masking) not installed")
    src, out = tmp_path / "award.docx", tmp_path / "award-masked.docx"
    sample_docx(src)
    assert ID in docx_text(src) and "张三丰" in docx_text(src)
    mask_docx(src, out, sample_case())
    text = docx_text(out)
    assert not ID_NUMBER.search(text), text
    for name in ("张三丰", "李四", "欧阳娜娜"):
        assert name not in text, name
    assert "张某" in text and "欧阳某" in text
    assert "青岛海润科技有限公司" in text  # organisations stay named
    for secret in ("13812345678", "香港中路10号", "7890123", AGENT_ID):
        assert secret not in text, secret
    assert leaks(text, ["张三丰", "李四", "欧阳娜娜"], [ID]) == []


def test_masking_refuses_to_release_a_leak(tmp_path, monkeypatch):
    """If the masking function misses a name, the export fails instead of writing the file."""
    pytest.importorskip("arbitration.masking", reason="masking stage (arbitration.masking) not installed")
    import arbitration.masking as masking

    src, out = tmp_path / "a.docx", tmp_path / "b.docx"
    sample_docx(src)
    monkeypatch.setattr(masking, "mask_text", lambda text, **kw: text)
    with pytest.raises(MaskingFailed):
        mask_docx(src, out, sample_case())
    assert not out.exists()
