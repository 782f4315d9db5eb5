"""Regional figures (corpus/law/regions.toml, plus $ARBITRATION_REGIONS): monthly minimum wage by city and date,
and the previous year's average monthly wage by city and year, each with its source. A missing figure raises
MissingParameter naming the city, the year and the file to edit — never a zero or a guess. A figure not yet checked
against its official document (`verified = false`) carries 「【未经核对】」 in its source, so every calculation that
quotes it shows that."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from arbitration.config import CORPUS_DIR
from arbitration.errors import ArbitrationError, MissingParameter

REGIONS_FILE = CORPUS_DIR / "law" / "regions.toml"
ENV_EXTRA = "ARBITRATION_REGIONS"
STALE_DAYS = 2 * 366  # a minimum wage older than this on the lookup date gets a note to check for a newer one
UNVERIFIED = "【未经核对】"


@dataclass(frozen=True)
class Figure:
    """One regional figure with its source: minimum wage (effective date) or average wage (year)."""

    kind: str  # "minimum_wage" | "average_wage"
    city: str
    monthly: Decimal
    source: str
    effective: date | None = None  # minimum wage: in force from
    year: int | None = None  # average wage: the statistical year (上年度)
    tier: str = ""
    note: str = ""
    verified: bool = False  # checked against the official document (set true in the file once checked)
    stale: str = ""  # set on lookup: the figure is old on the date asked, check for a newer one
    province: str = ""


class Regions:
    """All figures; lookups by city (「青岛」「青岛市黄岛区」 → 青岛市) and date or year."""

    def __init__(self, figures: list[Figure], files: tuple[Path, ...]) -> None:
        self.figures = figures
        self.files = files

    @property
    def cities(self) -> list[str]:
        return sorted({f.city for f in self.figures})

    def city(self, name: str) -> str:
        """Normalise a place name to a city in the data; the name itself when no city matches."""
        if not name or not name.strip():
            raise MissingParameter(f"未给出城市，无法查找地区参数（{REGIONS_FILE}）")
        s = name.strip()
        for c in sorted(self.cities, key=len, reverse=True):
            short = c.removesuffix("市")
            if s == c or s == short or s.startswith(c) or s.startswith(short):
                return c
            if c in s:  # 「山东省青岛市」
                return c
        return s

    def _edit_hint(self) -> str:
        return f"请在 {self.files[-1] if len(self.files) > 1 else REGIONS_FILE} 中添加（或用环境变量 {ENV_EXTRA} 指定本机构的参数文件）"

    def minimum_wage(self, city: str, on: date) -> Figure:
        """The monthly minimum wage in force in `city` on `on` (the latest effective date not after it)."""
        c = self.city(city)
        found = [f for f in self.figures if f.kind == "minimum_wage" and f.city == c and f.effective and f.effective <= on]
        if not found:
            raise MissingParameter(
                f"缺少{c}在{on.isoformat()}适用的月最低工资标准（{on.year}年）；{self._edit_hint()}一条 [[minimum_wage]]，"
                f"写明 city、monthly、effective 和 source"
            )
        fig = max(reversed(found), key=lambda f: f.effective)  # type: ignore[arg-type]  # a later file wins a tie
        if fig.effective and (on - fig.effective).days > STALE_DAYS:
            fig = replace(fig, stale=(
                f"该标准自{fig.effective.year}年{fig.effective.month}月{fig.effective.day}日起执行已逾两年"
                f"（最低工资标准每两年至少调整一次），请核对是否已有新标准"
            ))
        return fig

    def history(self, city: str) -> list[Figure]:
        """All minimum-wage figures of `city`, oldest first."""
        c = self.city(city)
        return sorted(
            (f for f in self.figures if f.kind == "minimum_wage" and f.city == c),
            key=lambda f: f.effective or date.min,
        )

    def average_wage(self, city: str, year: int) -> Figure:
        """The average monthly wage of `city` for statistical year `year` (pass leave.year - 1 for 上年度)."""
        c = self.city(city)
        found = [f for f in self.figures if f.kind == "average_wage" and f.city == c and f.year == year]
        if not found:
            raise MissingParameter(
                f"缺少{c}{year}年度职工月平均工资；{self._edit_hint()}一条 [[average_wage]]，写明 city、year、monthly 和 source"
            )
        return found[-1]


def _money(raw: object, where: str) -> Decimal:
    try:
        value = Decimal(str(raw))
    except (InvalidOperation, ValueError) as e:
        raise ArbitrationError(f"{where}：金额不是数字：{raw!r}") from e
    if value <= 0:
        raise ArbitrationError(f"{where}：金额必须大于零：{raw!r}")
    return value


def _read(path: Path) -> list[Figure]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ArbitrationError(f"地区参数文件无法读取：{path}：{e}") from e
    out: list[Figure] = []
    for kind in ("minimum_wage", "average_wage"):
        for i, row in enumerate(data.get(kind, []), start=1):
            where = f"{path} 第{i}条 [[{kind}]]"
            if not row.get("source"):
                raise ArbitrationError(f"{where}：必须写明来源 source")
            verified = row.get("verified", False)
            if not isinstance(verified, bool):
                raise ArbitrationError(f"{where}：verified 应为 true 或 false")
            # an unchecked figure says so wherever its source is quoted (steps of a calculation, the award)
            source = row["source"] if verified else f"{row['source']}{UNVERIFIED}"
            try:
                out.append(
                    Figure(
                        kind=kind,
                        city=row["city"],
                        monthly=_money(row["monthly"], where),
                        source=source,
                        effective=row.get("effective") if kind == "minimum_wage" else None,
                        year=int(row["year"]) if kind == "average_wage" else None,
                        tier=row.get("tier", ""),
                        note=row.get("note", ""),
                        verified=verified,
                        province=row.get("province", ""),
                    )
                )
            except KeyError as e:
                raise ArbitrationError(f"{where}：缺少字段 {e}") from e
            if kind == "minimum_wage" and not isinstance(out[-1].effective, date):
                raise ArbitrationError(f"{where}：effective 应为日期，如 2021-10-01")
    return out


def load_regions(*extra: Path) -> Regions:
    files = (REGIONS_FILE, *extra)
    figures: list[Figure] = []
    for p in files:
        figures.extend(_read(Path(p)))
    return Regions(figures, tuple(Path(p) for p in files))


@lru_cache(maxsize=1)
def regions() -> Regions:
    """The shipped figures plus the office's file named by $ARBITRATION_REGIONS (cached)."""
    extra = os.environ.get(ENV_EXTRA)
    return load_regions(*([Path(extra)] if extra else []))


def minimum_wage(city: str, on: date) -> Figure:
    return regions().minimum_wage(city, on)


def average_wage(city: str, year: int) -> Figure:
    return regions().average_wage(city, year)
