"""The live hearing clerk: streaming Whisper with a LocalAgreement policy, speaker seats, hotword correction, a
journal that never loses a committed word, and the hearing record (庭审笔录) export.

    h = Hearing.start(case, "2024-123-1")      # resumes when the id exists
    for frames in mic_frames(): h.feed(frames)  # or h.feed(pcm_bytes) from the web page
    h.finish(); export(h.dir, "docx")
"""

from arbitration.hearing.asr import ASR, Word, get_asr
from arbitration.hearing.export import export
from arbitration.hearing.hotwords import Lexicon, build_lexicon, correct
from arbitration.hearing.journal import (
    SEATS,
    Hearing,
    Revision,
    Segment,
    load_hints,
    load_meta,
    load_record,
)
from arbitration.hearing.models import prepare_whisper_base
from arbitration.hearing.online import OnlineProcessor
from arbitration.hearing.policy import HypothesisBuffer, LocalAgreement

__all__ = [
    "ASR", "Hearing", "HypothesisBuffer", "Lexicon", "LocalAgreement", "OnlineProcessor", "Revision", "SEATS",
    "Segment", "Word", "build_lexicon", "correct", "export", "get_asr", "load_hints", "load_meta", "load_record",
    "prepare_whisper_base",
]
