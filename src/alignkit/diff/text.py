"""`alignkit diff --format text`: the change, for a terminal or a CI log."""

from __future__ import annotations

from collections.abc import Sequence

from ..models.diff import DiffReport
from .lines import briefing_line, cell_line, finding_line, item_line, score_line


def _section(title: str, lines: Sequence[str]) -> list[str]:
    if not lines:
        return []
    return [f"{title} ({len(lines)})", *(f"  {line}" for line in lines)]


def diff_text(diff: DiffReport) -> str:
    findings = {
        change: [finding_line(f) for f in diff.findings if f.change == change]
        for change in ("opened", "closed", "changed")
    }
    partnerships = [f"{p.change} {p.id} ({p.path})" for p in diff.partnerships]
    lines = [
        f"╭─ alignkit diff ─ {diff.base.label} → {diff.head.label}",
        f"│ {diff.base.plan} → {diff.head.plan}" if diff.base.plan != diff.head.plan else "",
        f"╰─ {diff.verdict}",
        # A refreshed plan's briefing first: it is what the policy officer came for.
        *_section(
            "Plan refresh: new and changed objectives", [briefing_line(r) for r in diff.briefing]
        ),
        *_section("Opened", findings["opened"]),
        *_section("Closed", findings["closed"]),
        *_section("Changed", findings["changed"]),
        *_section("Objectives", [item_line(o) for o in diff.objectives]),
        *_section("Partnerships", partnerships),
        *_section("Priorities", [item_line(p) for p in diff.priorities]),
        *_section("Partnerships' stand on objectives", [cell_line(c) for c in diff.cells]),
        *_section("Scores across a threshold", [score_line(s) for s in diff.scores]),
    ]
    return "\n".join(line for line in lines if line) + "\n"
