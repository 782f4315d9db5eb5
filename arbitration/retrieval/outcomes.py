"""What was decided on each request: the items of 判决如下 / 裁决如下 matched to the requests (a payment grants it,
less than asked grants it in part, 「原告无需支付…」 grants the employer's request, 「驳回…其他诉讼请求」 denies the
rest), then refined by the reasoning (本院认为: 「不予处理」 is not accepted, 「部分支持」 is partly), which also
gives each request its paragraph and the articles it rests on. Cue words: arbitration/data/judgment_cues.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from arbitration.extract.claimtypes import OTHER, match_claim_type
from arbitration.extract.parties import ORG_IN_TEXT
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
    """One sum or act of a ruling item: its claim type, amount (None for an act: 办理, 确认) and the words that
    name it (「赔偿金」)."""

    type: str
    amount: Decimal | None = None
    words: str = ""


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
    parts = _money_parts(rest) if scope == "specific" else []
    parts = parts or [Part(t) for t in named]
    return RulingItem(text, "reject", side, scope, dismiss, parts)


def _actor(prefix: str, body: Body) -> ClaimantSide:
    """Who acts in a ruling item: the party named before its verb (「被告某公司于本判决生效之日起…向原告支付」):
    an organisation named there is the employer, else the first role word, else (a person named) the worker."""
    prefix = re.sub(r"[（(][^）)]*[）)]", "", prefix)
    if ORG_IN_TEXT.search(prefix):
        return ClaimantSide.EMPLOYER
    m = re.search(r"(?:原告|被告|被申请人|申请人|上诉人|被上诉人)", prefix)
    if m:
        return side_of(m[0], body.sides) or ClaimantSide.EMPLOYER
    head = re.sub(r"^(?:本判决|判决|本裁决|裁决)(?:书)?(?:生效|发生法律效力)[^，,。]*[，,]|^(?:限|由)", "", prefix)
    m = re.match(r"[\u4e00-\u9fff]{2,4}(?=于|在|自|应|向|给付|支付)", head)
    return ClaimantSide.WORKER if m and not re.search(r"判决|裁决|生效", m[0]) else ClaimantSide.EMPLOYER


def taxonomy_types(text: str) -> list[str]:
    from arbitration.law import taxonomy

    return taxonomy().match_all(text)



def _money_parts(text: str) -> list[Part]:
    """One part per amount of an item: the words since the last amount name it; amounts in brackets (how it
    was computed), totals (合计) and rates (/月) are not sums of their own."""
    out: list[Part] = []
    masked = _BRACKETS.sub(lambda m: "　" * len(m[0]), text)
    prev = 0
    last_type = OTHER
    for m in find_money(masked):
        total = _TOTAL_BEFORE.search(masked[max(0, m.start - 6) : m.start])
        if (total and out) or _RATE_AFTER.match(masked[m.end : m.end + 4]):  # 「…，合计207343.2元」 adds nothing
            prev = m.end
            continue
        words = masked[prev : m.start]
        t = match_claim_type(words)[0]
        if t == OTHER and not re.search(r"[\u4e00-\u9fff]{2,}(?:费|金|款|资|补助|补贴|津贴|赔偿|补偿)", words):
            t = last_type  # 「2014年5月份工资2200元、6月份1517.25元」: the same sum continued
        out.append(Part(t, m.amount, re.sub(r"[\s　，,、；;。]+", "", words)[-10:]))
        last_type, prev = t, m.end
    return out


def parts_of(text: str) -> list[Part]:
    """The sums named in a ruling item, added up per claim type; without sums, the acts it names (「办理…一次性
    伤残补助金」, 「无须支付…赔偿金」)."""
    sums: dict[str, Part] = {}
    for p in _money_parts(text):
        if p.type in sums:
            sums[p.type].amount += p.amount
        else:
            sums[p.type] = p
    if sums:
        return list(sums.values())
    return [Part(t, None, text) for t in taxonomy_types(text) if t != OTHER]


# ---------------------------------------------------------------- ruling → decisions



def decide(requests: list[Request], items: list[RulingItem]) -> list[Decision | None]:
    """Each request's decision from the ruling items, in their order; the rest of 「驳回…其他请求」 last."""
    out: list[Decision | None] = [Decision(Outcome.NOT_ACCEPTED, by="withdrawn") if getattr(r.claim, "withdrawn", False)
                                  else None for r in requests]  # 撤回: not decided on the merits
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
                    fewer = item.act == "joint" and _items_named(item.text) < _items_named(r.claim.text)
                    out[i] = Decision(Outcome.PARTLY if fewer else Outcome.GRANTED)
                    break
    _undo_requests(requests, out, items)
    for item in rest:
        for i, r in enumerate(requests):
            if out[i] is None and (item.side is None or r.side is item.side):
                out[i] = _denied(r, item.dismiss)
                out[i].by = "rest"
    return out


_UNDO = re.compile(r"撤销|纠正|不承担|无需|无须|不予支付|不支付|不应支付")


def _generic_undo(r: Request) -> bool:
    """An employer's request that names no type or sum, only undoing the award (「判定原告不承担支付和赔偿义务」)."""
    return r.side is ClaimantSide.EMPLOYER and r.claim.type == OTHER and r.claim.amount is None and bool(_UNDO.search(r.claim.text))


def typed_requests(requests: list[Request], items: list[RulingItem]) -> list[Request]:
    """An employer's request to undo the award as a whole stands for each thing the ruling orders it to pay or
    do, or frees it of: one request per such claim type (the same words), so it is decided and found by type."""
    types = list(dict.fromkeys(p.type for it in items if it.act in ("pay", "perform", "not_pay")
                               and it.side is ClaimantSide.EMPLOYER for p in it.parts if p.type != OTHER))
    out: list[Request] = []
    for r in requests:
        if _generic_undo(r) and types:
            out += [replace(r, claim=replace(r.claim, type=t)) for t in types]
        else:
            out.append(r)
    return out


def _undo_requests(requests: list[Request], out: list[Decision | None], items: list[RulingItem]) -> None:
    """An employer's request naming no sum or type (「撤销仲裁裁决」, 「判定原告不承担支付和赔偿义务」) fails as far
    as it is still ordered to pay or act, and succeeds where the ruling frees it of everything."""
    ordered = [it for it in items if it.act in ("pay", "perform") and it.side is ClaimantSide.EMPLOYER]
    freed = [it for it in items if it.act == "not_pay" and it.side is ClaimantSide.EMPLOYER]
    for i, r in enumerate(requests):
        if out[i] is not None or not _generic_undo(r):
            continue
        if ordered:
            sums = [p.amount for it in ordered for p in it.parts if p.amount is not None]
            out[i] = Decision(Outcome.PARTLY if freed else Outcome.DENIED, None, sum(sums, Decimal(0)) if sums else None)
        elif freed:
            out[i] = Decision(Outcome.GRANTED, None, Decimal(0))


def _items_named(text: str) -> int:
    """How many items a joint-liability clause covers: 「第二项至第四项」 → 3, 「第二、三项」 → 2, none named → 99."""
    from arbitration.law.numerals import from_chinese

    def num(x: str) -> int:
        return int(x) if x.isdigit() else from_chinese(x)

    m = re.search(rf"第([{_CN_NUM}\d]{{1,3}})项?(?:至|到|-|—)第?([{_CN_NUM}\d]{{1,3}})项", text)
    if m:
        return num(m[2]) - num(m[1]) + 1
    m = re.search(rf"第((?:[{_CN_NUM}\d]{{1,3}}[、，,和及])*[{_CN_NUM}\d]{{1,3}})项", text)
    return len(re.split(r"[、，,和及]", m[1])) if m else 99


def _denied(r: Request, dismiss: bool) -> Decision:
    return Decision(Outcome.NOT_ACCEPTED if dismiss else Outcome.DENIED,
                    Decimal(0) if r.claim.amount is not None and r.side is ClaimantSide.WORKER else None)


def _pick(requests: list[Request], out: list[Decision | None], side: ClaimantSide | None, part: Part,
          text: str) -> int | None:
    """The undecided request a ruling part speaks of: same side, same type, the same amount if one fits; with
    no request of that type, the one whose words name the part's (「赔偿13256元」 → 「经济赔偿金76560元」)."""
    pool = [i for i, r in enumerate(requests) if out[i] is None and (side is None or r.side is side)]
    same = [i for i in pool if requests[i].claim.type == part.type]
    if part.type == OTHER:
        same = [i for i in same if _overlap(requests[i].claim.text, text) >= 0.25] or same[:1]
    if not same and part.words:
        noun = _head_noun(part.words)
        best = max(pool, key=lambda i: (_overlap(noun, requests[i].claim.text), -i), default=None)
        same = [best] if best is not None and len(noun) >= 2 and _overlap(noun, requests[best].claim.text) >= 0.99 else []
    if part.amount is not None:
        exact = [i for i in same if requests[i].claim.amount is not None
                 and abs(requests[i].claim.amount - part.amount) <= HALF_YUAN]
        if exact:
            return exact[0]
    return same[0] if same else None


def _head_noun(words: str) -> str:
    """The name of a sum in a ruling item: the last few characters after its verb (「向原告某某支付赔偿」 → 「赔偿」)."""
    words = re.split(r"支付|给付|补发|返还|退还|偿付", words)[-1] or words
    return re.sub(r"^(?:原告|被告|申请人|被申请人)", "", words[-4:])


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
        out[i] = _granted(requests[i], part.amount, item.text)
    j = _pick(requests, out, payer, part, item.text)
    if j is not None and item.act == "perform" and not _same_act(item.text, requests[j].claim.text):
        j = None  # 「办理工伤待遇（具体数额由基金核定）」 is no order to pay what the employer asked not to pay
    if j is not None:
        # the acting side asked not to pay (or to pay less): it won in part when less is ordered than it
        # disputed, or, naming no sum, than the other side asked for
        asked = requests[j].claim.amount
        if asked is None and i is not None:
            asked = requests[i].claim.amount
        partly = part.amount is not None and asked is not None and part.amount + HALF_YUAN < asked
        out[j] = Decision(Outcome.PARTLY if partly else Outcome.DENIED, None, part.amount)


def _same_act(item: str, request: str) -> bool:
    """Whether a ruling's act (办理, 补缴, 出具 …) is the one a request speaks of."""
    acts = {m[0] for m in cue_re("ruling", "perform").finditer(item)}
    return any(a in request for a in acts)


def _granted(r: Request, amount: Decimal | None, item: str = "") -> Decision:
    """Granted, or partly when less than asked or without the interest asked on it (「…及利息」)."""
    asked = r.claim.amount
    if amount is not None and asked is not None and amount + HALF_YUAN < asked:
        return Decision(Outcome.PARTLY, amount)
    if "利息" in r.claim.text and "利息" not in item:
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


def _numbered_refs(text: str, requests: list[Request]) -> list[int]:
    from arbitration.law.numerals import from_chinese

    nums = set()
    for m in _NUMBER.finditer(text):
        raw = m[1] or m[2]
        try:
            nums.add(int(raw) if raw.isdigit() else from_chinese(raw))
        except ValueError:
            pass
    return [i for i, r in enumerate(requests) if r.number in nums and r.kind != "defence"]


def segment_refs(seg: str, requests: list[Request]) -> list[int]:
    """The requests a reasoning paragraph speaks of: by number (诉讼请求第三项), else by type (its heading's
    type first, as in 「（一）关于加班费」), narrowed by the sum asked when several requests share that type; a
    paragraph naming no type speaks of the request whose sum it quotes (「要求被告支付…11000元的诉讼请求」)."""
    if refs := _numbered_refs(seg, requests):
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


def verdict(sentence: str) -> str | None:
    """The conclusion one sentence of the reasoning draws, if any (one quoting the law or weighing the other
    side's argument or evidence draws none)."""
    if _LAW_QUOTE.search(sentence.strip()) and "本院" not in sentence or _ARGUMENT.search(sentence):
        return None
    found = []
    for kind in _VERDICT_ORDER:
        for m in cue_re("verdicts", kind).finditer(sentence):
            if kind == "granted" and sentence[max(0, m.start() - 1) : m.start()] in ("不", "无", "未"):
                continue
            found.append((m.start(), kind))
    if not found:
        return None
    if any(k == "partly" for _, k in found):
        return "partly"
    if any(k in ("not_accepted", "denied") for _, k in found):
        return next(k for k in _VERDICT_ORDER if any(k == f for _, f in found))
    return "granted"


def sentence_refs(sentence: str, requests: list[Request], sides: dict[str, ClaimantSide] | None = None) -> list[int] | None:
    """The requests one sentence names itself: by number, as the counterclaim (反诉), or as a request of a type
    (「其要求支付经济补偿金的请求」), of the party who asks there (「被告某某要求原告按11个月支付…」) when both sides
    asked for that type; [] when it names none (it speaks of its paragraph's); None when it weighs what the other
    side contends about it."""
    if refs := _numbered_refs(sentence, requests):
        return refs
    if "反诉" in sentence and (refs := [i for i, r in enumerate(requests) if r.kind == "counterclaim"]):
        return refs
    m = re.search(r"要求|请求|主张|诉请", sentence)
    if not m:
        return []
    tid = match_claim_type(sentence[m.start():])[0]
    refs = [i for i, r in enumerate(requests) if r.claim.type == tid] if tid != OTHER else []
    asked = {x.amount for x in find_money(sentence[m.start():])}
    if len(refs) > 1 and (narrow := [i for i in refs if requests[i].claim.amount in asked]):
        refs = narrow
    if refs and sides:
        clause = re.split(r"[，,]", sentence[: m.start()])[-1]
        who = re.findall(r"原告|被告|被申请人|申请人|被上诉人|上诉人", clause)
        side = side_of(who[-1], sides) if who else None
        if side is not None and not any(requests[i].side is side for i in refs):
            return None  # the other side's contention (「被告主张…存在劳动关系，证据不足」), not this request
        refs = [i for i in refs if requests[i].side is side] or refs
    return refs


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
