from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from arbitration.model import (
    Case,
    Claim,
    ContractInfo,
    Fact,
    Party,
    PartyKind,
    PartyRole,
    Provenance,
    Side,
    Termination,
    TerminationInitiator,
)

APP = Provenance(file="申请书.docx", page=1, start=10, end=14, quote="8000元")
DEF = Provenance(file="答辩书.pdf", page=2, start=3, end=7, quote="6000元")


def test_disagreeing_versions_are_kept_and_marked_disputed():
    f = Fact[Decimal]()
    f.add(Decimal("8000"), APP, Side.APPLICANT, note="税前应发")
    f.add(Decimal("6000"), DEF, Side.RESPONDENT)
    assert f.disputed
    assert [v.value for v in f.values] == [Decimal("8000"), Decimal("6000")]
    assert f.value is None  # unresolved: never silently picks one
    f.accepted = 1
    assert f.value == Decimal("6000")


def test_agreeing_versions_are_not_disputed_and_duplicates_ignored():
    f = Fact[date]()
    f.add(date(2021, 3, 1), APP, Side.APPLICANT)
    f.add(date(2021, 3, 1), DEF, Side.RESPONDENT)
    f.add(date(2021, 3, 1), DEF, Side.RESPONDENT)
    assert not f.disputed
    assert len(f.values) == 2
    assert f.value == date(2021, 3, 1)


def full_case() -> Case:
    case = Case(
        case_number="青劳人仲案字〔2024〕第123号",
        commission="青岛市劳动人事争议仲裁委员会",
        application_date=date(2024, 7, 1),
        parties=[
            Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="张三", gender="男"),
            Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛某某科技有限公司"),
        ],
        claims=[Claim(type="severance", text="支付经济补偿40000元", amount=Decimal("40000.00"))],
    )
    case.facts.monthly_wage.add(Decimal("8000"), APP, Side.APPLICANT)
    case.facts.monthly_wage.add(Decimal("6000"), DEF, Side.RESPONDENT)
    case.facts.written_contract.add(ContractInfo(signed=False), APP, Side.APPLICANT)
    case.facts.termination.add(
        Termination(initiator=TerminationInitiator.EMPLOYER, mode="辞退", reason="严重违纪"), DEF, Side.RESPONDENT
    )
    return case


def test_case_round_trips_through_json_with_types_intact():
    case = full_case()
    back = Case.model_validate_json(case.model_dump_json())
    assert back == case
    assert back.facts.monthly_wage.disputed
    assert isinstance(back.facts.monthly_wage.values[0].value, Decimal)
    assert back.facts.termination.values[0].value.initiator is TerminationInitiator.EMPLOYER
    assert [p.name for p in back.applicants] == ["张三"]
    assert [p.name for p in back.respondents] == ["青岛某某科技有限公司"]


@given(st.decimals(min_value=0, max_value=10**7, places=2), st.dates())
def test_fact_values_round_trip(amount, day):
    case = Case()
    case.facts.monthly_wage.add(amount, APP)
    case.facts.hire_date.add(day, APP)
    back = Case.model_validate_json(case.model_dump_json())
    assert back.facts.monthly_wage.value == amount
    assert back.facts.hire_date.value == day
