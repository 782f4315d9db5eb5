"""draft_award on a fully specified case, a case missing a fact, and the real sample case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbitration.drafting import draft_award
from arbitration.law import calculators, find_citations, statutes
from arbitration.model import Outcome


def _all_text(award) -> str:
    parts = [p.text for p in award.facts_found]
    parts += [p.text for d in award.decisions for p in d.reasoning]
    parts += [p.text for ps in award.sections.values() for p in ps]
    parts += [it.text for it in award.items]
    return "\n".join(parts)


def test_specified_case_decisions_and_amount_from_calculator(case):
    award = draft_award(case)
    by_type = {d.claim.type: d for d in award.decisions}
    expected = calculators.unlawful_termination(date(2020, 6, 1), date(2024, 3, 31), Decimal("7500"), city="北京市")
    ut = by_type["unlawful_termination"]
    assert ut.outcome == Outcome.GRANTED
    assert ut.amount == expected.amount == Decimal("60000")
    assert ut.calculation is not None and ut.calculation.steps == expected.steps
    assert by_type["double_wage"].outcome == Outcome.DENIED  # contract signed on the first day
    assert by_type["additional_compensation"].outcome == Outcome.DENIED  # no 责令限期支付 evidence
    # 裁决如下: the payment with its deadline, then 驳回其他仲裁请求 last
    assert "于本裁决生效之日起十日内" in award.items[0].text and "60000元" in award.items[0].text
    assert award.items[0].amount == Decimal("60000")
    assert award.items[-1].text == "驳回申请人的其他仲裁请求。"
    # the reasoning shows the calculation steps and the articles
    reasoning = "\n".join(p.text for p in ut.reasoning)
    assert "30000.00元×2=60000.00元" in reasoning
    assert "《中华人民共和国劳动合同法》第四十七条" in reasoning and "第八十七条" in reasoning


def test_every_citation_in_the_draft_resolves(case):
    award = draft_award(case)
    text = _all_text(award)
    found = find_citations(text)
    assert found, "the draft cites no article at all"
    assert all(statutes().exists(c) for c in found), [str(c) for c in found if not statutes().exists(c)]
    assert not [w for w in award.warnings if w.kind == "citation_removed"]


def test_finality_notice_has_the_15_day_deadline(case):
    award = draft_award(case)
    notice = "".join(p.text for p in award.sections["finality"])
    assert "十五日内" in notice and "人民法院提起诉讼" in notice
    assert "劳动争议调解仲裁法" in notice


def test_missing_wage_becomes_pending_with_warning(case):
    case.facts.monthly_wage.values.clear()
    award = draft_award(case)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.outcome == Outcome.UNKNOWN and ut.amount is None
    assert any("「待查明」" in p.text for p in ut.reasoning)
    assert any(w.kind == "missing_fact" and w.claim_type == "unlawful_termination" for w in award.warnings)
    assert "「待查明」" in award.items[0].text and award.items[0].amount is None


def test_disputed_fact_is_not_decided_for_the_tribunal(case):
    from arbitration.model import Provenance, Side

    case.facts.monthly_wage.add(Decimal("5500"), Provenance(file="答辩书.docx", page=1), Side.RESPONDENT)
    award = draft_award(case)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.outcome == Outcome.UNKNOWN
    assert any(w.kind == "disputed_fact" and "月工资" in w.message for w in award.warnings)
    # once the tribunal accepts a version the amount follows from it
    case.facts.monthly_wage.accepted = 0
    award = draft_award(case)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.amount == Decimal("60000")


@pytest.mark.slow  # reads the sample case with the real ingest/extract models
def test_sample_case_drafts_every_claim(sample_case):
    award = draft_award(sample_case)
    assert len(award.decisions) == len(sample_case.claims) >= 3
    assert len([it for it in award.items if it.claim_types]) == len(sample_case.claims)
    assert award.commission and "仲裁委员会" in award.commission
    names = "".join(p.text for p in award.sections["parties"])
    for party in sample_case.parties:
        assert party.name in names
    assert award.sections["claims"] and award.sections["defence"] and award.sections["evidence"]
    # the sample case's disputes are reported, never settled by the draft
    assert any(w.kind == "disputed_fact" for w in award.warnings)
    text = _all_text(award)
    assert all(statutes().exists(c) for c in find_citations(text))


def test_missing_regional_figure_is_reported_not_guessed(case):
    case.region = "青岛市"  # corpus/law/regions.toml has no 青岛市 average wage for 2023
    award = draft_award(case)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.outcome == Outcome.UNKNOWN and ut.amount is None
    assert any(w.kind == "missing_parameter" and "平均工资" in w.message for w in award.warnings)
