"""The hearing timeline through the real streaming path (OnlineProcessor, LocalAgreement, journal) with a scripted
engine: frames from the web page (PCM bytes, role buttons, stop and record again), a channel that joins later, a
resumed hearing after a later role tag, and times that never run backwards on a channel."""

from __future__ import annotations

import numpy as np
import pytest
from scripted_asr import ScriptedASR, frames, pcm, use

from arbitration.hearing import Hearing, export, load_record
from arbitration.hearing.asr import Word

FIRST = [(0.1, 0.9, "甚"), (0.9, 1.3, "至"), (1.3, 2.0, "出现"), (2.0, 2.6, "交易"), (2.6, 3.3, "几乎"),
         (3.3, 3.9, "停滞。")]
SECOND = [(7.2, 7.8, "我"), (7.8, 8.4, "有的"), (8.4, 9.0, "时候"), (9.0, 9.8, "说不清楚。")]


def _web(h: Hearing, start_s: float, end_s: float) -> None:
    """The browser's 100 ms Int16 frames, one feed call each."""
    for i in range(round(start_s * 10), round(end_s * 10)):
        h.feed(pcm(i / 10, (i + 1) / 10))


def test_web_hearing_two_clips_keeps_each_speakers_time(cfg, monkeypatch):
    """The browser e2e: the page tags its default seat when recording starts, the clerk clicks 申请人 while the
    first word is spoken, stops, tags 被申请人 and records a second clip; the record stamps each turn where it
    was said (the first click once left the first word to the default seat and a second line at 00:00:00)."""
    asr = use(monkeypatch, ScriptedASR({0: FIRST + SECOND}))
    h = Hearing.start(None, "web-000001-abcd", cfg=cfg, asr=asr)
    try:
        h.set_role("首席仲裁员")  # hearing.js sends its selected seat when the socket opens
        _web(h, 0.0, 0.3)
        h.set_role("申请人")  # the click, at 0.3 s: inside 「甚」 (0.1–0.9), before most of it
        _web(h, 0.3, 5.0)
        h.finish()  # stop
        h.set_role("被申请人")
        _web(h, 5.0, 11.0)
        h.finish()
    finally:
        h.close()
    segs = load_record(h.dir)
    assert "".join(s.text for s in segs) == "甚至出现交易几乎停滞。我有的时候说不清楚。"
    assert {s.role for s in segs if s.start < 5} == {"申请人"} and {s.role for s in segs if s.start > 5} == {"被申请人"}
    for s in segs:  # each segment at the scripted time of its words
        said = [w for w in FIRST + SECOND if s.start - 1e-6 <= w[0] < s.end]
        assert "".join(w[2] for w in said) == s.text and s.start == pytest.approx(said[0][0], abs=1e-3)
    txt = export(h.dir, "txt").read_text(encoding="utf-8")
    assert "〔00:00:00〕申请人：甚至出现交易几乎停滞。\n〔00:00:07〕被申请人：我有的时候说不清楚。\n" in txt
    assert "首席仲裁员：" not in txt


def test_a_channel_that_joins_later_is_timed_from_when_it_joined(cfg, monkeypatch):
    """Mono frames first, then two channels: channel 1's engine times count from its own first sample, 4 s in."""
    asr = use(monkeypatch, ScriptedASR({0: [(0.5, 1.5, "现在开庭。")], 1: [(5.0, 5.8, "到庭"), (5.8, 6.6, "了。")]}))
    h = Hearing.start(None, "seats-late", cfg=cfg, asr=asr, channels={0: "首席仲裁员", 1: "申请人"})
    try:
        h.feed(frames(0.0, 4.0))
        stereo = np.stack([frames(4.0, 9.0, 0), frames(4.0, 9.0, 1)], axis=1)
        for i in range(0, len(stereo), 8_000):
            h.feed(stereo[i:i + 8_000])
        h.finish()
    finally:
        h.close()
    segs = load_record(h.dir)
    said = [s for s in segs if s.channel == 1]
    assert [(s.role, s.text) for s in segs if s.channel == 0] == [("首席仲裁员", "现在开庭。")]
    assert {s.role for s in said} == {"申请人"} and "".join(s.text for s in said) == "到庭了。"
    assert said[0].start == pytest.approx(5.0, abs=1e-3) and said[-1].end == pytest.approx(6.6, abs=1e-3)


def test_a_resumed_hearing_goes_on_after_the_last_tag_and_session(cfg, monkeypatch):
    """The clerk tagged 被申请人 after the last segment, then the process ended; the next session's audio comes
    after that tag on the timeline, so its words are neither stamped earlier nor retagged by the old tag."""
    asr = use(monkeypatch, ScriptedASR({0: [(0.2, 1.8, "请陈述仲裁请求。")]}))
    h = Hearing.start(None, "resume-1", cfg=cfg, asr=asr, channels={0: "首席仲裁员"})
    try:
        h.feed(frames(0.0, 3.0))
        h.finish()
        h.feed(frames(3.0, 6.0))  # recording went on in silence …
        h.set_role("被申请人")  # … the clerk tagged at 6.0 s …
        h.feed(frames(6.0, 8.0))
    finally:
        h.close()  # … and the session ended at 8.0 s without another word
    assert [s.end for s in load_record(h.dir)] == [pytest.approx(1.8)]

    h = Hearing.start(None, "resume-1", cfg=cfg, asr=asr)
    try:
        assert h.offset >= 8.0
        asr.script[0] = [(h.offset + 0.5, h.offset + 1.5, "我方"), (h.offset + 1.5, h.offset + 2.2, "同意。")]
        h.set_role("申请人")
        h.feed(frames(h.offset, h.offset + 4.0))
        h.finish()
        live = [s.model_dump() for s in h.segments]
    finally:
        h.close()
    segs = load_record(h.dir)
    assert [s.model_dump() for s in segs] == live
    assert (segs[0].role, segs[0].text) == ("首席仲裁员", "请陈述仲裁请求。")
    assert {s.role for s in segs[1:]} == {"申请人"} and "".join(s.text for s in segs[1:]) == "我方同意。"
    assert segs[1].start == pytest.approx(h.offset + 0.5, abs=1e-3)
    assert h.meta["sessions"][0]["end"] == pytest.approx(8.0)


def test_times_never_run_backwards_on_a_channel(cfg):
    """Word times that jitter back over what is already committed are moved up to its end."""
    h = Hearing.start(None, "jitter", cfg=cfg, asr=ScriptedASR({}))
    try:
        h._commit(0, [Word(1.0, 2.0, "申请人"), Word(2.0, 2.6, "到庭。")])
        h._commit(0, [Word(2.4, 2.5, "被"), Word(2.5, 3.0, "申请人"), Word(2.9, 3.4, "到庭。")])
        h._commit(0, [Word(0.0, 0.0, "嗯")])  # a zero-length word at the buffer start
    finally:
        h.close()
    segs = load_record(h.dir)
    times = [t for s in segs for w in s.words for t in w[:2]]
    assert times == sorted(times) and all(s.start <= s.end for s in segs)
    assert [s.start for s in segs] == [1.0, 2.6, 3.4]


def test_web_pcm_is_mono_even_when_the_hearing_has_seats(cfg, monkeypatch):
    """A hearing set up with two seats (say, started from the CLI with --channels) and continued from the web page:
    the page's PCM is one channel and must not be read as two interleaved ones."""
    asr = use(monkeypatch, ScriptedASR({0: FIRST}))
    h = Hearing.start(None, "seats-web", cfg=cfg, asr=asr, channels={0: "申请人", 1: "被申请人"})
    try:
        _web(h, 0.0, 5.0)
        h.finish()
    finally:
        h.close()
    assert "".join(s.text for s in h.segments) == "甚至出现交易几乎停滞。"
    assert {s.channel for s in h.segments} == {0}
