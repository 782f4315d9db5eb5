"""verify_citations: after the text is composed every citation is resolved; what does not resolve is removed
from the text and reported, never printed."""

from __future__ import annotations

from arbitration.drafting import draft_award, verify_citations
from arbitration.drafting.verify import clean_citations
from arbitration.law import find_citations, statutes
from arbitration.model import Paragraph


class _Archive:
    """The two methods verify_citations uses, over a fixed set of case numbers."""

    def __init__(self, numbers: set[str]) -> None:
        self.numbers = numbers

    def exists(self, case_number: str) -> bool:
        return case_number in self.numbers


def test_bad_article_is_removed_and_reported(case):
    award = draft_award(case)
    ut = award.decisions[0]
    ut.reasoning.append(Paragraph(
        text="根据《中华人民共和国劳动合同法》第四十七条、第九百九十九条的规定，被申请人应予赔偿。"))
    award.facts_found.append(Paragraph(text="另查明，依照《中华人民共和国劳动法》第八百条，双方约定月薪。"))
    verify_citations(award)
    texts = [p.text for p in ut.reasoning] + [p.text for p in award.facts_found]
    joined = "\n".join(texts)
    assert "第九百九十九条" not in joined and "第八百条" not in joined
    assert "《中华人民共和国劳动合同法》第四十七条" in ut.reasoning[-1].text  # the good one in the same phrase stays
    assert all(statutes().exists(c) for c in find_citations(joined))
    removed = [w for w in award.warnings if w.kind == "citation_removed"]
    assert len(removed) == 2
    assert any("第九百九十九条" in w.message and w.claim_type == "unlawful_termination" for w in removed)
    assert any("第八百条" in w.message for w in removed)


def test_unknown_law_reference_is_dropped():
    text, removed = clean_citations("根据《中华人民共和国劳动合同法》第四十七条、《中华人民共和国劳动合同法》第三百条的规定，予以支持。")
    assert "第三百条" not in text and "第四十七条" in text
    assert removed == ["《中华人民共和国劳动合同法》第三百条"]
    text, removed = clean_citations("根据《中华人民共和国劳动合同法》第三百条的规定，予以支持。")
    assert "第三百条" not in text and removed
    assert text.startswith("根据相关法律规定")


def test_case_numbers_must_exist_in_the_archive(case):
    good, bad = "京朝劳人仲字〔2023〕第0007号", "京朝劳人仲字〔2023〕第9999号"
    award = draft_award(case)
    award.decisions[0].reasoning.append(Paragraph(text=f"本委此前审理的类似案件（{good}、{bad}）对同类请求亦作相同处理。",
                                                  refs=[good, bad]))
    award.decisions[0].precedents = [good, bad]
    verify_citations(award, _Archive({good}))
    last = award.decisions[0].reasoning[-1]
    assert good in last.text and bad not in last.text
    assert last.refs == [good] and award.decisions[0].precedents == [good]
    assert any(w.kind == "citation_removed" and bad in w.refs for w in award.warnings)
    # the award's own case number is never taken for a precedent
    assert case.case_number in award.case_number


def test_without_archive_no_case_number_survives(case):
    award = draft_award(case)
    award.decisions[0].reasoning.append(Paragraph(text="参见京朝劳人仲字〔2022〕第0001号裁决。"))
    verify_citations(award, None)
    assert "〔2022〕" not in award.decisions[0].reasoning[-1].text


def test_court_case_numbers_are_checked_too(case):
    good, bad = "（2015）鲁0204民初7号", "（2016）鲁0204民初99号"
    award = draft_award(case)
    award.decisions[0].reasoning.append(Paragraph(text=f"经检索，类似案件（{good}、{bad}）对同类请求亦作相同处理。"))
    verify_citations(award, _Archive({good}))
    text = award.decisions[0].reasoning[-1].text
    assert good in text and bad not in text
