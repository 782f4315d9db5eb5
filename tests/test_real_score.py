"""The scoring of drafts against real courts (benchmarks/real_score.py): a decision on the employer's own request
(「原告无需支付…」) is turned to the worker's side before it is compared with the worker's claim."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import real_score as rs  # noqa: E402

from arbitration.model import Claim, ClaimantSide, ClaimDecision, Outcome  # noqa: E402


def _decision(claimant: ClaimantSide, outcome: Outcome, amount: str | None) -> ClaimDecision:
    claim = Claim(type="double_wage", text="二倍工资", claimant=claimant)
    return ClaimDecision(claim=claim, outcome=outcome, amount=Decimal(amount) if amount else None)


def test_the_employers_request_denied_is_the_workers_claim_granted():
    worker_partly = {"outcome": "partly", "granted_amount": 20403.5}
    assert rs.draft_verdict(worker_partly, _decision(ClaimantSide.EMPLOYER, Outcome.DENIED, "20403.50")) == "agree"
    assert rs.draft_verdict(worker_partly, _decision(ClaimantSide.EMPLOYER, Outcome.GRANTED, None)) == "otherwise"
    assert rs.draft_verdict({"outcome": "denied"}, _decision(ClaimantSide.EMPLOYER, Outcome.GRANTED, None)) == "agree"
    assert rs.draft_verdict(worker_partly, _decision(ClaimantSide.EMPLOYER, Outcome.NOT_ACCEPTED, None)) == "pending"
    # the worker's own claim is compared as it stands
    assert rs.draft_verdict(worker_partly, _decision(ClaimantSide.WORKER, Outcome.DENIED, None)) == "otherwise"
