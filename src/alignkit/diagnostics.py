"""Diagnostics: every problem alignkit reports, with a stable code, a location and a hint.

Loading, validation and (later) assessment all produce these values; nothing stops at the
first problem, so an officer sees everything wrong in every file in one run.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar, NamedTuple, Self


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Position(NamedTuple):
    """A place in a file, 1-based as editors show it; ordered by line, then column.

    A named tuple: every value of every document gets one, and a frozen dataclass is
    several times slower to make."""

    line: int
    column: int


class Diagnostic:
    """A problem found, where it is and how to put it right. Never changed once made:
    ``replace`` makes a copy with some values changed.

    A plain class with slots, as are Finding and CellDiagnostic which extend it, rather
    than a frozen dataclass: those cost about a millisecond each to define at every
    start, and a frozen dataclass's instances are slower to make."""

    __slots__ = ("code", "hint", "message", "path", "position", "severity")
    FIELDS: ClassVar[tuple[str, ...]] = ("code", "severity", "message", "path", "position", "hint")
    """The values, in the order the constructor takes them (subclasses add theirs)."""

    def __init__(
        self,
        code: str,
        severity: Severity,
        message: str,
        path: str,
        position: Position | None = None,
        hint: str | None = None,
    ) -> None:
        self.code = code
        self.severity = severity
        self.message = message
        self.path = path
        self.position = position
        self.hint = hint

    def values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` made (what dataclasses.replace did)."""
        unknown = set(changes) - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no {', '.join(sorted(unknown))}")
        return type(self)(**{name: changes.get(name, getattr(self, name)) for name in self.FIELDS})

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Diagnostic)
        return self.values() == other.values()

    def __hash__(self) -> int:
        return hash(self.values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"

    @property
    def line(self) -> int | None:
        return self.position.line if self.position else None

    @property
    def column(self) -> int | None:
        return self.position.column if self.position else None

    def location(self) -> str:
        """``path:line:column`` (or just the path when the problem has no place in the file)."""
        if self.position is None:
            return self.path
        return f"{self.path}:{self.position.line}:{self.position.column}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        pos = self.position or Position(0, 0)
        return (self.path, pos.line, pos.column, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
            "path": self.path,
            "line": self.line,
            "column": self.column,
        }


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
