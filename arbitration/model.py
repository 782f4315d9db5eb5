"""The typed domain model every stage reads and writes: files → Document → Case → outline/award.

All models are pydantic v2 and round-trip through JSON (`Case.model_validate_json(case.model_dump_json())`).
Claim types are string ids from the claim taxonomy (`arbitration.law.taxonomy`), so an office can add one in
data without touching this module.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# ---------------------------------------------------------------- provenance


class Method(StrEnum):
    """How a piece of text was obtained."""

    TEXT_LAYER = "text_layer"  # PDF text layer (pdfplumber)
    OCR = "ocr"  # scanned page or image
    DOCX = "docx"  # python-docx (or .doc converted by LibreOffice)
    TXT = "txt"  # plain text file
    HEARING = "hearing"  # hearing record (live clerk)
    MANUAL = "manual"  # typed or corrected by a user
    COMPUTED = "computed"  # derived by a calculator or rule


class Provenance(_Model):
    """Where a value came from, so an arbitrator can check it: file, page, character span, method."""

    file: str  # path relative to the case folder
    page: int | None = None  # 1-based page; None for formats without pages
    start: int | None = None  # character offset in that page's text
    end: int | None = None
    method: Method = Method.TEXT_LAYER
    confidence: float = 1.0  # 0..1; OCR line confidence × rule confidence
    quote: str | None = None  # the exact source text the value was read from
    doc_type: str | None = None  # DocType of the source document
    extractor: str | None = None  # rule or component name that produced the value
    part: str | None = None  # the part of a statement file it was read in: "statement", "defence", "findings" …


# ---------------------------------------------------------------- documents (ingest output)


class DocType(StrEnum):
    """Kinds of document in a case file."""

    APPLICATION = "application"  # 仲裁申请书
    DEFENCE = "defence"  # 答辩书 / 答辩意见
    EVIDENCE_LIST = "evidence_list"  # 证据目录 / 证据清单
    CONTRACT = "contract"  # 劳动合同
    WAGE_RECORD = "wage_record"  # 工资条 / 银行流水
    TERMINATION_NOTICE = "termination_notice"  # 解除/终止劳动合同通知
    IDENTITY = "identity"  # 身份证明 / 营业执照
    HEARING_RECORD = "hearing_record"  # 庭审笔录
    AWARD = "award"  # 裁决书 / 判决书 (precedents)
    PLEADINGS = "pleadings"  # 诉辩材料: statements in running text, often both sides' in one file (原告诉称 … 被告辩称)
    OTHER = "other"


DOC_TYPE_NAMES: dict[DocType, str] = {
    DocType.APPLICATION: "仲裁申请书",
    DocType.DEFENCE: "答辩书",
    DocType.EVIDENCE_LIST: "证据目录",
    DocType.CONTRACT: "劳动合同",
    DocType.WAGE_RECORD: "工资条/银行流水",
    DocType.TERMINATION_NOTICE: "解除/终止通知",
    DocType.IDENTITY: "身份证明",
    DocType.HEARING_RECORD: "庭审笔录",
    DocType.AWARD: "裁决书",
    DocType.PLEADINGS: "诉辩材料",
    DocType.OTHER: "其他材料",
}


class Line(_Model):
    """One recognised line (OCR) with its confidence and box in page pixels (x0, y0, x1, y1)."""

    text: str
    confidence: float = 1.0
    box: tuple[float, float, float, float] | None = None


class Table(_Model):
    """A table as rows of cell strings (wage slips, bank statements, evidence lists)."""

    rows: list[list[str]]
    page: int | None = None
    title: str | None = None


class Page(_Model):
    """One page of a document: reading-order text, how it was obtained, OCR lines and tables."""

    number: int  # 1-based
    text: str
    method: Method
    confidence: float = 1.0  # mean line confidence for OCR, 1.0 otherwise
    lines: list[Line] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)


class Section(_Model):
    """A titled part of a document (仲裁请求, 事实与理由 …) as a span of one page's text."""

    title: str
    page: int
    start: int
    end: int


class Document(_Model):
    """One ingested file: its classified type, pages and sections."""

    file: str  # path relative to the case folder
    sha256: str
    doc_type: DocType = DocType.OTHER
    type_confidence: float = 0.0
    pages: list[Page] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    def section_text(self, title: str) -> str | None:
        for s in self.sections:
            if s.title == title:
                return self.pages[s.page - 1].text[s.start : s.end]
        return None


# ---------------------------------------------------------------- facts


class Side(StrEnum):
    """Who asserts a version of a fact."""

    APPLICANT = "applicant"
    RESPONDENT = "respondent"
    EVIDENCE = "evidence"  # a neutral document (contract, wage slip, notice)
    TRIBUNAL = "tribunal"  # found by the tribunal / entered by staff


T = TypeVar("T")


class FactValue(_Model, Generic[T]):
    """One version of a fact, from one source.

    What the tribunal found (经审理查明, 本院查明, 另查明) is a version of Side.TRIBUNAL whose source has
    part "findings": an established fact, not a party's word. An admission (自认: 「被告对此认可」「原告所述属实」
    「对…无异议」) is a version of the admitting side with the admitted value, note 「认可」 and the admitting
    sentence as its source (extractor "facts.admission"); so a fact one side states and the other admits has the
    same value from both sides and is agreed, not disputed. An agreement the findings record (「对被告主张的工资为
    3800元/月，原告予以认可」) is also the tribunal's version (extractor "findings.admitted", note 「双方无异议」)."""

    value: T
    source: Provenance
    side: Side = Side.EVIDENCE
    note: str | None = None  # how it was stated, e.g. 「税前应发」「实发」「口头约定」


class Fact(_Model, Generic[T]):
    """A fact with every version found. Disagreeing versions are kept and the fact marked disputed."""

    values: list[FactValue[T]] = Field(default_factory=list)
    disputed: bool = False  # set automatically when versions differ, or by a user
    accepted: int | None = None  # index into values chosen by the tribunal, if any

    def add(self, value: T, source: Provenance, side: Side = Side.EVIDENCE, note: str | None = None) -> None:
        """Add a version; never overwrites, marks the fact disputed when it differs from another."""
        if any(v.value == value and v.source == source for v in self.values):
            return
        if any(v.value != value for v in self.values):
            self.disputed = True
        item_type = type(self).model_fields["values"].annotation.__args__[0]  # FactValue[T] of this Fact[T]
        self.values.append(item_type(value=value, source=source, side=side, note=note))

    @property
    def known(self) -> bool:
        return bool(self.values)

    @property
    def value(self) -> T | None:
        """The accepted value, else the only value, else None (disputed and unresolved, or missing)."""
        if self.accepted is not None:
            return self.values[self.accepted].value
        distinct = {_hashable(v.value) for v in self.values}
        if len(distinct) == 1:
            return self.values[0].value
        return None

    def by_side(self, side: Side) -> list[FactValue[T]]:
        return [v for v in self.values if v.side == side]


def _hashable(v: Any) -> Any:
    if isinstance(v, BaseModel):
        return v.model_dump_json()
    return v


class TerminationInitiator(StrEnum):
    EMPLOYER = "employer"  # 用人单位解除/辞退
    EMPLOYEE = "employee"  # 劳动者辞职/被迫解除
    MUTUAL = "mutual"  # 协商一致
    EXPIRY = "expiry"  # 合同期满终止
    OTHER = "other"


class Termination(_Model):
    """How the employment ended: who ended it, how, and the stated reason."""

    initiator: TerminationInitiator
    mode: str  # e.g. 「辞退」「被迫解除」「协商一致解除」「合同期满不续签」「口头辞退」
    reason: str | None = None  # the stated reason, verbatim where possible
    statute_basis: str | None = None  # e.g. 「劳动合同法第三十九条」 when the notice names one
    notice_date: date | None = None


class ContractInfo(_Model):
    """Written labour contract: signed or not, when, and its term."""

    signed: bool
    signed_date: date | None = None
    term_start: date | None = None
    term_end: date | None = None
    open_ended: bool = False  # 无固定期限


class WagePart(_Model):
    """One part of a wage as stated: 「基本工资4900元」「工龄工资450元」「话补100元」."""

    name: str
    amount: Decimal  # yuan per month


class WageComposition(_Model):
    """A monthly wage stated as its parts; `total` is their sum (the monthly wage as composed)."""

    parts: list[WagePart]
    total: Decimal

    def __str__(self) -> str:
        return "+".join(f"{p.name}{p.amount.normalize():f}元" for p in self.parts) + f"={self.total.normalize():f}元"


class WorkSchedule(_Model):
    """Working time stated as a schedule (「每天早8时至晚8时，每周工作六天」) and the hours it means against the
    standard of 8 hours a day and 40 a week: extended hours on working days and hours worked on rest days."""

    hours_per_day: Decimal | None = None
    days_per_week: Decimal | None = None
    hours_per_week: Decimal | None = None
    extended_hours_per_week: Decimal | None = None  # 延时: hours beyond 8 a day on the first five days
    rest_day_hours_per_week: Decimal | None = None  # 休息日: hours on days beyond five a week
    text: str = ""  # the schedule as written

    def __str__(self) -> str:
        def n(v: Decimal | None) -> str:
            return "?" if v is None else f"{v.normalize():f}"

        if self.hours_per_day is None and self.days_per_week is not None:  # 「每周六均上班」: the days, no hours
            return f"每周工作{n(self.days_per_week)}天（每天工作时间未载明）"
        out = f"每天{n(self.hours_per_day)}小时、每周{n(self.days_per_week)}天，每周{n(self.hours_per_week)}小时"
        if self.extended_hours_per_week is not None or self.rest_day_hours_per_week is not None:
            out += f"（延时{n(self.extended_hours_per_week)}小时、休息日{n(self.rest_day_hours_per_week)}小时）"
        return out


class Facts(_Model):
    """The facts an award turns on. Every field is a `Fact` that keeps each party's version with its source."""

    hire_date: Fact[date] = Field(default_factory=Fact[date])  # 入职日期
    leave_date: Fact[date] = Field(default_factory=Fact[date])  # 离职日期
    position: Fact[str] = Field(default_factory=Fact[str])  # 岗位
    workplace: Fact[str] = Field(default_factory=Fact[str])  # 工作地点
    monthly_wage: Fact[Decimal] = Field(default_factory=Fact[Decimal])  # 月工资; note says how it was stated
    written_contract: Fact[ContractInfo] = Field(default_factory=Fact[ContractInfo])  # 书面劳动合同
    social_insurance: Fact[str] = Field(default_factory=Fact[str])  # 社会保险缴纳情况
    overtime: Fact[str] = Field(default_factory=Fact[str])  # 加班情况 (as stated)
    annual_leave: Fact[str] = Field(default_factory=Fact[str])  # 年休假情况
    termination: Fact[Termination] = Field(default_factory=Fact[Termination])  # 解除/终止
    wage_parts: Fact[WageComposition] = Field(default_factory=Fact[WageComposition])  # 工资构成, when stated in parts
    working_hours: Fact[WorkSchedule] = Field(default_factory=Fact[WorkSchedule])  # 工作时间 as a schedule
    injury: Fact[str] = Field(default_factory=Fact[str])  # 工伤/受伤情况 (as stated)

    def items(self) -> list[tuple[str, Fact[Any]]]:
        return [(name, getattr(self, name)) for name in type(self).model_fields]


FACT_NAMES: dict[str, str] = {
    "hire_date": "入职日期",
    "leave_date": "离职日期",
    "position": "工作岗位",
    "workplace": "工作地点",
    "monthly_wage": "月工资",
    "written_contract": "书面劳动合同",
    "social_insurance": "社会保险",
    "overtime": "加班情况",
    "annual_leave": "年休假",
    "termination": "解除/终止劳动关系",
    "wage_parts": "工资构成",
    "working_hours": "工作时间",
    "injury": "工伤情况",
}


# ---------------------------------------------------------------- parties, claims, evidence


class PartyRole(StrEnum):
    APPLICANT = "applicant"  # 申请人
    RESPONDENT = "respondent"  # 被申请人
    THIRD_PARTY = "third_party"  # 第三人


class PartyKind(StrEnum):
    PERSON = "person"  # 自然人
    ORGANISATION = "organisation"  # 用人单位等组织


class Agent(_Model):
    """委托代理人 or 法定代表人/负责人."""

    name: str
    kind: str | None = None  # 「律师」「公民代理」「法定代表人」「职员」
    firm: str | None = None  # law firm or employer of the agent
    phone: str | None = None
    source: Provenance | None = None


class Party(_Model):
    """A party: natural person (gender, birth date, ID number) or organisation (credit code, legal representative)."""

    role: PartyRole
    kind: PartyKind
    name: str
    gender: str | None = None  # 男 / 女
    birth_date: date | None = None
    ethnicity: str | None = None  # 民族
    id_number: str | None = None  # 公民身份号码
    id_number_valid: bool | None = None  # check digit verified; False means flagged, not trusted
    credit_code: str | None = None  # 统一社会信用代码
    credit_code_valid: bool | None = None
    address: str | None = None
    phone: str | None = None
    legal_representative: Agent | None = None  # 法定代表人 / 主要负责人
    agents: list[Agent] = Field(default_factory=list)  # 委托代理人
    source: Provenance | None = None
    aliases: list[str] = Field(default_factory=list)  # other spellings of its name in the file (简称 「新侨国际公司」)


class ClaimantSide(StrEnum):
    """Whose claim it is, whatever the party's procedural role (an employer often sues against an award)."""

    WORKER = "worker"  # 劳动者
    EMPLOYER = "employer"  # 用人单位 (「原告无需支付被告…」, 「确认原、被告之间不存在劳动关系」)


class ClaimVersion(_Model):
    """An earlier wording of a claim that a later one replaced (庭审中变更, 明确), kept as its history."""

    text: str
    amount: Decimal | None = None
    period_start: date | None = None
    period_end: date | None = None
    note: str | None = None  # how it was replaced: 「庭审中变更」「明确」
    source: Provenance | None = None


class Claim(_Model):
    """One 仲裁请求 item: its type from the taxonomy, amount, period and the original wording.

    An item asking for several sums (「工资441.72元、冬煤费70元」) gives one Claim per sum, all with the item's
    `index` and parts 1, 2 …; a request changed at the hearing keeps the later wording, the earlier in `history`;
    a withdrawn request (撤回) stays with `withdrawn` set."""

    type: str  # claim-type id from the taxonomy, e.g. "severance"; "other" when unrecognised
    claimant: ClaimantSide = ClaimantSide.WORKER  # every later stage must know whose claim it is
    text: str  # the original wording
    amount: Decimal | None = None  # requested amount in yuan, None when not stated
    period_start: date | None = None
    period_end: date | None = None
    index: int | None = None  # its number in the application (1-based)
    type_confidence: float = 1.0
    source: Provenance | None = None
    part: int | None = None  # 1-based position among the sums of one item (same index); None: the item is one claim
    withdrawn: bool = False  # 撤回/放弃 at the hearing or in writing: kept for the record, not decided on the merits
    history: list[ClaimVersion] = Field(default_factory=list)  # earlier wordings replaced by this one, oldest first


class EvidenceItem(_Model):
    """One entry of an evidence list (证据目录)."""

    name: str
    purpose: str | None = None  # 证明目的
    submitted_by: PartyRole | None = None
    pages: str | None = None  # e.g. 「第1-3页」
    original: bool | None = None  # 原件/复印件
    file: str | None = None  # the case file that holds it, when found
    source: Provenance | None = None


class DocumentRef(_Model):
    """A file of the case as ingested: path, hash, type and how it was read."""

    file: str
    sha256: str
    doc_type: DocType
    pages: int
    methods: list[Method] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ReviewState(StrEnum):
    """The arbitrator's review of a proposed finding (arbitration.findings)."""

    PROPOSED = "proposed"  # 拟认定, not yet reviewed
    ACCEPTED = "accepted"  # 采信: the finding stands
    REJECTED = "rejected"  # 不予采信: the fact returns to 「待查明」


class Case(_Model):
    """A labour-dispute case as read from its file."""

    schema_version: int = SCHEMA_VERSION
    case_number: str | None = None  # 案号, e.g. 青劳人仲案字〔2024〕第123号
    commission: str | None = None  # 仲裁委员会名称
    region: str | None = None  # city for regional parameters, e.g. 「青岛市」
    cause: str | None = None  # 案由, e.g. 「劳动争议」
    application_date: date | None = None  # 申请日期
    acceptance_date: date | None = None  # 受理日期
    hearing_date: date | None = None  # 开庭日期
    parties: list[Party] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    facts: Facts = Field(default_factory=Facts)
    evidence: list[EvidenceItem] = Field(default_factory=list)
    applicant_statement: str | None = None  # 事实与理由 as written
    respondent_statement: str | None = None  # 答辩意见 as written
    documents: list[DocumentRef] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    source_dir: str | None = None
    forum: str | None = None  # "commission" (仲裁: 申请人/被申请人) or "court" (诉讼: 原告/被告, 起诉状); None: unknown
    reviews: dict[str, ReviewState] = Field(default_factory=dict)  # proposal id → the arbitrator's accept/reject (findings)
    tribunal_statement: str | None = None  # 经审理查明 … as written in the file (a court's or a published case's findings)

    def parties_by_role(self, role: PartyRole) -> list[Party]:
        return [p for p in self.parties if p.role == role]

    @property
    def applicants(self) -> list[Party]:
        return self.parties_by_role(PartyRole.APPLICANT)

    @property
    def respondents(self) -> list[Party]:
        return self.parties_by_role(PartyRole.RESPONDENT)


# ---------------------------------------------------------------- law: citations and calculations


class Citation(_Model):
    """A structured reference to a statute article; resolves against the statute data (`arbitration.law.statutes`)."""

    law: str  # law id as in the statute data, e.g. "劳动合同法"
    article: int  # 条
    clause: int | None = None  # 款
    item: int | None = None  # 项

    def __str__(self) -> str:  # the short form used in logs; the law layer renders the Chinese form
        parts = [f"{self.law}第{self.article}条"]
        if self.clause:
            parts.append(f"第{self.clause}款")
        if self.item:
            parts.append(f"第{self.item}项")
        return "".join(parts)


class CalcResult(_Model):
    """A calculator's answer: the amount, the formula in Chinese, the steps with numbers, and the articles applied."""

    name: str  # calculator id, e.g. "severance"
    amount: Decimal  # rounded to the fen
    formula: str  # e.g. 「经济补偿=月工资×工作年限」
    steps: list[str] = Field(default_factory=list)  # each with the numbers put in
    articles: list[Citation] = Field(default_factory=list)
    inputs: dict[str, str] = Field(default_factory=dict)  # the facts it depends on, as strings
    notes: list[str] = Field(default_factory=list)  # rules applied (cap, 第97条 …)


# ---------------------------------------------------------------- findings (拟认定: proposed findings of fact)


class Basis(StrEnum):
    """Why a finding is proposed, by the rules of evidence (arbitration.findings)."""

    ESTABLISHED = "established"  # 经审理查明, or the arbitrator's adoption (采信): overrides every proposal
    AGREED = "agreed"  # both sides state it, or one states it and the other admits it
    EVIDENCE = "evidence"  # documentary evidence outweighs a bare statement; an original a disputed copy
    BURDEN = "burden"  # the side with the burden of proof offered nothing and bears the consequence


BASIS_NAMES: dict[Basis, str] = {
    Basis.ESTABLISHED: "仲裁庭查明",
    Basis.AGREED: "双方无异议",
    Basis.EVIDENCE: "证据认定",
    Basis.BURDEN: "举证责任",
}


class Proposal(_Model):
    """One finding for a fact (a `Facts` field) or an issue a claim turns on (「加班事实是否存在」), with its basis."""

    id: str  # stable key: the Facts field name ("monthly_wage") or "issue:<name>" ("issue:overtime")
    label: str  # 「月工资」「加班事实」
    text: str  # the finding as a clause: 「申请人的月工资为7500元」
    basis: Basis
    reason: str  # why, in the words of awards (the comparison made, the rule followed)
    value_index: int | None = None  # for a fact: the version of case.facts.<id> found (the most precise kept)
    holds: bool | None = None  # for an issue: the answer found (True: 加班事实存在)
    amount: Decimal | None = None  # for an issue with a sum found (欠付工资数额), else None
    since: date | None = None  # for an issue with a day found (累计工作的起算日), else None
    sources: list[Provenance] = Field(default_factory=list)  # every version and statement it rests on
    articles: list[Citation] = Field(default_factory=list)  # rules of evidence applied (解释（一）第44条 …)
    state: ReviewState = ReviewState.PROPOSED  # established findings are ACCEPTED from the start

    @property
    def is_fact(self) -> bool:
        return not self.id.startswith("issue:")


class Findings(_Model):
    """What the findings stage proposes for one case: every fact and issue the claims need, found or pending."""

    proposals: list[Proposal] = Field(default_factory=list)  # not rejected ones first in the order they were made
    pending: dict[str, str] = Field(default_factory=dict)  # id → why no finding can be proposed (「待查明」)

    def get(self, pid: str) -> Proposal | None:
        """The finding for `pid` that stands (not rejected), or None."""
        return next((p for p in self.proposals if p.id == pid and p.state != ReviewState.REJECTED), None)


# ---------------------------------------------------------------- precedents (past awards)


class Outcome(StrEnum):
    GRANTED = "granted"  # 支持
    PARTLY = "partly"  # 部分支持
    DENIED = "denied"  # 驳回
    NOT_ACCEPTED = "not_accepted"  # 不予受理
    UNKNOWN = "unknown"


OUTCOME_NAMES: dict[Outcome, str] = {
    Outcome.GRANTED: "支持",
    Outcome.PARTLY: "部分支持",
    Outcome.DENIED: "驳回",
    Outcome.NOT_ACCEPTED: "不予受理",
    Outcome.UNKNOWN: "不明",
}


class PrecedentClaim(_Model):
    """One claim of a past award and how it was decided."""

    type: str
    text: str
    claimant: ClaimantSide = ClaimantSide.WORKER  # whose request (an employer suing against an award: 「原告无需支付…」)
    outcome: Outcome = Outcome.UNKNOWN  # relative to the claimant's request
    requested: Decimal | None = None
    granted: Decimal | None = None
    ordered: Decimal | None = None  # an employer's request: what the worker still gets on that item (0 = none)
    withdrawn: bool = False  # 撤回 before the decision: not decided on the merits (outcome not_accepted)
    reasoning: str | None = None  # the 本委认为/本院认为 passage for this claim
    articles: list[Citation] = Field(default_factory=list)


class KeyFacts(_Model):
    """The facts similar-case matching compares."""

    monthly_wage: Decimal | None = None
    tenure_months: float | None = None
    hire_date: date | None = None
    leave_date: date | None = None
    termination: TerminationInitiator | None = None
    termination_mode: str | None = None
    written_contract: bool | None = None


class Precedent(_Model):
    """A past award or judgment in the archive, parties masked (张某, 青岛某某公司)."""

    case_number: str
    kind: str = "award"  # "award" (裁决书) or "judgment" (判决书)
    commission: str | None = None  # commission or court
    award_date: date | None = None  # date of the award or judgment
    region: str | None = None
    applicant: str | None = None  # masked
    respondent: str | None = None  # masked
    claims: list[PrecedentClaim] = Field(default_factory=list)
    facts: KeyFacts = Field(default_factory=KeyFacts)
    articles: list[Citation] = Field(default_factory=list)
    facts_text: str | None = None  # 经审理查明 / 本委查明
    reasoning: str | None = None  # the whole 本委认为 part
    ruling_items: list[str] = Field(default_factory=list)  # 裁决如下 / 判决如下
    source_file: str | None = None
    sha256: str | None = None
    generated: bool = False  # made by arbitration.retrieval.generator (demo/test data): shown labelled, never cited


DEMO_LABEL = "演示数据（非真实案例）"  # the label of generated precedents wherever they are shown


# ---------------------------------------------------------------- award (draft)


class SourceKind(StrEnum):
    """Where a paragraph of a draft came from (shown to the arbitrator for revision)."""

    EXTRACTED = "extracted"  # fact extracted from the case file
    HEARING = "hearing"  # hearing record
    CALCULATOR = "calculator"
    PRECEDENT = "precedent"
    LLM = "llm"
    TEMPLATE = "template"  # fixed wording of the template / rule composer
    PROPOSAL = "proposal"  # rests on a proposed finding (拟认定) the arbitrator has not yet accepted


class Paragraph(_Model):
    text: str
    source: SourceKind = SourceKind.TEMPLATE
    refs: list[str] = Field(default_factory=list)  # provenance or case numbers behind it


class RulingItem(_Model):
    """One numbered item of 裁决如下."""

    text: str
    claim_types: list[str] = Field(default_factory=list)
    amount: Decimal | None = None
    final: bool | None = None  # 终局裁决 item (调解仲裁法第47条)


class Warning_(_Model):
    kind: str  # e.g. "deviation", "missing_fact", "disputed_fact", "citation_removed", "llm_fallback"
    message: str
    claim_type: str | None = None
    refs: list[str] = Field(default_factory=list)


class ClaimDecision(_Model):
    """The draft's decision on one claim with its reasoning and calculation."""

    claim: Claim
    outcome: Outcome
    amount: Decimal | None = None
    calculation: CalcResult | None = None
    reasoning: list[Paragraph] = Field(default_factory=list)
    articles: list[Citation] = Field(default_factory=list)
    precedents: list[str] = Field(default_factory=list)  # case numbers cited


class Award(_Model):
    """A draft 仲裁裁决书 as data; rendered to DOCX by `arbitration.drafting`."""

    case_number: str | None = None
    commission: str | None = None
    decisions: list[ClaimDecision] = Field(default_factory=list)
    facts_found: list[Paragraph] = Field(default_factory=list)
    items: list[RulingItem] = Field(default_factory=list)
    warnings: list[Warning_] = Field(default_factory=list)
    composer: str = "rule"
    generated_at: datetime | None = None
    # drafting: the other parts of the award as paragraphs, by part name (parties, procedure, claims,
    # applicant_reasons, defence, evidence, ruling_intro, finality, consistency), so citation checks see all text
    sections: dict[str, list[Paragraph]] = Field(default_factory=dict)
    findings: Findings | None = None  # the findings the decisions rest on (拟认定 and 查明), for the review sheet
    forum: str = "commission"  # "commission": 仲裁裁决书; "court": 民事判决书 (from Case.forum)


__all__ = [name for name in dir() if not name.startswith("_") or name == "Warning_"]
