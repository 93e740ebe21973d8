"""Checks that need more than one file: ids, references and the force area."""

from __future__ import annotations

from collections.abc import Iterable

from ..codes import hint_for
from ..diagnostics import Diagnostic, Severity
from ..models import CSP_KIND, PLAN_KIND
from .documents import KIND_LABELS, LoadedDocument
from .schema_errors import did_you_mean


def _problem(
    code: str,
    message: str,
    doc: LoadedDocument,
    loc: tuple[str | int, ...],
    hint: str | None = None,
) -> Diagnostic:
    return Diagnostic(
        code,
        Severity.ERROR,
        message,
        doc.source.shown,
        doc.source.position(loc),
        hint or hint_for(code),
    )


def duplicate_regard(doc: LoadedDocument) -> list[Diagnostic]:
    """Two `regard` records for one objective: which reason stands?"""
    data = doc.source.data or {}
    if doc.kind != CSP_KIND:
        return []
    first: dict[str, int] = {}
    found = []
    for index, record in enumerate(_mappings(data.get("regard"))):
        objective = record.get("objective")
        if not isinstance(objective, str):
            continue
        objective = objective.strip()
        if objective in first:
            line = doc.source.position(("regard", first[objective], "objective"))
            where = f" (first at line {line.line})" if line else ""
            found.append(
                _problem(
                    "AK210",
                    f"objective '{objective}' has a second 'regard' record{where}",
                    doc,
                    ("regard", index, "objective"),
                )
            )
        else:
            first[objective] = index
    return found


def duplicate_ids(doc: LoadedDocument) -> list[Diagnostic]:
    """Objective ids within a plan, priority ids within a CSP.

    Read from the raw values, so duplicates are reported even when another part of the
    document is invalid.
    """
    data = doc.source.data or {}
    field, code, noun = {
        PLAN_KIND: ("objectives", "AK201", "objective"),
        CSP_KIND: ("priorities", "AK202", "priority"),
    }.get(doc.kind or "", ("", "", ""))
    items = data.get(field) if field else None
    if not isinstance(items, list):
        return []
    first: dict[str, int] = {}
    found = []
    for index, item in enumerate(items):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        item_id = item_id.strip()
        if item_id in first:
            line = doc.source.position((field, first[item_id], "id"))
            where = f" (first used at line {line.line})" if line else ""
            found.append(
                _problem(
                    code, f"{noun} id '{item_id}' is used twice{where}", doc, (field, index, "id")
                )
            )
        else:
            first[item_id] = index
    return found


def duplicate_csp_ids(docs: Iterable[LoadedDocument]) -> list[Diagnostic]:
    seen: dict[str, LoadedDocument] = {}
    found = []
    for doc in docs:
        if doc.csp is None:
            continue
        earlier = seen.get(doc.csp.id)
        if earlier is None:
            seen[doc.csp.id] = doc
        else:
            found.append(
                _problem(
                    "AK203",
                    f"partnership id '{doc.csp.id}' is also used by {earlier.source.shown}",
                    doc,
                    ("id",),
                )
            )
    return found


def references(plan_doc: LoadedDocument, csp_doc: LoadedDocument) -> list[Diagnostic]:
    """`supports`, `regard` and `force_area` of one CSP checked against the plan.

    Read from the CSP's raw values, so these are reported even when another part of the
    CSP document is invalid (every problem at once, not one round at a time).
    """
    plan, data = plan_doc.plan, csp_doc.source.data
    if plan is None or data is None or csp_doc.kind != CSP_KIND:
        return []
    found = []
    area = data.get("force_area")
    if isinstance(area, str) and area.strip() and not plan.covers(area):
        areas = " or ".join(plan.force_areas)
        found.append(
            _problem(
                "AK206",
                f"force area '{area.strip()}' differs from the plan's '{areas}' "
                f"({plan_doc.source.shown})",
                csp_doc,
                ("force_area",),
                f"write force_area: {plan.force_areas[0]}, or check against that force area's plan",
            )
        )
    known = [o.id for o in plan.objectives]
    # Ids of the plan this one supersedes are carried across (assess.carry), not unknown.
    carried = set(plan.supersedes.mapping) if plan.supersedes else set()

    def unknown(code: str, value: str, loc: tuple[str | int, ...], what: str) -> Diagnostic:
        # Ids are case-sensitive ('p1' is not 'P1'); say so rather than leave it a puzzle.
        same_but_case = [k for k in known if k.lower() == value.lower()]
        guess = same_but_case[0] if same_but_case else did_you_mean(value, known)
        hint = (
            f"did you mean '{guess}'?" if guess else "objectives in the plan: " + ", ".join(known)
        )
        message = f"{what} names objective '{value}', which is not in the police and crime plan"
        return _problem(code, message, csp_doc, loc, hint)

    for p_index, priority in enumerate(_mappings(data.get("priorities"))):
        supports = priority.get("supports")
        label = str(priority.get("id") or f"#{p_index + 1}").strip()
        for s_index, objective in enumerate(supports if isinstance(supports, list) else []):
            if isinstance(objective, str) and objective.strip() not in {*known, *carried}:
                loc = ("priorities", p_index, "supports", s_index)
                found.append(
                    unknown("AK204", objective.strip(), loc, f"priority {label} 'supports'")
                )
    for r_index, record in enumerate(_mappings(data.get("regard"))):
        objective = record.get("objective")
        if isinstance(objective, str) and objective.strip() not in {*known, *carried}:
            where = ("regard", r_index, "objective")
            found.append(unknown("AK205", objective.strip(), where, "a 'regard' record"))
    return found


def _mappings(value: object) -> list[dict[str, object]]:
    """The items of a list, with anything that is not a mapping left as an empty one (the
    schema check reports those), so indexes stay the file's indexes."""
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, dict) else {} for item in value]


def wrong_kind(doc: LoadedDocument, expected: str) -> Diagnostic | None:
    if doc.kind is None or doc.kind == expected:
        return None
    return _problem(
        "AK207",
        f"expected a {KIND_LABELS[expected]} here, but this file is a {KIND_LABELS[doc.kind]}",
        doc,
        ("kind",),
    )
