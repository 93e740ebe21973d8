"""The diff's items as short phrases, shared by the text and Markdown formats.

Each function takes an ``esc`` for user text (identity for plain text, Markdown escaping
for Markdown), so the two formats say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models.diff import BriefingRow, CellChange, FindingChange, ItemChange, ScoreChange
from ..words import STATE_WORD

Escape = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def titled(item_id: str, title: str, esc: Escape = _plain) -> str:
    return f"{esc(item_id)} '{esc(title)}'"


def item_line(item: ItemChange, esc: Escape = _plain) -> str:
    """'added P9 'title'', 'renamed P2 'old' → 'new'', 'replaced P3 'old' → P5 'new''."""
    owner = f"{esc(item.csp)} " if item.csp else ""
    if item.change == "renamed":
        return f"{owner}renamed {esc(item.id)} '{esc(item.before[0].title)}' → '{esc(item.title)}'"
    if item.change == "replaced":
        olds = ", ".join(titled(t.id, t.title, esc) for t in item.before)
        return f"{owner}{olds} → {titled(item.id, item.title, esc)}"
    return f"{owner}{item.change} {titled(item.id, item.title, esc)}"


def where(change: FindingChange) -> str:
    state = change.after or change.before
    assert state is not None
    position = "".join(f":{n}" for n in (state.line, state.column) if n is not None)
    return f"{state.path}{position}"


def finding_line(change: FindingChange, esc: Escape = _plain) -> str:
    """'csps/x.yaml:5:1: AK301 error message' (HEAD's location, BASE's when closed)."""
    state = change.after or change.before
    assert state is not None
    waived = " (waived)" if state.waived else ""
    severity: str = state.severity
    if change.change == "changed" and change.before and change.before.severity != severity:
        severity = f"{change.before.severity} → {severity}"
    if change.change == "changed" and change.before and change.before.waived != state.waived:
        waived = " (waived)" if state.waived else " (no longer waived)"
    return f"{esc(where(change))}: {change.code} {severity}{waived} {esc(state.message)}"


def cell_line(cell: CellChange, esc: Escape = _plain) -> str:
    reason = f" ({esc(cell.reason)})" if cell.reason else ""
    return (
        f"{esc(cell.csp)} × {esc(cell.objective)}: "
        f"{STATE_WORD[cell.before]} → {STATE_WORD[cell.after]}{reason}"
    )


def score_line(score: ScoreChange, esc: Escape = _plain) -> str:
    return (
        f"{esc(score.csp)} {esc(score.priority)} × {esc(score.objective)}: "
        f"{score.before_score} {score.before_status} → {score.after_score} {score.after_status}"
    )


def stands(row: BriefingRow, esc: Escape = _plain) -> list[str]:
    """Where the partnerships stand on one objective, group by group."""
    groups = [
        ("addressed by", row.addressed_by),
        ("partly addressed by", row.partial_by),
        ("considered by", row.considered_by),
        ("unexplained gap in", row.gap_in),
    ]
    said = [f"{words} {', '.join(esc(c) for c in ids)}" for words, ids in groups if ids]
    if row.policing_only:
        said.append("for the police alone")
    return said or ["no partnership yet"]


def briefing_line(row: BriefingRow, esc: Escape = _plain) -> str:
    came = f" (replaces {', '.join(esc(r) for r in row.replaces)})" if row.replaces else ""
    return f"{titled(row.objective, row.title, esc)}, {row.change}{came}: " + "; ".join(
        stands(row, esc)
    )
