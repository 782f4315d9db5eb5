"""The claim taxonomy as data (corpus/law/claim_types.toml, plus $ARBITRATION_CLAIM_TYPES): each claim type's
aliases, elements (要件), questions and governing articles. An office adds a type by adding a TOML table."""

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
    final_eligible: bool = False  # may be a 终局 item (调解仲裁法第47条)
    exclude: tuple[str, ...] = ()  # words that rule this type out (e.g. 「赔偿金」 for severance)

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


def _clean(text: str) -> str:
    return _CLEAN.sub("", text)


def _strip_amounts(s: str) -> str:
    s = re.sub(r"[0-9０-９.,，]+(?:万)?元?", "", s)
    return re.sub(r"^(?:请求|要求|申请)?(?:依法)?(?:裁决|裁令|确认|判令)?(?:被申请人)?(?:向申请人)?(?:支付|赔偿|补缴|退还|返还)?", "", s)


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
                    final_eligible=bool(t.get("final_eligible", False)),
                    exclude=tuple(t.get("exclude", [])),
                )
            )
        except KeyError as e:
            raise TaxonomyError(f"{where}：缺少字段 {e}") from e
    return out


def load_taxonomy(*paths: Path) -> Taxonomy:
    """Read the shipped claim types, then each extra file (later tables add or replace types)."""
    types: list[ClaimType] = []
    for p in (CLAIM_TYPES_FILE, *paths):
        types.extend(_parse_file(Path(p)))
    return Taxonomy(types)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The claim taxonomy: the shipped file plus the office's file named by $ARBITRATION_CLAIM_TYPES (cached)."""
    extra = os.environ.get(ENV_EXTRA)
    return load_taxonomy(*([Path(extra)] if extra else []))
