"""The repository's policy on findings: severity overrides and waivers.

A waiver accepts one finding (or a family of them) on the record, with a reason, who
approved it and until when. A waived finding stays in every report, marked with its
reason: the report is an audit trail of regard, not a place where things disappear. It
just no longer fails the run. An expired waiver, or one that matches nothing, is itself
a finding, so waivers cannot quietly outlive their purpose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ..assess.findings import Finding, WaiverNote
from ..codes import CODES
from ..config import Config, Waiver
from ..diagnostics import Position, Severity

UNWAIVABLE = frozenset({"AK901", "AK902"})
"""The findings about waivers themselves: made after the waivers are applied, so no
waiver can accept them (and `alignkit baseline` writes none for them)."""


def apply_policy(findings: Sequence[Finding], config: Config, as_of: dt.date) -> list[Finding]:
    settings = config.settings
    result = [_override(f, settings.severity) for f in findings]
    extra: list[Finding] = []
    for index, waiver in enumerate(settings.waivers):
        if waiver.expires < as_of:
            extra.append(
                _config_finding(
                    config,
                    index,
                    "AK901",
                    f"the waiver of {waiver.code} for {waiver.target()} expired on "
                    f"{waiver.expires.isoformat()}: the finding counts again",
                )
            )
            continue
        where = config.where("waivers", index)
        note = WaiverNote(waiver.reason, waiver.approved_by, waiver.expires, where)
        matched = False
        for i, f in enumerate(result):
            if _applies(waiver, f):
                matched = True
                if f.waiver is None:
                    result[i] = f.replace(waiver=note)
        if not matched:
            extra.append(
                _config_finding(
                    config,
                    index,
                    "AK902",
                    f"the waiver of {waiver.code} for {waiver.target()} matches no finding",
                )
            )
    return result + extra


def _applies(waiver: Waiver, f: Finding) -> bool:
    return waiver.matches(f.code, f.csp, f.priority, f.objective)


def _override(f: Finding, severity: Mapping[str, str]) -> Finding:
    wanted = severity.get(f.code)
    return f.replace(severity=Severity(wanted)) if wanted else f


def _config_finding(config: Config, index: int, code: str, message: str) -> Finding:
    waiver = config.settings.waivers[index]
    at = config.position("waivers", index)
    severity = Severity(config.settings.severity.get(code, CODES[code].severity or "warning"))
    return Finding(
        code=code,
        severity=severity,
        message=message,
        path=config.shown,
        position=Position(*at) if at else None,
        hint=CODES[code].fix,
        csp=waiver.csp,
        priority=waiver.priority,
        objective=waiver.objective,
    )
