"""The HTML report: one self-contained page for a scrutiny panel, a partnership meeting or CI.

Built from the JSON report model, so it states exactly the facts `--format json` does.
The page has no scripts and no external files, so it can be attached to an email, opened
offline or printed. Text from the YAML files is escaped by the template engine
(autoescape is on), never by hand.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..assess import CheckResult
from ..codes import CODES
from ..models.report import (
    CheckReport,
    CSPReport,
    FindingReport,
    PlanInfo,
    PriorityReport,
    WaiverReport,
)
from ..words import (
    SEVERITY_WORD,
    STATE_WORD,
    STATUS_SYMBOL,
    long_date,
    plural,
    template_environment,
)
from .report import build_report, force_groups, welsh_titles
from .statement import StatementLine, duty_note, regard_statement
from .text import CELL, key_states


@dataclass(frozen=True)
class CellView:
    state: str
    symbol: str
    word: str
    priorities: tuple[str, ...]

    @property
    def text(self) -> str:
        """The cell as the page shows it, in one line: '✔ addressed by N1, N2'."""
        by = f" by {', '.join(self.priorities)}" if self.priorities else ""
        return f"{self.symbol} {self.word}{by}"


@dataclass(frozen=True)
class RowView:
    csp: CSPReport
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class CoverageView:
    objective: str
    title: str
    addressed: int
    addressed_by: str
    considered_by: str
    partial_by: str
    gap_in: str


@dataclass(frozen=True)
class FindingView:
    severity: str
    severity_word: str
    code: str
    code_title: str
    where: str
    message: str
    hint: str | None
    """The hint's first line: what to do."""
    example: str | None
    """The rest of the hint, when it carries YAML to copy (shown preformatted)."""
    waiver: WaiverReport | None = None


@dataclass(frozen=True)
class PriorityView:
    id: str
    title: str
    objective: str | None
    objective_title: str
    best: bool
    score: int | None
    status: str
    status_symbol: str
    why: str


@dataclass(frozen=True)
class GroupView:
    """The findings about one document (the plan, or one partnership with its priorities)."""

    anchor: str
    heading: str
    path: str
    csp: CSPReport | None
    priorities: tuple[PriorityView, ...]
    findings: tuple[FindingView, ...]
    counts: str
    regard: tuple[StatementLine, ...] = ()
    duty: str = ""
    """The duty the statement of regard answers, in the law of the partnership's nation."""


def _counts(findings: list[FindingReport]) -> str:
    counted = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_WORD}
    return (
        f"{plural(counted['error'], 'error')} · {plural(counted['warning'], 'warning')} · "
        f"{counted['info']} info"
    )


def _finding(finding: FindingReport) -> FindingView:
    where = finding.path
    if finding.line is not None:
        where += f":{finding.line}:{finding.column}"
    hint: str | None = None
    example: str | None = None
    if finding.hint:
        first, _, rest = finding.hint.partition("\n")
        hint = first[:1].upper() + first[1:]
        example = textwrap.dedent(rest).strip("\n") or None
    info = CODES.get(finding.code)
    return FindingView(
        severity=finding.severity,
        severity_word=SEVERITY_WORD[finding.severity],
        code=finding.code,
        code_title=info.title if info else "",
        where=where,
        message=finding.message,
        hint=hint,
        example=example,
        waiver=finding.waiver,
    )


def _priority(priority: PriorityReport, titles: dict[str, str]) -> PriorityView:
    if priority.best is not None:
        match = next((m for m in priority.matches if m.objective == priority.best.objective), None)
    else:
        ranked = sorted(priority.matches, key=lambda m: -m.score)
        match = ranked[0] if ranked else None
    if match is None:
        return PriorityView(priority.id, priority.title, None, "", False, None, "none", "–", "")
    summary = match.explanation.get("summary")
    return PriorityView(
        id=priority.id,
        title=priority.title,
        objective=match.objective,
        objective_title=titles.get(match.objective, ""),
        best=priority.best is not None,
        score=match.score,
        status=match.status,
        status_symbol=STATUS_SYMBOL[match.status],
        why=str(summary) if summary else "",
    )


@dataclass(frozen=True)
class PageView:
    """What the report's page shows, in its words: the Word report shows the same."""

    report: CheckReport
    plan: PlanInfo
    as_of_long: str
    totals: list[str]
    severities: list[tuple[str, str, int]]
    """(severity, '2 errors', count)."""
    gaps: str
    """'3 unexplained gaps', or '' when there are none."""
    errors: str
    rows: tuple[RowView, ...]
    key: list[tuple[str, str, str]]
    """(state, symbol, words) for the key under the matrix."""
    coverage: tuple[CoverageView, ...]
    themes: list[tuple[str, str]]
    groups: list[GroupView]
    row_groups: list[tuple[str | None, list[RowView]]]
    """(force, its partnerships' rows): one group when the plan covers one force."""
    welsh: dict[str, str]
    """Welsh titles and names by what they name (see `welsh_titles`)."""


def page_view(report: CheckReport) -> PageView:
    names = {c.id: c.name for c in report.csps}
    titles = {o.id: o.title for o in report.plan.objectives}

    def listed(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids)

    rows = tuple(
        RowView(
            csp,
            tuple(
                CellView(
                    cell.state,
                    CELL[cell.state][0],
                    STATE_WORD[cell.state],
                    tuple(cell.priorities) if cell.state in ("addressed", "partial") else (),
                )
                for cell in csp.regard
            ),
        )
        for csp in report.csps
    )
    coverage = tuple(
        CoverageView(
            c.objective,
            titles[c.objective] + (" (policing only)" if c.policing_only else ""),
            len(c.addressed_by),
            listed(c.addressed_by),
            listed(c.considered_by),
            listed(c.partial_by),
            listed(c.gap_in),
        )
        for c in report.summary.coverage
    )
    # a finding naming no partnership of the run (AK902) is shown here, not lost
    known = {csp.id for csp in report.csps}
    plan_findings = [f for f in report.findings if f.csp not in known]
    groups = [
        GroupView(
            anchor="plan",
            heading="The police and crime plan",
            path=report.plan.path,
            csp=None,
            priorities=(),
            findings=tuple(_finding(f) for f in plan_findings),
            counts=_counts(plan_findings),
        )
    ]
    for csp in report.csps:
        found = [f for f in report.findings if f.csp == csp.id]
        groups.append(
            GroupView(
                anchor=f"csp-{csp.id}",
                heading=csp.name,
                path=csp.path,
                csp=csp,
                priorities=tuple(_priority(p, titles) for p in csp.priorities),
                findings=tuple(_finding(f) for f in found),
                counts=_counts(found),
                regard=regard_statement(csp, titles),
                duty=duty_note(csp),
            )
        )
    s = report.summary
    return PageView(
        report=report,
        plan=report.plan,
        as_of_long=long_date(report.as_of),
        totals=[
            plural(s.csps, "partnership"),
            plural(s.objectives, "objective"),
            plural(s.priorities, "priority", "priorities"),
        ],
        severities=[
            ("error", plural(s.findings["error"], "error"), s.findings["error"]),
            ("warning", plural(s.findings["warning"], "warning"), s.findings["warning"]),
            ("info", f"{s.findings['info']} info", s.findings["info"]),
        ],
        gaps=plural(s.unexplained_gaps, "unexplained gap") if s.unexplained_gaps else "",
        errors=plural(s.findings["error"], "error") if s.findings["error"] else "",
        rows=rows,
        row_groups=[
            (force, [r for r in rows if r.csp.id in ids])
            for force, ids in ((f, {c.id for c in csps}) for f, csps in force_groups(report))
        ],
        key=[
            (state, symbol, words)
            for state, (symbol, _, words) in key_states(
                any(o.policing_only for o in report.plan.objectives)
            ).items()
        ],
        coverage=coverage,
        themes=[(t.theme, listed(t.csps)) for t in s.missing_themes],
        groups=groups,
        welsh=welsh_titles(report),
    )


def html_report(report: CheckReport) -> str:
    """The report model as one HTML page: a function of the model, so tests can feed it."""
    env = template_environment()
    env.filters["long_date"] = long_date
    template = env.get_template("report.html.j2")
    return template.render(vars(page_view(report)))


def render_html(result: CheckResult) -> str:
    return html_report(build_report(result, explanations="closest"))


__all__ = ["html_report", "render_html"]
