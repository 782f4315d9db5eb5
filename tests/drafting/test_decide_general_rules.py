"""Decisions that the law, the burden of proof and the tribunal's findings settle in general (issue 14, second
round): each rule with its articles, on small cases in the real courts' style (tests/findings/findings_cases.py)."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "findings"))

from findings_cases import court_case  # noqa: E402

from arbitration.drafting import draft_award  # noqa: E402
from arbitration.model import Claim, Outcome  # noqa: E402


def _decided(case):
    award = draft_award(case, archive=None)
    return {(d.claim.type, d.claim.text): d for d in award.decisions}, award


def _one(decisions, claim_type):
    return next(d for (t, _), d in decisions.items() if t == claim_type)


def test_every_claim_resting_on_an_unproven_employment_is_denied():
    claims = [Claim(type="unpaid_wages", text="被告支付原告2021年3月至5月工资9000元", amount=Decimal(9000)),
              Claim(type="double_wage", text="被告支付原告未签订书面劳动合同二倍工资差额9000元", amount=Decimal(9000)),
              Claim(type="other", text="某某商贸部对上述债务承担连带责任")]
    case = court_case(claims, defence="被告辩称，原告不是我公司员工，双方不存在劳动关系。",
                      found="经审理查明，原告孙某受雇于案外人钱某，从事货物装卸工作，钱某按天向其结算报酬。")
    decisions, _ = _decided(case)
    for d in decisions.values():
        assert d.outcome == Outcome.DENIED, d.claim.text
        assert any(a.law == "劳动争议调解仲裁法" and a.article == 6 for a in d.articles)
