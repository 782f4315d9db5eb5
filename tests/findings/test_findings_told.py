"""The tribunal's findings read sentence by sentence (arbitration.findings.told): its own findings apart from what
it reports, the words naming each side, and when a court case's worker applied for arbitration."""

from __future__ import annotations

from datetime import date

from findings_cases import court_case

from arbitration.findings import find, settle
from arbitration.findings.told import applied_on, names, own_sentences, sentences, words_of
from arbitration.model import Side

FOUND = ("经审理查明，原告于2019年4月1日入职被告某某物流有限公司（以下简称物流公司）。原告主张其月工资为6000元。"
         "原告自述其曾向领导提出加薪。"
         "2021年8月31日，物流公司向原告送达解除劳动合同通知书。原告于2022年10月10日向某某市劳动人事争议仲裁委员会申请仲裁，"
         "该委于2022年12月1日作出裁决。")


def test_sentences_split_at_full_stops_semicolons_and_line_ends():
    text = " 被告尚欠工资3000元。\n原告于2020年5月离职；被告未付\n\n"
    assert sentences(text) == ["被告尚欠工资3000元", "原告于2020年5月离职", "被告未付"]
    assert sentences(text, marks=True) == ["被告尚欠工资3000元。", "原告于2020年5月离职；", "被告未付"]
    assert sentences(None) == sentences(None, marks=True) == []


def test_own_sentences_leave_out_what_is_reported_and_the_proceedings_before():
    own = own_sentences(court_case([], found=FOUND))
    assert any("入职被告" in s for s in own) and any("送达解除" in s for s in own)
    assert not any("主张" in s or "申请仲裁" in s or "自述" in s for s in own)


def test_a_sides_contention_reported_in_the_findings_is_no_finding():
    found = "经审理查明，双方于2020年3月1日签订劳动合同。被告抗辩原告于2016年8月入职，后离职又再次入职。原告辩解其从未离职。"
    own = own_sentences(court_case([], found=found))
    assert any("签订劳动合同" in s for s in own)
    assert not any("抗辩" in s or "辩解" in s for s in own)


def test_names_include_the_short_name_the_text_defines():
    case = court_case([], found=FOUND)
    assert {"被告", "某某物流有限公司", "物流公司"} <= set(names(case, Side.RESPONDENT, "被告"))


def test_the_day_of_the_application_for_arbitration_from_a_court_case():
    case = court_case([], found=FOUND)
    assert case.application_date is None and applied_on(case) == date(2022, 10, 10)
    assert settle(case, find(case)).application_date == date(2022, 10, 10)
    # a month alone is its first day, the earliest the application can have been
    assert applied_on(court_case([], found="2013年1月，原告向某某县劳动争议仲裁委员会申请仲裁。")) == date(2013, 1, 1)
    # a date that is not the application's: the employer's account, or the period the claims were for
    said = court_case([], defence="双方劳动关系已于2013年7月23日解除，原告申请仲裁已超过仲裁时效。",
                      found="原告就要求被告补发2015年1月至今的工资等争议向某某仲裁委员会申请仲裁。")
    assert applied_on(said) is None


def test_the_earliest_day_of_an_undated_application_is_the_end_a_request_arises_from():
    """A request for 经济补偿 arises on the end of the employment: an undated application came no earlier; without
    such a request, or without the end found, nothing is known of the day."""
    from decimal import Decimal

    from findings_cases import FOUND as SRC

    from arbitration.findings.told import applied_after
    from arbitration.model import Claim

    pay = Claim(type="severance", text="被告支付原告解除劳动合同经济补偿金6000元", amount=Decimal(6000))
    case = court_case([pay])
    assert applied_after(case) is None
    case.facts.leave_date.add(date(2019, 6, 30), SRC, Side.TRIBUNAL)
    assert applied_after(case)[0] == date(2019, 6, 30)
    case.claims = [Claim(type="unpaid_wages", text="被告支付原告工资6000元", amount=Decimal(6000))]
    assert applied_after(case) is None


def test_what_an_earlier_award_ordered_is_no_finding_of_the_court():
    """A version read from the award the findings tell of (「该委裁决：一、被告支付原告未休年休假工资…」) does not
    establish the leave untaken; the same words in a finding of the court's own do."""
    from decimal import Decimal

    from findings_cases import FOUND as SRC

    from arbitration.model import Claim

    leave = Claim(type="annual_leave", text="被告支付原告2019年度未休年休假工资2000元", amount=Decimal(2000))
    item = "一、被告支付原告未休年休假工资1379.31元"
    told = f"经审理查明，原告于2015年3月1日入职被告处。某某仲裁委于2020年6月1日作出裁决：{item}；二、驳回原告的其他请求。"
    case = court_case([leave], found=told)
    case.facts.annual_leave.add(item, SRC.model_copy(update={"quote": item}), Side.TRIBUNAL)
    assert find(case).get("issue:annual_leave") is None
    own = "原告2019年度未休年休假"
    case = court_case([leave], found=f"经审理查明，原告于2015年3月1日入职被告处，{own}。")
    case.facts.annual_leave.add(own, SRC.model_copy(update={"quote": own}), Side.TRIBUNAL)
    assert find(case).get("issue:annual_leave").holds is True


def test_the_city_of_the_case_from_the_commission_its_texts_name():
    from findings_cases import court_case as cc

    told = cc([], found="原告于2019年6月10日向兰州市城关区劳动人事争议仲裁委员会申请仲裁。")
    assert told.region == "济南市"  # the fixture's own
    told.region = None
    from arbitration.findings.told import region_named

    assert region_named(told) == "兰州市"
    told.region = "原告向新沂市"  # a region read with the words before it
    assert region_named(told) == "新沂市"
    assert region_named(cc([], found="原告向某某县劳动争议仲裁委员会申请仲裁。").model_copy(update={"region": None})) is None


WORKER, EMPLOYER = ("原告", "孙某"), ("被告", "某某物流有限公司", "物流公司")


def test_what_the_worker_asked_the_commission_as_the_findings_quote_it():
    """The items after 「申请仲裁，要求：」, or the subject before it (「就工资争议向…申请仲裁」); nothing known when the list
    ends in 等, when the requests are not given, or when only the employer's application is told."""
    from arbitration.findings.told import arbitrated

    listed = court_case([], found="原告于2022年10月10日向某某市劳动人事争议仲裁委员会申请仲裁，要求：1、被告支付工资3000元；"
                                  "2、被告支付加班费2000元。该委裁决驳回原告的仲裁请求。")
    asked = arbitrated(listed, WORKER, EMPLOYER)
    assert asked is not None and len(asked) == 2 and "加班费" in asked[1] and not any("驳回" in a for a in asked)
    subject = court_case([], found="原告就工资、经济补偿金争议以物流公司为被申请人向某某市劳动人事争议仲裁委员会申请仲裁。")
    assert arbitrated(subject, WORKER, EMPLOYER) == ["工资、经济补偿金"]
    for found in ("原告就工资等争议向某某市劳动人事争议仲裁委员会申请仲裁。",
                  "原告于2022年10月10日向某某市劳动人事争议仲裁委员会申请仲裁，该委裁决驳回原告的仲裁请求。",
                  "物流公司向某某市劳动人事争议仲裁委员会申请仲裁，要求原告返还工资3000元。",
                  "原告向某某市劳动人事争议仲裁委员会申请仲裁，仲裁请求与本案诉讼请求相同。",
                  "原告向某某市劳动人事争议仲裁委员会申请仲裁，被告在仲裁中即提出原告加班费的请求已超过仲裁时效。"):
        assert arbitrated(court_case([], found=found), WORKER, EMPLOYER) is None, found


def test_the_employer_letting_the_award_be_is_read_from_the_sentence_that_says_so():
    from arbitration.findings.told import award_accepted

    said = "关于原告主张的诉讼请求第三项，物流公司未就该仲裁裁决提起诉讼。"
    assert award_accepted(court_case([], found=said), EMPLOYER, WORKER) == said.rstrip("。")
    assert award_accepted(court_case([], found="原告未就该仲裁裁决提起诉讼。"), EMPLOYER, WORKER) is None


def test_words_of_tells_whose_words_a_quotation_gives():
    """A quotation opened after a colon or a word of saying is the words of the side the lead-in names (its
    representative's, its notice's; the other's where the one named first received it), a worker's written account
    the worker's; a word quoted in running text and a sentence of the tribunal's own are no one's words."""
    found = ("经审理查明，原告于2019年3月入职被告处。被告的负责人接受劳动监察部门询问，询问笔录内容为：“问：为何辞退原告？"
             "答：她多次旷工。我们已将她辞退。”原告收到被告的处理决定，内容为：“你严重违纪，现予辞退。”"
             "原告出具的检讨书载明：“本人多次迟到。”被告以“旷工”为由解除劳动合同。被告的法定代表人当庭陈述，原告偷拿货款。")
    w, e = ("原告", "孙某"), ("被告", "某某物流有限公司")
    said = words_of(court_case([], found=found), w, e)

    def who(part):
        return next((v for k, v in said.items() if part in k), None)

    assert who("答：她多次旷工") == who("我们已将她辞退") == who("现予辞退") == "employer"
    assert who("本人多次迟到") == "worker"
    assert who("原告偷拿货款") == "employer"
    assert who("为由解除劳动合同") is None and who("入职被告处") is None
