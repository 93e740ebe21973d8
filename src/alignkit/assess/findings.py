"""Findings: what the assessment concludes, each tied to the YAML node it is about."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, NamedTuple

from ..codes import CODES
from ..diagnostics import Diagnostic, Position, Severity
from ..load import PathKey
from ..validate import ValidCSP, ValidPlan


class WaiverNote(NamedTuple):
    """The waiver that accepts a finding: shown beside it in every report."""

    reason: str
    approved_by: str | None
    expires: dt.date
    where: str
    """`file:line:column` of the waiver in the configuration."""

    def to_dict(self) -> dict[str, object]:
        return {
            "reason": self.reason,
            "approved_by": self.approved_by,
            "expires": self.expires.isoformat(),
            "where": self.where,
        }


class Finding(Diagnostic):
    """A diagnostic about alignment, naming the partnership, priority and objective involved.

    ``waiver`` is set when a waiver accepts the finding: it stays in the report but no
    longer fails."""

    __slots__ = ("csp", "objective", "priority", "waiver")
    FIELDS: ClassVar[tuple[str, ...]] = (
        *Diagnostic.FIELDS,
        "csp",
        "priority",
        "objective",
        "waiver",
    )

    def __init__(
        self,
        code: str,
        severity: Severity,
        message: str,
        path: str,
        position: Position | None = None,
        hint: str | None = None,
        csp: str | None = None,
        priority: str | None = None,
        objective: str | None = None,
        waiver: WaiverNote | None = None,
    ) -> None:
        super().__init__(code, severity, message, path, position, hint)
        self.csp = csp
        self.priority = priority
        self.objective = objective
        self.waiver = waiver

    @property
    def waived(self) -> bool:
        return self.waiver is not None

    def to_dict(self) -> dict[str, object]:
        return {
            **super().to_dict(),
            "csp": self.csp,
            "priority": self.priority,
            "objective": self.objective,
            "waiver": self.waiver.to_dict() if self.waiver else None,
        }


def finding(
    code: str,
    message: str,
    doc: ValidPlan | ValidCSP,
    at: PathKey,
    *,
    hint: str | None = None,
    csp: str | None = None,
    priority: str | None = None,
    objective: str | None = None,
) -> Finding:
    info = CODES[code]
    return Finding(
        code=code,
        severity=info.severity or Severity.WARNING,
        message=message,
        path=doc.source.shown,
        position=doc.source.position(at, key=True),
        hint=hint or info.fix,
        csp=csp,
        priority=priority,
        objective=objective,
    )
