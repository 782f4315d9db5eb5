"""违约金/培训服务期 (劳动合同法第二十二条第二款, 实施条例第十六条、第二十六条): the penalty a worker owes for
leaving before the end of an agreed service period, capped by the training cost allotted to the unserved part."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbitration.errors import CalculationError
from arbitration.law.calculators._common import (
    UNROUNDED,
    cite,
    money,
    num,
    positive,
    result,
    span,
    yuan,
)
from arbitration.model import CalcResult

UNITS = ("day", "month")


def penalty(training_cost: Decimal | int | str, service_start: date, service_end: date, leave: date, *,
            agreed: Decimal | int | str | None = None, unit: str = "day",
            employee_terminated_under_38: bool = False) -> CalcResult:
    """服务期违约金: no more than the training cost (实施条例第十六条: documented fees, travel and other direct
    costs) allotted to the part of the service period (`service_start`–`service_end`, inclusive) not yet served
    when the worker left (`leave`, last day worked) — by calendar days (`unit="day"`) or whole months
    (`unit="month"`) — and no more than the agreed penalty (`agreed`). None when the worker terminated under
    劳动合同法第三十八条 (实施条例第二十六条第一款)."""
    if unit not in UNITS:
        raise ValueError(f"unit 只能是 {UNITS}：{unit!r}")
    cost = positive("培训费用", money(training_cost))
    if service_end < service_start:
        raise CalculationError(f"服务期结束日期 {service_end} 早于开始日期 {service_start}")
    if leave < service_start:
        raise CalculationError(f"离职日期 {leave} 早于服务期开始日期 {service_start}")
    articles = [cite("劳动合同法", 22, 2), cite("劳动合同法实施条例", 16)]
    inputs: dict[str, object] = {"training_cost": cost, "service_start": service_start, "service_end": service_end,
                                 "leave": leave, "agreed": agreed, "unit": unit}
    formula = "违约金=min（约定违约金，培训费用×服务期尚未履行部分÷服务期全部）"
    steps: list[str] = []
    notes = [UNROUNDED]
    if employee_terminated_under_38:
        articles.append(cite("劳动合同法实施条例", 26, 1))
        steps.append("劳动者依劳动合同法第三十八条解除劳动合同，不属于违反服务期约定，不支付违约金")
        return result("penalty", Decimal(0), formula, steps, articles, inputs, notes)
    if leave >= service_end:
        steps.append(f"离职日{leave.isoformat()}时服务期（至{service_end.isoformat()}）已届满，不支付违约金")
        return result("penalty", Decimal(0), formula, steps, articles, inputs, notes)
    if unit == "day":
        total = Decimal((service_end - service_start).days + 1)
        remaining = Decimal((service_end - leave).days)
        what = "天"
    else:
        whole_span = span(service_start, service_end)
        if whole_span.days:
            raise CalculationError("按月分摊要求服务期为整月数；请改用按日分摊（unit='day'）")
        total = Decimal(whole_span.months)
        served = span(service_start, leave)
        remaining = total - Decimal(served.months)  # a started month counts as not yet served
        what = "个月"
    cap = cost * remaining / total
    steps.append(f"服务期{service_start.isoformat()}至{service_end.isoformat()}共{num(total)}{what}，离职时尚未履行{num(remaining)}{what}")
    steps.append(f"尚未履行部分应分摊的培训费用={yuan(cost)}元×{num(remaining)}÷{num(total)}={cap:.4f}元")
    amount = cap
    if agreed is not None:
        agreed_amount = positive("约定违约金", money(agreed))
        if agreed_amount < cap:
            amount = agreed_amount
            steps.append(f"约定违约金{yuan(agreed_amount)}元低于分摊额，按约定{yuan(agreed_amount)}元")
        else:
            steps.append(f"约定违约金{yuan(agreed_amount)}元超过分摊额，按分摊额{yuan(cap)}元")
    else:
        notes.append("未给出约定违约金数额：违约金以约定为前提，本结果为法定上限")
    notes.append("培训费用限于用人单位为专业技术培训支付的有凭证的费用（实施条例第十六条）")
    return result("penalty", amount, formula, steps, articles, inputs, notes)


__all__ = ["penalty"]
