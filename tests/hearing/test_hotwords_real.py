"""Lexicon correction on recognised speech with case terms (tests/hearing/data/hearing_terms.flac, a synthetic
hearing made by make_hearing_audio.py): it lowers or keeps the CER, never raises it, and the journal keeps the
recognised text beside the corrected one."""

from __future__ import annotations

import json

import pytest
from hearing_audio import HERE

from arbitration.hearing import Hearing, build_lexicon, correct, load_record
from arbitration.hearing.audio import file_frames, read_audio
from arbitration.hearing.text import (
    cer_counts,
    normalize_numbers,
    normalize_punctuation,
)
from arbitration.model import Agent, Case, Party, PartyKind, PartyRole

pytestmark = pytest.mark.slow
DATA = HERE / "data"


@pytest.fixture(scope="module")
def hearing_audio():
    meta = json.loads((DATA / "hearing_terms.json").read_text(encoding="utf-8"))
    return read_audio(DATA / "hearing_terms.flac")[:, 0], meta


def _case(meta) -> Case:
    names = meta["case"]
    return Case(parties=[
        Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=names["applicant"]),
        Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=names["respondent"],
              agents=[Agent(name=names["respondent_agent"])]),
    ])


def test_lexicon_correction_lowers_cer_on_case_terms(asr, hearing_audio):
    audio, meta = hearing_audio
    lexicon = build_lexicon(_case(meta))
    raw_errors = fixed_errors = total = 0
    for line in meta["lines"]:
        words = asr.transcribe(audio[int(line["start"] * 16000) : int(line["end"] * 16000)])
        raw = normalize_punctuation(normalize_numbers("".join(w.text for w in words)))
        fixed = correct(raw, lexicon)
        r, n = cer_counts(line["text"], raw)
        f, _ = cer_counts(line["text"], fixed)
        assert f <= r, f"correction made {raw!r} worse: {fixed!r}"
        raw_errors, fixed_errors, total = raw_errors + r, fixed_errors + f, total + n
    assert raw_errors / total < 0.5  # the engine heard the hearing at all
    assert fixed_errors < raw_errors  # and the lexicon fixed some of it


def test_journal_keeps_raw_text_beside_corrected(cfg, asr, hearing_audio):
    audio, meta = hearing_audio
    line = meta["lines"][1]  # 「我于2021年3月1日入职青岛海程物流有限公司，公司一直未与我签订书面劳动合同。」
    piece = audio[int(line["start"] * 16000) : int((line["end"] + 0.8) * 16000)]
    h = Hearing.start(_case(meta), "terms", cfg=cfg, asr=asr)
    try:
        for chunk in file_frames(piece[:, None], chunk_s=0.5, realtime=True, speed=4.0):
            h.feed(chunk)
        h.finish()
    finally:
        h.close()
    record = load_record(h.dir)
    text = "".join(s.text for s in record)
    raw = "".join(s.raw_text for s in record)
    assert "青岛海程物流有限公司" in text or "入职" in text, text
    r, _ = cer_counts(line["text"], raw)
    f, _ = cer_counts(line["text"], text)
    assert f <= r
    for s in record:
        assert s.corrected == (s.text != s.raw_text)
    stored = [json.loads(x) for x in (h.dir / "journal.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["raw_text"] for x in stored if x["type"] == "segment"] == [s.raw_text for s in record]


@pytest.fixture(scope="module")
def long_hearing():
    meta = json.loads((DATA / "hearing_long.json").read_text(encoding="utf-8"))
    return read_audio(DATA / "hearing_long.flac")[:, 0], meta


def _long_case(meta) -> Case:
    from arbitration.model import Claim, Provenance, Side

    c = meta["case"]
    case = Case(parties=[
        Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=c["applicant"]),
        Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=c["respondent"],
              agents=[Agent(name=c["respondent_agent"])]),
    ], claims=[Claim(type=t, text=t) for t in c["claims"]])
    case.facts.position.add(c["position"], Provenance(file="仲裁申请书"), Side.APPLICANT)
    return case


def test_domain_vocabulary_never_makes_a_line_of_the_mock_hearing_worse(asr, long_hearing):
    """Issue 17: the lexicon built from the law layer, the case and its outline, on Whisper base's reading of the
    lines of the four-minute mock hearing that carry legal terms (a third of them: small data)."""
    from arbitration.outline.words import outline_words

    audio, meta = long_hearing
    case = _long_case(meta)
    lexicon = build_lexicon(case, outline_words=outline_words(case))
    raw_errors = fixed_errors = 0
    lines = [ln for ln in meta["lines"] if any(t in ln["text"] for t in ("仲裁时效", "拖欠工资", "绩效奖金", "有无异议",
                                                                      "经济补偿", "书面劳动合同"))]
    for line in lines[::2]:
        words = asr.transcribe(audio[int(line["start"] * 16000): int(line["end"] * 16000)],
                               prompt=lexicon.prompt)
        raw = normalize_punctuation(normalize_numbers("".join(w.text for w in words)))
        fixed = correct(raw, lexicon)
        r, _ = cer_counts(line["text"], raw)
        f, _ = cer_counts(line["text"], fixed)
        assert f <= r, f"correction made {raw!r} worse: {fixed!r}"
        raw_errors, fixed_errors = raw_errors + r, fixed_errors + f
    assert fixed_errors <= raw_errors
