"""Build arbitration/data/places.toml, the names of China's administrative divisions, from an adcode table.

The table is the official division codes (民政部 行政区划代码, 12 digits PPCCDD000000) as the MIT-licensed `cpca`
package ships them (cpca/resources/adcodes.csv, columns adcode,name,...). Run once, by hand, when the divisions
change: `python scripts/build_places.py path/to/adcodes.csv > arbitration/data/places.toml`. Nothing reads the
package at run time.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict

MUNICIPALITIES = ("11", "12", "31", "50")  # 北京 天津 上海 重庆: province and city at once
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def build(rows: list[dict[str, str]]) -> str:
    names = {r["adcode"][:6]: r["name"] for r in rows}
    provinces = sorted(n for c, n in names.items() if c[2:] == "0000")
    cities: dict[str, str] = {}
    for code, name in names.items():
        if code[2:] == "0000" and code[:2] in MUNICIPALITIES:
            cities[name] = name
        elif code[4:] == "00" and code[2:4] != "00" and name not in PLACEHOLDERS:
            cities[name] = names[code[:2] + "0000"]
    counties: dict[str, set[str]] = defaultdict(set)
    for code, name in names.items():
        if code[4:] == "00" or name in PLACEHOLDERS:
            continue
        if code[:2] in MUNICIPALITIES:
            city = names[code[:2] + "0000"]
        else:
            city = names.get(code[:4] + "00", "")
            city = "" if city in PLACEHOLDERS else city  # 省直辖县级市 (仙桃市, 济源市): a region of its own
        counties[name].add(city or name)
    out = [
        "# 行政区划名称（民政部行政区划代码，经 cpca 包的 adcodes.csv 整理；scripts/build_places.py 生成，勿手改）。",
        "# provinces 省级；cities 地级（设区的市、自治州、地区、盟，及四个直辖市）→ 所属省级；",
        "# counties 县级（区、县、旗、县级市）→ 所属地级市；同名县级单位分属多个地级市时列出全部，读取时只在文中写明地级市才归属。",
        "",
        "provinces = [" + ", ".join(f'"{p}"' for p in provinces) + "]",
        "",
        "[cities]",
        *(f'"{c}" = "{p}"' for c, p in sorted(cities.items())),
        "",
        "[counties]",
        *(f'"{n}" = [' + ", ".join(f'"{c}"' for c in sorted(cs)) + "]" for n, cs in sorted(counties.items())),
    ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(build(list(csv.DictReader(f))))
