"""Checks on generated text. `verify_reasoning` vets an LLM's paragraphs against the structured inputs;
`verify_citations` runs over the whole award after any text is generated: a statute reference that does not
resolve, or a precedent case number not in the archive, is removed and reported — never printed."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from arbitration.drafting.text import amounts_in
from arbitration.model import Award, Citation, Outcome, Paragraph, Warning_

_N = "零〇一二三四五六七八九十百千两0-9０-９"
_REF = rf"第[{_N}]+条(?:第[{_N}]+款)?(?:第[{_N}]+项)?"
_CONT = rf"(?:[、和及与]第[{_N}]+(?:条|款|项)(?:第[{_N}]+款)?(?:第[{_N}]+项)?)"
CASE_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,16}[〔（(\[［【]\s*(?:19|20)\d{2}\s*[〕）)\]］】]\s*[\u4e00-\u9fff\dA-Za-z]{0,16}?第?\s*\d{1,6}\s*(?:-\d+)?号"
)


def _key(c: Citation) -> tuple[str, int]:
    from arbitration.law import statutes

    return (statutes().law_id(c.law) or c.law, c.article)


# ---------------------------------------------------------------- LLM output vs structured inputs


def verify_reasoning(text: str, inputs: Any) -> list[str]:
    """Why an LLM's text for one claim cannot be used (empty when it can): swapped parties, an amount not in
    the structured inputs, a citation that does not resolve or was not given, an unknown case number, or an
    outcome other than the decided one."""
    from arbitration.law import find_citations, format_citation, statutes

    problems: list[str] = []
    app, resp = inputs.applicant, inputs.respondent
    app_w, resp_w = inputs.applicant_word, inputs.respondent_word  # 申请人/被申请人, or the court's 原告/被告
    if app and re.search(rf"{re.escape(resp_w)}\s*{re.escape(app)}", text):
        problems.append(f"把{app_w}{app}写成了{resp_w}")
    if resp and re.search(rf"(?<!被){re.escape(app_w)}\s*{re.escape(resp)}", text):
        problems.append(f"把{resp_w}{resp}写成了{app_w}")
    worker, employer = re.escape(inputs.payee_word), re.escape(inputs.payer_word)
    if inputs.claimant == "worker" and re.search(
        rf"(?<!被){worker}(?:应|应当|须|需)(?:于[^，。；]{{0,20}})?(?:向{employer})?(?:支付|赔偿|补偿|返还)", text
    ):
        problems.append(f"写成了由{inputs.payee_word}向{inputs.payer_word}支付")
    allowed = inputs.allowed_amounts()
    for a in amounts_in(text):
        if a.normalize() not in allowed:
            problems.append(f"金额{a}元不在计算结果中")
    if inputs.amount is not None and inputs.outcome in (Outcome.GRANTED, Outcome.PARTLY):
        if Decimal(inputs.amount).normalize() not in {a.normalize() for a in amounts_in(text)}:
            problems.append("未写明裁决金额")
    given = {_key(c) for c in inputs.articles}
    data = statutes()
    for c in find_citations(text):
        if not data.exists(c):
            problems.append(f"法条「{c}」不存在")
        elif _key(c) not in given:
            problems.append(f"引用了未给定的法条{format_citation(c)}")
    for m in CASE_NUMBER_RE.finditer(text):
        if not any(cn in m[0] for cn in inputs.precedents):
            problems.append(f"引用了未给定的案号「{m[0]}」")
    denies = bool(re.search(r"不予支持|驳回|不予受理", text))
    supports = bool(re.search(r"(?<!不)予以支持|应予支持|本委予以支持", text))
    if inputs.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED) and (supports or not denies):
        problems.append("处理结果与裁决不一致（应不予支持）")
    if inputs.outcome == Outcome.GRANTED and denies and not supports:
        problems.append("处理结果与裁决不一致（应予支持）")
    if inputs.outcome == Outcome.UNKNOWN:
        if "待查明" not in text:
            problems.append("该项请求尚待查明，文字未保留「待查明」")
        if supports or denies:
            problems.append("该项请求尚待查明，文字却作出了处理结果")
    return list(dict.fromkeys(problems))


# ---------------------------------------------------------------- whole-document citation check


def _phrase_re() -> re.Pattern[str]:
    from arbitration.law import statutes

    names = "|".join(re.escape(n) for n in statutes().names_longest_first)
    return re.compile(rf"(?P<law>《[^《》]{{2,60}}》|{names})(?P<refs>{_REF}{_CONT}*)")


def _pieces(refs: str) -> list[str]:
    """「第四十六条、第四十七条第一款」 → [「第四十六条」, 「第四十七条第一款」]; 款/项 continuations stay attached."""
    out: list[str] = []
    for m in re.finditer(rf"(?:^|[、和及与])(第[{_N}]+(?:条|款|项)(?:第[{_N}]+款)?(?:第[{_N}]+项)?)", refs):
        piece = m[1]
        if out and not re.match(rf"第[{_N}]+条", piece):  # 「、第二款」 belongs to the previous article
            base = re.match(rf"第[{_N}]+条", out[-1])[0] if re.match(rf"第[{_N}]+条", out[-1]) else ""
            out.append(base + piece)
        else:
            out.append(piece)
    return out


def clean_citations(text: str) -> tuple[str, list[str]]:
    """Remove every statute reference that does not resolve; returns the new text and what was removed."""
    from arbitration.law import find_citations, statutes

    data = statutes()
    removed: list[str] = []

    def fix(m: re.Match[str]) -> str:
        law = m["law"]
        keep = []
        for piece in _pieces(m["refs"]):
            cites = find_citations(law + piece)
            if cites and all(data.exists(c) for c in cites):
                keep.append(piece)
            else:
                removed.append(law + piece)
        if not keep:
            return "\x00"
        return law + "、".join(keep)

    text = _phrase_re().sub(fix, text)
    if "\x00" in text:
        text = re.sub(r"根据\x00(?:的)?(?:相关)?规定，?", "根据相关法律规定，", text)
        text = re.sub(r"[、，和及]?\x00", "", text)
    # anything the phrase scan missed (同法第X条 …): drop the sentence that carries it
    if any(not data.exists(c) for c in find_citations(text)):
        sentences = re.split(r"(?<=[。；])", text)
        kept, prefix = [], ""
        for s in sentences:
            before = sum(not data.exists(c) for c in find_citations(prefix))
            after = sum(not data.exists(c) for c in find_citations(prefix + s))
            if after > before:
                removed.append(s)
            else:
                kept.append(s)
            prefix += s
        text = "".join(kept)
    return text, removed


def clean_case_numbers(text: str, exists, own: str | None = None) -> tuple[str, list[str]]:
    """Remove precedent case numbers for which `exists(case_number)` is false (the award's own is kept)."""
    removed: list[str] = []

    def fix(m: re.Match[str]) -> str:
        span = m[0]
        # the pattern may take Chinese words before the number: try the shortest suffix that is a case number
        for start in range(len(span)):
            cand = span[start:]
            if (own and cand == own) or exists(cand):
                return span
            if cand[0] in "〔（(［【[":
                break
        removed.append(span)
        return "\x00"

    text = CASE_NUMBER_RE.sub(fix, text)
    if "\x00" in text:
        text = re.sub(r"[、，]?\x00", "", text)
        text = text.replace("（、", "（").replace("（）", "")
    return text, removed


def _all_paragraphs(award: Award) -> list[tuple[str, Paragraph, str | None]]:
    out = [("facts", p, None) for p in award.facts_found]
    for d in award.decisions:
        out += [("reasoning", p, d.claim.type) for p in d.reasoning]
    for name, ps in award.sections.items():
        out += [(name, p, None) for p in ps]
    return out


def verify_citations(award: Award, archive: Any | None = None) -> Award:
    """Resolve every citation in the award's text; remove the ones that do not resolve and precedent case
    numbers the archive does not hold (all of them when there is no archive), each with a Warning_."""
    exists = archive.exists if archive is not None else (lambda _cn: False)
    for _part, p, claim_type in _all_paragraphs(award):
        text, bad = clean_citations(p.text)
        text, bad_cn = clean_case_numbers(text, exists, award.case_number)
        for b in bad:
            award.warnings.append(Warning_(kind="citation_removed", message=f"无法解析的法条引用「{b}」已删除", claim_type=claim_type))
        for b in bad_cn:
            award.warnings.append(Warning_(kind="citation_removed", message=f"类案库中不存在的案号「{b}」已删除", claim_type=claim_type, refs=[b]))
            p.refs = [r for r in p.refs if r not in b]
        p.text = text
    for d in award.decisions:
        d.precedents = [cn for cn in d.precedents if any(cn in p.text for p in d.reasoning)]
    return award
