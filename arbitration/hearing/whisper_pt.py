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
from arbitration.hearing.asr import (
    APPEND_PUNCTUATION,
    LANGUAGE,
    PREPEND_PUNCTUATION,
    SAMPLE_RATE,
    Word,
    drop_loops,
    invented,
    words_after,
)

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
    """Let `encoder` (a whisper AudioEncoder) take fewer than 30 s of mel frames, as FasterWhisperASR's encoder
    does (whisper.cpp's audio_ctx), and answer a second call on the same mel from its last result."""
    import torch.nn.functional as F
    from whisper.model import AudioEncoder

    class ShortContextEncoder(AudioEncoder):
        # the window just encoded: decoding and the word alignment after it both encode the same mel. The mel is
        # held, so its memory cannot be reused by another under the same address; its version catches a change
        last: tuple | None = None

        def forward(self, x):
            key = (x.data_ptr(), x.shape, x.stride(), x.dtype, x._version)
            if self.last is not None and self.last[0] == key:
                return self.last[2]
            out = F.gelu(self.conv2(F.gelu(self.conv1(x)))).permute(0, 2, 1)
            out = (out + self.positional_embedding[: out.shape[1]]).to(out.dtype)
            for block in self.blocks:
                out = block(out)
            out = self.ln_post(out)
            self.last = (key, x, out)
            return out

    encoder.__class__ = ShortContextEncoder
    return encoder


def _repetition_penalty(penalty: float, begin: int):
    """A logit filter that lowers tokens already in the sequence from index `begin` on (the forced prefix and
    what was decoded), as CTranslate2's repetition_penalty, which FasterWhisperASR uses: Whisper base loops on
    Mandarin without it."""
    import torch
    from whisper.decoding import LogitFilter

    class RepetitionPenalty(LogitFilter):
        def apply(self, logits, tokens):
            if tokens.shape[1] <= begin:
                return
            previous = tokens[:, begin:]
            scores = torch.gather(logits, 1, previous)
            logits.scatter_(1, previous, torch.where(scores > 0, scores / penalty, scores * penalty))

    return RepetitionPenalty()


class OpenAIWhisperASR:
    """openai-whisper on torch for a local `.pt` (optional extra `whisper-pt`); greedy and guarded like the
    faster-whisper engine, so the streaming policy sees the same kind of output from either."""

    name = "openai-whisper"
    supports_prefix = True

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
        # encode only the audio that is there (+1 s of silence), not 30 s of padding, as FasterWhisperASR does
        self.short_context = short_context
        self.context_pad_s = 1.0
        self.encoder = _short_context(self.model.encoder)
        # numba compiles openai-whisper's word-timestamp DTW on first use (seconds): pay it here, at load, not on
        # the first words of a hearing (same argument type: a C-contiguous float64 matrix)
        from whisper.timing import dtw_cpu
        from whisper.tokenizer import get_tokenizer

        dtw_cpu(np.zeros((2, 2)))
        self.tokenizer = get_tokenizer(self.model.is_multilingual, num_languages=self.model.num_languages,
                                       language=LANGUAGE, task="transcribe")

    def transcribe(self, audio: np.ndarray, prompt: str | None = None, hotwords: str | None = None,
                   prefix: str | None = None) -> list[Word]:
        """Decode `audio` in one window (at most 30 s), as FasterWhisperASR does. `prefix` is text known to open
        the audio (committed words still in the streaming buffer): forced, not decoded again, and only the words
        after it are returned."""
        import torch
        from whisper.audio import N_FRAMES, log_mel_spectrogram
        from whisper.decoding import DecodingOptions, DecodingTask

        audio = np.asarray(audio, dtype=np.float32)[: N_FRAMES * 160]
        duration = len(audio) / SAMPLE_RATE
        if duration < 0.05:
            return []
        n_ctx = self.model.dims.n_text_ctx
        # silence after the audio, in the audio (as openai-whisper pads), then only as many frames as needed
        pad = int(self.context_pad_s * SAMPLE_RATE) if self.short_context else N_FRAMES * 160
        mel = log_mel_spectrogram(torch.from_numpy(audio), self.model.dims.n_mels, padding=pad)
        content = len(audio) // 160
        frames = min(N_FRAMES, content + pad // 160) if self.short_context else N_FRAMES
        mel = mel[:, :frames].to(self.device)
        mel = mel.half() if self.fp16 else mel
        tok = self.tokenizer
        # openai-whisper has no hotwords option: they go first in the previous-text context, as in faster-whisper
        context = " ".join(p for p in (hotwords, prompt) if p)
        forced = tok.encode(" " + prefix.strip())[: n_ctx // 4] if prefix and prefix.strip() else []
        options = DecodingOptions(
            task="transcribe", language=LANGUAGE, temperature=0.0,  # greedy, no fallback: the next pass corrects
            beam_size=self.beam_size if self.beam_size > 1 else None,
            # Mandarin is < 8 characters/s: stops runaway loops (openai-whisper keeps prefix + this ≤ half the context)
            sample_len=max(1, min(int(duration * 10) + 10, n_ctx // 2 - len(forced))),
            prompt=context or None, prefix=forced or None, without_timestamps=True, fp16=self.fp16,
        )
        try:
            with torch.no_grad():
                task = DecodingTask(self.model, options)
                task.logit_filters.append(_repetition_penalty(1.1, task.sample_begin - len(forced)))
                result = task.run(mel[None])[0]
                new = [t for t in result.tokens if t < tok.eot]
                avg_logprob = result.avg_logprob if new else -np.inf
                if not forced and invented(result.no_speech_prob, avg_logprob, tok.decode(new), context):
                    return []  # written where nobody spoke (the rule FasterWhisperASR applies)
                return drop_loops(self._words(forced + new, mel, content, skip=len(forced)))
        finally:
            self.encoder.last = None  # free the cached window

    def _words(self, tokens: list[int], mel, num_frames: int, skip: int = 0) -> list[Word]:
        """Word times by cross-attention alignment (openai-whisper's word_timestamps), without the first `skip`
        tokens (the forced prefix); a word that straddles the boundary keeps only its new part."""
        from whisper.timing import find_alignment, merge_punctuations

        if len(tokens) <= skip:
            return []
        alignment = find_alignment(self.model, self.tokenizer, tokens, mel, num_frames)
        merge_punctuations(alignment, PREPEND_PUNCTUATION, APPEND_PUNCTUATION)
        return words_after(((a.word, a.tokens, a.start, a.end, a.probability) for a in alignment), skip,
                           self.tokenizer.decode)
