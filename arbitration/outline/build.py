"""Build the 庭审要素提纲 from a Case: claims, agreed and disputed facts with sources, per-claim elements, questions,
时效/终局 flags and amount previews from the law layer, similar awards from the archive, and an evidence checklist.

Nothing is guessed: a fact nobody stated reads 「待查明」, an amount comes only from a calculator, a precedent only
from the archive.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from arbitration.errors import MissingData
from arbitration.model import (
    DEMO_LABEL,
    DOC_TYPE_NAMES,
    FACT_NAMES,
    OUTCOME_NAMES,
    Case,
    Claim,
    Fact,
    PartyKind,
    PartyRole,
    Side,
)
from arbitration.outline import lawview
from arbitration.outline.model import (
    MISSING,
    ClaimRow,
    ClaimSection,
    ElementStatus,
    EvidenceCheck,
    FactRow,
    FactVersion,
    Header,
    Outline,
    PartyLine,
    SimilarAward,
)
from arbitration.outline.text import (
    ROLE_NAMES,
    SIDE_NAMES,
    cn_date,
    fact_value,
    money,
    period,
    short_value,
    source,
)

SIMILAR_PER_CLAIM = 5  # top precedents shown per claim type (the issue asks for 3–5)

# what usually proves each fact; used for questions about disputed or missing facts
FACT_EVIDENCE: dict[str, str] = {
    "hire_date": "劳动合同、入职登记表、社会保险缴费记录",
    "leave_date": "解除通知、离职证明、考勤记录",
    "position": "劳动合同、工作证",
    "workplace": "劳动合同、考勤记录",
    "monthly_wage": "工资条、银行流水、劳动合同",
    "written_contract": "劳动合同文本",
    "social_insurance": "社会保险缴费记录",
    "overtime": "考勤记录、加班审批单、排班表",
    "annual_leave": "休假审批记录、考勤记录",
    "termination": "解除通知书及送达凭证",
}


def build_outline(case: Case, archive: Any = None, *, taxonomy: Any = None, today: date | None = None) -> Outline:
    """Build the outline of `case`; `archive` (arbitration.retrieval.Archive) adds similar awards when given.

    Raises MissingData naming what is missing when the case has no claims or no parties."""
    missing = []
    if not case.parties:
        missing.append("当事人（申请人、被申请人）")
    elif not case.applicants:
        missing.append("申请人")
    elif not case.respondents:
        missing.append("被申请人")
    if not case.claims:
        missing.append("仲裁请求")
    if missing:
        label = case.case_number or case.source_dir or "该案件"
        raise MissingData(f"{label}缺少{'、'.join(missing)}，无法生成庭审要素提纲")

    today = today or date.today()
    tax = taxonomy if taxonomy is not None else lawview.taxonomy()
    warnings: list[str] = list(case.warnings)
    rows = [_fact_row(name, fact) for name, fact in case.facts.items()]
    outline = Outline(
        header=_header(case),
        claims=[_claim_row(c, i, tax) for i, c in enumerate(case.claims, 1)],
        undisputed=[r for r in rows if r.versions and not r.disputed],
        disputed=[r for r in rows if r.disputed],
        missing_facts=[r.name for r in rows if not r.versions],
        evidence_in_file=[_evidence_label(e) for e in case.evidence],
        generated_on=today,
        generated_at=datetime.now(UTC).replace(microsecond=0),
        warnings=warnings,
    )
    if archive is None:
        outline.archive_note = "类案检索不可用：未提供类案库（可运行 arbitration index 建立索引）。"
    elif getattr(archive, "generated", False):
        outline.archive_note = (f"类案参考为{DEMO_LABEL}：内置的生成裁决书，仅供演示，不得作为裁判依据；"
                                "请用本机构的裁决书建立类案库（arbitration index）。")

    by_type: dict[str, list[tuple[int, Claim]]] = {}
    for i, c in enumerate(case.claims, 1):
        by_type.setdefault(c.type, []).append((c.index or i, c))
    for claim_type, claims in by_type.items():
        section = _section(case, claim_type, claims, tax, today, warnings)
        _similar(section, case, claim_type, archive, outline)
        outline.sections.append(section)
        outline.evidence += _evidence_checks(section)
    outline.finality = lawview.case_finality(case, tax)
    return outline


# ------------------------------------------------------------------ header, claims, facts


def _header(case: Case) -> Header:
    parties = []
    for p in sorted(case.parties, key=lambda p: list(PartyRole).index(p.role)):
        if p.kind == PartyKind.PERSON:
            details = "，".join(
                x for x in (p.gender, p.birth_date and f"{cn_date(p.birth_date)}出生", p.ethnicity,
                            p.address and f"住{p.address}") if x
            )
        else:
            details = "，".join(x for x in (p.credit_code and f"统一社会信用代码{p.credit_code}",
                                            p.address and f"住所地{p.address}") if x)
        rep = p.legal_representative
        parties.append(PartyLine(
            role=ROLE_NAMES[p.role],
            name=p.name,
            kind="自然人" if p.kind == PartyKind.PERSON else "用人单位",
            details=details,
            representative=f"法定代表人{rep.name}" if rep else None,
            agents=[
                a.name + (f"（{'，'.join(x for x in (a.kind, a.firm) if x)}）" if (a.kind or a.firm) else "")
                for a in p.agents
            ],
        ))
    return Header(
        case_number=case.case_number or MISSING,
        commission=case.commission,
        cause=case.cause or MISSING,
        region=case.region,
        application_date=cn_date(case.application_date),
        hearing_date=cn_date(case.hearing_date),
        parties=parties,
    )


def _claim_row(claim: Claim, i: int, tax: Any) -> ClaimRow:
    return ClaimRow(
        index=claim.index or i,
        type=claim.type,
        type_name=lawview.claim_name(tax, claim.type),
        amount=claim.amount,
        amount_text=money(claim.amount) if claim.amount is not None else f"{MISSING}（未列明金额）",
        period=period(claim.period_start, claim.period_end),
        text=claim.text,
    )


def _fact_row(name: str, fact: Fact[Any]) -> FactRow:
    row = FactRow(key=name, name=FACT_NAMES.get(name, name), disputed=fact.disputed)
    for v in fact.values:
        version = FactVersion(
            side=SIDE_NAMES[v.side], value=fact_value(v.value), source=source(v.source), note=v.note,
            quote=v.source.quote,
        )
        if v.note:
            version.value += f"（{v.note}）"
        {Side.APPLICANT: row.applicant, Side.RESPONDENT: row.respondent}.get(v.side, row.other).append(version)
    agreed = fact.value
    row.value = fact_value(agreed) if agreed is not None and not fact.disputed else MISSING
    return row


def _evidence_label(e: Any) -> str:
    who = ROLE_NAMES.get(e.submitted_by, "") if e.submitted_by else ""
    parts = [f"{who}提交" if who else "", e.name]
    if e.purpose:
        parts.append(f"（证明：{e.purpose}）")
    if e.source:
        parts.append(f"〔{source(e.source)}〕")
    return "".join(p for p in parts if p)


# ------------------------------------------------------------------ per claim type


def _section(case: Case, claim_type: str, claims: list[tuple[int, Claim]], tax: Any, today: date,
             warnings: list[str]) -> ClaimSection:
    ct = lawview.claim_type(tax, claim_type)
    section = ClaimSection(
        claim_type=claim_type,
        name=lawview.claim_name(tax, claim_type, case),
        claim_indices=[i for i, _ in claims],
    )
    if ct is None:
        warnings.append(f"请求类型「{claim_type}」不在请求分类中，要件与发问要点需仲裁员补充。")
    else:
        section.articles = lawview.articles(ct)
        section.elements = [_element(case, el) for el in lawview.elements(ct)]
        qa, qr = lawview.questions(ct)
        section.questions_applicant, section.questions_respondent = list(qa), list(qr)
    case_qa, case_qr = _case_questions(case, lawview.relevant_facts(ct, claim_type))
    section.questions_applicant += [q for q in case_qa if q not in section.questions_applicant]
    section.questions_respondent += [q for q in case_qr if q not in section.questions_respondent]
    section.limitation = lawview.limitation_flag(case, claim_type, [c for _, c in claims], today)
    section.finality = lawview.claim_finality(case, claim_type, [c for _, c in claims], tax)
    section.amounts = lawview.amount_preview(case, claim_type, [c for _, c in claims], tax, today)
    return section


def _element(case: Case, el: Any) -> ElementStatus:
    """Whether an element is established: by agreed facts, by a document, disputed, or 待查明."""
    name, fact_names, expected = lawview.element_parts(el)
    status = ElementStatus(name=name, status=MISSING, expected_evidence=list(expected))
    disputed = known = one_sided = False
    for fname in fact_names:
        fact = getattr(case.facts, fname, None)
        if fact is None or not fact.values:
            continue
        status.basis.append(_basis(fname, fact))
        if fact.disputed:
            disputed = True
        else:
            sides = {v.side for v in fact.values}
            if Side.EVIDENCE in sides or Side.TRIBUNAL in sides or {Side.APPLICANT, Side.RESPONDENT} <= sides:
                known = True
            else:
                one_sided = True
    docs = _matching_evidence(case, expected)
    status.basis += docs
    if disputed:
        status.status = "有争议"
    elif known:
        status.status = "已证明"
    elif one_sided:
        status.status = "仅一方陈述" if not docs else "有证据待质证"
    elif docs:
        status.status = "有证据待质证"
    return status


def _basis(fname: str, fact: Fact) -> str:
    """One line per fact: the agreed value with its best source, or each side's version (sources are in the facts
    table), so the element table stays short enough for a two-to-three-page outline."""
    label = FACT_NAMES.get(fname, fname)
    if not fact.disputed:
        best = min(fact.values, key=lambda v: v.side != Side.EVIDENCE)
        return f"{label}{short_value(best.value)}（{source(best.source)}）"
    versions: list[str] = []
    for v in fact.values:
        text = f"{SIDE_NAMES[v.side]}称{short_value(v.value)}"
        if text not in versions:
            versions.append(text)
    return f"{label}：{'／'.join(versions)}（有争议，来源见争议事实对照）"


_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if _WORD.fullmatch(text[i : i + 2])}


def _matches(expected: str, have: str) -> bool:
    """Same kind of evidence: one name inside the other at similar length (「劳动合同」 is not
    「解除劳动合同通知书」), or most of their word bigrams shared."""
    short, long_ = sorted((expected, have), key=len)
    if short in long_ and len(short) / len(long_) >= 0.6:
        return True
    e, h = _bigrams(expected), _bigrams(have)
    return bool(e and h) and len(e & h) / len(e | h) >= 0.5


def _matching_evidence(case: Case, expected: list[str]) -> list[str]:
    """Evidence items and classified documents of the file that match what usually proves an element."""
    found: list[str] = []
    for e in case.evidence:
        if any(_matches(x, e.name) for x in expected):
            found.append(f"证据「{e.name}」" + (f"（{source(e.source)}）" if e.source else ""))
    listed = {e.file for e in case.evidence if e.file}
    for d in case.documents:
        if d.file in listed:
            continue  # already named by the evidence list
        kind = DOC_TYPE_NAMES.get(d.doc_type, "")
        if kind and any(_matches(x, part) for x in expected for part in kind.split("/")):
            label = f"案卷材料「{kind}」（{d.file}）"
            if label not in found:
                found.append(label)
    return found


def _case_questions(case: Case, fact_names: list[str]) -> tuple[list[str], list[str]]:
    """Questions made from this case's disputed and missing facts, e.g. 「请被申请人说明月工资6000元的依据」."""
    qa: list[str] = []
    qr: list[str] = []
    for fname in fact_names:
        fact = getattr(case.facts, fname, None)
        if fact is None:
            continue
        label = FACT_NAMES.get(fname, fname)
        proof = FACT_EVIDENCE.get(fname, "相关证据")
        if fact.disputed:
            a_vals = _distinct(fact, Side.APPLICANT)
            r_vals = _distinct(fact, Side.RESPONDENT)
            other = _distinct(fact, Side.EVIDENCE) + _distinct(fact, Side.TRIBUNAL)
            for v in a_vals:
                q = f"请申请人说明{label}为{v}的依据，并提交{proof}"
                if r_vals:
                    q += f"；对被申请人主张的{'、'.join(r_vals)}有何意见"
                qa.append(q + "。")
            for v in r_vals:
                q = f"请被申请人说明{label}为{v}的依据，并提交{proof}"
                if a_vals:
                    q += f"；对申请人主张的{'、'.join(a_vals)}有何意见"
                qr.append(q + "。")
            if other and not (a_vals and r_vals):
                qa.append(f"案卷材料载明{label}为{'、'.join(other)}，请双方核对并说明。")
        elif not fact.values:
            qa.append(f"请申请人明确{label}，并提交{proof}。")
            qr.append(f"请被申请人陈述{label}，并提交{proof}。")
    return qa, qr


def _distinct(fact: Fact[Any], side: Side) -> list[str]:
    out: list[str] = []
    for v in fact.by_side(side):
        s = short_value(v.value)
        if s not in out:
            out.append(s)
    return out


# ------------------------------------------------------------------ similar awards, evidence checklist


def _similar(section: ClaimSection, case: Case, claim_type: str, archive: Any, outline: Outline) -> None:
    """Top precedents of this claim type from the archive; only ones the archive holds, never invented."""
    if archive is None:
        section.similar_note = outline.archive_note
        return
    try:
        matches = archive.search(case, claim=claim_type, k=SIMILAR_PER_CLAIM)
    except Exception as e:  # the archive is optional for the outline; say why it is absent
        section.similar_note = f"类案检索不可用：{e}"
        return
    for m in matches:
        p = m.precedent
        claims = [c for c in (m.matched_claims or p.claims) if c.type == claim_type] or list(m.matched_claims)
        c = claims[0] if claims else None
        section.similar.append(SimilarAward(
            case_number=f"【{DEMO_LABEL}】{p.case_number}" if p.generated else p.case_number,
            outcome=OUTCOME_NAMES[c.outcome] if c else "不明",
            requested=money(c.requested) if c and c.requested is not None else "—",
            granted=money(c.granted) if c and c.granted is not None else "—",
            region=p.region,
            award_date=cn_date(p.award_date) if p.award_date else None,
            score=round(float(m.score), 4),
            reasons=list(m.reasons)[:3],
            articles=lawview.format_articles(c.articles if c else p.articles),
        ))
    if not section.similar:
        section.similar_note = f"类案库中未检索到「{section.name}」的类案。"


def _evidence_checks(section: ClaimSection) -> list[EvidenceCheck]:
    checks = []
    for el in section.elements:
        present = [b for b in el.basis if b.startswith(("证据「", "案卷材料「"))]
        checks.append(EvidenceCheck(
            claim_name=section.name,
            element=el.name,
            expected=el.expected_evidence,
            present=present,
            missing=not present,
        ))
    return checks
