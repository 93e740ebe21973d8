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
from rich.markup import escape

from . import __version__
from .assess import CheckResult
from .assess.waivers import apply_policy
from .check import run_check
from .config import Config, ConfigError, load_config
from .config.explain import baseline_waivers, describe
from .match import Matcher, Thresholds, VocabularyError, load_vocabulary
from .models.common import EARLIEST_YEAR, LATEST_YEAR
from .output import OutputError, write_report
from .render import RENDERERS
from .render.github import write_step_summary
from .render.text import render_text
from .render.validation import one_line, validation_json, validation_text
from .scaffold import ScaffoldError, scaffold
from .schemas import generated_files, stale_files
from .validate import UsageError, validate_paths
from .words import plural

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
    github = "github"
    sarif = "sarif"
    junit = "junit"


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
    # soft_wrap: a `file:line:column` message must stay on one line for editors and CI.
    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"[bold red]error:[/] {escape(message)}"
    )
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
    config = _load_config(config_path)
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
        sys.stdout.write(validation_json(result))
    else:
        _stdout().print(validation_text(result), end="")
    raise typer.Exit(EXIT_OK if result.valid else EXIT_INVALID)


def _parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise _usage_error(f"--as-of {value!r}: give a date as YYYY-MM-DD") from None
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        # The same bounds as dates in documents: date arithmetic must not run off the end.
        raise _usage_error(
            f"--as-of {value}: give a date between {EARLIEST_YEAR} and {LATEST_YEAR}"
        )
    return day


class Colour(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def _console(colour: Colour, *, stderr: bool = False) -> Console:
    """A console that honours --color (and NO_COLOR, which rich reads, for auto)."""
    if colour is Colour.always:
        return Console(stderr=stderr, force_terminal=True, soft_wrap=True, highlight=False)
    if colour is Colour.never:
        return Console(stderr=stderr, no_color=True, soft_wrap=True, highlight=False)
    return Console(stderr=stderr, soft_wrap=True, highlight=False)


def _listed(title: str, problems: list[str]) -> str:
    return title + ":\n  " + "\n  ".join(problems)


def _load_config(path: Path | None) -> Config:
    try:
        return load_config(path)
    except ConfigError as exc:
        raise _usage_error(_listed("the configuration cannot be used", exc.problems)) from None


def _targets(
    formats: list[ReportFormat], outputs: list[Path], config: Config
) -> list[tuple[str, Path | None]]:
    """Which report goes where: --format/--output pairs in order, else the configured ones.

    With no --format, the configured outputs are written and the terminal report goes to
    stdout. A --format without its own --output goes to stdout; only one may.
    """
    if not formats:
        if outputs:
            raise _usage_error("--output needs a --format before it (e.g. --format html)")
        configured = [(o.format, config.resolve(o.path)) for o in config.settings.outputs]
        default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
        return [(default, None), *configured]
    if len(outputs) > len(formats):
        raise _usage_error("more --output files than --format options: pair each with one")
    pairs: list[tuple[str, Path | None]] = [
        (f.value, outputs[i] if i < len(outputs) else None) for i, f in enumerate(formats)
    ]
    if sum(1 for _, target in pairs if target is None) > 1:
        raise _usage_error(
            "only one report can go to the screen: give each other --format an --output"
        )
    return pairs


@app.command()
def check(
    plan: Path | None = typer.Argument(
        None,
        help="The police and crime plan (YAML). Default: 'plan' in alignkit.toml.",
        metavar="PLAN",
        show_default=False,
    ),
    csps: list[Path] | None = typer.Argument(
        None,
        help="CSP documents, or folders of them (searched recursively). "
        "Default: 'csps' in alignkit.toml.",
        metavar="CSP",
        show_default=False,
    ),
    output_format: list[ReportFormat] | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text for a terminal, markdown for a pull request or CI summary, html for "
        "people to open and print, json for other tools; github, sarif or junit for CI. "
        "Repeat with --output to write several reports in one run.",
        metavar="FORMAT",
        show_default=False,
    ),
    output: list[Path] | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write a report to this file instead of stdout: the first --output goes with "
        "the first --format, the second with the second, and so on.",
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
    vocabulary: list[Path] = typer.Option(
        [],
        "--vocabulary",
        help="An extra vocabulary file with your own terms (repeatable); see docs/matching.md.",
        metavar="FILE",
        show_default=False,
    ),
    config_path: Path | None = typer.Option(
        None,
        "--config",
        help="Use this configuration file instead of searching for one.",
        metavar="FILE",
    ),
    force: bool = typer.Option(
        False, "--force", help="Replace an existing --output file that alignkit did not write."
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
    config = _load_config(config_path)
    notes = _console(colour, stderr=True)
    if verbose and config.path is not None:
        notes.print(f"configuration: {config.shown}")
    settings = config.settings
    day = _parse_as_of(as_of) if as_of is not None else settings.as_of or dt.date.today()
    level = fail_on.value if fail_on is not None else settings.fail_on or "error"
    targets = _targets(output_format or [], output or [], config)
    result, inputs = _checked(plan, csps, day, config, vocabulary, notes, quiet)
    for name, target in targets:
        try:
            if target is None and name == "text" and sys.stdout.isatty():
                _console(colour).print(render_text(result))
            else:
                write_report(RENDERERS[name](result), target, protected=inputs, force=force)
        except OutputError as exc:
            raise _usage_error(str(exc)) from None
        except KeyError:
            raise _usage_error(f"the {name} format is not available in this version") from None
        if verbose and target is not None:
            notes.print(f"wrote {name} report to {target}")
    if any(name == "github" for name, _ in targets):
        _github_summary(result)
    if not quiet:
        counts = result.counts()
        note = (
            f"checked {plural(len(result.csps), 'CSP')} against {one_line(result.plan.title)}: "
            f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
            f"{plural(counts['info'], 'note')}"
        )
        if result.waived:
            note += f", {result.waived} waived"
        written = [str(target) for _, target in targets if target is not None]
        if written:
            note += "; wrote " + ", ".join(written)
        notes.print(note)
    raise typer.Exit(EXIT_FINDINGS if result.fails(level) else EXIT_OK)


def _checked(
    plan: Path | None,
    csps: list[Path] | None,
    day: dt.date,
    config: Config,
    vocabulary: list[Path],
    notes: Console,
    quiet: bool = False,
) -> tuple[CheckResult, list[Path]]:
    """The check with the configuration applied, and every input path (never to be
    overwritten). Exits 2 on usage errors and 3 on invalid documents."""
    settings = config.settings
    if plan is None:
        if settings.plan is None:
            raise _usage_error("give the plan file (or set 'plan' in alignkit.toml)")
        plan = config.resolve(settings.plan)
    if not csps:
        csps = [config.resolve(c) for c in settings.csps]
        if not csps:
            raise _usage_error("give the CSP files or folders (or set 'csps' in alignkit.toml)")
    extra_vocabulary = [config.resolve(v) for v in settings.vocabulary] + vocabulary
    thresholds = (
        Thresholds(settings.thresholds.aligned, settings.thresholds.partial)
        if settings.thresholds
        else None
    )
    try:
        matcher = Matcher(load_vocabulary(extra_vocabulary), thresholds)
    except VocabularyError as exc:
        raise _usage_error(_listed("the vocabulary cannot be used", exc.problems)) from None
    try:
        # A transient spinner on a terminal only: never in logs, pipes or CI output.
        if notes.is_terminal and not quiet:
            with notes.status("Reading, scoring and assessing the documents…"):
                run = run_check(plan, csps, day, matcher, config.limits)
        else:
            run = run_check(plan, csps, day, matcher, config.limits)
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if run.result is None:
        notes.print(validation_text(run.validation), end="")
        raise typer.Exit(EXIT_INVALID)
    result = run.result
    result.findings = apply_policy(result.findings, config, day)
    inputs = [plan, *(doc.source.path for doc in run.validation.documents)]
    if config.path is not None:
        inputs.append(config.path)
    return result, inputs


def _github_summary(result: CheckResult) -> None:
    """In GitHub Actions, append the Markdown report to the job summary page."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    try:
        write_step_summary(RENDERERS["markdown"](result), os.environ)
    except OSError as exc:
        _stderr().print(f"warning: cannot write the GitHub job summary: {exc}")


class CalendarFormat(StrEnum):
    ics = "ics"
    html = "html"


@app.command()
def calendar(
    plan: Path = typer.Argument(..., help="The police and crime plan (YAML).", show_default=False),
    csps: list[Path] = typer.Argument(
        ..., help="CSP documents, or folders of them (searched recursively).", show_default=False
    ),
    output_format: CalendarFormat = typer.Option(
        CalendarFormat.ics,
        "--format",
        "-f",
        help="ics to import into Outlook or Google Calendar, html for a page with a "
        "timeline chart to open, share or print.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the calendar to this file instead of stdout."
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="The day the calendar is made, YYYY-MM-DD (marked on the chart, and the "
        "events' timestamp). Default: today. Set it to make the output reproducible.",
        show_default=False,
    ),
) -> None:
    """One timeline of every date in the plans: periods, refreshes, assessments, meetings.

    Writes an iCalendar file (one all-day event per date) or an HTML page with a timeline
    chart, with the PCC elections around them and the planning cycles out of step marked.
    Exit codes: 0 written; 2 usage error; 3 an input document is invalid.
    """
    from .calendar import CALENDAR_RENDERERS, build_calendar

    day = _parse_as_of(as_of)
    try:
        run = build_calendar(plan, csps, day)
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if run.calendar is None:
        _stderr().print(validation_text(run.validation), end="", markup=False)
        raise typer.Exit(EXIT_INVALID)
    inputs = [plan, *(doc.source.path for doc in run.validation.documents)]
    try:
        write_report(CALENDAR_RENDERERS[output_format.value](run.calendar), output, inputs)
    except OutputError as exc:
        raise _usage_error(str(exc)) from None
    note = (
        f"{plural(len(run.calendar.items), 'date')} from the plan and "
        f"{plural(len(run.validation.csps), 'CSP document')}"
    )
    _stderr().print(note + (f"; calendar written to {output}" if output else ""), markup=False)
    raise typer.Exit(EXIT_OK)


@app.command("config")
def show_config(
    config_path: Path | None = typer.Option(
        None, "--config", help="Use this configuration file instead of searching for one."
    ),
) -> None:
    """Print the effective configuration and where each value comes from."""
    config = _load_config(config_path)
    sys.stdout.write(describe(config))


@app.command()
def baseline(
    plan: Path | None = typer.Argument(None, help="The police and crime plan.", show_default=False),
    csps: list[Path] | None = typer.Argument(
        None, help="CSP documents or folders.", show_default=False
    ),
    expires_in: int = typer.Option(
        90, "--expires-in", min=1, help="Days until the baseline waivers expire."
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="Today, as YYYY-MM-DD."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    config_path: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Write waivers for today's errors and warnings, to adopt alignkit in a repository
    that already has findings. Each needs a real reason before it expires."""
    config = _load_config(config_path)
    day = _parse_as_of(as_of) if as_of is not None else config.settings.as_of or dt.date.today()
    result, inputs = _checked(plan, csps, day, config, [], _stderr())
    content = baseline_waivers(result.findings, day + dt.timedelta(days=expires_in))
    try:
        write_report(content, output, protected=inputs)
    except OutputError as exc:
        raise _usage_error(str(exc)) from None


class PackFormat(StrEnum):
    markdown = "markdown"
    html = "html"


class SummaryFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    json = "json"


def _force_wide(
    kind: str,
    output_format: str,
    plan: Path,
    csps: list[Path],
    output: Path | None,
    as_of: str | None,
) -> None:
    """Check the force area, then write the welcome pack or the summary made from the result."""
    # Imported here so that this block of force-wide commands stands on its own.
    from .pack import FORMATS as PACK_FORMATS
    from .pack import build_pack
    from .summary import FORMATS as SUMMARY_FORMATS
    from .summary import build_summary

    day = _parse_as_of(as_of)
    matcher = Matcher()
    try:
        run = run_check(plan, csps, day, matcher)
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if run.result is None:
        _stderr().print(validation_text(run.validation), end="")
        raise typer.Exit(EXIT_INVALID)
    if kind == "pack":
        content = PACK_FORMATS[output_format](build_pack(run.result, matcher))
        what = "welcome pack"
    else:
        content = SUMMARY_FORMATS[output_format](build_summary(run.result, matcher))
        what = "force-wide summary"
    inputs = [plan, *(doc.source.path for doc in run.validation.documents)]
    try:
        write_report(content, output, protected=inputs)
    except OutputError as exc:
        raise _usage_error(str(exc)) from None
    note = f"{what} of {plural(len(run.result.csps), 'CSP')} in {run.result.plan.force_area}"
    _stderr().print(note + (f" written to {output}" if output is not None else ""))
    raise typer.Exit(EXIT_OK)


_PLAN_ARGUMENT = typer.Argument(..., help="The police and crime plan (YAML).", show_default=False)
_CSPS_ARGUMENT = typer.Argument(
    ..., help="CSP documents, or folders of them (searched recursively).", show_default=False
)
_OUTPUT_OPTION = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")
_AS_OF_OPTION = typer.Option(
    None,
    "--as-of",
    help="Date the document as of this day, YYYY-MM-DD (default: today). Set it to make "
    "the output reproducible.",
    show_default=False,
)


@app.command()
def pack(
    plan: Path = _PLAN_ARGUMENT,
    csps: list[Path] = _CSPS_ARGUMENT,
    output_format: PackFormat = typer.Option(
        PackFormat.markdown,
        "--format",
        "-f",
        help="markdown to edit or publish in a repository, html to open, send and print "
        "(one partnership per page).",
    ),
    output: Path | None = _OUTPUT_OPTION,
    as_of: str | None = _AS_OF_OPTION,
) -> None:
    """Write a welcome pack for the police and crime commissioner.

    An overview of the force area, then each partnership: area, responsible authorities,
    key contacts, priorities and how each aligns with the plan, calendar of meetings and
    document production timetable. Exit codes: 0 written; 2 usage error; 3 an input
    document is invalid.
    """
    _force_wide("pack", output_format.value, plan, csps, output, as_of)


@app.command()
def summary(
    plan: Path = _PLAN_ARGUMENT,
    csps: list[Path] = _CSPS_ARGUMENT,
    output_format: SummaryFormat = typer.Option(
        SummaryFormat.markdown,
        "--format",
        "-f",
        help="markdown for a repository or briefing, html to open and print, json for tools.",
    ),
    output: Path | None = _OUTPUT_OPTION,
    as_of: str | None = _AS_OF_OPTION,
) -> None:
    """Write the force-wide summary of the partnerships' strategic assessments.

    The themes of every partnership's priorities and assessment key findings, who holds
    each and on what evidence, set against the plan's objectives, with the objectives no
    local evidence stands behind. Exit codes: 0 written; 2 usage error; 3 an input
    document is invalid.
    """
    _force_wide("summary", output_format.value, plan, csps, output, as_of)


@app.command()
def init(
    folder: Path = typer.Argument(Path("."), help="The repository folder (created if missing)."),
    force_area: str = typer.Option(
        "Wessex", "--force-area", help="The force area's name, used in the templates."
    ),
) -> None:
    """Start a force area's shared repository: plan and CSP templates, alignkit.toml, a
    GitHub Actions workflow, pre-commit and editor settings. Never overwrites a file."""
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
    except OSError as exc:
        raise _usage_error(f"cannot write {output}: {exc.strerror or exc}") from None
    raise typer.Exit(EXIT_INVALID if outcome is Outcome.INVALID else EXIT_OK)


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
