"""Hearing journal at the length of a real hearing: replay (load_record, what export and the web's segments view
do), resume (Hearing.start on an existing hearing), a role tag set in the past, and one commit (append + fsync),
on synthetic journals of 1 h and 3 h (a segment every 2 s, a role tag every 30 s). The baseline in the same run
is json.loads over the same lines, so the ratio says what the replay costs beyond reading the file.

Run: .venv/bin/python benchmarks/bench_hearing_journal.py   → benchmarks/results/hearing_journal.json
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper

from machine import machine_line  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "hearing_journal.json"
SEATS = ("首席仲裁员", "申请人", "被申请人代理人")


def write_journal(path: Path, hours: float) -> int:
    lines, t, n = [], 0.0, int(hours * 1800)
    for i in range(1, n + 1):
        if i % 15 == 0:
            lines.append({"type": "role", "channel": 0, "role": SEATS[i // 15 % 3], "at": t, "wall": ""})
        words = [[round(t + k * 0.4, 3), round(t + (k + 1) * 0.4, 3), w] for k, w in enumerate(("我们", "认为", "应当", "支付"))]
        lines.append({"type": "segment", "id": f"{i:06d}", "channel": 0, "start": t, "end": t + 1.6,
                      "text": "我们认为应当支付", "raw_text": "我们认为应当支付", "original_text": "我们认为应当支付",
                      "role_at": t + 0.2, "words": words})
        t += 2.0
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return n


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    from arbitration.config import load_settings
    from arbitration.hearing import Hearing, load_record
    from arbitration.hearing.asr import Word

    result = {"machine": machine_line(), "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        cfg = load_settings(data_dir=Path(tmp) / "data")
        for hours in (1.0, 3.0):
            hid = f"bench-{hours:g}h"
            Hearing.start(None, hid, cfg=cfg).close()
            d = cfg.hearings_dir / hid
            n = write_journal(d / "journal.jsonl", hours)
            raw = best(lambda d=d: [json.loads(ln) for ln in (d / "journal.jsonl").read_bytes().splitlines()])
            replay = best(lambda d=d: load_record(d))
            resume = best(lambda hid=hid: Hearing.start(None, hid, cfg=cfg).close())
            h = Hearing.start(None, hid, cfg=cfg)
            try:
                h._commit(0, [Word(0.0, 0.4, "好的")])  # warm the lexicon
                tag = best(lambda h=h: h.set_role("申请人", at=h.offset - 60.0))
                commits = []
                for i in range(20):
                    t = time.perf_counter()
                    h._commit(0, [Word(1.0 + i, 1.5 + i, "好的")])
                    commits.append(time.perf_counter() - t)
            finally:
                h.close()
            result["runs"].append({
                "hours": hours, "segments": n, "tags": n // 15,
                "json_loads_s": round(raw, 3), "replay_s": round(replay, 3),
                "replay_vs_json_loads": round(replay / raw, 1), "resume_s": round(resume, 3),
                "role_tag_in_the_past_ms": round(tag * 1000, 1),
                "commit_ms_p50": round(statistics.median(commits) * 1000, 1),
            })
            print(result["runs"][-1], flush=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"→ {OUT}")


if __name__ == "__main__":
    main()
