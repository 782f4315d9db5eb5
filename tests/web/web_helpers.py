"""Helpers for the web tests: a workspace in a tmp data dir with one user per role, logging in as each, the
app's routes, the sample case to upload. Imported by name (a unique module), never through conftest."""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
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
        return log_in(self.client(), username, password or PASSWORDS[username])


def log_in(c, username: str, password: str):
    """The client (TestClient or httpx.Client) logged in through the login form, with .csrf set and sent."""
    r = c.get("/login")
    token = LOGIN_CSRF.search(r.text).group(1)
    r = c.post("/login", data={"username": username, "password": password, "csrf_token": token})
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
    # tests open the award archive only when it is already built; they never start a build of minutes
    monkeypatch.setattr("arbitration.web.stages.AUTO_BUILD", False)
    from arbitration.web.app import create_app
    from arbitration.web.auth import hash_password

    app = create_app(tmp_path / "data", **kwargs)
    for name, pw in PASSWORDS.items():
        if name not in _HASHES:  # argon2 is slow on purpose: hash each test password once per run
            _HASHES[name] = hash_password(pw)
        app.state.store.add_user(name, f"用户{name}", ROLES[name], _HASHES[name])
    return Web(app, tmp_path / "data")


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


ROOT = Path(__file__).resolve().parents[2]


def sample_case_files(tmp_root: Path) -> tuple[Path, str]:
    """The sample case folder to upload and where it came from: corpus/sample_case/, else the first folder of
    tests/fixtures/cases/, else built into tmp by the fixture script (tests/fixtures/make_fixtures.py)."""
    sample = ROOT / "corpus" / "sample_case"
    if sample.is_dir() and any(sample.iterdir()):
        return sample, "corpus/sample_case"
    cases = ROOT / "tests" / "fixtures" / "cases"
    if cases.is_dir():
        for d in sorted(cases.iterdir()):
            if d.is_dir() and "broken" not in d.name and any(d.iterdir()):
                return d, f"tests/fixtures/cases/{d.name}"
    script = ROOT / "tests" / "fixtures" / "make_fixtures.py"
    if not script.is_file():
        pytest.skip("no sample case: corpus/sample_case/, tests/fixtures/cases/ and the fixture script are absent")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_fixtures", module)  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    out = tmp_root / "sample_case"
    module.build_sample(out)
    return out, "built by tests/fixtures/make_fixtures.py"


def need_stage(name: str) -> None:
    from arbitration.web.stages import StageMissing, stage

    try:
        stage(name)
    except StageMissing as e:
        pytest.skip(f"stage not installed yet: {e}")


@contextmanager
def served(app):
    """The app on a real uvicorn server (h11, as `arbitration serve` runs it) on a free local port, in a thread;
    yields (host, port)."""
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", http="h11"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield sock.getsockname()
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def raw_request(address, head: str, body: bytes = b"", timeout: float = 5.0):
    """A socket with the request head (and body) sent; the caller reads the answer or sends more."""
    import socket

    s = socket.create_connection(address, timeout=timeout)
    s.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
    return s


def read_status(sock) -> int:
    """The status code of the answer on the socket (its first line)."""
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1])
