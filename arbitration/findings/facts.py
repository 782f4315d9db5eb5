"""A proposed finding for each fact of the case (a `Facts` field), by the rules of evidence in this order:
established (the tribunal's findings, the arbitrator's adoption) → agreed (both sides, or one side and the
other's admission) → documentary evidence over a bare statement (an original over a disputed copy) → the burden
of proof (the side that must prove offered nothing) → else 「待查明」 with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from arbitration.extract.facts import HIRE_FROM_CONTRACT, ONE_MONTH_PAY, PARTIAL_WAGE
from arbitration.findings import versions as V
from arbitration.findings.admissions import Stance
from arbitration.findings.evidence import disputed_by, doc_name, is_copy, is_document
from arbitration.findings.sides import Sides
from arbitration.findings.text import show_value, value_sentence
from arbitration.findings.told import reported
from arbitration.model import (
    FACT_NAMES,
    Basis,
    Case,
    Citation,
    Fact,
    FactValue,
    Method,
    Proposal,
    ReviewState,
    Side,
    TerminationInitiator,
)


def cite(law: str, article: int, clause: int | None = None) -> Citation:
    return Citation(law=law, article=article, clause=clause)


@dataclass(frozen=True)
class BurdenRule:
    """Which side must prove a fact, why (in the words of awards) and the articles that say so."""

    on: str  # "employer" | "worker"
    why: str
    articles: tuple[Citation, ...]
    when: str = ""  # "employer_ended": only when the employer ended the employment; "uncontested": only when the
    #                 employer states no version of its own (a contested dismissal is for the tribunal);
    #                 "records_withheld": only when the worker put in records the employer keeps and it shows none
    own_paper: bool = False  # the fact rests on a paper or decision of the employer's own (the written contract, its
    #                          dismissal): after a hearing whose findings show none, its answer need not be on file


# the facts whose proof the law puts on one side; a bare statement of the other side stands when it fails
FACT_BURDEN: dict[str, BurdenRule] = {
    "hire_date": BurdenRule(
        "employer", "用人单位对计算劳动者工作年限的事实负举证责任",
        (cite("劳动争议解释（一）", 44),)),
    "leave_date": BurdenRule(
        "employer", "因用人单位作出解除劳动合同决定而发生的劳动争议，由用人单位负举证责任",
        (cite("劳动争议解释（一）", 44),), when="employer_ended"),
    "monthly_wage": BurdenRule(
        "employer", "工资支付记录由用人单位掌握管理，用人单位应当提供而不提供的，应当承担不利后果",
        (cite("劳动争议调解仲裁法", 6), cite("工资支付暂行规定", 6))),
    "termination": BurdenRule(
        "employer", "因用人单位作出辞退、解除劳动合同决定而发生的劳动争议，由用人单位负举证责任",
        (cite("劳动争议解释（一）", 44),), when="uncontested", own_paper=True),
    "working_hours": BurdenRule(
        "employer", "劳动者有证据证明用人单位掌握加班事实存在的证据，用人单位不提供的，由用人单位承担不利后果",
        (cite("劳动争议解释（一）", 42), cite("劳动争议调解仲裁法", 6)), when="records_withheld"),
    "written_contract": BurdenRule(
        "employer", "书面劳动合同由用人单位掌握管理，用人单位主张已签订而不提供的，应当承担不利后果",
        (cite("劳动争议调解仲裁法", 6),), own_paper=True),
}


# a party that gave no answer: it offered no version and no evidence
SILENT = re.compile(r"未(?:作|提交|提出|进行)?答辩|未答辩|放弃答辩|缺席|拒不到庭|未到庭|未出庭|不到庭")


@dataclass
class Context:
    """What every rule reads: the case, the parties' stances, who is the worker."""

    case: Case
    stances: list[Stance]
    sides: Sides
    notes: dict[str, str] = field(default_factory=dict)

    def other(self, side: Side) -> Side | None:
        if side == self.sides.worker:
            return self.sides.employer
        if side == self.sides.employer:
            return self.sides.worker
        return None

    def admission(self, topic: str, by: Side) -> Stance | None:
        return next((s for s in self.stances if s.topic == topic and s.side == by and s.admits), None)

    def statement(self, side: Side) -> str:
        text = self.case.applicant_statement if side == Side.APPLICANT else self.case.respondent_statement
        return (text or "").strip()

    def said(self, side: Side) -> bool:
        """Whether `side` said anything in the file (a statement, a version of some fact, a stance)."""
        return bool(self.statement(side)) and not self.silent(side) or any(
            v.side == side for _, f in self.case.facts.items() for v in f.values) or any(
            s.side == side for s in self.stances)

    def silent(self, side: Side) -> bool:
        """The file says `side` gave no answer (「未作答辩」「经传票传唤无正当理由拒不到庭」): it offered nothing. A
        file that merely holds no statement of it says nothing either way."""
        return bool(SILENT.search(self.statement(side)))

    def heard(self, side: Side) -> bool:
        """Whether what `side` offered is known: it answered, or the file says it did not."""
        return self.said(side) or self.silent(side)

    def heard_at_hearing(self) -> bool:
        """The hearing is over and its findings establish the employment: what the employer proved there is in them,
        though the file does not record its answer. Only an employer answers for the papers it keeps; whether there
        was an employer at all is the worker's to prove first (劳动争议调解仲裁法第六条)."""
        from arbitration.findings.relation import read

        told = read(self.case, self.sides.worker, self.sides.employer, self.sides.worker_word,
                    self.sides.employer_word, False)
        return told is not None and told.holds

    def employer_ended(self) -> bool | None:
        """Whether every version says the employer ended the employment; None when nobody says how it ended."""
        t = self.case.facts.termination
        if not t.values:
            return None
        return all(v.value.initiator == TerminationInitiator.EMPLOYER for v in t.values)


def _who(ctx: Context, v: FactValue[Any]) -> str:
    if v.side == Side.EVIDENCE:
        return doc_name(v.source)
    if v.side == Side.TRIBUNAL:
        return "仲裁庭查明的事实"
    return ctx.sides.word(v.side)


def _version(ctx: Context, v: FactValue[Any]) -> str:
    note = f"（{v.note}）" if v.note and v.side != Side.EVIDENCE else ""
    if v.side == Side.EVIDENCE:
        return f"{doc_name(v.source)}载明{show_value(v.value)}"
    return f"{_who(ctx, v)}主张{show_value(v.value)}{note}"


def _text(ctx: Context, name: str, values: list[FactValue[Any]], group: list[int], idx: int) -> str:
    """The finding as a clause; a contract and its renewals all named."""
    text = value_sentence(name, values[idx].value, ctx.sides.worker_word, ctx.sides.employer_word)
    if name == "written_contract" and values[idx].value.signed:
        later = sorted({values[i].value.signed_date for i in group if values[i].value.signed_date
                        and values[i].value.signed_date != values[idx].value.signed_date})
        if later:
            text += "，其后于" + "、".join(show_value(d) for d in later) + "续订"
    return text


def _proposal(ctx: Context, name: str, values: list[FactValue[Any]], group: list[int], idx: int, basis: Basis,
              reason: str, extra: list[Stance] = (), articles: tuple[Citation, ...] = (),
              state: ReviewState = ReviewState.PROPOSED, extra_sources: list[Any] = ()) -> Proposal:
    sources = [values[i].source for i in sorted(group, key=lambda i: i != idx)] + [s.source for s in extra]
    sources += [s for s in extra_sources if s not in sources]
    return Proposal(id=name, label=FACT_NAMES.get(name, name), text=_text(ctx, name, values, group, idx),
                    basis=basis, reason=reason, value_index=idx, sources=sources, articles=list(articles),
                    state=state)


def _pick(name: str, values: list[FactValue[Any]], group: list[int]) -> int:
    if name == "written_contract" and values[group[0]].value.signed:
        return V.earliest_contract(values, group)
    return V.best(values, group)


def _documents(ctx: Context, values: list[FactValue[Any]], group: list[int], against: Side | None
               ) -> tuple[list[int], list[str]]:
    """(documents of the group that carry weight, why others do not): a copy the other side disputes does not."""
    strong, weak = [], []
    for i in group:
        v = values[i]
        if not is_document(v):
            continue
        dispute = disputed_by(v.source, ctx.stances, against) if against else None
        if dispute and is_copy(ctx.case, v.source):
            weak.append(f"{doc_name(v.source)}系复印件，{ctx.sides.word(against)}不认可其真实性")
        else:
            strong.append(i)
    return strong, weak


def _names(ctx: Context, values: list[FactValue[Any]], idxs: list[int]) -> str:
    return "、".join(dict.fromkeys(_who(ctx, values[i]) for i in idxs))


def propose_fact(ctx: Context, name: str) -> Proposal | str | None:
    """The finding proposed for fact `name`, or the reason none can be (「待查明」), or None when nobody states it."""
    fact: Fact[Any] = getattr(ctx.case.facts, name)
    values = fact.values
    if not values:
        return None
    label = FACT_NAMES.get(name, name)
    if fact.accepted is not None and 0 <= fact.accepted < len(values):
        idx = fact.accepted
        return _proposal(ctx, name, values, [idx], idx, Basis.ESTABLISHED, f"仲裁庭已采信{_version(ctx, values[idx])}",
                         state=ReviewState.ACCEPTED)
    # a base beside pay of no stated sum, or one named month's pay, is no statement of the monthly wage
    partial = [i for i, v in enumerate(values)
               if name == "monthly_wage" and any(n in (v.note or "") for n in (PARTIAL_WAGE, ONE_MONTH_PAY))]
    if partial and len(partial) == len(values):
        what = ONE_MONTH_PAY if ONE_MONTH_PAY in (values[partial[0]].note or "") else PARTIAL_WAGE
        return (f"{_version(ctx, values[partial[0]])}，{what}；月工资按劳动者应得工资计算，包括计时工资或者计件工资"
                f"以及奖金、津贴和补贴等货币性收入（《劳动合同法实施条例》第二十七条），其数额须查明")
    tribunal = [i for i, v in enumerate(values)
                if v.side == Side.TRIBUNAL and v.source.method != Method.HEARING and v.source.doc_type != "hearing_record"
                and not reported(ctx.case, v.source.quote)  # a request or an earlier award it tells of is no finding
                and i not in partial]  # a base beside pay of no stated sum is no finding of the wage
    stand_ins = [i for i in tribunal if _earlier_work(name, values, values[i])]
    if stand_ins and len(stand_ins) == len(tribunal):
        return (f"仲裁庭查明部分仅载明订立劳动合同的时间（{show_value(values[stand_ins[0]].value)}），"
                f"{_names(ctx, values, _earlier_work(name, values, values[stand_ins[0]]))}"
                "所述入职时间早于该日逾一个月，用工之日须查明")
    tribunal = [i for i in tribunal if i not in stand_ins]
    if tribunal:
        groups = [[tribunal[j] for j in g] for g in V.clusters([values[i] for i in tribunal])]
        if len(groups) == 1 or len(groups[0]) > len(groups[1]):
            idx = _pick(name, values, groups[0])
            return _proposal(ctx, name, values, groups[0], idx, Basis.ESTABLISHED, "经审理查明",
                             state=ReviewState.ACCEPTED)
        return f"仲裁庭查明部分对{label}的记载不一致"
    parties = [i for i, v in enumerate(values) if v.side != Side.TRIBUNAL and i not in partial]
    if not parties:
        return None
    groups = [[parties[j] for j in g] for g in V.clusters([values[i] for i in parties])]
    worker, employer = ctx.sides.worker, ctx.sides.employer
    if len(groups) == 1:
        return _one_version(ctx, name, values, groups[0])
    # the versions disagree: a version both sides state, or one the other side admits, is agreed
    for g in groups:
        sides_of = {values[i].side for i in g}
        if {worker, employer} <= sides_of:
            idx = _pick(name, values, g)
            rest = [values[i] for h in groups if h is not g for i in h]
            return _proposal(ctx, name, values, g, idx, Basis.AGREED,
                             f"双方陈述一致；{'；'.join(_version(ctx, v) for v in rest)}，与双方陈述不符，不予采信")
    for g in groups:
        for side in (worker, employer):
            if side in {values[i].side for i in g} and (st := ctx.admission(name, ctx.other(side))):
                idx = _pick(name, values, g)
                return _proposal(ctx, name, values, g, idx, Basis.AGREED,
                                 f"{ctx.sides.word(side)}主张{show_value(values[idx].value)}，"
                                 f"{ctx.sides.word(ctx.other(side))}对此无异议（「{st.text}」）", [st])
    if name == "termination" and (dated := _dismissal_dated(ctx, values, groups)) is not None:
        return dated
    return _by_evidence(ctx, name, values, groups) or _by_burden(ctx, name, values, groups) or (
        f"{'；'.join(_version(ctx, values[i]) for g in groups for i in g)}，"
        f"各方说法不一致，现有证据不足以认定")


def _dismissal_dated(ctx: Context, values: list[FactValue[Any]], groups: list[list[int]]) -> Proposal | None:
    """Both sides say the employer ended the employment, on one ground, and differ only on the day: the employer
    proves its dismissal (解释（一）第四十四条), so with no document of its own the worker's version stands. None
    otherwise."""
    worker, employer = ctx.sides.worker, ctx.sides.employer
    every = [i for g in groups for i in g]
    if any(values[i].value.initiator != TerminationInitiator.EMPLOYER for i in every):
        return None
    undated = [values[i].model_copy(update={"value": values[i].value.model_copy(update={"notice_date": None})})
               for i in every]
    if len(V.clusters(undated)) != 1:
        return None  # another ground, not just another day
    own = [i for i in every if values[i].side == worker]
    theirs = [i for i in every if values[i].side == employer]
    if not own or not theirs or _documents(ctx, values, theirs, worker)[0]:
        return None
    rule = FACT_BURDEN["termination"]
    idx = _pick("termination", values, own)
    return _proposal(ctx, "termination", values, own, idx, Basis.BURDEN,
                     f"双方均称系{ctx.sides.employer_word}解除劳动合同，仅对解除的日期说法不一致（"
                     f"{'；'.join(_version(ctx, values[i]) for i in every)}）；{rule.why}，{ctx.sides.employer_word}"
                     f"未提交证据证明其主张的日期，应承担不利后果，故对{ctx.sides.worker_word}的主张予以采信",
                     articles=rule.articles)


def _earlier_work(name: str, values: list[FactValue[Any]], v: FactValue[Any]) -> list[int]:
    """When `v` is a hire date that is only the day a contract was signed: the parties' versions telling of work
    begun over a month before it (劳动合同法第七条: employment begins with the work, not the paper)."""
    if name != "hire_date" or HIRE_FROM_CONTRACT not in (v.note or ""):
        return []
    return [i for i, o in enumerate(values) if o.side != Side.TRIBUNAL and (v.value - o.value).days > 31]


def _one_version(ctx: Context, name: str, values: list[FactValue[Any]], group: list[int]) -> Proposal | str:
    """Every version says the same: agreed, confirmed by a document, or one side's word under the burden rule."""
    worker, employer = ctx.sides.worker, ctx.sides.employer
    idx = _pick(name, values, group)
    sides_of = {values[i].side for i in group}
    wording = "" if len(group) == 1 else "（各处表述详略不同，系同一事实，取其详者）"
    if {worker, employer} <= sides_of:
        docs = [i for i in group if is_document(values[i])]
        also = f"，并有{_names(ctx, values, docs)}为证" if docs else ""
        admitted = next((values[i] for i in group if values[i].note == "认可" and values[i].side in (worker, employer)),
                        None)  # extraction's record of an admission: the admitting side's version, its sentence
        if admitted is not None:
            by = ctx.sides.word(admitted.side)
            said = f"（「{admitted.source.quote}」）" if admitted.source.quote else ""
            return _proposal(ctx, name, values, group, idx, Basis.AGREED,
                             f"{ctx.sides.word(ctx.other(admitted.side))}主张{show_value(values[idx].value)}，"
                             f"{by}予以认可{said}{also}")
        return _proposal(ctx, name, values, group, idx, Basis.AGREED, f"双方陈述一致{also}{wording}")
    stated = next((s for s in (worker, employer) if s in sides_of), None)
    if stated is not None and (st := ctx.admission(name, ctx.other(stated))):
        return _proposal(ctx, name, values, group, idx, Basis.AGREED,
                         f"{ctx.sides.word(stated)}主张{show_value(values[idx].value)}，"
                         f"{ctx.sides.word(ctx.other(stated))}对此无异议（「{st.text}」）", [st])
    docs, weak = _documents(ctx, values, group, ctx.other(stated) if stated else employer)
    also = corroborating(ctx, name, values[idx].value)
    if also and not docs:
        said = f"{ctx.sides.word(stated)}的陈述与" if stated else "与"
        return _proposal(ctx, name, values, group, idx, Basis.EVIDENCE,
                         f"{said}{'、'.join(dict.fromkeys(doc_name(v.source) for v, _ in also))}的记载一致"
                         f"（{'；'.join(dict.fromkeys(why for _, why in also))}），无相反证据",
                         extra_sources=[v.source for v, _ in also])
    if docs:
        other = ctx.other(stated) if stated else None
        silent = f"，{ctx.sides.word(other)}未提出相反主张或证据" if other else "，无相反证据"
        agree = (f"{ctx.sides.word(stated)}的陈述与{_names(ctx, values, docs)}的记载一致" if stated
                 else f"{_names(ctx, values, docs)}载明{show_value(values[idx].value)}")
        return _proposal(ctx, name, values, group, idx, Basis.EVIDENCE, f"{agree}{silent}{wording}")
    dismissal = name != "termination" or values[idx].value.initiator == TerminationInitiator.EMPLOYER
    rule = FACT_BURDEN.get(name)
    if (stated == worker and dismissal and rule is not None and rule.on == "employer" and _applies(ctx, rule)
            and (ctx.heard(employer) or rule.own_paper and ctx.heard_at_hearing())):
        offered = ("未提出相反主张，亦未提交证据" if ctx.said(employer) else "未提出答辩意见，亦未提交证据"
                   if ctx.heard(employer) else "未提出相反主张及证据，经审理查明的事实亦未载明与之不同的情形")
        return _proposal(ctx, name, values, group, idx, Basis.BURDEN,
                         f"{rule.why}；{ctx.sides.employer_word}{offered}，"
                         f"应承担不利后果，故对{ctx.sides.worker_word}的主张予以采信", articles=rule.articles)
    who = ctx.sides.word(stated) if stated else _names(ctx, values, group)
    return f"仅有{who}一方的陈述" + (f"（{'；'.join(weak)}）" if weak else "") + "，尚无其他证据印证"


def corroborating(ctx: Context, name: str, value: Any) -> list[tuple[FactValue[Any], str]]:
    """Versions of another fact read from documents that state this one too: a notice's date is the leave date,
    a contract's first day the hire date, an expired contract's last day the leave date."""
    out: list[tuple[FactValue[Any], str]] = []
    if name == "leave_date":
        for v in ctx.case.facts.termination.values:
            if is_document(v) and v.value.notice_date == value:
                out.append((v, f"{doc_name(v.source)}载明于{show_value(value)}解除（终止）"))
        for v in ctx.case.facts.written_contract.values:
            if is_document(v) and v.value.term_end == value and ctx.employer_ended() is False:
                out.append((v, f"劳动合同期限至{show_value(value)}届满"))
    if name == "hire_date":
        for v in ctx.case.facts.written_contract.values:
            if is_document(v) and v.value.term_start == value:
                out.append((v, f"劳动合同期限自{show_value(value)}起"))
    return out


def _applies(ctx: Context, rule: BurdenRule, contested: bool = False) -> bool:
    from arbitration.findings.evidence import employer_records_offered

    if rule.when == "uncontested":
        return not contested
    if rule.when == "records_withheld":  # 第四十二条: the worker shows the employer holds the records, it keeps them back
        return bool(employer_records_offered(ctx.case, ctx.sides.worker)) and not employer_records_offered(
            ctx.case, ctx.sides.employer)
    return rule.when != "employer_ended" or ctx.employer_ended()


def _by_evidence(ctx: Context, name: str, values: list[FactValue[Any]], groups: list[list[int]]) -> Proposal | None:
    """Documents outweigh bare statements: when exactly one version has documents that carry weight."""
    weighed = []
    for g in groups:
        stating = [values[i].side for i in g if values[i].side in (ctx.sides.worker, ctx.sides.employer)]
        against = ctx.other(stating[0]) if stating else None
        strong, weak = _documents(ctx, values, g, against)
        weighed.append((g, strong, weak))
    with_docs = [w for w in weighed if w[1]]
    if len(with_docs) != 1:
        return None
    g, docs, _ = with_docs[0]
    idx = _pick(name, values, g)
    others = [w for w in weighed if w[0] is not g]
    said = [values[i] for i in g if not is_document(values[i])]
    agree = f"，与{_names(ctx, values, [values.index(v) for v in said])}的陈述一致" if said else ""
    against = []
    for og, _, weak in others:
        versions = "；".join(_version(ctx, values[i]) for i in og)
        against.append(versions + ("，" + "，".join(weak) if weak else "，未提交证据予以证明"))
    reason = (f"{_names(ctx, values, docs)}载明{show_value(values[idx].value)}{agree}；{'；'.join(against)}。"
              "书证形成于争议发生之前，其证明力大于当事人事后的单方陈述")
    if any(weak for _, _, weak in others):
        reason += "，原件的证明力大于对方不认可的复印件"
    return _proposal(ctx, name, values, g, idx, Basis.EVIDENCE, reason)


def _by_burden(ctx: Context, name: str, values: list[FactValue[Any]], groups: list[list[int]]) -> Proposal | None:
    """No version has documents: the worker's version stands where the employer must prove the fact."""
    rule = FACT_BURDEN.get(name)
    if rule is None or rule.on != "employer" or not _applies(ctx, rule, contested=True):
        return None
    worker_groups = [g for g in groups if any(values[i].side == ctx.sides.worker for i in g)]
    if len(worker_groups) != 1:
        return None
    g = worker_groups[0]
    if any(is_document(values[i]) for h in groups if h is not g for i in h):
        return None  # the employer offered a document: the burden is met, the tribunal weighs it
    idx = _pick(name, values, g)
    others = "；".join(_version(ctx, values[i]) for h in groups if h is not g for i in h)
    reason = (f"{others}，但未提交证据予以证明；{rule.why}，{ctx.sides.employer_word}未能举证，应承担不利后果，"
              f"故对{ctx.sides.worker_word}主张的{show_value(values[idx].value)}予以采信")
    return _proposal(ctx, name, values, g, idx, Basis.BURDEN, reason, articles=rule.articles)
