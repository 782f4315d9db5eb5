"""Masked copies of exported DOCX files for publication (裁判文书公开): natural persons' names → 某 forms, ID
numbers, phones, addresses and bank accounts removed, organisations' names kept. The text replacement itself is
arbitration.masking's `mask_text`; this module walks the document (body, tables, headers, footers) and then
checks that nothing it was told to hide survived."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from arbitration.errors import ArbitrationError
from arbitration.model import Case, PartyKind
from arbitration.web.stages import stage

# an 18-digit resident ID number (birth date in the middle), not part of a longer digit run
ID_NUMBER = re.compile(
    r"(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])"
)


class MaskingFailed(ArbitrationError):
    """A masked export still contained a personal name or an ID number; the file was not released."""


def persons_and_orgs(case: Case | None) -> tuple[list[str], list[str], list[str]]:
    """Natural persons' names, organisations' names and other private strings (ID numbers, phones, addresses)."""
    persons: list[str] = []
    orgs: list[str] = []
    private: list[str] = []
    if case is None:
        return persons, orgs, private
    for p in case.parties:
        (persons if p.kind == PartyKind.PERSON else orgs).append(p.name)
        private += [x for x in (p.id_number, p.phone, p.address if p.kind == PartyKind.PERSON else None) if x]
        for agent in ([p.legal_representative] if p.legal_representative else []) + list(p.agents):
            persons.append(agent.name)
            if agent.phone:
                private.append(agent.phone)
    dedup = lambda xs: sorted({x.strip() for x in xs if x and x.strip()}, key=len, reverse=True)  # noqa: E731
    return dedup(persons), dedup(orgs), dedup(private)


def _paragraphs(doc) -> Iterator:
    def walk(container) -> Iterator:
        yield from container.paragraphs
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    yield from walk(cell)

    yield from walk(doc)
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                     section.even_page_header, section.even_page_footer):
            if part is not None and not part.is_linked_to_previous:
                yield from walk(part)


def mask_paragraph(paragraph, mask) -> None:
    """Mask run by run (keeps formatting); when a name spans runs, put the masked paragraph text in the first run."""
    for run in paragraph.runs:
        if run.text:
            masked = mask(run.text)
            if masked != run.text:
                run.text = masked
    full = "".join(r.text for r in paragraph.runs)
    masked = mask(full)
    if masked != full and paragraph.runs:
        paragraph.runs[0].text = masked
        for run in paragraph.runs[1:]:
            run.text = ""


def docx_text(path: Path) -> str:
    from docx import Document as Docx

    return "\n".join(p.text for p in _paragraphs(Docx(str(path))))


KINDS = {"person": "姓名", "id_number": "身份证号", "phone": "电话", "bank_account": "银行账号", "listed": "本案个人信息"}


def leaks(text: str, persons: list[str], private: list[str]) -> list[str]:
    """What a masked text still shows that it must not: what masking's own detection finds (persons' names by NER
    and cue words; ID, phone and bank numbers with or without spaces), the case's persons and private strings."""
    return [f"{f.kind}:{f.text}" for f in _found(text, persons, private)]


def _found(text: str, persons: list[str], private: list[str]) -> list:
    masking = stage("masking")
    found = list(masking.find_personal(text))
    found += [masking.Personal(text.find(s), text.find(s) + len(s), s, "listed")
              for s in [p for p in persons if len(p) >= 2 and masking.mask_person(p) != p]
              + [s for s in private if len(s) >= 4] if s in text]
    return found


def _refuse(found: list) -> MaskingFailed:
    counts: dict[str, int] = {}
    for f in found:
        counts[KINDS.get(f.kind, f.kind)] = counts.get(KINDS.get(f.kind, f.kind), 0) + 1
    what = "、".join(f"{k} {n} 处" for k, n in counts.items())
    return MaskingFailed(f"脱敏后仍含个人信息（{what}），未导出")


ROUNDS = 3  # masking a name can change how the tagger reads its neighbours: detect again, at most this often


def mask_docx(src: Path, out: Path, case: Case | None) -> Path:
    """Write a masked copy of `src` to `out`: the case's persons and every person the document names (NER, cue
    words) masked, numbers masked; raises MaskingFailed (and writes nothing) if the leak check finds anything."""
    from docx import Document as Docx

    from arbitration.fileio import atomic_open

    persons, _orgs, private = persons_and_orgs(case)
    doc = Docx(str(src))
    text = "\n".join(p.text for p in _paragraphs(doc))
    found: list = []
    for _ in range(ROUNDS):
        mask = masker(case, text)
        for paragraph in _paragraphs(doc):
            mask_paragraph(paragraph, mask)
        props = doc.core_properties
        props.author, props.last_modified_by, props.title = "", "", mask(props.title or "")
        text = "\n".join(p.text for p in _paragraphs(doc))
        found = _found(text, persons, private)
        if not found:
            break
    if found:
        raise _refuse(found)
    with atomic_open(out, "wb") as f:
        doc.save(f)
    return out


def masker(case: Case | None, text: str = ""):
    """text -> masked text for this case: arbitration.masking's mask_text with the case's persons, the persons
    found in `text` (the whole document), the case's organisations (kept) and addresses, then the case's own ID
    numbers, phones and addresses in any form it missed."""
    masking = stage("masking")
    persons, orgs, private = persons_and_orgs(case)
    persons = persons + sorted({f.text for f in masking.find_persons(text)} - set(persons)) if text else persons
    addresses = [p.address for p in (case.parties if case else []) if p.address and p.kind == PartyKind.PERSON]

    def mask(text: str) -> str:
        masked = masking.mask_text(text, persons=persons, orgs=orgs, keep_orgs=True, addresses=addresses)
        for s in private:
            masked = masked.replace(s, "某地" if s in addresses else "×" * min(len(s), 6))
        return masked

    return mask


def mask_plain(text: str, case: Case | None) -> str:
    """A masked copy of plain text; raises MaskingFailed if the leak check finds a name or number in it."""
    persons, _orgs, private = persons_and_orgs(case)
    masked = text
    for _ in range(ROUNDS):
        masked = masker(case, masked)(masked)
        if not (found := _found(masked, persons, private)):
            return masked
    raise _refuse(found)
