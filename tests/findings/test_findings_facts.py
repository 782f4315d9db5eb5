"""A proposed finding per fact by the rules of evidence: established, agreed, by documents, by the burden of
proof, else 「待查明」 with the reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from findings_cases import APP, CONTRACT, DEF, FOUND, SLIPS, base_case, src, wage_case

from arbitration.findings import find, settle
from arbitration.hearing.journal import Segment
from arbitration.model import Basis, Claim, ContractInfo, FactValue, ReviewState, Side


def test_documents_outweigh_a_bare_statement_and_the_comparison_is_stated():
    p = find(wage_case()).get("monthly_wage")
    assert p.basis == Basis.EVIDENCE and p.text == "申请人的月工资为7500元"
    assert "劳动合同" in p.reason and "工资条" in p.reason and "5500元" in p.reason and "未提交证据" in p.reason
    assert {s.file for s in p.sources} >= {"劳动合同.pdf", "工资条.pdf", "仲裁申请书.docx"}
    assert p.state == ReviewState.PROPOSED


def test_an_original_outweighs_a_copy_the_other_side_disputes():
    case = base_case(defence="对工资表复印件的真实性不认可，申请人月工资为5500元。")
    f = case.facts.monthly_wage
    f.add(Decimal(7500), APP, Side.APPLICANT)
    f.add(Decimal(7500), src("工资表复印件.pdf", "wage_record"), Side.EVIDENCE)
    f.add(Decimal(5500), DEF, Side.RESPONDENT)
    f.add(Decimal(5500), src("工资发放表.pdf", "wage_record"), Side.EVIDENCE)
    p = find(case).get("monthly_wage")
    assert p.basis == Basis.EVIDENCE and p.text.endswith("5500元")
    assert "复印件" in p.reason and "不认可其真实性" in p.reason and "原件" in p.reason


def test_documents_on_both_sides_leave_the_fact_pending():
    case = wage_case()
    case.facts.monthly_wage.add(Decimal(5500), src("工资发放表.pdf", "wage_record"), Side.EVIDENCE)
    findings = find(case)
    assert findings.get("monthly_wage") is None and "monthly_wage" in findings.pending
    assert settle(case, findings).facts.monthly_wage.value is None  # no decision rests on it


def test_agreed_when_both_state_it_the_more_precise_kept():
    case = base_case()
    case.facts.hire_date.add(date(2020, 6, 1), APP, Side.APPLICANT, "仅载明年月")
    case.facts.hire_date.add(date(2020, 6, 8), DEF, Side.RESPONDENT)
    p = find(case).get("hire_date")
    assert p.basis == Basis.AGREED and "2020年6月8日" in p.text and len(p.sources) == 2


def test_agreed_by_admission_in_the_hearing_record():
    case = base_case(defence="答辩人不同意支付加班费。")
    case.facts.hire_date.add(date(2021, 3, 1), APP, Side.APPLICANT)
    case.facts.hire_date.add(date(2021, 5, 1), DEF, Side.RESPONDENT)
    record = [Segment(id="s7", role="被申请人", start=1, end=3, text="对入职时间没有异议。", raw_text="")]
    p = find(case, record).get("hire_date")
    assert p.basis == Basis.AGREED and "2021年3月1日" in p.text and "对入职时间没有异议" in p.reason
    assert any(s.file == "庭审笔录" and s.extractor == "hearing:s7" for s in p.sources)


def test_the_tribunals_finding_overrides_the_parties():
    case = wage_case()
    case.facts.monthly_wage.add(Decimal(6800), FOUND, Side.TRIBUNAL)
    p = find(case).get("monthly_wage")
    assert p.basis == Basis.ESTABLISHED and p.text.endswith("6800元") and p.state == ReviewState.ACCEPTED


def test_the_arbitrators_adoption_overrides_every_proposal():
    case = wage_case()
    case.facts.monthly_wage.accepted = 3  # the respondent's 5500
    p = find(case).get("monthly_wage")
    assert p.basis == Basis.ESTABLISHED and p.text.endswith("5500元") and "采信" in p.reason


def test_the_employer_bears_the_burden_of_working_years():
    """解释（一）第四十四条: a disputed hire date with no document either way goes the worker's way."""
    case = base_case()
    case.facts.hire_date.add(date(2019, 3, 1), APP, Side.APPLICANT)
    case.facts.hire_date.add(date(2020, 3, 1), DEF, Side.RESPONDENT)
    p = find(case).get("hire_date")
    assert p.basis == Basis.BURDEN and "2019年3月1日" in p.text
    assert [str(a) for a in p.articles] == ["劳动争议解释（一）第44条"] and "未提交证据" in p.reason


def test_no_basis_stays_pending_and_an_unknown_answer_proposes_nothing():
    case = base_case()
    case.facts.position.add("厨师", APP, Side.APPLICANT)  # one side's word, no rule puts its proof on the other
    findings = find(case)
    assert findings.get("position") is None and "仅有申请人一方的陈述" in findings.pending["position"]
    # the employer's answer is not in the file (no statement, no 「未作答辩」): no burden of proof is applied
    silent = base_case(defence=None)
    silent.facts.hire_date.add(date(2019, 3, 1), APP, Side.APPLICANT)
    assert find(silent).get("hire_date") is None
    absent = base_case(defence="被申请人未作答辩。")
    absent.facts.hire_date.add(date(2019, 3, 1), APP, Side.APPLICANT)
    assert find(absent).get("hire_date").basis == Basis.BURDEN


def test_a_notice_corroborates_the_leave_date():
    case = base_case()
    case.facts.leave_date.add(date(2024, 3, 31), APP, Side.APPLICANT)
    case.facts.termination.values.append(FactValue(
        value=__import__("findings_cases").dismissal("严重违反规章制度"), source=src("通知.pdf", "termination_notice"),
        side=Side.EVIDENCE))
    p = find(case).get("leave_date")
    assert p.basis == Basis.EVIDENCE and any(s.file == "通知.pdf" for s in p.sources)


def test_the_findings_round_trip_through_json():
    from arbitration.model import Findings

    findings = find(wage_case())
    again = Findings.model_validate_json(findings.model_dump_json())
    assert again == findings and again.get("monthly_wage").basis == Basis.EVIDENCE


def test_only_contract_and_slips_are_not_needed_for_the_sample_wording():
    # the contract's own word stands when nobody says otherwise
    case = base_case()
    case.facts.monthly_wage.add(Decimal(7000), CONTRACT, Side.EVIDENCE)
    p = find(case).get("monthly_wage")
    assert p.basis == Basis.EVIDENCE and p.reason.startswith("劳动合同载明7000元")
    assert SLIPS.file not in {s.file for s in p.sources}


def test_an_admission_extraction_recorded_is_agreed_with_its_sentence():
    """Extraction records 「被告对原告的入职时间无异议」 as the respondent's version noted 「认可」 with that sentence."""
    case = base_case()
    case.facts.hire_date.add(date(2015, 3, 2), APP, Side.APPLICANT, "主张")
    admitted = src("起诉状及答辩.txt", "other", "被告对原告的入职时间无异议")
    case.facts.hire_date.add(date(2015, 3, 2), admitted, Side.RESPONDENT, "认可")
    p = find(case).get("hire_date")
    assert p.basis == Basis.AGREED and "被申请人予以认可" in p.reason and "入职时间无异议" in p.reason


def test_a_base_wage_beside_pay_of_no_stated_sum_is_not_the_monthly_wage():
    """「工资构成为底薪800元加提成、奖金」: the 800 is a part; the monthly wage of 实施条例第二十七条 (应得工资, with the
    bonuses) is not proposed from it. Where the worker states the whole wage and the employer, who keeps the wage
    records, shows none, the worker's figure stands by the burden of proof."""
    from arbitration.extract.facts import PARTIAL_WAGE

    case = base_case(defence="被申请人不同意申请人的请求。")
    case.facts.monthly_wage.add(Decimal(800), FOUND, Side.TRIBUNAL, f"底薪（{PARTIAL_WAGE}：另有提成、奖金）")
    findings = find(case)
    assert findings.get("monthly_wage") is None
    assert "第二十七条" in findings.pending["monthly_wage"] and "800元" in findings.pending["monthly_wage"]
    case.facts.monthly_wage.add(Decimal(4400), APP, Side.APPLICANT)
    p = find(case).get("monthly_wage")
    assert p is not None and p.text.endswith("4400元")


def test_one_named_months_pay_is_not_the_monthly_wage():
    """「2019年6月实发工资4100元」 is what one month paid out; the monthly wage of 实施条例第二十七条 (the average of
    the wages due) is not proposed from it, and a rate a side states still stands."""
    from arbitration.extract.facts import ONE_MONTH_PAY

    case = base_case(defence="被申请人不同意申请人的请求。")
    case.facts.monthly_wage.add(Decimal(4100), FOUND, Side.TRIBUNAL, f"实发、{ONE_MONTH_PAY}、工资")
    findings = find(case)
    assert findings.get("monthly_wage") is None
    assert "第二十七条" in findings.pending["monthly_wage"] and ONE_MONTH_PAY in findings.pending["monthly_wage"]
    case.facts.monthly_wage.add(Decimal(4400), APP, Side.APPLICANT)
    p = find(case).get("monthly_wage")
    assert p is not None and p.text.endswith("4400元")


def test_a_contracts_signing_day_is_no_hire_date_when_a_side_tells_of_work_long_before():
    """The tribunal's findings give only the day a contract was signed (the hire date read from it stands in) while
    the worker says the work began years before: employment begins with the work (劳动合同法第七条), so the hire
    date stays open; a signing within a month of the stated start still gives it."""
    from arbitration.extract.facts import HIRE_FROM_CONTRACT

    case = base_case()
    case.facts.hire_date.add(date(2020, 3, 1), FOUND, Side.TRIBUNAL, HIRE_FROM_CONTRACT)
    case.facts.hire_date.add(date(2015, 3, 1), APP, Side.APPLICANT)
    findings = find(case)
    assert findings.get("hire_date") is None and "订立劳动合同的时间" in findings.pending["hire_date"]
    case.facts.hire_date.values[1].value = date(2020, 2, 15)
    p = find(case).get("hire_date")
    assert p is not None and p.basis == Basis.ESTABLISHED


def test_after_a_hearing_the_employer_bears_the_burden_of_the_contract_it_keeps():
    """调解仲裁法第六条: the findings establish the employment and show no written contract; the employer's answer is
    not on file. The worker's 「未签订」 stands; the hire date (no paper of the employer's) and a case whose findings
    do not establish the employment stay pending."""
    from findings_cases import court_case

    found = "经审理查明，原告于2019年3月1日入职被告处从事仓库管理工作，月工资3000元，由被告按月发放。"
    claims = [Claim(type="double_wage", text="被告支付原告未签订书面劳动合同二倍工资差额9000元", amount=Decimal(9000))]
    case = court_case(claims, found=found)
    case.facts.written_contract.add(ContractInfo(signed=False), APP, Side.APPLICANT)
    case.facts.hire_date.add(date(2019, 2, 1), APP, Side.APPLICANT)
    findings = find(case)
    p = findings.get("written_contract")
    assert p.basis == Basis.BURDEN and "未签订" in p.text and "经审理查明的事实亦未载明" in p.reason
    assert [str(a) for a in p.articles] == ["劳动争议调解仲裁法第6条"]
    assert findings.get("hire_date") is None and "hire_date" in findings.pending
    unfound = court_case(claims, found="经审理查明，原告于2019年向某某仲裁委员会申请仲裁。")
    unfound.facts.written_contract.add(ContractInfo(signed=False), APP, Side.APPLICANT)
    assert find(unfound).get("written_contract") is None


def test_a_dismissal_both_sides_tell_on_different_days_stands_as_the_worker_tells_it():
    """Both say the employer ended the employment and differ only on the day: the employer proves its dismissal
    (解释（一）第四十四条) and showed nothing for its day. Another way of ending is a real dispute and stays pending."""
    from findings_cases import dismissal

    from arbitration.model import Termination, TerminationInitiator

    case = base_case(defence="被申请人于2024年3月31日与申请人解除了劳动合同。")
    case.facts.termination.add(dismissal(None, notice=date(2024, 3, 20)), APP, Side.APPLICANT)
    case.facts.termination.add(dismissal(None, notice=date(2024, 3, 31)), DEF, Side.RESPONDENT)
    p = find(case).get("termination")
    assert p is not None and p.basis == Basis.BURDEN
    assert case.facts.termination.values[p.value_index].side == Side.APPLICANT
    assert "日期" in p.reason and any(a.article == 44 for a in p.articles)
    other = base_case(defence="申请人于2024年3月31日辞职。")
    other.facts.termination.add(dismissal(None, notice=date(2024, 3, 20)), APP, Side.APPLICANT)
    other.facts.termination.add(Termination(initiator=TerminationInitiator.EMPLOYEE, mode="辞职",
                                            notice_date=date(2024, 3, 31)), DEF, Side.RESPONDENT)
    findings = find(other)
    assert findings.get("termination") is None and "termination" in findings.pending
