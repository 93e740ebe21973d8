"""The check: validate the documents, score every pair, assess the duty both ways.

This is the library behind `alignkit check`; it reads files but writes nothing. The
clock is a parameter (``as_of``) so the same inputs always give the same report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from .assess import CheckResult, Pair, ScoreTable, assess
from .codes import hint_for
from .diagnostics import Diagnostic, Severity
from .load import DEFAULT_LIMITS, Limits, display_path
from .match import Matcher, match_documents
from .models import CSPDocument, GovernanceEvent, PolicePlan
from .validate import ValidationResult, validate_paths


class CheckRun(NamedTuple):
    validation: ValidationResult
    result: CheckResult | None
    """None when any input document is invalid: nothing is assessed from bad input."""


def score_table(plan: PolicePlan, csps: Sequence[CSPDocument], matcher: Matcher) -> ScoreTable:
    """The matching engine's scores in the shape the assessment reads."""
    pairs = {
        (s.csp, s.priority, s.objective): Pair(
            s.csp,
            s.priority,
            s.objective,
            s.score,
            s.status,
            s.explain,
        )
        for s in match_documents(plan, csps, matcher)
    }
    return ScoreTable(pairs, [o.id for o in plan.objectives])


def run_check(
    plan_path: Path,
    csp_paths: Sequence[Path],
    as_of: dt.date,
    matcher: Matcher | None = None,
    limits: Limits = DEFAULT_LIMITS,
    local_events: Sequence[GovernanceEvent] = (),
    local_source: str = "alignkit.toml",
) -> CheckRun:
    validation = validate_paths(list(csp_paths), plan_path=plan_path, limits=limits)
    if validation.valid and validation.plan is not None and not validation.csps:
        # Nothing to check is not a pass: 'no unexplained gaps' would be true of nothing.
        validation.diagnostics.append(
            Diagnostic(
                "AK208",
                Severity.ERROR,
                "no CSP documents among the files given (only the plan)",
                ", ".join(display_path(p) for p in csp_paths) or ".",
                None,
                hint_for("AK208"),
            )
        )
    checked = validation.checked()
    if checked is None:
        return CheckRun(validation, None)
    matcher = matcher or Matcher()
    table = score_table(checked.plan.plan, [doc.csp for doc in checked.csps], matcher)
    result = assess(
        checked.plan, checked.csps, table, matcher.themes_of, as_of, local_events, local_source
    )
    return CheckRun(validation, result)
