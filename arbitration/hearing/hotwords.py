"""Hotwords from the Case and a legal glossary: the initial prompt for the engine and a correction lexicon that
fixes Whisper's near-homophones in committed text by pinyin similarity (入直→入职, 劳动和统→劳动合同), conservatively.

Rules, each to keep correct text untouched: a term is at least 2 characters; a window is changed only when its
toneless pinyin (read in context) matches the term's, at most one syllable differing by one letter and only
in terms of 4+ characters; the window shares at least one character with the term (two for 4+ characters); and a
character inside an exact occurrence of any lexicon term is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from arbitration.editdistance import levenshtein
from arbitration.model import Case

# words and phrases said in every labour hearing; phrases give short words context (位以申请人签订→未与申请人签订)
GLOSSARY = (
    "仲裁请求", "仲裁委员会", "仲裁庭", "首席仲裁员", "仲裁员", "书记员", "申请人", "被申请人", "委托代理人",
    "法定代表人", "劳动合同", "书面劳动合同", "劳动关系", "解除劳动合同", "终止劳动合同", "经济补偿", "经济补偿金",
    "赔偿金", "二倍工资", "双倍工资", "社会保险", "社会保险费", "加班费", "加班工资", "年休假", "带薪年休假",
    "入职", "离职", "辞退", "未与申请人签订", "未与其签订", "未与我签订", "缴纳", "未缴纳", "补缴", "差额", "工资差额",
    "最低工资", "工作年限", "月平均工资", "试用期", "工伤", "停工留薪期", "伤残等级", "劳动能力鉴定",
    "竞业限制", "违约金", "代通知金", "质证", "举证", "证据", "证明目的", "真实性", "合法性", "关联性",
    "答辩", "答辩意见", "调解", "庭审", "陈述", "工资条", "考勤记录", "银行流水", "解除通知书",
)


@dataclass(frozen=True)
class Lexicon:
    """Terms to prompt with and to correct towards; `case_terms` are the ones that come from the Case."""

    terms: tuple[str, ...]
    case_terms: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()  # said, not corrected: they only go into the prompt
    prompt: str = ""


def _case_terms(case: Case) -> tuple[list[str], list[str]]:
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
    amounts = [f"{c.amount.normalize():f}元" for c in case.claims if c.amount is not None]
    names = [n.strip() for n in names if n and len(n.strip()) >= 2]
    return list(dict.fromkeys(names)), list(dict.fromkeys(amounts))


def build_lexicon(case: Case | None = None, extra: list[str] | None = None) -> Lexicon:
    """Lexicon and prompt for one hearing: the Case's names, places and amounts, then the glossary."""
    case_terms, amounts = _case_terms(case) if case else ([], [])
    case_terms += [t for t in (extra or []) if len(t) >= 2]
    terms = tuple(dict.fromkeys(case_terms + list(GLOSSARY)))
    # Whisper reads its prompt as preceding speech: a short, plain sentence in simplified Chinese
    head = "、".join(case_terms[:12])
    prompt = "以下是劳动争议仲裁庭审的普通话记录。"
    if head:
        prompt += f"当事人：{head}。"
    if amounts:
        prompt += f"金额：{'、'.join(amounts[:6])}。"
    prompt += "涉及解除劳动合同、经济补偿、二倍工资、社会保险、加班费。"
    return Lexicon(terms=terms, case_terms=tuple(case_terms), amounts=tuple(amounts), prompt=prompt)


def _syllables(text: str) -> list[str]:
    """Toneless pinyin per character, read in context (pypinyin's phrase dictionary picks a polyphone's reading);
    non-Han characters stand for themselves."""
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(text, style=Style.NORMAL, errors=lambda x: list(x))
    return out if len(out) == len(text) else [lazy_pinyin(c, style=Style.NORMAL, errors=lambda x: list(x))[0] for c in text]


@lru_cache(maxsize=4096)
def _term_syllables(term: str) -> tuple[str, ...]:
    return tuple(_syllables(term))


def _matches(window: str, win_syl: list[str], term: str) -> bool:
    n = len(term)
    shared = sum(1 for a, b in zip(window, term, strict=True) if a == b)
    if shared < (2 if n >= 4 else 1):
        return False
    near = 0
    for a, b, sa, sb in zip(window, term, win_syl, _term_syllables(term), strict=True):
        if a == b or sa == sb:
            continue
        if n < 4 or levenshtein(sa, sb) > 1:
            return False
        near += 1
        if near > 1:
            return False
    return True


def correct(text: str, lexicon: Lexicon, context: str = "") -> str:
    """Text with near-homophones of lexicon terms replaced by the terms; unchanged when nothing matches.

    `context` is the text just before (the previous committed segment): a term may start there, but only
    characters of `text` are changed, since committed text is never rewritten."""
    if not text:
        return text
    full = context + text
    chars = list(full)
    syl = _syllables(full)
    protected = [i < len(context) for i in range(len(chars))]
    text = full
    terms = sorted({t for t in lexicon.terms if len(t) >= 2}, key=len, reverse=True)
    for t in terms:  # exact occurrences of any term are never touched
        start = text.find(t)
        while start >= 0:
            for i in range(start, start + len(t)):
                protected[i] = True
            start = text.find(t, start + 1)
    for t in terms:  # longest first, so 未与申请人签订 wins over shorter terms
        n = len(t)
        i = 0
        while i + n <= len(chars):
            window = "".join(chars[i : i + n])
            changed = [k for k in range(n) if chars[i + k] != t[k]]
            if changed and not any(protected[i + k] for k in changed) and _matches(window, syl[i : i + n], t):
                chars[i : i + n] = list(t)
                for k in range(i, i + n):
                    protected[k] = True
                i += n
            else:
                i += 1
    return "".join(chars[len(context) :])
