"""Chinese numerals (小写 and 大写, with 十百千万亿) and mixed forms such as 1.2万 or 1万2千 → Decimal."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "0": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def normalise_digits(text: str) -> str:
    """Full-width digits, dot and comma → ASCII (lengths unchanged, so offsets stay valid)."""
    return text.translate(_FULLWIDTH)


def _arabic_run(text: str, i: int) -> tuple[str, int]:
    j = i
    while j < len(text) and (text[j].isascii() and (text[j].isdigit() or text[j] in ".,")):
        j += 1
    return text[i:j].replace(",", ""), j


def cn_number(text: str) -> Decimal:
    """Parse a Chinese or mixed numeral: 十二 → 12, 二〇二一 → 2021, 壹万贰仟 → 12000, 1.2万 → 12000.

    Raises ValueError for anything that is not a numeral.
    """
    s = normalise_digits(text.strip())
    if not s:
        raise ValueError("empty numeral")
    if all(c in DIGITS or c.isdigit() for c in s) and not s.isdigit():
        # positional form without units: 二〇二一, 一九九〇
        return Decimal("".join(str(DIGITS[c]) if c in DIGITS else c for c in s))
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    i = 0
    while i < len(s):
        c = s[i]
        if c.isascii() and c.isdigit():
            run, i = _arabic_run(s, i)
            try:
                number = Decimal(run)
            except InvalidOperation as e:
                raise ValueError(f"bad number {run!r} in {text!r}") from e
            continue
        if c in DIGITS:
            number = Decimal(DIGITS[c])
        elif c in SMALL_UNITS:
            section += (number if number is not None else Decimal(1)) * SMALL_UNITS[c]
            number = None
        elif c in BIG_UNITS:
            section += number or 0
            total = (total + section) * BIG_UNITS[c] if BIG_UNITS[c] > 10_000 else total + section * BIG_UNITS[c]
            section = Decimal(0)
            number = None
        else:
            raise ValueError(f"not a numeral character {c!r} in {text!r}")
        i += 1
    return total + section + (number or 0)


def cn_int(text: str) -> int:
    """`cn_number` for whole numbers (months, days, years)."""
    value = cn_number(text)
    if value != value.to_integral_value():
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)
