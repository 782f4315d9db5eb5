"""The dev split of real judgments (../shared/data/real-judgments, skipped when absent): the parties' statement files
read into cases with both sides, the court forum, requests with their claimant, and the tribunal's findings — checked
as invariants on a few documents, never against their text (the benchmark bench_real.py scores them all)."""

from __future__ import annotations

import pytest

from arbitration.extract import extract_case
from arbitration.model import ClaimantSide, DocType, PartyKind, Side

# a worker suing, an employer suing against an award, merged cross-suits, a withdrawal and a change at the hearing
IDS = ("006", "036", "054", "081", "141", "150")


@pytest.fixture
def real(shared_data):
    root = shared_data / "real-judgments"
    if not (root / "cases_file").is_dir():
        pytest.skip(f"real judgments not found at {root}")
    return root


@pytest.mark.parametrize("doc_id", IDS)
def test_statement_files_read_into_cases(real, doc_id):
    case, errors = extract_case(real / "cases_file" / doc_id)
    assert errors == [] and case.forum == "court"
    assert [d.doc_type for d in case.documents] == [DocType.PLEADINGS]
    assert case.applicants and case.respondents
    assert case.claims, "a statement file with requests has claims"
    for c in case.claims:
        assert c.source is not None and c.source.quote and "诉讼费" not in c.text
    org_applicant = all(p.kind is PartyKind.ORGANISATION for p in case.applicants)
    if org_applicant:  # an employer suing: its own requests are the employer's
        assert all(c.claimant is ClaimantSide.EMPLOYER for c in case.claims if c.source.part in (None, "statement"))


def test_changed_and_withdrawn_requests_of_a_real_file(real):
    case, _ = extract_case(real / "cases_file" / "036")
    assert any(c.history for c in case.claims) and any(c.withdrawn for c in case.claims)


@pytest.mark.parametrize("doc_id", ("006", "150"))
def test_hearing_files_give_the_tribunals_findings(real, doc_id):
    case, _ = extract_case(real / "cases_hearing" / doc_id)
    found = [v for _, f in case.facts.items() for v in f.values if v.side is Side.TRIBUNAL]
    assert found and all(v.source.part == "findings" for v in found)
