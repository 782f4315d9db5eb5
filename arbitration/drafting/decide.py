"""Deciding each claim with the law layer: outcome and amount (the amount only ever from the calculator the
taxonomy names), the rule in words, the facts it rests on, and 「待查明」 wherever a needed fact is missing or
disputed without a tribunal finding. Nothing is guessed: a missing fact becomes a placeholder and a warning."""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal
from typing import Any

from arbitration.drafting.compose import ReasoningInputs
from arbitration.drafting.sections import fact_sentence, party_name
from arbitration.drafting.text import PENDING, award_name, money, own_words, ymd
from arbitration.errors import ArbitrationError, CalculationError, MissingParameter
from arbitration.findings.sides import role_of
from arbitration.model import (
    BASIS_NAMES,
    FACT_NAMES,
    CalcResult,
    Case,
    Citation,
    Claim,
    ClaimantSide,
    ClaimDecision,
    Findings,
    Outcome,
    PartyRole,
    Proposal,
    ReviewState,
    RulingItem,
    SourceKind,
    Warning_,
)

# the legal rule of each claim type, in the words of awards (the articles are written out by the composer)
RULES: dict[str, str] = {
    "labor_relation": "用人单位自用工之日起即与劳动者建立劳动关系；劳动者接受用人单位的管理、从事用人单位安排的有报酬的劳动，且该劳动是用人单位业务组成部分的，双方存在劳动关系。",
    "unpaid_wages": "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬，不得克扣或者无故拖欠。",
    "overtime": "用人单位安排劳动者延长工作时间、休息日工作又不能安排补休、法定休假日工作的，应当分别按照不低于工资的百分之一百五十、百分之二百、百分之三百支付加班费。",
    "double_wage": "用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。",
    "severance": "用人单位依照法律规定解除或者终止劳动合同的，应当按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付经济补偿；六个月以上不满一年的，按一年计算；不满六个月的，支付半个月工资的经济补偿。",
    "unlawful_termination": "用人单位违反法律规定解除或者终止劳动合同，劳动者不要求继续履行的，用人单位应当依照经济补偿标准的二倍向劳动者支付赔偿金。因用人单位作出解除劳动合同决定而发生的劳动争议，由用人单位负举证责任。",
    "notice_pay": "用人单位依照劳动合同法第四十条规定解除劳动合同，未提前三十日以书面形式通知劳动者本人的，应当额外支付劳动者一个月工资。",
    "annual_leave": "用人单位经职工同意不安排年休假或者安排职工年休假天数少于应休年休假天数的，应当按照该职工日工资收入的百分之三百支付未休年休假工资报酬，其中包含用人单位支付职工正常工作期间的工资收入。",
    "minimum_wage": "用人单位支付劳动者的工资不得低于当地最低工资标准。",
    "social_insurance": "用人单位和劳动者必须依法参加社会保险，缴纳社会保险费。",
    "injury_disability": "职工因工致残被鉴定为一级至十级伤残的，从工伤保险基金或由用人单位按照伤残等级支付一次性伤残补助金。",
    "injury_medical": "职工因工致残，劳动合同期满终止或者职工本人提出解除劳动合同的，由工伤保险基金支付一次性工伤医疗补助金。",
    "injury_employment": "职工因工致残，劳动合同期满终止或者职工本人提出解除劳动合同的，由用人单位支付一次性伤残就业补助金。",
    "injury_leave_wage": "职工因工作遭受事故伤害需要暂停工作接受工伤医疗的，在停工留薪期内，原工资福利待遇不变，由所在单位按月支付。",
    "non_compete": "用人单位与劳动者约定竞业限制的，应当在解除或者终止劳动合同后，在竞业限制期限内按月给予劳动者经济补偿。",
    "penalty": "除劳动合同法第二十二条、第二十三条规定的情形外，用人单位不得与劳动者约定由劳动者承担违约金。",
    "additional_compensation": "用人单位未及时足额支付劳动报酬、加班费或者经济补偿，经劳动行政部门责令限期支付而逾期不支付的，由劳动行政部门责令用人单位按应付金额百分之五十以上百分之一百以下的标准向劳动者加付赔偿金。",
    "return_deposit": "用人单位招用劳动者，不得扣押劳动者的居民身份证和其他证件，不得要求劳动者提供担保或者以其他名义向劳动者收取财物；违反规定的，应当退还劳动者本人。",
    "other": "",
}

# calculator parameters and where their values come from: facts, the claim, or the case
_PARAM_FACTS = {
    "monthly_wage": "monthly_wage", "wage": "monthly_wage", "salary": "monthly_wage",
    # (average_wage is the local average wage that caps severance: a regional figure, never the employee's wage)
    "hire": "hire_date", "leave": "leave_date",
    "hire_date": "hire_date", "start": "hire_date", "start_date": "hire_date", "employment_start": "hire_date",
    "leave_date": "leave_date", "end": "leave_date", "end_date": "leave_date", "termination_date": "leave_date",
    "employment_end": "leave_date",
}

# what the award says is 待查明 when a calculator's input that is no fact of the case is missing (never its name in code)
_PARAM_NAMES = {
    "city": "劳动合同履行地", "wages": "各月实发工资", "months": "竞业限制实际履行的月数", "owed": "逾期未支付的应付金额",
    "training_cost": "用人单位支付的培训费用", "service_start": "服务期的起始日期", "service_end": "服务期的届满日期",
    "grade": "伤残等级", "suspension_start": "停工留薪期的起始日期", "suspension_end": "停工留薪期的届满日期",
}


def _fact(case: Case, name: str) -> Any:
    return getattr(case.facts, name).value


def _pool(case: Case, claim: Claim) -> dict[str, Any]:
    from arbitration.config import settings

    pool: dict[str, Any] = {k: _fact(case, v) for k, v in _PARAM_FACTS.items()}
    contract = _fact(case, "written_contract")
    termination = _fact(case, "termination")
    pool.update({
        "region": case.region or settings().region, "city": case.region or settings().region,
        "contract": contract, "written_contract": contract,
        "contract_signed": contract.signed if contract else None,
        "signed_date": contract.signed_date if contract else None,
        "contract_signed_date": contract.signed_date if contract else None,
        "termination": termination,
        "initiator": termination.initiator if termination else None,
        "requested": claim.amount, "claimed": claim.amount, "claimed_amount": claim.amount,
        "period_start": claim.period_start or pool.get("hire_date"),
        "period_end": claim.period_end or pool.get("leave_date"),
        "application_date": case.application_date, "claim": claim, "case": case,
        "year": _claim_year(claim),  # the leave year of 未休年休假工资 (「2023年度」)
        "time_bar_raised": _defence(case) is not None,  # 仲裁时效 is applied only when the respondent raised it
        "pre2008": _pre2008(case),  # 第九十七条第三款 by the termination ground (None: 待查明 when it matters)
    })
    pool.update(_average_from_findings(case))
    if claim.type in ("severance", "unlawful_termination"):
        pool.update(_minimum_from_findings(case))
    return pool


def _average_from_findings(case: Case) -> dict[str, Any]:
    """The local average wage of the year before the end, where the findings themselves state it: used with the
    findings as its source (the product never supplies a statistic of its own)."""
    from arbitration.findings.told import average_told

    leave = _fact(case, "leave_date")
    told = average_told(case, leave.year - 1) if leave is not None else None
    if told is None:
        return {}
    return {"average_wage": told[0], "average_source": f"经审理查明：{told[1]}"}


def _minimum_from_findings(case: Case) -> dict[str, Any]:
    """The local minimum wage in force when the employment ended, where the findings themselves state it: the floor
    of the monthly base (实施条例第二十七条) and, at a third of the wage or more, proof that the 3× cap of 第四十七条第二款
    cannot apply. Only for 经济补偿/赔偿金, whose base is taken on that day (a non-compete runs month by month after)."""
    from arbitration.findings.told import minimum_told

    leave = _fact(case, "leave_date")
    told = minimum_told(case, leave) if leave is not None else None
    if told is None:
        return {}
    return {"minimum": told[0], "minimum_source": f"经审理查明：{told[1]}"}


def _defence(case: Case, record: list[Any] | None = None) -> str | None:
    from arbitration.findings import sides
    from arbitration.law.timebar import defence_raised

    return defence_raised(case, record, sides(case).employer)  # the employer raises it, whatever its role


def _ground(case: Case) -> Any:
    """The statutory ground the employment ended on (arbitration.law.grounds), None when the file does not say."""
    from arbitration.law.grounds import ground_of

    return ground_of(case.facts.termination.value)


def _pre2008(case: Case) -> str | None:
    g = _ground(case)
    return g.pre2008 or None if g is not None else None


def claim_name(case: Case, claim: Claim) -> str:
    """How the award names the claim; 经济补偿 by its ground (an expired contract: 「终止劳动合同经济补偿金」)."""
    if claim.type == "return_deposit":
        from arbitration.drafting.rules import documents_asked

        if documents_asked(claim.text):  # the worker's papers, not money (劳动合同法第九条)
            return "返还证件"
    name = award_name(claim.type, claim.text)
    g = _ground(case) if claim.type == "severance" else None
    return name.replace("解除", "终止", 1) if g is not None and g.kind == "终止" else name


def request_name(case: Case, claim: Claim) -> str:
    """How a heading or an open item names the request: an untyped one in its own words, quoted, without who asked
    (「惠某等请求判决某公司连带支付…」 → 「某公司连带支付…」)."""
    return f"「{own_words(claim.text)}」" if claim.type == "other" else claim_name(case, claim)


def _claim_year(claim: Claim) -> int | None:
    from arbitration.law.timebar import claim_year

    return claim_year(claim)


def calculate(name: str, case: Case, claim: Claim, **given: Any) -> tuple[CalcResult | None, list[str], list[Warning_]]:
    """Run calculator `name` with the facts of the case (and `given` inputs a decision rule found, such as the
    years that bound an entitlement from below); (result, missing inputs, warnings). A required parameter with no
    established value is reported as missing, never filled in."""
    from arbitration.law import calculators

    registry = getattr(calculators, "CALCULATORS", {})
    fn = registry.get(name) or getattr(calculators, name, None)
    if fn is None:
        return None, [], [Warning_(kind="calculation", message=f"法律层没有名为 {name} 的计算器。", claim_type=claim.type)]
    pool = _pool(case, claim) | {k: v for k, v in given.items() if v is not None}
    kwargs, missing = {}, []
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        value = pool.get(p.name)
        if value is None:
            if p.default is p.empty:
                name = _PARAM_FACTS.get(p.name, p.name)
                missing.append(FACT_NAMES.get(name) or _PARAM_NAMES.get(name, name))
            continue
        kwargs[p.name] = value
    if missing:
        return None, missing, []
    try:
        result = fn(**kwargs)
    except MissingParameter as e:  # the award says what is 待查明; how to enter the figure goes to the review sheet
        return None, [getattr(e, "what", str(e))], [Warning_(kind="missing_parameter", message=str(e), claim_type=claim.type)]
    except (CalculationError, ArbitrationError, ValueError) as e:
        return None, [f"计算所需事实（{e}）"], [Warning_(kind="calculation", message=f"{name}：{e}", claim_type=claim.type)]
    return result, [], []


# ---------------------------------------------------------------- limitation and finality (law layer verdicts)


def _call_with(fn: Any, pool: dict[str, Any]) -> Any:
    kwargs = {}
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if pool.get(p.name) is not None:
            kwargs[p.name] = pool[p.name]
        elif p.default is p.empty:
            return None  # a required input is unknown: no verdict rather than a guess
    return fn(**kwargs)


def limitation_bar(case: Case, claim: Claim, record: list[Any] | None = None
                   ) -> tuple[bool, str, list[Citation]]:
    """(time-barred, reason, articles) by arbitration.law.limitation with the dates the case holds (the start of
    the period, whether the employment goes on). Barred only when the respondent raised the defence; a bar nobody
    raised is a risk for the review sheet (`time_bar_risk`), not a ground to dismiss."""
    v, raised = time_bar(case, claim, record)
    if v is None or not v.barred or not raised:
        return False, "", []
    return True, "；".join(r for r in v.reasons if r), list(v.articles)


def time_bar(case: Case, claim: Claim, record: list[Any] | None = None) -> tuple[Any, str | None]:
    """(the law layer's LimitationResult or None when there is no application date, where the defence was
    raised or None). With no date, the earliest the application can have been (findings.told.applied_after)
    serves only to show a bar."""
    from arbitration.findings.told import applied_after
    from arbitration.law import limitation
    from arbitration.law.timebar import limitation_inputs

    applied, after = case.application_date, ""
    if applied is None:
        if (earliest := applied_after(case)) is None:
            return None, None
        applied, after = earliest
    kwargs, _notes = limitation_inputs(case, claim, _claim_year(claim))
    try:
        v = limitation(claim.type, application_date=applied, applied_after=after, **kwargs)
    except (ArbitrationError, ValueError):
        return None, None
    if after and not v.barred:
        return None, None
    return v, _defence(case, record)


def is_final(case: Case, claim: Claim, amount: Decimal | None, on: date | None = None
             ) -> tuple[bool | None, str]:
    """Whether this item is a 终局 item (调解仲裁法第四十七条) by arbitration.law.finality, with the reason;
    (None, why) when the law layer cannot tell (no minimum wage for the region …) — never a guess."""
    try:
        from arbitration.law import finality
    except ImportError:
        return None, "法律层尚无终局裁决判断（arbitration.law.finality）"
    from arbitration.config import settings

    region = case.region or settings().region
    if not region:
        return None, "案件未载明地区，无法确定当地月最低工资标准"
    try:
        v = finality(claim.type, amount, region, on or date.today())
    except (ArbitrationError, ValueError) as e:
        return None, str(e)
    return bool(v.final), v.reason


# ---------------------------------------------------------------- deciding one claim


def _time_bar_risk(case: Case, claim: Claim, record: list[Any] | None) -> list[Warning_]:
    """For the review sheet: the claim looks time-barred (or its start is unknown) but nobody raised the defence."""
    v, raised = time_bar(case, claim, record)
    if v is None or raised:
        return []
    if v.barred:
        return [Warning_(kind="time_bar_risk", claim_type=claim.type, message=(
            f"「{claim.text}」按现有日期已超过仲裁时效（{v.reason}）；被申请人未提出时效抗辩，仲裁庭不主动适用，"
            "本草稿照常处理并全额计算。被申请人在庭审中提出的，须重新审查。"))]
    if v.flag == "unknown":
        return [Warning_(kind="time_bar_risk", claim_type=claim.type,
                         message=f"「{claim.text}」的仲裁时效无法判断：{v.reason}（被申请人未提出时效抗辩）。")]
    return []


def decide_claim(case: Case, claim: Claim, number: int, record: list[Any] | None = None,
                 findings: Findings | None = None, settled: Case | None = None,
                 ) -> tuple[ClaimDecision, ReasoningInputs, list[Warning_]]:
    """Decide one claim on the findings (arbitration.findings: the facts as found and the issues found, each
    established or proposed with its basis); returns the decision (reasoning still empty), the composer's inputs
    and warnings. `settled` is `findings.settle(case, findings)`, passed when drafting many claims."""
    from arbitration.drafting import forum, rules
    from arbitration.findings import find, settle, sides
    from arbitration.law import statutes, taxonomy

    findings = findings if findings is not None else find(case, record)
    settled = settled if settled is not None else settle(case, findings)
    tax = taxonomy()
    ct = tax.get(claim.type) if claim.type in tax else tax.get("other")
    data = statutes()
    words, who = forum.of(case), sides(case)
    x = rules.Ctx(settled, findings, who, claim, ct.calculator, words)
    barred, why, lim_articles = limitation_bar(settled, claim, record)
    if claim.withdrawn:
        d = rules.Decision().refuse(f"{who.word(_claimant_side(claim, who))}已撤回该项请求，{words.body}不再处理")
    elif barred:
        d = rules.Decision().deny(f"{who.employer_word}提出仲裁时效抗辩，{who.worker_word}的该项请求已超过仲裁时效（{why}）",
                                  *(lim_articles or [Citation(law="劳动争议调解仲裁法", article=27)]))
        d.warnings.append(Warning_(kind="time_barred", claim_type=claim.type,
                                   message=f"「{claim.text}」已超过仲裁时效（{who.employer_word}已提出时效抗辩：{_defence(case, record)}）：{why}"))
    else:
        d = rules.decide(x)
        d.warnings += _time_bar_risk(settled, claim, record)
    if d.calc is not None and any("【未经核对】" in s for s in [*d.calc.steps, *d.calc.notes]):
        d.warnings.append(Warning_(
            kind="unverified_figure", claim_type=claim.type,
            message=f"「{claim.text}」的计算使用了未经核对的地区参数（标有【未经核对】），签发前须与官方文件核对并删去该标记。",
        ))
    for p in d.pending:
        d.warnings.append(Warning_(kind="missing_fact", message=f"「{claim.text}」须查明：{p}（草稿中为{PENDING}）", claim_type=claim.type))

    facts, sources = _grounds_of_decision(settled, findings, ct.facts, d.uses, who)
    articles: list[Citation] = []
    rule = rules.RULES_BY_TYPE.get(claim.type)
    general = [*ct.articles, *(rule.articles if rule else ())]
    refused = d.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED)  # rests on its own articles, not the claim type's
    for c in [*(d.calc.articles if d.calc else []), *d.articles, *([] if d.calc or refused else general)]:
        c = data.canonical(c)
        if c not in articles and data.exists(c):
            articles.append(c)
    if d.outcome != Outcome.UNKNOWN:
        for p in rules.proposed(findings, d.uses):
            articles += [data.canonical(a) for a in p.articles if data.exists(a) and data.canonical(a) not in articles]
    decision = ClaimDecision(claim=claim, outcome=d.outcome, amount=d.amount, calculation=d.calc, articles=articles)
    employer_claim = claim.claimant == ClaimantSide.EMPLOYER
    inputs = ReasoningInputs(
        number=number, claim_type=claim.type, claim_name=request_name(settled, claim),
        claim_text=claim.text, applicant=party_name(case, PartyRole.APPLICANT),
        respondent=party_name(case, PartyRole.RESPONDENT), outcome=d.outcome, requested=claim.amount,
        amount=d.amount, rule=RULES.get(ct.id, ""), facts=facts, fact_sources=sources, calculation=d.calc,
        articles=articles, reason=d.reason, pending=d.pending,
        proposals=[basis_line(p) for p in rules.proposed(findings, d.uses)],
        claimant="employer" if employer_claim else "worker",
        claimant_word=who.word(_claimant_side(claim, who)), payer_word=who.employer_word,
        payee_word=who.worker_word, applicant_word=who.applicant_word, respondent_word=who.respondent_word,
        body=words.body,
    )
    return decision, inputs, d.warnings


def _claimant_side(claim: Claim, who: Any) -> Any:
    return who.employer if claim.claimant == ClaimantSide.EMPLOYER else who.worker


def basis_line(p: Proposal) -> str:
    """「申请人的月工资为7500元（证据认定：劳动合同、工资条载明……；来源：劳动合同.pdf、工资条.pdf）」, the
    comment a paragraph resting on a proposed finding carries."""
    files = "、".join(dict.fromkeys(s.file for s in p.sources))
    return f"{p.text}（{BASIS_NAMES[p.basis]}：{p.reason}" + (f"；来源：{files}" if files else "") + "）"


def _grounds_of_decision(settled: Case, findings: Findings, names: list[str], uses: list[str], who: Any
                         ) -> tuple[list[str], list[SourceKind]]:
    """The facts and issues a decision rests on as clauses, each marked by where it came from: the file, the
    hearing, or a proposed finding (拟认定) not yet accepted."""
    facts: list[str] = []
    sources: list[SourceKind] = []
    for name in [*names, *(u for u in uses if u not in names)]:
        p = findings.get(name)
        if name.startswith("issue:"):
            if p is None:
                continue
            sentence = p.text
        else:
            f = getattr(settled.facts, name, None)
            sentence = fact_sentence(name, f, who.worker_word, who.employer_word) if f is not None else None
        if not sentence or sentence in facts:
            continue
        facts.append(sentence)
        if p is not None and p.state == ReviewState.PROPOSED:
            sources.append(SourceKind.PROPOSAL)
        elif not name.startswith("issue:") and all(
                v.source.method.value == "hearing" for v in getattr(settled.facts, name).values):
            sources.append(SourceKind.HEARING)
        else:
            sources.append(SourceKind.EXTRACTED)
    return facts, sources


# ---------------------------------------------------------------- 裁决如下


def ruling_items(case: Case, decisions: list[ClaimDecision], on: date | None = None
                 ) -> tuple[list[RulingItem], list[Warning_]]:
    """Numbered items: payments with the deadline, 确认劳动关系, 「待查明」 items, then 驳回其他请求; each decided
    item marked 终局 or not by the law layer, with a warning where it cannot tell or where final and non-final
    items meet in one award (解释（一）第二十条)."""
    from arbitration.drafting.forum import of
    from arbitration.findings import sides

    words, who = of(case), sides(case)
    court = words.forum == "court"  # a judgment has no 终局 items: every item may be appealed
    names = {PartyRole.APPLICANT: party_name(case, PartyRole.APPLICANT),
             PartyRole.RESPONDENT: party_name(case, PartyRole.RESPONDENT)}
    worker = f"{who.worker_word}{names[role_of(who.worker)]}"
    employer = f"{who.employer_word}{names[role_of(who.employer)]}"
    items: list[RulingItem] = []
    warnings: list[Warning_] = []
    rest = False

    def final_of(d: ClaimDecision) -> bool | None:
        if court:
            return None
        final, why = is_final(case, d.claim, d.amount, on)
        if final is None:
            warnings.append(Warning_(kind="finality_unknown", claim_type=d.claim.type,
                                     message=f"无法判断「{d.claim.text}」是否为终局裁决事项：{why}；救济告知暂按非终局写明，须核对。"))
        return final

    def final_by_claim(d: ClaimDecision) -> bool | None:
        """An item not yet decided (or dismissed) by the amount claimed: the award cannot exceed it, so a claim
        within twelve months of the minimum wage is final whatever is found; above it, it depends on the finding."""
        if court:
            return None
        final, why = is_final(case, d.claim, d.claim.amount, on)
        if final is False and _finality_by_amount(d.claim.type):
            final, why = None, f"请求金额{money(d.claim.amount)}超过终局裁决的限额，终局与否取决于裁决确定的数额"
        if final is None:
            warnings.append(Warning_(kind="finality_unknown", claim_type=d.claim.type,
                                     message=f"「{d.claim.text}」是否为终局裁决事项{PENDING}：{why}；救济告知暂按非终局写明，须核对。"))
        return final

    def pay(d: ClaimDecision, name: str) -> RulingItem | None:
        """What the worker gets on this item: a payment, or the employment confirmed."""
        if d.claim.type == "labor_relation":
            hire, leave = case.facts.hire_date.value, case.facts.leave_date.value
            until = f"至{ymd(leave)}" if leave else ""
            return RulingItem(text=f"确认{worker}与{employer}自{ymd(hire)}起{until}存在劳动关系",
                              claim_types=[d.claim.type], final=final_of(d))
        from arbitration.drafting.rules import (
            PAPER_ORDERS,
            documents_asked,
            not_to_pay,
            papers,
        )

        if asked := papers(d.claim.text):  # 劳动合同法第五十条: the certificate, the transfers
            orders = "，并".join(PAPER_ORDERS[k] for k in asked)
            return RulingItem(text=f"{employer}{words.deadline}为{worker}{orders}", claim_types=[d.claim.type],
                              final=final_of(d))
        if d.claim.type == "return_deposit" and d.amount is None and (held := documents_asked(d.claim.text)):
            return RulingItem(text=f"{employer}{words.deadline}将{worker}的{'、'.join(held)}返还{worker}本人",
                              claim_types=[d.claim.type], final=final_of(d))  # 劳动合同法第九条
        if d.claim.type == "penalty" and d.claim.claimant != ClaimantSide.EMPLOYER and not_to_pay(d.claim.text):
            # 劳动合同法第二十五条: the worker's request not to pay a 违约金, granted
            return RulingItem(text=f"{worker}无需支付{employer}{name}", claim_types=[d.claim.type], final=final_of(d))
        if d.amount is None:
            return None
        period = ""
        if d.claim.period_start and d.claim.period_end:
            period = f"（{ymd(d.claim.period_start)}至{ymd(d.claim.period_end)}）"
        return RulingItem(text=f"{employer}{words.deadline}支付{worker}{name}{period}{money(d.amount)}",
                          claim_types=[d.claim.type], amount=d.amount, final=final_of(d))

    rest_final: list[bool | None] = []
    for d in decisions:
        name = claim_name(case, d.claim)
        by_employer = d.claim.claimant == ClaimantSide.EMPLOYER
        asker = who.word(who.employer if by_employer else who.worker)
        if d.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED, Outcome.PARTLY):
            rest = True
            if d.outcome != Outcome.PARTLY:
                rest_final.append(final_by_claim(d) if d.outcome == Outcome.DENIED else None)
        if d.outcome == Outcome.UNKNOWN:
            # 「被告要求不支付经济补偿」 for a typed request; an untyped one is quoted as it was made
            asks_not_to_pay = by_employer and d.claim.type != "other"
            items.append(RulingItem(text=f"关于{asker}{'要求不支付' if asks_not_to_pay else ''}{request_name(case, d.claim)}"
                                         f"的请求：{PENDING}",
                                    claim_types=[d.claim.type], final=final_by_claim(d)))
        elif by_employer and d.outcome == Outcome.GRANTED:
            # the worker is not entitled: the employer need not pay (or there is no employment)
            text = (f"确认{employer}与{worker}之间不存在劳动关系" if d.claim.type == "labor_relation"
                    else f"{employer}无需支付{worker}{name}")
            items.append(RulingItem(text=text, claim_types=[d.claim.type], final=final_of(d)))
        elif by_employer or d.outcome in (Outcome.GRANTED, Outcome.PARTLY):
            # a worker's claim granted, or an employer's request that fails as far as the worker is entitled
            item = pay(d, name)
            if item is not None:
                items.append(item)
    request = words.request
    if rest and not items:  # nothing granted and nothing pending
        whole = f"驳回{words.applicant}的全部{request}" if len(decisions) > 1 else f"驳回{words.applicant}的{request}"
        items.append(RulingItem(text=whole, claim_types=[d.claim.type for d in decisions],
                                final=_all_final(rest_final)))
    elif rest:
        partly = [it.final for it in items if it.amount is not None and any(
            d.outcome == Outcome.PARTLY and d.claim.type in it.claim_types for d in decisions)]
        items.append(RulingItem(text=f"驳回{words.applicant}的其他{request}", final=_all_final(rest_final + partly)))
    for i, it in enumerate(items):
        it.text = it.text.rstrip("；。") + ("。" if i == len(items) - 1 else "；")
    if court:
        return items, warnings
    warnings.append(_notice_warning(items))
    finals = [it for it in items if it.final]
    others = [it for it in items if it.claim_types and it.final is False]
    if finals and others:
        warnings.append(Warning_(
            kind="mixed_finality",
            message="本草稿同时含终局裁决事项和非终局裁决事项；同一裁决同时包含二者的，当事人起诉时按非终局裁决处理"
                    "（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第二十条），"
                    "通常应将终局裁决事项单独制作裁决书。",
        ))
    return items, warnings


def _finality_by_amount(claim_type: str) -> bool:
    """Whether the type is final by amount (调解仲裁法第四十七条第一项), so its finality waits for the figure."""
    from arbitration.law import taxonomy

    tax = taxonomy()
    return claim_type in tax and tax.get(claim_type).finality == "amount"


def _all_final(flags: list[bool | None]) -> bool | None:
    """One ruling item over several claims: final when each is, non-final when one is not, else unknown."""
    if not flags or None in flags:
        return None
    return all(flags)


def _notice_warning(items: list[RulingItem]) -> Warning_:
    """Which 救济告知 the draft gives (第四十七条至第四十九条 终局, 第五十条 非终局), and why, for the review sheet."""
    final = [i for i, it in enumerate(items, 1) if it.final]
    unknown = [i for i, it in enumerate(items, 1) if it.final is None]
    if final and len(final) == len(items):
        text = "各项均为终局裁决事项，救济告知适用终局裁决（调解仲裁法第四十七条至第四十九条）"
    elif not final:
        text = "各项均按非终局裁决告知（调解仲裁法第五十条）"
    else:
        text = "第" + "、".join(map(str, final)) + "项按终局裁决告知（第四十七条至第四十九条），其余按非终局裁决告知（第五十条）"
    if unknown:
        text += "；第" + "、".join(map(str, unknown)) + f"项终局与否{PENDING}，暂按非终局告知"
    return Warning_(kind="finality_notice", message=text + "。")
