"""The findings stage, between the Case and the decisions (files → Case → Findings → decisions → award): for
every fact and issue a claim needs, a proposed finding (「拟认定」) with its basis and sources, or 「待查明」.

    findings = find(case, record)          # Findings: proposals (established / agreed / evidence / burden)
    settled = settle(case, findings)       # the Case with each fact as found: what decisions read
    case = review(case, ["monthly_wage"])  # the arbitrator accepts (or, accept=False, rejects) proposals
"""

from __future__ import annotations

from typing import Any

from arbitration.findings.admissions import Stance, stances_in, stances_in_record
from arbitration.findings.facts import Context, propose_fact
from arbitration.findings.issues import ISSUES
from arbitration.findings.sides import Sides, sides
from arbitration.findings.text import PENDING
from arbitration.model import (
    FACT_NAMES,
    Basis,
    Case,
    Fact,
    Findings,
    Proposal,
    Provenance,
    ReviewState,
    Side,
)


def _statement_source(case: Case, kind: str, label: str) -> Provenance:
    ref = next((d for d in case.documents if d.doc_type.value == kind), None)
    return Provenance(file=ref.file if ref else label, doc_type=kind, start=0)


def stances(case: Case, record: list[Any] | None = None) -> list[Stance]:
    """Every admission and dispute in the parties' statements, the tribunal's findings (which report what a party
    admitted: 「某科技公司认可张某加班事实」) and the hearing record."""
    from arbitration.model import PartyRole

    names = {p.name: Side.APPLICANT if p.role == PartyRole.APPLICANT else Side.RESPONDENT
             for p in case.parties if p.role != PartyRole.THIRD_PARTY}
    found = _statement_source(case, "other", "庭审查明").model_copy(update={"part": "findings"})
    return [
        *stances_in(case.applicant_statement, Side.APPLICANT,
                    _statement_source(case, "application", "申请书"), names),
        *stances_in(case.respondent_statement, Side.RESPONDENT, _statement_source(case, "defence", "答辩意见"), names),
        *(s for s in stances_in(case.tribunal_statement, Side.TRIBUNAL, found, names) if s.side != Side.TRIBUNAL),
        *stances_in_record(record),
    ]


def needed_facts(case: Case) -> list[str]:
    """The Facts fields the case's claims need (the taxonomy's elements), in the order of Facts."""
    from arbitration.law import taxonomy

    tax = taxonomy()
    want = {f for c in case.claims if c.type in tax for f in tax.get(c.type).facts}
    return [name for name, _ in case.facts.items() if name in want]


def _reviewed(p: Proposal, case: Case) -> Proposal:
    if p.is_fact and p.basis == Basis.ESTABLISHED and getattr(case.facts, p.id).accepted is not None:
        return p  # the arbitrator's own adoption of a version, made after any earlier rejection
    state = case.reviews.get(p.id)
    if state is not None and state != ReviewState.PROPOSED:
        p.state = ReviewState(state)
    return p


def find(case: Case, record: list[Any] | None = None) -> Findings:
    """Propose a finding for every fact stated in the case and every issue its claims turn on; facts and issues
    with no basis (or whose proposal the arbitrator rejected) are listed in `pending` with the reason."""
    ctx = Context(case, stances(case, record), sides(case))
    out = Findings()
    for name, fact in case.facts.items():
        result = propose_fact(ctx, name)
        if case.reviews.get(name) == ReviewState.ACCEPTED and fact.accepted is not None:
            result = _as_proposed(ctx, name, fact.accepted) or result
        _add(out, case, name, result)
    settled = settle(case, out)
    claim_types = {c.type for c in case.claims}
    for issue in ISSUES:
        if "*" in issue.claim_types and case.claims or claim_types & set(issue.claim_types):
            _add(out, case, issue.id, issue.find(ctx, settled))
    for name in needed_facts(case):
        if out.get(name) is None and name not in out.pending:
            out.pending[name] = "案卷中未见"
    return out


def _as_proposed(ctx: Context, name: str, accepted: int) -> Proposal | None:
    """A proposal the arbitrator accepted keeps its basis (证据认定, 举证责任 …) rather than reading as a bare
    adoption: the finding is proposed again without the adoption and, when it is the same version, kept."""
    case = ctx.case.model_copy(deep=True)
    getattr(case.facts, name).accepted = None
    again = propose_fact(Context(case, ctx.stances, ctx.sides), name)
    if isinstance(again, Proposal) and again.value_index == accepted:
        again.state = ReviewState.ACCEPTED
        return again
    return None


def _add(out: Findings, case: Case, pid: str, result: Proposal | str | None) -> None:
    if isinstance(result, Proposal):
        p = _reviewed(result, case)
        out.proposals.append(p)
        if p.state == ReviewState.REJECTED:
            out.pending[pid] = f"仲裁员未采信拟认定的「{p.text}」"
    elif isinstance(result, str):
        out.pending[pid] = result


def settle(case: Case, findings: Findings) -> Case:
    """The case with every fact as found: the proposed version accepted; a fact with no standing proposal
    emptied, so no decision rests on it (「待查明」)."""
    from arbitration.findings.told import applied_on, region_named

    settled = case.model_copy(deep=True)
    settled.application_date = applied_on(case)  # a court case tells when the arbitration was applied for
    settled.region = region_named(case)  # … and before which commission (the city whose figures apply)
    for name, fact in settled.facts.items():
        p = findings.get(name)
        if p is not None and p.value_index is not None and p.value_index < len(fact.values):
            fact.accepted = p.value_index
        elif fact.values:
            setattr(settled.facts, name, type(fact)())
    return settled


def review(case: Case, ids: list[str] | str, accept: bool = True, findings: Findings | None = None) -> Case:
    """The arbitrator accepts (采信) or rejects proposals by id, or all of them ("all"); returns the updated Case.

    Accepting a fact's proposal adopts that version (Fact.accepted); rejecting one returns the fact to
    「待查明」 (and drops an adoption made by accepting it). Unknown ids raise KeyError naming them."""
    findings = findings or find(case)
    known = {p.id: p for p in findings.proposals}
    wanted = list(known) if ids == "all" else list(ids)
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise KeyError(f"没有这些拟认定事项：{'、'.join(unknown)}；现有：{'、'.join(known) or '无'}")
    case = case.model_copy(deep=True)
    for pid in wanted:
        p = known[pid]
        case.reviews[pid] = ReviewState.ACCEPTED if accept else ReviewState.REJECTED
        if p.is_fact:
            fact: Fact[Any] = getattr(case.facts, pid)
            if accept and p.value_index is not None:
                fact.accepted = p.value_index
            elif not accept and fact.accepted == p.value_index:
                fact.accepted = None
    return case


def label(pid: str) -> str:
    """「月工资」 for "monthly_wage", the issue's label for "issue:…"."""
    if pid in FACT_NAMES:
        return FACT_NAMES[pid]
    return next((i.label for i in ISSUES if i.id == pid), pid)


__all__ = ["PENDING", "Sides", "find", "label", "needed_facts", "review", "settle", "sides", "stances"]
