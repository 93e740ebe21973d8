"""Planning-cycle rules: are the plans current, and do their timetables line up?

Everything is relative to an injected as-of date so reports are reproducible.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..models import GovernanceEvent, PolicePlan
from ..validate import ValidCSP
from ..words import long_date
from .context import AssessContext
from .findings import Finding, finding
from .governance import Governance


def financial_year_end(day: dt.date) -> dt.date:
    """31 March ending the financial year that contains ``day``."""
    return dt.date(day.year + (day.month >= 4), 3, 31)


class PlanLimit(NamedTuple):
    """Where a plan's period should end (PRSRA 2011 s.5), and why."""

    end_by: dt.date
    """31 March of the financial year in which the issuing body's term ends."""
    because: str
    """'the end of its issuing body's term (8 May 2028)', or the recorded event, dated."""
    event: GovernanceEvent | None = None


def plan_limit(plan: PolicePlan, governance: Governance) -> PlanLimit | None:
    """The end of the financial year of the issuing body's term end or a recorded transfer.

    The earliest of: the body's own term end (from the plan), and the first governance
    event after the plan starts that ends the body's term (an election held, a transfer,
    the announced end of PCC terms). None when neither is recorded: alignkit never guesses
    a future election.
    """
    if plan.period is None:
        return None
    start = plan.period.start
    found: list[PlanLimit] = []
    term = plan.body.term
    if term is not None and term.end is not None and term.end > start:
        found.append(
            PlanLimit(
                financial_year_end(term.end),
                f"the end of its issuing body's term ({long_date(term.end)})",
            )
        )
    event = governance.term_ends_after(financial_year_end(start))
    if event is not None:
        found.append(
            PlanLimit(
                financial_year_end(event.date),
                (
                    f"the last election on record ({event.title}, {event.dated})"
                    if event.kind == "pcc-election"
                    else f"a recorded transfer date ({event.title}: {event.dated})"
                ),
                event,
            )
        )
    return min(found, key=lambda limit: limit.end_by) if found else None


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last_day = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return dt.date(year, month, min(day.day, last_day))


def plan_status_findings(ctx: AssessContext) -> list[Finding]:
    """AK607 for an interim plan, AK608 for the deprecated 'commissioner' field."""
    doc, plan = ctx.plan, ctx.plan.plan
    found: list[Finding] = []
    if plan.status is not None and plan.status.status == "interim":
        until = f" until {plan.status.until}" if plan.status.until else ""
        since = f" since {long_date(plan.status.since)}" if plan.status.since else ""
        found.append(
            finding(
                "AK607",
                f"{plan.title} is an interim plan{since}: the outgoing plan continues{until}",
                doc,
                ("status",),
            )
        )
    if plan.commissioner is not None:
        found.append(
            finding(
                "AK608",
                f"'commissioner' is read as issued_by (kind {plan.body.kind}); write "
                "'issued_by' instead",
                doc,
                ("commissioner",),
            )
        )
    return found


def plan_cycle_findings(ctx: AssessContext) -> list[Finding]:
    """AK605 and AK606 on the plan: does it run too long, has its review passed?"""
    doc, plan, as_of = ctx.plan, ctx.plan.plan, ctx.as_of
    found: list[Finding] = []
    limit = plan_limit(plan, ctx.governance)
    if plan.period is not None and limit is not None and plan.period.end > limit.end_by:
        found.append(
            finding(
                "AK605",
                f"the plan runs to {plan.period.end.isoformat()}, past "
                f"{limit.end_by.isoformat()}: the end of the financial year of "
                f"{limit.because}",
                doc,
                ("period",),
            )
        )
    if plan.next_review is not None and plan.next_review < as_of:
        found.append(
            finding(
                "AK606",
                f"the plan's next review ({plan.next_review.isoformat()}) has passed",
                doc,
                ("next_review",),
            )
        )
    return found


def csp_cycle_findings(ctx: AssessContext) -> list[Finding]:
    """AK601-AK604 and AK606 for every CSP: current plans, in step with the PCC's."""
    return [f for doc in ctx.csps for f in _csp_cycles(doc, ctx.plan.plan, ctx.as_of)]


def _csp_cycles(doc: ValidCSP, plan: PolicePlan, as_of: dt.date) -> list[Finding]:
    csp = doc.csp
    found: list[Finding] = []
    name = csp.id

    def add(code: str, message: str, at: tuple[str, ...]) -> None:
        found.append(finding(code, message, doc, at, csp=name))

    if csp.plan is not None and csp.plan.period is not None:
        period = csp.plan.period
        if period.end < as_of:
            add(
                "AK601",
                f"{csp.name}'s plan ({period.label()}) ended on {period.end.isoformat()}",
                ("plan", "period"),
            )
        if plan.period is not None and not period.overlaps(plan.period):
            add(
                "AK603",
                f"{csp.name}'s plan ({period.label()}) does not overlap the police and "
                f"crime plan ({plan.period.label()})",
                ("plan", "period"),
            )
    if csp.plan is not None and csp.plan.next_refresh is not None:
        refresh = csp.plan.next_refresh
        if refresh < as_of:
            add(
                "AK606",
                f"{csp.name}'s plan refresh date ({refresh.isoformat()}) has passed",
                ("plan", "next_refresh"),
            )
        if plan.next_review is not None and refresh > plan.next_review:
            add(
                "AK604",
                f"{csp.name} next refreshes its plan on {refresh.isoformat()}, after the "
                f"police and crime plan's next review on {plan.next_review.isoformat()}",
                ("plan", "next_refresh"),
            )
    if csp.strategic_assessment is not None:
        done = csp.strategic_assessment.date
        if _add_months(done, 12) < as_of:
            add(
                "AK602",
                f"{csp.name}'s strategic assessment is dated {done.isoformat()}, more "
                f"than 12 months before {as_of.isoformat()}",
                ("strategic_assessment", "date"),
            )
    return found
