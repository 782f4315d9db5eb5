"""Audio sources and bad input: truncated WAV, another sample rate, stereo, silence, PCM bytes from the web page,
a microphone without sounddevice; each ends in a clear message, never a traceback from deep inside a library."""

from __future__ import annotations

import sys

import numpy as np
import pytest
import soundfile as sf
from hearing_audio import clip, load

from arbitration.errors import AudioError
from arbitration.hearing.audio import (
    file_frames,
    mic_frames,
    pcm16_to_float,
    read_audio,
)
from arbitration.hearing.online import OnlineProcessor, speech_probabilities


def test_truncated_wav_is_named(tmp_path):
    data = clip("IT0011W0001").read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(AudioError, match=r"cut\.wav：WAV 文件被截断"):
        read_audio(cut)
    (tmp_path / "head.wav").write_bytes(data[:30])
    with pytest.raises(AudioError, match="不完整"):
        read_audio(tmp_path / "head.wav")


def test_missing_empty_and_not_audio(tmp_path):
    with pytest.raises(AudioError, match="不存在"):
        read_audio(tmp_path / "nope.wav")
    (tmp_path / "notes.wav").write_text("这不是音频", encoding="utf-8")
    with pytest.raises(AudioError, match="无法读取音频"):
        read_audio(tmp_path / "notes.wav")
    sf.write(str(tmp_path / "empty.wav"), np.zeros(0, np.float32), 16000)
    with pytest.raises(AudioError, match="音频为空"):
        read_audio(tmp_path / "empty.wav")


def test_other_sample_rate_is_resampled_with_a_note(tmp_path):
    x = load("IT0011W0001")
    t44 = np.arange(int(len(x) * 44100 / 16000)) / 44100  # the clip as a 44.1 kHz recorder would give it
    path = tmp_path / "44k.wav"
    sf.write(str(path), np.interp(t44, np.arange(len(x)) / 16000, x).astype(np.float32), 44100)
    notes: list[str] = []
    y = read_audio(path, notes)
    assert notes and "44100 Hz" in notes[0]
    assert y.shape[1] == 1 and abs(len(y) - len(x)) < 200
    n = min(len(x), len(y))
    assert np.corrcoef(x[:n], y[:n, 0])[0, 1] > 0.95  # the same speech, not just the same length


def test_stereo_file_keeps_channels(tmp_path):
    x = load("IT0011W0001")
    path = tmp_path / "two.wav"
    sf.write(str(path), np.stack([x, np.zeros_like(x)], axis=1), 16000)
    y = read_audio(path)
    assert y.shape == (len(x), 2) and np.abs(y[:, 1]).max() == 0


def test_pcm_bytes_from_the_web_page():
    x = load("IT0011W0001")
    pcm = (np.clip(x, -1, 1) * 32767).astype("<i2").tobytes()
    y = pcm16_to_float(pcm)
    assert y.shape == (len(x), 1) and np.abs(y[:, 0] - x).max() < 1e-3
    assert pcm16_to_float(pcm[:4000], channels=2).shape == (1000, 2)
    with pytest.raises(AudioError, match="不是 4 的整数倍"):
        pcm16_to_float(pcm[:4002], channels=2)


def test_file_replay_yields_the_whole_file_in_order():
    x = load("TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000")[:, None]
    chunks = list(file_frames(x, chunk_s=0.25, realtime=True, speed=50.0))
    assert len(chunks) == int(np.ceil(len(x) / 4000))
    assert np.array_equal(np.concatenate(chunks), x)
    with pytest.raises(ValueError):
        next(file_frames(x, speed=0))


def test_microphone_without_sounddevice_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # import fails as if the extra was not installed
    with pytest.raises(AudioError, match=r"arbitration\[mic\]"):
        next(mic_frames())


class MustNotRun:
    """An engine that fails the test if silence ever reaches it."""

    name = "must-not-run"

    def transcribe(self, audio, prompt=None, hotwords=None):
        raise AssertionError("silence was sent to the speech engine")


def test_silence_never_reaches_the_engine():
    p = OnlineProcessor(MustNotRun())
    rng = np.random.default_rng(0)
    for _ in range(6):  # 6 s of faint noise
        p.insert_audio_chunk((rng.standard_normal(16000) * 1e-3).astype(np.float32))
        assert p.process_iter() == []
    assert p.finish() == [] and not p.heard_speech
    assert len(p.audio) == 0


def test_vad_finds_the_speech_in_a_real_clip():
    x = np.concatenate([np.zeros(16000, np.float32), load("IT0011W0001"), np.zeros(16000, np.float32)])
    probs = speech_probabilities(x)
    speech = np.flatnonzero(probs >= 0.5) * 512 / 16000
    assert speech.min() > 0.9 and speech.max() < len(x) / 16000 - 0.9
    assert probs[: int(0.9 * 16000 / 512)].max() < 0.5


def test_hearing_downmixes_unmapped_stereo_and_notes_silence(cfg):
    from arbitration.hearing import Hearing

    h = Hearing.start(None, "quiet", cfg=cfg, asr=MustNotRun())
    try:
        rng = np.random.default_rng(1)
        for _ in range(3):
            assert h.feed((rng.standard_normal((16000, 2)) * 1e-3).astype(np.float32)) == []
        assert h.finish() == []
    finally:
        h.close()
    assert any("downmix" in n for n in h.notes)
    assert any("未检测到语音" in n for n in h.notes)
    assert h.segments == [] and h.now == pytest.approx(3.0)
    with pytest.raises(AudioError, match="形状"):
        h.feed(np.zeros((2, 2, 2), np.float32))


def test_start_from_mic_without_sounddevice_opens_no_hearing(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from arbitration.cli import app
    from arbitration.config import settings

    monkeypatch.setitem(sys.modules, "sounddevice", None)
    monkeypatch.setenv("ARBITRATION_DATA_DIR", str(tmp_path / "data"))
    settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["hearing", "start", "-", "--source", "mic", "--id", "mic-1"])
    finally:
        settings.cache_clear()
    assert isinstance(result.exception, AudioError) and "arbitration[mic]" in str(result.exception)
    assert not (tmp_path / "data" / "hearings" / "mic-1").exists()


def test_channel_seats_are_parsed_and_checked():
    from arbitration.cli.hearing import _parse_channels
    from arbitration.errors import ArbitrationError

    assert _parse_channels("0=首席仲裁员，1=申请人, 2=被申请人") == {0: "首席仲裁员", 1: "申请人", 2: "被申请人"}
    assert _parse_channels(None) is None
    with pytest.raises(ArbitrationError, match="格式应为"):
        _parse_channels("申请人")
    with pytest.raises(ArbitrationError, match="从 0 起连续编号"):
        _parse_channels("0=申请人,2=被申请人")  # channel 1 would be captured with no seat, channel 2 never
