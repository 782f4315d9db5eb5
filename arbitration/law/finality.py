"""终局裁决 (劳动争议调解仲裁法第四十七条): which award items are final, the case-level consequence when final and
non-final items meet (解释（一）第十九条、第二十条), and the 救济告知 text the award ends with (第四十八至五十条)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from arbitration.errors import CalculationError
from arbitration.law.regions import Regions, regions
from arbitration.law.taxonomy import taxonomy
from arbitration.model import Citation

LAW = "劳动争议调解仲裁法"
INTERPRETATION = "劳动争议解释（一）"
THRESHOLD_MONTHS = 12

FINAL = "final"
NON_FINAL = "non_final"


@dataclass(frozen=True)
class FinalityResult:
    """One item: final or not, why (in Chinese), the articles, and the threshold used for 第一项 items."""

    claim_type: str
    flag: str  # FINAL | NON_FINAL
    reason: str
    articles: tuple[Citation, ...]
    amount: Decimal | None = None
    threshold: Decimal | None = None  # 12 × the local monthly minimum wage
    minimum_wage: Decimal | None = None
    minimum_wage_source: str = ""
    notes: tuple[str, ...] = ()  # e.g. the minimum wage is old and may have been raised since

    @property
    def final(self) -> bool:
        return self.flag == FINAL

    @property
    def verdict(self) -> str:
        return "终局裁决事项" if self.final else "非终局裁决事项"

    @property
    def reasons(self) -> list[str]:
        return [self.reason, *self.notes]


@dataclass(frozen=True)
class CaseFinality:
    """All items of one award: which are final, whether they are mixed, what that means, and the notice text."""

    items: tuple[FinalityResult, ...]
    reason: str
    articles: tuple[Citation, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def final_items(self) -> list[FinalityResult]:
        return [i for i in self.items if i.final]

    @property
    def non_final_items(self) -> list[FinalityResult]:
        return [i for i in self.items if not i.final]

    @property
    def mixed(self) -> bool:
        return bool(self.final_items) and bool(self.non_final_items)

    @property
    def final(self) -> bool:
        """The whole award is final: every item is."""
        return bool(self.items) and not self.non_final_items

    @property
    def verdict(self) -> str:
        if self.final:
            return "终局裁决"
        if self.mixed:
            return "部分事项终局"
        return "非终局裁决"


def _yuan(x: Decimal) -> str:
    return f"{x.quantize(Decimal('0.01')):.2f}"


def finality(
    claim_type: str,
    amount: Decimal | int | str | None,
    region: str | None,
    on: date | None = None,
    *,
    standard_dispute: bool = False,
    data: Regions | None = None,
) -> FinalityResult:
    """Whether one award item is final under 调解仲裁法第四十七条.

    第一项: an item of a type marked finality="amount" in the taxonomy (劳动报酬、工伤医疗费、经济补偿或者赔偿金)
    is final when the amount awarded (确定的数额, per 解释（一）第十九条 item by item) does not exceed 12 months of the
    monthly minimum wage in force in `region` (the configured Settings.region when None) on `on` (the award
    date; today when not given). 第二项: a dispute over
    executing national standards on working time, rest and leave or social insurance is final whatever the amount —
    types marked finality="standard", or any item with standard_dispute=True. A missing minimum wage raises
    MissingParameter naming the city and the file to edit."""
    ct = taxonomy().get(claim_type)
    first = Citation(law=LAW, article=47, item=1)
    second = Citation(law=LAW, article=47, item=2)
    if standard_dispute or ct.finality == "standard":
        return FinalityResult(
            claim_type, FINAL,
            f"{ct.name}属于因执行国家的劳动标准在工作时间、休息休假、社会保险等方面发生的争议，为终局裁决事项",
            (second,),
            amount=None if amount is None else Decimal(str(amount)),
        )
    if ct.finality != "amount":
        return FinalityResult(
            claim_type, NON_FINAL,
            f"{ct.name}不属于追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的小额争议，也不属于执行国家劳动标准的争议，为非终局裁决事项",
            (first, second),
            amount=None if amount is None else Decimal(str(amount)),
        )
    if amount is None:
        raise CalculationError(f"判断「{ct.name}」是否终局需要裁决确定的数额")
    value = Decimal(str(amount))
    if value < 0:
        raise CalculationError(f"裁决数额不能为负数：{value}")
    when = on or date.today()
    if not region:  # the office's configured city (Settings.region), named in the reason below
        from arbitration.config import settings

        region = settings().region
    fig = (data or regions()).minimum_wage(region, when)  # MissingParameter: city, date, file to edit
    threshold = fig.monthly * THRESHOLD_MONTHS
    notes = (fig.stale,) if fig.stale else ()
    base = (
        f"{fig.city}{when.year}年{when.month}月{when.day}日适用的月最低工资标准为{_yuan(fig.monthly)}元（{fig.source}），"
        f"其十二个月金额为{_yuan(threshold)}元"
    )
    arts = (first, Citation(law=INTERPRETATION, article=19))
    if value <= threshold:
        return FinalityResult(
            claim_type, FINAL,
            f"{ct.name}属于追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的争议；{base}；裁决数额{_yuan(value)}元未超过该金额，为终局裁决事项",
            arts, value, threshold, fig.monthly, fig.source, notes,
        )
    return FinalityResult(
        claim_type, NON_FINAL,
        f"{ct.name}属于追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的争议；{base}；裁决数额{_yuan(value)}元超过该金额，为非终局裁决事项",
        arts, value, threshold, fig.monthly, fig.source,
    )


def case_finality(
    items: Iterable[tuple[str, Decimal | int | str | None]],
    region: str,
    on: date | None = None,
    *,
    standard: Iterable[str] = (),
    data: Regions | None = None,
) -> CaseFinality:
    """All (claim_type, amount) items of one award. When final and non-final items meet, the final items are ruled
    in a separate award (the commission's practice), since an award holding both is treated as non-final when a
    party sues (解释（一）第二十条)."""
    std = set(standard)
    results = tuple(
        finality(t, a, region, on, standard_dispute=t in std, data=data) for t, a in items
    )
    arts: list[Citation] = [Citation(law=LAW, article=47)]
    tax = taxonomy()
    finals = [tax.name(r.claim_type) for r in results if r.final]
    others = [tax.name(r.claim_type) for r in results if not r.final]
    if not results:
        raise CalculationError("没有裁决事项，无法判断是否终局")
    if finals and others:
        arts.append(Citation(law=INTERPRETATION, article=20))
        reason = (
            f"本案{'、'.join(finals)}为终局裁决事项，{'、'.join(others)}为非终局裁决事项；同一仲裁裁决同时包含终局裁决事项和"
            "非终局裁决事项的，当事人起诉时按非终局裁决处理，故对终局裁决事项应单独制作终局裁决书，其余事项另行制作非终局裁决书"
        )
    elif finals:
        reason = f"本案裁决事项（{'、'.join(finals)}）均为终局裁决事项，本裁决为终局裁决"
    else:
        reason = f"本案裁决事项（{'、'.join(others)}）均为非终局裁决事项，本裁决为非终局裁决"
    return CaseFinality(results, reason, tuple(arts))


def notice(final: bool, *, commission_seat: str = "本委所在地") -> str:
    """The 救济告知 paragraph an award ends with: 终局 (第四十七条至第四十九条) or 非终局 (第五十条)."""
    if final:
        return (
            "本裁决为终局裁决，裁决书自作出之日起发生法律效力。"
            "劳动者对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼。"
            "用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》第四十九条第一款规定情形之一的，"
            f"可以自收到本裁决书之日起三十日内向{commission_seat}的中级人民法院申请撤销裁决。"
        )
    return (
        "当事人对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；"
        "期满不起诉的，本裁决书发生法律效力。"
    )


def notice_articles(final: bool) -> list[Citation]:
    """The articles behind `notice(final)`."""
    if final:
        return [Citation(law=LAW, article=n) for n in (47, 48, 49)]
    return [Citation(law=LAW, article=50)]
