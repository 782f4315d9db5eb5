"""Every command a clerk can type has readable --help text."""

import typer
from typer.testing import CliRunner

from arbitration.cli import app

runner = CliRunner()


def _commands(cmd, path=()):
    yield path, cmd
    for name, sub in getattr(cmd, "commands", {}).items():  # typer vendors its own click
        yield from _commands(sub, (*path, name))


def test_every_command_has_help():
    root = typer.main.get_command(app)
    seen = 0
    for path, cmd in _commands(root):
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert (cmd.help or "").strip(), f"command {' '.join(path)} has no help text"
        seen += 1
    assert seen >= 2
