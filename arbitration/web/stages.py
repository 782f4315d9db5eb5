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


def archive() -> Any:
    """The embedded award archive (built once into the cache); None when retrieval is not installed."""
    global _archive
    with _archive_lock:
        if _archive is None:
            try:
                make = stage("retrieval").default_archive
                try:
                    _archive = make(progress=False)
                except TypeError:
                    _archive = make()
            except StageMissing:
                return None
        return _archive
