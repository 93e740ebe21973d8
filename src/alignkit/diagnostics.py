"""Diagnostics: every problem alignkit reports, with a stable code, a location and a hint.

Loading, validation and (later) assessment all produce these values; nothing stops at the
first problem, so an officer sees everything wrong in every file in one run.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, NamedTuple

from .values import Value


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


class Diagnostic(Value):
    """A problem found, where it is and how to put it right. Never changed once made:
    ``replace`` makes a copy with some values changed.

    Extended by Finding and CellDiagnostic, so a Value (values.py), not a named tuple."""

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
