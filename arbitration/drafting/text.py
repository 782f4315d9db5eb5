"""Wording helpers shared by the composers and the renderer: amounts, Chinese dates and numbers, placeholders."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from arbitration.findings.text import PENDING, money, ymd  # noqa: F401  (re-exported: drafting writes with them)

TO_FILL = "「待填写」"  # placeholder for an administrative detail (仲裁员姓名 …) the office fills in
PAYMENT_DEADLINE = "于本裁决生效之日起十日内"

_DIGITS = "〇一二三四五六七八九"
_CN_NUM = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (item numbers of 裁决如下 and 本委认为)."""
    if n <= 10:
        return _CN_NUM[n]
    if n < 20:
        return "十" + _CN_NUM[n - 10]
    if n < 100:
        return _CN_NUM[n // 10] + "十" + _CN_NUM[n % 10]
    return str(n)


def cn_date(d: date | None) -> str:
    """2024-05-10 → 「二〇二四年五月十日」, the date line of an award."""
    if d is None:
        return TO_FILL
    year = "".join(_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_number(d.month)}月{cn_number(d.day)}日"


def cite_list(citations: list) -> str:
    """Articles written out with one law name per law (laws in first-mention order): 「《…劳动合同法》第十条、第八十二条」."""
    from arbitration.law import format_citations, statutes

    data = statutes()
    groups: dict[str, list] = {}
    for c in citations:
        groups.setdefault(data.law_id(c.law) or c.law, [])
        if c not in groups[data.law_id(c.law) or c.law]:
            groups[data.law_id(c.law) or c.law].append(c)
    ordered = [c for cs in groups.values() for c in sorted(cs, key=lambda c: (c.article, c.clause or 0, c.item or 0))]
    return format_citations(ordered)


# how a claim type is named in the text of an award (the taxonomy's names are short labels, some with 「/」)
AWARD_NAMES: dict[str, str] = {
    "unpaid_wages": "拖欠的劳动报酬",
    "double_wage": "未签订书面劳动合同二倍工资差额",
    "severance": "解除劳动合同经济补偿金",
    "unlawful_termination": "违法解除劳动合同赔偿金",
    "notice_pay": "代通知金（额外一个月工资）",
    "annual_leave": "未休年休假工资报酬",
    "social_insurance": "社会保险待遇损失",
    "penalty": "违约金",
    "return_deposit": "押金",
}


def award_name(claim_type: str, fallback: str | None = None) -> str:
    """The name of a claim type as an award writes it; the taxonomy name otherwise."""
    if claim_type in AWARD_NAMES:
        return AWARD_NAMES[claim_type]
    from arbitration.law import taxonomy

    tax = taxonomy()
    if claim_type in tax and claim_type != "other":
        return tax.name(claim_type)
    return fallback or claim_type


_ASKER = re.compile(r"^[^，,。；;：:「」]{1,20}?(?:等人?)?(?:请求|要求|诉请)(?:依法)?(?:判决|判令|裁决|裁令)")


def own_words(request: str) -> str:
    """A request as the award quotes it: without who asked (「惠某等请求判决某公司连带支付…」 → 「某公司连带支付…」)
    and the end stop; the words themselves kept."""
    text = request.strip().rstrip("。；;，,")
    m = _ASKER.match(text)
    rest = text[m.end():].lstrip("：:，, ") if m else text
    return rest if len(rest) >= 4 else text


_AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*元")


def amounts_in(text: str) -> list[Decimal]:
    """Every 「…元」 amount written in Arabic numerals in `text` (thousands separators allowed)."""
    return [Decimal(m.group(1).replace(",", "") + (m.group(2) or "")) for m in _AMOUNT.finditer(text)]
