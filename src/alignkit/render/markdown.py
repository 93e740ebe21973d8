"""The Markdown report: GitHub-flavoured, for a pull request comment, a wiki page or a CI summary.

It is built from the JSON report model, so it states exactly the facts `--format json`
does. Every piece of text that came from a YAML file is escaped: a title with `|` must not
break a table, and one with `<b>` or `*` must show as typed, not as formatting.
"""

from __future__ import annotations

import re

from ..assess import CheckResult
from ..markup import code, escape, heading, table
from ..models.report import CheckReport
from ..words import with_welsh
from .report import build_report
from .statement import StatementLine
from .view import FindingView, GroupView, PageView, PriorityView, page_view


def _code_block(text: str, indent: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return [indent + fence, *(indent + line for line in text.splitlines()), indent + fence]


def _bold_if(shown: bool, text: str) -> str:
    return f"**{text}**" if shown else text


def _header(view: PageView) -> list[str]:
    plan = view.plan
    title = heading(with_welsh(plan.title, view.welsh))
    lines = [f"# {title}: alignment with community safety partnerships", ""]
    lines.append(f"- **Force area:** {escape(plan.force_area)}")
    if plan.period:
        lines.append(f"- **Plan period:** {escape(plan.period)}")
    lines.append(f"- **As of:** {view.as_of_long} ({view.report.as_of})")
    lines.append(f"- **Plan file:** {code(plan.path)}")
    return lines


def _summary(view: PageView) -> list[str]:
    verdict = view.verdict
    severities = [
        _bold_if(severity == "error" and count > 0, words)
        for severity, words, count in view.severities
    ]
    return [
        f"## {view.section['summary']}",
        "",
        " · ".join(view.totals),
        "",
        " · ".join(severities),
        "",
        f"{_bold_if(not verdict.good, verdict.lead)} {verdict.rest}",
        "",
        _bold_if(bool(view.errors), view.resolve),
    ]


def _matrix(view: PageView) -> list[str]:
    objectives = view.plan.objectives
    # A plan for several forces: a first column names each partnership's force, in groups.
    forces = bool(view.plan.forces)
    rows = []
    for force, force_rows in view.row_groups:
        for row in force_rows:
            name = escape(with_welsh(row.csp.name, view.welsh))
            if row.ended:
                name += f" {row.ended}"
            cells = []
            for cell in row.cells:
                by = (
                    f" ({', '.join(escape(p) for p in cell.priorities)})" if cell.priorities else ""
                )
                cells.append(f"{cell.symbol} {cell.short}{by}")
            rows.append([*([escape(force)] if force else []), name, *cells])
    lines = [f"## {view.section['matrix']}", ""]
    lines += table(
        [*(["Force area"] if forces else []), "Partnership", *(escape(o.id) for o in objectives)],
        [*(["---"] if forces else []), "---", *(":---:" for _ in objectives)],
        rows,
    )
    key = " · ".join(f"{symbol} {words}" for _, symbol, words in view.key)
    lines += ["", f"{view.section['key']}: {key}", ""]
    lines.append(
        "Objectives: "
        + " · ".join(
            f"**{escape(o.id)}** {escape(with_welsh(o.title, view.welsh))}" for o in objectives
        )
    )
    return lines


def _coverage(view: PageView) -> list[str]:
    def shown(names: str) -> str:
        return escape(names) or view.none_shown

    rows = [
        [
            f"**{escape(c.objective)}** {escape(c.title)}",
            c.of + (f": {escape(c.addressed_by)}" if c.addressed_by else ""),
            shown(c.considered_by),
            shown(c.partial_by),
            shown(c.gap_in),
        ]
        for c in view.coverage
    ]
    lines = [f"## {view.section['coverage']}", ""]
    lines += table([escape(c) for c in view.columns["coverage"]], ["---"] * 5, rows)
    if view.themes:
        lines += ["", f"{view.section['themes']}:", ""]
        lines += [f"- **{escape(theme)}**: {escape(held)}" for theme, held in view.themes]
    return lines


def _finding(finding: FindingView) -> list[str]:
    title = f" {escape(finding.code_title)}" if finding.code_title else ""
    lines = [
        f"- **{finding.severity_word} {finding.code}{title}** at {code(finding.where)}: "
        f"{escape(finding.message)}"
    ]
    if finding.waiver is not None:
        lines.append(f"  - **Waived** {escape(finding.waived)} ({code(finding.waiver.where)})")
    if finding.hint:
        lines.append(f"  - What to do: {escape(finding.hint)}")
        if finding.example:
            lines += _code_block(finding.example, "    ")
    return lines


def _findings(view: PageView, group: GroupView, level: str, about: list[str]) -> list[str]:
    lines = [
        f"{level} {heading(group.findings_heading)}",
        "",
        " · ".join([*about, group.counts]),
        "",
    ]
    if not group.findings:
        return [*lines, view.no_findings]
    for finding in group.findings:
        lines += _finding(finding)
    return lines


def _statement_row(line: StatementLine, welsh: dict[str, str]) -> list[str]:
    return [
        f"**{escape(line.objective)}** {escape(with_welsh(line.title, welsh))}",
        f"{line.symbol} {line.word}",
        escape(line.detail),
    ]


def _statement(view: PageView, group: GroupView) -> list[str]:
    lines = [f"#### {view.section['regard']}", ""]
    lines += table(
        list(view.columns["regard"]),
        ["---"] * 3,
        [_statement_row(line, view.welsh) for line in group.regard],
    )
    return [*lines, "", escape(group.duty)]


def _priority_row(view: PageView, p: PriorityView) -> list[str]:
    name = f"**{escape(p.id)}** {escape(with_welsh(p.title, view.welsh))}"
    if p.objective is None:
        return [name, view.none_shown, "", "", ""]
    title = escape(with_welsh(p.objective_title, view.welsh))
    closest = f"{escape(p.closest)} " if p.closest else ""
    return [
        name,
        f"{closest}{escape(p.objective)} {title}",
        str(p.score),
        p.status,
        escape(p.why),
    ]


def _priorities(view: PageView, group: GroupView) -> list[str]:
    lines = [f"#### {view.section['priorities']}", ""]
    if not group.priorities:
        return [*lines, view.no_priorities]
    return lines + table(
        [escape(c) for c in view.columns["priorities"]],
        ["---", "---", "---:", "---", "---"],
        [_priority_row(view, p) for p in group.priorities],
    )


def markdown_report(report: CheckReport) -> str:
    """The report model as Markdown: one function of the model, so tests can feed it directly."""
    view = page_view(report)
    blocks = [_header(view), _summary(view), _matrix(view), _coverage(view)]
    plan, *partnerships = view.groups
    blocks.append(_findings(view, plan, "##", [f"File: {code(plan.path)}"]))
    blocks.append(["## Partnerships"])
    for group in partnerships:
        csp = group.csp
        assert csp is not None  # every group after the plan's is a partnership's
        about = [f"File: {code(csp.path)}", f"id: {code(csp.id)}"]
        if csp.nation == "wales":
            about.append("nation: Wales")
        if csp.tier:
            about.append(f"tier: {escape(csp.tier)}")
        name = with_welsh(csp.name, view.welsh)
        blocks.append([f"### {heading(name)}", "", " · ".join(about)])
        blocks.append(_statement(view, group))
        blocks.append(_priorities(view, group))
        blocks.append(_findings(view, group, "####", []))
    blocks.append(
        ["---", "", f"{escape(view.made_by)} {code(view.plan.path)} {escape(view.made_from)}"]
    )
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def render_markdown(result: CheckResult) -> str:
    return markdown_report(build_report(result, explanations="closest"))


__all__ = ["code", "escape", "heading", "markdown_report", "render_markdown", "table"]
