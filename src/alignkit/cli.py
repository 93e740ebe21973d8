"""The command line: thin. Parse options, call the library, write output, map to exit codes.

Exit codes (a contract CI depends on): 0 nothing at or above the failure level; 1 findings
at or above it; 2 usage or configuration error; 3 an input document is invalid.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from . import __version__
from .render.validation import validation_json, validation_text
from .schemas import generated_files, stale_files
from .validate import UsageError, validate_paths

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INVALID = 0, 1, 2, 3

app = typer.Typer(
    name="alignkit",
    help="Check that Community Safety Partnership priorities and the police and crime plan "
    "have regard to each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _stdout() -> Console:
    # soft_wrap: never break a `path:line:column` line to fit the terminal.
    return Console(soft_wrap=True, highlight=False)


def _usage_error(message: str) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"[bold red]error:[/] {message}")
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"alignkit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Check that CSP priorities and the police and crime plan have regard to each other."""


@app.command()
def validate(
    paths: list[Path] = typer.Argument(
        ...,
        help="Plan and CSP files, or folders of them (searched recursively).",
        show_default=False,
    ),
    plan: Path | None = typer.Option(
        None,
        "--plan",
        help="The police and crime plan: every other file must be a CSP document "
        "and is checked against it.",
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", "-f", help="text for people, json for machines."
    ),
) -> None:
    """Check plan and CSP documents: YAML, every field, and the links between files.

    Every problem in every file is listed as path:line:column with a code and a hint.
    Exit code 0 when all are valid, 3 when any is not.
    """
    try:
        result = validate_paths(paths, plan_path=plan)
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if output_format is OutputFormat.json:
        sys.stdout.write(validation_json(result))
    else:
        _stdout().print(validation_text(result), end="")
    raise typer.Exit(EXIT_OK if result.valid else EXIT_INVALID)


@app.command()
def schema(
    output_dir: Path = typer.Option(
        Path("schemas"), "--output-dir", "-o", help="Folder to write the JSON Schema files into."
    ),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; exit 1 if the files there are out of date."
    ),
) -> None:
    """Write the JSON Schemas of both documents (draft-07, for editors and other tools)."""
    if check:
        stale = stale_files(output_dir)
        for name in stale:
            typer.echo(f"out of date: {output_dir / name}", err=True)
        if stale:
            typer.echo("run `alignkit schema` to regenerate them", err=True)
        raise typer.Exit(EXIT_FINDINGS if stale else EXIT_OK)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        for name, content in generated_files().items():
            target = output_dir / name
            temporary = target.with_name(f".{name}.tmp")
            temporary.write_text(content, encoding="utf-8")
            os.replace(temporary, target)
            typer.echo(f"wrote {target}", err=True)
    except OSError as exc:
        raise _usage_error(f"cannot write to {output_dir}: {exc.strerror or exc}") from None


def main() -> None:
    """Entry point: run the app, and turn any unexpected crash into a short message.

    Bad input never reaches here as an exception (it becomes diagnostics); this guard is
    for bugs, so that even then the user sees a sentence rather than a traceback.
    """
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - only reached by bugs
        if os.environ.get("ALIGNKIT_DEBUG"):
            raise
        sys.stderr.write(
            f"alignkit: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in alignkit, not in your files. Run again with ALIGNKIT_DEBUG=1 "
            "to see the details, and please report it.\n"
        )
        sys.exit(70)
