"""assess: scores and documents in, findings out, for both sides of the duty."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..diagnostics import Severity
from ..models import CSPDocument, GovernanceEvent, PolicePlan, area_key
from ..validate import ValidCSP, ValidPlan
from ..words import welsh_of
from .carry import carry_forward, version_findings
from .context import AssessContext, Rule
from .cycles import csp_cycle_findings, plan_cycle_findings, plan_status_findings
from .findings import Finding
from .forcewide import (
    MissingTheme,
    ObjectiveCoverage,
    coverage_matrix,
    missing_theme_findings,
    missing_themes,
    objective_coverage,
    unaddressed_objectives,
)
from .governance import Governance, governance_for
from .partnership import partnership_findings
from .regard import CellState, csp_regard_findings, declared_link_findings, plan_regard_findings
from .scores import Pair, ScoreTable
from .strategies import ended_findings, strategy_findings
from .themes import ThemeReader

__all__ = [
    "RULES",
    "AssessContext",
    "CellState",
    "CheckResult",
    "Finding",
    "Governance",
    "MissingTheme",
    "ObjectiveCoverage",
    "Pair",
    "Rule",
    "ScoreTable",
    "assess",
]

RULES: tuple[Rule, ...] = (
    plan_status_findings,
    plan_cycle_findings,
    version_findings,
    csp_regard_findings,
    plan_regard_findings,
    declared_link_findings,
    csp_cycle_findings,
    partnership_findings,
    unaddressed_objectives,
    missing_theme_findings,
    strategy_findings,
    ended_findings,
)
"""Every rule, each `AssessContext -> list[Finding]`; the findings are sorted afterwards."""

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass
class CheckResult:
    as_of: dt.date
    plan_doc: ValidPlan
    csp_docs: list[ValidCSP]
    table: ScoreTable
    cells: dict[tuple[str, str], CellState]
    coverage: list[ObjectiveCoverage]
    themes: list[MissingTheme]
    governance: Governance
    findings: list[Finding] = field(default_factory=list)
    _by_csp: tuple[list[Finding] | None, dict[str | None, list[Finding]]] = field(
        default=(None, {}), init=False, repr=False, compare=False
    )
    """The findings grouped by partnership, for the list they were grouped from: each
    report asks partnership by partnership."""

    @property
    def plan(self) -> PolicePlan:
        return self.plan_doc.plan

    @property
    def csps(self) -> list[CSPDocument]:
        return [doc.csp for doc in self.csp_docs]

    @functools.cached_property
    def welsh(self) -> dict[str, str]:
        """Each title or name the documents also give in Welsh -> the Welsh, for every
        human format to show beside it (the first given wins, in document order). Kept:
        the formats ask section by section."""
        return welsh_of(self.plan, self.csps)

    def counts(self) -> dict[str, int]:
        """Findings by severity, waived ones left out (they are counted by `waived`)."""
        counted = Counter(f.severity for f in self.findings if not f.waived)
        return {
            str(s): counted.get(s, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        }

    @property
    def waived(self) -> int:
        return sum(1 for f in self.findings if f.waived)

    def findings_for(self, csp_id: str | None) -> list[Finding]:
        """The findings about one partnership; with None, every other finding: the plan's,
        and those naming no partnership of the run (a waiver for a misspelt one, AK902),
        so every finding that counts is shown in some section of every report."""
        findings, by_csp = self._by_csp
        if findings is not self.findings:  # the policy has replaced the list since
            by_csp = {}
            for finding in self.findings:
                by_csp.setdefault(finding.csp, []).append(finding)
            self._by_csp = (self.findings, by_csp)
        if csp_id is not None:
            return list(by_csp.get(csp_id, ()))
        known = {csp.id for csp in self.csps}
        return [f for f in self.findings if f.csp not in known]

    def fails(self, fail_on: str) -> bool:
        """True when any finding is at or above ``fail_on`` (error, warning or never)."""
        if fail_on == "never":
            return False
        limit = _SEVERITY_RANK[Severity(fail_on)]
        return any(_SEVERITY_RANK[f.severity] <= limit for f in self.findings if not f.waived)


def assess(
    plan_doc: ValidPlan,
    csp_docs: list[ValidCSP],
    table: ScoreTable,
    themes_of: ThemeReader,
    as_of: dt.date,
    local_events: Sequence[GovernanceEvent] = (),
    local_source: str = "alignkit.toml",
) -> CheckResult:
    """Run every rule on the validated documents and their scores.

    ``local_events`` are the force area's own governance records (alignkit.toml), added
    to the shipped table; ``local_source`` names where they were set.
    """
    plan = plan_doc.plan
    # Records naming the outgoing plan's ids are carried to the new ones first, so every
    # rule and every document reads the partnership as it stands to this plan.
    moved = [carry_forward(plan, doc) for doc in csp_docs]
    csp_docs = [doc for doc, _ in moved]
    if plan.forces:
        # A plan for several forces: every document lists the partnerships force by force.
        rank = {area_key(a): i for i, a in enumerate(plan.force_areas)}
        csp_docs.sort(key=lambda d: rank.get(area_key(d.csp.force_area), len(rank)))
    carried = {doc.csp.id: items for doc, items in moved if items}
    csps = [doc.csp for doc in csp_docs]
    cells = coverage_matrix(plan_doc, csps, table)
    governance = governance_for(plan.force_area, plan.body, local_events, local_source)
    ctx = AssessContext(plan_doc, csp_docs, table, as_of, themes_of, cells, governance, carried)
    # A partnership whose successor has taken over is reported as ended (AK708) and
    # nothing else: its gaps and dates are its successor's business now.
    ended = {csp.id for csp in csps if csp.ended_by(as_of)}
    findings = [f for rule in RULES for f in rule(ctx) if f.csp not in ended or f.code == "AK708"]
    shown = [plan_doc.source.shown, *(doc.source.shown for doc in csp_docs)]
    order = {path: i for i, path in enumerate(shown)}
    findings.sort(key=lambda f: (order.get(f.path, len(order)), *f.sort_key()))
    coverage = objective_coverage(plan_doc, [doc.csp for doc in ctx.current], cells)
    return CheckResult(
        as_of,
        plan_doc,
        csp_docs,
        table,
        cells,
        coverage,
        missing_themes(ctx),
        governance,
        findings,
    )
