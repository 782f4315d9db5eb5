"""The `web` fixture: a workspace in a tmp data dir with one user per role (helpers in web_helpers.py)."""

from __future__ import annotations

import pytest
from web_helpers import make_web


@pytest.fixture
def web(tmp_path, monkeypatch):
    w = make_web(tmp_path, monkeypatch)
    yield w
    w.app.state.workspace.close()
    from arbitration import config

    config.settings.cache_clear()
