"""From one pipeline run to written documents: which format goes where, then writing it.

Every command that writes a document (check, calendar, pack, summary) comes through
here, so the output registry's builders and renderers are called in one place and a bug
inside a renderer reaches the crash guard rather than posing as a usage error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from .assess import CheckResult, Finding
from .errors import AlignkitError
from .load import display_path
from .match import Matcher
from .output import write_report
from .pipeline import PipelineRun
from .project import Project
from .registry import DOCUMENTS, builder, format_for, renderer


def repository_root(project: Project) -> Path:
    """The folder machine formats' paths are relative to: the configuration's folder, else
    the git repository around the working directory, else the working directory."""
    if project.config.path is not None:
        return Path(os.path.abspath(project.config.folder))
    here = Path.cwd()
    return next((p for p in [here, *here.parents] if (p / ".git").exists()), here)


def _relative(shown: str, root: Path) -> str:
    """``shown`` (relative to the working directory, or absolute) relative to ``root``;
    a file outside ``root`` keeps its absolute path."""
    absolute = os.path.abspath(shown)
    if os.path.commonpath([absolute, str(root)]) != str(root):
        return shown
    return display_path(Path(os.path.relpath(absolute, root)))


_LOCATED = re.compile(r"^(.*?)((?::\d+){0,2})$")


def rebased(result: CheckResult, root: Path) -> CheckResult:
    """The result with every path relative to ``root`` (run from a sub-folder, a SARIF or
    GitHub report must still name `csps/northdown.yaml`, not `/home/…` or `../`)."""
    if Path.cwd() == root:
        return result

    def path(shown: str) -> str:
        name, position = _LOCATED.match(shown).groups()  # type: ignore[union-attr]
        return _relative(name, root) + position

    def finding(f: Finding) -> Finding:
        note = f.waiver._replace(where=path(f.waiver.where)) if f.waiver else None
        return f.replace(path=path(f.path), waiver=note)

    return replace(
        result,
        plan_doc=result.plan_doc._replace(
            source=result.plan_doc.source._replace(shown=path(result.plan_doc.source.shown)),
        ),
        csp_docs=[
            d._replace(source=d.source._replace(shown=path(d.source.shown)))
            for d in result.csp_docs
        ],
        findings=[finding(f) for f in result.findings],
    )


class TargetError(AlignkitError):
    """The --format and --output options do not pair up (exit code 2)."""


class Target(NamedTuple):
    format: str
    path: Path | None
    """None for stdout."""


def targets(
    kind: str,
    formats: Sequence[str],
    outputs: Sequence[Path],
    project: Project | None = None,
    env: Mapping[str, str] = os.environ,
) -> list[Target]:
    """Which document goes where: --format/--output pairs in order, else the defaults.

    With no --format, the document's default format goes to stdout, and for the report the
    configured outputs are written too (in GitHub Actions the default is annotations). A
    --format without its own --output goes to stdout; only one may.
    """
    if not formats and outputs:
        # `--output report.html` alone: the format is the file's extension (else the default).
        formats = [_format_of(kind, path) for path in outputs]
    if not formats:
        default = DOCUMENTS[kind].default
        if kind != "report":
            return [Target(default, None)]
        if env.get("GITHUB_ACTIONS") == "true":
            default = "github"
        configured = [Target(f, p) for f, p in project.outputs()] if project else []
        return _distinct([Target(default, None), *configured])
    if len(outputs) > len(formats):
        raise TargetError("more --output files than --format options: pair each with one")
    pairs = [Target(f, outputs[i] if i < len(outputs) else None) for i, f in enumerate(formats)]
    if sum(1 for t in pairs if t.path is None) > 1:
        raise TargetError(
            "only one report can go to the screen: give each other --format an --output"
        )
    for pair in pairs:
        _writable(kind, pair)
    return _distinct(pairs)


def _writable(kind: str, target: Target) -> None:
    """A format this document has, and a binary one (a workbook) only to a file."""
    formats = DOCUMENTS[kind].formats
    if target.format not in formats:
        raise TargetError(
            f"--format {target.format}: {DOCUMENTS[kind].description} is written as "
            f"{', '.join(formats)}"
        )
    fmt = formats[target.format]
    if fmt.binary and target.path is None:
        raise TargetError(
            f"--format {target.format} writes a file ({fmt.description}), not text for the "
            f"screen\n  hint: give the file to write, e.g. --output {kind}.{fmt.extension}"
        )


def _format_of(kind: str, path: Path) -> str:
    """The format the file's extension names, else the document's default format."""
    return format_for(kind, path.name) or DOCUMENTS[kind].default


def _distinct(wanted: list[Target]) -> list[Target]:
    """Refuse two documents for one file: the second would silently replace the first."""
    seen: dict[str, Target] = {}
    for target in wanted:
        if target.path is None:
            continue
        key = os.path.normcase(os.path.abspath(target.path))
        if key in seen:
            raise TargetError(
                f"{target.path} is given as the output of both --format {seen[key].format} "
                f"and --format {target.format}: give each report its own file"
            )
        seen[key] = target
    return wanted


def document(kind: str, result: CheckResult, matcher: Matcher) -> Any:
    """The ``kind`` document made from the check of valid documents."""
    return builder(kind)(result, matcher)


MACHINE_FORMATS = frozenset({"json", "sarif", "github", "junit"})
"""The report's formats other tools read: their paths are relative to the repository."""


def write(kind: str, made: Any, target: Target, run: PipelineRun, *, force: bool = False) -> None:
    """Render ``made`` in the target's format and write it (OutputError: exit code 2)."""
    if kind == "report" and target.format in MACHINE_FORMATS:
        made = rebased(made, repository_root(run.project))
    content = renderer(kind, target.format)(made)
    write_report(content, target.path, protected=run.inputs, force=force)
