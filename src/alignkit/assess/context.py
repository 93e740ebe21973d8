"""What every rule reads, and the one signature rules have: context in, findings out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..validate import ValidCSP, ValidPlan
from .findings import Finding
from .governance import Governance
from .regard import CellState
from .scores import ScoreTable
from .themes import ThemeReader


@dataclass(frozen=True)
class AssessContext:
    """The validated documents, their scores, and the force-wide picture made from them."""

    plan: ValidPlan
    csps: list[ValidCSP]
    table: ScoreTable
    as_of: dt.date
    themes_of: ThemeReader
    cells: dict[tuple[str, str], CellState]
    """(CSP id, objective id) -> how the CSP stands to the objective."""
    governance: Governance
    """The governance events for the force area and its issuing body."""


Rule = Callable[[AssessContext], list[Finding]]
"""A rule: the whole context in, its findings out (each rule module says which codes)."""
