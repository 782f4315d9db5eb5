"""Role tags that straddle segments, with a scripted engine: a tag inside a committed segment cuts it, a tag
inside the tentative tail splits the words when they commit, tags set in the past and out of order; in every
case a replay of the journal gives exactly what the live session showed."""

from __future__ import annotations

import pytest
from scripted_asr import ScriptedASR, frames, use

from arbitration.hearing import Hearing, export, load_record
from arbitration.hearing.asr import Word


def _same_as_replay(h: Hearing) -> list:
    live = [s.model_dump() for s in h.segments]
    assert [s.model_dump() for s in load_record(h.dir)] == live
    return h.segments


def _said(segs) -> list[tuple[str, str]]:
    """(role, text) runs: consecutive segments of one speaker joined, as the record writes them."""
    out: list[tuple[str, str]] = []
    for s in segs:
        if out and out[-1][0] == s.role:
            out[-1] = (s.role, out[-1][1] + s.text)
        else:
            out.append((s.role, s.text))
    return out


@pytest.fixture
def hearing(cfg):
    h = Hearing.start(None, "roles", cfg=cfg, asr=ScriptedASR({}), channels={0: "首席仲裁员"})
    yield h
    h.close()


def test_a_tag_inside_a_committed_segment_cuts_it(hearing):
    h = hearing
    h._commit(0, [Word(1.0, 1.4, "请"), Word(1.4, 1.9, "陈述。"), Word(2.1, 2.5, "我"), Word(2.5, 3.0, "要求"),
                  Word(3.0, 3.6, "二倍工资。")])
    assert len(h.segments) == 1
    h.set_role("申请人", at=2.0)  # the clerk marks, after the fact, where the applicant began
    segs = _same_as_replay(h)
    assert [(s.role, s.text, s.start, s.end) for s in segs] == [
        ("首席仲裁员", "请陈述。", 1.0, 1.9), ("申请人", "我要求二倍工资。", 2.1, 3.6)]
    assert segs[1].split_from == segs[0].id and segs[1].id > segs[0].id
    assert segs[0].original_text == "请陈述。" and segs[1].raw_text == "我要求二倍工资。"
    h.set_role("首席仲裁员", at=3.05)  # inside 「二倍工资。」 (3.0–3.6) but before its middle: that word moves back
    segs = _same_as_replay(h)
    assert _said(segs) == [("首席仲裁员", "请陈述。"), ("申请人", "我要求"), ("首席仲裁员", "二倍工资。")]


def test_a_revised_segment_is_never_cut_and_keeps_the_clerks_role(hearing):
    h = hearing
    h._commit(0, [Word(1.0, 1.5, "我是"), Word(1.5, 2.0, "申请人。")])
    h.revise("000001", text="我是申请人张文博。")
    h.set_role("申请人", at=1.6)
    segs = _same_as_replay(h)
    assert [(s.role, s.text) for s in segs] == [("首席仲裁员", "我是申请人张文博。")]
    h.revise("000001", role="申请人")
    h.set_role("被申请人", at=0.0)  # an earlier tag does not override the clerk's own correction
    assert [(s.role, s.text) for s in _same_as_replay(h)] == [("申请人", "我是申请人张文博。")]


def test_tags_in_the_past_and_out_of_order(hearing):
    """Each segment takes the tag in force at its first word's middle, whatever order the tags came in."""
    h = hearing
    h._commit(0, [Word(1.0, 2.0, "现在开庭。")])
    h._commit(0, [Word(5.0, 6.0, "我方答辩。")])
    h._commit(0, [Word(11.0, 12.0, "我方陈述。")])
    h.set_role("申请人", at=10.0)
    h.set_role("被申请人", at=4.0)  # set later, earlier on the timeline: from 4 s up to the tag at 10 s
    assert _said(_same_as_replay(h)) == [("首席仲裁员", "现在开庭。"), ("被申请人", "我方答辩。"), ("申请人", "我方陈述。")]
    h.set_role("被申请人代理人", at=10.0)  # same time as an earlier tag: the later one wins
    assert _said(_same_as_replay(h))[-1] == ("被申请人代理人", "我方陈述。")
    h._commit(0, [Word(13.0, 14.0, "补充一点。")])  # committed afterwards: the same rule
    assert _said(_same_as_replay(h))[-1] == ("被申请人代理人", "我方陈述。补充一点。")


def test_a_tag_inside_the_tentative_tail_splits_the_words_when_they_commit(cfg, monkeypatch):
    said = [(0.5, 1.0, "请"), (1.0, 1.6, "申请人"), (1.6, 2.2, "陈述。"), (2.3, 2.8, "我"), (2.8, 3.4, "要求"),
            (3.4, 4.0, "补发"), (4.0, 4.6, "工资。")]
    asr = use(monkeypatch, ScriptedASR({0: said}))
    h = Hearing.start(None, "tail", cfg=cfg, asr=asr, channels={0: "首席仲裁员"})
    try:
        for i in range(40):  # 100 ms frames up to 4 s: passes at 2.5 s and 3.75 s (min_chunk_s 1.25)
            h.feed(frames(i / 10, (i + 1) / 10))
        committed = "".join(s.text for s in h.segments)
        assert h.tentative()[0], "the scripted speech should leave a tentative tail at 4 s"
        h.set_role("申请人", at=2.25)  # in the past: the applicant began at 2.3 s, inside the uncommitted words
        runs = h.tentative_roles()[0]  # a view shows the tail split as it will commit
        assert runs[-1][0] == "申请人" and runs[-1][1].startswith("我") and "".join(t for _, t in runs) == h.tentative()[0]
        for i in range(40, 60):
            h.feed(frames(i / 10, (i + 1) / 10))
            _same_as_replay(h)
        h.finish()
        segs = _same_as_replay(h)
    finally:
        h.close()
    assert committed and "我" not in committed  # the split happened at commit time, not on committed text
    assert _said(segs) == [("首席仲裁员", "请申请人陈述。"), ("申请人", "我要求补发工资。")]
    txt = export(h.dir, "txt").read_text(encoding="utf-8")
    assert "〔00:00:00〕首席仲裁员：请申请人陈述。\n〔00:00:02〕申请人：我要求补发工资。" in txt


TURNS = [(0.1, 0.9, "请"), (0.9, 1.3, "申请人"), (1.3, 2.0, "陈述。"),  # the arbitrator, then a pause
         (3.0, 3.6, "我"), (3.6, 4.2, "要求"), (4.2, 4.8, "补发"), (4.8, 5.4, "工资。")]  # the applicant


def _click_at(cfg, monkeypatch, when: float) -> tuple[float, list]:
    """Feed 100 ms frames, click 申请人 (no time given, as the keyboard and the web button do) at `when`."""
    h = Hearing.start(None, f"click-{when}", cfg=cfg, asr=use(monkeypatch, ScriptedASR({0: TURNS})),
                      channels={0: "首席仲裁员"})
    try:
        for i in range(60):
            if i == round(when * 10):
                h.set_role("申请人")
            h.feed(frames(i / 10, (i + 1) / 10))
        h.finish()
        tag = next(r for r in h.record.tags if r["role"] == "申请人")["at"]
        return tag, _said(_same_as_replay(h))
    finally:
        h.close()


def test_a_late_click_moves_back_to_where_the_new_speaker_began(cfg, monkeypatch):
    tag, said = _click_at(cfg, monkeypatch, 3.8)  # 0.8 s after the applicant began
    assert 2.9 <= tag <= 3.05
    assert said == [("首席仲裁员", "请申请人陈述。"), ("申请人", "我要求补发工资。")]


@pytest.mark.parametrize("when, first_of_applicant", [(2.5, "我要求补发工资。"), (5.0, "工资。")])
def test_a_click_in_a_pause_or_long_after_the_start_stays_where_it_is(cfg, monkeypatch, when, first_of_applicant):
    tag, said = _click_at(cfg, monkeypatch, when)  # in the pause: nobody talking; 2 s in: not a late click
    assert tag == when
    assert said[-1] == ("申请人", first_of_applicant)
