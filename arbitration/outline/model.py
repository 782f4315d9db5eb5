"""The pre-hearing outline (庭审要素提纲) as data: everything the arbitrator needs to steer a hearing, ready to render
as DOCX, Markdown or JSON. Texts are display-ready Chinese; missing values read 「待查明」, never a guess."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

MISSING = "待查明"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PartyLine(_Model):
    """One party as shown in the header, with legal representative and agents."""

    role: str  # 申请人 / 被申请人 / 第三人
    name: str
    kind: str  # 自然人 / 用人单位
    details: str = ""  # 性别、出生日期、信用代码 …
    representative: str | None = None  # 法定代表人 张三
    agents: list[str] = Field(default_factory=list)  # 「李四（律师，某某律师事务所）」


class Header(_Model):
    """Case header: 案号, commission, parties, 案由 and dates."""

    case_number: str = MISSING
    commission: str | None = None
    cause: str = MISSING
    region: str | None = None
    application_date: str = MISSING
    hearing_date: str = MISSING
    parties: list[PartyLine] = Field(default_factory=list)


class ClaimRow(_Model):
    """One 仲裁请求: type, amount requested, period and the original wording."""

    index: int
    type: str  # claim-type id
    type_name: str
    amount: Decimal | None = None
    amount_text: str = MISSING  # 「12,000.00元」 or 待查明 (未列明金额)
    period: str = ""  # 「2023-01-01至2023-06-30」, empty when the claim has none
    text: str  # original wording


class FactVersion(_Model):
    """One party's (or a document's) version of a fact with where it was read."""

    side: str  # 申请人 / 被申请人 / 证据 / 仲裁庭
    value: str
    source: str  # 「仲裁申请书.pdf 第1页」
    note: str | None = None
    quote: str | None = None


class FactRow(_Model):
    """A fact of the case: agreed (one value) or disputed (each side's version side by side)."""

    key: str  # Facts field name, e.g. "monthly_wage"
    name: str  # 月工资
    disputed: bool
    value: str = MISSING  # the agreed value; 待查明 when missing or disputed
    applicant: list[FactVersion] = Field(default_factory=list)
    respondent: list[FactVersion] = Field(default_factory=list)
    other: list[FactVersion] = Field(default_factory=list)  # documents, tribunal

    @property
    def versions(self) -> list[FactVersion]:
        return self.applicant + self.respondent + self.other


class ElementStatus(_Model):
    """An element to establish for a claim: proved by what, disputed, or 待查明."""

    name: str
    status: str  # 已有证据 / 有争议 / 待查明
    basis: list[str] = Field(default_factory=list)  # facts and evidence that bear on it, each with its source
    expected_evidence: list[str] = Field(default_factory=list)  # what usually proves it (taxonomy)


class Scenario(_Model):
    """One figure of an amount preview under one reading of the disputed facts."""

    label: str  # 「按申请人主张：月工资8000元」
    amount: Decimal
    amount_text: str
    formula: str
    steps: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)  # formatted citations
    inputs: dict[str, str] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


class AmountPreview(_Model):
    """The calculators' figures for a claim, what they depend on, and what is missing to compute them."""

    claim_type: str
    claim_name: str
    requested: str = MISSING
    depends_on: list[str] = Field(default_factory=list)  # 月工资、入职日期 …
    scenarios: list[Scenario] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)  # 「入职日期待查明，无法计算」
    note: str | None = None


class SimilarAward(_Model):
    """A precedent from the archive, citable by its case number."""

    case_number: str
    outcome: str  # 支持 / 部分支持 / 驳回 / 不予受理 / 不明
    requested: str = "—"
    granted: str = "—"
    region: str | None = None
    award_date: str | None = None
    score: float = 0.0
    reasons: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)


class Flag(_Model):
    """A verdict of the law layer (时效, 终局) with its reasons."""

    kind: str  # 仲裁时效 / 终局裁决
    claim_type: str | None = None
    claim_name: str | None = None
    verdict: str  # e.g. 「未超过时效」「可能已超过时效」「终局裁决」「非终局」「待查明」
    reasons: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)


class ClaimSection(_Model):
    """Everything about one claim type: elements, questions, flags, amounts and similar awards."""

    claim_type: str
    name: str
    claim_indices: list[int] = Field(default_factory=list)
    elements: list[ElementStatus] = Field(default_factory=list)
    questions_applicant: list[str] = Field(default_factory=list)
    questions_respondent: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    limitation: Flag | None = None
    finality: Flag | None = None
    amounts: AmountPreview | None = None
    similar: list[SimilarAward] = Field(default_factory=list)
    similar_note: str | None = None  # why there are none (类案检索不可用 / 未检索到)


class EvidenceCheck(_Model):
    """One line of the evidence checklist: an element, the evidence that usually proves it, what the file has."""

    claim_name: str
    element: str
    expected: list[str] = Field(default_factory=list)
    present: list[str] = Field(default_factory=list)  # evidence in the file bearing on it, with source
    missing: bool  # nothing in the file for it


class Outline(_Model):
    """The whole 庭审要素提纲."""

    header: Header
    claims: list[ClaimRow]
    undisputed: list[FactRow] = Field(default_factory=list)
    disputed: list[FactRow] = Field(default_factory=list)
    missing_facts: list[str] = Field(default_factory=list)  # names of facts nobody stated
    sections: list[ClaimSection] = Field(default_factory=list)
    finality: Flag | None = None  # the case-level 终局 verdict
    evidence: list[EvidenceCheck] = Field(default_factory=list)
    evidence_in_file: list[str] = Field(default_factory=list)  # the 证据目录 as listed
    archive_note: str | None = None  # 「类案检索不可用：…」 when no archive
    warnings: list[str] = Field(default_factory=list)
    generated_on: date
    generated_at: datetime | None = None
