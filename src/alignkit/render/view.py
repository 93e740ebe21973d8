"""The check report's view: every sentence the report says, made once, in plain text.

The Markdown, HTML and Word reports (and the spreadsheet's summary) all print this view,
so a wording fix reaches every format at once. The text here is unescaped: each format
escapes it its own way (`markup.escape` for Markdown, autoescape for HTML). Where one
format emphasises part of a sentence, the view holds the parts, never two sentences.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

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
    STATE_SHORT_WORD,
    STATE_WORD,
    STATUS_SYMBOL,
    long_date,
    plural,
)
from .report import force_groups, welsh_titles
from .statement import StatementLine, duty_note, regard_statement
from .text import CELL, key_states

SECTION = {
    "summary": "Summary",
    "matrix": "How each partnership stands to each objective",
    "key": "Key",
    "coverage": "Coverage of the plan across the force area",
    "themes": "Shared local themes the plan may be missing",
    "regard": "How this partnership has regard to the police and crime plan",
    "priorities": "Priorities",
}
"""The headings every format gives the report's sections."""

COLUMNS = {
    "coverage": (
        "Objective",
        "Addressed by",
        "Reason recorded by",
        "Partly addressed by",
        "Unexplained gap in",
    ),
    "regard": ("Objective", "Standing", "How"),
    "priorities": ("Priority", "Best objective", "Score (0–100)", "Status", "Why"),
}
"""The column headings of the report's tables, in every format."""

GUIDE_NOTE = (
    "The guide",
    "Reading the report",
    "in alignkit’s documentation explains each section and what to do about each finding.",
)
"""Where a reader of the page or the board paper finds out what each section means: the
words before the guide's title, its title (a page cites it), and the rest."""

NO_FINDINGS = "No findings."
NO_PRIORITIES = "No priorities recorded."
NONE_SHOWN = "—"
"""What an empty cell of a list of partnerships shows."""


@dataclass(frozen=True)
class Verdict:
    """The summary's verdict on unexplained gaps: `lead` is what a format may emphasise."""

    good: bool
    lead: str
    rest: str

    @property
    def text(self) -> str:
        return f"{self.lead} {self.rest}"


@dataclass(frozen=True)
class CellView:
    state: str
    symbol: str
    word: str
    priorities: tuple[str, ...]
    short: str
    """The state in a word or two, for a narrow Markdown table (its key spells it out)."""

    @property
    def text(self) -> str:
        """The cell as the page shows it, in one line: '✔ addressed by N1, N2'."""
        by = f" by {', '.join(self.priorities)}" if self.priorities else ""
        return f"{self.symbol} {self.word}{by}"


@dataclass(frozen=True)
class RowView:
    csp: CSPReport
    cells: tuple[CellView, ...]
    ended: str = ""
    """'(ended 31 March 2027)' beside a partnership that has ended, else ''."""

    @property
    def name(self) -> str:
        """The partnership as a matrix names it in plain text: an ended one says so."""
        return f"{self.csp.name} {self.ended}" if self.ended else self.csp.name


@dataclass(frozen=True)
class CoverageView:
    objective: str
    title: str
    addressed: int
    of: str
    """'1 of 2': how many of the current partnerships address it."""
    addressed_by: str
    """The partnerships that address it, when some but not all do ('' otherwise)."""
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
    waived: str = ""
    """'until 2027-03-31, approved by …: the reason', after the word 'Waived'."""


@dataclass(frozen=True)
class PriorityView:
    id: str
    title: str
    objective: str | None
    objective_title: str
    best: bool
    closest: str
    """'None; the closest is' before an objective that is only the closest, else ''."""
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
    findings_heading: str
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
    waived = ""
    if finding.waiver is not None:
        w = finding.waiver
        by = f", approved by {w.approved_by}" if w.approved_by else ""
        waived = f"until {w.expires}{by}: {w.reason}"
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
        waived=waived,
    )


def _priority(priority: PriorityReport, titles: dict[str, str]) -> PriorityView:
    if priority.best is not None:
        match = next((m for m in priority.matches if m.objective == priority.best.objective), None)
    else:
        ranked = sorted(priority.matches, key=lambda m: -m.score)
        match = ranked[0] if ranked else None
    if match is None:
        return PriorityView(priority.id, priority.title, None, "", False, "", None, "none", "–", "")
    summary = match.explanation.get("summary")
    return PriorityView(
        id=priority.id,
        title=priority.title,
        objective=match.objective,
        objective_title=titles.get(match.objective, ""),
        best=priority.best is not None,
        closest="" if priority.best is not None else "None; the closest is",
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
    verdict: Verdict
    errors: str
    """'2 errors', or '' when there are none."""
    resolve: str
    """'2 errors to resolve.' or 'No errors.'"""
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
    made_by: str
    """The footer up to the plan file's name: 'Made by alignkit … as of …, from'."""
    made_from: str
    """The footer after the plan file's name: 'and 2 partnership files.'"""
    section: dict[str, str]
    columns: dict[str, tuple[str, ...]]
    guide: tuple[str, str, str] = GUIDE_NOTE
    no_findings: str = NO_FINDINGS
    no_priorities: str = NO_PRIORITIES
    none_shown: str = NONE_SHOWN


def page_view(report: CheckReport) -> PageView:
    names = {c.id: c.name for c in report.csps}
    titles = {o.id: o.title for o in report.plan.objectives}
    s = report.summary
    # the partnerships still in being: an ended one addresses nothing from here on
    current = s.current if s.current is not None else s.csps

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
                    STATE_SHORT_WORD[cell.state],
                )
                for cell in csp.regard
            ),
            f"(ended {long_date(csp.ended)})" if csp.ended else "",
        )
        for csp in report.csps
    )
    coverage = tuple(
        CoverageView(
            c.objective,
            titles[c.objective] + (" (policing only)" if c.policing_only else ""),
            len(c.addressed_by),
            f"{len(c.addressed_by)} of {current}",
            listed(c.addressed_by) if len(c.addressed_by) < current else "",
            listed(c.considered_by),
            listed(c.partial_by),
            listed(c.gap_in),
        )
        for c in s.coverage
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
            findings_heading="Findings about the plan and the force area",
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
                findings_heading=f"Findings for {csp.name}",
                regard=regard_statement(csp, titles),
                duty=duty_note(csp),
            )
        )
    gaps = plural(s.unexplained_gaps, "unexplained gap") if s.unexplained_gaps else ""
    errors = plural(s.findings["error"], "error") if s.findings["error"] else ""
    files = "file" if s.csps == 1 else "files"
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
        gaps=gaps,
        verdict=(
            Verdict(
                False,
                f"{gaps}:",
                "objectives a partnership neither addresses nor records why not.",
            )
            if gaps
            else Verdict(
                True, "No unexplained gaps:", "every partnership has regard to every objective."
            )
        ),
        errors=errors,
        resolve=f"{errors} to resolve." if errors else "No errors.",
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
        themes=[(t.theme, f"a priority for {listed(t.csps)}") for t in s.missing_themes],
        groups=groups,
        welsh=welsh_titles(report),
        made_by=(
            f"Made by alignkit {report.tool.version} (report format {report.format_version}) "
            f"as of {report.as_of}, from"
        ),
        made_from=f"and {s.csps} partnership {files}.",
        section=SECTION,
        columns=COLUMNS,
    )


__all__ = ["PageView", "page_view"]
