"""The decision rules, one small function per claim type, in one place: each reads the findings (the facts as
found and the issues found, arbitration.findings), never the raw disputed versions, and says granted, denied,
not accepted or 「待查明」 with the articles it applies. Amounts come only from the law layer's calculators
(`decide.calculate`), capped by what was asked. A claim brought by the employer (「无需支付…」) is decided on the
worker's underlying entitlement and turned round."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from arbitration.drafting.forum import Words
from arbitration.findings.issues import CONDITIONAL_PAY
from arbitration.findings.sides import Sides
from arbitration.findings.text import money, ymd
from arbitration.model import (
    Basis,
    CalcResult,
    Case,
    Citation,
    Claim,
    ClaimantSide,
    Findings,
    Outcome,
    PartyKind,
    Proposal,
    ReviewState,
    TerminationInitiator,
    Warning_,
)


def c(law: str, article: int, clause: int | None = None, item: int | None = None) -> Citation:
    return Citation(law=law, article=article, clause=clause, item=item)


class Decision:
    """A decision being built: outcome, amount, calculation, reason, pending facts, articles, warnings, and the
    proposals (拟认定) it rests on."""

    def __init__(self) -> None:
        self.outcome = Outcome.UNKNOWN
        self.amount: Decimal | None = None
        self.calc: CalcResult | None = None
        self.reason: str | None = None
        self.pending: list[str] = []
        self.articles: list[Citation] = []
        self.warnings: list[Warning_] = []
        self.uses: list[str] = []  # ids of the findings the outcome rests on

    def deny(self, reason: str, *articles: Citation) -> Decision:
        self.outcome, self.reason = Outcome.DENIED, reason
        self.articles += articles
        return self

    def grant(self, reason: str, amount: Decimal | None = None, *articles: Citation) -> Decision:
        self.outcome, self.reason, self.amount = Outcome.GRANTED, reason, amount
        self.articles += articles
        return self

    def refuse(self, reason: str, *articles: Citation) -> Decision:
        """不予受理: outside what the forum decides."""
        self.outcome, self.reason = Outcome.NOT_ACCEPTED, reason
        self.articles += articles
        return self

    def pend(self, *what: str) -> Decision:
        self.outcome = Outcome.UNKNOWN
        self.pending += [w for w in what if w not in self.pending]
        return self


@dataclass
class Ctx:
    """What a rule reads: the settled case, the findings, who is who, the claim, its calculator and wording."""

    case: Case  # the case with every fact as found (findings.settle)
    findings: Findings
    sides: Sides
    claim: Claim
    calculator: str | None
    words: Words
    uses: list[str] = field(default_factory=list)

    @property
    def w(self) -> str:
        return self.sides.worker_word

    @property
    def e(self) -> str:
        return self.sides.employer_word

    def issue(self, iid: str) -> Proposal | None:
        p = self.findings.get(iid)
        if p is not None:
            self.uses.append(iid)
        return p

    def fact(self, name: str) -> Any:
        value = getattr(self.case.facts, name).value
        if value is not None and self.findings.get(name) is not None:
            self.uses.append(name)
        return value

    def why_pending(self, pid: str, what: str) -> str:
        why = self.findings.pending.get(pid)
        return f"{what}（{why}）" if why else what

    def others(self, claim_type: str) -> list[Claim]:
        return [o for o in self.case.claims if o.type == claim_type and o.claimant == ClaimantSide.WORKER]


def calculated(x: Ctx, d: Decision, calculator: str | None = None, **extra: Any) -> Decision:
    """Outcome from the calculator (the claim type's, or `calculator` a rule names): the amount it gives, capped by
    what was asked (不告不理)."""
    calculator = calculator or x.calculator
    if not calculator:
        return d.pend("该项请求的金额（无适用的计算器，须查明后认定）")
    from arbitration.drafting.decide import calculate

    result, missing, warnings = calculate(calculator, x.case, x.claim, **extra)
    d.warnings += warnings
    if result is None:
        return d.pend(*missing) if missing else d.pend("计算所需事实")
    return by_amount(x, d, result)


def by_amount(x: Ctx, d: Decision, result: CalcResult) -> Decision:
    claim = x.claim
    if x.case.region is None and result.inputs.get("city"):
        # the office's own region stood in for the case's: its minimum wage and average wage may not be this case's
        return d.pend(f"案件所在地区（计算涉及当地月最低工资标准、职工月平均工资，案卷未载明地区，暂按{result.inputs['city']}计算为"
                      f"{money(result.amount)}，须核对）")
    d.calc, d.amount = result, result.amount
    if result.amount <= 0:
        d.amount = None
        return d.deny(f"经计算，{x.e}无须支付该项款项")
    if claim.amount is not None and result.amount > claim.amount:
        d.amount, d.outcome = claim.amount, Outcome.GRANTED
        d.reason = (f"{x.w}仅主张{money(claim.amount)}，低于计算结果，"
                    f"系对自身权利的处分，{x.words.body}予以照准")  # the sum computed is stated just before
    elif claim.amount is not None and result.amount < claim.amount:
        from arbitration.law.calculators.severance import FLOOR_UNCHECKED

        if any(n.startswith(FLOOR_UNCHECKED) for n in result.notes):
            # the base may still rise to the local minimum wage (实施条例第二十七条): less than asked is not yet known
            d.calc, d.amount = None, None
            return d.pend(f"当地月最低工资标准（月工资{money(x.fact('monthly_wage'))}，经计算为{money(result.amount)}，"
                          f"低于{x.w}主张的{money(claim.amount)}；月工资低于当地最低工资标准的，按最低工资标准计算）")
        d.outcome = Outcome.PARTLY
    else:
        d.outcome = Outcome.GRANTED
    return d


# ---------------------------------------------------------------- shared conditions


def because(p: Proposal) -> str:
    """A finding with why it is found, as the reasoning states it (the tribunal's own finding needs no why)."""
    from arbitration.model import Basis

    if p.basis == Basis.ESTABLISHED:
        return p.text
    return f"{p.reason.rstrip('。')}，{'故' if not p.reason.endswith('故') else ''}{p.text}"


def relation_denied(x: Ctx, d: Decision) -> bool:
    """The employment is found not to exist: every claim resting on it fails; disputed (the employer denies it)
    and not yet found, every such claim waits for that finding. True when that decided (or pended) `d`."""
    rel = x.findings.get("issue:labor_relation")
    if rel is not None and rel.holds is False:
        x.uses.append(rel.id)
        d.deny(f"{because(rel)}，{x.w}基于劳动关系提出的该项请求缺乏事实依据", c("劳动争议调解仲裁法", 6))
        return True
    if rel is None and "issue:labor_relation" in x.findings.pending:
        d.pend(x.why_pending("issue:labor_relation", "双方是否存在劳动关系（该项请求以劳动关系为前提）"))
        return True
    return False


def termination(x: Ctx, d: Decision) -> Any:
    t = x.fact("termination")
    if t is None:
        d.pend(x.why_pending("termination", "劳动关系解除（终止）的方式及原因"))
    elif t.initiator == TerminationInitiator.EMPLOYEE and _agreed_in_words(x):
        # an agreement both signed (「经协商…签订《协议书》」, 第三十六条) is no resignation, whoever read it so
        t = t.model_copy(update={"initiator": TerminationInitiator.MUTUAL})
    return t


def _agreed_in_words(x: Ctx) -> bool:
    """The sentence the found ending was read from describes an agreement to end it (劳动合同法第三十六条)."""
    from arbitration.law.grounds import recognise

    fact = x.case.facts.termination
    found = [fact.values[fact.accepted]] if fact.accepted is not None else fact.values
    return any((g := recognise(v.source.quote)) is not None and g.by == "mutual" for v in found)


def grounds_get(ground_id: str) -> Any:
    from arbitration.law.grounds import grounds

    return grounds().get(ground_id)


def ground(t: Any) -> Any:
    from arbitration.law.grounds import ground_of

    return ground_of(t)


# words of a worker that point to a protection of 第四十二条 (no ending under 第四十条、第四十一条 or by expiry)
PROTECTED = re.compile(r"职业病|职业健康检查|(?:离岗|离职|离职前|离岗前)[^，。；]{0,4}体检|医疗期|孕期|产期|哺乳期|怀孕|工伤|"
                       r"丧失或者部分丧失劳动能力|连续工作满十五年|距法定退休年龄不足五年")
# a worker who refused a renewal (第四十六条第五项: no 经济补偿 when the terms offered were kept or improved)
WORKER_REFUSED_RENEWAL = re.compile(r"(?:申请人|原告|劳动者|本人|其)[^。；]{0,8}(?:不同意|拒绝|不愿)续(?:签|订)")


# a finding that the worker had no examination on leaving work exposed to occupational hazards (第四十二条第一项)
NO_EXIT_EXAM = re.compile(r"(?:未|没有|未曾)[^，。；]{0,16}(?:离岗前|离职前|离岗时|离职时|离岗)[^，。；]{0,6}(?:职业健康检查|体检)")
HAZARD_WORK = re.compile(r"职业病危害|接触职业病|粉尘|噪声|有毒|有害作业|放射|焊工|电焊|气焊|喷漆|油漆工|化工")


def _exit_exam_missing(x: Ctx) -> str | None:
    """The finding that a worker in work exposed to occupational hazards had no examination before leaving it
    (劳动合同法第四十二条第一项: the contract may not end then; 第四十五条: on expiry it runs on until the examination);
    None unless the tribunal's own findings tell both."""
    from arbitration.findings.told import own_sentences

    own = own_sentences(x.case)
    missing = next((s for s in own if NO_EXIT_EXAM.search(s)), None)
    return missing if missing and any(HAZARD_WORK.search(s) for s in own) else None


def _ended_unexamined(x: Ctx, d: Decision, finding: str) -> Decision:
    """第四十二条第一项、第四十五条: an expiry ending before the exit examination is an unlawful ending (第八十七条); the
    years before 2008 count for its 赔偿金 only by a rule the law leaves to local practice, so they wait."""
    d.articles += [c("劳动合同法", 42, None, 1), c("劳动合同法", 45)]
    hire = x.fact("hire_date")
    if hire is not None and hire.year < 2008:
        return d.pend(f"违法终止劳动合同赔偿金的计算年限是否包括2008年1月1日前的工作年限（经审理查明，{finding[:60]}，{x.e}终止"
                      f"劳动合同违反劳动合同法第四十二条第一项、第四十五条的规定）")
    reason = (f"经审理查明，{finding}，从事接触职业病危害作业的劳动者未进行离岗前职业健康检查的，劳动合同应当续延至相应"
              f"的情形消失时终止，{x.e}终止劳动合同违反法律规定，构成违法终止劳动合同")
    d.reason = reason
    calculated(x, d)
    if d.outcome == Outcome.GRANTED and d.reason is None:
        d.reason = reason
    return d


def _unlawful(x: Ctx) -> bool | None:
    """Whether the employer's ending is found unlawful (the ground issue), None when not found."""
    p = x.issue("issue:termination_ground")
    return None if p is None else p.holds is False


# ---------------------------------------------------------------- one function per claim type


def labor_relation(x: Ctx, d: Decision) -> Decision:
    rel = x.issue("issue:labor_relation")
    if rel is None:
        return d.pend(x.why_pending("issue:labor_relation", "双方是否存在劳动关系"))
    if rel.holds is False:
        return d.deny(rel.text, c("劳动争议调解仲裁法", 6))
    employers = x.case.respondents if x.sides.employer.value == "respondent" else x.case.applicants
    if employers and all(p.kind == PartyKind.PERSON for p in employers):
        return d.pend(f"{x.e}是否具备用人单位主体资格")
    hire, leave = x.fact("hire_date"), x.fact("leave_date")
    if hire is None:
        return d.pend(x.why_pending("hire_date", "入职（用工）日期"))
    d.grant(f"{because(rel)}，{x.w}自{ymd(hire)}起接受{x.e}的管理并从事其安排的有报酬的劳动")
    asked_from, asked_to = x.claim.period_start, x.claim.period_end
    if asked_to and leave is None and "leave_date" in x.findings.pending:  # the end asked for is in dispute
        return d.pend(x.why_pending("leave_date", "劳动关系终止的时间"))
    month = lambda day: (day.year, day.month)  # noqa: E731  (a period asked by the month: 「2009年8月-2013年6月」)
    if asked_from and month(asked_from) < month(hire) or asked_to and leave and month(asked_to) > month(leave):
        d.outcome = Outcome.PARTLY  # confirmed for the time found, not the whole time asked
        d.reason += f"；双方劳动关系存续期间为{ymd(hire)}至{ymd(leave)}，超出部分不予确认"
    return d


def unpaid_wages(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    from arbitration.findings.issues import CONDITIONAL
    from arbitration.model import Basis

    owed = x.findings.get("issue:wages_owed")
    if owed is not None and owed.basis == Basis.ESTABLISHED and owed.amount is not None:
        return _owed_as_found(x, d, owed)
    if (ended := _after_the_end(x)) is not None:
        return d.deny(ended, c("劳动合同法", 30), c("劳动争议调解仲裁法", 6))
    if (paid := _paid_as_found(x)) is not None:
        return d.deny(f"经审理查明，{paid}，{x.w}主张的该项劳动报酬{x.e}已经支付，该项请求缺乏事实依据", c("劳动合同法", 30))
    if CONDITIONAL_PAY.search(x.claim.text):
        return _conditional_pay(x, d) or d.pend(CONDITIONAL.format(w=x.w))
    owed = x.issue("issue:wages_owed")
    if owed is None:
        return d.pend(x.why_pending("issue:wages_owed", "欠付劳动报酬的期间及数额"))
    if owed.basis == Basis.ESTABLISHED and owed.amount is None:
        return _unpaid_months(x, d, owed)
    if owed.holds is False:
        return d.deny(f"{because(owed)}，{x.w}的该项请求缺乏事实依据")
    rel = x.findings.get("issue:labor_relation")
    if owed.basis == Basis.BURDEN and (rel is None or not rel.holds):
        # the employer answers for pay records only once the employment is shown (the worker's to prove)
        return d.pend(x.why_pending("issue:labor_relation", "双方是否存在劳动关系（劳动报酬的支付以劳动关系为前提）"))
    amount = owed.amount or x.claim.amount
    if amount is None:
        return d.pend("欠付劳动报酬的数额")
    return d.grant(because(owed), amount)


# a worker who asks to go on with the contract or to undo its end: pay after the end is still open
CONTINUE = re.compile(r"继续履行|恢复(?:劳动关系|工作|岗位)|撤销[^，。；]{0,12}(?:解除|终止|辞退|开除)|(?:解除|终止)[^，。；]{0,8}无效")


def _after_the_end(x: Ctx) -> str | None:
    """Pay claimed only for a time after the employment ended, as found, when the worker does not ask to go on
    with it: there was no work and no employment to pay for (the reason, else None)."""
    leave, start = x.fact("leave_date"), x.claim.period_start
    if leave is None or start is None or start <= leave:
        return None
    if any(CONTINUE.search(o.text) for o in x.case.claims):
        return None
    return (f"双方劳动关系已于{ymd(leave)}解除（终止），{x.w}主张{ymd(start)}以后期间的劳动报酬，"
            f"该期间双方已不存在劳动关系，{x.w}亦未提供劳动，该项请求缺乏事实依据")


PAID = re.compile(r"(?<![未没不])已(?:经)?(?:于[^，。；]{1,16}?)?(?:向[^，。；]{1,10}?)?(?:通过[^，。；]{1,10}?)?(?:转账)?"
                  r"(?:支付|发放|结清|付清)")


def _paid_as_found(x: Ctx) -> str | None:
    """A finding of the tribunal's own that this very sum was paid (「被告已于2019年1月10日向原告转账支付2018年12月
    工资3600元」): the sentence, else None. Part payments (another sum) settle nothing here."""
    from arbitration.extract.rules import find_money
    from arbitration.findings.told import own_sentences

    if x.claim.amount is None or not x.case.tribunal_statement:
        return None
    for sentence in own_sentences(x.case):
        if PAID.search(sentence) and re.search(r"工资|劳动报酬|报酬", sentence) and any(
                abs(m.amount - x.claim.amount) <= x.claim.amount * Decimal("0.01") for m in find_money(sentence)):
            return sentence
    return None


def _conditional_pay(x: Ctx, d: Decision) -> Decision | None:
    """A benefit (津贴, 奖金 …) rests on the conditions of an agreement or a rule, which the worker proves
    (调解仲裁法第六条): after a hearing whose findings say nothing of it, the proof failed. A benefit withheld or cut
    is the employer's to justify (解释（一）第四十四条), and one the findings speak of is for the tribunal."""
    from arbitration.findings.issues import BENEFITS, WITHHELD

    if not x.case.tribunal_statement:
        return None
    if (found := _benefit_as_found(x, d)) is not None:
        return found
    kind = next((found for claim, found in BENEFITS if claim.search(x.claim.text)), None)
    if kind is None or WITHHELD.search(x.claim.text):
        return None
    if _findings_speak_of(x, kind):
        return None  # for the tribunal
    if (st := x.findings.get("issue:wages_owed")) is not None and st.holds:
        return None  # the employer admitted it, or the tribunal found pay owed
    return d.deny(f"{x.w}主张的该项款项以约定或规定的发放条件为前提，{x.w}应当对发放条件成就承担举证责任；"
                  f"经审理查明的事实未显示该条件成就，{x.w}应承担举证不能的不利后果", c("劳动争议调解仲裁法", 6))


# the employer's decision, under its rule, to pay a benefit to nobody (「决定全体员工不发放年终奖」「未向任何员工发放」)
NOBODY_PAID = re.compile(r"(?:全体|所有|任何|全部)(?:员工|职工|人员)[^，。；]{0,6}(?:均|都)?(?:不|未)(?:予)?(?:发放|支付)|"
                         r"决定[^，。；]{0,16}不(?:予)?(?:发放|支付)")
# an exclusion the findings deny (「公告内容中并无…不予发放的表述」「会议纪要…未向员工公布」)
EXCLUSION = re.compile(r"不(?:予)?(?:发放|支付)|取消")
DENIED_EXCLUSION = re.compile(r"(?:并无|没有|无|未载明|未规定)[^，。；]{0,30}不(?:予)?(?:发放|支付)[^，。；]{0,4}(?:的)?(?:表述|规定|内容|条款)")
# the employer failed to produce the ground it relies on (「被告未提交该期间对原告进行考核的书面评定结果」)
NOT_PRODUCED = re.compile(r"(?:未|没有|未能|不能|无法)(?:提交|提供|举证|出示)")


def _benefit_as_found(x: Ctx, d: Decision) -> Decision | None:
    """A benefit (奖金, 绩效, 津贴 …) read from what the tribunal found. Granted as asked when the findings state the
    very sum asked as the worker's — fixed for the worker by the employer's own scheme (「名单中原告的年终奖金额为
    10000元」) or withheld with the employer's ground unproduced (「未向原告发放绩效工资，共计3600元，被告未提交…考核
    结果」: the employer proves why it cut pay, 解释（一）第四十四条) — and no exclusion stands (劳动合同法第三十条).
    Denied when they tell the employer decided under its rule to pay it to nobody and fix no sum for the worker: the
    condition did not come about, the worker's proof failed (调解仲裁法第六条). None otherwise (for the tribunal)."""
    from arbitration.extract.rules import find_money
    from arbitration.findings.issues import BENEFITS
    from arbitration.findings.told import clauses, mentions, names, own_sentences

    word = CONDITIONAL_PAY.search(x.claim.text)
    if word is None or x.claim.amount is None:
        return None
    kind = next((found for claim, found in BENEFITS if claim.search(x.claim.text)), re.compile(re.escape(word.group())))
    own = [s for s in own_sentences(x.case) if kind.search(s)]
    if not own:
        return None
    worker = names(x.case, x.sides.worker, x.w)
    employer = names(x.case, x.sides.employer, x.e)
    asked = x.claim.amount
    same = [s for s in own if mentions(s, worker) and any(
        abs(m.amount - asked) <= asked * Decimal("0.01") for m in find_money(s))]
    excluded = [s for s in own_sentences(x.case) if EXCLUSION.search(s) and not DENIED_EXCLUSION.search(s)]
    if not same:
        years = set(re.findall(r"(\d{4})年", x.claim.text))
        nobody = [s for s in own if NOBODY_PAID.search(s) and not (
            years and (told := set(re.findall(r"(\d{4})年", s))) and not years & told)]
        if nobody and not any(find_money(s) for s in nobody):
            return d.deny(f"经审理查明，{nobody[0]}，{x.w}主张的该项款项以约定或规定的发放条件为前提，"
                          f"查明的事实未显示该条件已经成就，{x.w}应承担举证不能的不利后果",
                          c("劳动争议调解仲裁法", 6))
        return None
    if excluded:
        return None
    unpaid = next((s for s in same if re.search(r"(?:未|没有)(?:向[^，。；]{1,16}?)?(?:发放|支付)", s)), None)
    if unpaid is not None:
        if not any(NOT_PRODUCED.search(cl) and mentions(cl, employer)
                   for s in own_sentences(x.case) for cl in clauses(s)):
            return None  # why it went unpaid is for the tribunal
        return d.grant(f"经审理查明，{unpaid}，{x.e}未能举证证明其不予发放的依据，应承担不利后果，"
                       f"{x.e}应向{x.w}支付该款项", asked, c("劳动合同法", 30), c("劳动争议解释（一）", 44),
                       c("劳动争议调解仲裁法", 6))
    fixed = next((s for s in same if re.search(r"(?:金额|数额|标准)为", s)), None)
    if fixed is None:
        return None
    return d.grant(f"经审理查明，{fixed}，{x.w}该项款项的数额已由{x.e}确定，{x.e}未能证明存在不予发放的情形，"
                   f"应向{x.w}支付", asked, c("劳动合同法", 30))


def _findings_speak_of(x: Ctx, pattern: re.Pattern[str]) -> bool:
    """Whether a sentence of the tribunal's own findings, or an earlier award they tell of, speaks of `pattern`."""
    from arbitration.findings.told import awarded, own_sentences

    return any(pattern.search(s) for s in [*own_sentences(x.case), *awarded(x.case)])


def _unpaid_months(x: Ctx, d: Decision, owed: Proposal) -> Decision:
    """The months the findings say went wholly unpaid, at the wage found, to the last day of the employment where
    it ended within them (工资折算通知第二条), up to what was asked — when this is the worker's only plain wage claim."""
    from arbitration.findings.issues import unpaid_period

    period = unpaid_period(x.case)
    plain = [o for o in x.others("unpaid_wages") if not CONDITIONAL_PAY.search(o.text)]
    wage, leave = x.fact("monthly_wage"), x.fact("leave_date")
    if period is None or plain != [x.claim] or wage is None or x.claim.amount is None:
        return d.pend("欠付劳动报酬的数额（查明未支付的期间须与请求逐项核对）")
    start, end = period[0], min(period[1], leave) if leave is not None and leave >= period[0] else period[1]
    d.reason = because(owed)
    return calculated(x, d, calculator="wages_for_period", monthly_wage=wage, start=start, end=end)


# money the worker says they laid out for the employer: theirs to prove (调解仲裁法第六条)
EXPENSES = re.compile(r"差旅费|报销|垫付|交通费|通讯费|话费|住宿费|餐费")


def _unproven_outlay(x: Ctx, d: Decision) -> Decision | None:
    """An outlay (差旅费, 报销, 垫付) the findings of a hearing say nothing of, in their own words or an earlier
    award: the worker's proof failed. None when they speak of it (for the tribunal) or before a hearing."""
    if not x.case.tribunal_statement or _findings_speak_of(x, EXPENSES):
        return None
    return d.deny(f"{x.w}对其主张的该项费用负有举证责任，经审理查明的事实未显示该项费用的发生及{x.e}应予负担的依据，"
                  f"{x.w}应承担举证不能的不利后果", c("劳动争议调解仲裁法", 6))


def _owed_as_found(x: Ctx, d: Decision, owed: Proposal) -> Decision:
    """The pay the tribunal found owed: all of this claim when the found sum is what was asked over every wage
    claim; any other sum is for the tribunal to reconcile."""
    x.uses.append(owed.id)
    wages = x.others("unpaid_wages") or [x.claim]
    asked = sum((c.amount for c in wages if c.amount is not None), Decimal(0))
    if x.claim.amount is None or not asked:
        return d.pend("欠付劳动报酬的数额")
    if abs(owed.amount - asked) <= asked * Decimal("0.01"):
        return d.grant(because(owed), x.claim.amount)
    if (told := _owed_as_told(x, owed, asked)) is not None:
        d.grant(f"{because(owed)}；{told}，{x.w}请求的合计数额{money(asked)}与其所述各项数额之和不符，"
                f"以查明的欠付数额为准", owed.amount)
        d.outcome = Outcome.PARTLY
        return d
    # a smaller sum found may leave out a part the tribunal states otherwise (生活费, 待岗期间): not a guess to make
    return d.pend(f"各项劳动报酬请求的欠付数额（查明欠付合计{money(owed.amount)}，请求合计{money(asked)}）")


def _owed_as_told(x: Ctx, owed: Proposal, asked: Decimal) -> str | None:
    """The worker's own account of the debt, item by item, adds up to the sum the tribunal found owed, below the
    total asked: the request's total was added wrongly, and the finding settles the whole claim (the sentence
    saying so, else None). The worker's only wage claim; any other difference is for the tribunal."""
    from arbitration.findings.issues import owed_told

    if owed.amount >= asked or x.others("unpaid_wages") != [x.claim]:
        return None
    told = owed_told(x.case.applicant_statement if x.sides.worker.value == "applicant" else x.case.respondent_statement)
    if told is None or abs(told[0] - owed.amount) > owed.amount * Decimal("0.01"):
        return None
    return f"{x.w}所述各项欠付劳动报酬合计亦为{money(told[0])}（「{told[1][0][:60]}」）"


def overtime(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    ot = x.issue("issue:overtime")
    if ot is not None and ot.holds is False:
        return d.deny(because(ot), c("劳动争议解释（一）", 42))
    if (totals := _overtime_totals(x, d)) is not None:
        return totals
    if ot is None:
        return d.pend(x.why_pending("issue:overtime", "加班事实是否存在"))
    return _overtime_amount(x, d, ot)


def _overtime_totals(x: Ctx, d: Decision) -> Decision | None:
    """加班费 on the totals the tribunal found (「考勤记录载明…工作日延长工作时间合计300小时，休息日加班合计12天，未安排
    补休」): those are the hours, at 150 %, 200 %, 300 % of the hourly wage the labour contract sets (劳动法第四十四条,
    工资支付暂行规定第十三条; 月工资÷21.75÷8), up to what was asked. None — for the tribunal — when the totals span
    months outside the period claimed, the contract's wage is not plain, or the findings say none went unpaid."""
    from arbitration.findings.told import overtime_paid, overtime_totals
    from arbitration.law.calculators import overtime

    found, paid = overtime_totals(x.case), overtime_paid(x.case)
    if found is None or paid is None or x.claim.amount is None:
        return None
    hours, sentences, months = found
    start, end = x.claim.period_start, x.claim.period_end
    if months and (start and (start.year, start.month) > min(months) or end and (end.year, end.month) < max(months)):
        return None
    if not _in_time_as_wages(x):
        return None
    wage = _contract_wage(x)
    if wage is None:
        return None
    kinds = overtime_kinds(x.claim.text)
    named = any(w in x.claim.text for words in OVERTIME_KINDS.values() for w in words)
    if not named or re.search(r"法定|节假日|节日", x.claim.text):  # 「加班费」 asks for every kind
        kinds.add("holiday")
    take = {k: (h if k in kinds else Decimal(0)) for k, h in hours.items()}
    if paid and take != hours:
        return None  # what was paid for every kind cannot be set off against some of them
    result = overtime(wage, weekday_hours=take.get("weekday", 0), rest_day_hours=take.get("rest", 0),
                      holiday_hours=take.get("holiday", 0), paid=paid)
    note = f"加班时长按查明的数额计算，月工资按劳动合同约定的{money(wage)}计算"
    d.reason = f"经审理查明，{'；'.join(sentences)}"
    return by_amount(x, d, result.model_copy(update={"steps": [note, *result.steps]}))


def _in_time_as_wages(x: Ctx) -> bool:
    """Whether a time bar the employer raised leaves the whole of a pay claim standing: pay owed while the employment
    lasted may be claimed within a year of its end (调解仲裁法第二十七条第四款). True when nobody raised it."""
    from arbitration.law.timebar import defence_raised

    if defence_raised(x.case, by=x.sides.employer) is None:
        return True
    applied, leave = x.case.application_date, x.fact("leave_date")
    if applied is None or leave is None or applied < leave:
        return False
    try:
        return applied <= leave.replace(year=leave.year + 1)
    except ValueError:  # 29 February
        return applied <= leave.replace(year=leave.year + 1, day=28)


def _contract_wage(x: Ctx) -> Decimal | None:
    """The monthly wage the labour contract sets, as the tribunal found it (「签订劳动合同，约定月工资3600元」, its parts
    summed 「…合计3000元」); else
    the one wage the findings state, when they state only one; None when not plain."""
    from arbitration.extract.facts import find_monthly_wage
    from arbitration.findings.told import own_sentences, wages_told

    contract = [s for s in own_sentences(x.case) if "合同" in s and "约定" in s]
    summed = {Decimal(m) for s in contract for m in re.findall(r"约定[^。；]{0,30}?工资[^。；]{0,40}?(?:合计|共计|总计)(\d+(?:\.\d+)?)元", s)}
    agreed = summed or {f.value for s in contract for f in find_monthly_wage(s)
                        if "约定" in (f.note or "") and "试用期" not in (f.note or "") and "另称" not in (f.note or "")}
    if len(agreed) == 1:
        return agreed.pop()
    told = set(wages_told(x.case))
    return told.pop() if len(told) == 1 and not agreed else None


MEAL_BREAK = Decimal(1)  # hours a day taken off a stated working day for meals, so the hours are not overstated
# the kinds of overtime a claim names: a claim for one kind is computed on that kind only (不告不理)
OVERTIME_KINDS = {"weekday": ("延时", "延长工作时间", "延点", "工作日加班"),
                  "rest": ("休息日", "双休日", "周末", "周六", "星期六", "公休日")}


def overtime_kinds(text: str) -> set[str]:
    """{'weekday', 'rest'} named by a claim's wording; both when it names neither (「加班费」)."""
    named = {kind for kind, words in OVERTIME_KINDS.items() if any(w in text for w in words)}
    return named or set(OVERTIME_KINDS)


def _overtime_amount(x: Ctx, d: Decision, ot: Proposal) -> Decision:
    """加班费 from the schedule found over the period claimed, counted low (an hour a day for meals, whole hours,
    no holidays): granted as asked when even that reaches the claim; otherwise the hours are for the tribunal."""
    schedule, wage = x.fact("working_hours"), x.fact("monthly_wage")
    start = x.claim.period_start or x.fact("hire_date")
    end = x.claim.period_end or x.fact("leave_date")
    if schedule is not None and schedule.hours_per_day is None and schedule.days_per_week in REST_DAYS_WORKED:
        if wage is None or start is None or end is None or x.claim.amount is None:
            return d.pend("计算加班费所需的月工资及加班期间")
        return _rest_days_amount(x, d, ot, schedule.days_per_week, wage, start, end)
    if schedule is None or schedule.hours_per_day is None or schedule.days_per_week is None:
        return d.pend(x.why_pending("working_hours", "加班的时长（延时、休息日、法定休假日加班的小时数）"))
    if wage is None or start is None or end is None or x.claim.amount is None:
        return d.pend("计算加班费所需的月工资及加班期间")
    from decimal import ROUND_FLOOR

    from arbitration.law.calculators import overtime

    day = max(schedule.hours_per_day - MEAL_BREAK, Decimal(0))
    weeks = Decimal((end - start).days + 1) / 7
    weekday = (max(day - 8, Decimal(0)) * min(schedule.days_per_week, Decimal(5)) * weeks).to_integral(ROUND_FLOOR)
    rest = (day * max(schedule.days_per_week - 5, Decimal(0)) * weeks).to_integral(ROUND_FLOOR)
    kinds = overtime_kinds(x.claim.text)
    weekday = weekday if "weekday" in kinds else Decimal(0)
    rest = rest if "rest" in kinds else Decimal(0)
    result = overtime(wage, weekday_hours=weekday, rest_day_hours=rest, holiday_hours=0)
    if result.amount < x.claim.amount:
        return d.pend(f"加班的确切时长（按{schedule}、每日扣除用餐时间从低计算为{money(result.amount)}，"
                      f"低于{x.w}主张的{money(x.claim.amount)}）")
    note = (f"{ymd(start)}至{ymd(end)}共{weeks:.1f}周，每日按{schedule.hours_per_day.normalize():f}小时扣除用餐时间"
            f"{MEAL_BREAK.normalize():f}小时从低计算，法定休假日加班未计入")
    d.reason = because(ot)
    return by_amount(x, d, result.model_copy(update={"steps": [note, *result.steps]}))


# a week of six or seven working days, the weekend days worked (5 = Saturday, 6 = Sunday)
REST_DAYS_WORKED = {Decimal(6): (5,), Decimal(7): (5, 6)}


def _rest_days_amount(x: Ctx, d: Decision, ot: Proposal, days_per_week: Decimal, wage: Decimal, start: Any,
                      end: Any) -> Decision:
    """加班费 for whole weekend days worked by a weekly schedule that gives no hours a day (「每周六均上班」): a rest
    day worked is paid by the day, at 200 % of the day's wage (劳动法第四十四条第二项, 工资支付暂行规定第十三条;
    a day = 8 hours at the hourly rate). Counted low: only the weekend days that were rest days by the State
    Council's arrangements (a 调休 Saturday is a working day), holidays among them at 200 % not 300 %, and the
    lowest monthly wage the findings state; granted as asked only when the premium alone (the 100 % beyond the
    day's pay the monthly wage may already hold) reaches the claim — else the hours are for the tribunal."""
    from arbitration.findings.told import wages_told
    from arbitration.law.calculators import overtime
    from arbitration.law.holidays import weekend_rest_days

    if "rest" not in overtime_kinds(x.claim.text):
        return d.pend(x.why_pending("working_hours", "工作日延长工作时间的小时数"))
    low = min([wage, *wages_told(x.case)])
    days, covered = weekend_rest_days(start, end, REST_DAYS_WORKED[days_per_week])
    result = overtime(low, weekday_hours=0, rest_day_hours=days * 8, holiday_hours=0)
    premium = (result.amount / 2).quantize(Decimal("0.01"))
    if not covered or premium < x.claim.amount:
        return d.pend(f"休息日加班的确切天数及已付工资（{ymd(start)}至{ymd(end)}按每周{days_per_week.normalize():f}天"
                      f"从低计算，休息日{days}天的加班工资差额为{money(premium)}，未达{x.w}主张的{money(x.claim.amount)}"
                      + ("" if covered else "，且部分年度的节假日安排未收录") + "）")
    note = (f"{ymd(start)}至{ymd(end)}每周工作{days_per_week.normalize():f}天，其间周末休息日（按国务院节假日安排，"
            f"调休上班日除外）共{days}天，每天按日工资（8小时）计，月工资按查明的最低标准{money(low)}计；"
            f"即使月工资已含上述各日的正常工资，仅按百分之百计的差额亦为{money(premium)}")
    d.reason = because(ot)
    return by_amount(x, d, result.model_copy(update={"steps": [note, *result.steps]}))


def double_wage(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    contract, hire = x.fact("written_contract"), x.fact("hire_date")
    if contract is None:
        return d.pend(x.why_pending("written_contract", "双方是否签订书面劳动合同"))
    if contract.signed and hire and contract.signed_date and (contract.signed_date - hire).days <= 31:
        return d.deny(f"双方于{ymd(contract.signed_date)}签订书面劳动合同，未超过自用工之日起一个月的期限",
                      c("劳动合同法", 10), c("劳动合同法", 82))
    if contract.signed and hire and not contract.signed_date and contract.term_start and \
            (contract.term_start - hire).days <= 31:
        return d.deny(f"双方签订的书面劳动合同期限自{ymd(contract.term_start)}起，自用工之日起一个月内即有书面劳动合同",
                      c("劳动合同法", 10), c("劳动合同法", 82))
    if contract.signed and not contract.signed_date:
        return d.pend("书面劳动合同的签订日期")
    if hire is not None and _to_the_month(x, "hire_date"):
        return _double_wage_by_month(x, d, hire)
    return calculated(x, d)


def _to_the_month(x: Ctx, name: str) -> bool:
    """The date found for `name` is known only to the month (「2014年1月」: the 1st stands in for the day)."""
    from arbitration.findings.versions import MONTH_ONLY

    fact = getattr(x.case.facts, name)
    return fact.accepted is not None and MONTH_ONLY in (fact.values[fact.accepted].note or "")


def _double_wage_by_month(x: Ctx, d: Decision, hire: Any) -> Decision:
    """二倍工资 runs from the day after the first month of employment (实施条例第六条): with the hire known only to
    the month, the months counted from its last day are the fewest the worker can be owed. Granted as asked when even
    those reach the claim; otherwise the day of the hire decides the sum and is for the tribunal."""
    import calendar

    latest = hire.replace(day=calendar.monthrange(hire.year, hire.month)[1])
    low = Decision()
    calculated(x, low, hire=latest)
    if low.outcome == Outcome.GRANTED and x.claim.amount is not None and low.amount == x.claim.amount:
        return calculated(x, d, hire=latest)
    return d.pend(f"用工之日（仅载明{hire.year}年{hire.month}月，二倍工资自用工之日起满一个月的次日起算，其数额取决于具体日期）")


def ended(x: Ctx, d: Decision) -> Any:
    """How the employment ended, as found; None (and the decision made or pending) when there is no employment
    or no finding of its end."""
    if relation_denied(x, d):
        return None
    return termination(x, d)


def severance(x: Ctx, d: Decision) -> Decision:
    if (dissolved := _dissolved_here(x)) is not None:
        # the contract ends by the worker's request for the employer's default (第三十八条、第四十六条第一项): the years
        # count to the day it ends, which this decision sets, not to an ending told before
        d.articles += [*dissolved.articles, c("劳动合同法", 46, None, 1)]
        return d.pend(f"劳动合同解除之日（{x.w}以{x.e}未及时足额支付劳动报酬为由请求解除劳动关系，{x.e}应当支付经济补偿，"
                      "其工作年限计算至劳动合同解除之日）")
    t = ended(x, d)
    if t is None:
        return d
    g = ground(t)
    if t.initiator == TerminationInitiator.EMPLOYEE:
        if g is None or g.article != 38:
            return d.deny(f"{x.w}系主动提出解除劳动合同，不属于用人单位应当支付经济补偿的情形", c("劳动合同法", 46))
        found = x.issue("issue:worker_ground")
        if found is None and g.item == 2 and (owed := x.issue("issue:wages_owed")) is not None and owed.holds:
            found = owed
        if found is not None and found.holds:
            d.articles += [g.citation, c("劳动合同法", 46, None, 1)]
            d.reason = f"{because(found)}，{x.w}据此解除劳动合同，{x.e}应当支付经济补偿"
            return _severance_amount(x, d, g)
        if (resigned := _resigned_before(x, t)) is not None:
            admitted, leave = resigned
            return d.deny(f"经审理查明，{admitted}，双方劳动关系已于{ymd(leave)}因{x.w}辞职而解除；{x.w}其后于{ymd(t.notice_date)}"
                          f"以{g.label}为由发出的解除通知，不能再次解除已经解除的劳动合同，劳动者主动辞职的，不属于用人单位"
                          f"应当支付经济补偿的情形", c("劳动合同法", 37), c("劳动合同法", 46))
        return d.pend(x.why_pending("issue:worker_ground", f"{x.w}以{g.label}为由解除劳动合同，该事由是否成立"))
    if t.initiator == TerminationInitiator.MUTUAL:
        who = x.issue("issue:mutual_proposer")
        if who is None:
            return d.pend(x.why_pending("issue:mutual_proposer", "协商解除劳动合同是否由用人单位提出（劳动合同法第四十六条第二项）"))
        if not who.holds:
            return d.deny(f"{because(who)}，不属于用人单位应当支付经济补偿的情形", c("劳动合同法", 36), c("劳动合同法", 46, None, 2))
        d.articles += [c("劳动合同法", 36), c("劳动合同法", 46, None, 2)]
        d.reason = f"{because(who)}，双方协商一致解除劳动合同，{x.e}应当支付经济补偿"
        return _severance_amount(x, d, grounds_get("lcl36"))
    if t.initiator == TerminationInitiator.EXPIRY:
        said = " ".join(x for x in (t.reason, t.mode, x.case.applicant_statement, x.case.respondent_statement) if x)
        # due on expiry unless the employer offered to renew on terms kept or improved and the worker refused: the
        # exception is the employer's to raise and prove
        if WORKER_REFUSED_RENEWAL.search(said) and not _renewal_offer_unproven(x):
            return d.pend("用人单位是否以维持或者提高劳动合同约定条件续订而劳动者不同意续订（劳动合同法第四十六条第五项）")
        d.articles.append(c("劳动合同法", 46, None, 5))
        return _severance_amount(x, d, g)
    if t.initiator != TerminationInitiator.EMPLOYER:
        return d.pend("劳动关系解除（终止）的方式")
    if x.others("unlawful_termination") and (_unlawful(x) or any(_granted_unlawful(x, o)
                                                                 for o in x.others("unlawful_termination"))):
        return d.deny(f"{x.e}解除劳动合同缺乏事实依据，{x.w}已主张违法解除劳动合同赔偿金，用人单位支付赔偿金的，"
                      "不再支付经济补偿", c("劳动合同法实施条例", 25))
    if g is not None and g.article in (40, 41):
        d.articles.append(c("劳动合同法", 46))
        return _severance_amount(x, d, g)
    unlawful = _unlawful(x)
    if unlawful:
        d.reason = f"{because(x.issue('issue:termination_ground'))}，{x.e}应当支付经济补偿，{x.w}仅主张经济补偿"
        return _severance_amount(x, d, g)
    return d.pend(x.why_pending("issue:termination_ground", f"{x.e}解除劳动合同的事由是否成立（用人单位负举证责任）"))


# a letter of resignation, and the worker's word owning the signature or the writing on it (「认可是其本人签字」)
RESIGNATION_LETTER = re.compile(r"辞职(?:书|信|申请|报告|函)|离职(?:申请|报告)")
OWNS_SIGNATURE = re.compile(r"^(?:也|亦|均)?(?:认可|承认|确认)[^，。；]{0,12}(?:签字|签名|签署|书写|所写|写的)")


def _resigned_before(x: Ctx, t: Any) -> tuple[str, Any] | None:
    """A worker who ended the contract under 第三十八条 by a notice given after the employment had ended as found,
    when the findings tell a letter of resignation the worker owns signing (劳动合同法第三十七条: the contract ended
    by the worker's resignation; a later notice ends nothing): (the worker's admission, the end found), else None.
    A letter that itself names the employer's default (第三十八条) is that ending, not a plain resignation."""
    from arbitration.findings.told import clauses, names, sentences
    from arbitration.law.grounds import recognise

    leave = x.fact("leave_date")
    if t.notice_date is None or leave is None or leave >= t.notice_date or not x.case.tribunal_statement:
        return None
    w_refs, e_refs = names(x.case, x.sides.worker, x.w), names(x.case, x.sides.employer, x.e)
    letter = [s for s in sentences(x.case.tribunal_statement) if RESIGNATION_LETTER.search(s)]
    if any((g := recognise(s)) is not None and g.article == 38 for s in letter):
        return None
    for s in letter:
        # 「某某认可是其本人签字，也认可辞职书上手写的部分是其本人写的，但主张…」: the clauses the worker owns it by
        parts, owning, subject = clauses(s), [], None
        for i, part in enumerate(parts):
            by = next((r for r in w_refs if part.startswith(r)), None)
            if by is not None:
                subject, part = "worker", part[len(by):]
            elif any(part.startswith(r) for r in e_refs):
                subject = "employer"
            if subject == "worker" and OWNS_SIGNATURE.search(part):
                owning.append(i)
        if owning:
            return "，".join(parts[:owning[-1] + 1]), leave
    return None


# a finding that the employer offered to renew on the terms kept or improved (第四十六条第五项's exception)
RENEWAL_OFFERED = re.compile(r"(?:维持|提高|不低于|同等|原)[^，。；]{0,12}(?:条件|待遇|工资)[^，。；]{0,12}续(?:订|签)")
NOT_SHOWN = re.compile(r"未(?:能)?(?:提交|提供|举证)|无(?:证据|法证明)|不能证明|未能证明")


def _renewal_offer_unproven(x: Ctx) -> bool:
    """After a hearing, no finding of the tribunal's own says the employer offered to renew on the terms kept or
    improved: the exception it raised is unproven (调解仲裁法第六条: whoever relies on it proves it)."""
    from arbitration.findings.told import own_sentences

    if not x.case.tribunal_statement:
        return False
    return not any(RENEWAL_OFFERED.search(s) and not NOT_SHOWN.search(s) for s in own_sentences(x.case))


def _severance_amount(x: Ctx, d: Decision, g: Any) -> Decision:
    hire = x.fact("hire_date")
    if hire is not None and hire.year < 2008 and (g is None or not g.pre2008):
        return d.pend("劳动合同解除或终止的法定事由（2008年1月1日前的工作年限是否计发经济补偿，依劳动合同法"
                      "第九十七条第三款按当时有关规定，取决于该事由）")
    reason = d.reason
    calculated(x, d, pre2008=g.pre2008 if g is not None and g.pre2008 else None)
    if reason and d.outcome in (Outcome.GRANTED, Outcome.PARTLY) and not d.reason:
        d.reason = reason
    return d


def _granted_unlawful(x: Ctx, other: Claim) -> bool:
    sub = Ctx(x.case, x.findings, x.sides, other, "unlawful_termination", x.words)
    return unlawful_termination(sub, Decision()).outcome in (Outcome.GRANTED, Outcome.PARTLY)


def unlawful_termination(x: Ctx, d: Decision) -> Decision:
    t = ended(x, d)
    if t is None:
        return d
    if t.initiator == TerminationInitiator.EMPLOYEE:
        return d.deny(f"双方劳动合同系{x.w}提出解除，并非{x.e}单方解除，{x.w}主张违法解除劳动合同赔偿金缺乏事实依据",
                      c("劳动合同法", 87))
    if t.initiator == TerminationInitiator.MUTUAL:
        return d.deny(f"双方系协商一致解除劳动合同，{x.w}主张违法解除劳动合同赔偿金缺乏事实依据", c("劳动合同法", 36),
                      c("劳动合同法", 87))
    if t.initiator == TerminationInitiator.EXPIRY:
        said = x.case.applicant_statement if x.sides.worker.value == "applicant" else x.case.respondent_statement
        if not (said or "").strip():
            return d.pend(f"{x.w}是否有劳动合同法第四十二条规定的情形（{x.w}的陈述不详）")
        told = (said, t.reason, x.case.applicant_statement, x.case.respondent_statement, x.case.tribunal_statement)
        if (unexamined := _exit_exam_missing(x)) is not None:
            return _ended_unexamined(x, d, unexamined)
        if PROTECTED.search(" ".join(s for s in told if s)):
            return d.pend("劳动者是否有劳动合同法第四十二条规定的情形（该情形下劳动合同应当续延至相应情形消失时终止）")
        return d.deny("劳动合同期满终止，属于劳动合同法第四十四条第一项规定的情形，不构成违法终止",
                      c("劳动合同法", 44, None, 1), c("劳动合同法", 87))
    if t.initiator != TerminationInitiator.EMPLOYER:
        return d.pend("劳动关系解除（终止）的方式")
    unlawful = _unlawful(x)
    if unlawful is None:
        return d.pend(x.why_pending("issue:termination_ground", f"{x.e}解除劳动合同的事由是否成立（用人单位负举证责任）"))
    if not unlawful:
        return d.deny(f"{x.e}解除劳动合同有事实和法律依据，不构成违法解除", c("劳动合同法", 87))
    reason = f"{because(x.issue('issue:termination_ground'))}，构成违法解除劳动合同"
    if (held := _years_in_question(x)) is not None:
        return d.pend(held)
    d.reason = reason
    calculated(x, d)
    if d.outcome == Outcome.GRANTED and d.reason is None:
        d.reason = reason
    return d


# what the findings tell that bears on the sum beyond the calculator's inputs: a waiver of what fell due before a
# date (「自愿放弃2008年10月31日以前的所有费用」), a 经济补偿 already paid when the employment ended
WAIVED = re.compile(r"放弃[^，。；]{0,20}(?:以前|之前|期间)[^，。；]{0,10}(?:费用|权利|待遇|补偿|工资|请求)")
SEVERANCE_PAID = re.compile(r"(?:支付|给付|发放|领取)(?:了)?[^，。；]{0,10}经济补偿(?:金)?[^，。；]{0,4}\d")


def _years_in_question(x: Ctx) -> str | None:
    """What the tribunal's findings tell that the 赔偿金 must account for and the calculator cannot: a waiver of a
    period (whether those years still count), a 经济补偿 already paid (whether and how it is set off, 实施条例第二十五条)."""
    from arbitration.findings.told import own_sentences

    for s in own_sentences(x.case):
        if WAIVED.search(s):
            return f"{x.w}放弃部分期间权利对赔偿金计算年限的影响（经审理查明，{s[:60]}）"
        if SEVERANCE_PAID.search(s):
            return f"{x.e}已支付的经济补偿应否及如何在赔偿金中抵扣（经审理查明，{s[:60]}；劳动合同法实施条例第二十五条）"
    return None


def notice_pay(x: Ctx, d: Decision) -> Decision:
    t = termination(x, d)
    if t is None:
        return d
    g = ground(t)
    if t.initiator != TerminationInitiator.EMPLOYER or g is None or not g.notice_pay:
        return d.deny("本案不属于劳动合同法第四十条规定的用人单位提前三十日通知或额外支付一个月工资后解除劳动合同的情形",
                      c("劳动合同法", 40))
    if _unlawful(x) and x.others("unlawful_termination"):
        return d.deny(f"{x.e}解除劳动合同缺乏事实依据，构成违法解除，应当依法支付赔偿金，不再适用劳动合同法第四十条"
                      "关于额外支付一个月工资的规定", c("劳动合同法", 87), c("劳动合同法", 40))
    n = x.issue("issue:notice")
    if n is None:
        return d.pend(x.why_pending("issue:notice", f"{x.e}是否提前三十日书面通知或额外支付一个月工资"))
    if n.holds:
        return d.deny(f"{because(n)}，{x.w}的该项请求缺乏事实依据", c("劳动合同法", 40))
    return calculated(x, d)


def annual_leave(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    a = x.issue("issue:annual_leave")
    if a is None:
        return d.pend(x.why_pending("issue:annual_leave", f"{x.w}是否已休年休假"))
    if a.holds is False:
        return d.deny(f"{because(a)}，{x.w}的该项请求缺乏事实依据")
    hire = x.fact("hire_date")
    if hire is None:
        return d.pend(x.why_pending("hire_date", "入职日期"))
    years = _leave_years(x, hire)
    if not years:
        return d.pend("主张未休年休假的年度")
    years, barred = _leave_years_in_time(x, years)
    if not years:
        return d.deny(f"{x.e}提出仲裁时效抗辩，{x.w}主张的各年度未休年休假工资均已超过仲裁时效（{'；'.join(barred)}）",
                      c("劳动争议调解仲裁法", 27))
    start = x.issue("issue:work_start")
    if start is not None and start.since is not None and Basis.ESTABLISHED in (start.basis, a.basis):
        # the cumulative years found (实施办法第四条): the days they give decide, whatever was asked; years only
        # presumed (the worker proved none before this employer) decide only with the leave year found by the
        # tribunal, not on a second presumption (the employer's missing records), which leaves the days taken unknown
        wage, why = _leave_wage(x)
        if wage is None:
            return d.pend("剔除加班工资后的月工资" + (f"（经审理查明，{why}）" if why else ""))
        calculated(x, d, work_start=min(start.since, hire), years=years, monthly_wage=wage)
        if why and d.calc is not None:
            d.calc.steps.insert(0, f"月工资按剔除加班工资后的{money(wage)}计算（企业职工带薪年休假实施办法第十一条第二款；经审理查明，{why}）")
        if d.outcome == Outcome.DENIED:
            d.reason = None
            d.deny(f"{because(start)}；按{x.w}的累计工作年限计算，其在主张的年度内尚无应休未休的年休假（职工连续工作满12个月以上的，"
                   f"方享受带薪年休假），{x.w}的该项请求缺乏依据", c("职工带薪年休假条例", 2), c("企业职工带薪年休假实施办法", 3))
        elif d.outcome == Outcome.PARTLY and barred:
            d.reason = f"超过仲裁时效的年度不予支持（{'；'.join(barred)}）"
        return d
    # the years worked here are a lower bound of the cumulative years (条例第三条): at least the days they give are
    # due; granted only when that already reaches the claim, since more years elsewhere would give more days
    calculated(x, d, work_start=hire, years=years)
    if d.outcome in (Outcome.PARTLY, Outcome.DENIED) or barred and d.outcome != Outcome.UNKNOWN:
        d.outcome, d.amount, d.calc, d.reason = Outcome.UNKNOWN, None, None, None
        d.pend("劳动者的累计工作年限（按在本单位工作年限计算的应休天数少于主张天数）" if not barred else
               f"未超过仲裁时效年度的应休天数（{'；'.join(barred)}），须依累计工作年限计算")
    return d


# the overtime pay a finding counts into the monthly wage (「月工资3600元（含加班费600元）」「其中加班工资600元」)
OVERTIME_PAY_IN = re.compile(r"(?<![不未])(?:含|包含|包括|其中)(?:加班费|加班工资)\s*(\d+(?:\.\d+)?)\s*元")


def _leave_wage(x: Ctx) -> tuple[Decimal | None, str | None]:
    """The monthly wage of the leave pay: 实施办法第十一条第二款 leaves overtime pay out, so the overtime pay a finding
    counts into the wage found is taken off; (wage, the sentence saying so)."""
    from arbitration.findings.told import own_sentences

    wage = x.fact("monthly_wage")
    if wage is None:
        return None, None
    for sentence in own_sentences(x.case):
        m = OVERTIME_PAY_IN.search(sentence)
        if m and re.search(rf"(?<![\d.]){re.escape(format(Decimal(wage).normalize(), 'f'))}(?:\.0+)?\s*元", sentence):
            less = Decimal(wage) - Decimal(m.group(1))
            return (less, sentence) if less > 0 else (None, sentence)
    return Decimal(wage), None


def _leave_years(x: Ctx, hire: Any) -> list[int]:
    """The years a leave claim is for: those it names (「2016年度至2018年度」, its period), else every year of the
    employment as found (from the hire to the end, or to the application while it goes on)."""
    from arbitration.law.timebar import claim_years, employment_ongoing

    named = claim_years(x.claim)
    if named:
        return [y for y in named if y >= hire.year]
    leave = x.fact("leave_date")
    last = leave or (x.case.application_date if employment_ongoing(x.case) else None)
    return list(range(hire.year, last.year + 1)) if last is not None else []


def _leave_years_in_time(x: Ctx, years: list[int]) -> tuple[list[int], list[str]]:
    """(years whose claim is in time, why each other year is not): year by year, only when the employer raised the
    time bar (调解仲裁法第二十七条; the leave of a year may be arranged until the end of the next)."""
    from arbitration.law import limitation
    from arbitration.law.timebar import defence_raised, limitation_inputs

    if x.case.application_date is None or defence_raised(x.case, by=x.sides.employer) is None:
        return years, []
    kept, barred = [], []
    for y in years:
        kwargs, _ = limitation_inputs(x.case, x.claim, y)
        v = limitation("annual_leave", application_date=x.case.application_date, **kwargs)
        (barred.append(f"{y}年度：{v.reason}") if v.barred else kept.append(y))
    return kept, barred


# what a claim to (re)pay contributions asks: the collecting agency's task, not a dispute the forum decides
PAY_IN = re.compile(r"补缴|补交|续缴|缴纳|交纳|缴存|补办|购买|办理[^，。；]{0,8}(?:社会保险|社保|保险|参保|手续)|参保|"
                    r"为[^，。；]{0,8}(?:办理|缴纳)|给付[^，。；]{0,24}保险(?!金|待遇|费用)")
HOUSING_FUND = re.compile(r"住房公积金|公积金")
# damages of the civil law that no labour law provides between employer and worker (精神损害, 误工费)
NO_BASIS = re.compile(r"精神(?:损害|损失)(?:赔偿|抚慰)?(?:金|费)?|精神抚慰金|误工费")
LOSS = re.compile(r"损失|赔偿|待遇|补偿|费用|医疗费|失业金|生育津贴")


# what an employer must do when the employment ends (劳动合同法第五十条第一款): a certificate of the ending, and the
# transfer of the worker's file and social insurance within fifteen days
PAPERS = {"certificate": re.compile(r"出具[^，。；]{0,12}(?:解除|终止|离职)[^，。；]{0,12}证明"),
          "transfer": re.compile(r"(?:档案|社会保险关系|社保关系|保险关系)[^，。；]{0,8}(?:转移|转出|转接)")}
PAPER_ORDERS = {"certificate": "出具解除（终止）劳动合同的证明", "transfer": "办理档案和社会保险关系转移手续"}


def papers(text: str) -> list[str]:
    """The ending's papers a claim asks for, by key (certificate, transfer); [] when it asks for none."""
    return [k for k, p in PAPERS.items() if p.search(text)]


def termination_papers(x: Ctx, d: Decision) -> Decision:
    """劳动合同法第五十条第一款: once the employment has ended, the certificate and the transfers are due."""
    if relation_denied(x, d):
        return d
    if x.fact("leave_date") is None and x.fact("termination") is None:
        return d.pend(x.why_pending("leave_date", "劳动关系是否已解除（终止）"))
    asked = "、".join(PAPER_ORDERS[k] for k in papers(x.claim.text))
    return d.grant(f"双方劳动关系已经解除（终止），{x.e}应当在解除或者终止劳动合同时出具解除或者终止劳动合同的证明，"
                   f"并在十五日内为{x.w}办理档案和社会保险关系转移手续，故{x.w}要求{x.e}{asked}，应予支持", None,
                   c("劳动合同法", 50, 1))


# a request for the contributions' worth as money, not for a benefit lost: the contributions left unpaid (「未缴社保
# 造成的损失」「五险一金款项」), or money in place of paying them in (「补缴…或者给予相应补偿金」); a request that names a
# benefit or a branch of insurance (养老、失业、医疗、生育、工伤 …) may be a benefit lost, for the tribunal
PREMIUMS_AS_MONEY = re.compile(r"未(?:缴纳?|交纳?|参保|办理)[^，。；]{0,8}(?:社会保险|社保)(?:费)?[^，。；]{0,6}损失|"
                               r"(?:社会保险|社保|五险一金|五险)(?:费)?(?:款项|费用)")
IN_PLACE_OF_PAYING_IN = re.compile(r"(?:补缴|补交|缴纳)[^。；]{0,30}或(?:者)?[^，。；]{0,6}(?:相应|同等)[^，。；]{0,4}(?:补偿|赔偿|费用)")
BENEFIT = re.compile(r"养老|退休|失业|医疗|生育|工伤|待遇|保险金|津贴|医药费")


def social_insurance(x: Ctx, d: Decision) -> Decision:
    """Paying contributions in is the collecting agency's (not a dispute the forum decides); their worth paid to the
    worker has no legal basis; damages for a benefit lost (解释（一）第一条第五项) wait for the tribunal."""
    if papers(x.claim.text):
        return termination_papers(x, d)
    remit = f"不属于劳动争议{'仲裁' if x.words.forum == 'commission' else '案件'}的受理范围"
    pay_in = f"{x.w}要求{x.e}补缴社会保险费，属于社会保险费征收机构的法定职责，{remit}"
    if PAY_IN.search(x.claim.text) and not LOSS.search(x.claim.text):
        return d.refuse(pay_in, c("劳动法", 72), c("劳动法", 100))
    if relation_denied(x, d):
        return d
    as_money = (f"社会保险费由用人单位依法缴纳，欠缴的由劳动行政部门责令限期缴纳，{x.w}主张的系应缴的社会保险费本身，并非因"
                f"无法享受社会保险待遇所受的损失，要求{x.e}向其本人支付该款项，缺乏法律依据")
    articles = (c("劳动法", 72), c("劳动法", 100), c("劳动争议解释（一）", 1, None, 5))
    if not BENEFIT.search(x.claim.text) and IN_PLACE_OF_PAYING_IN.search(x.claim.text):
        return d.deny(f"{pay_in}；{x.w}要求以相应补偿代替补缴，{as_money}", *articles)
    if not BENEFIT.search(x.claim.text) and PREMIUMS_AS_MONEY.search(x.claim.text):
        return d.deny(as_money, *articles)
    return d.pend("社会保险待遇损失的数额及其与用人单位未缴纳社会保险费的因果关系")


def other(x: Ctx, d: Decision) -> Decision:
    """A request the taxonomy does not type: only what the law plainly says is decided; a request that asks no sum
    never waits for one."""
    if HOUSING_FUND.search(x.claim.text) and not LOSS.search(x.claim.text):
        return d.refuse("住房公积金的缴存由住房公积金管理中心依照《住房公积金管理条例》处理，不属于劳动争议的受理范围")
    if papers(x.claim.text):
        return termination_papers(x, d)
    if relation_denied(x, d):
        return d
    if dissolving(x.claim):
        return dissolve(x, d)
    if NO_BASIS.search(x.claim.text):
        return d.deny(f"{x.w}主张的{NO_BASIS.search(x.claim.text).group()}不属于劳动法律、法规规定的用人单位应当支付的款项，"
                      f"{x.w}的该项请求缺乏法律依据")
    if EXPENSES.search(x.claim.text) and (unproven := _unproven_outlay(x, d)) is not None:
        return unproven
    injured = any(o.type.startswith("injury_") for o in x.case.claims) or "工伤" in x.claim.text
    if injured and INJURY_COSTS.search(x.claim.text) and not_recognised(x):
        return injury(x, d)
    if x.claim.amount is None and JOINT.search(x.claim.text):
        return d.pend("各被告之间的关系及其承担连带责任的事实和法律依据")
    if x.claim.amount is None and not MONEY_ASKED.search(x.claim.text):
        return d.pend("该项请求的事实和法律依据")
    return calculated(x, d)


# a request that the tribunal dissolve the employment (「依法解除双方的劳动关系」), not one to confirm an ending
# already made or to pay for it
DISSOLVE = re.compile(r"解除[^，。；]{0,24}(?:劳动关系|劳动合同|聘用关系)")
CONFIRM = re.compile(r"确认")
# words of a request for money
MONEY_ASKED = re.compile(r"\d[\d,，.]*\s*(?:元|万)|支付|给付|赔偿|补偿|工资|报酬|薪|费用|款项|[押定]金|保证金|违约金|"
                         r"津贴|补贴|奖金|报销")
# a request that another party answer jointly for the sums asked (「对上述各项承担连带责任」): no sum of its own
JOINT = re.compile(r"连带")


def dissolving(claim: Claim) -> bool:
    """The request asks that the employment be dissolved, for no sum."""
    return claim.amount is None and bool(DISSOLVE.search(claim.text)) and not CONFIRM.search(claim.text) \
        and not MONEY_ASKED.search(claim.text)


def _dissolved_here(x: Ctx) -> Decision | None:
    """The decision granting the worker's request in this case to dissolve the employment, if one does."""
    for o in x.others("other"):
        if dissolving(o):
            sub = Ctx(x.case, x.findings, x.sides, o, None, x.words)
            if (done := dissolve(sub, Decision())).outcome == Outcome.GRANTED:
                return done
    return None


def dissolve(x: Ctx, d: Decision) -> Decision:
    """A worker may end the contract: on thirty days' written notice (劳动合同法第三十七条), at once when the
    employer failed to pay wages in time and in full (第三十八条第一款第二项). Granted when the employer's default is
    found and no ending is found before the request (a contract already ended is not ended again); otherwise what
    the end turns on waits for the tribunal."""
    from arbitration.model import Basis

    end = x.findings.get("termination")
    if end is not None and end.basis in (Basis.ESTABLISHED, Basis.AGREED):
        x.uses.append(end.id)
        return d.pend(f"双方劳动关系是否已经解除（终止）（{end.text}）")
    owed = x.issue("issue:wages_owed")
    if owed is not None and owed.holds:
        return d.grant(f"{because(owed)}，{x.e}未及时足额支付劳动报酬，{x.w}可以解除劳动合同，{x.w}请求解除双方的劳动关系，"
                       f"{x.words.body}予以支持", None, c("劳动合同法", 38, 1, 2))
    return d.pend(f"双方劳动关系是否仍然存续及{x.w}解除劳动合同的事由（劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同；"
                  "用人单位有劳动合同法第三十八条规定情形的，劳动者可以随即解除劳动合同）")


DEPOSIT = re.compile(r"押金|保证金|抵押金|风险金|集资款")
COLLECTED = re.compile(r"收取|收了|交纳|缴纳|交付|扣留|扣押")
RETURNED = re.compile(r"(?<![未不没])(?:已|予以)?(?:退还|返还|退回)")


INTEREST = re.compile(r"利息|资金占用")
TOTAL = re.compile(r"(?:共计|合计|累计|总计|共)[^，。；\d]{0,4}$")


def _deposit_sum(sentence: str, sums: list[Any]) -> Decimal | None:
    """The sum a sentence says was taken: its only sum, or the total it names among several (「每月扣留300元，共计
    800元」); None when several sums leave it open."""
    if len({m.amount for m in sums}) == 1:
        return sums[0].amount
    totals = [m.amount for m in sums if TOTAL.search(sentence[:m.start])]
    return totals[0] if len(set(totals)) == 1 else None


def return_deposit(x: Ctx, d: Decision) -> Decision:
    """Money an employer took from the worker as a guarantee is returned (劳动合同法第九条、第八十四条第二款): the sum
    the findings say it took, up to what was asked; one they say it returned is denied."""
    if relation_denied(x, d):
        return d
    from arbitration.extract.rules import find_money
    from arbitration.findings.told import mentions, names, own_sentences

    e_refs = names(x.case, x.sides.employer, x.e)
    took, back = [], []
    for sentence in own_sentences(x.case):
        if not DEPOSIT.search(sentence) or not mentions(sentence, e_refs):
            continue
        if RETURNED.search(sentence):
            back.append(sentence)
        elif COLLECTED.search(sentence) and (sums := find_money(sentence)):
            took.append((_deposit_sum(sentence, sums), sentence))
    if back or len(took) != 1 or took[0][0] is None:
        return d.pend("用人单位收取的押金（保证金）数额及是否已退还")
    amount, sentence = took[0]
    d.reason = f"经审理查明，{sentence}；用人单位不得以担保或者其他名义向劳动者收取财物，应当予以退还"
    if INTEREST.search(x.claim.text):
        # 第八十四条第二款 orders the money returned, and no rule adds interest to it
        d.reason += f"；{x.w}另主张的利息，缺乏法律依据，不予支持"
    d.articles += [c("劳动合同法", 9), c("劳动合同法", 84, 2)]
    if x.claim.amount is not None and amount > x.claim.amount:
        d.grant(d.reason, x.claim.amount)
    else:
        d.grant(d.reason, amount)
    if x.claim.amount is not None and amount < x.claim.amount or INTEREST.search(x.claim.text):
        d.outcome = Outcome.PARTLY
    return d


# the work injury recognised by the social insurance administration (工伤保险条例第十七条、第二十条), or the
# disability assessed: what 工伤保险待遇 rest on
INJURY_RECOGNISED = re.compile(r"认定[^。；，]{0,16}(?:为|属于|属|构成)工伤|(?:工伤认定|认定工伤)(?:决定书|结论|决定)|视同工伤|"
                               r"(?:鉴定|评定)为[^。；，]{0,6}(?:[一二三四五六七八九十]|\d{1,2})级|伤残等级")
INJURY_COSTS = re.compile(r"医药费|医疗费|护理费|住院伙食|康复费|辅助器具|工伤")


def injury(x: Ctx, d: Decision) -> Decision:
    """工伤保险待遇 rest on the injury recognised as a work injury (工伤保险条例第十七条、第二十条): after a hearing
    with no recognition anywhere in the file, the worker's proof failed (调解仲裁法第六条)."""
    if relation_denied(x, d):
        return d
    if not_recognised(x):
        return d.deny(f"{x.w}主张的该项待遇以其所受伤害经社会保险行政部门认定为工伤为前提，{x.w}未提交工伤认定结论，"
                      f"经审理查明的事实亦未显示其伤害已被认定为工伤，{x.w}应承担举证不能的不利后果",
                      c("工伤保险条例", 17), c("劳动争议调解仲裁法", 6))
    return calculated(x, d)


def not_recognised(x: Ctx) -> bool:
    """A hearing was held and nothing in the file (statements, findings, evidence) tells of a recognised injury."""
    if not x.case.tribunal_statement:
        return False
    said = [x.case.applicant_statement, x.case.respondent_statement, x.case.tribunal_statement,
            *(e.name + (e.purpose or "") for e in x.case.evidence)]
    return not any(INJURY_RECOGNISED.search(t or "") for t in said)


def additional_compensation(x: Ctx, d: Decision) -> Decision:
    ordered = any("责令" in (e.name + (e.purpose or "")) for e in x.case.evidence)
    if not ordered:
        return d.deny(f"加付赔偿金以劳动行政部门责令用人单位限期支付而逾期不支付为前提，{x.w}未提交劳动行政部门责令限期支付的证据",
                      c("劳动合同法", 85))
    return d.pend(f"劳动行政部门责令限期支付的内容及{x.e}是否逾期未支付")


def by_calculator(x: Ctx, d: Decision) -> Decision:
    if relation_denied(x, d):
        return d
    return calculated(x, d)


@dataclass(frozen=True)
class Rule:
    """How one claim type is decided, and the articles that rule applies (besides a calculator's own)."""

    decide: Callable[[Ctx, Decision], Decision]
    articles: tuple[Citation, ...] = ()


RULES_BY_TYPE: dict[str, Rule] = {
    "labor_relation": Rule(labor_relation, (c("劳动合同法", 7), c("劳动合同法", 10))),
    "unpaid_wages": Rule(unpaid_wages, (c("劳动合同法", 30), c("劳动法", 50), c("劳动争议调解仲裁法", 6))),
    "overtime": Rule(overtime, (c("劳动法", 44), c("劳动争议解释（一）", 42))),
    "double_wage": Rule(double_wage, (c("劳动合同法", 10), c("劳动合同法", 82))),
    "severance": Rule(severance, (c("劳动合同法", 46), c("劳动合同法", 47))),
    "unlawful_termination": Rule(unlawful_termination, (c("劳动合同法", 48), c("劳动合同法", 87),
                                                        c("劳动争议解释（一）", 44))),
    "notice_pay": Rule(notice_pay, (c("劳动合同法", 40),)),
    "annual_leave": Rule(annual_leave, (c("职工带薪年休假条例", 3), c("职工带薪年休假条例", 5))),
    "social_insurance": Rule(social_insurance, (c("劳动法", 72),)),
    "additional_compensation": Rule(additional_compensation, (c("劳动合同法", 85),)),
    "return_deposit": Rule(return_deposit, (c("劳动合同法", 9), c("劳动合同法", 84))),
    **{t: Rule(injury) for t in ("injury_leave_wage", "injury_disability", "injury_medical", "injury_employment")},
    "other": Rule(other),
}
# claim types that need no rule beyond their calculator (竞业限制补偿、工伤待遇 …) fall back to it


def decide(x: Ctx) -> Decision:
    """The decision on `x.claim`: the worker's claim by its type's rule; an employer's claim on the worker's
    underlying entitlement, turned round (the employer's request fails as far as the worker is entitled). In court,
    a worker's request first passes the arbitration it came through (`before_the_court`)."""
    rule = RULES_BY_TYPE.get(x.claim.type, Rule(by_calculator))
    if x.claim.claimant != ClaimantSide.EMPLOYER and (prior := before_the_court(x)) is not None:
        return prior
    if x.claim.claimant != ClaimantSide.EMPLOYER:
        d = rule.decide(x, Decision())
        d.uses = list(dict.fromkeys(x.uses))
        return d
    worker_claim = x.claim.model_copy(update={"claimant": ClaimantSide.WORKER})
    sub = Ctx(x.case, x.findings, x.sides, worker_claim, x.calculator, x.words)
    inner = rule.decide(sub, Decision())
    return turned_round(x, inner, sub.uses)


# ---------------------------------------------------------------- a court case: what the arbitration settled


def before_the_court(x: Ctx) -> Decision | None:
    """A worker's request in court, as the arbitration before it bears on it (a court case only): one never put to
    arbitration that is a dispute of its own is not heard (劳动争议调解仲裁法第五条; 解释（一）第十四条: an inseparable
    one is heard with the rest); one the award granted and the employer let stand by not suing is granted as
    awarded (调解仲裁法第五十条). None when the findings say nothing of either: the claim's own rule decides."""
    if x.words.forum != "court":
        return None
    not_heard = (f"该项请求未经劳动争议仲裁前置程序，属于独立的劳动争议，{x.words.body}不予处理，"
                 f"{x.w}可另行向劳动争议仲裁机构申请仲裁")
    if (skipped := _not_arbitrated(x)) is not None:
        return Decision().refuse(f"经审理查明，{skipped}；{not_heard}", c("劳动争议调解仲裁法", 5), c("劳动争议解释（一）", 14))
    if (asked := _arbitrated_without(x)) is not None:
        return Decision().refuse(f"经审理查明，{x.w}申请仲裁时的请求为「{asked}」，其中没有该项请求，该项请求与已经仲裁的争议"
                                 f"不具有不可分性；{not_heard}", c("劳动争议调解仲裁法", 5), c("劳动争议解释（一）", 14))
    if (kept := _award_kept(x)) is not None:
        item, said = kept
        return Decision().grant(f"经审理查明，仲裁裁决{item}，{said}，视为{x.e}认可该项裁决结果，{x.w}的该项请求应予支持",
                                x.claim.amount, c("劳动争议调解仲裁法", 50))
    return None


def _not_arbitrated(x: Ctx) -> str | None:
    """The court's finding that this request was never put to arbitration (the sentence), else None: a sentence
    naming its type, or one that speaks of the request the findings take up by its number, whose sum (when it
    asks one) the findings then name."""
    from arbitration.findings.told import not_arbitrated, sentences

    for kind, number, sentence in not_arbitrated(x.case):
        if kind == x.claim.type:
            return sentence
        if number is not None and number == x.claim.index and kind is None:
            topic = next((s for s in sentences(x.case.tribunal_statement) if _names_request(s, number)), "")
            if x.claim.amount is None or _names_sum(topic, x.claim.amount):
                return f"{topic}，{re.sub(r'^另[，,]?', '', sentence)}" if topic else sentence
    return None


def _names_request(sentence: str, number: int) -> bool:
    from arbitration.extract.rules.numerals import cn_int
    from arbitration.findings.told import TOPIC

    m = TOPIC.match(sentence)
    return m is not None and (int(m["n"]) if m["n"].isdigit() else cn_int(m["n"])) == number


def _names_sum(text: str, amount: Decimal) -> bool:
    from arbitration.extract.rules import find_money

    return any(abs(m.amount - amount) <= amount * Decimal("0.01") for m in find_money(text))


# the words by which each kind of request is asked of a commission, loosely: a request of a kind the worker put to
# arbitration (its sum or period restated in court) is the dispute arbitrated; a kind the application never names
# is a new one. Kinds not listed (确认劳动关系, requests the taxonomy does not type) are never held new here.
TERMINATION_ASKED = r"经济补偿|补偿金|赔偿金|赔偿|解除|终止|辞退|开除|除名|代通知|额外[^，。；]{0,6}工资"
ASKED_AS = {
    "unpaid_wages": r"工资|报酬|薪|奖金|提成|绩效|津贴|补贴|补助|生活费|冬煤费|取暖费|降温费",
    "minimum_wage": r"工资|报酬|最低",
    "overtime": r"加班|加点|延时|延长工作时间|休息日|节假日",
    "double_wage": r"二倍|双倍|加倍|2倍|两倍|未(?:签|订)[^，。；]{0,8}合同",
    "severance": TERMINATION_ASKED,
    "unlawful_termination": TERMINATION_ASKED,
    "notice_pay": TERMINATION_ASKED,
    "annual_leave": r"年休假|年假|带薪|休假",
    "social_insurance": r"保险|社保|五险",
    "additional_compensation": r"加付|赔偿金",
    "return_deposit": r"押金|保证金|抵押金|返还|退还",
    "non_compete": r"竞业",
    "penalty": r"违约金|培训|服务期",
    **{t: r"工伤|伤残|医疗|停工留薪|护理|就业补助" for t in
       ("injury_leave_wage", "injury_disability", "injury_medical", "injury_employment")},
}
# a request about social insurance that asks for damages (待遇损失, 补偿) rather than the contributions themselves
INSURANCE = re.compile(r"保险|社保|五险")
PIECES = re.compile(r"[、，,；;]|以及|及|和|并|或者|或")


def _arbitrated_without(x: Ctx) -> str | None:
    """The worker's requests to the commission as the findings quote them in full (joined), when none of them is of
    this claim's kind; None when they are not quoted or one of them is. A claim for social-insurance damages is of
    its own kind beside a request to pay the contributions in (解释（一）第一条第五项 against the agency's collection);
    a request to pay them in is outside the remit whether arbitrated or not, and is left to its own rule."""
    from arbitration.findings.told import arbitrated, names

    cue = ASKED_AS.get(x.claim.type)
    damages = x.claim.type == "social_insurance" and bool(LOSS.search(x.claim.text))
    if cue is None or x.claim.type == "social_insurance" and not damages:
        return None
    asked = arbitrated(x.case, names(x.case, x.sides.worker, x.w), names(x.case, x.sides.employer, x.e))
    if asked is None:
        return None
    text = "；".join(a.strip() for a in asked)
    if not re.search(cue, text) or damages and not _damages_asked(text):
        return text
    return None


def _damages_asked(text: str) -> bool:
    """Whether requests to a commission ask for damages over social insurance: a piece naming insurance with words
    of loss, or a piece of no kind that claims a loss (「或者给予相应补偿金」)."""
    from arbitration.extract.claimtypes import match_claim_type

    for piece in PIECES.split(text):
        if not LOSS.search(piece):
            continue
        if INSURANCE.search(piece) or match_claim_type(piece)[0] == "other":
            return True
    return False


def _award_kept(x: Ctx) -> tuple[str, str] | None:
    """(the award's item, the finding that the employer let it be) when the award told of ordered the employer to
    pay this very sum on a request of this kind and the findings say the employer did not sue against it."""
    from arbitration.findings.told import ITEM, award_accepted, awarded, names

    cue = ASKED_AS.get(x.claim.type)
    if cue is None or x.claim.amount is None:
        return None
    said = award_accepted(x.case, names(x.case, x.sides.employer, x.e), names(x.case, x.sides.worker, x.w))
    if said is None:
        return None
    for item in awarded(x.case):
        if AWARD_PAYS.search(item) and not AWARD_REFUSES.search(item) and re.search(cue, item) \
                and _names_sum(item, x.claim.amount):
            return ITEM.sub("", item), re.sub(r"^(?:另[，,]?)?关于[^，,]*[，,]", "", said)
    return None


AWARD_PAYS = re.compile(r"支付|给付|赔偿|补发|返还|退还|发放")
AWARD_REFUSES = re.compile(r"驳回|不予支持|无需|无须|不予")


def turned_round(x: Ctx, inner: Decision, uses: list[str]) -> Decision:
    """An employer's request (not to pay, no employment) decided by the worker's entitlement `inner`."""
    d = Decision()
    d.calc, d.articles, d.warnings, d.pending = inner.calc, inner.articles, inner.warnings, inner.pending
    d.uses = list(dict.fromkeys(uses))
    d.amount = inner.amount  # what the worker still gets on this item (the ruling orders it)
    entitled = inner.reason or ""
    if inner.calc is not None:  # the award's sum caps what the worker still gets; the calculation says why
        entitled = f"经计算，{x.w}依法应得{money(inner.calc.amount)}"
        if inner.amount is not None and inner.amount < inner.calc.amount:
            entitled += f"，原裁决确定的数额为{money(inner.amount)}"
    if inner.outcome == Outcome.UNKNOWN:
        return d
    if inner.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED):
        d.outcome = Outcome.GRANTED
        d.reason = f"{entitled}，{x.w}不享有该项权利"
    elif inner.outcome == Outcome.PARTLY:
        d.outcome = Outcome.PARTLY
        d.reason = f"{entitled}，{x.e}应支付{x.w}{money(inner.amount)}，超出部分无须支付"
    else:
        d.outcome = Outcome.DENIED
        owed = f"，{x.e}应当支付{x.w}{money(inner.amount)}" if inner.amount is not None else ""
        d.reason = f"{entitled}，{x.w}依法享有该项权利{owed}"
    return d


def proposed(findings: Findings, ids: list[str]) -> list[Proposal]:
    """The findings among `ids` still awaiting the arbitrator (拟认定)."""
    return [p for i in ids if (p := findings.get(i)) is not None and p.state == ReviewState.PROPOSED]


__all__ = ["RULES_BY_TYPE", "Ctx", "Decision", "Rule", "decide", "proposed"]
