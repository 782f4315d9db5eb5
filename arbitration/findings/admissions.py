"""What a party admits or denies, in its own statement or in the hearing record: 「对入职时间没有异议」
「认可…加班的事实」「原告所述拖欠工资属实」 admit the other side's version of that fact; 「不认可真实性」 disputes a
document. A bare 「没有异议」 answering the arbitrator's question takes its topic from the question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from arbitration.extract.cues import DEFENDANT_WORDS, PLAINTIFF_WORDS
from arbitration.model import Method, Provenance, Side

# topic of an admission → the fact (Facts field) or issue it concerns; the first that matches wins
TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p)) for name, p in (
        ("evidence", r"真实性|证据[一二三四五六七八九十\d]*(?:的|无|没|不|有)|原件|复印件"),
        ("hire_date", r"入职(?:时间|日期)?|用工(?:时间|日期)|到岗(?:时间|日期)|开始工作的?(?:时间|日期)"),
        ("leave_date", r"离职(?:时间|日期)|(?:解除|终止)(?:劳动合同|劳动关系)?的?(?:时间|日期)|最后工作日"),
        ("issue:wages_owed", r"(?:拖|欠|未)(?:欠|付|发|支付)?[^，。；]{0,6}(?:工资|劳动报酬)"),
        ("issue:overtime", r"加班"),
        ("annual_leave", r"年休假|年假"),
        ("monthly_wage", r"工资(?:标准|数额|水平)|月工资|月薪|工资(?:为|是)"),
        ("written_contract", r"(?:签订|订立|签)[^，。；]{0,6}(?:书面)?劳动合同|书面劳动合同"),
        ("termination", r"(?:解除|终止)(?:劳动合同|劳动关系)?的?(?:事实|方式|理由|原因|通知)|辞退|开除"),
        ("position", r"岗位|职务|工作内容"),
        ("workplace", r"工作地点"),
        ("issue:labor_relation", r"劳动关系"),
        ("statement", rf"(?:{PLAINTIFF_WORDS}|{DEFENDANT_WORDS}|对方)(?:所述|所称|陈述)|工作情况"),
    )
)
ADMIT = re.compile(r"(?:没有|无|并无|不持|没|均无)(?:任何)?异议|(?<![不未否])(?:予以)?(?:认可|承认)|属实|无争议|是事实|情况属实")
DENY = re.compile(r"(?<![没无])有异议|不(?:予)?认可|否认|不承认|不(?:予)?确认|不属实|不同意|不真实|虚假|不是事实|并非事实")
BARE_ANSWER = re.compile(r"^\s*(?:对[，,]?)?(?:没有异议|没异议|无异议|认可|属实|是的|对的?|承认)[。！!]?\s*$")
_NOT_A_STANCE = re.compile(r"请求|要求|诉请|申请(?!人)|本院|本委|仲裁庭|法院")  # claims and the tribunal's own words
# a clause's subject by role word, before a commission or a court (上诉人/被上诉人 on appeal, 答辩人 of a defence)
_APPLICANT = re.compile(rf"^[^，。；]{{0,4}}?(?:{PLAINTIFF_WORDS}|被答辩人)")
_RESPONDENT = re.compile(rf"^[^，。；]{{0,4}}?(?:{DEFENDANT_WORDS}|(?<!被)答辩人)")


@dataclass(frozen=True)
class Stance:
    """A party's stance on a topic: admits the other side's version (True) or disputes it (False)."""

    topic: str  # a Facts field, "issue:…", "evidence" or "statement" (the other side's account as a whole)
    side: Side  # who takes the stance
    admits: bool
    text: str  # the clause
    source: Provenance


def speaker_side(role: str) -> Side | None:
    """The side a hearing-record role speaks for (「被申请人代理人」 → respondent); None for the tribunal and others."""
    if re.search(rf"{DEFENDANT_WORDS}|respondent", role, re.I):
        return Side.RESPONDENT
    if re.search(rf"{PLAINTIFF_WORDS}|applicant", role, re.I):
        return Side.APPLICANT
    return None


def _topic(clause: str) -> str | None:
    for name, pattern in TOPICS:
        if pattern.search(clause):
            return name
    return None


def _clauses(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[^。；;\n，,]+", text)]


def stances_in(text: str | None, side: Side, source: Provenance, names: dict[str, Side] | None = None
               ) -> list[Stance]:
    """Stances in a party's statement (`side` speaks, unless a clause names its subject by role word or by one of
    the parties' `names`: 「某科技公司认可张某加班事实」 is the company's)."""
    out: list[Stance] = []
    if not text:
        return out
    subject = side
    for start, clause in _clauses(text):
        head = clause.lstrip()[:16]
        named = next((s for n, s in (names or {}).items() if n and head.startswith(n)), None)
        if named is not None:
            subject = named
        elif _RESPONDENT.search(clause):
            subject = Side.RESPONDENT
        elif _APPLICANT.search(clause):
            subject = Side.APPLICANT
        if _NOT_A_STANCE.search(clause):
            continue
        deny, admit = DENY.search(clause), ADMIT.search(clause)
        if not (deny or admit):
            continue
        topic = _topic(clause)
        if topic is None:
            continue
        src = source.model_copy(update={"start": (source.start or 0) + start, "quote": clause.strip(),
                                        "extractor": "findings.admission"})
        out.append(Stance(topic, subject, admits=not deny, text=clause.strip(), source=src))
    return out


def stances_in_record(record: list[Any] | None) -> list[Stance]:
    """Stances said at the hearing, each with its segment as the source; a bare 「没有异议」 takes the topic of
    the arbitrator's question just before it."""
    out: list[Stance] = []
    question = ""
    for seg in record or []:
        role, text = str(getattr(seg, "role", "") or ""), str(getattr(seg, "text", "") or "")
        side = speaker_side(role)
        if side is None:
            question = text
            continue
        src = Provenance(file="庭审笔录", method=Method.HEARING, quote=f"{role}：{text}",
                         extractor=f"hearing:{getattr(seg, 'id', '')}")
        if BARE_ANSWER.match(text) and _topic(question):
            out.append(Stance(_topic(question) or "", side, admits=True, text=text, source=src))
            continue
        out += [Stance(s.topic, side, s.admits, s.text, src) for s in stances_in(text, side, src)]
    return out
