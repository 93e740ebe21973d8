"""What a partnership holds besides its plan: statutory strategies, and its plan sent on.

A partnership's serious violence strategy (the Serious Violence Duty, in force 31 January
2023), its substance misuse and reoffending strategies, Prevent and, in England, the
council's domestic abuse safe accommodation strategy each have a review date; and in
England each partnership plan is sent to the body that issues the police and crime plan
(SI 2007/1830 reg 13A, inserted by SI 2012/2660).
"""

from __future__ import annotations

from ..validate import ValidCSP
from ..words import STRATEGY_WORDS, long_date
from .context import AssessContext
from .findings import Finding, finding


def strategy_findings(ctx: AssessContext) -> list[Finding]:
    """AK705-AK707 for every partnership that has not ended by the as-of date."""
    return [
        f
        for doc in ctx.csps
        if not doc.csp.ended_by(ctx.as_of)
        for f in [*_strategies(doc, ctx), *_plan_sent(doc)]
    ]


def _strategies(doc: ValidCSP, ctx: AssessContext) -> list[Finding]:
    csp = doc.csp
    found: list[Finding] = []
    if not any(s.kind == "serious-violence" for s in csp.strategies):
        found.append(
            finding(
                "AK705",
                f"{csp.name} records no serious violence strategy (Serious Violence Duty, "
                "in force since 31 January 2023)",
                doc,
                ("strategies",) if csp.strategies else ("id",),
                csp=csp.id,
            )
        )
    for index, strategy in enumerate(csp.strategies):
        if strategy.next_review is not None and strategy.next_review < ctx.as_of:
            found.append(
                finding(
                    "AK706",
                    f"{csp.name}'s {STRATEGY_WORDS[strategy.kind]} strategy was due for review "
                    f"on {long_date(strategy.next_review)}",
                    doc,
                    ("strategies", index, "next_review"),
                    csp=csp.id,
                )
            )
    return found


def _plan_sent(doc: ValidCSP) -> list[Finding]:
    csp = doc.csp
    if csp.plan is not None and csp.plan.sent_to_policing_body is not None:
        return []
    why = (
        "SI 2007/1830 reg 13A (inserted by SI 2012/2660) requires it"
        if csp.in_nation == "england"
        else "it is how the body that issues the plan has regard to the partnership's "
        "priorities (PRSRA 2011 s.10)"
    )
    return [
        finding(
            "AK707",
            f"{csp.name}'s plan is not recorded as sent to the body that issues the police "
            f"and crime plan: {why}",
            doc,
            ("plan",) if csp.plan is not None else ("id",),
            csp=csp.id,
        )
    ]


def ended_findings(ctx: AssessContext) -> list[Finding]:
    """AK708 for every partnership whose successor has taken over by the as-of date."""
    found = []
    for doc in ctx.csps:
        csp, successor = doc.csp, doc.csp.successor
        if successor is None or not csp.ended_by(ctx.as_of):
            continue
        names = {c.csp.id: c.csp.name for c in ctx.csps}
        found.append(
            finding(
                "AK708",
                f"{csp.name} ended on {long_date(successor.date)}: "
                f"{names.get(successor.partnership, successor.partnership)} has taken over",
                doc,
                ("successor",),
                csp=csp.id,
            )
        )
    return found
