"""Export a hearing record: DOCX (庭审笔录 from templates/hearing_record.docx), plain text, SRT subtitles, JSON."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

from arbitration.config import TEMPLATES_DIR
from arbitration.errors import ArbitrationError
from arbitration.fileio import write_json, write_text
from arbitration.hearing.journal import (
    DEFAULT_ROLE,
    Segment,
    load_hints,
    load_meta,
    load_record,
)

FORMATS = ("docx", "txt", "srt", "json")
TEMPLATE = "hearing_record.docx"


def clock(t: float) -> str:
    """Seconds on the hearing timeline → 「00:03:12」."""
    s = int(t)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


LINE_PAUSE_S = 0.8  # unlabelled speech after a pause this long (about a second, by word times) starts a new line
ANSWER_PAUSE_S = 0.3  # speech after a question and a pause this long is an answer: a new line even for one seat
QUESTION_END = ("？", "?")


def record_lines(segments: list[Segment], timestamps: bool = True,
                 hints: list[float] | None = None) -> list[dict[str, str]]:
    """The record's lines, 「角色：……」, each with the time it starts on the hearing timeline (empty without
    timestamps). Consecutive segments of one keyed speaker join into one line; a question answered starts a new
    line; speech nobody keyed (发言人) is never merged across a pause of LINE_PAUSE_S or a speaker-change hint
    (`hints`, timeline seconds), so each utterance keeps its own line and time."""
    lines: list[dict[str, str]] = []
    marks = sorted(hints or [])
    last: Segment | None = None
    for s in segments:
        if not s.text.strip():
            continue
        joined = False
        if lines and last is not None and lines[-1]["role"] == s.role:
            gap = s.start - last.end
            answered = last.text.rstrip().endswith(QUESTION_END) and gap >= ANSWER_PAUSE_S
            hinted = any(last.end - 0.05 <= m <= s.start + 0.3 for m in marks)
            unkeyed_break = s.role == DEFAULT_ROLE and (gap >= LINE_PAUSE_S or hinted)
            joined = not answered and not unkeyed_break
        if joined:
            lines[-1]["text"] += s.text
        else:
            lines.append({"role": s.role, "text": s.text, "time": clock(s.start) if timestamps else ""})
        last = s
    return lines


def _signers(lines: list[dict[str, str]]) -> list[str]:
    """The parties (and agents, witnesses) who spoke, then 申请人 and 被申请人 in any case: each signs the record."""
    seats = list(dict.fromkeys([x["role"] for x in lines] + ["申请人", "被申请人"]))
    return [s for s in seats if "仲裁员" not in s and s not in ("书记员", DEFAULT_ROLE)]


def _srt_time(t: float) -> str:
    ms = int(round(t * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


MISSING = "（未填写）"  # a header field nobody gave: the clerk fills it in by hand before the parties sign


def _wall(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _when(meta: dict) -> str:
    """「2024年5月6日 09:30至10:12」: from the hearing's creation to where the last session's audio ended."""
    start = _wall(meta.get("created_at", ""))
    if start is None:
        return str(meta.get("created_at") or MISSING)
    text = start.strftime("%Y年%-m月%-d日 %H:%M")
    recorded = [x for x in meta.get("sessions") or [] if all(isinstance(x.get(k), int | float) for k in ("end", "offset"))]
    last = recorded[-1] if recorded else {}  # the last session that recorded audio (not a later edit)
    began = _wall(last.get("started_at", ""))
    if began is not None and last:
        end = began + timedelta(seconds=max(0.0, last["end"] - last["offset"]))
        until = end.strftime("%H:%M" if end.date() == start.date() else "%Y年%-m月%-d日 %H:%M")
        text += "" if until == start.strftime("%H:%M") else "至" + until
    return text


def _names(value: object) -> str:
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value if str(v).strip())
    return str(value or "").strip()


def _attendees(meta: dict) -> str:
    """「申请人：张文博；被申请人：某公司、刘某（委托代理人）」 by side when the case gave the sides."""
    sides = [(label, _names(meta.get(key))) for label, key in (("申请人", "applicants"), ("被申请人", "respondents"))]
    if any(names for _, names in sides):
        return "；".join(f"{label}：{names}" for label, names in sides if names)
    return _names(meta.get("attendees"))


def _header(meta: dict) -> dict[str, str]:
    """The header fields of the record; a field nobody gave reads 「（未填写）」, never an empty line."""
    head = {
        "commission": meta.get("commission", "") or "劳动人事争议仲裁委员会",
        "case_number": _names(meta.get("case_number")) or f"案号：{MISSING}",
        "time": _names(meta.get("time")) or _when(meta),
        "place": _names(meta.get("place")),
        "cause": _names(meta.get("cause")) or "劳动争议",
        "tribunal": _names(meta.get("tribunal")) or _names(meta.get("arbitrators")),
        "clerk": _names(meta.get("clerk")),
        "attendees": _attendees(meta),
    }
    return {k: v or MISSING for k, v in head.items()}


def _officials(lines: list[dict[str, str]], tribunal: str) -> list[str]:
    """Who signs for the tribunal: the arbitrators' seats heard in the record (首席仲裁员 when the tribunal names
    one), else 仲裁员; then the clerk."""
    seats = [x["role"] for x in lines if "仲裁员" in x["role"]]
    if "首席仲裁员" in tribunal:
        seats.insert(0, "首席仲裁员")
    return list(dict.fromkeys(seats or ["仲裁员"])) + ["书记员"]


def export(hearing_dir: str | os.PathLike[str], fmt: str = "docx", out: str | os.PathLike[str] | None = None,
           timestamps: bool = True) -> Path:
    """Write the record of the hearing in `hearing_dir` as `fmt`; returns the file (default: record.<fmt> inside).
    `timestamps` puts each line's start time 〔00:03:12〕 before it in the DOCX and TXT record."""
    if fmt not in FORMATS:
        raise ArbitrationError(f"不支持的导出格式 {fmt!r}；可选：{', '.join(FORMATS)}")
    hearing_dir = Path(hearing_dir)
    meta = load_meta(hearing_dir)
    segments = load_record(hearing_dir)
    hints = [h["at"] for h in load_hints(hearing_dir) if h.get("done") != "dismissed"]
    out = Path(out) if out else hearing_dir / f"record.{fmt}"
    head = _header(meta)
    if fmt == "json":
        write_json(out, {"meta": meta, "segments": [s.model_dump() for s in segments]})
    elif fmt == "srt":
        blocks = [
            f"{i}\n{_srt_time(s.start)} --> {_srt_time(s.end)}\n{s.role}：{s.text}\n"
            for i, s in enumerate((s for s in segments if s.text.strip()), 1)
        ]
        write_text(out, "\n".join(blocks))
    elif fmt == "txt":
        lines = record_lines(segments, timestamps, hints)
        rows = [head["commission"], "庭审笔录", head["case_number"]]
        rows += [f"{k}：{head[v]}" for k, v in (("时间", "time"), ("地点", "place"), ("案由", "cause"),
                                                ("仲裁庭组成", "tribunal"), ("记录人", "clerk"), ("到庭人员", "attendees"))]
        rows += ["记录如下："] + [(f"〔{x['time']}〕" if x["time"] else "") + f"{x['role']}：{x['text']}" for x in lines]
        rows += ["（以下无正文）", "", "以上笔录经本人核对无误。"]
        rows += [f"{who}（签名）：＿＿＿＿＿＿　　　　年　　月　　日" for who in _signers(lines)]
        rows += [""] + [f"{who}（签名）：＿＿＿＿＿＿" for who in _officials(lines, head["tribunal"])]
        write_text(out, "\n".join(rows) + "\n")
    else:
        from arbitration.docxrender import render_template

        lines = record_lines(segments, timestamps, hints)
        context = {**head, "lines": lines, "signers": _signers(lines),
                   "officials": _officials(lines, head["tribunal"])}
        render_template(TEMPLATES_DIR / TEMPLATE, context, out)
    return out


def dumps_segments(segments: list[Segment]) -> str:
    return json.dumps([s.model_dump() for s in segments], ensure_ascii=False)
