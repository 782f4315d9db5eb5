"""The case page lists the proposed findings (拟认定) with their basis, and the arbitrator accepts or rejects them
one by one or all at once (page form and JSON API); a rejection returns the fact to 「待查明」 in the next draft."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from web_helpers import make_web, need_stage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafting"))


@pytest.fixture
def web_case(tmp_path, monkeypatch):
    need_stage("extract")
    from drafting_cases import specified_case

    web = make_web(tmp_path, monkeypatch)
    staff = web.login("staff")
    r = staff.post("/api/cases", files=[("files", ("申请书.txt", "申请人：张某。".encode(), "text/plain"))],
                   data={"title": "拟认定"})
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    ws = web.app.state.workspace
    import time

    deadline = time.monotonic() + 60
    while staff.get(f"/api/cases/{case_id}/status").json()["status"] == "processing":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    ws.save_case(case_id, specified_case())
    yield web, staff, case_id
    ws.close()


def test_page_lists_proposals_with_their_basis(web_case):
    web, staff, case_id = web_case
    page = staff.get(f"/cases/{case_id}").text
    assert 'id="proposals"' in page and "拟认定事实" in page
    assert "monthly_wage" in page and "证据认定" in page and "劳动合同.pdf" in page
    assert "全部采信" in page


def test_reject_then_accept_one_and_all(web_case):
    web, staff, case_id = web_case
    r = staff.post(f"/cases/{case_id}/proposals", data={"ids": "monthly_wage", "action": "reject",
                                                        "csrf_token": staff.csrf})
    assert r.status_code == 303, r.text
    ws = web.app.state.workspace
    case = ws.load_case(case_id)
    assert case.reviews["monthly_wage"] == "rejected"
    award, _ = ws.draft(case_id)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.outcome.value == "unknown" and "monthly_wage" in award.findings.pending  # back to 「待查明」
    r = staff.post(f"/api/cases/{case_id}/proposals", json={"ids": "all", "accept": True})
    assert r.status_code == 200, r.text
    states = {p["id"]: p["state"] for p in r.json()["proposals"]}
    assert states["monthly_wage"] == "accepted" and set(states.values()) == {"accepted"}
    case = ws.load_case(case_id)
    assert case.facts.monthly_wage.accepted is not None and case.facts.monthly_wage.value == 7500  # 采信
    award, _ = ws.draft(case_id)
    assert next(d for d in award.decisions if d.claim.type == "unlawful_termination").amount == 60000


def test_unknown_proposal_is_a_clear_error(web_case):
    web, staff, case_id = web_case
    r = staff.post(f"/api/cases/{case_id}/proposals", json={"ids": ["no_such_fact"], "accept": True})
    assert r.status_code == 422 and "no_such_fact" in r.text


def test_clerk_cannot_review(web_case):
    web, _staff, case_id = web_case
    clerk = web.login("clerk")
    r = clerk.post(f"/api/cases/{case_id}/proposals", json={"ids": "all", "accept": True})
    assert r.status_code == 403
