"""Facts from a statement (事实与理由, 答辩意见, a contract, a notice): dates of hire and leave, wage, contract,
social insurance, overtime, annual leave and how the employment ended.

Each finder returns `Found` items (value, span, note, confidence, extractor); `case.py` turns them into
`Fact.add` calls with provenance and the side of the document. Finders never decide between documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from arbitration.ingest.speech import ROLE_WORDS
from arbitration.model import (
    ContractInfo,
    Termination,
    TerminationInitiator,
    WageComposition,
    WagePart,
    WorkSchedule,
)

from . import cues
from .rules import find_dates, find_durations, find_money, find_ranges
from .rules.numerals import cn_int

_CLAUSE_END = "。；;\n"


@dataclass(frozen=True)
class Found:
    """One value read from a text, with its span and how it was stated."""

    value: Any
    start: int
    end: int
    extractor: str
    confidence: float = 0.9
    note: str | None = None


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in _CLAUSE_END) + 1
    ends = [i for i in (text.find(c, pos) for c in _CLAUSE_END) if i != -1]
    return start, min(ends) if ends else len(text)


# the note of a hire date that is only the day a contract was signed, standing in for the start of employment
HIRE_FROM_CONTRACT = "以订立劳动合同时间计"
# words after a date that make it the hire date, or the leave date
_HIRE = (
    r"入职|(?<![不未没])到岗|报到|进入[^。；，]{0,40}?(?:工作|上班)|"
    r"(?<!再)(?<!再至)(?:到|来|去|至(?![\d一二三四五六七八九十今]))[^。；，]{0,40}?(?:工作|上班|任职|从事|担任|务工|打工|做[\u4e00-\u9fa5]{0,2}工)|"
    r"(?<![未再不])在[^。；，]{0,40}?(?:工作|上班|任职|担任|从事|务工|打工)|开始(?:为[^。；，]{0,20}?)?(?:工作|上班)|"
    r"(?:为|向)[^。；，]{0,30}?提供劳动|招用|录用|应聘|建立劳动关系|受雇|受聘|"
    r"任职于|就职于|供职于"
)
# 解除/终止 of something else (「解除取保候审」) is no ending of the employment
_ENDS = r"(?:解除|终止)(?=[^，。；]{0,12}(?:劳动|合同|关系|聘用|雇佣)|[了的，,。；]|$)"
_LEAVE = (
    rf"离职|辞职|辞退|开除|除名|{_ENDS}|解聘|解雇|停止工作|不再上班|不再到|不[用要必](?:再)?来(?:上班|了|公司)|被迫离开|离开公司|"
    r"最后工作日|停工|自动离岗|自行离开|不辞而别|(?:合同)?期满(?!后)|(?:合同)?到期(?!后)|让[^。；，]{0,6}(?:走人|回家)|"
    r"离开(?:了)?(?:被告|原告|被申请人|申请人|公司|单位|工作岗位|该公司)?(?:处|公司|门店|工厂|单位|岗位)?(?=[，,。；]|$)|"
    r"不再(?:给|为)?安排[^，。；]{0,6}工作|(?:不再|停止|终止)用工"
)
_AFTER = re.compile(rf"(?P<hire>{_HIRE})|(?P<leave>{_LEAVE})")
_HIRE_BEFORE = re.compile(r"(?:入职(?:时间|日期)?|入职于|用工(?:开始)?(?:时间|日期))(?:为|是|：|:)?\s*$")
_LEAVE_BEFORE = re.compile(
    r"(?:离职(?:时间|日期)?|工作至|工作到|上班至|上班到|劳动(?:至|到)|干到|做到|最后工作日(?:为)?|"
    r"(?:终止|解除|到期)(?:日期|时间)|(?:解除|辞退|解雇|解聘|开除)[^，。；\d]{0,10}(?:发生)?于)(?:为|是|：|:)?\s*$"
)
# 「签订《协商解除劳动合同协议书》」 signs an ending, not a labour contract
_CONTRACT_SIGN = re.compile(r"(?:签订|订立|签署)(?:(?!解除|终止)[^。；]){0,40}?(?:劳动|聘用)合同")
# a date whose clause tells a step of the proceedings (申请仲裁, 作出裁决) is no date of the employment
_PROCEDURE = re.compile(r"仲裁|裁决|判决|诉至|起诉|诉讼|立案|受理|开庭|申诉|投诉|信访|调解")
# 「将被告交流到分公司工作」「调到」: a transfer, not the start of the employment
_TRANSFER = re.compile(r"将|安排|调[动到至往入]|派驻|交流|借调|轮岗")
# 「自2013年5月21日起原告未再到被告处上班」: the day before is the last day of the employment
_ABSENT_FROM = re.compile(
    r"^\s*起?[^。；]{0,16}?(?:(?:未再|再未|没有再|不再)(?:到|至|去|来|回)?[^。；，]{0,12}(?:上班|工作|出勤|到岗)"
    r"|(?:未|没有)(?:到|至|去|来|回)[^。；，]{0,12}(?:上班|工作|出勤|到岗)|(?:未|没有)(?:上班|出勤|到岗))"
)
# 「2018年6月30日后，原告未再到被告处工作」: that day is the last
_ABSENT_AFTER = re.compile(r"^\s*(?:之后|以后|后)[，,]?[^。；]{0,10}?(?:未再|再未|没有再|不再)(?:到|至|去|来|回)?[^。；，]{0,12}(?:上班|工作|出勤|到岗)")
# 「自A起至B止在被告处上班」「A至B，我在被告处工作」: a period of work
_WORKED_IN = re.compile(r"^\s*(?:止|期间|之间)?[，,]?\s*(?:我|原告|被告|申请人|其|[\u4e00-\u9fa5]{2,4})?(?:一直)?(?:在|于)[^。；，]{0,20}(?:工作|上班|任职|务工)")
# 「…于2013年6月29日通过快递向申请人送达(了)《解除劳动合同通知书》」: the day the notice reached the worker
_SERVED_AFTER = re.compile(r"[^。；，]{0,30}?(?:送达|签收)(?:了)?[^。；]{0,8}?(?:解除|终止)[^。；]{0,12}通知")
# a date that opens a period (「2018年1月至5月拖欠的工资」) tells no single event
_RANGE_START = re.compile(r"\s*(?:起)?\s*(?:至|到|—|-|~|～)\s*(?:\d|[一二三四五六七八九十]{1,3}月)")
# a clause of time that leads to the main one (「于…通知工会后，」「…时，」): the event is in the next clause
_SUBORDINATE_END = re.compile(r"(?:后|之后|以后|时|同时)\s*$")
_REQUEST_AT = re.compile(r"(?:请求|要求|诉请)(?:[^，。；]{0,12}?(?:判令|判决|裁决))?")
_ASKED = re.compile(r"支付|给付|赔偿|补偿|补缴|补发|确认|返还|退还|承担")


def _in_request(before: str) -> bool:
    """Whether a date sits inside a request (a request verb, then what is asked, no new clause before the date)."""
    asks = list(_REQUEST_AT.finditer(before))
    if not asks:
        return False
    m = asks[-1]
    rest = before[m.end() :]
    asked = _ASKED.search(rest)
    return bool(asked) and not re.search(r"[，,]", rest[asked.end() :]) or rest.strip() == ""


# 「于当日解除」: the date of the sentence before
_THAT_DAY = re.compile(r"(?:于|在)?(?:当日|当天|同日|即日|该日)(?:起)?")


# 「自该日起」「自被告成立之日起」 before 在…工作: the start of the work is a date told before (the founding's, when named)
_FROM_THAT_DAY = re.compile(r"(?:自|从)[^，。；、\d]{0,12}?(?:当日|当天|同日|该日|(?P<founded>成立|设立|注册成立|开业)之日)起?")


def _previous_date(text: str, dates: list, pos: int) -> Any:
    """The last date mentioned before `pos` outside quotations (for 「当日」「同日」)."""
    before = [d for d in dates if d.end <= pos and d.date.precision == "day" and not _quoted(text, d.start)]
    return before[-1] if before else None


def _quoted(text: str, pos: int) -> bool:
    return text.count("“", 0, pos) > text.count("”", 0, pos)


def find_employment_dates(text: str) -> tuple[list[Found], list[Found]]:
    """(hire dates, leave dates): a date followed closely by 入职/离职-type words, or after 入职时间为 etc.

    A date's window runs to the next date or the end of its sentence, so 「2021年3月1日入职，2022年2月离职」
    gives one of each. Month-precision dates keep the 1st of the month (the note says so). A period followed by
    「在被告处工作」 gives both; 「自X起未再上班」 leaves on the day before X; 「于当日解除」 takes the date before;
    dates of the proceedings (申请仲裁, 作出裁决) and transfers (「将其调到…工作」) are no hire or leave.
    """
    dates = [d for d in find_dates(text) if d.date.value is not None and d.date.precision != "year"]
    hires: list[Found] = []
    leaves: list[Found] = []
    in_period: set[int] = set()
    for r in find_ranges(text):
        after = text[r.end : r.end + 30]
        if r.first_day and _WORKED_IN.match(after) and not _PROCEDURE.search(text[_sentence_bounds(text, r.start)[0] : r.start]):
            hires.append(Found(r.first_day, r.start, r.end, "facts.hire_date.period", 0.85))
            if r.last_day:
                leaves.append(Found(r.last_day, r.start, r.end, "facts.leave_date.period", 0.85))
            in_period.update(i for i, d in enumerate(dates) if r.start <= d.start < r.end)
    for i, d in enumerate(dates):
        if i in in_period:
            continue
        note = "仅载明年月" if d.date.precision == "month" else None
        before = text[max(0, d.start - 12) : d.start]
        if _HIRE_BEFORE.search(before):
            hires.append(Found(d.date.value, d.start, d.end, "facts.hire_date", 0.95, note))
            continue
        if _LEAVE_BEFORE.search(before) or re.search(r"(?:(?<!截)至|到)\s*$", before) and re.match(
            r"[^。；]{0,4}(?:止|期间)?[^。；]{0,4}在[^。；，]{0,15}(?:工作|上班)", text[d.end : d.end + 25]
        ):
            leaves.append(Found(d.date.value, d.start, d.end, "facts.leave_date", 0.95, note))
            continue
        if d.date.precision == "day" and _ABSENT_AFTER.match(text[d.end : d.end + 30]):
            leaves.append(Found(d.date.value, d.start, d.end, "facts.leave_date.absent_after", 0.9, "此后未再上班"))
            continue
        opens = re.search(r"(?:自|从)\s*$", before) or re.match(r"\s*起", text[d.end : d.end + 2])
        if opens and d.date.precision == "day" and _ABSENT_FROM.match(text[d.end : d.end + 30]):
            leaves.append(Found(d.date.value - timedelta(days=1), d.start, d.end, "facts.leave_date.absent_from", 0.9,
                                "自该日起未再上班，前一日为最后工作日"))  # fmt: skip
            continue
        if re.search(r"(?:(?<![截直])至|(?<!直)到|—|-)\s*$", before) or _RANGE_START.match(text, d.end):
            continue  # the end or the start of a period, not an event (「截至」「直至」 a date are no period's end)
        if re.match(r"\s*(?:之?前|以前|前后)", text[d.end : d.end + 3]):
            continue  # 「请你于2024年3月5日前到公司办理交接」: a deadline, not an event
        sent_start, sent_end = _sentence_bounds(text, d.end)
        if _in_request(text[sent_start : d.start]):
            continue  # 「请求判令被告支付…2018年1月至5月的工资、解除劳动关系的经济补偿金」 narrates nothing
        window_end = min(sent_end, dates[i + 1].start if i + 1 < len(dates) else sent_end, d.end + 70)
        lead = text[sent_start : d.start].strip(" \t\u3000，,")
        if not lead or re.fullmatch(r"(?:截至|截止|直至|直到|至|到|在|于|自|从)", lead):
            # 「2024年3月10日，申请人依据……解除了双方的劳动合同」: the date heads a long sentence
            window_end = min(sent_end, dates[i + 1].start if i + 1 < len(dates) else sent_end, d.end + 150)
        else:
            # the date sits inside a clause (「答辩人于2024年1月安排其培训，……解除劳动合同」): its own clause only
            clause_end = next((j for j in range(d.end, window_end) if text[j] in "，,"), window_end)
            if _SUBORDINATE_END.search(text, d.end, clause_end):  # 「于…通知工会后，向被告送达解除通知」
                clause_end = next((j for j in range(clause_end + 1, window_end) if text[j] in "，,"), window_end)
            window_end = min(window_end, clause_end)
        m = _AFTER.search(text, d.end, window_end)
        if m is None:
            continue
        between = text[d.end : m.start()]
        if _PROCEDURE.search(between) or _PROCEDURE.search(text[max(sent_start, d.start - 8) : d.start]):
            continue  # 「2014年5月5日，仲裁委出具裁决书，裁定…违法解除…」: a step of the proceedings
        if m.group("leave") and re.search(r"(?:并不是|不是|并非|没有|未曾|并未|从未)[^，。；]{0,6}$|未[^，。；]{0,4}$", between):
            continue  # 「…所发生的交通事故并不是…解除劳动合同的理由」
        if m.group("hire"):
            if _TRANSFER.search(between) or re.search(r"(?:截至|截止)\s*$", before):
                continue  # 「截至2019年6月2日，乙仍在甲公司工作」: a state as of a day, not the start of the work
            hires.append(Found(d.date.value, d.start, d.end, "facts.hire_date", 0.9, note))
        else:
            leaves.append(Found(d.date.value, d.start, d.end, "facts.leave_date", 0.85, note))
    for m in _THAT_DAY.finditer(text):  # 「原告据此于当日解除双方之间的劳动关系」
        s, e = _sentence_bounds(text, m.end())
        event = _AFTER.search(text, m.end(), min(e, m.end() + 30))
        prev = _previous_date(text, dates, m.start())
        if event and event.group("leave") and prev is not None and not _PROCEDURE.search(text[m.end() : event.start()]):
            leaves.append(Found(prev.date.value, m.start(), m.end(), "facts.leave_date.that_day", 0.85, f"「{m.group()}」即{prev.text}"))
    for m in _FROM_THAT_DAY.finditer(text):  # 「公司成立于2001年4月12日，原告自该日起在公司工作」
        s, e = _sentence_bounds(text, m.end())
        event = _AFTER.search(text, m.end(), min(e, m.end() + 30))
        if not event or not event.group("hire") or re.search(r"未|没|不|停|将|安排|调", text[m.end() : event.start() + 1]):
            continue  # 「自该日起未到公司上班」 is an absence, 「自该日起将其调到…工作」 a transfer
        founded = m.group("founded")
        prev = [d for d in dates if d.end <= m.start() and d.date.precision == "day" and not _quoted(text, d.start)
                and (not founded or re.search(rf"{founded}(?:于|日期为|时间为|日期是|时间是)?\s*$", text[max(0, d.start - 8) : d.start])
                     or re.match(rf"\s*{founded}", text[d.end : d.end + 4]))]
        if prev:
            hires.append(Found(prev[-1].date.value, m.start(), m.end(), "facts.hire_date.that_day", 0.85,
                               f"「{m.group()}」即{prev[-1].text}"))
    if not hires:
        # 「2017年7月，肖某与某科技公司订立劳动合同」: the signing date stands in for the start of employment, or
        # the contract's term when it starts earlier (「…签订劳动合同，约定合同期限为2013年4月1日起…」)
        for d in dates:
            s, e = _sentence_bounds(text, d.end)
            sign = _CONTRACT_SIGN.search(text, d.end, e)
            if sign and not re.search(r"未|没有|拒绝|不", text[s : sign.start() + 2]) and not _in_request(text[s : d.start]):
                term = [r for r in find_ranges(text[s:e]) if r.first_day]
                start = min([d.date.value, *(r.first_day for r in term)])
                hires.append(Found(start, d.start, d.end, "facts.hire_date.contract", 0.6, HIRE_FROM_CONTRACT))
                break
    if not hires:
        # 「2008年，原告与被告签订了三年的劳动合同（2008年1月1日至2010年12月31日）」: a year alone, the term's first day
        # after the signing stands in, the earliest of such terms
        terms = []
        for sign in _CONTRACT_SIGN.finditer(text):
            s, e = _sentence_bounds(text, sign.start())
            if re.search(r"未|没有|拒绝|不", text[s : sign.start() + 2]) or _in_request(text[s : sign.start()]):
                continue
            terms += [(r.first_day, s + r.start, s + r.end) for r in find_ranges(text[s:e])
                      if r.first_day and s + r.start >= sign.end() - 2]
        if terms:
            first = min(terms)
            hires.append(Found(first[0], first[1], first[2], "facts.hire_date.contract", 0.6, HIRE_FROM_CONTRACT))
    for d in dates:  # 「于2013年6月29日通过快递向申请人送达解除劳动合同通知书」
        if d.date.precision == "day" and _SERVED_AFTER.match(text, d.end):
            leaves.append(Found(d.date.value, d.start, d.end, "facts.leave_date.served", 0.95, "解除通知送达之日"))
    for m in re.finditer(r"(?:解除|终止)[^。；]{0,20}通知(?:书)?[^。；]{0,30}?(?:于|在)?", text):
        # a notice of termination takes effect when it reaches the worker: 「…通知书…于2013年6月29日送达」
        s, e = _sentence_bounds(text, m.end())
        for d in dates:
            if m.end() <= d.start < e and re.match(r"[^，。；]{0,10}送达", text[d.end : d.end + 12]):
                leaves.append(Found(d.date.value, d.start, d.end, "facts.leave_date.served", 0.95, "解除通知送达之日"))
    hires.sort(key=lambda f: f.start)
    leaves.sort(key=lambda f: f.start)
    return hires, leaves


def pick_leave(leaves: list[Found]) -> list[Found]:
    """The leave date a text states: the surest kind (an explicit last working day over an event), the last of it;
    a month alone (「上班至2012年1月」) gives way to a day in that month (「2012年1月30日…辞退」)."""
    if not leaves:
        return []
    best = max(f.confidence for f in leaves)
    chosen = next(f for f in reversed(leaves) if f.confidence == best)
    if chosen.note == "仅载明年月":
        days = [f for f in leaves if f.note != "仅载明年月" and f.value.replace(day=1) == chosen.value]
        if days:
            return [days[-1]]
    return [chosen]


_WAGE_BEFORE = re.compile(
    r"(?P<kw>月工资|月薪|月报酬|月薪酬|月收入|每月工资|每月报酬|工资标准|工资为每月|工资待遇为每月|月平均工资|平均工资|基本工资|底薪|"
    r"劳动报酬(?:为)?(?:每月)?|工资(?:为|是)?每月|每月|工资)[^，。；,0-9]{0,6}$"
)
_DAILY_BEFORE = re.compile(r"(?P<kw>日工资|日薪|每日工资|每天工资|工资(?:为|是)?每天|每天|每日)[^，。；,0-9]{0,4}$")
_ANNUAL_BEFORE = re.compile(r"(?P<kw>年薪|年工资|年收入|年度工资|工资(?:为|是)?每年)[^，。；,0-9]{0,4}$")
_NOT_WAGE = re.compile(
    r"加班|补偿|赔偿|差额|共计|合计|支付|拖欠|欠付|扣|补助|奖金|提成|押金|违约金|二倍|双倍|罚款|社保|公积金|绩效|津贴|补贴|全勤|"
    r"归还|偿还|"  # arrears paid back (「向原告归还工资款20000元」): a sum, not the rate
    r"发放|"  # 「11月21日发放11月工资1563元」: one month's payout
    r"最低工资|"  # 「当地最低工资是1210元」: the statutory floor, not this worker's wage
    r"生活费"  # 「停工期间按每月980元标准支付生活费」: an allowance while idle (工资支付暂行规定第十二条), not the wage
)
# the pay of named months (「2016年4月实发工资3865元」「4月、5月工资1642.72元」「9月份的工资3200元」) or of a count of
# months (「补1个月工资2475元」「35个月的工资收入」): a payout or a sum, not the monthly rate (劳动合同法实施条例第二十七条
# takes the average of the wages due over twelve months); one named month's pay is kept, noted ONE_MONTH_PAY
_MONTHS_PAY = re.compile(
    r"(?P<months>(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?[、和及至到-]?)+|个月)(?:的)?(?:实发|应发|实际|全部)?"
    r"(?:工资|薪酬|报酬|劳动报酬)(?:收入|款)?(?:为|是|共|计)?\s*(?:人民币)?\s*$"
)
ONE_MONTH_PAY = "仅为某一月份的工资"
MONTHLY_TRANSFER = "每月转账"  # a sum a bank record shows paid each month: a stated wage is picked before it
_MONTHLY_PAY = re.compile(r"每月(?:仅|只|均|都|固定|按时)?(?:支付|发放|给付|发)[^，。；,0-9]{0,8}?(?:工资|报酬|劳动报酬)(?:为)?\s*(?:人民币)?\s*$")
# 「每月10日左右通过其个人账户向原告转账5000元，转账附言均为“工资”」: a sum paid every month, named as the wage in its
# sentence
_MONTHLY_TRANSFER = re.compile(
    r"(?:每月|按月)(?:\d{1,2}[日号])?(?:左右|前后|前)?[^，。；,0-9]{0,20}?(?:支付|发放|给付|发给|转账|转款|汇款|打款)(?:了)?\s*(?:人民币)?\s*$"
)
_PAY_NAMED = re.compile(r"工资|薪|劳动报酬")
# the wage a sum is reckoned on (「赔偿的金额应按实际工资6500元每月计算」): the monthly rate, whatever the sum is
_BASE_OF = re.compile(r"(?:按|以|依)(?:照|据)?[^，。；,0-9]{0,8}?(?:月工资|月薪|工资)(?:标准)?(?:为|是)?\s*(?:人民币)?\s*$")
# a sum worked out from the wage (「补偿应为月平均工资的50%，即每月5000元」) is not the wage
_DERIVED = re.compile(r"^\s*(?:即|也就是|折合|合计|共计|计)")
# a wage for a stretch of days (「双方确认该期间的工资为1820元」「6月1日至6月15日的工资」) is no monthly rate
# the pay for a span of days (「2014年9月16日至2014年10月23日期间工资35636元」) is a sum owed, not the monthly rate
_PERIOD_PAY = re.compile(r"(?:该|此|这|上述)(?:段)?期间|\d{1,2}日(?:至|到|—|-)[^，。；]{0,16}?(?:期间)?(?:的)?工资")
_WAGE_TOTAL = re.compile(r"(?<![个两三四五六七八九十\d])(?:月工资|月薪|每月工资)(?:合计|共计|总计|总额)(?:为|是)?\s*(?:人民币)?\s*$")
_REPORTED = re.compile(rf"(?:{cues.PLAINTIFF_WORDS})(?:主张|称|所称|所述|陈述)|不属实|并非|不是事实|不认可|不可能|不知道")
# a month named as a time (「2015年5月，被告实发工资为396.80元」): what was paid out that month, with 实发/应发
_ONE_MONTH = re.compile(r"\d{4}年\d{1,2}月份?(?![至到起以\d日入])")
_WAGE_QUALIFIERS = ("试用期", "转正", "税前", "税后", "实发", "应发", "平均", "口头约定", "约定")
_COMPONENT = re.compile(r"(?P<name>绩效(?:工资|奖金)?|提成|奖金|岗位津贴|津贴|补贴|全勤奖)")
PAY_DAYS = Decimal("21.75")  # 月计薪天数 (关于职工全年月平均工作时间和工资折算问题的通知 第二条)
_FEN = Decimal("0.01")


def _yuan(amount: Decimal) -> str:
    return f"{amount.normalize():f}"


def _components(text: str, after: int, end: int) -> list[tuple[str, Decimal]]:
    """Wage parts named after a 基本工资 amount in the same sentence: 「绩效工资3000元」「其余2000元为提成」."""
    parts = []
    for m in find_money(text[after:end]):
        s = after + m.start
        near = text[max(after, s - 8) : s] + text[after + m.end : min(end, after + m.end + 8)]
        c = _COMPONENT.search(near)
        if c:
            parts.append((c.group("name"), m.amount))
    return parts


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    """Where the clause holding `pos` begins: after the last comma or opening bracket, a thousands comma
    (「3,200元」) being no clause break; a closed bracket and a 、 after it end the item before (「4445元（基本工资800元、
    提成3645元）、12月实发工资4027元」: the clause of 4027 starts after the 、, not inside the bracket)."""
    for i in range(pos - 1, sentence_start - 1, -1):
        c = text[i]
        if c == "、" and text[i - 1 : i] in ("）", ")"):
            return i + 1
        if c in "，（(" or (c == "," and not (text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit())):
            return i + 1
    return sentence_start


def find_monthly_wage(text: str, reported_speech_ok: bool = False) -> list[Found]:
    """Wage statements as a monthly figure, with how it was stated in the note.

    「月工资8000元」「每月工资为人民币捌仟元」「工资标准为6000元/月」 are monthly; 「日工资300元」 is converted at
    21.75 days a month and 「年薪12万元」 divided by 12 (lower confidence, the note keeps the stated figure);
    「基本工资5000元、绩效工资3000元」 is summed when the sentence says the wage is made of them, otherwise the
    base is the value and the note names the other parts. A sentence that reports the other side's claim
    (「申请人主张月工资8000元不属实」) is skipped unless `reported_speech_ok`.
    """
    found = []
    money = find_money(text)
    used: set[int] = set()
    for m in money:
        if m.start in used:
            continue
        s, e = _sentence_bounds(text, m.start)
        clause_start = _clause_start(text, s, m.start)
        before = text[max(clause_start, m.start - 16) : m.start]
        after = text[m.end : m.end + 3]
        kw = _WAGE_BEFORE.search(before)
        daily = _DAILY_BEFORE.search(before) or (re.match(r"/天|／天|/日|每天", after) and not kw)
        annual = _ANNUAL_BEFORE.search(before) or re.match(r"/年|／年|每年", after)
        per_month = after.startswith(("/月", "每月", "／月"))
        transfer = _MONTHLY_TRANSFER.search(text[clause_start : m.start]) and _PAY_NAMED.search(text[s:e]) and not (
            _NOT_WAGE.search(text[s:e])
        )
        if not (kw or per_month or daily or annual or transfer):
            continue
        monthly_pay = _MONTHLY_PAY.search(text[clause_start : m.start]) or transfer
        if monthly_pay and not (kw or daily or annual):
            kw = re.search(r"(?P<kw>每月|按月)", text[clause_start : m.start])
        if _DERIVED.match(text[clause_start : m.start]) and clause_start > s:
            previous = text[max(s, text.rfind("，", s, clause_start - 1) + 1) : clause_start]
            if _NOT_WAGE.search(previous) or re.search(r"[%％]|百分之|倍|×", previous):
                continue
        if kw and kw.group("kw") == "工资" and _PERIOD_PAY.search(text[s : m.start]):
            continue
        months = _MONTHS_PAY.search(before) if "平均" not in before else None
        if months and (months.group("months") == "个月" or re.search(r"月份?[、和及至到-]", months.group("months"))):
            continue  # 「补1个月工资」「4月、5月工资」: a sum for months
        if re.match(r"[^，。；,]{0,8}生活费", text[m.end :]):
            continue  # 「按每月980元标准支付生活费」
        base_of = _BASE_OF.search(text[clause_start : m.start])
        if base_of and (_NOT_WAGE.search(base_of.group()) or not (per_month or "月" in base_of.group())):
            base_of = None
        if _NOT_WAGE.search(text[clause_start : m.start]) and not (_WAGE_TOTAL.search(before) or monthly_pay or base_of):
            continue  # 「月工资合计6000元」 is the wage; 「绩效工资2500元」「支付工资5000元」 are not
        if kw and not (daily or annual or per_month) and kw.group("kw") == "工资" and not re.search(r"(?<!个)月|工资(?:为|是)", before):
            continue  # 「工资8000元」 without 月 may be a claimed sum, not the monthly rate
        clause_end = min([i for i in (text.find(c, m.end) for c in "，,") if i != -1 and i < e] or [e])
        if not reported_speech_ok and _REPORTED.search(text[clause_start:clause_end]):
            continue
        sentence = text[s:e]
        clause = text[clause_start : min(m.end + 4, clause_end)]
        quals = [
            q
            for q in _WAGE_QUALIFIERS
            if q in clause or (q == "试用期" and q in sentence[: m.start - s] and "转正" not in clause)
        ]
        value, confidence = m.amount, 0.9
        if annual and not per_month:
            form = (annual.group("kw") if isinstance(annual, re.Match) and "kw" in annual.groupdict() else "年薪")
            value = (m.amount / 12).quantize(_FEN)
            stated = f"{form}{_yuan(m.amount)}元÷12"
            confidence = 0.7
        elif daily and not per_month:
            form = daily.group("kw") if isinstance(daily, re.Match) and "kw" in daily.groupdict() else "日工资"
            value = (m.amount * PAY_DAYS).quantize(_FEN)
            stated = f"{form}{_yuan(m.amount)}元×21.75天"
            confidence = 0.7
        else:
            base = re.search(r"(基本工资|底薪)[^，。；,0-9]{0,3}$", before)
            form = base.group(1) if base else (kw.group("kw") if kw else "元/月")
            if monthly_pay and not base:
                form = "每月支付工资" if _MONTHLY_PAY.search(text[clause_start : m.start]) else MONTHLY_TRANSFER
            elif form in ("每月", "按月") and re.search(r"转账|转款|汇款|打款", text[clause_start : m.start]):
                form = MONTHLY_TRANSFER  # 「每月固定转账1800元到其账上」
            stated = form
            if form in ("基本工资", "底薪") and re.search(r"元\s*[（(\[【][^（()）\[\]【】]{0,12}$", text[s : m.start]):
                continue  # 「实发工资3865元（基本工资800元、提成3065元）」: a part of the sum before the bracket
            if form in ("基本工资", "底薪"):
                parts = _components(text, m.end, e)
                if parts and re.search(r"构成|组成|包括|包含|加|\+|＋", text[clause_start:e]) and not re.search(r"不属于|不计入|不是", text[m.end:e]):
                    value = m.amount + sum(a for _, a in parts)
                    stated = "+".join([f"{form}{_yuan(m.amount)}元"] + [f"{n}{_yuan(a)}元" for n, a in parts])
                    used.update(mm.start for mm in money if mm.start > m.start and mm.start < e)
                elif parts:
                    stated = f"{form}（另称" + "、".join(f"{n}{_yuan(a)}元" for n, a in parts) + "）"
                elif unpriced := _unpriced_pay(text[s:e]):  # 「底薪3000元加提成」: the base is only a part
                    stated = f"{form}（{PARTIAL_WAGE}：另有{'、'.join(unpriced)}）"
        if months or ({"实发", "应发"} & set(quals) and _ONE_MONTH.search(text[s : m.start])
                      and not re.search(r"平均|每月", clause)):
            quals.append(ONE_MONTH_PAY)  # one month's pay, not the monthly rate
            confidence = 0.6
        if "口头约定" in quals:
            quals.remove("约定")
        note = "、".join(dict.fromkeys([*quals, stated]))
        found.append(Found(value, m.start, m.end, "facts.monthly_wage", confidence, note))
    return found


# the note of a base wage stated beside pay of no stated sum (提成, 奖金 …): the monthly wage is more than the base
PARTIAL_WAGE = "仅为工资的一部分"
_VARIABLE_PAY = re.compile(r"提成|奖金|绩效|计件|津贴|补贴|补助|分红")  # 加班费 is no part of the normal wage


def _unpriced_pay(sentence: str) -> list[str]:
    """The kinds of variable pay a sentence names with no sum of their own (「…加提成」「另有绩效」), each once."""
    out = []
    for m in _VARIABLE_PAY.finditer(sentence):
        after = sentence[m.end() : m.end() + 12]
        if not re.match(r"[^，。；,;、+＋]{0,6}?(?:\d[\d,.]*|[零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+)万?元", after):
            out.append(m.group())
    return list(dict.fromkeys(out))


def pick_wage(found: list[Found]) -> Found | None:
    """The wage a document states as the rate: the last one that is not a probation wage or one month's pay, a
    stated wage before a sum transferred each month."""
    regular = [f for f in found if not (f.note or "").startswith("试用期") and ONE_MONTH_PAY not in (f.note or "")]
    stated = [f for f in regular if MONTHLY_TRANSFER not in (f.note or "")]
    return (stated or regular or found)[-1] if found else None


_UNSIGNED = re.compile(
    r"(?<!有)(?:未|没有|没|从未|一直未|拒绝)(?:再)?(?:与[^，。；]{0,12})?(?:依法)?(?:签订|订立|签署|签)(?:过)?(?:书面)?(?:的)?(?:劳动)?合同"
)
_SIGNED = re.compile(
    r"(?:签订|订立|签署|续签|续订)(?:了|过)?(?:(?:(?!解除|终止)[^，。；]){0,40}?|[^，。；]{0,12}[（(][^）)]{0,30}[）)])(?:书面)?劳动合同"
    r"|(?:劳动|聘用)合同(?:中|里|上)(?:约定|未约定|载明|写明|明确)|(?:劳动|聘用)合同(?:的)?期限(?:为|自|是)"
    r"|(?:劳动)?合同(?:期限)?(?:到期|期满|届满)|《(?:劳动|聘用)合同(?:书)?》"
    r"|(?:签订|订立|签署)(?:了)?(?:一份)?聘用合同|(?:签有|签订有|订有|签订过)(?:书面)?(?:的)?(?:劳动|聘用)合同"
)
_TERM_YEARS = re.compile(r"(?:合同)?期限(?:为)?")
# the first of the contracts a sentence counted (「第一份劳动合同期限为」「首份合同自」), heading the next sentence
_FIRST_OF_SEVERAL = re.compile(r"\s*(?:其中[，,]?)?(?:第一|第1|首)(?:份|次|期)(?:书面)?(?:劳动|聘用)?合同(?:的)?(?:期限)?")


def find_contract(text: str) -> list[Found]:
    """Written contract: signed or not, when, and its term (自…至… or 无固定期限)."""
    found = []
    for m in _UNSIGNED.finditer(text):
        if re.search(r"(?:不存在|并非|不是|否认|是否)[^，。；]{0,4}$", text[max(0, m.start() - 8) : m.start()]):
            continue  # 「不存在未签订书面劳动合同的情形」 asserts the opposite
        after = re.search(r"(?:之后|此后|其后|以后|后来|嗣后|后)[^，。；]{0,4}$", text[max(0, m.start() - 8) : m.start()])
        extractor = "facts.contract.unsigned.after" if after else "facts.contract.unsigned"
        found.append(Found(ContractInfo(signed=False), m.start(), m.end(), extractor, 0.9))
    for m in _SIGNED.finditer(text):
        s, e = _sentence_bounds(text, m.start())
        if re.search(r"(?:未|没有|没|拒绝|不)[^，。；]{0,6}$", text[max(s, m.start() - 8) : m.start()]):
            continue
        sentence = text[s:e]
        dates = [d for d in find_dates(sentence) if d.date.value is not None]
        ranges = find_ranges(sentence)
        info = ContractInfo(signed=True, open_ended="无固定期限" in sentence)
        if dates and dates[0].start < m.start() - s:
            info.signed_date = dates[0].date.value
        if not ranges and not dates and (first := _FIRST_OF_SEVERAL.match(text, e + 1)):
            # 「双方共订立过三份劳动合同。第一份劳动合同从…至…」: the count, then each contract in turn
            ranges = find_ranges(text[first.end() : _sentence_bounds(text, first.end())[1]])
        if ranges:
            info.term_start, info.term_end = ranges[0].first_day, ranges[0].last_day
        elif info.signed_date and not info.open_ended:
            term = _TERM_YEARS.search(sentence)
            length = find_durations(sentence[term.end() : term.end() + 8]) if term else []
            months = length[0].duration.total_months if length else 0
            until = re.match(r"\s*(?:至|到)\s*", sentence[term.end() :]) if term else None
            end_dates = find_dates(sentence[term.end() + until.end() :]) if until else []
            if end_dates and end_dates[0].start == 0 and end_dates[0].date.precision == "day":
                # 「签订书面劳动合同，合同期限至2022年7月14日」
                info.term_start, info.term_end = info.signed_date, end_dates[0].date.value
            elif months and months == int(months) and not length[0].duration.days:
                # 「于2021年3月1日签订了书面劳动合同，合同期限三年」: the term runs from the signing day
                from arbitration.law.calculators._common import add_months

                info.term_start = info.signed_date
                info.term_end = add_months(info.signed_date, int(months)) - timedelta(days=1)
        found.append(Found(info, m.start(), m.end(), "facts.contract.signed", 0.85))
    return sorted(found, key=lambda f: f.start)


def pick_contract(found: list[Found]) -> list[Found]:
    """The written-contract statement that holds: the first, unless a later one says none was signed after it
    (「签订两次一年期书面劳动合同，之后没有与原告签订书面劳动合同」)."""
    if not found:
        return []
    first = found[0]
    later = [f for f in found[1:] if not f.value.signed and f.extractor == "facts.contract.unsigned.after"]
    return [later[-1]] if first.value.signed and later else [first]


# a clause that states a rule or an obligation (「甲方因生产经营需要安排乙方延长工作时间的，应依法支付加班工资」
# 「乙方依法享受年休假」) says what should happen, not what happened: it is no version of the fact
_NORMATIVE = re.compile(
    r"依法(?:参加|享受|缴纳|支付|安排)|应(?:当)?(?:依法|按照|按)|的，(?:甲方|乙方|用人单位|劳动者)?应|有权|享有|"
    r"按(?:照)?国家(?:有关)?规定|(?:甲方|乙方)(?:应|须|可)"
)
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])\s*")


def _first_sentence(text: str, pattern: str, extractor: str) -> list[Found]:
    """The first sentence mentioning `pattern` that states something (not a heading, a table row or a rule)."""
    for m in re.finditer(pattern, text):
        s, e = _sentence_bounds(text, m.start())
        sentence = text[s:e].strip()
        if "\t" in sentence or len(sentence) < 8 or re.match(r"第[一二三四五六七八九十百]+条", sentence) and len(sentence) < 16:
            continue
        if _NORMATIVE.search(sentence):
            continue
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        numbered = _ENUMERATOR.match(sentence)
        if numbered:
            lead += numbered.end()
            sentence = sentence[numbered.end():]
        return [Found(sentence, s + lead, s + lead + len(sentence), extractor, 0.8)]
    return []


def find_social_insurance(text: str) -> list[Found]:
    return _first_sentence(text, r"社会保险|社保|五险|养老保险", "facts.social_insurance")


def find_overtime(text: str) -> list[Found]:
    return _first_sentence(text, r"加班|延长工作时间|休息日工作", "facts.overtime")


def find_annual_leave(text: str) -> list[Found]:
    return _first_sentence(text, r"年休假|年假|带薪休假", "facts.annual_leave")


def find_position(text: str) -> list[Found]:
    m = re.search(r"(?:担任|岗位(?:为|是|：|:)|职位(?:为|是|：|:)|职务(?:为|是|：|:)|从事)[ \t\u3000]*([^，。；、\s]{2,12}?)(?:期间|一职|岗位|职务|工作|[，。；、]|$)", text)
    return [Found(m.group(1), m.start(1), m.end(1), "facts.position", 0.8)] if m else []


def find_workplace(text: str) -> list[Found]:
    m = re.search(r"工作地点(?:为|是|在|：|:)[ \t\u3000]*([^，。；\n]{2,30})", text)
    return [Found(m.group(1).strip(), m.start(1), m.end(1), "facts.workplace", 0.85)] if m else []


_TERMINATION_TRIGGER = re.compile(
    rf"(?:辞退|开除|除名|解雇|解聘|{_ENDS}|辞职|离职|期满|合同到期|(?:不再|不|不予|拒绝|未再?|没有)续(?:签|订)|劳动关系结束|"
    r"不[用要必](?:再)?来(?:上班|了|公司)|自行离开|"
    r"(?:不再|不|不予|拒绝|未再?|没有)与[^，。；]{1,12}?续(?:签|订)|不辞而别|擅自离岗|(?:再未|未再)到岗|(?:未|没有|不再)继续上班|"
    r"拒绝(?:回[^，。；]{0,4})?(?:上班|到岗)|让[^。；，]{0,6}(?:走人|回家)|(?:不再|停止)(?:给|为)?安排[^，。；]{0,6}工作|"
    rf"{cues.LEFT_FROM}|(?:不再|停止|终止)用工)"
    r"(?!(?:劳动)?(?:合同|关系)?(?:之)?前|时)"
)
# a denied act is not a narration of it: 「答辩人从未辞退申请人」「并未提出被迫解除」「不存在违法解除」
_NEGATED = re.compile(
    r"(?:从未|从来没有|并未|并没有|没有|未曾|不存在|不是|并非|否认|未作出|未提出|未有)[^，。；]{0,6}?"
    r"(?:辞退|开除|除名|被迫解除|违法解除|解除|辞职|离职)"
    r"|(?:就|对|关于|针对)[^，。；]{0,12}(?:解除|终止)[^，。；]{0,10}的"  # 「就解除劳动关系的补偿」: a topic, not an act
    # the items of a claim or an application narrate no ending: a sum named after it (「支付…解除劳动关系经济补偿金」),
    # a list of the questions put to arbitration (「就工资、经济补偿金、劳动关系解除等问题申请仲裁」)
    r"|(?:违法)?(?:解除|终止)(?:劳动)?(?:关系|合同)?的?(?:经济)?(?:补偿|赔偿)"
    r"|(?:就|对|关于|针对)[^，。；]{0,40}?(?:解除|终止)[^，。；]{0,6}?等(?:问题|事项|事宜|争议|纠纷)"
)
_REASON = re.compile(
    r"以(?P<r>[^。；]{2,40}?)为由|因(?P<r2>[^，。；]{2,30}?)(?:，|而|提出|被(?=迫|辞退|开除|除名|解雇|解聘|解除|终止))|称[^“”「」\"，。]{0,6}[“「\"](?P<r3>[^”」\"]{2,40})[”」\"]"
)
# a quoted contract clause or rule (「合同中约定：“合同期限届满，甲方未终止…”」) narrates nothing
_CLAUSE_QUOTE = re.compile(r"((?:约定|规定|条款|写明)[:：]?)“[^”]{0,300}”")
_STATUTE = re.compile(r"《?(?:中华人民共和国)?(劳动合同法|劳动法)》?第([一二三四五六七八九十百零]+)条(?:第([一二三四五六七八九十]+)[款项])?")


@dataclass(frozen=True)
class PartyWords:
    """How each side is named in a document: employer words (被申请人, 公司 …) and employee words (申请人 …)."""

    employer: str
    employee: str

    @classmethod
    def for_names(
        cls, employers: list[str], employees: list[str], employer_words: tuple[str, ...] = (), worker_words: tuple[str, ...] = ()
    ) -> PartyWords:
        """Words for each side: the parties' names, `employer_words`/`worker_words` (a court's 原告/被告, whichever
        the employer is), then the usual words of an application and a defence."""
        emp = [re.escape(n) for n in employers if n] + list(employer_words) + [
            r"被申请人", r"(?<!被)答辩人", r"用人单位", r"公司", r"单位", r"厂方", r"老板", r"我司", r"本公司", r"某[\u4e00-\u9fa5]{1,6}公司",
        ]  # fmt: skip
        # a masked person is a surname and 某 (「王某」「王某某」); 「某某物流」 is a masked firm, no person
        wrk = [re.escape(n) for n in employees if n] + list(worker_words) + [
            r"(?<!被)申请人(?!处)", r"被答辩人", r"劳动者", r"本人", r"我(?![司们公])", r"员工", r"[\u4e00-\u9fa5](?<!某)某(?!公司|单位)",
        ]  # fmt: skip
        return cls("|".join(emp), "|".join(wrk))


_RECEIVED = re.compile(r"(?:收到|接到|签收|收悉|接收到?|领取)")


def _initiator_from_subject(subject: str, words: PartyWords) -> TerminationInitiator | None:
    # the one who receives the notice (「原告收到被告发出的《解除劳动合同通知书》」) is the other side of the one who
    # sent it: the sender when named after the receipt, else the recipient's counterpart
    received = _RECEIVED.search(subject)
    if received:
        sender = _initiator_from_subject(subject[received.end() :], words)
        if sender is not None:
            return sender
        recipient = _initiator_from_subject(subject[: received.start()], words)
        other = {TerminationInitiator.EMPLOYER: TerminationInitiator.EMPLOYEE, TerminationInitiator.EMPLOYEE: TerminationInitiator.EMPLOYER}
        return other.get(recipient) if recipient else None
    # a party named as the object (「书面通知被申请人解除」「向申请人出具」) or inside the reason (「以被申请人欠薪为由」)
    # is not the one who acts
    subject = re.sub(rf"(?:通知|告知|向|对|与|要求)(?:了)?(?:{words.employer}|{words.employee})", "", subject)
    subject = re.sub(r"以[^，。；]{2,40}?为由", "", subject)
    subject = re.sub(r"(?:因|由于|鉴于)[^，。；]{0,40}[，,]", "", subject)  # a reason clause names no actor
    e = re.search(words.employer, subject)
    w = re.search(words.employee, subject)
    if e and (not w or e.start() <= w.start()):
        return TerminationInitiator.EMPLOYER
    if w:
        return TerminationInitiator.EMPLOYEE
    return None


def _clean_reason(reason: str) -> str:
    """「申请人“严重违反规章制度”」 → 「严重违反规章制度」: the reason itself, without the party or quotes."""
    r = re.sub(rf"^(?:{cues.alternation(ROLE_WORDS)}|你|您|其|本人)的?", "", reason.strip())
    return r.strip("“”「」\"' ") or reason.strip()


def _barred(words: PartyWords) -> str:
    """The employer bars the worker from work (「被告不再让原告上班」「拒绝申请人进入公司」「停止了原告的工作」), not
    a suspension pending an inquiry (「停止原告工作接受调查」)."""
    worker = rf"(?:{words.employee}|其)"
    return (rf"(?:不再?|拒绝)(?:让|准|允许)?{worker}[^，。；]{{0,6}}?(?:上班|到岗|进入|进厂|工作)|"
            rf"停止(?:了)?{worker}的?工作(?![^，。；]{{0,4}}(?:接受|配合|调查|审查|核查|期间))")


def _trigger(sentence: str, words: PartyWords) -> re.Match[str] | None:
    return _TERMINATION_TRIGGER.search(sentence) or re.search(_barred(words), sentence)


def classify_termination(sentence: str, words: PartyWords) -> Termination | None:
    """Who ended the employment and how, from one sentence; None when the sentence does not say."""
    original = sentence
    sentence = _NEGATED.sub(lambda m: "＿" * len(m.group()), sentence)  # keep offsets, drop denied acts
    trigger = _trigger(sentence, words)
    if trigger is None:
        return None
    personal = re.search(r"(个人原因|家庭原因|身体原因|自身原因)", original)
    # the stated ground nearest before the act (「张某以…为由拒绝加班，公司即以…不符合录用条件为由与其解除」), else the first
    reasons = list(_REASON.finditer(original))
    before = [m for m in reasons if m.start() < trigger.start()]
    reason_m = before[-1] if before else (reasons[0] if reasons else None)
    reason = _clean_reason(reason_m.group("r") or reason_m.group("r2") or reason_m.group("r3")) if reason_m else None
    if personal and (reason is None or personal.group(1) not in reason):
        reason = personal.group(1)
    statute = _STATUTE.search(sentence)
    basis = f"{statute.group(1)}第{statute.group(2)}条" if statute else None
    if re.search(r"协商一致|协商解除|双方协商|协议解除|合意解除|达成[^，。；]{0,10}(?:解除|终止)[^，。；]{0,8}(?:共识|一致|协议)|"
                 r"(?:解除|终止)[^，。；]{0,8}(?:达成)?(?:共识|一致意见)", sentence):
        return Termination(initiator=TerminationInitiator.MUTUAL, mode="协商一致解除", reason=reason, statute_basis=basis)
    continued = re.search(r"继续(?:在[^，。；]{0,12})?(?:工作|上班|用工|履行|提供劳动)", sentence)  # the work went on
    if not continued and re.search(r"(?:期满|到期|届满)(?!前|之前|以前)[^。；]{0,12}(?:终止|不再续|不续|拒绝续|未再?续|没有续)|(?:不再|不|不予|拒绝|未再?|没有)(?:与[^，。；]{1,12}?)?续(?:签|订)|"
                 r"以[^，。；]{0,12}(?:期满|到期|届满)为由|"
                 r"合同(?:已|于[^，。；]{0,12})?(?:到期|期满)(?![^，。；]{0,6}(?:前|后))", sentence):
        return Termination(initiator=TerminationInitiator.EXPIRY, mode="合同期满终止", reason=reason, statute_basis=basis)
    if re.search(r"被迫(?:解除|离职)", sentence):
        return Termination(initiator=TerminationInitiator.EMPLOYEE, mode="被迫解除", reason=reason, statute_basis=basis)
    if re.search(r"辞退|开除|除名|解雇|解聘|不[用要必](?:再)?来(?:上班|了|公司)|不要(?:再)?来|让[^。；，]{0,6}(?:走人|回家)|(?:不再|停止)(?:给|为)?安排[^，。；]{0,6}工作|(?:不再|停止|终止)用工|" + _barred(words), sentence):
        mode = "口头辞退" if "口头" in sentence else ("开除" if re.search("开除|除名", sentence) else "辞退")
        return Termination(initiator=TerminationInitiator.EMPLOYER, mode=mode, reason=reason, statute_basis=basis)
    gone = r"自动离职|自行离职|自行离开|不辞而别|擅自离岗|(?:再未|未再)到岗|(?:未|没有|不再)继续上班|拒绝(?:回[^，。；]{0,4})?(?:上班|到岗)"
    if re.search(r"辞职|个人原因|主动离职|提出离职|申请离职|自愿离职|" + gone, sentence):
        mode = "自动离职" if re.search(gone, sentence) else "辞职"
        return Termination(initiator=TerminationInitiator.EMPLOYEE, mode=mode, reason=reason, statute_basis=basis)
    if trigger.group() in ("解除", "终止"):
        clause_start = max(sentence.rfind(c, 0, trigger.start()) for c in "，,") + 1
        # 「…，解除劳动合同后也未给补偿」: a time clause with no subject of its own mentions the ending; the subject of
        # an earlier clause (「被告未与原告签订劳动合同」) did something else and is not the one who ended it
        after = re.match(r"(?:了)?(?:与[^，。；]{0,10})?(?:劳动)?(?:合同|关系)?(?:之)?后", sentence[trigger.end() :])
        if after and _initiator_from_subject(sentence[clause_start : trigger.start()], words) is None:
            return _left(sentence, reason, basis)
        initiator = _initiator_from_subject(sentence[clause_start : trigger.start()], words)
        both = re.search(cues.BOTH_SIDES, sentence[clause_start : trigger.start()])
        while initiator is None and clause_start > 0 and not both:  # 「双方于…解除」 names no one who ended it  # the subject of an earlier clause (「被告以…为由，与原告解除」)
            previous = max(sentence.rfind(c, 0, clause_start - 1) for c in "，,") + 1
            initiator = _initiator_from_subject(sentence[previous : clause_start - 1], words)
            clause_start = previous
        if initiator is None:
            return _left(sentence, reason, basis)
        if initiator is TerminationInitiator.EMPLOYER:
            mode = "口头解除" if "口头" in sentence else "单方解除"
        else:
            mode = "被迫解除" if reason_m or basis == "劳动合同法第三十八条" else "辞职"
        return Termination(initiator=initiator, mode=mode, reason=reason, statute_basis=basis)
    return _left(sentence, reason, basis)


def _left(sentence: str, reason: str | None, basis: str | None) -> Termination | None:
    """「原告未办理离职手续即离开被告处」: the worker left; told to leave (「要求原告当日离开公司」), the employer ended it."""
    m = re.search(cues.LEFT_FROM, sentence)
    if m is None:
        return None
    if re.search(r"(?:要求|让|责令|叫|通知|命令)[^，。；]{0,10}$", sentence[: m.start()]):
        return Termination(initiator=TerminationInitiator.EMPLOYER, mode="辞退", reason=reason, statute_basis=basis)
    return Termination(initiator=TerminationInitiator.EMPLOYEE, mode="自动离职", reason=reason, statute_basis=basis)


def _termination_date(sentence: str, trigger_at: int) -> Any:
    """The date the sentence gives for the ending: one in the trigger's clause, else one heading the sentence;
    dates inside a period (「2月19日至2月23日连续旷工」) never count."""
    in_ranges = [(r.start, r.end) for r in find_ranges(sentence)]
    dates = [d for d in find_dates(sentence) if d.date.value is not None and not any(s <= d.start < e for s, e in in_ranges)]
    clause_start = max(sentence.rfind(c, 0, trigger_at) for c in "，,") + 1
    clause_end = min([i for i in (sentence.find(c, trigger_at) for c in "，,") if i != -1] or [len(sentence)])
    for d in dates:
        if clause_start <= d.start < clause_end:
            return d.date.value
    if dates and not sentence[: dates[0].start].strip(" \t\u3000，,"):
        return dates[0].date.value
    return None


def find_termination(text: str, words: PartyWords, reason_before: bool = False) -> list[Found]:
    """The first sentence of `text` that says who ended the employment and how (with its date, if any).

    `reason_before` (a notice): when that sentence gives no reason, the sentence before it is the reason
    (「你于……连续旷工五天，严重违反……。根据……，公司决定解除与你的劳动合同」).
    """
    previous = None
    text = _CLAUSE_QUOTE.sub(lambda q: q.group(1) + " " * (len(q.group()) - len(q.group(1))), text)
    for m in re.finditer(r"[^。；;\n]+", text):
        sentence, at = m.group(), m.start()
        if re.search(r"(?:可以|有权|可)(?:随时)?(?:解除|终止|辞退)|有下列情[况形]之一的", sentence):
            continue  # a rule or a contract clause (「乙方有下列情况之一的，甲方可以解除合同」)
        if _REPORTED.search(sentence) and not re.search(r"(?<!被)答辩人|我司|本公司", sentence):
            turn = list(re.finditer(r"[，,](?:但是?|然而|实际上|事实上|而)", sentence))
            if not turn or _REPORTED.search(sentence, turn[-1].end()):
                continue  # a defence restating the applicant's version
            at += turn[-1].end()  # 「原告所述属实，但原告系自行离职」: the speaker's own account after 但
            sentence = sentence[turn[-1].end() :]
        trigger = _trigger(sentence, words)
        if trigger and re.search(r"请求|要求|诉请|判令|裁决", sentence[: trigger.start()]):
            continue  # a claim mentions 违法解除 but does not narrate it
        term = classify_termination(sentence, words)
        if term is None:
            if sentence.strip():
                previous = sentence.strip()
            continue
        term.notice_date = _termination_date(sentence, trigger.start() if trigger else 0)
        if term.reason is None and reason_before and previous and not previous.endswith(("：", ":")):
            term.reason = previous
        return [Found(term, at, at + len(sentence), "facts.termination", 0.75)]
    return []


def wage_values(found: list[Found]) -> list[Decimal]:
    return [f.value for f in found]


# ---------------------------------------------------------------- admissions and reported assertions


@dataclass(frozen=True)
class Admission:
    """A sentence admitting the other side's word: the facts it covers, the value if it states one, who admits."""

    start: int
    end: int
    facts: tuple[str, ...]  # Facts field names it covers
    values: tuple[tuple[str, Found], ...]  # (field, value) stated in the sentence itself
    subject: str  # the words before the admission cue (who admits, in the findings)
    both: bool = False  # 「双方均认可」: neither side asserts it against the other


def mask_reported(text: str) -> str:
    """`text` with every sentence that reports a party's word (「原告主张其月工资8000元」「被告称…」) blanked out, same
    length; what the tribunal found stays."""
    reported = re.compile(cues.REPORTED)
    out = list(text)
    for m in re.finditer(r"[^。；;\n]+", text):
        if reported.search(m.group()):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def find_admissions(text: str) -> list[Admission]:
    """Sentences admitting a fact (cue words in arbitration.extract.cues): 「原告所述工作情况属实」 covers the work
    facts, 「被告对原告的入职时间无异议」 the hire date, 「对被告主张的工资为3800元/月，原告予以认可」 states its value.
    Admissions of evidence (「对证据一无异议」), denials and signatures are left out."""
    admit, deny = cues.compiled("ADMIT"), cues.compiled("DENY")
    before_object = cues.compiled("ADMIT_BEFORE_OBJECT")
    not_fact = cues.compiled("NOT_A_FACT_OBJECT")
    out: list[Admission] = []
    for m in re.finditer(r"[^。；;\n]+", text):
        sentence = m.group()
        cue = admit.search(sentence)
        if cue is None or deny.search(sentence[max(0, cue.start() - 2) : cue.end() + 2]):
            continue
        before = sentence[: cue.start()]
        clause_start = max(before.rfind("，"), before.rfind(","), 0)
        obj = before if not re.search(r"[，,]\s*$", before) else before[:clause_start]
        verb = before_object.match(sentence, cue.start())
        if verb and _PARTY_SUBJECT.search(before) and not re.search(r"请求|要求|诉请", before):
            obj += re.split(r"[，,]", sentence[verb.end() :], maxsplit=1)[0]  # 「被告认可原告于…入职」: what follows
        if not_fact.search(obj):
            continue
        general = re.search(cues.GENERAL_ADMISSION, sentence)
        facts: list[str] = []
        if general:
            facts = list(cues.GENERAL_OBJECTS.get(general.group("what") or "", cues.GENERAL_OBJECTS[""]))
        for name, words in cues.ADMITTED_FACTS.items():
            if any(w in obj for w in words) and name not in facts:
                facts.append(name)
        if "monthly_wage" in facts and _PERIOD_PAY.search(obj):
            facts.remove("monthly_wage")  # 「双方确认该期间的工资为1820元」: pay for some days, not the monthly rate
        values: list[tuple[str, Found]] = []
        wage = pick_wage(find_monthly_wage(sentence, reported_speech_ok=True))
        if wage is not None and "monthly_wage" in facts:
            values.append(("monthly_wage", _shift(wage, m.start())))
        hires, leaves = find_employment_dates(sentence)
        if hires and "hire_date" in facts:
            values.append(("hire_date", _shift(hires[0], m.start())))
        if leaves and "leave_date" in facts:
            values.append(("leave_date", _shift(leaves[-1], m.start())))
        if not facts:
            continue
        subject = sentence[clause_start : cue.start()] if clause_start else before
        both = bool(re.search(cues.BOTH_SIDES, subject))
        out.append(Admission(m.start(), m.end(), tuple(facts), tuple(values), subject, both))
    return out


# the subject of an admitting verb: a party (「被告」「原告某某」「双方」), ending the words before it
_PARTY_SUBJECT = re.compile(rf"(?:{cues.alternation(ROLE_WORDS)}|双方|[\u4e00-\u9fa5]{{1,3}}某+|公司|本人|我方|其)(?:[^，,。；]{{0,10}})?"
                            r"(?:均|亦|也|已|对此)?$")


def _shift(found: Found, by: int) -> Found:
    return Found(found.value, found.start + by, found.end + by, found.extractor, found.confidence, found.note)


# ---------------------------------------------------------------- wage as composed, working time, injuries

_PART = re.compile(
    r"(?P<name>(?:(?![的为是和及与])[\u4e00-\u9fa5]){1,7}?(?:工资|薪|补贴|津贴|补助|奖金|奖|补|费|提成|绩效))(?:为|是|：|:)?\s*(?:人民币)?\s*"
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)\s*元(?:/月|／月|每月)?"
)
_PART_GAP = re.compile(r"^\s*(?:[、，,+＋和及]|加上?|另有|另加)?\s*$")
_PART_LEAD = re.compile(r"^(?:其中|包括|包含|含|另有|另|其|每月|月|为|及|和|加上?)+")
_BASE = re.compile(r"基本工资|基础工资|底薪|岗位工资|基本薪")
_COMPOSED = re.compile(r"工资(?:构成|组成|结构|由|包括|包含|为|标准为)|月(?:工资|薪)|每月")


def find_wage_parts(text: str) -> list[Found]:
    """A monthly wage stated as its parts (「基本工资4900元、工龄工资450元、话补100元」): the parts and their sum,
    when the list starts with the base wage or the sentence says it is the wage's make-up; rates per day or
    hour, and sums claimed or owed (加班费, 补偿, 欠付) are no parts."""
    found = []
    runs: list[list[re.Match[str]]] = []
    for m in _PART.finditer(text):
        if re.match(r"\s*(?:/|／|每)(?:天|日|小时)", text[m.end() : m.end() + 3]) or _NOT_WAGE_PART.search(m.group("name")):
            runs.append([])
            continue
        if runs and runs[-1] and _PART_GAP.match(text[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        if len(run) < 2:
            continue
        s, e = _sentence_bounds(text, run[0].start())
        names = [_PART_LEAD.sub("", m.group("name")) or m.group("name") for m in run]
        if not (_BASE.search(names[0]) or _COMPOSED.search(text[s : run[0].start() + 4])):
            continue
        if _REPORTED.search(text[s:e]) and not re.search(r"认可|属实|无异议", text[s:e]):
            continue
        parts = [WagePart(name=n, amount=Decimal(m.group("amount").replace(",", ""))) for n, m in zip(names, run, strict=True)]
        total = sum((p.amount for p in parts), Decimal(0)).quantize(_FEN)
        found.append(Found(WageComposition(parts=parts, total=total), run[0].start(), run[-1].end(), "facts.wage_parts", 0.85))
    return found


_NOT_WAGE_PART = re.compile(r"加班|补偿|赔偿|欠|拖欠|差额|违约|押金|社保|公积金|医疗费|报销")
_CN_NUM = r"\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半"
_CLOCK = r"(?P<{a}>早上?|上午|早晨|中午|下午|傍晚|晚上?|夜里|夜间|凌晨)?\s*(?P<{h}>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*(?:[:：](?P<{m}>\d{{2}})|[时点](?P<{m}2>半|\d{{1,2}}分?)?)"
_SPAN = re.compile(_CLOCK.format(a="a1", h="h1", m="m1") + r"\s*(?:至|到|-|—|~|～)\s*" + _CLOCK.format(a="a2", h="h2", m="m2"))
_HOURS = re.compile(rf"(?:每天|每日|一天|天天)(?:工作|上班|平均工作)?(?:时间)?(?:为|达)?(?P<n>{_CN_NUM})(?:个)?(?:半)?小时")
_DAYS = re.compile(rf"每周(?:工作|上班)(?P<n>{_CN_NUM})天|一周(?:工作|上班)(?P<n2>{_CN_NUM})天")
_REST_WEEK = re.compile(rf"每周(?:仅|只)?休息(?P<n>{_CN_NUM})天")
_REST_MONTH = re.compile(rf"每月(?:仅|只)?休息?(?P<n>{_CN_NUM})天|每月(?:仅|只)?休(?P<n2>{_CN_NUM})天")
_DAYS_MONTH = Decimal("30.42")  # 365 ÷ 12: a month's days, to turn 「每月休息两天」 into days a week
# the weekly rest days worked, by name (「每周六均上班」「每个星期六、日都加班」「每逢周末均需上班」): one named day is a
# six-day week, both days (or 周末) a seven-day one; 「并非每周六都上班」「是否每周六上班」 say no such thing
_REST_DAYS_WORKED = re.compile(
    r"(?<![不未非否没])每(?:个|逢)?(?:周|星期|礼拜)(?P<day>六|日|天|末)(?P<both>(?:[、和及与]|和(?:周|星期)?)(?:周|星期)?[日天])?"
    r"(?:均|都|也|皆|照常|正常|全部|一直)?(?:需要?|要)?(?:上班|加班|工作|出勤)")


def _num(raw: str | None) -> Decimal | None:
    if raw is None:
        return None
    if raw == "半":
        return Decimal("0.5")
    return Decimal(raw) if raw[0].isdigit() else Decimal(cn_int(raw))


def _clock(hour: str, minute: str | None, ampm: str | None) -> Decimal:
    h = _num(hour) or Decimal(0)
    if ampm and ampm[0] in "下傍晚夜" and h < 12:
        h += 12
    if minute == "半":
        h += Decimal("0.5")
    elif minute:
        h += Decimal(re.sub(r"\D", "", minute) or 0) / 60
    return h


def find_working_hours(text: str) -> list[Found]:
    """Working time stated as a schedule (「每天早8时至晚8时，每周工作六天」「每月仅休息两天，每天工作八小时」) in one
    sentence: hours a day, days a week, hours a week, and the hours beyond 8 a day and 5 days a week (延时, 休息日)."""
    for m in re.finditer(r"[^。；;\n]+", text):
        sentence = m.group()
        if _NORMATIVE.search(sentence):
            continue
        hours = days = None
        span = _SPAN.search(sentence)
        if span:
            start = _clock(span.group("h1"), span.group("m1") or span.group("m12"), span.group("a1"))
            end = _clock(span.group("h2"), span.group("m2") or span.group("m22"), span.group("a2") or (span.group("a1") if False else None))
            if end <= start:
                end += 12
            if 0 < end - start <= 24:
                hours = (end - start).quantize(Decimal("0.1")).normalize()
        h = _HOURS.search(sentence)
        if h and hours is None:
            hours = _num(h.group("n"))
        d = _DAYS.search(sentence)
        if d:
            days = _num(d.group("n") or d.group("n2"))
        elif (r := _REST_WEEK.search(sentence)) is not None:
            days = 7 - (_num(r.group("n")) or 0)
        elif (r := _REST_MONTH.search(sentence)) is not None:
            rest = _num(r.group("n") or r.group("n2")) or Decimal(0)
            days = ((_DAYS_MONTH - rest) * 7 / _DAYS_MONTH).quantize(Decimal("0.1"))
        elif (w := _REST_DAYS_WORKED.search(sentence)) is not None:
            days = Decimal(7) if w.group("both") or w.group("day") == "末" else Decimal(6)
        elif re.search(r"单休", sentence):
            days = Decimal(6)
        elif re.search(r"全年无休|没有休息日|从未休息|无休息日", sentence):
            days = Decimal(7)
        elif re.search(r"双休", sentence):
            days = Decimal(5)
        if hours is None and days is None:
            continue
        if hours is None and not re.search(r"工作|上班|加班|出勤", sentence):
            continue
        schedule = WorkSchedule(hours_per_day=hours, days_per_week=days, text=sentence.strip())
        if hours is not None and days is not None:
            schedule.hours_per_week = (hours * days).quantize(Decimal("0.1")).normalize()
            schedule.extended_hours_per_week = (max(hours - 8, Decimal(0)) * min(days, Decimal(5))).quantize(Decimal("0.1")).normalize()
            schedule.rest_day_hours_per_week = (hours * max(days - 5, Decimal(0))).quantize(Decimal("0.1")).normalize()
        lead = len(sentence) - len(sentence.lstrip())
        return [Found(schedule, m.start() + lead, m.end(), "facts.working_hours", 0.8, "标准工时每日8小时、每周40小时")]
    return []


def find_injury(text: str) -> list[Found]:
    """The first sentence telling an injury at work (工伤, 受伤, 伤残, 职业病), as stated."""
    return _first_sentence(text, r"工伤|受伤|伤残|工亡|因工死亡|职业病|撞伤|烧伤|摔伤|砸伤|轧伤", "facts.injury")
