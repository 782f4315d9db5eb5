"""build_outline on constructed cases: facts side by side with sources, elements, questions, flags, amounts."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from outline_cases import make_case

from arbitration.errors import MissingData
from arbitration.law import calculators, taxonomy
from arbitration.model import Outcome, Precedent, PrecedentClaim
from arbitration.outline import MISSING, Outline, build_outline


def section(outline: Outline, claim_type: str):
    return next(s for s in outline.sections if s.claim_type == claim_type)


def test_header_and_claims(case):
    o = build_outline(case)
    assert o.header.case_number == "青劳人仲案字〔2024〕第0123号"
    assert o.header.hearing_date == "2024年5月20日"
    roles = [(p.role, p.name) for p in o.header.parties]
    assert roles == [("申请人", "王建国"), ("被申请人", "青岛海纳科技有限公司")]
    assert o.header.parties[0].agents == ["刘敏（律师，山东某某律师事务所）"]
    assert o.header.parties[1].representative == "法定代表人赵海"
    assert [c.index for c in o.claims] == [1, 2, 3]
    assert o.claims[0].type_name == taxonomy().get("unlawful_termination").name
    assert o.claims[0].amount_text == "80,000.00元"
    assert o.claims[1].period == "2024年2月1日至2024年2月29日"
    assert o.claims[2].amount_text.startswith(MISSING)


def test_disputed_wage_side_by_side_with_sources(case):
    o = build_outline(case)
    wage = next(f for f in o.disputed if f.key == "monthly_wage")
    assert wage.value == MISSING  # disputed: no agreed value is shown
    assert [v.value for v in wage.applicant] == ["8,000.00元（税前应发）"]
    assert [v.value for v in wage.respondent] == ["6,000.00元（劳动合同约定）"]
    assert wage.applicant[0].source == "仲裁申请书 仲裁申请书.pdf 第1页"
    assert wage.respondent[0].source == "答辩书 答辩书.docx 第1页"
    hire = next(f for f in o.undisputed if f.key == "hire_date")
    assert hire.value == "2019年3月1日"
    assert {v.side for v in hire.versions} == {"申请人", "证据"}
    assert "社会保险" in o.missing_facts and "月工资" not in o.missing_facts


def test_case_specific_questions_name_each_version(case):
    o = build_outline(case)
    s = section(o, "unlawful_termination")
    assert any("请被申请人说明月工资为6000元的依据" in q for q in s.questions_respondent)
    assert any("请申请人说明月工资为8000元的依据" in q for q in s.questions_applicant)
    ct = taxonomy().get("unlawful_termination")
    # the taxonomy's own questions come first, then the case's
    assert s.questions_applicant[: len(ct.questions_applicant)] == list(ct.questions_applicant)


def test_elements_from_taxonomy_with_status(case):
    o = build_outline(case)
    s = section(o, "unlawful_termination")
    ct = taxonomy().get("unlawful_termination")
    assert [e.name for e in s.elements] == [e.name for e in ct.elements]
    statuses = {e.status for e in s.elements}
    assert statuses <= {"已证明", "有争议", "仅一方陈述", "有证据待质证", MISSING}
    disputed = [e for e in s.elements if e.status == "有争议"]
    assert disputed, "the wage or termination element must show as disputed"
    assert all(e.basis for e in disputed)
    assert all("（" in b for e in disputed for b in e.basis)  # each basis names its source


def test_disputed_wage_gives_two_figures_from_the_calculator(case):
    o = build_outline(case)
    a = section(o, "unlawful_termination").amounts
    assert a is not None and len(a.scenarios) == 2, a
    by_wage = {x.inputs.get("monthly_wage"): x for x in a.scenarios}
    assert set(by_wage) == {"8000", "6000"}
    assert by_wage["8000"].amount > by_wage["6000"].amount
    assert "按申请人主张" in by_wage["8000"].label and "按被申请人主张" in by_wage["6000"].label
    for x in a.scenarios:
        assert x.formula and x.articles and all(art.startswith("《") for art in x.articles)
    assert "月工资" in a.depends_on


def test_scenario_amount_equals_the_law_layer(case):
    """The figure shown is the calculator's, not recomputed here."""
    o = build_outline(case)
    x = next(x for x in section(o, "unlawful_termination").amounts.scenarios if x.inputs.get("monthly_wage") == "8000")
    direct = calculators.unlawful_termination(**_kwargs(case, Decimal("8000")))
    assert x.amount == direct.amount


def _kwargs(case, wage):
    from arbitration.outline.lawview import calc_kwargs

    return calc_kwargs("unlawful_termination", case, {"monthly_wage": wage})


def test_missing_hire_date_is_not_guessed():
    case = make_case(hire_date=False)
    o = build_outline(case)
    assert "入职日期" in o.missing_facts
    a = section(o, "unlawful_termination").amounts
    assert a is not None and a.scenarios == []
    assert any("入职日期" in m and MISSING in m for m in a.missing)
    s = section(o, "unlawful_termination")
    assert any("请申请人明确入职日期" in q for q in s.questions_applicant)


def test_disputed_hire_date_gives_alternative_figures():
    case = make_case(disputed_wage=False, disputed_hire=True)
    a = section(build_outline(case), "unlawful_termination").amounts
    hires = {x.inputs.get("hire_date") for x in a.scenarios}
    assert hires == {"2019-03-01", "2020-03-01"}
    amounts = {x.inputs["hire_date"]: x.amount for x in a.scenarios}
    assert amounts["2019-03-01"] > amounts["2020-03-01"]


def test_limitation_and_finality_flags(case):
    o = build_outline(case)
    for s in o.sections:
        assert s.limitation is not None and s.limitation.verdict and s.limitation.kind == "仲裁时效"
    assert o.finality is not None and o.finality.verdict


def test_no_archive_says_so_and_invents_nothing(case):
    o = build_outline(case)
    assert o.archive_note.startswith("类案检索不可用：")
    for s in o.sections:
        assert s.similar == [] and s.similar_note.startswith("类案检索不可用：")


class _FakeArchive:
    """Stands in for the archive's search contract only (list of matches); the real one is tested in
    test_integration."""

    def __init__(self, precedents):
        self.precedents = precedents

    def search(self, query, claim=None, region=None, since=None, k=10):
        from types import SimpleNamespace

        hits = [p for p in self.precedents if any(c.type == claim for c in p.claims)]
        return [SimpleNamespace(precedent=p, score=1.0 / (i + 1),
                                matched_claims=[c for c in p.claims if c.type == claim],
                                reasons=["同为用人单位辞退"]) for i, p in enumerate(hits[:k])]


def test_similar_awards_come_from_the_archive(case):
    p = Precedent(case_number="青劳人仲案字〔2023〕第0456号", claims=[
        PrecedentClaim(type="unlawful_termination", text="赔偿金", outcome=Outcome.PARTLY,
                       requested=Decimal("60000"), granted=Decimal("45000"))])
    o = build_outline(case, _FakeArchive([p]))
    s = section(o, "unlawful_termination")
    assert [m.case_number for m in s.similar] == ["青劳人仲案字〔2023〕第0456号"]
    assert s.similar[0].outcome == "部分支持" and s.similar[0].granted == "45,000.00元"
    assert section(o, "unpaid_wages").similar == []
    assert "未检索到" in section(o, "unpaid_wages").similar_note
    assert o.archive_note is None


def test_evidence_checklist_marks_missing(case):
    o = build_outline(case)
    assert o.evidence and {e.claim_name for e in o.evidence} >= {section(o, "unlawful_termination").name}
    assert any(e.missing for e in o.evidence)
    assert any(not e.missing and e.present for e in o.evidence)
    assert any("劳动合同" in x for x in o.evidence_in_file)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda c: c.claims.clear(), "仲裁请求"),
        (lambda c: c.parties.clear(), "当事人"),
        (lambda c: c.parties.pop(1), "被申请人"),
    ],
)
def test_missing_claims_or_parties_is_an_error_naming_it(case, change, named):
    change(case)
    with pytest.raises(MissingData, match=named):
        build_outline(case)


def test_outline_round_trips_json(case):
    o = build_outline(case)
    again = Outline.model_validate_json(o.model_dump_json())
    assert again == o
    json.loads(o.model_dump_json())


def test_calculator_facts_come_from_the_signature_not_from_earlier_previews():
    """The facts a claim turns on do not depend on which outlines were built before in the process."""
    from arbitration.outline.lawview import calculator_facts, relevant_facts

    ct = taxonomy().get("notice_pay")
    assert calculator_facts(ct) == ("monthly_wage",)
    assert "monthly_wage" in relevant_facts(ct, "notice_pay")
    assert calculator_facts(taxonomy().get("unpaid_wages")) == ()
