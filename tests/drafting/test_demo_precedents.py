"""Invented precedents (issue 15 item 7): the bundled generated corpus is demo data — an award never cites its
case numbers, and the 类案同裁 report labels its results 「演示数据（非真实案例）」; an office archive of its own
awards is cited as before."""

from __future__ import annotations

from drafting_cases import make_precedent

from arbitration.drafting import draft_award
from arbitration.model import DEMO_LABEL, Outcome
from arbitration.retrieval import Match

G = Outcome.GRANTED


class _Archive:
    """An archive of five awards granting 违法解除赔偿金 and 二倍工资 (generated demo data, or an office's own)."""

    def __init__(self, generated: bool) -> None:
        self.generated = generated
        self.precedents = [make_precedent(i, {"unlawful_termination": G, "double_wage": G}).model_copy(
            update={"generated": generated}) for i in range(1, 6)]

    def search(self, query, claim=None, k=10):
        return [Match(p, 1 - i / 100, [c for c in p.claims if c.type == claim], ["测试"])
                for i, p in enumerate(self.precedents)]

    def exists(self, case_number: str) -> bool:
        return any(p.case_number == case_number for p in self.precedents)


def _all_text(award) -> str:
    parts = [p for d in award.decisions for p in d.reasoning] + [p for ps in award.sections.values() for p in ps]
    return "".join(p.text for p in parts)


def test_generated_precedents_are_never_cited_by_number(case):
    """The specified case (赔偿金 7500 × 4 × 2 = 60000, 劳动合同法第八十七条) drafted against the bundled demo corpus:
    no 「经检索，类似案件（京朝劳人仲字〔2023〕第0001号…）」 in the award, the report lines and deviations say
    「演示数据（非真实案例）」, and the review sheet says the archive is demo data (the old draft cited them)."""
    archive = _Archive(generated=True)
    award = draft_award(case, archive)
    assert all(not d.precedents for d in award.decisions)
    body = "".join(p.text for d in award.decisions for p in d.reasoning)
    assert "经检索" not in body
    assert not any(p.case_number in body for p in archive.precedents)
    report = award.sections["consistency"]
    assert report and all(p.text.startswith(f"【{DEMO_LABEL}】") for p in report if "未找到" not in p.text)
    assert any(w.kind == "demo_archive" and DEMO_LABEL in w.message for w in award.warnings)
    assert all(DEMO_LABEL in w.message for w in award.warnings if w.kind == "deviation")


def test_office_archive_is_cited_as_before(case):
    archive = _Archive(generated=False)
    award = draft_award(case, archive)
    ut = next(d for d in award.decisions if d.claim.type == "unlawful_termination")
    assert ut.precedents and any(cn in _all_text(award) for cn in ut.precedents)
    assert DEMO_LABEL not in _all_text(award)
