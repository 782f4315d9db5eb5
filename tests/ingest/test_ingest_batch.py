"""`arbitration ingest CASES --out OUT` over several case folders: parallel, one case.json per case, a bad file
reported by name and reason while the rest is done, and a rerun that skips what is unchanged."""

from __future__ import annotations

import json
import shutil

import pytest
from ingest_paths import BROKEN, DISMISSAL, FORCED
from typer.testing import CliRunner

from arbitration.cli import app
from arbitration.errors import ArbitrationError
from arbitration.model import Case, DocType, Document, Method
from pipelines.batch import FAILURES_FILE, BatchOptions
from pipelines.ingest import CASE_FILE, run_ingest

# text-layer and Word files only: the batch machinery is under test here, not OCR (see test_ocr.py)
CASES = {
    "2024-001": [(DISMISSAL, "仲裁申请书.docx"), (DISMISSAL, "答辩书.pdf"), (DISMISSAL, "证据目录.pdf"), (DISMISSAL, "微信聊天记录.txt")],
    "2024-002": [(FORCED, "仲裁申请书.docx"), (FORCED, "劳动合同.pdf"), (FORCED, "银行流水.pdf"), (BROKEN, "截断的证据目录.pdf")],
    "2024-003": [(DISMISSAL, "解除劳动合同通知书.pdf")],
}


@pytest.fixture
def cases_dir(tmp_path):
    root = tmp_path / "cases"
    for case, files in CASES.items():
        (root / case).mkdir(parents=True)
        for folder, name in files:
            shutil.copy(folder / name, root / case / name)
    return root


def _failures(out):
    return [json.loads(x) for x in (out / FAILURES_FILE).read_text(encoding="utf-8").splitlines()]


def test_batch_with_a_corrupt_file_then_rerun(cases_dir, tmp_path):
    out = tmp_path / "out"
    result = run_ingest(cases_dir, out, BatchOptions(workers=2, progress=False))
    assert sorted(result.done) == sorted(CASES)
    expected_failure = {"key": "2024-002", "file": "截断的证据目录.pdf", "kind": "corrupt"}
    assert [{k: getattr(f, k) for k in ("key", "file", "kind")} for f in result.failed] == [expected_failure]
    assert "损坏" in result.failed[0].reason
    assert [{k: f[k] for k in ("key", "file", "kind")} for f in _failures(out)] == [expected_failure]

    for case, files in CASES.items():
        loaded = Case.model_validate_json((out / case / CASE_FILE).read_text(encoding="utf-8"))
        readable = sorted(name for folder, name in files if folder is not BROKEN)
        assert sorted(d.file for d in loaded.documents) == readable
        for name in readable:  # per-document JSON and plain text
            doc = Document.model_validate_json((out / case / "pages" / (name + ".json")).read_text(encoding="utf-8"))
            assert doc.file == name and doc.pages
            assert (out / case / "pages" / (name + ".txt")).read_text(encoding="utf-8").rstrip("\n") == "\f".join(p.text for p in doc.pages)
    bank = Document.model_validate_json((out / "2024-002" / "pages" / "银行流水.pdf.json").read_text(encoding="utf-8"))
    assert bank.doc_type == DocType.WAGE_RECORD and bank.pages[0].method == Method.TEXT_LAYER and bank.pages[0].tables

    # rerun: nothing changed -> everything skipped, the known bad file still reported
    before = (out / "2024-001" / CASE_FILE).stat().st_mtime_ns
    again = run_ingest(cases_dir, out, BatchOptions(workers=2, progress=False))
    assert again.done == [] and sorted(again.skipped) == sorted(CASES)
    assert [(f.key, f.file) for f in again.failed] == [("2024-002", "截断的证据目录.pdf")]
    assert [f["file"] for f in _failures(out)] == ["截断的证据目录.pdf"]
    assert (out / "2024-001" / CASE_FILE).stat().st_mtime_ns == before

    # the clerk replaces the bad file: only that case is redone, and the failure is gone
    (cases_dir / "2024-002" / "截断的证据目录.pdf").unlink()
    shutil.copy(DISMISSAL / "证据目录.pdf", cases_dir / "2024-002" / "证据目录.pdf")
    fixed = run_ingest(cases_dir, out, BatchOptions(workers=1, progress=False))
    assert fixed.done == ["2024-002"] and fixed.failed == []
    assert (out / "2024-002" / "pages" / "证据目录.pdf.json").is_file()


def test_case_with_no_readable_file_and_a_loose_file(tmp_path):
    cases = tmp_path / "cases"
    (cases / "2024-009").mkdir(parents=True)
    shutil.copy(BROKEN / "空文件.pdf", cases / "2024-009")
    shutil.copy(DISMISSAL / "答辩书.pdf", cases / "答辩书.pdf")  # beside the case folders: in no case
    result = run_ingest(cases, tmp_path / "out", BatchOptions(workers=1, progress=False))
    assert {(f.file, f.kind) for f in result.failed} == {
        ("空文件.pdf", "empty"),
        ("2024-009", "no_documents"),
        ("答辩书.pdf", "not_in_case"),
    }
    assert len(_failures(tmp_path / "out")) == 3
    assert not (tmp_path / "out" / "2024-009" / CASE_FILE).exists()


def test_cli_strict_exit_and_report(cases_dir, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    shutil.rmtree(cases_dir / "2024-001")  # keep the CLI run small: two cases, one bad file
    ok = runner.invoke(app, ["ingest", str(cases_dir), "--out", str(out), "--workers", "1", "--quiet"])
    assert ok.exit_code == 0, ok.output
    assert "截断的证据目录.pdf" in ok.output and "失败清单" in ok.output
    strict = runner.invoke(app, ["ingest", str(cases_dir), "--out", str(out), "--workers", "1", "--quiet", "--strict"])
    assert strict.exit_code == 1  # unchanged cases are skipped, but the bad file still fails --strict
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nowhere"), "--out", str(out)])
    # `main()` (the console entry point) prints a product error as one line with exit code 2
    assert isinstance(missing.exception, ArbitrationError) and "案卷目录不存在" in str(missing.exception)


@pytest.mark.slow
def test_sample_case_folder_with_its_scan(tmp_path):
    """The bundled sample case (a folder of files, itself the one case) through the batch job: the attendance
    scan is OCR'd in the worker, every file becomes a document of case.json."""
    from ingest_paths import SAMPLE

    out = tmp_path / "out"
    result = run_ingest(SAMPLE, out, BatchOptions(workers=1, progress=False))
    assert result.done == [SAMPLE.name] and result.failed == []
    case = Case.model_validate_json((out / SAMPLE.name / CASE_FILE).read_text(encoding="utf-8"))
    assert sorted(d.file for d in case.documents) == sorted(p.name for p in SAMPLE.iterdir())
    scan = next(d for d in case.documents if d.file == "考勤记录扫描件.pdf")
    assert scan.methods == [Method.OCR]
    text = (out / SAMPLE.name / "pages" / "考勤记录扫描件.pdf.txt").read_text(encoding="utf-8")
    assert "本月出勤26天" in text
