"""The hearing journal and the live `Hearing`: every committed segment is appended to journal.jsonl and fsynced
before anyone is told it is committed; clerk edits and role tags are appended too, nothing is ever overwritten.
A restart replays the journal (a torn last line is ignored) and continues the timeline after the last segment."""

from __future__ import annotations

import bisect
import json
import math
import os
import re
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from arbitration.config import Settings, settings
from arbitration.errors import ArbitrationError, AudioError
from arbitration.fileio import write_json
from arbitration.hearing.asr import ASR, SAMPLE_RATE, Word
from arbitration.hearing.hotwords import Lexicon, build_lexicon, correct, rescorer, warm
from arbitration.hearing.text import normalize_numbers, normalize_punctuation
from arbitration.model import Case

SEATS = ("首席仲裁员", "仲裁员", "书记员", "申请人", "被申请人", "申请人代理人", "被申请人代理人", "证人", "第三人")
DEFAULT_ROLE = "发言人"  # a channel with no seat and no tag yet
JOURNAL = "journal.jsonl"
MAX_STEP_S = 3.0  # never wait for more new audio than this between engine passes
REACTION_S = 1.5  # a click this soon after a new speaker began is moved back to where they began
CONTEXT_CHARS = 16  # of the previous segment, for lexicon terms that straddle two commits
META = "meta.json"


class Revision(BaseModel):
    """A clerk's edit of one segment; the recognised text stays in the journal beside it."""

    text: str | None = None
    role: str | None = None
    at: str  # ISO wall time of the edit
    by: str = "书记员"


class Segment(BaseModel):
    """One committed piece of the record."""

    id: str
    channel: int = 0
    role: str = DEFAULT_ROLE
    start: float  # seconds on the hearing's timeline
    end: float
    text: str  # current text: recognised + lexicon correction, then the clerk's last revision
    raw_text: str  # as recognised (simplified, numbers normalised) before lexicon correction
    original_text: str = ""  # as committed (after lexicon correction), before any revision
    corrected: bool = False  # the lexicon changed raw_text
    committed_at: float = 0.0  # wall time (epoch seconds) of the fsync
    revisions: list[Revision] = Field(default_factory=list)
    # where the speaker is judged: the middle of the first word (a tag inside a word gives the word to the
    # speaker who says most of it); None in journals written before it was kept: the start
    role_at: float | None = None
    # the recognised words (start, end, text) on the timeline: a role tag that falls inside the segment later
    # splits it there; None in older journals (such a segment is never split)
    words: list[tuple[float, float, str]] | None = None
    split_from: str | None = None  # the segment this one was cut from by a role tag

    @property
    def role_time(self) -> float:
        return self.start if self.role_at is None else self.role_at


def _read_journal(path: Path) -> list[dict[str, Any]]:
    """Journal records in order. A torn line (kill -9 mid-write) is skipped when it is the last line or when a
    resumed session marked it with a `repair` record; a bad line anywhere else is an error."""
    if not path.is_file():
        return []
    lines = [ln for ln in path.read_bytes().split(b"\n") if ln.strip()]
    records = []
    for i, line in enumerate(lines):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as e:
            if i == len(lines) - 1:  # the last write was cut off
                break
            if lines[i + 1].startswith(b'{"type": "repair"'):  # cut off, then resumed
                continue
            raise ArbitrationError(f"{path}：第 {i + 1} 行损坏（{e}），请人工检查") from e
    return records


def _mid(word: tuple[float, float, str]) -> float:
    return (word[0] + word[1]) / 2


class _Record:
    """The record as the journal builds it, one record after another. The live Hearing applies every record it
    appends through `apply`, the same code a replay runs, so a replay gives exactly what the clerk saw."""

    def __init__(self, channel_roles: dict[int, str]) -> None:
        self.channel_roles = channel_roles
        self.by_id: dict[str, Segment] = {}
        self.tags: list[dict[str, Any]] = []  # journal order
        self.hints: dict[tuple[int, float], dict[str, Any]] = {}  # (channel, at) -> speaker-change hint record
        self._tag_index: dict[int, list[tuple[float, int, str]]] = {}  # per channel: (at, journal order, role)
        self._last: dict[int, Segment] = {}  # per channel: the segment that ends last
        self._order: list[Segment] | None = None

    def role(self, channel: int, t: float) -> str:
        """The role of the last tag at or before `t` on `channel`; of two tags at the same time the later one wins.
        By bisection: a long hearing has thousands of segments and hundreds of tags."""
        index = self._tag_index.get(channel, [])
        i = bisect.bisect_right(index, (t + 1e-6, math.inf))
        return index[i - 1][2] if i else self.channel_roles.get(channel, DEFAULT_ROLE)

    def _retag(self, seg: Segment) -> None:
        if not any(r.role for r in seg.revisions):  # the clerk's own correction of the speaker stands
            seg.role = self.role(seg.channel, seg.role_time)

    def apply(self, r: dict[str, Any]) -> Segment | None:
        """Apply one journal record; returns the segment it added, if any."""
        kind = r.get("type")
        added = None
        if kind == "segment":
            added = Segment.model_validate({k: v for k, v in r.items() if k != "type"})
            added.original_text = added.original_text or added.text
        elif kind == "role":
            self.tags.append(r)
            bisect.insort(self._tag_index.setdefault(r["channel"], []), (r["at"], len(self.tags), r["role"]))
            for seg in self.by_id.values():  # only segments after the tag can change
                if seg.channel == r["channel"] and seg.role_time >= r["at"] - 1e-6:
                    self._retag(seg)
        elif kind == "hint":  # a suggested speaker change: never a role until the clerk accepts it
            self.hints[(r["channel"], r["at"])] = dict(r)
        elif kind == "hint_done" and (r["channel"], r["at"]) in self.hints:  # accepted (a role tag follows) or dismissed
            self.hints[(r["channel"], r["at"])]["done"] = r.get("how", "accepted")
        elif kind == "revision" and r.get("id") in self.by_id:
            seg = self.by_id[r["id"]]
            rev = Revision(text=r.get("text"), role=r.get("role"), at=r["at"], by=r.get("by", "书记员"))
            seg.revisions.append(rev)
            if rev.text is not None:
                seg.text = rev.text
            if rev.role is not None:
                seg.role = rev.role
        elif kind == "split" and r.get("id") in self.by_id:  # a role tag fell inside the segment: cut it there
            head = self.by_id[r["id"]]
            for k, v in r["head"].items():
                setattr(head, k, v)
            head.words = [tuple(w) for w in head.words] if head.words else head.words
            added = Segment.model_validate(r["tail"])
        if added is not None:
            self._retag(added)
            self.by_id[added.id] = added
            last = self._last.get(added.channel)
            if last is None or (added.end, added.id) >= (last.end, last.id):
                self._last[added.channel] = added
        if kind in ("segment", "split"):
            self._order = None
        return added

    def ordered(self) -> list[Segment]:
        """Segments in time order (what every view and export shows)."""
        if self._order is None:
            self._order = sorted(self.by_id.values(), key=lambda s: (s.start, s.id))
        return list(self._order)

    def last(self, channel: int) -> Segment | None:
        """The latest segment of `channel` on the timeline."""
        return self._last.get(channel)

    def before(self, seg: Segment) -> Segment | None:
        """The segment of the same channel just before `seg`."""
        return max((s for s in self.by_id.values() if s.channel == seg.channel and (s.start, s.id) < (seg.start, seg.id)),
                   key=lambda s: (s.start, s.id), default=None)


def _replay(records: list[dict[str, Any]], channel_roles: dict[int, str]) -> _Record:
    rec = _Record(channel_roles)
    for r in records:
        rec.apply(r)
    return rec


def _meta(hearing_dir: Path) -> dict[str, Any]:
    p = hearing_dir / META
    if not p.is_file():
        raise ArbitrationError(f"{hearing_dir}：不是庭审目录（缺少 {META}）")
    return json.loads(p.read_text(encoding="utf-8"))


def load_record(hearing_dir: str | os.PathLike[str]) -> list[Segment]:
    """The hearing record: committed segments in time order, roles from tags, clerk revisions applied."""
    hearing_dir = Path(hearing_dir)
    meta = _meta(hearing_dir)
    roles = {int(k): v for k, v in meta.get("channels", {}).items()}
    return _replay(_read_journal(hearing_dir / JOURNAL), roles).ordered()


def load_hints(hearing_dir: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The speaker-change hints of a hearing, in time order, each with `done` = "accepted"/"dismissed" if settled."""
    hearing_dir = Path(hearing_dir)
    meta = _meta(hearing_dir)
    roles = {int(k): v for k, v in meta.get("channels", {}).items()}
    return sorted(_replay(_read_journal(hearing_dir / JOURNAL), roles).hints.values(), key=lambda h: h["at"])


def load_meta(hearing_dir: str | os.PathLike[str]) -> dict[str, Any]:
    return _meta(Path(hearing_dir))


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _safe_id(hearing_id: str) -> str:
    if not re.fullmatch(r"[\w.\-（）()〔〕]+", hearing_id) or hearing_id.startswith("."):
        raise ArbitrationError(f"庭审编号 {hearing_id!r} 含有不能用作目录名的字符")
    return hearing_id


def case_meta(case: Case | None) -> dict[str, Any]:
    """Header fields of the record taken from the Case."""
    if case is None:
        return {}
    applicants = [p for p in case.parties if p.role == "applicant"]
    respondents = [p for p in case.parties if p.role == "respondent"]

    def people(ps):
        out = []
        for p in ps:
            out.append(p.name)
            if p.legal_representative:
                out.append(f"{p.legal_representative.name}（法定代表人）")
            out += [f"{a.name}（委托代理人）" for a in p.agents]
        return out

    return {
        "case_number": case.case_number or "",
        "cause": case.cause or "劳动争议",
        "commission": case.commission or "",
        "applicants": people(applicants),
        "respondents": people(respondents),
        "attendees": people(applicants) + people(respondents),
    }


class Hearing:
    """One hearing being recorded: feed audio frames in, get committed segments out (already on disk)."""

    def __init__(self, hearing_dir: Path, meta: dict[str, Any], asr: ASR | None = None,
                 lexicon: Lexicon | None = None, cfg: Settings | None = None,
                 on_commit: Callable[[Segment], None] | None = None, speaker_hints: bool = True) -> None:
        self.dir = hearing_dir
        self.meta = meta
        self.cfg = cfg or settings()
        self._asr = asr
        self.lexicon = lexicon or build_lexicon(None, meta.get("terms"), claim_types=meta.get("claim_types"))
        warm(self.lexicon)  # the language model is built in the background, not on the first commit
        self.on_commit = on_commit
        self.channels = {int(k): v for k, v in meta.get("channels", {}).items()}
        self._lock = threading.RLock()  # commits (feeding thread) and tags/edits (keyboard, web) come from threads
        self.record = _replay(_read_journal(self.journal_path), self.channels)
        self.offset = self._resume_offset()  # this session's audio starts here on the timeline
        self._next = max((int(s.id) for s in self.record.by_id.values()), default=0) + 1
        self._procs: dict[int, Any] = {}
        self._base: dict[int, float] = {}  # timeline time of each channel processor's first sample
        self._pending: dict[int, int] = {}
        self._compute_s: dict[int, float] = {}  # seconds the last engine pass took, per channel
        self._detectors: dict[int, Any] = {}  # speaker-change detectors (one channel with no seats: hints)
        self.speaker_hints = speaker_hints and len(self.channels) <= 1
        self.min_chunk_s = 1.25  # run the engine once this much new audio has arrived on a channel (see bench_hearing)
        # wait longer when a pass took longer (keeps pace on a slow machine); off, the steps depend on the audio
        # alone and a recording gives the same record on any machine at any load (bench_hearing's quality runs)
        self.adaptive_step = True
        self.notes: list[str] = []
        self._fed = 0  # samples fed in this session
        self._journal = open(self.journal_path, "ab")
        self._repair_torn_tail()

    # construction -------------------------------------------------------------------------------------------
    @classmethod
    def start(cls, case: Case | None = None, hearing_id: str | None = None, *, cfg: Settings | None = None,
              asr: ASR | None = None, channels: dict[int, str] | None = None, model: str | None = None,
              info: dict[str, Any] | None = None, on_commit: Callable[[Segment], None] | None = None,
              hotword_prompt: bool | None = None, outline_words: list[str] | None = None,
              speaker_hints: bool = True) -> Hearing:
        """Open hearing `hearing_id` under Settings.hearings_dir, resuming it when it exists, else creating it.

        `hotword_prompt` gives the engine the lexicon's prompt (names, terms) before the committed tail; on by
        default: it lowered the raw CER on case terms (benchmarks/results/hearing.json); the digit loops it
        sometimes invites on Whisper base are cut by asr.drop_loops. `outline_words` are the texts of the case's
        outline (claims, disputed facts, questions; the caller builds it, a later stage): they join the lexicon.
        `speaker_hints`: on one channel without seats, suggest where the speaker changed (speakers.py)."""
        cfg = cfg or settings()
        hearing_id = _safe_id(hearing_id or datetime.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:4])
        d = cfg.hearings_dir / hearing_id
        lexicon = build_lexicon(case, outline_words=outline_words) if case or outline_words else None
        if (d / META).is_file():
            meta = _meta(d)
            if channels:
                meta["channels"] = {str(k): v for k, v in channels.items()}
            meta.setdefault("sessions", []).append({"started_at": _now()})
            meta.update(info or {})  # a place or clerk given when the hearing is resumed
            if hotword_prompt is not None:
                meta["hotword_prompt"] = hotword_prompt
            if lexicon is None and (meta.get("terms") or meta.get("claim_types")):
                lexicon = build_lexicon(None, meta.get("terms"), claim_types=meta.get("claim_types"))
        else:
            d.mkdir(parents=True, exist_ok=True)
            meta = {
                "id": hearing_id,
                "created_at": _now(),
                "channels": {str(k): v for k, v in (channels or {0: DEFAULT_ROLE}).items()},
                "model": model or cfg.asr_model or "whisper-base",
                "asr": cfg.asr,
                "terms": list(lexicon.case_terms) if lexicon else [],
                "claim_types": list(getattr(lexicon, "claim_types", ())),
                "hotword_prompt": True if hotword_prompt is None else hotword_prompt,
                "sessions": [{"started_at": _now()}],
                **case_meta(case),
                **(info or {}),
            }
        if lexicon is None:
            lexicon = build_lexicon(None)
        meta["sessions"][-1]["offset"] = None
        write_json(d / META, meta)
        h = cls(d, meta, asr=asr, lexicon=lexicon, cfg=cfg, on_commit=on_commit, speaker_hints=speaker_hints)
        h.meta["sessions"][-1]["offset"] = h.offset
        write_json(d / META, h.meta)
        h._model = model
        return h

    resume = start

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def segments(self) -> list[Segment]:
        """Committed segments in time order, roles and revisions applied (the same as `load_record` gives)."""
        return self.record.ordered()

    def _resume_offset(self) -> float:
        """Where a resumed hearing's timeline goes on: after every segment, every role tag and the end of every
        earlier session, so times never run backwards and an old tag never lands in the new audio."""
        ends = [s.end for s in self.record.by_id.values()] + [t["at"] for t in self.record.tags]
        ends += [s["end"] for s in self.meta.get("sessions", []) if isinstance(s.get("end"), int | float)]
        last = max(ends, default=0.0)
        return float(np.ceil(last * 10) / 10) if last > 0 else 0.0

    def _save_end(self) -> None:
        """Note in meta.json where this session's audio ended (the next session continues after it)."""
        sessions = self.meta.get("sessions")
        if sessions and self._fed:
            sessions[-1]["end"] = round(self.now, 3)
            write_json(self.dir / META, self.meta)

    @property
    def journal_path(self) -> Path:
        return self.dir / JOURNAL

    @property
    def asr(self) -> ASR:
        if self._asr is None:
            from arbitration.hearing.asr import get_asr

            self._asr = get_asr(model=getattr(self, "_model", None), cfg=self.cfg)
        return self._asr

    def _repair_torn_tail(self) -> None:
        """A torn last line would glue onto the next record: end it and mark it (replay skips it), never cut it."""
        size = self.journal_path.stat().st_size
        if size:
            with open(self.journal_path, "rb") as f:
                f.seek(size - 1)
                if f.read(1) != b"\n":
                    self._append_raw(b"\n")
                    self._append({"type": "repair", "at": _now(), "note": "上一行写入时中断（进程被终止），已忽略"})

    # journal ------------------------------------------------------------------------------------------------
    def _append_raw(self, data: bytes) -> None:
        self._journal.write(data)
        self._journal.flush()
        os.fsync(self._journal.fileno())

    def _append(self, record: dict[str, Any]) -> None:
        self._append_raw(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")

    def _write(self, record: dict[str, Any]) -> Segment | None:
        """Journal a record (fsynced), then apply it to what is shown, through the replay's own code."""
        self._append(record)
        return self.record.apply(json.loads(json.dumps(record, ensure_ascii=False)))

    def set_role(self, role: str, channel: int = 0, at: float | None = None) -> None:
        """The clerk says who is speaking on `channel` from timeline time `at` (default: now, or where the speaker
        talking now began if that was under REACTION_S ago after a pause: the clerk clicks late). Words after `at`
        take the role: segments committed later, the tentative tail when it commits, and the part after `at` of
        a segment already committed (it is cut there; a segment the clerk revised is left whole)."""
        with self._lock:
            if at is None:  # a click or keystroke: it comes a moment after the new speaker began
                onset = self._procs[channel].speech_onset(REACTION_S) if channel in self._procs else None
                at = self.now if onset is None else self._base[channel] + onset
            at = round(at, 3)
            self._write({"type": "role", "channel": channel, "role": role, "at": at, "wall": _now()})
            for seg in self.record.ordered():
                if seg.channel == channel and seg.words and not seg.revisions:
                    k = next((i for i, w in enumerate(seg.words) if _mid(w) >= at - 1e-6), len(seg.words))
                    if 0 < k < len(seg.words):
                        self._split(seg, k, at)

    def _split(self, seg: Segment, k: int, at: float) -> None:
        before = self.record.before(seg)
        head_words, tail_words = list(seg.words[:k]), list(seg.words[k:])
        text, raw = self._texts(head_words, before.original_text if before else "")
        head = {"end": head_words[-1][1], "text": text, "raw_text": raw, "original_text": text,
                "corrected": text != raw, "words": head_words}
        text, raw = self._texts(tail_words, head["original_text"])
        tail = Segment(id=f"{self._next:06d}", channel=seg.channel, role=seg.role, start=tail_words[0][0],
                       end=seg.end, text=text, raw_text=raw, original_text=text, corrected=text != raw,
                       committed_at=time.time(), role_at=round(_mid(tail_words[0]), 3), words=tail_words,
                       split_from=seg.id)
        self._next += 1
        self._write({"type": "split", "id": seg.id, "at": at, "head": head,
                     "tail": tail.model_dump(exclude={"revisions"})})

    # speaker-change hints --------------------------------------------------------------------------------------
    def _hint(self, channel: int, hints: list) -> None:
        """Journal the detector's hints (as hints: they change no role)."""
        with self._lock:
            for h in hints:
                at = round(self._base[channel] + h.at, 3)
                self._write({"type": "hint", "channel": channel, "at": at, "score": h.score, "wall": _now(),
                             "suggest": self.suggested_role(channel, at)})

    def suggested_role(self, channel: int, at: float) -> str:
        """Who probably speaks after a change at `at`: the speaker before the one in force then (questions and
        answers alternate), else the first seat that is not the current one."""
        now = self.record.role(channel, at)
        earlier = [t["role"] for t in self.record.tags if t["channel"] == channel and t["at"] <= at + 1e-6]
        for role in reversed(earlier):
            if role != now:
                return role
        return next(s for s in SEATS if s != now)

    def pending_hints(self, channel: int = 0, within_s: float = 30.0) -> list[dict[str, Any]]:
        """Hints of the last `within_s` seconds the clerk has neither accepted nor dismissed, newest last."""
        with self._lock:
            return [dict(h) for (ch, at), h in sorted(self.record.hints.items())
                    if ch == channel and not h.get("done") and at >= self.now - within_s]

    def accept_hint(self, at: float | None = None, role: str | None = None, channel: int = 0) -> str | None:
        """The clerk accepts a hint (default: the newest pending one): `role` (default: the hint's suggestion)
        speaks from the hint's time on. Journals the acceptance, then the role tag; returns the role, or None when
        no hint is pending."""
        with self._lock:
            pending = self.pending_hints(channel, within_s=math.inf)
            if at is not None:
                pending = [h for h in pending if abs(h["at"] - at) < 1e-3]
            hint = pending[-1] if pending else None
            if hint is None:
                return None
            role = role or hint.get("suggest") or self.suggested_role(channel, hint["at"])
            self._write({"type": "hint_done", "channel": channel, "at": hint["at"], "how": "accepted",
                         "wall": _now()})
            self.set_role(role, channel=channel, at=hint["at"])
            return role

    def dismiss_hint(self, at: float, channel: int = 0) -> None:
        """The clerk says a hint was wrong: it is marked so and never offered again."""
        with self._lock:
            if (channel, at) in self.record.hints:
                self._write({"type": "hint_done", "channel": channel, "at": at, "how": "dismissed", "wall": _now()})

    def revise(self, segment_id: str, text: str | None = None, role: str | None = None, by: str = "书记员") -> Segment:
        """Record a clerk's edit; the recognised text stays in the journal."""
        with self._lock:
            if segment_id not in self.record.by_id:
                raise ArbitrationError(f"庭审 {self.id} 中没有编号为 {segment_id} 的记录段")
            rev = Revision(text=text, role=role, at=_now(), by=by)
            self._write({"type": "revision", "id": segment_id, **rev.model_dump(exclude_none=True)})
            return self.record.by_id[segment_id]

    # audio --------------------------------------------------------------------------------------------------
    @property
    def now(self) -> float:
        """Timeline time of the latest fed sample."""
        return self.offset + self._fed / SAMPLE_RATE

    def _role(self, channel: int, t: float) -> str:
        return self.record.role(channel, t)

    def _processor(self, channel: int):
        if channel not in self._procs:
            from arbitration.hearing.online import OnlineProcessor

            prefix = self.lexicon.prompt if self.meta.get("hotword_prompt", True) else ""
            self._procs[channel] = OnlineProcessor(self.asr, prompt_prefix=prefix, rescore=rescorer(self.lexicon))
            self._pending[channel] = 0
            if self.speaker_hints:
                from arbitration.hearing.speakers import ChangeDetector

                self._detectors[channel] = ChangeDetector()
            # its word times count from its first sample, which may come after this session's start (a channel
            # that joins later): remember where that is on the timeline
            self._base[channel] = self.now
        return self._procs[channel]

    def feed(self, frames: np.ndarray | bytes, channels: int | None = None) -> list[Segment]:
        """Push audio: float32 (samples,) / (samples, channels) at 16 kHz, or 16-bit little-endian PCM bytes (mono
        unless `channels` says how many are interleaved).
        Returns the segments committed (already fsynced) by this call."""
        if isinstance(frames, bytes | bytearray | memoryview):
            from arbitration.hearing.audio import pcm16_to_float

            frames = pcm16_to_float(bytes(frames), channels or 1)  # the web page sends mono
        frames = np.asarray(frames, dtype=np.float32)
        if frames.ndim == 1:
            frames = frames[:, None]
        if frames.ndim != 2:
            raise AudioError(f"音频帧形状应为 (采样数, 声道数)，收到 {frames.shape}")
        n_ch = frames.shape[1]
        if n_ch > 1 and len(self.channels) <= 1:
            if not any("downmix" in n for n in self.notes):
                self.notes.append(f"{n_ch} 声道输入且未配置声道席位，已混为单声道（downmix）")
            frames = frames.mean(axis=1, keepdims=True)
            n_ch = 1
        out: list[Segment] = []
        for ch in range(n_ch):
            proc = self._processor(ch)
            proc.insert_audio_chunk(frames[:, ch])
            self._pending[ch] += len(frames)
            if ch in self._detectors:
                self._hint(ch, self._detectors[ch].feed(frames[:, ch]))
        self._fed += len(frames)
        for ch in range(n_ch):
            # wait for at least as much new audio as the last pass took to compute: a slow machine then decodes
            # bigger steps and keeps pace with the speaker instead of falling further behind
            took = self._compute_s.get(ch, 0.0) if self.adaptive_step else 0.0
            wait = min(max(self.min_chunk_s, took), MAX_STEP_S)
            # (the processor runs at once at a pause and holds back passes that could not commit anything)
            if self._procs[ch].due(self._pending[ch] / SAMPLE_RATE, wait):
                self._pending[ch] = 0
                t = time.monotonic()
                words = self._procs[ch].process_iter()
                self._compute_s[ch] = time.monotonic() - t
                out += self._commit(ch, words)
        return out

    def finish(self) -> list[Segment]:
        """End of the audio: commit every channel's tail."""
        out: list[Segment] = []
        for ch, proc in self._procs.items():
            out += self._commit(ch, proc.finish())
            if ch in self._detectors:
                self._hint(ch, self._detectors[ch].finish())
        if self._procs and not any(p.heard_speech for p in self._procs.values()) and not out:
            self.notes.append("未检测到语音（全部为静音），本次没有生成记录")
        self._save_end()
        return out

    def tentative(self) -> dict[int, str]:
        """Each channel's uncommitted tail (shown dimmed; may still change)."""
        return {ch: "".join(w.text for w in p.tentative()) for ch, p in self._procs.items()}

    def tentative_roles(self) -> dict[int, list[tuple[str, str]]]:
        """Each channel's uncommitted tail as (role, text) runs, split by the rule its commit will follow (the
        role in force at each word's middle), so a view can show a tag in the past inside the tail at once."""
        out: dict[int, list[tuple[str, str]]] = {}
        with self._lock:
            for ch, p in self._procs.items():
                runs: list[tuple[str, str]] = []
                for w in p.tentative():
                    role = self.record.role(ch, self._base.get(ch, self.offset) + (w.start + w.end) / 2)
                    if runs and runs[-1][0] == role:
                        runs[-1] = (role, runs[-1][1] + w.text)
                    else:
                        runs.append((role, w.text))
                out[ch] = runs
        return out

    def close(self) -> None:
        if not self._journal.closed:
            self._save_end()
            self._journal.close()

    def _texts(self, words: list[tuple[float, float, str]], before: str) -> tuple[str, str]:
        """(corrected, raw) text of `words`; `before` is the text just before them on the channel (a lexicon
        term may straddle two commits)."""
        raw = normalize_punctuation(normalize_numbers("".join(w[2] for w in words)))
        return correct(raw, self.lexicon, context=before[-CONTEXT_CHARS:]), raw

    def _commit(self, channel: int, words: list[Word]) -> list[Segment]:
        """Journal the words a processor committed as segments, one per speaker run: a word belongs to the role
        in force at its middle. Times go on the timeline and never run backwards on a channel."""
        if not words:
            return []
        with self._lock:
            base = self._base.get(channel, self.offset)
            last = self.record.last(channel)
            prev = last.end if last else 0.0
            timed: list[tuple[float, float, str]] = []
            for w in words:
                start = round(max(base + w.start, prev), 3)
                end = round(max(base + w.end, start), 3)
                timed.append((start, end, w.text))
                prev = end
            groups: list[tuple[str, list[tuple[float, float, str]]]] = []
            for w in timed:  # a role tag inside the batch splits it
                role = self.record.role(channel, _mid(w))
                if groups and groups[-1][0] == role:
                    groups[-1][1].append(w)
                else:
                    groups.append((role, [w]))
            out = []
            for role, ws in groups:
                last = self.record.last(channel)
                text, raw = self._texts(ws, last.original_text if last else "")
                seg = Segment(id=f"{self._next:06d}", channel=channel, role=role, start=ws[0][0], end=ws[-1][1],
                              text=text, raw_text=raw, original_text=text, corrected=text != raw,
                              committed_at=time.time(), role_at=round(_mid(ws[0]), 3), words=ws)
                self._next += 1
                seg = self._write({"type": "segment", **seg.model_dump(exclude={"revisions"})})  # durable first …
                out.append(seg)
                if self.on_commit:  # … then shown
                    self.on_commit(seg)
            return out
