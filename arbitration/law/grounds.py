"""劳动合同解除、终止的法定事由 by meaning: which article of the 劳动合同法 (第36–41、44、46条) a notice or a
statement relies on, from the article it names or, when it names none, from the words of the ground
(corpus/law/grounds.toml), so 「客观情况发生重大变化、劳动合同无法履行」 is 第四十条第三项 even without a number.

    termination_ground("因客观情况发生重大变化，劳动合同无法履行，公司决定解除")  # (40, None, 3)
    recognise("依据劳动合同法第四十四条第一项，劳动合同期满终止").kind                  # 「终止」
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from arbitration.config import CORPUS_DIR
from arbitration.errors import ArbitrationError
from arbitration.model import Citation

GROUNDS_FILE = CORPUS_DIR / "law" / "grounds.toml"
LAW = "劳动合同法"
SEVERANCE = ("yes", "no", "conditional")
PRE2008 = ("old_rule", "old_rule_12", "none", "")
# a cue right after one of these is denied, not relied on: 「并未拖欠工资」「不存在客观情况发生重大变化」
_NEGATED = re.compile(r"(?:未|没有|并非|不是|不属于|不存在|否认|从未|并无|无任何)[^，。；,;]{0,2}$")


@dataclass(frozen=True)
class Ground:
    """One statutory ground for ending an employment contract, with what the law attaches to it."""

    id: str
    article: int
    name: str  # the statutory wording
    kind: str  # 「解除」 | 「终止」: how a claim for 经济补偿 on this ground is named
    by: str  # employer | employee | mutual | none
    severance: str  # yes | no | conditional (第四十六条; conditional: who proposed, renewal terms …)
    clause: int | None = None
    item: int | None = None
    notice_pay: bool = False  # 第四十条: 代通知金 when 30 days' written notice was not given
    pre2008: str = ""  # 第九十七条第三款 rule for service before 2008 (calculators.severance); "" = depends
    pre2008_basis: str = ""
    cues: tuple[re.Pattern[str], ...] = ()

    @property
    def citation(self) -> Citation:
        return Citation(law=LAW, article=self.article, clause=self.clause, item=self.item)

    @property
    def key(self) -> tuple[int, int | None, int | None]:
        return self.article, self.clause, self.item

    @property
    def specific(self) -> bool:
        """Names the 款 or 项, not just the article."""
        return self.item is not None or self.clause is not None

    @property
    def label(self) -> str:
        """「劳动合同法第四十条第三项（劳动合同订立时所依据的客观情况发生重大变化……）」"""
        from arbitration.law.statutes import format_citation

        return f"{format_citation(self.citation)}（{self.name}）"


@dataclass(frozen=True)
class Requirement:
    """What the law adds to a ground before it can end a contract (第四十条第三项: the consultation on changing the
    contract; 第六十五条第二款: a return by the user unit on a ground of 第三十九条 or 第四十条第一、二项): the grounds
    (or the words of an ending) it applies to, and the words a finding uses when it tells of it."""

    id: str
    what: str
    articles: tuple[Citation, ...]
    said: str = ""
    grounds: tuple[str, ...] = ()
    context: tuple[re.Pattern[str], ...] = ()
    when: tuple[re.Pattern[str], ...] = ()
    shown: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Told:
    """Words of the tribunal's findings that bear on the employer's ground: the worker's own leaving, and the facts
    a ground rests on (conduct, an admission, the rules, the union told of it)."""

    worker_left: tuple[re.Pattern[str], ...]
    ground_facts: tuple[re.Pattern[str], ...]
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Grounds:
    """All grounds, and the ground each item of 第四十六条 refers to."""

    grounds: tuple[Ground, ...]
    severance_items: dict[int, str]
    told: Told = Told((), (), ())

    def get(self, ground_id: str) -> Ground:
        for g in self.grounds:
            if g.id == ground_id:
                return g
        raise KeyError(ground_id)

    def by_key(self, article: int, clause: int | None = None, item: int | None = None) -> Ground | None:
        """The ground of that article, 款 and 项; the article-level ground when the 项 is not in the data."""
        for want in ((article, clause, item), (article, None, item), (article, clause, None), (article, None, None)):
            for g in self.grounds:
                if g.key == want:
                    return g
        return None


def _citation(text: str, where: str) -> Citation:
    """「劳动合同法:40::3」 → the citation (款 and 项 may be left empty)."""
    parts = (text.split(":") + ["", "", ""])[:4]
    try:
        return Citation(law=parts[0], article=int(parts[1]), clause=int(parts[2]) if parts[2] else None,
                        item=int(parts[3]) if parts[3] else None)
    except ValueError as e:
        raise ArbitrationError(f"{where}：条文写法有误：{text}") from e


def _patterns(rows: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(c) for c in rows)
    except re.error as e:
        raise ArbitrationError(f"{where}：用语正则有误：{e}") from e


def _told(data: dict, path: Path) -> Told:
    told = data.get("told", {})
    reqs = []
    for i, r in enumerate(data.get("requirement", []), 1):
        where = f"{path} 第{i}条 [[requirement]]"
        try:
            reqs.append(Requirement(
                id=r["id"], what=r["what"], said=r.get("said", ""), articles=tuple(_citation(a, where) for a in r["articles"]),
                grounds=tuple(r.get("grounds", [])), context=_patterns(r.get("context", []), where),
                when=_patterns(r.get("when", []), where), shown=_patterns(r.get("shown", []), where)))
        except KeyError as e:
            raise ArbitrationError(f"{where}：缺少字段 {e}") from e
    return Told(_patterns(told.get("worker_left", []), f"{path} [told]"),
                _patterns(told.get("ground_facts", []), f"{path} [told]"), tuple(reqs))


def _ground(row: dict, where: str) -> Ground:
    try:
        g = Ground(
            id=row["id"], article=int(row["article"]), name=row["name"], kind=row["kind"], by=row["by"],
            severance=row["severance"], clause=row.get("clause") or None, item=row.get("item") or None,
            notice_pay=bool(row.get("notice_pay", False)), pre2008=row.get("pre2008", ""),
            pre2008_basis=row.get("pre2008_basis", ""),
            cues=tuple(re.compile(c) for c in row.get("cues", [])),
        )
    except KeyError as e:
        raise ArbitrationError(f"{where}：缺少字段 {e}") from e
    except re.error as e:
        raise ArbitrationError(f"{where}：用语正则有误：{e}") from e
    if g.kind not in ("解除", "终止") or g.severance not in SEVERANCE or g.pre2008 not in PRE2008:
        raise ArbitrationError(f"{where}：kind、severance 或 pre2008 取值有误")
    return g


def load_grounds(path: Path = GROUNDS_FILE) -> Grounds:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ArbitrationError(f"解除终止事由文件无法读取：{path}：{e}") from e
    rows = [_ground(r, f"{path} 第{i}条 [[ground]]") for i, r in enumerate(data.get("ground", []), 1)]
    items = {int(k): v for k, v in data.get("severance_items", {}).items()}
    out = Grounds(tuple(rows), items, _told(data, Path(path)))
    for gid in [*items.values(), *(g for r in out.told.requirements for g in r.grounds)]:
        out.get(gid)  # KeyError names a severance item or a requirement pointing nowhere
    return out


@lru_cache(maxsize=1)
def grounds() -> Grounds:
    """The grounds of corpus/law/grounds.toml (cached)."""
    return load_grounds()


# 「第（三）项」「第3项」 → 「第三项」, so the citation finder reads the item
_ITEM = re.compile(r"第\s*[（(]\s*([一二三四五六七八九十\d]+)\s*[)）]\s*(项|款)")


def _named(text: str, data: Grounds) -> Ground | None:
    """The ground of the first 劳动合同法 article the text names (第四十六条第N项 → the ground it refers to)."""
    from arbitration.law.statutes import find_citations

    for c in find_citations(_ITEM.sub(r"第\1\2", text)):
        if c.law != LAW:
            continue
        if c.article == 46 and c.item in data.severance_items:
            return data.get(data.severance_items[c.item])
        g = data.by_key(c.article, c.clause, c.item)
        if g is not None:
            return g
    return None


def _by_words(text: str, data: Grounds) -> list[tuple[int, Ground]]:
    """(position, ground) of every cue in the text that is not denied."""
    found: list[tuple[int, Ground]] = []
    for g in data.grounds:
        for cue in g.cues:
            for m in cue.finditer(text):
                if not _NEGATED.search(text[max(0, m.start() - 6) : m.start()]):
                    found.append((m.start(), g))
                    break
    return sorted(found, key=lambda x: x[0])


def recognise(text: str | None, data: Grounds | None = None) -> Ground | None:
    """The ground `text` relies on: the article it names (refined to the 项 its words describe when it names
    only the article), else the words of a ground — a 项 before a whole article, then the earliest."""
    if not text or not text.strip():
        return None
    data = data or grounds()
    named = _named(text, data)
    words = _by_words(text, data)
    if named is not None:
        if not named.specific:
            same = [g for _, g in words if g.article == named.article and g.specific]
            return same[0] if same else named
        return named
    if not words:
        return None
    specific = [g for _, g in words if g.specific]
    return specific[0] if specific else words[0][1]


def ground_of(termination: Any) -> Ground | None:
    """The ground of a `model.Termination`: from its article and stated reason, else what its mode says (an
    expired contract is 第四十四条第一项, an agreed end 第三十六条); None when nothing says."""
    if termination is None:
        return None
    words = " ".join(x for x in (termination.statute_basis, termination.reason, termination.mode) if x)
    found = recognise(words)
    if found is None:
        by_initiator = {"expiry": "lcl44_1", "mutual": "lcl36"}.get(str(termination.initiator))
        found = grounds().get(by_initiator) if by_initiator else None
    return found


def termination_ground(text: str | None) -> tuple[int, int | None, int | None] | None:
    """(article, clause, item) of the 劳动合同法 ground `text` relies on, or None when it states none."""
    g = recognise(text)
    return g.key if g is not None else None


__all__ = ["Ground", "Grounds", "Requirement", "Told", "ground_of", "grounds", "load_grounds", "recognise", "termination_ground"]
