"""Parties from a document's header: 申请人/被申请人 (or 答辩人/被答辩人) blocks → `Party`.

A block starts at a line 「申请人：…」 and takes the lines after it (性别、住址、委托代理人 …) up to the next
party line. A party is an organisation when it has a credit code, a 法定代表人, or a name that ends like one.
"""

from __future__ import annotations

import re

from arbitration.model import Agent, Party, PartyKind, PartyRole

from .rules import find_phones, parse_date, validate_credit_code, validate_id_number
from .rules.ids import CREDIT_PATTERN, ID_PATTERN
from .text import DocText

# role words → role, for an application (申请人) and for a defence (答辩人 is the respondent)
ROLE_WORDS: dict[str, PartyRole] = {
    "申请人": PartyRole.APPLICANT,
    "被申请人": PartyRole.RESPONDENT,
    "被答辩人": PartyRole.APPLICANT,
    "答辩人": PartyRole.RESPONDENT,
    "第三人": PartyRole.THIRD_PARTY,
}
PARTY_LINE = re.compile(
    r"(?m)^[ \t\u3000]*(?:第?[一二三四五六七八九十]?)(?P<role>被申请人|申请人|被答辩人|答辩人|第三人)"
    r"[一二三四五六七八九十\d]?(?:[（(][^）)\n]{0,12}[）)])?[ \t\u3000]*[:：][ \t\u3000]*(?P<rest>.*)$"
)
ORG_NAME = re.compile(
    r"(?:公司|集团|厂|店|中心|医院|学校|学院|协会|商行|经营部|事务所|合作社|研究所|研究院|酒店|宾馆|餐厅|饭店|"
    r"工作室|门诊部|诊所|超市|商场|银行|分行|支行|办事处|分公司|幼儿园|物业|局|委员会|站|场|所|部)$"
)
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
