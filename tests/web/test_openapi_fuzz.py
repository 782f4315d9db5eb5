"""A bounded schemathesis run over the JSON API's OpenAPI spec, in process (ASGI), logged in as admin with the
CSRF header: no generated request may produce a server error (503 「该功能尚未安装」 for a stage not yet
installed is the documented answer, not a crash)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis (test extra) not installed")
from hypothesis import HealthCheck, given, settings  # noqa: E402


def test_api_has_no_server_errors(web, monkeypatch):
    # fuzzed uploads that pass the checks must not start real extraction jobs in the background
    monkeypatch.setattr(type(web.app.state.workspace), "start_extraction",
                        lambda self, case_id, user=None: self.store.set_case_status(case_id, "failed", "fuzz"))
    admin = web.login("admin")
    session = admin.cookies["arb_session"]
    uid = web.store.user_row("admin")["id"]
    for i in range(3):
        web.store.add_case(f"案件{i}", uid)  # cases without case.json: pages answer 409, not 500
    headers = {"Cookie": f"arb_session={session}", "X-CSRF-Token": admin.csrf}
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", web.app, headers=headers)
    from schemathesis.checks import not_a_server_error  # noqa: F401 - documents the property checked below

    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 15
    failures: list[str] = []
    statuses: list[int] = []

    def fuzz(op) -> None:
        @settings(max_examples=6, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def run(case):
            resp = case.call(headers=headers)
            statuses.append(resp.status_code)
            assert "CSRF" not in resp.text  # the fuzzer's requests got past the guard
            if resp.status_code >= 500 and not (resp.status_code == 503 and "该功能尚未安装" in resp.text):
                failures.append(f"{op.method.upper()} {op.path}: {resp.status_code} {resp.text[:200]}")

        run()

    for op in operations:
        fuzz(op)
    assert failures == []
    assert statuses.count(401) == 0 and statuses.count(200) >= 5 and 422 in statuses, sorted(set(statuses))
    # the session was not lost along the way (no endpoint logged us out or broke the store)
    assert admin.get("/api/me").status_code == 200
