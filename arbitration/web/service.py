"""What the pages and the API do with a case, in one place: store uploads, run extraction, edit facts, build the
outline, find similar awards, draft awards (one or a batch), and export with or without masking."""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from arbitration.errors import ArbitrationError, IngestError
from arbitration.fileio import _fsync_dir, sha256_bytes, write_bytes, write_json
from arbitration.model import (
    FACT_NAMES,
    Award,
    Case,
    Method,
    Provenance,
    Side,
    Warning_,
)
from arbitration.web import masking_export
from arbitration.web.merge import merge_reextracted
from arbitration.web.stages import StageMissing, archive, archive_state, stage
from arbitration.web.store import Store, User
from arbitration.web.uploads import (
    UploadLimits,
    check_upload,
    expand_archives,
    sanitise_name,
    stored_name,
)

log = logging.getLogger(__name__)
INTERRUPTED = "读取中断：服务器在读取完成前停止（断电、重启或进程被终止），请点击「重新读取」再试"


class Workspace:
    """The data folder of the web workspace and the background workers that fill it."""

    def __init__(self, data_dir: Path, limits: UploadLimits = UploadLimits()) -> None:
        self.data_dir = Path(data_dir)
        self.web_dir = self.data_dir / "web"
        self.web_dir.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.web_dir / "web.sqlite3")
        self.limits = limits
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="arbitration-web")
        self._case_locks: dict[int, threading.Lock] = {}
        # the model-backed stages (archive, outline, drafting) are called one at a time
        self.heavy = threading.RLock()
        self._outlines: dict[int, tuple[Any, Any]] = {}  # case id -> ((case id, case.json sha256), Outline)
        self.recover()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.store.close()

    def lock(self, case_id: int) -> threading.Lock:
        return self._case_locks.setdefault(case_id, threading.Lock())

    # ------------------------------------------------------------ folders and case.json

    def case_dir(self, case_id: int) -> Path:
        return self.web_dir / "cases" / f"{int(case_id):06d}"

    def files_dir(self, case_id: int) -> Path:
        return self.case_dir(case_id) / "files"

    def out_dir(self, case_id: int) -> Path:
        d = self.case_dir(case_id) / "out"
        d.mkdir(parents=True, exist_ok=True)
        return d

    def load_case(self, case_id: int) -> Case | None:
        path = self.case_dir(case_id) / "case.json"
        if not path.is_file():
            return None
        return Case.model_validate_json(path.read_text(encoding="utf-8"))

    def save_case(self, case_id: int, case: Case) -> None:
        write_json(self.case_dir(case_id) / "case.json", case)

    def original_names(self, case_id: int) -> dict[str, str]:
        """Generated file name → the sanitised name the user uploaded it under."""
        return {r["stored_name"]: r["original_name"] for r in self.store.files(case_id)}

    # ------------------------------------------------------------ start-up, upload and extraction

    @property
    def staging_dir(self) -> Path:
        return self.web_dir / "staging"

    def recover(self) -> list[int]:
        """Start-up: remove what a crash left half done (staged uploads, folders of cases never committed, temp
        files of interrupted writes) and mark cases whose reading was cut off as failed, to be read again."""
        shutil.rmtree(self.staging_dir, ignore_errors=True)
        cases = self.web_dir / "cases"
        if cases.is_dir():
            known = self.store.case_ids()
            for d in cases.iterdir():
                if d.is_dir() and d.name.isdigit() and int(d.name) not in known:
                    self._set_aside(d)
            for tmp in cases.glob("*/**/.*.tmp"):
                tmp.unlink(missing_ok=True)
        return self.store.fail_interrupted(INTERRUPTED, "任务中断：服务器在完成前停止，请重新提交")

    def create_case(self, title: str, user: User, files: list[tuple[str, bytes]], ip: str | None = None) -> int:
        """A new case from uploaded files, all or nothing: every file checked, all written to a staging folder, then
        one transaction commits the case row, its files, the audit entry and the rename of the staged folder into
        place; then reading starts. A crash anywhere leaves either the whole case or nothing (see recover)."""
        files = expand_archives(files, self.limits)  # a zipped case folder counts as its files
        kinds = [check_upload(name, data, self.limits) for name, data in files]
        staged = self.staging_dir / secrets.token_hex(12)
        staged.mkdir(parents=True)
        try:
            rows = []
            for (name, data), kind in zip(files, kinds, strict=True):
                generated = stored_name(kind)
                write_bytes(staged / generated, data)
                rows.append({"stored": generated, "name": sanitise_name(name), "kind": kind, "size": len(data),
                             "sha256": sha256_bytes(data)})
            case_id = self.store.create_case(title, user, rows, lambda cid: self._move_in(staged, cid), ip=ip,
                                             message="排队等待读取")
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        self.start_extraction(case_id)
        return case_id

    def _move_in(self, staged: Path, case_id: int) -> None:
        """Rename the staged folder to the case's files folder (one step on one file system)."""
        case_dir = self.case_dir(case_id)
        if case_dir.exists():  # left by a crash before its commit: this id was never committed
            self._set_aside(case_dir)
        case_dir.mkdir(parents=True)
        os.rename(staged, self.files_dir(case_id))
        _fsync_dir(case_dir)

    def _set_aside(self, case_dir: Path) -> None:
        """Move a case folder the database does not know out of the way, to web/orphaned/ (not deleted: it could
        also come from a database restored from an older backup)."""
        target = self.web_dir / "orphaned" / f"{case_dir.name}-{secrets.token_hex(4)}"
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(case_dir, target)
        log.warning("case folder %s has no case in the database: moved to %s", case_dir, target)

    def start_extraction(self, case_id: int, user: User | None = None) -> None:
        self.store.set_case_status(case_id, "processing", "排队等待读取")
        self.pool.submit(self._extract, case_id, user)

    def _extract(self, case_id: int, user: User | None = None) -> None:
        """Read the case's files (outside the case lock, so edits go on meanwhile), then, under the lock, merge the
        people's work on the current case.json into the new reading and save it."""
        self.store.set_case_status(case_id, "processing", "正在读取案卷并抽取要素")
        try:
            case, failures = self._read_and_extract(case_id)
            names = self.original_names(case_id)
            lost: list[str] = []
            with self.lock(case_id):
                old = self.load_case(case_id)
                if old is not None:
                    case, lost = merge_reextracted(old, case)
                self.save_case(case_id, case)
            msg = f"已读取 {len(case.documents)} 份文件"
            if failures:
                msg += "；无法读取：" + "；".join(f"{names.get(f.file, f.file)}（{f.reason}）" for f in failures)
            if lost:
                msg += f"；{len(lost)} 项采信的版本已不存在，采信已撤销（见读取提示）"
                self.store.audit("edit", user, f"case:{case_id}", "重新读取后撤销采信：" + "；".join(lost))
            title = case.case_number or None
            self.store.set_case_status(case_id, "ready", msg, str(self.case_dir(case_id) / "case.json"))
            if title:
                self.store.set_case_title(case_id, title)
        except StageMissing as e:
            self.store.set_case_status(case_id, "failed", str(e))
        except ArbitrationError as e:
            self.store.set_case_status(case_id, "failed", f"读取失败：{e}")
        except Exception as e:  # noqa: BLE001 - a background job must leave a status a clerk can read
            self.store.set_case_status(case_id, "failed", f"读取失败（{type(e).__name__}）：{e}")

    def _read_and_extract(self, case_id: int) -> tuple[Case, list[IngestError]]:
        """What extract_case does (read_folder + build_case), one file at a time so the page can show progress."""
        extract, ingest = stage("extract"), stage("ingest")
        folder = self.files_dir(case_id)
        names = self.original_names(case_id)
        paths = ingest.list_case_files(folder)
        documents, failures = [], []
        for i, path in enumerate(paths):
            self.store.set_case_progress(case_id, i, len(paths),
                                         f"正在读取第 {i + 1}/{len(paths)} 份：{names.get(path.name, path.name)}")
            try:
                documents.append(ingest.read_document(path, root=folder))
            except IngestError as e:
                failures.append(e)
        self.store.set_case_progress(case_id, len(paths), len(paths), "正在抽取要素")
        case = extract.build_case(documents, source_dir=str(folder))
        case.warnings.extend(str(e) for e in failures)
        return self.with_display_names(case_id, case), failures

    def display_names(self, case_id: int) -> dict[str, str]:
        """Generated file name → the name shown to people (the uploaded name, numbered when two are the same)."""
        out: dict[str, str] = {}
        seen: dict[str, int] = {}
        for stored, original in self.original_names(case_id).items():
            seen[original] = seen.get(original, 0) + 1
            if seen[original] > 1:
                stem, dot, ext = original.rpartition(".")
                original = f"{stem}（{seen[original]}）.{ext}" if dot else f"{original}（{seen[original]}）"
            out[stored] = original
        return out

    def with_display_names(self, case_id: int, case: Case) -> Case:
        """The case with every reference to a stored file (documents, sources, warnings) under the file's uploaded
        name, so pages and the DOCX exports (outline, award) never show the generated storage names."""
        raw = case.model_dump_json()
        for stored, shown in self.display_names(case_id).items():
            raw = raw.replace(stored, json.dumps(shown, ensure_ascii=False)[1:-1])
        return Case.model_validate_json(raw)

    # ------------------------------------------------------------ facts

    def add_fact_value(self, case_id: int, name: str, raw: str, note: str | None, user: User) -> Case:
        """Add a MANUAL version of a fact (never overwrites the extracted ones)."""
        if name not in FACT_NAMES:
            raise ValueError(f"没有名为 {name} 的事实要素")
        with self.lock(case_id):
            case = self.require_case(case_id)
            fact = getattr(case.facts, name)
            value_type = type(fact).model_fields["values"].annotation.__args__[0].model_fields["value"].annotation
            raw = (raw or "").strip()
            if not raw:
                raise ValueError("请填写要素的值")
            try:
                if value_type in (str, date, Decimal):
                    value = TypeAdapter(value_type).validate_python(raw)
                else:
                    value = TypeAdapter(value_type).validate_json(raw)
            except ValidationError as e:
                hint = {date: "日期格式为 2024-01-31", Decimal: "请填写数字金额"}.get(value_type, "格式不正确（JSON）")
                raise ValueError(f"{FACT_NAMES[name]}：{hint}") from e
            if isinstance(value, Decimal) and (not value.is_finite() or value < 0 or value > Decimal("1e9")):
                raise ValueError(f"{FACT_NAMES[name]}：金额超出合理范围")
            source = Provenance(file=f"web:{user.username}", method=Method.MANUAL, quote=raw[:500],
                                extractor="web")
            fact.add(value, source, side=Side.TRIBUNAL, note=(note or "").strip()[:200] or f"{user.display_name}录入")
            self.save_case(case_id, case)
        return case

    def set_disputed(self, case_id: int, name: str, disputed: bool) -> Case:
        if name not in FACT_NAMES:
            raise ValueError(f"没有名为 {name} 的事实要素")
        with self.lock(case_id):
            case = self.require_case(case_id)
            getattr(case.facts, name).disputed = disputed
            self.save_case(case_id, case)
        return case

    def accept_value(self, case_id: int, name: str, index: int | None) -> Case:
        """The tribunal adopts one version of a fact (采信), or withdraws its choice (None); versions stay as they are."""
        if name not in FACT_NAMES:
            raise ValueError(f"没有名为 {name} 的事实要素")
        with self.lock(case_id):
            case = self.require_case(case_id)
            fact = getattr(case.facts, name)
            if index is not None and not 0 <= index < len(fact.values):
                raise ValueError(f"{FACT_NAMES[name]}：没有第 {index + 1} 个版本")
            fact.accepted = index
            self.save_case(case_id, case)
        return case

    def review_proposals(self, case_id: int, ids: list[str] | str, accept: bool) -> Case:
        """The arbitrator accepts (采信) or rejects proposed findings (拟认定) by id, or accepts all of them; a
        rejected fact returns to 「待查明」 and the next draft follows (arbitration.findings.review)."""
        from arbitration.findings import review

        with self.lock(case_id):
            case = self.require_case(case_id)
            try:
                case = review(case, ids, accept)
            except KeyError as e:
                raise ValueError(str(e).strip("'\"")) from e
            self.save_case(case_id, case)
        return case

    def require_case(self, case_id: int) -> Case:
        case = self.load_case(case_id)
        if case is None:
            raise NotReady("案卷尚未完成读取，请稍候或重新上传")
        return case

    # ------------------------------------------------------------ outline, similar awards

    def outline(self, case_id: int) -> Any:
        """The case's outline, built once per version of case.json (a fact edit makes a new version)."""
        outline_mod = stage("outline")
        case = self.require_case(case_id)
        arch = archive()
        key = (case_id, self._fingerprint(case_id), arch is not None)  # rebuilt once the archive is ready
        with self.heavy:
            if self._outlines.get(case_id, (None,))[0] != key:
                self._outlines[case_id] = (key, outline_mod.build_outline(case, arch))
            return self._outlines[case_id][1]

    def outline_docx(self, case_id: int) -> Path:
        outline_mod = stage("outline")
        outline = self.outline(case_id)
        out = self.out_dir(case_id) / "outline.docx"
        with self.heavy:
            outline_mod.render_outline(outline, out, "docx")
        return out

    def outline_view(self, case_id: int) -> str:
        """The outline as HTML: the outline stage's Markdown, escaped and laid out by mdview."""
        from arbitration.web.mdview import markdown_to_html

        outline_mod = stage("outline")
        outline = self.outline(case_id)
        path = self.out_dir(case_id) / "outline.md"
        with self.heavy:
            outline_mod.render_outline(outline, path, "md")
        return markdown_to_html(path.read_text(encoding="utf-8"))

    def archive_size(self) -> int | None:
        """How many awards the archive holds (None when it is not open)."""
        arch = archive(wait=0)
        if arch is None:
            return None
        try:
            return len(arch)
        except TypeError:
            return None

    def similar(self, case_id: int, k: int = 10) -> list[dict[str, Any]]:
        stage("retrieval")
        case = self.require_case(case_id)
        arch = archive()
        if arch is None:
            state, message = archive_state()
            if state == "missing":
                raise StageMissing("retrieval", f"：{message}")
            raise ArchiveNotReady(message)
        with self.heavy:
            matches = arch.search(case, k=k)
        from arbitration.model import DEMO_LABEL

        return [
            {
                # the bundled generated corpus is demo data: labelled wherever shown (issue 15)
                "case_number": (f"【{DEMO_LABEL}】" if m.precedent.generated else "") + m.precedent.case_number,
                "generated": m.precedent.generated,
                "commission": m.precedent.commission,
                "award_date": m.precedent.award_date.isoformat() if m.precedent.award_date else None,
                "region": m.precedent.region,
                "score": round(float(m.score), 4),
                "reasons": list(m.reasons),
                "claims": [
                    {"type": c.type, "text": c.text, "outcome": c.outcome.value,
                     "granted": str(c.granted) if c.granted is not None else None,
                     "reasoning": c.reasoning}
                    for c in m.matched_claims
                ],
            }
            for m in matches
        ]

    # ------------------------------------------------------------ drafting

    def draft(self, case_id: int) -> tuple[Award, list[Warning_]]:
        drafting = stage("drafting")
        case = self.require_case(case_id)
        arch = archive()
        record = self.latest_record(case_id)
        with self.heavy:
            award = drafting.draft_award(case, arch, record=record)
            warnings = list(award.warnings)
            if arch is not None:
                seen = {(w.kind, w.message) for w in warnings}
                warnings += [w for w in drafting.check_consistency(award, arch) if (w.kind, w.message) not in seen]
            out = self.out_dir(case_id)
            drafting.render_award(award, case, out / "award.docx")
        write_json(out / "award.json", award)
        write_json(out / "award-warnings.json", [w.model_dump(mode="json") for w in warnings])
        return award, warnings

    def saved_award(self, case_id: int) -> tuple[Award | None, list[Warning_]]:
        out = self.case_dir(case_id) / "out"
        if not (out / "award.json").is_file():
            return None, []
        award = Award.model_validate_json((out / "award.json").read_text(encoding="utf-8"))
        warnings = [Warning_.model_validate(w) for w in json.loads((out / "award-warnings.json").read_text("utf-8"))]
        return award, warnings

    def start_batch(self, case_ids: list[int], user: User) -> int:
        job_id = self.store.add_job("draft_batch", user.id, case_ids)
        self.pool.submit(self._batch, job_id, case_ids)
        return job_id

    def _batch(self, job_id: int, case_ids: list[int]) -> None:
        from pipelines.batch import BatchOptions, Task, run_batch

        results: dict[str, str] = {}
        self.store.update_job(job_id, status="running", message="正在起草")

        def worker(case_id: int) -> dict[str, Any]:
            try:
                award, warnings = self.draft(case_id)
                results[str(case_id)] = f"完成（{len(award.decisions)} 项请求，{len(warnings)} 条审核提示）"
                return {"warnings": len(warnings)}
            except Exception as e:
                results[str(case_id)] = f"失败：{e}"
                raise
            finally:
                self.store.update_job(job_id, done=len(results), results=results)

        try:
            tasks = [Task(key=str(c), fingerprint=self._fingerprint(c), payload=c) for c in case_ids]
            result = run_batch("批量起草裁决书", tasks, worker, self.web_dir / "batch" / f"{job_id:06d}",
                               BatchOptions(workers=1, force=True, progress=False))
            msg = f"完成 {len(result.done)} 件，失败 {len({f.key for f in result.failed})} 件"
            self.store.update_job(job_id, status="done", done=len(case_ids), message=msg, results=results)
        except Exception as e:  # noqa: BLE001 - the job row must say what happened
            self.store.update_job(job_id, status="failed", message=f"批量起草失败：{e}", results=results)

    def _fingerprint(self, case_id: int) -> str:
        path = self.case_dir(case_id) / "case.json"
        return sha256_bytes(path.read_bytes()) if path.is_file() else "missing"

    # ------------------------------------------------------------ hearing

    def latest_record(self, case_id: int) -> Any:
        rows = self.store.hearings(case_id)
        if not rows:
            return None
        try:
            hearing = stage("hearing")
        except StageMissing:
            return None
        d = self.hearing_dir(rows[-1]["hearing_key"])
        if not d.exists():
            return None
        return hearing.load_record(d)

    def hearing_dir(self, key: str) -> Path:
        from arbitration.config import settings

        return settings().hearings_dir / key

    # ------------------------------------------------------------ masking

    def masked_copy(self, case_id: int, src: Path) -> Path:
        out = src.with_name(src.stem + "-脱敏" + src.suffix)
        return masking_export.mask_docx(src, out, self.load_case(case_id))


class NotReady(ArbitrationError):
    """The case has not been extracted yet (or extraction failed), so this page cannot be built."""


class ArchiveNotReady(NotReady):
    """The award archive is still being built (or failed to build); similar awards cannot be listed yet."""
