"""What the command line says on stderr about a run, and the GitHub job summary."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .words import one_line, plural

if TYPE_CHECKING:
    from .assess import CheckResult
    from .notes import Notes


def check_note(result: CheckResult, written: Sequence[Path]) -> str:
    """'checked 4 CSPs against …: 2 errors, 1 warning, 3 notes, 1 waived; wrote …'."""
    counts = result.counts()
    note = (
        f"checked {plural(len(result.csps), 'CSP')} against {one_line(result.plan.title)}: "
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{plural(counts['info'], 'note')}"
    )
    if result.waived:
        note += f", {result.waived} waived"
    if written:
        note += "; wrote " + ", ".join(str(p) for p in written)
    return note


def document_note(kind: str, made: Any, result: CheckResult, output: Path | None) -> str:
    """One line on stderr about the calendar, pack or summary just written."""
    if kind == "calendar":
        note = (
            f"{plural(len(made.items), 'date')} from the plan and "
            f"{plural(len(result.csps), 'CSP document')}"
        )
        return note + (f"; calendar written to {output}" if output else "")
    what = "welcome pack" if kind == "pack" else "force-wide summary"
    note = f"{what} of {plural(len(result.csps), 'CSP')} in {result.plan.force_area}"
    return note + (f" written to {output}" if output is not None else "")


def github_summary(result: CheckResult, notes: Notes) -> None:
    """In GitHub Actions, append the Markdown report to the job summary page."""
    from .render.github import write_step_summary
    from .render.markdown import render_markdown

    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    try:
        write_step_summary(render_markdown(result), os.environ)
    except OSError as exc:
        notes.print(f"warning: cannot write the GitHub job summary: {exc}", markup=False)
