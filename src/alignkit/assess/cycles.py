"""Planning-cycle rules: are the plans current, and do their timetables line up?

Everything is relative to an injected as-of date so reports are reproducible.
"""

from __future__ import annotations

import datetime as dt

from ..models import PolicePlan
from ..validate import ValidCSP
from .context import AssessContext
from .findings import Finding, finding

# Ordinary PCC elections so far; from 2028 they fall every four years in May.
_PAST_ELECTIONS = (
    dt.date(2012, 11, 15),
    dt.date(2016, 5, 5),
    dt.date(2021, 5, 6),
    dt.date(2024, 5, 2),
)
_FIRST_FOUR_YEARLY = 2028


def _first_thursday_of_may(year: int) -> dt.date:
    first = dt.date(year, 5, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7)


def elections_after(day: dt.date) -> dt.date:
    """The first ordinary PCC election after ``day``."""
    for election in _PAST_ELECTIONS:
        if election > day:
            return election
    year = _FIRST_FOUR_YEARLY
    while (election := _first_thursday_of_may(year)) <= day:
        year += 4
    return election


def financial_year_end(day: dt.date) -> dt.date:
    """31 March ending the financial year that contains ``day``."""
    return dt.date(day.year + (day.month >= 4), 3, 31)


def plan_should_end(plan_start: dt.date) -> tuple[dt.date, dt.date]:
    """(next election, the date the plan should end by) for a plan starting on ``plan_start``.

    A plan is made in the financial year its commissioner was elected in, and lasts until
    the end of the financial year containing the *next* election.
    """
    election = elections_after(financial_year_end(plan_start))
    return election, financial_year_end(election)


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


def plan_cycle_findings(ctx: AssessContext) -> list[Finding]:
    """AK605 and AK606 on the plan: does it run too long, has its review passed?"""
    doc, plan, as_of = ctx.plan, ctx.plan.plan, ctx.as_of
    found: list[Finding] = []
    if plan.period is not None:
        election, end_by = plan_should_end(plan.period.start)
        if plan.period.end > end_by:
            found.append(
                finding(
                    "AK605",
                    f"the plan runs to {plan.period.end.isoformat()}, past {end_by.isoformat()}: "
                    f"the end of the financial year of the next PCC election ({election:%B %Y})",
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
