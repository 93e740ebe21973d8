"""Findings: what the assessment concludes, each tied to the YAML node it is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from ..codes import CODES
from ..diagnostics import Diagnostic, Severity
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


@dataclass(frozen=True)
class Finding(Diagnostic):
    """A diagnostic about alignment, naming the partnership, priority and objective involved."""

    csp: str | None = None
    priority: str | None = None
    objective: str | None = None
    waiver: WaiverNote | None = None
    """Set when a waiver accepts this finding: it stays in the report but no longer fails."""

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
