"""The Markdown report: GitHub-flavoured, for a pull request comment, a wiki page or a CI summary.

It is built from the JSON report model, so it states exactly the facts `--format json`
does. Every piece of text that came from a YAML file is escaped: a title with `|` must not
break a table, and one with `<b>` or `*` must show as typed, not as formatting.
"""

from __future__ import annotations

import re
import textwrap

from ..assess import CheckResult
from ..codes import CODES
from ..markup import code, escape, heading, table
from ..models.report import CheckReport, CSPReport, FindingReport, Match, PriorityReport
from ..words import SEVERITY_WORD, long_date, plural, with_welsh
from .report import build_report, force_groups, welsh_titles
from .statement import duty_note, regard_statement
from .text import CELL, key_states

CELL_WORD = {
    "addressed": "addressed",
    "partial": "partly",
    "considered": "considered",
    "gap": "gap",
    "policing-only": "policing only",
}
"""Short words for the matrix cells; the key under the matrix spells each one out."""


def _code_block(text: str, indent: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return [indent + fence, *(indent + line for line in text.splitlines()), indent + fence]


def _closest(priority: PriorityReport) -> Match | None:
    """The best match, or when nothing is above 'none' the closest: the highest score,
    first on a tie, as ScoreTable.closest chooses it (the report's best is that one)."""
    return max(priority.matches, key=lambda m: m.score, default=None)


def _header(report: CheckReport) -> list[str]:
    plan = report.plan
    title = heading(with_welsh(plan.title, welsh_titles(report)))
    lines = [f"# {title}: alignment with community safety partnerships", ""]
    lines.append(f"- **Force area:** {escape(plan.force_area)}")
    if plan.period:
        lines.append(f"- **Plan period:** {escape(plan.period)}")
    lines.append(f"- **As of:** {long_date(report.as_of)} ({report.as_of})")
    lines.append(f"- **Plan file:** {code(plan.path)}")
    return lines


def _summary(report: CheckReport) -> list[str]:
    s = report.summary
    errors = s.findings["error"]
    lines = ["## Summary", ""]
    lines.append(
        f"{plural(s.csps, 'partnership')} · {plural(s.objectives, 'objective')} · "
        f"{plural(s.priorities, 'priority', 'priorities')}"
    )
    lines.append("")
    error_words = plural(errors, "error")
    lines.append(
        f"{f'**{error_words}**' if errors else error_words} · "
        f"{plural(s.findings['warning'], 'warning')} · {s.findings['info']} info"
    )
    lines.append("")
    if s.unexplained_gaps:
        lines.append(
            f"**{plural(s.unexplained_gaps, 'unexplained gap')}:** objectives a partnership "
            "neither addresses nor records why not."
        )
    else:
        lines.append("No unexplained gaps: every partnership has regard to every objective.")
    lines.append("")
    lines.append(f"**{plural(errors, 'error')} to resolve.**" if errors else "No errors.")
    return lines


def _matrix(report: CheckReport) -> list[str]:
    objectives = [o.id for o in report.plan.objectives]
    welsh = welsh_titles(report)
    # A plan for several forces: a first column names each partnership's force, in groups.
    by_force = [(force, csp) for force, csps in force_groups(report) for csp in csps]
    forces = bool(report.plan.forces)
    rows = []
    for force, csp in by_force:
        name = escape(with_welsh(csp.name, welsh))
        if csp.ended:
            name += f" (ended {long_date(csp.ended)})"
        row = [*([escape(force)] if force else []), name]
        for cell in csp.regard:
            symbol, _, _ = CELL[cell.state]
            text = f"{symbol} {CELL_WORD[cell.state]}"
            if cell.state in ("addressed", "partial") and cell.priorities:
                text += f" ({', '.join(escape(p) for p in cell.priorities)})"
            row.append(text)
        rows.append(row)
    lines = ["## How each partnership stands to each objective", ""]
    lines += table(
        [*(["Force area"] if forces else []), "Partnership", *(escape(o) for o in objectives)],
        [*(["---"] if forces else []), "---", *(":---:" for _ in objectives)],
        rows,
    )
    policing = any(o.policing_only for o in report.plan.objectives)
    key = " · ".join(f"{symbol} {words}" for symbol, _, words in key_states(policing).values())
    lines += ["", f"Key: {key}", ""]
    lines.append(
        "Objectives: "
        + " · ".join(
            f"**{escape(o.id)}** {escape(with_welsh(o.title, welsh))}"
            for o in report.plan.objectives
        )
    )
    return lines


def _coverage(report: CheckReport) -> list[str]:
    names = {c.id: c.name for c in report.csps}
    titles = {o.id: o.title for o in report.plan.objectives}
    total = report.summary.current if report.summary.current is not None else report.summary.csps

    def listed(ids: list[str]) -> str:
        return ", ".join(escape(names.get(i, i)) for i in ids) or "—"

    rows = [
        [
            f"**{escape(c.objective)}** {escape(titles[c.objective])}"
            + (" (policing only)" if c.policing_only else ""),
            f"{len(c.addressed_by)} of {total}"
            + (f": {listed(c.addressed_by)}" if 0 < len(c.addressed_by) < total else ""),
            listed(c.considered_by),
            listed(c.partial_by),
            listed(c.gap_in),
        ]
        for c in report.summary.coverage
    ]
    lines = ["## Coverage of the plan across the force area", ""]
    lines += table(
        ["Objective", "Addressed by", "Reason recorded by", "Partly addressed by", "Gap in"],
        ["---"] * 5,
        rows,
    )
    if report.summary.missing_themes:
        lines += ["", "Shared local themes the plan may be missing:", ""]
        lines += [
            f"- **{escape(t.theme)}**: a priority for {listed(t.csps)}"
            for t in report.summary.missing_themes
        ]
    return lines


def _finding(finding: FindingReport) -> list[str]:
    where = finding.path
    if finding.line is not None:
        where += f":{finding.line}:{finding.column}"
    info = CODES.get(finding.code)
    title = f" {escape(info.title)}" if info else ""
    lines = [
        f"- **{SEVERITY_WORD[finding.severity]} {finding.code}{title}** at {code(where)}: "
        f"{escape(finding.message)}"
    ]
    if finding.waiver is not None:
        w = finding.waiver
        by = f", approved by {escape(w.approved_by)}" if w.approved_by else ""
        lines.append(f"  - **Waived** until {w.expires}{by}: {escape(w.reason)} ({code(w.where)})")
    if finding.hint:
        first, _, rest = finding.hint.partition("\n")
        lines.append(f"  - What to do: {escape(first[:1].upper() + first[1:])}")
        if rest.strip():
            lines += _code_block(textwrap.dedent(rest).strip("\n"), "    ")
    return lines


def _findings(findings: list[FindingReport], heading: str, about: list[str]) -> list[str]:
    counted = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_WORD}
    about = [
        *about,
        plural(counted["error"], "error"),
        plural(counted["warning"], "warning"),
        f"{counted['info']} info",
    ]
    lines = [heading, "", " · ".join(about), ""]
    if not findings:
        return [*lines, "No findings."]
    for finding in findings:
        lines += _finding(finding)
    return lines


def _statement(report: CheckReport, csp: CSPReport) -> list[str]:
    titles = {o.id: o.title for o in report.plan.objectives}
    welsh = welsh_titles(report)
    rows = [
        [
            f"**{escape(line.objective)}** {escape(with_welsh(line.title, welsh))}",
            f"{line.symbol} {line.word}",
            escape(line.detail),
        ]
        for line in regard_statement(csp, titles)
    ]
    lines = ["#### How this partnership has regard to the police and crime plan", ""]
    lines += table(["Objective", "Standing", "How"], ["---", "---", "---"], rows)
    return [*lines, "", escape(duty_note(csp))]


def _priorities(report: CheckReport, csp: CSPReport) -> list[str]:
    welsh = welsh_titles(report)
    titles = {o.id: with_welsh(o.title, welsh) for o in report.plan.objectives}
    rows = []
    for priority in csp.priorities:
        match = _closest(priority)
        if match is None:
            rows.append(
                [
                    f"**{escape(priority.id)}** {escape(with_welsh(priority.title, welsh))}",
                    *("—", "", "", ""),
                ]
            )
            continue
        objective = f"{escape(match.objective)} {escape(titles.get(match.objective, ''))}"
        if priority.best is None:
            objective = f"none (closest: {objective})"
        summary = match.explanation.get("summary")
        rows.append(
            [
                f"**{escape(priority.id)}** {escape(with_welsh(priority.title, welsh))}",
                objective,
                str(match.score),
                match.status,
                escape(str(summary)) if summary else "",
            ]
        )
    lines = ["#### Priorities", ""]
    if not rows:
        return [*lines, "No priorities recorded."]
    return lines + table(
        ["Priority", "Best objective", "Score", "Status", "Why"],
        ["---", "---", "---:", "---", "---"],
        rows,
    )


def markdown_report(report: CheckReport) -> str:
    """The report model as Markdown: one function of the model, so tests can feed it directly."""
    blocks = [_header(report), _summary(report), _matrix(report), _coverage(report)]
    known = {csp.id for csp in report.csps}
    blocks.append(
        _findings(
            # a finding naming no partnership of the run (AK902) is shown here, not lost
            [f for f in report.findings if f.csp not in known],
            "## Findings about the police and crime plan",
            [f"File: {code(report.plan.path)}"],
        )
    )
    blocks.append(["## Partnerships"])
    for csp in report.csps:
        about = [f"File: {code(csp.path)}", f"id: {code(csp.id)}"]
        if csp.nation == "wales":
            about.append("nation: Wales")
        if csp.tier:
            about.append(f"tier: {escape(csp.tier)}")
        name = with_welsh(csp.name, welsh_titles(report))
        blocks.append([f"### {heading(name)}", "", " · ".join(about)])
        blocks.append(_statement(report, csp))
        blocks.append(_priorities(report, csp))
        blocks.append(
            _findings([f for f in report.findings if f.csp == csp.id], "#### Findings", [])
        )
    blocks.append(
        [
            "---",
            "",
            f"Made by alignkit {escape(report.tool.version)} "
            f"(report format {report.format_version}) as of {report.as_of}.",
        ]
    )
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def render_markdown(result: CheckResult) -> str:
    return markdown_report(build_report(result, explanations="closest"))


__all__ = ["code", "escape", "heading", "markdown_report", "render_markdown", "table"]
