"""One side of a comparison: a JSON report, a git revision, or the working tree.

Each becomes the check's report model. A revision is assessed by the same pipeline, on
the same resolved project (thresholds, vocabulary, severities, waivers, date) as the
working tree, so the only difference between BASE and HEAD is the documents.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import AlignkitError
from ..load import display_path
from ..models.report import FORMAT_VERSION, CheckReport
from ..pipeline import run_pipeline
from ..project import Project
from ..render.report import build_report
from ..validate import LoadedDocument, ValidationResult
from .git import commit_of, materialise, repository_root

WORKING_TREE = "working tree"


class SideError(AlignkitError):
    """BASE or HEAD is neither a report nor a revision, or cannot be read (exit code 2)."""


class InvalidSide(Exception):
    """A side's documents are invalid (exit code 3): its diagnostics, and which side."""

    def __init__(self, label: str, validation: ValidationResult) -> None:
        super().__init__(label)
        self.label = label
        self.validation = validation


@dataclass(frozen=True)
class Assessed:
    label: str
    report: CheckReport
    inputs: tuple[Path, ...] = ()
    """Files of the working tree the side read: no output may replace them."""


def is_report_file(given: str | None) -> bool:
    return given is not None and Path(given).is_file()


def read_side(given: str | None, project: Project | None) -> Assessed:
    """``given`` as a JSON report file or a git revision; None for the working tree.
    ``project`` (the documents and settings) is needed for all but a report file."""
    if given is not None and is_report_file(given):
        return Assessed(given, read_report(Path(given)), (Path(given),))
    if project is None:
        raise SideError("give the plan and CSPs (or an alignkit.toml) to assess a revision")
    if given is None:
        return _assess(project, WORKING_TREE)
    root = _root(project)
    commit = commit_of(root, given) if root is not None else None
    if root is None or commit is None:
        where = f"the repository at {display_path(root)}" if root else "a git repository"
        raise SideError(
            f"{given!r} is neither a JSON report written by `alignkit check --format json` "
            f"nor a revision of {where}"
        )
    return _revision(project, root, commit, given)


def read_report(path: Path) -> CheckReport:
    """A report `alignkit check --format json` wrote; SideError for anything else."""
    shown = display_path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SideError(f"{shown}: cannot be read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SideError(
            f"{shown} is not a JSON report: give a file written by "
            "`alignkit check --format json`, or a git revision"
        ) from None
    if not isinstance(data, dict) or data.get("tool", {}).get("name") != "alignkit":
        raise SideError(f"{shown} is JSON, but not a report written by `alignkit check`")
    if data.get("format_version") != FORMAT_VERSION:
        raise SideError(
            f"{shown} is a report of format_version {data.get('format_version')!r}; this "
            f"alignkit reads version {FORMAT_VERSION}: write it again with this version"
        )
    try:
        return CheckReport.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SideError(f"{shown} is not a complete report: {where}: {first['msg']}") from None


def _root(project: Project) -> Path | None:
    return repository_root(Path(os.path.abspath(project.plan)).parent)


def _assess(project: Project, label: str) -> Assessed:
    run = run_pipeline(project)
    if run.result is None:
        raise InvalidSide(label, run.validation)
    # Explanations are not compared: only the closest are worked out, as for the screen.
    report = build_report(run.result, explanations="closest")
    return Assessed(label, report, tuple(run.inputs))


def _inside(root: Path, path: Path) -> str:
    """``path`` relative to the repository's top, as git names it."""
    absolute = os.path.realpath(path)
    top = os.path.realpath(root)
    if os.path.commonpath([absolute, top]) != top:
        raise SideError(f"{display_path(path)} is outside the git repository at {top}")
    return Path(os.path.relpath(absolute, top)).as_posix()


def _revision(project: Project, root: Path, commit: str, label: str) -> Assessed:
    """The project's documents as ``commit`` holds them, assessed with today's settings."""
    plan = _inside(root, project.plan)
    csps = [_inside(root, c) for c in project.csps]
    with tempfile.TemporaryDirectory(prefix="alignkit-base-") as folder:
        base = Path(folder)
        written = set(materialise(root, commit, [plan, *csps], base))
        if plan not in written:
            raise SideError(f"{display_path(project.plan)} does not exist at {label}")
        present = [
            base / c
            for c in csps
            if c in written or any(w.startswith(c.rstrip("/") + "/") for w in written)
        ]
        if not present:
            raise SideError(f"none of the CSP files or folders exist at {label}")
        at_revision = project._replace(plan=base / plan, csps=tuple(present))
        try:
            report = _assess(at_revision, label).report
        except InvalidSide as exc:
            raise InvalidSide(label, _named_at(exc.validation, base, label)) from None
        return Assessed(label, _shown_as_working_tree(report, base, root))


def _named_at(validation: ValidationResult, base: Path, label: str) -> ValidationResult:
    """A revision's diagnostics with each file named as git names it (`HEAD~1:csps/x.yaml`),
    not by the temporary folder it was read from."""
    prefix = display_path(base) + "/"

    def named(path: str) -> str:
        return f"{label}:{path[len(prefix) :]}" if path.startswith(prefix) else path

    return ValidationResult(
        documents=[
            LoadedDocument(
                d.source._replace(shown=named(d.source.shown)), d.kind, d.model, d.diagnostics
            )
            for d in validation.documents
        ],
        diagnostics=[d.replace(path=named(d.path)) for d in validation.diagnostics],
        plan=validation.plan,
    )


def _shown_as_working_tree(report: CheckReport, base: Path, root: Path) -> CheckReport:
    """Paths in a revision's report as the working tree's files would be shown, not the
    temporary folder's."""
    prefix = display_path(base) + "/"

    def shown(path: str) -> str:
        if not path.startswith(prefix):
            return path
        return display_path(root / path[len(prefix) :])

    report.plan.path = shown(report.plan.path)
    for csp in report.csps:
        csp.path = shown(csp.path)
    for finding in report.findings:
        finding.path = shown(finding.path)
    return report
