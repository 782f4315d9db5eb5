"""Re-reading a case keeps the people's work: manual versions, adoptions (采信) and disputed marks survive, the
extracted versions are the new extraction's, and an adoption whose version is gone is reported, never dropped
silently. The merge as a plain function, the workspace's background job, and the API as the issue found it."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

from web_helpers import need_stage

from arbitration.model import Case, Method, Provenance, Side

TXT = ("劳动人事争议仲裁申请书\n申请人：张三，男，1990年1月1日出生。\n被申请人：青岛某某科技有限公司。\n仲裁请求：\n"
       "1. 请求裁决被申请人支付2023年5月工资8000元。\n事实与理由：申请人于2020年3月1日入职被申请人处，担任销售经理，"
       "月工资8000元。2023年6月30日被申请人口头辞退申请人。\n").encode()


def extracted(file: str, quote: str, page: int | None = 1) -> Provenance:
    return Provenance(file=file, page=page, method=Method.TXT, quote=quote, extractor="rules")


def manual(user: str, raw: str) -> Provenance:
    return Provenance(file=f"web:{user}", method=Method.MANUAL, quote=raw, extractor="web")


def old_case() -> Case:
    case = Case()
    f = case.facts
    f.monthly_wage.add(Decimal("8000"), extracted("申请书.txt", "月工资8000元"), Side.APPLICANT)
    f.monthly_wage.add(Decimal("7000"), manual("staff", "7000"), Side.TRIBUNAL, "庭审核实")
    f.monthly_wage.add(Decimal("7500"), manual("arb", "7500"), Side.TRIBUNAL)
    f.monthly_wage.accepted = 2  # a manual version
    f.position.add("销售经理", extracted("申请书.txt", "担任销售经理"), Side.APPLICANT)
    f.position.add("销售", extracted("答辩书.txt", "岗位为销售"), Side.RESPONDENT)
    f.position.accepted = 1  # an extracted version that the new reading no longer finds
    f.hire_date.add(date(2020, 3, 1), extracted("申请书.txt", "2020年3月1日入职"), Side.APPLICANT)
    f.hire_date.accepted = 0  # an extracted version the new reading finds again (its quote is a little longer)
    f.hire_date.disputed = True  # marked by a user although the versions agree
    f.leave_date.add(date(2023, 6, 30), extracted("申请书.txt", "6月30日"), Side.APPLICANT)
    f.leave_date.add(date(2023, 7, 1), extracted("答辩书.txt", "7月1日"), Side.RESPONDENT)
    f.leave_date.disputed = False  # a user lifted the automatic mark
    return case


def new_case() -> Case:
    case = Case(case_number="青劳人仲案字〔2024〕第1号")
    f = case.facts
    f.monthly_wage.add(Decimal("8000"), extracted("申请书.txt", "月工资8000元"), Side.APPLICANT)
    f.position.add("销售经理", extracted("申请书.txt", "担任销售经理"), Side.APPLICANT)
    f.hire_date.add(date(2020, 3, 1), extracted("申请书.txt", "于2020年3月1日入职"), Side.APPLICANT)
    f.leave_date.add(date(2023, 6, 30), extracted("申请书.txt", "6月30日"), Side.APPLICANT)
    f.leave_date.add(date(2023, 7, 1), extracted("答辩书.txt", "7月1日"), Side.RESPONDENT)
    f.workplace.add("青岛", extracted("申请书.txt", "在青岛工作"), Side.APPLICANT)
    return case


def test_merge_keeps_manual_versions_adoptions_and_marks():
    from arbitration.web.merge import merge_reextracted

    old = old_case()
    merged, lost = merge_reextracted(old, new_case())
    f = merged.facts
    assert merged.case_number == "青劳人仲案字〔2024〕第1号"  # everything else is the new reading
    # manual versions follow the new extracted ones; the adoption follows its version
    assert [(v.value, v.source.method) for v in f.monthly_wage.values] == [
        (Decimal("8000"), Method.TXT), (Decimal("7000"), Method.MANUAL), (Decimal("7500"), Method.MANUAL)]
    assert f.monthly_wage.accepted == 2 and f.monthly_wage.value == Decimal("7500")
    assert f.monthly_wage.values[1].note == "庭审核实" and f.monthly_wage.disputed  # manual 7000 differs from 8000
    # an extracted adoption found again (same value, same file and side) stays
    assert f.hire_date.accepted == 0
    # the users' disputed marks stay, whichever way they went
    assert f.hire_date.disputed is True and f.leave_date.disputed is False
    assert f.workplace.values[0].value == "青岛" and not f.workplace.disputed  # new facts come in as read
    # the adopted 「销售」 is gone from the new reading: the adoption is withdrawn and reported, not silently lost
    assert [v.value for v in f.position.values] == ["销售经理"] and f.position.accepted is None
    assert len(lost) == 1 and "工作岗位" in lost[0] and "销售" in lost[0] and "答辩书.txt" in lost[0]
    assert lost[0] in merged.warnings
    assert old.facts.position.accepted == 1  # the old case is not changed


def test_merge_of_an_unchanged_reading_changes_nothing():
    from arbitration.web.merge import merge_reextracted

    old, again = old_case(), old_case()  # `again`: what reading the same files once more gives
    for _, fact in again.facts.items():
        fact.values = [v for v in fact.values if v.source.method != Method.MANUAL]
        fact.accepted, fact.disputed = None, len({v.value for v in fact.values}) > 1
    merged, lost = merge_reextracted(old, again)
    assert lost == [] and merged.facts == old.facts


def test_workspace_reextraction_reports_a_lost_adoption(web, monkeypatch):
    """The background job merges under the case lock, says so on the case and writes the audit entry."""
    ws = web.app.state.workspace
    staff = web.store.user(web.store.user_row("staff")["id"])
    case_id = web.store.add_case("测试案件", staff.id)
    ws.save_case(case_id, old_case())
    monkeypatch.setattr(type(ws), "_read_and_extract", lambda self, cid: (new_case(), []))
    ws._extract(case_id, staff)
    row = web.store.case(case_id)
    assert row["status"] == "ready" and "采信" in row["message"], row["message"]
    saved = ws.load_case(case_id)
    assert len(saved.facts.monthly_wage.values) == 3 and saved.facts.monthly_wage.accepted == 2
    assert any("工作岗位" in w for w in saved.warnings)
    audit = [r for r in web.store.audit_rows(100) if r["target"] == f"case:{case_id}"]
    assert any("工作岗位" in r["detail"] and r["username"] == "staff" for r in audit), [dict(r) for r in audit]
    page = web.login("staff").get(f"/cases/{case_id}").text
    assert "工作岗位" in page and "采信" in page


def wait_ready(client, case_id: int) -> dict:
    deadline = time.monotonic() + 120
    while (status := client.get(f"/api/cases/{case_id}/status").json())["status"] == "processing":
        assert time.monotonic() < deadline, "extraction did not finish in 120 s"
        time.sleep(0.2)
    assert status["status"] == "ready", status
    return status


def test_api_reextract_keeps_manual_versions_and_adoption(web):
    """The issue: 16 versions became 1 and `accepted` became null after POST /api/cases/{id}/extract."""
    need_stage("extract")
    staff = web.login("staff")
    r = staff.post("/api/cases", files=[("files", ("申请书.txt", TXT, "text/plain"))])
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    wait_ready(staff, case_id)
    facts = staff.get(f"/api/cases/{case_id}").json()["case"]["facts"]
    first = len(facts["monthly_wage"]["values"])
    assert first >= 1
    for i in range(16 - first):
        r = staff.post(f"/api/cases/{case_id}/facts/monthly_wage", json={"value": str(7000 + i), "note": f"第{i}次"})
        assert r.status_code == 200, r.text
    assert staff.post(f"/api/cases/{case_id}/facts/monthly_wage/accept", json={"index": 5}).status_code == 200
    assert staff.post(f"/api/cases/{case_id}/facts/hire_date/disputed", json={"disputed": True}).status_code == 200
    before = staff.get(f"/api/cases/{case_id}").json()["case"]["facts"]
    assert len(before["monthly_wage"]["values"]) == 16

    assert staff.post(f"/api/cases/{case_id}/extract").status_code == 202
    wait_ready(staff, case_id)
    after = staff.get(f"/api/cases/{case_id}").json()["case"]["facts"]
    assert len(after["monthly_wage"]["values"]) == 16
    assert after["monthly_wage"]["values"] == before["monthly_wage"]["values"]
    assert after["monthly_wage"]["accepted"] == 5
    assert after["hire_date"]["disputed"] is True
