"""Lazy access to the library stages the pages sit on. A stage that is not installed raises StageMissing, which the
pages show as 「该功能尚未安装」 and the API as HTTP 503 — never a stand-in result."""

from __future__ import annotations

import importlib
import threading
from types import ModuleType
from typing import Any

from arbitration.errors import ArbitrationError

STAGE_NAMES = {
    "ingest": "案卷文件读取",
    "extract": "案卷读取与要素抽取",
    "retrieval": "类案检索",
    "masking": "脱敏",
    "hearing": "智能书记员（庭审笔录）",
    "outline": "庭审要素提纲",
    "drafting": "裁决书起草",
}
# what each stage must offer for the web pages to use it
REQUIRED = {
    "ingest": ("read_document", "list_case_files"),
    "extract": ("extract_case", "build_case"),
    "retrieval": ("default_archive",),
    "masking": ("mask_text",),
    "hearing": ("Hearing", "load_record"),  # export is checked where the record is exported
    "outline": ("build_outline", "render_outline"),
    "drafting": ("draft_award", "render_award", "check_consistency"),
}


class StageMissing(ArbitrationError):
    """A library stage the page needs is not installed (not built yet, or a missing optional part)."""

    def __init__(self, stage: str, detail: str = "") -> None:
        self.stage, self.detail = stage, detail
        super().__init__(f"该功能尚未安装：{STAGE_NAMES.get(stage, stage)}（arbitration.{stage}）{detail}")


def stage(name: str) -> ModuleType:
    """Import arbitration.<name> and check it offers what the pages call; StageMissing otherwise."""
    try:
        module = importlib.import_module(f"arbitration.{name}")
    except ModuleNotFoundError as e:
        if e.name and (e.name == f"arbitration.{name}" or e.name.startswith(f"arbitration.{name}.")):
            raise StageMissing(name) from e
        raise StageMissing(name, f"：缺少依赖 {e.name}") from e
    missing = [attr for attr in REQUIRED.get(name, ()) if not hasattr(module, attr)]
    if missing:
        raise StageMissing(name, f"：缺少 {', '.join(missing)}")
    return module


def available(name: str) -> bool:
    try:
        stage(name)
    except StageMissing:
        return False
    return True


_archive_lock = threading.Lock()
_archive: Any = None
_archive_thread: threading.Thread | None = None
_archive_error: str | None = None
# start building the archive in the background when it is first needed; the test suite turns this off and then
# opens only an archive that is already built (building one takes minutes on a small machine)
AUTO_BUILD = True
WAIT_S = 3.0  # how long a page waits for the archive before going on without it (opening a built one is < 1 s)


def archive_built() -> bool:
    """Whether the default archive's index already lies in the cache (opening it is then quick)."""
    from arbitration.config import settings

    root = settings().cache_dir / "archive"
    return any(d.is_dir() and not d.name.endswith(".partial") and (d / "archive.sqlite").is_file()
               for d in root.glob(f"default-{settings().embedder}-*"))


def _build() -> None:
    global _archive, _archive_error
    try:
        make = stage("retrieval").default_archive
        built = make(progress=False)
        with _archive_lock:
            _archive = built
    except StageMissing as e:
        _archive_error = str(e)
    except Exception as e:  # noqa: BLE001 - shown on the similar-awards page; the pages go on without precedents
        _archive_error = f"类案库未能建立：{e}"


def archive(wait: float = WAIT_S) -> Any:
    """The embedded award archive, or None while it is being built (in the background, once) or when retrieval is
    missing or failed. Pages wait at most `wait` seconds, then go on without precedents and say so."""
    global _archive_thread
    with _archive_lock:
        if _archive is not None:
            return _archive
        if _archive_thread is None and _archive_error is None:
            if not available("retrieval"):
                return None
            if not AUTO_BUILD and not archive_built():
                return None
            _archive_thread = threading.Thread(target=_build, name="archive-build", daemon=True)
            _archive_thread.start()
        thread = _archive_thread
    if thread is not None and wait > 0:
        thread.join(wait)
    return _archive


def archive_state() -> tuple[str, str]:
    """("ready" | "building" | "idle" (not built, not building) | "failed" | "missing" (retrieval not installed),
    a sentence for the page)."""
    if _archive is not None:
        return "ready", ""
    if _archive_error:
        return "failed", _archive_error
    if not available("retrieval"):
        return "missing", f"该功能尚未安装：{STAGE_NAMES['retrieval']}"
    if _archive_thread is not None and _archive_thread.is_alive():
        return "building", "类案库正在建立（首次使用需要几分钟），请稍后刷新；在此之前提纲和草稿不引用类案"
    if not AUTO_BUILD and not archive_built():
        return "idle", "类案库尚未建立（运行 arbitration index 或启动网页工作台后自动建立）"
    return "building", "类案库正在打开，请稍后刷新"
