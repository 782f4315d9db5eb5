"""The words of an outline, as plain strings, for the live clerk's vocabulary (arbitration.hearing.vocabulary)."""

from __future__ import annotations

from arbitration.errors import ArbitrationError
from arbitration.model import Case
from arbitration.outline.build import build_outline


def outline_words(case: Case | None) -> list[str]:
    """The words of this case's 庭审要素提纲 for the hearing's vocabulary: claims, disputed facts (each side's
    version), elements and the questions for each side. The CLI and the web page pass them to the hearing (an
    earlier stage, which never imports the outline); a case the outline cannot be built for gives none."""
    if case is None:
        return []
    try:
        o = build_outline(case)
    except ArbitrationError:
        return []
    words = [x for c in o.claims for x in (c.type_name, c.text)]
    words += [x for f in o.disputed for x in [f.name] + [v.value for v in f.versions]]
    for sec in o.sections:
        words += [e.name for e in sec.elements] + sec.questions_applicant + sec.questions_respondent
    return [w for w in dict.fromkeys(words) if w]
