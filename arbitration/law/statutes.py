"""Statutes as data (corpus/law/statutes/*.json): resolve a Citation to its article, render it in Chinese,
and find the citations written in a Chinese text. A reference that does not resolve is a CitationError."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from arbitration.config import CORPUS_DIR
from arbitration.errors import CitationError
from arbitration.law.numerals import from_chinese, to_chinese
from arbitration.model import Citation

STATUTES_DIR = CORPUS_DIR / "law" / "statutes"


@dataclass(frozen=True)
class Clause:
    """One 款 of an article: its lead text and its 项 (items), in order."""

    text: str
    items: tuple[str, ...] = ()

    @property
    def full_text(self) -> str:
        return self.text + "".join(
            f"（{to_chinese(i)}）{t}" for i, t in enumerate(self.items, start=1)
        )


@dataclass(frozen=True)
class Article:
    """One 条 of a law: law id, full title, number and clauses."""

    law: str  # law id, e.g. 「劳动合同法」
    title: str  # full title, e.g. 「中华人民共和国劳动合同法」
    number: int
    clauses: tuple[Clause, ...]
    heading: str = ""  # only for documents numbered by parts (the 21.75 notice)
    chapter: str = ""  # 章/节 the article stands in, e.g. 「第四章 劳动合同的解除和终止」

    @property
    def text(self) -> str:
        return "\n".join(c.full_text for c in self.clauses)


@dataclass(frozen=True)
class Law:
    """A law or regulation: id, full title, aliases, version date and its articles by number."""

    id: str
    title: str
    aliases: tuple[str, ...]
    version: str
    source: str
    articles: dict[int, Article]


class Statutes:
    """The statute data: look laws up by id, title or alias; resolve citations."""

    def __init__(self, laws: list[Law]) -> None:
        self.laws: dict[str, Law] = {law.id: law for law in laws}
        self._names: dict[str, str] = {}
        for law in laws:
            for name in (law.id, law.title, *law.aliases):
                self._names[_norm(name)] = law.id
        # longest first, so 「劳动合同法实施条例」 wins over 「劳动合同法」
        self.names_longest_first: list[str] = sorted(
            {n for law in laws for n in (law.id, law.title, *law.aliases)}, key=len, reverse=True
        )

    @classmethod
    def load(cls, directory: Path = STATUTES_DIR) -> Statutes:
        files = sorted(directory.glob("*.json"))
        if not files:
            raise CitationError(f"没有法规数据：{directory} 下没有 *.json（运行 corpus/law/build_statutes.py）")
        return cls([_read_law(p) for p in files])

    def law_id(self, name: str) -> str | None:
        """The law id for an id, a full title (with or without 《》) or an alias; None when unknown."""
        return self._names.get(_norm(name))

    def law(self, name: str) -> Law:
        law_id = self.law_id(name)
        if law_id is None:
            raise CitationError(f"法规数据中没有《{name.strip('《》')}》")
        return self.laws[law_id]

    def resolve(self, citation: Citation) -> Article:
        """The article a citation points to; CitationError naming the reference when it (or its 款/项) is absent."""
        law_id = self.law_id(citation.law)
        if law_id is None:
            raise CitationError(f"无法解析的法条引用「{citation}」：法规数据中没有《{citation.law}》")
        article = self.laws[law_id].articles.get(citation.article)
        if article is None:
            raise CitationError(f"无法解析的法条引用「{citation}」：《{self.laws[law_id].title}》没有第{to_chinese(citation.article)}条")
        if citation.clause is not None and not 1 <= citation.clause <= len(article.clauses):
            raise CitationError(f"无法解析的法条引用「{citation}」：该条只有{len(article.clauses)}款")
        if citation.item is not None:
            clause = article.clauses[(citation.clause or 1) - 1]
            if not 1 <= citation.item <= len(clause.items):
                raise CitationError(f"无法解析的法条引用「{citation}」：该款只有{len(clause.items)}项")
        return article

    def exists(self, citation: Citation) -> bool:
        try:
            self.resolve(citation)
        except CitationError:
            return False
        return True

    def text(self, citation: Citation) -> str:
        """The cited text: the whole article, or just the cited 款, or just the cited 项."""
        article = self.resolve(citation)
        if citation.clause is None and citation.item is None:
            return article.text
        clause = article.clauses[(citation.clause or 1) - 1]
        if citation.item is not None:
            return f"（{to_chinese(citation.item)}）{clause.items[citation.item - 1]}"
        return clause.full_text

    def canonical(self, citation: Citation) -> Citation:
        """The same citation with the law given by its id (「调解仲裁法」 → 「劳动争议调解仲裁法」)."""
        law_id = self.law_id(citation.law)
        return citation if law_id is None else citation.model_copy(update={"law": law_id})


def _norm(name: str) -> str:
    return name.strip().strip("《》").replace("(", "（").replace(")", "）").replace(" ", "")


def _read_law(path: Path) -> Law:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = {
            a["number"]: Article(
                law=data["id"],
                title=data["title"],
                number=int(a["number"]),
                clauses=tuple(Clause(c["text"], tuple(c.get("items", []))) for c in a["clauses"]),
                heading=a.get("heading", ""),
                chapter=a.get("chapter", ""),
            )
            for a in data["articles"]
        }
        return Law(
            id=data["id"],
            title=data["title"],
            aliases=tuple(data.get("aliases", [])),
            version=data.get("version", ""),
            source=data.get("source", ""),
            articles=articles,
        )
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise CitationError(f"法规数据文件无法读取：{path}：{e}") from e


@lru_cache(maxsize=1)
def statutes() -> Statutes:
    """The statute data shipped under corpus/law/statutes (loaded once)."""
    return Statutes.load()


def format_citation(c: Citation, *, check: bool = True) -> str:
    """「《中华人民共和国劳动合同法》第四十七条第一款」; raises CitationError when it does not resolve (check=True)."""
    data = statutes()
    if check:
        data.resolve(c)
    law_id = data.law_id(c.law)
    title = data.laws[law_id].title if law_id else c.law
    out = f"《{title}》第{to_chinese(c.article)}条"
    if c.clause:
        out += f"第{to_chinese(c.clause)}款"
    if c.item:
        out += f"第{to_chinese(c.item)}项"
    return out


def format_citations(cs: list[Citation]) -> str:
    """Several citations, grouping articles of one law and clauses of one article: 「《…劳动合同法》第四十六条、
    第四十七条第一款、第三款」."""
    parts: list[str] = []
    last: Citation | None = None
    last_law: str | None = None
    for c in cs:
        text = format_citation(c)
        law = statutes().law_id(c.law)
        if law == last_law and last is not None and c.article == last.article and c.clause and last.clause:
            # 「第二十七条第一款、第四款」, 「第三十八条第一款第二项、第三项」
            rest = text.split("》", 1)[1].split("条", 1)[1]
            if c.clause == last.clause and c.item and last.item:
                rest = rest.split("款", 1)[1]
            parts.append("、" + rest)
        elif law == last_law:
            parts.append("、" + text.split("》", 1)[1])
        else:
            parts.append(("，" if parts else "") + text)
        last_law, last = law, c
    return "".join(parts)


# ---------------------------------------------------------------- finding citations in text

_N = "零〇一二三四五六七八九十百千两0-9０-９"
_ARTICLE_RE = rf"第(?P<an>[{_N}]+)条(?:第(?P<ac>[{_N}]+)款)?(?:第(?P<ai>[{_N}]+)项)?"
_REFER = ("同法", "该法", "本法", "上述法律", "该条例", "本条例", "同条例", "该规定", "该办法", "该解释")
_GAP_OK = re.compile(r"^[\s、，,和及与或以及、之]*$")


def _mention_pattern() -> re.Pattern[str]:
    return _compiled_pattern(statutes())


@lru_cache(maxsize=4)
def _compiled_pattern(data: Statutes) -> re.Pattern[str]:
    """The mention pattern for one statute data set (compiled once; the name list has ~40 alternatives)."""
    names = "|".join(re.escape(n) for n in data.names_longest_first)
    refer = "|".join(_REFER)
    return re.compile(
        rf"(?P<law>《(?P<book>[^《》]{{2,60}})》|(?P<bare>{names})|(?P<refer>{refer}))"
        rf"|(?P<art>{_ARTICLE_RE})|(?P<cont>(?<=[、和及与])第(?P<cn>[{_N}]+)(?P<unit>款|项))"
    )


def find_citations(text: str) -> list[Citation]:
    """Every citation in a text, in order: 《…》第X条、第Y条, 第X条第Y款第Z项, and 同法/该法/本法 bound to the
    last law named. Unresolvable references are returned too (law as written), so callers can report them."""
    pattern = _mention_pattern()
    data = statutes()
    out: list[Citation] = []
    law: str | None = None  # law the next article number binds to
    last_end = 0  # end of the last law mention or article reference
    bound = False  # whether an article may still bind to `law` (same sentence)
    for m in pattern.finditer(text):
        gap = text[last_end : m.start()]
        if any(ch in gap for ch in "。；;\n"):
            bound = False
        if m.group("law"):
            if m.group("refer"):
                bound = law is not None
            else:
                name = m.group("book") or m.group("bare")
                law = data.law_id(name) or _norm(name)
                bound = True
            last_end = m.end()
        elif m.group("art"):
            if law is None or not bound:
                continue  # a bare 第X条 with no law in this sentence: not a citation we can bind
            try:
                art = from_chinese(m.group("an"))
                clause = from_chinese(m.group("ac")) if m.group("ac") else None
                item = from_chinese(m.group("ai")) if m.group("ai") else None
            except ValueError:
                continue
            out.append(Citation(law=law, article=art, clause=clause, item=item))
            last_end = m.end()
        elif m.group("cont"):
            # 「第四十七条第一款、第二款」: another 款/项 of the previous article
            if not out or not _GAP_OK.match(gap) or not bound:
                continue
            try:
                n = from_chinese(m.group("cn"))
            except ValueError:
                continue
            prev = out[-1]
            if m.group("unit") == "款":
                out.append(prev.model_copy(update={"clause": n, "item": None}))
            else:
                out.append(prev.model_copy(update={"item": n}))
            last_end = m.end()
    return out
