"""extract_case end to end on the bundled sample case, and case-level behaviour of build_case."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from arbitration.extract import build_case
from arbitration.model import (
    Case,
    DocType,
    Document,
    Method,
    Page,
    PartyRole,
    Side,
    TerminationInitiator,
)


@pytest.fixture(scope="module")
def sample(extracted) -> Case:
    case, errors = extracted("sample_case")
    assert errors == []
    return case


def test_sample_case_header_and_parties(sample):
    assert sample.case_number is None  # the sample application carries no 案号: none is invented
    assert sample.commission == "青岛市劳动人事争议仲裁委员会" and sample.region == "青岛市"
    assert sample.application_date == date(2024, 4, 15)
    assert [(p.role, p.name) for p in sample.parties] == [
        (PartyRole.APPLICANT, "陈晓燕"),
        (PartyRole.RESPONDENT, "青岛蓝海餐饮管理有限公司"),
    ]
    a, r = sample.parties
    assert a.id_number_valid and a.birth_date == date(1988, 7, 16) and a.gender == "女"
    assert a.agents[0].name == "孙倩" and a.agents[0].firm == "山东海川律师事务所"
    assert r.credit_code_valid and r.legal_representative.name == "王建军"


def test_sample_case_claims(sample):
    assert [(c.type, c.amount) for c in sample.claims] == [
        ("unlawful_termination", Decimal("52500")),
        ("notice_pay", Decimal("7500")),
        ("overtime", Decimal("15600")),
        ("annual_leave", Decimal("3448.28")),
    ]
    assert (sample.claims[2].period_start, sample.claims[2].period_end) == (date(2023, 1, 1), date(2024, 3, 31))


def test_sample_case_dates_wage_contract_termination(sample):
    f = sample.facts
    assert f.hire_date.value == date(2020, 6, 1)
    assert f.leave_date.value == date(2024, 3, 31) and not f.leave_date.disputed
    assert {v.source.file for v in f.leave_date.values} == {"仲裁申请书.docx", "解除劳动合同通知书.pdf"}

    wage = f.monthly_wage
    assert wage.disputed and wage.value is None
    sides = {(v.side, v.value, v.source.file) for v in wage.values}
    assert (Side.APPLICANT, Decimal("7500"), "仲裁申请书.docx") in sides
    assert (Side.RESPONDENT, Decimal("5500"), "答辩书.docx") in sides
    assert (Side.EVIDENCE, Decimal("7500"), "劳动合同.pdf") in sides
    assert (Side.EVIDENCE, Decimal("7500"), "工资条.pdf") in sides  # from the slip's 应发工资 column
    respondent = wage.by_side(Side.RESPONDENT)[0]
    assert "基本工资" in respondent.note and "提成2000元" in respondent.note  # how it was stated

    contract = {v.source.file: v.value for v in f.written_contract.values}
    doc = contract["劳动合同.pdf"]
    assert doc.signed and (doc.term_start, doc.term_end) == (date(2023, 6, 1), date(2026, 5, 31))
    assert contract["仲裁申请书.docx"].signed

    terms = f.termination.values
    assert {t.value.initiator for t in terms} == {TerminationInitiator.EMPLOYER}
    notice = next(t for t in terms if t.source.file == "解除劳动合同通知书.pdf")
    assert notice.side is Side.EVIDENCE
    assert notice.value.statute_basis == "劳动合同法第四十条" and notice.value.notice_date == date(2024, 3, 31)
    assert "不能胜任" in notice.value.reason
    applicant = next(t for t in terms if t.side is Side.APPLICANT)
    assert "不能胜任" in applicant.value.reason
    assert f.position.by_side(Side.APPLICANT)[0].value == "门店店长"
    assert f.workplace.by_side(Side.APPLICANT)[0].value == "青岛市市北区台东一路门店"


def test_sample_case_provenance_points_at_the_source_text(sample):
    for _, fact in sample.facts.items():
        for v in fact.values:
            p = v.source
            assert p.file and p.page and p.start is not None and p.end > p.start
            assert p.method in (Method.DOCX, Method.TEXT_LAYER, Method.OCR)
            assert 0 < p.confidence <= 1 and p.quote and p.extractor
    methods = {d.file: d.methods for d in sample.documents}
    assert methods["考勤记录扫描件.pdf"] == [Method.OCR] and methods["仲裁申请书.docx"] == [Method.DOCX]


def test_sample_case_evidence_list_and_statements(sample):
    names = [e.name for e in sample.evidence]
    assert names[:4] == ["劳动合同", "工资条（2023年10月至2024年3月）", "解除劳动合同通知书", "考勤记录扫描件"]
    assert all(e.submitted_by is PartyRole.APPLICANT for e in sample.evidence)
    assert sample.evidence[0].pages == "1-3" and "月工资7500元" in sample.evidence[0].purpose
    assert sample.applicant_statement.startswith("申请人于2020年6月1日入职")
    assert sample.respondent_statement.startswith("一、被答辩人的月基本工资为5500元")


def test_sample_case_json_round_trip(sample):
    assert Case.model_validate_json(sample.model_dump_json()) == sample


def _doc(name: str, text: str, doc_type: DocType = DocType.OTHER) -> Document:
    return Document(
        file=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        doc_type=doc_type,
        pages=[Page(number=1, text=text, method=Method.TXT)],
    )


APPLICATION = (
    "劳动人事争议仲裁申请书\n申请人：李某，男。\n被申请人：青岛某某有限公司。\n仲裁请求：\n"
    "一、裁决被申请人支付工资差额3000元。\n事实与理由：\n申请人于2022年1月1日入职，月工资5000元。\n"
)


def test_a_file_whose_content_contradicts_its_name_is_read_by_content_and_flagged():
    case = build_case([_doc("答辩书.txt", APPLICATION, DocType.APPLICATION)])
    assert case.documents[0].doc_type is DocType.APPLICATION
    assert any("答辩书.txt" in w and "仲裁申请书" in w for w in case.warnings)
    assert case.documents[0].warnings  # the document itself says so too
    wage = case.facts.monthly_wage.values[0]
    assert wage.side is Side.APPLICANT  # the content decides whose version it is
    assert [p.name for p in case.applicants] == ["李某"]


def test_a_file_whose_content_is_unclear_takes_its_type_from_its_name():
    slip = "2024年1月\t应得7500.00\n本月月工资7500元。"
    case = build_case([_doc("工资条.txt", slip)])
    assert case.documents[0].doc_type is DocType.WAGE_RECORD
    assert case.facts.monthly_wage.values[0].side is Side.EVIDENCE
    assert not [w for w in case.warnings if "工资条.txt" in w]  # no contradiction, only a gap filled


def test_invalid_codes_are_reported_in_the_case_warnings():
    text = (
        "仲裁申请书\n申请人：赵某，公民身份号码：110105194912310021。\n"
        "被申请人：北京某某科技有限公司，统一社会信用代码：91370203MA1B2C3D0X。\n仲裁请求：\n1、裁决被申请人支付工资5000元。\n"
    )
    case = build_case([_doc("申请书.txt", text, DocType.APPLICATION)])
    assert any("110105194912310021" in w and "校验不通过" in w for w in case.warnings)
    assert any("91370203MA1B2C3D0X" in w for w in case.warnings)


def test_case_number_and_hearing_dates_when_stated():
    text = (
        "青岛市劳动人事争议仲裁委员会\n开庭通知\n案号：青劳人仲案字〔2024〕第 123 号\n"
        "受理日期：2024年3月20日\n开庭时间：2024年4月25日上午9时\n"
    )
    case = build_case([_doc("开庭通知.txt", text), _doc("申请书.txt", APPLICATION, DocType.APPLICATION)])
    assert case.case_number == "青劳人仲案字〔2024〕第123号"
    assert case.acceptance_date == date(2024, 3, 20) and case.hearing_date == date(2024, 4, 25)


def test_chat_records_are_evidence_not_the_tribunals_finding(extracted):
    case, _ = extracted("case_dismissal")
    chat = [v for _, f in case.facts.items() for v in f.values if v.source.file == "微信聊天记录.txt"]
    assert chat and all(v.side is Side.EVIDENCE for v in chat)  # a GBK text file, read without mojibake
    assert "加班" in chat[0].source.quote


@pytest.mark.slow
def test_scanned_case_ocr_facts_carry_line_confidence(extracted):
    case, _ = extracted("case_scanned", ("仲裁申请书扫描件.pdf", "情况说明.txt"))
    hire = case.facts.hire_date.by_side(Side.APPLICANT)[0]
    assert hire.value == date(2022, 5, 9) and hire.source.method is Method.OCR and hire.source.page == 2
    assert hire.source.confidence < 0.9  # the same rule on typed text gives 0.9
    term = case.facts.termination.by_side(Side.APPLICANT)[0].value
    assert (term.initiator, term.mode) == (TerminationInitiator.EMPLOYER, "口头辞退")
    assert term.reason == "公司业务调整"
    assert case.facts.leave_date.value == date(2024, 1, 31)
    second = case.claims[1]  # the claims run over the scan's page break
    assert second.source.page == 2 and second.source.start == len("二、") and second.type == "overtime"


def test_mislabelled_word_file_read_through_ingest(tmp_path):
    """A real .docx named 答辩书 that holds an application: ingest classifies it by content, extract flags the name."""
    import docx

    from arbitration.extract import extract_case

    d = docx.Document()
    for line in APPLICATION.strip().splitlines():
        d.add_paragraph(line)
    d.save(str(tmp_path / "答辩书.docx"))
    case, errors = extract_case(tmp_path)
    assert errors == []
    assert case.documents[0].doc_type is DocType.APPLICATION
    assert any("答辩书.docx" in w and "按内容处理" in w for w in case.warnings)
    assert case.facts.monthly_wage.values[0].side is Side.APPLICANT
    assert case.facts.monthly_wage.values[0].source.method is Method.DOCX


def test_cause_from_the_evidence_list(sample):
    assert sample.cause == "劳动争议"  # 「案由：劳动争议」 on the evidence list


@pytest.mark.slow
def test_a_folder_of_broken_files_gives_named_errors_and_an_empty_case(fixture_cases):
    from arbitration.errors import IngestError
    from arbitration.extract import extract_case

    folder = fixture_cases / "broken"
    case, errors = extract_case(folder)
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert len(errors) == len(files) and all(isinstance(e, IngestError) for e in errors)
    for name in files:  # every bad file is named in the case's warnings, the case itself is still built
        assert any(name in w for w in case.warnings), name
    assert case.parties == [] and case.claims == [] and "未找到仲裁请求" in case.warnings


@pytest.mark.libreoffice
def test_forced_resignation_case_wage_versions_and_contract(extracted):
    from arbitration import system

    if system.soffice() is None:
        pytest.skip(f"the .doc defence cannot be read: {system.missing('tool', 'soffice')}")
    case, _ = extracted("case_forced_resignation")
    wage = {(v.side, v.source.file): v for v in case.facts.monthly_wage.values}
    bank = wage[(Side.EVIDENCE, "银行流水.pdf")]
    assert bank.value == Decimal("6500") and "实发" in bank.note  # the net credits, said to be net
    assert bank.source.confidence < wage[(Side.EVIDENCE, "劳动合同.pdf")].source.confidence
    assert wage[(Side.RESPONDENT, "答辩书.doc")].value == Decimal("5000")
    applicant = case.facts.written_contract.by_side(Side.APPLICANT)[0].value
    assert (applicant.term_start, applicant.term_end) == (date(2019, 7, 15), date(2022, 7, 14))
    kinds = {v.side: (v.value.initiator, v.value.mode) for v in case.facts.termination.values}
    assert kinds[Side.APPLICANT] == (TerminationInitiator.EMPLOYEE, "被迫解除")
    assert kinds[Side.RESPONDENT] == (TerminationInitiator.EMPLOYEE, "辞职")  # 「并未提出被迫解除」 is a denial
