"""calendar: one timeline of every dated item in a force area's plans (`alignkit calendar`).

`collect` gathers the dates from validated documents; `render_ics` and
`render_calendar_html` lay them out. `build_calendar` is the library behind the command:
it validates the files and, only when every one is valid, builds the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..validate import ValidationResult, validate_paths
from .events import AreaCalendar, DatedItem, Kind, Lane, Misalignment, Owner, collect
from .html import render_calendar_html
from .ics import render_ics


@dataclass
class CalendarRun:
    validation: ValidationResult
    calendar: AreaCalendar | None
    """None when any input document is invalid: no calendar is made from bad input."""


def build_calendar(plan_path: Path, csp_paths: Sequence[Path], as_of: dt.date) -> CalendarRun:
    """Validate the plan and the CSP documents, then gather their dates.

    Raises UsageError (exit 2) for paths that do not exist, as `validate_paths` does.
    """
    validation = validate_paths(list(csp_paths), plan_path=plan_path)
    if not validation.valid or validation.plan is None or validation.plan.plan is None:
        return CalendarRun(validation, None)
    csps = [doc.csp for doc in validation.csps if doc.csp is not None]
    return CalendarRun(validation, collect(validation.plan.plan, csps, as_of))


CALENDAR_RENDERERS: dict[str, Callable[[AreaCalendar], str]] = {
    "ics": render_ics,
    "html": render_calendar_html,
}

__all__ = [
    "CALENDAR_RENDERERS",
    "AreaCalendar",
    "CalendarRun",
    "DatedItem",
    "Kind",
    "Lane",
    "Misalignment",
    "Owner",
    "build_calendar",
    "collect",
    "render_calendar_html",
    "render_ics",
]
