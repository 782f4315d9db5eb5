"""The tribunal's findings sentence by sentence (经审理查明 …): the sentences that state what the tribunal found —
not a party's contention it reports (「某某主张…」) nor the story of the arbitration before the suit (申请仲裁,
裁决, 不予受理) — and the words that name each side in them (role words, names, the short names a text defines)."""

from __future__ import annotations

import re

from arbitration.model import Case, PartyKind, PartyRole, Side

# a sentence that reports what someone said or asked, or tells the proceedings before this one: no finding
REPORTED = re.compile(r"主张|诉称|辩称|认为|(?<![名简职])称(?!号)|要求|请求|诉至|起诉|不服|申请仲裁|提起仲裁|仲裁|裁决|该委|不予受理|"
                      r"决定书|证明目的|拟证明|用于证明|提交(?:了)?(?:下列|以下|如下)")
CLAUSE = re.compile(r"[，,：:]")
ORG_SUFFIX = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|厂|店|部|站|中心)+$")
ORG_TAIL = r"[^\s，,。；;、“”\"（）()]{0,16}?(?:有限责任公司|股份有限公司|有限公司|公司)"


def sentences(text: str | None) -> list[str]:
    """The sentences of `text` (。；and line ends), stripped, empty ones dropped."""
    return [s.strip() for s in re.split(r"[。；;\n]", text or "") if s.strip()]


def own_sentences(case: Case) -> list[str]:
    """The sentences of the tribunal's findings that state a finding of its own."""
    return [s for s in sentences(case.tribunal_statement) if not REPORTED.search(s)]


def clauses(sentence: str) -> list[str]:
    return [c.strip() for c in CLAUSE.split(sentence) if c.strip()]


def names(case: Case, side: Side, word: str) -> tuple[str, ...]:
    """The words that name `side` in the case's texts: its role word (被告), its parties' names and the short
    names the texts define for them (「…有限公司（以下简称建材公司）」), longest first."""
    from arbitration.extract.parties import aliases

    role = PartyRole.APPLICANT if side == Side.APPLICANT else PartyRole.RESPONDENT
    full = [p.name for p in case.parties_by_role(role) if p.name and p.name != word]
    text = "\n".join(x for x in (case.applicant_statement, case.respondent_statement, case.tribunal_statement) if x)
    short = [alias for alias, whole in aliases(text).items() if any(n in whole or whole in n for n in full)]
    orgs = [p.name for p in case.parties_by_role(role) if p.name and p.kind == PartyKind.ORGANISATION]
    longer = [m.group() for n in orgs if len(core := ORG_SUFFIX.sub("", n)) >= 2
              for m in re.finditer(re.escape(core) + ORG_TAIL, text)]  # 「新大陆公司」 written out in full
    return tuple(sorted({word, *full, *short, *longer} - {""}, key=len, reverse=True))


def mentions(text: str, refs: tuple[str, ...]) -> bool:
    return any(r in text for r in refs)


__all__ = ["REPORTED", "clauses", "mentions", "names", "own_sentences", "sentences"]
