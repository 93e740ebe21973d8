"""calendar: one timeline of every dated item in a force area's plans (`alignkit calendar`).

`collect` gathers the dates from validated documents and marks the cycles the check found
out of step; the formats (`ics`, `html`, registered in alignkit.registry) only lay them
out. `calendar_of` is the calendar's builder in the output registry; `build_calendar` runs
the whole pipeline for a plan and CSP files, for the library and the tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..assess import CheckResult
from ..config import Config
from ..match import Matcher
from ..pipeline import run_pipeline
from ..project import resolve_project
from ..validate import ValidationResult
from .events import (
    OUT_OF_STEP_CODES,
    AreaCalendar,
    DatedItem,
    Kind,
    Lane,
    Misalignment,
    Owner,
    collect,
)


@dataclass
class CalendarRun:
    validation: ValidationResult
    calendar: AreaCalendar | None
    """None when any input document is invalid: no calendar is made from bad input."""


def calendar_of(result: CheckResult, matcher: Matcher) -> AreaCalendar:
    """The calendar of a checked force area, marking the out-of-step findings not waived."""
    flagged = {
        (f.code, f.csp) for f in result.findings if f.code in OUT_OF_STEP_CODES and not f.waived
    }
    return collect(result.plan, result.csps, result.as_of, flagged, result.governance)


def build_calendar(plan_path: Path, csp_paths: Sequence[Path], as_of: dt.date) -> CalendarRun:
    """Check the plan and the CSP documents with default settings, then gather their dates.

    Raises UsageError (exit 2) for paths that do not exist, as `validate_paths` does.
    """
    project = resolve_project(Config(), plan=plan_path, csps=csp_paths, today=as_of)
    run = run_pipeline(project)
    if run.result is None:
        return CalendarRun(run.validation, None)
    return CalendarRun(run.validation, calendar_of(run.result, run.matcher))


__all__ = [
    "AreaCalendar",
    "CalendarRun",
    "DatedItem",
    "Kind",
    "Lane",
    "Misalignment",
    "Owner",
    "build_calendar",
    "calendar_of",
    "collect",
]
