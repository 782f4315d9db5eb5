"""Chinese numerals for statute references: 47 ⇄ 「四十七」, 101 ⇄ 「一百零一」."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = [(1000, "千"), (100, "百"), (10, "十")]
_VALUE = {c: i for i, c in enumerate(_DIGITS)} | {"〇": 0, "两": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}


def to_chinese(n: int) -> str:
    """Write 1–9999 the way statutes number articles: 10 → 十, 15 → 十五, 101 → 一百零一, 110 → 一百一十."""
    if not isinstance(n, int) or n < 0 or n > 9999:
        raise ValueError(f"只支持0至9999的整数：{n!r}")
    if n == 0:
        return "零"
    out: list[str] = []
    rest = n
    pending_zero = False
    for unit, name in _UNITS:
        d, rest = divmod(rest, unit)
        if d:
            if pending_zero:
                out.append("零")
                pending_zero = False
            # 「十五」 not 「一十五」 when ten is the leading unit
            if not (unit == 10 and d == 1 and not out):
                out.append(_DIGITS[d])
            out.append(name)
        elif out:
            pending_zero = True
    if rest:
        if pending_zero:
            out.append("零")
        out.append(_DIGITS[rest])
    return "".join(out)


def from_chinese(text: str) -> int:
    """Read 「四十七」「一百零一」「十」「47」 back to an int; ValueError for anything else."""
    s = text.strip()
    if not s:
        raise ValueError("空的数字")
    if s.isascii() and s.isdigit():
        return int(s)
    if all(c.isdigit() for c in s):  # full-width digits
        return int("".join(str(int(c)) for c in s))
    total, digit = 0, None
    for c in s:
        if c in _VALUE:
            if digit is not None and c not in "零〇":
                raise ValueError(f"无法识别的中文数字：{text}")
            digit = _VALUE[c] if c not in "零〇" else None
        elif c in _UNIT_VALUE:
            total += (1 if digit is None else digit) * _UNIT_VALUE[c]
            digit = None
        else:
            raise ValueError(f"无法识别的中文数字：{text}")
    if digit is not None:
        total += digit
    return total
