"""Decisions read the findings (issue 14): the sample case decides its wage, its termination ground and what they
settle, each proposal with its basis; an employer's request is decided on the worker's entitlement; a court case
is drafted as a 民事判决书 with the same decisions."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "findings"))

from findings_cases import APP, DEF, NOTICE, base_case, dismissal  # noqa: E402

from arbitration.drafting import draft_award, render_award  # noqa: E402
from arbitration.model import (  # noqa: E402
    Basis,
    Claim,
    ClaimantSide,
    Outcome,
    Party,
    PartyKind,
    PartyRole,
    ReviewState,
    Side,
    SourceKind,
)


def _by_type(award, claim_type):
    return next(d for d in award.decisions if d.claim.type == claim_type)


@pytest.mark.slow  # reads the sample case with the real ingest/extract models
def test_sample_case_decides_the_wage_the_ground_and_what_they_settle(sample_case):
    """The wage is 7500 by the contract and the slips against the respondent's bare 5500; all three documents say
    the employer dismissed under 第四十条 on 2024-03-31 (one fact, three wordings); the workplace and the contract
    and its renewal are one fact each. The respondent shows no evidence for its ground (解释（一）第四十四条), so the
    dismissal lacks a basis: no 代通知金 beside 赔偿金, and the 赔偿金 waits only for the regional average wage."""
    award = draft_award(sample_case)
    f = award.findings
    wage = f.get("monthly_wage")
    assert wage.basis == Basis.EVIDENCE and wage.text.endswith("7500元") and "5500元" in wage.reason
    term = f.get("termination")
    assert term.basis == Basis.AGREED and "不能胜任" in term.text
    for name in ("workplace", "written_contract", "leave_date"):
        assert f.get(name) is not None, name  # not 「待查明」: the versions are one fact
    assert "台东一路58号" in f.get("workplace").text
    ground = f.get("issue:termination_ground")
    assert ground.holds is False and ground.basis == Basis.BURDEN
    assert all(p.reason and p.state == ReviewState.PROPOSED for p in f.proposals)
    notice = _by_type(award, "notice_pay")
    assert notice.outcome == Outcome.DENIED and any(p.source == SourceKind.PROPOSAL for p in notice.reasoning)
    unlawful = _by_type(award, "unlawful_termination")
    assert unlawful.outcome == Outcome.UNKNOWN  # the 3× cap needs 青岛市's average wage, which is not guessed
    assert any("缺乏事实依据" in p.text and "平均工资" in p.text for p in unlawful.reasoning)
    # the attendance record the employer keeps was put in and it showed none (第四十二条): the worker's hours stand,
    # counted low, and reach far beyond the 15600 asked
    overtime = _by_type(award, "overtime")
    assert overtime.outcome == Outcome.GRANTED and overtime.amount == Decimal(15600)
    assert "综合计算工时" in f.get("issue:overtime").reason and f.get("working_hours").basis == Basis.BURDEN
    prose = "".join(p.text for p in overtime.reasoning)
    # the claim is for 延时加班工资 only: rest days are not counted (the statute quoted names them, the sum does not)
    assert "工作日延长工作时间：" in prose and "休息日工作且未补休：" not in prose
    assert prose.count("经计算") == 1 and prose.count("低于计算结果") == 1  # the computed sum said once, then the 15600
    assert "仅主张15600元" in prose
    leave = _by_type(award, "annual_leave")
    assert leave.outcome == Outcome.GRANTED and leave.amount == Decimal("3448.28")
    assert not any(w.kind == "disputed_fact" and "月工资" in w.message for w in award.warnings)


def test_review_sheet_never_calls_a_proposed_issue_unsettled(sample_case):
    """The sample case's 加班情况 and 年休假 versions differ, but issue:overtime and issue:annual_leave are proposed
    by the burden of proof (调解仲裁法第六条): 二、争议事实 points to those proposals instead of saying
    「尚无认定依据」 beside them."""
    from arbitration.drafting.render import review_lines

    award = draft_award(sample_case)
    disputed = dict(review_lines(award, sample_case))["二、争议事实"]
    lines = [text for text, _ in disputed if text.startswith(("加班情况", "年休假"))]
    assert len(lines) == 2
    assert all("尚无认定依据" not in t and "已按【issue:" in t for t in lines)


def _employer_suit() -> object:
    """An employer (原告) asks the court to say it need not pay the wages an award ordered; both say when the
    worker was hired; the worker (被告) says the wages are owed, the employer says it paid but shows no records."""
    case = base_case(defence="被告在原告处工作，原告尚欠被告2015年1月至5月工资11855元未付。",
                     statement="原告已经向被告支付了全部工资，无需再支付。")
    case.forum = "court"
    case.parties = [Party(role=PartyRole.APPLICANT, kind=PartyKind.ORGANISATION, name="重庆某某实业有限公司"),
                    Party(role=PartyRole.RESPONDENT, kind=PartyKind.PERSON, name="王某")]
    case.claims = [Claim(type="unpaid_wages", claimant=ClaimantSide.EMPLOYER,
                         text="判令原告无需支付被告工资11855元", amount=Decimal(11855))]
    case.facts.hire_date.add(date(2014, 3, 28), DEF, Side.RESPONDENT)
    case.facts.hire_date.add(date(2014, 3, 28), APP, Side.APPLICANT)  # the employer's own account of the hiring
    return case


def test_an_employers_request_not_to_pay_is_decided_on_the_workers_entitlement(tmp_path):
    award = draft_award(_employer_suit())
    d = award.decisions[0]
    assert d.outcome == Outcome.DENIED and d.amount == Decimal(11855)  # the employer's request fails
    assert award.items[0].text.startswith("原告重庆某某实业有限公司于本判决生效之日起十日内支付被告王某")
    assert "11855元" in award.items[0].text
    text = "".join(p.text for p in d.reasoning)
    assert "不予支持" in text and "工资支付记录" in text
    # where the worker has no right (加付赔偿金 with no order of the labour administration), the employer's
    # request is granted and worded so
    case = _employer_suit()
    case.claims = [Claim(type="additional_compensation", claimant=ClaimantSide.EMPLOYER,
                         text="判令原告无需支付被告加付赔偿金5927.5元", amount=Decimal("5927.5"))]
    award = draft_award(case)
    assert award.decisions[0].outcome == Outcome.GRANTED
    assert award.items[0].text == "原告重庆某某实业有限公司无需支付被告王某加付赔偿金。"


def test_a_court_case_is_drafted_as_a_civil_judgment(tmp_path):
    case = base_case([Claim(type="unlawful_termination", text="判令被告支付违法解除劳动合同赔偿金60000元",
                            amount=Decimal(60000))], defence="原告严重违反规章制度，解除合法。",
                     statement="被告口头通知原告不用再来上班，请求依法判决。")
    case.forum = "court"
    case.region = "北京市"
    f = case.facts
    f.hire_date.add(date(2020, 6, 1), APP, Side.APPLICANT)
    f.monthly_wage.add(Decimal(7500), APP, Side.APPLICANT)
    f.monthly_wage.add(Decimal(7500), DEF, Side.RESPONDENT)
    f.hire_date.add(date(2020, 6, 1), DEF, Side.RESPONDENT)
    f.leave_date.add(date(2024, 3, 31), NOTICE, Side.EVIDENCE)
    f.termination.add(dismissal("严重违反规章制度"), NOTICE, Side.EVIDENCE)
    award = draft_award(case)
    assert award.forum == "court"
    out = render_award(award, case, tmp_path / "judgment.docx")
    texts = [p.text for p in Document(str(out)).paragraphs]
    body = "\n".join(texts)
    for needle in ("民　事　判　决　书", "原告向本院提出诉讼请求", "本院经审理认定事实如下", "本院认为", "判决如下",
                   "案件受理费「待填写」", "上诉于「待填写」中级人民法院", "审判员", "审核单（签发前删除）", "拟认定事实"):
        assert needle in body, needle
    assert "裁决" not in "\n".join(t for t in texts[: texts.index("审核单（签发前删除）")])
    assert any(t.startswith("原告：") for t in texts) and any(t.startswith("被告：") for t in texts)
    ut = award.decisions[0]
    assert ut.outcome == Outcome.GRANTED and ut.amount == Decimal(60000)
    assert award.items[0].text.startswith("被告青岛某某餐饮有限公司于本判决生效之日起十日内支付原告赵某")
    assert all(it.final is None for it in award.items)  # a judgment has no 终局 items


def test_the_ground_is_recognised_by_meaning():
    """「客观情况发生重大变化，劳动合同无法履行」 with no article is 劳动合同法第四十条第三项: 经济补偿 is due
    (第四十六条第三项): 6000 × 2 months (2022-03-01 to 2024-02-29) = 12000."""
    case = base_case([Claim(type="severance", text="裁决被申请人支付解除劳动合同经济补偿12000元", amount=Decimal(12000))],
                     defence="公司因业务调整，客观情况发生重大变化，劳动合同无法履行，经协商未能变更。")
    case.region = "北京市"
    f = case.facts
    f.hire_date.add(date(2022, 3, 1), APP, Side.APPLICANT)
    f.hire_date.add(date(2022, 3, 1), DEF, Side.RESPONDENT)
    f.leave_date.add(date(2024, 2, 29), NOTICE, Side.EVIDENCE)
    f.monthly_wage.add(Decimal(6000), APP, Side.APPLICANT)
    f.monthly_wage.add(Decimal(6000), DEF, Side.RESPONDENT)
    f.termination.add(dismissal("客观情况发生重大变化，劳动合同无法履行", notice=date(2024, 2, 29)), NOTICE,
                      Side.EVIDENCE)
    d = _by_type(draft_award(case), "severance")
    assert d.outcome == Outcome.GRANTED and d.amount == Decimal(12000)
    assert any(a.article == 46 for a in d.articles)
