"""The tribunal's findings sentence by sentence (经审理查明 …): the sentences that state what the tribunal found —
not a party's contention it reports (「某某主张…」) nor the story of the arbitration before the suit (申请仲裁,
裁决, 不予受理) — and the words that name each side in them (role words, names, the short names a text defines)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

from arbitration.model import Case, PartyKind, PartyRole, Side

# a sentence that reports what someone said or asked, or tells the proceedings before this one: no finding
REPORTED = re.compile(r"主张|诉称|辩称|抗辩|辩解|自述|述称|认为|(?<![名简职])称(?!号)|要求|请求|诉至|起诉|不服|申请仲裁|提起仲裁|仲裁|裁决|该委|不予受理|"
                      r"决定书|证明目的|拟证明|用于证明|提交(?:了)?(?:下列|以下|如下)")
CLAUSE = re.compile(r"[，,：:]")
ORG_SUFFIX = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|厂|店|部|站|中心)+$")
ORG_TAIL = r"[^\s，,。；;、“”\"（）()]{0,16}?(?:有限责任公司|股份有限公司|有限公司|公司)"


SENTENCE_END = "[。；;\n]"  # what closes a sentence of the findings, for `sentences` and `_spans` alike


def sentences(text: str | None, marks: bool = False) -> list[str]:
    """The sentences of `text` (。；and line ends), stripped, empty ones dropped; with `marks` each keeps the 。or；
    that closes it (a sentence quoted as a finding's basis)."""
    return [s.strip() for s in re.split(f"(?<={SENTENCE_END})" if marks else SENTENCE_END, text or "") if s.strip()]


ITEM = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．)）]|^\s*[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]")


AWARD = re.compile(r"裁决|调解书|调解协议")
ASKED = re.compile(r"要求|请求|申请仲裁|提起仲裁|提出仲裁|仲裁申请|诉请|主张|诉称|辩称")


def classified(case: Case) -> list[tuple[str, str]]:
    """(kind, sentence) for each sentence of the tribunal's findings: "own" (a finding of its own), "award" (what
    an earlier award or settlement ordered, 「仲裁委…作出裁决：…」) or "reported" (a contention or request it reports);
    the numbered items after such a sentence (「仲裁请求为：1、…；2、…」) are of its kind."""
    return list(_classified(case.tribunal_statement or ""))


@lru_cache(maxsize=64)
def _classified(text: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    kind = "own"
    for s in sentences(text):
        if kind != "own" and ITEM.match(s):
            out.append((kind, s))
            continue
        kind = "own" if not REPORTED.search(s) else "award" if AWARD.search(s) and not ASKED.search(s) else "reported"
        out.append((kind, s))
    return tuple(out)


def reported(case: Case, quote: str | None) -> bool:
    """Whether `quote` (what a tribunal version was read from) lies in a sentence the findings only report or in an
    earlier award they tell of (「仲裁请求为：…加班费…」), not in a finding of their own."""
    if not quote:
        return False
    where = {kind == "own" for kind, s in classified(case) if quote in s or s in quote}
    return where == {False}  # only in such sentences: a short quote (a date) also in a finding stays a finding


def own_sentences(case: Case) -> list[str]:
    """The sentences of the tribunal's findings that state a finding of its own."""
    return [s for kind, s in classified(case) if kind == "own"]


def awarded(case: Case) -> list[str]:
    """What an earlier award (or settlement) the findings tell of ordered, item by item."""
    return [s for kind, s in classified(case) if kind == "award"]


def clauses(sentence: str) -> list[str]:
    return [c.strip() for c in CLAUSE.split(sentence) if c.strip()]


def names(case: Case, side: Side, word: str) -> tuple[str, ...]:
    """The words that name `side` in the case's texts: its role word (被告), its parties' names and the short
    names the texts define for them (「…有限公司（以下简称建材公司）」), longest first."""
    from arbitration.extract.parties import aliases

    role = PartyRole.APPLICANT if side == Side.APPLICANT else PartyRole.RESPONDENT
    full = [p.name for p in case.parties_by_role(role) if p.name and p.name != word]
    text = "\n".join(x for x in (case.applicant_statement, case.respondent_statement, case.tribunal_statement) if x)
    short = [alias for alias, whole in aliases(text).items() if any(n in whole or whole in n for n in full)]
    orgs = [p.name for p in case.parties_by_role(role) if p.name and p.kind == PartyKind.ORGANISATION]
    longer = [m.group() for n in orgs if len(core := ORG_SUFFIX.sub("", n)) >= 2
              for m in re.finditer(re.escape(core) + ORG_TAIL, text)]  # 「新大陆公司」 written out in full
    return tuple(sorted({word, *full, *short, *longer} - {""}, key=len, reverse=True))


def mentions(text: str, refs: tuple[str, ...]) -> bool:
    return any(r in text for r in refs)


# a quotation given as what someone said or wrote: opened after a colon or a word of saying (「询问笔录内容为：“…”」
# 「通知载明“…”」), not a word quoted in running text (「以“旷工”为由」)
QUOTE_LEAD = re.compile(r"(?:[：:]|内容为|载明|写明|记载|陈述|表示|(?<!简)称|答|说)\s*$")
# what both sides agreed (a contract, an agreement) or the employer's rules: the terms they state are facts, no
# party's account of what happened
AGREED_OR_RULES = re.compile(r"合同|协议|制度|手册|守则|办法|细则|规定|规则|章程")
QUOTES = {"“": "”", "「": "」"}
# the side that says it, then a word of saying at the head of a sentence (「被告的法定代表人当庭陈述，…」)
SAYING = re.compile(r"(?<![的和及、])(?:陈述|述称|自述|表示|答复|回答)(?:称|说|道)?[，,：:]")
# the one named first received what is quoted (「原告收到被告的通知，内容为：…」): its author is the other
RECEIVED = re.compile(r"收到|接到|签收|收悉|领取")
# papers only one side writes, the last named before the quotation: a worker's account or apology (a statement
# against its own interest where it owns misconduct), an employer's notice or decision
PAPERS = {"worker": re.compile(r"检讨|悔过|保证书|承诺书|情况说明|自述|辞职(?:信|书|申请|报告)|收条|收据"),
          "employer": re.compile(r"(?:解除|终止|辞退|开除|除名)[^，。；：:“”]{0,8}(?:通知|决定)|处理决定|处分决定|处罚决定|通报|公告")}


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) of each sentence of `text` as `sentences` gives them."""
    out, pos = [], 0
    for m in re.finditer(SENTENCE_END + "|$", text):
        if (seg := text[pos:m.start()]).strip():
            out.append((pos, m.start(), seg.strip()))
        pos = m.end()
        if m.start() == len(text):
            break
    return out


def _speaker(lead: str, worker: tuple[str, ...], employer: tuple[str, ...]) -> str | None:
    """"worker" or "employer": whose words `lead` (the words before them) gives — the author of the paper it last
    names where only one side writes such papers, else the side it names first, unless that one received them from
    the other (「原告收到被告的…」); None when it names neither."""
    last = re.sub(r"[^，,。；：:“”《》]{0,12}(?:通知|决定)[书函]?", "", re.split(r"[，,]", lead)[-1])
    if AGREED_OR_RULES.search(last):  # 「签订了一份聘用合同书：」「第十二条规定：」, not 「劳动合同到期终止通知书载明：」
        return None
    papers = [(m.start(), who) for who, p in PAPERS.items() for m in p.finditer(lead)]
    if papers and _first_named(lead, worker, employer) is not None:
        return max(papers)[1]
    first = _first_named(lead, worker, employer)
    if first is None:
        return None
    mine, theirs = (worker, employer) if first == "worker" else (employer, worker)
    at = min(i for w in mine if (i := lead.find(w)) >= 0)
    clause = re.split(r"[，,：:]", lead[at:])[0]
    if RECEIVED.search(clause) and mentions(clause, theirs):
        return "employer" if first == "worker" else "worker"
    return first


def words_of(case: Case, worker: tuple[str, ...], employer: tuple[str, ...]) -> dict[str, str]:
    """The sentences of the tribunal's findings that only give a party's own words, each with "worker" or
    "employer" (`worker`/`employer`: the words naming each side, `names`): a quotation of what it said or wrote — its
    representative's words, a notice it issued, a worker's written account — opened after a colon or a word of
    saying, with the sentence that opens it; a sentence whose head says that side stated it (「被告的法定代表人
    陈述，…」). What a party says is its account, not what the tribunal found."""
    text = case.tribunal_statement or ""
    spans = _spans(text)
    out: dict[str, str] = {}
    for i, ch in enumerate(text):
        if ch not in QUOTES or not 0 <= (j := text.find(QUOTES[ch], i + 1)) - i <= 1500:
            continue  # a quotation never closed is none
        start = next((a for a, b, _ in spans if a <= i <= b), i)
        lead = text[start:i]
        if QUOTE_LEAD.search(lead) and (who := _speaker(lead, worker, employer)) is not None:
            out.update({s: who for a, b, s in spans if a < j and b >= i})
    for _, _, s in spans:
        if (m := SAYING.search(s)) is not None and m.start() <= 40 and s not in out:
            if (who := _first_named(s[:m.start()], worker, employer)) is not None:
                out[s] = who
    return out



# the worker's application for arbitration as the texts of a court case tell it (「原告于2015年5月4日向某某劳动
# 人事争议仲裁委员会申请仲裁」「将被告申诉至某某仲裁委员会」)
_GAP = r"(?:(?!工资|争议|要求|请求|支付|至今|期间|的)[^，。；\d])"  # a subject between the date and 向, no claim
TO_COMMISSION = re.compile(rf"[，,\s]*(?:{_GAP}{{0,16}}?以[^，。；\d]{{0,30}}?为被申请人)?{_GAP}{{0,16}}?"
                           r"(?:向|将[^，。；\d]{0,30}?(?:申诉|提交)(?:至|到))[^，。；\d]{0,40}?(?:仲裁委员会|仲裁院|仲裁委)")
_APPLY = r"(?:申请|提起|提出|提请)(?:了)?(?:劳动)?(?:人事)?(?:争议)?仲裁"  # 「申请仲裁」「提起劳动争议仲裁」
APPLIED = re.compile(_APPLY + r"|仲裁申请|申诉至|申诉到")


COMMISSION_PLACE = re.compile(r"(?:向|至|到|经)(?P<place>[\u4e00-\u9fa5]{2,16}?)(?:劳动人事争议|劳动争议)(?:调解)?仲裁(?:委员会|院)")


def region_named(case: Case) -> str | None:
    """The case's city: its own, else the city of the arbitration commission its texts say the dispute went to
    (「向兰州市城关区劳动人事争议仲裁委员会申请仲裁」 → 兰州市) — where the case belongs, whose figures apply."""
    from arbitration.extract.places import city_named

    if case.region:  # a region read with the words before it (「原告向新沂市」) is the place after 向
        return city_named(re.split(r"[向至到]", case.region)[-1]) or case.region
    for text in (case.tribunal_statement, case.applicant_statement, case.respondent_statement):
        for m in COMMISSION_PLACE.finditer(text or ""):
            if (city := city_named(m["place"])) is not None:
                return city
    return None


AVERAGE = re.compile(r"(?P<year>(?:19|20)\d{2})年度?(?P<place>[\u4e00-\u9fa5]{0,10}?)(?:城镇|全口径|城镇非私营单位)?(?:在岗)?职工"
                     r"(?:的)?月平均工资(?:为|是|标准为)?(?P<amount>\d+(?:\.\d+)?)元")


def average_told(case: Case, year: int) -> tuple[Decimal, str] | None:
    """The local average monthly wage of `year` where the findings themselves state it (「2014年度池州市在岗职工月
    平均工资为3846元」), with the sentence; a place it names must be the case's city. None when they do not."""
    city = region_named(case)
    for sentence in own_sentences(case):
        m = AVERAGE.search(sentence)
        if m is None or int(m["year"]) != year:
            continue
        place = m["place"].removesuffix("市")
        if place and city and place not in city:
            continue
        return Decimal(m["amount"]), sentence
    return None


# the local minimum wage as the findings state it, each figure with the day it took effect (「某市月最低工资标准自
# 2017年4月1日起为2300元，自2018年4月1日起调整为2420元」); a sentence that only compares a wage with it states none
MINIMUM_NAMED = re.compile(r"(?:(?P<city>[\u4e00-\u9fa5]{2,5}?市)(?:的)?)?(?:月)?最低工资标准")
# one figure of the chain after the name: 「自2017年4月1日起为2300元」「，自2018年4月1日起调整为2420元」
MINIMUM_FROM = re.compile(r"[，,、；;]?[\u4e00-\u9fa5]{0,4}?自(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日起"
                          r"(?:调整)?(?:为|是|执行)?(?P<amount>\d+(?:\.\d+)?)元")


def minimum_told(case: Case, on: date) -> tuple[Decimal, str] | None:
    """The local monthly minimum wage in force on `on` where the findings themselves state it with the day each
    figure took effect, with the words that state it (「上海市月最低工资标准自2018年4月1日起调整为2420元」); a city the
    sentence names must be the case's. None when they do not (a figure with no date may be another year's: not used)."""
    city = region_named(case)
    best: tuple[date, Decimal, str] | None = None
    for sentence in own_sentences(case):
        for named in MINIMUM_NAMED.finditer(sentence):
            if named["city"] and city and named["city"].removesuffix("市") not in city:
                continue
            pos = named.end()
            while (m := MINIMUM_FROM.match(sentence, pos)) is not None:
                pos = m.end()
                try:
                    since = date(int(m["y"]), int(m["m"]), int(m["d"]))
                except ValueError:
                    continue
                if since <= on and (best is None or since > best[0]):
                    best = (since, Decimal(m["amount"]), named.group() + m.group().lstrip("，,、；;"))
    return None if best is None else (best[1], best[2])


NOT_ARBITRATED = re.compile(r"(?:未|没有)(?:经过?|履行)[^。；，]{0,6}仲裁前置|仲裁(?:阶段|程序|时|中|期间)[^。；]{0,8}(?:未|没有)"
                            r"(?:提出|主张|要求|申请)")


EARLIER_SUIT = re.compile(r"上述案件|前案|该案|另案|原审|法院|判决|裁定|驳回")


# a sentence of the findings that takes up one request of the suit (「关于原告主张的诉讼请求第二项，…」): what a later
# 「该项主张…」 speaks of
TOPIC = re.compile(r"^(?:另[，,]?)?关于[^，。；]{0,20}?(?:诉讼请求|诉请|请求)(?:的)?第(?P<n>[一二三四五六七八九十\d]{1,3})项")
BACK = re.compile(r"该项|此项|该请求|该诉讼请求|该主张")


def not_arbitrated(case: Case) -> list[tuple[str | None, int | None, str]]:
    """(claim type, request number, sentence) for each request the court's findings say was not put to arbitration
    first: the type the sentence names (「原告在仲裁阶段未提出支付加班费的仲裁请求」), else the request the findings
    were just taking up when it says 「该项主张没有经过仲裁前置程序」 (「关于原告主张的诉讼请求第二项，…」), by its
    number; a court case only."""
    from arbitration.extract.claimtypes import match_claim_type
    from arbitration.extract.rules.numerals import cn_int

    if case.forum != "court":
        return []
    out: list[tuple[str | None, int | None, str]] = []
    topic: int | None = None
    for s in sentences(case.tribunal_statement):
        if (m := TOPIC.match(s)) is not None:
            topic = int(m["n"]) if m["n"].isdigit() else cn_int(m["n"])
        if EARLIER_SUIT.search(s) or not NOT_ARBITRATED.search(s):
            continue  # the story of an earlier suit is not this one's requests
        if (kind := match_claim_type(s)[0]) != "other":
            out.append((kind, None, s))
        elif topic is not None and BACK.search(s):
            out.append((None, topic, s))
    return out


# the worker's application for arbitration as the court's findings tell it, and what it asked: a request cue just
# after it (「申请仲裁，要求：1、…」「提起劳动仲裁，仲裁请求为：…」), or the subject before it (「就工资、经济补偿金争议
# 向…申请仲裁」); a list that ends in 等 is not the whole of it
APPLICATION = re.compile(_APPLY + r"(?![委院庭裁员])(?:申请(?!书))?|申诉(?:至|到)[^，。；]{0,40}?(?:仲裁委员会|仲裁院|仲裁委)")
REQUEST_AFTER = re.compile(r"^(?P<gap>[^。；]{0,40}?)[，,：:]?(?:其)?(?:仲裁)?(?:请求|要求)(?:裁决|事项|内容)?(?:为|是|如下)?[：:]?")
NOT_A_GAP = re.compile(r"裁决|作出|受理|诉|判决|决定|不服")
SUBJECT = re.compile(r"就(?P<what>[^。；]{2,120}?)(?:的)?(?:问题|争议|纠纷|事宜|事项)?(?:[，,]?以[^，。；]{0,30}?为被申请人)?[，,]?"
                     r"(?:向|至|到)[^，。；]{0,40}?(?:仲裁委员会|仲裁院|仲裁委)")
SAME_AS_SUIT = re.compile(r"(?:与|同)[^，。；]{0,12}(?:诉讼请求|诉请|起诉|本案)[^，。；]{0,6}(?:相同|一致|基本相同)")
OPEN_LIST = re.compile(r"等(?:争议|问题|纠纷|事项|事宜|请求|费用|各项|项目|内容|款项)?[，,。；;\s]*$")


def arbitrated(case: Case, worker: tuple[str, ...], employer: tuple[str, ...]) -> list[str] | None:
    """What the worker asked the commission before this suit, as the court's findings quote it: the text of each
    application told (its numbered items one by one). None when the findings tell no application of the worker's,
    or one whose requests they do not give in full (「…等争议」, a list cut short), or one whose applicant they do
    not name: what was arbitrated is then not known. `worker`/`employer`: the words naming each side (`names`)."""
    if case.forum != "court":
        return None
    told = sentences(case.tribunal_statement)
    asked: list[str] = []
    for i, s in enumerate(told):
        if (m := APPLICATION.search(s)) is None:
            continue
        who = _first_named(s[: m.start()], worker, employer)
        if who is None:
            return None
        if who == "employer":
            continue
        r = REQUEST_AFTER.match(s[m.end():])
        if r is not None and not NOT_A_GAP.search(r["gap"]) and not mentions(r["gap"], worker + employer):
            items = [s[m.end() + r.end():], *_run_of_items(told[i + 1:])]
        elif (subject := SUBJECT.search(s[: m.start()])) is not None:
            items = [subject["what"]]
        else:
            return None
        if not "".join(items).strip() or any(OPEN_LIST.search(t) or SAME_AS_SUIT.search(t) for t in items):
            return None
        asked += items
    return asked or None


def _run_of_items(rest: list[str]) -> list[str]:
    out = []
    for s in rest:
        if not ITEM.match(s):
            break
        out.append(s)
    return out


def _first_named(text: str, worker: tuple[str, ...], employer: tuple[str, ...]) -> str | None:
    """"worker" or "employer": the side `text` names first (the one who applied), None when it names neither."""
    first = {side: min((i for w in words if (i := text.find(w)) >= 0), default=None)
             for side, words in (("worker", worker), ("employer", employer))}
    named = [(i, side) for side, i in first.items() if i is not None]
    return min(named)[1] if named else None


# the employer let the award be (「被告未就该仲裁裁决向本院提起诉讼」「两公司均没有就仲裁裁决书起诉」)
NO_SUIT = re.compile(r"(?:均|都|亦|也)?(?:没有|未)(?:在(?:法定)?期限内)?(?:就|对)?[^，。；]{0,12}?(?:仲裁)?裁决(?:书)?"
                     r"(?:[^，。；]{0,8}?)(?:提起|提出)?(?:起诉|诉讼)")


def award_accepted(case: Case, employer: tuple[str, ...], worker: tuple[str, ...]) -> str | None:
    """The sentence of the court's findings saying the employer did not sue against the award (so took it as it
    stood), the employer named first in it; None when they do not say so."""
    if case.forum != "court":
        return None
    for s in sentences(case.tribunal_statement):
        if (m := NO_SUIT.search(s)) is None:
            continue
        subject = re.split(r"[，,]", s[: m.start()])[-1]  # the clause that says so
        if _first_named(subject, worker, employer) == "employer" and not any(w in subject for w in worker):
            return s
    return None


def applied_on(case: Case) -> date | None:
    """The day the arbitration was applied for: the case's own date, else the earliest date the texts give just
    before saying so (a month or a year read as its first day, the earliest the application can have been)."""
    if case.application_date is not None:
        return case.application_date
    from arbitration.extract.rules.dates import find_dates

    days = []
    for text in (case.tribunal_statement, case.applicant_statement, case.respondent_statement):
        for sentence in sentences(text):
            m = APPLIED.search(sentence)
            if m is None:
                continue
            for d in find_dates(sentence[: m.start()]):
                if d.date.value is not None and TO_COMMISSION.match(sentence, d.end):
                    days.append(d.date.value)
    return min(days) if days else None


# requests that arise only when the employment ends: 经济补偿 and 赔偿金 are due on the end (劳动合同法第四十六条、
# 第四十七条、第八十七条), 代通知金 on a dismissal under 第四十条
ON_THE_END = ("severance", "unlawful_termination", "notice_pay")


def applied_after(case: Case) -> tuple[date, str] | None:
    """When no text says when the arbitration was applied for: the earliest it can have been, with why — the end of
    the employment as found, when a request arises only from that end (nobody asks for 经济补偿 before it); None
    when the case holds neither. `case` is the case as found (findings.settle)."""
    leave = case.facts.leave_date.value
    if leave is None or not any(c.type in ON_THE_END for c in case.claims):
        return None
    return leave, "所请求的经济补偿（赔偿金）以劳动关系解除（终止）为前提，申请仲裁不早于劳动关系解除（终止）之日"


def wages_told(case: Case) -> list[Decimal]:
    """The monthly wages the tribunal's own findings state (「其中…每月平均工资为1200元，…为1500元」), in order: a
    wage that changed over the years is stated more than once. One named month's pay is no such wage."""
    from arbitration.extract.facts import ONE_MONTH_PAY, find_monthly_wage

    return [f.value for s in own_sentences(case) for f in find_monthly_wage(s) if ONE_MONTH_PAY not in (f.note or "")]


_N = r"(?P<n>\d+(?:\.\d+)?)(?:个)?(?P<unit>小时|天|日)"
_TOTAL = r"(?:时间)?(?:合计|共计|累计|总计|共)(?:为)?" + _N
_EACH = r"(?:时间)?(?:均|都)?为" + _N
# the kinds of overtime the findings count (「工作日延长工作时间合计300小时，休息日加班合计12天」)
OVERTIME_KINDS = {"weekday": r"(?:延长工作时间|延时加班|延时工作|延长工时)", "rest": r"休息日(?:加班|工作)",
                  "holiday": r"法定(?:节假日|休假日|假日|节日)(?:加班|工作)"}
MONTHS = re.compile(r"(\d{4})年(\d{1,2})月(?:(?:至|到|—|－|-)(?:(\d{4})年)?(\d{1,2})月)?")
OVERTIME_PAID = re.compile(r"(?<![未没不])(?:支付|发放)(?:了)?[^，。；]{0,6}加班(?:费|工资)|加班(?:费|工资)[^，。；]{0,6}(?<![未没不])已(?:经)?(?:支付|发放)")
OVERTIME_UNPAID = re.compile(r"(?:未|没有)(?:向[^，。；]{1,16}?)?(?:支付|发放)[^，。；]{0,4}加班")
PAID_TOTAL = re.compile(r"(?:共计|合计|累计)(?:支付|发放)?(?:加班费|加班工资)?(?P<n>\d+(?:\.\d+)?)元")


def _hours(sentence: str, how: str) -> dict[str, Decimal] | None:
    """Overtime by kind in one sentence, in hours (a day = 8 hours); None when it counts weekday overtime in days."""
    hours = {}
    for kind, words in OVERTIME_KINDS.items():
        if (m := re.search(words + how, sentence)) is not None:
            if kind == "weekday" and m["unit"] != "小时":
                return None
            hours[kind] = Decimal(m["n"]) * (1 if m["unit"] == "小时" else 8)
    return hours


def overtime_totals(case: Case) -> tuple[dict[str, Decimal], list[str], list[tuple[int, int]]] | None:
    """The overtime the tribunal's own findings count from the records, as hours by kind ("weekday", "rest",
    "holiday"; a day = 8 hours), with the sentences and the months they name: a total in one sentence (「合计300小时」),
    else month by month (「2018年1月至11月期间，每月…均为60小时…；2018年12月，…为52小时」). None when they count
    none, or a count's months are not plain (no month, several, a span without 每月)."""
    own = own_sentences(case)
    for s in own:
        if hours := _hours(s, _TOTAL):
            return hours, [s], [(int(y), int(m)) for y, m, *_ in MONTHS.findall(s)]
    total: dict[str, Decimal] = {}
    used, span = [], []
    for s in own:
        hours = _hours(s, _EACH)
        if hours is None:
            return None
        if not hours:
            continue
        named = MONTHS.findall(s)
        if len(named) != 1:
            return None
        y1, m1, y2, m2 = named[0]
        first, last = (int(y1), int(m1)), (int(y2 or y1), int(m2 or m1))
        months = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
        if months < 1 or months > 1 and "每月" not in s:
            return None
        for kind, h in hours.items():
            total[kind] = total.get(kind, Decimal(0)) + h * months
        used.append(s)
        span += [first, last]
    return (total, used, span) if total else None


def overtime_paid(case: Case) -> Decimal | None:
    """What the tribunal's own findings say the employer paid for overtime: 0 when they say it paid none and name no
    sum for overtime, the total when one sentence totals what it paid (「2018年共计支付7200元」) and every other
    sum they name for overtime is pay it holds (「含加班费600元」); None when unclear."""
    from arbitration.extract.rules import find_money

    own = own_sentences(case)
    sums = [s for s in own if "加班" in s and find_money(s)]
    if not sums:
        return Decimal(0) if any(OVERTIME_UNPAID.search(s) for s in own) else None
    totals = [m for s in sums if OVERTIME_PAID.search(s) for m in PAID_TOTAL.finditer(s)]
    if len(totals) != 1 or any(not OVERTIME_PAID.search(s) and not re.search(r"含加班(?:费|工资)", s) for s in sums):
        return None
    return Decimal(totals[0]["n"])


__all__ = ["REPORTED", "applied_after", "applied_on", "arbitrated", "average_told", "award_accepted", "awarded", "classified", "clauses",
           "mentions", "names", "not_arbitrated", "overtime_paid", "overtime_totals", "own_sentences", "region_named", "reported", "sentences", "wages_told", "words_of"]
