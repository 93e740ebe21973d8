"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and
drops the rest without saying so. Rather than let findings vanish, the report keeps the
first ones of each kind in report order and ends with one notice counting what was left
out; the full report belongs in the job summary (see ``write_step_summary``).

Waived findings are not annotated: a waiver accepts the finding on the record, so it no
longer asks for a change on the pull request. The job summary still lists each one with
its reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..assess import CheckResult, Finding
from ..codes import CODES
from ..diagnostics import Severity

ANNOTATIONS_PER_KIND = 10
"""Annotations of one kind GitHub shows for a step."""

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("note", "notes"),
}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (after the second ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=…,line=…``): ``:`` and ``,`` would end it early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """One finding as ``::error file=…,line=…,col=…,title=…::message``."""
    info = CODES.get(finding.code)
    title = f"{finding.code} {info.title}" if info else finding.code
    properties = [("file", finding.path)]
    if finding.position is not None:
        properties += [("line", str(finding.position.line)), ("col", str(finding.position.column))]
    properties.append(("title", title))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = finding.message
    if finding.hint:
        message += f"\nhint: {finding.hint}"
    return f"::{COMMAND[finding.severity]} {props}::{escape_data(message)}"


def _count(n: int, severity: Severity) -> str:
    one, many = _NOUNS[severity]
    return f"{n} more {one if n == 1 else many}"


def render_github(result: CheckResult) -> str:
    """Workflow commands for every finding GitHub will show, in report order."""
    findings = [f for f in result.findings if not f.waived]
    by_kind: dict[Severity, list[Finding]] = {s: [] for s in COMMAND}
    for finding in findings:
        by_kind[finding.severity].append(finding)
    left_out = {s: max(0, len(found) - ANNOTATIONS_PER_KIND) for s, found in by_kind.items()}
    if any(left_out.values()) and len(by_kind[Severity.INFO]) >= ANNOTATIONS_PER_KIND:
        # The closing notice is itself a notice: keep room for it among the ten.
        left_out[Severity.INFO] = len(by_kind[Severity.INFO]) - (ANNOTATIONS_PER_KIND - 1)
    shown = {s: len(found) - left_out[s] for s, found in by_kind.items()}
    lines: list[str] = []
    kept = dict.fromkeys(COMMAND, 0)
    for finding in findings:
        if kept[finding.severity] < shown[finding.severity]:
            kept[finding.severity] += 1
            lines.append(annotation(finding))
    if any(left_out.values()):
        counts = [_count(n, s) for s, n in left_out.items() if n]
        listed = counts[0] if len(counts) == 1 else ", ".join(counts[:-1]) + " and " + counts[-1]
        lines.append(
            f"::notice title={escape_property('alignkit: more findings than GitHub shows')}::"
            + escape_data(
                f"Left out here: {listed} (GitHub shows at most {ANNOTATIONS_PER_KIND} "
                "annotations of each kind). The full report is in the job summary."
            )
        )
    return "".join(line + "\n" for line in lines)


def write_step_summary(markdown: str, env: Mapping[str, str]) -> None:
    """Append ``markdown`` to the job summary GitHub names in ``GITHUB_STEP_SUMMARY``.

    Outside GitHub Actions (the variable unset or empty) nothing is written or created.
    The environment is a parameter so that callers and tests decide where it comes from.
    """
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    text = markdown if markdown.endswith("\n") else markdown + "\n"
    with Path(target).open("a", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


__all__ = [
    "ANNOTATIONS_PER_KIND",
    "annotation",
    "escape_data",
    "escape_property",
    "render_github",
    "write_step_summary",
]
