"""The command line: options in, exit codes out.

Exit codes (a contract CI depends on): 0 nothing at or above the failure level; 1 findings
at or above it; 2 usage or configuration error; 3 an input document is invalid; 70 a bug
in alignkit (the crash guard in `main`).

Start-up pays only for what a command uses: this module imports typer and the output
registry (a table of names) and nothing else at import time, so `--version`, `--help`,
`config`, `init` and `schema` never load numpy, jinja2 or a renderer. Each command imports
the library it needs inside its function.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from typer.main import get_command_name

from . import __version__
from .registry import format_names

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from .assess import CheckResult
    from .diff import Assessed
    from .errors import AlignkitError
    from .notes import Notes
    from .pipeline import PipelineRun
    from .project import Project

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INVALID, EXIT_BUG = 0, 1, 2, 3, 70

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


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


class Colour(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


_NARROWEST = 40
"""Below this many columns (COLUMNS=0, a mis-set terminal) the report uses 80."""


def _console(colour: Colour = Colour.auto, *, stderr: bool = False) -> Console:
    """A console that honours --color (and NO_COLOR, which rich reads, for auto).

    soft_wrap: never break a `path:line:column` line to fit the terminal. markup and
    emoji are off: everything printed carries user text (a title `Plan [/]`, a file name
    with `:warning:`), which must print as written; styles come from Text objects only.
    """
    from rich.console import Console

    console = Console(
        stderr=stderr,
        soft_wrap=True,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=True if colour is Colour.always else None,
        # never: no colour, and no bold or underline either
        color_system=None if colour is Colour.never else "auto",
    )
    if console.width < _NARROWEST:
        console.width = 80
    return console


def _notes(colour: Colour = Colour.auto) -> Notes:
    """stderr for a command's notes: plain text where nothing would be styled (a pipe or
    file), so a run in CI never imports rich's console; else ``_console``."""
    from .notes import Notes, plain_will_do

    forced = colour is Colour.always
    return Notes(lambda: _console(colour, stderr=True), plain=plain_will_do(forced))


def _usage_error(message: str) -> typer.Exit:
    from rich.text import Text

    _console(stderr=True).print(Text.assemble(("error:", "bold red"), " ", message))
    return typer.Exit(EXIT_USAGE)


def _refused(exc: AlignkitError) -> typer.Exit:
    """Exit 2 for anything the user can put right: a path, the configuration, an option."""
    from .config import ConfigError
    from .pipeline import VocabularyProblem

    if isinstance(exc, ConfigError):
        return _usage_error(_listed("the configuration cannot be used", exc.problems))
    if isinstance(exc, VocabularyProblem):
        return _usage_error(_listed("the vocabulary cannot be used", exc.problems))
    return _usage_error(str(exc))


def _out(content: RenderableType, console: Console | None = None) -> None:
    """The report on stdout (through ``console`` for colour); a closed pipe or a full disk
    is exit 2 with a sentence, not click's silent exit 1 or a traceback."""
    from .output import OutputError, stdout_gone, to_stdout

    try:
        if console is None:
            to_stdout(str(content))
        else:
            console.print(content, end="" if isinstance(content, str) else "\n")
            console.file.flush()
    except OutputError as exc:
        raise _refused(exc) from None
    except OSError as exc:
        stdout_gone()
        raise _usage_error(f"cannot write to standard output: {exc.strerror or exc}") from None


def _listed(title: str, problems: list[str]) -> str:
    return title + ":\n  " + "\n  ".join(problems)


def _formats(kind: str) -> Callable[[object], object]:
    """Check --format against the output registry when the command runs, so a format
    registered in the table is accepted without touching the command line."""

    def check(value: object) -> object:
        names = format_names(kind)
        given = value if isinstance(value, list) else [value]
        for name in given:
            if name is not None and name not in names:
                raise typer.BadParameter(f"{name!r} is not one of {', '.join(names)}")
        return value

    return check


def _format_help(kind: str, words: str) -> str:
    return f"{words} One of: {', '.join(format_names(kind))}."


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


_CONFIG_OPTION = typer.Option(
    None,
    "--config",
    help="Use this configuration file instead of searching for one.",
    metavar="FILE",
)
_VOCABULARY_OPTION = typer.Option(
    [],
    "--vocabulary",
    help="An extra vocabulary file with your own terms (repeatable); see docs/matching.md.",
    metavar="FILE",
    show_default=False,
)
_PLAN_ARGUMENT = typer.Argument(
    None,
    help="The police and crime plan (YAML). Default: 'plan' in alignkit.toml.",
    metavar="PLAN",
    show_default=False,
)
_CSPS_ARGUMENT = typer.Argument(
    None,
    help="CSP documents, or folders of them (searched recursively). "
    "Default: 'csps' in alignkit.toml.",
    metavar="CSP",
    show_default=False,
)
_OUTPUT_OPTION = typer.Option(
    None, "--output", "-o", help="Write to this file instead of stdout.", metavar="FILE"
)
_FORCE_OPTION = typer.Option(
    False, "--force", help="Replace an existing --output file that alignkit did not write."
)
_AS_OF_OPTION = typer.Option(
    None,
    "--as-of",
    help="Date the document as of this day, YYYY-MM-DD (default: 'as_of' in alignkit.toml, "
    "else today). Set it to make the output reproducible.",
    metavar="YYYY-MM-DD",
    show_default=False,
)


def _project(
    config_path: Path | None,
    plan: Path | None,
    csps: list[Path] | None,
    as_of: str | None,
    vocabulary: list[Path],
    fail_on: str | None = None,
) -> Project:
    """The resolved project (alignkit.toml plus these options); exit 2 when it is unusable."""
    from .config import load_config
    from .errors import AlignkitError
    from .project import resolve_project

    try:
        config = load_config(config_path)
        return resolve_project(
            config,
            plan=plan,
            csps=csps or (),
            as_of=as_of,
            fail_on=fail_on,
            vocabulary=vocabulary,
        )
    except AlignkitError as exc:
        raise _refused(exc) from None


def _run(
    project: Project, notes: Notes, *, spinner: bool = False
) -> tuple[PipelineRun, CheckResult]:
    """The pipeline on the project, and its result: exit 2 for unusable paths or
    vocabulary, 3 for invalid documents (listed on stderr)."""
    from .collections_tuning import tune_for_a_run
    from .errors import AlignkitError
    from .pipeline import run_pipeline

    tune_for_a_run()

    try:
        # A transient spinner on a terminal only: never in logs, pipes or CI output.
        if spinner and notes.is_terminal:
            with notes.status("Reading, scoring and assessing the documents…"):
                run = run_pipeline(project)
        else:
            run = run_pipeline(project)
    except AlignkitError as exc:
        raise _refused(exc) from None
    if run.result is None:
        from .render.validation import validation_text

        notes.print(validation_text(run.validation), end="")
        raise typer.Exit(EXIT_INVALID)
    return run, run.result


@app.command()
def validate(
    paths: list[Path] | None = typer.Argument(
        None,
        help="Plan and CSP files, or folders of them (searched recursively). Default: "
        "'plan' and 'csps' in alignkit.toml.",
        show_default=False,
        metavar="PATH",
    ),
    plan: Path | None = typer.Option(
        None,
        "--plan",
        help="The police and crime plan: every other file must be a CSP document "
        "and is checked against it.",
        metavar="FILE",
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", "-f", help="text for people, json for machines."
    ),
    config_path: Path | None = typer.Option(
        None, "--config", help="Configuration file (for [limits]); searched for by default."
    ),
) -> None:
    """Check plan and CSP documents: YAML, every field, and the links between files.

    Every problem in every file is listed as path:line:column with a code and a hint.
    Exit code 0 when all are valid, 3 when any is not.
    """
    from .config import ConfigError, load_config
    from .render.validation import validation_json, validation_text
    from .validate import UsageError, validate_paths

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise _refused(exc) from None
    if not paths:
        settings = config.settings
        if settings.plan is None and not settings.csps:
            raise _usage_error(
                "give the files or folders to validate (or set them in alignkit.toml)"
            )
        if settings.plan is not None and plan is None:
            plan = config.resolve(settings.plan)
        paths = [config.resolve(c) for c in settings.csps] or ([plan] if plan else [])
    try:
        result = validate_paths(paths, plan_path=plan, limits=config.limits)
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if output_format is OutputFormat.json:
        _out(validation_json(result))
    else:
        _out(validation_text(result), _console())
    raise typer.Exit(EXIT_OK if result.valid else EXIT_INVALID)


@app.command()
def check(
    plan: Path | None = _PLAN_ARGUMENT,
    csps: list[Path] | None = _CSPS_ARGUMENT,
    output_format: list[str] | None = typer.Option(
        None,
        "--format",
        "-f",
        help=_format_help(
            "report",
            "text for a terminal, markdown for a pull request or CI summary, html for "
            "people to open and print, json for other tools; github, sarif or junit for CI. "
            "Repeat with --output to write several reports in one run.",
        ),
        metavar="FORMAT",
        show_default=False,
        callback=_formats("report"),
    ),
    output: list[Path] | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write a report to this file instead of stdout: the first --output goes with "
        "the first --format, the second with the second, and so on (with no --format, the "
        "format the file's name says: report.html, report.json, …).",
        metavar="FILE",
        show_default=False,
    ),
    fail_on: FailOn | None = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding is at this level or above (never: always exit 0). "
        "Default: error.",
        metavar="LEVEL",
        show_default=False,
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="Judge dates (plan expiry, refresh cycles, waivers) as of this day, YYYY-MM-DD. "
        "Default: today. Set it to make a report reproducible.",
        metavar="YYYY-MM-DD",
        show_default=False,
    ),
    vocabulary: list[Path] = _VOCABULARY_OPTION,
    config_path: Path | None = _CONFIG_OPTION,
    force: bool = _FORCE_OPTION,
    new_only: str | None = typer.Option(
        None,
        "--new-only",
        help="Exit 1 only for findings at or above --fail-on that BASE did not have: BASE is "
        "a git revision (origin/main) or a JSON report. The reports still show every finding.",
        metavar="BASE",
        show_default=False,
    ),
    colour: Colour = typer.Option(
        Colour.auto, "--color", "--colour", help="Colour in the terminal (NO_COLOR is honoured)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on stderr but errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say more on stderr."),
) -> None:
    """Check that CSP priorities and the police and crime plan have regard to each other.

    Scores every CSP priority against every objective of the plan, then reports unexplained
    gaps, partial matches, declared links the text does not bear out, planning cycles out
    of step and missing partners. Exit codes: 0 nothing at or above --fail-on; 1 findings
    at or above it; 2 usage or configuration error; 3 an input document is invalid.
    """
    from .errors import AlignkitError
    from .publish import document, targets, write
    from .reporting import check_note, github_summary

    notes = _notes(colour)
    fail_level = fail_on.value if fail_on is not None else None
    project = _project(config_path, plan, csps, as_of, vocabulary, fail_level)
    if verbose:
        if project.config.path is not None:
            notes.print(f"configuration: {project.config.shown}")
        notes.print(project.describe_origins())
    try:
        wanted = targets("report", output_format or [], output or [], project)
    except AlignkitError as exc:
        raise _refused(exc) from None
    base = _side(new_only, project, notes) if new_only is not None else None
    run, checked = _run(project, notes, spinner=not quiet)
    result = document("report", checked, run.matcher)
    for target in wanted:
        try:
            styled = sys.stdout.isatty() or colour is Colour.always
            if target.path is None and target.format == "text" and styled:
                from .render.text import render_text

                _out(render_text(result), _console(colour))
            else:
                write("report", result, target, run, force=force)
        except AlignkitError as exc:
            raise _refused(exc) from None
        if verbose and target.path is not None:
            notes.print(f"wrote {target.format} report to {target.path}")
    if any(t.format == "github" for t in wanted):
        github_summary(result, notes)
    if not quiet:
        notes.print(check_note(result, [t.path for t in wanted if t.path is not None]))
    if base is not None:
        raise typer.Exit(_new_since(base, result, project.fail_on, notes, quiet))
    raise typer.Exit(EXIT_FINDINGS if result.fails(project.fail_on) else EXIT_OK)


def _side(given: str | None, project: Project | None, notes: Notes) -> Assessed:
    """One side of a comparison (None: the working tree): exit 2 when it is neither a
    revision nor a report, 3 when its documents are invalid."""
    from .diff import InvalidSide, read_side
    from .errors import AlignkitError
    from .render.validation import validation_text

    try:
        return read_side(given, project)
    except AlignkitError as exc:
        raise _refused(exc) from None
    except InvalidSide as exc:
        notes.print(f"{exc.label}: the documents are not valid there", markup=False)
        notes.print(validation_text(exc.validation), end="")
        raise typer.Exit(EXIT_INVALID) from None


def _new_since(base: Assessed, result: CheckResult, fail_on: str, notes: Notes, quiet: bool) -> int:
    """check --new-only: exit 1 only for findings at --fail-on that BASE did not have."""
    from .diff import Assessed, diff_sides, introduced
    from .render.report import build_report

    head = Assessed("this check", build_report(result, explanations="closest"))
    new = introduced(diff_sides(base, head), "never" if fail_on == "never" else f"new-{fail_on}")
    if not quiet:
        notes.print(
            f"new since {base.label}: {len(new)} at or above --fail-on {fail_on}", markup=False
        )
    return EXIT_FINDINGS if new else EXIT_OK


def _document_command(
    kind: str,
    output_format: str | None,
    plan: Path | None,
    csps: list[Path] | None,
    output: Path | None,
    as_of: str | None,
    vocabulary: list[Path],
    config_path: Path | None,
    force: bool,
) -> None:
    """Run the pipeline, then write one document (calendar, pack or summary) made from it."""
    from .errors import AlignkitError
    from .publish import document, targets, write
    from .reporting import document_note

    notes = _notes()
    project = _project(config_path, plan, csps, as_of, vocabulary)
    try:
        wanted = targets(kind, [output_format] if output_format else [], [output] if output else [])
    except AlignkitError as exc:
        raise _refused(exc) from None
    run, result = _run(project, notes)
    made = document(kind, result, run.matcher)
    try:
        write(kind, made, wanted[0], run, force=force)
    except AlignkitError as exc:
        raise _refused(exc) from None
    notes.print(document_note(kind, made, result, output))
    raise typer.Exit(EXIT_OK)


@app.command()
def calendar(
    plan: Path | None = _PLAN_ARGUMENT,
    csps: list[Path] | None = _CSPS_ARGUMENT,
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=_format_help(
            "calendar",
            "ics to import into Outlook or Google Calendar, html for a page with a "
            "timeline chart to open, share or print. Default: ics.",
        ),
        metavar="FORMAT",
        callback=_formats("calendar"),
    ),
    output: Path | None = _OUTPUT_OPTION,
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="The day the calendar is made, YYYY-MM-DD (marked on the chart, and the "
        "events' timestamp). Default: today. Set it to make the output reproducible.",
        show_default=False,
    ),
    vocabulary: list[Path] = _VOCABULARY_OPTION,
    config_path: Path | None = _CONFIG_OPTION,
    force: bool = _FORCE_OPTION,
) -> None:
    """One timeline of every date in the plans: periods, refreshes, assessments, meetings.

    Writes an iCalendar file (one all-day event per date) or an HTML page with a timeline
    chart, with the governance events around them (elections held, transfers, the end of
    PCC terms, each uncertain date with its status) and the planning cycles the check finds out
    of step marked (waived findings are not). Exit codes: 0 written; 2 usage error; 3 an
    input document is invalid.
    """
    _document_command(
        "calendar", output_format, plan, csps, output, as_of, vocabulary, config_path, force
    )


@app.command()
def pack(
    plan: Path | None = _PLAN_ARGUMENT,
    csps: list[Path] | None = _CSPS_ARGUMENT,
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=_format_help(
            "pack",
            "markdown to edit or publish in a repository, html to open, send and print "
            "(one partnership per page). Default: markdown.",
        ),
        metavar="FORMAT",
        callback=_formats("pack"),
    ),
    output: Path | None = _OUTPUT_OPTION,
    as_of: str | None = _AS_OF_OPTION,
    vocabulary: list[Path] = _VOCABULARY_OPTION,
    config_path: Path | None = _CONFIG_OPTION,
    audience: str = typer.Option(
        "current",
        "--for",
        help="current: the welcome pack for the body that issues the plan; successor: the "
        "handover pack for the mayor or board that takes over (with regard records, "
        "funding and the transfer date).",
        metavar="current|successor",
    ),
    also: list[Path] = typer.Option(
        [],
        "--with",
        help="With --for successor: the alignkit.toml of another force area the same body "
        "takes over (one mayor, two forces); repeat for more. One pack, a section per force.",
        metavar="CONFIG",
    ),
    force: bool = _FORCE_OPTION,
) -> None:
    """Write a welcome pack for the body that issues the plan (commissioner, mayor or board).

    An overview of the force area, then each partnership: area, responsible authorities,
    key contacts, priorities and how each aligns with the plan, calendar of meetings and
    document production timetable. With --for successor, the handover pack for whoever
    takes over in May 2028. Exit codes: 0 written; 2 usage error; 3 an input document is
    invalid.
    """
    if audience not in ("current", "successor"):
        raise _usage_error(f"--for {audience!r}: give current or successor")
    if audience == "successor":
        _handover(output_format, plan, csps, output, as_of, vocabulary, config_path, also, force)
    if also:
        raise _usage_error("--with needs --for successor")
    _document_command(
        "pack", output_format, plan, csps, output, as_of, vocabulary, config_path, force
    )


def _handover(
    output_format: str | None,
    plan: Path | None,
    csps: list[Path] | None,
    output: Path | None,
    as_of: str | None,
    vocabulary: list[Path],
    config_path: Path | None,
    also: list[Path],
    force: bool = False,
) -> None:
    """The handover pack: this force area, then each --with area, in one document."""
    from .errors import AlignkitError
    from .pack.handover import build_handover, combine
    from .publish import targets, write

    notes = _notes()
    project = _project(config_path, plan, csps, as_of, vocabulary)
    try:
        wanted = targets(
            "handover", [output_format] if output_format else [], [output] if output else []
        )
    except AlignkitError as exc:
        raise _refused(exc) from None
    run, result = _run(project, notes)
    packs = [build_handover(result, run.matcher)]
    day = project.as_of.isoformat()
    for other in also:
        extra = _project(other, None, None, day, vocabulary)
        _, extra_result = _run(extra, notes)
        packs.append(build_handover(extra_result, run.matcher))
    made = combine(packs)
    try:
        write("handover", made, wanted[0], run, force=force)
    except AlignkitError as exc:
        raise _refused(exc) from None
    areas = ", ".join(f.pack.force_area for f in made.forces)
    notes.print(
        f"handover pack for {made.successor} ({areas})"
        + (f" written to {output}" if output else ""),
        markup=False,
    )
    raise typer.Exit(EXIT_OK)


@app.command()
def summary(
    plan: Path | None = _PLAN_ARGUMENT,
    csps: list[Path] | None = _CSPS_ARGUMENT,
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=_format_help(
            "summary",
            "markdown for a repository or briefing, html to open and print, json for tools. "
            "Default: markdown.",
        ),
        metavar="FORMAT",
        callback=_formats("summary"),
    ),
    output: Path | None = _OUTPUT_OPTION,
    as_of: str | None = _AS_OF_OPTION,
    vocabulary: list[Path] = _VOCABULARY_OPTION,
    config_path: Path | None = _CONFIG_OPTION,
    force: bool = _FORCE_OPTION,
) -> None:
    """Write the force-wide summary of the partnerships' strategic assessments.

    The themes of every partnership's priorities and assessment key findings, who holds
    each and on what evidence, set against the plan's objectives, with the objectives no
    local evidence stands behind. Exit codes: 0 written; 2 usage error; 3 an input
    document is invalid.
    """
    _document_command(
        "summary", output_format, plan, csps, output, as_of, vocabulary, config_path, force
    )


class DiffFailOn(StrEnum):
    new_error = "new-error"
    new_warning = "new-warning"
    never = "never"


@app.command()
def diff(
    base: str = typer.Argument(
        ...,
        help="What the change starts from: a git revision of the repository (origin/main, "
        "HEAD~1) or a JSON report written by `alignkit check --format json`.",
        metavar="BASE",
        show_default=False,
    ),
    head: str | None = typer.Argument(
        None,
        help="What it ends at, the same way. Default: the working tree.",
        metavar="[HEAD]",
        show_default=False,
    ),
    plan: Path | None = typer.Option(
        None, "--plan", help="The plan file. Default: 'plan' in alignkit.toml.", metavar="FILE"
    ),
    csps: list[Path] | None = typer.Option(
        None,
        "--csps",
        help="A CSP file or folder (repeatable). Default: 'csps' in alignkit.toml.",
        metavar="PATH",
        show_default=False,
    ),
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=_format_help(
            "diff",
            "text for a terminal, markdown for a pull-request comment or the GitHub step "
            "summary, json for tools. Default: text.",
        ),
        metavar="FORMAT",
        callback=_formats("diff"),
    ),
    output: Path | None = _OUTPUT_OPTION,
    fail_on: DiffFailOn = typer.Option(
        DiffFailOn.new_error,
        "--fail-on",
        help="Exit 1 when the change brings a new finding at this level or above.",
        metavar="new-error|new-warning|never",
    ),
    as_of: str | None = _AS_OF_OPTION,
    vocabulary: list[Path] = _VOCABULARY_OPTION,
    config_path: Path | None = _CONFIG_OPTION,
    force: bool = _FORCE_OPTION,
) -> None:
    """What a change did: findings opened, closed and changed, cells and scores that
    moved, objectives and priorities added, removed or renamed, and a one-line verdict.

    Both sides are assessed by this alignkit with the same settings. Exit codes: 0
    nothing new at or above --fail-on; 1 new findings at or above it; 2 BASE or HEAD is
    neither a revision nor a report, or a usage error; 3 an input document is invalid.
    """
    from .diff import diff_sides, introduced
    from .diff.sides import is_report_file
    from .errors import AlignkitError
    from .output import write_report
    from .publish import targets
    from .registry import renderer

    notes = _notes()
    # Two JSON reports need no documents and no settings: they are already assessed.
    reports_only = is_report_file(base) and is_report_file(head)
    project = None if reports_only else _project(config_path, plan, csps, as_of, vocabulary)
    try:
        wanted = targets(
            "diff", [output_format] if output_format else [], [output] if output else []
        )[0]
    except AlignkitError as exc:
        raise _refused(exc) from None
    before = _side(base, project, notes)
    after = _side(head, project, notes)
    made = diff_sides(before, after)
    try:
        content = renderer("diff", wanted.format)(made)
        write_report(
            content,
            wanted.path,
            protected=[*before.inputs, *after.inputs, *(project.protected() if project else [])],
            force=force,
        )
    except AlignkitError as exc:
        raise _refused(exc) from None
    notes.print(made.verdict, markup=False)
    raise typer.Exit(EXIT_FINDINGS if introduced(made, fail_on.value) else EXIT_OK)


@app.command("config")
def show_config(config_path: Path | None = _CONFIG_OPTION) -> None:
    """Print the effective configuration and where each value comes from."""
    from .config import ConfigError, load_config
    from .config.explain import describe

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise _refused(exc) from None
    _out(describe(config))


@app.command()
def baseline(
    plan: Path | None = typer.Argument(None, help="The police and crime plan.", show_default=False),
    csps: list[Path] | None = typer.Argument(
        None, help="CSP documents or folders.", show_default=False
    ),
    expires_in: int = typer.Option(
        90,
        "--expires-in",
        min=1,
        max=3660,
        help="Days until the baseline waivers expire (at most ten years).",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="Today, as YYYY-MM-DD."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    config_path: Path | None = typer.Option(None, "--config", help="Configuration file."),
    force: bool = _FORCE_OPTION,
) -> None:
    """Write waivers for today's errors and warnings, to adopt alignkit in a repository
    that already has findings. Each needs a real reason before it expires."""
    import datetime as dt

    from .models.common import LATEST_YEAR
    from .output import OutputError, write_report
    from .policy import baseline_waivers

    project = _project(config_path, plan, csps, as_of, [])
    run, result = _run(project, _notes())
    expires = project.as_of + dt.timedelta(days=expires_in)
    if expires.year > LATEST_YEAR:
        raise _usage_error(
            f"--expires-in {expires_in}: the waivers would expire after {LATEST_YEAR}"
        )
    content = baseline_waivers(result.findings, expires)
    try:
        write_report(content, output, protected=run.inputs, force=force)
    except OutputError as exc:
        raise _refused(exc) from None


@app.command()
def init(
    folder: Path = typer.Argument(Path("."), help="The repository folder (created if missing)."),
    force_area: str = typer.Option(
        "Wessex", "--force-area", help="The force area's name, used in the templates."
    ),
) -> None:
    """Start a force area's shared repository: plan and CSP templates, alignkit.toml, a
    GitHub Actions workflow, pre-commit and editor settings. Never overwrites a file."""
    from .scaffold import ScaffoldError, scaffold

    try:
        outcomes = scaffold(folder, force_area)
    except ScaffoldError as exc:
        raise _usage_error(str(exc)) from None
    for outcome in outcomes:
        verb = "wrote" if outcome.written else "kept existing"
        typer.echo(f"{verb} {folder / outcome.path}", err=True)
    typer.echo(
        f"Next: edit {folder / 'plan.yaml'} and the files in {folder / 'csps'}, then run "
        "`alignkit check` there.",
        err=True,
    )


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
    from .output import OutputError
    from .schemas import stale_files, write_schemas

    if check:
        stale = stale_files(output_dir)
        for name in stale:
            typer.echo(f"out of date: {output_dir / name}", err=True)
        if stale:
            typer.echo("run `alignkit schema` to regenerate them", err=True)
        raise typer.Exit(EXIT_FINDINGS if stale else EXIT_OK)
    try:
        for target in write_schemas(output_dir):
            typer.echo(f"wrote {target}", err=True)
    except OutputError as exc:
        raise _refused(exc) from None


class ImportKind(StrEnum):
    plan = "plan"
    csp = "csp"


class ImportEncoding(StrEnum):
    utf8 = "utf-8"
    windows1252 = "windows-1252"


@app.command("import")
def import_(
    spreadsheet: Path | None = typer.Argument(
        None, help="The .xlsx workbook or .csv file to read.", show_default=False
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here (default: the YAML to stdout).", metavar="FILE"
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
    template: bool = typer.Option(
        False, "--template", help="Write the empty import workbook (--output FILE.xlsx)."
    ),
    source: Path | None = typer.Option(
        None,
        "--from",
        help="With --template: fill the workbook from this YAML document.",
        metavar="FILE",
    ),
    kind: ImportKind | None = typer.Option(
        None, "--kind", help="plan or csp: what a CSV file (or an empty template) holds."
    ),
    force_area: str | None = typer.Option(None, "--force-area", help="CSV: the force area."),
    csp_id: str | None = typer.Option(None, "--id", help="CSV: the partnership's id."),
    name: str | None = typer.Option(
        None, "--name", help="CSV: the partnership's name, or the plan's title."
    ),
    encoding: ImportEncoding = typer.Option(
        ImportEncoding.utf8, "--encoding", help="CSV: the file's text encoding."
    ),
) -> None:
    """Turn a spreadsheet (.xlsx, or .csv of objectives or priorities) into a plan or CSP
    document; with --template, write the workbook to fill in (or --from a document, to edit).

    Every problem is listed as file.xlsx:Sheet!B7 (file.csv:line:column) with a code and a
    hint, and nothing is written. Exit codes: 0 written; 2 usage error; 3 the spreadsheet
    has problems.
    """
    from .errors import AlignkitError
    from .importer.run import KIND_NAMES, Outcome, Refused, import_to_yaml, write_template

    chosen = KIND_NAMES[kind.value] if kind else None
    try:
        if template:
            outcome = write_template(output, force=force, kind=chosen, source=source)
        elif spreadsheet is None:
            raise Refused("give the spreadsheet to import (or --template)")
        else:
            is_plan = chosen == KIND_NAMES["plan"]
            given = {"force_area": force_area, "id": csp_id, ("title" if is_plan else "name"): name}
            details = {key: value for key, value in given.items() if value is not None}
            outcome = import_to_yaml(
                spreadsheet,
                output,
                force=force,
                kind=chosen,
                details=details,
                encoding=encoding.value,
            )
    except Refused as exc:
        raise _usage_error(str(exc)) from None
    except AlignkitError as exc:  # standard output closed or full
        raise _refused(exc) from None
    except OSError as exc:
        raise _usage_error(f"cannot write {output}: {exc.strerror or exc}") from None
    raise typer.Exit(EXIT_INVALID if outcome is Outcome.INVALID else EXIT_OK)


def _tolerant_stdout() -> None:
    """Reports to a terminal or pipe that is not UTF-8 (a Windows console, LC_ALL=C,
    PYTHONIOENCODING=ascii) replace what cannot be shown rather than crash; files are
    always written as UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("-", "").lower()
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def app_for(args: list[str]) -> typer.Typer:
    """The app to run: the whole of it, or, when the first argument names a command, the
    app with that command alone.

    typer makes every command's click parameters before it reads the command line (about
    0.02 s for alignkit's commands, a tenth of `--version`), and a run uses one of them.
    A named command's help, usage line and errors are the same either way (a test
    compares them); no arguments, `--help`, `--version` and a misspelt command get the
    whole app, so the list of commands and the did-you-mean stay whole."""
    if args and not args[0].startswith("-"):
        for info in app.registered_commands:
            callback = info.callback
            name = info.name or (callback and get_command_name(callback.__name__))
            if name == args[0]:
                one = copy.copy(app)
                one.registered_commands = [info]
                return one
    return app


def main() -> None:
    """Entry point: run the app, and turn any unexpected crash into a short message.

    Bad input never reaches here as an exception (it becomes diagnostics); this guard is
    for bugs, so that even then the user sees a sentence rather than a traceback.
    """
    import signal

    from .errors import Interrupted
    from .launch import EXIT_INTERRUPTED, interrupt

    signal.signal(signal.SIGINT, interrupt)
    _tolerant_stdout()
    try:
        app_for(sys.argv[1:])()
    except SystemExit:
        raise
    except (KeyboardInterrupt, Interrupted):
        sys.stderr.write("alignkit: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:
        if os.environ.get("ALIGNKIT_DEBUG"):
            raise
        sys.stderr.write(
            f"alignkit: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in alignkit, not in your files. Run again with ALIGNKIT_DEBUG=1 "
            "to see the details, and please report it.\n"
        )
        sys.exit(EXIT_BUG)
