"""The words that differ between a commission's 裁决书 and a court's 民事判决书: who speaks (本委/本院), how the
parties and their requests are named, the ruling's head and the payment deadline."""

from __future__ import annotations

from dataclasses import dataclass

from arbitration.findings.sides import forum


@dataclass(frozen=True)
class Words:
    """One forum's wording; `of(case)` picks it."""

    forum: str  # "commission" | "court"
    body: str  # 本委 / 本院
    applicant: str  # 申请人 / 原告
    respondent: str  # 被申请人 / 被告
    request: str  # 仲裁请求 / 诉讼请求
    document: str  # 裁决 / 判决
    found: str  # 本委查明 / 经审理查明
    opinion: str  # 本委认为 / 本院认为
    ruling: str  # 裁决如下 / 判决如下
    template: str  # the Word template (templates/)

    @property
    def deadline(self) -> str:
        return f"于本{self.document}生效之日起十日内"


COMMISSION = Words("commission", "本委", "申请人", "被申请人", "仲裁请求", "裁决", "本委查明", "本委认为", "裁决如下",
                   "award.docx")
COURT = Words("court", "本院", "原告", "被告", "诉讼请求", "判决", "经审理查明", "本院认为", "判决如下", "judgment.docx")


def words_for(forum_name: str | None) -> Words:
    return COURT if forum_name == "court" else COMMISSION


def of(case) -> Words:
    """The wording of this case's forum (a court case when Case.forum is "court"; the commission by default)."""
    return words_for(forum(case))
