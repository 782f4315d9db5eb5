"""Parties from a document's header: 申请人/被申请人 (or 答辩人/被答辩人) blocks → `Party`.

A block starts at a line 「申请人：…」 and takes the lines after it (性别、住址、委托代理人 …) up to the next
party line. A party is an organisation when it has a credit code, a 法定代表人, or a name that ends like one.
"""

from __future__ import annotations

import re

from arbitration.ingest.speech import ORDINALS, ROLE_WORDS, numbered
from arbitration.model import Agent, Party, PartyKind, PartyRole

from .rules import find_phones, parse_date, validate_credit_code, validate_id_number
from .rules.ids import CREDIT_PATTERN, ID_PATTERN
from .text import DocText

# role words → role (arbitration.ingest.speech.ROLE_WORDS): 申请人/被申请人 and 答辩人 (the respondent) of an
# arbitration, 原告/被告 of a lawsuit
_ROLE_ALT = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
PARTY_LINE = re.compile(
    r"(?m)^[ \t\u3000]*(?:第?[一二三四五六七八九十]?)(?P<role>" + _ROLE_ALT + r")"
    r"之?[一二三四五六七八九十\d]?(?:[（(][^）)\n]{0,12}[）)])?[ \t\u3000]*[:：][ \t\u3000]*(?P<rest>.*)$"
)
# the ends of an organisation's name (a party so named is the employer's side, a person's name the worker's)
ORG_SUFFIXES = (
    "公司", "集团", "厂", "店", "中心", "医院", "学校", "学院", "协会", "商行", "经营部", "事务所", "合作社", "研究所", "研究院",
    "酒店", "宾馆", "餐厅", "饭店", "工作室", "门诊部", "诊所", "超市", "商场", "银行", "分行", "支行", "办事处", "分公司",
    "幼儿园", "物业", "局", "委员会", "站", "场", "所", "部", "院", "室", "矿", "队", "社", "会", "馆", "单位", "企业",
    "个体工商户", "项目部", "工地",
)  # fmt: skip
# an arbitration commission under its full or short name (「××区劳动人事争议仲裁委员会」「××区仲裁委」「劳动仲裁委」):
# the tribunal of the dispute, never one of its parties
COMMISSION_NAME = re.compile(r"仲裁(?:委员会|委|院|庭)$")
ORG_NAME = re.compile("(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + ")$")
# in running text only the suffixes that rarely end another word (所, 社, 部 … do): 「被告某某有限公司支付」「被告单位」
ORG_IN_TEXT = re.compile("|".join(sorted((x for x in ORG_SUFFIXES if len(x) >= 2 or x == "厂"), key=len, reverse=True)))
_SEP = r"[，,。；;\s]"
_NAME_FIELD = re.compile(r"(?:姓名|名称|单位名称)[:：]\s*([^，,。；;\s]+)")
_GENDER = re.compile(rf"(?:性别[:：]\s*|(?:^|{_SEP}))(男|女)(?={_SEP}|$|性)")
_ETHNIC = re.compile(r"(?:民族[:：]\s*([\u4e00-\u9fa5]{1,5}?)族?(?=[，,。；;\s]|$)|(?:^|[，,\s])([\u4e00-\u9fa5]{1,4}族)(?=[，,。；;\s]|$))")
_DAY = (
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}"
    r"|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)
_BIRTH = re.compile(rf"(?:出生(?:日期|年月)?[:：]?\s*(?P<a>{_DAY})|(?P<b>{_DAY})\s*(?:出生|生))")
_ADDRESS = re.compile(
    r"(?:住所地|住所|住址|地址|现住址|现住|经常居住地|户籍地|住)[:：]?\s*(?P<v>[^，,。；;\n]{4,60})"
)
_LEGAL_REP = re.compile(
    r"(?P<kind>法定代表人|主要负责人|负责人|经营者|投资人)[:：]\s*(?P<name>[^，,。；;\s（(]{2,8})"
)
_CREDIT_LABELLED = re.compile(r"(?:统一)?社会信用代码|信用代码|组织机构代码|注册号")
_AGENT = re.compile(r"(?:委托(?:诉讼|仲裁)?代理人|代理人)[一二三\d]?[:：]\s*(?P<name>[^，,。；;\s（(]{2,8})(?P<rest>[^\n]*)")
_FIRM = re.compile(r"([\u4e00-\u9fa5（）()]{2,30}?(?:律师事务所|法律服务所|法律援助中心|公司))")
_AGENT_KIND = re.compile(r"(实习律师|律师|基层法律服务工作者|法律工作者|公民代理|近亲属|职员|员工|工作人员|法务)")


def _name_of(rest: str, block: str) -> str | None:
    m = _NAME_FIELD.search(block)
    if m:
        return m.group(1)
    name = re.split(r"[，,。；;\s（(]", rest.strip(), maxsplit=1)[0]
    return name or None


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


def _agents(block: str, doc: DocText, offset: int) -> list[Agent]:
    agents = []
    for m in _AGENT.finditer(block):
        rest = m.group("rest")
        firm = _FIRM.search(rest)
        kind = _AGENT_KIND.search(rest)
        phones = find_phones(rest)
        agents.append(
            Agent(
                name=m.group("name"),
                kind=kind.group(1) if kind else ("律师" if firm and "律师事务所" in firm.group(1) else None),
                firm=firm.group(1) if firm else None,
                phone=phones[0].number if phones else None,
                source=doc.provenance(offset + m.start(), offset + m.end(), "parties.agent"),
            )
        )
    return agents


def parse_party(role: PartyRole, rest: str, block: str, doc: DocText, offset: int) -> Party | None:
    """One party from its block (the party line and the lines after it); `offset` is the block's start."""
    name = _name_of(rest, block)
    if not name:
        return None
    # the agents' lines must not lend their phone or address to the party
    own = _AGENT.split(block, maxsplit=1)[0] if _AGENT.search(block) else block
    own_wo_rep = _LEGAL_REP.split(own, maxsplit=1)[0] if _LEGAL_REP.search(own) else own
    credit = _CREDIT_LABELLED.search(own)
    rep = _LEGAL_REP.search(own)
    is_org = bool(credit or rep or ORG_NAME.search(name))
    party = Party(
        role=role,
        kind=PartyKind.ORGANISATION if is_org else PartyKind.PERSON,
        name=name,
        source=doc.provenance(offset, offset + len(block.rstrip()), "parties.header"),
    )
    address = _ADDRESS.search(own_wo_rep)
    if address:
        party.address = address.group("v").strip()
    phones = find_phones(own_wo_rep)
    if phones:
        party.phone = phones[0].number
    if is_org:
        code = CREDIT_PATTERN.search(own.upper(), credit.end()) if credit else None
        if code:
            party.credit_code = code.group(1)
            party.credit_code_valid = validate_credit_code(party.credit_code)
        if rep:
            tail = own[rep.end() : rep.end() + 40]
            title = re.search(r"(?:职务[:：]?\s*)?(总经理|董事长|执行董事|经理|厂长|负责人|院长|校长|主任)", tail)
            party.legal_representative = Agent(
                name=rep.group("name"),
                kind=rep.group("kind") + (f"（{title.group(1)}）" if title else ""),
                source=doc.provenance(offset + rep.start(), offset + rep.end(), "parties.legal_representative"),
            )
    else:
        gender = _GENDER.search(own)
        if gender:
            party.gender = gender.group(1)
        ethnic = _ETHNIC.search(own)
        if ethnic:
            party.ethnicity = ethnic.group(1) + "族" if ethnic.group(1) else ethnic.group(2)
        birth = _BIRTH.search(own)
        if birth:
            parsed = parse_date(birth.group("a") or birth.group("b"))
            party.birth_date = parsed.value if parsed else None
        id_m = ID_PATTERN.search(own_wo_rep)
        if id_m:
            check = validate_id_number(id_m.group(1))
            party.id_number, party.id_number_valid = check.number, check.valid
            if check.valid:  # an invalid number is kept as written but never lends a birth date or gender
                party.birth_date = party.birth_date or check.birth_date
                party.gender = party.gender or check.gender
    party.agents = _agents(block, doc, offset)
    return party


def parties_from_header(doc: DocText, end: int | None = None) -> list[Party]:
    """Every party block in doc.text[:end] (the header before 仲裁请求 / 答辩意见)."""
    header = doc.text[: doc.header_end() if end is None else end]
    marks = list(PARTY_LINE.finditer(header))
    parties = []
    for i, m in enumerate(marks):
        block_end = marks[i + 1].start() if i + 1 < len(marks) else len(header)
        block = header[m.start() : block_end]
        party = parse_party(ROLE_WORDS[m.group("role")], m.group("rest"), block, doc, m.start())
        if party is not None:
            parties.append(party)
    return parties


def merge_party(existing: Party, other: Party) -> None:
    """Fill `existing`'s missing fields from `other` (the same party named in another document)."""
    for field in ("gender", "birth_date", "ethnicity", "id_number", "id_number_valid", "credit_code",
                  "credit_code_valid", "address", "phone", "legal_representative"):  # fmt: skip
        if getattr(existing, field) is None and getattr(other, field) is not None:
            setattr(existing, field, getattr(other, field))
    known = {a.name for a in existing.agents}
    existing.agents.extend(a for a in other.agents if a.name not in known)


# ---------------------------------------------------------------- parties named in running text

ROLE_NAMES = {PartyRole.APPLICANT: ("原告", "申请人"), PartyRole.RESPONDENT: ("被告", "被申请人")}
# words that link a name to the clause before it (「…为被申请人向」「与」「派遣至」)
_LINKS = "以为向与和及到至在由从对将把被的"
# a name after a role word in running text: an organisation up to its suffix, or a short personal name
_NAME_STOP = "的与和及向到在对为是系将把被由从自于已未不应诉辩称要请认主提因以经就按同共等支给称均亦并且但所"
_SUFFIX = ORG_NAME.pattern.removesuffix("$")
_ORG_RUN = re.compile(rf"(?:(?!原告|被告|申请人|第三人)[^\s，,。；;：:、“”\"\d{_NAME_STOP}]){{2,40}}")
_GENERIC_ORG = re.compile(r"^(?:本|该|我|其|贵|两|二|原|被|各|此|涉案)?(?:单位|公司|厂|企业|用人单位|个体工商户)$")
_PLACEHOLDER = re.compile(r"^(?:原告|被告|申请人|被申请人|第三人)(?:之[二三四五])?$")
# 「法定代表人张涛」「委托诉讼代理人王某」 in running text, after the party they act for (「被告的法定代表人…」)
_REPRESENTATIVE = re.compile(
    r"(?P<who>[^，。；：:\s]{0,30}?)(?:的)?(?P<kind>法定代表人|主要负责人|负责人|经营者|委托(?:诉讼|仲裁)?代理人)"
    r"(?:兼[^，。；]{0,20}?(?:的)?(?:法定代表人|经营者|负责人))?(?:为|是|系)?"
)
# 「二被告」「两被告」: how many parties one role has, where the file names fewer (「第二被告」 is a number: below)
_COUNTED = re.compile(r"(?<!第)(?P<n>[二两三四])(?P<role>被告|原告|被申请人|申请人)")
# a number after the role word in running text (「被告之二青岛某公司」「被告（二）某某」): the name follows it
_NUMBER_AFTER = r"(?:之[一二三四五六七八九]|[（(][一二三四五六七八九][）)])?"
_ALIAS = re.compile(r"[（(](?:以下|下)?(?:简称|称)[:：]?[“\"「]?(?P<alias>[^）)”\"」，,]{2,20})[”\"」]?[）)]")


def is_placeholder(party: Party) -> bool:
    """A party known only by its role word (「原告」): the file never names it."""
    return bool(_PLACEHOLDER.match(party.name))


def same_party(a: str, b: str) -> bool:
    """Whether two names are one party: equal, one inside the other (「冠海公司」 in 「福建冠海海运有限公司」), or a
    short name whose core characters appear in order in the full one (「新侨国际公司」, 「北京新侨国际企业管理有限公司」)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    if not ORG_NAME.search(short):
        return False  # people are one party only by the same name (王安 is not 王安全)
    core = re.sub(r"(?:有限责任公司|股份有限公司|有限公司|公司)$", "", short)
    if len(core) < 2:
        return False
    if core in full:
        return True
    if not ORG_NAME.search(short) or not ORG_NAME.search(full):
        return False
    it = iter(full)
    return len(core) >= 3 and all(ch in it for ch in core)


def worker_role(text: str, parties: list[Party]) -> PartyRole | None:
    """Which procedural role is the worker: the side whose named parties are people, and the sentences that say
    who employs whom (「被告系原告单位职工」, 「原告无需支付被告…」, 「原告于…到被告处工作」). None when nothing says."""
    from . import cues

    votes = {PartyRole.APPLICANT: 0, PartyRole.RESPONDENT: 0}  # evidence that this role is the worker
    for p in parties:
        if p.role in votes and not is_placeholder(p):
            other = PartyRole.RESPONDENT if p.role is PartyRole.APPLICANT else PartyRole.APPLICANT
            votes[p.role if p.kind is PartyKind.PERSON else other] += 3
    votes[PartyRole.APPLICANT] += employs(text, cues.PLAINTIFF_WORDS, cues.DEFENDANT_WORDS)
    votes[PartyRole.RESPONDENT] += employs(text, cues.DEFENDANT_WORDS, cues.PLAINTIFF_WORDS)
    if votes[PartyRole.APPLICANT] == votes[PartyRole.RESPONDENT]:
        return None
    return max(votes, key=votes.get)


def employs(text: str, worker: str, employer: str) -> int:
    """How many sentences of `text` say that the party named by `employer` (role words, a regular expression)
    employs the one named by `worker` (arbitration.extract.cues.EMPLOYS)."""
    from . import cues

    return sum(len(re.findall(p.format(W=f"(?:{worker})", E=f"(?:{employer})"), text)) for p in cues.EMPLOYS)


def name_mentions(text: str) -> list[tuple[PartyRole, str, int]]:
    """(role, name, offset) of 「原告黄某某」「被告某某有限公司」 in running text: the word right after the role word
    when LAC reads it as a person or an organisation (an organisation's name runs on to its suffix, brackets
    included); 「原告缴纳社会保险」「被告公司」 name nobody."""
    from .pipeline import lac_words

    words = {w.start: w for w in lac_words(text)}
    role_re = _ROLE_ALT
    series = {role for role, _ in numbered(text)}
    out = []
    for m in re.finditer(rf"(?P<role>{role_re})(?:[（(](?:{role_re})[）)])?{_NUMBER_AFTER}", text):
        role = ROLE_WORDS[m.group("role")]
        if role is PartyRole.THIRD_PARTY and m.group("role") != "第三人":
            continue
        numbered_here = role in series and m.end() < len(text) and text[m.end()] in ORDINALS  # 「被告二青岛某公司」
        w = words.get(m.end() + 1 if numbered_here else m.end())
        if w is None or w.label not in ("PER", "ORG", "LOC", "nt", "nz", "ns"):
            continue
        if w.label == "PER":
            if 2 <= len(w.text) <= 4 or re.fullmatch(r"[A-Za-z'·.\s]+", w.text):
                out.append((role, w.text, w.start))
            continue
        org = org_name_at(text, w.start)
        name = org if org and len(org) >= len(w.text) else (w.text if w.label == "ORG" else None)
        if name and not _GENERIC_ORG.match(name) and not COMMISSION_NAME.search(name):
            out.append((role, name, w.start))
    return out


def without_number(name: str, role: PartyRole | None, text: str) -> str:
    """A name read after a role word without its number, where the text numbers that role's parties elsewhere
    (「被告二：」「被告一辩称」): 「被告二青岛某公司」 is 青岛某公司; in a text that numbers nobody 「被告一汽某公司」
    keeps its name whole."""
    if len(name) > 2 and name[0] in ORDINALS and role in {r for r, _ in numbered(text)}:
        return name[1:]
    return name


def org_name_at(text: str, at: int) -> str | None:
    """The organisation's name that starts at `at`: the longest run of name characters ending in a suffix
    (公司, 厂, 站 …), brackets allowed (「凯米克建筑材料（天津）有限公司」); None for 「公司」「该单位」."""
    run = _ORG_RUN.match(text, at)
    if not run:
        return None
    best = None
    for m in re.finditer(_SUFFIX, run.group()):
        best = run.group()[: m.end()]
    if best is None or _GENERIC_ORG.match(best) or len(best) < 3:
        return None
    return best


def aliases(text: str) -> dict[str, str]:
    """Short names a text defines: 「北京新侨国际企业管理有限公司（以下简称新侨国际公司）」 → {新侨国际公司: full}.
    The full name is the one right before the bracket, after the last role word or linking word (「原告以被告某公司
    为被申请人向某仲裁委员会（以下简称某仲裁委）」 defines the commission's name, not the company's); a commission's
    names are no party's."""
    out = {}
    for m in _ALIAS.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        full = re.search(r"[\u4e00-\u9fa5A-Za-z（）()]{2,40}$", before)
        if not full or COMMISSION_NAME.search(full.group()) or COMMISSION_NAME.search(m.group("alias")):
            continue
        tail = re.split(rf"原告|被告|申请人|第三人|[{_LINKS}]", full.group())[-1]
        out[m.group("alias")] = tail if len(tail) >= 2 else full.group()
    return out


def representatives(text: str) -> list[tuple[str, str, str, int, int]]:
    """(who, kind, name, start, end) of legal representatives and agents named in running text: 「被告的法定代表人
    张涛」 → ("被告", "法定代表人", "张涛", …); the name is the person LAC reads right after the title."""
    from .pipeline import lac_words

    people = {w.start: w for w in lac_words(text) if w.label == "PER"}
    out = []
    for m in _REPRESENTATIVE.finditer(text):
        person = people.get(m.end())
        if person is None or not 2 <= len(person.text) <= 4:
            continue
        out.append((m.group("who"), m.group("kind"), person.text, m.start("kind"), person.end))
    return out


def counted(text: str) -> dict[PartyRole, int]:
    """How many parties a role has where the text says so (「二被告」, 「被告之二」, 「第二被告」 → {respondent: 2})."""
    out: dict[PartyRole, int] = {}
    for m in _COUNTED.finditer(text):
        n = {"二": 2, "两": 2, "三": 3, "四": 4}[m.group("n")]
        role = ROLE_WORDS[m.group("role")]
        out[role] = max(out.get(role, 0), n)
    for role, n in numbered(text):  # 「被告之二」「第三被告」: at least that many
        out[role] = max(out.get(role, 0), n)
    return out
