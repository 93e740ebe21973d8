"""assess: scores and documents in, findings out, for both sides of the duty."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import Severity
from ..models import CSPDocument, PolicePlan
from ..validate import LoadedDocument
from .cycles import csp_cycle_findings, plan_cycle_findings
from .findings import Finding
from .forcewide import (
    MissingTheme,
    ObjectiveCoverage,
    ThemeReader,
    coverage_matrix,
    missing_themes,
    objective_coverage,
    unaddressed_objectives,
)
from .partnership import partnership_findings
from .regard import CellState, csp_regard_findings, declared_link_findings, plan_regard_findings
from .scores import Pair, ScoreTable

__all__ = [
    "CellState",
    "CheckResult",
    "Finding",
    "MissingTheme",
    "ObjectiveCoverage",
    "Pair",
    "ScoreTable",
    "assess",
]

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass
class CheckResult:
    as_of: dt.date
    plan_doc: LoadedDocument
    csp_docs: list[LoadedDocument]
    table: ScoreTable
    cells: dict[tuple[str, str], CellState]
    coverage: list[ObjectiveCoverage]
    themes: list[MissingTheme]
    findings: list[Finding] = field(default_factory=list)

    @property
    def plan(self) -> PolicePlan:
        assert self.plan_doc.plan is not None
        return self.plan_doc.plan

    @property
    def csps(self) -> list[CSPDocument]:
        return [doc.csp for doc in self.csp_docs if doc.csp is not None]

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
        return [f for f in self.findings if f.csp == csp_id]

    def fails(self, fail_on: str) -> bool:
        """True when any finding is at or above ``fail_on`` (error, warning or never)."""
        if fail_on == "never":
            return False
        limit = _SEVERITY_RANK[Severity(fail_on)]
        return any(_SEVERITY_RANK[f.severity] <= limit for f in self.findings if not f.waived)


def assess(
    plan_doc: LoadedDocument,
    csp_docs: list[LoadedDocument],
    table: ScoreTable,
    themes_of: ThemeReader,
    as_of: dt.date,
) -> CheckResult:
    plan = plan_doc.plan
    assert plan is not None
    csps = [doc.csp for doc in csp_docs if doc.csp is not None]
    findings: list[Finding] = list(plan_cycle_findings(plan_doc, as_of))
    unaddressed: list[tuple[CSPDocument, str]] = []
    for doc in csp_docs:
        csp = doc.csp
        assert csp is not None
        findings += csp_regard_findings(doc, plan, table)
        plan_side = plan_regard_findings(doc, plan, table)
        unaddressed += [(csp, f.priority) for f in plan_side if f.priority]
        findings += plan_side
        findings += declared_link_findings(doc, table)
        findings += csp_cycle_findings(doc, plan, as_of)
        findings += partnership_findings(doc)
    cells = coverage_matrix(plan_doc, csps, table)
    coverage = objective_coverage(plan_doc, csps, cells)
    findings += unaddressed_objectives(plan_doc, coverage, len(csps))
    themes, theme_findings = missing_themes(plan_doc, unaddressed, themes_of)
    findings += theme_findings

    order = {doc.source.shown: i for i, doc in enumerate([plan_doc, *csp_docs])}
    findings.sort(key=lambda f: (order.get(f.path, len(order)), *f.sort_key()))
    return CheckResult(as_of, plan_doc, csp_docs, table, cells, coverage, themes, findings)
