"""Plain text in UTF-8, GB18030/GBK or UTF-16: every plausible decoding is scored for Chinese plausibility,
so a GBK file is never shown as mojibake and a UTF-8 file never as GBK nonsense."""

from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from arbitration.errors import CorruptFile, EmptyFile
from arbitration.model import Method, Page

MIN_PLAUSIBILITY = 0.85  # below this no decoding is trusted
# tried in this order; on equal plausibility the earlier one wins
CANDIDATES = ("utf-8", "gb18030", "big5")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_PUNCT = set("，。、；：？！“”‘’（）《》【】—…·～％＋－×÷　「」『』〔〕［］｛｝／＜＞＝﹝﹞・")


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """The 6,763 hanzi and symbols of GB2312: the characters everyday Chinese text is made of."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def plausibility(text: str) -> float:
    """Mean per-character plausibility of Chinese text: 1 for ASCII, common hanzi and CJK punctuation,
    0.5 for rarer CJK, 0.2 for other letters, 0 for controls, private-use and replacement characters."""
    if not text:
        return 0.0
    common = _common_hanzi()
    score = 0.0
    for ch in text:
        code = ord(ch)
        if (32 <= code < 127) or ch in "\n\r\t" or ch in common or ch in _PUNCT:
            score += 1.0
        elif 0x3400 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF or 0x3000 <= code <= 0x303F:
            score += 0.5
        elif ch == "\ufffd" or code < 32 or 0xE000 <= code <= 0xF8FF:
            continue
        elif ch.isalpha():
            score += 0.2
        else:
            score += 0.5
    return score / len(text)


def _hanzi_share(text: str) -> float:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") / max(len(text), 1)


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) for bytes of unknown encoding; raises ValueError when nothing decodes plausibly."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding.removesuffix("-sig")
    decodings: list[tuple[str, str]] = []
    for encoding in CANDIDATES:
        try:
            decodings.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    guess = from_bytes(data[:65536]).best()
    if guess is not None and guess.encoding not in CANDIDATES:
        try:
            decodings.append((data.decode(guess.encoding), guess.encoding))
        except (UnicodeDecodeError, LookupError):
            pass  # the guess was made on a prefix; the whole file does not decode with it
    if not decodings:
        raise ValueError("no candidate encoding decodes these bytes")
    # equal plausibility (GBK 「伪」 and UTF-8 「α」 are the same bytes): the decoding with more hanzi wins
    scored = [
        (plausibility(text[:20000]), _hanzi_share(text[:20000]), -i, text, enc)
        for i, (text, enc) in enumerate(decodings)
    ]
    best = max(scored)
    if best[0] < MIN_PLAUSIBILITY:
        raise ValueError(f"best decoding {best[4]} is implausible ({best[0]:.2f})")
    return best[3], best[4]


def read_txt(path: Path, name: str) -> tuple[list[Page], str]:
    """One Page with the decoded text (line ends normalised) and the encoding that was detected."""
    data = path.read_bytes()
    try:
        text, encoding = decode_text(data)
    except ValueError as e:
        raise CorruptFile(name, "无法识别文本文件的编码（可能不是文本文件），请另存为 UTF-8 后再提交", kind="corrupt") from e
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise EmptyFile(name, "文本文件中没有文字", kind="no_text")
    return [Page(number=1, text=text, method=Method.TXT)], encoding
