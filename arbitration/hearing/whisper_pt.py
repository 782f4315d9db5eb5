"""The openai-whisper engine (optional extra `whisper-pt`, pulls torch) for a `.pt` checkpoint: one the user
brings, or the bundled base exported by `arbitration models export-pt`. Same contract and guards as faster-whisper."""

from __future__ import annotations

import base64
import gzip
import os
import pickle
import zipfile
from pathlib import Path

import numpy as np

from arbitration.config import Settings, settings
from arbitration.errors import ModelUnavailable
from arbitration.hearing.asr import LANGUAGE, SAMPLE_RATE, Word, drop_loops
from arbitration.hearing.text import to_simplified

INSTALL_HINT = "先 pip install torch==2.13.0，再 pip install 'arbitration[whisper-pt]'"
# what torch.load / load_state_dict raise on a truncated, foreign or mismatched file
_LOAD_ERRORS = (RuntimeError, EOFError, KeyError, TypeError, ValueError, OSError, AttributeError,
                pickle.UnpicklingError, zipfile.BadZipFile)


def load_checkpoint(path: Path, device: str = "cpu"):
    """A whisper.model.Whisper from `path` (what whisper.load_model does for a file), plus the word-timestamp
    heads an exported checkpoint carries; any damaged or non-Whisper file becomes ModelUnavailable."""
    import torch
    from whisper.model import ModelDimensions, Whisper

    try:
        ckpt = torch.load(path, map_location=device, weights_only=True)
    except _LOAD_ERRORS as e:
        raise ModelUnavailable(f"{path}：无法读取 .pt 文件（已损坏、不完整或不是 PyTorch 文件）：{e}") from e
    if not isinstance(ckpt, dict) or "dims" not in ckpt or "model_state_dict" not in ckpt:
        raise ModelUnavailable(f"{path}：不是 openai-whisper 模型（缺少 dims 或 model_state_dict）")
    try:
        model = Whisper(ModelDimensions(**ckpt["dims"]))
        model.load_state_dict(ckpt["model_state_dict"])
    except _LOAD_ERRORS as e:
        raise ModelUnavailable(f"{path}：openai-whisper 模型的维度或权重不符：{e}") from e
    heads = ckpt.get("alignment_heads") or []
    if heads:
        dims = model.dims
        mask = np.zeros((dims.n_text_layer, dims.n_text_head), dtype=bool)
        for layer, head in heads:
            if 0 <= layer < dims.n_text_layer and 0 <= head < dims.n_text_head:
                mask[layer, head] = True
        # the encoding whisper's own table uses (_ALIGNMENT_HEADS): base85 of gzipped booleans
        model.set_alignment_heads(base64.b85encode(gzip.compress(mask.tobytes())))
    return model.to(device)


def _short_context(encoder):
    """Make `encoder` (a whisper AudioEncoder) see only its `frames` first mel frames (None = the usual 30 s):
    the trick FasterWhisperASR uses (whisper.cpp's audio_ctx); transcribe() pads every window to 30 s."""
    import torch.nn.functional as F
    from whisper.model import AudioEncoder

    class ShortContextEncoder(AudioEncoder):
        frames: int | None = None
        # transcribe() encodes each window twice, to decode and again to align words: the second time is answered
        # from here. The input is held, so its memory cannot be reused by another mel under the same address;
        # the version counter catches an in-place change
        last: tuple | None = None

        def forward(self, x):
            key = (x.data_ptr(), x.shape, x.stride(), x.dtype, x._version, self.frames)
            if self.last is not None and self.last[0] == key:
                return self.last[2]
            mel = x
            if self.frames and x.shape[-1] > self.frames:
                x = x[..., : self.frames]
            x = F.gelu(self.conv2(F.gelu(self.conv1(x)))).permute(0, 2, 1)
            x = (x + self.positional_embedding[: x.shape[1]]).to(x.dtype)
            for block in self.blocks:
                x = block(x)
            out = self.ln_post(x)
            self.last = (key, mel, out)
            return out

    encoder.__class__ = ShortContextEncoder
    return encoder


class OpenAIWhisperASR:
    """openai-whisper on torch for a local `.pt` (optional extra `whisper-pt`); greedy and guarded like the
    faster-whisper engine, so the streaming policy sees the same kind of output from either."""

    name = "openai-whisper"

    def __init__(self, model: str | os.PathLike[str] | None = None, cfg: Settings | None = None,
                 beam_size: int = 1, short_context: bool = True, device: str | None = None) -> None:
        cfg = cfg or settings()
        if not model:  # the bundled base, once exported by `arbitration models export-pt`
            from arbitration.hearing.models import default_pt_path

            model = default_pt_path(cfg) if default_pt_path(cfg).is_file() else None
        if not model or not Path(model).is_file():
            raise ModelUnavailable(
                f"openai-whisper 需要本地 .pt 模型文件（--model 或配置 asr_model），收到：{model or '空'}；"
                "内置模型可用 arbitration models export-pt 导出"
            )
        try:
            import torch
            import whisper  # noqa: F401
        except ImportError as e:
            raise ModelUnavailable(f"未安装 openai-whisper：{INSTALL_HINT}") from e
        torch.set_num_threads(max(1, cfg.threads))
        self.path = Path(model)
        # the point of the torch engine is an office's GPU: use it when this torch build sees one
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.fp16 = self.device != "cpu"  # torch has no fast float16 on CPU
        # greedy like FasterWhisperASR: the streaming policy re-decodes and keeps what two passes agree on
        self.beam_size = beam_size
        self.model = load_checkpoint(self.path, self.device)
        # encode only the audio that is there (+2 s), not 30 s of padding, as FasterWhisperASR does
        self.short_context = short_context
        self.encoder = _short_context(self.model.encoder)
        # numba compiles openai-whisper's word-timestamp DTW on first use (seconds): pay it here, at load, not on
        # the first words of a hearing (same argument type: a C-contiguous float64 matrix)
        from whisper.timing import dtw_cpu
        from whisper.tokenizer import get_tokenizer

        dtw_cpu(np.zeros((2, 2)))
        # the tokenizer too (cached by its arguments, which transcribe() passes the same way)
        get_tokenizer(self.model.is_multilingual, num_languages=self.model.num_languages, language=LANGUAGE,
                      task="transcribe")

    def transcribe(self, audio: np.ndarray, prompt: str | None = None, hotwords: str | None = None) -> list[Word]:
        audio = np.asarray(audio, dtype=np.float32)
        duration = len(audio) / SAMPLE_RATE
        # even: the second convolution halves the frames
        self.encoder.frames = min(3000, 2 * (int(duration * 50) + 100)) if self.short_context else None
        # openai-whisper has no hotwords option: they go first in the prompt, as faster-whisper puts them first
        # in the previous-text context
        initial = " ".join(p for p in (hotwords, prompt) if p) or None
        try:
            result = self.model.transcribe(
                audio,
                language=LANGUAGE,
                task="transcribe",
                beam_size=self.beam_size if self.beam_size > 1 else None,
                word_timestamps=True,
                initial_prompt=initial,
                condition_on_previous_text=False,  # the streaming layer passes its own prompt
                temperature=0.0,  # no fallback re-decoding: the next streaming pass corrects a bad guess
                # Mandarin is < 8 characters/s: stops runaway loops (at most whisper's own default, half the context)
                sample_len=min(int(duration * 10) + 10, self.model.dims.n_text_ctx // 2),
                fp16=self.fp16,
                verbose=None,
            )
        finally:
            self.encoder.last = None  # free the cached window
        words = []
        for seg in result.get("segments", []):
            for w in seg.get("words", []):
                text = to_simplified(w["word"].strip())
                if text:
                    words.append(Word(float(w["start"]), float(w["end"]), text, float(w.get("probability", 1.0))))
        return drop_loops(words)
