"""A crash never leaves half a case: kill -9 of a real `uvicorn` server in the middle of an upload and in the middle of
reading a case, and of a process at each step of a case's creation; the restarted workspace has either the whole case
or nothing, no staged or temporary files, and a case whose reading was cut off is `failed` with a reason and can be
read again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from web_helpers import PASSWORDS, ROOT, log_in, need_stage

SERVER = r"""
import os, signal, sys, time
import uvicorn
from arbitration.web import service
from arbitration.web.app import create_app

mode, data_dir, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode == "die-mid-upload":  # killed after the first of the upload's files is written
    real_write, written = service.write_bytes, []

    def write_then_die(path, data):
        if written:
            os.kill(os.getpid(), signal.SIGKILL)
        real_write(path, data)
        written.append(path)

    service.write_bytes = write_then_die
elif mode == "stall-reading":  # reading the first file never ends (the test kills the server meanwhile)
    import arbitration.ingest as ingest

    ingest.read_document = lambda *a, **k: time.sleep(3600)
uvicorn.run(create_app(data_dir), host="127.0.0.1", port=port, log_level="warning")
"""

FILES = [("files", (f"证据{i}.txt", f"证据材料第{i}份：工资条，月工资八千元。".encode(), "text/plain")) for i in range(3)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python -c SERVER mode data_dir port` as a subprocess, killed with SIGKILL."""

    def __init__(self, mode: str, data_dir: Path, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "ARBITRATION_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
        self.log = open(log, "a", encoding="utf-8")  # noqa: SIM115 - closed in kill()
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER, mode, str(data_dir), str(self.port)], cwd=ROOT,
                                     env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.base}/login", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert self.proc.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.2)

    def client(self) -> httpx.Client:
        return log_in(httpx.Client(base_url=self.base, follow_redirects=False, timeout=30), "staff", PASSWORDS["staff"])

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        self.log.close()


def add_staff(data_dir: Path) -> None:
    from arbitration.web.auth import hash_password
    from arbitration.web.store import Store

    store = Store(data_dir / "web" / "web.sqlite3")
    store.add_user("staff", "工作人员", "staff", hash_password(PASSWORDS["staff"]))
    store.close()


def leftovers(data_dir: Path) -> list[str]:
    """Staged uploads and temporary files anywhere under the web folder."""
    web = data_dir / "web"
    return sorted(str(p.relative_to(web)) for p in web.rglob("*")
                  if p.is_file() and (p.name.endswith(".tmp") or "staging" in p.relative_to(web).parts))


def test_kill_9_mid_upload_and_mid_reading(tmp_path):
    need_stage("extract")
    data_dir = tmp_path / "data"
    add_staff(data_dir)
    log = tmp_path / "server.log"
    servers: list[Server] = []
    try:
        # 1. the server dies while it stores the upload's files
        servers.append(server := Server("die-mid-upload", data_dir, log))
        with pytest.raises(httpx.TransportError):
            server.client().post("/api/cases", files=FILES, data={"title": "半截上传"})
        server.kill()
        # 2. the server dies while it reads a case
        servers.append(server := Server("stall-reading", data_dir, log))
        staff = server.client()
        r = staff.post("/api/cases", files=FILES[:1], data={"title": "读取中断"})
        assert r.status_code == 201, r.text
        case_id = r.json()["id"]
        deadline = time.monotonic() + 60
        while "正在读取第 1/1 份" not in staff.get(f"/api/cases/{case_id}/status").json()["message"]:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        server.kill()
        # 3. restarted: the half upload left nothing, the cut-off reading is `failed` with its reason
        servers.append(server := Server("normal", data_dir, log))
        staff = server.client()
        cases = staff.get("/api/cases").json()
        assert [c["title"] for c in cases] == ["读取中断"], cases
        status = cases[0]
        assert status["status"] == "failed" and "重新读取" in status["message"], status
        assert leftovers(data_dir) == []
        assert sorted(p.parent.parent.name for p in (data_dir / "web" / "cases").glob("*/files/*")) == [
            f"{case_id:06d}"]
        page = staff.get(f"/cases/{case_id}").text
        assert status["message"] in page and "重试读取" in page  # the retry button
        assert status["retry"] == f"/api/cases/{case_id}/extract"  # and where the API retries
        # retry: read again, now to the end
        assert staff.post(f"/api/cases/{case_id}/extract").status_code == 202
        deadline = time.monotonic() + 120
        while (status := staff.get(f"/api/cases/{case_id}/status").json())["status"] == "processing":
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert status["status"] == "ready", status
    finally:
        for s in servers:
            s.kill()


STEP = r"""
import os, signal, sys
from arbitration.web import service
from arbitration.web.service import Workspace

step, data_dir = sys.argv[1], sys.argv[2]
ws = Workspace(data_dir)
user = ws.store.user(ws.store.add_user("staff", "工作人员", "staff", "not-a-real-hash"))


def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


if step == "staging":  # after the first staged file
    real_write = service.write_bytes
    service.write_bytes = lambda path, data: (real_write(path, data), die())
elif step == "renamed":  # the staged folder renamed into place, the transaction not committed
    real_move = Workspace._move_in
    Workspace._move_in = lambda self, staged, case_id: (real_move(self, staged, case_id), die())
elif step == "committed":  # the case committed, its reading not started
    Workspace.start_extraction = die
files = [(f"证据{i}.txt", f"证据材料第{i}份".encode()) for i in range(3)]
ws.create_case("案件", user, files, ip="127.0.0.1")
"""


@pytest.mark.parametrize("step", ["staging", "renamed", "committed"])
def test_kill_9_at_each_step_of_creating_a_case(tmp_path, step):
    from arbitration.web.service import Workspace

    data_dir = tmp_path / "data"
    done = subprocess.run([sys.executable, "-c", STEP, step, str(data_dir)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    ws = Workspace(data_dir)  # the restart
    try:
        rows = ws.store.query("SELECT * FROM cases")
        uploads = ws.store.audit_rows(100, "upload")
        folders = sorted(p.name for p in (data_dir / "web" / "cases").glob("*")) if (
            data_dir / "web" / "cases").exists() else []
        assert leftovers(data_dir) == []
        if step != "committed":  # nothing of the case
            assert rows == [] and uploads == [] and folders == [] and ws.store.files(1) == []
            # a folder renamed into place whose commit never came is set aside, not deleted (the database could
            # have been restored from an older backup)
            aside = list((data_dir / "web" / "orphaned").glob("*/files/*"))
            assert len(aside) == (3 if step == "renamed" else 0)
            return
        # the whole case, waiting to be read again
        assert len(rows) == 1 and rows[0]["status"] == "failed" and "重新读取" in rows[0]["message"]
        assert len(uploads) == 1 and folders == [f"{rows[0]['id']:06d}"]
        stored = sorted(p.name for p in ws.files_dir(rows[0]["id"]).iterdir())
        assert stored == sorted(r["stored_name"] for r in ws.store.files(rows[0]["id"])) and len(stored) == 3
    finally:
        ws.close()
