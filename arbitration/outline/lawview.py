"""The outline's view of the law layer: claim types from the taxonomy, 时效/终局 verdicts, and amount previews
from the calculators (every figure with its formula and articles; alternative figures when a fact is disputed)."""

from __future__ import annotations

import inspect
import itertools
from datetime import date
from decimal import Decimal
from typing import Any

from arbitration import law
from arbitration.errors import ArbitrationError, CitationError
from arbitration.model import FACT_NAMES, Case, Citation, Claim
from arbitration.outline.model import MISSING, AmountPreview, Flag, Scenario
from arbitration.outline.text import SIDE_NAMES, money, short_value

MAX_SCENARIOS = 4  # alternative figures shown per claim (2 disputed facts × 2 versions)


def taxonomy() -> Any:
    return law.taxonomy()


def claim_type(tax: Any, type_id: str) -> Any | None:
    try:
        return tax.get(type_id)
    except (KeyError, ArbitrationError):
        return None


def claim_name(tax: Any, type_id: str, case: Case | None = None) -> str:
    """The taxonomy's name; 经济补偿 by the ground the case holds (an expired contract: 终止劳动合同经济补偿)."""
    ct = claim_type(tax, type_id)
    name = ct.name if ct is not None else type_id
    if type_id == "severance" and case is not None:
        from arbitration.law.grounds import ground_of

        g = ground_of(case.facts.termination.value)
        if g is not None and g.kind == "终止":
            name = name.replace("解除", "终止", 1)
    return name


def format_articles(cites: list[Citation]) -> list[str]:
    out: list[str] = []
    for c in cites:
        try:
            s = law.format_citation(c)
        except CitationError:  # a reference that does not resolve is left out, never shown as law
            continue
        if s not in out:
            out.append(s)
    return out


def articles(ct: Any) -> list[str]:
    return format_articles(list(ct.articles))


def elements(ct: Any) -> list[Any]:
    return list(ct.elements)


def element_parts(el: Any) -> tuple[str, list[str], list[str]]:
    """(name, Facts field names, evidence that usually proves it) of a taxonomy element."""
    return el.name, list(el.facts), list(el.evidence)


def questions(ct: Any) -> tuple[list[str], list[str]]:
    return list(ct.questions_applicant), list(ct.questions_respondent)


def relevant_facts(ct: Any | None, type_id: str) -> list[str]:
    """Facts fields a claim turns on: those its elements name, plus its calculator's inputs."""
    names: list[str] = []
    if ct is not None:
        for el in ct.elements:
            names += [f for f in el.facts if f in FACT_NAMES and f not in names]
    for f in calculator_facts(ct):
        if f not in names:
            names.append(f)
    return names


# ------------------------------------------------------------------ 时效 / 终局


def _verdict_fields(result: Any) -> tuple[str, list[str], list[str]]:
    """(verdict, reasons, formatted articles) of a law-layer verdict object."""
    verdict = str(getattr(result, "verdict", "") or getattr(result, "label", "") or MISSING)
    reasons = getattr(result, "reasons", None)
    if reasons is None:
        reason = getattr(result, "reason", None)
        reasons = [reason] if reason else []
    return verdict, [str(r) for r in reasons], format_articles(list(getattr(result, "articles", ()) or ()))


def _law_function(name: str) -> Any | None:
    return getattr(law, name, None)


def _the_date(case: Case, field: str) -> date | None:
    value = getattr(case.facts, field).value
    return value if isinstance(value, date) else None


def limitation_flag(case: Case, type_id: str, claims: list[Claim], today: date) -> Flag:
    """仲裁时效 for a claim type by the law layer, with the start of the period the case holds (「待查明」 where it
    holds nothing) and whether the respondent raised the defence — the tribunal applies it only then."""
    from arbitration.law.timebar import defence_raised, limitation_inputs

    name = claim_name(taxonomy(), type_id)
    fn = _law_function("limitation")
    if fn is None:
        return Flag(kind="仲裁时效", claim_type=type_id, claim_name=name, verdict=MISSING,
                    reasons=["法律规则层未提供时效判断"])
    applied = case.application_date or today
    kwargs, missing = limitation_inputs(case, claims[0] if claims else Claim(type=type_id, text=""))
    if case.facts.leave_date.value is None and case.facts.leave_date.values:
        missing.insert(0, "离职日期有争议")
    try:
        result = fn(type_id, application_date=applied, **kwargs)
    except (ArbitrationError, TypeError, ValueError) as e:
        return Flag(kind="仲裁时效", claim_type=type_id, claim_name=name, verdict=MISSING,
                    reasons=[*missing, str(e)])
    verdict, reasons, arts = _verdict_fields(result)
    reasons = [*missing, *reasons]
    deadline = getattr(result, "deadline", None)
    if deadline is not None:  # a one-line summary first; the DOCX shows only that, the JSON keeps the rest
        reasons.insert(0, f"时效期间至{deadline.year}年{deadline.month}月{deadline.day}日届满")
    raised = defence_raised(case)
    if getattr(result, "barred", False):
        if raised:
            reasons[0] += f"；被申请人已提出时效抗辩（{raised}）"
        else:
            verdict += "（风险提示：被申请人未提出时效抗辩，仲裁庭不主动适用）"
            reasons.insert(1, "被申请人如在庭审中提出时效抗辩，该项请求可能被驳回；未提出的，照常审理并全额计算")
    if case.application_date is None:
        reasons.append(f"申请日期待查明，暂按{today.isoformat()}判断")
    return Flag(kind="仲裁时效", claim_type=type_id, claim_name=name, verdict=verdict,
                reasons=reasons, articles=arts)


DEPENDS = "视裁决数额而定"  # a 第四十七条第一项 claim above the threshold: final when the award is within it


def claim_finality(case: Case, type_id: str, claims: list[Claim], tax: Any) -> Flag | None:
    """终局/非终局 of one claim type (调解仲裁法第47条), from its requested amount."""
    fn = _law_function("finality")
    if fn is None:
        return None
    amounts = [c.amount for c in claims if c.amount is not None]
    amount = sum(amounts) if amounts else None
    on = case.application_date or case.acceptance_date or date.today()
    try:
        result = fn(type_id, amount, case.region, on)
    except (ArbitrationError, TypeError, ValueError) as e:
        return Flag(kind="终局裁决", claim_type=type_id, claim_name=claim_name(tax, type_id), verdict=MISSING,
                    reasons=[str(e)])
    verdict, reasons, arts = _verdict_fields(result)
    threshold = getattr(result, "threshold", None)
    if threshold is not None and amount is not None:
        if Decimal(amount) <= threshold:  # the award cannot exceed the claim: final whatever is found
            reasons.insert(0, f"请求金额{money(Decimal(amount))}不超过当地月最低工资标准十二个月金额{money(threshold)}")
        else:  # the award may be lower: final when the amount awarded is within the threshold
            verdict = DEPENDS
            reasons = [f"请求金额{money(Decimal(amount))}超过当地月最低工资标准十二个月金额{money(threshold)}；"
                       f"裁决数额不超过{money(threshold)}的为终局裁决事项，超过的为非终局裁决事项"]
    return Flag(kind="终局裁决", claim_type=type_id, claim_name=claim_name(tax, type_id), verdict=verdict,
                reasons=reasons, articles=arts)


def case_finality(case: Case, tax: Any) -> Flag | None:
    """The case as a whole: all items final, none, or mixed (final items then ruled separately)."""
    by_type: dict[str, list[Claim]] = {}
    for c in case.claims:
        by_type.setdefault(c.type, []).append(c)
    flags = [f for t, cs in by_type.items() if (f := claim_finality(case, t, cs, tax)) is not None]
    if not flags:
        return None
    final = [f.claim_name for f in flags if f.verdict.startswith("终局")]
    unknown = [f.claim_name for f in flags if f.verdict == MISSING]
    depends = [f.claim_name for f in flags if f.verdict == DEPENDS]
    arts = sorted({a for f in flags for a in f.articles})
    if unknown:
        verdict, reasons = MISSING, [f"{'、'.join(n for n in unknown if n)}的终局属性待查明"]
    elif final and len(final) == len(flags):
        verdict, reasons = "终局裁决", ["全部仲裁请求均属终局裁决事项"]
    elif depends and len(final) + len(depends) == len(flags):
        verdict, reasons = DEPENDS, [f"{'、'.join(n for n in depends if n)}的请求金额超过终局限额，裁决数额不超过的为终局裁决事项"
                                     + (f"；{'、'.join(n for n in final if n)}属终局裁决事项" if final else "")]
    elif final or depends:
        verdict = "部分终局"
        reasons = [f"{'、'.join(n for n in final + depends if n)}属终局裁决事项"
                   + ("（其中" + "、".join(n for n in depends if n) + "视裁决数额而定）" if depends else "")
                   + "，其余为非终局事项；终局事项应分别制作裁决书"]
    else:
        verdict, reasons = "非终局", ["仲裁请求均不属终局裁决事项"]
    return Flag(kind="终局裁决", verdict=verdict, reasons=reasons, articles=arts)


# ------------------------------------------------------------------ amounts

# calculator parameter → Facts field it is read from (the rest come from the case, or stay missing)
PARAM_FACTS: dict[str, str] = {
    "hire": "hire_date",
    "hire_date": "hire_date",
    "start": "hire_date",
    "leave": "leave_date",
    "leave_date": "leave_date",
    "end": "leave_date",
    "monthly_wage": "monthly_wage",
    "wage": "monthly_wage",
    "average_wage_12m": "monthly_wage",
}
PARAM_NAMES: dict[str, str] = {"city": "地区", "region": "地区"}

# parameters read off a fact: the year of leaving for a per-year calculator
DERIVED: dict[str, tuple[str, Any]] = {"year": ("leave_date", lambda d: d.year)}
# calculators that need one of several inputs the case file does not carry
NEEDS_ONE_OF: tuple[tuple[str, ...], ...] = (("work_start", "cumulative_years"),)
PARAM_LABELS: dict[str, str] = {
    "year": "年度", "work_start": "参加工作时间", "cumulative_years": "累计工作年限", "hours": "加班时数",
    "weekday_hours": "工作日加班时数", "rest_day_hours": "休息日加班时数", "holiday_hours": "法定节假日加班时数",
    "months": "月数", "grade": "伤残等级", "rate": "比例", "owed": "欠付金额", "paid": "已付金额",
    "training_cost": "培训费用", "service_months": "服务期月数", "served_months": "已履行月数",
}


def calculator_facts(ct: Any | None) -> tuple[str, ...]:
    """The Facts fields the claim type's calculator reads, from its signature (empty without a calculator)."""
    fn = law.calculators.CALCULATORS.get(getattr(ct, "calculator", None) or "")
    if fn is None:
        return ()
    return tuple(dict.fromkeys(PARAM_FACTS[p.name] for p in _signature(fn) if p.name in PARAM_FACTS))


def _calculator(tax: Any, type_id: str) -> tuple[str, Any] | None:
    ct = claim_type(tax, type_id)
    name = getattr(ct, "calculator", None) if ct is not None else None
    if not name:
        return None
    fn = law.calculators.CALCULATORS.get(name)
    return (name, fn) if fn is not None else None


def _signature(fn: Any) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(fn).parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def calc_kwargs(type_id: str, case: Case, values: dict[str, Any], tax: Any = None) -> dict[str, Any]:
    """Keyword arguments of the claim type's calculator: `values` (Facts field → value) plus the case's region."""
    found = _calculator(tax if tax is not None else taxonomy(), type_id)
    if found is None:
        raise KeyError(type_id)
    kwargs: dict[str, Any] = {}
    for p in _signature(found[1]):
        fact = PARAM_FACTS.get(p.name)
        if fact is not None and values.get(fact) is not None:
            kwargs[p.name] = values[fact]
        elif fact is not None and getattr(case.facts, fact).value is not None:
            kwargs[p.name] = getattr(case.facts, fact).value
        elif p.name in PARAM_NAMES and case.region:
            kwargs[p.name] = case.region
        elif p.name in DERIVED:
            source, derive = DERIVED[p.name]
            value = values.get(source) or getattr(case.facts, source).value
            if value is not None:
                kwargs[p.name] = derive(value)
    return kwargs


def _versions(fact: Any) -> list[tuple[str, Any]]:
    """(label, value) per distinct version: the accepted or only value once, else one per side's version."""
    if fact.value is not None:
        return [("", fact.value)]
    seen: list[tuple[str, Any]] = []
    for v in fact.values:
        if any(v.value == x for _, x in seen):
            continue
        seen.append((SIDE_NAMES.get(v.side, str(v.side)), v.value))
    return seen


def amount_preview(case: Case, type_id: str, claims: list[Claim], tax: Any, today: date) -> AmountPreview | None:
    """Figures by the claim type's calculator; one scenario per combination of disputed facts' versions."""
    found = _calculator(tax, type_id)
    if found is None:
        return None
    _, fn = found
    params = _signature(fn)
    fact_params = [(p, PARAM_FACTS[p.name]) for p in params if p.name in PARAM_FACTS]
    requested = [c.amount for c in claims if c.amount is not None]
    preview = AmountPreview(
        claim_type=type_id,
        claim_name=claim_name(tax, type_id),
        requested=money(sum(requested)) if requested else MISSING,
        depends_on=[FACT_NAMES[f] for f in calculator_facts(claim_type(tax, type_id))],
    )
    required = [p.name for p in params if p.default is p.empty]
    unmapped = [n for n in required if n not in PARAM_FACTS and n not in PARAM_NAMES and n not in DERIVED]
    either = [group for group in NEEDS_ONE_OF if set(group) <= {p.name for p in params}]
    unmapped += ["或".join(PARAM_LABELS.get(n, n) for n in g) for g in either]
    if unmapped:
        needs = "、".join(PARAM_LABELS.get(n, n) for n in unmapped)
        preview.note = f"测算还需要{needs}，案卷中无此要素；请在庭审中查明后用 arbitration law calc 计算"
        return preview
    choices: list[tuple[str, list[tuple[str, Any]]]] = []
    for p, fact_name in fact_params:
        fact = getattr(case.facts, fact_name)
        versions = _versions(fact)
        if not versions:
            if p.default is p.empty:
                preview.missing.append(f"{FACT_NAMES[fact_name]}{MISSING}，无法计算")
            continue
        if fact_name not in [c for c, _ in choices]:
            choices.append((fact_name, versions))
    if preview.missing:
        return preview
    failures: dict[str, list[str]] = {}  # one message per distinct reason, not one per scenario
    for combo in itertools.islice(itertools.product(*(v for _, v in choices)), MAX_SCENARIOS):
        values = {name: value for (name, _), (_, value) in zip(choices, combo, strict=True)}
        labels = [f"按{side}主张：{FACT_NAMES[name]}{short_value(value)}"
                  for (name, _), (side, value) in zip(choices, combo, strict=True) if side]
        try:
            r = fn(**calc_kwargs(type_id, case, values, tax))
        except (ArbitrationError, TypeError, ValueError) as e:
            failures.setdefault(str(e), []).append("；".join(labels) or "按现有事实")
            continue
        preview.scenarios.append(Scenario(
            label="；".join(labels) or "按已查明事实",
            amount=r.amount,
            amount_text=money(r.amount),
            formula=r.formula,
            steps=list(r.steps),
            articles=format_articles(list(r.articles)),
            inputs={name: _input_text(value) for name, value in values.items()},
            notes=list(r.notes),
        ))
    for reason, labels in failures.items():
        which = f"（{'，'.join(labels)}）" if preview.scenarios else ""
        preview.missing.append(f"无法计算{which}：{reason}")
    return preview


def _input_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)
