"""A partnership's statement of regard: for every objective of the plan, the priorities
that address it, the reason recorded for not adopting it, or the gap.

Written so an officer can lift it into the partnership plan. The HTML and Markdown
reports both show it, from this one function.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import REGULATIONS
from ..models.report import CSPReport
from ..words import STATE_WORD
from .text import CELL


@dataclass(frozen=True)
class StatementLine:
    objective: str
    title: str
    state: str
    symbol: str
    word: str
    detail: str


def regard_statement(csp: CSPReport, titles: dict[str, str]) -> tuple[StatementLine, ...]:
    priority_titles = {p.id: p.title for p in csp.priorities}

    def named(ids: list[str]) -> str:
        return "; ".join(f"{i} {priority_titles.get(i, '')}".strip() for i in ids)

    lines = []
    for cell in csp.regard:
        if cell.state == "addressed":
            detail = f"Addressed by {named(cell.priorities)}."
        elif cell.state == "considered" and cell.devolved:
            detail = (
                "Devolved Welsh functions, outside the duty to have regard (CDA 1998 "
                f"s.6(1A)): {cell.reason or 'reason recorded'}"
            )
        elif cell.state == "considered":
            detail = f"Considered and not adopted: {cell.reason or 'reason recorded'}"
        elif cell.state == "policing-only":
            detail = (
                "For the police alone (budgets, workforce, technology): considered, not "
                "expected to be adopted."
            )
        elif cell.state == "partial":
            detail = (
                f"Partly addressed by {named(cell.priorities)}; make the link explicit "
                "or record why not."
            )
        else:
            detail = "Not addressed and no reason recorded."
        lines.append(
            StatementLine(
                cell.objective,
                titles.get(cell.objective, ""),
                cell.state,
                CELL[cell.state][0],
                STATE_WORD[cell.state],
                detail,
            )
        )
    return tuple(lines)


def duty_note(csp: CSPReport) -> str:
    """The duty the statement answers, in the law of the partnership's nation: one
    sentence under the statement in every format that shows it."""
    note = (
        "The responsible authorities must have regard to the police and crime objectives "
        "(Crime and Disorder Act 1998 s.6(1A))"
    )
    if csp.nation == "wales":
        return (
            f"{note}, apart from devolved Welsh functions: an objective recorded as a "
            "matter of devolved functions is outside the duty, not a gap. The "
            f"partnership's strategy is made under {REGULATIONS['wales']}; domestic "
            "homicide reviews run through the Single Unified Safeguarding Review."
        )
    return f"{note}. The partnership's strategy is made under {REGULATIONS['england']}."
