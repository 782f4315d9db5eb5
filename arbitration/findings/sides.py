"""Who is the worker and who the employer, whatever their procedural roles (an employer often sues against an
award), and how each is named: 申请人/被申请人 before a commission, 原告/被告 in court."""

from __future__ import annotations

from dataclasses import dataclass

from arbitration.model import Case, ClaimantSide, PartyKind, PartyRole, Side

ROLE_WORDS = {"commission": ("申请人", "被申请人"), "court": ("原告", "被告")}


@dataclass(frozen=True)
class Sides:
    """The worker's and the employer's side in this case and the words that name them."""

    worker: Side
    employer: Side
    applicant_word: str  # 申请人 / 原告
    respondent_word: str  # 被申请人 / 被告

    def word(self, side: Side) -> str:
        return {Side.APPLICANT: self.applicant_word, Side.RESPONDENT: self.respondent_word}.get(side, "")

    @property
    def worker_word(self) -> str:
        return self.word(self.worker)

    @property
    def employer_word(self) -> str:
        return self.word(self.employer)


def forum(case: Case) -> str:
    """"court" for a court case (原告/被告, 起诉状), else "commission" (the default)."""
    return "court" if case.forum == "court" else "commission"


def sides(case: Case) -> Sides:
    """The worker is the party who is a person against an organisation; when both or neither are, the side
    whose claims are the worker's (an employer suing against an award brings employer claims)."""
    app_kinds = {p.kind for p in case.parties_by_role(PartyRole.APPLICANT)}
    resp_kinds = {p.kind for p in case.parties_by_role(PartyRole.RESPONDENT)}
    worker = Side.APPLICANT
    if PartyKind.ORGANISATION in app_kinds and PartyKind.PERSON not in app_kinds and PartyKind.PERSON in resp_kinds:
        worker = Side.RESPONDENT
    elif app_kinds == resp_kinds or not (app_kinds and resp_kinds):
        if case.claims and all(c.claimant == ClaimantSide.EMPLOYER for c in case.claims):
            worker = Side.RESPONDENT
    employer = Side.RESPONDENT if worker == Side.APPLICANT else Side.APPLICANT
    app, resp = ROLE_WORDS[forum(case)]
    return Sides(worker, employer, app, resp)


def role_of(side: Side) -> PartyRole:
    return PartyRole.APPLICANT if side == Side.APPLICANT else PartyRole.RESPONDENT
