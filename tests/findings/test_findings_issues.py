"""Issues a claim turns on, found by the burden of proof of its type: 解释（一）第四十二条 (overtime), 第四十四条
(the employer's dismissal), 调解仲裁法第六条 and 第三十九条第二款 (records the employer keeps)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from findings_cases import APP, DEF, FOUND, NOTICE, base_case, dismissal

from arbitration.findings import find
from arbitration.model import Basis, Claim, EvidenceItem, PartyRole, Side

OVERTIME = Claim(type="overtime", text="裁决被申请人支付加班费15600元", amount=Decimal(15600))


def test_overtime_without_any_evidence_fails_on_the_workers_burden():
    case = base_case([OVERTIME], defence="申请人不存在加班。")
    case.evidence = [EvidenceItem(name="劳动合同", submitted_by=PartyRole.APPLICANT)]
    p = find(case).get("issue:overtime")
    assert p.holds is False and p.basis == Basis.BURDEN
    assert "劳动争议解释（一）第42条" in [str(a) for a in p.articles]


def test_records_the_employer_keeps_and_does_not_produce_go_against_it():
    case = base_case([OVERTIME], defence="我司实行综合计算工时工作制，申请人不存在延时加班。")
    case.evidence = [EvidenceItem(name="考勤记录扫描件", purpose="证明每天工作十二小时", submitted_by=PartyRole.APPLICANT)]
    p = find(case).get("issue:overtime")
    assert p.holds is True and p.basis == Basis.BURDEN and "考勤记录扫描件" in p.reason
    # once the employer produces its own attendance records, the tribunal weighs them
    case.evidence.append(EvidenceItem(name="考勤表", submitted_by=PartyRole.RESPONDENT))
    findings = find(case)
    assert findings.get("issue:overtime") is None and "issue:overtime" in findings.pending


def test_an_admitted_overtime_is_agreed():
    case = base_case([OVERTIME], defence="答辩人认可申请人加班的事实，但双方已约定放弃加班费。")
    p = find(case).get("issue:overtime")
    assert p.holds is True and p.basis == Basis.AGREED and "认可" in p.reason


def _dismissed(defence: str | None, evidence: list[EvidenceItem] = ()) -> object:
    case = base_case([Claim(type="unlawful_termination", text="裁决被申请人支付违法解除劳动合同赔偿金60000元",
                            amount=Decimal(60000))], defence=defence)
    case.facts.termination.add(dismissal("经公司培训后，你仍不能胜任工作", "劳动合同法第四十条第二项"), NOTICE,
                               Side.EVIDENCE)
    case.evidence = list(evidence)
    return case


def test_a_dismissal_the_employer_does_not_prove_is_found_without_basis():
    p = find(_dismissed("申请人考核不合格，经培训仍不合格，解除合法。")).get("issue:termination_ground")
    assert p.holds is False and p.basis == Basis.BURDEN
    assert "不能胜任" in p.reason and "劳动争议解释（一）第44条" in [str(a) for a in p.articles]
    # with the employer's evidence in the file, the ground is for the tribunal to weigh
    proved = _dismissed("申请人考核不合格。", [EvidenceItem(name="考核表", submitted_by=PartyRole.RESPONDENT)])
    assert find(proved).get("issue:termination_ground") is None
    # nobody knows what the employer answered: nothing is proposed
    assert find(_dismissed(None)).get("issue:termination_ground") is None


def test_notice_claimed_but_not_shown():
    case = _dismissed("答辩人已通过额外支付一个月工资代替提前三十日通知。")
    case.claims.append(Claim(type="notice_pay", text="裁决被申请人支付代通知金7500元", amount=Decimal(7500)))
    p = find(case).get("issue:notice")
    assert p.holds is False and p.basis == Basis.BURDEN and "额外支付一个月工资" in p.reason


def test_wages_the_employer_says_it_paid_without_records():
    wages = Claim(type="unpaid_wages", text="裁决被申请人支付2024年3月工资7500元", amount=Decimal(7500))
    p = find(base_case([wages], defence="申请人3月工资已全部支付。")).get("issue:wages_owed")
    assert p.holds is True and p.basis == Basis.BURDEN and "工资支付暂行规定第6条" in [str(a) for a in p.articles]
    assert find(base_case([wages], defence="被申请人未作答辩。")).get("issue:wages_owed").holds is True
    # a bonus rests on its conditions, which the worker proves
    bonus = Claim(type="unpaid_wages", text="裁决被申请人支付高温津贴900元", amount=Decimal(900))
    assert find(base_case([bonus], defence="被申请人未作答辩。")).get("issue:wages_owed") is None


def test_a_payment_of_another_head_does_not_answer_the_wages_claimed():
    """「每月已支付加班费」 is the overtime defence; a transfer the employer dates is checked against its record,
    not decided by the burden before any evidence is in the file."""
    wages = Claim(type="unpaid_wages", text="裁决被申请人支付2024年3月工资6000元", amount=Decimal(6000))
    other = "二、申请人的加班已按月结算，公司每月已经支付加班费800元。三、对申请人的工资请求不予认可。"
    p = find(base_case([wages], defence=other)).get("issue:wages_owed")
    assert p is None or "加班费" not in p.reason
    dated = "二、公司每月已经支付加班费800元。三、申请人3月工资6000元，公司已于2024年4月12日通过银行转账支付。"
    findings = find(base_case([wages], defence=dated))
    assert findings.get("issue:wages_owed") is None
    assert "2024年4月12日" in findings.pending["issue:wages_owed"]
    # once the evidence is exchanged and the employer produced no record of that transfer, the burden applies
    case = base_case([wages], defence=dated)
    case.evidence = [EvidenceItem(name="劳动合同", submitted_by=PartyRole.APPLICANT)]
    p = find(case).get("issue:wages_owed")
    assert p.holds is True and p.basis == Basis.BURDEN and "银行转账" in p.reason


def test_leave_the_employer_says_was_taken_without_records():
    leave = Claim(type="annual_leave", text="裁决被申请人支付2023年度未休年休假工资3448.28元", amount=Decimal("3448.28"))
    p = find(base_case([leave], defence="申请人2023年度已休年休假五天。")).get("issue:annual_leave")
    assert p.holds is True and p.basis == Basis.BURDEN


def test_employment_admitted_by_the_employers_own_account_but_left_open_when_denied():
    case = base_case([Claim(type="labor_relation", text="确认双方存在劳动关系")], defence="申请人于2021年3月入职。")
    case.facts.hire_date.add(date(2021, 3, 1), DEF, Side.RESPONDENT)
    assert find(case).get("issue:labor_relation").holds is True
    case.respondent_statement = "双方系合作关系，不存在劳动关系。"
    case.facts.hire_date.values.clear()
    case.facts.hire_date.add(date(2021, 3, 1), APP, Side.APPLICANT)
    findings = find(case)
    assert findings.get("issue:labor_relation") is None and "否认" in findings.pending["issue:labor_relation"]


def test_findings_that_overtime_went_unpaid_do_not_read_as_no_overtime():
    """「未支付加班工资」 is about the pay, not the work: with the hours the records show it affirms the overtime."""
    from findings_cases import FOUND

    case = base_case([OVERTIME])
    said = "被告提交的考勤记录载明，申请人工作日延长工作时间合计120小时，被告未安排补休，亦未支付加班工资"
    case.facts.overtime.add(said, FOUND, Side.TRIBUNAL)
    p = find(case).get("issue:overtime")
    assert p is not None and p.holds is True


def test_the_findings_own_words_on_leave_and_overtime_are_read_and_a_document_shown_is_evidence():
    """「…应休未休」 in a finding of the court's own settles the leave untaken; 「考勤表显示原告不存在周六日加班」 is what a
    document shows: proposed on that evidence, for the arbitrator to accept."""
    from findings_cases import court_case

    from arbitration.model import ReviewState

    leave = Claim(type="annual_leave", text="被告支付原告未休年休假工资2000元", amount=Decimal(2000))
    case = court_case([leave], found="经审理查明，被告未提交证据证明已安排原告休年假，原告应休未休。")
    p = find(case).get("issue:annual_leave")
    assert p.holds is True and p.basis == Basis.ESTABLISHED
    case = court_case([OVERTIME], found="经审理查明，被告提交了考勤表，该考勤表显示原告不存在周六日加班的情况。")
    p = find(case).get("issue:overtime")
    assert p.holds is False and p.basis == Basis.EVIDENCE and p.state == ReviewState.PROPOSED


def test_after_a_hearing_silent_on_leave_the_employer_who_keeps_the_records_bears_it():
    """调解仲裁法第六条: the findings establish the employment and say nothing of leave taken, the employer offered no
    leave records: the leave is found untaken. Findings that do not establish the employment leave it open."""
    from findings_cases import court_case

    leave = Claim(type="annual_leave", text="被告支付原告2019年度未休年休假工资2000元", amount=Decimal(2000))
    hired = "经审理查明，原告于2017年3月1日入职被告处从事仓库管理工作，月工资3000元，由被告按月发放。"
    p = find(court_case([leave], found=hired)).get("issue:annual_leave")
    assert p.holds is True and p.basis == Basis.BURDEN and "未显示原告已休年休假" in p.reason
    assert {(a.law, a.article) for a in p.articles} == {("劳动争议调解仲裁法", 6), ("劳动争议调解仲裁法", 39)}
    findings = find(court_case([leave], found="经审理查明，原告于2020年1月向某某仲裁委员会申请仲裁。"))
    assert findings.get("issue:annual_leave") is None and "issue:annual_leave" in findings.pending


def test_the_balance_left_after_part_payments_is_what_is_owed():
    """The findings tell the debt, the instalments paid and the balance (「余下工资款…元至今未还」): the balance is owed,
    not the debt told three times over."""
    from findings_cases import court_case

    from arbitration.findings.issues import owed_in_findings

    told = ("经审理查明，被告陆续拖欠原告工资累计30000元。双方签订还款协议，载明被告尚欠原告工资30000元。"
            "协议签订后，被告向原告归还工资款10000元，余下工资款20000元至今未还。")
    assert owed_in_findings(told)[0] == Decimal(20000)
    wages = Claim(type="unpaid_wages", text="被告支付拖欠原告的工资20000元", amount=Decimal(20000))
    p = find(court_case([wages], found=told)).get("issue:wages_owed")
    assert p.holds is True and p.amount == Decimal(20000)


def test_pay_owed_for_named_months_after_the_months_paid():
    """「发放3月工资2800元…，拖欠5月工资3000元及6月份的工资3000元」: the months paid are told first and are not owed;
    「5月工资」 is that month's pay, not a monthly rate, so both months owed count."""
    from arbitration.findings.issues import owed_in_findings

    told = ("经审理查明，被告自2019年4月起未足额发放工资，4月5日发放3月工资2,800元、5月10日发放4月工资2,600元，"
            "拖欠5月工资3,000元及6月份的工资3,000元。")
    assert owed_in_findings(told)[0] == Decimal(6000)
    assert owed_in_findings("经审理查明，被告尚欠原告6月工资2588.30元未付。")[0] == Decimal("2588.30")
    assert owed_in_findings("经审理查明，原告月工资3000元，被告拖欠原告工资，共计9000元。")[0] == Decimal(9000)


def test_findings_that_judge_the_dismissal_in_terms_settle_its_ground():
    """Some courts write their view into the facts (「…提前解除劳动合同系违法解除」); the name of the award
    (「已支付违法解除劳动合同赔偿金」) judges nothing."""
    from findings_cases import court_case

    claim = Claim(type="unlawful_termination", text="被告支付原告赔偿金20000元", amount=Decimal(20000))

    def ground(found):
        case = court_case([claim], defence="被告辩称，原告严重违反规章制度，解除合法。", found=found)
        case.facts.termination.add(dismissal("严重违反规章制度", "劳动合同法第三十九条"), FOUND, Side.TRIBUNAL)
        return find(case).get("issue:termination_ground")

    p = ground("经审理查明，被告未提交规章制度经民主程序制定并告知原告的证据，其解除劳动合同系违法解除。")
    assert p.holds is False and p.basis == Basis.ESTABLISHED
    assert ground("经审理查明，被告已向原告支付违法解除劳动合同赔偿金5000元。") is None


def _ground_after_hearing(found: str, reason: str | None = None):
    """A dismissal the court's findings tell of, with `reason` as the ground the employer gave (if any)."""
    from findings_cases import court_case

    claim = Claim(type="unlawful_termination", text="被告支付原告赔偿金20000元", amount=Decimal(20000))
    case = court_case([claim], defence="被告辩称，解除合法，不同意支付赔偿金。", found=found)
    case.facts.termination.add(dismissal(reason), FOUND, Side.TRIBUNAL)
    findings = find(case)
    return findings.get("issue:termination_ground"), findings.pending.get("issue:termination_ground")


def test_the_burden_does_not_decide_a_dismissal_whose_ground_or_the_workers_leaving_the_findings_tell():
    """解释（一）第四十四条 puts the ground on the employer, but findings that tell the worker's own account of leaving,
    or an admission and the union told (劳动合同法第四十三条), leave the ground to be weighed, not found wanting."""
    left = "经审理查明，原告于2016年3月入职被告处。原告主张其因家中搬迁上班不便而与被告解除劳动关系。"
    p, why = _ground_after_hearing(left)
    assert p is None and "原告主张" in why
    admitted = ("经审理查明，原告于2016年3月入职被告处。原告出具书面检讨，承认当班期间私自变卖公司材料。"
                "被告通知工会后与原告解除劳动关系。")
    p, why = _ground_after_hearing(admitted)
    assert p is None and why


def test_a_ground_the_findings_say_nothing_of_after_the_hearing_fails_on_the_employers_burden():
    """The employer dismissed for swiping another's card; the findings tell only the hire and the contract."""
    found = "经审理查明：原告于2003年6月3日入职被告处。双方签订了无固定期限劳动合同。"
    p, _ = _ground_after_hearing(found, "原告委托他人代打卡，严重违反劳动纪律")
    assert p.holds is False and p.basis == Basis.BURDEN and "未显示该事由存在" in p.reason
    told = found + "被告提交的考勤录像显示原告的工牌由同事代为刷卡。"
    assert _ground_after_hearing(told, "原告委托他人代打卡，严重违反劳动纪律")[0] is None


def test_a_ground_whose_statutory_requirement_the_findings_leave_out_is_without_basis():
    """第四十条第三项 needs the consultation on changing the contract; a dispatch agency may end the contract of a
    returned worker only on the grounds 第六十五条第二款 names. Told and not met (or not told): no basis; told as
    done: for the tribunal to weigh."""
    change = ("经审理查明，2021年9月30日，被告以公司撤销研发中心，劳动合同订立时所依据的客观情况发生重大变化为由解除劳动合同。"
              "被告未与原告就变更劳动合同内容进行协商。")
    p, _ = _ground_after_hearing(change)
    assert p.holds is False and any(a.article == 40 and a.item == 3 for a in p.articles)
    consulted = change.replace("被告未与原告就变更劳动合同内容进行协商。", "双方经协商未能就变更劳动合同内容达成协议。")
    assert _ground_after_hearing(consulted)[0] is None
    returned = ("经审理查明，原告由被告派遣至某某物业公司工作。2020年6月，物业公司以项目调整为由将原告退回被告。"
                "2020年7月10日，被告以原告被用工单位退回、暂无岗位为由解除劳动合同。")
    p, _ = _ground_after_hearing(returned, "被用工单位退回")
    assert p.holds is False and any(a.article == 65 and a.clause == 2 for a in p.articles)
    misconduct = returned.replace("以项目调整为由", "以原告严重违反用工单位规章制度为由")
    assert _ground_after_hearing(misconduct, "被用工单位退回")[0] is None


def test_a_dismissal_for_unfitness_needs_the_training_or_new_post_first():
    """第四十条第二项: a worker unfit for the work may be dismissed only after training or a new post left them still
    unfit. The findings deny both, or tell only the handbook's 「可以…培训」 (what may be done, not what was): no
    basis; told as done: for the tribunal to weigh."""
    rule = "被告《考核办法》规定，考核不合格的员工，公司可以对其进行培训或者调整岗位。"
    ended = "2020年5月8日，被告以原告年度考核不合格、不能胜任工作为由解除劳动合同。"
    denied = "经审理查明，" + rule + ended + "被告解除前未安排原告参加培训，也未调整其工作岗位。"
    p, _ = _ground_after_hearing(denied)
    assert p.holds is False and any(a.article == 40 and a.item == 2 for a in p.articles)
    assert "未安排原告参加培训" in p.reason
    p, _ = _ground_after_hearing("经审理查明，" + rule + ended)
    assert p.holds is False and "未显示" in p.reason
    trained = "经审理查明，" + ended.replace("2020年5月8日", "2020年3月经培训后复评仍不合格，2020年5月8日")
    assert _ground_after_hearing(trained)[0] is None
    # a notice saying it was done is no rule's 「可以」: what it says is weighed
    notice = "经审理查明，被告《解除劳动合同通知书》载明，你经培训后仍不能胜任工作，公司决定与你解除劳动合同。"
    assert _ground_after_hearing(notice)[0] is None


def test_a_finding_that_the_employer_produced_no_leave_record_finds_the_leave_untaken():
    """「被告未提交原告申请或者被安排休年休假的记录」 in the findings: the employer keeps the leave records and did not
    produce them (调解仲裁法第六条): the leave is found untaken on the burden, whatever else the findings say of rest."""
    from findings_cases import court_case

    leave = Claim(type="annual_leave", text="被告支付原告2019年度未休年休假工资2000元", amount=Decimal(2000))
    found = ("经审理查明，原告于2016年3月1日入职被告处。被告提交的值班表显示原告在节假日期间轮休，"
             "被告未提交原告申请或者被安排休年休假的记录。")
    p = find(court_case([leave], found=found)).get("issue:annual_leave")
    assert p.holds is True and p.basis == Basis.BURDEN and "未提交原告申请" in p.reason


def test_the_start_of_the_working_years_is_read_from_the_findings_or_left_to_the_worker_to_prove():
    """实施办法第四条: the cumulative years count from the start of working life the findings state (参加工作的时间,
    social insurance paid elsewhere before the hire, graduation just before the hire); after a hearing where nobody
    tells of earlier work, from the hire (the worker proves more, 调解仲裁法第六条); the worker's own words of more
    years keep it open."""
    from findings_cases import court_case

    leave = Claim(type="annual_leave", text="被告支付原告2019年度未休年休假工资2000元", amount=Decimal(2000))
    hired = "经审理查明，原告于2017年3月1日入职被告处从事仓库管理工作，月工资3000元，由被告按月发放。"

    def start(found, complaint="原告诉称，请求依法判决。"):
        case = court_case([leave], found=found, complaint=complaint)
        case.facts.hire_date.add(date(2017, 3, 1), FOUND, Side.TRIBUNAL)
        findings = find(case)
        return findings.get("issue:work_start"), findings.pending.get("issue:work_start")

    p, _ = start(hired + "原告参加工作的时间为2008年9月，被告对此无异议。")
    assert p.since == date(2008, 9, 1) and p.basis == Basis.ESTABLISHED
    p, _ = start("经审理查明，原告于2017年3月1日到被告处参加工作，月工资3000元，由被告按月发放。")
    assert p is None  # the hire told in other words is no start of working life; the words keep it open
    p, _ = start(hired + "原告的参保缴费记录显示，原告自2012年5月起在其他单位参加社会保险。")
    assert p.since == date(2012, 5, 1)
    p, _ = start("经审理查明，原告于2017年1月毕业，同年3月1日起在被告处工作，月工资3000元，由被告按月发放。")
    assert p.since == date(2017, 3, 1) and p.basis == Basis.ESTABLISHED
    p, _ = start(hired)
    assert p.since == date(2017, 3, 1) and p.basis == Basis.BURDEN
    assert {(a.law, a.article) for a in p.articles} == {("企业职工带薪年休假实施办法", 4), ("劳动争议调解仲裁法", 6)}
    p, why = start(hired + "原告于2009年7月在某某公司参加工作。")
    assert p is None and "某某公司参加工作" in why  # earlier work the findings tell but we cannot date
    p, why = start(hired, complaint="原告诉称，原告参加工作已满十年，在被告处从未休过年休假。")
    assert p is None and "参加工作已满十年" in why


def _ground_in_arbitration(found: str, reason: str | None = None, evidence: list[EvidenceItem] = ()):
    """A dismissal the tribunal's findings (仲裁庭查明 …) tell of, in an arbitration."""
    from findings_cases import base_case

    claim = Claim(type="unlawful_termination", text="裁决被申请人支付违法解除劳动合同赔偿金20000元", amount=Decimal(20000))
    case = base_case([claim], defence="被申请人辩称，解除合法，不同意支付赔偿金。")
    case.tribunal_statement = found
    case.evidence = list(evidence)
    case.facts.termination.add(dismissal(reason), FOUND, Side.TRIBUNAL)
    findings = find(case)
    return findings.get("issue:termination_ground"), findings.pending.get("issue:termination_ground")


def test_the_employers_own_words_quoted_in_the_findings_are_its_ground_invoked_not_a_finding():
    """解释（一）第四十四条, 调解仲裁法第六条: its representative's answers to the labour inspectorate, or its notice quoted
    word for word, say why the employer ended the contract, not that the worker did it; with no finding of the
    tribunal's own and no evidence of it, the ending lacks a factual basis."""
    asked = ("经审理查明，原告于2019年3月入职被告处。2020年5月12日，被告的负责人王某接受劳动保障监察大队的询问，"
             "询问笔录内容为：“问：原告为何没有再上班？答：她在上班时间多次玩手机，经批评仍不改正，违反了公司的规章制度。"
             "所以我们已经把她辞退了。”")
    p, _ = _ground_after_hearing(asked)
    assert p.holds is False and p.basis == Basis.BURDEN and "一方的陈述" in p.reason and "辞退" in p.reason
    assert any(a.article == 6 for a in p.articles) and any(a.article == 44 for a in p.articles)
    notice = ("仲裁庭查明：申请人于2019年3月入职被申请人处。2020年5月10日，被申请人向申请人送达《解除劳动合同通知书》，"
              "内容为：“你自2020年4月起多次旷工，严重违反公司规章制度，现决定解除与你的劳动合同。”")
    p, _ = _ground_in_arbitration(notice, "严重违反公司规章制度")
    assert p.holds is False and p.basis == Basis.BURDEN and "一方的陈述" in p.reason
    said = "经审理查明，原告于2019年3月入职被告处。被告的法定代表人当庭陈述，原告多次旷工，公司已将其开除。"
    p, _ = _ground_after_hearing(said)
    assert p.holds is False and "一方的陈述" in p.reason


def test_the_worker_own_written_admission_or_the_employers_evidence_leave_the_ground_to_be_weighed():
    """A worker's own account of the misconduct (情况说明, 检讨书) quoted in the findings is a statement against
    interest; evidence of the ground the employer put in is for the tribunal to weigh: neither fails on the burden."""
    admitted = ("经审理查明，原告于2019年3月入职被告处。被告提交的原告书写的情况说明载明：“我在值班期间私自拿走仓库的两卷电缆，"
                "愿意赔偿公司损失。”被告于2020年5月10日将原告辞退。")
    p, why = _ground_after_hearing(admitted)
    assert p is None and why
    notice = ("仲裁庭查明：申请人于2019年3月入职被申请人处。2020年5月10日，被申请人向申请人送达《解除劳动合同通知书》，"
              "内容为：“你自2020年4月起多次旷工，严重违反公司规章制度，现决定解除与你的劳动合同。”")
    records = [EvidenceItem(name="2020年4月考勤记录", submitted_by=PartyRole.RESPONDENT, purpose="证明申请人旷工")]
    p, why = _ground_in_arbitration(notice, "严重违反公司规章制度", records)
    assert p is None and "考勤记录" in why
    received = ("仲裁庭查明：申请人于2019年3月入职被申请人处。申请人收到被申请人的处理决定，内容为：“你多次旷工，现予辞退。”"
                "申请人出具检讨书，内容为：“本人2020年4月无故旷工五天，违反了公司纪律。”")
    p, why = _ground_in_arbitration(received, "旷工")
    assert p is None and "检讨书" in why
