"""The outline (issue 15): 仲裁时效 flags with the start of the period the case holds, 「待查明」 where it
holds nothing, the bar as a risk when the respondent has not raised it, and generated precedents labelled."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.model import Case, Claim, Party, PartyKind, PartyRole, Provenance, Side
from arbitration.outline import build_outline

SRC = Provenance(file="仲裁申请书.docx")


def _case(claims: list[Claim], statement: str = "", defence: str = "") -> Case:
    return Case(
        region="青岛市", application_date=date(2024, 6, 3), claims=claims,
        applicant_statement=statement, respondent_statement=defence,
        parties=[Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="赵某某"),
                 Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛某某商贸有限公司")],
    )


def _flag(case: Case, claim_type: str):
    o = build_outline(case, today=date(2024, 6, 3))
    return next(s.limitation for s in o.sections if s.claim_type == claim_type)


def test_no_leave_date_is_pending_not_ongoing_employment():
    """加班费 (劳动报酬, 调解仲裁法第二十七条第四款) with no leave date and nothing saying the job goes on: whether the
    employment ended is 「待查明」 — not 「不受一年仲裁时效期间限制」 as if the job went on."""
    flag = _flag(_case([Claim(type="overtime", text="支付加班费15600元", amount=Decimal(15600))]), "overtime")
    assert flag.verdict == "无法判断是否超过仲裁时效"
    assert any("待查明" in r for r in flag.reasons)


def test_annual_leave_of_a_year_gets_a_verdict_not_unknown():
    """2023年度未休年休假工资, the applicant still works there (「至今仍在被申请人处工作」): the leave could be taken
    until 2024-12-31 (年休假条例第五条第二款), so the year runs to 2025-12-31 — 未超过, not 'unknown'."""
    claim = Claim(type="annual_leave", text="支付2023年度未休年休假工资3448.28元", amount=Decimal("3448.28"))
    flag = _flag(_case([claim], statement="申请人至今仍在被申请人处工作。"), "annual_leave")
    assert flag.verdict == "未超过仲裁时效"
    assert flag.reasons[0] == "时效期间至2025年12月31日届满"


def _late_severance(defence: str) -> Case:
    case = _case([Claim(type="severance", text="支付经济补偿20000元", amount=Decimal(20000))], defence=defence)
    case.facts.leave_date.add(date(2023, 3, 15), SRC, Side.APPLICANT)
    return case


def test_bar_not_raised_is_a_risk_not_a_verdict():
    """Left 2023-03-15, applied 2024-06-03: out of time by 调解仲裁法第二十七条第一款, but the respondent has not
    raised it — the outline flags the risk instead of presenting a bar."""
    flag = _flag(_late_severance("被申请人不同意支付经济补偿。"), "severance")
    assert "未提出时效抗辩" in flag.verdict and "仲裁庭不主动适用" in flag.verdict
    raised = _flag(_late_severance("申请人的请求已超过仲裁时效。"), "severance")
    assert raised.verdict == "超过仲裁时效" and "已提出时效抗辩" in raised.reasons[0]


def test_generated_precedents_are_labelled_demo_data():
    """Issue 15 item 7: the outline's similar awards from the bundled generated corpus say 「演示数据（非真实案例）」
    beside each case number and in the notes, so nobody takes 青劳人仲案字〔2023〕第0456号 for a real award."""
    import sys
    from pathlib import Path

    from arbitration.model import DEMO_LABEL, Outcome, Precedent, PrecedentClaim
    from arbitration.outline import render

    sys.path.insert(0, str(Path(__file__).parent))
    from outline_cases import make_case
    from test_build import _FakeArchive

    p = Precedent(case_number="青劳人仲案字〔2023〕第0456号", generated=True, claims=[
        PrecedentClaim(type="unlawful_termination", text="赔偿金", outcome=Outcome.GRANTED, granted=Decimal(45000))])
    archive = _FakeArchive([p])
    archive.generated = True
    o = build_outline(make_case(), archive)
    s = next(s for s in o.sections if s.claim_type == "unlawful_termination")
    assert s.similar[0].case_number == f"【{DEMO_LABEL}】青劳人仲案字〔2023〕第0456号"
    assert DEMO_LABEL in o.archive_note
    assert render.to_markdown(o).count(DEMO_LABEL) >= 2


def test_expired_contract_section_is_named_by_its_ground():
    """劳动合同法第四十四条第一项: a contract that expired ends (终止), so the outline's section is 终止劳动合同经济补偿."""
    from arbitration.model import Termination, TerminationInitiator

    case = _case([Claim(type="severance", text="支付经济补偿20000元", amount=Decimal(20000))])
    case.facts.termination.add(Termination(initiator=TerminationInitiator.EXPIRY, mode="合同期满终止"), SRC, Side.APPLICANT)
    o = build_outline(case, today=date(2024, 6, 3))
    assert [s.name for s in o.sections] == ["终止劳动合同经济补偿"]


def test_claim_above_the_final_limit_depends_on_the_award():
    """调解仲裁法第四十七条第一项 counts the amount awarded: a claim for 赔偿金 52500 above 12 × 2100 = 25200 (青岛市)
    is final if the award is within 25200, so before the hearing it is 「视裁决数额而定」, not 非终局."""
    claim = Claim(type="unlawful_termination", text="支付违法解除劳动合同赔偿金52500元", amount=Decimal(52500))
    o = build_outline(_case([claim]), today=date(2024, 6, 3))
    flag = o.sections[0].finality
    assert flag.verdict == "视裁决数额而定" and "25,200.00元" in flag.reasons[0]
    assert o.finality.verdict == "视裁决数额而定"
