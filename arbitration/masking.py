"""Masking of personal data in awards (张三→张某, 青岛某某科技有限公司→青岛某某公司), as published
awards are masked; the archive stores only masked text. `find_personal` finds what must not be published — every
natural person a text names (LAC and cue words such as 证人/经理) and ID, phone and bank numbers however spaced —
and is both what `mask_text(detect=True)` masks and what the export's leak check looks for."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

# two-character surnames checked before single ones (欧阳娜娜 → 欧阳某); the lists are data (data/masking.toml)
WORDS_FILE = Path(__file__).with_name("data") / "masking.toml"


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """Surnames, the cue words a person's name follows, and words that are never names, from data/masking.toml."""
    with WORDS_FILE.open("rb") as f:
        data = tomllib.load(f)
    compound = tuple(dict.fromkeys(data["compound_surnames"].split()))
    return {
        "single": frozenset(re.sub(r"\s", "", data["single_surnames"])),
        "compound": compound,
        "cues": tuple(sorted(set(data["person_cues"].split()), key=len, reverse=True)),
        "not_names": frozenset(data["not_names"].split()),
        "never_in_names": tuple(data["never_in_names"].split()),
        "not_name_endings": tuple(data["not_name_endings"].split()),
        "next_word_chars": data["next_word_chars"].strip(),
    }


COMPOUND_SURNAMES = words()["compound"]

ORG_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "分公司",
    "公司",
    "合伙企业",
    "个体工商户",
    "工作室",
    "事务所",
    "研究院",
    "医院",
    "学校",
    "幼儿园",
    "酒店",
    "商店",
    "超市",
    "中心",
    "厂",
    "店",
)

_CITY_RE = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?[\u4e00-\u9fff]{2,4}?(?:市|自治州|地区|盟|县|区))"
)
_MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
# cities recognised as an organisation's place prefix even without 「市」 (青岛海信… → 青岛某某公司)
CITIES = (
    "北京 上海 天津 重庆 青岛 济南 烟台 潍坊 淄博 威海 日照 临沂 济宁 泰安 德州 聊城 滨州 菏泽 枣庄 东营 "
    "广州 深圳 东莞 佛山 珠海 中山 惠州 杭州 宁波 温州 嘉兴 绍兴 金华 台州 南京 苏州 无锡 常州 南通 徐州 "
    "扬州 合肥 福州 厦门 泉州 武汉 长沙 郑州 成都 西安 沈阳 大连 长春 哈尔滨 石家庄 太原 呼和浩特 南昌 "
    "南宁 海口 三亚 昆明 贵阳 兰州 西宁 银川 乌鲁木齐 拉萨"
).split()

# numbers as people write them: runs of digits, optionally split by spaces or hyphens (0532 8366 1188)
_S = r"[ \u00a0\u3000\-－]"
_NOT_AFTER_DIGITS = rf"(?<![0-9])(?<![0-9]{_S})"
# an 18-digit resident ID number (last may be X), its birth date in the middle, not inside a longer digit run
_ID_RE = re.compile(
    rf"{_NOT_AFTER_DIGITS}[1-9]\d{{2}}{_S}?\d{{3}}{_S}?(?:18|19|20)\d{{2}}{_S}?(?:0[1-9]|1[0-2]){_S}?"
    rf"(?:0[1-9]|[12]\d|3[01]){_S}?\d{{3}}{_S}?[\dXx](?![0-9A-Za-z])(?!{_S}[0-9])"
)
_MOBILE_RE = re.compile(rf"{_NOT_AFTER_DIGITS}(?:\+?86{_S}?)?1[3-9]\d{_S}?\d{{4}}{_S}?\d{{4}}(?![0-9])(?!{_S}[0-9])")
_LANDLINE_RE = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:[(（]0\d{{2,3}}[)）]{_S}?|0\d{{2,3}}{_S})\d{{3,4}}{_S}?\d{{4}}(?:(?:转|-)\d{{1,5}})?(?![0-9])"
)
# a phone number written any way right after 电话/手机/座机 (local numbers without area code included)
_PHONE_AFTER_CUE = re.compile(r"(?:电话|手机|座机|联系方式|传真)(?:号码|号)?[：:为是]?\s*([(（]?\d[\d \-－()（）]{5,18}\d)")
_BANK_RE = re.compile(rf"{_NOT_AFTER_DIGITS}(?:\d{{4}}{_S}?){{2,4}}\d{{1,7}}(?![0-9])")
_BANK_CONTEXT = re.compile(r"(账号|账户|卡号|银行卡|开户)")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Personal:
    """A piece of personal data found in a text: a person's name or an ID, phone or bank number."""

    start: int
    end: int
    text: str
    kind: str  # "person" | "id_number" | "phone" | "bank_account"


def find_numbers(text: str) -> list[Personal]:
    """ID, phone and bank numbers in `text`, with spaces or hyphens or without; non-overlapping, in order."""
    found: list[Personal] = []

    def add(start: int, end: int, kind: str) -> None:
        if not any(f.start < end and start < f.end for f in found):
            found.append(Personal(start, end, text[start:end], kind))

    def bank(min_digits: int) -> None:
        for m in _BANK_RE.finditer(text):
            digits = re.sub(r"\D", "", m.group(0))
            context = _BANK_CONTEXT.search(text[max(0, m.start() - 12) : m.start()])
            if len(digits) >= min_digits and (len(digits) >= 16 or context):
                add(m.start(), m.end(), "bank_account")

    for m in _ID_RE.finditer(text):
        add(m.start(), m.end(), "id_number")
    bank(16)  # card numbers before phones: a phone pattern can match inside one
    for regex in (_MOBILE_RE, _LANDLINE_RE):
        for m in regex.finditer(text):
            add(m.start(), m.end(), "phone")
    for m in _PHONE_AFTER_CUE.finditer(text):
        if len(re.sub(r"\D", "", m.group(1))) >= 7:
            add(m.start(1), m.end(1), "phone")
    bank(12)
    return sorted(found, key=lambda f: f.start)


def is_person_name(name: str) -> bool:
    """A plausible full Chinese personal name: a listed surname and one or two given characters, not a role word,
    not already masked (张某)."""
    w = words()
    if "某" in name or name in w["not_names"] or not _CJK.fullmatch(name):
        return False
    if any(part in name for part in w["never_in_names"]):
        return False
    if name[:2] in w["compound"]:
        return 3 <= len(name) <= 4
    return name[0] in w["single"] and 2 <= len(name) <= 3


# a case or document number (杭劳人仲案字〔2022〕, （2016）柳劳人仲裁字第29号, 卫办农卫发（2010）): no names inside
_NUMBER_REFS = (
    re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[（(](?:19|20)\d{2}[〕\]）)]"),
    re.compile(r"[〔\[（(](?:19|20)\d{2}[〕\]）)][\u4e00-\u9fff\d]{1,15}?号"),
)
_NUMERALS = "〇○零一二三四五六七八九十"
_ORG_AFTER = ("公司", "集团", "银行", "商店", "超市", "酒店", "医院", "学校", "事务所", "工作室", "合作社", "个体工商户")


def _name_at(text: str, start: int, end: int) -> str | None:
    """The name a tagger found at text[start:end], less a next word it swallowed (张惠系被告…, 刘虎二○一四年);
    None where the context shows a title, a place, an organisation's name or a case number."""
    w = words()
    name = text[start:end]
    if len(name) == 3 and name[-1] in w["next_word_chars"]:
        name, end = name[:2], end - 1
    if name[-1:] in _NUMERALS and text[end : end + 1] in tuple(_NUMERALS):
        name, end = name[:-1], end - 1
    if name.endswith(w["not_name_endings"]) or text[end : end + 6].startswith(_ORG_AFTER):
        return None
    window = text[max(0, start - 16) : end + 24]
    offset = max(0, start - 16)
    if any(m.start() + offset < end and start < m.end() + offset for r in _NUMBER_REFS for m in r.finditer(window)):
        return None
    return name if is_person_name(name) else None


@lru_cache(maxsize=1)
def _ner() -> Any:
    from arbitration.extract.pipeline import LacNer

    return LacNer(("PER",))


@lru_cache(maxsize=8192)
def _tagged(line: str) -> tuple[tuple[int, int], ...]:
    """LAC's person spans in one line; cached, so the leak check after masking tags only the lines that changed."""
    return tuple((e.start, e.end) for e in _ner().entities(line))


def _ner_spans(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in text.split("\n"):  # LAC reads sentence by sentence: line by line gives the same tags
        spans += [(offset + s, offset + e) for s, e in _tagged(line)]
        offset += len(line) + 1
    return spans


@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, words()["cues"])) + r")[：:\s]*")


def _cue_names(text: str) -> list[tuple[int, str]]:
    """Names right after a cue word (证人刘洋, 门店经理赵志刚), as jieba's tagger reads the few characters there."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    found = []
    for m in _cue_re().finditer(text):
        tokens = jieba.posseg.lcut(text[m.end() : m.end() + 6])
        if not tokens:
            continue
        first = tokens[0]
        name = first.word
        if not first.flag.startswith("nr"):
            continue
        if len(name) == 1 and len(tokens) > 1 and 1 <= len(tokens[1].word) <= 2:
            name += tokens[1].word  # 周/建国 → 周建国
        if name := _name_at(text, m.end(), m.end() + len(name)):
            found.append((m.end(), name))
    return found


def find_persons(text: str, ner: bool = True) -> list[Personal]:
    """Natural persons' names in `text`: those LAC tags as persons (unless `ner` is False) and those after a cue
    word (data/masking.toml), each a plausible name (`is_person_name`); every occurrence of a found name."""
    names = {name for _, name in _cue_names(text)}
    if ner:
        names |= {name for start, end in _ner_spans(text) if (name := _name_at(text, start, end))}
    found: list[Personal] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Personal(m.start(), m.end(), name, "person"))
    return sorted(found, key=lambda f: f.start)


def find_personal(text: str, ner: bool = True) -> list[Personal]:
    """Everything masking hides that a text still shows: persons' names (`find_persons`) and numbers
    (`find_numbers`). The leak check of a masked export uses this same detection."""
    return sorted(find_persons(text, ner) + find_numbers(text), key=lambda f: f.start)


_ADDRESS_RE = re.compile(
    r"((?:住址|住所|地址|住|户籍地|经常居住地)[：:为在]?)([^，。；,;\n]{4,60}(?:号|室|栋|单元|楼|弄|组|村))"
)


def mask_person(name: str) -> str:
    """张三 → 张某; 欧阳娜娜 → 欧阳某; an already masked or empty name is returned as is."""
    name = (name or "").strip()
    if not name or name.endswith("某") or "某" in name[1:3]:
        return name
    if not re.fullmatch(r"[\u4e00-\u9fff·]{1,6}", name):
        return name[:1] + "某" if name else name
    for s in COMPOUND_SURNAMES:
        if name.startswith(s) and len(name) > 2:
            return s + "某"
    return name[0] + "某"


def _org_form(name: str) -> str:
    for form in ORG_FORMS:
        if name.endswith(form):
            return form
    return ""


def _org_prefix(name: str) -> str:
    head = re.sub(r"^[\u4e00-\u9fff]{2,3}?(?:省|自治区)", "", name)
    for city in sorted(CITIES, key=len, reverse=True):
        if head.startswith(city):
            return city
    m = _CITY_RE.match(head)
    if m and len(m.group(1)) < len(name) - 2:
        return m.group(1)
    # 「青岛某某」 style without 市: keep a two-character place name only when masked already
    return ""


def mask_org(name: str) -> str:
    """青岛某某科技有限公司 → 青岛某某公司: keep the place prefix and the organisation form (公司/厂/医院…)."""
    name = (name or "").strip()
    if not name:
        return name
    inner = name
    branch = ""
    if inner.endswith("分公司"):
        branch = "分公司"
    form = _org_form(inner)
    prefix = _org_prefix(inner)
    if not prefix:
        m = re.match(r"^([\u4e00-\u9fff]{2})某某", inner)
        prefix = m.group(1) if m else ""
    short_form = {"股份有限公司": "公司", "有限责任公司": "公司", "有限公司": "公司", "集团公司": "公司"}.get(
        form, form
    )
    if branch:
        short_form = "分公司"
    if prefix.endswith("市") and len(prefix) > 2:
        prefix = prefix[:-1]
    return f"{prefix}某某{short_form or '单位'}"


def _masked_number(f: Personal) -> str:
    digits = re.sub(r"[^0-9Xx]", "", f.text)
    if f.kind == "id_number":
        return digits[:6] + "*" * 12  # the region code stays, as published awards show it
    if f.kind == "bank_account":
        return "*" * (len(digits) - 4) + digits[-4:]
    return "*" * len(digits)


def _mask_numbers(text: str) -> str:
    for f in reversed(find_numbers(text)):
        text = text[: f.start] + _masked_number(f) + text[f.end :]
    return text


def mask_text(
    text: str,
    persons: Iterable[str] = (),
    orgs: Iterable[str] = (),
    keep_orgs: bool = False,
    addresses: Iterable[str] = (),
    detect: bool = False,
) -> str:
    """Mask the given persons and organisations (longest first), ID numbers, phones and bank accounts (with spaces
    or hyphens too) and addresses (the given ones, and any after 住址/住所/地址). `keep_orgs` leaves organisations
    named; `detect` also masks every person `find_persons` finds in the text (NER and cue words), until none is left."""
    if not text:
        return text
    for addr in sorted({a for a in addresses if a}, key=len, reverse=True):
        text = text.replace(addr, "某地")
    text = _ADDRESS_RE.sub(lambda m: m.group(1) + "某地", text)
    if not keep_orgs:
        for org in sorted({o.strip() for o in orgs if o and o.strip()}, key=len, reverse=True):
            text = text.replace(org, mask_org(org))
    text = _mask_persons(text, {p.strip() for p in persons if p and p.strip()})
    for _ in range(3 if detect else 0):  # a masked name can change how the tagger reads its neighbours
        found = {f.text for f in find_persons(text)}
        if not found:
            break
        text = _mask_persons(text, found)
    return _mask_numbers(text)


def _mask_persons(text: str, persons: Iterable[str]) -> str:
    for person in sorted(persons, key=len, reverse=True):
        masked = mask_person(person)
        if masked != person:
            text = text.replace(person, masked)
    return text


__all__ = [
    "COMPOUND_SURNAMES", "Personal", "find_numbers", "find_personal", "find_persons", "is_person_name", "mask_org",
    "mask_person", "mask_text",
]
