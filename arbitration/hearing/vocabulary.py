"""The hearing's domain vocabulary, built from what the project holds instead of a hand list: the Case (names,
places, the job and how it ended), the claim taxonomy (names, aliases, elements, questions for each side), the
statute texts, words of the outline that the caller passes in, and common hearing phrases
(corpus/hearing/phrases.txt). Terms are ranked by how close they are to this hearing, so the prompt stays short.

The hearing stage imports only earlier stages (model, law); the outline's words come in as plain strings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from arbitration.config import CORPUS_DIR
from arbitration.model import Case

PHRASES_FILE = CORPUS_DIR / "hearing" / "phrases.txt"
MAX_TERM = 12  # characters: longer phrases are split at jieba's word boundaries into shorter terms
# words that never make a term on their own or at a term's edge (grammar, not vocabulary)
_EDGE = set("的了和与及或在对把被将为于是也都就而且之其该此这那已另受向从给由以因自到让")
_FUNCTION = {"或者", "以及", "应当", "可以", "不得", "依法", "按照", "依照", "根据", "有关", "其他", "下列", "以上",
             "以下", "本法", "规定", "进行", "之日起", "情形", "情况", "是否", "什么", "多少", "如何", "哪个", "何时"}
_SPLIT = re.compile(r"[^\u4e00-\u9fff]+")
MIN_TERMHOOD = 8.0  # a short word this many times more frequent in the law texts than in general Mandarin is a term


@dataclass(frozen=True)
class Vocabulary:
    """Terms ranked for one hearing (case first), and the texts the domain language model learns from."""

    terms: tuple[str, ...]  # most relevant first: the case, its claim types and outline, hearing phrases, the law
    case_terms: tuple[str, ...]  # names, places and facts of this case
    topic_terms: tuple[str, ...]  # this case's claim types and outline words (the prompt's second part)
    texts: tuple[str, ...]  # sentences for the domain LM
    short_terms: tuple[str, ...] = ()  # terms under 4 characters from the case, its topics and hearing phrases


def phrases() -> list[str]:
    """Common hearing phrases (data file; one a line, # comments)."""
    if not PHRASES_FILE.is_file():
        return []
    lines = PHRASES_FILE.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _words(text: str) -> list[list[str]]:
    """jieba words of each Han run of `text` (no HMM: dictionary words only, the same cut every time)."""
    import jieba

    return [jieba.lcut(run, HMM=False) for run in _SPLIT.split(text) if run]


@lru_cache(maxsize=65536)
def _is_term(t: str) -> bool:
    """2 to MAX_TERM characters, not a function word, and no grammar word at either edge. A grammar character
    inside a noun is no grammar word (「被申请人」, 「理由」 of 「事实和理由」): the edge words are jieba's."""
    if not 2 <= len(t) <= MAX_TERM or t in _FUNCTION:
        return False
    if t[0] not in _EDGE and t[-1] not in _EDGE:
        return True
    import jieba
    import jieba.posseg

    words = jieba.lcut(t, HMM=False)
    nouns = jieba.posseg.dt.word_tag_tab
    return not any(c in _EDGE and not nouns.get(w, "").startswith("n") for w, c in ((words[0], t[0]), (words[-1], t[-1])))


def terms_of(texts: Iterable[str], max_words: int = 2, single_edges: bool = False) -> Counter[str]:
    """Candidate terms of `texts` with their counts: dictionary words of 2+ characters and compounds of up to
    `max_words` adjacent words (「仲裁」「时效」→「仲裁时效」, 「书面」「劳动合同」→「书面劳动合同」), never starting or
    ending with a grammar word; a one-character word stands at a compound's edge only with `single_edges` (for
    written phrases such as 「未与申请人签订」, not for the statutes, where it glues on noise like 「受被申请人」)."""
    found: Counter[str] = Counter()
    for text in texts:
        for words in _words(text):
            for i in range(len(words)):
                for n in range(1, max_words + 1):
                    span = words[i:i + n]
                    if len(span) < n or any(w in _FUNCTION for w in span):
                        break
                    if n > 1 and not single_edges and (len(span[0]) < 2 or len(span[-1]) < 2):
                        continue
                    term = "".join(span)
                    if _is_term(term):
                        found[term] += 1
    return found


@lru_cache(maxsize=1)
def law_texts() -> tuple[str, ...]:
    """Statute articles and every text of the claim taxonomy (names, aliases, elements, evidence, questions)."""
    from arbitration.law.statutes import statutes
    from arbitration.law.taxonomy import taxonomy

    texts = [a.text for law in statutes().laws.values() for a in law.articles.values()]
    for ct in taxonomy().all():
        texts += _claim_texts(ct)
    return tuple(texts)


def _claim_texts(ct) -> list[str]:
    return ([ct.name, *ct.aliases, *ct.questions_applicant, *ct.questions_respondent]
            + [e.name for e in ct.elements] + [x for e in ct.elements for x in e.evidence])


@lru_cache(maxsize=1)
def law_terms() -> tuple[str, ...]:
    """Terms of the law layer, most frequent first: compounds seen at least twice in the statutes (「仲裁时效」
    「书面劳动合同」), and every claim-type name, alias, element and evidence item."""
    from arbitration.law.statutes import statutes
    from arbitration.law.taxonomy import taxonomy

    counts = terms_of(a.text for law in statutes().laws.values() for a in law.articles.values())
    ranked = [t for t, c in counts.most_common() if c >= 2 and len(t) >= 3 or c >= 5]
    named: list[str] = []
    for ct in taxonomy().all():
        named += [t for t in _claim_texts(ct) if _is_term(t)]
        named += list(terms_of(_claim_texts(ct), max_words=4, single_edges=True))
    return tuple(dict.fromkeys(named + ranked))


@lru_cache(maxsize=1)
def _domain_text() -> str:
    return "\n".join(law_texts()) + "\n".join(phrases())


@lru_cache(maxsize=4096)
def termhood(word: str) -> float:
    """How much more often `word` occurs in the law texts and hearing phrases than in general Mandarin (jieba's
    dictionary frequencies): 「缴纳」 54, 「入职」 5000+, 「一直」 0.1, 「公司」 0.1."""
    import jieba

    jieba.dt.check_initialized()
    text = _domain_text()
    general = (jieba.dt.FREQ.get(word) or 0) + 1
    return (text.count(word) / max(len(text), 1)) / (general / jieba.dt.total)


def _fact_texts(case: Case) -> list[str]:
    """The case's facts said in words: the job, the workplace, how the employment ended and why."""
    out: list[str] = []
    for name in ("position", "workplace", "social_insurance", "overtime", "annual_leave"):
        out += [str(v.value) for v in getattr(case.facts, name).values if v.value]
    for v in case.facts.termination.values:
        out += [x for x in (v.value.mode, v.value.reason) if x]
    return out


def _names(case: Case) -> list[str]:
    names: list[str] = []
    for p in case.parties:
        names.append(p.name)
        if p.legal_representative:
            names.append(p.legal_representative.name)
        for a in p.agents:
            names.append(a.name)
            if a.firm:
                names.append(a.firm)
        if p.address:
            names.append(p.address)
    if case.region:
        names.append(case.region)
    return [n.strip() for n in names if n and len(n.strip()) >= 2]


def _claim_type_terms(claim_types: Iterable[str]) -> list[str]:
    from arbitration.law.taxonomy import taxonomy

    tax = taxonomy()
    out: list[str] = []
    for type_id in claim_types:
        if type_id in tax and type_id != "other":
            ct = tax.get(type_id)
            out += [t for t in (ct.name, *ct.aliases) if _is_term(t)]
            out += [t for t, _ in terms_of(_claim_texts(ct), max_words=4, single_edges=True).most_common()]
    return out


def build_vocabulary(case: Case | None = None, outline_words: Iterable[str] = (), extra: Iterable[str] = (),
                     claim_types: Iterable[str] = ()) -> Vocabulary:
    """Ranked vocabulary for one hearing: the case's names and facts, then its claim types and the outline's
    words, then hearing phrases, then the rest of the law layer. `extra` are terms kept from an earlier session
    (meta.json), `claim_types` ids used when no Case is given (a resumed hearing)."""
    case_terms = _names(case) if case else []
    facts = _fact_texts(case) if case else []
    case_terms += [t for t in facts if _is_term(t)] + [t for t in terms_of(facts) if len(t) >= 3]
    case_terms += [t.strip() for t in extra if len(t.strip()) >= 2]
    types = [c.type for c in case.claims] if case else []
    types += list(claim_types)
    outline = [w for w in outline_words if w]
    topic = _claim_type_terms(dict.fromkeys(types))
    topic += [t for t in outline if _is_term(t)] + [t for t, _ in terms_of(outline, max_words=3, single_edges=True).most_common()]
    said = phrases()
    hearing = [p for p in said if _is_term(p)] + list(terms_of(said, max_words=4, single_edges=True))
    case_terms = list(dict.fromkeys(case_terms))
    topic = [t for t in dict.fromkeys(topic) if t not in case_terms]
    terms = tuple(dict.fromkeys(case_terms + topic + hearing + list(law_terms())))
    texts = tuple(law_texts()) + tuple(said) + tuple(outline) + tuple(facts) + tuple(case_terms)
    short = tuple(t for t in dict.fromkeys(topic + hearing) if len(t) < 4 and termhood(t) >= MIN_TERMHOOD)
    short = tuple(t for t in case_terms if len(t) < 4) + short
    return Vocabulary(terms=terms, case_terms=tuple(case_terms), topic_terms=tuple(topic), texts=texts,
                      short_terms=short)
