"""Masking of personal data in awards (张三→张某, 青岛某某科技有限公司→青岛某某公司), as published
awards are masked; the archive stores only masked text."""

from __future__ import annotations

import re
from collections.abc import Iterable

# two-character surnames checked before single ones (欧阳娜娜 → 欧阳某)
COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 "
    "公冶 濮阳 端木 单于 太史 申屠 闻人 赫连 呼延 南宫 万俟 独孤 百里 东郭 西门 左丘 第五"
).split()

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

# an 18-digit resident ID number (last may be X) not inside a longer digit run
_ID_RE = re.compile(r"(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])")
_MOBILE_RE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])")
_LANDLINE_RE = re.compile(r"(?<![0-9])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-)\d{7,8}(?![0-9])")
_BANK_RE = re.compile(r"(?<![0-9])(?:\d{4}[ ]?){3,4}\d{1,7}(?![0-9])")
_BANK_CONTEXT = re.compile(r"(账号|账户|卡号|银行卡|开户)")
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


def _mask_numbers(text: str) -> str:
    text = _ID_RE.sub(lambda m: m.group(0)[:6] + "*" * 12, text)
    text = _MOBILE_RE.sub("***********", text)
    text = _LANDLINE_RE.sub("********", text)

    def bank(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        before = text_ref[max(0, m.start() - 12) : m.start()]
        if len(digits) >= 16 or (len(digits) >= 12 and _BANK_CONTEXT.search(before)):
            return "*" * (len(digits) - 4) + digits[-4:]
        return m.group(0)

    text_ref = text
    return _BANK_RE.sub(bank, text)


def mask_text(
    text: str,
    persons: Iterable[str] = (),
    orgs: Iterable[str] = (),
    keep_orgs: bool = False,
    addresses: Iterable[str] = (),
) -> str:
    """Mask the given persons and organisations (longest first), ID numbers, phones, bank accounts and
    addresses (the given ones, and any after 住址/住所/地址). `keep_orgs` leaves organisations named."""
    if not text:
        return text
    for addr in sorted({a for a in addresses if a}, key=len, reverse=True):
        text = text.replace(addr, "某地")
    text = _ADDRESS_RE.sub(lambda m: m.group(1) + "某地", text)
    if not keep_orgs:
        for org in sorted({o.strip() for o in orgs if o and o.strip()}, key=len, reverse=True):
            text = text.replace(org, mask_org(org))
    for person in sorted({p.strip() for p in persons if p and p.strip()}, key=len, reverse=True):
        masked = mask_person(person)
        if masked != person:
            text = text.replace(person, masked)
    return _mask_numbers(text)


__all__ = ["mask_person", "mask_org", "mask_text", "COMPOUND_SURNAMES"]
