"""Speaker-change hints on one channel (issue 17): MFCC ΔBIC on real clips of different people joined with pauses;
hints are journaled as hints and change no role until the clerk accepts one (CLI key, web command)."""

from __future__ import annotations

import numpy as np
import pytest
from hearing_audio import load
from scripted_asr import ScriptedASR, frames, use

from arbitration.hearing import Hearing, export, load_hints, load_record
from arbitration.hearing.speakers import Hint, detect, mfcc

AISHELL = "BAC009S0764W0121"  # one speaker, 4.2 s
NET = "TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000"  # another, 1.8 s, another channel
CCTV = "e5oipIfM49I__20190201_CCTV_104"  # a broadcast voice, 5.2 s


def test_mfcc_frames_every_10_ms():
    ceps, energy = mfcc(np.zeros(16000, np.float32) + 0.01)
    assert ceps.shape == (98, 13) and energy.shape == (98,)


def _join(*parts: tuple[np.ndarray, float]) -> tuple[np.ndarray, list[float]]:
    audio, starts, t = [], [], 0.0
    for x, gap in parts:
        audio += [np.zeros(int(gap * 16000), np.float32), x]
        t += gap
        starts.append(t)
        t += len(x) / 16000
    return np.concatenate(audio), starts


@pytest.mark.parametrize("gap", [0.2, 0.6, 1.2])
def test_a_change_of_speaker_is_hinted_where_the_new_voice_starts(gap):
    audio, starts = _join((load(AISHELL), 0.0), (load(CCTV), gap), (load(NET), gap))
    hints = [h.at for h in detect(audio)]
    for t in starts[1:]:
        assert any(abs(h - t) < 0.5 for h in hints), (t, hints)


def test_one_speaker_pausing_gets_no_hint():
    x = load(CCTV)
    audio, _ = _join((x[: len(x) // 2], 0.0), (x[len(x) // 2:], 0.8))
    assert detect(audio) == []


def test_hints_are_journaled_as_hints_and_accepted_only_by_the_clerk(cfg, monkeypatch):
    asr = use(monkeypatch, ScriptedASR({0: [(0.2, 1.0, "你何时入职"), (1.0, 1.8, "的？"), (3.0, 4.0, "二〇二二年"),
                                            (4.0, 4.6, "三月。")]}))
    h = Hearing.start(None, "hints", cfg=cfg, asr=asr)
    try:
        h.set_role("首席仲裁员", at=0.0)
        h.feed(frames(0.0, 5.0))
        h.finish()
        h._hint(0, [Hint(2.9, 0.4)])  # what the detector would say at the answer
        assert [x["role"] for x in h.record.tags] == ["首席仲裁员"]  # a hint is not a role
        assert h.pending_hints(0)[0]["suggest"] != "首席仲裁员"
        assert {s.role for s in h.segments} == {"首席仲裁员"}
        role = h.accept_hint(role="申请人")
        assert role == "申请人"
        assert [s.role for s in h.segments] == ["首席仲裁员", "申请人"]
        assert h.pending_hints(0) == []
        h._hint(0, [Hint(4.2, 0.2)])
        h.dismiss_hint(4.2)
        assert h.pending_hints(0) == []
    finally:
        h.close()
    hints = load_hints(h.dir)
    assert [(x["at"], x["done"]) for x in hints] == [(2.9, "accepted"), (4.2, "dismissed")]
    assert [s.role for s in load_record(h.dir)] == ["首席仲裁员", "申请人"]  # replay gives the same record
    text = export(h.dir, "txt").read_text(encoding="utf-8")
    body = text[text.index("记录如下：") + 5:text.index("（以下无正文）")]
    assert [line.split("〕")[1] for line in body.split()] == ["首席仲裁员：你何时入职的？", "申请人：2022年三月。"]


def test_the_clerk_accepts_the_newest_hint_with_enter(cfg, monkeypatch):
    from arbitration.cli.hearing import _key

    asr = use(monkeypatch, ScriptedASR({0: [(0.2, 1.0, "有无异议"), (2.0, 3.0, "没有异议")]}))
    h = Hearing.start(None, "keys", cfg=cfg, asr=asr)
    try:
        h.feed(frames(0.0, 3.5))
        h.finish()
        assert _key(h, "") is None  # nothing pending: Enter does nothing
        h._hint(0, [Hint(1.9, 0.3)])
        assert _key(h, "+4") == "已接受换人提示：申请人"  # seat 4 of SEATS
        assert [s.role for s in h.segments] == ["发言人", "申请人"]
        h._hint(0, [Hint(2.5, 0.3)])
        assert _key(h, "x") == "已忽略换人提示"
    finally:
        h.close()


def test_the_web_snapshot_offers_pending_hints(cfg, monkeypatch):
    from arbitration.web.hearing_api import snapshot

    asr = use(monkeypatch, ScriptedASR({0: [(0.2, 1.0, "现在开庭")]}))
    h = Hearing.start(None, "web", cfg=cfg, asr=asr)
    try:
        h.feed(frames(0.0, 2.0))
        h._hint(0, [Hint(1.5, 0.3)])
        assert snapshot(h)["hints"] == [{"at": 1.5, "suggest": h.suggested_role(0, 1.5), "score": 0.3}]
    finally:
        h.close()


def test_seated_channels_get_no_hints(cfg):
    h = Hearing.start(None, "seats", cfg=cfg, channels={0: "首席仲裁员", 1: "申请人"})
    try:
        assert not h.speaker_hints
    finally:
        h.close()
