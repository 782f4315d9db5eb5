"""A web workspace in a tmp data dir with one user per role, and helpers to log in as each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSWORDS = {
    "admin": "Admin-pass-2024!",
    "arb": "Arbitrator-pass-2024!",
    "clerk": "Clerk-pass-2024!",
    "staff": "Staff-pass-2024!",
    "clerk2": "Clerk2-pass-2024!",
}
ROLES = {"admin": "admin", "arb": "arbitrator", "clerk": "clerk", "staff": "staff", "clerk2": "clerk"}
META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]*)">')
LOGIN_CSRF = re.compile(r'name="csrf_token" value="([^"]*)"')


@dataclass
class Web:
    app: object
    data_dir: Path

    @property
    def store(self):
        return self.app.state.store

    def client(self):
        from fastapi.testclient import TestClient

        return TestClient(self.app, base_url="http://testserver", follow_redirects=False)

    def login(self, username: str, password: str | None = None):
        """A TestClient logged in as `username`, with .csrf set to the session's token."""
        c = self.client()
        r = c.get("/login")
        token = LOGIN_CSRF.search(r.text).group(1)
        r = c.post("/login", data={"username": username, "password": password or PASSWORDS[username],
                                   "csrf_token": token})
        assert r.status_code == 303, r.text
        page = c.get("/cases")
        c.csrf = META_CSRF.search(page.text).group(1)
        c.headers["X-CSRF-Token"] = c.csrf
        return c


_HASHES: dict[str, str] = {}


def make_web(tmp_path: Path, monkeypatch, **kwargs) -> Web:
    monkeypatch.setenv("ARBITRATION_DATA_DIR", str(tmp_path / "data"))
    from arbitration import config

    config.settings.cache_clear()
    from arbitration.web.app import create_app
    from arbitration.web.auth import hash_password

    app = create_app(tmp_path / "data", **kwargs)
    for name, pw in PASSWORDS.items():
        if name not in _HASHES:  # argon2 is slow on purpose: hash each test password once per run
            _HASHES[name] = hash_password(pw)
        app.state.store.add_user(name, f"用户{name}", ROLES[name], _HASHES[name])
    return Web(app, tmp_path / "data")


@pytest.fixture
def web(tmp_path, monkeypatch):
    w = make_web(tmp_path, monkeypatch)
    yield w
    w.app.state.workspace.close()
    from arbitration import config

    config.settings.cache_clear()


def all_routes(app) -> list[tuple[str, str, str]]:
    """(kind, method, path) for every route of the app, routers flattened."""
    out = []
    for r in app.routes:
        contexts = r.effective_route_contexts() if hasattr(r, "effective_route_contexts") else [r]
        for ctx in contexts:
            path = ctx.path
            methods = getattr(ctx, "methods", None)
            if methods:
                out += [("http", m, path) for m in sorted(methods)]
            elif type(ctx.original_route if hasattr(ctx, "original_route") else r).__name__.endswith("WebSocketRoute"):
                out.append(("ws", "GET", path))
            else:
                out.append(("mount", "GET", path))
    return out


def fill(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: "hire_date" if m.group(1) == "name" else "1", path)
