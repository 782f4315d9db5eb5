"""Document types and sections: every text fixture classified, and types found from the body when the title is
missing or unhelpful."""

from __future__ import annotations

import pytest
from ingest_paths import DISMISSAL, FORCED, SAMPLE

from arbitration.ingest import classify, read_document, split_sections
from arbitration.model import DocType, Document, Method, Page

FILES = [
    (SAMPLE / "仲裁申请书.docx", DocType.APPLICATION, ["当事人", "仲裁请求", "事实与理由", "落款"]),
    (SAMPLE / "答辩书.docx", DocType.DEFENCE, ["当事人", "答辩意见", "落款"]),
    (SAMPLE / "劳动合同.pdf", DocType.CONTRACT, []),
    (SAMPLE / "工资条.pdf", DocType.WAGE_RECORD, []),
    (SAMPLE / "解除劳动合同通知书.pdf", DocType.TERMINATION_NOTICE, []),
    (SAMPLE / "证据目录.pdf", DocType.EVIDENCE_LIST, ["证据"]),
    (DISMISSAL / "仲裁申请书.docx", DocType.APPLICATION, ["页脚", "当事人", "仲裁请求", "事实与理由", "落款"]),
    (DISMISSAL / "答辩书.pdf", DocType.DEFENCE, ["当事人", "答辩意见", "落款"]),
    (DISMISSAL / "微信聊天记录.txt", DocType.OTHER, []),
    (FORCED / "仲裁申请书.docx", DocType.APPLICATION, ["页眉", "当事人", "仲裁请求", "事实与理由", "落款"]),
    (FORCED / "被迫解除劳动合同通知书.pdf", DocType.TERMINATION_NOTICE, []),
    (FORCED / "证据目录.docx", DocType.EVIDENCE_LIST, ["证据"]),
    (FORCED / "银行流水.pdf", DocType.WAGE_RECORD, []),
]


@pytest.mark.parametrize(("path", "doc_type", "sections"), FILES, ids=[f"{p.parent.name}/{p.name}" for p, *_ in FILES])
def test_fixture_types_and_sections(path, doc_type, sections):
    doc = read_document(path)
    assert doc.doc_type == doc_type
    assert 0.5 <= doc.type_confidence <= 1.0
    assert [s.title for s in doc.sections] == sections
    for s in doc.sections:  # spans lie inside their page and start at content, not blanks
        text = doc.pages[s.page - 1].text
        assert 0 <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()


def _doc(text: str) -> Document:
    return Document(file="x.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])


def test_type_from_body_when_the_title_is_missing():
    app = _doc(
        "申请人：王丽华，女，1990年5月12日出生\n被申请人：青岛海润物流有限公司\n仲裁请求：\n一、裁决被申请人支付赔偿金48000元。\n"
        "事实和理由：\n申请人于2021年3月1日入职。\n此致\n青岛市黄岛区劳动人事争议仲裁委员会"
    )
    assert classify(app)[0] == DocType.APPLICATION
    identity = _doc("姓名 王丽华 性别 女 民族 汉\n出生 1990年5月12日\n住址 山东省青岛市市北区辽宁路88号\n公民身份号码 370203199005120025")
    assert classify(identity)[0] == DocType.IDENTITY
    assert classify(_doc("今天天气很好。"))[0] == DocType.OTHER


def test_sections_over_a_page_break_and_numbered_headings():
    doc = Document(
        file="申请书.pdf",
        sha256="0" * 64,
        doc_type=DocType.APPLICATION,
        pages=[
            Page(number=1, text="仲裁申请书\n申请人：李强\n被申请人：青岛鑫达机械制造有限公司\n一、仲裁请求\n1.支付工资19500元；", method=Method.TEXT_LAYER),
            Page(number=2, text="2.支付经济补偿22750元。\n二、事实与理由：\n申请人于2019年7月15日入职。", method=Method.TEXT_LAYER),
        ],
    )
    spans = [(s.title, s.page, doc.pages[s.page - 1].text[s.start : s.end]) for s in split_sections(doc)]
    assert spans == [
        ("当事人", 1, "申请人：李强\n被申请人：青岛鑫达机械制造有限公司"),
        ("仲裁请求", 1, "1.支付工资19500元；"),
        ("仲裁请求", 2, "2.支付经济补偿22750元。"),
        ("事实与理由", 2, "申请人于2019年7月15日入职。"),
    ]


STATEMENTS = (
    "原告何某某诉称：原告于2020年5月入职被告处。故诉至法院，请求判令被告支付工资8000元。\n"
    "被告青岛华信电器有限公司辩称：原告系自行离职。\n"
    "第三人青岛汇才人力资源有限公司述称：原告由第三人派遣至被告处工作。\n"
    "经审理查明：原告于2020年5月18日入职被告处。\n"
)


def test_statements_in_one_file_are_pleadings_cut_by_who_speaks():
    doc = _doc(STATEMENTS)
    doc.doc_type, _ = classify(doc)
    assert doc.doc_type == DocType.PLEADINGS
    spans = [(s.title, doc.pages[0].text[s.start : s.end][:6]) for s in split_sections(doc)]
    assert spans == [("申请人陈述", "原告何某某诉"), ("答辩意见", "被告青岛华信"), ("第三人意见", "第三人青岛汇"), ("查明事实", "经审理查明：")]


def test_court_documents_by_title_and_a_judgment_body_by_its_parts():
    complaint = _doc("民事起诉状\n原告：何某某，男\n被告：青岛华信电器有限公司\n诉讼请求：\n1.判令被告支付工资8000元。")
    assert classify(complaint)[0] == DocType.APPLICATION
    defence = _doc("民事答辩状\n答辩人：青岛华信电器有限公司\n答辩意见：原告系自行离职。")
    assert classify(defence)[0] == DocType.DEFENCE
    body = _doc(STATEMENTS + "本院认为，原告的请求有事实依据。\n综上，判决如下：\n被告支付原告工资8000元。\n")
    assert classify(body)[0] == DocType.AWARD
