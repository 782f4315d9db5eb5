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
    """Documents on both sides (the contract's 7500, the respondent's wage table 5500): no rule of evidence picks
    one, so the fact and the amount wait for the tribunal."""
    from arbitration.model import Provenance, Side

    case.respondent_statement = "被申请人认可申请人的入职时间。"
    case.facts.monthly_wage.add(Decimal("5500"), Provenance(file="答辩书.docx", page=1), Side.RESPONDENT)
    case.facts.monthly_wage.add(Decimal("5500"), Provenance(file="工资表.pdf", page=1, doc_type="wage_record"),
                                Side.EVIDENCE)
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
    decided_apart = [d for d in award.decisions if d.outcome not in (Outcome.DENIED, Outcome.NOT_ACCEPTED)]
    assert len([it for it in award.items if it.claim_types]) == len(decided_apart)
    if len(decided_apart) < len(award.decisions):
        assert "驳回" in award.items[-1].text
    assert award.commission and "仲裁委员会" in award.commission
    names = "".join(p.text for p in award.sections["parties"])
    for party in sample_case.parties:
        assert party.name in names
    assert award.sections["claims"] and award.sections["defence"] and award.sections["evidence"]
    # the sample case's facts are proposed with their basis (拟认定), not left as disputes
    assert award.findings is not None and award.findings.proposals
    assert all(p.reason for p in award.findings.proposals)
    text = _all_text(award)
    assert all(statutes().exists(c) for c in find_citations(text))


def test_missing_regional_figure_is_reported_not_guessed(case):
    case.region = "青岛市"  # corpus/law/regions.toml has no 青岛市 average wage for 2023
    award = draft_award(case)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.outcome == Outcome.UNKNOWN and ut.amount is None
    assert any(w.kind == "missing_parameter" and "平均工资" in w.message for w in award.warnings)


def test_finality_by_item_from_the_law_layer(case):
    """A small compensation is a 终局 item (12 × the 北京市 minimum wage); a large one is not, and the two in one
    award are flagged (解释（一）第二十条)."""
    from arbitration.law import finality

    case.claims[0].amount = Decimal("20000")  # below 12 months of the minimum wage: granted as asked, final
    award = draft_award(case)
    item = award.items[0]
    expected = finality("unlawful_termination", Decimal("20000"), "北京市", award.generated_at.date())
    assert item.amount == Decimal("20000") and item.final is expected.final is True
    notice = "".join(p.text for p in award.sections["finality"])
    assert "本裁决第一项为终局裁决" in notice and "三十日内" in notice and "中级人民法院申请撤销裁决" in notice
    assert "十五日内" in notice

    from arbitration.model import Claim

    case.claims[0].amount = Decimal("60000")
    case.claims.append(Claim(type="severance", text="裁决被申请人支付经济补偿金5000元", amount=Decimal("5000"), index=4))
    award = draft_award(case)
    finals = {tuple(it.claim_types): it.final for it in award.items if it.claim_types}
    assert finals == {("unlawful_termination",): False}  # severance denied: 赔偿金 already granted
    assert not any(w.kind == "mixed_finality" for w in award.warnings)


def test_time_barred_claim_is_denied_with_article(case):
    case.application_date = date(2025, 9, 1)  # more than a year after the 2024-03-31 dismissal
    case.respondent_statement += "申请人的请求已超过仲裁时效，应予驳回。"  # the defence is raised
    award = draft_award(case)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.outcome == Outcome.DENIED
    assert any(w.kind == "time_barred" for w in award.warnings)
    text = "".join(p.text for p in ut.reasoning)
    assert "仲裁时效" in text and "《中华人民共和国劳动争议调解仲裁法》第二十七条" in text


def test_final_and_non_final_items_in_one_award_are_flagged(case):
    """Dismissal under 劳动合同法第四十条 without notice, wage 9000: 经济补偿 36000 (above 12 × the 北京市 minimum
    wage, non-final) and 代通知金 9000 (final) in one draft → the 解释（一）第二十条 warning and a notice per item."""
    from arbitration.model import Claim, Termination, TerminationInitiator

    case.claims = [
        Claim(type="severance", text="裁决被申请人支付解除劳动合同经济补偿36000元", amount=Decimal("36000"), index=1),
        Claim(type="notice_pay", text="裁决被申请人支付代通知金9000元", amount=Decimal("9000"), index=2),
    ]
    source = case.facts.monthly_wage.values[0].source
    case.facts.monthly_wage.values.clear()
    case.facts.monthly_wage.add(Decimal("9000"), source)
    case.facts.termination.values.clear()
    case.facts.termination.add(
        Termination(initiator=TerminationInitiator.EMPLOYER, mode="单方解除", reason="不能胜任工作",
                    statute_basis="劳动合同法第四十条第二项", notice_date=date(2024, 3, 31)),
        case.facts.hire_date.values[0].source)
    award = draft_award(case)
    assert [(it.amount, it.final) for it in award.items] == [(Decimal("36000"), False), (Decimal("9000"), True)]
    assert any(w.kind == "mixed_finality" for w in award.warnings)
    notice = "".join(p.text for p in award.sections["finality"])
    assert "本裁决第二项为终局裁决" in notice and "当事人对本裁决第一项不服的" in notice


def test_empty_case_gives_placeholders_not_a_crash(tmp_path):
    from arbitration.drafting import render_award
    from arbitration.model import Case, Claim

    empty = Case()
    award = draft_award(empty)
    assert any(w.kind == "missing_fact" and "仲裁请求" in w.message for w in award.warnings)
    path = render_award(award, empty, tmp_path / "empty.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "「待填写」劳动人事争议仲裁委员会" in text and "案号「待填写」" in text

    odd = Case(claims=[Claim(type="other", text="裁决被申请人赔礼道歉"), Claim(type="not_a_type", text="其他请求")])
    award = draft_award(odd)
    assert [d.outcome for d in award.decisions] == [Outcome.UNKNOWN, Outcome.UNKNOWN]
    render_award(award, odd, tmp_path / "odd.docx")


def test_labor_relation_denied_by_respondent_is_left_to_the_tribunal(case):
    from arbitration.model import Claim

    case.claims = [Claim(type="labor_relation", text="确认申请人与被申请人之间存在劳动关系", index=1)]
    assert draft_award(case).decisions[0].outcome == Outcome.GRANTED
    assert "确认申请人陈晓燕与被申请人北京蓝海餐饮管理有限公司自2020年6月1日起至2024年3月31日存在劳动关系" in \
        draft_award(case).items[0].text
    case.respondent_statement = "双方系合作关系，不存在劳动关系。"
    award = draft_award(case)
    assert award.decisions[0].outcome == Outcome.UNKNOWN
    assert any("被申请人辩称" in w.message for w in award.warnings if w.kind == "missing_fact")
