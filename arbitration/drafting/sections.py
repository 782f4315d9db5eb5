"""The parts of an award around the reasoning: parties block, procedural history, claims, defence, evidence and
cross-examination, 本委查明, the ruling's lead-in and the finality notice — each a list of Paragraphs with its source."""

from __future__ import annotations

import re
from typing import Any

from arbitration.drafting.text import PENDING, TO_FILL, ymd
from arbitration.findings.text import fact_sentence, show_value  # noqa: F401  (re-exported)
from arbitration.model import (
    BASIS_NAMES,
    DOC_TYPE_NAMES,
    FACT_NAMES,
    Award,
    Basis,
    Case,
    DocType,
    Fact,
    Findings,
    Paragraph,
    Party,
    PartyKind,
    PartyRole,
    ReviewState,
    Side,
    SourceKind,
    Warning_,
)

E, H, T = SourceKind.EXTRACTED, SourceKind.HEARING, SourceKind.TEMPLATE
ROLE_NAMES = {PartyRole.APPLICANT: "申请人", PartyRole.RESPONDENT: "被申请人", PartyRole.THIRD_PARTY: "第三人"}
SIDE_NAMES = {Side.APPLICANT: "申请人", Side.RESPONDENT: "被申请人", Side.EVIDENCE: "证据", Side.TRIBUNAL: "仲裁庭"}


def party_name(case: Case, role: PartyRole) -> str:
    names = [p.name for p in case.parties_by_role(role)]
    return "、".join(names) if names else TO_FILL


COURT_ROLE_NAMES = {PartyRole.APPLICANT: "原告", PartyRole.RESPONDENT: "被告", PartyRole.THIRD_PARTY: "第三人"}


def _party(p: Party, roles: dict[PartyRole, str] = ROLE_NAMES) -> list[Paragraph]:
    bits: list[str] = []
    if p.kind == PartyKind.PERSON:
        bits += [x for x in (p.gender, p.birth_date and f"{ymd(p.birth_date)}出生", p.ethnicity) if x]
        if p.id_number and p.id_number_valid is not False:
            bits.append(f"公民身份号码{p.id_number}")
        if p.address:
            bits.append(f"住{p.address}")
    else:
        if p.address:
            bits.append(f"住所地{p.address}")
        if p.credit_code and p.credit_code_valid is not False:
            bits.append(f"统一社会信用代码{p.credit_code}")
    out = [Paragraph(text=f"{roles[p.role]}：{p.name}" + (f"，{'，'.join(bits)}" if bits else "") + "。",
                     source=E, refs=[p.source.file] if p.source else [])]
    if p.legal_representative:
        lr = p.legal_representative
        label = "法定代表人" if (lr.kind or "法定代表人") == "法定代表人" else lr.kind
        out.append(Paragraph(text=f"{label}：{lr.name}" + (f"，{lr.firm}" if lr.firm else "") + "。", source=E))
    for a in p.agents:
        tail = "，".join(x for x in (a.firm, a.kind) if x)
        out.append(Paragraph(text=f"委托代理人：{a.name}" + (f"，{tail}" if tail else "") + "。", source=E))
    return out


def _role_of(segment: Any) -> str:
    role = str(getattr(segment, "role", "") or "").lower()
    if "被申请" in role or "respondent" in role:
        return "被申请人"
    if "申请" in role or "applicant" in role:
        return "申请人"
    if "仲裁" in role or "arbitrator" in role:
        return "仲裁员"
    return "其他"


def procedure(case: Case, record: list[Any] | None) -> list[Paragraph]:
    app, resp = party_name(case, PartyRole.APPLICANT), party_name(case, PartyRole.RESPONDENT)
    text = (f"申请人{app}与被申请人{resp}{case.cause or '劳动争议'}一案，申请人于{ymd(case.application_date)}"
            f"向本委申请仲裁，本委于{ymd(case.acceptance_date)}受理后，依法组成仲裁庭，"
            f"于{ymd(case.hearing_date)}公开开庭进行了审理。")
    out = [Paragraph(text=text, source=E)]
    if record:
        present = [r for r in ("申请人", "被申请人") if any(_role_of(s) == r for s in record)]
        absent = [r for r in ("申请人", "被申请人") if r not in present]
        line = "、".join(present) + "到庭参加了庭审" if present else "双方当事人均未到庭"
        if absent and present:
            line += f"，{'、'.join(absent)}经本委依法通知未到庭"
        out.append(Paragraph(text=f"{line}。本案现已审理终结。", source=H))
    else:
        out.append(Paragraph(text=f"到庭情况{TO_FILL}。本案现已审理终结。"))
    return out


def court_procedure(case: Case, record: list[Any] | None) -> list[Paragraph]:
    """The procedural history of a first-instance labour case in court (立案, 程序, 开庭)."""
    app, resp = party_name(case, PartyRole.APPLICANT), party_name(case, PartyRole.RESPONDENT)
    text = (f"原告{app}与被告{resp}{case.cause or '劳动争议'}一案，本院于{ymd(case.acceptance_date)}立案后，"
            f"依法适用{TO_FILL}程序，于{ymd(case.hearing_date)}公开开庭进行了审理。")
    out = [Paragraph(text=text, source=E)]
    if record:
        roles = {"申请人": "原告", "被申请人": "被告"}
        present = [roles[r] for r in roles if any(_role_of(s) == r for s in record)]
        line = "、".join(present) + "到庭参加诉讼" if present else "双方当事人均未到庭"
        out.append(Paragraph(text=f"{line}。本案现已审理终结。", source=H))
    else:
        out.append(Paragraph(text=f"到庭情况{TO_FILL}。本案现已审理终结。"))
    return out


def appeal_notice(award: Award) -> list[Paragraph]:
    """A first-instance judgment's closing: late-payment interest where money is ordered, the court fee
    (「待填写」: the court sets it) and the appeal notice."""
    out: list[Paragraph] = []
    if any(it.amount is not None for it in award.items):
        out.append(Paragraph(text="如果未按本判决指定的期间履行给付金钱义务，应当依法加倍支付迟延履行期间的债务利息。"))
    out.append(Paragraph(text=f"案件受理费{TO_FILL}元，由{TO_FILL}负担。"))
    out.append(Paragraph(text=(f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，"
                               f"上诉于{TO_FILL}中级人民法院。")))
    return out


def claims(case: Case) -> list[Paragraph]:
    out = []
    for i, c in enumerate(case.claims, 1):
        text = c.text.strip().rstrip("。；;")
        out.append(Paragraph(text=f"{c.index or i}.{text}；", source=E, refs=[c.source.file] if c.source else []))
    if out:
        out[-1].text = out[-1].text[:-1] + "。"
    else:
        out.append(Paragraph(text=f"仲裁请求{PENDING}。"))
    return out


def _statement(label: str, text: str | None, missing: str) -> list[Paragraph]:
    """A party's statement quoted as written, stopped where its closing (此致, signer, date) begins."""
    from arbitration.extract.signature import without_signature

    text = without_signature(text)
    if not text or not text.strip():
        return [Paragraph(text=f"{label}{missing}")]
    lines = [x.strip() for x in text.strip().splitlines() if x.strip()]
    return [Paragraph(text=label + lines[0], source=E)] + [Paragraph(text=x, source=E) for x in lines[1:]]


def _purpose(text: str) -> str:
    """「证明双方劳动关系。」 → 「双方劳动关系」 (the sentence already says 证明)."""
    text = text.strip().rstrip("。；;")
    return re.sub(r"^(?:用以|用于|拟)?证明[：:]?", "", text)


def evidence(case: Case, record: list[Any] | None, court: bool = False) -> list[Paragraph]:
    out: list[Paragraph] = []
    roles, body = (COURT_ROLE_NAMES, "本院") if court else (ROLE_NAMES, "本委")
    for role in (PartyRole.APPLICANT, PartyRole.RESPONDENT):
        label = roles[role]
        items = [e for e in case.evidence if e.submitted_by == role]
        if not items:
            continue
        listed = "；".join(f"{i}.{e.name}" + (f"，证明{_purpose(e.purpose)}" if e.purpose else "")
                          for i, e in enumerate(items, 1))
        out.append(Paragraph(text=f"{label}为支持其主张，向{body}提交了以下证据：{listed}。", source=E))
    other = [e for e in case.evidence if e.submitted_by is None]
    if other:
        out.append(Paragraph(text="案卷中另有以下证据材料：" + "；".join(e.name for e in other) + "。", source=E))
    if not out:
        out.append(Paragraph(text=f"双方提交的证据{TO_FILL}。"))
    said = [s for s in (record or []) if re.search(r"质证|真实性|认可|关联性|合法性", str(getattr(s, "text", "")))]
    if said:
        for s in said[:8]:
            out.append(Paragraph(text=f"庭审中，{_role_of(s)}称：{str(s.text).strip().rstrip('。')}。", source=H))
    else:
        out.append(Paragraph(text=f"经质证，双方的质证意见{TO_FILL}。"))
    return out


def _evidence_of(fact: Fact[Any]) -> str:
    idx = [fact.accepted] if fact.accepted is not None else range(len(fact.values))
    where = []
    for i in idx:
        s = fact.values[i].source
        name = DOC_TYPE_NAMES.get(DocType(s.doc_type)) if s.doc_type in set(DocType) else None
        where.append((f"{name}，" if name else "") + s.file + (f"第{s.page}页" if s.page else ""))
    return "、".join(dict.fromkeys(where))


def _version(v: Any, who: Any = None) -> str:
    """One party's version (「申请人主张…」) or what a document says (「劳动合同.pdf载明…」)."""
    if v.side == Side.EVIDENCE:
        return f"{v.source.file}载明{show_value(v.value)}"
    name = who.word(v.side) if who is not None and who.word(v.side) else SIDE_NAMES[v.side]
    return f"{name}主张{show_value(v.value)}"


def facts_found(case: Case, findings: Findings | None = None) -> tuple[list[Paragraph], list[Warning_]]:
    """本委查明 (经审理查明 in court): each fact as found — established, or proposed (拟认定, in its own colour, with
    its basis) — with its evidence; a fact with no basis for a finding stays 「待查明」 with every version."""
    from arbitration.drafting.decide import basis_line
    from arbitration.drafting.forum import of
    from arbitration.findings import find, sides

    findings = findings if findings is not None else find(case)
    who, body = sides(case), of(case).body
    out: list[Paragraph] = []
    warnings: list[Warning_] = []
    for name, fact in case.facts.items():
        label = FACT_NAMES.get(name, name)
        if not fact.known:
            continue
        p = findings.get(name)
        if p is not None and p.value_index is not None and p.value_index < len(fact.values):
            chosen = fact.model_copy(update={"accepted": p.value_index})
            sentence = p.text
            refs = [v.source.file for v in fact.values]
            if p.state == ReviewState.PROPOSED:
                out.append(Paragraph(text=f"{sentence}（拟认定，{BASIS_NAMES[p.basis]}：{p.reason}）。",
                                     source=SourceKind.PROPOSAL, refs=[basis_line(p)]))
                continue
            source = H if all(v.source.method.value == "hearing" for v in fact.values) else E
            text = f"{sentence}（证据：{_evidence_of(chosen)}）。"
            if p.basis == Basis.ESTABLISHED and fact.accepted is None:
                text = f"{sentence}。"
            elif fact.disputed or p.basis != Basis.ESTABLISHED:
                text = f"{sentence}，{body}对该事实予以采信（证据：{_evidence_of(chosen)}）。"
            out.append(Paragraph(text=text, source=source, refs=refs))
            continue
        if name in ("overtime", "annual_leave", "social_insurance") and _answered(findings, name):
            continue  # a statement of the parties, answered by the issue found below
        versions = "；".join(_version(v, who) for v in fact.values)
        why = findings.pending.get(name)
        out.append(Paragraph(text=f"关于{label}，{versions}，{PENDING}" + (f"（{why}）" if why and why not in versions
                                                                          else "") + "。",
                             source=E, refs=[v.source.file for v in fact.values]))
        warnings.append(Warning_(kind="disputed_fact",
                                 message=f"{label}尚无认定依据（{why or versions}），相关部分为{PENDING}。"))
    for p in findings.proposals:
        if p.is_fact or p.state == ReviewState.REJECTED:
            continue
        if p.state == ReviewState.PROPOSED:
            out.append(Paragraph(text=f"{p.text}（拟认定，{BASIS_NAMES[p.basis]}：{p.reason}）。",
                                 source=SourceKind.PROPOSAL, refs=[basis_line(p)]))
        else:
            out.append(Paragraph(text=f"{p.text}。", source=E, refs=[s.file for s in p.sources]))
    if not out:
        out.append(Paragraph(text=f"本案事实{PENDING}。"))
    return out, warnings


def _answered(findings: Findings, name: str) -> bool:
    issue = {"overtime": "issue:overtime", "annual_leave": "issue:annual_leave"}.get(name)
    return issue is not None and findings.get(issue) is not None


def finality_notice(award: Award) -> list[Paragraph]:
    """The notice by item: 终局 items (调解仲裁法第四十七条、第四十八条、第四十九条) and the others (第五十条)."""
    from arbitration.drafting.text import cn_number

    items = award.items
    final = [i for i, it in enumerate(items, 1) if it.final]
    other = [i for i, it in enumerate(items, 1) if not it.final]
    nums = lambda xs: "、".join(f"第{cn_number(i)}项" for i in xs)  # noqa: E731
    out: list[Paragraph] = []
    if final:
        out.append(Paragraph(text=(
            f"本裁决{nums(final)}为终局裁决，根据《中华人民共和国劳动争议调解仲裁法》第四十七条的规定，"
            f"裁决书自作出之日起发生法律效力。劳动者对该终局裁决不服的，可以自收到本裁决书之日起十五日内"
            f"向人民法院提起诉讼（《中华人民共和国劳动争议调解仲裁法》第四十八条）。用人单位有证据证明该终局裁决有"
            f"《中华人民共和国劳动争议调解仲裁法》第四十九条第一款规定情形之一的，可以自收到本裁决书之日起三十日内"
            f"向仲裁委员会所在地的中级人民法院申请撤销裁决。"
        )))
    if other:
        which = "本裁决" if not final else f"本裁决{nums(other)}"
        out.append(Paragraph(text=(
            f"当事人对{which}不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，"
            f"裁决书发生法律效力（《中华人民共和国劳动争议调解仲裁法》第五十条）。"
        )))
    return out


def build_sections(award: Award, case: Case, record: list[Any] | None = None) -> dict[str, list[Paragraph]]:
    """Every part around the reasoning, in the wording of the case's forum (裁决书 or 民事判决书)."""
    court = award.forum == "court"
    roles = COURT_ROLE_NAMES if court else ROLE_NAMES
    parties = [p for role in (PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY)
               for party in case.parties_by_role(role) for p in _party(party, roles)]
    return {
        "parties": parties or [Paragraph(text=f"当事人{PENDING}。")],
        "procedure": court_procedure(case, record) if court else procedure(case, record),
        "claims": claims(case),
        "applicant_reasons": _statement("事实和理由：", case.applicant_statement, f"{TO_FILL}。"),
        "defence": _statement(f"{roles[PartyRole.RESPONDENT]}辩称：", case.respondent_statement, f"{TO_FILL}。"),
        "evidence": evidence(case, record, court),
        "finality": appeal_notice(award) if court else finality_notice(award),
    }
