"""What a change did to the assessment: `alignkit diff` and `alignkit check --new-only`.

Reading a side (sides.py: a JSON report, a git revision through git.py, or the working
tree), the identity of a finding across two sides (identity.py), the comparison
(compare.py), the verdict sentence (verdict.py), and the formats (text.py, markdown.py,
json_report.py, registered in alignkit.registry as the `diff` document).
"""

from __future__ import annotations

from ..assess import CheckResult
from ..match import Matcher
from ..models.diff import DiffReport, FindingChange
from ..project import Project
from ..render.report import build_report
from .compare import compare
from .sides import Assessed, InvalidSide, SideError, read_side

__all__ = [
    "Assessed",
    "InvalidSide",
    "SideError",
    "against_itself",
    "diff_sides",
    "introduced",
    "read_side",
]

FAIL_LEVELS = {"new-error": ("error",), "new-warning": ("error", "warning"), "never": ()}
"""--fail-on for a diff: the severities of new findings that fail the run."""


def diff_sides(base: Assessed, head: Assessed) -> DiffReport:
    return compare(base.report, head.report, base.label, head.label)


def diff_of(base: str, head: str | None, project: Project) -> tuple[DiffReport, Assessed]:
    """BASE and HEAD (None: the working tree) read and compared; HEAD's side is returned
    too, for the files no output may replace."""
    before = read_side(base, project)
    after = read_side(head, project)
    return diff_sides(before, after), after


def _introduces(change: FindingChange, severities: tuple[str, ...]) -> bool:
    after = change.after
    if after is None or after.waived or after.severity not in severities:
        return False
    if change.change == "opened":
        return True
    # A finding that was there but below the level (or waived) is new at this level.
    before = change.before
    return before is not None and (before.waived or before.severity not in severities)


def introduced(diff: DiffReport, fail_on: str) -> list[FindingChange]:
    """The findings HEAD has at a level ``fail_on`` names that BASE did not have there."""
    severities = FAIL_LEVELS[fail_on]
    return [c for c in diff.findings if _introduces(c, severities)]


def against_itself(result: CheckResult, matcher: Matcher) -> DiffReport:
    """The registry's builder: one run compared with itself, an empty diff. `alignkit
    diff` compares two runs with diff_of; this lets every tool that walks the output
    table (signatures, formats) make a diff document from a single run."""
    report = build_report(result, explanations="closest")
    return compare(report, report, "this run", "this run")
