"""Export a hearing record: DOCX (庭审笔录 from templates/hearing_record.docx), plain text, SRT subtitles, JSON."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from arbitration.config import TEMPLATES_DIR
from arbitration.errors import ArbitrationError
from arbitration.fileio import write_json, write_text
from arbitration.hearing.journal import DEFAULT_ROLE, Segment, load_meta, load_record

FORMATS = ("docx", "txt", "srt", "json")
TEMPLATE = "hearing_record.docx"


def clock(t: float) -> str:
    """Seconds on the hearing timeline → 「00:03:12」."""
    s = int(t)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def record_lines(segments: list[Segment], timestamps: bool = True) -> list[dict[str, str]]:
    """Consecutive segments of one speaker joined into one 「角色：……」 line, as a record is written; `time` is
    where the line starts on the hearing timeline (empty without timestamps)."""
    lines: list[dict[str, str]] = []
    for s in segments:
        if not s.text.strip():
            continue
        if lines and lines[-1]["role"] == s.role:
            lines[-1]["text"] += s.text
        else:
            lines.append({"role": s.role, "text": s.text, "time": clock(s.start) if timestamps else ""})
    return lines


def _srt_time(t: float) -> str:
    ms = int(round(t * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def _header(meta: dict) -> dict[str, str]:
    created = meta.get("created_at", "")
    try:
        when = datetime.fromisoformat(created).strftime("%Y年%-m月%-d日 %H:%M")
    except ValueError:
        when = created
    tribunal = meta.get("tribunal") or ""
    if isinstance(tribunal, list):
        tribunal = "、".join(tribunal)
    attendees = meta.get("attendees") or []
    return {
        "commission": meta.get("commission", "") or "劳动人事争议仲裁委员会",
        "case_number": meta.get("case_number", "") or "",
        "time": meta.get("time") or when,
        "place": meta.get("place", "") or "",
        "cause": meta.get("cause", "") or "劳动争议",
        "tribunal": tribunal,
        "clerk": meta.get("clerk", "") or "",
        "attendees": "、".join(attendees) if isinstance(attendees, list) else str(attendees),
    }


def export(hearing_dir: str | os.PathLike[str], fmt: str = "docx", out: str | os.PathLike[str] | None = None,
           timestamps: bool = True) -> Path:
    """Write the record of the hearing in `hearing_dir` as `fmt`; returns the file (default: record.<fmt> inside).
    `timestamps` puts each line's start time 〔00:03:12〕 before it in the DOCX and TXT record."""
    if fmt not in FORMATS:
        raise ArbitrationError(f"不支持的导出格式 {fmt!r}；可选：{', '.join(FORMATS)}")
    hearing_dir = Path(hearing_dir)
    meta = load_meta(hearing_dir)
    segments = load_record(hearing_dir)
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
        rows = [f"{head['commission']}", "庭审笔录", head["case_number"]]
        rows += [f"{k}：{head[v]}" for k, v in (("时间", "time"), ("地点", "place"), ("案由", "cause"),
                                                ("仲裁庭组成", "tribunal"), ("记录人", "clerk"), ("到庭人员", "attendees"))]
        rows += ["记录如下："] + [
            (f"〔{x['time']}〕" if x["time"] else "") + f"{x['role']}：{x['text']}"
            for x in record_lines(segments, timestamps)
        ]
        rows += ["（以下无正文）", "以上笔录经本人核对无误。"]
        write_text(out, "\n".join(rows) + "\n")
    else:
        from arbitration.docxrender import render_template

        signers = list(dict.fromkeys([x["role"] for x in record_lines(segments)] + ["申请人", "被申请人"]))
        signers = [s for s in signers if "仲裁员" not in s and s not in ("书记员", DEFAULT_ROLE)]
        context = {**head, "lines": record_lines(segments, timestamps), "signers": signers}
        render_template(TEMPLATES_DIR / TEMPLATE, context, out)
    return out


def dumps_segments(segments: list[Segment]) -> str:
    return json.dumps([s.model_dump() for s in segments], ensure_ascii=False)
