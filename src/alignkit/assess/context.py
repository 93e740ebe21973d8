"""What every rule reads, and the one signature rules have: context in, findings out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from ..validate import ValidCSP, ValidPlan
from .carry import Carried
from .findings import Finding
from .governance import Governance
from .regard import CellState
from .scores import ScoreTable
from .themes import ThemeReader


class AssessContext(NamedTuple):
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
    carried: dict[str, list[Carried]]
    """CSP id -> the outgoing plan's ids its records named, carried to the new plan."""

    @property
    def current(self) -> list[ValidCSP]:
        """The partnerships no successor has taken over from by the as-of date: the force
        area as it stands, for the force-wide rules."""
        return [doc for doc in self.csps if not doc.csp.ended_by(self.as_of)]


Rule = Callable[[AssessContext], list[Finding]]
"""A rule: the whole context in, its findings out (each rule module says which codes)."""
