"""The hearing journal and the live `Hearing`: every committed segment is appended to journal.jsonl and fsynced
before anyone is told it is committed; clerk edits and role tags are appended too, nothing is ever overwritten.
A restart replays the journal (a torn last line is ignored) and continues the timeline after the last segment."""

from __future__ import annotations

import json
import os
import re
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
from arbitration.hearing.hotwords import Lexicon, build_lexicon, correct
from arbitration.hearing.text import normalize_numbers, normalize_punctuation
from arbitration.model import Case

SEATS = ("首席仲裁员", "仲裁员", "书记员", "申请人", "被申请人", "申请人代理人", "被申请人代理人", "证人", "第三人")
DEFAULT_ROLE = "发言人"  # a channel with no seat and no tag yet
JOURNAL = "journal.jsonl"
MAX_STEP_S = 3.0  # never wait for more new audio than this between engine passes
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


def _role_at(tags: list[dict[str, Any]], channel: int, t: float, default: str) -> str:
    role = default
    for tag in tags:
        if tag["channel"] == channel and tag["at"] <= t + 1e-6:
            role = tag["role"]
    return role


def _replay(records: list[dict[str, Any]], channel_roles: dict[int, str]) -> list[Segment]:
    tags = sorted((r for r in records if r.get("type") == "role"), key=lambda r: r["at"])
    segs: dict[str, Segment] = {}
    for r in records:
        kind = r.get("type")
        if kind == "segment":
            seg = Segment.model_validate({k: v for k, v in r.items() if k != "type"})
            seg.original_text = seg.original_text or seg.text
            segs[seg.id] = seg
        elif kind == "revision" and r.get("id") in segs:
            seg = segs[r["id"]]
            rev = Revision(text=r.get("text"), role=r.get("role"), at=r["at"], by=r.get("by", "书记员"))
            seg.revisions.append(rev)
    out = sorted(segs.values(), key=lambda s: (s.start, s.id))
    for seg in out:
        seg.role = _role_at(tags, seg.channel, seg.start, channel_roles.get(seg.channel, seg.role))
        for rev in seg.revisions:
            if rev.text is not None:
                seg.text = rev.text
            if rev.role is not None:
                seg.role = rev.role
    return out


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
    return _replay(_read_journal(hearing_dir / JOURNAL), roles)


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
                 on_commit: Callable[[Segment], None] | None = None) -> None:
        self.dir = hearing_dir
        self.meta = meta
        self.cfg = cfg or settings()
        self._asr = asr
        self.lexicon = lexicon or build_lexicon(None, meta.get("terms"))
        self.on_commit = on_commit
        self.channels = {int(k): v for k, v in meta.get("channels", {}).items()}
        records = _read_journal(self.journal_path)
        self._tags = [r for r in records if r.get("type") == "role"]
        self.segments: list[Segment] = _replay(records, self.channels)
        self.offset = max((s.end for s in self.segments), default=0.0)  # timeline continues here
        if self.segments:
            self.offset = float(np.ceil(self.offset * 10) / 10)
        self._next = max((int(s.id) for s in self.segments), default=0) + 1
        self._procs: dict[int, Any] = {}
        self._pending: dict[int, int] = {}
        self._compute_s: dict[int, float] = {}  # seconds the last engine pass took, per channel
        self.min_chunk_s = 1.0  # run the engine once this much new audio has arrived on a channel
        self.notes: list[str] = []
        self._fed = 0  # samples fed in this session
        self._journal = open(self.journal_path, "ab")
        self._repair_torn_tail()

    # construction -------------------------------------------------------------------------------------------
    @classmethod
    def start(cls, case: Case | None = None, hearing_id: str | None = None, *, cfg: Settings | None = None,
              asr: ASR | None = None, channels: dict[int, str] | None = None, model: str | None = None,
              info: dict[str, Any] | None = None, on_commit: Callable[[Segment], None] | None = None,
              hotword_prompt: bool | None = None) -> Hearing:
        """Open hearing `hearing_id` under Settings.hearings_dir, resuming it when it exists, else creating it.

        `hotword_prompt` gives the engine the lexicon's prompt (names, terms) before the committed tail; on by
        default: it lowered the raw CER on case terms (benchmarks/results/hearing.json); the digit loops it
        sometimes invites on Whisper base are cut by asr.drop_loops."""
        cfg = cfg or settings()
        hearing_id = _safe_id(hearing_id or datetime.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:4])
        d = cfg.hearings_dir / hearing_id
        lexicon = build_lexicon(case) if case else None
        if (d / META).is_file():
            meta = _meta(d)
            if channels:
                meta["channels"] = {str(k): v for k, v in channels.items()}
            meta.setdefault("sessions", []).append({"started_at": _now()})
            if hotword_prompt is not None:
                meta["hotword_prompt"] = hotword_prompt
            if lexicon is None and meta.get("terms"):
                lexicon = build_lexicon(None, meta["terms"])
        else:
            d.mkdir(parents=True, exist_ok=True)
            meta = {
                "id": hearing_id,
                "created_at": _now(),
                "channels": {str(k): v for k, v in (channels or {0: DEFAULT_ROLE}).items()},
                "model": model or cfg.asr_model or "whisper-base",
                "asr": cfg.asr,
                "terms": list(lexicon.case_terms) if lexicon else [],
                "hotword_prompt": True if hotword_prompt is None else hotword_prompt,
                "sessions": [{"started_at": _now()}],
                **case_meta(case),
                **(info or {}),
            }
        if lexicon is None:
            lexicon = build_lexicon(None)
        meta["sessions"][-1]["offset"] = None
        write_json(d / META, meta)
        h = cls(d, meta, asr=asr, lexicon=lexicon, cfg=cfg, on_commit=on_commit)
        h.meta["sessions"][-1]["offset"] = h.offset
        write_json(d / META, h.meta)
        h._model = model
        return h

    resume = start

    @property
    def id(self) -> str:
        return self.meta["id"]

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

    def set_role(self, role: str, channel: int = 0, at: float | None = None) -> None:
        """The clerk says who is speaking on `channel` from timeline time `at` (default: now)."""
        at = self.now if at is None else at
        tag = {"type": "role", "channel": channel, "role": role, "at": round(at, 3), "wall": _now()}
        self._append(tag)
        self._tags.append(tag)
        for seg in self.segments:  # segments already committed after the tag take the new role
            if seg.channel == channel and seg.start >= at - 1e-6 and not any(r.role for r in seg.revisions):
                seg.role = role

    def revise(self, segment_id: str, text: str | None = None, role: str | None = None, by: str = "书记员") -> Segment:
        """Record a clerk's edit; the recognised text stays in the journal."""
        seg = next((s for s in self.segments if s.id == segment_id), None)
        if seg is None:
            raise ArbitrationError(f"庭审 {self.id} 中没有编号为 {segment_id} 的记录段")
        rev = Revision(text=text, role=role, at=_now(), by=by)
        self._append({"type": "revision", "id": segment_id, **rev.model_dump(exclude_none=True)})
        seg.revisions.append(rev)
        if text is not None:
            seg.text = text
        if role is not None:
            seg.role = role
        return seg

    # audio --------------------------------------------------------------------------------------------------
    @property
    def now(self) -> float:
        """Timeline time of the latest fed sample."""
        return self.offset + self._fed / SAMPLE_RATE

    def _role(self, channel: int, t: float) -> str:
        return _role_at(sorted(self._tags, key=lambda r: r["at"]), channel, t, self.channels.get(channel, DEFAULT_ROLE))

    def _processor(self, channel: int):
        if channel not in self._procs:
            from arbitration.hearing.online import OnlineProcessor

            prefix = self.lexicon.prompt if self.meta.get("hotword_prompt", True) else ""
            self._procs[channel] = OnlineProcessor(self.asr, prompt_prefix=prefix)
            self._pending[channel] = 0
        return self._procs[channel]

    def feed(self, frames: np.ndarray | bytes, channels: int | None = None) -> list[Segment]:
        """Push audio: float32 (samples,) / (samples, channels) at 16 kHz, or 16-bit little-endian PCM bytes.
        Returns the segments committed (already fsynced) by this call."""
        if isinstance(frames, bytes | bytearray | memoryview):
            from arbitration.hearing.audio import pcm16_to_float

            frames = pcm16_to_float(bytes(frames), channels or max(1, len(self.channels)))
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
        self._fed += len(frames)
        for ch in range(n_ch):
            # wait for at least as much new audio as the last pass took to compute: a slow machine then decodes
            # bigger steps and keeps pace with the speaker instead of falling further behind
            wait = min(max(self.min_chunk_s, self._compute_s.get(ch, 0.0)), MAX_STEP_S)
            if self._pending[ch] >= wait * SAMPLE_RATE:
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
        if self._procs and not any(p.heard_speech for p in self._procs.values()) and not out:
            self.notes.append("未检测到语音（全部为静音），本次没有生成记录")
        return out

    def tentative(self) -> dict[int, str]:
        """Each channel's uncommitted tail (shown dimmed; may still change)."""
        return {ch: "".join(w.text for w in p.tentative()) for ch, p in self._procs.items()}

    def close(self) -> None:
        self._journal.close()

    def _commit(self, channel: int, words: list[Word]) -> list[Segment]:
        if not words:
            return []
        groups: list[tuple[str, list[Word]]] = []
        for w in words:  # a role tag inside the batch splits it
            role = self._role(channel, self.offset + w.start)
            if groups and groups[-1][0] == role:
                groups[-1][1].append(w)
            else:
                groups.append((role, [w]))
        out = []
        for role, ws in groups:
            raw = normalize_punctuation(normalize_numbers("".join(w.text for w in ws)))
            before = next((s.original_text for s in reversed(self.segments) if s.channel == channel), "")
            text = correct(raw, self.lexicon, context=before[-CONTEXT_CHARS:])  # a term may straddle two commits
            seg = Segment(id=f"{self._next:06d}", channel=channel, role=role,
                          start=round(self.offset + ws[0].start, 3), end=round(self.offset + ws[-1].end, 3),
                          text=text, raw_text=raw, original_text=text, corrected=text != raw)
            seg.committed_at = time.time()
            self._append({"type": "segment", **seg.model_dump(exclude={"revisions"})})  # durable first …
            self._next += 1
            self.segments.append(seg)
            out.append(seg)
            if self.on_commit:  # … then shown
                self.on_commit(seg)
        return out
