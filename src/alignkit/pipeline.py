"""The one pipeline every command runs: load → validate → match → assess → apply policy.

`check`, `calendar`, `pack`, `summary` and `baseline` all consume a PipelineRun made
from one resolved Project, so the thresholds, vocabulary, severities and waivers of the
configuration reach every document of a run. Nothing here writes: the command line
renders the result through the output registry.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .assess import CheckResult
from .check import run_check
from .errors import AlignkitError
from .match import Matcher, Thresholds, VocabularyError, load_vocabulary
from .policy import apply_policy
from .project import Project
from .validate import ValidationResult


class VocabularyProblem(AlignkitError):
    """An extra vocabulary file cannot be used (exit code 2)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class PipelineRun(NamedTuple):
    project: Project
    validation: ValidationResult
    matcher: Matcher
    result: CheckResult | None
    """None when any input document is invalid: nothing is assessed from bad input."""

    @property
    def inputs(self) -> list[Path]:
        """Every file the run read: no output may replace one of them."""
        documents = [doc.source.path for doc in self.validation.documents]
        return [self.project.plan, *documents, *self.project.protected()]


def matcher_for(project: Project) -> Matcher:
    """The matching engine with the project's vocabulary files and thresholds."""
    settings = project.thresholds
    thresholds = Thresholds(settings.aligned, settings.partial) if settings else None
    try:
        return Matcher(load_vocabulary(list(project.vocabulary)), thresholds)
    except VocabularyError as exc:
        raise VocabularyProblem(list(exc.problems)) from None


def run_pipeline(project: Project) -> PipelineRun:
    """Check the project's documents, with the repository's policy applied to the findings.

    Raises an AlignkitError for a vocabulary file or path that cannot be used (exit 2).
    """
    matcher = matcher_for(project)
    config = project.config
    run = run_check(
        project.plan,
        project.csps,
        project.as_of,
        matcher,
        project.limits,
        config.settings.governance,
        config.where("governance") if config.path else "alignkit.toml",
    )
    result = run.result
    if result is not None:
        result.findings = apply_policy(result.findings, project.config, project.as_of)
    return PipelineRun(project, run.validation, matcher, result)


def report_of(result: CheckResult, matcher: Matcher) -> CheckResult:
    """The report is the check's result itself (registered as the report's builder)."""
    return result
