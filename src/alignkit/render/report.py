"""The `--format json` report: the check's result in the versioned shape of
models/report.py (whose JSON Schema is generated into `schemas/`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from .. import __version__
from ..assess import CheckResult
from ..models import area_key
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
from ..words import welsh_of

Explanations = Literal["all", "closest"]


def build_report(result: CheckResult, explanations: Explanations = "all") -> CheckReport:
    """The report model. The JSON report carries every pair's explanation; the human
    formats show only each priority's best or closest objective's, so they ask for
    ``explanations="closest"`` and the rest are never worked out.

    The per-pair parts are built with ``model_construct``: their values come from the
    check itself, already of the right types, and validating tens of thousands of them
    again was a third of a large force area's run."""
    return report_shell(result, list(csp_reports(result, explanations)))


def csp_reports(result: CheckResult, explanations: Explanations = "all") -> Iterator[CSPReport]:
    """Each partnership's part of the report, one at a time."""
    for doc, csp in zip(result.csp_docs, result.csps, strict=True):
        priorities = []
        for priority in csp.priorities:
            best = result.table.best(csp.id, priority.id)
            closest = result.table.closest(csp.id, priority.id)
            shown = (
                {p.objective for p in (best, closest) if p is not None}
                if explanations == "closest"
                else None
            )
            priorities.append(
                PriorityReport.model_construct(
                    id=priority.id,
                    title=priority.title,
                    title_cy=priority.title_cy,
                    supports=list(priority.supports),
                    best=Best.model_construct(
                        objective=best.objective, score=best.score, status=best.status
                    )
                    if best
                    else None,
                    matches=[
                        Match.model_construct(
                            objective=p.objective,
                            score=p.score,
                            status=p.status,
                            explanation=p.detail if shown is None or p.objective in shown else {},
                        )
                        for p in result.table.for_priority(csp.id, priority.id)
                    ],
                )
            )
        cells = [
            Cell.model_construct(
                objective=o.id,
                state=result.cells[(csp.id, o.id)].state,
                priorities=list(result.cells[(csp.id, o.id)].priorities),
                reason=result.cells[(csp.id, o.id)].reason,
                devolved=result.cells[(csp.id, o.id)].devolved,
            )
            for o in result.plan.objectives
        ]
        yield (
            CSPReport.model_construct(
                id=csp.id,
                name=csp.name,
                name_cy=csp.name_cy,
                path=doc.source.shown,
                force_area=csp.force_area,
                ended=csp.successor.date.isoformat()
                if csp.successor is not None and csp.ended_by(result.as_of)
                else None,
                nation=csp.in_nation,
                tier=csp.tier,
                priorities=priorities,
                regard=cells,
            )
        )


def report_shell(result: CheckResult, csps: list[CSPReport]) -> CheckReport:
    """The report around the partnerships' parts."""
    plan = result.plan
    counts = result.counts()
    body = plan.body
    return CheckReport(
        tool=Tool(version=__version__),
        as_of=result.as_of.isoformat(),
        plan=PlanInfo(
            path=result.plan_doc.source.shown,
            force_area=plan.force_area,
            forces=list(plan.forces),
            title=plan.title,
            title_cy=plan.title_cy,
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
                PlanObjective(
                    id=o.id, title=o.title, title_cy=o.title_cy, policing_only=o.policing_only
                )
                for o in plan.objectives
            ],
        ),
        csps=csps,
        findings=[FindingReport.model_validate(f.to_dict()) for f in result.findings],
        summary=Summary(
            csps=len(result.csps),
            current=sum(1 for c in result.csps if not c.ended_by(result.as_of)),
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


def force_groups(report: CheckReport) -> list[tuple[str | None, list[CSPReport]]]:
    """The partnerships force by force when the plan covers several forces (each force
    named as the plan names it), else one group with no name."""
    if not report.plan.forces:
        return [(None, list(report.csps))]
    groups: dict[str, tuple[str, list[CSPReport]]] = {
        area_key(a): (a, []) for a in report.plan.forces
    }
    for csp in report.csps:
        area = csp.force_area or report.plan.force_area
        groups.setdefault(area_key(area), (area, []))[1].append(csp)
    return [(name, csps) for name, csps in groups.values() if csps]


def welsh_titles(report: CheckReport) -> dict[str, str]:
    """Each title or name the report also gives in Welsh -> the Welsh (first wins), as
    CheckResult.welsh makes it from the documents."""
    return welsh_of(report.plan, report.csps)


def report_json(result: CheckResult) -> str:
    # Straight from the model with pydantic's own serialiser: the same bytes as
    # json.dumps(model_dump(), indent=2, ensure_ascii=False) at a fraction of the time.
    return build_report(result).model_dump_json(indent=2) + "\n"
