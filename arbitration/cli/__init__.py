"""The `arbitration` command: one entry point, a subcommand per job. Each stage's commands live in their own
module here and import the library lazily, so `arbitration --help` stays fast."""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console

from arbitration.errors import ArbitrationError

app = typer.Typer(
    name="arbitration",
    help="劳动人事争议仲裁「类案同裁」工具：案卷读取、庭审要素提纲、智能书记员、裁决书起草。",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

err = Console(stderr=True)

# modules that add commands to `app`; each defines register(app)
COMMAND_MODULES = ["models", "ingest", "law", "index", "outline", "hearing", "draft", "serve", "admin", "demo"]


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"arbitration.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"arbitration.cli.{name}":
                continue  # that stage is not built yet
            raise
        module.register(app)


_register()


def main() -> None:
    """Console entry point: product errors become one readable line and exit code 2."""
    try:
        app()
    except ArbitrationError as e:
        err.print(f"[bold red]错误：[/]{e}")
        sys.exit(2)


@app.command()
def version() -> None:
    """显示版本号。"""
    from arbitration import __version__

    print(__version__)
