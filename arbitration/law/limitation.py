"""仲裁时效 (劳动争议调解仲裁法第二十七条): whether a claim was filed within the one-year limitation, with the
start, the last day, the reason in Chinese and the articles — a verdict an arbitrator can read, not a boolean."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from arbitration.errors import CalculationError
from arbitration.law.calculators._common import add_years
from arbitration.law.holidays import next_working_day, uncovered_note
from arbitration.law.taxonomy import taxonomy
from arbitration.model import Citation

LAW = "劳动争议调解仲裁法"

WITHIN = "within"  # 未超过仲裁时效
BARRED = "barred"  # 超过仲裁时效
NOT_LIMITED = "not_limited"  # 劳动关系存续期间追索劳动报酬，不受一年时效限制
UNKNOWN = "unknown"  # 起算日无法确定

VERDICTS = {
    WITHIN: "未超过仲裁时效",
    BARRED: "超过仲裁时效",
    NOT_LIMITED: "不受一年仲裁时效期间限制",
    UNKNOWN: "无法判断是否超过仲裁时效",
}

DEFENCE_NOTE = "仲裁时效属于抗辩事由，被申请人未提出时效抗辩的，仲裁庭不主动审查适用"
HOLIDAY_NOTE = "期间最后一日为法定节假日或休息日的，顺延至其后的第一个工作日（按国务院节假日安排，含调休上班日）"
GENERAL_NOTES = (DEFENCE_NOTE, HOLIDAY_NOTE)  # true of every verdict; shown once, not per claim


@dataclass(frozen=True)
class LimitationResult:
    """The verdict on one claim: flag (within/barred/not_limited/unknown), reason, articles and the dates used."""

    claim_type: str
    flag: str
    reason: str
    articles: tuple[Citation, ...]
    start: date | None = None  # the day the period began running (or last restarted)
    deadline: date | None = None  # the last day to apply
    notes: tuple[str, ...] = field(default=())  # specific to this claim (an interruption that did not count …)
    general_notes: tuple[str, ...] = GENERAL_NOTES

    @property
    def barred(self) -> bool:
        return self.flag == BARRED

    @property
    def verdict(self) -> str:
        """The verdict in Chinese: 「未超过仲裁时效」「超过仲裁时效」…"""
        return VERDICTS[self.flag]

    @property
    def reasons(self) -> list[str]:
        return [self.reason, *self.notes]


def one_year_after(d: date) -> date:
    """The last day of a one-year period that starts running the day after `d`: the same date a year later
    (2019-02-28 → 2020-02-28; 2020-02-29 → 2021-02-28)."""
    return add_years(d, 1)


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def limitation(
    claim_type: str,
    leave_date: date | None,
    application_date: date,
    *,
    employment_ongoing: bool = False,
    interruptions: Iterable[date] = (),
    suspensions: Iterable[tuple[date, date]] = (),
    known_date: date | None = None,
    applied_after: str = "",
) -> LimitationResult:
    """Apply 调解仲裁法第二十七条 to one claim.

    The period is one year from the day the party knew or should have known the right was infringed — `known_date`,
    by default the day the employment ended (`leave_date`; for 二倍工资 pass the last day of the unsigned period, for
    未休年休假工资 the end of the year in which the leave had to be taken). A claim for 劳动报酬 (types marked
    `remuneration` in the taxonomy) is not limited while the employment lasts, and must be made within one year of
    its end (第四款). Each date in `interruptions` (a demand to the other party, a complaint to an authority, the
    other party agreeing to pay) restarts the year (第二款); each (from, to) in `suspensions` stops the clock and it
    runs on after the cause ends (第三款). A last day on a rest day rolls to the next working day by the State
    Council's holiday arrangements (arbitration.law.holidays); a year the data lack is said so in the notes.

    `applied_after` (why) says `application_date` is only the earliest the application can have been (the file
    does not date it): that is enough to find a claim barred, never to find it in time (then: unknown)."""
    ct = taxonomy().get(claim_type)  # TaxonomyError for an unknown id
    arts: list[Citation] = [Citation(law=LAW, article=27, clause=1)]
    notes: list[str] = []
    if leave_date is not None and employment_ongoing:
        raise CalculationError("已给出离职日期，又称劳动关系仍存续，二者矛盾")
    if leave_date is not None and application_date < leave_date and known_date is None and not applied_after:
        notes.append(f"申请日期{_cn(application_date)}早于离职日期{_cn(leave_date)}，请核对")

    if ct.remuneration:
        arts.append(Citation(law=LAW, article=27, clause=4))
        if employment_ongoing or leave_date is None:
            if not employment_ongoing:
                return LimitationResult(
                    claim_type, UNKNOWN,
                    f"{ct.name}属于劳动报酬，劳动关系存续期间不受一年仲裁时效期间的限制；但劳动关系是否终止及终止日期不明，无法判断",
                    tuple(arts),
                )
            return LimitationResult(
                claim_type, NOT_LIMITED,
                f"{ct.name}属于劳动报酬，劳动关系存续期间因拖欠劳动报酬发生争议，劳动者申请仲裁不受一年仲裁时效期间的限制",
                tuple(arts),
            )
        start = leave_date
        how = f"{ct.name}属于劳动报酬，劳动关系于{_cn(start)}终止，应自终止之日起一年内提出"
    else:
        start = known_date or leave_date
        if start is None:
            return LimitationResult(
                claim_type, UNKNOWN,
                f"{ct.name}的仲裁时效自当事人知道或者应当知道其权利被侵害之日起计算，该日期不明（劳动关系尚未终止且未给出知道权利被侵害之日），无法判断",
                tuple(arts),
            )
        if known_date is not None:
            how = f"{ct.name}的仲裁时效自当事人知道或者应当知道其权利被侵害之日即{_cn(start)}起计算"
        else:
            how = f"{ct.name}的仲裁时效自当事人知道或者应当知道其权利被侵害之日起计算，以劳动关系终止之日{_cn(start)}为起算日"

    deadline = one_year_after(start)
    steps = [how, f"一年期间至{_cn(deadline)}届满"]
    for d in sorted(set(interruptions)):
        if d < start or d > deadline:
            notes.append(f"{_cn(d)}的主张权利等事由不在时效期间内，不发生中断")
            continue
        start, deadline = d, one_year_after(d)
        steps.append(f"{_cn(d)}因主张权利、请求权利救济或对方同意履行而中断，重新计算至{_cn(deadline)}")
        if Citation(law=LAW, article=27, clause=2) not in arts:
            arts.append(Citation(law=LAW, article=27, clause=2))
    for a, b in sorted(set(suspensions)):
        if b < a:
            raise CalculationError(f"时效中止期间起止颠倒：{a} 至 {b}")
        if a > deadline or b < start:
            notes.append(f"{_cn(a)}至{_cn(b)}的中止事由不在时效期间内，不发生中止")
            continue
        remaining = deadline - max(a, start)
        deadline = b + remaining
        steps.append(f"{_cn(a)}至{_cn(b)}因不可抗力或其他正当理由中止，原因消除后继续计算至{_cn(deadline)}")
        if Citation(law=LAW, article=27, clause=3) not in arts:
            arts.append(Citation(law=LAW, article=27, clause=3))
    roll = next_working_day(deadline)
    last = roll.day
    if roll.step:
        steps.append(roll.step)
    elif not roll.covered:
        notes.append(uncovered_note(deadline) or "")
    if applied_after and application_date <= last:
        flag = UNKNOWN
        steps.append(f"申请仲裁的日期未载明，{applied_after}（{_cn(application_date)}），无法判断是否超过仲裁时效")
    elif applied_after:
        flag = BARRED
        late = (application_date - last).days
        steps.append(f"申请仲裁的日期未载明，但{applied_after}（{_cn(application_date)}），即便自该日申请，亦已超过仲裁时效{late}日")
    elif application_date <= last:
        flag = WITHIN
        steps.append(f"申请人于{_cn(application_date)}申请仲裁，未超过仲裁时效")
    else:
        flag = BARRED
        late = (application_date - last).days
        steps.append(f"申请人于{_cn(application_date)}申请仲裁，已超过仲裁时效{late}日")
    arts.sort(key=lambda c: (c.article, c.clause or 0))
    return LimitationResult(claim_type, flag, "；".join(steps), tuple(arts), start, last, tuple(notes))
