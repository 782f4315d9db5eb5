"""One-time builder: parse the statute Markdown (LawRefBook/Laws, one article per 「第X条」 paragraph) into
corpus/law/statutes/<id>.json — articles split into clauses (款) and items (项). The output is committed; the
product never reads the Markdown at run time.

    .venv/bin/python corpus/law/build_statutes.py [/work/shared/data/statutes]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from arbitration.law.numerals import from_chinese  # noqa: E402

# file stem (before the date) → (law id used in citations, aliases people write)
LAWS: dict[str, tuple[str, list[str]]] = {
    "劳动法": ("劳动法", []),
    "劳动合同法": ("劳动合同法", []),
    "劳动合同法实施条例": ("劳动合同法实施条例", ["实施条例"]),
    "劳动争议调解仲裁法": ("劳动争议调解仲裁法", ["调解仲裁法"]),
    "职工带薪年休假条例": ("职工带薪年休假条例", ["年休假条例"]),
    "企业职工带薪年休假实施办法": ("企业职工带薪年休假实施办法", ["年休假实施办法"]),
    "工伤保险条例": ("工伤保险条例", []),
    "工资支付暂行规定": ("工资支付暂行规定", []),
    "关于职工全年月平均工作时间和工资折算问题的通知": (
        "工资折算通知",
        ["劳社部发〔2008〕3号", "劳社部发[2008]3号"],
    ),
    "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）": (
        "劳动争议解释（一）",
        ["劳动争议司法解释（一）", "劳动争议解释一", "解释（一）", "最高法解释（一）"],
    ),
    "山东省劳动合同条例": ("山东省劳动合同条例", []),
    "青岛市劳动保障监察条例": ("青岛市劳动保障监察条例", []),
}

NUM = "零〇一二三四五六七八九十百千"
ARTICLE = re.compile(rf"^第([{NUM}]+)条\s*(.*)$")
ITEM = re.compile(rf"^\s*[（(]([{NUM}]+)[)）]\s*(.*)$")
SECTION = re.compile(rf"^##\s*([{NUM}]+)[、\s]*(.*)$")  # the 21.75 notice numbers its parts 一、二、三


def parse(md: str) -> tuple[str, list[dict]]:
    """Return (full title, articles) from one statute's Markdown."""
    lines = md.splitlines()
    title = lines[0].lstrip("# ").strip()
    body = md.split("<!-- INFO END -->", 1)[-1].splitlines()
    articles: list[dict] = []
    has_articles = any(ARTICLE.match(x.strip()) for x in body)
    current: dict | None = None
    chapter = section = ""
    for raw in body:
        line = raw.strip().replace("\u3000", "")
        if not line:
            continue
        if has_articles:
            m = ARTICLE.match(line)
            if m:
                current = {"number": from_chinese(m.group(1)), "clauses": []}
                heading = " ".join(x for x in (chapter, section) if x)
                if heading:
                    current["chapter"] = heading  # 「第五章 特别规定 第二节 劳务派遣」
                articles.append(current)
                if m.group(2).strip():
                    current["clauses"].append({"text": m.group(2).strip(), "items": []})
                continue
            if line.startswith("#"):  # 章/节 headings
                h = re.sub(r"\s+", " ", line.lstrip("#").strip())
                if line.startswith("###"):
                    section = h
                else:
                    chapter, section = h, ""
                continue
        else:
            m = SECTION.match(line)
            if m:
                current = {"number": from_chinese(m.group(1)), "heading": m.group(2).strip(), "clauses": []}
                articles.append(current)
                continue
            if line.startswith("#"):
                continue
        if current is None:
            continue  # preamble (通知 text before the first article)
        im = ITEM.match(line)
        last = current["clauses"][-1] if current["clauses"] else None
        tail = (last["items"][-1] if last and last["items"] else last["text"]) if last else ""
        if has_articles and last and not im and tail and tail[-1] not in "。；：:;！？」”）)":
            # a sentence broken over lines in the source (工资支付暂行规定第十三条): join it back
            if last["items"]:
                last["items"][-1] += line
            else:
                last["text"] += line
            continue
        if im and current["clauses"]:
            current["clauses"][-1]["items"].append(im.group(2).strip())
        else:
            current["clauses"].append({"text": line, "items": []})
    numbers = [a["number"] for a in articles]
    if numbers != list(range(1, len(numbers) + 1)):
        raise SystemExit(f"{title}: 条文编号不连续 {numbers}")
    return title, articles


def main(src: Path) -> None:
    out_dir = HERE / "statutes"
    out_dir.mkdir(exist_ok=True)
    for path in sorted(src.glob("*.md")):
        stem, _, rest = path.stem.partition("(")
        version = rest.rstrip(")")
        if stem not in LAWS:
            print(f"跳过（未登记）：{path.name}")
            continue
        law_id, aliases = LAWS[stem]
        title, articles = parse(path.read_text(encoding="utf-8"))
        data = {
            "id": law_id,
            "title": title,
            "aliases": aliases + ([stem] if stem not in (law_id, title) else []),
            "version": version,
            "source": f"LawRefBook/Laws: {path.name}",
            "articles": articles,
        }
        target = out_dir / f"{law_id}.json"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{law_id}: {len(articles)} 条 → {target.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/statutes"))
