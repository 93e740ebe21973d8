"""The one sentence a reviewer reads first: what the change opens and closes.

Unexplained gaps are named apart from other findings because they are what the duty to
have regard is about; only errors and warnings are counted (an info finding, such as a
reason now on record, is news rather than a problem), and waived findings are left out,
as they are from the check's counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..markup import listed
from ..models.diff import CellChange, DiffCounts, ItemChange, ScoreChange
from ..words import plural


def _what(total: int, gaps: int) -> str:
    others = total - gaps
    parts = []
    if gaps:
        parts.append(plural(gaps, "unexplained gap"))
    if others:
        parts.append(plural(others, "other finding" if gaps else "finding"))
    return listed(parts)


def verdict(
    counts: DiffCounts,
    cells: Sequence[CellChange],
    scores: Sequence[ScoreChange],
    objectives: Sequence[ItemChange],
) -> str:
    """'This change opens 1 unexplained gap and closes 2.' and the like."""
    opened_total = counts.opened["error"] + counts.opened["warning"]
    closed_total = counts.closed["error"] + counts.closed["warning"]
    opened = _what(opened_total, counts.gaps_opened)
    closed = _what(closed_total, counts.gaps_closed)
    if opened and closed:
        same_kind = counts.gaps_opened == opened_total and counts.gaps_closed == closed_total
        closes = str(counts.gaps_closed) if same_kind else closed
        comma = "," if " and " in opened + closes else ""
        sentence = f"This change opens {opened}{comma} and closes {closes}"
    elif opened:
        sentence = f"This change opens {opened}"
    elif closed:
        sentence = f"This change closes {closed}"
    elif (
        counts.changed
        or cells
        or scores
        or objectives
        or any(counts.opened.values())
        or any(counts.closed.values())
    ):
        sentence = "This change opens and closes no errors or warnings"
    else:
        return "This change makes no difference to the assessment."
    if counts.changed:
        sentence += f"; {plural(counts.changed, 'finding')} changed"
    return sentence + "."
