"""A worker's request in court as the arbitration before it bears on it: one never put to arbitration is not
heard (劳动争议调解仲裁法第五条; 解释（一）第十四条), one the award granted and the employer let stand is granted as
awarded (第五十条). Called `remit` so as not to clash with `arbitration.drafting.forum` (the forum's words)."""

from __future__ import annotations

import re
from decimal import Decimal

from arbitration.drafting.rules.base import Ctx, Decision, c
from arbitration.drafting.rules.insurance import LOSS


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
