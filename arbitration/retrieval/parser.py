"""Parse past awards (裁决书), court judgments (判决书) and official typical cases (典型案例) into a masked
`Precedent`: case number, commission, date, region, parties, claims with whose each is, types and outcomes, key
facts, articles, reasoning per claim and the ruling items. Captioned or bare bodies alike: the parts and requests
are read by retrieval/judgment.py, the decisions by retrieval/outcomes.py; this module adds caption and masking."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from arbitration.errors import EmptyFile, IngestError, UnsupportedFile
from arbitration.fileio import sha256_file
from arbitration.masking import is_person_name, mask_org, mask_person, mask_text
from arbitration.model import (
    Citation,
    ClaimantSide,
    KeyFacts,
    Outcome,
    Precedent,
    PrecedentClaim,
    TerminationInitiator,
)

# ---------------------------------------------------------------- small rule helpers

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○Ｏ一二三四五六七八九十"

CASE_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,16}[〔（(\[［【]\s*(?:19|20)\d{2}\s*[〕）)\]］】]\s*[\u4e00-\u9fff\dA-Za-z]{0,16}?第?\s*\d{1,6}\s*(?:-\d+)?号"
)
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE_RE = re.compile(rf"([{_CN}]{{4}})年([{_CN}]{{1,3}})月([{_CN}]{{1,3}})日")
MONEY_RE = re.compile(r"(?:人民币)?\s*(\d[\d,，]*(?:\.\d+)?)\s*(万)?\s*元")
ITEM_SPLIT_RE = re.compile(r"(?:^|(?<=[。；;\s]))\s*(?:\d{1,2}\s*[、.．]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}\s*、)")

# the headed layout's claims and findings headings (benchmarks/labelled_retrieval/build_labels.py reads them)
CLAIMS_HEAD = re.compile(
    r"(?:申请人(?:的)?(?:仲裁)?请求|仲裁请求|诉讼请求|提出(?:如下)?(?:仲裁|诉讼)?请求|请求裁决|原告诉讼请求)[为如下]*[：:]"
)
FACTS_HEAD = re.compile(
    r"(?:经审理查明|本院经审理认定事实如下|本院认定事实如下|经审理认定(?:事实)?如下|(?:本委|本院|仲裁庭)查明(?:如下事实)?|经查)[：:，,]?"
)
PARTY_RE = re.compile(r"^\s*(申请人|被申请人|原告|被告|上诉人|被上诉人)(?:（[^）]*）)?[：:]\s*([^，,。；;\s（(]+)", re.M)

TYPICAL_SECTIONS = {
    "facts": ("基本案情",),
    "claims": ("申请人请求", "原告诉讼请求", "诉讼请求", "仲裁请求", "请求"),
    "result": ("处理结果", "裁判结果", "仲裁结果"),
    "reasoning": ("案例分析", "裁判理由", "分析"),
}


def cn_number(s: str) -> int:
    """〇二三 → 23 digit by digit; 二十三 / 十五 / 三十一 as numbers."""
    if "十" in s:
        head, _, tail = s.partition("十")
        return (CN_DIGITS.get(head, 1) if head else 1) * 10 + (CN_DIGITS.get(tail, 0) if tail else 0)
    n = 0
    for ch in s:
        n = n * 10 + CN_DIGITS[ch]
    return n


def find_dates(text: str) -> list[tuple[int, date]]:
    """(offset, date) for every 2023年5月6日 and 二〇二三年五月六日 in text, in order."""
    out = []
    for m in DATE_RE.finditer(text):
        try:
            out.append((m.start(), date(int(m[1]), int(m[2]), int(m[3]))))
        except ValueError:
            pass
    for m in CN_DATE_RE.finditer(text):
        try:
            out.append((m.start(), date(cn_number(m[1]), cn_number(m[2]), cn_number(m[3]))))
        except (ValueError, KeyError):
            pass
    return sorted(out)


def parse_money(s: str) -> Decimal | None:
    m = MONEY_RE.search(s)
    if not m:
        return None
    return _money(m)


def _money(m: re.Match[str]) -> Decimal | None:
    try:
        v = Decimal(m[1].replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None
    return (v * 10000 if m[2] else v).quantize(Decimal("0.01"))


def all_money(s: str) -> list[Decimal]:
    return [v for m in MONEY_RE.finditer(s) if (v := _money(m)) is not None]


def split_items(block: str) -> list[str]:
    """Split a numbered block (1. / 1、/ （1）/ 一、) into items; unnumbered text splits at 「；」."""
    block = block.strip()
    marks = [m for m in ITEM_SPLIT_RE.finditer(block)]
    if len(marks) >= 1 and marks[0].start() <= 2:
        bounds = [m.start() for m in marks] + [len(block)]
        items = [ITEM_SPLIT_RE.sub("", block[a:b], count=1).strip(" \n；;。") for a, b in zip(bounds, bounds[1:], strict=False)]
    else:
        items = [x.strip(" \n。") for x in re.split(r"[；;]\s*", block)]
    return [i for i in items if len(i) >= 3]


def split_clauses(text: str) -> list[str]:
    items = split_items(text)
    if len(items) <= 1:
        items = [x for x in re.split(r"[。；;\n]", text) if x.strip()]
    return items


# ---------------------------------------------------------------- law-layer hooks


def match_type(text: str) -> tuple[str, float]:
    """Claim type of a clause via the law layer's taxonomy."""
    from arbitration.law import taxonomy

    return taxonomy().match(text)


def find_citations(text: str) -> list[Citation]:
    from arbitration.law import find_citations as _find

    out: list[Citation] = []
    for c in _find(text):
        if c not in out:
            out.append(c)
    return out


# ---------------------------------------------------------------- key facts


def key_facts_from_text(text: str) -> KeyFacts:
    """Monthly wage, hire/leave dates (→ tenure), how the employment ended and written contract, by rule."""
    f = KeyFacts()
    m = re.search(r"(?:月(?:平均)?工资|月薪|工资标准)(?:为|是|约为|标准为)?(?:人民币|税前)?\s*(\d[\d,]*(?:\.\d+)?)\s*元", text)
    if m:
        f.monthly_wage = Decimal(m[1].replace(",", ""))
    hire = re.search(r"(?:于|自)?\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)\s*(?:起)?(?:入职|进入|到|至)[^，。]{0,20}?(?:工作|入职|任职)?", text)
    hire = hire or re.search(r"((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)[^。]{0,12}入职", text)
    if hire:
        f.hire_date = _loose_date(hire[1])
    leave_re = re.compile(
        r"((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)[，,]?(?:[^。；]{0,60}?)(?:离职|解除|终止|辞退|辞职|不再到|离开|期满|到期)"
    )
    for m in re.finditer(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?", text):
        lm = leave_re.match(text, m.start())
        d = _loose_date(m[0]) if lm else None
        if d and (f.hire_date is None or d > f.hire_date):
            f.leave_date = d
            break
    if f.hire_date and f.leave_date:
        from arbitration.retrieval.units import months_between

        f.tenure_months = months_between(f.hire_date, f.leave_date)
    if re.search(r"协商一致解除|双方协商解除|协商解除", text):
        f.termination, f.termination_mode = TerminationInitiator.MUTUAL, "协商一致解除"
    elif re.search(r"(?:期满|到期)[^。]{0,20}?(?:终止|不再续签|不续签|未续订|未与[^。]{0,8}续订)", text):
        f.termination, f.termination_mode = TerminationInitiator.EXPIRY, "合同期满终止"
    elif re.search(
        r"被迫解除|(?<!被)(?:申请人|原告|劳动者)以[^。]{0,30}为由[^。]{0,12}解除劳动(?:合同|关系)"
        r"|(?<!被)(?:申请人|原告|劳动者)[^。]{0,20}(?:提出辞职|辞职|提出解除)|因个人原因提出解除|个人原因离职|向[^。]{0,10}提出离职",
        text,
    ):
        f.termination = TerminationInitiator.EMPLOYEE
        forced = "被迫解除" in text or re.search(
            r"以[^。]{0,30}(?:未|拖欠|欠发|克扣|不缴|未缴)[^。]{0,20}为由[^。]{0,12}(?:提出)?解除", text)
        f.termination_mode = "被迫解除" if forced else "劳动者辞职"  # 第三十八条 or resignation: severance differs
    elif re.search(r"辞退|开除|(?:被申请人|公司|单位|被告)[^。]{0,50}(?:解除|终止)[^。]{0,6}劳动(?:合同|关系)|解除通知", text):
        f.termination, f.termination_mode = TerminationInitiator.EMPLOYER, "用人单位解除"
    if re.search(r"未(?:与申请人|与原告|与其|与[^。]{0,6})?(?:依法)?(?:签订|订立)(?:书面)?劳动合同", text):
        f.written_contract = False
    elif re.search(r"(?:签订|订立)了?[^。，]{0,12}劳动合同", text):
        f.written_contract = True
    return f


def _loose_date(s: str) -> date | None:
    m = DATE_RE.search(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = re.search(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月", s)
    if m and 1 <= int(m[2]) <= 12:
        return date(int(m[1]), int(m[2]), 1)
    return None


# ---------------------------------------------------------------- reading


def read_text(path: Path) -> tuple[str, str | None]:
    """The text of an award file through arbitration.ingest; plain reading for TXT/MD when ingest is absent."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        data = path.read_bytes()
        if not data.strip():
            raise EmptyFile(str(path), "文件为空")
        for enc in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(enc), None
            except UnicodeDecodeError:
                continue
        raise IngestError(str(path), "无法识别的文本编码")
    try:
        from arbitration.ingest import read_document
    except ImportError:
        read_document = None
    if read_document is not None:
        doc = read_document(path, root=path.parent)
        return doc.text, doc.sha256
    if suffix == ".docx":
        try:
            import docx

            d = docx.Document(str(path))
        except Exception as e:  # noqa: BLE001
            raise IngestError(str(path), f"无法读取 DOCX：{e}", "corrupt") from e
        return "\n".join(p.text for p in d.paragraphs), None
    raise UnsupportedFile(str(path), f"不支持的文件类型 {suffix}（读取 PDF 和扫描件需要 arbitration.ingest）")


def parse_award(path: str | Path) -> Precedent:
    """Parse one award/judgment/typical-case file into a masked Precedent (raises IngestError subclasses)."""
    path = Path(path)
    text, _ = read_text(path)
    return parse_text(text, str(path), sha256_file(path))  # the file's hash: what `index` resumes by


def parse_text(text: str, source: str, sha256: str | None = None) -> Precedent:
    """Parse the text of an award, judgment or typical case; `source` names it in errors and source_file."""
    text = text.replace("\r\n", "\n").replace("\u3000", " ")
    if not text.strip():
        raise EmptyFile(source, "没有可读取的文字")
    if re.search(r"^##\s*(基本案情)", text, re.M):
        p = parse_typical_case(text, Path(source).stem)
    else:
        p = parse_award_text(text)
        if not p.claims and (p.ruling_items or p.reasoning):
            raise IngestError(source, "是一份裁决书或判决书，但其中没有当事人的请求（诉称、诉讼请求、仲裁请求）", "no_claims")
        if not p.claims:
            raise IngestError(source, "未找到仲裁请求/诉讼请求，不像一份裁决书或判决书", "not_an_award")
    p.source_file = Path(source).name
    p.sha256 = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return p


def _party(text: str, roles: tuple[str, ...]) -> str | None:
    for m in PARTY_RE.finditer(text):
        if m[1] in roles:
            return m[2]
    return None


def _masked(name: str | None) -> str | None:
    if not name:
        return None
    if re.search(r"(公司|厂|店|中心|医院|学校|酒店|超市|事务所|合作社|单位|集团|银行|协会)$", name):
        return mask_org(name)
    return mask_person(name)


def parse_award_text(text: str) -> Precedent:
    """A 裁决书/判决书, captioned or not: caption (forum, case number), statements and their requests (whose each
    is), 查明, 本院认为 per request, 判决如下 matched to the requests, signature date. A body without a caption
    (one sentence per line, as published collections keep them) gets a stable id from its content."""
    from arbitration.extract.places import city_named
    from arbitration.retrieval import judgment, outcomes

    body = judgment.read_body(text)
    cap = read_caption(body.lines)
    items = [outcomes.read_item(t, body) for t in outcomes.ruling_items(body)]
    reqs = outcomes.typed_requests(judgment.requests(body), items)
    decisions = outcomes.decide(reqs, items)
    persons, orgs = party_names(body)
    applicant, respondent = _sides_named(body, persons, orgs)

    # a document whose parties are already masked (张某, 某某公司) is anonymised as published; in any other
    # every person the text names is found and masked (LAC and cue words), not only the parties
    detect = any(not p.endswith("某") for p in persons) or any("某" not in o for o in orgs)

    def clean(s: str) -> str:
        return mask_text(s, persons=persons, orgs=orgs, detect=detect)

    claims = [
        PrecedentClaim(type=r.claim.type, text=r.claim.text, claimant=r.side, requested=r.claim.amount,
                       outcome=d.outcome if d else Outcome.UNKNOWN, granted=d.granted if d else None,
                       ordered=d.ordered if d else None, withdrawn=bool(d and d.by == "withdrawn"))
        for r, d in zip(reqs, decisions, strict=True)
    ]
    reason_block = outcomes.reasoning_block(body)
    _reasoning_per_claim(claims, reqs, decisions, reason_block, body.sides)
    basis = find_citations(body.ruling_basis)
    for c in claims:
        if not c.articles:
            c.articles = outcomes.basis_articles(c.type, basis)
        if c.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED) and c.claimant is ClaimantSide.WORKER:
            c.granted = Decimal(0) if c.requested is not None else None  # nothing granted
    facts_block = body.text(body.facts, body.facts_head)
    facts = key_facts_from_text(facts_block or text)
    for c in claims:
        c.text, c.reasoning = clean(c.text), clean(c.reasoning) if c.reasoning else None
    kind = "judgment" if (cap.court if cap.court is not None else body.court) else "award"
    return Precedent(
        case_number=cap.case_number or "未编号-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10],
        kind=kind,
        commission=cap.forum,
        award_date=cap.date,
        region=city_named(cap.forum) if cap.forum else region_from_body(body),
        applicant=_masked(applicant),
        respondent=_masked(respondent),
        claims=claims,
        facts=facts,
        articles=find_citations(text),
        facts_text=clean(facts_block)[:4000] or None,
        reasoning=clean(reason_block)[:8000] or None,
        ruling_items=[clean(i.text) for i in items],
    )


@dataclass
class Caption:
    """What the caption above a judgment or award says: forum, case number, kind; and its signature date."""

    forum: str | None = None  # 「杭州市劳动人事争议仲裁委员会」 / 「山东省青岛市李沧区人民法院」
    case_number: str | None = None
    court: bool | None = None  # 人民法院 / 判决书 in the caption; None: no caption
    date: date | None = None


FORUM_LINE = re.compile(r"[\u4e00-\u9fff（）()]{2,40}?(?:劳动人事争议仲裁委员会|劳动争议仲裁委员会|人事争议仲裁委员会|仲裁委员会|"
                        r"劳动人事争议(?:调解)?仲裁院|人民法院)")


def read_caption(lines: list[str]) -> Caption:
    """The forum and case number only from caption lines (before the parties), each a line of its own: never a
    sentence, never a number quoted from an earlier proceeding in the text. The date from a line that holds
    only a date (the signature block)."""
    cap = Caption()
    for line in lines[:8]:
        flat = re.sub(r"\s+", "", line)
        if PARTY_RE.match(line) or len(flat) > 45 or re.search(r"[，,。；;：:]", flat):
            break
        if cap.forum is None and FORUM_LINE.fullmatch(flat):
            cap.forum = flat
        elif cap.case_number is None and (m := CASE_NUMBER_RE.fullmatch(flat)):
            cap.case_number = m[0]
        if re.search(r"人民法院|判决书|裁定书", flat):
            cap.court = True
        elif cap.court is None and re.search(r"仲裁委员会|仲裁院|裁决书", flat):
            cap.court = False
    for line in reversed(lines[-8:]):
        flat = re.sub(r"\s+", "", line)
        found = find_dates(flat)
        if found and len(flat) <= 16 and found[0][0] == 0:
            cap.date = found[-1][1]
            break
    return cap


def region_from_body(body) -> str | None:
    """A captionless judgment's city from the arbitration commission its story names (a court hears a labour
    suit where the commission sat): the division names read back from 「…劳动人事争议仲裁委员会」."""
    from arbitration.extract.places import commission_place

    for line in body.lines:
        found = commission_place(line)
        if found and found[1].city:
            return found[1].city
    return None


_PARTY_IN_TEXT = re.compile(
    r"(原告|被告|申请人|被申请人|上诉人|被上诉人|第三人)(?:[（(][^）)]{0,8}[）)])?"
    r"([^\s，,。；;：:、“”\"（(]{2,40}?)(?=诉称|辩称|反诉|向本院|于本判决|于判决|自本判决|在本判决|的其他|的其它|的其余|的全部|"
    r"的诉讼|的反诉|的起诉|支付|给付|负担|承担|不服|之间|[（(，,：:])"
)


def party_names(body) -> tuple[list[str], list[str]]:
    """(persons, organisations) named as parties: speakers of the statements, 「原告张某」/「被告某公司」 in the
    ruling and the first lines; masked wherever they occur."""
    from arbitration.retrieval.judgment import org_name, strip_role

    names = {strip_role(s.who)[1] for s in body.statements}
    scan = "\n".join(body.lines[:3] + body.lines[body.ruling[0] - 1 : body.ruling[1] + 2] if body.ruling else body.lines[:3])
    names |= {m[2] for m in _PARTY_IN_TEXT.finditer(scan)}
    names |= {m[2] for m in PARTY_RE.finditer("\n".join(body.lines[:12]))}
    names = {re.sub(r"(?:共同|的)$", "", n) for n in names if n and not re.search(r"原告|被告|申请人|本院|本委", n)}
    orgs = [n for split in names for n in re.split(r"[、和与及]", split) if org_name(n)]
    persons = [n for n in names if not org_name(n) and is_person_name(n)]
    persons += [mm[1] for mm in re.finditer(r"(?:法定代表人|委托代理人|负责人|仲裁员|书记员|审判长|审判员)[：:]?\s*([\u4e00-\u9fff]{2,4})",
                                            "\n".join(body.lines))]
    return persons, orgs


def _sides_named(body, persons: list[str], orgs: list[str]) -> tuple[str | None, str | None]:
    """(applicant, respondent) as named: the party lines of a caption, else the speakers of the statements."""
    text = "\n".join(body.lines[:12])
    applicant = _party(text, ("申请人", "原告", "上诉人"))
    respondent = _party(text, ("被申请人", "被告", "被上诉人"))
    from arbitration.retrieval.judgment import strip_role

    for s in body.statements:
        role, name = strip_role(s.who)
        if not name:
            continue
        if applicant is None and (role in ("原告", "申请人", "上诉人") or (role is None and s.kind == "claim")):
            applicant = name
        elif respondent is None and (role in ("被告", "被申请人", "被上诉人") or (role is None and s.kind == "defence")):
            respondent = name
    return applicant, respondent


def _reasoning_per_claim(claims: list[PrecedentClaim], reqs, decisions, block: str, sides=None) -> None:
    """Each request's paragraphs of the reasoning, the articles they cite, and the outcome they state where the
    ruling left it open (or says more: 不予处理 → not accepted, 部分支持 → partly)."""
    from arbitration.retrieval import outcomes

    if not claims or not block:
        return
    found: list[list[str]] = [[] for _ in claims]
    named: list[list[str]] = [[] for _ in claims]  # conclusions of sentences that name the request themselves
    for seg in outcomes.reason_segments(block):
        refs = outcomes.segment_refs(seg, reqs)
        for i in refs:
            c = claims[i]
            c.reasoning = f"{c.reasoning}\n{seg}" if c.reasoning else seg
        for sentence in re.split(r"(?<=[。；;])", seg):
            said = outcomes.verdict(sentence)
            if said:
                own = outcomes.sentence_refs(sentence, reqs, sides)
                if own is None:
                    continue
                for i in own or refs:
                    found[i].append(said)
                for i in own:
                    named[i].append(said)
    for c, d, said, own in zip(claims, decisions, found, named, strict=True):
        if c.reasoning:
            c.articles = find_citations(c.reasoning)
        told = outcomes.outcome_of(said)
        if told is None:
            continue
        if d is None:
            c.outcome = told
        elif d.by == "rest" and (told is Outcome.NOT_ACCEPTED or c.requested is None and told is not Outcome.DENIED):
            c.outcome = told  # 「不予处理」; a relation confirmed in the reasoning though not in the ruling
        elif c.outcome is Outcome.GRANTED and c.requested is None and (told is Outcome.PARTLY or "denied" in own):
            c.outcome = Outcome.PARTLY  # something was ordered, but not all that was asked (「要求按11个月…不予支持」)


# ---------------------------------------------------------------- typical cases (Markdown)


def _md_sections(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in re.finditer(r"^##\s*(.+?)\s*\n(.*?)(?=^##\s|\Z)", text, re.M | re.S):
        out[m[1].strip()] = m[2].strip()
    return out


def parse_typical_case(text: str, title: str) -> Precedent:
    """An official typical case: 基本案情 / 申请人请求 (原告诉讼请求) / 处理结果 (裁判结果) / 案例分析."""
    sections = _md_sections(text)

    def get(kind: str) -> str:
        for name in TYPICAL_SECTIONS[kind]:
            for key, body in sections.items():
                if key == name or (len(name) > 2 and name in key):
                    return body
        return ""

    facts, claims_text, result, analysis = get("facts"), get("claims"), get("result"), get("reasoning")
    m = re.search(r"^#\s+(.+)$", text, re.M)
    title = m[1].strip() if m else title
    court = "人民法院" in result or "判决" in result
    # the final decision: the last sentence that decides (二审改判 over 一审), skipping 驳回上诉/维持原判
    sentences = [s for s in re.split(r"(?<=[。；])", result) if s.strip()]
    deciding = [s for s in sentences if not re.search(r"驳回上诉|维持原判|已生效|未提起上诉|不服|提起上诉", s)
                and re.search(r"支付|驳回|赔偿|裁决|判决|改判", s)]
    with_money = [s for s in deciding if MONEY_RE.search(s) or re.search(r"驳回[^。]*请求", s)]
    final = (with_money or deciding or [""])[-1]
    claims = []
    for item in split_items(claims_text) or [claims_text]:
        tid, _ = match_type(item)
        amounts = all_money(item)
        c = PrecedentClaim(type=tid or "other", text=item, requested=amounts[-1] if amounts else None)
        if re.search(r"驳回[^。]*请求", final):
            c.outcome, c.granted = Outcome.DENIED, Decimal(0)
        else:
            granted = all_money(final)
            if granted:
                c.granted = granted[-1]
                c.outcome = Outcome.PARTLY if c.requested and c.granted + Decimal("0.5") < c.requested else Outcome.GRANTED
        c.reasoning = analysis[:3000] or None
        c.articles = find_citations(analysis)
        claims.append(c)
    persons = sorted(set(re.findall(r"[\u4e00-\u9fff]某", facts)))  # already masked in the source
    return Precedent(
        case_number=f"典型案例：{title}",
        kind="judgment" if court else "award",
        commission="人民法院" if court else "劳动人事争议仲裁委员会",
        applicant=persons[0] if persons else None,
        respondent=(re.search(r"某[\u4e00-\u9fff]{1,6}?公司", facts) or [None])[0],
        claims=claims,
        facts=key_facts_from_text(facts),
        articles=find_citations(analysis + result),
        facts_text=mask_text(facts)[:4000],
        reasoning=analysis[:8000] or None,
        ruling_items=[s.strip() for s in sentences],
    )
