"""draft_award: decide each claim with the law layer, find the similar awards that decided it the same way, let the
composer write the reasoning, build every other part, then verify all citations and check consistency."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from arbitration.drafting.compose import (
    Composer,
    cite_sources_once,
    compose,
    get_composer,
)
from arbitration.drafting.consistency import (
    consistency_report,
    report_paragraphs,
    similar_matches,
)
from arbitration.drafting.decide import decide_claim, ruling_items
from arbitration.drafting.sections import build_sections, facts_found
from arbitration.drafting.text import cite_list
from arbitration.drafting.verify import verify_citations
from arbitration.model import (
    DEMO_LABEL,
    Award,
    Case,
    ClaimDecision,
    Outcome,
    Paragraph,
    Warning_,
)

MAX_PRECEDENTS = 3  # similar awards cited per claim


def _record(record: Any) -> list[Any] | None:
    """A hearing record as segments: a list as given, or a hearing dir read with arbitration.hearing.load_record."""
    if record is None or isinstance(record, list):
        return record
    if isinstance(record, str | os.PathLike):
        from arbitration.hearing import load_record

        return load_record(Path(record))
    return list(record)


def similar_same_outcome(archive: Any, matches: list[Any], decision: ClaimDecision) -> list[str]:
    """Case numbers of similar awards that decided this claim type the same way (supported vs not)."""
    if archive is None or decision.outcome == Outcome.UNKNOWN:
        return []
    supported = decision.outcome in (Outcome.GRANTED, Outcome.PARTLY)
    out: list[str] = []
    for m in matches:
        if getattr(m.precedent, "generated", False):
            continue  # demo data (the bundled generated corpus): an award never cites it
        for pc in m.matched_claims:
            if pc.type != decision.claim.type or pc.outcome in (Outcome.UNKNOWN,):
                continue
            if (pc.outcome in (Outcome.GRANTED, Outcome.PARTLY)) == supported:
                cn = m.precedent.case_number
                if cn not in out and archive.exists(cn):
                    out.append(cn)
            break
        if len(out) >= MAX_PRECEDENTS:
            break
    return out


def ruling_intro(award: Award) -> list[Paragraph]:
    """「综上，根据……之规定，裁决如下：」 with the articles the decisions rest on (and 第四十七条 for 终局 items)."""
    from arbitration.law import statutes
    from arbitration.model import Citation

    data = statutes()
    seen: dict[tuple, Citation] = {}
    for d in award.decisions:
        if d.outcome == Outcome.UNKNOWN:  # an undecided claim rests on nothing yet
            continue
        for c in d.articles:
            c = data.canonical(c).model_copy(update={"clause": None, "item": None})
            seen.setdefault((c.law, c.article), c)
    if any(it.final for it in award.items):
        c = Citation(law="劳动争议调解仲裁法", article=47)
        seen.setdefault((data.canonical(c).law, 47), data.canonical(c))
    cites = [c for c in seen.values() if data.exists(c)]
    body, ruling = ("本院", "判决如下") if award.forum == "court" else ("本委", "裁决如下")
    if not cites:
        return [Paragraph(text=f"综上，{body}{ruling}：")]
    return [Paragraph(text=f"综上，根据{cite_list(cites)}之规定，{ruling}：")]


def draft_award(case: Case, archive: Any | None = None, record: Any | None = None,
                composer: Composer | str | None = None, *, consistency: bool = True) -> Award:
    """A complete draft award for `case`: decisions from the law layer, prose from the composer (verified),
    every citation resolved, the review information in `warnings` and `sections["consistency"]`."""
    if composer is None or isinstance(composer, str):
        composer = get_composer(composer)
    from arbitration.findings import find, settle

    segments = _record(record)
    warnings: list[Warning_] = []
    findings = find(case, segments)  # every fact and issue: established, proposed with its basis, or pending
    settled = settle(case, findings)
    found, fact_warnings = facts_found(case, findings)
    warnings += fact_warnings
    # what ingest/extract flagged (low OCR confidence, invalid ID numbers …) goes to the review sheet too
    warnings += [Warning_(kind="extraction", message=w) for w in case.warnings]
    warnings += [Warning_(kind="extraction", message=f"{d.file}：{w}", refs=[d.file])
                 for d in case.documents for w in d.warnings]
    if archive is None:
        warnings.append(Warning_(kind="no_archive", message="未连接类案库：草稿未引用类案，也未做类案同裁检查。"))
    elif getattr(archive, "generated", False):
        warnings.append(Warning_(kind="demo_archive", message=f"类案库为{DEMO_LABEL}：草稿不引用其案号，"
                                 "类案同裁检查仅供演示；请用本机构的裁决书建立类案库（arbitration index）。"))
    decisions: list[ClaimDecision] = []
    similar = similar_matches(archive, case, [c.type for c in case.claims])
    for number, claim in enumerate(case.claims, 1):
        decision, inputs, claim_warnings = decide_claim(case, claim, number, segments, findings, settled)
        warnings += claim_warnings
        inputs.precedents = similar_same_outcome(archive, similar.get(claim.type, []), decision)
        decision.precedents = list(inputs.precedents)
        decision.reasoning, compose_warnings = compose(inputs, composer)
        warnings += compose_warnings
        decisions.append(decision)
    cite_sources_once([p for d in decisions for p in d.reasoning])
    if not case.claims:
        warnings.append(Warning_(kind="missing_fact", message="案卷中未识别出仲裁请求，无法起草裁决主文。"))
    award = Award(
        case_number=case.case_number,
        commission=case.commission,
        decisions=decisions,
        facts_found=found,
        warnings=warnings,
        composer=getattr(composer, "name", "rule"),
        generated_at=datetime.now().replace(microsecond=0),
        findings=findings,
        forum="court" if case.forum == "court" else "commission",
    )
    award.items, item_warnings = ruling_items(settled, decisions, award.generated_at.date())
    award.warnings += item_warnings
    award.sections = build_sections(award, case, segments)
    award.sections["ruling_intro"] = ruling_intro(award)
    verify_citations(award, archive)
    if archive is not None and consistency:
        reports = consistency_report(award, archive, case, matches=similar)
        award.sections["consistency"] = report_paragraphs(reports)
        award.warnings += [w for r in reports for w in r.warnings]
    return award
