"""Law-data speed: claim-sentence classification (Taxonomy.match / match_all), citation finding (find_citations)
and statute loading, each next to a raw baseline on the same input in the same run (ratios, not absolutes: the
machine has two cores shared with others). Writes benchmarks/results/law_data.json.

    .venv/bin/python benchmarks/bench_law_data.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: the shared machine helper

from machine import machine_line  # noqa: E402

from arbitration.law import find_citations, format_citation, statutes, taxonomy  # noqa: E402
from arbitration.law.statutes import Statutes  # noqa: E402
from arbitration.law.taxonomy import load_taxonomy  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def _best(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    tax = taxonomy()
    # claim sentences: every alias of every type, dressed as an applicant writes it
    sentences = [f"请求裁决被申请人支付2022年1月至2023年6月{a}12345元" for t in tax.all() for a in t.aliases]
    aliases = [(a, t.id) for t in tax.all() for a in t.aliases]

    def raw_scan() -> None:  # the naive baseline: first alias found by substring search
        for s in sentences:
            next((tid for a, tid in aliases if a in s), "other")

    t_match = _best(lambda: [tax.match(s) for s in sentences])
    t_all = _best(lambda: [tax.match_all(s) for s in sentences])
    t_raw = _best(raw_scan)
    correct = sum(tax.match(f"请求裁决被申请人支付{a}")[0] == tid for a, tid in aliases)

    # award-like text: every article of 劳动合同法 cited once, in the award's form, plus the typical cases
    data = statutes()
    from arbitration.model import Citation

    cites = [Citation(law="劳动合同法", article=n) for n in sorted(data.law("劳动合同法").articles)]
    text = "。".join(f"根据{format_citation(c)}之规定，本委予以支持" for c in cites)
    if (SHARED / "cases").is_dir():
        text += "\n".join(p.read_text(encoding="utf-8") for p in sorted((SHARED / "cases").glob("*.md")))
    raw = re.compile(r"《[^《》]{2,60}》第[零〇一二三四五六七八九十百千0-9]+条")
    t_find = _best(lambda: find_citations(text))
    t_regex = _best(lambda: raw.findall(text))
    found = find_citations(text)

    t_load = _best(lambda: Statutes.load(), repeat=3)
    t_tax = _best(lambda: load_taxonomy(), repeat=3)

    result = {
        "machine": machine_line(),
        "claim_sentences": len(sentences),
        "match_per_sentence_us": round(t_match / len(sentences) * 1e6, 1),
        "match_all_per_sentence_us": round(t_all / len(sentences) * 1e6, 1),
        "raw_substring_scan_per_sentence_us": round(t_raw / len(sentences) * 1e6, 1),
        "match_vs_raw_scan": round(t_match / t_raw, 2),
        "alias_self_classification_accuracy": round(correct / len(aliases), 3),
        "citation_text_chars": len(text),
        "citations_found": len(found),
        "find_citations_ms": round(t_find * 1e3, 2),
        "raw_regex_findall_ms": round(t_regex * 1e3, 2),
        "find_vs_raw_regex": round(t_find / t_regex, 2),
        "statutes_load_ms": round(t_load * 1e3, 1),
        "taxonomy_load_with_article_check_ms": round(t_tax * 1e3, 1),
    }
    out = ROOT / "benchmarks" / "results" / "law_data.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
