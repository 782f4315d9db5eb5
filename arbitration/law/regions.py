"""Regional figures (corpus/law/regions.toml, plus $ARBITRATION_REGIONS, plus the office's own entries in the data
dir — `arbitration law region set` or the web workspace's admin page write them): monthly minimum wage by city and
date, and the previous year's average monthly wage by city and year, each with its source. A missing figure raises
MissingParameter naming the city and the year, and how to enter it — never a zero or a guess. A figure not yet checked
against its official document (`verified = false`) carries 「【未经核对】」 in its source, so every calculation that
quotes it shows that."""

from __future__ import annotations

import json
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
OFFICE_FILE = "regions.toml"  # in the data dir: the office's figures, entered once, read by every stage
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
            raise MissingParameter("未给出城市，无法查找地区参数", "请在案件中写明地区，或在配置中设置 region")
        s = name.strip()
        for c in sorted(self.cities, key=len, reverse=True):
            short = c.removesuffix("市")
            if s == c or s == short or s.startswith(c) or s.startswith(short):
                return c
            if c in s:  # 「山东省青岛市」
                return c
        return s

    def _edit_hint(self, city: str, *, year: int | None = None) -> str:
        """How a clerk enters the missing figure once for every stage: the command, or the web admin page."""
        what = (f"--year {year} --average-wage 金额" if year is not None
                else "--minimum-wage 金额 --effective 生效日期")
        return (f"请录入：arbitration law region set {city} {what} --source 来源（核对官方文件后加 --verified），"
                f"或在网页工作台「地区参数」管理页面录入；录入后保存在数据目录的 {OFFICE_FILE} 中，各环节通用"
                f"（已读取：{'、'.join(p.name for p in self.files)}）")

    def minimum_wage(self, city: str, on: date) -> Figure:
        """The monthly minimum wage in force in `city` on `on` (the latest effective date not after it)."""
        c = self.city(city)
        found = [f for f in self.figures if f.kind == "minimum_wage" and f.city == c and f.effective and f.effective <= on]
        if not found:
            raise MissingParameter(f"缺少{c}在{on.isoformat()}适用的月最低工资标准（{on.year}年）", self._edit_hint(c))
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
            raise MissingParameter(f"缺少{c}{year}年度职工月平均工资", self._edit_hint(c, year=year))
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


def office_file(data_dir: Path | None = None) -> Path:
    """The office's own figures: data_dir/regions.toml (the configured data dir by default)."""
    if data_dir is None:
        from arbitration.config import settings

        data_dir = settings().data_dir
    return Path(data_dir) / OFFICE_FILE


@lru_cache(maxsize=1)
def regions() -> Regions:
    """The shipped figures, then the file named by $ARBITRATION_REGIONS, then the office's entries in the data dir
    (a later file wins); cached — `set_figure` clears the cache."""
    extra = os.environ.get(ENV_EXTRA)
    files = [Path(extra)] if extra else []
    if office_file().is_file():
        files.append(office_file())
    return load_regions(*files)


def _toml_row(kind: str, row: dict[str, object]) -> str:
    lines = [f"[[{kind}]]"]
    for k, v in row.items():
        if isinstance(v, bool):
            lines.append(f"{k} = {'true' if v else 'false'}")
        elif isinstance(v, date | int | float):
            lines.append(f"{k} = {v.isoformat() if isinstance(v, date) else v}")
        else:
            lines.append(f"{k} = {json.dumps(str(v), ensure_ascii=False)}")
    return "\n".join(lines)


def set_figure(kind: str, city: str, monthly: Decimal | int | str, source: str, *, year: int | None = None,
               effective: date | None = None, verified: bool = False, tier: str = "",
               data_dir: Path | None = None) -> Figure:
    """Enter (or replace) one of the office's figures in data_dir/regions.toml, written atomically; every stage
    reads it from then on. An average wage is keyed by city and year, a minimum wage by city and effective date."""
    from arbitration.fileio import write_text

    if kind not in ("minimum_wage", "average_wage"):
        raise ValueError(f"kind 只能是 minimum_wage 或 average_wage：{kind!r}")
    city, source = (city or "").strip(), (source or "").strip()
    if not city:
        raise ArbitrationError("请写明城市（设区的市），如：青岛市")
    if not source:
        raise ArbitrationError("请写明数字的来源（发布机关、文件名称或文号），如：青岛市统计局《2023年青岛市国民经济和社会发展统计公报》")
    value = _money(monthly, f"{city}的{'职工月平均工资' if kind == 'average_wage' else '月最低工资标准'}")
    if kind == "average_wage" and (year is None or not 1990 <= year <= date.today().year):
        raise ArbitrationError(f"职工月平均工资须写明统计年度（1990年至今）：{year}")
    if kind == "minimum_wage" and not isinstance(effective, date):
        raise ArbitrationError("月最低工资标准须写明生效日期，如 2021-10-01")
    city = regions().city(city)  # 「青岛」 → 「青岛市」 when the data know the city
    path = office_file(data_dir)
    rows: dict[str, list[dict]] = {k: [] for k in ("minimum_wage", "average_wage")}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ArbitrationError(f"地区参数文件无法读取：{path}：{e}") from e
        rows.update({k: list(data.get(k, [])) for k in rows})
    key = "year" if kind == "average_wage" else "effective"
    new: dict[str, object] = {"city": city, key: year if kind == "average_wage" else effective,
                              "monthly": int(value) if value == value.to_integral_value() else str(value),
                              "source": source, "verified": verified}
    if tier:
        new["tier"] = tier
    rows[kind] = [r for r in rows[kind] if not (r.get("city") == city and r.get(key) == new[key])] + [new]
    head = ("# 本机构录入的地区参数（arbitration law region set 或网页工作台「地区参数」页面写入），各环节通用；"
            "核对官方文件后 verified = true\n")
    write_text(path, head + "\n\n".join(_toml_row(k, r) for k in rows for r in rows[k]) + "\n")
    regions.cache_clear()
    fresh = load_regions(path)
    return (fresh.average_wage(city, year) if kind == "average_wage"  # type: ignore[arg-type]
            else fresh.minimum_wage(city, effective))  # type: ignore[arg-type]


def minimum_wage(city: str, on: date) -> Figure:
    return regions().minimum_wage(city, on)


def average_wage(city: str, year: int) -> Figure:
    return regions().average_wage(city, year)
