"""The duty itself, in both directions, and the links partnerships declare.

An objective is *addressed* by a CSP when one of its priorities is aligned with it, or
when a priority declares it in `supports` and the texts at least partly agree. Without
that, a `regard` record (the objective considered, and why it is not local) is what
having regard looks like; with neither, the gap is unexplained. An objective the plan
marks `policing_only` (budgets, workforce, technology) is the police's alone: having
regard to it (CDA 1998 s.6(1A)) means consideration, not adoption, so a partnership that
does not address it has no gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from ..models import CSPDocument, Objective, PolicePlan, Priority
from ..validate import ValidCSP
from .findings import Finding, finding
from .scores import Pair, ScoreTable

if TYPE_CHECKING:
    from .context import AssessContext

Cell = Literal["addressed", "partial", "considered", "gap", "policing-only"]
"""How one CSP stands to one objective."""


class CellState(NamedTuple):
    state: Cell
    priorities: tuple[str, ...] = ()
    """The priorities that address the objective (or the closest, when partial)."""
    reason: str | None = None
    """The recorded reason, when considered and not adopted."""
    devolved: bool = False
    """Considered by a Welsh partnership as a matter of devolved Welsh functions, which
    the duty does not reach (CDA 1998 s.6(1A))."""


def _declared(csp: CSPDocument) -> set[tuple[str, str]]:
    return {(p.id, o) for p in csp.priorities for o in p.supports}


def addresses(pair: Pair, declared: set[tuple[str, str]]) -> bool:
    return pair.status == "aligned" or (
        pair.status == "partial" and (pair.priority, pair.objective) in declared
    )


def cell_state(csp: CSPDocument, objective: Objective, table: ScoreTable) -> CellState:
    declared = _declared(csp)
    pairs = [table.get(csp.id, p.id, objective.id) for p in csp.priorities]
    addressing = tuple(p.priority for p in pairs if addresses(p, declared))
    if addressing:
        return CellState("addressed", addressing)
    if objective.policing_only:
        return CellState("policing-only")
    record = next((r for r in csp.regard if r.objective == objective.id), None)
    if record is not None:
        return CellState("considered", reason=record.reason, devolved=record.devolved)
    partial = sorted((p for p in pairs if p.status == "partial"), key=lambda p: -p.score)
    if partial:
        return CellState("partial", (partial[0].priority,))
    return CellState("gap")


def _priority_index(csp: CSPDocument, priority_id: str) -> int:
    return next(i for i, p in enumerate(csp.priorities) if p.id == priority_id)


def unaddressed_priorities(csp: CSPDocument, table: ScoreTable) -> list[tuple[int, Priority]]:
    """(index, priority) of the CSP's priorities no objective of the plan addresses."""
    declared = _declared(csp)
    return [
        (index, priority)
        for index, priority in enumerate(csp.priorities)
        if not any(addresses(p, declared) for p in table.for_priority(csp.id, priority.id))
    ]


def csp_regard_findings(ctx: AssessContext) -> list[Finding]:
    """AK301-AK304 and AK503 for every CSP: does it have regard to every objective?"""
    return [f for doc in ctx.csps for f in _csp_regard(doc, ctx.plan.plan, ctx.table)]


def plan_regard_findings(ctx: AssessContext) -> list[Finding]:
    """AK401 for every CSP: is each of its priorities addressed by some objective?"""
    return [f for doc in ctx.csps for f in _plan_regard(doc, ctx.plan.plan, ctx.table)]


def declared_link_findings(ctx: AssessContext) -> list[Finding]:
    """AK501 and AK502 for every CSP: do its `supports` links match what the texts say?"""
    return [f for doc in ctx.csps for f in _declared_links(doc, ctx.table)]


def _csp_regard(doc: ValidCSP, plan: PolicePlan, table: ScoreTable) -> list[Finding]:
    """AK301-AK304 and AK503: does the CSP have regard to every objective?"""
    csp = doc.csp
    found: list[Finding] = []
    for objective in plan.objectives:
        state = cell_state(csp, objective, table)
        label = f"{objective.id} '{objective.title}'"
        record_index = next(
            (i for i, r in enumerate(csp.regard) if r.objective == objective.id), None
        )
        if state.state == "addressed" and record_index is not None:
            found.append(
                finding(
                    "AK503",
                    f"{csp.name} records {label} as not adopted, but priority "
                    f"{state.priorities[0]} addresses it",
                    doc,
                    ("regard", record_index),
                    csp=csp.id,
                    priority=state.priorities[0],
                    objective=objective.id,
                )
            )
        elif state.state == "considered" and record_index is not None and state.devolved:
            found.append(
                finding(
                    "AK304",
                    f"{csp.name} records {label} as a matter of devolved Welsh functions, "
                    f"which the duty to have regard does not reach: {state.reason}",
                    doc,
                    ("regard", record_index, "devolved"),
                    csp=csp.id,
                    objective=objective.id,
                )
            )
        elif state.state == "considered" and record_index is not None:
            found.append(
                finding(
                    "AK302",
                    f"{csp.name} considered {label} and did not adopt it: {state.reason}",
                    doc,
                    ("regard", record_index),
                    csp=csp.id,
                    objective=objective.id,
                )
            )
        elif state.state == "partial":
            closest = state.priorities[0]
            pair = table.get(csp.id, closest, objective.id)
            found.append(
                finding(
                    "AK303",
                    f"{label} is only partly addressed by {csp.name}: the closest priority "
                    f"is {closest} (score {pair.score}; {pair.summary})",
                    doc,
                    ("priorities", _priority_index(csp, closest)),
                    csp=csp.id,
                    priority=closest,
                    objective=objective.id,
                )
            )
        elif state.state == "gap":
            found.append(
                finding(
                    "AK301",
                    f"{csp.name} neither addresses {label} nor records why not",
                    doc,
                    ("priorities",),
                    hint=f"add a priority that addresses it, or record the decision:\n"
                    f"  regard:\n    - objective: {objective.id}\n      reason: …",
                    csp=csp.id,
                    objective=objective.id,
                )
            )
    return found


def _plan_regard(doc: ValidCSP, plan: PolicePlan, table: ScoreTable) -> list[Finding]:
    """AK401: is every CSP priority addressed by some objective of the plan?"""
    csp = doc.csp
    found: list[Finding] = []
    for index, priority in unaddressed_priorities(csp, table):
        pairs = table.for_priority(csp.id, priority.id)
        closest = max(pairs, key=lambda p: p.score)
        title = next(o.title for o in plan.objectives if o.id == closest.objective)
        found.append(
            finding(
                "AK401",
                f"no objective of the police and crime plan addresses {csp.name}'s priority "
                f"{priority.id} '{priority.title}'; the closest is {closest.objective} '{title}' "
                f"(score {closest.score})",
                doc,
                ("priorities", index),
                csp=csp.id,
                priority=priority.id,
                objective=closest.objective,
            )
        )
    return found


def _declared_links(doc: ValidCSP, table: ScoreTable) -> list[Finding]:
    """AK501 and AK502: do the declared `supports` links match what the texts say?"""
    csp = doc.csp
    found: list[Finding] = []
    for index, priority in enumerate(csp.priorities):
        for s_index, objective in enumerate(priority.supports):
            if objective not in table.objective_order:
                continue  # an unknown id is a document error (AK204), reported before this
            pair = table.get(csp.id, priority.id, objective)
            if pair.status == "none":
                found.append(
                    finding(
                        "AK501",
                        f"priority {priority.id} '{priority.title}' says it supports "
                        f"{objective}, but the texts show little in common (score {pair.score}; "
                        f"{pair.summary})",
                        doc,
                        ("priorities", index, "supports", s_index),
                        csp=csp.id,
                        priority=priority.id,
                        objective=objective,
                    )
                )
        undeclared = sorted(
            (
                pair
                for pair in table.for_priority(csp.id, priority.id)
                if pair.status == "aligned" and pair.objective not in priority.supports
            ),
            key=lambda pair: -pair.score,
        )
        if undeclared:
            # One suggestion per priority, strongest first: a list of every undeclared
            # pair would bury the gaps that matter.
            first, rest = undeclared[0], undeclared[1:]
            also = "".join(f", {p.objective} (score {p.score})" for p in rest)
            ids = ", ".join(p.objective for p in undeclared)
            them = "them" if rest else "it"
            found.append(
                finding(
                    "AK502",
                    f"priority {priority.id} '{priority.title}' addresses {first.objective} "
                    f"(score {first.score}; {first.summary}){also} but does not list {them} "
                    "in 'supports'",
                    doc,
                    ("priorities", index),
                    hint=f"If the partnership means this, add {ids} to the priority's "
                    "'supports' list.",
                    csp=csp.id,
                    priority=priority.id,
                    objective=first.objective,
                )
            )
    return found
