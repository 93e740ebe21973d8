"""Two assessments in, what changed between them out: a pure function of two reports.

Both sides are the check's report model (from a JSON report file, or from running the
pipeline on a git revision or the working tree), so BASE and HEAD are compared in one
shape whichever way each was read.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import __version__
from ..models.diff import (
    BriefingRow,
    CellChange,
    DiffCounts,
    DiffReport,
    FindingChange,
    FindingState,
    ItemChange,
    PartnershipChange,
    ScoreChange,
    Side,
    Titled,
)
from ..models.report import CheckReport, CSPReport, FindingReport, Tool
from .identity import Pairing, Translation, pair_findings, translation
from .verdict import verdict

SEVERITIES = ("error", "warning", "info")
GAP_CODES = ("AK301",)
"""An unexplained gap: an objective a partnership neither addresses nor records why not."""


def side(label: str, report: CheckReport) -> Side:
    return Side(label=label, plan=report.plan.title, as_of=report.as_of)


def compare(base: CheckReport, head: CheckReport, base_label: str, head_label: str) -> DiffReport:
    """What changed from ``base`` to ``head``."""
    moved = translation(base, head)
    objectives = list(objective_changes(base, head, moved))
    findings = [
        c for c in map(_finding_change, pair_findings(base.findings, head.findings, moved)) if c
    ]
    counts = _counts(findings)
    shared = _shared_csps(base, head)
    cells = [c for b, h in shared for c in _cell_changes(b, h, moved)]
    scores = [s for b, h in shared for s in _score_changes(b, h, moved)]
    return DiffReport(
        tool=Tool(version=__version__),
        base=side(base_label, base),
        head=side(head_label, head),
        verdict=verdict(counts, cells, scores, objectives),
        mapping=moved.mapping,
        partnerships=list(_partnership_changes(base, head)),
        objectives=objectives,
        priorities=[p for b, h in shared for p in _priority_changes(b, h)],
        findings=findings,
        cells=cells,
        scores=scores,
        briefing=briefing(head, objectives),
        summary=counts,
    )


def sources(base: CheckReport, moved: Translation) -> dict[str, list[str]]:
    """HEAD objective id -> the BASE objectives that became it."""
    found: dict[str, list[str]] = {}
    for objective in base.plan.objectives:
        for new in moved.ids(objective.id):
            found.setdefault(new, []).append(objective.id)
    return found


def objective_changes(
    base: CheckReport, head: CheckReport, moved: Translation
) -> Iterator[ItemChange]:
    """HEAD's objectives that are new, renamed or replace others, then BASE's that went."""
    titles = {o.id: o.title for o in base.plan.objectives}
    came_from = sources(base, moved)
    for objective in head.plan.objectives:
        olds = came_from.get(objective.id, [])
        before = [Titled(id=o, title=titles[o]) for o in olds]
        if not olds:
            change = "added"
        elif olds == [objective.id]:
            if titles[objective.id] == objective.title:
                continue
            change = "renamed"
        else:
            change = "replaced"
        yield ItemChange(
            change=change, csp=None, id=objective.id, title=objective.title, before=before
        )
    kept = {o.id for o in head.plan.objectives}
    for objective in base.plan.objectives:
        if not set(moved.ids(objective.id)) & kept:
            yield ItemChange(
                change="removed", csp=None, id=objective.id, title=objective.title, before=[]
            )


def _shared_csps(base: CheckReport, head: CheckReport) -> list[tuple[CSPReport, CSPReport]]:
    before = {c.id: c for c in base.csps}
    return [(before[c.id], c) for c in head.csps if c.id in before]


def _partnership_changes(base: CheckReport, head: CheckReport) -> Iterator[PartnershipChange]:
    before = {c.id for c in base.csps}
    after = {c.id for c in head.csps}
    for csp in head.csps:
        if csp.id not in before:
            yield PartnershipChange(change="added", id=csp.id, name=csp.name, path=csp.path)
    for csp in base.csps:
        if csp.id not in after:
            yield PartnershipChange(change="removed", id=csp.id, name=csp.name, path=csp.path)


def _priority_changes(base: CSPReport, head: CSPReport) -> Iterator[ItemChange]:
    titles = {p.id: p.title for p in base.priorities}
    for priority in head.priorities:
        old = titles.get(priority.id)
        if old == priority.title:
            continue
        yield ItemChange(
            change="added" if old is None else "renamed",
            csp=head.id,
            id=priority.id,
            title=priority.title,
            before=[] if old is None else [Titled(id=priority.id, title=old)],
        )
    kept = {p.id for p in head.priorities}
    for priority in base.priorities:
        if priority.id not in kept:
            yield ItemChange(
                change="removed", csp=head.id, id=priority.id, title=priority.title, before=[]
            )


def _cell_changes(base: CSPReport, head: CSPReport, moved: Translation) -> Iterator[CellChange]:
    """Cells whose state moved; a HEAD objective made of several BASE ones is compared
    with the first of them (a merged objective's cells are in the briefing too)."""
    before: dict[str, str] = {}
    for cell in base.regard:
        for new in moved.ids(cell.objective):
            before.setdefault(new, cell.state)
    for cell in head.regard:
        old = before.get(cell.objective)
        if old is not None and old != cell.state:
            yield CellChange.model_validate(
                {
                    "csp": head.id,
                    "objective": cell.objective,
                    "before": old,
                    "after": cell.state,
                    "reason": cell.reason,
                }
            )


def _score_changes(base: CSPReport, head: CSPReport, moved: Translation) -> Iterator[ScoreChange]:
    """Priority-objective pairs whose status changed: the score crossed a threshold."""
    before = {
        (p.id, new): m
        for p in base.priorities
        for m in p.matches
        if (new := moved.one(m.objective)) is not None
    }
    for priority in head.priorities:
        for match in priority.matches:
            old = before.get((priority.id, match.objective))
            if old is not None and old.status != match.status:
                yield ScoreChange(
                    csp=head.id,
                    priority=priority.id,
                    objective=match.objective,
                    before_score=old.score,
                    after_score=match.score,
                    before_status=old.status,
                    after_status=match.status,
                )


def _state(finding: FindingReport) -> FindingState:
    return FindingState(
        severity=finding.severity,
        message=finding.message,
        path=finding.path,
        line=finding.line,
        column=finding.column,
        waived=finding.waiver is not None,
    )


def _finding_change(pair: Pairing) -> FindingChange | None:
    before, after = pair
    either = after or before
    assert either is not None
    # Same identity: changed only when it now counts differently. A message that differs
    # because an objective was renamed or renumbered is the same finding.
    if (
        before is not None
        and after is not None
        and (before.severity, before.waiver is None) == (after.severity, after.waiver is None)
    ):
        return None
    change = "opened" if before is None else "closed" if after is None else "changed"
    return FindingChange(
        change=change,
        code=either.code,
        csp=either.csp,
        priority=either.priority,
        objective=either.objective,
        before=_state(before) if before else None,
        after=_state(after) if after else None,
    )


def _counted(change: FindingChange) -> FindingState | None:
    """The side an opened or closed finding counts on, unless waived there."""
    state = change.after if change.change == "opened" else change.before
    return state if state is not None and not state.waived else None


def _counts(changes: list[FindingChange]) -> DiffCounts:
    def count(change: str, codes: tuple[str, ...] = (), severity: str | None = None) -> int:
        return sum(
            1
            for c in changes
            if c.change == change
            and (state := _counted(c)) is not None
            and (not codes or c.code in codes)
            and (severity is None or state.severity == severity)
        )

    return DiffCounts(
        opened={s: count("opened", severity=s) for s in SEVERITIES},
        closed={s: count("closed", severity=s) for s in SEVERITIES},
        changed=sum(1 for c in changes if c.change == "changed"),
        gaps_opened=count("opened", GAP_CODES),
        gaps_closed=count("closed", GAP_CODES),
    )


def briefing(head: CheckReport, objectives: list[ItemChange]) -> list[BriefingRow]:
    """The plan refresh view: for each new, renamed or replacing objective, where every
    partnership now stands (HEAD's coverage of that objective)."""
    coverage = {c.objective: c for c in head.summary.coverage}
    rows = []
    for item in objectives:
        if item.change == "removed" or item.id not in coverage:
            continue
        cover = coverage[item.id]
        rows.append(
            BriefingRow(
                objective=item.id,
                title=item.title,
                change=item.change,
                replaces=[t.id for t in item.before if t.id != item.id],
                addressed_by=list(cover.addressed_by),
                partial_by=list(cover.partial_by),
                considered_by=list(cover.considered_by),
                gap_in=list(cover.gap_in),
                policing_only=cover.policing_only,
            )
        )
    return rows
