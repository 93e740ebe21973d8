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


def _same_area(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def references(plan_doc: LoadedDocument, csp_doc: LoadedDocument) -> list[Diagnostic]:
    """`supports`, `regard` and `force_area` of one CSP checked against the plan."""
    plan, csp = plan_doc.plan, csp_doc.csp
    if plan is None or csp is None:
        return []
    found = []
    if not _same_area(plan.force_area, csp.force_area):
        found.append(
            _problem(
                "AK206",
                f"force area '{csp.force_area}' differs from the plan's '{plan.force_area}' "
                f"({plan_doc.source.shown})",
                csp_doc,
                ("force_area",),
                f"write force_area: {plan.force_area}, or check against that force area's plan",
            )
        )
    known = [o.id for o in plan.objectives]

    def unknown(code: str, value: str, loc: tuple[str | int, ...], what: str) -> Diagnostic:
        guess = did_you_mean(value, known)
        hint = (
            f"did you mean '{guess}'?" if guess else "objectives in the plan: " + ", ".join(known)
        )
        return _problem(
            code,
            f"{what} names objective '{value}', which is not in the police and crime plan",
            csp_doc,
            loc,
            hint,
        )

    for p_index, priority in enumerate(csp.priorities):
        for s_index, objective in enumerate(priority.supports):
            if objective not in known:
                found.append(
                    unknown(
                        "AK204",
                        objective,
                        ("priorities", p_index, "supports", s_index),
                        f"priority {priority.id} 'supports'",
                    )
                )
    for r_index, record in enumerate(csp.regard):
        if record.objective not in known:
            found.append(
                unknown(
                    "AK205", record.objective, ("regard", r_index, "objective"), "a 'regard' record"
                )
            )
    return found


def wrong_kind(doc: LoadedDocument, expected: str) -> Diagnostic | None:
    if doc.kind is None or doc.kind == expected:
        return None
    return _problem(
        "AK207",
        f"expected a {KIND_LABELS[expected]} here, but this file is a {KIND_LABELS[doc.kind]}",
        doc,
        ("kind",),
    )
