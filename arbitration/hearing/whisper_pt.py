"""The openai-whisper engine (optional extra `whisper-pt`, pulls torch) for users who bring a `.pt` checkpoint."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from arbitration.config import Settings
from arbitration.errors import ModelUnavailable
from arbitration.hearing.asr import LANGUAGE, Word
from arbitration.hearing.text import to_simplified


class OpenAIWhisperASR:
    """openai-whisper for users who bring a `.pt` checkpoint (optional extra `whisper-pt`; pulls torch)."""

    name = "openai-whisper"

    def __init__(self, model: str | os.PathLike[str] | None = None, cfg: Settings | None = None) -> None:
        if not model or not Path(model).is_file():
            raise ModelUnavailable(f"openai-whisper 需要本地 .pt 模型文件（--model 或配置 asr_model），收到：{model or '空'}")
        try:
            import whisper
        except ImportError as e:
            raise ModelUnavailable(
                "未安装 openai-whisper：先 pip install torch==2.13.0，再 pip install 'arbitration[whisper-pt]'"
            ) from e
        self.model = whisper.load_model(str(model), device="cpu")

    def transcribe(self, audio: np.ndarray, prompt: str | None = None, hotwords: str | None = None) -> list[Word]:
        prompt = " ".join(p for p in (hotwords, prompt) if p) or None
        result = self.model.transcribe(
            np.asarray(audio, dtype=np.float32), language=LANGUAGE, word_timestamps=True,
            initial_prompt=prompt, condition_on_previous_text=False, fp16=False,
        )
        words = []
        for seg in result.get("segments", []):
            for w in seg.get("words", []):
                text = to_simplified(w["word"].strip())
                if text:
                    words.append(Word(float(w["start"]), float(w["end"]), text, float(w.get("probability", 1.0))))
        return words
