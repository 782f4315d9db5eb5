"""Place names as the official divisions have them (arbitration/data/places.toml): the place written just before a
word such as 「劳动人事争议仲裁委员会」, and the city (设区的市) it lies in — whose regional figures apply.

A place is a chain of division names read back from that word (「新疆乌鲁木齐市」「北京市朝阳区」「新沂市」), so the words
before it (a name, 「原告向」) never join it; a county-level unit gives its city only where the division list names
one city for it, or the text names the city with it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from arbitration.config import PACKAGE_DIR

PLACES_FILE = PACKAGE_DIR / "data" / "places.toml"
LONGEST = 24  # characters of a chain 省 + 市 + 县/区 at most
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")

# the arbitration commission (or court) a place is read before: 劳动人事争议仲裁委员会, 劳动争议仲裁院, 劳动仲裁委 …
COMMISSION = re.compile(r"(?:劳动人事争议|劳动争议|人事争议|劳动)(?:调解)?仲裁(?:委员会|院|委)")
# a commission with up to 20 characters before it, whatever they are (the place is cut from them)
_WORDS_AND_COMMISSION = re.compile(r"([\u4e00-\u9fa5]{2,20}?)(" + COMMISSION.pattern + ")")
# the words a place's, commission's or court's name begins with: its province (「甘肃省」「内蒙古自治区」), then its city
# (「兰州市」), or a city's short name before the body itself (「青岛劳动人事争议仲裁委员会」「青岛中级人民法院」)
_PROVINCE_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?:省|自治区)")
_CITY_HEAD = re.compile(r"[\u4e00-\u9fff]{2,5}?市")
_SHORT_CITY_HEAD = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:劳动|人民法院|中级|仲裁)")


@dataclass(frozen=True)
class Place:
    """A place as written (offsets into the text) and the city it lies in (None where that is not known)."""

    text: str
    start: int
    end: int
    city: str | None


@dataclass(frozen=True)
class _Divisions:
    provinces: dict[str, str]  # name or short name (山东, 新疆) → full name
    cities: dict[str, str]  # name or short name (青岛) → full city name
    province_of: dict[str, str]  # full city name → its province
    counties: dict[str, tuple[str, ...]]  # county-level name → its possible cities
    longest: int  # characters of the longest single name


@lru_cache(maxsize=1)
def divisions() -> _Divisions:
    """The division names of places.toml with their short names (「山东」「青岛」), read once."""
    with PLACES_FILE.open("rb") as f:
        data = tomllib.load(f)
    provinces = {p: p for p in data["provinces"]}
    provinces.update({short: p for p in data["provinces"] if len(short := _PROVINCE_SUFFIX.sub("", p)) >= 2})
    cities = {c: c for c in data["cities"]}
    cities.update({c[:-1]: c for c in data["cities"] if c.endswith("市") and len(c) >= 3})
    counties = {n: tuple(cs) for n, cs in data["counties"].items()}
    longest = max(len(n) for n in (*provinces, *cities, *counties))
    return _Divisions(provinces, cities, data["cities"], counties, longest)


def _name_before(text: str, end: int, names: dict, longest: int) -> str | None:
    """The longest of `names` that ends at `end`."""
    for size in range(min(longest, end), 1, -1):
        if text[end - size : end] in names:
            return text[end - size : end]
    return None


def place_before(text: str, end: int) -> Place | None:
    """The chain 省? 市? 县/区? of division names that ends at `end`, read back from it (「谢某向乌鲁木齐市」 →
    乌鲁木齐市), None if no division name ends there."""
    d = divisions()
    start, found = end, {}
    for level, names in (("county", d.counties), ("city", d.cities), ("province", d.provinces)):
        name = _name_before(text, start, names, d.longest)
        if name is not None:
            found[level], start = name, start - len(name)
    if not found or end - start > LONGEST:
        return None
    return Place(text[start:end], start, end, _city(d, found))


def _city(d: _Divisions, found: dict[str, str]) -> str | None:
    if found.get("city"):
        return d.cities[found["city"]]
    province = d.provinces.get(found.get("province", ""))
    if found.get("county"):
        cities = d.counties[found["county"]]
        if province in cities:  # 「北京市朝阳区」: a municipality's district
            return province
        if len(cities) == 1 and province in (None, d.province_of.get(cities[0])):
            return cities[0]
        return None
    return province if province in d.cities else None  # 「北京市」 alone: a municipality is a city


def commission_place(text: str) -> tuple[str, Place] | None:
    """The first arbitration commission the text names with its place (「…向新沂市劳动争议仲裁委员会申请仲裁」 →
    ("新沂市劳动争议仲裁委员会", 新沂市 in 徐州市)), None when no commission is named after a place."""
    for m in COMMISSION.finditer(text):
        place = place_before(text, m.start())
        if place is not None:
            return text[place.start : m.end()], place
    return None


def read_commission(text: str) -> tuple[str, str | None] | None:
    """(the commission's name, the city whose figures apply) for the first commission the text names: after a
    chain of division names (commission_place), else as loose_commission reads it; None when none is named."""
    found = commission_place(text)
    if found is not None:
        return found[0], found[1].city
    return loose_commission(text)


def loose_commission(text: str) -> tuple[str, str | None] | None:
    """A commission whose place is no division name (「青岛经济技术开发区劳动人事争议仲裁委员会」): its name from the
    last 向/在/至/由/到 before it, and the city its name begins with, if any; None when no commission is named."""
    m = _WORDS_AND_COMMISSION.search(text)
    if m is None:
        return None
    place = re.split(r"[向在至由到]", m.group(1))[-1]
    if len(place) < 3 or place[-1] not in "市区县省州盟旗" or place[:2] in ("本市", "该市", "本区", "该区"):
        return None
    d = divisions()
    city = next((d.cities[place[:n]] for n in range(min(len(place), d.longest), 1, -1) if place[:n] in d.cities), None)
    return place + m.group(2), city


def city_named(name: str) -> str | None:
    """The city (…市) a place's, commission's or court's name begins with, after its province (「甘肃省兰州市城关区」 →
    兰州市; 「青岛劳动人事争议仲裁委员会」 → 青岛市), read from the words alone, so a city the division list lacks is
    read too; None when the name begins with none."""
    rest = _PROVINCE_HEAD.sub("", name)
    if m := _CITY_HEAD.match(rest):
        return m[0]
    m = _SHORT_CITY_HEAD.match(rest)
    return m[1] + "市" if m else None


__all__ = ["COMMISSION", "Place", "city_named", "commission_place", "divisions", "loose_commission", "place_before", "read_commission"]
