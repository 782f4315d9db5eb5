"""What Whisper writes where nobody speaks is dropped: silence, mains hum read as the prompt, unsure guesses;
real speech on a real clip is kept. The engine tests run the real model; the rule is also checked on its own."""

from __future__ import annotations

import numpy as np
import pytest
from hearing_audio import load

from arbitration.hearing.asr import invented

PROMPT = "以下是劳动争议仲裁庭审的普通话记录。当事人：张文博、青岛海程物流有限公司。"


def test_the_rule_on_its_own():
    assert invented(0.9, -1.2, "字幕by索兰娅")  # Whisper's own rule
    assert invented(0.99, -0.35, "以下是劳动争议仲裁庭审", PROMPT)  # the prompt read back
    assert invented(0.41, -1.84, "请问，请问。")  # an unsure guess where speech is doubtful
    assert invented(0.2, -2.44, "这位是什么?")
    assert not invented(0.01, -0.52, "各位观众，晚上好", PROMPT)  # speech
    assert not invented(0.6, -0.3, "张文博", PROMPT)  # a name from the prompt, said confidently: kept
    assert not invented(0.02, -2.0, "停制")  # unsure, but speech is not in doubt


@pytest.mark.slow
@pytest.mark.parametrize("prompt", [None, PROMPT])
def test_silence_and_hum_give_no_words(asr, prompt):
    t = np.arange(3 * 16000) / 16000
    assert asr.transcribe(np.zeros(len(t), np.float32), prompt=prompt) == []
    assert asr.transcribe((0.02 * np.sin(2 * np.pi * 50 * t)).astype(np.float32), prompt=prompt) == []


@pytest.mark.slow
def test_real_speech_is_kept(asr):
    words = asr.transcribe(load("e5oipIfM49I__20190201_CCTV_1"), prompt=PROMPT)
    assert "观众" in "".join(w.text for w in words)
