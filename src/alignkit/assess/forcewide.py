"""The force area as a whole: coverage of each objective, and shared local themes the
plan may be missing."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from ..models import CSPDocument
from ..validate import LoadedDocument
from .findings import Finding, finding
from .regard import CellState, cell_state
from .scores import ScoreTable

ThemeReader = Callable[[str], Collection[str]]
"""Text -> the community-safety themes it mentions (from the matching vocabulary)."""

SEVERAL = 2
"""How many CSPs make a theme 'shared' across the force area."""


@dataclass(frozen=True)
class ObjectiveCoverage:
    objective: str
    addressed_by: tuple[str, ...]
    considered_by: tuple[str, ...]
    partial_by: tuple[str, ...]
    gap_in: tuple[str, ...]


@dataclass(frozen=True)
class MissingTheme:
    theme: str
    csps: tuple[str, ...]
    priorities: tuple[tuple[str, str], ...]
    """(csp id, priority id) of the unaddressed priorities carrying the theme."""


def coverage_matrix(
    plan_doc: LoadedDocument, csps: list[CSPDocument], table: ScoreTable
) -> dict[tuple[str, str], CellState]:
    assert plan_doc.plan is not None
    return {
        (csp.id, objective.id): cell_state(csp, objective, table)
        for csp in csps
        for objective in plan_doc.plan.objectives
    }


def objective_coverage(
    plan_doc: LoadedDocument, csps: list[CSPDocument], cells: dict[tuple[str, str], CellState]
) -> list[ObjectiveCoverage]:
    assert plan_doc.plan is not None
    result = []
    for objective in plan_doc.plan.objectives:
        by_state: dict[str, list[str]] = {
            "addressed": [],
            "considered": [],
            "partial": [],
            "gap": [],
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
            )
        )
    return result


def unaddressed_objectives(
    plan_doc: LoadedDocument, coverage: list[ObjectiveCoverage], csp_count: int
) -> list[Finding]:
    """AK801: objectives that no CSP in the force area addresses."""
    assert plan_doc.plan is not None
    found: list[Finding] = []
    if csp_count == 0:
        return found
    for index, (objective, cover) in enumerate(
        zip(plan_doc.plan.objectives, coverage, strict=True)
    ):
        if not cover.addressed_by:
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


def missing_themes(
    plan_doc: LoadedDocument,
    unaddressed: list[tuple[CSPDocument, str]],
    themes_of: ThemeReader,
) -> tuple[list[MissingTheme], list[Finding]]:
    """AK802: themes of priorities no objective addresses, shared by several CSPs."""
    holders: dict[str, dict[str, list[str]]] = {}
    names = {csp.id: csp.name for csp, _ in unaddressed}
    for csp, priority_id in unaddressed:
        priority = next(p for p in csp.priorities if p.id == priority_id)
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
    found = [
        finding(
            "AK802",
            f"{len(t.csps)} CSPs prioritise {t.theme} ({', '.join(names[c] for c in t.csps)}) "
            "but no "
            f"objective of the plan covers it: the plan may be missing it",
            plan_doc,
            ("objectives",),
        )
        for t in themes
    ]
    return themes, found
