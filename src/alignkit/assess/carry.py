"""Carrying partnerships' links across to a successor plan.

When a force area moves to a new plan, partnerships' `supports` and `regard` records
still name the outgoing plan's objective ids. A plan that declares what it `supersedes`,
with a mapping from each old id to the new ones (renumbered, merged, split or dropped),
lets those records be carried across rather than break validation: each carried id is
reported as *carried from <old plan>* (AK504, info), and a record whose objective was
dropped is flagged for review (AK505). Only ids that are not objectives of the new plan
are carried: an id the new plan uses means the new objective.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..models import CSPDocument, PolicePlan, Priority, RegardRecord
from ..validate import ValidCSP
from .findings import Finding, finding

if TYPE_CHECKING:
    from .context import AssessContext


class Carried(NamedTuple):
    """One old id in a partnership's document, and where it went."""

    csp: str
    old: str
    new: tuple[str, ...]
    """The new ids; empty when the objective was dropped."""
    at: tuple[str | int, ...]
    """Where the old id is written in the CSP file."""
    priority: str | None = None
    """The priority whose `supports` names it; None for a `regard` record."""


def _carry_ids(ids: list[str], mapping: dict[str, list[str]], current: set[str]) -> list[str]:
    found: list[str] = []
    for old in ids:
        for new in [old] if old in current else mapping.get(old, [old]):
            if new not in found:
                found.append(new)
    return found


def carry_forward(plan: PolicePlan, doc: ValidCSP) -> tuple[ValidCSP, list[Carried]]:
    """The CSP with old ids carried through the plan's mapping, and what was carried."""
    if plan.supersedes is None:
        return doc, []
    mapping = plan.supersedes.mapping
    current = {o.id for o in plan.objectives}
    csp = doc.csp
    carried: list[Carried] = []
    priorities: list[Priority] = []
    for p_index, priority in enumerate(csp.priorities):
        for s_index, old in enumerate(priority.supports):
            if old not in current and old in mapping:
                at = ("priorities", p_index, "supports", s_index)
                carried.append(Carried(csp.id, old, tuple(mapping[old]), at, priority.id))
        supports = _carry_ids(priority.supports, mapping, current)
        priorities.append(priority.model_copy(update={"supports": supports}))
    records: list[RegardRecord] = [r for r in csp.regard if r.objective in current]
    for r_index, record in enumerate(csp.regard):
        old = record.objective
        if old in current or old not in mapping:
            continue
        carried.append(Carried(csp.id, old, tuple(mapping[old]), ("regard", r_index, "objective")))
        for new in mapping[old]:
            if all(r.objective != new for r in records):
                records.append(record.model_copy(update={"objective": new}))
    if not carried:
        return doc, []
    moved: CSPDocument = csp.model_copy(update={"priorities": priorities, "regard": records})
    return doc._replace(csp=moved), carried


def version_findings(ctx: AssessContext) -> list[Finding]:
    """AK504 and AK505 for every CSP: the old ids carried to the successor plan."""
    plan = ctx.plan.plan
    return [f for doc in ctx.csps for f in _carried(doc, ctx.carried.get(doc.csp.id, []), plan)]


def _carried(doc: ValidCSP, carried: list[Carried], plan: PolicePlan) -> list[Finding]:
    """AK504 for every id carried across, AK505 for every one whose objective was dropped."""
    old_plan = plan.supersedes.title if plan.supersedes else ""
    found: list[Finding] = []
    for item in carried:
        what = (
            f"priority {item.priority} 'supports'"
            if item.priority is not None
            else "a 'regard' record"
        )
        if item.new:
            found.append(
                finding(
                    "AK504",
                    f"{what} names {item.old}, carried from {old_plan} to {', '.join(item.new)}",
                    doc,
                    item.at,
                    csp=item.csp,
                    priority=item.priority,
                    objective=item.new[0],
                )
            )
        else:
            found.append(
                finding(
                    "AK505",
                    f"{what} names {item.old} of {old_plan}, which the new plan dropped: "
                    "review the record",
                    doc,
                    item.at,
                    csp=item.csp,
                    priority=item.priority,
                )
            )
    return found
