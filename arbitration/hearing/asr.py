"""Speech recognition engines behind one small Protocol; chosen by name from Settings.asr.

Contract: `transcribe(audio, prompt, hotwords)` takes 16 kHz mono float32 and returns words with times in
seconds relative to the start of `audio`, in simplified Chinese. Engines hold no streaming state.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from arbitration.config import Settings, settings
from arbitration.errors import ModelUnavailable
from arbitration.hearing.text import to_simplified

SAMPLE_RATE = 16_000  # every engine and the streaming code work at 16 kHz mono
LANGUAGE = "zh"  # hearings are held in Mandarin
NO_SPEECH, MIN_LOGPROB = 0.6, -1.0  # Whisper's silence rule (openai/whisper's defaults)
PREPEND_PUNCTUATION = "\"'“¿([{-"
APPEND_PUNCTUATION = "\"'.。,，!！?？:：”)]}、"


@dataclass(frozen=True)
class Word:
    """One recognised word (for Chinese usually one or two characters)."""

    start: float  # seconds
    end: float  # seconds
    text: str
    probability: float = 1.0


class ASR(Protocol):
    """A speech recogniser; see the module docstring for the contract."""

    name: str

    def transcribe(
        self, audio: np.ndarray, prompt: str | None = None, hotwords: str | None = None
    ) -> list[Word]: ...


def supports_prefix(asr: ASR) -> bool:
    """Whether the engine takes `prefix=` (text forced at the start of the audio, returned with its times)."""
    return bool(getattr(asr, "supports_prefix", False))


def supports_final(asr: ASR) -> bool:
    """Whether the engine takes `final=` and `rescore=` (a beam for the committing pass, its n-best rescored)."""
    return bool(getattr(asr, "supports_final", False))


class FasterWhisperASR:
    """faster-whisper on CTranslate2 (default): the bundled Whisper base, or any local CT2 model dir."""

    name = "faster-whisper"
    supports_prefix = True
    supports_final = True

    def __init__(self, model: str | os.PathLike[str] | None = None, cfg: Settings | None = None,
                 beam_size: int = 1, short_context: bool = True, final_beam_size: int = 5) -> None:
        cfg = cfg or settings()
        from faster_whisper import WhisperModel

        if model:
            path = Path(model)
            if not (path / "model.bin").is_file():
                raise ModelUnavailable(f"{path}：不是 CTranslate2 模型目录（缺少 model.bin）")
        else:
            from arbitration.hearing.models import prepare_whisper_base

            path = prepare_whisper_base(cfg)
        self.path = path
        # greedy: the streaming policy decodes the same audio several times and keeps what two passes agree on;
        # beam 5 streams at RTF 0.26 vs 0.18 for CER 0.121 vs 0.138 on the shared clips, two characters in 60
        # (benchmarks/results/hearing.json)
        self.beam_size = beam_size
        # the pass that commits a whole utterance at a pause (final=True) is decoded once, so it can afford a beam
        # and its n-best can be rescored by the domain LM (see transcribe)
        self.final_beam_size = final_beam_size
        # encode only the audio that is there (+1 s) instead of 30 s of padding: 3–5× faster on short
        # streaming buffers with the same text on the test clips (whisper.cpp calls this audio_ctx)
        self.short_context = short_context
        self.context_pad_s = 1.0  # seconds of silence the encoder sees after the audio (2 s: same text, 12 % slower)
        try:
            self.model = WhisperModel(str(path), device="cpu", compute_type="int8", cpu_threads=cfg.threads)
        except (RuntimeError, ValueError, OSError) as e:
            raise ModelUnavailable(f"无法加载语音模型 {path}：{e}") from e
        from faster_whisper.tokenizer import Tokenizer

        self.tokenizer = Tokenizer(self.model.hf_tokenizer, self.model.model.is_multilingual, task="transcribe",
                                   language=LANGUAGE)

    def transcribe(self, audio: np.ndarray, prompt: str | None = None, hotwords: str | None = None,
                   prefix: str | None = None, final: bool = False,
                   rescore: Callable[[list[tuple[str, float]]], int] | None = None) -> list[Word]:
        """Decode `audio` in one window. `prefix` is text known to open the audio (the streaming layer's committed
        words still in its buffer): it is forced, not decoded again, and only the words after it are returned.
        `final`: the pass whose words are committed without a second look (a pause): decoded with
        `final_beam_size`, and `rescore` picks one of the beam's hypotheses, given as (text, mean log-probability)."""
        from faster_whisper.transcribe import (
            get_ctranslate2_storage,
            get_suppressed_tokens,
        )

        m = self.model
        tok = self.tokenizer
        audio = np.asarray(audio, dtype=np.float32)
        duration = len(audio) / SAMPLE_RATE
        features = m.feature_extractor(audio)
        content = features.shape[-1] - 1
        frames = min(3000, int((duration + self.context_pad_s) * 100)) if self.short_context else 3000
        features = np.pad(features, ((0, 0), (0, max(0, frames - features.shape[-1]))))[:, :frames]
        encoded = m.model.encode(get_ctranslate2_storage(np.ascontiguousarray(features[None])), to_cpu=False)

        context = " ".join(p for p in (hotwords, prompt) if p)
        # the forced words must match the start of the audio, so they are never cut; the prompt gives way so that
        # prompt and prefix together keep half of the decoder's 448 positions, as Whisper does
        forced = tok.encode(" " + prefix.strip()) if prefix and prefix.strip() else []
        budget = m.max_length // 2 - 1 - len(forced)
        said = tok.encode(" " + context)[-budget:] if context and budget > 0 else []
        head = [tok.sot_prev] + said if said else []
        start = head + list(tok.sot_sequence) + [tok.no_timestamps] + forced
        beam = self.final_beam_size if final else self.beam_size
        result = m.model.generate(
            encoded, [start], beam_size=beam, patience=1, num_hypotheses=beam if rescore and beam > 1 else 1,
            repetition_penalty=1.1,  # Whisper base loops on Mandarin without it
            # Mandarin is < 8 characters/s, 1.3 tokens a character (up to 3 for a rare one, the kind a misheard
            # word is): stops runaway loops, not fast speech; never past the decoder's 448 positions
            max_length=min(m.max_length, len(start) + int(duration * 15) + 10),
            return_scores=True, return_no_speech_prob=True, suppress_blank=True,
            suppress_tokens=list(get_suppressed_tokens(tok, [-1])),
        )[0]
        hyps = []
        for ids, score in zip(result.sequences_ids, result.scores, strict=True):
            new = [t for t in ids if t < tok.eot]
            if forced and new[: len(forced)] == forced:  # CTranslate2 returns the forced tokens with the new ones
                new = new[len(forced):]
            hyps.append((new, score * len(new) / (len(new) + 1) if new else -np.inf))  # mean log-prob per token
        pick = rescore([(to_simplified(tok.decode(h)), lp) for h, lp in hyps]) if len(hyps) > 1 else 0
        new, avg_logprob = hyps[pick]
        if not forced and invented(result.no_speech_prob, avg_logprob, to_simplified(tok.decode(new)), context):
            return []
        return after_forced(*self._words(forced + new, encoded, content, skip=len(forced)))

    def _words(self, tokens: list[int], encoded, num_frames: int, skip: int = 0) -> tuple[list[Word], list[Word]]:
        """(the forced words, the words after them) with times by cross-attention alignment (what faster-whisper
        does for word_timestamps=True); the first `skip` tokens are the forced prefix, and a word that straddles
        the boundary keeps only its new part."""
        from faster_whisper.transcribe import merge_punctuations

        if len(tokens) <= skip:
            return [], []
        alignment = self.model.find_alignment(self.tokenizer, [tokens], encoded, num_frames)[0]
        merge_punctuations(alignment, PREPEND_PUNCTUATION, APPEND_PUNCTUATION)
        rows = [(a["word"], a["tokens"], a["start"], a["end"], a["probability"]) for a in alignment]
        said, seen = [], 0
        for text, toks, start, end, probability in rows:
            seen += len(toks)
            if seen > skip:
                break
            if text.strip():
                said.append(Word(round(float(start), 2), round(float(end), 2), to_simplified(text.strip()),
                                 float(probability)))
        return said, words_after(rows, skip, self.tokenizer.decode)


def words_after(aligned, skip: int, decode) -> list[Word]:
    """Words from an alignment's (word, tokens, start, end, probability) rows, without the first `skip` tokens
    (a forced prefix): a word that straddles the boundary keeps only its new part, decoded with `decode`."""
    words, seen = [], 0
    for text, tokens, start, end, probability in aligned:
        seen += len(tokens)
        if seen <= skip or not tokens:
            continue
        new = tokens[max(0, len(tokens) - (seen - skip)):]
        text = to_simplified((text if len(new) == len(tokens) else decode(new)).strip())
        if text:
            words.append(Word(round(float(start), 2), round(float(end), 2), text, float(probability)))
    return words


def invented(no_speech: float, avg_logprob: float, text: str, prompt: str = "") -> bool:
    """Whether a window's text was written over no speech: Whisper's own rule (no-speech probability > 0.6 and
    mean log-probability < -1), its prompt read back (「以下是劳动争议仲裁庭审」 over mains hum: no-speech 0.99 but
    confident), or a very unsure guess where speech is doubtful (「这位是什么?」 over silence: 0.20 / -2.4). Real
    speech on the shared clips scores no-speech < 0.02 and log-probability > -0.6."""
    if no_speech > NO_SPEECH and avg_logprob < MIN_LOGPROB:
        return True
    said = "".join(ch for ch in text if ch.isalnum())
    if no_speech > 0.5 and len(said) >= 4 and said in "".join(ch for ch in prompt if ch.isalnum()):
        return True
    return no_speech > 0.1 and avg_logprob < -1.5


def drop_loops(words: list[Word], max_run: int = 4, max_period: int = 4) -> list[Word]:
    """Cut a hallucinated loop and everything after it, keeping one copy: the same word, or the same group of up
    to `max_period` words (「3-2-3-2-…」), more than `max_run` times in a row (twice for non-Chinese units)."""
    words = drop_counting(words)
    texts = [w.text for w in words]
    for i in range(len(texts)):
        for p in range(1, max_period + 1):
            unit = texts[i : i + p]
            if len(unit) < p:
                break
            reps = 1
            while texts[i + reps * p : i + (reps + 1) * p] == unit:
                reps += 1
            # a loop of digits and dashes (「4-4-4-」) is never Mandarin speech: cut it sooner
            limit = max_run if any("\u4e00" <= c <= "\u9fff" for t in unit for c in t) else 2
            if reps > limit:
                return words[: i + p]
    return drop_echo(words)


def after_forced(said: list[Word], words: list[Word]) -> list[Word]:
    """The new `words` after the forced words `said`, loops and echoes cut; an echo may begin inside the forced
    words (「…的经济|补偿19500元。第三支付…的经济补偿19500元。」), so it is judged with them."""
    words = drop_loops(words)
    return drop_echo(said + words)[len(said):] if said else words


def drop_counting(words: list[Word]) -> list[Word]:
    """Drop 「1-2-3-4」: single digits joined by dashes are Whisper base's filler at the edge of speech; spoken
    numbers come out as 「2021年」「8000」 and phone numbers in groups, which stay."""
    keep, i = [], 0
    while i < len(words):
        j = i
        while j < len(words) and (words[j].text == "-" or (len(words[j].text) == 1 and words[j].text.isdigit())):
            j += 1
        run = words[i:j]
        if sum(w.text.isdigit() for w in run) >= 2 and any(w.text == "-" for w in run):
            i = j
            continue
        keep.extend(run or words[i : i + 1])
        i = max(j, i + 1)
    return keep


def drop_echo(words: list[Word], min_period: int = 3) -> list[Word]:
    """Cut a repeat of the words just before it squeezed into a fraction of their time, and all after it (「各位观众
    晚上好各位观众晚上好」 with the second copy in 0.1 s; a sentence said once and then looped at zero length in
    the middle of a window): Whisper's echo, never speech. A repeat said at its own pace (two parties both
    answering 「没有异议。」) stays."""
    texts = [w.text for w in words]
    for j in range(min_period, len(words) - min_period + 1):
        for p in range(min(j, len(words) - j), min_period - 1, -1):
            if texts[j:j + p] == texts[j - p:j]:
                first = words[j - 1].end - words[j - p].start
                echo = words[j + p - 1].end - words[j].start
                if echo < 0.5 * first:
                    return words[:j]
    return words


# engine name -> "module:class", imported only when chosen (openai-whisper pulls torch)
ENGINES: dict[str, str] = {
    "faster-whisper": "arbitration.hearing.asr:FasterWhisperASR",
    "openai-whisper": "arbitration.hearing.whisper_pt:OpenAIWhisperASR",
}


def get_asr(name: str | None = None, model: str | None = None, cfg: Settings | None = None) -> ASR:
    """The engine named `name` (default Settings.asr) loaded with `model` (default Settings.asr_model).

    A `.pt` file always goes to openai-whisper; a directory to faster-whisper.
    """
    cfg = cfg or settings()
    model = model or cfg.asr_model or None
    name = name or cfg.asr
    if model and str(model).endswith(".pt"):
        name = "openai-whisper"
    if name not in ENGINES:
        raise ModelUnavailable(f"未知的语音识别引擎 {name!r}；可选：{', '.join(ENGINES)}")
    module, _, cls = ENGINES[name].partition(":")
    return getattr(importlib.import_module(module), cls)(model, cfg=cfg)
