"""Social insurance and work injury: paying contributions in is the collecting agency's task, their worth as
money has no basis, a benefit lost waits for the tribunal; 工伤保险待遇 rest on a recognised work injury."""

from __future__ import annotations

import re

from arbitration.drafting.rules.base import (
    Ctx,
    Decision,
    c,
    calculated,
    relation_denied,
)
from arbitration.drafting.rules.papers import (
    papers,
    papers_damages,
    papers_loss,
    termination_papers,
)

# what a claim to (re)pay contributions asks: the collecting agency's task, not a dispute the forum decides
PAY_IN = re.compile(r"补缴|补交|续缴|缴纳|交纳|缴存|补办|购买|办理[^，。；]{0,8}(?:社会保险|社保|保险|参保|手续)|参保|"
                    r"为[^，。；]{0,8}(?:办理|缴纳)|给付[^，。；]{0,24}保险(?!金|待遇|费用)")


LOSS = re.compile(r"损失|赔偿|待遇|补偿|费用|医疗费|失业金|生育津贴")


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
    if papers_damages(x.claim.text):
        return papers_loss(x, d)
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


# the work injury recognised by the social insurance administration (工伤保险条例第十七条、第二十条), or the
# disability assessed: what 工伤保险待遇 rest on
# (the disability graded by the labour-capacity committee follows a recognition: 第二十一条、第二十三条); a decision
# not to recognise (「不予认定工伤决定书」「认定其不属于工伤」) is none
GRADE = r"(?:[一二三四五六七八九十]|10|[1-9])"
INJURY_RECOGNISED = re.compile(r"(?<!不予)(?<!不)认定(?:(?!不|非|未)[^。；，]){0,16}(?:为|属于|属|构成)工伤|"
                               r"(?<!不予)(?<!不)(?:工伤认定|认定工伤)(?:决定书|结论|决定|书)|(?<!不)视同工伤|"
                               rf"(?:鉴定|评定)(?:结论)?为[^。；，]{{0,6}}{GRADE}级|伤残等级|{GRADE}级伤残|伤残{GRADE}级|"
                               rf"(?:致残|伤残)程度[^。；，]{{0,4}}{GRADE}级")
INJURY_COSTS = re.compile(r"医药费|医疗费|护理费|住院伙食|康复费|辅助器具|工伤")


# the benefits the work-injury insurance fund pays (工伤保险条例第三十五条至第三十七条: 一次性伤残补助金、一次性工伤
# 医疗补助金), not the employer that insured the worker (第六十二条第二款: only one that did not pays them itself)
FUND_ARTICLES = {"injury_disability": (c("工伤保险条例", 35), c("工伤保险条例", 36), c("工伤保险条例", 37)),
                 "injury_medical": (c("工伤保险条例", 36), c("工伤保险条例", 37))}
# the tribunal's finding that the employer insured the worker against work injury (「被告为原告缴纳了工伤保险」); a
# clause that denies it, or tells contributions stopped, owed or begun only after the injury, is no such finding
INSURED = re.compile(r"(?:为|给)[^，。；]{0,10}(?:缴纳|交纳|参加|参保|办理|投保)(?:了)?[^，。；]{0,8}工伤保险|"
                     r"(?:参加|参保|缴纳)(?:了)?工伤保险")
NOT_INSURED = re.compile(r"未|没有|没|不|欠缴|停缴|断缴|中断|补缴|补交|受伤后|事故后|之后|以后")


def insured_finding(x: Ctx) -> str | None:
    """The tribunal's own finding that the employer insured the worker against work injury, else None."""
    from arbitration.findings.told import clauses, own_sentences

    for s in own_sentences(x.case):
        if NOT_INSURED.search(s):
            continue
        if any(INSURED.search(cl) for cl in clauses(s)):
            return s
    return None


def injury(x: Ctx, d: Decision) -> Decision:
    """工伤保险待遇 rest on the injury recognised as a work injury (工伤保险条例第十七条、第二十条): after a hearing
    with no recognition anywhere in the file, the worker's proof failed (调解仲裁法第六条). The lump sums the fund pays
    (第三十五条至第三十七条) are not owed by an employer the findings say insured the worker (第六十二条第二款)."""
    if relation_denied(x, d):
        return d
    if not_recognised(x):
        return d.deny(f"{x.w}主张的该项待遇以其所受伤害经社会保险行政部门认定为工伤为前提，{x.w}未提交工伤认定结论，"
                      f"经审理查明的事实亦未显示其伤害已被认定为工伤，{x.w}应承担举证不能的不利后果",
                      c("工伤保险条例", 17), c("劳动争议调解仲裁法", 6))
    if x.claim.type in FUND_ARTICLES and (insured := insured_finding(x)) is not None:
        return d.deny(f"经审理查明，{insured}，{x.w}主张的该项待遇依法由工伤保险基金支付，{x.e}已为{x.w}参加工伤保险，"
                      f"{x.w}要求{x.e}支付该项待遇缺乏法律依据",
                      *FUND_ARTICLES[x.claim.type], c("工伤保险条例", 62, 2))
    return calculated(x, d)


def not_recognised(x: Ctx) -> bool:
    """A hearing was held and nothing in the file (statements, findings, evidence) tells of a recognised injury."""
    if not x.case.tribunal_statement:
        return False
    said = [x.case.applicant_statement, x.case.respondent_statement, x.case.tribunal_statement,
            *(e.name + (e.purpose or "") for e in x.case.evidence)]
    return not any(INJURY_RECOGNISED.search(t or "") for t in said)
