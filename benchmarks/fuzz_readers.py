"""Fuzz the document readers and the award parser: every input must end in a result or a named error
(arbitration.errors), never a crash (any other exception, or the process dying) or a hang.

    nice -n 10 .venv/bin/python benchmarks/fuzz_readers.py --seconds 600            # every target, time shared
    nice -n 10 .venv/bin/python benchmarks/fuzz_readers.py --targets pdf zip --seconds 120 --chunk 60
    .venv/bin/python benchmarks/fuzz_readers.py --replay FILE --targets pdf          # one input, its traceback
    .venv/bin/python benchmarks/fuzz_readers.py --minimize FILE --targets pdf        # smallest input, same crash

Targets: pdf, docx, txt, image (read_document with a stand-in OCR engine: the decoders are fuzzed, not the OCR
model), zip (the upload's case-archive reader, then each member's upload check), upload (the upload check of one
file) and parser (the award parser on text). Seeds are real files: corpus/sample_case, tests/fixtures/cases and
../shared/data (real judgments, typical cases, statutes). The engine is atheris (coverage-guided libFuzzer;
`pip install -e ".[fuzz]"`), one child process per target and chunk, niced; libFuzzer's -timeout turns an input that
runs longer than --hang-s into a hang. Not a CI test: results go to benchmarks/results/fuzz.json (inputs tried,
named errors by kind, crashes, hangs, time, the load average), working corpora and crash inputs stay in --work.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "data"
RESULTS = HERE / "results" / "fuzz.json"
sys.path.insert(0, str(HERE))

TARGETS = ("pdf", "docx", "txt", "image", "zip", "upload", "parser")
SLOW_S = 3.0  # an input slower than this is kept (slow-<target>-<sha1>) for a look
MAX_SEED_BYTES = 160_000  # larger seeds slow every execution; the small ones reach the same code
SUFFIX = {b"%PDF": ".pdf", b"PK\x03\x04": ".docx", b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg", b"II*\x00": ".tif",
          b"MM\x00*": ".tif", b"BM": ".bmp", b"RIFF": ".webp", b"\xd0\xcf\x11\xe0": ".doc"}


# ---------------------------------------------------------------- seeds


def _files(*globs: tuple[Path, str]) -> list[Path]:
    out: list[Path] = []
    for base, pattern in globs:
        if base.is_dir():
            out += [p for p in sorted(base.rglob(pattern)) if p.is_file() and p.stat().st_size <= MAX_SEED_BYTES]
    return out


def seeds(target: str) -> list[bytes]:
    """Real files for a target (and, for zip, case archives made of them)."""
    cases, sample = ROOT / "tests" / "fixtures" / "cases", ROOT / "corpus" / "sample_case"
    judgments = SHARED / "real-judgments" / "judgments"
    by_ext = {
        "pdf": ("*.pdf",), "docx": ("*.docx",), "txt": ("*.txt", "*.md"),  # .doc: LibreOffice, seconds an input
        "image": ("*.png", "*.jpg", "*.tif", "*.tiff", "*.bmp", "*.webp"),
    }
    if target in by_ext:
        paths = [p for ext in by_ext[target] for p in _files((cases, ext), (sample, ext))]
        if target == "txt":
            paths += _files((judgments, "*.txt"))[:8] + _files((SHARED / "cases", "*.md"))[:3]
        return [p.read_bytes() for p in paths] + (small_pdfs() if target == "pdf" else [])
    if target == "upload":
        return [b for t in ("pdf", "docx", "txt", "image") for b in seeds(t)[:4]]
    if target == "zip":  # case folders zipped (good files; one archive with a broken file too), some flat
        small = [p for p in _files((cases, "*"), (sample, "*")) if p.stat().st_size < 40_000]
        good = [p for p in small if p.parent.name != "broken"]
        out = []
        broken = [p for p in small if p not in good][:1]
        for k, members in enumerate((good[0::3][:4], good[1::3][:4], good[2::3][:3] + broken)):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if k != 1 else zipfile.ZIP_STORED) as zf:
                for p in members:
                    zf.writestr(f"案卷/{p.name}" if k != 2 else p.name, p.read_bytes())
            out.append(buf.getvalue())
        return out
    if target == "parser":
        texts = _files((judgments, "*.txt"))[:10] + _files((SHARED / "cases", "*.md"))
        awards = ROOT / "corpus" / "awards" / "awards.jsonl.gz"
        out = [p.read_bytes() for p in texts]
        if awards.is_file():
            import gzip

            with gzip.open(awards, "rt", encoding="utf-8") as f:
                for i, line in enumerate(f):
                    if 1 <= i <= 6:
                        out.append(json.loads(line)["text"].encode("utf-8"))
        return out
    raise ValueError(target)


def small_pdfs() -> list[bytes]:
    """A few KB-sized PDFs (reportlab, the built-in CJK font STSong-Light, not embedded): the fuzzer mutates
    their structure far more often per second than the 20-150 KB case files'."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = ["仲裁申请书", "申请人：张某，男，汉族。", "被申请人：青岛某某有限公司。", "请求事项：支付工资8000元。"]
    out = []
    for pages, table in ((1, False), (1, True), (2, False)):
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=A4, pageCompression=0)
        for page in range(pages):
            c.setFont("STSong-Light", 12)
            for i, text in enumerate(lines):
                c.drawString(72, 760 - 24 * i, text)
            c.drawString(280, 40, f"- {page + 1} -")
            if table:
                for k in range(4):
                    c.line(72, 600 - 20 * k, 400, 600 - 20 * k)
                for x in (72, 236, 400):
                    c.line(x, 600, x, 540)
                c.drawString(80, 585, "月份")
                c.drawString(244, 585, "工资")
            c.showPage()
        c.save()
        out.append(buf.getvalue())
    return out


# ---------------------------------------------------------------- what one input runs


class StandInOCR:
    """An OCR engine that reads nothing: the fuzz is of the decoders, not of the OCR model."""

    name = "stand-in"

    def recognize(self, image):
        from arbitration.model import Line

        image.load()
        return [Line(text="识别", confidence=0.9, box=(0, 0, min(image.width, 10), min(image.height, 10)))]


def runner(target: str):
    """data -> None for a target: raises an ArbitrationError for a named refusal, anything else is a crash."""
    from arbitration.ingest import read_document

    tmp = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    ocr = StandInOCR()

    def read(data: bytes, suffix: str) -> None:
        path = tmp / f"input{suffix}"
        path.write_bytes(data)
        read_document(path, ocr=ocr)

    if target in ("pdf", "docx", "txt"):
        suffix = {"pdf": ".pdf", "docx": ".docx", "txt": ".txt"}[target]
        return lambda data: read(data, suffix)
    if target == "image":
        return lambda data: read(data, next((s for m, s in SUFFIX.items() if data.startswith(m)), ".png"))
    if target in ("upload", "zip"):
        from arbitration.web.uploads import check_upload, expand_archives

        def upload(data: bytes) -> None:
            name = "案卷.zip" if target == "zip" else "上传" + next(
                (s for m, s in SUFFIX.items() if data.startswith(m)), ".txt")
            for member, content in expand_archives([(name, data)]):
                check_upload(member, content)

        return upload
    if target == "parser":
        from arbitration.retrieval.parser import parse_text

        return lambda data: parse_text(data.decode("utf-8", errors="replace"), "fuzz.txt")
    raise ValueError(target)


def where(e: BaseException) -> str:
    """The innermost frame of the project (else the innermost frame) that raised: a crash's identity."""
    frames = traceback.extract_tb(e.__traceback__)
    ours = [f for f in frames if "/arbitration/" in f.filename] or frames
    f = (ours or [None])[-1]
    return f"{Path(f.filename).name}:{f.lineno} {f.name}" if f else "?"


# ---------------------------------------------------------------- the child: atheris over one target


def child(target: str, seconds: int, hang_s: int, work: Path, stats_path: Path) -> None:
    import atheris

    with atheris.instrument_imports(include=["arbitration", "pdfminer", "pdfplumber", "docx", "PIL", "zipfile"]):
        run = runner(target)
        from arbitration.errors import ArbitrationError
    corpus, artifacts = work / target / "corpus", work / "artifacts"
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        for data in seeds(target):
            (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)
    stats = json.loads(stats_path.read_text()) if stats_path.is_file() else {}
    stats.setdefault("inputs", 0)
    stats.setdefault("results", 0)
    stats.setdefault("named_errors", {})
    stats.setdefault("crashes", {})
    stats.setdefault("slowest_s", 0.0)
    last_write = [time.monotonic()]

    def save() -> None:
        tmp = stats_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(stats, ensure_ascii=False, indent=1))
        os.replace(tmp, stats_path)
        last_write[0] = time.monotonic()

    def one(data: bytes) -> None:
        t0 = time.monotonic()
        try:
            run(data)
            stats["results"] += 1
        except ArbitrationError as e:
            key = f"{type(e).__name__}:{getattr(e, 'kind', '')}".rstrip(":")
            stats["named_errors"][key] = stats["named_errors"].get(key, 0) + 1
        except Exception as e:  # noqa: BLE001 - anything not named is what the fuzz looks for
            key = f"{type(e).__name__} at {where(e)}"
            seen = stats["crashes"].setdefault(key, {"count": 0, "message": str(e)[:300]})
            seen["count"] += 1
            if "input" not in seen or len(data) < seen.get("bytes", 1 << 60):
                name = f"crash-{target}-{hashlib.sha1(data).hexdigest()[:12]}"
                (artifacts / name).write_bytes(data)
                seen.update(input=name, bytes=len(data))
            save()
        stats["inputs"] += 1
        took = time.monotonic() - t0
        if took > max(SLOW_S, stats["slowest_s"]):  # kept to look at: not a hang yet, but slow
            name = f"slow-{target}-{hashlib.sha1(data).hexdigest()[:12]}"
            (artifacts / name).write_bytes(data)
            stats["slowest_input"] = {"input": name, "bytes": len(data), "s": round(took, 3)}
        stats["slowest_s"] = round(max(stats["slowest_s"], took), 3)
        if time.monotonic() - last_write[0] > 2:
            save()

    for data in seeds(target)[:1]:  # warm up: models and dictionaries load on first use, not a slow input
        try:
            run(data)
        except Exception:  # noqa: BLE001, S110 - only loading matters here; the fuzz sees this input again
            pass
    save()
    argv = ["fuzz", f"-max_total_time={seconds}", f"-timeout={hang_s}", "-rss_limit_mb=3072", "-max_len=262144",
            f"-artifact_prefix={artifacts}/{target}-", "-print_final_stats=1", str(corpus)]
    atheris.Setup(argv, one)
    atheris.Fuzz()


# ---------------------------------------------------------------- the parent: chunks, hangs, results


def fuzz(targets: list[str], seconds: int, chunk: int, hang_s: int, work: Path) -> dict:
    from machine import machine

    per_target = max(chunk, seconds // len(targets))
    out: dict = {"machine": machine(), "engine": _engine(), "seconds_per_target": per_target, "hang_s": hang_s,
                 "targets": {}}
    for target in targets:
        stats_path = work / target / "stats.json"
        stats_path.parent.mkdir(parents=True, exist_ok=True)
        stats_path.unlink(missing_ok=True)
        left, chunks, hangs, deaths, loads, fuzzing_s = per_target, 0, [], [], [], 0
        t0 = time.monotonic()
        while left > 5:
            before = set((work / "artifacts").glob(f"{target}-*")) if (work / "artifacts").is_dir() else set()
            run_s = min(chunk, left)
            started = time.monotonic()
            loads.append(round(os.getloadavg()[0], 2))
            proc = subprocess.run([sys.executable, __file__, "--child", target, "--seconds", str(run_s),
                                   "--hang-s", str(hang_s), "--work", str(work)],
                                  capture_output=True, text=True, timeout=run_s + 10 * hang_s + 300)
            chunks += 1
            fuzzing_s += run_s
            left -= max(1, int(time.monotonic() - started))
            new = sorted(set((work / "artifacts").glob(f"{target}-*")) - before)
            for a in new:  # libFuzzer's own artifacts: timeout- (a hang), oom-, crash- (the process died)
                (hangs if "timeout-" in a.name else deaths).append({"input": a.name, "bytes": a.stat().st_size,
                                                                  "log": _tail(proc.stderr)})
            if proc.returncode not in (0,) and not new:
                deaths.append({"input": None, "exit": proc.returncode, "log": _tail(proc.stderr)})
        stats = json.loads(stats_path.read_text()) if stats_path.is_file() else {}
        crashes = [{"where": k, **v} for k, v in stats.get("crashes", {}).items()] + deaths
        out["targets"][target] = {
            "inputs": stats.get("inputs", 0), "results": stats.get("results", 0),
            "named_errors": dict(sorted(stats.get("named_errors", {}).items(), key=lambda kv: -kv[1])),
            "crashes": len(crashes), "hangs": len(hangs), "crash_list": crashes, "hang_list": hangs,
            "slowest_input_s": stats.get("slowest_s"), "slowest_input": stats.get("slowest_input"),
            "fuzzing_s": fuzzing_s,
            "seconds": round(time.monotonic() - t0, 1), "chunks": chunks,
            "seeds": len(seeds(target)), "load_average_1min_per_chunk": loads,
        }
        print(f"{target}: {out['targets'][target]['inputs']} inputs, {len(crashes)} crashes, {len(hangs)} hangs",
              flush=True)
    out["totals"] = totals(out["targets"])
    out["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return out


def _engine() -> str:
    try:
        from importlib.metadata import version

        import atheris  # noqa: F401

        return f"atheris {version('atheris')} (libFuzzer, coverage-guided)"
    except ImportError:
        raise SystemExit("atheris is not installed: .venv/bin/python -m pip install -e '.[fuzz]'") from None


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join((text or "").splitlines()[-lines:])


def totals(targets: dict) -> dict:
    return {k: round(sum(t.get(k, 0) for t in targets.values()), 1)
            for k in ("inputs", "crashes", "hangs", "fuzzing_s", "seconds")}


def merge(previous: dict, new: dict) -> dict:
    """A run of some targets updates those targets in the results file and keeps the others."""
    targets = {**previous.get("targets", {}), **new["targets"]}
    merged = {**new, "targets": targets}
    merged["totals"] = totals(targets)
    return merged


# ---------------------------------------------------------------- one input: replay, minimise


def outcome(target: str, data: bytes) -> str:
    """"result", "named <Error>" or "crash <Type at where>" for one input."""
    from arbitration.errors import ArbitrationError

    try:
        runner(target)(data)
        return "result"
    except ArbitrationError as e:
        return f"named {type(e).__name__}"
    except Exception as e:  # noqa: BLE001
        return f"crash {type(e).__name__} at {where(e)}"


def minimize(target: str, data: bytes, budget_s: float = 300) -> bytes:
    """The smallest input found (by cutting ever smaller chunks, ddmin style) that crashes the same way."""
    want, t0, n = outcome(target, data), time.monotonic(), 2
    if not want.startswith("crash"):
        raise SystemExit(f"not a crash: {want}")
    while len(data) > 1 and time.monotonic() - t0 < budget_s:
        size, cut = max(1, len(data) // n), False
        for start in range(0, len(data), size):
            candidate = data[:start] + data[start + size :]
            if candidate and outcome(target, candidate) == want:
                data, n, cut = candidate, max(n - 1, 2), True
                break
        if not cut:
            if size == 1:
                break
            n = min(len(data), n * 2)
    return data


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--targets", nargs="+", choices=TARGETS, default=list(TARGETS))
    ap.add_argument("--seconds", type=int, default=600, help="total fuzzing time, shared by the targets")
    ap.add_argument("--chunk", type=int, default=60, help="seconds per child process (corpora carry over)")
    ap.add_argument("--hang-s", type=int, default=20, help="an input running longer than this is a hang")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fuzz-readers")
    ap.add_argument("--replay", type=Path)
    ap.add_argument("--minimize", type=Path)
    ap.add_argument("--child", choices=TARGETS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.seconds, args.hang_s, args.work, args.work / args.child / "stats.json")
        return 0
    if args.replay or args.minimize:
        path = args.replay or args.minimize
        data = path.read_bytes()
        if args.replay:
            from arbitration.errors import ArbitrationError

            try:
                runner(args.targets[0])(data)
                print("result")
            except ArbitrationError as e:
                print(f"named {type(e).__name__}: {e}")
            return 0
        small = minimize(args.targets[0], data)
        out = path.with_name(path.name + ".min")
        out.write_bytes(small)
        print(f"{len(data)} -> {len(small)} bytes: {out} ({outcome(args.targets[0], small)})")
        return 0
    result = fuzz(args.targets, args.seconds, args.chunk, args.hang_s, args.work)
    previous = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    result = merge(previous, result) if set(args.targets) != set(TARGETS) else result
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["totals"]), "->", RESULTS.relative_to(ROOT))
    return 1 if result["totals"]["crashes"] or result["totals"]["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
