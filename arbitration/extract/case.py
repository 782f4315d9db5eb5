"""Documents → `Case`: parties, claims, statements, facts with provenance and side, evidence list.

Which document says what decides the side of each fact: the application speaks for the applicant, the defence
for the respondent, contracts, wage slips, notices and other files (情况说明, 聊天记录) are evidence, and a
published case's 基本案情 is the tribunal's finding. A document's type comes from its content (ingest's
classifier); a file name that says otherwise is reported in `Case.warnings`. Versions are added with `Fact.add`,
which keeps every version and marks disagreement; OCR-read values carry the recognised lines' confidence.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from arbitration.errors import IngestError
from arbitration.ingest.speech import ROLE_WORDS, Segment, is_court, role_of, segments
from arbitration.model import (
    DOC_TYPE_NAMES,
    Agent,
    Case,
    Claim,
    ClaimantSide,
    ClaimVersion,
    DocType,
    Document,
    DocumentRef,
    Fact,
    Party,
    PartyKind,
    PartyRole,
    Side,
)

from . import cues
from . import facts as F
from .claims import ClaimMention, claims_from_section, requests_in
from .evidence import evidence_from_table, evidence_from_text
from .parties import (
    COMMISSION_NAME,
    ORG_NAME,
    aliases,
    counted,
    is_placeholder,
    merge_party,
    name_mentions,
    parties_from_header,
    representatives,
    same_party,
    without_number,
    worker_role,
)
from .places import read_commission
from .rules import find_dates, find_money
from .signature import without_signature
from .text import DocText, guess_doc_type

log = logging.getLogger(__name__)

SPEECH_TYPES = (DocType.PLEADINGS, DocType.OTHER, DocType.AWARD, DocType.HEARING_RECORD)  # may hold both sides' statements and findings
SIDES: dict[DocType, Side] = {
    DocType.APPLICATION: Side.APPLICANT,
    DocType.DEFENCE: Side.RESPONDENT,
    DocType.CONTRACT: Side.EVIDENCE,
    DocType.WAGE_RECORD: Side.EVIDENCE,
    DocType.TERMINATION_NOTICE: Side.EVIDENCE,
    DocType.EVIDENCE_LIST: Side.EVIDENCE,
    DocType.IDENTITY: Side.EVIDENCE,
    DocType.HEARING_RECORD: Side.TRIBUNAL,
    DocType.AWARD: Side.TRIBUNAL,
    DocType.PLEADINGS: Side.APPLICANT,  # read segment by segment (诉称 / 辩称 / 查明); this is the fallback
    DocType.OTHER: Side.EVIDENCE,  # 情况说明, 聊天记录 …; a published case's 基本案情 is TRIBUNAL (see _side)
}
# marks of a published case or award: its facts are what the tribunal found
_PUBLISHED = re.compile(r"基本案情|处理结果|裁判结果|仲裁结果|案例分析|典型意义|本委认为|本院认为|经审理查明")


def _side(doc_type: DocType, text: str) -> Side:
    if doc_type is DocType.OTHER and _PUBLISHED.search(text):
        return Side.TRIBUNAL
    return SIDES[doc_type]


def name_type(file: str) -> DocType | None:
    """The document type a file's name announces (「答辩书.pdf」 → DEFENCE), by the ingest title patterns."""
    from arbitration.ingest.classify import (
        TITLE_PATTERNS,  # an earlier stage; imported lazily
    )

    stem = Path(file).stem
    if len(stem) > 20:
        return None  # a sentence-like name (a published case's title), not a document label
    matches = [(len(p), t) for p, t in TITLE_PATTERNS if p in stem]
    return max(matches)[1] if matches else None
_CASE_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,12}[〔\[（(［]\d{4}[〕\]）)］][\u4e00-\u9fa5]{0,8}?第?\s*\d+\s*号")


class _Builder:
    def __init__(self, documents: list[Document], source_dir: str | None) -> None:
        self.case = Case(source_dir=source_dir)
        self.docs: list[tuple[Document, DocText, DocType]] = []
        self.speech: dict[str, list[Segment]] = {}  # file → who speaks where, for statements in running text
        self.worker: PartyRole | None = None  # the procedural role of the worker (an employer may be the plaintiff)
        for d in documents:
            doc_type = guess_doc_type(d)
            warnings = list(d.warnings)
            named = None if _PUBLISHED.search(d.text[:3000]) else name_type(d.file)
            if named is not None and named is not doc_type:
                if doc_type is DocType.OTHER:
                    doc_type = named  # the content says nothing clear: the name is the best evidence left
                    warnings.append(f"内容无法识别类型，按文件名视为{DOC_TYPE_NAMES[named]}")
                else:
                    msg = (
                        f"文件「{d.file}」名称显示为{DOC_TYPE_NAMES[named]}，内容却是{DOC_TYPE_NAMES[doc_type]}，"
                        "已按内容处理，请核对"
                    )
                    warnings.append(msg)
                    self.case.warnings.append(msg)
            self.docs.append((d, DocText(d), doc_type))
            if doc_type in SPEECH_TYPES:
                found = segments(d.text)
                if any(seg.kind in ("statement", "defence", "absent", "findings") for seg in found):
                    self.speech[d.file] = found
            self.case.documents.append(
                DocumentRef(
                    file=d.file,
                    sha256=d.sha256,
                    doc_type=doc_type,
                    pages=len(d.pages),
                    methods=sorted({p.method for p in d.pages}),
                    warnings=warnings,
                )
            )

    def of_type(self, *types: DocType) -> list[tuple[Document, DocText, DocType]]:
        return [t for t in self.docs if t[2] in types]

    # ------------------------------------------------------------ parties

    def parties(self) -> None:
        self._speech_parties()
        for _, text, _ in self.of_type(DocType.APPLICATION):
            for p in parties_from_header(text):
                self._add_party(p)
        for _, text, _ in self.of_type(DocType.DEFENCE):
            for p in parties_from_header(text):
                self._add_party(p)
        if not self.case.parties:
            for _, text, _ in self.docs:
                for p in parties_from_header(text):
                    self._add_party(p)
        if not self.case.applicants or not self.case.respondents:
            self._parties_from_narrative()

    def _speech_parties(self) -> None:
        """Parties of statements in running text: the speakers (「原告孟祥梅诉称」「被告依莱尔公司、雅丽洁销售部共同辩称」
        「陈存强向本院提出诉讼请求」), names after a role word in the text (「被告北京新侨国际企业管理有限公司」), one
        party per name across its spellings; a side the file never names is its role word (「原告」)."""
        for document, text, _ in self.docs:
            segs = self.speech.get(document.file)
            if not segs:
                continue
            short = aliases(text.text)
            header = next((seg for seg in segs if seg.kind == "header"), None)
            if header is not None:  # 「原告：张三，男，…」 lines before the statements
                for party in parties_from_header(text, header.end):
                    self._add_party(party)
            for seg in segs:
                if not seg.is_party:
                    continue
                role = seg.role or self._role_of_names(seg.names) or (
                    PartyRole.APPLICANT if seg.kind == "statement" else PartyRole.RESPONDENT
                )
                at = seg.start + max(0, text.text.find(seg.speaker, seg.start, seg.body) - seg.start)
                for name in (without_number(n, role, text.text) for n in seg.names):
                    pos = text.text.find(name, at, seg.body)
                    self._prose_party(role, name, text, pos if pos >= 0 else at, "parties.speaker")
            for role, name, pos in name_mentions(text.text[: self._statements_end(segs)]):
                self._prose_party(role, name, text, pos, "parties.mention")
            for alias, full in short.items():
                for p in self.case.parties:
                    if alias != p.name and (same_party(full, p.name) or same_party(alias, p.name)):
                        if alias not in p.aliases:
                            p.aliases.append(alias)
            self.worker = worker_role(text.text, self.case.parties)
            statements = text.text[: self._statements_end(segs)]
            for role in (PartyRole.APPLICANT, PartyRole.RESPONDENT):
                if not any(s.is_party for s in segs):
                    break
                court = is_court(text.text)
                word = ("原告" if court else "申请人") if role is PartyRole.APPLICANT else ("被告" if court else "被申请人")
                kind = PartyKind.PERSON if role is (self.worker or PartyRole.APPLICANT) else PartyKind.ORGANISATION
                named = self.case.parties_by_role(role)
                if not named:
                    self.case.parties.append(Party(role=role, kind=kind, name=word))
                    self.case.warnings.append(f"未载明{word}的姓名或名称")
                for n in range(len(self.case.parties_by_role(role)) + 1, counted(statements).get(role, 0) + 1):
                    # 「二被告」 where the file names one: the other is a party all the same
                    ordinal = "二三四五"[n - 2]
                    kinds = {p.kind for p in named}
                    self.case.parties.append(Party(role=role, kind=kinds.pop() if len(kinds) == 1 else kind, name=f"{word}之{ordinal}"))
                    self.case.warnings.append(f"文中称有{n}名{word}，未载明第{ordinal}{word}的姓名或名称")
            self._representatives(text)

    def name_placeholders(self) -> None:
        """A worker the file calls only 「原告」 is often named in the requests (「依莱尔公司支付顾某某…」): the
        person every worker claim is paid to is the placeholder's name (kept as found, with its source)."""
        from .pipeline import lac_words

        for party in self.case.parties:
            if not is_placeholder(party) or party.kind is not PartyKind.PERSON or "之" in party.name:
                continue
            names: dict[str, Any] = {}
            for c in self.case.claims:
                if c.claimant is not ClaimantSide.WORKER or c.source is None:
                    continue
                quote = c.source.quote or ""
                for w in lac_words(quote):
                    before = quote[max(0, w.start - 2) : w.start]
                    if w.label == "PER" and re.search(r"(?:支付|给付|为|向|赔偿)$", before) and c.source.start is not None:
                        start = c.source.start + w.start
                        names.setdefault(w.text, c.source.model_copy(
                            update={"start": start, "end": start + len(w.text), "quote": w.text,
                                    "extractor": "parties.claim_object"}))  # fmt: skip
            known = {p.name for p in self.case.parties}
            if len(names) == 1 and not known & set(names):
                name, source = next(iter(names.items()))
                party.aliases.append(party.name)
                party.name = name
                party.source = source

    def _representatives(self, text: DocText) -> None:
        """Legal representatives and agents named in running text (「被告的法定代表人张涛」)."""
        for who, kind, name, start, end in representatives(text.text):
            party = next((p for p in self.case.parties if not is_placeholder(p) and p.name in who), None)
            if party is None:
                party = next((p for p in self.case.parties if any(a and a in who for a in p.aliases)), None)
            if party is None:
                role = role_of(who)
                same = self.case.parties_by_role(role) if role else []
                party = same[0] if len(same) == 1 else None
            if party is None or name == party.name:
                continue
            agent = Agent(name=name, kind=kind, source=text.provenance(start, end, "parties.representative", 0.8))
            if "代理人" in kind:
                if all(a.name != name for a in party.agents):
                    party.agents.append(agent)
            elif party.kind is PartyKind.ORGANISATION and party.legal_representative is None:
                party.legal_representative = agent

    @staticmethod
    def _statements_end(segs: list[Segment]) -> int:
        ends = [s.end for s in segs if s.is_party]
        return max(ends) if ends else 0

    def _role_of_names(self, names: list[str]) -> PartyRole | None:
        for p in self.case.parties:
            if any(same_party(n, p.name) or n in p.aliases for n in names):
                return p.role
        return None

    def _prose_party(self, role: PartyRole, name: str, text: DocText, pos: int, extractor: str) -> None:
        if role is None or not name or COMMISSION_NAME.search(name):
            return
        for p in self.case.parties:
            if p.role == role and (same_party(name, p.name) or name in p.aliases):
                if len(name) > len(p.name) and ORG_NAME.search(name):
                    p.aliases.append(p.name)  # the full name is the party's name, the short one an alias
                    p.name = name
                elif name != p.name and name not in p.aliases:
                    p.aliases.append(name)
                return
        if any(same_party(name, p.name) for p in self.case.parties):
            return  # named under another role (a counterclaim's 被告（原告）): one party
        if extractor == "parties.mention" and any(
            p.role == role and p.kind is PartyKind.PERSON and p.name.startswith(name) for p in self.case.parties
        ):
            return  # LAC cut a name short in one sentence (「王安」 of 「王安全」)
        kind = PartyKind.ORGANISATION if ORG_NAME.search(name) else PartyKind.PERSON
        source = text.provenance(pos, pos + len(name), extractor, 0.8)
        self.case.parties.append(Party(role=role, kind=kind, name=name, source=source))

    def _add_party(self, party: Party) -> None:
        for existing in self.case.parties:
            if existing.role == party.role and existing.name == party.name:
                merge_party(existing, party)
                return
        if party.role is PartyRole.RESPONDENT and self.case.respondents and party.source and (
            party.source.doc_type == DocType.DEFENCE
        ):
            # 答辩人 named differently from the application's 被申请人 (short name): keep both, warn
            self.case.warnings.append(f"答辩人「{party.name}」与被申请人名称不一致")
        self.case.parties.append(party)

    def _parties_from_narrative(self) -> None:
        """Published cases have no header: 「张某请求裁决某科技公司支付…」, else the first PER/ORG in the facts."""
        for _, text, _ in self.docs:
            claims = text.section("claims")
            if claims is None:
                continue
            body = text.text[claims.start : claims.end].strip()
            offset = claims.start + (len(text.text[claims.start : claims.end]) - len(text.text[claims.start : claims.end].lstrip()))
            subject = re.match(r"([\u4e00-\u9fa5]{1,4}?)(?:等(?:人)?)?(?:请求|要求|诉请)", body)
            if subject and not self.case.applicants and subject.group(1) not in ("申请人", "原告"):
                self._narrative_party(PartyRole.APPLICANT, subject.group(1), text, offset + subject.start(1), "parties.claim_subject")
            target = re.search(r"(?:裁决|判决|判令)(.{2,40}?)(?:连带|共同|继续|依法|向)?(?:支付|返还|补缴|承担|赔偿|退还)", body)
            if target and not self.case.respondents:
                names = [n for n in re.split(r"与|和|、|及", target.group(1)) if n]
                pos = offset + target.start(1)
                for n in names:
                    self._narrative_party(PartyRole.RESPONDENT, n, text, pos, "parties.claim_object")
                    pos += len(n) + 1
        if self.case.applicants and self.case.respondents:
            return
        from .pipeline import nlp

        for _, text, _ in self.docs:
            facts = text.section("facts")
            start, end = (facts.start, facts.end) if facts else (0, len(text.text))
            doc = nlp()(text.text[start:end])
            for ent in doc._.entities:
                if ent.label == "PER" and not self.case.applicants:
                    self._narrative_party(PartyRole.APPLICANT, ent.text, text, start + ent.start, "parties.lac_per")
                if ent.label == "ORG" and not self.case.respondents:
                    self._narrative_party(PartyRole.RESPONDENT, ent.text, text, start + ent.start, "parties.lac_org")

    def _narrative_party(self, role: PartyRole, name: str, text: DocText, start: int, extractor: str) -> None:
        if COMMISSION_NAME.search(name):
            return  # 「某区劳动人事争议仲裁委员会」: the tribunal, never a party
        kind = PartyKind.ORGANISATION if ORG_NAME.search(name) else PartyKind.PERSON
        source = text.provenance(start, start + len(name), extractor, 0.7)
        self.case.parties.append(Party(role=role, kind=kind, name=name, source=source))

    # ------------------------------------------------------------ header facts

    def header(self) -> None:
        for _, text, doc_type in self.docs:
            if self.case.case_number is None:
                m = _CASE_NUMBER.search(text.text)
                if m:
                    self.case.case_number = re.sub(r"\s+", "", m.group())
            if self.case.commission is None:
                if found := read_commission(text.text):  # division names read back from 仲裁委员会: no name glued on
                    self.case.commission, self.case.region = found
            if self.case.cause is None:
                m = re.search(r"案由[:：]\s*([\u4e00-\u9fa5、]{2,20}?)(?=[\s，。；,]|$)", text.text)
                if m:
                    self.case.cause = m.group(1)
            if doc_type is DocType.APPLICATION and self.case.application_date is None:
                closing = text.section("closing")
                tail = text.text[closing.start :] if closing else text.text[-80:]
                dates = [d for d in find_dates(tail) if d.date.precision == "day"]
                if dates:
                    self.case.application_date = dates[-1].date.value
            for label, field in (("受理", "acceptance_date"), ("开庭", "hearing_date")):
                if getattr(self.case, field) is None:
                    m = re.search(rf"{label}(?:日期|时间)[:：]?\s*", text.text)
                    dates = find_dates(text.text[m.end() : m.end() + 20]) if m else []
                    if dates and dates[0].date.precision == "day":
                        setattr(self.case, field, dates[0].date.value)

    # ------------------------------------------------------------ claims and statements

    def claims(self) -> None:
        self._speech_claims()
        if self.case.claims:
            return
        sources = self.of_type(DocType.APPLICATION) or self.docs
        for _document, text, _ in sources:
            if _document.file in self.speech:
                continue
            section = text.section("claims")
            if section is None:
                continue
            for c in claims_from_section(text.text[section.start : section.end], section.start):
                claimant = self._claimant_of_sentence(text.text, c.start, c.employer)
                self.case.claims.append(self._claim(c, text, claimant, "claims.item"))
            if self.case.claims:
                return
        if not self.case.claims:
            self.case.warnings.append("未找到诉讼请求" if self.case.forum == "court" else "未找到仲裁请求")

    def _speech_claims(self) -> None:
        """Requests in statements (诉称, 反诉, and a sued worker's demands in the defence), each with its claimant:
        the speaker's side, or the employer's for a request worded as one (「原告无需支付被告…」)."""
        for document, text, _ in self.docs:
            for seg in self.speech.get(document.file, []):
                if seg.kind not in ("statement", "defence"):
                    continue
                side = self._side_of_speaker(seg)
                if seg.kind == "defence" and side is not ClaimantSide.WORKER:
                    continue  # an employer's defence asks for nothing but dismissal
                body = text.text[seg.body : seg.end]
                found = requests_in(body, seg.body, defence=seg.kind == "defence", opens_with_request=seg.opens_with_request)
                for c in found:
                    claimant = ClaimantSide.EMPLOYER if c.employer and side is not ClaimantSide.WORKER else (
                        side or ClaimantSide.WORKER
                    )
                    if c.employer and side is None:
                        claimant = ClaimantSide.EMPLOYER
                    self.case.claims.append(self._claim(c, text, claimant))

    def _claimant_of_sentence(self, text: str, at: int, employer_words: bool) -> ClaimantSide:
        """A headed request's claimant: the party that asks (「某服务公司请求判决…」), else by its wording."""
        start = max(text.rfind("\n", 0, at), text.rfind("。", 0, at)) + 1
        subject = re.match(r"\s*(?P<who>[^，,：:。；\n]{2,40}?)(?:等人?)?(?:请求|要求|诉请|申请)", text[start : at + 1])
        if subject:
            who = subject.group("who")
            for p in self.case.parties:
                if not is_placeholder(p) and (p.name in who or any(a in who for a in p.aliases)):
                    return ClaimantSide.EMPLOYER if p.kind is PartyKind.ORGANISATION else ClaimantSide.WORKER
        return ClaimantSide.EMPLOYER if employer_words else ClaimantSide.WORKER

    def _side_of_speaker(self, seg: Segment) -> ClaimantSide | None:
        """Worker or employer: the speaker's party (a person is the worker), else the role the worker has."""
        party = None
        if seg.names:
            party = next((p for p in self.case.parties for n in seg.names if same_party(n, p.name) or n in p.aliases), None)
        if party is None and seg.role is not None:
            named = [p for p in self.case.parties_by_role(seg.role)]
            party = named[0] if len(named) == 1 else None
        if party is not None and not is_placeholder(party):
            return ClaimantSide.WORKER if party.kind is PartyKind.PERSON else ClaimantSide.EMPLOYER
        role = party.role if party is not None else seg.role
        if role is None or self.worker is None:
            return None
        return ClaimantSide.WORKER if role is self.worker else ClaimantSide.EMPLOYER

    @staticmethod
    def _claim(c: ClaimMention, text: DocText, claimant: ClaimantSide, extractor: str = "claims.request") -> Claim:
        history = [
            ClaimVersion(text=h.text, amount=h.amount, period_start=h.period_start, period_end=h.period_end, note=h.note,
                         source=text.provenance(h.start, h.end, "claims.history", 0.8))
            for h in c.history
        ]  # fmt: skip
        return Claim(
            type=c.type,
            claimant=claimant,
            text=c.text,
            amount=c.amount,
            period_start=c.period_start,
            period_end=c.period_end,
            index=c.index,
            type_confidence=c.confidence,
            source=text.provenance(c.start, c.end, extractor, c.confidence or 0.5),
            part=c.part,
            withdrawn=c.withdrawn,
            history=history,
        )

    def statements(self) -> None:
        for _, text, doc_type in self.docs:
            facts = text.section("facts")
            if facts and self.case.applicant_statement is None and doc_type in (DocType.APPLICATION, DocType.OTHER):
                self.case.applicant_statement = without_signature(text.text[facts.start : facts.end].strip())
        for _, text, _ in self.of_type(DocType.DEFENCE):
            start, end = self._defence_body(text)
            body = without_signature(text.text[start:end].strip())
            if body:
                self.case.respondent_statement = body
                break
        self._speech_statements()

    def _speech_statements(self) -> None:
        """Statements in running text (起诉状及答辩, a hearing file): each side's words as written, 「未作答辩」 kept (the
        findings stage reads that the side offered nothing), and the tribunal's findings (经审理查明)."""
        parts: dict[str, list[str]] = {"applicant": [], "respondent": [], "findings": []}
        for document, text, _ in self.docs:
            for seg in self.speech.get(document.file, []):
                said = text.text[seg.start : seg.end].strip()
                if seg.kind == "findings":
                    parts["findings"].append(said)
                elif seg.kind in ("statement", "defence", "absent"):
                    role = self._role_of_segment(seg)  # a bare name (「新大陆公司诉称」) by the party it names
                    if role in (PartyRole.APPLICANT, PartyRole.RESPONDENT):
                        parts[role.value].append(said)
        if parts["applicant"] and self.case.applicant_statement is None:
            self.case.applicant_statement = "\n".join(parts["applicant"])
        if parts["respondent"] and self.case.respondent_statement is None:
            self.case.respondent_statement = "\n".join(parts["respondent"])
        if parts["findings"]:
            self.case.tribunal_statement = "\n".join(parts["findings"])

    @staticmethod
    def _defence_body(text: DocText) -> tuple[int, int]:
        section = text.section("defence")
        start = section.start if section else text.header_end()
        if section is None:
            start = _body_start(text.text)
        closing = text.section("closing")
        end = closing.heading_start if closing and closing.heading_start > start else len(text.text)
        return start, end

    # ------------------------------------------------------------ facts

    def _fact_region(self, text: DocText, doc_type: DocType) -> tuple[int, int]:
        if doc_type is DocType.DEFENCE:
            return self._defence_body(text)
        facts = text.section("facts")
        if facts:
            return facts.start, facts.end
        if doc_type is DocType.APPLICATION:
            return text.header_end(), len(text.text)
        return 0, len(text.text)

    def facts(self) -> None:
        # a party is also named by its short name (「以下简称某某公司」): the acts told under it are that party's
        employers = [n for p in self.case.parties if self._is_employer(p) for n in (p.name, *p.aliases)]
        employees = [
            n for p in self.case.parties if p.role is not PartyRole.THIRD_PARTY and not self._is_employer(p) for n in (p.name, *p.aliases)
        ]
        court = self.case.forum == "court"
        words = F.PartyWords.for_names(
            [n for n in employers if n not in ROLE_WORDS and len(n) > 1], [n for n in employees if n not in ROLE_WORDS and len(n) > 1],
            employer_words=self._role_words(employer=True) if court else (),
            worker_words=self._role_words(employer=False) if court else (),
        )
        for document, text, doc_type in self.docs:
            if doc_type in (DocType.EVIDENCE_LIST, DocType.IDENTITY):
                continue
            for start, end, side, part in self._fact_regions(document, text, doc_type):
                self._facts_in(document, text, doc_type, start, end, side, part, words)
        self._dates_from_claims()
        self._admissions()

    def _dates_from_claims(self) -> None:
        """「确认…自2012年7月25日至2015年10月10日存在劳动关系」 states when the claimant says the employment began (and
        ended): its side's version when that side gives none elsewhere, or when the request was changed at the
        hearing (the later word of that side)."""
        for c in self.case.claims:
            if c.type != "labor_relation" or c.withdrawn or c.period_start is None or c.source is None:
                continue
            role = next((p.role for p in self.case.parties if self._side_of_party(p) is c.claimant), None)
            side = {PartyRole.APPLICANT: Side.APPLICANT, PartyRole.RESPONDENT: Side.RESPONDENT}.get(role)
            if side is None or "不存在" in c.text:
                continue
            source = c.source.model_copy(update={"extractor": "facts.hire_date.claim"})
            note = "确认劳动关系请求所述期间"
            if c.history or not self.case.facts.hire_date.by_side(side):
                self.case.facts.hire_date.add(c.period_start, source, side=side, note=note)
            if c.period_end and not self.case.facts.leave_date.by_side(side):
                self.case.facts.leave_date.add(c.period_end, source.model_copy(update={"extractor": "facts.leave_date.claim"}),
                                               side=side, note=note)  # fmt: skip

    def _side_of_party(self, party: Party) -> ClaimantSide:
        return ClaimantSide.EMPLOYER if self._is_employer(party) else ClaimantSide.WORKER

    def _is_employer(self, party: Party) -> bool:
        if self.worker is not None and is_placeholder(party):
            return party.role is not self.worker
        if self.worker is None and is_placeholder(party):
            return party.role is PartyRole.RESPONDENT
        return party.kind is PartyKind.ORGANISATION

    def _role_words(self, employer: bool) -> tuple[str, ...]:
        """The court role words that name the employer (or the worker) in this case's statements: 原告/被告, and
        上诉人/被上诉人 on appeal (arbitration.ingest.speech.ROLE_WORDS gives them the same roles)."""
        worker = self.worker or PartyRole.APPLICANT
        role = worker if not employer else (PartyRole.RESPONDENT if worker is PartyRole.APPLICANT else PartyRole.APPLICANT)
        return (r"原告", r"(?<!被)上诉人") if role is PartyRole.APPLICANT else (r"被告(?!处)", r"被上诉人(?!处)")

    def _fact_regions(self, document: Document, text: DocText, doc_type: DocType) -> list[tuple[int, int, Side, str | None]]:
        """(start, end, side, part) of each stretch to read facts from: in statements, each party's words as that
        party's version and the findings (经审理查明) as the tribunal's, with reported assertions blanked out."""
        segs = self.speech.get(document.file)
        if not segs:
            start, end = self._fact_region(text, doc_type)
            return [(start, end, _side(doc_type, text.text), None)]
        out = []
        for seg in segs:
            if seg.kind == "findings":
                out.append((seg.body, seg.end, Side.TRIBUNAL, "findings"))
            elif seg.kind in ("statement", "defence"):
                role = self._role_of_segment(seg)
                side = {PartyRole.APPLICANT: Side.APPLICANT, PartyRole.RESPONDENT: Side.RESPONDENT}.get(role)
                if side is not None:
                    out.append((seg.body, seg.end, side, seg.kind))
        return out

    def _role_of_segment(self, seg: Segment) -> PartyRole | None:
        if seg.names:
            role = self._role_of_names(seg.names)
            if role is not None:
                return role
        return seg.role or (PartyRole.APPLICANT if seg.kind == "statement" else PartyRole.RESPONDENT)

    def _facts_in(
        self, document: Document, text: DocText, doc_type: DocType, start: int, end: int, side: Side, part: str | None,
        words: F.PartyWords,
    ) -> None:
        region = text.text[start:end]
        if part == "findings":
            region = F.mask_reported(region)  # 「原告主张…」 in the findings is a party's word, not a finding
        add = lambda fact, found, _s=side, _o=start: self._add(fact, found, text, _s, _o, part)  # noqa: E731
        hires, leaves = F.find_employment_dates(region)
        if doc_type is not DocType.CONTRACT:
            add(self.case.facts.hire_date, hires[:1])
            add(self.case.facts.leave_date, F.pick_leave(leaves))
        wage = F.pick_wage(F.find_monthly_wage(region))
        claims_section = text.section("claims") if doc_type is DocType.APPLICATION else None
        if wage is None and claims_section is not None:
            # only stated inside a claim (「按月工资4500元计算」): the applicant's figure, less certain
            in_claims = F.pick_wage(F.find_monthly_wage(text.text[claims_section.start : claims_section.end]))
            if in_claims is not None:
                wage = F.Found(
                    in_claims.value,
                    claims_section.start + in_claims.start - start,
                    claims_section.start + in_claims.end - start,
                    "facts.monthly_wage.claims",
                    0.7,
                    f"{in_claims.note}（仲裁请求中所述）",
                )
        if wage is None and doc_type is DocType.WAGE_RECORD:
            wage = self._wage_from_tables(document, text)
        parts = F.find_wage_parts(region) if doc_type is not DocType.WAGE_RECORD else []
        if parts:  # 「基本工资4900元、工龄工资450元、话补100元」: the wage is their sum, the parts are kept
            add(self.case.facts.wage_parts, parts[:1])
            composed = parts[0]
            if wage is None or composed.start <= wage.start < composed.end:
                wage = F.Found(composed.value.total, composed.start, composed.end, "facts.monthly_wage.parts", 0.85,
                               f"工资构成：{composed.value}")  # fmt: skip
        add(self.case.facts.monthly_wage, [wage] if wage else [])
        add(self.case.facts.working_hours, F.find_working_hours(region))
        add(self.case.facts.injury, F.find_injury(region))
        add(self.case.facts.position, F.find_position(region))
        add(self.case.facts.workplace, F.find_workplace(region))
        contract = F.find_contract(region)
        if doc_type is DocType.CONTRACT:
            contract = self._contract_document(region) or contract
        add(self.case.facts.written_contract, F.pick_contract(contract))
        add(self.case.facts.social_insurance, F.find_social_insurance(region))
        add(self.case.facts.overtime, F.find_overtime(region))
        add(self.case.facts.annual_leave, F.find_annual_leave(region))
        termination = F.find_termination(region, words, reason_before=doc_type is DocType.TERMINATION_NOTICE)
        if not termination and doc_type is DocType.TERMINATION_NOTICE:
            termination = self._notice_termination(region)
        add(self.case.facts.termination, termination)

    # ------------------------------------------------------------ admissions

    def _admissions(self) -> None:
        """An admission (自认) makes a fact agreed: 「原告所述工作情况属实」「对原告主张的工资标准无异议」 in a party's
        words, 「原告主张…，被告对此认可」「对被告主张的工资为3800元/月，原告予以认可」 in the findings. The admitting side
        gets a version with the admitted value, note 「认可」 and the admitting sentence as its source; a value
        stated in the sentence itself is also the asserting side's version (note 「主张」)."""
        for document, text, _ in self.docs:
            for seg in self.speech.get(document.file, []):
                if seg.kind not in ("statement", "defence", "findings"):
                    continue
                own = None if seg.kind == "findings" else self._role_of_segment(seg)
                for adm in F.find_admissions(text.text[seg.body : seg.end]):
                    self._admission(adm, text, seg.body, own, "findings" if seg.kind == "findings" else seg.kind)

    def _admission(self, adm: F.Admission, text: DocText, offset: int, own: PartyRole | None, part: str) -> None:
        admitting = [own] if own is not None else self._roles_named(adm.subject)
        sides = {PartyRole.APPLICANT: Side.APPLICANT, PartyRole.RESPONDENT: Side.RESPONDENT}
        for role in admitting:
            side = sides.get(role)
            if side is None:
                continue
            other = Side.RESPONDENT if side is Side.APPLICANT else Side.APPLICANT
            source = text.provenance(offset + adm.start, offset + adm.end, "facts.admission", 0.8)
            source = source.model_copy(update={"part": part})
            for name, found in adm.values:  # the value is in the sentence: both sides now give it
                fact = getattr(self.case.facts, name)
                asserted = text.provenance(offset + found.start, offset + found.end, "facts.admission.asserted", 0.8)
                fact.add(found.value, asserted.model_copy(update={"part": part}), side=other, note="主张")
                fact.add(found.value, source, side=side, note="认可")
                if part == "findings":  # the tribunal records the agreement as what it finds
                    recorded = text.provenance(offset + found.start, offset + found.end, "findings.admitted", 0.85)
                    fact.add(found.value, recorded.model_copy(update={"part": part}), side=Side.TRIBUNAL, note="双方无异议")
            stated = {name for name, _ in adm.values}
            for name in adm.facts:
                if name in stated:
                    continue
                fact = getattr(self.case.facts, name)
                theirs, mine = fact.by_side(other), fact.by_side(side)
                for v in theirs:
                    if mine and any(m.value != v.value for m in mine):
                        break  # the admitting side gives its own, different version: the fact stays disputed
                    fact.add(v.value, source, side=side, note="认可")

    def _roles_named(self, subject: str) -> list[PartyRole]:
        """The roles a clause's subject names: 「被告」「原告大地煤炭公司」「双方」「原、被告」."""
        if re.search(cues.BOTH_SIDES, subject):
            return [PartyRole.APPLICANT, PartyRole.RESPONDENT]
        role = role_of(subject)
        if role is not None:
            return [role]
        for p in self.case.parties:
            if not is_placeholder(p) and (p.name in subject or any(a in subject for a in p.aliases)):
                return [p.role]
        return []

    @staticmethod
    def _contract_document(region: str) -> list[F.Found]:
        """A labour contract document is itself proof of signing; its term is its first period."""
        from arbitration.model import ContractInfo

        from .rules import find_ranges

        ranges = find_ranges(region)
        dates = [d for d in find_dates(region) if d.date.precision == "day"]
        info = ContractInfo(
            signed=True,
            signed_date=dates[-1].date.value if dates else None,
            term_start=ranges[0].first_day if ranges else None,
            term_end=ranges[0].last_day if ranges else None,
            open_ended="无固定期限" in region,
        )
        span = (ranges[0].start, ranges[0].end) if ranges else (0, min(len(region), 20))
        return [F.Found(info, span[0], span[1], "facts.contract.document", 0.9)]

    @staticmethod
    def _notice_termination(region: str) -> list[F.Found]:
        from arbitration.model import Termination, TerminationInitiator

        m = re.search(r"(?:解除|终止)[^。；]{0,10}劳动(?:合同|关系)", region)
        if m is None:
            return []
        reason = re.search(r"(?:因|鉴于|由于)(?:你|您)?([^，。；]{2,40})", region)
        return [
            F.Found(
                Termination(
                    initiator=TerminationInitiator.EMPLOYER,
                    mode="书面通知解除",
                    reason=reason.group(1) if reason else None,
                ),
                m.start(),
                m.end(),
                "facts.termination.notice",
                0.7,
            )
        ]

    @staticmethod
    def _wage_from_tables(document: Document, text: DocText) -> F.Found | None:
        """A wage slip table: the 应发 (else 实发) column of its last row."""
        for page in document.pages:
            for table in page.tables:
                if len(table.rows) < 2:
                    continue
                header = [c.replace(" ", "") for c in table.rows[0]]
                for label in ("应发", "实发", "工资"):
                    col = next((i for i, c in enumerate(header) if label in c), None)
                    if col is None:
                        continue
                    for row in reversed(table.rows[1:]):
                        money = find_money(row[col] + "元") if col < len(row) else []
                        if money:
                            cell = row[col]
                            pos = text.text.find(cell)
                            start = pos if pos >= 0 else 0
                            return F.Found(money[0].amount, start, start + len(cell), "facts.wage_table", 0.8, f"工资条{label}")
        for page in document.pages:
            found = _wage_from_ocr_boxes(page, text)
            if found:
                return found
        return _wage_from_bank_statement(document, text)

    def _add(
        self, fact: Fact[Any], found: list[F.Found], text: DocText, side: Side, offset: int, part: str | None = None
    ) -> None:
        for f in found:
            source = text.provenance(offset + f.start, offset + f.end, f.extractor, f.confidence)
            if part is not None:
                source = source.model_copy(update={"part": part})
            fact.add(f.value, source, side=side, note=f.note)

    # ------------------------------------------------------------ evidence

    def evidence(self) -> None:
        for document, text, doc_type in self.docs:
            if doc_type is DocType.EVIDENCE_LIST:
                head = text.text[:80]
                side = PartyRole.RESPONDENT if role_of(head) is PartyRole.RESPONDENT else PartyRole.APPLICANT  # 被告证据目录
                items = [
                    item
                    for page in document.pages
                    for table in page.tables
                    for item in evidence_from_table(table, side, document.file)
                ]
                if not items:
                    items = evidence_from_text(text, 0, len(text.text), side)
            elif doc_type in (DocType.APPLICATION, DocType.DEFENCE):
                section = text.section("evidence")
                side = PartyRole.APPLICANT if doc_type is DocType.APPLICATION else PartyRole.RESPONDENT
                items = evidence_from_text(text, section.start, section.end, side) if section else []
            else:
                continue
            self.case.evidence.extend(items)


def _wage_from_bank_statement(document: Document, text: DocText) -> F.Found | None:
    """A bank statement (交易明细): the amount credited most often under 摘要 工资/代发工资 — a net (实发) figure,
    so it carries lower confidence and says so; one-off back-pay credits do not outvote the monthly ones."""
    from collections import Counter

    for page in document.pages:
        for table in page.tables:
            if len(table.rows) < 3:
                continue
            header = [c.replace(" ", "") for c in table.rows[0]]
            memo = next((i for i, c in enumerate(header) if "摘要" in c or "用途" in c or "附言" in c), None)
            amount = next((i for i, c in enumerate(header) if "金额" in c or "收入" in c or "贷方" in c), None)
            if memo is None or amount is None:
                continue
            credits = [
                row[amount].replace(",", "").strip()
                for row in table.rows[1:]
                if max(memo, amount) < len(row) and re.search(r"工资|薪", row[memo])
            ]
            credits = [c for c in credits if re.fullmatch(r"\d+(?:\.\d{1,2})?", c)]
            if len(credits) < 2:
                continue
            value, count = Counter(credits).most_common(1)[0]
            if count < 2:
                continue
            pos = text.text.find(value)
            start = max(pos, 0)
            note = f"银行流水工资入账（实发，{count}笔）"
            return F.Found(Decimal(value).quantize(Decimal("0.01")), start, start + len(value), "facts.wage_bank", 0.6, note)
    return None


def _wage_from_ocr_boxes(page: Any, text: DocText) -> F.Found | None:
    """A photographed or scanned wage slip: the OCR cell under the 应发 (else 实发) header, by box position,
    lowest row last; the OCR text itself may run cells together (「2023年12月5250.00」)."""
    boxed = [ln for ln in page.lines if ln.box]
    for label in ("应发", "实发"):
        header = next((ln for ln in boxed if label in ln.text and len(ln.text) <= 8), None)
        if header is None:
            continue
        hx0, _, hx1, hy1 = header.box
        below = [
            ln
            for ln in boxed
            if ln.box[1] >= hy1 - 2 and min(hx1, ln.box[2]) - max(hx0, ln.box[0]) > 0.5 * (hx1 - hx0)
        ]
        for cell in sorted(below, key=lambda ln: ln.box[1], reverse=True):
            raw = cell.text.strip().replace(",", "")
            if not re.fullmatch(r"\d+(?:\.\d{1,2})?", raw):
                continue
            base = text.page_start(text.document.pages.index(page))
            pos = page.text.find(cell.text.strip())
            start = base + (pos if pos >= 0 else 0)
            end = start + (len(cell.text.strip()) if pos >= 0 else 0)
            return F.Found(Decimal(raw).quantize(Decimal("0.01")), start, end, "facts.wage_ocr_table", 0.75, f"工资条{label}")
    return None


_HEADER_LINE = re.compile(
    r"^\s*(?:答辩人|被答辩人|申请人|被申请人|法定代表人|委托\S*代理人|代理人|负责人|住所|住址|地址|统一社会信用代码|"
    r"性别|民族|出生|身份证|联系电话|电话)[^，。：:\n]{0,12}[:：]"
)


def _body_start(text: str) -> int:
    """Where a defence without a heading starts: the first line after the title and the party lines."""
    pos = 0
    seen_title = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not _HEADER_LINE.match(stripped):
            if seen_title or len(stripped) > 12 or re.search(r"[:：，。]", stripped):
                return pos
            seen_title = True
        pos += len(line)
    return 0


def _forum(builder: _Builder) -> str | None:
    """"court" when the parties are 原告/被告 (a 起诉状, a judgment), "commission" for 申请人/被申请人; None if neither."""
    texts = [text.text for _, text, _ in builder.docs if _ in (DocType.APPLICATION, DocType.DEFENCE, *SPEECH_TYPES)]
    if not texts:
        return None
    joined = "\n".join(t[:20000] for t in texts)
    if re.search(r"诉讼请求|诉称|本院|人民法院|起诉状|诉状", joined) or is_court(joined):
        return "court"
    return "commission" if re.search(r"申请人|答辩人|仲裁请求", joined) else None


def build_case(documents: list[Document], source_dir: str | None = None) -> Case:
    """Fill a `Case` from a case's documents (as `arbitration.ingest` reads them)."""
    builder = _Builder(documents, source_dir)
    builder.case.forum = _forum(builder)
    builder.parties()
    builder.header()
    builder.claims()
    builder.name_placeholders()
    builder.statements()
    builder.facts()
    builder.evidence()
    for party in builder.case.parties:
        role = {"applicant": "申请人", "respondent": "被申请人"}.get(party.role.value, "第三人")
        if party.id_number_valid is False:
            builder.case.warnings.append(f"{role}「{party.name}」的公民身份号码{party.id_number}校验不通过，未采信")
        if party.credit_code_valid is False:
            builder.case.warnings.append(f"{role}「{party.name}」的统一社会信用代码{party.credit_code}校验不通过，未采信")
    for name, fact in builder.case.facts.items():
        if fact.disputed:
            sides = "、".join(sorted({v.side.value for v in fact.values}))
            log.info("事实「%s」各方陈述不一致（%s）", name, sides)
    return builder.case


def extract_case(case_dir: Path) -> tuple[Case, list[IngestError]]:
    """Read a case folder (`arbitration.ingest.read_folder`) and build its `Case`."""
    from arbitration.ingest import (
        read_folder,  # a stage may import an earlier one; lazily, to keep import light
    )

    documents, errors = read_folder(Path(case_dir))
    case = build_case(documents, source_dir=str(case_dir))
    case.warnings.extend(str(e) for e in errors)
    return case, errors


def monthly_wage_by_side(case: Case) -> dict[str, Decimal]:
    """{side: wage} for quick display and the benchmark: the first version each side gave."""
    out: dict[str, Decimal] = {}
    for v in case.facts.monthly_wage.values:
        out.setdefault(v.side.value, v.value)
    return out
