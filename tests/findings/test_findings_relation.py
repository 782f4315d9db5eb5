"""The employment as the tribunal's findings tell it (arbitration.findings.relation): the worker proves it
(调解仲裁法第六条); findings that say the proof fails, or that someone else hired or paid the worker while the
employer denies employing them, settle it against the worker; the marks of an employment (work for the employer,
its pay, its work card or attendance, a contract with it) settle it for the worker."""

from __future__ import annotations

from decimal import Decimal

from findings_cases import court_case

from arbitration.findings import find
from arbitration.model import Basis, Claim, ReviewState

WAGES = Claim(type="unpaid_wages", text="被告支付原告2021年3月至5月工资9000元", amount=Decimal(9000))
CONFIRM = Claim(type="labor_relation", text="确认原告与被告之间存在劳动关系")
DENIES = "被告某某物流公司辩称，原告并非我公司员工，双方不存在劳动关系。"


def _relation(**kw):
    findings = find(court_case([CONFIRM, WAGES], **kw))
    return findings.get("issue:labor_relation"), findings


def test_findings_that_say_the_proof_fails_settle_it_against_the_worker():
    p, _ = _relation(defence=DENIES, found="经审理查明，原告提交的微信聊天记录、证人证言不足以证明其与被告存在劳动关系。")
    assert p.holds is False and p.basis == Basis.ESTABLISHED and p.state == ReviewState.ACCEPTED
    assert "劳动争议调解仲裁法第6条" in [str(a) for a in p.articles]


def test_a_third_party_who_hired_or_paid_the_worker_fails_the_workers_proof():
    for found in ("经审理查明，原告孙某受雇于案外人钱某，从事货物装卸工作，钱某按天向其结算报酬。",
                  "经审理查明，原告在物流园从事分拣工作，其工资由某某劳务派遣有限公司按月支付。"):
        p, _ = _relation(defence=DENIES, found=found)
        assert p.holds is False and p.basis == Basis.BURDEN and p.state == ReviewState.PROPOSED, found
        assert "举证" in p.reason
    # without the employer's denial, another payer is no finding against the worker
    p, findings = _relation(defence="被告对原告的请求不予认可。",
                            found="经审理查明，原告孙某受雇于案外人钱某，从事货物装卸工作。")
    assert p is None


def test_the_marks_of_an_employment_in_the_findings_settle_it_for_the_worker():
    found = ("经审理查明：原告孙某于2020年3月1日起在被告某某物流有限公司从事客服工作，使用被告发放的工牌，"
             "每日通过被告的考勤系统打卡。被告未与原告签订书面劳动合同。")
    p, _ = _relation(defence="被告辩称，双方系合作关系，不存在劳动关系。", found=found)
    assert p.holds is True and "工牌" in p.reason
    assert p.state == ReviewState.PROPOSED  # the employer denied it: the conclusion is for the arbitrator to accept
    p, _ = _relation(defence="被告未到庭，亦未答辩。", found=found)
    assert p.holds is True and p.state == ReviewState.ACCEPTED


def test_what_the_findings_only_report_or_leave_open_stays_for_the_tribunal():
    # the commission's reason before the suit is no finding of the court
    p, findings = _relation(defence=DENIES, found="原告向仲裁委员会申请仲裁，该委以原告无法证明双方存在劳动关系为由驳回其请求。")
    assert p is None and "issue:labor_relation" in findings.pending
    # a worker who is a shareholder and manager of the employer: a question of law, not settled by the marks
    p, _ = _relation(defence=DENIES, found="经审理查明，原告系被告公司股东，担任总经理，自2019年起在被告处工作，由被告发放报酬。")
    assert p is None


def test_the_employers_failed_disproof_is_no_finding_against_the_worker():
    p, _ = _relation(defence=DENIES, found="经审理查明，被告提交的证据不能证明双方不存在劳动关系。")
    assert p is None or p.holds is not False


def test_the_findings_opened_by_any_tribunal_word_carry_the_worker_as_subject():
    """「本院查明：原告…毕业，同年…在被告处工作」 tells the employment as 「经审理查明，…」 does: the opening words
    (ingest.speech.FINDINGS_CUES, a court's or a commission's) are no subject of the sentence."""
    for head in ("经审理查明，", "本院查明：", "本院经审理查明："):
        found = head + "原告孙某于2017年1月毕业，同年3月1日起在被告处从事客服工作，由被告按月发放工资。"
        p, _ = _relation(defence="被告辩称，双方系合作关系，不存在劳动关系。", found=found)
        assert p is not None and p.holds is True, head
