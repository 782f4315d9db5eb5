"""Hotwords for one hearing: the initial prompt for the engine and a correction lexicon that fixes Whisper's
near-homophones in committed text by pinyin similarity (入直→入职, 劳动和统→劳动合同, 重裁时效→仲裁时效).
The terms come from the hearing's domain vocabulary (arbitration.hearing.vocabulary), not from a hand list.

Rules, each to keep correct text untouched (measured on real judgments: benchmarks/results/hearing.json):
- a window is changed only when its toneless pinyin (read in context) is the term's and it shares at least one
  character with the term (two for a term of 4 characters), and the domain language model (arbitration.hearing.lm) does not
  find the term less likely there than what was recognised;
- in a term of 4+ characters, one syllable may be near rather than equal (see _sounds_like), or fewer characters
  shared (托建公资→拖欠工资), only when every changed character keeps the term's tone and the language model
  prefers the term by LM_MARGIN; with every other syllable the term's, the one left may differ in its final alone
  (讲那/缴纳), and with every other character right, a syllable one letter off may differ in tone (倡库/仓库);
- never: inside an exact occurrence of any lexicon term, across a word boundary of the recognised text, on a window
  that is a common word itself (「一直」「理智」), on a numeral; terms under 4 characters only from the case, its
  claim types, the outline and the hearing phrases, and only domain words (see vocabulary.termhood).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from arbitration.editdistance import levenshtein
from arbitration.model import Case

WORD_FREQ = 50  # a window this common in jieba's dictionary (「一直」 18596, 「理智」 1007; 「入直」 3) is a word said right
LM_MARGIN = 8.0  # natural-log odds the domain LM must give a sounds-alike term (1,276 sentences of real judgments and typical cases: 5 changed 12, 8 changes 7)
# weight of the domain LM's log-probability per character against Whisper's per token when it rescores the beam's
# readings (lm.pick). 0: off. Streamed in fixed steps, the mock hearing's first half had 39 errors at 0, 46 at 0.1,
# 40 at 0.2 (the second half 37 / 48 / 38), though the raw text gained (CER 0.163 -> 0.146 at 0.2): the corrector
# already makes the same fixes, and a changed reading changes every later pass (bench_hearing, tuning_issue17)
LM_WEIGHT = 0.0
PROMPT_TOPIC_CHARS = 60  # the prompt's list of this case's topics stays this short (Whisper reads it as speech)
_NUMERALS = set("零〇一二两三四五六七八九十百千万亿0123456789")
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c",
             "s", "y", "w")


@dataclass(frozen=True)
class Lexicon:
    """Terms to prompt with and to correct towards; `case_terms` are the ones that come from the Case."""

    terms: tuple[str, ...]
    case_terms: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()  # said, not corrected: they only go into the prompt
    prompt: str = ""
    texts: tuple[str, ...] = field(default=(), repr=False)  # the domain LM's training text (none: no LM check)
    claim_types: tuple[str, ...] = ()  # the case's claim types (kept in meta.json for a resumed hearing)
    short_targets: frozenset[str] = frozenset()  # terms under 4 characters that text may be corrected towards


def _amounts(case: Case) -> list[str]:
    return list(dict.fromkeys(f"{c.amount.normalize():f}元" for c in case.claims if c.amount is not None))


def _topics(terms: tuple[str, ...], budget: int) -> list[str]:
    """The first terms that fit in `budget` characters, skipping one already inside a chosen term."""
    chosen: list[str] = []
    used = 0
    for t in terms:
        if used + len(t) > budget:
            break
        if not any(t in c or c in t for c in chosen) and len(t) <= 8:
            chosen.append(t)
            used += len(t) + 1
    return chosen


def build_lexicon(case: Case | None = None, extra: list[str] | None = None, outline_words: list[str] | None = None,
                  claim_types: list[str] | None = None) -> Lexicon:
    """Lexicon and prompt for one hearing: the Case's names, places, facts and amounts, its claim types and the
    outline's words (`outline_words`, from the caller), common hearing phrases and the law layer's terms.
    `extra` and `claim_types` restore a resumed hearing's case terms and claim types when no Case is given."""
    from arbitration.hearing.vocabulary import build_vocabulary

    vocab = build_vocabulary(case, outline_words or (), extra or (), claim_types or ())
    amounts = _amounts(case) if case else []
    types = list(dict.fromkeys([c.type for c in case.claims] if case else list(claim_types or [])))
    # Whisper reads its prompt as preceding speech: a short, plain sentence in simplified Chinese
    prompt = "以下是劳动争议仲裁庭审的普通话记录。"
    if vocab.case_terms:
        prompt += f"当事人：{'、'.join(vocab.case_terms[:8])}。"
    if amounts:
        prompt += f"金额：{'、'.join(amounts[:4])}。"
    topics = _topics(vocab.topic_terms, PROMPT_TOPIC_CHARS) or ["解除劳动合同", "经济补偿", "二倍工资", "社会保险"]
    prompt += f"涉及{'、'.join(topics)}。"
    return Lexicon(terms=vocab.terms, case_terms=vocab.case_terms, amounts=tuple(amounts), prompt=prompt,
                   texts=vocab.texts, claim_types=tuple(types), short_targets=frozenset(vocab.short_terms))


def _syllables(text: str, tones: bool = False) -> list[str]:
    """Toneless pinyin per character (with `tones`: the tone digit, 1-5), read in context (pypinyin's phrase
    dictionary picks a polyphone's reading); non-Han characters stand for themselves."""
    from pypinyin import Style, lazy_pinyin

    style = Style.TONE3 if tones else Style.NORMAL
    out = lazy_pinyin(text, style=style, errors=lambda x: list(x), neutral_tone_with_five=True)
    if len(out) != len(text):
        out = [lazy_pinyin(c, style=style, errors=lambda x: list(x), neutral_tone_with_five=True)[0] for c in text]
    return [s[-1] if s[-1:].isdigit() else "" for s in out] if tones else out


@lru_cache(maxsize=16384)
def _term_syllables(term: str) -> tuple[str, ...]:
    return tuple(_syllables(term))


@lru_cache(maxsize=16384)
def _term_tones(term: str) -> tuple[str, ...]:
    return tuple(_syllables(term, tones=True))


@lru_cache(maxsize=16384)
def _readings(char: str) -> frozenset[str]:
    """Every reading of a character with its tone (长: chang2, zhang3): a polyphone read one way in context may
    have been heard the other way."""
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0])





def _initial(s: str) -> str:
    return next((i for i in _INITIALS if s.startswith(i)), "")


def _near(a: str, b: str, n: int) -> bool:
    """Two syllables a recogniser confuses: one letter apart (jian/qian), or in a long term the same initial with
    one final the start of the other (shuang/shu), where the other characters already pin the term down."""
    if levenshtein(a, b) <= 1:
        return True
    ia, ib = _initial(a), _initial(b)
    fa, fb = a[len(ia):], b[len(ib):]
    return n >= 5 and ia != "" and ia == ib and bool(fa) and bool(fb) and (fa.startswith(fb) or fb.startswith(fa))


def _is_word(window: str) -> bool:
    """Whether `window` is itself a common word of jieba's general dictionary (「一直」「理智」): said right, so left
    alone."""
    import jieba

    jieba.dt.check_initialized()
    return (jieba.dt.FREQ.get(window) or 0) >= WORD_FREQ


def _in_number(chars: list[str], k: int) -> bool:
    return any(0 <= j < len(chars) and chars[j] in _NUMERALS for j in (k - 1, k + 1))


def _edges(text: str) -> set[int]:
    """Where jieba (dictionary words only) puts word boundaries in `text`: a replacement must start and end on
    one, so a word said right is never cut (「双方|是否」 is not 「方式」, 「一直」 is not 「一致」)."""
    import jieba

    edges, at = {0}, 0
    for w in jieba.lcut(text, HMM=False):
        at += len(w)
        edges.add(at)
    return edges


def _sounds_like(window: str, win_syl: list[str], term: str) -> tuple[int, int] | None:
    """(characters shared with `term`, syllables only near) when `window` sounds like it, else None. A syllable
    is near when it is one letter away (jian/qian; in 5+ characters also the same initial, shuang/shu) or is
    another reading of a polyphone (不长, read bu zhang, for 补偿); when every other syllable is the term's, also
    when only its final differs (讲那社会保险 for 缴纳社会保险: jiang/jiao)."""
    n = len(term)
    near = shared = 0
    term_syl = _term_syllables(term)
    lone = sum(sa != sb for sa, sb in zip(win_syl, term_syl, strict=True)) == 1
    for a, b, sa, sb in zip(window, term, win_syl, term_syl, strict=True):
        if a == b:
            shared += 1
            continue
        if b in _NUMERALS:  # a numeral is never written where none was heard (第二十九条 is never 第二十六条)
            return None
        if sa == sb:
            continue
        if n < 4 or not (_near(sa, sb, n) or any(r.rstrip("12345") == sb for r in _readings(a))
                         or lone and _initial(sa) != "" and _initial(sa) == _initial(sb)):
            return None
        near += 1
        if near > 1:
            return None
    return shared, near


@lru_cache(maxsize=8)
def _index(terms: tuple[str, ...]) -> dict[str, list[tuple[str, int]]]:
    """(term, offset) keyed by the character and the syllable at offsets 0 and 1 of each term: a window can sound
    like a term only if one of its first two characters is said right, so only these few are tried."""
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for t in terms:
        if len(t) < 2:
            continue
        syl = _term_syllables(t)
        for k in (0, 1):
            for key in {t[k], syl[k]}:
                index[key].append((t, k))
    return index


@lru_cache(maxsize=8)
def _term_set(terms: tuple[str, ...]) -> tuple[frozenset[str], int]:
    return frozenset(terms), max((len(t) for t in terms), default=0)


_LM_LOCK = threading.Lock()  # the warm-up thread and a commit may ask for the same model: build it once


def _lm(texts: tuple[str, ...]):
    with _LM_LOCK:
        return _built_lm(texts)


@lru_cache(maxsize=4)
def _built_lm(texts: tuple[str, ...]):
    from arbitration.hearing.lm import CharLM

    return CharLM(texts)


def warm(lexicon: Lexicon) -> threading.Thread | None:
    """Build the lexicon's language model in a background thread (a few seconds, once per process), so the first
    correction that needs it does not hold up a commit."""
    if not lexicon.texts:
        return None
    thread = threading.Thread(target=_lm, args=(lexicon.texts,), daemon=True, name="hearing-lm")
    thread.start()
    return thread


def rescorer(lexicon: Lexicon, weight: float = LM_WEIGHT):
    """A function (hypotheses, text before) -> index of the best, for the engine's n-best (see lm.pick), or None
    without LM texts or weight. Until the background build is done it keeps the engine's first choice."""
    if not lexicon.texts or weight <= 0:
        return None
    from arbitration.hearing.lm import pick

    def choose(hyps: list[tuple[str, float]], before: str = "") -> int:
        if not _LM_LOCK.acquire(blocking=False):  # still being built: never hold up a commit
            return 0
        try:
            lm = _built_lm(lexicon.texts)
        finally:
            _LM_LOCK.release()
        return pick(lm, hyps, before, weight)

    return choose


def _prefers(lexicon: Lexicon, chars: list[str], i: int, term: str, margin: float) -> bool:
    """Whether the domain LM prefers `term` at chars[i:] to what is there by `margin` (natural log), with two
    characters of context on either side; without LM texts, only a zero margin passes."""
    if not lexicon.texts:
        return margin <= 0
    lm = _lm(lexicon.texts)
    n = len(term)
    before, after = "".join(chars[max(0, i - 2):i]), "".join(chars[i + n:i + n + 2])
    old = lm.score("".join(chars[i:i + n]) + after, before)
    return lm.score(term + after, before) - old >= margin


def _targets(lexicon: Lexicon) -> tuple[str, ...]:
    """The terms text may be corrected towards: every term of 4+ characters, and shorter ones only from the
    case, its claim types, the outline and the hearing phrases (a two-character word of the statutes such as
    「一方」「日期」 is as likely to be a homophone said right: 乙方, 日起)."""
    return tuple(t for t in lexicon.terms if len(t) >= 4 or t in lexicon.short_targets)


def correct(text: str, lexicon: Lexicon, context: str = "") -> str:
    """Text with near-homophones of lexicon terms replaced by the terms; unchanged when nothing matches.

    `context` is the text just before (the previous committed segment): a term may start there, but only
    characters of `text` are changed, since committed text is never rewritten."""
    if not text:
        return text
    full = context + text
    chars = list(full)
    syl = _syllables(full)
    tones = _syllables(full, tones=True)
    protected = [i < len(context) for i in range(len(chars))]
    known, longest = _term_set(lexicon.terms)
    for i in range(len(full)):  # exact occurrences of any term are never touched
        for n in range(2, min(longest, len(full) - i) + 1):
            if full[i:i + n] in known:
                protected[i:i + n] = [True] * n
    index = _index(_targets(lexicon))
    tries: set[tuple[str, int]] = set()
    for i, (c, s) in enumerate(zip(chars, syl, strict=True)):
        for key in {c, s}:
            tries.update((t, i - k) for t, k in index.get(key, ()) if 0 <= i - k <= len(chars) - len(t))
    edges = _edges(full)
    # longest first, so 未与申请人签订 wins over shorter terms; then left to right
    for t, i in sorted(tries, key=lambda x: (-len(x[0]), x[0], x[1])):
        n = len(t)
        if i not in edges or i + n not in edges:
            continue
        changed = [k for k in range(n) if chars[i + k] != t[k]]
        if not changed or any(protected[i + k] for k in changed):
            continue
        window = "".join(chars[i:i + n])
        if _is_word(window):
            continue
        match = _sounds_like(window, syl[i:i + n], t)
        if match is None:
            continue
        shared, near = match
        # said alike with some characters right; five syllables alike in a row are evidence enough with one
        plain = not near and shared >= (2 if n == 4 else 1)
        # otherwise a near syllable keeps the term's tone: Whisper's real slips do (托建公资/拖欠工资, 双面/书面),
        # the homophones of other words mostly do not (司机/实际, 下班/加班, 放假/丧假)
        # with every other character of the term said right, a syllable one letter off need not keep its tone
        # (倡库管理员: chang4 for cang1): the others pin the term down, and the language model must prefer it
        alone = shared == n - 1 and all(_near(syl[i + k], _term_syllables(t)[k], 0) for k in changed)
        if not plain and not alone and (n < 4 or not all(
                tones[i + k] == _term_tones(t)[k] or _term_syllables(t)[k] + _term_tones(t)[k] in _readings(chars[i + k])
                for k in changed if syl[i + k] != _term_syllables(t)[k])):
            continue
        if any(chars[i + k] in _NUMERALS and _in_number(chars, i + k) for k in changed):
            continue  # a digit of a number said (十五日) is never rewritten
        if _prefers(lexicon, chars, i, t, 0.0 if plain else LM_MARGIN):
            chars[i:i + n] = list(t)
            protected[i:i + n] = [True] * n
    return "".join(chars[len(context):])
