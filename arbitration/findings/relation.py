"""Whether the tribunal's findings establish the employment, by the marks of a labour relation the labour
ministry names (劳社部发〔2005〕12号: work that is part of the employer's business under its management, pay from
it, its work card or attendance records, its social insurance for the worker, a contract with it) — or say it is
not proven: the evidence is found insufficient, or the worker was hired or paid by someone else while the employer
denies employing them. The worker must prove the employment (劳动争议调解仲裁法第六条); what the findings do not
settle stays for the tribunal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arbitration.findings.told import clauses, mentions, names, own_sentences
from arbitration.ingest.speech import FINDINGS_CUES
from arbitration.model import Case, Side

# the findings say the evidence does not prove the employment
NOT_PROVEN = re.compile(r"(?:不足以|不能|无法|未能|难以)(?:证明|证实|认定|确认)[^。；]{0,40}劳动关系|"
                        r"劳动关系[^。；，]{0,10}(?:证据不足|依据不足|不能成立|不予确认|无法确认)")
# the worker's status that makes an employment a question of law, not of fact (a director, a partner …)
STATUS = re.compile(r"[^，。；]{0,6}(?:系|是|为|担任|任)[^，。；]{0,12}(?:董事|股东|出资人|合伙人|投资人|法定代表人|承包人|挂靠)")
AT = re.compile(r"入职|进入|加入|(?<![直])到|(?<![存现实])在|至")
WORK = re.compile(r"工作|上班|从事|任职|担任|务工|打工")
HIRED = re.compile(r"招用|聘用|雇用|雇佣|录用|聘请|招聘")
EMPLOYEE_OF = re.compile(r"(?:受雇于|受聘于)(?P<x>[^，。；的]{2,30})|(?:系|是|为)(?P<y>[^，。；]{2,30}?)的?(?:员工|职工|雇员|工人)")
PAID_BY = re.compile(r"由(?P<x>[^，。；]{2,30}?)(?:按月|每月)?(?:通过[^，。；]{0,12})?(?:支付|发放|转账支付|转账发放)|"
                     r"(?P<y>[^，。；]{2,30}?)(?:按月|每月)?(?:通过[^，。；]{0,12})?向(?:其|原告|申请人)[^，。；]{0,12}"
                     r"(?:支付|发放|转账)")
PAY = re.compile(r"工资|报酬|薪")
MANAGED = re.compile(r"工作证|工牌|胸卡|考勤|打卡|签到|规章制度|(?:接受|服从)[^，。；]{0,12}(?:管理|安排|分配)|"
                     r"安排[^，。；]{0,8}工作|分配[^，。；]{0,12}(?:任务|工作)")
INSURED = re.compile(r"为(?P<w>[^，。；]{1,12}?)缴纳(?:了)?[^，。；]{0,20}(?:社会保险|社保|养老保险)")
CONTRACT = re.compile(r"(?:签订|订立)(?:了)?[^，。；]{0,12}劳动合同")
ORG = re.compile(r"(?:公司|厂|部|中心|站|店|社|所|院|行|场|队|处|局|会)$")
NEGATED = re.compile(r"未|没有|并未|无|不")
HEAD = re.compile(rf"^(?:{'|'.join(FINDINGS_CUES)})[：:，,]?")  # 「经审理查明，」「本院查明：」「本委查明：」


@dataclass(frozen=True)
class Told:
    """What the findings say of the employment: holds, the sentences that say it, why in words, and whether the
    findings say so in terms (the evidence found insufficient) or it follows from them (a third party's worker)."""

    holds: bool
    quotes: tuple[str, ...]
    why: str
    in_terms: bool = True


def _not_proven(sentence: str) -> bool:
    """The sentence finds the employment unproven (「不足以证明其与被告存在劳动关系」); 「不能证明双方不存在劳动关系」 is
    the employer's proof failing, no such finding."""
    m = NOT_PROVEN.search(sentence)
    return m is not None and not re.search(r"不存在|没有|并非|不是|无", m.group()[2:])


def _affirmed(clause: str, m: re.Match[str] | None) -> bool:
    """A match the clause does not deny (「被告未为原告缴纳」「未与原告签订」)."""
    return m is not None and not NEGATED.search(clause[max(0, m.start() - 8) : m.start()])


def _refers(x: str, refs: tuple[str, ...]) -> bool:
    x = x.strip()
    return bool(x) and (mentions(x, refs) or re.fullmatch(r"(?:该|本|其|所在)?(?:公司|单位)", x) is not None)


def _works_for(clause: str, refs: tuple[str, ...]) -> bool:
    """「原告于…到被告处工作」「被告招用原告」: the clause says the worker works for the employer."""
    for m in AT.finditer(clause):
        if NEGATED.search(clause[max(0, m.start() - 3) : m.start()]):
            continue
        near = clause[m.end() : m.end() + 24]  # a place may come first: 「入职福建新大陆…公司」
        if any(0 <= near.find(r) <= 6 for r in refs) and WORK.search(clause, m.end()):
            return True
    return any(HIRED.match(clause, clause.find(r) + len(r)) for r in refs if r in clause)


def read(case: Case, worker: Side, employer: Side, worker_word: str, employer_word: str,
         denied: bool) -> Told | None:
    """The employment as the findings tell it; None when they do not settle it (nothing said, or both ways).
    A third party as the worker's employer or payer counts only when the employer denies the employment."""
    e_refs = names(case, employer, employer_word)
    w_refs = names(case, worker, worker_word) + ("其",)
    marks: dict[str, str] = {}
    against: list[str] = []
    status = False
    for sentence in (HEAD.sub("", s) for s in own_sentences(case)):
        if _not_proven(sentence):
            against.append(sentence)
            continue
        parts = clauses(sentence)
        for i, clause in enumerate(parts):
            # the worker named in the clause, or the subject of the sentence carried on (「原告…毕业，同年…在被告处工作」)
            worker_named = mentions(clause, w_refs) or i > 0 and mentions(parts[0], w_refs) and not mentions(
                clause[:2], e_refs)
            head = next((r for r in w_refs if clause.startswith(r)), None)
            if head and STATUS.match(clause, len(head)):
                status = True
            if (m := EMPLOYEE_OF.search(clause)) and worker_named:
                who = m["x"] or m["y"]
                if _refers(who, e_refs):
                    marks.setdefault("work", sentence)
                elif denied and not mentions(who, w_refs) and not NEGATED.search(clause[: m.start()][-3:]):
                    against.append(sentence)
            if (m := PAID_BY.search(clause)) and PAY.search(sentence):
                who = m["x"] or m["y"]
                if _refers(who, e_refs):
                    marks.setdefault("pay", sentence)
                elif denied and ORG.search(who.strip()) and not mentions(who, w_refs):
                    against.append(sentence)
            if _affirmed(clause, CONTRACT.search(clause)) and (
                    worker_named and mentions(clause, e_refs) or "双方" in clause):
                marks.setdefault("contract", sentence)
            if not worker_named:
                continue
            if _works_for(clause, e_refs):
                marks.setdefault("work", sentence)
            if MANAGED.search(clause) and mentions(clause, e_refs):
                marks.setdefault("managed", sentence)
            if _affirmed(clause, INSURED.search(clause)) and mentions(clause, e_refs):
                marks.setdefault("insured", sentence)

    w, e = worker_word, employer_word
    if against:
        if marks and not any(_not_proven(s) for s in against):
            return None  # the findings point both ways: for the tribunal
        in_terms = any(_not_proven(s) for s in against)
        return Told(False, tuple(dict.fromkeys(against)),
                    f"经审理查明，{against[0]}；{e}否认双方存在劳动关系，{w}对双方存在劳动关系负有举证责任，现有证据不足以"
                    f"证明{w}接受{e}的劳动管理、由{e}支付劳动报酬，{w}应承担举证不能的不利后果" if not in_terms else
                    f"经审理查明，{against[0]}；{w}对双方存在劳动关系负有举证责任，应承担举证不能的不利后果", in_terms)
    if status:
        return None
    if "contract" in marks or "work" in marks and len(marks) > 1:
        quotes = tuple(dict.fromkeys(marks.values()))
        return Told(True, quotes, "经审理查明，" + "；".join(quotes))
    return None


__all__ = ["Told", "read"]
