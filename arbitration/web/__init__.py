"""The local web workspace: `create_app(data_dir)` builds the FastAPI application that `arbitration serve` runs."""

from __future__ import annotations


def create_app(*args, **kwargs):
    from arbitration.web.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
