"""The report as a Word board paper: what the HTML page says, in a document an officer can
edit, add a cover note to, and take to the partnership board or the scrutiny panel.

Built from the same view as the HTML page (render/html.py), so every word, symbol and
state is the page's: the summary, the matrix and the coverage as Word tables, then each
partnership's statement of regard, priorities and findings.
"""

from __future__ import annotations

import datetime as dt

from ..assess import CheckResult
from ..models.report import CheckReport
from ..wordfile import WordDocument
from .report import build_report
from .view import GroupView, PageView, page_view


def _summary(w: WordDocument, view: PageView) -> None:
    w.heading(view.section["summary"], 1)
    w.paragraph(" · ".join(view.totals))
    w.paragraph(" · ".join(words for _, words, _ in view.severities))
    w.paragraph(f"{'✔' if view.verdict.good else '✘'} {view.verdict.text}", bold=True)
    w.paragraph(" ".join((view.resolve, *view.guide)))


def _matrix(w: WordDocument, view: PageView) -> None:
    w.heading(view.section["matrix"], 1)
    w.paragraph(
        "Each row is a partnership, each column an objective of the police and crime plan",
        italic=True,
    )
    objectives = view.plan.objectives
    w.table(
        ["Partnership", *(f"{o.id} {o.title}" for o in objectives)],
        [[row.name, *(c.text for c in row.cells)] for row in view.rows],
        [[None, *(c.state for c in row.cells)] for row in view.rows],
    )
    w.heading(view.section["key"], 2)
    w.table(
        ["Symbol", "Meaning"],
        [[symbol, words] for _, symbol, words in view.key],
        [[state, None] for state, _, _ in view.key],
        widths=[20, 70],
    )


def _coverage(w: WordDocument, view: PageView) -> None:
    w.heading(view.section["coverage"], 1)
    w.paragraph(
        "For each objective: which partnerships address it, record why not, partly address "
        "it, or have an unexplained gap",
        italic=True,
    )
    none = view.none_shown
    rows = []
    for c in view.coverage:
        addressed = c.of + (f"\n{c.addressed_by}" if c.addressed_by else "")
        rows.append(
            [
                f"{c.objective} {c.title}",
                ("⚠ " if not c.addressed else "") + addressed,
                c.considered_by or none,
                c.partial_by or none,
                c.gap_in or none,
            ]
        )
    w.table(
        list(view.columns["coverage"]),
        rows,
        [
            [None, None if c.addressed else "partial", None, None, "gap" if c.gap_in else None]
            for c in view.coverage
        ],
    )
    if view.themes:
        w.heading(view.section["themes"], 2)
        for theme, held in view.themes:
            w.bullet([(theme, True, False), (f": {held}", False, False)])


def _group(w: WordDocument, view: PageView, group: GroupView) -> None:
    w.heading(group.heading, 1)
    facts = [("File", group.path)]
    if group.csp:
        facts.append(("Partnership id", group.csp.id))
        if group.csp.tier:
            facts.append(("Tier", group.csp.tier))
    w.facts([*facts, ("Findings", group.counts)])
    if group.csp:
        w.heading(view.section["regard"], 2)
        w.table(
            list(view.columns["regard"]),
            [[f"{r.objective} {r.title}", f"{r.symbol} {r.word}", r.detail] for r in group.regard],
            [[None, r.state, None] for r in group.regard],
            widths=[55, 35, 80],
        )
        w.heading(view.section["priorities"], 2)
        if group.priorities:
            rows = []
            for p in group.priorities:
                if p.objective:
                    closest = f"{p.closest} " if p.closest else ""
                    objective = f"{closest}{p.objective} {p.objective_title}"
                    score = str(p.score)
                else:
                    objective, score = view.none_shown, view.none_shown
                rows.append(
                    [
                        f"{p.id} {p.title}",
                        objective,
                        score,
                        f"{p.status_symbol} {p.status}",
                        p.why,
                    ]
                )
            w.table(
                list(view.columns["priorities"]),
                rows,
                [[None, None, None, p.status, None] for p in group.priorities],
            )
        else:
            w.paragraph(view.no_priorities)
    w.heading(group.findings_heading, 2)
    if not group.findings:
        w.paragraph(view.no_findings)
        return
    rows = []
    for f in group.findings:
        found = f.message
        if f.waiver:
            found += f"\nWaived {f.waived} ({f.waiver.where})"
        todo = (f.hint or "") + (f"\n{f.example}" if f.example else "")
        code = f.code + (f"\n{f.code_title}" if f.code_title else "")
        rows.append([f.severity_word, code, f.where, found, todo])
    w.table(
        ["Severity", "Code", "Where", "What was found", "What to do"],
        rows,
        [[f.severity, None, None, None, None] for f in group.findings],
        widths=[18, 24, 34, 50, 44],
    )


def document_bytes(report: CheckReport) -> bytes:
    """The report model as a Word document's bytes: a function of the model, for tests."""
    view = page_view(report)
    plan = view.plan
    w = WordDocument()
    w.paragraph(f"Police and crime plan alignment check · {plan.force_area}", italic=True)
    w.title(plan.title)
    facts = [("Force area", plan.force_area)]
    if plan.period:
        facts.append(("Plan period", plan.period))
    w.facts([*facts, ("As of", view.as_of_long), ("Plan file", plan.path)])
    w.contents()
    _summary(w, view)
    w.turn(landscape=True)
    _matrix(w, view)
    _coverage(w, view)
    w.turn(landscape=False)
    for group in view.groups:
        _group(w, view, group)
    w.paragraph(f"{view.made_by} {plan.path} {view.made_from}", italic=True)
    return w.to_bytes(dt.date.fromisoformat(report.as_of), plan.title)


def render_docx(result: CheckResult) -> bytes:
    return document_bytes(build_report(result, explanations="closest"))


__all__ = ["document_bytes", "render_docx"]
