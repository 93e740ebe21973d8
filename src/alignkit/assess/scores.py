"""The scores the assessment works from: one entry per (CSP, priority, objective).

This is the single place that reads the matching engine's result, so the rules and the
renderers depend on a small, stable shape rather than on the engine's internals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NamedTuple, Protocol

Status = Literal["aligned", "partial", "none"]


class Explained(Protocol):
    """What the rules and reports read of a pair's explanation."""

    @property
    def summary(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


class Pair(NamedTuple):
    # A named tuple: a force area has tens of thousands of pairs, and a frozen dataclass
    # is several times slower to make.
    csp: str
    priority: str
    objective: str
    score: int
    status: Status
    explanation: Callable[[], Explained]
    """The explanation on demand: worked out the first time a rule or a format reads it
    (the callable keeps it), since most formats show few pairs' explanations."""

    @property
    def summary(self) -> str:
        """One line on why, e.g. 'both about domestic abuse ('DA' ↔ 'domestic abuse')'."""
        return self.explanation().summary

    @property
    def detail(self) -> dict[str, Any]:
        """The engine's full explanation (summary first), for the JSON report, which
        writes it once: an explanation not already kept (for a rule or a human format)
        is made without keeping it, so a report of tens of thousands of pairs never holds
        them all."""
        fresh = getattr(self.explanation, "fresh", self.explanation)
        explained: Explained = fresh()
        return explained.to_dict()


class ScoreTable:
    """Every pair, looked up by (csp, priority, objective), in document order. (A plain
    class: made once a run, and keeps a memo of its own.)"""

    __slots__ = ("_rows", "objective_order", "pairs")

    def __init__(self, pairs: dict[tuple[str, str, str], Pair], objective_order: list[str]) -> None:
        self.pairs = pairs
        self.objective_order = objective_order
        self._rows: dict[tuple[str, str], tuple[Pair, ...]] = {}

    def get(self, csp: str, priority: str, objective: str) -> Pair:
        return self.pairs[(csp, priority, objective)]

    def for_priority(self, csp: str, priority: str) -> tuple[Pair, ...]:
        """The priority's pairs in plan order (kept: every rule and report asks)."""
        row = self._rows.get((csp, priority))
        if row is None:
            row = self._rows[(csp, priority)] = tuple(
                self.pairs[(csp, priority, o)] for o in self.objective_order
            )
        return row

    def closest(self, csp: str, priority: str) -> Pair | None:
        """The highest score (first objective on a tie), whatever its status; None only
        when the plan has no objectives. Every report's "best or closest" is this."""
        return max(self.for_priority(csp, priority), key=lambda p: p.score, default=None)

    def best(self, csp: str, priority: str) -> Pair | None:
        """The closest objective when it is at least partial; None when nothing is."""
        closest = self.closest(csp, priority)
        return closest if closest is not None and closest.status != "none" else None
