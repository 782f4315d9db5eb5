"""Benchmark the microphone path of the live clerk without a sound card: the five real clips in ../shared/data/audio
are played (paplay) into a private PulseAudio null sink whose monitor is the microphone, reached as a sound card is:
ALSA pulse plugin → PortAudio → sounddevice → MicCapture → Hearing (Whisper base, the product defaults).

    .venv/bin/python benchmarks/bench_mic.py

Measures, in one run on the same machine: capture fidelity (played vs captured samples), PortAudio overflows, the
recognition backlog, CER, and commit latency (wall time of a segment's commit minus the wall time its last word was
played) p50/p95 — for capture at 16 kHz, at 48 kHz resampled, and, as the in-run reference, the same audio replayed
from the file in real time (file_frames). Needs pulseaudio, pulseaudio-utils, libasound2-plugins, libportaudio2 and
sounddevice (scripts/install.sh --test). Writes benchmarks/results/mic.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper

from machine import machine  # noqa: E402

from arbitration.config import load_settings  # noqa: E402
from arbitration.hearing import Hearing  # noqa: E402
from arbitration.hearing.asr import get_asr  # noqa: E402
from arbitration.hearing.audio import (  # noqa: E402
    MicCapture,
    file_frames,
    read_audio,
    rescan_devices,
)
from arbitration.hearing.text import cer_counts  # noqa: E402

AUDIO = ROOT.parent / "shared" / "data" / "audio"
OUT = ROOT / "benchmarks" / "results" / "mic.json"
CLIPS = ["BAC009S0764W0121", "IT0011W0001", "TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000",
         "e5oipIfM49I__20190201_CCTV_1", "e5oipIfM49I__20190201_CCTV_104"]
GAP_S = 0.8
SR = 16000


def references() -> str:
    refs: dict[str, str] = {}
    for line in (AUDIO / "fireredasr-text").read_text(encoding="utf-8").splitlines():
        key, _, ref = line.partition(" ")
        refs[key] = "".join(ref.split())
    for line in (AUDIO / "mini_zh-metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        refs[cols[0]] = cols[3]
    return "".join(refs[c] for c in CLIPS)


def start_room(base: Path) -> tuple[subprocess.Popen, dict]:
    """A PulseAudio server with one 16 kHz mono null sink (no rewinds: its monitor is sample-exact)."""
    run = base / "run"
    run.mkdir(mode=0o700, parents=True)
    env = {"HOME": str(base), "XDG_RUNTIME_DIR": str(run), "PULSE_RUNTIME_PATH": str(run),
           "PULSE_STATE_PATH": str(base / "state"), "PULSE_SERVER": f"unix:{run}/native"}
    os.environ.update(env)
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
         "-L", f"module-native-protocol-unix socket={run}/native auth-anonymous=1",
         "-L", "module-null-sink sink_name=court rate=16000 channels=1 norewinds=1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
        if server.poll() is not None or time.monotonic() > deadline:
            sys.exit("PulseAudio did not start")
        time.sleep(0.1)
    rescan_devices()
    return server, env


def stats(latencies: list[float]) -> dict:
    if not latencies:
        return {"p50_s": None, "p95_s": None, "max_s": None}
    return {"p50_s": round(float(np.percentile(latencies, 50)), 2),
            "p95_s": round(float(np.percentile(latencies, 95)), 2), "max_s": round(max(latencies), 2)}


def run_mic(asr, said: np.ndarray, wav: Path, data: Path, rate: int | None) -> dict:
    h = Hearing.start(None, f"mic-{rate or 16000}", cfg=load_settings(data_dir=data), asr=asr)
    cap = MicCapture(device="pulse", rate=rate)
    frames = cap.frames()
    got = [next(frames)]
    h.feed(got[0])
    player = subprocess.Popen(["paplay", "--device=court", str(wav)])
    play_wall = time.time()
    for chunk in frames:
        got.append(chunk)
        h.feed(chunk)
        if sum(len(c) for c in got) > len(got[0]) + len(said) + 2 * SR:
            break
    streamed = len(h.segments)
    cap.stop()
    for chunk in cap.drain():
        got.append(chunk)
        h.feed(chunk)
    h.finish()
    h.close()
    player.wait()
    x = np.concatenate(got)[:, 0]
    n = len(x) + len(said)
    corr = np.fft.irfft(np.fft.rfft(x, n) * np.conj(np.fft.rfft(said, n)), n)[: len(x) - len(said) + 1]
    lag = int(np.argmax(corr))  # where the played audio starts on the hearing's timeline
    y = x[lag: lag + len(said)]
    latencies = [s.committed_at - (play_wall + s.end - lag / SR) for s in h.segments[:streamed]]
    e, total = cer_counts(references(), "".join(s.text for s in h.segments))
    return {"capture_rate": cap.rate, "notes": cap.summary(), "overflows": cap.overflows,
            "captured_s": round(cap.captured / cap.rate, 2),
            "played_vs_captured_corr": round(float(np.corrcoef(y, said[: len(y)])[0, 1]), 6),
            "max_sample_diff": round(float(np.abs(y - said[: len(y)]).max()), 5),
            "backlog_max_s": cap.max_backlog_s, "segments_streamed": streamed,
            "segments_at_stop": len(h.segments) - streamed, "commit_latency": stats(latencies),
            "cer": round(e / total, 4), "text": "".join(s.text for s in h.segments)}


def run_file(asr, said: np.ndarray, data: Path) -> dict:
    h = Hearing.start(None, "file-realtime", cfg=load_settings(data_dir=data), asr=asr)
    t0 = time.time()
    for chunk in file_frames(np.concatenate([said, np.zeros(2 * SR, np.float32)])[:, None], realtime=True):
        h.feed(chunk)
    streamed = len(h.segments)
    h.finish()
    h.close()
    latencies = [s.committed_at - (t0 + s.end) for s in h.segments[:streamed]]
    e, total = cer_counts(references(), "".join(s.text for s in h.segments))
    return {"segments_streamed": streamed, "commit_latency": stats(latencies), "cer": round(e / total, 4)}


def main() -> None:
    parts = []
    for name in CLIPS:
        parts += [read_audio(AUDIO / f"{name}.wav")[:, 0], np.zeros(int(GAP_S * SR), np.float32)]
    said = np.concatenate(parts)
    results: dict = {"machine": machine(),
                     "path": "paplay → PulseAudio null sink → ALSA pulse plugin → PortAudio → sounddevice → "
                             "MicCapture → Hearing (Whisper base int8, product defaults)",
                     "audio_s": round(len(said) / SR, 2)}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        import soundfile as sf

        wav = tmp / "said.wav"
        sf.write(str(wav), said, SR)
        server, _ = start_room(tmp / "room")
        try:
            import sounddevice as sd

            results["portaudio"] = sd.get_portaudio_version()[1]
            asr = get_asr()
            asr.transcribe(said[: SR])  # warm up once, as the CLI does before it opens the microphone
            results["mic_16k"] = run_mic(asr, said, wav, tmp / "d1", None)
            results["mic_48k_resampled"] = run_mic(asr, said, wav, tmp / "d2", 48000)
            results["file_realtime_reference"] = run_file(asr, said, tmp / "d3")
        finally:
            server.terminate()
            server.wait(10)
    results["machine"]["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
