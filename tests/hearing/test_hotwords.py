"""Lexicon correction by pinyin: exact on constructed strings, and never changes correct text."""

from decimal import Decimal

import pytest

from arbitration.hearing.hotwords import GLOSSARY, build_lexicon, correct
from arbitration.model import Agent, Case, Claim, Party, PartyKind, PartyRole


@pytest.fixture(scope="module")
def lexicon():
    case = Case(
        case_number="青劳人仲案字〔2024〕第123号",
        parties=[
            Party(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="张文博",
                  agents=[Agent(name="刘建华", firm="山东明正律师事务所")]),
            Party(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name="青岛海程物流有限公司",
                  legal_representative=Agent(name="王志强")),
        ],
        claims=[Claim(type="severance", text="支付经济补偿", amount=Decimal("24000"))],
    )
    return build_lexicon(case)


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("我是三月一日入直的", "我是三月一日入职的"),
        ("双方没有签订劳动和统", "双方没有签订劳动合同"),
        ("被申请人位以申请人签订书面劳动合同", "被申请人未与申请人签订书面劳动合同"),
        ("公司没有角纳社会保险", "公司没有缴纳社会保险"),
        ("公司一直位与我签订书面劳动合同", "公司一直未与我签订书面劳动合同"),
        ("要求支付经济不长", "要求支付经济补偿"),
        ("申请人张文搏到庭", "申请人张文博到庭"),  # a case name: 搏/博 both read bo
        ("被申请人青岛海成物流有限公司", "被申请人青岛海程物流有限公司"),
    ],
)
def test_near_homophones_are_corrected(lexicon, raw, fixed):
    assert correct(raw, lexicon) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "作为一个员工我每天都加班",  # 为一 reads wei yi like 位以 but is not followed by 申请人签订
        "如果他知道这件事",
        "申请人入职后被申请人未与其签订劳动合同",
        "被申请人为以后的工作做了安排",
        "公司位于我家附近",
        "我要求支付经济补偿金和加班费",
        "劳动关系解除以后",
        "",
        "2021年3月1日入职，月工资8000元。",
    ],
)
def test_correct_text_is_left_alone(lexicon, text):
    assert correct(text, lexicon) == text


def test_every_glossary_word_survives_correction(lexicon):
    for term in GLOSSARY:
        assert correct(term, lexicon) == term
        assert correct(f"关于{term}的问题", lexicon) == f"关于{term}的问题"


def test_lexicon_and_prompt_from_case(lexicon):
    assert lexicon.case_terms[:2] == ("张文博", "刘建华")
    assert "青岛海程物流有限公司" in lexicon.terms and "王志强" in lexicon.terms
    assert "24000元" in lexicon.amounts and "24000元" in lexicon.prompt
    assert "张文博" in lexicon.prompt


def test_a_term_straddling_two_commits_is_fixed_only_in_the_new_text(lexicon):
    assert correct("城物流有限公司", lexicon, context="被申请人青岛海") == "程物流有限公司"
    assert correct("物流有限公司", lexicon, context="被申请人青岛海城") == "物流有限公司"  # committed: not rewritten
    assert correct("和统", lexicon, context="没有签订劳动") == "合同"
