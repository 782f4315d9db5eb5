"""Real public case texts (../shared/data/cases, official typical labour cases) through the readers: text that
nobody on the project wrote, as a text PDF (wrapping, page breaks, page numbers) and as a GBK text file."""

from __future__ import annotations

import re

import pytest
from ingest_paths import ROOT, fixture_builder

from arbitration.ingest import read_document

CASES = ROOT.parent / "shared" / "data" / "cases"


def _paragraphs(md: str) -> list[str]:
    """The case's paragraphs without Markdown marks: headings become titles of their own."""
    out = []
    for block in md.split("\n"):
        text = re.sub(r"<!--.*?-->", "", block).strip()
        if text:
            out.append(text.lstrip("# ").strip())
    return [p for p in out if p]


@pytest.fixture(scope="module")
def real_cases():
    files = sorted(CASES.glob("*.md"))
    if not files:
        pytest.skip(f"shared case texts not found at {CASES}")
    return [(f, _paragraphs(f.read_text(encoding="utf-8"))) for f in files]


def test_real_case_text_pdf_round_trip(real_cases, tmp_path):
    builder = fixture_builder(font=True)
    for source, paragraphs in real_cases:
        path = tmp_path / (source.stem[:20] + ".pdf")
        builder.write_pdf(path, ["#" + paragraphs[0], *paragraphs[1:]], page_numbers=True)
        doc = read_document(path)
        text = doc.text
        # nothing lost, nothing added: the same characters in the same order once whitespace is ignored
        assert re.sub(r"\s+", "", text) == re.sub(r"\s+", "", "".join(paragraphs)), source.name
        # no space inserted where a Chinese line wrapped, no page number left
        assert not re.search(r"[\u4e00-\u9fff，。；：、“”] [\u4e00-\u9fff，。；：、“”]", text), source.name
        assert not re.search(r"第 \d+ 页", text)
        # every paragraph that fits on one page comes back as one line of its own
        lines = set(text.split("\n"))
        whole = [p for p in paragraphs if p in lines]
        assert len(whole) >= len(paragraphs) - (len(doc.pages) - 1), source.name  # only page breaks split one


def test_real_case_gbk_text(real_cases, tmp_path):
    source, paragraphs = real_cases[0]
    text = "\r\n".join(paragraphs)
    path = tmp_path / "案例.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path).pages[0].text == text.replace("\r\n", "\n")
