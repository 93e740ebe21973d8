"""The `--format json` report, written as plain data in the versioned shape of
models/report.py (whose JSON Schema is generated into `schemas/`) without building the
models: the check that writes JSON neither pays for sixteen report models nor holds a
report of tens of megabytes. render/report.py validates the same data into the models
for the formats that read them, and a test holds the two to the same bytes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

import pydantic_core

from .. import __version__
from ..assess import CheckResult
from ..models import CSPDocument, Priority
from ..validate import ValidCSP

Explanations = Literal["all", "closest"]

FORMAT_VERSION = 2
"""models/report.py's FORMAT_VERSION, which a test holds this to: importing it from there
would build the report models this module exists to do without."""


def csp_report_data(
    result: CheckResult, explanations: Explanations = "all"
) -> Iterator[dict[str, Any]]:
    """Each partnership's part as plain data, in the shape (and key order) of CSPReport:
    what the models are validated from and the JSON report writes directly."""
    for doc, csp in zip(result.csp_docs, result.csps, strict=True):
        priorities = [_priority_data(result, csp.id, p, explanations) for p in csp.priorities]
        yield _csp_data(result, doc, csp, priorities)


def _csp_data(
    result: CheckResult, doc: ValidCSP, csp: CSPDocument, priorities: list[Any]
) -> dict[str, Any]:
    cells = [(o.id, result.cells[(csp.id, o.id)]) for o in result.plan.objectives]
    ended = csp.successor is not None and csp.ended_by(result.as_of)
    return {
        "id": csp.id,
        "name": csp.name,
        "name_cy": csp.name_cy,
        "path": doc.source.shown,
        "force_area": csp.force_area,
        "ended": csp.successor.date.isoformat() if csp.successor is not None and ended else None,
        "nation": csp.in_nation,
        "tier": csp.tier,
        "priorities": priorities,
        "regard": [
            {
                "objective": objective,
                "state": cell.state,
                "priorities": list(cell.priorities),
                "reason": cell.reason,
                "devolved": cell.devolved,
            }
            for objective, cell in cells
        ],
    }


def _priority_data(
    result: CheckResult, csp: str, priority: Priority, explanations: Explanations
) -> dict[str, Any]:
    table = result.table
    closest = table.closest(csp, priority.id)
    best = table.best(csp, priority.id)
    shown = {closest.objective} if explanations == "closest" and closest else None
    return {
        "id": priority.id,
        "title": priority.title,
        "title_cy": priority.title_cy,
        "supports": list(priority.supports),
        "best": {"objective": best.objective, "score": best.score, "status": best.status}
        if best
        else None,
        "matches": [
            {
                "objective": p.objective,
                "score": p.score,
                "status": p.status,
                "explanation": p.detail if shown is None or p.objective in shown else {},
            }
            for p in table.for_priority(csp, priority.id)
        ],
    }


def report_shell_data(result: CheckResult, csps: list[Any]) -> dict[str, Any]:
    """The report around the partnerships' parts, as plain data in CheckReport's shape and
    key order (defaults written out): what the model is validated from, and what the
    JSON report writes directly without building it."""
    plan = result.plan
    counts = result.counts()
    body = plan.body
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "alignkit", "version": __version__},
        "as_of": result.as_of.isoformat(),
        "plan": {
            "path": result.plan_doc.source.shown,
            "force_area": plan.force_area,
            "forces": list(plan.forces),
            "title": plan.title,
            "title_cy": plan.title_cy,
            "period": plan.period.label() if plan.period else None,
            "issued_by": {
                "kind": body.kind,
                "name": body.name,
                "holder": body.holder,
                "deputy_mayor": body.deputy_mayor,
                "members": list(body.members),
                "fire": body.holds_fire,
                "term_end": body.term.end.isoformat() if body.term and body.term.end else None,
            },
            "supersedes": plan.supersedes.title if plan.supersedes else None,
            "supersedes_mapping": (
                {old: list(new) for old, new in plan.supersedes.mapping.items()}
                if plan.supersedes
                else None
            ),
            "interim": plan.status is not None and plan.status.status == "interim",
            "objectives": [
                {
                    "id": o.id,
                    "title": o.title,
                    "title_cy": o.title_cy,
                    "policing_only": o.policing_only,
                }
                for o in plan.objectives
            ],
        },
        "csps": csps,
        "findings": [f.to_dict() for f in result.findings],
        "summary": {
            "csps": len(result.csps),
            "current": sum(1 for c in result.csps if not c.ended_by(result.as_of)),
            "objectives": len(plan.objectives),
            "priorities": sum(len(c.priorities) for c in result.csps),
            "findings": {
                "error": counts["error"],
                "warning": counts["warning"],
                "info": counts["info"],
            },
            "waived": result.waived,
            "unexplained_gaps": sum(
                1 for f in result.findings if f.code == "AK301" and not f.waived
            ),
            "coverage": [
                {
                    "objective": c.objective,
                    "addressed_by": list(c.addressed_by),
                    "considered_by": list(c.considered_by),
                    "partial_by": list(c.partial_by),
                    "gap_in": list(c.gap_in),
                    "policing_only": c.policing_only,
                }
                for c in result.coverage
            ],
            "missing_themes": [{"theme": t.theme, "csps": list(t.csps)} for t in result.themes],
        },
    }


def report_json(result: CheckResult) -> str:
    return "".join(report_json_pieces(result))


def report_json_pieces(result: CheckResult) -> Iterator[str]:
    """The JSON report as pieces, a priority at a time, for the writer to stream.

    The report around the partnerships is the model, written by pydantic's serialiser;
    each partnership and each of its priorities is plain data written by the same
    serialiser (pydantic_core), indented to its depth. Byte for byte what
    ``build_report(result).model_dump_json(indent=2)`` writes (a test holds it to that),
    without holding a report of tens of megabytes, its models or its explanations."""
    shell = _json(report_shell_data(result, []))
    csps = (
        _with_list(
            _indented(_json(_csp_data(result, doc, csp, [])), _CSP),
            "priorities",
            (
                [_indented(_json(_priority_data(result, csp.id, p, "all")), _PRIORITY)]
                for p in csp.priorities
            ),
            _CSP,
        )
        for doc, csp in zip(result.csp_docs, result.csps, strict=True)
    )
    yield from _with_list(shell, "csps", csps, 0)
    yield "\n"


_CSP = 4
"""Spaces before a partnership's part: an item of the report's top-level list."""
_PRIORITY = 8
"""Spaces before a priority's part: an item of the partnership's list of priorities."""


def _json(data: dict[str, Any]) -> str:
    return pydantic_core.to_json(data, indent=2).decode("utf-8")


def _indented(text: str, depth: int) -> str:
    """``text``, written from the left margin, moved ``depth`` spaces in (all but its
    first line: the caller writes where it starts). One pass over each text: a
    priority's part is indented once, straight to its depth."""
    return text.replace("\n", "\n" + " " * depth)


def _with_list(shell: str, key: str, items: Iterable[Iterable[str]], depth: int) -> Iterator[str]:
    """``shell``, an object written ``depth`` spaces in with ``key`` an empty list, with
    ``items`` (each as pieces already indented to their depth) written into that list.

    The empty list is found as its key at the object's first level: a text value cannot
    contain it, as pydantic escapes the quotes inside strings."""
    pad = " " * depth
    marker = f'\n{pad}  "{key}": [],\n'
    head, found, tail = shell.partition(marker)
    opened = False
    for item in items if found else ():
        yield (f'{head}\n{pad}  "{key}": [' if not opened else ",") + f"\n{pad}    "
        opened = True
        yield from item
    yield f"\n{pad}  ],\n{tail}" if opened else shell
