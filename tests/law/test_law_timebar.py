"""仲裁时效 applied to a case (arbitration.law.timebar): the defence only when the respondent raised it, and the
start of the period from what the case holds (issue 15 items 1 and 2)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from arbitration.law import limitation
from arbitration.law.timebar import (
    claim_years,
    defence_raised,
    double_wage_last_day,
    employment_ongoing,
    known_date,
    limitation_inputs,
)
from arbitration.model import (
    Case,
    Claim,
    ContractInfo,
    Party,
    PartyKind,
    PartyRole,
    Provenance,
    Side,
)

SRC = Provenance(file="仲裁申请书.docx")


@pytest.mark.parametrize(("statement", "raised"), [
    ("申请人的请求已超过仲裁时效，应予驳回。", True),
    ("申请人离职已逾一年，其请求已过时效。", True),
    ("二倍工资的请求时效已经届满。", True),
    ("原告要求支付二倍工资差额，已超仲裁时效，应予驳回。", True),
    ("原告离职后两年才申请仲裁，已超过申请仲裁的期间。", True),
    ("被申请人认可申请人的入职时间，但认为解除合法。", False),
    ("申请人的请求未超过仲裁时效，被申请人对此无异议。", False),
    (None, False),
])
def test_defence_raised_only_by_the_respondents_words(statement, raised):
    case = Case(respondent_statement=statement)
    assert (defence_raised(case) is not None) == raised


def test_defence_raised_at_the_hearing_counts_and_the_applicants_words_do_not():
    case = Case(applicant_statement="申请人的请求未超过仲裁时效。")
    said = [SimpleNamespace(role="申请人", text="我的请求没有超过仲裁时效"),
            SimpleNamespace(role="被申请人", text="我方认为申请人的请求已经超过仲裁时效")]
    assert defence_raised(case, said[:1]) is None
    assert defence_raised(case, said).startswith("庭审笔录")


def test_an_employer_suing_against_an_award_raises_the_bar_in_its_complaint_and_the_worker_cannot():
    """The employer is the applicant (原告) when it sues against an award: its complaint raises the bar; the worker's
    defence naming the time bar is no defence of the employer's."""
    case = Case(applicant_statement="原告诉称，被告主张的二倍工资已超过仲裁时效。",
                respondent_statement="被告辩称，原告所称已超过仲裁时效没有依据。")
    assert defence_raised(case, by=Side.APPLICANT).startswith("起诉")
    case.applicant_statement = "原告诉称，仲裁裁决认定事实错误。"
    assert defence_raised(case, by=Side.APPLICANT) is None
    said = [SimpleNamespace(role="原告", text="被告的请求已经超过仲裁时效")]
    assert defence_raised(case, said, by=Side.APPLICANT).startswith("庭审笔录")


def test_employment_ongoing_from_the_file_or_pending():
    """No leave date and no termination: ongoing only where the applicant says so, else 待查明 (None)."""
    assert employment_ongoing(Case(applicant_statement="申请人至今仍在被申请人处工作。")) is True
    assert employment_ongoing(Case(applicant_statement="原告至今仍在被告处工作。")) is True  # the court form
    assert employment_ongoing(Case(applicant_statement="申请人于2020年入职。")) is None
    # the employer by its name or short name (「至今仍在某某公司工作」); work elsewhere is no such word
    employer = Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛某某物流有限公司", aliases=["某某物流"])
    for said in ("原告至今仍在青岛某某物流有限公司工作。", "原告目前仍在某某物流上班。"):
        assert employment_ongoing(Case(applicant_statement=said, parties=[employer])) is True, said
    assert employment_ongoing(Case(applicant_statement="原告目前在另一家物流公司工作。", parties=[employer])) is None
    left = Case(applicant_statement="申请人至今仍在被申请人处工作。")
    left.facts.leave_date.add(date(2024, 1, 31), SRC, Side.APPLICANT)
    assert employment_ongoing(left) is False


def test_double_wage_runs_from_the_end_of_the_period_claimed():
    """Issue 15 item 2: hire 2021-03-01, no contract, left 2023-06-30, applied 2023-09-01, claim for
    2021-04-01 to 2022-02-28. The year runs from the end of the unsigned period claimed (2022-02-28), not from
    the leave date: it ended 2023-02-28, so the claim is out of time (from the leave date it would be in time)."""
    case = Case(application_date=date(2023, 9, 1))
    case.facts.hire_date.add(date(2021, 3, 1), SRC, Side.APPLICANT)
    case.facts.leave_date.add(date(2023, 6, 30), SRC, Side.APPLICANT)
    case.facts.written_contract.add(ContractInfo(signed=False), SRC, Side.APPLICANT)
    claim = Claim(type="double_wage", text="二倍工资", period_start=date(2021, 4, 1), period_end=date(2022, 2, 28))
    kwargs, _ = limitation_inputs(case, claim)
    assert kwargs["known_date"] == date(2022, 2, 28)
    r = limitation("double_wage", application_date=case.application_date, **kwargs)
    assert r.barred and r.deadline == date(2023, 2, 28)


def test_double_wage_with_a_contract_that_ran_out_before_the_end_has_no_start_from_the_signing():
    """Signed 2016-03-01 for a term to 2017-02-28, worked on to 2019-06-30: an unsigned stretch after the term may
    be claimed, so the day before the signing is no end of the unsigned period (待查明); a term running past the end
    of the employment leaves it so."""
    case = Case()
    case.facts.leave_date.add(date(2019, 6, 30), SRC, Side.APPLICANT)
    case.facts.written_contract.add(ContractInfo(signed=True, signed_date=date(2016, 3, 1), term_end=date(2017, 2, 28)),
                                    SRC, Side.APPLICANT)
    claim = Claim(type="double_wage", text="二倍工资")
    assert known_date(case, claim)[0] is None
    case.facts.written_contract.values[0].value.term_end = date(2020, 2, 29)
    assert known_date(case, claim)[0] == date(2016, 2, 29)


def test_annual_leave_year_gives_a_start_instead_of_unknown():
    """未休年休假 of 2022, employment ongoing: the leave could be arranged until 2023-12-31 (条例第五条第二款), so
    the year runs from then — a verdict, not 'unknown'; an earlier end of the employment starts it sooner."""
    case = Case(applicant_statement="申请人至今仍在被申请人处工作。")
    claim = Claim(type="annual_leave", text="2022年度未休年休假工资")
    kwargs, _ = limitation_inputs(case, claim, year=2022)
    assert kwargs["known_date"] == date(2023, 12, 31) and kwargs["employment_ongoing"]
    assert limitation("annual_leave", application_date=date(2024, 6, 1), **kwargs).flag == "within"
    case.facts.leave_date.add(date(2023, 3, 31), SRC, Side.APPLICANT)
    assert known_date(case, claim, 2022)[0] == date(2023, 3, 31)


def test_unknown_end_of_employment_is_pending_not_ongoing():
    """Overtime (劳动报酬) with no leave date and nothing saying the job goes on: 「待查明」, not 'not limited'."""
    case = Case()
    kwargs, notes = limitation_inputs(case, Claim(type="overtime", text="加班费"))
    assert kwargs["employment_ongoing"] is False and any("待查明" in n for n in notes)
    assert limitation("overtime", application_date=date(2024, 6, 1), **kwargs).flag == "unknown"


def test_double_wage_of_a_worker_employed_before_2008_runs_from_the_laws_first_day():
    """劳动合同法第九十七条第二款: employed in 2001 without a written contract, the employer had until a month after
    2008-01-01 to conclude one; the unsigned year ends 2008-12-31, not a year after the hire in 2002."""
    assert double_wage_last_day(date(2001, 9, 1), end=date(2012, 7, 31)) == date(2008, 12, 31)
    assert double_wage_last_day(date(2010, 3, 1)) == date(2011, 2, 28)


def test_a_claim_for_several_years_names_each_year():
    """A leave claim for 「2016年度至2018年度」 is three years, each barred or due on its own; one year alone is one."""
    assert claim_years(Claim(type="annual_leave", text="支付2016年度至2018年度未休年休假工资6000元")) == [2016, 2017, 2018]
    assert claim_years(Claim(type="annual_leave", text="支付2017年度、2018年度未休年休假工资")) == [2017, 2018]
    assert claim_years(Claim(type="annual_leave", text="支付2023年度未休年休假工资")) == [2023]
    spanning = Claim(type="annual_leave", text="年休假工资", period_start=date(2014, 4, 1), period_end=date(2016, 3, 31))
    assert claim_years(spanning) == [2014, 2015, 2016]
