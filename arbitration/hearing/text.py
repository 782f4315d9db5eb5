"""Text clean-up for recognised speech: traditional → simplified (OpenCC) and numbers/dates written the way a
hearing record writes them (「2021年3月1日」「8000元」), conservatively: only patterns that cannot mean anything else."""

from __future__ import annotations

import re
from functools import lru_cache

from arbitration.editdistance import levenshtein

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN = "零〇○一二两三四五六七八九十百千万"


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (Whisper sometimes answers in traditional characters)."""
    return _t2s().convert(text) if text else text


def cn_to_int(s: str) -> int | None:
    """「八千五百」→ 8500, 「一万二千」→ 12000, 「十五」→ 15; None when `s` is not a well-formed numeral."""
    if not s or any(c not in _CN for c in s):
        return None
    if "万" in s:
        high, _, low = s.partition("万")
        if "万" in low:
            return None
        h = cn_to_int(high) if high else None
        if h is None:
            return None
        lo = cn_to_int(low) if low else 0
        if lo is None:
            return None
        if low and len(low) == 1 and low in _DIGITS and low != "零":  # 「一万五」= 15000
            lo = _DIGITS[low] * 1000
        return h * 10000 + lo
    total, digit, last_unit, zero = 0, None, 10_000, False
    for c in s:
        if c in _DIGITS:
            zero = zero or _DIGITS[c] == 0
            if digit is not None and digit != 0:
                return None  # 「二三」: a digit string, not a numeral with units
            digit = _DIGITS[c]
        else:
            unit = _UNITS[c]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit, zero = None, unit, False
    if digit:
        if last_unit <= 10 or last_unit == 10_000 or zero:  # 一百零五 = 105
            total += digit
        else:  # 「八千五」= 8500: a trailing digit is worth a tenth of the last unit
            total += digit * last_unit // 10
    return total


def _year(m: re.Match[str]) -> str:
    return "".join(str(_DIGITS[c]) for c in m.group(1)) + "年"


def _num_unit(m: re.Match[str]) -> str:
    n = cn_to_int(m.group(1))
    return m.group(0) if n is None else f"{n}{m.group(2)}"


def _wan(m: re.Match[str]) -> str:
    whole, rest = m.group(1), m.group(2) or ""
    if "." in whole and rest:  # 「1.5万300元」 is not a way to say a sum
        return m.group(0)
    head, _, tail = whole.partition(".")
    return f"{int(head) * 10000 + int((tail + '0000')[:4]) + int(rest or 0)}{m.group(3)}"


def _date(m: re.Match[str]) -> str:
    mon, day = cn_to_int(m.group(1)), cn_to_int(m.group(2))
    if mon is None or day is None or not (1 <= mon <= 12 and 1 <= day <= 31):
        return m.group(0)
    return f"{mon}月{day}{m.group(3)}"


_PUNCT = str.maketrans({",": "，", "?": "？", "!": "！", ":": "：", ";": "；"})


def normalize_punctuation(text: str) -> str:
    """ASCII punctuation between Chinese words → full-width, as a Chinese record writes it (「1,000」 stays)."""
    return re.sub(r"(?<!\d)[,?!:;]|[,?!:;](?!\d)", lambda m: m.group(0).translate(_PUNCT), text)


def normalize_numbers(text: str) -> str:
    """Write years, month-day dates and amounts in Arabic numerals; leave every other numeral alone.

    「二零二一年三月一日」→「2021年3月1日」, 「八千元」→「8000元」, 「１２月」→「12月」; 「一日三餐」「一个月」 stay.
    """
    text = text.translate(_FULLWIDTH)
    # four spoken digits before 年 is a year: 二零二一年
    text = re.sub(r"([零〇○一二三四五六七八九]{4})年", _year, text)
    # 三月一日 / 十二月三十一号: a month and a day together
    text = re.sub(r"([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})([日号])", _date, text)
    # Arabic month + Chinese day or the reverse are rare; leave them
    # amounts: 八千元, 一万二千元, 三百块, 五千五百元整; a lone 「一元」 stays (一元化 …)
    text = re.sub(r"([零两一二三四五六七八九十百千万]{2,})(元|块钱|块)", _num_unit, text)
    # Whisper writes a sum half in figures (「6万元」「1万3000元」「1.5万元」): all in figures, as the record does;
    # 「6万多元」 stays
    text = re.sub(r"(?<![\d.])(\d{1,4}(?:\.\d{1,4})?)万(\d{1,4})?(元|块钱|块)", _wan, text)
    # a span in years/months/days: 工作了三年 stays as said (the record keeps spoken durations)
    return text


_NOT_SCORED = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65!-/:-@\[-`{-~]")


def cer_counts(reference: str, hypothesis: str) -> tuple[int, int]:
    """(character edit distance, reference length) after dropping spaces and punctuation and converting to
    simplified; summed over clips they give a pooled CER."""
    ref = _NOT_SCORED.sub("", to_simplified(reference))
    hyp = _NOT_SCORED.sub("", to_simplified(hypothesis))
    return levenshtein(ref, hyp), len(ref)


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate of `hypothesis` against `reference` (punctuation and spaces not scored)."""
    errors, n = cer_counts(reference, hypothesis)
    return errors / n if n else float(errors > 0)
