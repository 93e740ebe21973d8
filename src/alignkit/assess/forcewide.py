"""The force area as a whole: coverage of each objective, and shared local themes the
plan may be missing."""

from __future__ import annotations

from typing import NamedTuple

from ..models import CSPDocument
from ..validate import ValidPlan
from .context import AssessContext
from .findings import Finding, finding
from .regard import CellState, cell_state, unaddressed_priorities
from .scores import ScoreTable
from .themes import ThemeReader

SEVERAL = 2
"""How many CSPs make a theme 'shared' across the force area."""


class ObjectiveCoverage(NamedTuple):
    objective: str
    addressed_by: tuple[str, ...]
    considered_by: tuple[str, ...]
    partial_by: tuple[str, ...]
    gap_in: tuple[str, ...]
    policing_only: bool = False
    """For the police alone: partnerships are not expected to adopt it (no AK301, AK801)."""


class MissingTheme(NamedTuple):
    theme: str
    csps: tuple[str, ...]
    priorities: tuple[tuple[str, str], ...]
    """(csp id, priority id) of the unaddressed priorities carrying the theme."""


def coverage_matrix(
    plan_doc: ValidPlan, csps: list[CSPDocument], table: ScoreTable
) -> dict[tuple[str, str], CellState]:
    return {
        (csp.id, objective.id): cell_state(csp, objective, table)
        for csp in csps
        for objective in plan_doc.plan.objectives
    }


def objective_coverage(
    plan_doc: ValidPlan, csps: list[CSPDocument], cells: dict[tuple[str, str], CellState]
) -> list[ObjectiveCoverage]:
    result = []
    for objective in plan_doc.plan.objectives:
        by_state: dict[str, list[str]] = {
            "addressed": [],
            "considered": [],
            "partial": [],
            "gap": [],
            "policing-only": [],
        }
        for csp in csps:
            by_state[cells[(csp.id, objective.id)].state].append(csp.id)
        result.append(
            ObjectiveCoverage(
                objective.id,
                tuple(by_state["addressed"]),
                tuple(by_state["considered"]),
                tuple(by_state["partial"]),
                tuple(by_state["gap"]),
                objective.policing_only,
            )
        )
    return result


def unaddressed_objectives(ctx: AssessContext) -> list[Finding]:
    """AK801: objectives that no CSP in the force area addresses."""
    plan_doc, csp_count = ctx.plan, len(ctx.current)
    coverage = objective_coverage(plan_doc, [d.csp for d in ctx.current], ctx.cells)
    found: list[Finding] = []
    if csp_count == 0:
        return found
    for index, (objective, cover) in enumerate(
        zip(plan_doc.plan.objectives, coverage, strict=True)
    ):
        if not cover.addressed_by and not objective.policing_only:
            considered = (
                f"; {len(cover.considered_by)} recorded why not" if cover.considered_by else ""
            )
            found.append(
                finding(
                    "AK801",
                    f"no CSP in the force area addresses {objective.id} '{objective.title}' "
                    f"(0 of {csp_count}{considered})",
                    plan_doc,
                    ("objectives", index),
                    objective=objective.id,
                )
            )
    return found


def missing_themes(ctx: AssessContext) -> list[MissingTheme]:
    """Themes of priorities no objective addresses, shared by several CSPs."""
    holders: dict[str, dict[str, list[str]]] = {}
    themes_of: ThemeReader = ctx.themes_of
    for doc in ctx.current:
        csp = doc.csp
        for _, priority in unaddressed_priorities(csp, ctx.table):
            # Field by field: joined, "... services. Prevent" could read as the Prevent duty.
            fields = filter(None, [priority.title, priority.description])
            for theme in sorted({t for text in fields for t in themes_of(text)}):
                holders.setdefault(theme, {}).setdefault(csp.id, []).append(priority.id)
    themes = [
        MissingTheme(theme, tuple(by_csp), tuple((c, p) for c, ids in by_csp.items() for p in ids))
        for theme, by_csp in sorted(holders.items())
        if len(by_csp) >= SEVERAL
    ]
    themes.sort(key=lambda t: (-len(t.csps), t.theme))
    return themes


def missing_theme_findings(ctx: AssessContext) -> list[Finding]:
    """AK802: a theme several CSPs prioritise that no objective of the plan covers."""
    names = {doc.csp.id: doc.csp.name for doc in ctx.csps}
    return [
        finding(
            "AK802",
            f"{len(t.csps)} CSPs prioritise {t.theme} ({', '.join(names[c] for c in t.csps)}) "
            "but no "
            f"objective of the plan covers it: the plan may be missing it",
            ctx.plan,
            ("objectives",),
        )
        for t in missing_themes(ctx)
    ]
