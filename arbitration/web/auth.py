"""Passwords (argon2), server-side sessions with expiry, CSRF tokens and login throttling."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from arbitration.web.store import Store, User, iso, now

SESSION_COOKIE = "arb_session"
LOGIN_CSRF_COOKIE = "arb_login_csrf"  # double-submit token for the login form (no session exists yet)
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
MIN_PASSWORD = 10


@dataclass(frozen=True)
class Limits:
    session_hours: float = 8.0  # a session lasts one working day, then the user logs in again
    login_window_minutes: int = 15  # failed logins are counted over this window
    free_failures: int = 5  # failed logins of one account (from anywhere) before it must wait between tries
    max_failed_per_ip: int = 30  # failed logins from one address (any names): from then on the address is watched
    watched_free_failures: int = 2  # from a watched address an account gets only this many failures before waiting
    first_wait_s: int = 30  # the first wait; each further failure doubles it
    max_wait_s: int = 900


_hasher = PasswordHasher()  # argon2id with the library's current defaults
# a hash of a random password: verifying against it when the user does not exist costs the same time
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"密码至少 {MIN_PASSWORD} 个字符")
    if password.strip() != password or len(set(password)) < 4:
        raise ValueError("密码过于简单（不能首尾有空格，至少包含 4 个不同字符）")


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_equal(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


class Sessions:
    """Server-side sessions: the cookie holds a random token; the database holds its hash, the user and the CSRF token."""

    def __init__(self, store: Store, limits: Limits = Limits()) -> None:
        self.store, self.limits = store, limits

    def create(self, user_id: int, ip: str | None) -> tuple[str, str]:
        """A new session for the user: returns (cookie token, CSRF token)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = now() + timedelta(hours=self.limits.session_hours)
        with self.store.tx() as db:
            db.execute("DELETE FROM sessions WHERE expires < ?", (iso(),))
            db.execute(
                "INSERT INTO sessions (token_hash, user_id, csrf, created, expires, ip) VALUES (?,?,?,?,?,?)",
                (_digest(token), user_id, csrf, iso(), iso(expires), ip),
            )
        return token, csrf

    def lookup(self, token: str | None) -> tuple[User, str] | None:
        """The session's user and CSRF token, or None when the token is unknown or expired."""
        if not token or len(token) > 200:
            return None
        row = self.store.one("SELECT user_id, csrf, expires FROM sessions WHERE token_hash = ?", (_digest(token),))
        if row is None or row["expires"] < iso():
            return None
        user = self.store.user(row["user_id"])
        return (user, row["csrf"]) if user else None

    def end(self, token: str | None) -> None:
        if token:
            with self.store.tx() as db:
                db.execute("DELETE FROM sessions WHERE token_hash = ?", (_digest(token),))

    def login_wait(self, ip: str | None, username: str) -> int:
        """Seconds before this account's password is checked again (0: check it now). Per account, whatever the
        address: after `free_failures` failed logins, each further failure doubles the wait. An address with many
        failures (a spray, or everyone behind one proxy) never blocks by itself; it only cuts the free failures of
        each account tried from it, so an account nobody has guessed at always logs in with its password."""
        limits = self.limits
        since = now() - timedelta(minutes=limits.login_window_minutes)
        failures, last = self.store.login_events("login_failed", since, username=username)
        if not failures:
            return 0
        watched = self.store.failed_logins(since, ip=ip) >= limits.max_failed_per_ip
        free = limits.watched_free_failures if watched else limits.free_failures
        if failures < free:
            return 0
        wait = min(limits.first_wait_s * 2 ** (failures - free), limits.max_wait_s)
        return max(0, math.ceil((last + timedelta(seconds=wait) - now()).total_seconds()))

    def note_blocked(self, ip: str | None, username: str, wait: int) -> None:
        """Audit a refused attempt once per burst: the first refusal since the account's latest failure."""
        since = now() - timedelta(minutes=self.limits.login_window_minutes)
        _, last_failure = self.store.login_events("login_failed", since, username=username)
        if last_failure and self.store.login_events("login_blocked", last_failure, username=username)[0]:
            return
        self.store.audit("login_blocked", None, "login", f"失败次数过多，暂停 {wait} 秒；其间的尝试不再逐条记录",
                         ip=ip, username=username)

    def authenticate(self, username: str, password: str) -> User | None:
        row = self.store.user_row(username)
        if not verify_password(row["password_hash"] if row else None, password):
            return None
        return self.store.user(row["id"])
