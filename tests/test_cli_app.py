"""`alignkit <command>` runs an app of that command alone (typer builds every command's
parameters before it parses, and a run uses one): what a user sees must not change."""

from __future__ import annotations

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from alignkit.cli import app, app_for

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_is_found_by_its_name():
    assert {"check", "validate", "config", "import", "diff"} <= set(COMMANDS)
    for name in COMMANDS:
        one = app_for([name, "--help"])
        assert one is not app
        assert sorted(get_command(one).commands) == [name]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "args", [[], ["--help"], ["--version"], ["chek"], ["--version", "check"]], ids=str
)
def test_anything_else_gets_the_whole_app(args):
    assert app_for(args) is app


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize(
    "rest", [["--help"], ["--no-such-option"], ["--help", "--format", "nope"]], ids=" ".join
)
def test_a_command_alone_says_what_the_whole_app_says(name, rest):
    runner = CliRunner()
    whole = runner.invoke(app, [name, *rest], prog_name="alignkit")
    alone = runner.invoke(app_for([name, *rest]), [name, *rest], prog_name="alignkit")
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)
    assert whole.output  # help or an error: something to compare
