"""Benchmark the openai-whisper (torch) engine on the bundled Whisper base exported to `.pt`, against
faster-whisper on the same weights, on the five real Mandarin clips in ../shared/data/audio.

    .venv/bin/python benchmarks/bench_whisper_pt.py [--repeats 3] [--install]

Measures, in one run on the same machine (the machine is shared: compare within a run, and read ratios):
- conversion: CTranslate2 model.bin -> openai-whisper .pt (`export_pt`), seconds and file size;
- load: each engine's constructor, seconds;
- per engine, whole clips: CER (pooled) and real-time factor (median of `repeats` passes, interleaved so both
  engines see the same load): our two engines (greedy, short encoder context, drop_loops) and the two libraries
  as shipped (greedy, 30 s window, word timestamps on as in the engines);
- first call of the torch engine (numba compiles the word-timestamp DTW once per process);
- streaming: the five clips as one hearing through the product path (Hearing.feed: VAD, LocalAgreement-2,
  journal) fed as fast as it takes it, with each engine: real-time factor and CER;
- with --install: a fresh venv timed installing torch==2.13.0 + openai-whisper, with and without triton.
Writes benchmarks/results/whisper_pt.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_hearing import pooled, real_clips  # noqa: E402
from machine import machine  # noqa: E402

from arbitration.config import load_settings  # noqa: E402
from arbitration.fileio import write_json  # noqa: E402
from arbitration.hearing.asr import FasterWhisperASR  # noqa: E402
from arbitration.hearing.ct2_convert import export_pt  # noqa: E402
from arbitration.hearing.models import prepare_whisper_base  # noqa: E402
from arbitration.hearing.text import to_simplified  # noqa: E402
from arbitration.hearing.whisper_pt import OpenAIWhisperASR  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "whisper_pt.json"
SR = 16000


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def timed_install(with_triton: bool) -> dict:
    """A fresh venv, timed: torch==2.13.0 (CPU build from this machine's disk) and openai-whisper."""
    d = Path(tempfile.mkdtemp(prefix="bench-torch-venv-"))
    try:
        subprocess.run([sys.executable, "-m", "venv", str(d)], check=True)
        pip = [str(d / "bin" / "python"), "-m", "pip", "install", "-q"]
        steps = [pip + ["torch==2.13.0", "openai-whisper==20250625"]] if with_triton else [
            pip + ["torch==2.13.0"], pip + ["--no-deps", "openai-whisper==20250625"],
            pip + ["numba==0.68.1", "tiktoken==0.14.0", "tqdm", "more-itertools"]]  # as scripts/install.sh
        t = time.perf_counter()
        for cmd in steps:
            subprocess.run(cmd, check=True, capture_output=True)
        seconds = time.perf_counter() - t
        torch_version = subprocess.run([str(d / "bin" / "python"), "-c", "import torch; print(torch.__version__)"],
                                       check=True, capture_output=True, text=True).stdout.strip()
        return {"seconds": round(seconds, 1), "venv_mb": round(du(d) / 1e6), "torch": torch_version,
                "triton": with_triton}
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-stream", action="store_true", help="skip the streaming pass")
    ap.add_argument("--install", action="store_true", help="also time fresh venv installs (~2.5 min)")
    args = ap.parse_args()
    import torch
    import whisper

    cfg = load_settings()
    result: dict = {"machine": machine(), "model": "Whisper base (bundled CTranslate2 float16)",
                    "threads": cfg.threads, "torch": torch.__version__, "openai_whisper": whisper.__version__}
    base = prepare_whisper_base(cfg)
    with tempfile.TemporaryDirectory() as tmp:
        pt = Path(tmp) / "whisper-base.pt"
        report = export_pt(base, pt)
        result["conversion"] = {"seconds": round(report.seconds, 2), "pt_mb": round(pt.stat().st_size / 1e6, 1),
                                "model_bin_mb": round((base / "model.bin").stat().st_size / 1e6, 1),
                                "dequantized": len(report.dequantized)}
        t = time.perf_counter()
        fw = FasterWhisperASR(cfg=cfg)
        fw_load = time.perf_counter() - t
        t = time.perf_counter()
        ow = OpenAIWhisperASR(pt, cfg=cfg)
        ow_load = time.perf_counter() - t
    result["load_s"] = {"faster-whisper": round(fw_load, 2), "openai-whisper": round(ow_load, 2)}

    clips = real_clips()
    t = time.perf_counter()
    ow.transcribe(clips[0][1])
    result["openai_whisper_first_call_s"] = round(time.perf_counter() - t, 2)  # numba JIT of the DTW
    fw.transcribe(clips[0][1])

    def raw_fw(x):
        segs, _ = fw.model.transcribe(x, language="zh", beam_size=1, temperature=0.0, vad_filter=False,
                                      word_timestamps=True, condition_on_previous_text=False)
        return to_simplified("".join(s.text for s in segs))

    def raw_ow(x):
        from whisper.model import AudioEncoder

        engine_encoder = ow.encoder.__class__
        ow.encoder.__class__ = AudioEncoder  # the library as shipped: 30 s window, each window encoded twice
        try:
            r = ow.model.transcribe(x, language="zh", temperature=0.0, fp16=False, word_timestamps=True,
                                    condition_on_previous_text=False, verbose=None)
        finally:
            ow.encoder.__class__ = engine_encoder
        return to_simplified(r["text"])

    runs = {
        "faster-whisper engine": lambda x: "".join(w.text for w in fw.transcribe(x)),
        "openai-whisper engine": lambda x: "".join(w.text for w in ow.transcribe(x)),
        "faster-whisper library (30 s window)": raw_fw,
        "openai-whisper library (30 s window)": raw_ow,
    }
    times: dict[str, dict[str, list[float]]] = {k: {} for k in runs}
    hyps: dict[str, dict[str, str]] = {k: {} for k in runs}
    for _ in range(args.repeats):
        for name, x, _ref in clips:
            for key, fn in runs.items():
                t = time.perf_counter()
                hyps[key][name] = fn(x)
                times[key].setdefault(name, []).append(time.perf_counter() - t)
    audio_s = sum(len(x) / SR for _, x, _ in clips)
    result["audio_s"] = round(audio_s, 2)
    result["engines"] = {}
    for key in runs:
        rows = [{"clip": name, "ref": ref, "hyp": hyps[key][name],
                 "seconds": round(statistics.median(times[key][name]), 3)} for name, _, ref in clips]
        compute = sum(r["seconds"] for r in rows)
        result["engines"][key] = {"cer": pooled(rows), "rtf": round(compute / audio_s, 3), "clips": rows}
    e = result["engines"]
    result["ratios"] = {
        "rtf_openai_over_faster_engine": round(e["openai-whisper engine"]["rtf"] / e["faster-whisper engine"]["rtf"], 2),
        "rtf_openai_over_faster_library": round(
            e["openai-whisper library (30 s window)"]["rtf"] / e["faster-whisper library (30 s window)"]["rtf"], 2),
        "cer_openai_minus_faster_engine": round(e["openai-whisper engine"]["cer"] - e["faster-whisper engine"]["cer"], 4),
    }
    if not args.no_stream:
        from bench_hearing import as_hearing, stream, whole

        audio, spans = as_hearing(clips)
        result["streaming"] = {}
        for key, engine in (("faster-whisper engine", fw), ("openai-whisper engine", ow)):
            segments, _lat, elapsed = stream(engine, audio)
            result["streaming"][key] = {"rtf": round(elapsed / (len(audio) / SR), 3), **whole(segments, spans)}
    if args.install:
        result["install"] = {"without_triton (scripts/install.sh --test)": timed_install(False),
                             "with_triton (pip install openai-whisper)": timed_install(True),
                             "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    elif OUT.is_file():  # keep the last install timing (slow to take) rather than drop it
        previous = json.loads(OUT.read_text(encoding="utf-8")).get("install")
        if previous:
            result["install"] = previous
    result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    write_json(OUT, result)
    print(json.dumps({k: v for k, v in result.items() if k != "engines"}, ensure_ascii=False, indent=1))
    for key, v in e.items():
        print(f"{key:40s} CER {v['cer']:.4f}  RTF {v['rtf']:.3f}")
    for key, v in result.get("streaming", {}).items():
        print(f"streaming, {key:29s} CER {v['cer']:.4f}  RTF {v['rtf']:.3f}")


if __name__ == "__main__":
    main()
