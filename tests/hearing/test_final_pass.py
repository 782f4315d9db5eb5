"""The committing pass (issue 17): at a pause the utterance is decoded once more with a beam, the domain LM picks
among the beam's readings of the same length, a pass that stops before the speech does gets the rest decoded, and
steps that follow the audio alone give the same record at any load."""

from __future__ import annotations

import numpy as np
import pytest
from hearing_audio import load
from scripted_asr import ScriptedASR, frames, use

from arbitration.hearing import Hearing
from arbitration.hearing.asr import Word
from arbitration.hearing.lm import CharLM, pick
from arbitration.hearing.online import OnlineProcessor

DOMAIN = ["申请人请陈述仲裁请求及事实和理由", "请被申请人进行答辩", "对证据的真实性没有异议", "证明目的"]


@pytest.fixture(scope="module")
def lm():
    return CharLM(DOMAIN)


def test_the_lm_picks_the_domain_reading_when_the_sound_is_about_as_likely(lm):
    hyps = [("事实合理由是", -0.30), ("事实和理由是", -0.32)]
    assert pick(lm, hyps, weight=0.2) == 1
    assert pick(lm, hyps, weight=0.0) == 0  # no weight: the engine's first choice
    assert pick(lm, [("事实合理由是", -0.1), ("事实和理由是", -1.5)], weight=0.2) == 0  # the sound decides


def test_the_lm_never_picks_a_reading_that_drops_or_repeats_speech(lm):
    full = "对证据的真实性没有异议对证明目的有异议"
    assert pick(lm, [(full.replace("证明", "证名"), -0.32), ("对证据的真实性没有异议", -0.28)], weight=1.0) == 0
    assert pick(lm, [("证明目的有异意", -0.3), ("证明目的有异意。请被申请人进行答辩。", -0.31)], weight=1.0) == 0


class Recording:
    """A scripted engine that notes how it was called and cuts its first committing answer short."""

    name = "recording"
    supports_final = True

    def __init__(self, script, truncate_first_final: bool = False):
        self.inner = ScriptedASR(script)
        self.calls: list[dict] = []
        self.truncate = truncate_first_final

    def transcribe(self, audio, prompt=None, hotwords=None, final=False, rescore=None):
        words = self.inner.transcribe(audio, prompt, hotwords)
        self.calls.append({"final": final, "rescore": rescore, "n": len(words)})
        if final and rescore is not None:
            rescore([("甲", -0.1), ("乙", -0.2)])
        if final and self.truncate:
            self.truncate = False
            return words[:1]  # a beam that ended at the first sentence end
        return words

    def speech(self, audio):
        return self.inner.speech(audio)


SCRIPT = {0: [(0.2, 1.0, "事实"), (1.0, 1.6, "和理由"), (1.6, 2.4, "是申请人"), (2.4, 3.2, "入职。")]}


def _run(engine, rescore=None) -> list[Word]:
    p = OnlineProcessor(engine, rescore=rescore)
    out = []
    for t in np.arange(0.0, 4.5, 0.5):
        p.insert_audio_chunk(frames(t, t + 0.5))
        out += p.process_iter()
    return out + p.finish()


def test_only_the_committing_pass_is_final_and_rescored(monkeypatch):
    engine = use(monkeypatch, Recording(SCRIPT))
    asked: list = []
    words = _run(engine, rescore=lambda hyps, before: asked.append((hyps, before)) or 0)
    assert "".join(w.text for w in words) == "事实和理由是申请人入职。"
    finals = [c for c in engine.calls if c["final"]]
    assert finals and all(c["rescore"] is not None for c in finals)
    assert any(not c["final"] for c in engine.calls)  # the interim passes stay plain
    assert asked and asked[0][0] == [("甲", -0.1), ("乙", -0.2)]


def test_a_committing_pass_that_stops_early_gets_the_rest_decoded(monkeypatch):
    engine = use(monkeypatch, Recording(SCRIPT, truncate_first_final=True))
    p = OnlineProcessor(engine)
    p.first_pass_s = 10.0  # one pass at the pause, nothing before it
    for t in np.arange(0.0, 4.5, 0.5):
        p.insert_audio_chunk(frames(t, t + 0.5))
    words = p.process_iter() + p.finish()
    assert "".join(w.text for w in words) == "事实和理由是申请人入职。"
    assert sum(c["final"] for c in engine.calls) >= 2


def test_without_the_rest_decoded_the_speech_after_a_cut_short_pass_is_lost(monkeypatch):
    """The old code: the committing pass's words were all there was (what the rest-pass fixes)."""
    import arbitration.hearing.online as online

    monkeypatch.setattr(online, "REST_S", 1e9)
    engine = use(monkeypatch, Recording(SCRIPT, truncate_first_final=True))
    p = OnlineProcessor(engine)
    p.first_pass_s = 10.0
    for t in np.arange(0.0, 4.5, 0.5):
        p.insert_audio_chunk(frames(t, t + 0.5))
    assert "".join(w.text for w in p.process_iter() + p.finish()) == "事实"


def test_fixed_steps_do_not_wait_for_a_slow_pass(cfg, monkeypatch):
    """adaptive_step off: the passes follow the audio alone, whatever the last pass took (a benchmark's record is
    then the same at any load); on: a pass that took 3 s makes the next wait 3 s."""
    counts = {}
    for adaptive in (True, False):
        asr = use(monkeypatch, ScriptedASR({0: [(0.2 + i, 1.0 + i, f"词{i}") for i in range(8)]}))
        h = Hearing.start(None, f"steps-{adaptive}", cfg=cfg, asr=asr, speaker_hints=False)
        h.adaptive_step = adaptive
        try:
            for t in np.arange(0.0, 8.0, 0.25):
                h.feed(frames(t, t + 0.25))
                h._compute_s[0] = 3.0  # as if every pass took 3 s
            counts[adaptive] = asr.calls
        finally:
            h.close()
    assert counts[False] > counts[True]


@pytest.mark.slow
def test_whisper_base_gives_its_n_best_to_the_rescorer(asr):
    """Real Whisper base: the committing pass hands the beam's readings (text, mean log-probability, best first)
    to `rescore`, and the one it picks is what comes back."""
    x = load("BAC009S0764W0121")
    seen: list = []
    first = asr.transcribe(x, final=True, rescore=lambda hyps: seen.extend(hyps) or 0)
    assert len(seen) == asr.final_beam_size and seen[0][1] >= seen[-1][1]
    assert "".join(w.text for w in first) == seen[0][0].replace(" ", "")
    other = next(i for i, (t, _) in enumerate(seen) if t != seen[0][0])
    chosen = asr.transcribe(x, final=True, rescore=lambda hyps: other)
    assert "".join(w.text for w in chosen) == seen[other][0].replace(" ", "")


def test_the_rescorer_is_off_by_default_and_picks_with_a_weight():
    from arbitration.hearing.hotwords import LM_WEIGHT, _lm, build_lexicon, rescorer

    lexicon = build_lexicon(None)
    assert LM_WEIGHT == 0.0 and rescorer(lexicon) is None
    _lm(lexicon.texts)  # built (the hearing builds it in the background)
    choose = rescorer(lexicon, 0.2)
    assert choose([("请申请人陈述仲裁请求及事实合理由", -0.30), ("请申请人陈述仲裁请求及事实和理由", -0.31)], "") == 1
