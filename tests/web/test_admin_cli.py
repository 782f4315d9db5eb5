"""`arbitration admin`: the first administrator exists only through the CLI (no default account, no web sign-up),
weak passwords are refused, users and assignments are made from the command line and audited."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner
from web_helpers import LOGIN_CSRF, Web

from arbitration.cli import app

runner = CliRunner()
STRONG = "Strong-admin-pass-2024!"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ARBITRATION_DATA_DIR", str(tmp_path / "data"))
    from arbitration import config

    config.settings.cache_clear()
    yield tmp_path / "data"
    config.settings.cache_clear()


def admin(*args: str, stdin: str = ""):
    return runner.invoke(app, ["admin", *args], input=stdin)


def test_first_admin_only_from_the_cli(data_dir):
    from arbitration.web.app import create_app

    web = Web(create_app(data_dir), data_dir)
    assert web.store.users() == []  # a fresh workspace has no account at all
    # no route creates users: the web app cannot make its own first admin
    paths = {getattr(r, "path", "") for r in web.app.routes}
    assert not any("user" in p or "register" in p or "signup" in p for p in paths), paths

    for weak in ("admin", "short1!", "aaaaaaaaaaaa", " padded-password-1 "):
        r = admin("create-admin", "--password-stdin", stdin=weak + "\n")
        assert r.exit_code == 2, (weak, r.output)
    assert web.store.users() == []

    r = admin("create-admin", "--username", "chief", "--name", "王主任", "--password-stdin", stdin=STRONG + "\n")
    assert r.exit_code == 0, r.output
    users = web.store.users()
    assert [(u.username, u.role, u.display_name) for u in users] == [("chief", "admin", "王主任")]
    row = web.store.user_row("chief")
    assert row["password_hash"].startswith("$argon2id$") and STRONG not in row["password_hash"]
    # the same name twice is refused
    assert admin("create-admin", "--username", "chief", "--password-stdin", stdin=STRONG + "\n").exit_code == 2

    # the admin made by the CLI logs in through the page
    c = web.client()
    token = LOGIN_CSRF.search(c.get("/login").text).group(1)
    r = c.post("/login", data={"username": "chief", "password": STRONG, "csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/cases"
    web.app.state.workspace.close()


def test_add_user_and_assign_from_the_cli(data_dir):
    assert admin("create-admin", "--password-stdin", stdin=STRONG + "\n").exit_code == 0
    assert admin("add-user", "li", "--role", "clerk", "--name", "李书记员", "--password-stdin",
                 stdin="Clerk-pass-2024!\n").exit_code == 0
    assert admin("add-user", "x", "--role", "judge", "--password-stdin", stdin=STRONG + "\n").exit_code == 2

    from arbitration.web.store import Store

    store = Store(data_dir / "web" / "web.sqlite3")
    owner = store.user_row("admin")["id"]
    case_id = store.add_case("测试案件", owner)
    clerk = store.user(store.user_row("li")["id"])
    assert not store.can_access(clerk, case_id)
    assert admin("assign", str(case_id), "li").exit_code == 0
    assert store.can_access(clerk, case_id)
    assert admin("assign", "999", "li").exit_code == 2
    assert admin("assign", str(case_id), "nobody").exit_code == 2
    details = [r["detail"] for r in store.audit_rows()]
    assert any("命令行创建用户 li" in d for d in details)
    assert any("命令行分配给 li" in d for d in details)
    store.close()
