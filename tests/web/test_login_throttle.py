"""Login throttling: per account a growing wait, per address a stricter count that never refuses a correct password
for an account nobody has guessed at; one audit row per burst of blocked attempts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from web_helpers import LOGIN_CSRF, PASSWORDS, make_web

from arbitration.web.auth import Limits


class Clock:
    """The store's and the throttle's clock, moved by hand."""

    def __init__(self) -> None:
        self.t = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr("arbitration.web.store.now", c)
    monkeypatch.setattr("arbitration.web.auth.now", c)
    return c


def login_form(web, address: str = "testclient"):
    client = TestClient(web.app, base_url="http://testserver", follow_redirects=False, client=(address, 50000))
    token = LOGIN_CSRF.search(client.get("/login").text).group(1)

    def attempt(username: str, password: str) -> int:
        r = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
        return r.status_code

    return attempt


def test_spray_of_made_up_names_from_one_address_does_not_lock_out_the_admin(web):
    """The issue: 30 failed logins under made-up names from one address, then everyone there got 429 for 15 minutes
    (behind a reverse proxy everyone shares one address)."""
    attempt = login_form(web)
    for i in range(30):
        assert attempt(f"nobody{i:02d}", "wrong-password-x") == 401, i
    assert attempt("nobody-else", "wrong-password-x") == 401  # a name not yet guessed at is simply wrong
    assert attempt("admin", PASSWORDS["admin"]) == 303
    assert login_form(web)("clerk", PASSWORDS["clerk"]) == 303  # (a fresh form: a login uses up its form)


def test_account_waits_longer_after_each_failure(web, clock):
    attempt = login_form(web)
    for _ in range(5):
        assert attempt("arb", "wrong-password-x") == 401
    assert attempt("arb", PASSWORDS["arb"]) == 429  # under attack: the password is not even checked
    clock.advance(31)  # the first wait (30 s) is over: one more guess is checked
    assert attempt("arb", "wrong-password-x") == 401
    assert attempt("arb", PASSWORDS["arb"]) == 429
    clock.advance(31)  # the wait has doubled to 60 s
    assert attempt("arb", PASSWORDS["arb"]) == 429
    clock.advance(30)
    assert attempt("arb", PASSWORDS["arb"]) == 303
    # the wait is per account: another account from the same address was never held up
    assert login_form(web)("staff", PASSWORDS["staff"]) == 303


def test_spray_from_one_address_holds_the_accounts_it_guessed_at_there(tmp_path, monkeypatch, clock):
    """From an address that has failed many times, an account gets only a couple of guesses before it must wait;
    the same account from another address, and every account not guessed at, are not held up."""
    web = make_web(tmp_path, monkeypatch, limits=Limits(max_failed_per_ip=10))  # 10, not 30: argon2 is slow
    spray = login_form(web, "10.0.0.66")
    for i in range(10):
        assert spray(f"nobody{i:02d}", "wrong-password-x") == 401
    assert spray("clerk", "wrong-password-1") == 401
    assert spray("clerk", "wrong-password-2") == 401
    assert spray("clerk", "wrong-password-3") == 429
    assert spray("clerk", PASSWORDS["clerk"]) == 429
    assert login_form(web, "10.0.0.7")("clerk", PASSWORDS["clerk"]) == 303
    assert spray("admin", PASSWORDS["admin"]) == 303
    web.app.state.workspace.close()


def test_one_audit_row_per_burst_of_blocked_attempts(web, clock):
    attempt = login_form(web)
    for _ in range(5):
        attempt("arb", "wrong-password-x")
    for _ in range(10):
        assert attempt("arb", "wrong-password-x") == 429
    rows = web.store.audit_rows(1000, "login_blocked")
    assert len(rows) == 1 and rows[0]["username"] == "arb", [dict(r) for r in rows]
    clock.advance(31)
    assert attempt("arb", "wrong-password-x") == 401  # the next failure starts a new burst
    for _ in range(10):
        assert attempt("arb", "wrong-password-x") == 429
    assert len(web.store.audit_rows(1000, "login_blocked")) == 2
    assert len(web.store.audit_rows(1000, "login_failed")) == 6  # every checked password is still recorded
