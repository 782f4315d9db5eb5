"""Engine choice by name and model path: a CTranslate2 dir goes to faster-whisper, a .pt to openai-whisper; wrong
paths and unknown names end in a message that says what to give instead."""

from __future__ import annotations

import pytest

from arbitration.config import load_settings
from arbitration.errors import ModelUnavailable
from arbitration.hearing.asr import ENGINES, get_asr


def test_unknown_engine(tmp_path):
    with pytest.raises(ModelUnavailable, match="未知的语音识别引擎 'paraformer'"):
        get_asr("paraformer", cfg=load_settings(cache_dir=tmp_path))


def test_dir_without_model_bin(tmp_path):
    (tmp_path / "large-v3").mkdir()
    with pytest.raises(ModelUnavailable, match="不是 CTranslate2 模型目录"):
        get_asr(model=str(tmp_path / "large-v3"), cfg=load_settings(cache_dir=tmp_path))


def test_pt_file_goes_to_openai_whisper(tmp_path):
    with pytest.raises(ModelUnavailable, match=r"\.pt"):
        get_asr("faster-whisper", model=str(tmp_path / "missing.pt"), cfg=load_settings(cache_dir=tmp_path))
    (tmp_path / "base.pt").write_bytes(b"\0" * 16)
    # without the extra: what to install; with it: the file is refused (tests/hearing/test_whisper_pt.py has more)
    with pytest.raises(ModelUnavailable, match=r"arbitration\[whisper-pt\]|无法读取 \.pt 文件"):
        get_asr(model=str(tmp_path / "base.pt"), cfg=load_settings(cache_dir=tmp_path))


def test_config_names_the_engine(tmp_path):
    cfg = load_settings(cache_dir=tmp_path, asr="openai-whisper")
    with pytest.raises(ModelUnavailable, match="openai-whisper 需要本地 .pt 模型文件"):
        get_asr(cfg=cfg)
    assert set(ENGINES) == {"faster-whisper", "openai-whisper"}
