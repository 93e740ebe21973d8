"""`alignkit diff --format markdown`: for a pull-request comment or the GitHub step summary.

Short enough to read in a review: the verdict, the counts and the opened findings are
shown; everything else sits in collapsible sections a reviewer opens when they need it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..markup import escape, md_table
from ..models.diff import DiffReport
from .lines import cell_line, finding_line, item_line, score_line, stands


def _details(summary: str, body: Sequence[str]) -> list[str]:
    if not body:
        return []
    # The blank lines let GitHub render Markdown inside the HTML element.
    return ["<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>", ""]


def _bullets(lines: Sequence[str]) -> list[str]:
    return [f"- {line}" for line in lines]


def _briefing(diff: DiffReport) -> list[str]:
    rows = [
        [
            f"{escape(r.objective)} {escape(r.title)}",
            r.change + (f" ({', '.join(escape(x) for x in r.replaces)})" if r.replaces else ""),
            "; ".join(stands(r, escape)),
        ]
        for r in diff.briefing
    ]
    return md_table(["objective", "change", "where the partnerships stand"], ["---"] * 3, rows)


def diff_markdown(diff: DiffReport) -> str:
    counts = diff.summary
    lines = [
        f"# What changed: {escape(diff.base.label)} → {escape(diff.head.label)}",
        "",
        f"**{escape(diff.verdict)}**",
        "",
    ]
    if diff.base.plan != diff.head.plan:
        lines += [f"Plan: {escape(diff.base.plan)} → {escape(diff.head.plan)}", ""]
    if any(counts.opened.values()) or any(counts.closed.values()):
        lines += md_table(
            ["findings", "opened", "closed"],
            ["---", "---:", "---:"],
            [[s, str(counts.opened[s]), str(counts.closed[s])] for s in counts.opened],
        )
        lines.append("")
    if diff.briefing:
        # Shown, not folded: the briefing is what a plan refresh's reviewer came for.
        lines += ["## Plan refresh: new and changed objectives", "", *_briefing(diff), ""]
    opened = [f for f in diff.findings if f.change == "opened"]
    # Errors and warnings are what a reviewer must see; notes wait behind a click.
    problems = [finding_line(f, escape) for f in opened if f.after and f.after.severity != "info"]
    notes = [finding_line(f, escape) for f in opened if f.after and f.after.severity == "info"]
    if problems:
        lines += ["## Opened by this change", "", *_bullets(problems), ""]
    lines += _details(f"Opened, for information: {len(notes)}", _bullets(notes))
    closed = [finding_line(f, escape) for f in diff.findings if f.change == "closed"]
    changed = [finding_line(f, escape) for f in diff.findings if f.change == "changed"]
    lines += _details(f"Closed: {len(closed)}", _bullets(closed))
    lines += _details(f"Changed: {len(changed)}", _bullets(changed))
    items = [item_line(i, escape) for i in (*diff.objectives, *diff.priorities)]
    items += [
        f"{p.change} partnership {escape(p.id)} ({escape(p.path)})" for p in diff.partnerships
    ]
    lines += _details(f"Objectives, priorities and partnerships: {len(items)}", _bullets(items))
    cells = [cell_line(c, escape) for c in diff.cells]
    lines += _details(f"Partnerships' stand on objectives: {len(cells)} changed", _bullets(cells))
    scores = [score_line(s, escape) for s in diff.scores]
    lines += _details(f"Scores across a threshold: {len(scores)}", _bullets(scores))
    lines += [
        "---",
        "",
        f"Made by alignkit {escape(diff.tool.version)} (diff format {diff.format_version}).",
    ]
    return "\n".join(lines) + "\n"
