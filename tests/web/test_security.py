"""Security of the web workspace: every route needs a session, per-case assignment, CSRF on every state change,
login rate limiting, cookie flags, security headers, the append-only audit log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from starlette.websockets import WebSocketDisconnect
from web_helpers import LOGIN_CSRF, META_CSRF, PASSWORDS, all_routes, fill

PUBLIC = {("GET", "/login"), ("POST", "/login")}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
TXT = "仲裁申请书\n申请人：张三，男，1990年1月1日出生。\n被申请人：青岛某某科技有限公司。\n".encode()


def new_case(web, user: str = "staff", title: str = "测试案件") -> int:
    """A case row owned (and so assigned) to `user`, without running extraction."""
    uid = web.store.user_row(user)["id"]
    return web.store.add_case(title, uid)


def test_every_route_refuses_anonymous_requests(web):
    c = web.client()
    checked = 0
    for kind, method, path in all_routes(web.app):
        if (method, path) in PUBLIC or kind == "mount":
            continue
        url = fill(path)
        if kind == "ws":
            with pytest.raises(WebSocketDisconnect) as e, c.websocket_connect(url) as s:
                s.receive_text()
            assert e.value.code == 4401
            checked += 1
            continue
        r = c.request(method, url, data={"x": "1"} if method in UNSAFE else None)
        if path.startswith("/api/"):
            assert r.status_code == 401, (method, path, r.status_code)
        else:
            assert r.status_code == 303 and r.headers["location"] == "/login", (method, path, r.status_code)
        checked += 1
    assert checked >= 40
    # the static files are public but hold only CSS/JS
    assert c.get("/static/app.css").status_code == 200


def test_no_default_account_exists(tmp_path, monkeypatch):
    from web_helpers import Web

    monkeypatch.setenv("ARBITRATION_DATA_DIR", str(tmp_path / "d"))
    from arbitration.web.app import create_app

    app = create_app(tmp_path / "d")
    assert app.state.store.users() == []
    w = Web(app, tmp_path / "d")
    c = w.client()
    token = LOGIN_CSRF.search(c.get("/login").text).group(1)
    for user, pw in [("admin", "admin"), ("admin", ""), ("root", "root")]:
        r = c.post("/login", data={"username": user, "password": pw, "csrf_token": token})
        assert r.status_code == 401
    app.state.workspace.close()


def test_clerk_cannot_read_unassigned_case(web):
    case_id = new_case(web, "staff")
    clerk = web.login("clerk")
    for url in (f"/api/cases/{case_id}", f"/api/cases/{case_id}/status", f"/api/cases/{case_id}/outline.docx",
                f"/api/cases/{case_id}/similar", f"/api/cases/{case_id}/award.docx"):
        assert clerk.get(url).status_code == 403, url
    assert clerk.get(f"/cases/{case_id}").status_code == 403
    assert case_id not in [c["id"] for c in clerk.get("/api/cases").json()]
    assert clerk.post(f"/api/cases/{case_id}/facts/hire_date", json={"value": "2020-01-01"}).status_code == 403
    # a case that does not exist gets the same answer as one that is not assigned
    assert clerk.get("/api/cases/999999").status_code == 403
    # admin assigns it; now the clerk sees it, another clerk still does not
    admin = web.login("admin")
    r = admin.post(f"/api/cases/{case_id}/assignees", json={"user_id": web.store.user_row("clerk")["id"]})
    assert r.status_code == 200, r.text
    assert clerk.get(f"/api/cases/{case_id}").status_code == 200
    assert web.login("clerk2").get(f"/api/cases/{case_id}").status_code == 403


def test_roles_limit_actions(web):
    case_id = new_case(web, "staff")
    staff, clerk = web.login("staff"), web.login("clerk")
    assert clerk.post("/api/cases", files={"files": ("a.txt", TXT, "text/plain")}).status_code == 403
    assert staff.get("/api/audit").status_code == 403
    assert staff.get("/admin/audit").status_code == 403
    assert staff.delete(f"/api/cases/{case_id}").status_code == 403
    assert web.login("admin").delete(f"/api/cases/{case_id}").status_code == 200
    assert staff.get(f"/api/cases/{case_id}").status_code == 403  # deleted cases are gone for everyone


def test_state_changes_without_csrf_token_are_refused(web):
    case_id = new_case(web, "admin")
    admin = web.login("admin")
    good = admin.csrf
    del admin.headers["X-CSRF-Token"]
    checked = 0
    for kind, method, path in all_routes(web.app):
        if kind != "http" or method not in UNSAFE or (method, path) in PUBLIC:
            continue
        url = fill(path).replace("/cases/1", f"/cases/{case_id}")
        for headers, data in (({}, {"x": "1"}), ({"X-CSRF-Token": "forged"}, {"csrf_token": "forged"})):
            r = admin.request(method, url, headers=headers, data=data)
            assert r.status_code == 403, (method, path, r.status_code, r.text[:200])
            assert "CSRF" in r.text
        checked += 1
    assert checked >= 20
    # the same session with the right token in a form field does work for pages
    r = admin.post(f"/cases/{case_id}/facts/hire_date/disputed", data={"csrf_token": good, "disputed": "1"})
    assert r.status_code in (303, 409)  # 409: the case has no case.json yet
    # login itself needs its double-submit token
    c = web.client()
    c.get("/login")
    r = c.post("/login", data={"username": "admin", "password": PASSWORDS["admin"], "csrf_token": "x"})
    assert r.status_code == 403 and "arb_session" not in r.cookies


def test_login_rate_limited_per_ip_and_user(web):
    c = web.client()
    token = LOGIN_CSRF.search(c.get("/login").text).group(1)
    for _ in range(5):
        r = c.post("/login", data={"username": "arb", "password": "wrong-password-x", "csrf_token": token})
        assert r.status_code == 401
    # now even the right password is refused for a while
    r = c.post("/login", data={"username": "arb", "password": PASSWORDS["arb"], "csrf_token": token})
    assert r.status_code == 429 and "arb_session" not in r.cookies
    # another user from the same address is not locked out by arb's failures
    assert web.login("clerk").get("/api/me").json()["username"] == "clerk"
    assert web.store.failed_logins(datetime(2000, 1, 1, tzinfo=UTC), username="arb") == 5


def test_session_cookie_flags_expiry_and_logout(web):
    c = web.client()
    token = LOGIN_CSRF.search(c.get("/login").text).group(1)
    r = c.post("/login", data={"username": "arb", "password": PASSWORDS["arb"], "csrf_token": token})
    cookie = [v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("arb_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    session = r.cookies["arb_session"]
    # the database stores only a hash of the session token
    rows = web.store.query("SELECT token_hash, expires FROM sessions")
    assert rows and all(session not in row["token_hash"] for row in rows)
    c.cookies.set("arb_session", session)
    assert c.get("/api/me").json()["username"] == "arb"
    csrf = META_CSRF.search(c.get("/cases").text).group(1)
    assert c.post("/logout", data={"csrf_token": csrf}).status_code == 303
    c.cookies.set("arb_session", session)
    assert c.get("/api/me").status_code == 401  # the old token is dead server-side
    # an expired session is refused
    c2 = web.login("arb")
    with web.store.tx() as db:
        db.execute("UPDATE sessions SET expires = '2000-01-01T00:00:00+00:00'")
    assert c2.get("/api/me").status_code == 401


def test_security_headers(web):
    c = web.client()
    for r in (c.get("/login"), web.login("arb").get("/cases"), c.get("/api/me")):
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["x-content-type-options"] == "nosniff"
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_pages_have_no_inline_scripts_or_styles(web):
    case_id = new_case(web, "admin")
    admin = web.login("admin")
    for url in ("/login", "/cases", f"/cases/{case_id}", "/batch", "/admin/audit"):
        html = admin.get(url).text
        assert "<script>" not in html and " style=" not in html and "onclick" not in html.lower(), url


def test_audit_log_records_actions_and_is_append_only(web):
    c = web.client()
    token = LOGIN_CSRF.search(c.get("/login").text).group(1)
    c.post("/login", data={"username": "staff", "password": "not-the-password", "csrf_token": token})
    staff = web.login("staff")
    r = staff.post("/api/cases", files={"files": ("申请书.txt", TXT, "text/plain")}, data={"title": "审计测试"})
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    staff.get(f"/api/cases/{case_id}")
    admin = web.login("admin")
    admin.delete(f"/api/cases/{case_id}")
    rows = admin.get("/api/audit").json()
    seen = {(r["action"], r["username"]) for r in rows}
    for expected in [("login_failed", "staff"), ("login_ok", "staff"), ("upload", "staff"), ("view", "staff"),
                     ("delete", "admin"), ("login_ok", "admin")]:
        assert expected in seen, expected
    upload = next(r for r in rows if r["action"] == "upload")
    assert upload["target"] == f"case:{case_id}" and "申请书.txt" in upload["detail"] and upload["ts"]
    assert "审计日志" in admin.get("/admin/audit").text
    # the log cannot be changed or removed, not even through the store's own connection
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), web.store.tx() as db:
        db.execute("UPDATE audit SET detail = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), web.store.tx() as db:
        db.execute("DELETE FROM audit")
    # nor through a separate connection to the file
    con = sqlite3.connect(web.data_dir / "web" / "web.sqlite3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM audit WHERE id = 1")
    con.close()
    assert len(web.store.audit_rows(10_000)) >= len(rows)


def test_websocket_refuses_foreign_origin_and_missing_token(web):
    staff = web.login("arb")
    case_id = new_case(web, "arb")
    hid = web.store.add_hearing(case_id, "web-x", web.store.user_row("arb")["id"])
    for url, headers in ((f"/api/hearings/{hid}/ws?csrf={staff.csrf}", {"origin": "http://evil.example"}),
                         (f"/api/hearings/{hid}/ws", {"origin": "http://testserver"})):
        with pytest.raises(WebSocketDisconnect) as e, staff.websocket_connect(url, headers=headers) as s:
            s.receive_text()
        assert e.value.code in (4401, 4403)
