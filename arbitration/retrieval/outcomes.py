"""What was decided on each request: the items of 判决如下 / 裁决如下 matched to the requests (a payment grants it,
less than asked grants it in part, 「原告无需支付…」 grants the employer's request, 「驳回…其他诉讼请求」 denies the
rest), then refined by the reasoning (本院认为: 「不予处理」 is not accepted, 「部分支持」 is partly), which also
gives each request its paragraph and the articles it rests on. Cue words: arbitration/data/judgment_cues.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from arbitration.extract.claimtypes import OTHER, match_claim_type
from arbitration.extract.rules import find_money, find_ranges
from arbitration.model import Citation, ClaimantSide, Outcome
from arbitration.retrieval.judgment import ITEM_START, Body, Request, cue_re, side_of

HALF_YUAN = Decimal("0.5")
_BRACKETS = re.compile(r"[（(［\[【][^（()）［\]］【】]*[)）\]］】]")
_TOTAL_BEFORE = re.compile(r"(?:合计|共计|总计|总额|共)(?:为|人民币)?\s*$")
_RATE_AFTER = re.compile(r"^\s*(?:/|／|每)(?:月|天|日|小时)")
_CN_NUM = "一二三四五六七八九十"


@dataclass
class Part:
    """One sum or act of a ruling item: its claim type and amount (None for an act: 办理, 确认)."""

    type: str
    amount: Decimal | None = None


@dataclass
class RulingItem:
    """One item of 判决如下: what it does, whose requests or which party acts, and the sums per claim type."""

    text: str
    act: str  # reject | pay | not_pay | exist | not_exist | joint | perform | terminate | other
    side: ClaimantSide | None = None  # reject: whose requests; pay/perform/not_pay: who must act
    scope: str = "all"  # reject: rest | all | specific
    dismiss: bool = False  # 驳回起诉 / 不予受理: not decided on the merits
    parts: list[Part] = field(default_factory=list)


@dataclass
class Decision:
    """The outcome of one request, the sum granted (worker's request) or still ordered (employer's), and why."""

    outcome: Outcome
    granted: Decimal | None = None
    ordered: Decimal | None = None
    by: str = "ruling"  # ruling | rest (「驳回其他请求」) | reasoning


# ---------------------------------------------------------------- ruling items


def ruling_items(body: Body) -> list[str]:
    """The items of the ruling, their numbers stripped: one per numbered item or line."""
    lines = ([body.ruling_inline] if body.ruling_inline else []) + (
        body.lines[body.ruling[0] : body.ruling[1]] if body.ruling else [])
    out = []
    for line in lines:
        for piece in re.split(rf"(?<=[；;。])\s*(?=(?:[{_CN_NUM}]{{1,3}}、|\d{{1,2}}[、.．]|[（(][{_CN_NUM}\d]{{1,3}}[)）]))", line):
            piece = ITEM_START.sub("", piece, count=1).strip(" ；;。，,")
            if piece:
                out.append(piece)
    return out


def read_item(text: str, body: Body) -> RulingItem:
    """What one ruling item does, by its verb and cue words."""
    r = "ruling"
    if re.match(cue_re(r, "reject").pattern, text) or (cue_re(r, "dismiss").search(text) and "驳回" in text):
        return _reject(text, body)
    if re.search(r"不予受理", text):
        return _reject(text, body)
    if cue_re(r, "not_exist").search(text):
        return RulingItem(text, "not_exist", parts=[Part("labor_relation")])
    m = cue_re(r, "not_pay").search(text)
    if m:
        return RulingItem(text, "not_pay", _actor(text[: m.start()], body), parts=parts_of(text[m.start():]))
    if cue_re(r, "exist").search(text):
        return RulingItem(text, "exist", parts=[Part("labor_relation")])
    if cue_re(r, "joint").search(text):
        return RulingItem(text, "joint")
    m = cue_re(r, "pay").search(text)
    if m and find_money(text):
        return RulingItem(text, "pay", _actor(text[: m.start()], body), parts=parts_of(text[m.start():]))
    m = cue_re(r, "perform").search(text)
    if m:
        return RulingItem(text, "perform", _actor(text[: m.start()], body), parts=parts_of(text[m.start():]))
    if m := cue_re(r, "pay").search(text):
        return RulingItem(text, "pay", _actor(text[: m.start()], body), parts=parts_of(text[m.start():]))
    if re.search(r"解除|终止", text) and re.search(r"劳动(?:合同)?关系|劳动合同", text):
        return RulingItem(text, "terminate")
    return RulingItem(text, "other")


def _reject(text: str, body: Body) -> RulingItem:
    m = re.search(r"驳回(?P<who>.*?)(?:的)?(?P<scope>其他|其余|其它|剩余|全部)?(?:的)?(?:诉讼|仲裁|反诉)?(?:请求|诉请|起诉|申请)", text)
    at, who = (m.start("who"), m["who"]) if m else (0, "")
    m2 = re.match(r"对(?P<who>.+?)(?:关于|要求|请求)", text)  # 「对申请人关于…的请求不予受理」
    if m2 and not who:
        at, who = m2.start("who"), m2["who"]
    who_party = re.match(r"(.*?)(?:要求|关于|请求|主张|提出)", who)
    party = who_party[1] if who_party else who
    side = side_of(party, body.sides) if party.strip() else None
    scope_word = m["scope"] if m else None
    rest = text[at + len(party) :]
    named = [t for t in taxonomy_types(rest) if t != OTHER] or (
        [] if not re.search(r"(?:要求|关于|请求)[^。]{2,}(?:的)?(?:诉讼|仲裁)?请求", text) else [OTHER])
    if scope_word in ("其他", "其余", "其它", "剩余"):
        scope = "rest"
    elif scope_word == "全部" or not named:
        scope = "all"
    else:
        scope = "specific"
    dismiss = bool(cue_re("ruling", "dismiss").search(text))
    parts = [Part(t, a) for t, a in _money_parts(rest)] if scope == "specific" else []
    parts = parts or [Part(t) for t in named]
    return RulingItem(text, "reject", side, scope, dismiss, parts)


def _actor(prefix: str, body: Body) -> ClaimantSide | None:
    """Who acts in a ruling item: the party named before its verb (「被告某公司于本判决生效之日起…支付」)."""
    prefix = re.sub(r"(?:本判决|判决|本裁决|裁决)(?:书)?(?:生效|发生法律效力)[^，,。]*[，,]?|限|由|自|于", "", prefix)
    names = re.findall(r"(?:原告|被告|申请人|被申请人)?[^，,。；;、\s]{1,40}", prefix)
    for name in names:
        side = side_of(name, body.sides)
        if side is not None:
            return side
    return ClaimantSide.EMPLOYER


def taxonomy_types(text: str) -> list[str]:
    from arbitration.law import taxonomy

    return taxonomy().match_all(text)


def _money_parts(text: str) -> list[tuple[str, Decimal]]:
    """(claim type, sum) for each amount of an item: the words since the last amount name it; amounts in
    brackets (how it was computed), totals (合计) and rates (/月) are not sums of their own."""
    out: list[tuple[str, Decimal]] = []
    masked = _BRACKETS.sub(lambda m: "　" * len(m[0]), text)
    prev = 0
    last_type = OTHER
    for m in find_money(masked):
        if _TOTAL_BEFORE.search(masked[max(0, m.start - 6) : m.start]) or _RATE_AFTER.match(masked[m.end : m.end + 4]):
            prev = m.end
            continue
        words = masked[prev : m.start]
        t = match_claim_type(words)[0]
        if t == OTHER and not re.search(r"[\u4e00-\u9fff]{2,}(?:费|金|款|资|补助|补贴|津贴)", words):
            t = last_type  # 「2014年5月份工资2200元、6月份1517.25元」: the same sum continued
        out.append((t, m.amount))
        last_type, prev = t, m.end
    return out


def parts_of(text: str) -> list[Part]:
    """The sums (per claim type, added up) and the acts named in a ruling item."""
    sums: dict[str, Decimal] = {}
    for t, a in _money_parts(text):
        sums[t] = sums.get(t, Decimal(0)) + a
    parts = [Part(t, a) for t, a in sums.items()]
    for t in taxonomy_types(text):
        if t != OTHER and t not in sums:
            parts.append(Part(t))
    return parts


# ---------------------------------------------------------------- ruling → decisions


def decide(requests: list[Request], items: list[RulingItem]) -> list[Decision | None]:
    """Each request's decision from the ruling items, in their order; the rest of 「驳回…其他请求」 last."""
    out: list[Decision | None] = [None] * len(requests)
    rest: list[RulingItem] = []
    for item in items:
        if item.act == "reject":
            if item.scope == "specific":
                for part in item.parts or [Part(OTHER)]:
                    i = _pick(requests, out, item.side, part, item.text)
                    if i is not None:
                        out[i] = _denied(requests[i], item.dismiss)
            else:
                rest.append(item)
        elif item.act in ("pay", "perform"):
            for part in item.parts:
                _grant(requests, out, item, part)
        elif item.act == "not_pay":
            types = {p.type for p in item.parts} or {r.claim.type for r in requests}
            for i, r in enumerate(requests):
                if r.claim.type in types and out[i] is None:
                    out[i] = (Decision(Outcome.GRANTED, None, Decimal(0)) if r.side is item.side
                              else _denied(r, False))
        elif item.act in ("exist", "not_exist"):
            for i, r in enumerate(requests):
                if r.claim.type != "labor_relation" or out[i] is not None:
                    continue
                asks_none = bool(re.search(r"不存在|不成立", r.claim.text))
                if (item.act == "exist") != asks_none:
                    out[i] = Decision(_period_outcome(r, item.text))
                else:
                    out[i] = _denied(r, False)
        elif item.act in ("joint", "terminate"):
            key = "连带" if item.act == "joint" else "解除"
            for i, r in enumerate(requests):
                if out[i] is None and key in r.claim.text and r.claim.type in (OTHER, "labor_relation"):
                    out[i] = Decision(Outcome.GRANTED)
                    break
    for item in rest:
        for i, r in enumerate(requests):
            if out[i] is None and (item.side is None or r.side is item.side):
                out[i] = _denied(r, item.dismiss)
                out[i].by = "rest"
    return out


def _denied(r: Request, dismiss: bool) -> Decision:
    return Decision(Outcome.NOT_ACCEPTED if dismiss else Outcome.DENIED,
                    Decimal(0) if r.claim.amount is not None and r.side is ClaimantSide.WORKER else None)


def _pick(requests: list[Request], out: list[Decision | None], side: ClaimantSide | None, part: Part,
          text: str) -> int | None:
    """The undecided request a ruling part speaks of: same side, same type, the same amount if one fits."""
    pool = [i for i, r in enumerate(requests) if out[i] is None and (side is None or r.side is side)]
    same = [i for i in pool if requests[i].claim.type == part.type]
    if part.type == OTHER:
        same = [i for i in same if _overlap(requests[i].claim.text, text) >= 0.25] or same[:1]
    if part.amount is not None:
        exact = [i for i in same if requests[i].claim.amount is not None
                 and abs(requests[i].claim.amount - part.amount) <= HALF_YUAN]
        if exact:
            return exact[0]
    return same[0] if same else None


def _grant(requests: list[Request], out: list[Decision | None], item: RulingItem, part: Part) -> None:
    """A payment (or act) by one side: the other side's request of that type is granted (in part when less than
    asked); the acting side's own request of that type (「无需支付」) is denied, or partly when less is ordered."""
    payer = item.side or ClaimantSide.EMPLOYER
    payee = ClaimantSide.WORKER if payer is ClaimantSide.EMPLOYER else ClaimantSide.EMPLOYER
    i = _pick(requests, out, payee, part, item.text)
    if i is None:  # a second sum for a request already granted: add it up
        done = [k for k, r in enumerate(requests) if r.side is payee and r.claim.type == part.type
                and out[k] is not None and out[k].by == "ruling" and out[k].outcome in (Outcome.GRANTED, Outcome.PARTLY)]
        if done and part.amount is not None and out[done[0]].granted is not None:
            k = done[0]
            out[k] = _granted(requests[k], out[k].granted + part.amount)
    else:
        out[i] = _granted(requests[i], part.amount)
    j = _pick(requests, out, payer, part, item.text)
    if j is not None:
        asked = requests[j].claim.amount
        partly = part.amount is not None and asked is not None and part.amount + HALF_YUAN < asked
        out[j] = Decision(Outcome.PARTLY if partly else Outcome.DENIED, None, part.amount)


def _granted(r: Request, amount: Decimal | None) -> Decision:
    asked = r.claim.amount
    if amount is not None and asked is not None and amount + HALF_YUAN < asked:
        return Decision(Outcome.PARTLY, amount)
    return Decision(Outcome.GRANTED, amount)


def _period_outcome(r: Request, text: str) -> Outcome:
    """A relation confirmed for a shorter period than asked is granted in part."""
    ranges = find_ranges(text)
    if not ranges or r.claim.period_start is None:
        return Outcome.GRANTED
    got = ranges[0]
    later = got.first_day and got.first_day > r.claim.period_start
    earlier = got.last_day and r.claim.period_end and got.last_day < r.claim.period_end
    return Outcome.PARTLY if later or earlier else Outcome.GRANTED


def _overlap(a: str, b: str) -> float:
    """Share of a's character bigrams found in b (for requests of no known type)."""
    grams = {a[i : i + 2] for i in range(len(a) - 1)} - {"原告", "被告", "支付", "判令", "请求", "要求"}
    return len([g for g in grams if g in b]) / max(len(grams), 1)


# ---------------------------------------------------------------- reasoning


def reason_segments(block: str) -> list[str]:
    """本院认为 split per issue at 一、/（一）/关于 headings, else per paragraph (line)."""
    parts = re.split(r"\n\s*(?=(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|关于))", "\n" + block)
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) <= 1:
        parts = [p.strip() for p in block.split("\n") if p.strip()]
    return parts


def reasoning_block(body: Body) -> str:
    """The reasoning's words, up to its 「综上」 summary."""
    if not body.reasoning:
        return ""
    a, b = body.reasoning
    first = body.lines[a][body.reasoning_head :].lstrip("：:，, ")
    text = "\n".join([first, *body.lines[a + 1 : b]])
    return re.split(r"\n?\s*综上[，,所述]", text)[0].strip()


_NUMBER = re.compile(rf"(?:诉讼|仲裁)?请求(?:中的|的)?第([{_CN_NUM}\d]{{1,3}})项|第([{_CN_NUM}\d]{{1,3}})项(?:诉讼|仲裁)?请求")


def segment_refs(seg: str, requests: list[Request]) -> list[int]:
    """The requests a reasoning paragraph speaks of: by number (诉讼请求第三项), else by type (its heading's
    type first, as in 「（一）关于加班费」), narrowed by the sum asked when several requests share that type; a
    paragraph naming no type speaks of the request whose sum it quotes (「要求被告支付…11000元的诉讼请求」)."""
    from arbitration.law.numerals import from_chinese

    nums = set()
    for m in _NUMBER.finditer(seg):
        raw = m[1] or m[2]
        try:
            nums.add(int(raw) if raw.isdigit() else from_chinese(raw))
        except ValueError:
            pass
    if refs := [i for i, r in enumerate(requests) if r.number in nums]:
        return refs
    first = re.split(r"[。：:]", seg, maxsplit=1)[0]
    head = first if len(first) <= 40 and re.match(rf"(?:[{_CN_NUM}]{{1,3}}、|（[{_CN_NUM}]{{1,3}}）)?\s*关于", first) else seg[:60]
    tid, conf = match_claim_type(head)
    if tid == OTHER or conf < 0.5:
        tid, conf = match_claim_type(seg[:200])
    asked = {m.amount for m in find_money(seg)
             if re.search(r"要求|请求|主张|诉请|诉称", seg[max(0, m.start - 40) : m.start])}
    refs = [i for i, r in enumerate(requests) if r.claim.type == tid] if tid != OTHER else []
    if len(refs) > 1 and (narrow := [i for i in refs if requests[i].claim.amount in asked]):
        return narrow
    if not refs:
        refs = [i for i, r in enumerate(requests) if r.claim.amount is not None and r.claim.amount in asked]
    if not refs and len(requests) == 1:
        refs = [0]
    return refs


_VERDICT_ORDER = ("not_accepted", "denied", "partly", "granted")
_LAW_QUOTE = re.compile(r"^(?:根据|依据|按照|依照)?《|^(?:用人单位|劳动者)")
_ARGUMENT = re.compile(r"抗辩|辩称|答辩|质证|采信|真实性")


def verdicts(seg: str) -> list[str]:
    """The conclusions a reasoning paragraph draws, in order (sentences quoting the law or weighing the other
    side's argument or evidence draw none)."""
    out = []
    for sentence in re.split(r"(?<=[。；;])", seg):
        if _LAW_QUOTE.search(sentence.strip()) and "本院" not in sentence or _ARGUMENT.search(sentence):
            continue
        found = []
        for kind in _VERDICT_ORDER:
            for m in cue_re("verdicts", kind).finditer(sentence):
                if kind == "granted" and sentence[max(0, m.start() - 1) : m.start()] in ("不", "无", "未"):
                    continue
                found.append((m.start(), kind))
        if any(k == "partly" for _, k in found):
            out.append("partly")
        elif found:
            out.append(max(found)[1] if not any(k in ("not_accepted", "denied") for _, k in found)
                       else next(k for k in _VERDICT_ORDER if any(k == f for _, f in found)))
    return out


def outcome_of(found: list[str]) -> Outcome | None:
    """One outcome from the conclusions about one request: 部分 or both 支持 and 不予支持 → partly."""
    if not found:
        return None
    kinds = set(found)
    if "partly" in kinds or {"granted", "denied"} <= kinds:
        return Outcome.PARTLY
    return Outcome(found[-1])


def basis_articles(claim_type: str, basis: list[Citation]) -> list[Citation]:
    """Of the articles the whole ruling rests on, those the taxonomy lists for this claim type."""
    from arbitration.law import taxonomy

    if claim_type not in taxonomy():
        return []
    own = {(c.law, c.article) for c in taxonomy().get(claim_type).articles}
    return [c for c in basis if (c.law, c.article) in own]
