"""Realistic cases for the outline tests, built directly from the domain model: a dismissal with a
disputed wage, and variants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.model import (
    Agent,
    Case,
    Claim,
    ContractInfo,
    DocType,
    DocumentRef,
    EvidenceItem,
    Method,
    Party,
    PartyKind,
    PartyRole,
    Provenance,
    Side,
    Termination,
    TerminationInitiator,
)

APP = Provenance(file="仲裁申请书.pdf", page=1, doc_type="application", quote="月工资8000元")
APP2 = Provenance(file="仲裁申请书.pdf", page=2, doc_type="application")
DEF = Provenance(file="答辩书.docx", page=1, method=Method.DOCX, doc_type="defence", quote="月工资为6000元")
CONTRACT = Provenance(file="劳动合同.pdf", page=1, doc_type="contract")
NOTICE = Provenance(file="解除劳动合同通知书.jpg", page=1, method=Method.OCR, doc_type="termination_notice")


def make_case(*, disputed_wage: bool = True, hire_date: bool = True, disputed_hire: bool = False) -> Case:
    """青岛某科技公司 dismissed 王某 on 2024-03-15 after about five years; he claims severance ×2 (unlawful
    dismissal), unpaid wages and annual leave pay."""
    case = Case(
        case_number="青劳人仲案字〔2024〕第0123号",
        commission="青岛市劳动人事争议仲裁委员会",
        region="青岛市",
        cause="劳动争议",
        application_date=date(2024, 4, 10),
        acceptance_date=date(2024, 4, 12),
        hearing_date=date(2024, 5, 20),
        parties=[
            Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="王建国", gender="男",
                  birth_date=date(1988, 6, 1), ethnicity="汉族", address="青岛市市南区香港中路10号",
                  agents=[Agent(name="刘敏", kind="律师", firm="山东某某律师事务所")], source=APP),
            Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛海纳科技有限公司",
                  credit_code="91370200MA3C8XXX0X", address="青岛市崂山区松岭路100号",
                  legal_representative=Agent(name="赵海", kind="法定代表人"),
                  agents=[Agent(name="孙丽", kind="职员")], source=DEF),
        ],
        claims=[
            Claim(type="unlawful_termination", index=1, amount=Decimal("80000"),
                  text="裁决被申请人支付违法解除劳动合同赔偿金80000元", source=APP),
            Claim(type="unpaid_wages", index=2, amount=Decimal("8000"), period_start=date(2024, 2, 1),
                  period_end=date(2024, 2, 29), text="裁决被申请人支付2024年2月工资8000元", source=APP),
            Claim(type="annual_leave", index=3, amount=None, text="裁决被申请人支付未休年休假工资", source=APP),
        ],
        evidence=[
            EvidenceItem(name="劳动合同", purpose="证明双方存在劳动关系及入职时间", submitted_by=PartyRole.APPLICANT,
                         pages="第1-4页", original=True, file="劳动合同.pdf", source=APP2),
            EvidenceItem(name="解除劳动合同通知书", purpose="证明被申请人解除劳动合同", submitted_by=PartyRole.APPLICANT,
                         pages="第5页", original=True, file="解除劳动合同通知书.jpg", source=APP2),
        ],
        documents=[
            DocumentRef(file="仲裁申请书.pdf", sha256="a" * 64, doc_type=DocType.APPLICATION, pages=2),
            DocumentRef(file="答辩书.docx", sha256="b" * 64, doc_type=DocType.DEFENCE, pages=1),
            DocumentRef(file="劳动合同.pdf", sha256="c" * 64, doc_type=DocType.CONTRACT, pages=4),
            DocumentRef(file="解除劳动合同通知书.jpg", sha256="d" * 64, doc_type=DocType.TERMINATION_NOTICE, pages=1),
        ],
        applicant_statement="申请人于2019年3月1日入职被申请人处，任软件工程师，月工资8000元。2024年3月15日被申请人以"
                            "业绩不达标为由将申请人辞退。",
        respondent_statement="申请人月工资为6000元，因其严重违反规章制度，公司依法解除劳动合同。",
        source_dir="cases/0123",
    )
    f = case.facts
    if hire_date:
        f.hire_date.add(date(2019, 3, 1), APP, Side.APPLICANT)
        f.hire_date.add(date(2019, 3, 1), CONTRACT, Side.EVIDENCE)
        if disputed_hire:
            f.hire_date.add(date(2020, 3, 1), DEF, Side.RESPONDENT)
    f.leave_date.add(date(2024, 3, 15), APP, Side.APPLICANT)
    f.leave_date.add(date(2024, 3, 15), NOTICE, Side.EVIDENCE)
    f.position.add("软件工程师", APP, Side.APPLICANT)
    f.monthly_wage.add(Decimal("8000"), APP, Side.APPLICANT, note="税前应发")
    if disputed_wage:
        f.monthly_wage.add(Decimal("6000"), DEF, Side.RESPONDENT, note="劳动合同约定")
    f.written_contract.add(ContractInfo(signed=True, signed_date=date(2019, 3, 1), term_start=date(2019, 3, 1),
                                        term_end=date(2025, 2, 28)), CONTRACT, Side.EVIDENCE)
    f.termination.add(Termination(initiator=TerminationInitiator.EMPLOYER, mode="辞退", reason="业绩不达标",
                                  notice_date=date(2024, 3, 15)), NOTICE, Side.EVIDENCE)
    f.termination.add(Termination(initiator=TerminationInitiator.EMPLOYER, mode="辞退", reason="严重违反规章制度",
                                  statute_basis="劳动合同法第三十九条", notice_date=date(2024, 3, 15)), DEF,
                      Side.RESPONDENT)
    return case


