"""Lexicon correction by pinyin: exact on constructed strings, and never changes correct text; the vocabulary comes
from the law layer, the case and the hearing phrases (issue 17), not from a hand list."""

from decimal import Decimal

import pytest

from arbitration.hearing.hotwords import build_lexicon, correct
from arbitration.hearing.vocabulary import _is_term, law_terms, phrases
from arbitration.model import (
    Agent,
    Case,
    Claim,
    Party,
    PartyKind,
    PartyRole,
    Provenance,
    Side,
)


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
        ("申请人张文搏到庭", "申请人张文博到庭"),  # a case name: 搏/博 both read bo
        ("被申请人青岛海成物流有限公司", "被申请人青岛海程物流有限公司"),
    ],
)
def test_near_homophones_are_corrected(lexicon, raw, fixed):
    assert correct(raw, lexicon) == fixed


@pytest.mark.parametrize(
    "raw, fixed",
    [  # Whisper base on a mock 二倍工资 hearing (issue 17); none of these words is in any hand list
        ("公司一直托建公资，", "公司一直拖欠工资，"),  # 拖欠工资: a claim-type alias; jian/qian, tones kept
        ("申请人的请求已经超过重裁时效。", "申请人的请求已经超过仲裁时效。"),  # 仲裁时效: the statutes
        ("每月还有技校奖金。", "每月还有绩效奖金。"),  # 绩效奖金: a claim-type alias
        ("对这份证据有无意义？", "对这份证据有无异议？"),  # 有无异议: hearing phrases
        ("双方是否签订国双面劳动合同？", "双方是否签订过书面劳动合同？"),  # a question of the taxonomy
        ("我是被申请人的为拖带李人", "我是被申请人的委托代理人"),  # five syllables alike, one character right
        ("要求支付经济部长", "要求支付经济补偿"),  # 部长: zhang/chang, tone kept
        ("已经超过仲裁十校。", "已经超过仲裁时效。"),  # a numeral alone is a word heard wrong, not a number
    ],
)
def test_domain_vocabulary_corrects_the_issue_17_errors(lexicon, raw, fixed):
    assert correct(raw, lexicon) == fixed


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("单位从未给我奖纳社会保险", "单位从未给我缴纳社会保险"),  # every other syllable right: jiang for jiao, tone kept
        ("公司应当支付经济补仓", "公司应当支付经济补偿"),  # the other three characters right: cang1 for chang2
        ("我方认为备申请人应当承担责任", "我方认为被申请人应当承担责任"),  # 被申请人 is a term though 被 is grammar
        ("请陈述事实合理由", "请陈述事实和理由"),  # 理由 is a noun, not the grammar word 由
    ],
)
def test_one_syllable_off_with_the_rest_of_the_term_said_right(lexicon, raw, fixed):
    assert correct(raw, lexicon) == fixed


def test_a_grammar_character_inside_a_noun_keeps_a_term():
    assert _is_term("被申请人") and _is_term("事实和理由")
    assert not _is_term("对于用人单位") and not _is_term("与其签订") and not _is_term("由此")


def test_vocabulary_is_built_from_the_law_layer_and_phrases():
    terms = law_terms()
    for t in ("仲裁时效", "书面劳动合同", "拖欠工资", "绩效奖金", "经济补偿", "解除劳动合同"):
        assert t in terms
    assert "有无异议" in phrases() and len(terms) > 1000


def test_case_facts_and_outline_words_join_the_lexicon_and_prompt():
    case = Case(claims=[Claim(type="double_wage", text="支付未签订书面劳动合同的二倍工资")])
    case.facts.position.add("仓库管理员", Provenance(file="仲裁申请书.pdf"), Side.APPLICANT)
    lx = build_lexicon(case, outline_words=["申请人主张月工资6500元，被申请人主张5000元"])
    assert "仓库管理员" in lx.case_terms and "仓库管理员" in lx.prompt
    assert "二倍工资" in lx.prompt and len(lx.prompt) < 160
    assert "月工资" in lx.terms
    assert lx.claim_types == ("double_wage",)
    assert correct("我在公司担任仓库管理人员", lx) == "我在公司担任仓库管理人员"  # a correct phrase stays


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
        "请大家保持理智",  # a common word is never rewritten into a term that sounds alike (离职)
        "公司一直没有发放",  # 一直 is not 一致
        "双方是否签订书面劳动合同",  # 双方|是否: no term across a word boundary (方式)
        "依据劳动合同法第二十九条",  # numerals are never changed (二十六)
        "他要求给付工资",  # 给付 is not 继续: the tones differ
        "他从事司机工作",  # 司机 is not 实际
        "本院决定不予审理",  # 审 is not 受 (不予受理): final and tone both differ
    ],
)
def test_correct_text_is_left_alone(lexicon, text):
    assert correct(text, lexicon) == text


def test_every_hearing_phrase_survives_correction(lexicon):
    for phrase in phrases():
        assert correct(phrase, lexicon) == phrase
        assert correct(f"关于{phrase}的问题", lexicon) == f"关于{phrase}的问题"


def test_lexicon_and_prompt_from_case(lexicon):
    assert lexicon.case_terms[:2] == ("张文博", "刘建华")
    assert "经济补偿" in lexicon.prompt  # the case's claim type
    assert "青岛海程物流有限公司" in lexicon.terms and "王志强" in lexicon.terms
    assert "24000元" in lexicon.amounts and "24000元" in lexicon.prompt
    assert "张文博" in lexicon.prompt


def test_a_term_straddling_two_commits_is_fixed_only_in_the_new_text(lexicon):
    assert correct("城物流有限公司", lexicon, context="被申请人青岛海") == "程物流有限公司"
    assert correct("物流有限公司", lexicon, context="被申请人青岛海城") == "物流有限公司"  # committed: not rewritten
    assert correct("和统", lexicon, context="没有签订劳动") == "合同"
