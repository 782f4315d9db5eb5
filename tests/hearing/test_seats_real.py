"""Multi-channel input: each channel is a seat with its own streaming state; and `arbitration hearing start` on a
real file. Real Whisper base, short real clips."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from hearing_audio import load
from typer.testing import CliRunner

from arbitration.hearing import Hearing, export, load_record
from arbitration.hearing.audio import file_frames

pytestmark = pytest.mark.slow


def test_each_channel_is_a_seat(cfg, asr):
    a, b = load("IT0011W0001"), load("TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000")
    n = len(a) + len(b) + 3 * 16000
    stereo = np.zeros((n, 2), np.float32)
    stereo[8000 : 8000 + len(a), 0] = a  # the arbitrator's microphone, then silence
    stereo[len(a) + 24000 : len(a) + 24000 + len(b), 1] = b  # the applicant's answers after it
    h = Hearing.start(None, "seats", cfg=cfg, asr=asr, channels={0: "首席仲裁员", 1: "申请人"})
    try:
        for chunk in file_frames(stereo, chunk_s=0.5, realtime=True, speed=4.0):
            h.feed(chunk)
        h.finish()
    finally:
        h.close()
    record = load_record(h.dir)
    by_role = {}
    for s in record:
        by_role.setdefault(s.role, []).append(s)
        assert s.text and s.start < s.end
    assert set(by_role) == {"首席仲裁员", "申请人"}
    assert all(s.channel == 0 for s in by_role["首席仲裁员"]) and all(s.channel == 1 for s in by_role["申请人"])
    assert "首歌" in "".join(s.text for s in by_role["首席仲裁员"])
    assert "清楚" in "".join(s.text for s in by_role["申请人"])
    assert min(s.start for s in by_role["申请人"]) > max(s.end for s in by_role["首席仲裁员"]) - 0.5
    txt = export(h.dir, "txt").read_text(encoding="utf-8")
    assert txt.index("首席仲裁员：") < txt.index("申请人：")


def test_hearing_start_command_on_a_file(tmp_path, monkeypatch):
    from arbitration.cli import app
    from arbitration.config import settings

    wav = tmp_path / "turn.wav"
    sf.write(str(wav), np.concatenate([load("IT0011W0001"), np.zeros(8000, np.float32)]), 16000)
    monkeypatch.setenv("ARBITRATION_DATA_DIR", str(tmp_path / "data"))
    settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["hearing", "start", "-", "--source", str(wav), "--id", "cli-1",
                                          "--clerk", "李敏", "--place", "第一仲裁庭"])
        assert result.exit_code == 0, result.output
        assert "cli-1" in result.output
        record = load_record(tmp_path / "data" / "hearings" / "cli-1")
        assert "首歌" in "".join(s.text for s in record)
        result = CliRunner().invoke(app, ["hearing", "start", "-", "--source", str(tmp_path / "none.wav")])
        assert result.exit_code != 0 and "音频文件不存在" in str(result.exception or result.output)
    finally:
        settings.cache_clear()
