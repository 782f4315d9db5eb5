"""The arbitrator accepts or rejects proposals one by one or all at once; a rejection returns the fact to
「待查明」 and what the decisions read follows."""

from __future__ import annotations

import pytest
from findings_cases import wage_case

from arbitration.findings import find, review, settle
from arbitration.model import Basis, ReviewState


def test_accept_adopts_the_version_and_keeps_the_basis():
    case = review(wage_case(), ["monthly_wage"])
    assert case.facts.monthly_wage.value == 7500 and case.reviews["monthly_wage"] == ReviewState.ACCEPTED
    assert case.facts.monthly_wage.accepted is not None
    p = find(case).get("monthly_wage")
    assert p.state == ReviewState.ACCEPTED and p.basis == Basis.EVIDENCE  # still says why


def test_reject_returns_the_fact_to_pending_and_accept_undoes_it():
    case = review(wage_case(), ["monthly_wage"], accept=False)
    findings = find(case)
    assert findings.get("monthly_wage") is None and "未采信" in findings.pending["monthly_wage"]
    assert settle(case, findings).facts.monthly_wage.value is None
    case = review(case, ["monthly_wage"])
    assert find(case).get("monthly_wage").state == ReviewState.ACCEPTED


def test_all_at_once_and_unknown_ids():
    case = review(wage_case(), "all")
    assert all(p.state == ReviewState.ACCEPTED for p in find(case).proposals)
    with pytest.raises(KeyError, match="hire_date"):
        review(wage_case(), ["hire_date"])  # nothing is proposed for it in this case


def test_reviews_round_trip_with_the_case():
    from arbitration.model import Case

    case = review(wage_case(), ["monthly_wage"], accept=False)
    again = Case.model_validate_json(case.model_dump_json())
    assert again.reviews == {"monthly_wage": ReviewState.REJECTED}
