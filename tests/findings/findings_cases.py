"""Small hand-built cases for the findings tests: each says in its docstring what the file holds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.model import (
    Case,
    Claim,
    ContractInfo,
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


def src(file: str, doc_type: str, quote: str = "", method: Method = Method.DOCX) -> Provenance:
    return Provenance(file=file, page=1, method=method, quote=quote or None, doc_type=doc_type)


APP = src("仲裁申请书.docx", "application")
DEF = src("答辩书.docx", "defence")
CONTRACT = src("劳动合同.pdf", "contract", method=Method.TEXT_LAYER)
SLIPS = src("工资条.pdf", "wage_record", method=Method.TEXT_LAYER)
NOTICE = src("解除劳动合同通知书.pdf", "termination_notice", method=Method.TEXT_LAYER)
FOUND = src("庭审查明.txt", "other", method=Method.TXT)


def base_case(claims: list[Claim] | None = None, *, defence: str | None = "被申请人不同意申请人的请求。",
              statement: str = "申请人请求依法裁决。") -> Case:
    """A worker (申请人, a person) against a company (被申请人), with the statements given and no facts yet."""
    return Case(
        case_number="青劳人仲案〔2024〕第0099号", region="青岛市", application_date=date(2024, 4, 15),
        parties=[Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="赵某"),
                 Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛某某餐饮有限公司")],
        claims=claims or [], applicant_statement=statement, respondent_statement=defence,
    )


def wage_case() -> Case:
    """The wage as in the sample case: 7500 in the application, the contract and the wage slips; the respondent's
    bare 5500 (「基本工资」, 提成 said apart) with no evidence of its own."""
    case = base_case([Claim(type="unpaid_wages", text="裁决被申请人支付2024年3月工资7500元", amount=Decimal(7500))],
                     defence="被答辩人的月基本工资为5500元，其余2000元为提成。")
    f = case.facts.monthly_wage
    f.add(Decimal(7500), APP, Side.APPLICANT, "月工资")
    f.add(Decimal(7500), CONTRACT, Side.EVIDENCE, "月工资")
    f.add(Decimal(7500), SLIPS, Side.EVIDENCE, "工资条应发")
    f.add(Decimal(5500), DEF, Side.RESPONDENT, "基本工资（另称提成2000元）")
    case.evidence = [EvidenceItem(name="劳动合同", submitted_by=PartyRole.APPLICANT),
                     EvidenceItem(name="工资条", submitted_by=PartyRole.APPLICANT)]
    return case


def dismissal(reason: str | None = None, basis: str | None = None, mode: str = "单方解除",
              notice: date | None = date(2024, 3, 31)) -> Termination:
    return Termination(initiator=TerminationInitiator.EMPLOYER, mode=mode, reason=reason, statute_basis=basis,
                       notice_date=notice)


def contract(signed: date, start: date | None = None, end: date | None = None) -> ContractInfo:
    return ContractInfo(signed=True, signed_date=signed, term_start=start or signed, term_end=end)


def court_case(claims: list[Claim], *, complaint: str = "原告诉称，请求依法判决。", defence: str | None = None,
               found: str | None = None, names: tuple[str, str] = ("孙某", "某某物流有限公司")) -> Case:
    """A worker (原告, a person) suing a company (被告) in court, as a court's file reads before its opinion: the
    complaint, the defence and the court's findings (经审理查明 …) in running text."""
    return Case(
        forum="court", region="济南市",
        parties=[Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=names[0]),
                 Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=names[1])],
        claims=claims, applicant_statement=complaint, respondent_statement=defence, tribunal_statement=found,
    )
