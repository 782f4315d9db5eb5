"""Generator of the bundled, synthetic award archive (corpus/awards/awards.jsonl.gz): masked 仲裁裁决书 and
some 判决书, seeded and reproducible, with every amount computed by the law layer's calculators.

How an award is made (its own `random.Random(f"{seed}-{i}")`, so the same seed gives the same bytes):
1. A scenario: a city, hire and leave dates, a monthly wage around that city's average, a written contract or
   not, and how the employment ended (unlawful dismissal, 40条 dismissal, 38条 forced resignation, voluntary
   resignation, mutual agreement, expiry, work injury), sometimes a disputed employment relation.
2. Claims follow the scenario; a claim type whose calculator is not importable from
   `arbitration.law.calculators` is left out (never an amount made up here). Non-monetary claims
   (确认劳动关系, 补缴社会保险) need no calculator.
3. Outcomes by rule: granted; partly (asked for more than the calculator allows); denied with a stated reason;
   not accepted. Articles come from the calculators and are checked against `arbitration.law.statutes()`.
4. Wording varies: several phrasings per section, claim order, headings 本委认为/仲裁庭认为, numbering styles,
   thousands separators, and ~8 % court judgments (原告/被告, 本院认为, 判决如下). Parties are masked.

The average wage used for the 3× cap is the law layer's figure where it has one (city, year); elsewhere a
synthetic figure from CITIES below is passed to the calculator — the awards are synthetic, the figures too.

Run: `python -m arbitration.retrieval.generator --n 2000 --seed 7` (writes corpus/awards/awards.jsonl.gz).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from arbitration.model import CalcResult, Citation

BUNDLE_NAME = "awards.jsonl.gz"
DEFAULT_N, DEFAULT_SEED = 2000, 7

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤") + ["欧阳", "司马", "上官"]
TRADES = ["科技", "物流", "餐饮管理", "建筑工程", "机械制造", "电子", "服装", "商贸", "物业管理", "教育咨询", "医疗器械", "食品",
          "汽车销售", "网络技术", "广告", "家政服务", "保安服务", "酒店管理", "化工", "包装材料"]
ORG_FORMS = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"]
POSITIONS = ["销售员", "仓库管理员", "厨师", "司机", "保安", "文员", "会计", "操作工", "技术员", "客服专员", "快递员", "施工员",
             "店长", "保洁员", "质检员", "软件工程师", "设计师", "电工", "焊工", "前台"]

# city → (abbreviation, court code, province (empty for municipalities), districts, synthetic monthly average
# wage of 2015 in yuan; grown 6.5 % a year; used only where the law layer has no figure for that year)
CITIES: dict[str, tuple[str, str, str, tuple[str, ...], int]] = {
    "青岛市": ("青", "鲁02", "山东省", ("市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区"), 4900),
    "济南市": ("济", "鲁01", "山东省", ("历下区", "市中区", "槐荫区", "天桥区", "历城区"), 4800),
    "烟台市": ("烟", "鲁06", "山东省", ("芝罘区", "福山区", "莱山区"), 4300),
    "潍坊市": ("潍", "鲁07", "山东省", ("潍城区", "奎文区", "寒亭区"), 4000),
    "北京市": ("京", "京01", "", ("朝阳区", "海淀区", "东城区", "丰台区"), 7100),
    "上海市": ("沪", "沪01", "", ("浦东新区", "徐汇区", "闵行区", "静安区"), 6500),
    "深圳市": ("深", "粤03", "广东省", ("福田区", "南山区", "宝安区", "龙岗区"), 6000),
    "广州市": ("穗", "粤01", "广东省", ("天河区", "越秀区", "白云区", "番禺区"), 5800),
    "杭州市": ("杭", "浙01", "浙江省", ("西湖区", "上城区", "滨江区"), 5600),
    "南京市": ("宁", "苏01", "江苏省", ("玄武区", "鼓楼区", "江宁区"), 5700),
    "成都市": ("蓉", "川01", "四川省", ("锦江区", "武侯区", "成华区"), 4700),
    "武汉市": ("汉", "鄂01", "湖北省", ("江岸区", "洪山区", "武昌区"), 4900),
}
CN_NUM = "〇一二三四五六七八九"


# ---------------------------------------------------------------- numbers and dates in award style


def cn_year(y: int) -> str:
    return "".join(CN_NUM[int(c)] for c in str(y))


def cn_small(n: int) -> str:
    if n < 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n - 10] if n > 10 else "")
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def cn_date(d: date) -> str:
    return f"{cn_year(d.year)}年{cn_small(d.month)}月{cn_small(d.day)}日"


def ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def money(v: Decimal, rng: random.Random) -> str:
    v = Decimal(v).quantize(Decimal("0.01"), ROUND_HALF_UP)
    s = f"{v:,.2f}" if rng.random() < 0.3 else f"{v:.2f}"
    if s.endswith(".00") and rng.random() < 0.6:
        s = s[:-3]
    return s + "元"


def ordinal(i: int, style: str) -> str:
    return {"arabic": f"{i}.", "dun": f"{i}、", "paren": f"（{i}）"}[style]


def pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


# ---------------------------------------------------------------- law-layer adapters


@lru_cache(maxsize=1)
def available_calculators() -> dict[str, object]:
    """The calculators the law layer has now (name → function)."""
    from arbitration.law import calculators

    return dict(getattr(calculators, "CALCULATORS", {}))


def call_calc(name: str, *args: object, **kwargs: object) -> CalcResult | None:
    """Calculator `name` of the law layer on these arguments; None when the law layer lacks it or lacks a
    figure it needs (a regional table): the claim is then left out, never given a made-up amount."""
    from arbitration.errors import ArbitrationError

    fn = available_calculators().get(name)
    if fn is None:
        return None
    try:
        return fn(*args, **kwargs)
    except ArbitrationError:
        return None


def average_wage(city: str, year: int) -> tuple[Decimal, bool]:
    """(monthly average wage of `city` for `year`, whether the law layer has it)."""
    from arbitration.errors import ArbitrationError
    from arbitration.law import regions

    try:
        return Decimal(regions.average_wage(city, year).monthly), True
    except ArbitrationError:
        base = CITIES[city][4]
        return Decimal(round(base * 1.065 ** (year - 2015))), False


def resolvable(citations: list[Citation]) -> list[Citation]:
    from arbitration.law import statutes

    st, out = statutes(), []
    for c in citations:
        if st.exists(c) and c not in out:
            out.append(c)
    return out


def cite(citations: list[Citation]) -> str:
    from arbitration.law import format_citation

    return "、".join(format_citation(c) for c in citations)


def claim_title(type_id: str) -> str:
    from arbitration.retrieval.units import claim_name

    return claim_name(type_id).split("/")[0]


# ---------------------------------------------------------------- scenario


@dataclass
class ClaimPlan:
    type: str
    text: str  # as the applicant wrote it (「裁决被申请人支付…」)
    requested: Decimal | None
    outcome: str  # granted | partly | denied | not_accepted
    granted: Decimal | None
    reasoning: str
    ruling: str | None  # the ruling item that grants it; None when denied / not accepted
    articles: list[Citation] = field(default_factory=list)


@dataclass
class Scenario:
    city: str
    hire: date
    leave: date
    wage: Decimal
    contract: bool
    contract_date: date | None
    ending: str  # unlawful | lawful40 | forced38 | voluntary | mutual | expiry | injury
    award_date: date
    applicant: str
    gender: str
    respondent: str
    position: str
    avg_wage: Decimal  # the previous year's monthly average wage for the cap
    applied: date  # the day the applicant applied for arbitration (or filed the suit)
    relation_disputed: bool = False
    relation_denied: bool = False

    @property
    def law_has_average(self) -> bool:
        return average_wage(self.city, self.leave.year - 1)[1]

    def cap_args(self) -> dict[str, object]:
        """The law layer's figure (by city) where it has one, else the synthetic average wage."""
        if self.law_has_average:
            return {"city": self.city}
        return {"average_wage": self.avg_wage, "wage_year": self.leave.year - 1}

    def calc(self, name: str, **extra: object) -> CalcResult | None:
        """The law layer's calculator for claim type `name` on this scenario (see call_calc)."""
        w = self.wage
        if name in ("severance", "unlawful_termination"):
            return call_calc(name, self.hire, self.leave, w, **self.cap_args())
        if name == "double_wage":
            return call_calc(name, self.hire, w, signed=self.contract_date, end=self.leave, applied=extra["applied"])
        if name == "overtime":
            key = {"weekday": "weekday_hours", "restday": "rest_day_hours", "holiday": "holiday_hours"}[extra["kind"]]
            return call_calc(name, w, **{key: extra["hours"]})
        if name == "annual_leave":
            return call_calc(name, w, extra["year"], hire=self.hire, leave=self.leave, cumulative_years=extra["cumulative"])
        if name == "notice_pay":
            return call_calc(name, w)
        if name == "injury_disability":
            args = {"city": self.city} if self.law_has_average else {"average_wage": self.avg_wage, "wage_year": self.leave.year - 1}
            return call_calc(name, extra["level"], w, **args)
        if name in ("injury_medical", "injury_employment"):
            return call_calc(name, extra["level"], self.avg_wage, region=self.city)
        if name == "injury_leave_wage":
            return call_calc(name, w, extra["start"], extra["end"])
        if name == "non_compete":
            return call_calc(name, w, extra["months"], leave=self.leave, city=self.city)
        raise ValueError(f"no adapter for calculator {name!r}")


ENDINGS = [("unlawful", 30), ("lawful40", 8), ("forced38", 14), ("voluntary", 20), ("mutual", 9), ("expiry", 9), ("injury", 10)]
TERMINATION = {"unlawful": "employer", "lawful40": "employer", "forced38": "employee", "voluntary": "employee",
               "mutual": "mutual", "expiry": "expiry", "injury": None}


def draw_scenario(rng: random.Random) -> Scenario:
    city = rng.choice(list(CITIES))
    hire_year = rng.choices([rng.randint(2003, 2007), rng.randint(2008, 2024)], [1, 7])[0]
    hire = date(hire_year, rng.randint(1, 12), rng.randint(1, 28))
    months = int(min(rng.lognormvariate(3.3, 0.85), 220)) + 2
    leave = hire + timedelta(days=int(months * 30.44) + rng.randint(-10, 10))
    leave = max(min(leave, date(2025, 6, 30)), date(2015, 1, 5))
    if leave <= hire + timedelta(days=45):
        leave = hire + timedelta(days=rng.randint(60, 400))
    avg, _ = average_wage(city, leave.year - 1)
    wage = Decimal(int(max(1900, float(avg) * rng.lognormvariate(-0.05, 0.5)) / 100) * 100)
    contract = rng.random() < 0.75
    contract_date = hire + timedelta(days=rng.choice([0, 0, 0, 10, 45, 100])) if contract else None
    ending = rng.choices([e for e, _ in ENDINGS], [w for _, w in ENDINGS])[0]
    if ending == "expiry" and not contract:  # no contract, no term to expire
        ending = "unlawful"
    award_date = leave + timedelta(days=rng.randint(50, 240))
    applied = award_date - timedelta(days=rng.randint(40, 80))
    short = city.removesuffix("市")
    trade = rng.choice(TRADES)
    respondent = f"{short}某某{trade}{rng.choice(ORG_FORMS)}" if rng.random() < 0.6 else f"{short}某某{rng.choice(ORG_FORMS)}"
    disputed = not contract and ending in ("unlawful", "voluntary") and rng.random() < 0.35
    return Scenario(city, hire, leave, wage, contract, contract_date, ending, award_date, f"{rng.choice(SURNAMES)}某",
                    rng.choice("男女"), respondent, rng.choice(POSITIONS), avg, applied, disputed,
                    disputed and rng.random() < 0.3)


# ---------------------------------------------------------------- claims


def _inflate(rng: random.Random, v: Decimal) -> Decimal:
    """What an applicant asks for when asking for more than the law gives."""
    return (v * Decimal(str(round(rng.uniform(1.15, 1.8), 2)))).quantize(Decimal("1"))


def _granted_or_partly(rng: random.Random, res: CalcResult, p_partly: float) -> tuple[str, Decimal, Decimal]:
    if rng.random() < p_partly:
        return "partly", _inflate(rng, res.amount), res.amount
    return "granted", res.amount, res.amount


def _steps(res: CalcResult) -> str:
    """The calculator's steps as award prose; a long month-by-month list keeps its head and its sum."""
    steps = [s.replace("（由使用者提供）", "").replace("本地区", "本市") for s in res.steps]
    if len(steps) > 6:
        steps = steps[:2] + ["……"] + steps[-2:]
    return "；".join(steps) if steps else res.formula


def _deadline(rng: random.Random) -> str:
    return pick(rng, "本裁决生效之日起十日内", "本裁决生效之日起十日内", "本裁决书生效之日起五日内", "本裁决生效后十五日内")


def plan_severance(s: Scenario, rng: random.Random, deny: str | None) -> ClaimPlan | None:
    res = s.calc("severance")
    if res is None:
        return None
    ask = pick(rng, "解除劳动合同经济补偿", "经济补偿金", "解除劳动关系经济补偿")
    if deny is None:
        outcome, requested, granted = _granted_or_partly(rng, res, 0.35)
        why = {
            "forced38": pick(rng, "被申请人未依法为申请人缴纳社会保险费，申请人据此解除劳动合同，符合《中华人民共和国劳动合同法》第三十八条规定的情形，",
                             "被申请人未及时足额支付劳动报酬，申请人以此为由解除劳动合同，符合法律规定，"),
            "mutual": pick(rng, "双方协商一致解除劳动合同，且系由被申请人首先提出，", "解除劳动合同系被申请人提出并与申请人协商一致，"),
            "expiry": pick(rng, "劳动合同期满，被申请人不同意续订，", "双方劳动合同到期后被申请人未续订，"),
            "lawful40": "被申请人依照《中华人民共和国劳动合同法》第四十条的规定解除劳动合同，",
            "unlawful": pick(rng, "被申请人解除劳动合同，", "双方劳动合同由被申请人提出解除，"),
        }.get(s.ending, "")
        body = (f"{why}被申请人应当支付申请人经济补偿。{_steps(res)}。"
                + ("申请人主张的数额超出法定标准，超出部分" + pick(rng, "本委不予支持。", "不予支持。") if outcome == "partly" else "")
                + f"故{pick(rng, '被申请人应支付', '被申请人应当支付')}申请人经济补偿{money(granted, rng)}。")
        return ClaimPlan("severance", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, outcome, granted, body,
                         f"被申请人于{_deadline(rng)}支付申请人解除劳动合同经济补偿{money(granted, rng)}", resolvable(res.articles))
    body = {
        "voluntary": pick(rng, "申请人系因个人原因主动提出辞职，不属于用人单位应当支付经济补偿的情形，对申请人的该项请求，本委不予支持。",
                          "根据查明的事实，申请人以个人原因为由提交辞职申请，双方劳动合同因申请人主动辞职而解除，申请人要求支付经济补偿无法律依据，本委不予支持。",
                          "申请人主张其系被迫离职，但未提交证据证明被申请人存在《中华人民共和国劳动合同法》第三十八条规定的情形，其辞职申请载明系个人原因，该项请求本委不予支持。"),
        "no_evidence": "申请人主张被申请人未足额支付劳动报酬，但未提交证据予以证明，其以此为由解除劳动合同并要求支付经济补偿，证据不足，本委不予支持。",
        "renewal_refused": "劳动合同期满时，被申请人维持原劳动合同约定条件同意续订，申请人不同意续订，依照《中华人民共和国劳动合同法》第四十六条第五项的规定，被申请人无需支付经济补偿，申请人的该项请求本委不予支持。",
    }[deny]
    requested = _inflate(rng, res.amount) if rng.random() < 0.5 else res.amount
    return ClaimPlan("severance", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, "denied", Decimal(0), body, None,
                     resolvable([Citation(law="劳动合同法", article=46)]))


def plan_unlawful(s: Scenario, rng: random.Random, lawful: bool) -> ClaimPlan | None:
    res = s.calc("unlawful_termination")
    if res is None:
        return None
    ask = pick(rng, "违法解除劳动合同赔偿金", "违法解除劳动关系赔偿金", "违法解除劳动合同的赔偿金")
    if not lawful:
        outcome, requested, granted = _granted_or_partly(rng, res, 0.3)
        reason = pick(
            rng,
            "被申请人以申请人严重违反规章制度为由解除劳动合同，但未提交证据证明其规章制度经过民主程序制定并向申请人公示，亦未能证明申请人存在严重违纪的事实，",
            f"被申请人于{ymd(s.leave)}口头通知申请人不用再来上班，未说明解除理由，亦未通知工会，",
            "被申请人主张申请人在试用期内不符合录用条件，但未提交录用条件及考核结果的证据，",
            "被申请人以经营调整为由单方解除劳动合同，既未与申请人协商变更劳动合同，也不符合法定的解除条件，",
            "被申请人主张申请人连续旷工，但其提交的考勤记录系单方制作，申请人不予认可，被申请人亦未提交其他证据佐证，",
        )
        body = (reason + pick(rng, "其解除行为违反法律规定，属于违法解除劳动合同。", "应认定为违法解除。", "被申请人应承担举证不能的不利后果，其解除行为违法。")
                + f"{_steps(res)}。" + ("申请人主张的数额过高，本委依法予以调整。" if outcome == "partly" else "")
                + f"被申请人应支付申请人违法解除劳动合同赔偿金{money(granted, rng)}。")
        return ClaimPlan("unlawful_termination", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, outcome, granted,
                         body, f"被申请人于{_deadline(rng)}支付申请人违法解除劳动合同赔偿金{money(granted, rng)}",
                         resolvable(res.articles))
    body = pick(
        rng,
        "被申请人提交的医疗期满通知、调岗通知及解除通知能够证明，申请人医疗期满后不能从事原工作也不能从事另行安排的工作，被申请人提前三十日书面通知后解除劳动合同，符合《中华人民共和国劳动合同法》第四十条的规定，不属违法解除，申请人要求支付赔偿金的请求本委不予支持。",
        "被申请人提交的考核记录及培训、调岗材料能够证明申请人不能胜任工作，经培训后仍不能胜任，被申请人依法解除劳动合同，不属违法解除。申请人主张违法解除赔偿金，本委不予支持。",
    )
    return ClaimPlan("unlawful_termination", f"裁决被申请人支付{ask}{money(res.amount, rng)}", res.amount, "denied", Decimal(0),
                     body, None, resolvable([Citation(law="劳动合同法", article=40)]))


def plan_notice(s: Scenario, rng: random.Random, deny: bool) -> ClaimPlan | None:
    res = s.calc("notice_pay")
    if res is None:
        return None
    ask = pick(rng, "代通知金", "额外支付的一个月工资（代通知金）", "未提前三十日通知的一个月工资")
    if deny:
        body = "被申请人并非依照《中华人民共和国劳动合同法》第四十条的规定解除劳动合同，申请人要求支付代通知金不符合法定条件，本委不予支持。"
        return ClaimPlan("notice_pay", f"裁决被申请人支付{ask}{money(res.amount, rng)}", res.amount, "denied", Decimal(0), body,
                         None, resolvable([Citation(law="劳动合同法", article=40)]))
    body = f"被申请人依照《中华人民共和国劳动合同法》第四十条解除劳动合同，未提前三十日书面通知申请人，应额外支付申请人一个月工资。{_steps(res)}。"
    return ClaimPlan("notice_pay", f"裁决被申请人支付{ask}{money(res.amount, rng)}", res.amount, "granted", res.amount, body,
                     f"被申请人于{_deadline(rng)}支付申请人代通知金{money(res.amount, rng)}", resolvable(res.articles))


def plan_double(s: Scenario, rng: random.Random) -> ClaimPlan | None:
    if "double_wage" not in available_calculators():
        return None
    ask = pick(rng, "未签订书面劳动合同二倍工资差额", "未签劳动合同的双倍工资", "未订立书面劳动合同的二倍工资")
    if s.contract:
        req = s.wage * 11
        body = (f"被申请人提交的劳动合同载有申请人签名，双方已于{ymd(s.contract_date)}签订书面劳动合同，申请人要求支付未签订书面劳动合同二倍工资差额，"
                + pick(rng, "本委不予支持。", "缺乏事实依据，不予支持。"))
        return ClaimPlan("double_wage", f"裁决被申请人支付{ask}{money(req, rng)}", req, "denied", Decimal(0), body, None,
                         resolvable([Citation(law="劳动合同法", article=82)]))
    res = s.calc("double_wage", applied=s.applied)
    if res is None:
        return None
    if res.amount <= 0:
        req = s.wage * 11
        body = ("申请人主张的未签订书面劳动合同二倍工资差额，其计算期间的最后一个月距申请人申请仲裁之日已超过一年，被申请人提出时效抗辩，"
                "依照《中华人民共和国劳动争议调解仲裁法》第二十七条的规定，该项请求已超过仲裁时效，本委不予支持。")
        return ClaimPlan("double_wage", f"裁决被申请人支付{ask}{money(req, rng)}", req, "denied", Decimal(0), body, None,
                         resolvable([Citation(law="劳动争议调解仲裁法", article=27)]))
    outcome, requested, granted = _granted_or_partly(rng, res, 0.45)
    body = (f"被申请人自用工之日起超过一个月未与申请人订立书面劳动合同，应当向申请人每月支付二倍的工资。{_steps(res)}。"
            + ("申请人主张超出上述期间及数额的部分，本委不予支持。" if outcome == "partly" else "")
            + f"被申请人应支付申请人未签订书面劳动合同二倍工资差额{money(granted, rng)}。")
    return ClaimPlan("double_wage", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, outcome, granted, body,
                     f"被申请人于{_deadline(rng)}支付申请人未签订书面劳动合同二倍工资差额{money(granted, rng)}", resolvable(res.articles))


def plan_overtime(s: Scenario, rng: random.Random) -> ClaimPlan | None:
    kind = rng.choice(["weekday", "restday", "holiday"])
    hours = Decimal(rng.choice([24, 36, 48, 60, 80, 96, 120, 160, 200]))
    res = s.calc("overtime", hours=hours, kind=kind)
    if res is None:
        return None
    ask = pick(rng, "加班费", "加班工资", {"restday": "休息日加班费", "holiday": "法定节假日加班费"}.get(kind, "延长工作时间加班费"))
    if rng.random() < 0.4:
        reason = pick(
            rng,
            "申请人主张存在加班，但仅提交了自行制作的加班记录，被申请人不予认可，申请人亦未能证明被申请人掌握加班事实存在的证据，应承担举证不能的不利后果，对申请人的该项请求本委不予支持。",
            "申请人未提交考勤记录、加班审批单等证据证明其加班事实，其要求支付加班费的请求证据不足，本委不予支持。",
            "被申请人提交的考勤记录及工资发放明细显示，申请人的加班费已按月足额发放，申请人对此未提出反证，其该项请求本委不予支持。",
        )
        requested = _inflate(rng, res.amount)
        return ClaimPlan("overtime", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, "denied", Decimal(0), reason, None,
                         resolvable([Citation(law="劳动争议解释（一）", article=42)]))
    outcome, requested, granted = _granted_or_partly(rng, res, 0.5)
    body = (pick(rng, "申请人提交的考勤记录显示其存在加班事实，被申请人虽不认可，但未提交其掌握的考勤记录予以反驳，应承担不利后果。",
                 "被申请人认可申请人存在加班事实，但主张已支付加班费，未提交证据证明。",
                 "根据双方提交的考勤打卡记录，可以认定申请人存在加班的事实。")
            + f"{_steps(res)}。" + ("申请人主张的加班时长缺乏证据，超出部分不予支持。" if outcome == "partly" else "")
            + f"被申请人应支付申请人加班费{money(granted, rng)}。")
    return ClaimPlan("overtime", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, outcome, granted, body,
                     f"被申请人于{_deadline(rng)}支付申请人加班费{money(granted, rng)}", resolvable(res.articles))


def plan_annual(s: Scenario, rng: random.Random) -> ClaimPlan | None:
    year = s.leave.year - 1 if s.hire < date(s.leave.year - 1, 1, 1) else s.leave.year
    tenure_years = max(1, (s.leave - s.hire).days // 365)
    res = s.calc("annual_leave", year=year, cumulative=rng.randint(tenure_years, tenure_years + 15))
    if res is None or res.amount <= 0:
        return None
    ask = pick(rng, "未休年休假工资", "未休带薪年休假工资报酬", "应休未休年休假工资")
    if rng.random() < 0.3:
        body = "被申请人提交的请假审批单及考勤记录显示，申请人已休完当年度的带薪年休假，申请人的该项请求本委不予支持。"
        return ClaimPlan("annual_leave", f"裁决被申请人支付{ask}{money(res.amount, rng)}", res.amount, "denied", Decimal(0), body,
                         None, resolvable([Citation(law="职工带薪年休假条例", article=5)]))
    outcome, requested, granted = _granted_or_partly(rng, res, 0.35)
    body = (f"申请人累计工作已满一年，被申请人未安排申请人休年休假，亦未支付未休年休假工资报酬。{_steps(res)}。"
            f"被申请人应支付申请人未休年休假工资{money(granted, rng)}。")
    return ClaimPlan("annual_leave", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, outcome, granted, body,
                     f"被申请人于{_deadline(rng)}支付申请人未休年休假工资{money(granted, rng)}", resolvable(res.articles))


def plan_wages(s: Scenario, rng: random.Random) -> ClaimPlan | None:
    months = Decimal(rng.choice([1, 1, 2, 3, 4, 6]))
    if "unpaid_wages" not in available_calculators():  # no calculator in the law layer yet
        return None
    res = s.calc("unpaid_wages", months=months)
    if res is None:
        return None
    ask = pick(rng, f"拖欠的{months}个月工资", "拖欠工资", "欠发的劳动报酬", f"{s.leave.year}年拖欠的工资")
    outcome, requested, granted = _granted_or_partly(rng, res, 0.3)
    body = (f"被申请人未提交工资支付记录证明已足额支付申请人{months}个月的工资，应承担举证不能的不利后果。{_steps(res)}。"
            f"被申请人应支付申请人工资{money(granted, rng)}。")
    return ClaimPlan("unpaid_wages", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, outcome, granted, body,
                     f"被申请人于{_deadline(rng)}支付申请人拖欠的工资{money(granted, rng)}", resolvable(res.articles))


def plan_social(s: Scenario, rng: random.Random) -> ClaimPlan:
    """补缴 is outside a commission's jurisdiction (不予受理); a loss without evidence is denied. No amounts."""
    if rng.random() < 0.7:
        body = pick(rng, "社会保险费的征缴属于社会保险征收机构的职责范围，申请人要求被申请人补缴社会保险费的请求，不属于劳动人事争议处理范围，本委不予受理。",
                    "用人单位未依法缴纳社会保险费的，应由社会保险费征收机构责令限期缴纳，申请人要求补缴社会保险的请求不属于本委受理范围，本委不予受理。")
        return ClaimPlan("social_insurance", pick(rng, "裁决被申请人为申请人补缴在职期间的社会保险", "裁决被申请人依法为申请人补缴社会保险费"),
                         None, "not_accepted", None, body, None, [])
    body = "被申请人未为申请人缴纳社会保险，但申请人主张的损失无相应证据证明，本委不予支持。"
    return ClaimPlan("social_insurance", "裁决被申请人赔偿未缴纳社会保险造成的损失", None, "denied", None, body, None, [])


def plan_relation(s: Scenario, rng: random.Random) -> ClaimPlan:
    text = f"确认申请人与被申请人自{ymd(s.hire)}至{ymd(s.leave)}期间存在劳动关系"
    if s.relation_denied:
        body = pick(rng, "申请人提交的微信聊天记录及转账记录仅能证明双方存在款项往来，不能证明申请人接受被申请人的劳动管理、从事被申请人安排的有报酬的劳动，"
                    "申请人主张双方存在劳动关系证据不足，本委不予支持。",
                    "根据查明的事实，申请人系按件计酬、自行安排工作时间，不受被申请人规章制度约束，双方之间不具有劳动关系的从属性特征，申请人的该项请求本委不予支持。")
        return ClaimPlan("labor_relation", text, None, "denied", None, body, None,
                         resolvable([Citation(law="劳动合同法", article=7)]))
    body = pick(rng, "申请人提交的工作证、工资转账记录及考勤记录能够证明其接受被申请人的劳动管理，从事被申请人安排的有报酬的劳动，双方虽未签订书面劳动合同，但已形成事实劳动关系，本委予以确认。",
                "被申请人虽否认双方存在劳动关系，但申请人提交的工牌、工作群聊天记录及工资支付记录能够相互印证，应认定双方存在劳动关系，本委予以确认。")
    ruling = f"确认申请人与被申请人自{ymd(s.hire)}至{ymd(s.leave)}期间存在劳动关系"
    return ClaimPlan("labor_relation", text, None, "granted", None, body, ruling,
                     resolvable([Citation(law="劳动合同法", article=7)]))


def plan_injury(s: Scenario, rng: random.Random) -> list[ClaimPlan]:
    level = rng.randint(7, 10)
    out: list[ClaimPlan] = []
    for t, name in (("injury_disability", "一次性伤残补助金"), ("injury_medical", "一次性工伤医疗补助金"),
                    ("injury_employment", "一次性伤残就业补助金")):
        if t != "injury_disability" and rng.random() < 0.3:
            continue
        res = s.calc(t, level=level)
        if res is None:
            continue
        outcome, requested, granted = _granted_or_partly(rng, res, 0.3)
        body = (f"申请人所受伤害经社会保险行政部门认定为工伤，经劳动能力鉴定委员会鉴定为{cn_small(level)}级伤残。被申请人未为申请人缴纳工伤保险，"
                f"应由被申请人按照工伤保险待遇项目和标准支付。{_steps(res)}。被申请人应支付申请人{name}{money(granted, rng)}。")
        out.append(ClaimPlan(t, f"裁决被申请人支付{name}{money(requested, rng)}", requested, outcome, granted, body,
                             f"被申请人于{_deadline(rng)}支付申请人{name}{money(granted, rng)}", resolvable(res.articles)))
    if rng.random() < 0.5:
        start = max(s.hire + timedelta(days=20), s.leave - timedelta(days=rng.randint(200, 400)))
        end = start + timedelta(days=rng.choice([59, 89, 119, 180]))
        res = s.calc("injury_leave_wage", start=start, end=min(end, s.leave))
        if res is not None and res.amount > 0:
            outcome, requested, granted = _granted_or_partly(rng, res, 0.3)
            body = (f"申请人受伤后停工留薪期为{ymd(start)}至{ymd(min(end, s.leave))}，在停工留薪期内原工资福利待遇不变，由所在单位按月支付。"
                    f"被申请人未支付该期间工资，{_steps(res)}。被申请人应支付申请人停工留薪期工资{money(granted, rng)}。")
            out.append(ClaimPlan("injury_leave_wage", f"裁决被申请人支付停工留薪期工资{money(requested, rng)}", requested, outcome,
                                 granted, body, f"被申请人于{_deadline(rng)}支付申请人停工留薪期工资{money(granted, rng)}",
                                 resolvable(res.articles)))
    return out


def plan_noncompete(s: Scenario, rng: random.Random) -> ClaimPlan | None:
    months = Decimal(rng.choice([6, 12, 12, 24]))
    res = s.calc("non_compete", months=months)
    if res is None or res.amount <= 0:
        return None
    ask = pick(rng, "竞业限制经济补偿", "竞业限制补偿金")
    if rng.random() < 0.25:
        body = "被申请人已在竞业限制期限开始前书面通知申请人解除竞业限制协议，申请人未实际履行竞业限制义务，其要求支付竞业限制经济补偿的请求本委不予支持。"
        return ClaimPlan("non_compete", f"裁决被申请人支付{ask}{money(res.amount, rng)}", res.amount, "denied", Decimal(0), body, None,
                         resolvable([Citation(law="劳动争议解释（一）", article=39)]))
    outcome, requested, granted = _granted_or_partly(rng, res, 0.4)
    body = (f"双方签订的竞业限制协议约定申请人离职后{months}个月内不得到与被申请人有竞争关系的单位就职，但未约定经济补偿。申请人离职后履行了竞业限制义务，"
            f"被申请人应按其离职前十二个月平均工资的30%按月支付经济补偿。{_steps(res)}。被申请人应支付申请人竞业限制经济补偿{money(granted, rng)}。")
    return ClaimPlan("non_compete", f"裁决被申请人支付{ask}{money(requested, rng)}", requested, outcome, granted, body,
                     f"被申请人于{_deadline(rng)}支付申请人竞业限制经济补偿{money(granted, rng)}", resolvable(res.articles))


def plan_claims(s: Scenario, rng: random.Random) -> list[ClaimPlan]:
    plans: list[ClaimPlan | None] = []
    e = s.ending
    if s.relation_disputed:
        plans.append(plan_relation(s, rng))
    if e == "unlawful":
        plans.append(plan_unlawful(s, rng, lawful=False) if rng.random() < 0.8 else plan_severance(s, rng, None))
        if rng.random() < 0.25:
            plans.append(plan_notice(s, rng, deny=True))
    elif e == "lawful40":
        plans.append(plan_unlawful(s, rng, lawful=True) if rng.random() < 0.5 else plan_severance(s, rng, None))
        plans.append(plan_notice(s, rng, deny=False))
    elif e == "forced38":
        plans.append(plan_severance(s, rng, None if rng.random() < 0.7 else "no_evidence"))
        if rng.random() < 0.6:
            plans.append(plan_wages(s, rng))
        if rng.random() < 0.5:
            plans.append(plan_social(s, rng))
    elif e == "voluntary":
        if rng.random() < 0.6:
            plans.append(plan_severance(s, rng, "voluntary"))
    elif e == "mutual":
        plans.append(plan_severance(s, rng, None))
    elif e == "expiry":
        plans.append(plan_severance(s, rng, None if rng.random() < 0.8 else "renewal_refused"))
    elif e == "injury":
        plans += plan_injury(s, rng)
    if not s.contract and rng.random() < 0.85:
        plans.append(plan_double(s, rng))
    elif s.contract and rng.random() < 0.08:
        plans.append(plan_double(s, rng))  # claimed though signed: denied
    if rng.random() < 0.42:
        plans.append(plan_overtime(s, rng))
    if rng.random() < 0.3 and (s.leave - s.hire).days > 365:
        plans.append(plan_annual(s, rng))
    if rng.random() < 0.18 and not any(p and p.type == "unpaid_wages" for p in plans):
        plans.append(plan_wages(s, rng))
    if rng.random() < 0.06 and s.position in ("软件工程师", "设计师", "销售员", "技术员", "会计") and s.ending != "injury":
        plans.append(plan_noncompete(s, rng))
    if rng.random() < 0.12 and not any(p and p.type == "social_insurance" for p in plans):
        plans.append(plan_social(s, rng))
    out = [p for p in plans if p is not None]
    if not out:  # a scenario whose claims all lack calculators: the dismissal claim the law layer always has
        out = [plan_unlawful(s, rng, lawful=False) if TERMINATION[e] == "employer" else plan_severance(s, rng, None)]
        out = [p for p in out if p is not None]
    if s.relation_denied:  # no employment relation: every other claim falls with it
        for p in out:
            if p.type != "labor_relation":
                p.outcome, p.granted, p.ruling = "denied", (Decimal(0) if p.requested is not None else None), None
                p.reasoning = pick(rng, "如前所述，双方之间不存在劳动关系，申请人基于劳动关系提出的该项请求，本委不予支持。",
                                   "因申请人与被申请人之间不存在劳动关系，该项请求缺乏事实基础，本委不予支持。")
                p.articles = []
    first = [p for p in out if p.type == "labor_relation"]
    rest = [p for p in out if p.type != "labor_relation"]
    rng.shuffle(rest)
    return first + rest


# ---------------------------------------------------------------- the document

ENDING_FACTS = {
    "unlawful": ["{d}，被申请人以申请人严重违反规章制度为由向申请人送达解除劳动合同通知书。",
                 "{d}，被申请人口头通知申请人解除劳动关系，申请人自次日起未再上班。",
                 "{d}，被申请人以经营调整为由单方解除与申请人的劳动合同。",
                 "被申请人于{d}向申请人发出解除劳动合同通知书，以申请人连续旷工为由解除劳动合同。"],
    "lawful40": ["{d}，被申请人以申请人不能胜任工作、经调岗后仍不能胜任为由，依照劳动合同法第四十条的规定解除劳动合同。",
                 "申请人医疗期满后不能从事原工作，{d}，被申请人书面通知解除劳动合同。"],
    "forced38": ["{d}，申请人以被申请人未依法缴纳社会保险费为由向被申请人邮寄被迫解除劳动合同通知书。",
                 "{d}，申请人以被申请人拖欠劳动报酬为由提出解除劳动合同。"],
    "voluntary": ["{d}，申请人以个人原因提交辞职申请，双方劳动关系解除。", "{d}，申请人因个人原因离职。",
                  "申请人于{d}提出辞职，当日办理了离职交接。"],
    "mutual": ["{d}，经被申请人提出，双方协商一致解除劳动合同。", "双方于{d}签订协议，协商一致解除劳动合同。"],
    "expiry": ["双方劳动合同于{d}期满终止，被申请人未与申请人续订。", "{d}劳动合同到期后，被申请人通知申请人不再续签，劳动合同终止。"],
    "injury": ["申请人在工作中受伤，经社会保险行政部门认定为工伤。{d}，双方劳动关系解除。"],
}

DEFENCES = {
    "employer": ["被申请人解除劳动合同合法，不应支付赔偿金。", "申请人严重违反公司规章制度，被申请人解除劳动合同有事实和制度依据。"],
    "employee": ["申请人系主动辞职，被申请人无需支付经济补偿。", "被申请人已足额支付申请人工资，不存在拖欠。"],
    "any": ["申请人的请求没有事实和法律依据，请求依法驳回。", "同意依法处理，但申请人主张的数额过高。", "申请人主张的金额计算有误，应以实际工资为准。"],
}


def _swap_parties(text: str, a: str, r: str) -> str:
    return text.replace("被申请人", "\0").replace("申请人", a).replace("\0", r)


def render(s: Scenario, plans: list[ClaimPlan], rng: random.Random, case_number: str, judgment: bool, district: str) -> str:
    """The award (or judgment) as text: heading, parties, claims, defence, facts, reasoning, ruling, signatures."""
    A, R = ("原告", "被告") if judgment else ("申请人", "被申请人")
    abbr, code, province, *_ = CITIES[s.city]
    court = f"{province}{s.city}{district}人民法院"
    body_name = court if judgment else f"{s.city}劳动人事争议仲裁委员会"
    we = "本院" if judgment else pick(rng, "本委", "本委", "仲裁庭")
    num_style = rng.choice(["arabic", "dun", "paren"])
    head_style = rng.choice(["cn", "paren_cn", "guanyu"])
    L: list[str] = [body_name, "民 事 判 决 书" if judgment else pick(rng, "仲 裁 裁 决 书", "裁 决 书", "仲裁裁决书"), case_number, ""]
    born = s.hire.year - rng.randint(20, 40)
    L.append(f"{A}：{s.applicant}，{s.gender}，{born}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日出生，汉族，住{s.city}{rng.choice(CITIES[s.city][3])}。")
    if rng.random() < 0.5:
        L.append(f"委托{'诉讼' if judgment else ''}代理人：{rng.choice(SURNAMES)}某，{pick(rng, '某某律师事务所律师', f'{A}的亲属', '某某法律服务所法律工作者')}。")
    L.append(f"{R}：{s.respondent}，住所地{s.city}{rng.choice(CITIES[s.city][3])}。")
    L.append(f"法定代表人：{rng.choice(SURNAMES)}某，{pick(rng, '总经理', '执行董事', '经理', '董事长')}。")
    if rng.random() < 0.4:
        L.append(f"委托{'诉讼' if judgment else ''}代理人：{rng.choice(SURNAMES)}某，该公司{pick(rng, '员工', '人事经理', '法务')}。")
    accept = s.applied
    hearing = accept + timedelta(days=rng.randint(15, 35))
    if judgment:
        L.append(pick(rng, f"{A}{s.applicant}与{R}{s.respondent}劳动争议一案，本院于{ymd(accept)}立案后，依法适用简易程序，公开开庭进行了审理。本案现已审理终结。",
                      f"{A}{s.applicant}不服{s.city}劳动人事争议仲裁委员会仲裁裁决，与{R}{s.respondent}劳动争议一案，本院于{ymd(accept)}立案受理，依法适用普通程序，公开开庭进行了审理。本案现已审理终结。"))
    else:
        L.append(pick(rng,
                      f"{A}{s.applicant}与{R}{s.respondent}劳动争议一案，本委于{ymd(accept)}受理后，依法组成仲裁庭，于{ymd(hearing)}公开开庭进行了审理。本案现已审理终结。",
                      f"{A}{s.applicant}因与{R}{s.respondent}发生劳动争议，于{ymd(accept)}向本委申请仲裁。本委依法受理后，由仲裁员独任审理，于{ymd(hearing)}开庭审理，双方当事人均到庭参加仲裁活动。本案现已审理终结。",
                      f"{A}{s.applicant}诉{R}{s.respondent}劳动争议一案，本委于{ymd(accept)}立案受理，依法适用简易处理程序，于{ymd(hearing)}开庭审理。{R}经本委合法传唤{pick(rng, '到庭参加了庭审', '委托代理人到庭参加了庭审')}。本案现已审理终结。"))
    claim_head = f"{A}向本院提出诉讼请求：" if judgment else pick(rng, f"{A}请求：", f"{A}的仲裁请求：", f"{A}请求裁决：", f"{A}向本委提出如下仲裁请求：")
    items = [f"{ordinal(i, num_style)}{_swap_parties(p.text.replace('裁决', '判令', 1), A, R) if judgment else p.text}"
             for i, p in enumerate(plans, 1)]
    L.append(claim_head + "；".join(items) + "。")
    side = TERMINATION[s.ending] if TERMINATION[s.ending] in DEFENCES else "any"
    defence = rng.choice(DEFENCES[side] + DEFENCES["any"])
    L.append(f"{R}{pick(rng, '辩称', '答辩称', '庭审中辩称')}：" + (_swap_parties(defence, A, R) if judgment else defence))
    facts_head = "本院经审理认定事实如下：" if judgment else pick(rng, "经审理查明：", f"{we}查明：", f"经审理，{we}查明如下事实：")
    wage_s = f"{s.wage:.0f}"
    fact = pick(rng, f"申请人于{ymd(s.hire)}入职被申请人，从事{s.position}工作，",
                f"申请人于{ymd(s.hire)}进入被申请人处工作，岗位为{s.position}，",
                f"{ymd(s.hire)}，申请人入职被申请人，担任{s.position}，")
    fact += pick(rng, f"月工资{wage_s}元。", f"双方约定月工资为{wage_s}元。", f"离职前十二个月的月平均工资为{wage_s}元。", f"每月工资{wage_s}元，按月以银行转账方式发放。")
    if s.contract:
        fact += pick(rng, f"双方于{ymd(s.contract_date)}签订了书面劳动合同。", f"{ymd(s.contract_date)}，双方签订了期限为三年的劳动合同。",
                     f"双方签订有书面劳动合同，签订日期为{ymd(s.contract_date)}。")
    else:
        fact += pick(rng, "双方未签订书面劳动合同。", "被申请人未与申请人签订书面劳动合同。", "在职期间，双方一直未签订书面劳动合同。")
    fact += rng.choice(ENDING_FACTS[s.ending]).format(d=ymd(s.leave))
    if rng.random() < 0.5:
        fact += f"{pick(rng, '以上事实，有', '上述事实，有')}{pick(rng, '劳动合同、工资发放记录、解除通知', '银行流水、考勤记录', '双方当事人的陈述、证据材料')}及庭审笔录等在案为证。"
    L.append(facts_head + (_swap_parties(fact, A, R) if judgment else fact))
    L.append(f"{we}认为：" if rng.random() < 0.7 else f"{we}认为，")
    for i, p in enumerate(plans, 1):
        title = claim_title(p.type)
        head = {"cn": f"{cn_small(i)}、关于{title}的问题。", "paren_cn": f"（{cn_small(i)}）关于{title}。",
                "guanyu": f"关于{A}主张的{title}。"}[head_style]
        text = p.reasoning
        if p.articles and rng.random() < 0.6:
            text += f"（依据：{cite(p.articles)}）"
        if judgment:
            text = _swap_parties(text.replace("本委", "本院"), A, R)
        L.append(head + text)
    all_arts: list[Citation] = []
    for p in plans:
        all_arts += [a for a in p.articles if a not in all_arts]
    ruling_head = "判决如下：" if judgment else "裁决如下："
    L.append(f"综上，依照{cite(all_arts)}之规定，{ruling_head}" if all_arts else f"综上，{ruling_head}")
    out_items = [(_swap_parties(p.ruling.replace("本裁决书", "本判决").replace("本裁决", "本判决"), A, R) if judgment else p.ruling)
                 for p in plans if p.ruling]
    denied = [p for p in plans if p.ruling is None and p.outcome == "denied"]
    for p in plans:
        if p.outcome == "not_accepted":
            out_items.append(f"对{A}关于{claim_title(p.type)}的请求不予受理")
    if denied:
        if not out_items:
            out_items.append(f"驳回{A}的全部{'诉讼' if judgment else '仲裁'}请求")
        elif len(denied) == 1 and rng.random() < 0.5:
            out_items.append(f"驳回{A}关于{claim_title(denied[0].type)}的请求")
        else:
            out_items.append(f"驳回{A}的其他{'诉讼' if judgment else '仲裁'}请求")
    for i, t in enumerate(out_items, 1):
        L.append(f"{cn_small(i)}、{t}{'。' if i == len(out_items) else '；'}")
    if judgment:
        L.append(f"案件受理费10元，减半收取计5元，由{R}负担。")
        L.append(f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于{province}{s.city}中级人民法院。")
        L += ["", f"审判员　{rng.choice(SURNAMES)}某", "", cn_date(s.award_date), f"书记员　{rng.choice(SURNAMES)}某"]
    else:
        L.append(pick(rng, "如不服本裁决，可自收到本裁决书之日起十五日内向人民法院提起诉讼。期满不起诉的，本裁决书即发生法律效力。",
                      "当事人如不服本裁决，可以自收到本裁决书之日起十五日内向有管辖权的人民法院提起诉讼；逾期不起诉的，本裁决书发生法律效力。",
                      "双方当事人如不服本裁决，可自收到裁决书之日起十五日内向人民法院起诉；期满不起诉的，裁决书即发生法律效力。"))
        L += ["", f"仲裁员　{rng.choice(SURNAMES)}某", "", cn_date(s.award_date) if rng.random() < 0.7 else ymd(s.award_date),
              f"书记员　{rng.choice(SURNAMES)}某"]
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------- the corpus


def truth(s: Scenario, plans: list[ClaimPlan], number: str, judgment: bool) -> dict:
    """What the parser must recover from the text (the round-trip test and the labelled set use it)."""
    return {
        "case_number": number,
        "kind": "judgment" if judgment else "award",
        "region": s.city,
        "award_date": s.award_date.isoformat(),
        "facts": {"monthly_wage": str(s.wage), "hire_date": s.hire.isoformat(), "leave_date": s.leave.isoformat(),
                  "termination": TERMINATION[s.ending], "written_contract": s.contract, "ending": s.ending},
        "claims": [{"type": p.type, "outcome": p.outcome,
                    "requested": None if p.requested is None else str(p.requested),
                    "granted": None if p.granted is None else str(p.granted)} for p in plans],
    }


def make_award(seed: int, i: int, seq: dict[tuple[str, int], int]) -> dict:
    """Award number `i` of the corpus for `seed`: {"file", "text", "truth"}."""
    rng = random.Random(f"{seed}-{i}")
    s = draw_scenario(rng)
    plans = plan_claims(s, rng)
    judgment = rng.random() < 0.08
    year = s.award_date.year
    abbr, code, _, districts, _ = CITIES[s.city]
    key = (s.city + ("法院" if judgment else ""), year)
    seq[key] = seq.get(key, 0) + rng.randint(1, 9)
    n = seq[key]
    district = ""
    if judgment:
        district = rng.choice(districts)
        number = f"（{year}）{code}{districts.index(district) + 2:02d}民初{n}号"
    else:
        number = pick(rng, f"{abbr}劳人仲案字〔{year}〕第{n}号", f"{abbr}劳人仲案〔{year}〕{n}号", f"{abbr}劳人仲裁字〔{year}〕第{n:04d}号")
    return {"file": f"{year}-{i:05d}.txt", "text": render(s, plans, rng, number, judgment, district),
            "truth": truth(s, plans, number, judgment)}


def generate(n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[dict]:
    """`n` awards, deterministic for `seed` (and the calculators available)."""
    seq: dict[tuple[str, int], int] = {}
    out, used = [], set()
    for i in range(n):
        rec = make_award(seed, i, seq)
        if rec["truth"]["case_number"] in used:
            raise RuntimeError(f"duplicate case number {rec['truth']['case_number']}")
        used.add(rec["truth"]["case_number"])
        out.append(rec)
    return out


def write_bundle(records: list[dict], path: Path, meta: dict | None = None) -> Path:
    """JSON lines in gzip (mtime 0, so the bytes depend only on the records); first line is the metadata."""
    from arbitration.fileio import write_bytes

    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write((json.dumps({"meta": meta or {}}, ensure_ascii=False) + "\n").encode())
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode())
    write_bytes(path, buf.getvalue())
    return path


def read_bundle(path: Path) -> tuple[dict, list[dict]]:
    """(metadata, records) of a bundle written by write_bundle."""
    meta, records = {}, []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if "meta" in rec and "text" not in rec:
                meta = rec["meta"]
            else:
                records.append(rec)
    return meta, records


def main(argv: list[str] | None = None) -> None:
    from arbitration.config import CORPUS_DIR

    ap = argparse.ArgumentParser(description="生成内置的合成裁决书库（同一种子结果相同）")
    ap.add_argument("--n", type=int, default=DEFAULT_N, help="裁决书份数")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", type=Path, default=CORPUS_DIR / "awards" / BUNDLE_NAME, help="输出的 .jsonl.gz 文件")
    ap.add_argument("--txt", type=Path, default=None, help="另将每份写成 TXT 放入此目录（便于查看）")
    args = ap.parse_args(argv)
    records = generate(args.n, args.seed)
    meta = {"n": args.n, "seed": args.seed, "calculators": sorted(available_calculators()), "synthetic": True}
    write_bundle(records, args.out, meta)
    if args.txt:
        from arbitration.fileio import write_text

        for r in records:
            write_text(args.txt / r["file"], r["text"])
    types: dict[str, int] = {}
    for r in records:
        for c in r["truth"]["claims"]:
            types[c["type"]] = types.get(c["type"], 0) + 1
    print(f"wrote {len(records)} awards to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB); claims: {types}")


if __name__ == "__main__":
    main()
