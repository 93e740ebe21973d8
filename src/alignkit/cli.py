"""The command line: thin. Parse options, call the library, write output, map to exit codes.

Exit codes (a contract CI depends on): 0 nothing at or above the failure level; 1 findings
at or above it; 2 usage or configuration error; 3 an input document is invalid.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from . import __version__
from .check import run_check
from .match import Matcher, VocabularyError
from .output import OutputError, write_report
from .render import RENDERERS
from .render.text import render_text
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


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


def _stderr() -> Console:
    return Console(stderr=True, soft_wrap=True, highlight=False)


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


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _usage_error(f"--as-of {value!r}: give a date as YYYY-MM-DD") from None


@app.command()
def check(
    plan: Path = typer.Argument(..., help="The police and crime plan (YAML).", show_default=False),
    csps: list[Path] = typer.Argument(
        ..., help="CSP documents, or folders of them (searched recursively).", show_default=False
    ),
    output_format: ReportFormat = typer.Option(
        ReportFormat.text,
        "--format",
        "-f",
        help="text for a terminal, markdown for a pull request or CI summary, html for "
        "people to open and print, json for other tools.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file instead of stdout."
    ),
    fail_on: FailOn = typer.Option(
        FailOn.error,
        "--fail-on",
        help="Exit 1 when a finding is at this level or above (never: always exit 0).",
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="Judge dates (plan expiry, refresh cycles) as of this day, YYYY-MM-DD. "
        "Default: today. Set it to make a report reproducible.",
        show_default=False,
    ),
    vocabulary: list[Path] = typer.Option(
        [],
        "--vocabulary",
        help="An extra vocabulary file with your own terms (repeatable); see docs/matching.md.",
        show_default=False,
    ),
) -> None:
    """Check that CSP priorities and the police and crime plan have regard to each other.

    Scores every CSP priority against every objective of the plan, then reports unexplained
    gaps, partial matches, declared links the text does not bear out, planning cycles out
    of step and missing partners. Exit codes: 0 nothing at or above --fail-on; 1 findings
    at or above it; 2 usage error; 3 an input document is invalid.
    """
    day = _parse_as_of(as_of)
    try:
        matcher = Matcher.with_files(vocabulary)
    except VocabularyError as exc:
        raise _usage_error(
            "the vocabulary cannot be used:\n  " + "\n  ".join(exc.problems)
        ) from None
    try:
        run = run_check(plan, csps, day, matcher)
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if run.result is None:
        _stderr().print(validation_text(run.validation), end="")
        raise typer.Exit(EXIT_INVALID)
    result = run.result
    inputs = [plan, *(doc.source.path for doc in run.validation.documents)]
    try:
        if output is None and output_format is ReportFormat.text and sys.stdout.isatty():
            _stdout().print(render_text(result))
        else:
            write_report(RENDERERS[output_format.value](result), output, protected=inputs)
    except OutputError as exc:
        raise _usage_error(str(exc)) from None
    counts = result.counts()
    note = (
        f"checked {_count(len(result.csps), 'CSP')} against {result.plan.title}: "
        f"{_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}, "
        f"{_count(counts['info'], 'note')}"
    )
    if output is not None:
        note += f"; report written to {output}"
    _stderr().print(note)
    raise typer.Exit(EXIT_FINDINGS if result.fails(fail_on.value) else EXIT_OK)


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
