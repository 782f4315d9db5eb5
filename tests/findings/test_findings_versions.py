"""Versions that differ only in precision or wording are one fact (the more precise kept); others are not."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from findings_cases import APP, CONTRACT, DEF, NOTICE, contract, dismissal
from hypothesis import given
from hypothesis import strategies as st

from arbitration.findings.versions import best, clusters, same
from arbitration.model import (
    ContractInfo,
    FactValue,
    Side,
    Termination,
    TerminationInitiator,
)


def fv(value, source=APP, side=Side.APPLICANT, note=None) -> FactValue:
    return FactValue(value=value, source=source, side=side, note=note)


def test_a_month_and_a_day_of_that_month_are_one_date_but_two_days_are_not():
    month = fv(date(2020, 6, 1), note="仅载明年月")
    assert same(month, fv(date(2020, 6, 15), DEF, Side.RESPONDENT))
    assert not same(fv(date(2020, 6, 1)), fv(date(2020, 6, 15), DEF, Side.RESPONDENT))
    # the month joins one day, never makes two different days one fact
    values = [month, fv(date(2020, 6, 1), DEF, Side.RESPONDENT), fv(date(2020, 6, 15), CONTRACT, Side.EVIDENCE)]
    assert clusters(values) == [[0, 1], [2]]
    assert best(values, [0, 1]) == 1  # the day, not the month


def test_a_workplace_named_by_street_and_by_house_number_is_one_place():
    store, street = fv("青岛市市北区台东一路门店"), fv("青岛市市北区台东一路58号", CONTRACT, Side.EVIDENCE)
    assert same(store, street)
    assert best([store, street], [0, 1]) == 1  # the house number is the more precise
    assert not same(fv("青岛市市南区香港中路10号"), street)


def test_a_contract_and_its_renewal_are_both_true_but_not_an_unsigned_one():
    first = fv(contract(date(2020, 6, 1), end=date(2023, 5, 31)))
    renewal = fv(contract(date(2023, 6, 1), end=date(2026, 5, 31)), CONTRACT, Side.EVIDENCE)
    assert same(first, renewal)
    assert not same(first, fv(ContractInfo(signed=False), DEF, Side.RESPONDENT))


def test_one_dismissal_in_three_wordings_and_a_resignation_apart():
    said = fv(dismissal("不能胜任工作，经培训后仍不能胜任", "劳动合同法第四十条"))
    defended = fv(dismissal(None, "劳动合同法第四十条", notice=None), DEF, Side.RESPONDENT)
    notice = fv(dismissal("经公司培训后，你仍不能胜任工作", "劳动合同法第四十条第二项"), NOTICE, Side.EVIDENCE)
    assert same(said, defended) and same(said, notice) and same(defended, notice)
    assert best([said, defended, notice], [0, 1, 2]) == 2  # the notice names the item and the date
    # another ground of the same article is another fact; so is a resignation
    objective = fv(dismissal("客观情况发生重大变化，劳动合同无法履行"), NOTICE, Side.EVIDENCE)
    assert not same(notice, objective)
    quit_ = fv(Termination(initiator=TerminationInitiator.EMPLOYEE, mode="辞职"), DEF, Side.RESPONDENT)
    assert not same(said, quit_)


@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=8))
def test_every_group_holds_versions_the_same_as_each_other(amounts):
    values = [fv(Decimal(5000 + 500 * a)) for a in amounts]
    groups = clusters(values)
    assert sorted(i for g in groups for i in g) == list(range(len(values)))
    for g in groups:
        assert all(same(values[i], values[j]) for i in g for j in g)
    for a in groups:
        for b in groups:
            if a is not b:
                assert not same(values[a[0]], values[b[0]])
