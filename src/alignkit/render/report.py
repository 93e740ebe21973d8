"""The `--format json` report: a versioned contract, modelled so its JSON Schema is generated.

Tools (and the held-out accuracy evaluation) read every objective's score and status for
every priority from here, so fields are only ever added, never renamed: bump
FORMAT_VERSION for anything that is not backwards compatible.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..assess import CheckResult

FORMAT_VERSION: Literal[1] = 1

Status = Literal["aligned", "partial", "none"]
CellStateName = Literal["addressed", "partial", "considered", "gap"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tool(_Out):
    name: Literal["alignkit"] = "alignkit"
    version: str


class PlanObjective(_Out):
    id: str
    title: str


class PlanInfo(_Out):
    path: str
    force_area: str
    title: str
    period: str | None = Field(None, description="The plan's period, e.g. 2024/25-2028/29.")
    objectives: list[PlanObjective]


class Best(_Out):
    objective: str
    score: int = Field(ge=0, le=100)
    status: Status


class Match(_Out):
    objective: str
    score: int = Field(ge=0, le=100)
    status: Status
    explanation: dict[str, Any] = Field(
        description="Why: 'summary' (one line) plus the matching engine's details "
        "(shared themes, matched terms, fields that matched)."
    )


class PriorityReport(_Out):
    id: str
    title: str
    supports: list[str] = Field(
        description="Objective ids the CSP declares this priority supports."
    )
    best: Best | None = Field(description="The best objective, or null when none is above 'none'.")
    matches: list[Match] = Field(
        description="One entry for every objective of the plan, in plan order."
    )


class Cell(_Out):
    objective: str
    state: CellStateName
    priorities: list[str]
    reason: str | None = None


class CSPReport(_Out):
    id: str
    name: str
    path: str
    tier: str | None = None
    priorities: list[PriorityReport]
    regard: list[Cell] = Field(description="How the CSP stands to each objective of the plan.")


class WaiverReport(_Out):
    reason: str
    approved_by: str | None
    expires: str = Field(description="YYYY-MM-DD: the waiver lapses after this day.")
    where: str = Field(description="file:line:column of the waiver in the configuration.")


class FindingReport(_Out):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    hint: str | None
    path: str
    line: int | None
    column: int | None
    csp: str | None
    priority: str | None
    objective: str | None
    waiver: WaiverReport | None = Field(
        None,
        description="The waiver that accepts this finding, or null. A waived finding is "
        "reported but does not fail the run.",
    )


class Coverage(_Out):
    objective: str
    addressed_by: list[str]
    considered_by: list[str]
    partial_by: list[str]
    gap_in: list[str]


class Theme(_Out):
    theme: str
    csps: list[str]


class Summary(_Out):
    csps: int
    objectives: int
    priorities: int
    findings: dict[Literal["error", "warning", "info"], int] = Field(
        description="Findings by severity, waived findings left out."
    )
    waived: int = Field(0, description="Findings accepted by a waiver.")
    unexplained_gaps: int
    coverage: list[Coverage]
    missing_themes: list[Theme]


class CheckReport(_Out):
    """The report of `alignkit check --format json`."""

    format_version: Literal[1] = FORMAT_VERSION
    tool: Tool
    as_of: str = Field(description="The date the check was made as of (YYYY-MM-DD).")
    plan: PlanInfo
    csps: list[CSPReport]
    findings: list[FindingReport]
    summary: Summary


def build_report(result: CheckResult) -> CheckReport:
    plan = result.plan
    csps = []
    for doc, csp in zip(result.csp_docs, result.csps, strict=True):
        priorities = []
        for priority in csp.priorities:
            best = result.table.best(csp.id, priority.id)
            priorities.append(
                PriorityReport(
                    id=priority.id,
                    title=priority.title,
                    supports=list(priority.supports),
                    best=Best(objective=best.objective, score=best.score, status=best.status)
                    if best
                    else None,
                    matches=[
                        Match(
                            objective=p.objective,
                            score=p.score,
                            status=p.status,
                            explanation={"summary": p.summary, **p.detail},
                        )
                        for p in result.table.for_priority(csp.id, priority.id)
                    ],
                )
            )
        cells = [
            Cell(
                objective=o.id,
                state=result.cells[(csp.id, o.id)].state,
                priorities=list(result.cells[(csp.id, o.id)].priorities),
                reason=result.cells[(csp.id, o.id)].reason,
            )
            for o in plan.objectives
        ]
        csps.append(
            CSPReport(
                id=csp.id,
                name=csp.name,
                path=doc.source.shown,
                tier=csp.tier,
                priorities=priorities,
                regard=cells,
            )
        )
    counts = result.counts()
    return CheckReport(
        tool=Tool(version=__version__),
        as_of=result.as_of.isoformat(),
        plan=PlanInfo(
            path=result.plan_doc.source.shown,
            force_area=plan.force_area,
            title=plan.title,
            period=plan.period.label() if plan.period else None,
            objectives=[PlanObjective(id=o.id, title=o.title) for o in plan.objectives],
        ),
        csps=csps,
        findings=[FindingReport.model_validate(f.to_dict()) for f in result.findings],
        summary=Summary(
            csps=len(csps),
            objectives=len(plan.objectives),
            priorities=sum(len(c.priorities) for c in result.csps),
            findings={
                "error": counts["error"],
                "warning": counts["warning"],
                "info": counts["info"],
            },
            waived=result.waived,
            unexplained_gaps=sum(1 for f in result.findings if f.code == "AK301" and not f.waived),
            coverage=[
                Coverage(
                    objective=c.objective,
                    addressed_by=list(c.addressed_by),
                    considered_by=list(c.considered_by),
                    partial_by=list(c.partial_by),
                    gap_in=list(c.gap_in),
                )
                for c in result.coverage
            ],
            missing_themes=[Theme(theme=t.theme, csps=list(t.csps)) for t in result.themes],
        ),
    )


def report_json(result: CheckResult) -> str:
    return (
        json.dumps(build_report(result).model_dump(mode="json"), indent=2, ensure_ascii=False)
        + "\n"
    )
