"""What the end of the employment gives, by how it ended as found and on whose initiative: 经济补偿 (劳动合同法
第四十六条), 违法解除（终止）赔偿金 (第八十七条, the protections of 第四十二条) and the month's wage in place of notice
(第四十条)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    because,
    c,
    calculated,
    relation_denied,
)
from arbitration.drafting.rules.dissolve import dissolved_here
from arbitration.findings.text import money, ymd
from arbitration.model import Claim, Outcome, TerminationInitiator


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
# a worker who refused a renewal (第四十六条第五项: no 经济补偿 when the terms offered were kept or improved); {W} the
# words that name the worker in this case (told.names: 申请人 / 原告, the worker's name)
WORKER_REFUSED_RENEWAL = r"(?<!被)(?:{W}|劳动者|本人|其)[^。；]{{0,8}}(?:不同意|拒绝|不愿)续(?:签|订)"


def worker_refused_renewal(x: Ctx, said: str) -> bool:
    """Whether `said` tells the worker refused to renew, by whatever word names the worker (「原告」「申请人」, the
    worker's name) — never the employer's 「被申请人不同意续签」."""
    from arbitration.findings.told import names

    refs = "|".join(re.escape(r) for r in names(x.case, x.sides.worker, x.w))
    return re.search(WORKER_REFUSED_RENEWAL.format(W=refs), said) is not None


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


def ended(x: Ctx, d: Decision) -> Any:
    """How the employment ended, as found; None (and the decision made or pending) when there is no employment
    or no finding of its end."""
    if relation_denied(x, d):
        return None
    return termination(x, d)


def severance(x: Ctx, d: Decision) -> Decision:
    if (dissolved := dissolved_here(x)) is not None:
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
        if worker_refused_renewal(x, said) and not _renewal_offer_unproven(x):
            return d.pend("用人单位是否以维持或者提高劳动合同约定条件续订而劳动者不同意续订（劳动合同法第四十六条第五项）")
        d.articles.append(c("劳动合同法", 46, None, 5))
        return _severance_amount(x, d, g)
    if (own := left_on_own_account(x)) is not None:
        return d.deny(f"{own}，按{x.w}自己的陈述，劳动合同系其因自身原因解除，不属于用人单位应当支付经济补偿的情形",
                      c("劳动合同法", 37), c("劳动合同法", 46))
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


# a party's own account as the findings record it (「原告主张…」「申请人自述…」)
OWN_ACCOUNT = re.compile(r"^(?:在庭审中|当庭|庭审时)?(?:主张|自述|述称|陈述|称|表示|认可|承认|自认)")


def left_on_own_account(x: Ctx) -> str | None:
    """The worker's own account, as the tribunal's findings record it, that the worker ended the employment for a
    reason of the worker's own (劳动合同法第三十七条), not for a default of the employer (第三十八条): a claim that
    needs the employer to have ended it fails on the worker's own word. The sentence (「查明部分载明…」), else None."""
    from arbitration.findings.told import classified, names
    from arbitration.law.grounds import recognise

    refs = names(x.case, x.sides.worker, x.w)
    for kind, s in classified(x.case):
        by = next((r for r in refs if s.startswith(r)), None) if kind == "reported" else None
        if by is None or not OWN_ACCOUNT.match(s[len(by):]):
            continue
        g = recognise(s)
        if g is not None and g.article == 37:
            return f"查明部分载明，{s}"
    return None


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
    if (own := left_on_own_account(x)) is not None:
        return d.deny(f"{own}，按{x.w}自己的陈述，劳动合同系其因自身原因解除，并非{x.e}解除，{x.w}主张违法解除劳动合同"
                      "赔偿金缺乏事实依据", c("劳动合同法", 37), c("劳动合同法", 87))
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
    if (paid := _severance_paid(x)) is not None and d.outcome in (Outcome.GRANTED, Outcome.PARTLY):
        return _set_off(x, d, reason, *paid)
    return d


# what the findings tell that bears on the sum beyond the calculator's inputs: a waiver of what fell due before a
# date (「自愿放弃2008年10月31日以前的所有费用」), a 经济补偿 already paid when the employment ended
WAIVED = re.compile(r"放弃[^，。；]{0,20}(?:以前|之前|期间)[^，。；]{0,10}(?:费用|权利|待遇|补偿|工资|请求)")
SEVERANCE_PAID = re.compile(r"(?:支付|给付|发放|领取)(?:了)?[^，。；]{0,10}经济补偿(?:金)?(?:[^，。；]{0,4}\d|(?![^，。；]{0,6}(?:的|请求|诉请)))")


# the sum of a 经济补偿 the findings say was paid (「支付经济补偿23200元」), on the ending itself: said of it (「以解除…」
# 「解除劳动合同时」) or paid the day the employment ended; not one they say was not paid
PAID_SUM = re.compile(r"经济补偿(?:金)?(?:共计|合计|计|为)?(?P<n>\d+(?:\.\d+)?)元")
PAID_NOT = re.compile(r"(?:未|没有|不|拒绝|拒不)(?:向[^，。；]{1,16}?)?(?:支付|给付|发放)")
ON_ENDING = re.compile(r"解除|终止|辞退|开除|离职")
DAY = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


def _says_paid(sentence: str) -> bool:
    """Whether a clause of `sentence` says a 经济补偿 was paid, not that it was not (「未支付经济补偿」)."""
    return any(SEVERANCE_PAID.search(c) and not PAID_NOT.search(c) for c in re.split(r"[，,]", sentence))


def _severance_paid(x: Ctx) -> tuple[Decimal, str] | None:
    """(sum, sentence) where one finding of the tribunal's own says the employer paid a 经济补偿 of a stated sum on
    the ending of the contract; None when none does, or more than one sentence tells of such a payment."""
    from arbitration.findings.told import own_sentences

    told = [s for s in own_sentences(x.case) if _says_paid(s)]
    if len(told) != 1:
        return None
    s = told[0]
    sums = {Decimal(m["n"]) for m in PAID_SUM.finditer(s)}
    if len(sums) != 1:
        return None
    leave = x.fact("leave_date")
    on_the_day = leave is not None and any(
        (int(m["y"]), int(m["m"]), int(m["d"])) == (leave.year, leave.month, leave.day) for m in DAY.finditer(s))
    return (sums.pop(), s) if ON_ENDING.search(s) or on_the_day else None


def _set_off(x: Ctx, d: Decision, reason: str, paid: Decimal, sentence: str) -> Decision:
    """The 赔偿金 less the 经济补偿 paid on the ending (实施条例第二十五条: an employer that pays the 赔偿金 of
    第八十七条 pays no 经济补偿), capped by what was asked."""
    from arbitration.law.calculators.severance import FLOOR_UNCHECKED

    total = d.calc.amount
    net = total - paid
    said = (f"{reason}；经计算，赔偿金为{money(total)}；{x.words.found}，{sentence}，{x.e}已支付经济补偿{money(paid)}；"
            f"用人单位依照劳动合同法第八十七条的规定支付了赔偿金的，不再支付经济补偿，已支付的经济补偿应从赔偿金中扣除")
    d.articles += (c("劳动合同法实施条例", 25),)
    if net <= 0:
        d.amount = None
        return d.deny(f"{said}，扣除后{x.e}无须再支付赔偿金")
    claim = x.claim.amount
    if claim is not None and net < claim and any(n.startswith(FLOOR_UNCHECKED) for n in d.calc.notes):
        d.amount = None  # the base may still rise to the local minimum wage: the sum after the set-off is not known
        return d.pend(f"当地月最低工资标准（经计算赔偿金为{money(total)}，扣除已支付的经济补偿{money(paid)}后低于{x.w}"
                      f"主张的{money(claim)}；月工资低于当地最低工资标准的，按最低工资标准计算）")
    d.amount = net if claim is None else min(net, claim)
    d.outcome = Outcome.GRANTED if claim is None or net >= claim else Outcome.PARTLY
    asked = f"，{x.w}仅主张{money(claim)}，系对自身权利的处分，{x.words.body}予以照准" if claim is not None and net > claim else ""
    d.reason = f"{said}，扣除后为{money(net)}{asked}，{x.e}还应支付赔偿金{money(d.amount)}"
    return d


def _years_in_question(x: Ctx) -> str | None:
    """What the tribunal's findings tell that the 赔偿金 must account for and the calculator cannot: a waiver of a
    period (whether those years still count), a 经济补偿 already paid whose sum or tie to this ending they do not
    state (whether and how it is set off, 实施条例第二十五条; a stated sum paid on the ending is set off, `_set_off`)."""
    from arbitration.findings.told import own_sentences

    paid = _severance_paid(x)
    for s in own_sentences(x.case):
        if WAIVED.search(s):
            return f"{x.w}放弃部分期间权利对赔偿金计算年限的影响（经审理查明，{s[:60]}）"
        if _says_paid(s) and (paid is None or s != paid[1]):
            return f"{x.e}已支付的经济补偿的数额及其是否系本次解除所支付（经审理查明，{s[:60]}；劳动合同法实施条例第二十五条）"
    return None


# an employer's reason that may be the change of circumstances of 第四十条第三项 (a move, a post or department
# abolished, the business restructured …) though it names no article: whether it is, is the tribunal's to weigh
OBJECTIVE_CHANGE = re.compile(r"搬迁|迁址|迁移|(?:岗位|部门|机构|项目|门店|分公司|车间)[^，。；]{0,4}(?:撤销|撤并|取消)|"
                              r"停产|转产|合并|兼并|重组|改制|客观情况")


def notice_pay(x: Ctx, d: Decision) -> Decision:
    """代通知金 (劳动合同法第四十条): the employer's ending under 第四十条 without thirty days' written notice. An
    employer's reason that names no ground but may be 第四十条第三项's change of circumstances waits."""
    t = termination(x, d)
    if t is None:
        return d
    g = ground(t)
    if t.initiator == TerminationInitiator.EMPLOYER and g is None and OBJECTIVE_CHANGE.search(
            " ".join(w for w in (t.reason, t.mode) if w)):
        return d.pend(f"{x.e}解除劳动合同的事由是否属于劳动合同订立时所依据的客观情况发生重大变化致使劳动合同无法履行"
                      f"（劳动合同法第四十条第三项）及{x.e}是否提前三十日书面通知")
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
