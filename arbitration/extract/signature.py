"""The closing of an application or a defence — 「此致 ××仲裁委员会」, the signer (「申请人：赵某某」「答辩人：某公司（盖章）」),
the date — is not part of what the party argues: `without_signature` stops a quoted statement where it begins."""

from __future__ import annotations

import re

_NUM = r"[\d〇○零一二三四五六七八九十]"
# a line that opens the closing: everything from it on is the closing
_OPENS = re.compile(r"^\s*(?:此致|谨呈|此呈)")
# lines a closing is made of (read from the end of the text upwards)
_CLOSING_LINE = re.compile(
    r"^\s*(?:"
    r"(?:此致|谨呈|此呈|敬礼)[\s\S]*"
    r"|[\u4e00-\u9fa5（）()]{2,30}(?:仲裁委员会|仲裁院|人民法院)"
    r"|(?:申请人|被申请人|答辩人|被答辩人|具状人|(?:委托)?代理人|法定代表人|负责人)\s*(?:[（(][^）)]{1,8}[）)])?"
    r"\s*(?:[:：]|\s)\s*[^，,。；;:：]{0,30}"
    r"|[（(](?:签名|签字|盖章|公章|签章)[）)]"
    rf"|(?:日期|时间)?\s*[:：]?\s*(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*{_NUM}{{1,2}}\s*月\s*{_NUM}{{1,3}}\s*日?"
    r")\s*$"
)
# 「……特向贵委申请仲裁。此致」: the closing begins inside the last line of the argument
_INLINE = re.compile(r"[。！；]\s*(此致|谨呈)\s*$")


def without_signature(text: str | None) -> str | None:
    """`text` up to where its closing begins (此致, the signer, the date); unchanged when it has none."""
    if not text:
        return text
    lines = text.splitlines()
    cut = len(lines)
    for i, line in enumerate(lines):
        if _OPENS.match(line):
            cut = i
            break
    while cut > 0 and (not lines[cut - 1].strip() or _CLOSING_LINE.match(lines[cut - 1])):
        cut -= 1
    kept = lines[:cut]
    if kept:
        m = _INLINE.search(kept[-1])
        if m:
            kept[-1] = kept[-1][: m.start(1)]
    out = "\n".join(kept).rstrip()
    return out or text.strip()
