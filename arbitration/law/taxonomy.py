"""The claim taxonomy as data: each claim type's aliases, elements (要件), questions and governing articles.

The shipped types are in corpus/law/claim_types.toml. An office adds or overrides a type without touching Python by
writing a TOML file in the same format (one table per type, see the header of the shipped file) and either passing it
to `load_taxonomy(path)` or naming it — or a folder of *.toml files, or several joined by os.pathsep — in the
environment variable $ARBITRATION_CLAIM_TYPES, which `taxonomy()` reads. Every article a type cites must resolve
against the statute data, or loading fails with a TaxonomyError naming the file and the type."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from arbitration.config import CORPUS_DIR
from arbitration.errors import ArbitrationError
from arbitration.model import FACT_NAMES, Citation

CLAIM_TYPES_FILE = CORPUS_DIR / "law" / "claim_types.toml"
ENV_EXTRA = "ARBITRATION_CLAIM_TYPES"
OTHER = "other"
FINALITY_KINDS = ("amount", "standard")


class TaxonomyError(ArbitrationError):
    """The claim-type data is malformed, or a claim-type id is unknown; the message names the file or id."""


@dataclass(frozen=True)
class Element:
    """One 要件 of a claim: what must be established, the Facts fields it needs, the evidence that usually proves it."""

    name: str
    facts: tuple[str, ...] = ()  # field names of model.Facts
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimType:
    """A claim type: stable id, Chinese name, aliases applicants write, elements, questions and articles."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    elements: tuple[Element, ...]
    questions_applicant: tuple[str, ...]
    questions_respondent: tuple[str, ...]
    articles: tuple[Citation, ...]
    calculator: str | None = None  # name in arbitration.law.calculators.CALCULATORS
    finality: str = ""  # 调解仲裁法第47条: "amount" (第一项, per-item threshold), "standard" (第二项), "" not final
    remuneration: bool = False  # 劳动报酬 for 调解仲裁法第27条第4款 (not time-barred while employed)
    exclude: tuple[str, ...] = ()  # words that rule this type out (e.g. 「赔偿金」 for severance)
    source: str = ""  # the file the type was read from

    @property
    def final_eligible(self) -> bool:
        """Whether an item of this type may be a 终局 item (调解仲裁法第47条)."""
        return self.finality in FINALITY_KINDS

    @property
    def questions(self) -> dict[str, tuple[str, ...]]:
        return {"applicant": self.questions_applicant, "respondent": self.questions_respondent}

    @property
    def facts(self) -> tuple[str, ...]:
        """All Facts fields any element needs, in order."""
        seen: dict[str, None] = {}
        for e in self.elements:
            seen.update(dict.fromkeys(e.facts))
        return tuple(seen)


_CLEAN = re.compile(r"[\s，,。、；;：:“”\"'（）()【】\[\]]")


class Taxonomy:
    """Claim types by id, and alias matching for claim sentences."""

    def __init__(self, types: list[ClaimType]) -> None:
        self._types: dict[str, ClaimType] = {}
        for t in types:
            self._types[t.id] = t  # a later file may redefine a type
        if OTHER not in self._types:
            raise TaxonomyError("分类数据缺少兜底类型 other")
        self._aliases: list[tuple[str, str]] = sorted(
            ((_clean(a), t.id) for t in self._types.values() for a in (t.name, *t.aliases) if _clean(a)),
            key=lambda x: len(x[0]),
            reverse=True,
        )

    def get(self, type_id: str) -> ClaimType:
        try:
            return self._types[type_id]
        except KeyError:
            known = "、".join(self._types)
            raise TaxonomyError(f"未知的请求类型「{type_id}」；已有类型：{known}（在 {CLAIM_TYPES_FILE} 中添加）") from None

    def __contains__(self, type_id: object) -> bool:
        return type_id in self._types

    def all(self) -> list[ClaimType]:
        return list(self._types.values())

    def ids(self) -> list[str]:
        return list(self._types)

    def name(self, type_id: str) -> str:
        return self.get(type_id).name

    def match(self, text: str) -> tuple[str, float]:
        """The claim type of a claim sentence and a confidence in 0..1; ("other", 0.0) when nothing matches.

        The longest alias found wins (「违法解除劳动合同赔偿金」 beats 「赔偿金」, 「二倍工资」 beats 「工资」), and a type's
        exclude words veto it. Confidence grows with the share of the sentence the alias covers."""
        s = _clean(text)
        if not s:
            return OTHER, 0.0
        best: tuple[str, str] | None = None
        for alias, type_id in self._aliases:
            if alias in s and not any(x in s for x in self._types[type_id].exclude):
                best = (alias, type_id)
                break  # aliases are sorted longest first
        if best is None:
            return OTHER, 0.0
        alias, type_id = best
        if type_id == OTHER:
            return OTHER, 0.0
        coverage = len(alias) / max(len(_strip_amounts(s)), 1)
        confidence = min(0.99, 0.5 + 0.05 * min(len(alias), 6) + 0.2 * min(coverage, 1.0))
        return type_id, round(confidence, 2)


    def match_all(self, text: str) -> list[str]:
        """Every claim type named in a sentence, in order of appearance: 「支付拖欠的工资及经济补偿金」 →
        ["unpaid_wages", "severance"]. Longest aliases claim their span first; ["other"] when nothing matches."""
        s = _clean(text)
        taken = [False] * len(s)
        found: list[tuple[int, str]] = []
        for alias, type_id in self._aliases:
            start = s.find(alias)
            if start < 0 or type_id == OTHER or any(x in s for x in self._types[type_id].exclude):
                continue
            while start >= 0:
                end = start + len(alias)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * len(alias)
                    found.append((start, type_id))
                start = s.find(alias, end)
        out: list[str] = []
        for _, type_id in sorted(found):
            if type_id not in out:
                out.append(type_id)
        return out or [OTHER]


def _clean(text: str) -> str:
    return _CLEAN.sub("", text)


@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern[str]:
    """The lead-in of a claim before what it asks (「请求裁决被申请人向申请人支付」「请求判令被告向原告支付」): either
    side's role word before a commission or a court (arbitration.ingest.speech.ROLE_WORDS)."""
    from arbitration.ingest.speech import ROLE_WORDS

    role = "|".join(sorted(map(re.escape, ROLE_WORDS), key=len, reverse=True))
    return re.compile(rf"^(?:请求|要求|申请)?(?:依法)?(?:裁决|裁令|确认|判令|判决)?(?:{role})?(?:向(?:{role}))?"
                      r"(?:支付|赔偿|补缴|退还|返还)?")


def _strip_amounts(s: str) -> str:
    """The words of a claim that name its type: without sums and the lead-in."""
    s = re.sub(r"[0-9０-９.,，]+(?:万)?元?", "", s)
    return _lead_in().sub("", s)


def _citation(raw: dict, where: str) -> Citation:
    try:
        return Citation(law=raw["law"], article=int(raw["article"]), clause=raw.get("clause"), item=raw.get("item"))
    except (KeyError, ValueError, TypeError) as e:
        raise TaxonomyError(f"{where}：法条引用格式不对（需要 law、article）：{raw}") from e


def _parse_file(path: Path) -> list[ClaimType]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise TaxonomyError(f"请求类型数据无法读取：{path}：{e}") from e
    out: list[ClaimType] = []
    for key, t in data.items():
        where = f"{path} [{key}]"
        if not isinstance(t, dict):
            raise TaxonomyError(f"{where}：应为表（table）")
        try:
            elements = tuple(
                Element(e["name"], tuple(e.get("facts", [])), tuple(e.get("evidence", [])))
                for e in t.get("elements", [])
            )
            for e in elements:
                bad = [f for f in e.facts if f not in FACT_NAMES]
                if bad:
                    raise TaxonomyError(f"{where}：要件「{e.name}」引用了不存在的事实字段 {bad}")
            q = t.get("questions", {})
            finality = t.get("finality")
            if finality is None:  # older files: final_eligible = true/false
                finality = "amount" if t.get("final_eligible") else ""
            if finality not in ("", *FINALITY_KINDS):
                raise TaxonomyError(f"{where}：finality 只能是 \"amount\"、\"standard\" 或空串，而不是 {finality!r}")
            out.append(
                ClaimType(
                    id=t.get("id", key),
                    name=t["name"],
                    category=t.get("category", "其他"),
                    aliases=tuple(t.get("aliases", [])),
                    elements=elements,
                    questions_applicant=tuple(q.get("applicant", [])),
                    questions_respondent=tuple(q.get("respondent", [])),
                    articles=tuple(_citation(a, where) for a in t.get("articles", [])),
                    calculator=t.get("calculator") or None,
                    finality=finality,
                    remuneration=bool(t.get("remuneration", False)),
                    exclude=tuple(t.get("exclude", [])),
                    source=str(path),
                )
            )
        except KeyError as e:
            raise TaxonomyError(f"{where}：缺少字段 {e}") from e
    return out


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.toml"))
    if not path.is_file():
        raise TaxonomyError(f"请求类型数据文件不存在：{path}")
    return [path]


def _check_articles(types: list[ClaimType]) -> None:
    from arbitration.law.statutes import (
        statutes,  # same layer; imported here to keep module import light
    )

    data = statutes()
    for t in types:
        for c in t.articles:
            if not data.exists(c):
                raise TaxonomyError(f"{t.source} [{t.id}]：法条引用「{c}」在法规数据中不存在")


def load_taxonomy(*paths: Path | str, check: bool = True) -> Taxonomy:
    """Read the shipped claim types, then each extra file or folder of *.toml (later tables add or replace types).

    With check=True every cited article must resolve in the statute data (CitationError is never deferred to the
    award)."""
    types: list[ClaimType] = []
    for p in (CLAIM_TYPES_FILE, *paths):
        for f in _files(Path(p)):
            types.extend(_parse_file(f))
    if check:
        _check_articles(types)
    return Taxonomy(types)


def extra_paths() -> list[Path]:
    """The office's extra claim-type files or folders named by $ARBITRATION_CLAIM_TYPES (os.pathsep-separated)."""
    raw = os.environ.get(ENV_EXTRA, "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The claim taxonomy: the shipped file plus the office's files named by $ARBITRATION_CLAIM_TYPES (cached;
    call `taxonomy.cache_clear()` after changing the variable)."""
    return load_taxonomy(*extra_paths())
