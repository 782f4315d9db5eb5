"""Hand-built cases and precedents for the drafting tests (a fully specified case whose award is known)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.model import (
    Agent,
    Case,
    Claim,
    ContractInfo,
    EvidenceItem,
    KeyFacts,
    Method,
    Outcome,
    Party,
    PartyKind,
    PartyRole,
    Precedent,
    PrecedentClaim,
    Provenance,
    Side,
    Termination,
    TerminationInitiator,
)

CASE_NUMBER = "京朝劳人仲字〔2024〕第0123号"


def _src(file: str, quote: str, method: Method = Method.DOCX, doc_type: str = "application") -> Provenance:
    return Provenance(file=file, page=1, method=method, quote=quote, doc_type=doc_type)



def specified_case() -> Case:
    """A case with every fact established: employer dismissed orally (no reason), no disputes.

    hire 2020-06-01, leave 2024-03-31, wage 7500 in 北京市: 3 years 10 months → 4 months of severance,
    so the unlawful-termination compensation is 7500 × 4 × 2 = 60000.
    """
    case = Case(
        case_number=CASE_NUMBER,
        commission="北京市朝阳区劳动人事争议仲裁委员会",
        region="北京市",
        cause="劳动争议",
        application_date=date(2024, 4, 15),
        acceptance_date=date(2024, 4, 18),
        hearing_date=date(2024, 5, 20),
        parties=[
            Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="陈晓燕", gender="女",
                  birth_date=date(1988, 7, 16), ethnicity="汉族",
                  agents=[Agent(name="孙倩", kind="律师", firm="北京海川律师事务所")]),
            Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="北京蓝海餐饮管理有限公司",
                  address="北京市朝阳区建国路58号",
                  legal_representative=Agent(name="王建军", kind="法定代表人")),
        ],
        claims=[
            Claim(type="unlawful_termination", text="裁决被申请人支付违法解除劳动合同赔偿金60000元",
                  amount=Decimal("60000"), index=1),
            Claim(type="double_wage", text="裁决被申请人支付未签订书面劳动合同二倍工资差额7500元",
                  amount=Decimal("7500"), index=2),
            Claim(type="additional_compensation", text="裁决被申请人支付加付赔偿金30000元",
                  amount=Decimal("30000"), index=3),
        ],
        evidence=[
            EvidenceItem(name="劳动合同", purpose="证明双方劳动关系及月工资7500元", submitted_by=PartyRole.APPLICANT),
            EvidenceItem(name="微信聊天记录", purpose="证明被申请人口头辞退申请人", submitted_by=PartyRole.APPLICANT),
        ],
        applicant_statement="申请人于2020年6月1日入职被申请人处，月工资7500元。2024年3月31日被申请人口头辞退申请人。",
        respondent_statement="被申请人认可申请人的入职时间及工资标准。",
    )
    f = case.facts
    f.hire_date.add(date(2020, 6, 1), _src("劳动合同.pdf", "2020年6月1日", doc_type="contract"), Side.EVIDENCE)
    f.leave_date.add(date(2024, 3, 31), _src("仲裁申请书.docx", "2024年3月31日"), Side.APPLICANT)
    f.monthly_wage.add(Decimal("7500"), _src("劳动合同.pdf", "月工资7500元", doc_type="contract"), Side.EVIDENCE)
    f.written_contract.add(ContractInfo(signed=True, signed_date=date(2020, 6, 1), term_start=date(2020, 6, 1),
                                        term_end=date(2026, 5, 31)),
                           _src("劳动合同.pdf", "签订日期2020年6月1日", doc_type="contract"), Side.EVIDENCE)
    f.termination.add(Termination(initiator=TerminationInitiator.EMPLOYER, mode="口头辞退",
                                  notice_date=date(2024, 3, 31)),
                      _src("仲裁申请书.docx", "被申请人口头辞退申请人"), Side.APPLICANT)
    return case


PRECEDENT_TEXTS = {
    "severance": "裁决被申请人支付解除劳动合同经济补偿{a}元",
    "unlawful_termination": "裁决被申请人支付违法解除劳动合同赔偿金{a}元",
    "double_wage": "裁决被申请人支付未签订书面劳动合同二倍工资差额{a}元",
    "additional_compensation": "裁决被申请人支付加付赔偿金{a}元",
    "overtime": "裁决被申请人支付延长工作时间加班费{a}元",
}


def make_precedent(num: int, outcomes: dict[str, Outcome], wage: int = 7500, months: float = 46,
                   granted: dict[str, Decimal] | None = None, year: int = 2023) -> Precedent:
    """A masked past award of the same commission deciding `outcomes` (claim type → outcome)."""
    claims = []
    for t, outcome in outcomes.items():
        requested = Decimal(wage * 8)
        amount = (granted or {}).get(t, requested if outcome == Outcome.GRANTED else None)
        claims.append(PrecedentClaim(
            type=t, text=PRECEDENT_TEXTS[t].format(a=requested), outcome=outcome, requested=requested,
            granted=amount if outcome in (Outcome.GRANTED, Outcome.PARTLY) else None,
            reasoning=f"关于{t}的请求，本委{'予以支持' if outcome == Outcome.GRANTED else '不予支持'}。",
        ))
    return Precedent(
        case_number=f"京朝劳人仲字〔{year}〕第{num:04d}号",
        commission="北京市朝阳区劳动人事争议仲裁委员会",
        award_date=date(year, 6, 1),
        region="北京市",
        applicant="张某",
        respondent="北京某某公司",
        claims=claims,
        facts=KeyFacts(monthly_wage=Decimal(wage), tenure_months=months, termination=TerminationInitiator.EMPLOYER,
                       written_contract=True),
        facts_text=f"申请人月工资{wage}元，工作{months}个月，被申请人口头辞退申请人。",
        reasoning="本委认为，被申请人单方解除劳动合同未能举证证明其合法性，构成违法解除。",
    )
