"""Issues a claim turns on beyond the facts of the case (加班事实是否存在, 工资是否已付, 解除是否有法定事由 …),
each found by the same rules: the tribunal's findings, an admission, documents, and the burden of proof of the
claim type — 解释（一）第四十四条 (the employer proves its dismissal and working years), 第四十二条 (the worker
proves overtime unless the employer holds the records and does not produce them), 调解仲裁法第六条 and 第三十九条
第二款 (records the employer keeps: failing to produce them bears the adverse consequence)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from arbitration.findings.evidence import (
    EMPLOYER_RECORDS,
    employer_records_offered,
    submitted,
)
from arbitration.findings.facts import Context, cite
from arbitration.findings.sides import role_of
from arbitration.findings.text import money, ymd
from arbitration.model import (
    Basis,
    Case,
    Citation,
    Claim,
    Proposal,
    Provenance,
    ReviewState,
    Side,
    TerminationInitiator,
)

ADVERSE = (cite("劳动争议调解仲裁法", 6), cite("劳动争议调解仲裁法", 39, 2))
DISMISSAL = (cite("劳动争议解释（一）", 44),)
OVERTIME = (cite("劳动争议解释（一）", 42), cite("劳动争议调解仲裁法", 6))

# an employer's words that deny the employment itself
DENIES_EMPLOYMENT = re.compile(
    r"(?:不存在|不是|并非|没有|无|不构成)(?:事实)?劳动关系|劳务关系|合作关系|承揽关系|承包关系|挂靠|雇佣关系|不认识|从未(?:招用|雇佣)|"
    r"不是(?:我|本|答辩人|被告|被申请人)?(?:公司|单位)的?(?:员工|职工)")
# pay that rests on conditions the worker must show (高温津贴 in a cooled office, 奖金 by a bonus scheme), not wages for work done
CONDITIONAL_PAY = re.compile(r"津贴|补贴|补助|奖金|奖励|福利|提成|绩效|年终|分红|报销|费用|差额|同工同酬|降温费|高温费|防暑|取暖费|过节费")
# benefits whose conditions the worker must show, each with the words a finding of it may use; pay for work whose
# records the employer keeps (提成, 绩效) or a difference computed from them (差额) is not among them
BENEFITS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(claim), re.compile(found)) for claim, found in (
        (r"高温|降温|防暑", r"高温|降温|防暑"),
        (r"取暖", r"取暖|供暖"),
        (r"奖金|奖励|年终|分红", r"奖金|奖励|年终|分红|效益"),
        (r"同工同酬", r"同工同酬|同岗|同等岗位|编制"),
        (r"津贴|补贴|补助|福利|过节费", r"津贴|补贴|补助|福利|过节费"),
    ))
# a claim for pay withheld or cut: the employer proves why (解释（一）第四十四条 减少劳动报酬)
WITHHELD = re.compile(r"扣发|克扣|扣除|扣减|少发|降低|停发")
CONDITIONAL = "{w}主张的款项以约定或规定的发放条件为前提，须由{w}举证证明条件成就"
SAYS_PAID = re.compile(r"已(?:经)?(?:于(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?)?[^，。；]{0,8}(?:支付|发放|结清|付清)|不存在拖欠|不欠|"
                       r"没有(?:拖欠|欠)|未拖欠|并未拖欠|已经结清")
# a payment the employer dates or names the channel of (「已于2019年1月10日通过银行转账支付」): one transfer's record
# settles it, so before the evidence is exchanged it is checked, not decided by the burden
PAY_EVENT = re.compile(r"已(?:经)?于(?:\d{4}年)?\d{1,2}月\d{1,2}日|转账|汇款|银行|现金|微信|支付宝")
# heads of pay other than the wages claimed: 「每月已经支付加班费600元」 answers the overtime claim, not this one
OTHER_HEAD = re.compile(r"加班(?:费|工资)?|年休假|年假|经济补偿(?:金)?|赔偿金|二倍工资|双倍工资|补偿金|社会保险|社保|公积金")
OTHER_PAY_DEFENCE = re.compile(r"未(?:提供|付出)?劳动|(?:未|没有|不再)(?:到[^，。；]{0,8})?(?:上班|到岗|出勤|工作)|旷工|已离职|"
                               r"已经离职|自行离职|停工|放假|数额有误|金额有误|计算错误|标准有误|到期终止|已(?:经)?(?:解除|终止)")
SAYS_LEAVE_TAKEN = re.compile(r"已(?:经)?(?:休|安排)[^。；，]{0,8}(?:年休假|年假|休假)|年休假已休|已休年休假|已休完")
SAYS_NOTICE = re.compile(r"提前三十日|提前30日|提前一个月|额外支付|代通知金|一个月工资代替")
SPECIAL_HOURS = re.compile(r"综合计算工时|综合工时|不定时工作制|不定时工时")
NO_NOTICE = re.compile(r"未(?:提前三十日|提前30日|提前一个月)|没有提前|未(?:以书面形式)?通知|未额外支付")


@dataclass(frozen=True)
class Issue:
    """An issue some claim types turn on, and the function that finds it (called only when the case has a claim
    of one of those types; "*": any claim)."""

    id: str
    label: str
    claim_types: tuple[str, ...]
    find: Callable[[Context, Case], Proposal | str | None]


def _p(iid: str, label: str, text: str, holds: bool, basis: Basis, reason: str,
       sources: list[Provenance] = (), articles: tuple[Citation, ...] = (),
       state: ReviewState = ReviewState.PROPOSED) -> Proposal:
    return Proposal(id=iid, label=label, text=text, holds=holds, basis=basis, reason=reason,
                    sources=list(sources), articles=list(articles), state=state)


def _statement(ctx: Context, side: Side) -> str:
    text = ctx.case.applicant_statement if side == Side.APPLICANT else ctx.case.respondent_statement
    return text or ""


def _statement_source(ctx: Context, side: Side, quote: str) -> Provenance:
    """A Provenance for a clause of a party's statement: the file it came from (application or defence)."""
    kind = "application" if side == Side.APPLICANT else "defence"
    ref = next((d for d in ctx.case.documents if d.doc_type.value == kind), None)
    return Provenance(file=ref.file if ref else ctx.sides.word(side) + "陈述", doc_type=kind, quote=quote[:120],
                      extractor="findings.issue")


def _clause(text: str, pattern: re.Pattern[str]) -> str | None:
    """The sentence of `text` where `pattern` first occurs."""
    m = pattern.search(text)
    return None if m is None else _clause_at(text, m)


def _clause_at(text: str, m: re.Match[str]) -> str:
    """The sentence of `text` that holds the match `m`."""
    start = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
    ends = [i for i in (text.find(c, m.end()) for c in "。；;\n") if i != -1]
    return text[start:min(ends) if ends else len(text)].strip()


def paid_clause(said: str, claims: list[Claim]) -> str | None:
    """The sentence of the employer's statement saying the wages claimed were paid. A sentence on another head of
    pay (加班费, 年休假工资, 经济补偿 …) that the claims do not name, and that names no wage besides, answers that
    head's claim, not this one."""
    asked = "".join(c.text for c in claims)
    for m in SAYS_PAID.finditer(said):
        clause = _clause_at(said, m)
        heads = [h for h in OTHER_HEAD.findall(clause) if h not in asked]
        if heads and not re.search(r"工资|劳动报酬", OTHER_HEAD.sub("", clause)):
            continue
        return clause
    return None


def _tribunal_text(case: Case, name: str) -> list[tuple[str, Provenance]]:
    fact = getattr(case.facts, name)
    from arbitration.findings.told import reported

    return [(str(v.value), v.source) for v in fact.values if v.side == Side.TRIBUNAL and not reported(case, v.source.quote)]


# what a finding says of overtime or of the leave year, as data: (affirms, denies); a clause reporting what a
# party claims (「肖某主张…加班」) or naming the pay (加班费) is neither
OVERTIME_SAID = (re.compile(r"(?<![不未没无])存在[^，。；]{0,8}加班(?!费|工资)|(?:安排|要求)[^，。；]{0,12}加班(?!费|工资)|"
                            r"加班(?:事实|情形)(?:存在|属实)|(?<!不)认可[^，。；]{0,10}加班(?!费|工资)|"
                            r"(?:延长工作时间|加班)(?:时间|时长|天数)?(?:合计|共计|累计|共)\s*\d|"
                            r"(?<![不未没])(?:每周六|每周日|周六|周日|休息日|双休日|节假日|法定节假日)[^，。；]{0,4}(?:均|都|也|照常)"
                            r"(?:上班|工作|加班)"),
                 re.compile(r"不存在[^，。；]{0,8}加班(?!费|工资)|(?:没有|未|无)(?:安排)?[^，。；]{0,4}加班(?!费|工资|报酬)"))
TOPIC = {"overtime": re.compile(r"加班|延长工作时间|工作时间|工时|周六|周日|休息日|双休日|节假日|考勤|打卡|排班|上下班|"
                                r"上班时间|下班|夜班|倒班|班次|(?:每天|每日|每周|每月)(?:工作|上班)|\d+\s*(?:小时|个小时)"),
         "annual_leave": re.compile(r"年休假|年假|休假")}
LEAVE_SAID = (re.compile(r"(?:未|没有|没)(?:休|安排)[^，。；]{0,6}(?:年休假|年假)|(?:年休假|年假)[^，。；]{0,6}(?:未|没有)(?:休|安排)|"
                         r"应休未休"),
              re.compile(r"(?<![未没])已(?:经)?(?:休|安排)[^，。；]{0,6}(?:年休假|年假)|(?:年休假|年假)已(?:休|安排)"))
REPORTED = re.compile(r"主张|诉称|辩称|认为|称|提交|要求支付|请求")
REPORTED_SPEECH = re.compile(r"主张|诉称|辩称|认为|称|要求|请求|诉至|申请仲裁")


def _polarity(text: str, said: tuple[re.Pattern[str], re.Pattern[str]]) -> bool | None:
    """Whether a finding affirms or denies the fact `said` describes; None when no clause states it plainly."""
    verdicts = set()
    for clause in re.split(r"[，,。；;]", text):
        if REPORTED.search(clause):
            continue
        if said[1].search(clause):
            verdicts.add(False)
        elif said[0].search(clause):
            verdicts.add(True)
    return verdicts.pop() if len(verdicts) == 1 else None


def _found(ctx: Context, name: str, said: tuple[re.Pattern[str], re.Pattern[str]]
           ) -> tuple[bool, list[Provenance]] | None:
    """What the tribunal's versions of a statement fact (加班情况, 年休假情况) and its own sentences on the topic say
    plainly, when they agree."""
    from arbitration.findings.told import own_sentences

    texts = _tribunal_text(ctx.case, name)
    src = _findings_source(ctx, None, "findings.told")
    texts += [(t, src.model_copy(update={"quote": t[:120]})) for t in own_sentences(ctx.case)
              if TOPIC[name].search(t) and not any(t in x or x in t for x, _ in texts)]
    found = [(s, v) for t, s in texts if (v := _polarity(t, said)) is not None]
    if not found or len({v for _, v in found}) != 1:
        return None
    return found[0][1], [s for s, _ in found]


# a finding that only says what a document shows (「考勤表显示…」「考勤记录载明…」): evidence the tribunal weighs
SHOWN = re.compile(r"显示|载明|记载|记录")


def _as_found(iid: str, label: str, text: str, holds: bool, sources: list[Provenance]) -> Proposal:
    """The tribunal's own finding; one that reports what a document shows is proposed on that evidence."""
    shown = [s for s in sources if SHOWN.search(s.quote or "")]
    if shown:
        return _p(iid, label, text, holds, Basis.EVIDENCE, f"经审理查明，{shown[0].quote}", sources)
    return _p(iid, label, text, holds, Basis.ESTABLISHED, "经审理查明", sources, state=ReviewState.ACCEPTED)


def _tribunal_found(ctx: Context) -> bool:
    """The tribunal's findings are in the file (a case decided after a hearing): what the parties proved at the
    hearing is there, not in an evidence list."""
    return any(v.side == Side.TRIBUNAL for _, f in ctx.case.facts.items() for v in f.values)


def labor_relation(ctx: Context, settled: Case) -> Proposal | str | None:
    iid, label = "issue:labor_relation", "双方存在劳动关系"
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    denial = _clause(_statement(ctx, ctx.sides.employer), DENIES_EMPLOYMENT)
    text = f"{w}与{e}之间存在劳动关系"
    if (told := _relation_told(ctx, bool(denial))) is not None:
        return told
    if denial:
        return f"{e}辩称「{denial}」，否认双方存在劳动关系，{w}须就此举证，待审查"
    # the tribunal's account of the work (入职, 工资) is no finding of an employment: a court narrates them for a
    # worker it then finds was hired by a contractor or a partner; a written labour contract it finds is one
    signed = [v for v in ctx.case.facts.written_contract.values if v.side == Side.TRIBUNAL and v.value.signed]
    if signed:
        return _p(iid, label, text, True, Basis.ESTABLISHED, "经审理查明，双方签订了书面劳动合同",
                  [v.source for v in signed], state=ReviewState.ACCEPTED)
    if st := ctx.admission("issue:labor_relation", ctx.sides.employer):
        return _p(iid, label, text, True, Basis.AGREED, f"{e}认可双方存在劳动关系（「{st.text}」）", [st.source])
    # the employer's own account of the employment (when it began, the wage, a contract signed), in a statement
    # we can read for a denial: it does not dispute that it employed the worker
    own = [(n, v) for n in ("hire_date", "monthly_wage", "written_contract")
           for v in getattr(ctx.case.facts, n).values if v.side == ctx.sides.employer
           and (n != "written_contract" or v.value.signed)]
    if own and _statement(ctx, ctx.sides.employer).strip():
        return _p(iid, label, text, True, Basis.AGREED,
                  f"{e}未否认双方存在劳动关系，并自行陈述了{w}的入职、工资或解除等用工情况",
                  [v.source for _, v in own])
    contract = settled.facts.written_contract.value
    if contract is not None and contract.signed and any(
            v.side == Side.EVIDENCE for v in settled.facts.written_contract.values):
        return _p(iid, label, text, True, Basis.EVIDENCE, "双方签订的书面劳动合同在卷为证",
                  [v.source for v in settled.facts.written_contract.values])
    return None


def _relation_told(ctx: Context, denied: bool) -> Proposal | None:
    """The employment as the tribunal's findings tell it (arbitration.findings.relation): in terms (the evidence
    found insufficient) it is the tribunal's; inferred from its findings (a third party hired or paid the worker, or
    the marks of an employment) it is proposed, with 调解仲裁法第六条 where the worker's proof failed."""
    from arbitration.findings.relation import read

    told = read(ctx.case, ctx.sides.worker, ctx.sides.employer, ctx.sides.worker_word, ctx.sides.employer_word,
                denied)
    if told is None:
        return None
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    src = _findings_source(ctx, "；".join(told.quotes)[:200], "findings.relation")
    text = f"{w}与{e}之间存在劳动关系" if told.holds else f"现有证据不足以证明{w}与{e}之间存在劳动关系"
    settled = told.in_terms and (not told.holds or not denied)
    return _p("issue:labor_relation", "双方存在劳动关系", text, told.holds,
              Basis.ESTABLISHED if settled or told.holds else Basis.BURDEN, told.why, [src],
              () if told.holds else (cite("劳动争议调解仲裁法", 6),),
              state=ReviewState.ACCEPTED if settled else ReviewState.PROPOSED)


# a sentence of the findings that states pay still owed (「被告尚欠原告6月工资2588.30元未付」「载明被告应付原告工资
# 9425元」); a rate (「月工资3000元」「80元/天」) is no sum owed
OWED = re.compile(r"尚欠|拖欠|欠付|欠发|结欠|未付|未支付|未发放|未发|应付|应得|应发|应支付")
PAY_WORDS = re.compile(r"工资|劳动报酬|报酬|薪|提成")
BALANCE = re.compile(r"(?:余下|剩余|尚余|余欠|下欠)[^，。；]{0,12}(?:工资|劳动报酬|报酬|款)[^，。；]{0,4}\d[^。；]{0,12}(?:未还|未付|未支付|未归还|未清偿|未结清)")
RATE = re.compile(r"(?:(?<![\d一二三四五六七八九十])月工资|工资标准|每月|月薪|日工资|每天|标准为)"
                  r"[^，。；]{0,4}$")  # 「8月工资3200元」 is that month's pay, not a rate


def owed_in_findings(text: str | None) -> tuple[Decimal, list[str]] | None:
    """The pay the tribunal found owed, summed over its sentences, with those sentences; None when it states none.
    A balance left after part payments (「余下工资款49728.8元至今未还」) is what is owed: the last one stated wins."""
    from arbitration.extract.rules import find_money
    from arbitration.findings.told import sentences

    balances = [(m.amount, sentence) for sentence in sentences(text, marks=True)
                if BALANCE.search(sentence) and PAY_WORDS.search(sentence) and not REPORTED_SPEECH.search(sentence)
                for m in find_money(sentence[BALANCE.search(sentence).start():])[:1]]
    if balances:
        return balances[-1][0], [balances[-1][1]]
    return _owed_sums(text, REPORTED_SPEECH)


def _owed_sums(text: str | None, skip: re.Pattern[str]) -> tuple[Decimal, list[str]] | None:
    """The sums sentences of `text` state as pay owed (rates aside), summed, with those sentences; sentences
    `skip` matches are left out."""
    from arbitration.extract.rules import find_money
    from arbitration.findings.told import sentences

    total, said = Decimal(0), []
    for sentence in sentences(text, marks=True):
        if not (OWED.search(sentence) and PAY_WORDS.search(sentence)) or skip.search(sentence):
            continue
        # the clauses before the first that tells of pay owed tell what was paid (「发放5月工资3687元，…，拖欠8月工资」)
        owed = sentence[sentence.rfind("，", 0, OWED.search(sentence).start()) + 1:]
        sums = [m for m in find_money(owed)
                if not RATE.search(owed[: m.start]) and not re.match(r"\s*[/／]\s*(?:月|天|日)", owed[m.end:])]
        if sums:
            total += sum(m.amount for m in sums)
            said.append(sentence)
    return (total, said) if said else None


# a party's statement opens with who speaks (「原告诉称，」); its requests (「要求判令…」) state no account of the debt
SPEAKER = re.compile(r"^\s*[^，。；：:]{0,30}?(?:诉称|辩称|称)[：:，,]?")
REQUESTS = re.compile(r"要求|请求|诉至|申请仲裁|判令|裁决|主张")


def owed_told(statement: str | None) -> tuple[Decimal, list[str]] | None:
    """The pay a party's own account says is owed (「被告拖欠原告8月工资3200元及9月工资3200元」), summed, with its
    sentences; its requests are left out (their total may be added wrongly)."""
    return _owed_sums(SPEAKER.sub("", statement or ""), REQUESTS)


# a finding that no pay at all was paid for months it names (「被告未向原告支付2014年5月份及6月份的工资」); a shortfall
# (未足额) leaves the sum to the tribunal
UNPAID = re.compile(r"(?:未|没有|并未)(?:向[^，。；]{1,10}?)?(?:支付|发放)(?:过)?")
MORE_MONTHS = re.compile(r"份?\s*(?:及|、|和|与|，)\s*(\d{1,2})\s*月份?")


def months_named(text: str) -> list[date]:
    """The first days of the calendar months a clause names (「2014年5月份及6月份」「2017年6月至8月」)."""
    from arbitration.extract.rules.dates import Precision, find_dates, find_ranges

    out: set[date] = set()
    for r in find_ranges(text):
        if r.begin.value is None or r.until.value is None or r.until.precision != Precision.MONTH:
            continue
        d = r.begin.value.replace(day=1)
        while d <= r.until.value:
            out.add(d)
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    for m in find_dates(text):
        if m.date.value is None or m.date.precision != Precision.MONTH:
            continue
        out.add(m.date.value)
        rest = text[m.end:]
        while (more := MORE_MONTHS.match(rest)) is not None and 1 <= int(more[1]) <= 12:
            out.add(date(m.date.value.year, int(more[1]), 1))
            rest = rest[more.end():]
    return sorted(out)


def unpaid_period(case: Case) -> tuple[date, date, str] | None:
    """(first day, last day, sentence) of the months a finding of the tribunal's own says went wholly unpaid."""
    from arbitration.findings.told import clauses, own_sentences
    from arbitration.law.calculators._common import month_end

    for sentence in own_sentences(case):
        for clause in clauses(sentence):
            if UNPAID.search(clause) and "工资" in clause and "足额" not in clause and not A_REASON.search(clause):
                months = months_named(clause)
                if months:
                    return months[0], month_end(months[-1]), sentence
    return None


def wages_owed(ctx: Context, settled: Case) -> Proposal | str | None:
    iid, label = "issue:wages_owed", "拖欠劳动报酬的事实"
    claims = [c for c in ctx.case.claims if c.type == "unpaid_wages"]  # the worker's, or an employer's 「无需支付」
    if not claims:
        return None
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    text = f"{e}未足额支付{w}所主张期间的劳动报酬"
    denial = _clause(_statement(ctx, ctx.sides.employer), DENIES_EMPLOYMENT)
    if denial and not ((rel := _relation_told(ctx, True)) is not None and rel.holds):
        return f"{e}否认双方存在劳动关系（「{denial}」），劳动报酬的支付以劳动关系的认定为前提"
    found = owed_in_findings(ctx.case.tribunal_statement)
    if found is not None:
        total, said = found
        asked = sum((c.amount for c in claims if c.amount is not None), Decimal(0))
        quote = "；".join(said)[:200]
        src = _findings_source(ctx, quote, "findings.owed")
        if asked and total <= asked * Decimal("1.01"):
            return Proposal(id=iid, label=label, text=f"{e}尚欠{w}劳动报酬{money(total)}", holds=True,
                            basis=Basis.ESTABLISHED, reason=f"经审理查明：{quote}", sources=[src],
                            amount=total, state=ReviewState.ACCEPTED)
        return f"查明的欠付数额{money(total)}与{w}主张的{money(asked)}不符，须核对"
    if (period := unpaid_period(ctx.case)) is not None:
        src = _findings_source(ctx, period[2][:120], "findings.owed")
        return _p(iid, label, f"{e}未支付{w}{ymd(period[0])}至{ymd(period[1])}期间的工资", True, Basis.ESTABLISHED,
                  f"经审理查明：{period[2]}", [src], state=ReviewState.ACCEPTED)
    if ctx.case.tribunal_statement:
        return f"仲裁庭查明部分未载明欠付劳动报酬的数额，须核对{w}主张的期间及数额"
    if all(CONDITIONAL_PAY.search(c.text) for c in claims):
        return CONDITIONAL.format(w=w)
    if not ctx.heard(ctx.sides.employer):
        return f"{e}的意见不详，须庭审查明工资支付情况"
    st = ctx.admission("issue:wages_owed", ctx.sides.employer) or ctx.admission("statement", ctx.sides.employer)
    if st:
        return _p(iid, label, text, True, Basis.AGREED, f"{e}认可{w}所述的欠付事实（「{st.text}」）", [st.source])
    said = _statement(ctx, ctx.sides.employer)
    if (other := _clause(said, OTHER_PAY_DEFENCE)) is not None:
        return f"{e}辩称「{other}」，须审查{w}主张的期间及数额"
    records = employer_records_offered(ctx.case, ctx.sides.employer)
    paid = paid_clause(said, claims)
    if records:
        names = "、".join(r.name for r in records)
        return f"{e}提交了{names}，须审查能否证明已足额支付"
    if paid and not _tribunal_found(ctx) and PAY_EVENT.search(paid) and not ctx.case.evidence:
        return f"{e}称「{paid}」，该次支付是否属实，须审查其转账记录等支付凭证"
    if paid and not _tribunal_found(ctx):
        return _p(iid, label, text, True, Basis.BURDEN,
                  f"{e}主张已支付（「{paid}」），但未提交工资支付记录；工资支付记录由用人单位掌握管理，"
                  f"{e}不能提供的，应当承担不利后果", [_statement_source(ctx, ctx.sides.employer, paid)],
                  ADVERSE + (cite("工资支付暂行规定", 6),))
    if ctx.silent(ctx.sides.employer):
        return _p(iid, label, text, True, Basis.BURDEN,
                  f"{e}未答辩，亦未提交工资支付记录；工资支付记录由用人单位掌握管理，{e}不能提供的，应当承担不利后果",
                  [c.source for c in claims if c.source], ADVERSE + (cite("工资支付暂行规定", 6),))
    return f"{e}的陈述未涉及该期间工资的支付情况，须庭审查明"


def overtime(ctx: Context, settled: Case) -> Proposal | str | None:
    iid, label = "issue:overtime", "加班事实"
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    if (found := _found(ctx, "overtime", OVERTIME_SAID)) is not None:
        holds, sources = found
        return _as_found(iid, label, f"{w}存在加班事实" if holds else f"{w}不存在加班事实", holds, sources)
    if st := ctx.admission("issue:overtime", ctx.sides.employer):
        return _p(iid, label, f"{w}存在加班事实", True, Basis.AGREED, f"{e}认可{w}加班的事实（「{st.text}」）",
                  [st.source])
    offered = [x for x in submitted(ctx.case, ctx.sides.worker)
               if re.search(r"考勤|打卡|签到|排班|工时|加班|证人|证言|聊天|录音|视频|工作记录", x.name + (x.purpose or ""))]
    kept = [x for x in offered if EMPLOYER_RECORDS.search(x.name + (x.purpose or ""))]
    if not offered and not _tribunal_found(ctx) and ctx.case.evidence:
        return _p(iid, label, f"{w}主张的加班事实不能认定", False, Basis.BURDEN,
                  f"劳动者主张加班费的，应当就加班事实的存在承担举证责任；{w}未提交考勤记录等证明加班事实的证据",
                  [c.source for c in ctx.case.claims if c.type == "overtime" and c.source], OVERTIME)
    if kept and not employer_records_offered(ctx.case, ctx.sides.employer):
        names = "、".join(x.name for x in kept)
        special = _clause(_statement(ctx, ctx.sides.employer), SPECIAL_HOURS)
        approved = [x for x in submitted(ctx.case, ctx.sides.employer) if re.search(r"批准|审批|许可|决定书", x.name)]
        hours = (f"；{e}称「{special}」，但未提交劳动行政部门批准实行特殊工时制度的文件，应按标准工时制度计算"
                 if special and not approved else "")
        return _p(iid, label, f"{w}存在加班事实", True, Basis.BURDEN,
                  f"{w}提交的{names}属于用人单位掌握管理的证据，能够证明{e}掌握加班事实存在的证据；"
                  f"{e}未提交考勤记录等证据予以反驳，应当承担不利后果{hours}",
                  [x.source for x in kept if x.source], OVERTIME + (cite("劳动争议调解仲裁法", 39, 2),))
    told = _records_told(ctx)
    if told is not None:
        offered_text, withheld_text, sources = told
        return _p(iid, label, f"{w}存在加班事实", True, Basis.BURDEN,
                  f"{w}提交的证据（「{offered_text}」）显示{e}掌握考勤等记录，{e}未提交该类证据（「{withheld_text}」），"
                  f"应当承担不利后果", sources, OVERTIME + (cite("劳动争议调解仲裁法", 39, 2),))
    from arbitration.findings.told import own_sentences

    if ctx.case.tribunal_statement and not any(TOPIC["overtime"].search(x) for x in own_sentences(ctx.case)):
        # after a hearing the findings say nothing of the hours worked: the worker's proof failed (第四十二条)
        return _p(iid, label, f"{w}主张的加班事实不能认定", False, Basis.BURDEN,
                  f"劳动者主张加班费的，应当就加班事实的存在承担举证责任；经审理查明的事实未显示{w}存在加班，"
                  f"{w}亦未举证证明{e}掌握加班事实存在的证据", [c.source for c in ctx.case.claims
                                                    if c.type == "overtime" and c.source], OVERTIME)
    return f"加班事实尚无认定依据，须审查{w}提交的证据及{e}掌握的考勤记录"


# the tribunal's (or a published case's) account of the evidence: the worker put in records the employer keeps,
# and the employer showed none of its own (第四十二条)
RECORDS_OFFERED = re.compile(r"提交了?[^。；]{0,30}(?:打卡记录|考勤|签到|工资支付记录|工资表|排班)")
RECORDS_WITHHELD = re.compile(r"(?:未|没有|拒绝|不|无法)(?:提交|提供|出示)[^。；]{0,12}(?:考勤|打卡|工资支付记录|工资表|排班)")


def _records_told(ctx: Context) -> tuple[str, str, list[Provenance]] | None:
    """(the worker's offer, the employer's withholding, sources) when a statement or the findings tell both."""
    from arbitration.findings.told import sentences

    names = {p.name for p in ctx.case.parties}
    employers = [p.name for p in ctx.case.parties_by_role(role_of(ctx.sides.employer))] + [ctx.sides.employer_word]
    workers = [p.name for p in ctx.case.parties_by_role(role_of(ctx.sides.worker))] + [ctx.sides.worker_word]
    offered = withheld = None
    for side in (Side.APPLICANT, Side.RESPONDENT, Side.TRIBUNAL):
        text = ctx.case.tribunal_statement if side == Side.TRIBUNAL else _statement(ctx, side)
        for sentence in sentences(text, marks=True):
            subject = None  # who the clauses speak of: the party named at the head of a clause, carried on
            for clause in re.split(r"[，,]", sentence):
                head = re.sub(r"^[\s并但且而又亦也还另]+", "", clause)
                subject = next((n for n in [*workers, *employers] if n and head.startswith(n)), subject)
                if subject is None and names:
                    continue
                if subject in employers and RECORDS_WITHHELD.search(clause):
                    withheld = withheld or (clause.strip(), side)
                elif subject in workers and RECORDS_OFFERED.search(clause):
                    offered = offered or (clause.strip(), side)
    if offered is None or withheld is None or employer_records_offered(ctx.case, ctx.sides.employer):
        return None
    sources = [_statement_source(ctx, s, q) if s != Side.TRIBUNAL else
               _findings_source(ctx, q, None)
               for q, s in (offered, withheld)]
    return offered[0], withheld[0], sources


def _termination(settled: Case):
    t = settled.facts.termination.value
    return t if t is not None and t.initiator == TerminationInitiator.EMPLOYER else None


def termination_lawful(ctx: Context, settled: Case) -> Proposal | str | None:
    """Whether the employer's dismissal rests on a ground it has shown (解释（一）第四十四条): the tribunal's own
    judgment of it, else what its findings tell of the ground — a requirement the law adds to the ground left
    untold (第四十条第三项's consultation, 第六十五条第二款's return), or nothing at all of the ground — and only then
    the burden; findings that tell the worker's own leaving or facts the ground may rest on leave it to be weighed."""
    iid, label = "issue:termination_ground", "解除劳动合同的事由"
    t = _termination(settled)
    if t is None:
        return None
    from arbitration.law.grounds import recognise

    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    ground = recognise(" ".join(x for x in (t.statute_basis, t.reason, t.mode) if x))
    if ground is not None and ground.by != "employer":
        return None
    sources = [v.source for v in settled.facts.termination.values]
    text = f"{e}解除劳动合同缺乏事实依据"
    if not ctx.heard(ctx.sides.employer) and not _tribunal_found(ctx):
        return f"{e}的意见不详，须查明其解除劳动合同的事由及证据"
    if (said := _ending_judged(ctx)) is not None:
        holds, sentence = said
        return _p(iid, label, text if not holds else f"{e}解除劳动合同有事实和法律依据", holds, Basis.ESTABLISHED,
                  f"经审理查明，{sentence}", [_findings_source(ctx, sentence[:120])], state=ReviewState.ACCEPTED)
    what = ground.label if ground else f"「{t.reason}」" if t.reason else None
    if _tribunal_found(ctx) and ctx.case.tribunal_statement:
        if (wanting := _requirement_untold(ctx, t, ground)) is not None:
            return wanting
        theirs = _employer_words(ctx)
        if (told := _ground_told(ctx, t, theirs)) is not None:
            return (f"查明部分载有与解除事由相关的事实（「{told[:60]}」），{e}"
                    f"{f'以{what}为由' if what else ''}解除劳动合同是否有事实依据，须审查其证据")
        if theirs and (invoked := _ground_told(ctx, t)) is not None:
            # the ground only in the employer's own words (its representative's answers, its notice): invoked, not found
            if proof := _ground_evidence(ctx):
                return f"{e}提交了{proof}，须审查能否证明其解除劳动合同的事由"
            invoked = next((_ending_clauses(x) for x, _ in _findings_told(ctx)
                            if x in theirs and ENDING_ACT.search(x)), invoked[:60])
            return _p(iid, label, text, False, Basis.BURDEN,
                      f"查明部分所载的解除事由（「{invoked}」）系{e}一方的陈述，并非经审理查明的事实；经审理查明的"
                      f"事实未显示该事由存在，{e}亦未提交证明该事由的证据；因用人单位作出解除劳动合同决定而发生的劳动争议，"
                      f"由用人单位负举证责任，{e}应当承担举证不能的不利后果",
                      [_findings_source(ctx, invoked[:120])], (*DISMISSAL, cite("劳动争议调解仲裁法", 6)))
        if what:  # after a hearing the findings tell nothing of the ground the employer relied on
            return _p(iid, label, text, False, Basis.BURDEN,
                      f"{e}以{what}为由解除劳动合同，但经审理查明的事实未显示该事由存在；因用人单位作出解除劳动合同决定"
                      f"而发生的劳动争议，由用人单位负举证责任，{e}应当承担举证不能的不利后果", sources, DISMISSAL)
    if ground is None and not t.reason:
        return _p(iid, label, text, False, Basis.BURDEN,
                  f"{e}{t.mode}{w}，未说明解除劳动合同的事由，亦未举证证明其解除符合劳动合同法第三十九条、第四十条、"
                  f"第四十一条规定的情形；因用人单位作出解除劳动合同决定而发生的劳动争议，由用人单位负举证责任",
                  sources, DISMISSAL)
    if _tribunal_found(ctx) or submitted(ctx.case, ctx.sides.employer):
        return f"{e}以{what}为由解除劳动合同，须审查其证据能否证明该事由"
    said = f"以「{t.reason}」为由" if t.reason else f"依据{ground.label}"
    return _p(iid, label, text, False, Basis.BURDEN,
              f"{e}{said}解除劳动合同，但未提交证据证明该事由存在；因用人单位作出解除劳动合同决定而发生的劳动争议，"
              f"由用人单位负举证责任，{e}应当承担举证不能的不利后果", sources, DISMISSAL)


def _findings_source(ctx: Context, quote: str | None, extractor: str | None = "findings.issue") -> Provenance:
    """Where a proposal read from the tribunal's findings came from: the case's first file (the findings' own part),
    the words quoted as given."""
    return Provenance(file=next((d.file for d in ctx.case.documents), "庭审查明"), part="findings", quote=quote,
                      extractor=extractor)


# a requirement a finding denies (「未与原告协商」「亦未提交…协商的证据」): a denial earlier in its clause
DENIED_BEFORE = re.compile(r"未|没有|从未|并无|无任何")
# what a rule or a clause allows, not what was done: 「公司可以对其进行培训」, 「《绩效管理办法》规定，…」 (a notice
# that says it was done is the employer's word, not a rule: it still tells of it)
MAY = re.compile(r"可以|有权|应当|应予")
DOCUMENT_SAYS = re.compile(r"^[^，。；]{0,20}(?:制度|办法|规定|手册|守则|细则|规则)》(?:中)?(?:规定|载明|约定)")


def _findings_told(ctx: Context) -> list[tuple[str, bool]]:
    """(sentence, own) for each sentence of the findings but what an earlier award ordered; own: a finding of the
    tribunal's own, else a party's account it reports."""
    from arbitration.findings.told import classified

    return [(x, kind == "own") for kind, x in classified(ctx.case) if kind != "award"]


def _requirement_untold(ctx: Context, t, ground) -> Proposal | None:
    """The ending found unlawful when it rests on a ground whose requirement (grounds.toml [[requirement]]) the
    findings do not show: they tell the ground and say nothing of the requirement, or deny it in terms."""
    from arbitration.law.grounds import grounds, recognise

    own = [x for x, mine in _findings_told(ctx) if mine]
    said = " ".join(x for x in (t.reason, *(v.source.quote for v in ctx.case.facts.termination.values
                                            if v.side == Side.TRIBUNAL)) if x)
    e = ctx.sides.employer_word
    for r in grounds().told.requirements:
        if r.context and not any(p.search(x) for p in r.context for x in own):
            continue
        found = [g for x in own if r.grounds and ENDING_WORDS.search(x) and not A_RULE.search(x)
                 and (g := recognise(x)) is not None and g.id in r.grounds]
        why = [x for x in own if any(p.search(x) for p in r.when)] or (
            [said] if any(p.search(said) for p in r.when) else [])
        if ground is not None and ground.id in r.grounds:
            found.insert(0, ground)
        if not why and not found:
            continue
        shown = [(x, m) for x in own for p in r.shown for m in p.finditer(x)]
        before = [(x, x[max(x.rfind(c, 0, m.start()) for c in "，,：:") + 1:m.start()]) for x, m in shown]
        # a rule's words (「考核不合格的，公司可以对其进行培训」) tell what may be done, not that it was
        if any(not DENIED_BEFORE.search(b) and not (MAY.search(b) or DOCUMENT_SAYS.search(x)) for x, b in before):
            return None  # the findings tell of it: whether it was met is for the tribunal to weigh
        told = next((x for x, b in before if DENIED_BEFORE.search(b)), None)
        basis = (f"经审理查明，{told}" if told else
                 f"经审理查明的事实未显示{r.what}")
        ground_said = found[0].label if found else f"「{t.reason}」" if t.reason else r.said
        return _p("issue:termination_ground", "解除劳动合同的事由", f"{e}解除劳动合同缺乏事实依据", False, Basis.BURDEN,
                  f"{e}以{ground_said}为由解除劳动合同，依法须以{r.what}为前提；{basis}；因用人单位作出解除劳动合同决定"
                  f"而发生的劳动争议，由用人单位负举证责任", [_findings_source(ctx, (told or (why or [said])[0])[:120])],
                  (*r.articles, *DISMISSAL))
    return None


def _ending_clauses(sentence: str) -> str:
    """The words of `sentence` up to the clause that tells the ending, the last 60 characters of them."""
    clauses = re.split(r"(?<=[，,])", sentence)
    at = next(i for i, x in enumerate(clauses) if ENDING_ACT.search(x))
    return "".join(clauses[: at + 1]).rstrip("，,")[-60:]


def _employer_words(ctx: Context) -> frozenset[str]:
    """The sentences of the findings that only give the employer's own words (told.words_of): its account of the
    ground, not a finding that the ground exists."""
    from arbitration.findings.told import names, words_of

    worker = names(ctx.case, ctx.sides.worker, ctx.sides.worker_word)
    employer = names(ctx.case, ctx.sides.employer, ctx.sides.employer_word)
    return frozenset(x for x, who in words_of(ctx.case, worker, employer).items() if who == "employer")


def _ground_evidence(ctx: Context) -> str | None:
    """The employer's evidence whose name or purpose speaks of the ground's facts (grounds.toml [told]
    ground_facts), named; None when it put in none."""
    from arbitration.law.grounds import grounds

    facts = grounds().told.ground_facts
    items = [x.name for x in submitted(ctx.case, ctx.sides.employer)
             if any(p.search(x.name + (x.purpose or "")) for p in facts)]
    return "、".join(items) or None


def _ground_told(ctx: Context, t, skip: frozenset[str] = frozenset()) -> str | None:
    """The first sentence of the findings that tells the worker's own leaving (their own account of it included) or
    a fact the employer's ground may rest on or another way the employment ended (grounds.toml [told], the words of
    a ground — a worker's only in a sentence of the ending —, those of the reason the employer gave, and where it
    gave one any sentence of the ending); None when the findings tell nothing of it. `skip`: sentences that are
    not to count (a party's own words)."""
    from arbitration.findings.told import names
    from arbitration.law.grounds import grounds, recognise

    told = grounds().told
    refs = names(ctx.case, ctx.sides.worker, ctx.sides.worker_word)
    reason = re.sub(r"[^\u4e00-\u9fa5]", "", t.reason or "")
    reason = re.sub("|".join(map(re.escape, (*refs, *names(ctx.case, ctx.sides.employer, ctx.sides.employer_word))))
                    or "$^", "", reason) if reason else ""
    grams = {g for i in range(len(reason) - 2) if not COMMON_WORDS.search(g := reason[i:i + 3])}
    for x, own in _findings_told(ctx):
        if x in skip:  # a party's own words (the employer's account of its ground)
            continue
        if any(p.search(x) for p in told.worker_left) and (own or x.lstrip().startswith(refs)):
            return x
        if own and (any(p.search(x) for p in told.ground_facts) or any(g in x for g in grams)
                    or t.reason and ENDING_ACT.search(x)
                    or ((g := recognise(x)) is not None and (g.by != "employee" or ENDING_WORDS.search(x)))):
            return x
    return None


# a sentence of the ending itself: where the employer gave a reason, the findings telling the ending may tell it
ENDING_ACT = re.compile(r"解除|终止|辞退|开除|除名|解聘")
# a rule or a clause of a contract (「…的，甲方可以解除」), which tells no ending
A_RULE = re.compile(r"可以|有权|规定|约定")
# a sentence telling how an employment ended: a worker's ground (未缴纳社会保险) is the ending's only where it does
ENDING_WORDS = re.compile(r"解除|终止|辞职|离职|离开")
# words too common in findings for a piece of the stated reason holding them to show that they tell of it
COMMON_WORDS = re.compile(r"劳动|合同|关系|单位|解除|终止|公司|工作|原告|被告|申请|员工|职工|本人|我们|因为|由于|决定|通知")


# the findings judging the employer's ending in terms (some courts write their view into the facts)
ENDING_UNLAWFUL = re.compile(r"(?:系|属于?|构成|属)违法(?:解除|终止)(?!劳动(?:合同|关系)?的?(?:赔偿|补偿))|"
                             r"(?:解除|终止)(?:劳动合同|劳动关系)?(?:的行为)?(?:不当|不合法|违法|无效|缺乏(?:事实|法律)?依据)")
ENDING_LAWFUL = re.compile(r"(?:解除|终止)(?:劳动合同|劳动关系)?(?:的行为)?(?:合法|有效|符合法律规定|并无不当|有事实和法律依据)")


def _ending_judged(ctx: Context) -> tuple[bool, str] | None:
    """(lawful, sentence) where a finding of the tribunal's own judges the employer's ending in terms, the same way
    each time it does; None when none does."""
    from arbitration.findings.told import own_sentences

    said = [(not ENDING_UNLAWFUL.search(x), x) for x in own_sentences(ctx.case)
            if ENDING_UNLAWFUL.search(x) or ENDING_LAWFUL.search(x)]
    return said[0] if said and len({h for h, _ in said}) == 1 else None


def notice_given(ctx: Context, settled: Case) -> Proposal | str | None:
    """Under 第四十条: 30 days' written notice, or one month's wage paid instead."""
    iid, label = "issue:notice", "提前三十日书面通知或额外支付一个月工资"
    t = _termination(settled)
    if t is None:
        return None
    from arbitration.law.grounds import recognise

    ground = recognise(" ".join(x for x in (t.statute_basis, t.reason, t.mode) if x))
    if ground is None or ground.article != 40:
        return None
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    leave = settled.facts.leave_date.value
    sources = [v.source for v in settled.facts.termination.values]
    if t.notice_date and leave and (leave - t.notice_date).days >= 30:
        return _p(iid, label, f"{e}已提前三十日书面通知{w}", True, Basis.EVIDENCE,
                  f"解除通知于{ymd(t.notice_date)}作出，解除日期为{ymd(leave)}，已满三十日", sources)
    said = _statement(ctx, ctx.sides.employer)
    claim = _clause(said, SAYS_NOTICE)
    if t.notice_date and leave and not claim:
        days = (leave - t.notice_date).days
        when = "当日" if days <= 0 else f"{days}日后"
        return _p(iid, label, f"{e}未提前三十日书面通知{w}，亦未额外支付一个月工资", False, Basis.EVIDENCE,
                  f"解除通知于{ymd(t.notice_date)}作出，{when}即解除劳动合同，未满三十日；{e}亦未主张已额外支付一个月工资",
                  sources)
    if claim and not NO_NOTICE.search(claim) and not submitted(ctx.case, ctx.sides.employer):
        return _p(iid, label, f"{e}未提前三十日书面通知{w}，亦未额外支付一个月工资", False, Basis.BURDEN,
                  f"{e}称「{claim}」，但未提交书面通知送达或工资支付的证据；支付记录由用人单位掌握管理，"
                  f"{e}不能提供的，应当承担不利后果",
                  [*sources, _statement_source(ctx, ctx.sides.employer, claim)], ADVERSE)
    if not claim and (said_no := _clause(_statement(ctx, ctx.sides.worker), NO_NOTICE)):
        return _p(iid, label, f"{e}未提前三十日书面通知{w}，亦未额外支付一个月工资", False, Basis.BURDEN,
                  f"{w}称「{said_no}」，{e}未提出相反主张，亦未提交通知送达或支付的证据", [*sources], DISMISSAL)
    return f"{e}是否提前三十日书面通知或额外支付一个月工资，须庭审查明"


def leave_untaken(ctx: Context, settled: Case) -> Proposal | str | None:
    iid, label = "issue:annual_leave", "未休年休假的事实"
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    text = f"{w}在主张的年度内未休年休假"
    if (found := _found(ctx, "annual_leave", LEAVE_SAID)) is not None:
        holds, sources = found
        return _as_found(iid, label, text if holds else f"{w}已休年休假", holds, sources)
    if (no_records := _no_leave_records(ctx)) is not None:
        return _p(iid, label, text, True, Basis.BURDEN,
                  f"经审理查明，{no_records[0]}；休假记录由用人单位掌握管理，{e}不能提供的，应当承担不利后果",
                  [no_records[1]], ADVERSE)
    said = _statement(ctx, ctx.sides.employer)
    taken = _clause(said, SAYS_LEAVE_TAKEN)
    records = [x for x in submitted(ctx.case, ctx.sides.employer) if re.search(r"考勤|休假|请假|年假|年休假", x.name)]
    if records:
        return f"{e}提交了{'、'.join(x.name for x in records)}，须审查{w}的休假情况"
    if taken:
        return _p(iid, label, text, True, Basis.BURDEN,
                  f"{e}称「{taken}」，但未提交考勤、休假审批等记录；该类记录由用人单位掌握管理，{e}不能提供的，应当承担不利后果",
                  [_statement_source(ctx, ctx.sides.employer, taken)], ADVERSE)
    if ctx.silent(ctx.sides.employer):
        return _p(iid, label, text, True, Basis.BURDEN,
                  f"{e}未答辩，亦未提交考勤、休假记录；该类记录由用人单位掌握管理，{e}不能提供的，应当承担不利后果",
                  [c.source for c in ctx.case.claims if c.type == "annual_leave" and c.source], ADVERSE)
    from arbitration.findings.told import own_sentences

    if ctx.heard_at_hearing() and not any(TOPIC["annual_leave"].search(x) for x in own_sentences(ctx.case)):
        # after a hearing whose findings establish the employment and say nothing of leave: the employer, who keeps
        # the leave records, did not show the leave was taken
        return _p(iid, label, text, True, Basis.BURDEN,
                  f"经审理查明的事实未显示{w}已休年休假，{e}亦未提交考勤、休假记录；该类记录由用人单位掌握管理，"
                  f"{e}不能提供的，应当承担不利后果",
                  [c.source for c in ctx.case.claims if c.type == "annual_leave" and c.source], ADVERSE)
    return f"{e}的陈述未涉及{w}的年休假情况，须庭审查明"


# a finding that the employer produced no record of the leave (「被告未提交原告申请年休假或者被安排休年休假的记录」)
NO_LEAVE_RECORDS = re.compile(r"(?:未|没有|不能|无法)(?:能)?(?:提交|提供|举证)[^，。；]{0,24}(?:年休假|年假|休假)[^，。；]{0,12}"
                              r"(?:记录|证据|审批|凭证|材料)")


def _no_leave_records(ctx: Context) -> tuple[str, Provenance] | None:
    """The clause of the tribunal's findings saying the employer produced no leave record, with its source."""
    from arbitration.findings.told import clauses, mentions, names, own_sentences

    e_refs = names(ctx.case, ctx.sides.employer, ctx.sides.employer_word)
    for sentence in own_sentences(ctx.case):
        for clause in clauses(sentence):
            m = NO_LEAVE_RECORDS.search(clause)
            if m and mentions(clause[:m.start()], e_refs):
                return clause, _findings_source(ctx, clause[:120])
    return None


# the start of the worker's cumulative working years as a finding states it (实施办法第四条: 累计工作时间, shown by
# 档案、社会保险缴费记录): 「参加工作的时间为2010年7月」; 「自2013年3月起在其他单位…参加社会保险」 before the hire;
# 「于2017年6月毕业」 shortly before the hire: no work before it
WORK_BEGAN = re.compile(r"参加工作")
INSURED = re.compile(r"社会保险|社保|参保|养老保险")
GRADUATED = re.compile(r"毕业")
# the worker's words claiming working years before this employer
EARLIER_WORK = re.compile(r"参加工作|工龄|累计工作|工作年限|连续工作|其他单位|原单位|前单位|社会保险缴费记录|参保记录|毕业")


def _work_start_found(ctx: Context, hire: date) -> tuple[date, str, Provenance] | None:
    """The start of the cumulative working years the tribunal's findings give: (day, the sentence, its source)."""
    from arbitration.extract.rules.dates import find_dates
    from arbitration.findings.told import mentions, names, own_sentences

    here = (*names(ctx.case, ctx.sides.employer, ctx.sides.employer_word), "用人单位", "公司", "处")

    def first(pattern: re.Pattern[str], keep: Callable[[date], bool], *, elsewhere: bool = False
              ) -> tuple[date, str] | None:
        hits = []
        for sentence in own_sentences(ctx.case):
            for clause in re.split(r"[，,；;]", sentence):
                if elsewhere and mentions(clause, here):
                    continue  # 「到被告处参加工作」 tells the hire, not the start of working life
                if pattern.search(clause) and not REPORTED_SPEECH.search(clause):
                    hits += [(m.date.value, sentence) for m in find_dates(clause)
                             if m.date.value is not None and keep(m.date.value)]
        return min(hits) if hits else None

    began = first(WORK_BEGAN, lambda d: d <= hire, elsewhere=True)
    insured = first(INSURED, lambda d: d < hire)
    graduated = first(GRADUATED, lambda d: d <= hire < d + timedelta(days=366))
    found = began or insured or (graduated and (hire, graduated[1]))
    if not found:
        return None
    return found[0], found[1], _findings_source(ctx, found[1][:120])


def work_start(ctx: Context, settled: Case) -> Proposal | str | None:
    """Since when the worker's working years count (职工带薪年休假条例第三条, 实施办法第四条): the findings' own
    account; else, after a hearing where nobody tells of work before this employer, the years here — the worker
    who claims more years must prove them (调解仲裁法第六条)."""
    iid, label = "issue:work_start", "累计工作年限的起算"
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    hire = settled.facts.hire_date.value
    if hire is None:
        return None
    if (found := _work_start_found(ctx, hire)) is not None:
        day, sentence, src = found
        p = _p(iid, label, f"{w}的累计工作年限自{ymd(day)}起算", True, Basis.ESTABLISHED, f"经审理查明，{sentence}",
               [src], state=ReviewState.ACCEPTED)
        p.since = day
        return p
    said = _clause(_statement(ctx, ctx.sides.worker), EARLIER_WORK)
    if said:
        return f"{w}称「{said}」，其累计工作年限须依档案、社会保险缴费记录等查明"
    from arbitration.findings.told import own_sentences

    if told := next((x for x in own_sentences(ctx.case) if EARLIER_WORK.search(x)), None):
        return f"经审理查明，{told}；{w}的累计工作年限须依档案、社会保险缴费记录等查明"
    if not ctx.heard_at_hearing():
        return f"{w}入职{e}前的工作年限，须庭审查明"
    p = _p(iid, label, f"{w}的累计工作年限自{ymd(hire)}入职{e}时起算", True, Basis.BURDEN,
           f"{w}未主张、亦未举证证明其入职{e}前的工作经历，经审理查明的事实亦未显示，其累计工作年限按在{e}处的工作年限计算",
           [c.source for c in ctx.case.claims if c.type == "annual_leave" and c.source],
           (cite("企业职工带薪年休假实施办法", 4), cite("劳动争议调解仲裁法", 6)))
    p.since = hire
    return p


# the employer's default that lets the worker end the contract (劳动合同法第三十八条第一款), as a finding states it;
# a sentence telling the worker's reason for ending (「以…为由」) states no finding of it
GROUND_SAID: dict[tuple[int, int | None, int | None], re.Pattern[str]] = {
    (38, 1, 2): re.compile(r"(?:未(?:足额|按时|及时)?(?:向[^，。；]{1,8})?(?:支付|发放)|拖欠|欠付|欠发|克扣)[^，。；]{0,20}"
                           r"(?:工资|劳动报酬)|低于(?:当地)?(?:月)?最低工资"),
    (38, 1, 3): re.compile(r"未(?:依法)?(?:为[^，。；]{1,10})?(?:缴纳|参加|办理)[^，。；]{0,8}(?:社会保险|社保|养老保险)"),
}
A_REASON = re.compile(r"为由|理由|原因|主张")


def worker_ground(ctx: Context, settled: Case) -> Proposal | str | None:
    """Whether the employer's default the worker ended the contract for (第三十八条第一款第二、三项) is found."""
    from arbitration.findings.told import own_sentences
    from arbitration.law.grounds import ground_of

    t = settled.facts.termination.value
    if t is None or t.initiator != TerminationInitiator.EMPLOYEE:
        return None
    g = ground_of(t)
    if g is None or g.article != 38:
        return None
    said = GROUND_SAID.get(g.key)
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    if said is None or not ctx.case.tribunal_statement:
        return f"{w}以{g.label}为由解除劳动合同，该事由是否成立须查明"
    found = [x for x in own_sentences(ctx.case) if said.search(x) and not A_REASON.search(x)]
    if not found:
        return f"仲裁庭查明部分未载明{g.name}的事实"
    src = _findings_source(ctx, found[0][:120])
    return _p("issue:worker_ground", "劳动者解除劳动合同的事由", f"{e}存在{g.name}的情形", True, Basis.ESTABLISHED,
              f"经审理查明，{found[0]}", [src], state=ReviewState.ACCEPTED)


PROPOSED_BY = r"(?:经|由)?{who}[^，。；]{{0,16}}?提出[^，。；]{{0,12}}?(?:协商)?(?:一致)?(?:解除|终止|离职|辞职)|经{who}提出"


def mutual_proposer(ctx: Context, settled: Case) -> Proposal | str | None:
    """Who proposed an agreed end (劳动合同法第四十六条第二项: 经济补偿 only when the employer proposed it), where the
    findings say so in their own words — 「经甲方提出」 in the agreement they quote names the employer (甲方 in a labour
    contract), 「被告…提出协商解除」."""
    from arbitration.findings.told import names, own_sentences

    t = settled.facts.termination.value
    if t is None or t.initiator != TerminationInitiator.MUTUAL or not ctx.case.tribunal_statement:
        return None
    w, e = ctx.sides.worker_word, ctx.sides.employer_word
    e_refs = "|".join(map(re.escape, (*names(ctx.case, ctx.sides.employer, e), "甲方", "用人单位", "公司")))
    w_refs = "|".join(map(re.escape, (*names(ctx.case, ctx.sides.worker, w), "乙方", "劳动者", "本人")))
    by_e = [x for x in own_sentences(ctx.case) if re.search(PROPOSED_BY.format(who=f"(?:{e_refs})"), x)]
    by_w = [x for x in own_sentences(ctx.case) if re.search(PROPOSED_BY.format(who=f"(?:{w_refs})"), x)]
    if bool(by_e) == bool(by_w):
        return "仲裁庭查明部分未载明协商解除劳动合同由哪一方提出" if not by_e else "查明部分对协商解除由哪一方提出的记载不一致"
    said = (by_e or by_w)[0]
    src = _findings_source(ctx, said[:120])
    return _p("issue:mutual_proposer", "协商解除劳动合同的提出方", f"协商解除劳动合同由{e if by_e else w}提出", bool(by_e),
              Basis.ESTABLISHED, f"经审理查明，{said}", [src], state=ReviewState.ACCEPTED)


ISSUES: tuple[Issue, ...] = (
    Issue("issue:labor_relation", "双方存在劳动关系", ("*",), labor_relation),
    Issue("issue:wages_owed", "拖欠劳动报酬的事实", ("unpaid_wages",), wages_owed),
    Issue("issue:overtime", "加班事实", ("overtime",), overtime),
    Issue("issue:termination_ground", "解除劳动合同的事由", ("unlawful_termination", "severance", "notice_pay"),
          termination_lawful),
    Issue("issue:notice", "提前三十日书面通知或额外支付一个月工资", ("notice_pay",), notice_given),
    Issue("issue:worker_ground", "劳动者解除劳动合同的事由", ("severance",), worker_ground),
    Issue("issue:mutual_proposer", "协商解除劳动合同的提出方", ("severance",), mutual_proposer),
    Issue("issue:annual_leave", "未休年休假的事实", ("annual_leave",), leave_untaken),
    Issue("issue:work_start", "累计工作年限的起算", ("annual_leave",), work_start),
)

__all__ = ["ISSUES", "Issue", "owed_in_findings", "owed_told"]
