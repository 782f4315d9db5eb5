"""Statutes as data: the articles the product cites are present, their texts match the public texts in
../shared, citations resolve (with 款/项), render in the award's form and are found again in real text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arbitration.errors import CitationError
from arbitration.law import (
    find_citations,
    format_citation,
    format_citations,
    statutes,
    to_chinese,
)
from arbitration.model import Citation

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(
    not (SHARED / "statutes").is_dir(), reason="../shared/data/statutes (public statute texts) is not present"
)

# the articles issue 3 names; each law's full text is shipped, these must be there
REQUIRED: dict[str, list[int]] = {
    "劳动法": [44, 45],
    "劳动合同法": [10, 14, 22, 30, 38, 39, 40, 46, 47, 48, 50, 82, 85, 87, 97],
    "劳动合同法实施条例": [6, 7, 27],
    "劳动争议调解仲裁法": [6, 27, 47, 48, 49, 50],
    "职工带薪年休假条例": [3, 5],
    "企业职工带薪年休假实施办法": [10, 12],
    "工伤保险条例": [33, 35, 36, 37],
    "劳动争议解释（一）": [19, 20, 42],
    "工资支付暂行规定": [13],
    "工资折算通知": [2],
}
ARTICLE_COUNTS = {"劳动合同法": 98, "劳动法": 107, "劳动争议调解仲裁法": 54, "工伤保险条例": 67, "劳动合同法实施条例": 38}

NUM = "零〇一二三四五六七八九十百千"


@pytest.mark.parametrize(("law", "numbers"), list(REQUIRED.items()))
def test_required_articles_present(law, numbers):
    data = statutes()
    for n in numbers:
        art = data.resolve(Citation(law=law, article=n))
        assert art.number == n and len(art.text) > 10


def test_whole_laws_are_shipped():
    data = statutes()
    for law, count in ARTICLE_COUNTS.items():
        assert sorted(data.law(law).articles) == list(range(1, count + 1))


_WIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，"})


def _norm(text: str) -> str:
    """Whitespace dropped and half-width punctuation made full-width (the source mixes both; we render items
    as 「（一）」)."""
    return re.sub(r"\s+", "", text.replace("\u3000", "")).translate(_WIDTH)


def _markdown_articles(md: str) -> dict[int, str]:
    """第X条 → its text, read straight from the public Markdown (headings dropped, lines joined)."""
    from arbitration.law import from_chinese

    body = md.split("<!-- INFO END -->", 1)[-1]
    numbered = re.findall(rf"(?m)^\s*第[{NUM}]+条", body)
    out: dict[int, list[str]] = {}
    current = None
    for line in body.splitlines():
        s = line.strip()
        if numbered:
            m = re.match(rf"^第([{NUM}]+)条\s*(.*)$", s)
        else:  # the 21.75 notice numbers its parts 「## 一、…」
            m = re.match(rf"^##\s*([{NUM}]+)(?:、|$)", s)
        if m:
            current = from_chinese(m.group(1))
            out[current] = [m.group(2)] if numbered else []
            continue
        if not s or s.startswith("#") or current is None:
            continue
        out[current].append(s)
    return {n: _norm("".join(lines)) for n, lines in out.items()}


@needs_shared
def test_article_texts_match_shared_texts():
    data = statutes()
    checked = 0
    for law in data.laws.values():
        name = law.source.split(": ", 1)[-1]
        path = SHARED / "statutes" / name
        assert path.is_file(), f"{law.id}: source file {name} not in ../shared"
        theirs = _markdown_articles(path.read_text(encoding="utf-8"))
        assert sorted(theirs) == sorted(law.articles), law.id
        for n, article in law.articles.items():
            assert _norm(article.text) == theirs[n], f"{law.id}第{n}条 differs from {name}"
            checked += 1
    assert checked >= 560  # 12 laws, every article


@needs_shared
def test_article_quotes_in_official_cases_match():
    """Where a typical case quotes an article (「《…》第X条规定：“…”」), each quoted piece is in our text."""
    data = statutes()
    quotes = 0
    for p in sorted((SHARED / "cases").glob("*.md")):
        text = p.read_text(encoding="utf-8")
        for m in re.finditer(rf"《([^》]+)》第([{NUM}]+)条规定：“([^”]+)”", text):
            law = data.law_id(m.group(1))
            if law is None:
                continue  # a regulation we do not ship (e.g. 关于工资总额组成的规定)
            from arbitration.law import from_chinese

            ours = _norm(data.resolve(Citation(law=law, article=from_chinese(m.group(2)))).text)
            for piece in re.split(r"……|…", m.group(3)):
                piece = _norm(piece).strip("。；，")
                if len(piece) >= 6:
                    assert piece in ours, f"{p.name}: {m.group(1)}第{m.group(2)}条 「{piece}」"
                    quotes += 1
    assert quotes >= 5


def test_resolve_clause_and_item():
    data = statutes()
    art = data.resolve(Citation(law="劳动合同法", article=47, clause=2))
    assert art.number == 47 and len(art.clauses) == 3
    assert data.text(Citation(law="劳动合同法", article=47, clause=2)).startswith("劳动者月工资高于用人单位所在直辖市")
    assert "三倍" in data.text(Citation(law="劳动合同法", article=47, clause=2))
    item = data.text(Citation(law="劳动合同法", article=38, clause=1, item=3))
    assert item == "（三）未依法为劳动者缴纳社会保险费的；"
    assert data.text(Citation(law="劳动争议调解仲裁法", article=47, item=1)).startswith("（一）追索劳动报酬")
    assert data.text(Citation(law="劳动争议调解仲裁法", article=27, clause=4)).startswith("劳动关系存续期间因拖欠劳动报酬")


def test_articles_know_their_chapter():
    data = statutes()
    assert data.resolve(Citation(law="劳动合同法", article=47)).chapter == "第四章 劳动合同的解除和终止"
    assert data.resolve(Citation(law="劳动合同法", article=58)).chapter == "第五章 特别规定 第二节 劳务派遣"
    assert data.resolve(Citation(law="调解仲裁法", article=27)).chapter == "第三章 仲裁 第二节 申请和受理"
    assert data.resolve(Citation(law="工资折算通知", article=2)).heading == "日工资、小时工资的折算"


def test_aliases_resolve_to_the_same_law():
    data = statutes()
    for name in ("调解仲裁法", "中华人民共和国劳动争议调解仲裁法", "《中华人民共和国劳动争议调解仲裁法》"):
        assert data.resolve(Citation(law=name, article=27)).law == "劳动争议调解仲裁法"
    assert data.law_id("解释（一）") == "劳动争议解释（一）"
    assert data.canonical(Citation(law="实施条例", article=6)).law == "劳动合同法实施条例"


@pytest.mark.parametrize(
    ("citation", "message"),
    [
        (Citation(law="劳动保护法", article=1), "没有《劳动保护法》"),
        (Citation(law="劳动合同法", article=99), "没有第九十九条"),
        (Citation(law="劳动合同法", article=47, clause=4), "只有3款"),
        (Citation(law="劳动合同法", article=38, clause=1, item=7), "只有6项"),
    ],
)
def test_unresolvable_citation_is_an_error(citation, message):
    with pytest.raises(CitationError, match=message):
        statutes().resolve(citation)
    assert not statutes().exists(citation)
    with pytest.raises(CitationError):
        format_citation(citation)


def test_format_citation():
    assert format_citation(Citation(law="劳动合同法", article=47, clause=1)) == "《中华人民共和国劳动合同法》第四十七条第一款"
    assert format_citation(Citation(law="调解仲裁法", article=47, item=1)) == "《中华人民共和国劳动争议调解仲裁法》第四十七条第一项"
    assert (
        format_citation(Citation(law="劳动争议解释（一）", article=42))
        == "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第四十二条"
    )
    assert (
        format_citations([Citation(law="劳动合同法", article=46), Citation(law="劳动合同法", article=47),
                          Citation(law="劳动法", article=44)])
        == "《中华人民共和国劳动合同法》第四十六条、第四十七条，《中华人民共和国劳动法》第四十四条"
    )


def test_round_trip_format_then_find():
    data = statutes()
    cites = [Citation(law=law, article=n) for law, ns in REQUIRED.items() for n in ns]
    cites += [
        Citation(law="劳动合同法", article=47, clause=2),
        Citation(law="劳动合同法", article=38, clause=1, item=3),
        Citation(law="劳动争议调解仲裁法", article=47, item=1),
        Citation(law="劳动合同法", article=97, clause=3),
    ]
    for c in cites:
        text = f"根据{format_citation(c)}之规定，本委予以支持。"
        assert find_citations(text) == [data.canonical(c)], text


def test_find_citations_in_award_text():
    text = (
        "本委认为，依据《中华人民共和国劳动合同法》第四十六条、第四十七条第一款、第三款之规定，被申请人应支付经济补偿。"
        "同法第八十七条规定了赔偿金。根据《劳动争议调解仲裁法》第二十七条第四款，申请人的请求未超过仲裁时效。"
        "第四十七条另有规定。"  # a bare article with no law in its sentence is not bound to the last law
    )
    assert [str(c) for c in find_citations(text)] == [
        "劳动合同法第46条", "劳动合同法第47条第1款", "劳动合同法第47条第3款", "劳动合同法第87条",
        "劳动争议调解仲裁法第27条第4款",
    ]


def test_unknown_law_is_reported_not_dropped():
    found = find_citations("依据《国务院关于职工工作时间的规定》第三条")
    assert len(found) == 1 and found[0].article == 3
    assert not statutes().exists(found[0])


@needs_shared
def test_find_citations_in_official_cases():
    """Every 《…》第X条 written in the typical cases is found; those of laws we ship resolve."""
    data = statutes()
    for p in sorted((SHARED / "cases").glob("*.md")):
        text = p.read_text(encoding="utf-8")
        written = re.findall(rf"《([^》]+)》第([{NUM}]+)条", text)
        found = find_citations(text)
        assert len(found) >= len(written), p.name
        for name, n in written:
            if data.law_id(name):
                assert any(c.law == data.law_id(name) and to_chinese(c.article) == n for c in found)


def test_format_citations_groups_clauses_and_items():
    c = Citation
    assert format_citations([c(law="调解仲裁法", article=27, clause=1), c(law="调解仲裁法", article=27, clause=4)]) == (
        "《中华人民共和国劳动争议调解仲裁法》第二十七条第一款、第四款"
    )
    assert format_citations([c(law="劳动合同法", article=38, clause=1, item=2),
                             c(law="劳动合同法", article=38, clause=1, item=3),
                             c(law="劳动合同法", article=46)]) == (
        "《中华人民共和国劳动合同法》第三十八条第一款第二项、第三项、第四十六条"
    )
    # and what it writes is read back
    text = format_citations([c(law="劳动合同法", article=47, clause=1), c(law="劳动合同法", article=47, clause=3)])
    assert [str(x) for x in find_citations(text)] == ["劳动合同法第47条第1款", "劳动合同法第47条第3款"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依据劳动合同法第82条第1款", ["劳动合同法第82条第1款"]),
        ("依据《劳动合同法》第四十七条", ["劳动合同法第47条"]),
        ("根据劳动合同法实施条例第六条、第七条", ["劳动合同法实施条例第6条", "劳动合同法实施条例第7条"]),
        ("依照《工伤保险条例》第三十三条第二款的规定", ["工伤保险条例第33条第2款"]),
        ("依据《劳动法》第四十四条。该法第四十五条亦有规定", ["劳动法第44条", "劳动法第45条"]),
    ],
)
def test_find_citation_forms(text, expected):
    assert [str(c) for c in find_citations(text)] == expected


def test_builder_reproduces_the_shipped_json():
    """corpus/law/build_statutes.py run on ../shared gives exactly the committed article structure."""
    if not (SHARED / "statutes").is_dir():
        pytest.skip("../shared/data/statutes (public statute texts) is not present")
    import importlib.util
    import json

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build_statutes", root / "corpus" / "law" / "build_statutes.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for path in sorted((SHARED / "statutes").glob("*.md")):
        stem = path.stem.partition("(")[0]
        law_id = builder.LAWS[stem][0]
        title, articles = builder.parse(path.read_text(encoding="utf-8"))
        shipped = json.loads((root / "corpus" / "law" / "statutes" / f"{law_id}.json").read_text(encoding="utf-8"))
        assert shipped["title"] == title and shipped["articles"] == articles, law_id
