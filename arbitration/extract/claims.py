"""Requests → claims: the numbered items of a 仲裁请求 section, and requests written in running text.

A headed section (「仲裁请求：1、…」) is split into its items. In a statement (「原告诉称…故诉至法院，请求判令被告支付：
1、…；2、…」) the requests are found by their cue words (arbitration.extract.cues): a list heading, or a request verb
in a sentence about this suit, never one reporting an earlier arbitration. Each item is read for its type
(taxonomy), amount and period; an item asking for several sums gives one claim per sum with the item's number and
part 1, 2 …; changes at the hearing (「庭审中变更为…」) keep the earlier wording as history and withdrawals
(「撤回第二项」) mark the claim. Costs of the proceedings (诉讼费) are no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from arbitration.ingest.speech import ROLE_WORDS

from . import cues
from .claimtypes import OTHER, match_claim_type
from .rules import find_dates, find_money, find_ranges
from .rules.numerals import cn_int

# an item number at a line start or after a full stop/semicolon: 1. 1、 (1) （一） 一、 ① 第一项
ITEM_NUMBER = re.compile(
    r"(?:^|(?<=\n)|(?<=[；;。：:]))[ \t\u3000]*"
    r"(?:[（(](?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})[)）]"
    r"|(?P<b>\d{1,2})(?:、|[.．](?!\d)|[,，](?!\d{3}))"
    r"|(?P<c>[一二三四五六七八九十]{1,3})[、.．]"
    r"|(?P<e>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮])"
    r"|第(?P<d>[一二三四五六七八九十]{1,3})[项条][，,、：:]?)"
)
_NOT_A_CLAIM = re.compile(r"^\s*(?:(?:本案)?(?:仲裁|诉讼|受理)费|以上(?:合计|共计|各项)|合计|共计|总计)")
_TOTAL = re.compile(r"(?:共计|合计|总计|总额|暂计|共|计)(?:为|人民币)?\s*$")
_RATE = re.compile(r"(?:每月|月工资|月薪|标准|基数|每天|日工资)(?:为|是|按)?\s*(?:人民币)?\s*$|(?:按|以)[^，。；,支付赔偿补偿]{0,8}$")
_RATE_AFTER = re.compile(r"^\s*(?:的|为)?(?:标准|基数|计算|计)|^\s*(?:/|／|每)(?:个)?(?:月|天|日|年)")
_REQUEST_VERB = re.compile(r"请求|要求|诉请|裁决|判令|判决")
_OPEN = "（(［[【〔《“"
_CLOSE = "）)］]】〕》”"


@dataclass(frozen=True)
class ClaimChange:
    """An earlier wording of a claim, replaced by a later one."""

    start: int
    end: int
    text: str
    amount: Decimal | None
    period_start: date | None
    period_end: date | None
    note: str  # 「庭审中变更」「明确」


@dataclass(frozen=True)
class ClaimMention:
    """One claim as read from text: its span, type, amount and period."""

    start: int
    end: int
    text: str
    type: str
    confidence: float
    amount: Decimal | None
    period_start: date | None
    period_end: date | None
    index: int | None = None
    part: int | None = None  # position among the sums of one item (same index), None when the item is one claim
    employer: bool = False  # worded as the employer's request (「无需支付」「不存在劳动关系」「撤销…裁决」)
    withdrawn: bool = False
    history: tuple[ClaimChange, ...] = ()


# ---------------------------------------------------------------- text with its offsets


class _Clean:
    """A span of text made fit for reading amounts (「34\\n000元」 → 34000元, 「28，600元」 → 28,600元), with every
    character's offset in the original kept, so spans found in the clean text map back for provenance."""

    def __init__(self, text: str, offset: int = 0) -> None:
        chars: list[str] = []
        pos: list[int] = []
        n = len(text)
        for i, ch in enumerate(text):
            if ch in "\n \t\u3000\r" and chars and chars[-1].isdigit():
                j = i
                while j < n and text[j] in "\n \t\u3000\r":
                    j += 1
                if j < n and (text[j].isdigit() or text[j] in "元万"):
                    continue  # a number broken over two lines
            if ch == "，" and chars and chars[-1].isdigit() and re.match(r"\d{3}(?!\d)", text[i + 1 : i + 5]):
                ch = ","
            chars.append(ch)
            pos.append(offset + i)
        self.text = "".join(chars)
        self._pos = pos
        self._end = offset + n

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the clean span [start, end)."""
        if start >= len(self._pos):
            return self._end, self._end
        return self._pos[start], (self._pos[end - 1] + 1) if end > start else self._pos[start]


def _depths(text: str) -> list[int]:
    """Bracket depth at each character (an unmatched closer never goes below 0)."""
    depth, out = 0, []
    for ch in text:
        if ch in _OPEN:
            depth += 1
            out.append(depth)
            continue
        out.append(depth)
        if ch in _CLOSE:
            depth = max(0, depth - 1)
    return out


def _outside_brackets(text: str) -> str:
    """`text` with bracketed parts blanked (same length), so amounts inside explanations are not read."""
    return "".join(" " if d else ch for ch, d in zip(text, _depths(text), strict=True))


# ---------------------------------------------------------------- one claim


def _claim_amount(text: str) -> Decimal | None:
    """The requested sum: outside brackets the one after 共计/合计 if any, else the last amount that is not a
    rate or basis; only inside brackets, the results of its calculation (「（…=53200元，…=15960元）」) summed."""
    outside = _outside_brackets(text)
    amount = _amount_in(outside)
    if amount is not None:
        return amount
    results = [m.amount for m in find_money(text) if re.search(r"[=＝]\s*(?:人民币)?\s*$", text[max(0, m.start - 3) : m.start])]
    if results:
        return sum(results, Decimal(0))
    inner = find_money(text)
    return inner[0].amount if len(inner) == 1 and not _RATE_AFTER.search(text[inner[0].end : inner[0].end + 6]) else None


def _amount_in(text: str) -> Decimal | None:
    money = find_money(text)
    if not money:
        return None
    for m in money:
        if _TOTAL.search(text[max(0, m.start - 6) : m.start]):
            return m.amount
    candidates = [
        m
        for m in money
        if not (_RATE.search(text[max(0, m.start - 12) : m.start]) or _RATE_AFTER.search(text[m.end : m.end + 6]))
    ]
    if not candidates:
        candidates = money if len(money) == 1 and not _RATE_AFTER.search(text[money[0].end : money[0].end + 6]) else []
    if not candidates:
        return None
    if len(candidates) > 1 and all(
        re.search(r"(?:及|和|以及|、|并|另)", text[a.end : b.start]) for a, b in zip(candidates, candidates[1:], strict=False)
    ):
        return sum((m.amount for m in candidates), Decimal(0))
    return candidates[-1].amount


def claim_type(text: str) -> tuple[str, float]:
    """The claim type of a claim's wording: the cue patterns the taxonomy cannot say first, then the taxonomy."""
    for pattern, type_id in cues.TYPE_CUES:
        if re.search(pattern, text):
            return type_id, 0.7
    return match_claim_type(text)


def parse_claim(text: str, start: int = 0, index: int | None = None) -> ClaimMention:
    """Read one claim item: type (taxonomy), requested amount, and the first period in it."""
    type_id, confidence = claim_type(_outside_brackets(text).replace(" ", "") or text)
    if type_id in (OTHER, "unpaid_wages"):  # 「工资差额（按最低工资标准计算）」: the brackets may name the kind
        inner = claim_type(text)
        if inner[0] not in (OTHER, "unpaid_wages"):
            type_id, confidence = inner
    ranges = find_ranges(text)
    period_start = period_end = None
    if ranges:
        period_start, period_end = ranges[0].first_day, ranges[0].last_day
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return ClaimMention(
        start + lead,
        start + lead + len(stripped),
        stripped,
        type_id,
        confidence,
        _claim_amount(text),
        period_start,
        period_end,
        index,
        employer=bool(cues.compiled("EMPLOYER_REQUEST").search(text)),
    )


# ---------------------------------------------------------------- items and their parts


def _number(m: re.Match[str]) -> int:
    raw = next(g for g in m.groups() if g)
    if raw in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮":
        return ord(raw) - ord("①") + 1
    return int(raw) if raw.isdigit() else cn_int(raw)


def split_items(text: str) -> list[tuple[int | None, int, int]]:
    """(number, start, end) of each item of a claims section; unnumbered text splits on 。/；.

    A run numbered 1, 2, 3 … is kept (a stray 「3、」 inside a sentence starts no item); a list whose first item
    has no number (「要求：被告支付…；2、…」) gets number 1 for the text before 「2、」."""
    numbers = list(ITEM_NUMBER.finditer(text))
    items: list[re.Match[str]] = []
    for m in numbers:
        expected = len(items) + 1
        if _number(m) == expected:
            items.append(m)
    implicit_first = False
    if not items:
        twos = [m for m in numbers if _number(m) == 2 and text[: m.start()].strip(" \t\u3000\n：:")]
        if twos:
            implicit_first = True
            items = [twos[0]]
            for m in numbers:
                if m.start() > items[-1].start() and _number(m) == len(items) + 2:
                    items.append(m)
    if items:
        spans = []
        if implicit_first:
            spans.append((1, 0, items[0].start()))
        for i, m in enumerate(items):
            end = items[i + 1].start() if i + 1 < len(items) else len(text)
            spans.append((_number(m), m.end(), end))
        return spans
    out = []
    for m in re.finditer(r"[^。；;\n]+", text):
        if m.group().strip():
            out.append((None, m.start(), m.end()))
    return out


_MONEY_END = re.compile(r"(?:[\d零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]\s*(?:万)?(?:元|圆)(?:整|正)?|[元圆](?:整|正))\s*(?:[（(［\[【〔][^）)］\]】〕]*[）)］\]】〕]\s*)*$")
_SEPARATOR = re.compile(r"以及|[、，,；;及和并另]")
# who a request asks to act, before a commission or a court (「被告」「二被告」「被上诉人」「答辩人」, 「用人单位」「其」), with
# a name after the role word (「被告某某公司」)
_SUBJECT = (rf"(?:(?:[二两]?(?:{cues.alternation(ROLE_WORDS)})|用人单位|公司|其)"
            r"(?:[\u4e00-\u9fa5]{0,20}?(?:公司|厂|站|部|店|院|室))?)?")


def _has_head(text: str) -> bool:
    """Whether a piece of an item names something asked for: a sum, a claim type or a distinct head."""
    return bool(
        find_money(text)
        or claim_type(text)[0] != OTHER
        or cues.compiled("OTHER_HEADS").search(text)
    )


def _starts_request(text: str) -> bool:
    s = re.sub(r"^(?:并且?|另|同时|以及|还|且|再)", "", text.lstrip())
    return bool(re.match(_SUBJECT + r"(?:依法|立即|一次性)?(?:向[^，。；]{1,20}?)?(?:" + cues.alternation(cues.CLAIM_VERBS) + ")", s))


def _parts(item: str) -> list[tuple[int, int]]:
    """Spans of the separate requests inside one item: split where one sum ends and another thing is asked
    (「工资441.72元、冬煤费70元」), where a new verb starts (「…社会保险、给付生活费…」), or where a distinct head
    follows 及/和 (「…保险及住房公积金」); never inside brackets."""
    depths = _depths(item)
    cuts = [0]
    for m in _SEPARATOR.finditer(item):
        if depths[m.start()]:
            continue
        before, after = item[cuts[-1] : m.start()], item[m.end() :]
        if not before.strip() or not after.strip():
            continue
        if cues.compiled("SUMMARY_PART").match(after.lstrip()):
            continue
        split = False
        if _MONEY_END.search(before) and _has_head(after[: _next_sep(after)]):
            split = True
        elif _starts_request(after) and _has_head(before):
            split = True
        elif m.group() in ("及", "和", "以及", "、") and cues.compiled("OTHER_HEADS").match(after.lstrip()) and _has_head(before):
            split = True
        elif cues.compiled("NOT_A_CLAIM").match(re.sub(r"^(?:本案|案件|此案)?(?:的)?", "", after.lstrip())) and _has_head(before):
            split = True  # 「…补缴社会保险，诉讼费由被告负担」: the costs are no part of the request before them
        if split:
            cuts.append(m.start())
    spans = []
    for i, c in enumerate(cuts):
        start = c if i == 0 else c + len(_SEPARATOR.match(item, c).group())
        end = cuts[i + 1] if i + 1 < len(cuts) else len(item)
        spans.append((start, end))
    return spans


def _next_sep(text: str) -> int:
    depths = _depths(text)
    for m in _SEPARATOR.finditer(text):
        if not depths[m.start()]:
            return m.start()
    return len(text)


_PERIOD_LED = re.compile(r"^\s*(?:\d{4}\s*年)?\s*\d{1,2}\s*(?:月份?|月\d{1,2}日)")


def _merge_parts(parts: list[ClaimMention]) -> list[ClaimMention]:
    """Join parts that are one claim: pieces naming nothing join the one before; wages asked month by month
    (「5月份提成33.60元、6月份工资2588.30元」) are one wage claim over those months, their sums added."""
    out: list[ClaimMention] = []
    for p in parts:
        if out and p.type == OTHER and p.amount is None and not cues.compiled("OTHER_HEADS").search(p.text):
            prev = out[-1]
            out[-1] = replace(prev, end=p.end, text=prev.text + "、" + p.text)
            continue
        if out and p.type == out[-1].type and (p.amount is None) != (out[-1].amount is None) and p.type != OTHER:
            prev = out[-1]  # 「办理社会保险手续并补缴…社会保险费53200元」: one request
            out[-1] = replace(prev, end=p.end, text=prev.text + "，" + p.text, amount=prev.amount or p.amount)
            continue
        out.append(p)
    monthly = [p for p in out if p.type == "unpaid_wages" and p.amount is not None and _PERIOD_LED.match(_lead_period(p.text))]
    if len(out) > 1 and len(monthly) == len(out):
        first, last = out[0], out[-1]
        months = [_month_of(p.text) for p in out]
        starts = [p.period_start or m[0] for p, m in zip(out, months, strict=True) if p.period_start or m]
        ends = [p.period_end or m[1] for p, m in zip(out, months, strict=True) if p.period_end or m]
        out = [replace(first, end=last.end, text="、".join(p.text for p in out), amount=sum((p.amount for p in out), Decimal(0)),
                       period_start=min(starts) if starts else None, period_end=max(ends) if ends else None)]
    return out


def _month_of(text: str) -> tuple[date, date] | None:
    """The first and last day of the month a wage part names (「2020年4月工资」)."""
    from arbitration.law.calculators._common import month_end

    for d in find_dates(text):
        if d.date.value is not None and d.date.precision == "month":
            return d.date.value, month_end(d.date.value)
    return None


def _lead_period(text: str) -> str:
    """The text after a leading verb and party (「被告支付2015年5月份提成…」 → 「2015年5月份提成…」)."""
    return re.sub(r"^.*?(?=\d{4}\s*年|\d{1,2}\s*月)", "", text, count=1) if re.search(r"\d{1,2}\s*月", text[:30]) else text


def _breakdown(claim: ClaimMention, text: str) -> list[tuple[int, int]] | None:
    """「33659.62元（其中工资1642.72元，赔偿金32016.90元）」: the spans (in `text`) of the parts of a total."""
    m = re.search(r"[（(]\s*其中[:：]?(?P<body>[^）)]+)[）)]", text)
    if not m or claim.amount is None:
        return None
    body_start = m.start("body")
    pieces = [(body_start + p.start(), body_start + p.end()) for p in re.finditer(r"[^，,、；;]+", m.group("body"))]
    amounts = [_amount_in(text[s:e]) for s, e in pieces]
    if len(pieces) < 2 or any(a is None for a in amounts) or sum(amounts) != claim.amount:
        return None
    return pieces


def claims_of_item(text: str, start: int, index: int | None, clean: _Clean | None = None) -> list[ClaimMention]:
    """The claims of one item (clean text `text` at clean offset `start`): one per part, with the item's number."""
    spans = _parts(text)
    parts: list[ClaimMention] = []
    employer = bool(cues.compiled("EMPLOYER_REQUEST").search(_outside_brackets(text)))
    for s, e in spans:
        piece = text[s:e]
        body = piece.strip().rstrip("；;。，,")
        if not body or cues.compiled("NOT_A_CLAIM").search(_outside_brackets(body)) and not _has_claim_beside_costs(body):
            continue
        lead = len(piece) - len(piece.lstrip())
        c = parse_claim(body, start + s + lead, index)
        breakdown = _breakdown(c, body)
        if breakdown:
            for bs, be in breakdown:
                sub = parse_claim(body[bs:be], start + s + lead + bs, index)
                parts.append(replace(sub, employer=employer or sub.employer))
            continue
        parts.append(replace(c, employer=employer or c.employer))
    parts = _merge_parts(parts)
    if len(parts) > 1:
        parts = [replace(p, part=i) for i, p in enumerate(parts, 1)]
    if clean is not None:
        parts = [_mapped(p, clean) for p in parts]
    return parts


def _asks_something(text: str) -> bool:
    """An unnumbered sentence without type or sum still asks for something when it has a claim verb or a head."""
    return bool(re.search(cues.alternation(cues.CLAIM_VERBS), text) or cues.compiled("OTHER_HEADS").search(text))


def _has_claim_beside_costs(body: str) -> bool:
    """「诉讼费由被告承担」 is no claim; 「赔偿金…元并承担诉讼费」 is split before it gets here."""
    return bool(find_money(_outside_brackets(body))) and claim_type(body)[0] != OTHER


def _mapped(c: ClaimMention, clean: _Clean) -> ClaimMention:
    start, end = clean.span(c.start, c.end)
    return replace(c, start=start, end=end)


def claims_from_section(text: str, offset: int = 0) -> list[ClaimMention]:
    """Claims of a 仲裁请求 section; `offset` is the section's start in its page, so spans are page offsets."""
    clean = _Clean(text, offset)
    claims: list[ClaimMention] = []
    for number, start, end in split_items(clean.text):
        raw = clean.text[start:end]
        item = raw.strip().rstrip("；;。")
        if not item or _NOT_A_CLAIM.match(item):
            continue
        lead = len(raw) - len(raw.lstrip())
        item_index = number if number is not None else len({c.index for c in claims}) + 1
        found = claims_of_item(item, start + lead, item_index, clean)
        if number is None:  # 「具体数额以核算为准」 claims nothing
            found = [c for c in found if c.type != OTHER or c.amount is not None or _asks_something(c.text)]
        claims.extend(found)
    return claims


def find_claim_sentences(text: str) -> list[ClaimMention]:
    """Claim sentences anywhere in a text: a request verb and a recognised claim type."""
    found = []
    for m in re.finditer(r"[^。；;\n]+", text):
        sentence = m.group()
        if not _REQUEST_VERB.search(sentence):
            continue
        claim = parse_claim(sentence, m.start())
        if claim.type != OTHER:
            found.append(claim)
    return found


# ---------------------------------------------------------------- requests in running text


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind("\n", 0, pos), text.rfind("。", 0, pos)) + 1


def _in_quote(text: str, pos: int) -> bool:
    before = text[_sentence_start(text, pos) : pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def _request_starts(text: str, defence: bool) -> list[tuple[int, int]]:
    """(cue start, content start) of each request in a statement body; `defence`: only a demand of the speaker's."""
    out: list[tuple[int, int]] = []
    for m in cues.compiled("LIST_CUES").finditer(text):
        if not defence and not _in_quote(text, m.start()):
            out.append((m.start(), m.end()))
    verbs = cues.compiled("DEFENCE_DEMANDS") if defence else re.compile(cues.alternation(cues.REQUEST_VERBS))
    for m in verbs.finditer(text):
        if any(s <= m.start() < c for s, c in out) or _in_quote(text, m.start()):
            continue
        s0 = _sentence_start(text, m.start())
        context = text[s0 : m.start()]
        if not defence:
            if _noun_use(text, m, context):
                continue
            if re.search(f"(?:{cues.alternation(cues.NOT_A_REQUEST_BEFORE)})[^，。；]{{0,6}}$", context):
                continue
            clause = context[max(context.rfind("，"), context.rfind(","), 0) :]
            reported = re.search(cues.alternation(cues.PAST_PROCEEDING), context)
            present = re.search(cues.alternation(cues.PRESENT_PROCEEDING), context + text[m.start() : m.end() + 6])
            if reported and not present:
                continue
            lead_words = r"(?:故|特|现|遂|因此|为此|据此|综上|所以|于是|并|另|同时|原告|申请人|我|本人|其|依法|现在|再|还)"
            if not present and clause.strip("，, ") and not re.fullmatch(rf"[，,]?{lead_words}*", clause.strip()):
                continue  # 「要求」 inside narration (「原告多次要求被告支付」) asks nothing of the tribunal
        else:
            if re.search(r"驳回|维持|合理合法|正确|不予支持", text[m.start() : text.find("。", m.start()) % (len(text) + 1)]):
                continue
        content = re.compile(cues.REQUEST_ADDRESS + r"[:：]?").match(text, m.end()).end()
        out.append((m.start(), content))
    return sorted(out)


def _noun_use(text: str, m: re.Match[str], context: str) -> bool:
    """「诉讼请求」「其他请求」「反诉请求」「要求的是」: the word names a request instead of making one; a court
    addressed next (「反诉请求判令…」) makes it ask all the same."""
    if text[m.end() : m.end() + 1] in "的是":
        return True
    if re.search(f"(?:{cues.alternation(cues.NOUN_BEFORE_REQUEST)})$", context):
        return True
    addressed = re.match(cues.ADDRESSED, text[m.end() :])
    return any(context.endswith(word) and m.group() in verbs for word, verbs in cues.NOUN_BEFORE_ASKING) and not addressed


_UNIT = re.compile(r"[^\n。]*(?:[\n。]|$)")


def _zone_end(text: str, content: int) -> int:
    """Where a request starting at `content` ends: through its numbered items, lines broken inside an item, and
    further 「要求…；」 sentences; the first sentence that starts something else ends it."""
    units = [(m.start(), m.end()) for m in _UNIT.finditer(text, content) if m.end() > m.start()]
    if not units:
        return len(text)
    end = units[0][1]
    seen = [_number(m) for m in ITEM_NUMBER.finditer(text[content:end])]
    last_number = max(seen) if seen else 0
    numbered = bool(seen)
    prev = text[content:end].rstrip()
    for s, e in units[1:]:
        unit = text[s:e]
        stripped = unit.strip()
        if not stripped:
            continue
        marker = ITEM_NUMBER.match(text, s)
        number = _number(marker) if marker else None
        if prev and prev[-1] not in "。；;！!":
            pass  # the item goes on on the next line (「经济补偿金34」+「000元；」)
        elif number is not None and (number == last_number + 1 or (last_number == 0 and number == 2)):
            last_number = number
            numbered = True
        elif not numbered and prev.endswith(("；", ";")) and (
            re.match(r"\s*(?:并且?|另|同时|还|再)?(?:要求|请求|判令)", unit) or _starts_request(unit)
            or cues.compiled("NOT_A_CLAIM").search(unit[:20])
        ):
            pass
        else:
            break
        marks = [_number(m) for m in ITEM_NUMBER.finditer(unit)]
        if marks:
            last_number = max(last_number, *marks)
        end = e
        prev = stripped
    return end


def _zone_claims(text: str, start: int, end: int, offset: int) -> list[ClaimMention]:
    zone = text[start:end]
    found = claims_from_section(zone, offset + start)
    out = []
    for c in found:
        body = re.sub(r"^(?:请求|要求)?(?:依法)?(?:判令|判决|裁决)?", "", c.text)
        if c.type == OTHER and c.amount is None and (
            cues.compiled("GENERIC_REQUEST").search(body) or not re.search(cues.alternation(cues.CLAIM_VERBS), c.text)
        ) and not cues.compiled("OTHER_HEADS").search(c.text):
            continue
        out.append(c)
    return out


def requests_in(text: str, offset: int = 0, defence: bool = False, opens_with_request: bool = False) -> list[ClaimMention]:
    """The claims a statement asks for (`text` is the speaker's words; spans are `offset` + position).

    `defence`: the text is a defence; only the speaker's own demands count (a worker sued by the employer:
    「请求判令原告支付…」「原告依法应支付赔偿金…元给被告」). Requests stated twice are kept once; changes and
    withdrawals later in the text are applied (see `apply_changes`). `opens_with_request`: the text itself
    begins with the requests (it follows 「向本院提出诉讼请求：」)."""
    claims: list[ClaimMention] = []
    taken_until = -1
    starts = _request_starts(text, defence)
    if opens_with_request and not defence:
        starts = [(0, 0), *starts]
    for cue_start, content in starts:
        if cue_start < taken_until:
            continue
        if defence:
            s0 = _sentence_start(text, cue_start)
            end = min([i + 1 for i in (text.find(c, content) for c in "。；\n") if i != -1] or [len(text)])
            found = [c for c in _zone_claims(text, s0, end, offset) if c.type != OTHER or c.amount is not None]
        else:
            end = _zone_end(text, content)
            if _is_change(text, cue_start, content):
                continue
            found = _zone_claims(text, content, end, offset)
        if not found:
            continue
        taken_until = end
        index_base = max((c.index or 0 for c in claims), default=0) if claims and found[0].index == 1 and _dup_of(found, claims) is None else 0
        if _dup_of(found, claims) is not None:
            continue  # the same request stated again (「因此，原告诉至人民法院请求法院判令…」)
        if index_base and all(c.index for c in found) and not _numbered(text[content:end]):
            found = [replace(c, index=(c.index or 0) + index_base) for c in found]
        claims.extend(found)
    if defence:
        claims = _defence_demands(claims, text, offset)
    return apply_changes(claims, text, offset)


def _defence_demands(claims: list[ClaimMention], text: str, offset: int) -> list[ClaimMention]:
    """A defence restates its demands: one without a sum adds nothing to an earlier one of its type, nor a bare
    「工资」 to a typed demand of the same paragraph (「应按11个月支付二倍工资……请求判令原告支付11个月工资」)."""
    out: list[ClaimMention] = []
    for c in claims:
        line = text.count("\n", 0, c.start - offset)
        same_line = [o for o in out if text.count("\n", 0, o.start - offset) == line]
        if c.amount is None and any(o.type == c.type for o in out):
            continue
        if c.amount is None and c.type in ("unpaid_wages", OTHER) and same_line:
            continue
        out.append(replace(c, index=None, part=None))
    return out


def _numbered(zone: str) -> bool:
    return bool(ITEM_NUMBER.search(zone))


def _dup_of(found: list[ClaimMention], claims: list[ClaimMention]) -> int | None:
    keys = {(c.type, c.amount, c.employer) for c in claims}
    if found and all((c.type, c.amount, c.employer) in keys for c in found):
        return 0
    return None


def _is_change(text: str, cue_start: int, content: int) -> bool:
    s0 = _sentence_start(text, cue_start)
    around = text[s0 : content + 4]
    return bool(re.search(cues.alternation(cues.CHANGE_CUES + cues.CLARIFY_CUES), around))


# ---------------------------------------------------------------- changes and withdrawals

_ORDINAL = r"第(?P<n>[一二三四五六七八九十\d]{1,3})(?:项|条)"
# between an ordinal and its new wording: 「第1项诉讼请求变更为」「第3项诉讼请求的金额变更为」「第二项中的期间调整为」
_ORDINAL_TO = r"(?:诉讼|仲裁)?(?:请求)?(?:中)?(?:的)?(?:金额|数额|标的额|期间|时间|计算期间|标准)?(?:变更|更改|调整|明确)?(?:为|是)[:：]?"


def _ordinal(raw: str) -> int:
    return int(raw) if raw.isdigit() else cn_int(raw)


def _with_history(old: ClaimMention, new: ClaimMention, note: str) -> ClaimMention:
    change = ClaimChange(old.start, old.end, old.text, old.amount, old.period_start, old.period_end, note)
    amount = new.amount if new.amount is not None else (old.amount if note == "明确" else None)
    return replace(
        new, index=old.index, part=old.part, history=(*old.history, change), amount=amount,
        type=new.type if new.type != OTHER else old.type, employer=old.employer or new.employer,
    )  # fmt: skip


def _inline_changes(claims: list[ClaimMention]) -> list[ClaimMention]:
    """「1.确认…存在劳动关系（庭审中将该项诉讼请求变更为：确认…）」: the bracket's wording replaces the item's."""
    out = []
    for c in claims:
        m = re.search(r"[（(][^（）()]*?(?:" + cues.alternation(cues.CHANGE_CUES) + r")[:：]?(?P<new>[^（）()]+)[）)]", c.text)
        if m is None:
            out.append(c)
            continue
        old = parse_claim((c.text[: m.start()] + c.text[m.end() :]).strip(), c.start, c.index)
        new = parse_claim(m.group("new"), c.start + m.start("new"), c.index)
        note = "庭审中变更" if re.search(r"庭审|当庭|庭上", m.group()) else "变更"
        changed = _with_history(replace(old, part=c.part, employer=c.employer), new, note)
        out.append(replace(changed, start=c.start, end=c.end, text=c.text))
    return out


def _change_pieces(text: str, after: int, end: int) -> list[tuple[int | None, int, int]]:
    """(item number, start, end) of what a change sentence says, in `text` offsets: by its ordinals
    (「第1项诉讼请求为…，第2项为…」) or by its numbered items (「变更如下：1、…；2、…」)."""
    ordinals = list(re.finditer(_ORDINAL + _ORDINAL_TO, text[after:end]))
    if ordinals:
        pieces = []
        for i, m in enumerate(ordinals):
            stop = ordinals[i + 1].start() if i + 1 < len(ordinals) else end - after
            pieces.append((_ordinal(m.group("n")), after + m.end(), after + stop))
        return pieces
    return [(n, after + s, after + e) for n, s, e in split_items(text[after:end])]


def apply_changes(claims: list[ClaimMention], text: str, offset: int = 0) -> list[ClaimMention]:
    """Apply what a statement or the findings say later: 「诉讼请求予以变更：1、…」 (the later item stands, the
    earlier is its history), 「明确第1项诉讼请求为…」, 「撤回第二项诉讼请求」 (the claim stays, marked withdrawn)."""
    claims = _inline_changes(claims)
    if not claims:
        return claims
    by_index = {c.index: i for i, c in enumerate(claims) if c.index is not None and c.part is None}
    change = cues.alternation(cues.CHANGE_CUES + cues.CLARIFY_CUES)
    for m in re.finditer(r"[^。\n]*(?:" + change + r")[^。\n]*(?:[。\n]|$)", text):
        cue = re.search(change, m.group())
        at = m.start() + cue.start()
        if not re.search(r"请求|诉请|第[一二三四五六七八九十\d]+项", m.group()):
            continue
        if any(c.start - offset <= at < c.end - offset for c in claims):
            continue  # an inline change inside an item, handled above
        note = "明确" if cue.group().startswith("明确") else ("庭审中变更" if re.search(r"庭审|当庭|庭上", m.group()) else "变更")
        first_ordinal = re.search(_ORDINAL, m.group())
        after = m.start() + min(cue.end(), first_ordinal.start() if first_ordinal else cue.end())
        end = max(m.end(), _zone_end(text, m.start() + cue.end()))
        for number, s, e in _change_pieces(text, after, end):
            piece = text[s:e].strip().rstrip("，,；;。")
            withdraw = re.search(r"[，,；;]?(?:并|同时|另)?(?:" + cues.alternation(cues.WITHDRAW_CUES) + ")", piece)
            if withdraw:
                for t in _withdrawn_targets(piece[withdraw.start() :], claims):
                    claims[t] = replace(claims[t], withdrawn=True)
                piece = piece[: withdraw.start()]
                if not piece.strip():
                    continue
            target = by_index.get(number) if number is not None else _target(piece, claims)
            if target is None and number is None:
                target = None
            new = [c for c in claims_from_section(piece, offset + s) if c.type != OTHER or c.amount is not None]
            if not new and note == "明确" and not cues.compiled("NOT_A_CLAIM").search(piece):
                new = [parse_claim(piece, offset + s)]
            for n in new[:1]:
                if target is not None:
                    claims[target] = _with_history(claims[target], n, note)
                elif note != "明确":
                    claims.append(replace(n, index=max((c.index or 0 for c in claims), default=0) + 1))
    for m in re.finditer(r"[^。\n]*(?:" + cues.alternation(cues.WITHDRAW_CUES) + r")[^。\n]*(?:[。\n]|$)", text):
        if re.search(change, m.group()) or not re.search(r"请求|诉请|第[一二三四五六七八九十\d]+项", m.group()):
            continue
        if re.search(r"撤回(?:了)?(?:起诉|上诉|仲裁申请|申请)", m.group()):
            continue  # withdrawing a whole suit or an earlier arbitration, not a request of this one
        for t in _withdrawn_targets(m.group(), claims):
            claims[t] = replace(claims[t], withdrawn=True)
    return claims


def _target(piece: str, claims: list[ClaimMention]) -> int | None:
    """The claim an unnumbered change replaces: the only one of its type."""
    new_type = claim_type(piece)[0]
    same = [i for i, c in enumerate(claims) if c.type == new_type and new_type != OTHER]
    return same[0] if len(same) == 1 else None


def _withdrawn_targets(piece: str, claims: list[ClaimMention]) -> list[int]:
    """The claims a withdrawal names: by number (「撤回第二项」; of an item of several sums, the ones of the type it
    names, 「撤回第三项中的加班费请求」), else by type."""
    ordinals = [_ordinal(m.group("n")) for m in re.finditer(_ORDINAL, piece)]
    rest = re.sub(_ORDINAL, "", piece)
    kind = claim_type(rest)[0]
    if ordinals:
        items = [i for i, c in enumerate(claims) if c.index in ordinals]
        typed = [i for i in items if claims[i].type == kind]
        return typed if kind != OTHER and typed else items
    return [i for i, c in enumerate(claims) if kind != OTHER and c.type == kind]
