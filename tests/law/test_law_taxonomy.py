"""The claim taxonomy: every fixed id present and complete, articles resolve, calculator names are the agreed ones,
real claim wordings classify, and an office's extra TOML adds a type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arbitration.law import statutes, taxonomy
from arbitration.law.taxonomy import ENV_EXTRA, TaxonomyError, load_taxonomy
from arbitration.model import FACT_NAMES

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cases"

IDS = [
    "labor_relation", "unpaid_wages", "overtime", "double_wage", "severance", "unlawful_termination", "notice_pay",
    "annual_leave", "minimum_wage", "social_insurance", "injury_disability", "injury_medical", "injury_employment",
    "injury_leave_wage", "non_compete", "penalty", "additional_compensation", "return_deposit", "other",
]
CALCULATOR_NAMES = {
    "severance", "unlawful_termination", "double_wage", "overtime", "annual_leave", "notice_pay", "minimum_wage",
    "non_compete", "additional_compensation", "penalty", "injury_disability", "injury_medical", "injury_employment",
    "injury_leave_wage",
}


def test_all_fixed_ids_present_in_order():
    assert taxonomy().ids() == IDS


@pytest.mark.parametrize("type_id", [i for i in IDS if i != "other"])
def test_claim_type_is_complete(type_id):
    ct = taxonomy().get(type_id)
    assert re.search(r"[\u4e00-\u9fff]", ct.name)
    assert ct.aliases, "applicants' wordings are needed for extraction"
    assert ct.elements
    for el in ct.elements:
        assert el.name and el.evidence, f"{type_id}: 要件「{el.name}」缺少通常证据"
        assert all(f in FACT_NAMES for f in el.facts)
    assert ct.questions_applicant and ct.questions_respondent
    assert ct.articles
    assert ct.category


def test_every_article_resolves():
    data = statutes()
    for ct in taxonomy().all():
        for c in ct.articles:
            assert data.exists(c), f"{ct.id}: {c}"


def test_calculator_names_are_the_agreed_ones():
    names = {ct.calculator for ct in taxonomy().all() if ct.calculator}
    assert names == CALCULATOR_NAMES
    assert taxonomy().get("labor_relation").calculator is None


def test_finality_and_remuneration_flags():
    t = taxonomy()
    assert t.get("overtime").remuneration and t.get("unpaid_wages").remuneration
    assert not t.get("double_wage").remuneration and not t.get("annual_leave").remuneration
    assert t.get("severance").finality == "amount" and t.get("severance").final_eligible
    assert t.get("labor_relation").finality == "" and not t.get("labor_relation").final_eligible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请求裁决被申请人支付2021年3月至2022年1月未签订书面劳动合同二倍工资差额88000元", "double_wage"),
        ("请求裁决被申请人支付解除劳动合同经济补偿金24000元", "severance"),
        ("请求裁决被申请人支付违法解除劳动合同赔偿金（2N）96000元", "unlawful_termination"),
        ("请求确认申请人与被申请人自2020年5月1日起存在劳动关系", "labor_relation"),
        ("请求裁决被申请人支付2023年1月至3月工资15000元", "unpaid_wages"),
        ("请求裁决被申请人支付2022年度未休年休假工资报酬3000元", "annual_leave"),
        ("请求裁决被申请人支付未提前三十日通知解除劳动合同的代通知金8000元", "notice_pay"),
        ("请求裁决被申请人支付低于最低工资标准的工资差额1200元", "minimum_wage"),
        ("请求裁决被申请人为申请人补缴2019年至2022年社会保险", "social_insurance"),
        ("请求裁决被申请人支付一次性伤残补助金63000元", "injury_disability"),
        ("请求裁决被申请人支付一次性工伤医疗补助金", "injury_medical"),
        ("请求裁决被申请人支付一次性伤残就业补助金", "injury_employment"),
        ("请求裁决被申请人支付停工留薪期工资24000元", "injury_leave_wage"),
        ("请求裁决被申请人支付竞业限制经济补偿金36000元", "non_compete"),
        ("请求裁决被申请人支付服务期违约金20000元", "penalty"),
        ("请求裁决被申请人支付加付赔偿金", "additional_compensation"),
        ("请求裁决被申请人退还押金500元及毕业证书", "return_deposit"),
        ("请求裁决被申请人赔礼道歉", "other"),
        ("请求裁决被申请人支付停工留薪期间的工资", "injury_leave_wage"),
        ("请求裁决被申请人支付竞业限制期间的经济补偿", "non_compete"),
        ("请求裁决被申请人支付高温津贴1200元", "unpaid_wages"),
        ("请求裁决被申请人支付试用期内违法解除劳动合同赔偿金", "unlawful_termination"),
        ("请求裁决被申请人支付违法约定试用期的赔偿金", "other"),  # 第八十三条: not a dismissal
        ("请求裁决被申请人支付未提前通知解除劳动合同的一个月工资", "notice_pay"),
        ("请求裁决被申请人支付失业保险金损失", "social_insurance"),
        # the head noun decides: a 补偿金 for an unlawful dismissal asks 第四十六条's 经济补偿, a 赔偿金 第八十七条's
        ("请求裁决被申请人支付违法解除劳动合同的补偿金8000元", "severance"),
        ("请求裁决被申请人支付违法解除补偿金8000元", "severance"),
    ],
)
def test_match_claim_wordings(text, expected):
    type_id, confidence = taxonomy().match(text)
    assert type_id == expected
    assert (confidence > 0.5) if expected != "other" else confidence == 0.0


def test_match_all_splits_combined_claims():
    t = taxonomy()
    assert t.match_all("请求裁决被申请人支付拖欠的工资及经济补偿金") == ["unpaid_wages", "severance"]
    assert t.match_all("支付未休年休假工资、加班费及违法解除劳动合同赔偿金") == [
        "annual_leave", "overtime", "unlawful_termination",
    ]
    assert t.match_all("赔礼道歉") == ["other"]


def _claim_sentences() -> list[str]:
    out = []
    for p in sorted(CASES.glob("*.md")):
        lines = p.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if line.startswith("## ") and ("申请人请求" in line or "诉讼请求" in line):
                body = next((x for x in lines[i + 1:] if x.strip()), "")
                out.append(body.strip())
    return out


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/data/cases (official typical cases) is not present")
def test_official_typical_case_claims():
    """The 请求 of the six official typical cases: overtime and unlawful-termination claims classify; the 工亡
    claim (no shipped type) falls to other rather than to a wrong type."""
    got = {s: taxonomy().match(s)[0] for s in _claim_sentences()}
    assert len(got) >= 6
    for sentence, type_id in got.items():
        if "加班费" in sentence:
            assert type_id == "overtime", sentence
        elif "违法解除劳动合同赔偿金" in sentence:
            assert type_id == "unlawful_termination", sentence
        elif "工亡" in sentence:
            assert type_id == "other", sentence


def test_office_adds_a_type(tmp_path, monkeypatch):
    extra = tmp_path / "office"
    extra.mkdir()
    (extra / "death.toml").write_text(
        """
[injury_death]
name = "工亡待遇"
category = "工伤保险待遇"
aliases = ["一次性工亡补助金", "丧葬补助金", "供养亲属抚恤金"]
calculator = ""
finality = ""
questions.applicant = ["工亡认定决定书何时作出？"]
questions.respondent = ["是否参加工伤保险？"]
[[injury_death.elements]]
name = "职工因工死亡"
facts = []
evidence = ["工伤认定决定书", "死亡证明"]
[[injury_death.articles]]
law = "工伤保险条例"
article = 39
""",
        encoding="utf-8",
    )
    t = load_taxonomy(extra)
    assert "injury_death" in t and len(t.all()) == len(IDS) + 1
    assert t.match("请求判决连带支付一次性工亡补助金、丧葬补助金、供养亲属抚恤金共计1193821元")[0] == "injury_death"
    # the configured way: $ARBITRATION_CLAIM_TYPES names the folder
    monkeypatch.setenv(ENV_EXTRA, str(extra))
    taxonomy.cache_clear()
    try:
        assert taxonomy().name("injury_death") == "工亡待遇"
    finally:
        monkeypatch.delenv(ENV_EXTRA)
        taxonomy.cache_clear()
    assert "injury_death" not in taxonomy()


def test_office_type_with_unresolvable_article_is_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[x]\nname = "某请求"\n[[x.articles]]\nlaw = "劳动合同法"\narticle = 120\n', encoding="utf-8"
    )
    with pytest.raises(TaxonomyError, match="bad.toml.*劳动合同法第120条"):
        load_taxonomy(bad)
    with pytest.raises(TaxonomyError, match="不存在"):
        load_taxonomy(tmp_path / "missing.toml")


def test_unknown_fact_field_and_unknown_id_are_named(tmp_path):
    bad = tmp_path / "facts.toml"
    bad.write_text('[y]\nname = "某请求"\n[[y.elements]]\nname = "要件"\nfacts = ["salary"]\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="salary"):
        load_taxonomy(bad)
    with pytest.raises(TaxonomyError, match="no_such_type"):
        taxonomy().get("no_such_type")


CAIL = CASES.parent / "cail2019-labor-selectedtags.txt"


@pytest.mark.skipif(not CAIL.is_file(), reason="../shared/data/cail2019-labor-selectedtags.txt is not present")
def test_cail2019_claim_tags_map_to_our_types():
    """The CAIL2019 labour element tags that name a claim land on the matching type."""
    tags = [t.strip() for t in CAIL.read_text(encoding="utf-8").splitlines() if t.strip()]
    expected = {
        "支付工资": "unpaid_wages",
        "支付经济补偿金": "severance",
        "未支付足额劳动报酬": "unpaid_wages",
        "存在劳动关系": "labor_relation",
        "支付加班工资": "overtime",
        "支付未签订劳动合同二倍工资赔偿": "double_wage",
        "不支付违法解除劳动关系赔偿金": "unlawful_termination",
        "违法向劳动者收取财物": "return_deposit",
    }
    assert set(expected) <= set(tags)
    for tag, type_id in expected.items():
        assert taxonomy().match(tag)[0] == type_id, tag
    assert taxonomy().match("有调解协议")[0] == "other"  # a procedural tag, not a claim


def test_a_court_claim_matches_as_surely_as_a_commission_claim():
    """「请求判令被告向原告支付…」 is the lead-in of a court claim, as 「请求裁决被申请人向申请人支付…」 of an application."""
    court = taxonomy().match("请求判令被告向原告支付拖欠工资5000元")
    assert court == taxonomy().match("请求裁决被申请人向申请人支付拖欠工资5000元") == ("unpaid_wages", court[1])
