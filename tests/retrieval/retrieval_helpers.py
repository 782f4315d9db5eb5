"""Hand-built precedents for the retrieval tests (imported by the tests; not a conftest)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.model import (
    KeyFacts,
    Outcome,
    Precedent,
    PrecedentClaim,
    TerminationInitiator,
)


def make_precedent(num: int, types: list[str], wage: int = 6000, months: float = 30, region: str = "青岛市",
                   term: TerminationInitiator = TerminationInitiator.EMPLOYER, year: int = 2023) -> Precedent:
    texts = {
        "overtime": "裁决被申请人支付延长工作时间加班费{a}元",
        "severance": "裁决被申请人支付解除劳动合同经济补偿{a}元",
        "unlawful_termination": "裁决被申请人支付违法解除劳动合同赔偿金{a}元",
        "double_wage": "裁决被申请人支付未签订书面劳动合同二倍工资差额{a}元",
        "annual_leave": "裁决被申请人支付未休年休假工资{a}元",
        "unpaid_wages": "裁决被申请人支付拖欠的工资{a}元",
    }
    claims = [
        PrecedentClaim(type=t, text=texts[t].format(a=wage * 2), outcome=Outcome.GRANTED,
                       requested=Decimal(wage * 2), granted=Decimal(wage * 2), reasoning=f"关于{t}的请求，本委予以支持。")
        for t in types
    ]
    return Precedent(
        case_number=f"青劳人仲案字〔{year}〕第{num:04d}号",
        commission=f"{region}劳动人事争议仲裁委员会",
        award_date=date(year, 6, 1),
        region=region,
        applicant="张某",
        respondent="青岛某某公司",
        claims=claims,
        facts=KeyFacts(monthly_wage=Decimal(wage), tenure_months=months, termination=term, written_contract=True),
        facts_text=f"申请人月工资{wage}元，工作{months}个月。",
    )
