"""Calculators: pure functions returning model.CalcResult (amount to the fen, formula, steps, articles).

`CALCULATORS` maps the names used in corpus/law/claim_types.toml (`calculator = "..."`) to the functions."""

from __future__ import annotations

from collections.abc import Callable

from arbitration.law.calculators.injury import (
    injury_disability,
    injury_employment,
    injury_leave_wage,
    injury_medical,
    own_wage,
)
from arbitration.law.calculators.penalty import penalty
from arbitration.law.calculators.severance import (
    service_months,
    severance,
    unlawful_termination,
)
from arbitration.law.calculators.wages import (
    additional_compensation,
    annual_leave,
    double_wage,
    minimum_wage,
    non_compete,
    notice_pay,
    overtime,
    wages_for_period,
)
from arbitration.model import CalcResult

CALCULATORS: dict[str, Callable[..., CalcResult]] = {
    "severance": severance,
    "unlawful_termination": unlawful_termination,
    "double_wage": double_wage,
    "overtime": overtime,
    "annual_leave": annual_leave,
    "notice_pay": notice_pay,
    "wages_for_period": wages_for_period,
    "minimum_wage": minimum_wage,
    "non_compete": non_compete,
    "additional_compensation": additional_compensation,
    "penalty": penalty,
    "injury_disability": injury_disability,
    "injury_leave_wage": injury_leave_wage,
    "injury_medical": injury_medical,
    "injury_employment": injury_employment,
}


def get(name: str) -> Callable[..., CalcResult]:
    """The calculator named `name`; KeyError lists the known names."""
    try:
        return CALCULATORS[name]
    except KeyError:
        raise KeyError(f"没有名为「{name}」的计算器；已有：{'、'.join(CALCULATORS)}") from None


__all__ = [
    "CALCULATORS",
    "additional_compensation",
    "annual_leave",
    "double_wage",
    "get",
    "injury_disability",
    "injury_employment",
    "injury_leave_wage",
    "injury_medical",
    "minimum_wage",
    "non_compete",
    "notice_pay",
    "overtime",
    "own_wage",
    "penalty",
    "service_months",
    "severance",
    "unlawful_termination",
    "wages_for_period",
]
