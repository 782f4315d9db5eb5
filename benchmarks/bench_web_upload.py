"""Other users' wait during a large upload: `arbitration serve`'s app under uvicorn in a subprocess, one client
uploading a case of 4 text files (170 MB in all) while another asks for /api/me every 20 ms; the latencies of those
small requests while the upload is on, next to the same requests with the server idle (same run: ratios, not
absolutes, on a shared two-core machine). Writes benchmarks/results/web_upload.json.

    .venv/bin/python benchmarks/bench_web_upload.py
    PYTHONPATH=/path/to/other/checkout .venv/bin/python benchmarks/bench_web_upload.py --label old   (compare)
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper

from machine import machine  # noqa: E402

PASSWORD = "Bench-pass-2024!"
FILES, FILE_MB = 4, 42.5
SERVER = """
import sys, uvicorn
from arbitration.web.app import create_app
import arbitration
print("server code:", arbitration.__file__, flush=True)
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log_in(base: str) -> httpx.Client:
    import re

    c = httpx.Client(base_url=base, follow_redirects=False, timeout=120)
    token = re.search(r'name="csrf_token" value="([^"]*)"', c.get("/login").text).group(1)
    assert c.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token}).status_code == 303
    c.headers["X-CSRF-Token"] = re.search(r'<meta name="csrf-token" content="([^"]*)">', c.get("/cases").text).group(1)
    return c


def poll(client: httpx.Client, stop: threading.Event, out: list[float]) -> None:
    while not stop.is_set():
        t0 = time.perf_counter()
        client.get("/api/me")
        out.append(time.perf_counter() - t0)
        time.sleep(0.02)


def summary(xs: list[float]) -> dict:
    xs = sorted(xs)
    return {"requests": len(xs), "median_ms": round(xs[len(xs) // 2] * 1000, 1),
            "p95_ms": round(xs[int(len(xs) * 0.95)] * 1000, 1), "max_ms": round(xs[-1] * 1000, 1)}


def main(label: str) -> dict:
    from arbitration.web.auth import hash_password
    from arbitration.web.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    store = Store(tmp / "web" / "web.sqlite3")
    store.add_user("bench", "基准", "staff", hash_password(PASSWORD))
    store.close()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ARBITRATION_DATA_DIR": str(tmp), "HF_HUB_OFFLINE": "1"}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(tmp), str(port)], env=env, cwd=tmp)  # cwd: not on sys.path
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        uploader, other = log_in(base), log_in(base)
        idle: list[float] = []
        stop = threading.Event()
        poller = threading.Thread(target=poll, args=(other, stop, idle))
        poller.start()
        time.sleep(3)
        stop.set()
        poller.join()
        line = "工资条：申请人月工资八千元，加班费另计。\n".encode()
        data = line * int(FILE_MB * (1 << 20) / len(line))
        files = [("files", (f"证据{i}.txt", data, "text/plain")) for i in range(FILES)]
        busy: list[float] = []
        stop = threading.Event()
        poller = threading.Thread(target=poll, args=(other, stop, busy))
        poller.start()
        t0 = time.perf_counter()
        r = uploader.post("/api/cases", files=files, data={"title": "基准"})
        upload_s = time.perf_counter() - t0
        stop.set()
        poller.join()
        assert r.status_code == 201, r.text[:300]
    finally:
        server.kill()
        server.wait()
    return {"label": label, "upload_mb": round(FILES * len(data) / (1 << 20)), "upload_s": round(upload_s, 2),
            "idle": summary(idle), "during_upload": summary(busy)}


if __name__ == "__main__":
    label = sys.argv[sys.argv.index("--label") + 1] if "--label" in sys.argv else "current"
    import arbitration

    result = {"machine": machine(), "code": str(Path(arbitration.__file__).parent), **main(label)}
    out = ROOT / "benchmarks" / "results" / "web_upload.json"
    runs = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    runs = runs if isinstance(runs, dict) and "runs" in runs else {"runs": {}}
    runs["runs"][label] = result
    out.write_text(json.dumps(runs, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
