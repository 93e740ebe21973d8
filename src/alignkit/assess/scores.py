"""The scores the assessment works from: one entry per (CSP, priority, objective).

This is the single place that reads the matching engine's result, so the rules and the
renderers depend on a small, stable shape rather than on the engine's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["aligned", "partial", "none"]


@dataclass(frozen=True)
class Pair:
    csp: str
    priority: str
    objective: str
    score: int
    status: Status
    summary: str
    """One line on why, e.g. 'shared themes: domestic abuse (DA ↔ domestic abuse)'."""
    detail: dict[str, Any] = field(default_factory=dict, compare=False)
    """The engine's full explanation, carried into the JSON report."""


@dataclass
class ScoreTable:
    """Every pair, looked up by (csp, priority, objective), in document order."""

    pairs: dict[tuple[str, str, str], Pair]
    objective_order: list[str]

    def get(self, csp: str, priority: str, objective: str) -> Pair:
        return self.pairs[(csp, priority, objective)]

    def for_priority(self, csp: str, priority: str) -> list[Pair]:
        return [self.pairs[(csp, priority, o)] for o in self.objective_order]

    def best(self, csp: str, priority: str) -> Pair | None:
        """Highest score (first objective on a tie); None when nothing is above 'none'."""
        ranked = sorted(self.for_priority(csp, priority), key=lambda p: -p.score)
        return ranked[0] if ranked and ranked[0].status != "none" else None
