"""Masked exports for publication of the three documents the workspace exports — the award, the outline and the
hearing record — rendered by their real renderers: no person the document names survives (a witness, a store
manager, not only the parties), no ID or phone number written with spaces, and the leak check refuses a file in
which masking missed one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbitration.model import (
    Agent,
    Award,
    Case,
    Claim,
    Paragraph,
    Party,
    PartyKind,
    PartyRole,
    Provenance,
    Side,
    SourceKind,
)
from arbitration.web.masking_export import MaskingFailed, docx_text, mask_docx

WITNESS = "证人刘洋证明，门店经理赵志刚每天安排加班至晚上九点。"
NUMBERS = "申请人身份证号370203 1988 0716 1826，被申请人联系电话0532 8366 1188。"
SECRETS = ("刘洋", "赵志刚", "张文博", "李建国", "370203 1988 0716 1826", "1988 0716", "0532 8366 1188", "8366 1188")
ORG = "青岛海程物流有限公司"


def case() -> Case:
    src = Provenance(file="仲裁申请书.docx", quote=WITNESS)
    c = Case(
        case_number="青劳人仲案字〔2024〕第123号", cause="劳动争议", commission="青岛市劳动人事争议仲裁委员会",
        parties=[
            Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="张文博", gender="男",
                  birth_date=date(1988, 7, 16)),
            Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=ORG,
                  legal_representative=Agent(name="李建国", kind="法定代表人")),
        ],
        claims=[Claim(type="overtime", text="请求裁决被申请人支付加班费12000元", amount=Decimal(12000), index=1)],
        applicant_statement=WITNESS + NUMBERS,
    )
    c.facts.overtime.add(WITNESS, src, Side.APPLICANT)
    c.facts.monthly_wage.add(Decimal(6000), src, Side.APPLICANT)
    return c


def assert_masked(src, out) -> None:
    before, after = docx_text(src), docx_text(out)
    assert "刘洋" in before and "370203 1988 0716 1826" in before  # the export really contained them
    for secret in SECRETS:
        assert secret not in after, secret
    assert "刘某" in after and "赵某" in after
    assert ORG in after  # organisations stay named


def test_masked_award_hides_witness_manager_and_spaced_numbers(tmp_path):
    from arbitration.drafting.render import render_award

    c = case()
    award = Award(case_number=c.case_number, commission=c.commission,
                  facts_found=[Paragraph(text=WITNESS, source=SourceKind.EXTRACTED),
                               Paragraph(text=NUMBERS, source=SourceKind.EXTRACTED)])
    src = render_award(award, c, tmp_path / "award.docx", review=False)
    out = mask_docx(src, tmp_path / "award-masked.docx", c)
    assert_masked(src, out)


def test_masked_outline_hides_witness_manager_and_spaced_numbers(tmp_path):
    from arbitration.outline import build_outline, render_outline

    c = case()
    src = render_outline(build_outline(c, today=date(2024, 6, 1)), tmp_path / "outline.docx")
    text = docx_text(src)
    if "370203 1988 0716 1826" not in text:  # the outline quotes facts, not the whole statement: add the numbers
        from docx import Document

        d = Document(str(src))
        d.add_paragraph(NUMBERS)
        d.save(str(src))
    out = mask_docx(src, tmp_path / "outline-masked.docx", c)
    assert_masked(src, out)


def test_masked_hearing_record_hides_witness_manager_and_spaced_numbers(tmp_path):
    from arbitration.config import load_settings
    from arbitration.hearing import Hearing, export

    c = case()
    said = [(0, 1.0, 3.0, "现在开庭，请证人陈述。"), (1, 4.0, 9.0, "我是证人刘洋，门店经理赵志刚每天安排加班至晚上九点。"),
            (2, 10.0, 14.0, "我的身份证号是370203 1988 0716 1826，公司电话0532 8366 1188。")]
    h = Hearing.start(c, "2024-123-1", cfg=load_settings(data_dir=tmp_path / "data"),
                      channels={0: "首席仲裁员", 1: "证人", 2: "申请人"},
                      info={"place": "第三仲裁庭", "clerk": "李敏", "tribunal": "首席仲裁员王磊"})
    try:
        for i, (ch, start, end, text) in enumerate(said, 1):
            h._append({"type": "segment", "id": f"{i:06d}", "channel": ch, "start": start, "end": end, "text": text,
                       "raw_text": text, "original_text": text})
    finally:
        h.close()
    src = export(h.dir, "docx")
    out = mask_docx(src, tmp_path / "record-masked.docx", c)
    assert_masked(src, out)
    after = docx_text(out)
    for official in ("李敏", "王磊"):  # the clerk and the arbitrator are named persons too
        assert official not in after, official


@pytest.mark.parametrize("text, kind", [(WITNESS, "姓名"), ("联系电话0532 8366 1188。", "电话"),
                                        ("身份证号370203 1988 0716 1826。", "身份证号")])
def test_leak_check_refuses_what_masking_missed(tmp_path, monkeypatch, text, kind):
    """The leak check runs the same detection as masking: when masking misses a witness (not a party) or a spaced
    number, the export is refused with what survived, and nothing is written."""
    import arbitration.masking as masking
    from arbitration.drafting.render import render_award

    c = Case(parties=[Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=ORG)])
    src = render_award(Award(facts_found=[Paragraph(text=text)]), c, tmp_path / "award.docx", review=False)
    monkeypatch.setattr(masking, "mask_text", lambda text, **kw: text)
    with pytest.raises(MaskingFailed, match=kind):
        mask_docx(src, tmp_path / "out.docx", c)
    assert not (tmp_path / "out.docx").exists()
