"""The `--format json` report: the check's result in the versioned shape of
models/report.py (whose JSON Schema is generated into `schemas/`)."""

from __future__ import annotations

import json

from .. import __version__
from ..assess import CheckResult
from ..models.report import (
    Best,
    Cell,
    CheckReport,
    Coverage,
    CSPReport,
    FindingReport,
    IssuingBody,
    Match,
    PlanInfo,
    PlanObjective,
    PriorityReport,
    Summary,
    Theme,
    Tool,
)


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
    body = plan.body
    return CheckReport(
        tool=Tool(version=__version__),
        as_of=result.as_of.isoformat(),
        plan=PlanInfo(
            path=result.plan_doc.source.shown,
            force_area=plan.force_area,
            title=plan.title,
            period=plan.period.label() if plan.period else None,
            issued_by=IssuingBody(
                kind=body.kind,
                name=body.name,
                holder=body.holder,
                deputy_mayor=body.deputy_mayor,
                members=list(body.members),
                fire=body.holds_fire,
                term_end=body.term.end.isoformat() if body.term and body.term.end else None,
            ),
            supersedes=plan.supersedes.title if plan.supersedes else None,
            interim=plan.status is not None and plan.status.status == "interim",
            objectives=[
                PlanObjective(id=o.id, title=o.title, policing_only=o.policing_only)
                for o in plan.objectives
            ],
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
                    policing_only=c.policing_only,
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
