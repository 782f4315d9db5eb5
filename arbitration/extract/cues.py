"""Cue words for reading requests, admissions and facts in running text, kept as data (lists, not code).

Each list is words or short regular-expression pieces; `alternation(...)` compiles a list longest first. To read a
new wording, add it here. Who speaks where (原告诉称, 被告辩称, 经审理查明) is `arbitration.ingest.speech`.
"""

from __future__ import annotations

import re
from functools import cache

# ---------------------------------------------------------------- requests (诉讼请求 / 仲裁请求)

# a word that asks: 请求 / 要求 / 诉请 (its use as a noun — 诉讼请求, 仲裁请求, 其他请求 — is not a request)
REQUEST_VERBS = ("请求", "要求", r"诉请(?!求)")  # 「起诉请求」「反诉请求」 hold 请求, not 诉请
NOUN_BEFORE_REQUEST = ("诉讼", "仲裁", "其他", "其余", "全部", "各项", "上述", "该项", "此项", "本项", "的")
# 反诉请求 is the noun (「驳回反诉请求」), 反诉要求 the verb (「被告反诉要求原告支付…」); either asks when the court is
# addressed next (「反诉请求判令原告…」)
NOUN_BEFORE_ASKING = (("反诉", ("请求", "诉请")),)
ADDRESSED = r"(?:人民法院|法院|本院|贵院|仲裁委员会|仲裁委|贵委|本委|仲裁庭)?(?:依法)?(?:判令|判决|裁决|确认)"
# after the verb, words that address the court before the content (「请求法院依法判令：」)
REQUEST_ADDRESS = r"(?:人民法院|法院|本院|贵院|仲裁委员会|仲裁委|贵委|本委|仲裁庭)?(?:依法)?(?:予以)?(?:判令|判决|判定|裁决|裁令)?(?:如下)?"
# a list of requests headed as such: 「诉讼请求：」「原告的诉讼请求为：」「请求事项：」
LIST_CUES = (
    r"(?:诉讼|仲裁|反诉|上诉)请求(?:事项)?(?:为|是|如下)?[:：]", r"请求事项[:：]", r"提出(?:如下)?(?:诉讼|仲裁|反诉)请求[:：]?",
)
# the sentence speaks of this suit (「故诉至法院，请求…」「不服仲裁裁决，要求…」)
PRESENT_PROCEEDING = (
    "诉至", "诉诸", "诉到", "起诉至", "起诉来院", "起诉到", "来院起诉", "具状", "向本院", "本院", "贵院", "请求法院",
    "要求法院", "请求人民法院", "向法院提起诉讼", "现起诉", "故起诉", "特起诉", "遂起诉", "不服", "特诉", "故诉", "现诉",
    "申请仲裁，请求", "特申请仲裁", "现申请仲裁", "故申请仲裁", "向贵委", "请求仲裁委", "请求裁决", "反诉", "起诉要求",
    "起诉请求", "提起诉讼，要求", "提起诉讼，请求",
)  # fmt: skip
# the sentence reports an earlier proceeding (「被告向仲裁委申请仲裁，要求原告赔偿…」)
PAST_PROCEEDING = (
    r"申请仲裁", r"提起仲裁", r"提出仲裁", r"仲裁申请", r"提起申请", r"提出申请", r"向[^，。；]{0,30}(?:仲裁委员会|仲裁委|仲裁院)",
    r"向[^，。；本]{1,20}法院(?:提起|起诉)", r"劳动监察", r"投诉",
)  # fmt: skip
# words before the verb that make it no request of the speaker's (「关于请求确认…问题」「无权要求」「劳动者请求用人单位…」)
NOT_A_REQUEST_BEFORE = (
    "关于", "对于", "针对", "有权", "无权", "不得", "不能", "是否", "如果", "若", "劳动者", "用人单位", "当事人", "一方",
    "对方", "多次", "曾", "经常", "屡次", "催", "口头", "向其",
)  # fmt: skip
# content that asks for nothing in particular (「请求贵院支持原告的诉讼请求」「请求依法判决」)
GENERIC_REQUEST = (
    r"支持[^，。；]{0,10}(?:诉讼|仲裁)?请求", r"^(?:依法)?(?:判决|裁决|处理|审理|判如所请)$", r"判如所请", r"维护[^，。；]{0,12}权益",
    r"驳回(?:原告|申请人|对方)?[^，。；]{0,6}(?:全部|所有)?(?:的)?(?:诉讼|仲裁)?(?:请求|诉请)$", r"^(?:依法)?(?:公正)?(?:判决|裁决)",
    r"维持[^，。；]{0,20}裁决",
)  # fmt: skip
# a defence's demand for the speaker (a worker sued by the employer): 「原告依法应支付赔偿金…元给被告」「其要求…」
DEFENCE_DEMANDS = (
    r"(?:请求|要求)(?:法院|贵院|本院|人民法院)?(?:依法)?(?:予以)?(?:判令|判决)",
    r"(?:^|[，,。；])其(?:要求|请求|主张)",
    r"(?:反诉|另行)(?:要求|请求)",
    r"应(?:当|按|该)?[^，。；]{0,16}(?:支付|给付|赔偿|补发|补缴)[^。；]{0,40}?(?:给|予)(?:被告|被申请人|我|答辩人)",
    r"应(?:当)?向(?:被告|被申请人|我|答辩人)(?:支付|给付|赔偿|补发)",
)  # fmt: skip
# costs of the proceedings: never a claim
NOT_A_CLAIM = (
    r"诉讼费", r"诉讼费用", r"受理费", r"仲裁费", r"保全费", r"公告费", r"(?<!能力)(?<!伤残)(?<!等级)鉴定费", r"邮寄费",
    r"诉讼(?:的)?(?:全部)?费用",
)  # a 劳动能力鉴定费 is the worker's loss from the injury, claimed like 医疗费
# a part of an item that only sums up or explains what was asked (「以上合计…」)
SUMMARY_PART = (r"^(?:以上|上述|前述)?(?:各项)?(?:合计|共计|总计|共|计)", r"^(?:其中|即|按|具体)")
# verbs that open a new request inside an item (「…补交社会保险、给付生活费2660元」)
CLAIM_VERBS = (
    "支付", "给付", "赔偿", "补偿", "补缴", "补交", "缴纳", "补办", "办理", "退还", "返还", "发放", "补发", "承担", "确认", "撤销",
    "解除", "恢复", "出具", "赔付", "偿还", "归还", "为其缴纳", "为原告缴纳", "为申请人缴纳", "要求", "请求", "判令",
)  # fmt: skip
# the employer's request, whoever writes it: 「原告无需支付被告…」「确认…不存在劳动关系」「撤销…裁决」
EMPLOYER_REQUEST = (
    r"(?:无需|无须|不需|不必|不予|不应|不再|免于|免除)(?:[^，。；]{0,30}?)(?:支付|给付|赔偿|返还|补发|承担|补缴|缴纳)",
    r"(?<![应须需])不(?:向[^，。；]{0,30}?)?(?:支付|给付|赔偿|返还|补发|承担)", r"不存在(?:事实)?劳动(?:合同)?关系",
    r"撤销[^，。；]{0,40}(?:裁决|仲裁)", r"(?:裁决|仲裁)[^，。；]{0,40}(?:纠正|撤销|不予执行)", r"驳回[^，。；]{0,30}仲裁请求",
)  # fmt: skip
# changes made at the hearing and withdrawals
CHANGE_CUES = (r"变更为", r"变更如下", r"予以变更", r"变更(?:其|了)?(?:诉讼|仲裁)?请求", r"更改为", r"调整为", r"增加(?:诉讼|仲裁)?请求")
CLARIFY_CUES = (r"明确(?:其)?(?:第[一二三四五六七八九十\d]+项)?(?:诉讼|仲裁)?请求", r"明确为")
WITHDRAW_CUES = (r"撤回", r"放弃")

# ---------------------------------------------------------------- claim heads outside the taxonomy

# distinct things asked for that no claim type names: each is a claim of its own (type other), never part of the
# claim beside it (「社会保险及住房公积金」, 「工资441.72元、独生子女奖励金3000元」)
OTHER_HEADS = (
    "住房公积金", "公积金", "利息", "滞纳金", "医疗费", "医药费", "护理费", "交通费", "差旅费", "误工费", "报销", "垫付", "奖励金",
    "精神损害", "精神抚慰金", "丧葬费", "抚恤金", "抚养", "律师费", "连带", "档案", "离职证明", "解除劳动关系证明", "鉴定费",
)  # fmt: skip
# wordings the taxonomy's aliases cannot say, tried before it: (pattern, claim type)
TYPE_CUES: tuple[tuple[str, str], ...] = (
    (r"承担连带(?:赔偿|清偿|给付|支付)?责任|连带(?:赔偿|清偿|给付|支付)?责任", "other"),
    (r"(?:拖欠|欠付|未付|应付)[^，。；]{0,10}(?:工资|劳动报酬)[^，。；]{0,10}(?:的)?\s*(?:\d+(?:\.\d+)?\s*[%％]|百分之)", "additional_compensation"),
    (r"^(?:确认|依法|请求)?[^，。；]{0,30}(?:起|之日)?解除(?:双方|与[^，。；]{1,20})?(?:的)?劳动(?:合同|关系)$", "other"),
    (r"确认[^，。；]{0,40}(?<!不)(?:建立|存在)(?:了)?(?:事实)?劳动(?:合同)?关系", "labor_relation"),
    (r"(?:退还|返还|归还)[^，。；]{0,10}(?:证书|证件|身份证|毕业证|资格证|押金|保证金|抵押金)", "return_deposit"),
)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """One regular expression that matches any of `words` (pieces may be regular expressions), longest first."""
    return "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))


@cache
def compiled(name: str) -> re.Pattern[str]:
    """The list named `name` in this module, compiled as one alternation."""
    return re.compile(alternation(globals()[name]))

# ---------------------------------------------------------------- which side is the worker

# sentences that show who employs whom; {E} is the employer's role word, {W} the worker's (tried both ways round)
EMPLOYS = (
    r"{W}(?:系|是|为|原系|原是|原为)(?:{E})(?:单位|公司|处|厂|店)?(?:的)?(?:职工|员工|工人|司机|雇员|工作人员|驾驶员)",
    r"{W}[^，。；]{{0,20}}?(?:到|在|入职|进入|受聘于|受雇于|应聘到|应聘至|供职于)(?:{E})(?:处|公司|单位|厂|店|所属)",
    r"(?:{E})(?:单位|公司)(?!与)",
    r"(?:{E})(?:依法)?(?:无需|无须|不需|不予|不应|不再|不)(?:向(?:{W})[^，。；]{{0,10}})?(?:支付|给付|承担|赔偿|返还)",
    r"(?:{E})(?:聘用|招用|雇佣|雇用|录用|招聘)(?:了)?(?:{W})",
    r"(?:{E})(?:无故|违法|单方)?(?:辞退|解雇|开除|解聘)(?:了)?(?:{W})",
    r"(?:{E})[^，。；]{{0,10}}(?:拖欠|克扣|未支付|未为|未与)(?:{W})",
    r"(?:{W})(?:向(?:{E}))?(?:提出)?(?:辞职|离职)",
)
PLAINTIFF_WORDS = "原告|(?<!被)申请人|(?<!被)上诉人|起诉人"
DEFENDANT_WORDS = "被告|被申请人|被上诉人"
# a subject that names both sides at once, before a commission or a court (「双方」「原、被告」「申请人、被申请人」)
BOTH_SIDES = "双方|各方|原、被告|原被告|申请人、被申请人|上诉人、被上诉人"
# the place a worker leaves when the employment ends (「离开被告处」「离开被申请人处」「离开用人单位」), whichever side
# the employer is on
LEFT_FROM = rf"离开(?:了)?(?:{DEFENDANT_WORDS}|{PLAINTIFF_WORDS}|(?<!被)答辩人|用人单位|公司|单位|工作岗位)(?:处)?"

# ---------------------------------------------------------------- admissions (自认) and reported assertions

ADMIT = (
    r"属实", r"(?<![不未])(?:予以)?认可", r"(?<!有)(?:无|没有|并无|不持)异议", r"(?<!不)予以确认", r"(?<!不)予以承认", r"是事实",
    r"确认无误", r"是准确的", r"自认", r"予以自认", r"(?<![不未])承认", r"(?<![不未请要需应须])(?<!予以)确认",
)  # fmt: skip
# admitting verbs whose object follows them (「被告认可原告于2015年3月1日入职」「被告确认原告的月工资为5000元」), when a
# party is their subject
ADMIT_BEFORE_OBJECT = (r"(?<![不未])认可", r"(?<![不未])承认", r"(?<![不未请要])确认")
DENY = (r"不属实", r"(?:不予|不|未)认可", r"(?<![没无并])有异议", r"否认", r"不是事实", r"不实", r"不予确认", r"不予承认", r"不符")
# what an admission is about when it is no fact of the case (evidence, a signature, receipt of a letter)
NOT_A_FACT_OBJECT = (r"证据", r"真实性", r"合法性", r"关联性", r"证明目的", r"质证", r"签字", r"签名", r"笔迹", r"收到", r"送达")
# the fact an admission names → the Facts field
ADMITTED_FACTS: dict[str, tuple[str, ...]] = {
    "hire_date": ("入职时间", "入职日期", "入职", "到岗时间", "用工时间", "开始工作", "工作时间起"),
    "leave_date": ("离职时间", "离职日期", "离职", "最后工作日", "停止工作"),
    "monthly_wage": (
        "工资标准", "月工资", "工资数额", "工资为", "每月工资", "工资收入", "平均工资", "工资待遇", "工资情况", "工资金额", "工资基数",
        "薪资", "月薪", "薪酬", "劳动报酬",
    ),  # fmt: skip
    "written_contract": ("劳动合同", "签订合同", "书面合同"),
    "termination": ("解除", "辞退", "离职原因", "终止"),
    "social_insurance": ("社会保险", "社保", "保险"),
    "overtime": ("加班",),
    "annual_leave": ("年休假", "年假"),
    "position": ("岗位", "职务", "工作内容"),
}
# an admission of the other side's whole account (「原告所述工作情况属实」): what it covers
GENERAL_ADMISSION = r"(?:所述|陈述|所诉|诉称)(?:的)?(?P<what>工作情况|事实|情况|内容|经过)?(?:基本)?(?:属实|无异议|没有异议)"
GENERAL_OBJECTS: dict[str, tuple[str, ...]] = {
    "工作情况": ("hire_date", "position", "workplace", "monthly_wage"),
    "": ("hire_date", "leave_date", "position", "workplace", "monthly_wage", "written_contract", "social_insurance"),
}
# a sentence of the findings that reports a party's word (「原告主张…」「被告称…」) rather than a finding
REPORTED = (
    r"(?:原告|被告|申请人|被申请人|第三人|双方|[\u4e00-\u9fa5]{2,14}(?:公司|站|厂|店|室|院|某))[^，。；]{0,8}?"
    r"(?:主张|(?<!名)称|认为|表示|陈述|辩称|提出(?:主张|异议|抗辩)|否认|不认可|不予认可)"
)
