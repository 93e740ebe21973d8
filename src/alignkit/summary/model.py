"""The force-wide summary as data: which themes each partnership holds, and on what evidence.

The LGA guide asks partnerships to summarise their strategic assessments for the body that
issues the plan in one force-wide document, so that the police and crime plan is
"informed by the same data as CSPs' partnership plans". This module reads every CSP's
priorities and assessment key findings through the matching vocabulary and sets the
themes against the plan's objectives. It writes nothing: a checked force area in, a
frozen summary out, which the renderers (one per format) turn into text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .. import __version__
from ..assess import CheckResult
from ..assess.holdings import (
    FindingNote,
    PriorityNote,
    ThemeHolding,
    ThemeReading,
    finding_notes,
    holders,
    objective_themes,
    priority_notes,
    theme_holdings,
)
from ..match import Matcher
from ..models import STRATEGY_KINDS, Nation, Strategy
from ..words import STRATEGY_WORDS, TIER_WORDS, short_date

Evidence = Literal["priorities and findings", "priorities only", "findings only", "none"]


@dataclass(frozen=True)
class PartnershipEvidence:
    """One partnership: its strategic assessment and priorities, each read for themes."""

    id: str
    name: str
    tier: str | None
    path: str
    assessment_date: dt.date | None
    assessment_period: str | None
    assessment_url: str | None
    priorities: tuple[PriorityNote, ...]
    findings: tuple[FindingNote, ...]
    force_area: str = ""
    nation: Nation = "england"
    strategies: tuple[Strategy, ...] = ()

    @property
    def tier_words(self) -> str | None:
        return TIER_WORDS.get(self.tier, self.tier) if self.tier else None

    @property
    def has_assessment(self) -> bool:
        return self.assessment_date is not None


@dataclass(frozen=True)
class ObjectiveEvidence:
    """One objective of the plan and the local evidence on its themes."""

    id: str
    title: str
    themes: tuple[tuple[str, int], ...]
    """Each theme of the objective, with how many partnerships hold it (or a theme part of it)."""
    priority_csps: tuple[str, ...]
    """Partnerships with a priority on one of the objective's themes."""
    finding_csps: tuple[str, ...]
    """Partnerships whose strategic assessment has a key finding on one of its themes."""

    @property
    def evidence(self) -> Evidence:
        if self.priority_csps and self.finding_csps:
            return "priorities and findings"
        if self.priority_csps:
            return "priorities only"
        if self.finding_csps:
            return "findings only"
        return "none"


@dataclass(frozen=True)
class ForceSummary:
    as_of: dt.date
    tool_version: str
    force_area: str
    plan_title: str
    plan_path: str
    plan_period: str | None
    csps: tuple[PartnershipEvidence, ...]
    themes: tuple[ThemeHolding, ...]
    """Every theme held by at least one partnership: most partnerships first, then A-Z."""
    objectives: tuple[ObjectiveEvidence, ...]
    forces: tuple[str, ...] = ()
    """Every force area the plan covers, when it covers several."""
    welsh: dict[str, str] = field(default_factory=dict)
    """Titles and names the documents also give in Welsh (words.with_welsh)."""

    @property
    def shared(self) -> tuple[ThemeHolding, ...]:
        return tuple(t for t in self.themes if t.shared)

    @property
    def single(self) -> tuple[ThemeHolding, ...]:
        return tuple(t for t in self.themes if not t.shared)

    @property
    def unevidenced(self) -> tuple[ObjectiveEvidence, ...]:
        return tuple(o for o in self.objectives if o.evidence == "none")

    @property
    def strategy_rows(self) -> tuple[tuple[PartnershipEvidence, tuple[str, ...]], ...]:
        """Who holds which statutory strategy and when each is due for review: one row a
        partnership, one cell a kind of strategy (STRATEGY_KINDS order)."""
        return tuple(
            (c, tuple(_strategy_cell(c, kind, self.as_of) for kind in STRATEGY_KINDS))
            for c in self.csps
        )

    def name_of(self, csp: str) -> str:
        return next((c.name for c in self.csps if c.id == csp), csp)

    def holding(self, theme: str) -> ThemeHolding | None:
        return next((t for t in self.themes if t.theme == theme), None)


STRATEGY_HEADINGS = tuple(
    STRATEGY_WORDS[k][:1].upper() + STRATEGY_WORDS[k][1:] for k in STRATEGY_KINDS
)


STRATEGY_NOTE = (
    "Serious violence: the Serious Violence Duty, in force 31 January 2023 (CDA 1998 "
    "s.6(1)(d)). Substance misuse and reoffending: CDA 1998 s.6. Prevent: CTSA 2015 s.26. "
    "Domestic abuse safe accommodation: Domestic Abuse Act 2021 Part 4, England only, held "
    "by the tier-one council."
)
"""Where each strategy comes from: the line under the strategies table in every format."""


def _strategy_cell(c: PartnershipEvidence, kind: str, as_of: dt.date) -> str:
    """'review due 31 Jan 2027', 'review overdue (1 Nov 2026)', 'held', 'none recorded'."""
    if kind == "domestic-abuse-safe-accommodation" and c.nation == "wales":
        return "England only"
    held = [s for s in c.strategies if s.kind == kind]
    if not held:
        return "none recorded"
    due = min((s.next_review for s in held if s.next_review), default=None)
    if due is None:
        return "held"
    if due < as_of:
        return f"review overdue ({short_date(due)})"
    return f"review due {short_date(due)}"


def build_summary(result: CheckResult, matcher: Matcher | None = None) -> ForceSummary:
    themes = ThemeReading.of(matcher or Matcher())
    plan = result.plan
    partnerships = []
    for doc, csp in zip(result.csp_docs, result.csps, strict=True):
        if csp.ended_by(result.as_of):
            continue  # its successor holds its evidence and strategies now
        assessment = csp.strategic_assessment
        partnerships.append(
            PartnershipEvidence(
                id=csp.id,
                name=csp.name,
                tier=csp.tier,
                path=doc.source.shown,
                assessment_date=assessment.date if assessment else None,
                assessment_period=assessment.period.label()
                if assessment and assessment.period
                else None,
                assessment_url=assessment.url if assessment else None,
                priorities=priority_notes(csp, themes),
                findings=finding_notes(csp, themes),
                force_area=csp.force_area,
                nation=csp.in_nation,
                strategies=tuple(csp.strategies),
            )
        )
    order = [c.id for c in partnerships]
    priorities = [p for c in partnerships for p in c.priorities]
    findings = [f for c in partnerships for f in c.findings]
    objectives = []
    for objective in plan.objectives:
        labels = objective_themes(objective, themes)
        objectives.append(
            ObjectiveEvidence(
                id=objective.id,
                title=objective.title,
                themes=tuple(
                    (
                        label,
                        len(
                            set(holders(priorities, [label], order, themes))
                            | set(holders(findings, [label], order, themes))
                        ),
                    )
                    for label in labels
                ),
                priority_csps=holders(priorities, labels, order, themes),
                finding_csps=holders(findings, labels, order, themes),
            )
        )
    return ForceSummary(
        as_of=result.as_of,
        tool_version=__version__,
        force_area=plan.force_area,
        plan_title=plan.title,
        plan_path=result.plan_doc.source.shown,
        plan_period=plan.period.label() if plan.period else None,
        csps=tuple(partnerships),
        themes=theme_holdings(plan, priorities, findings, order, themes),
        objectives=tuple(objectives),
        forces=tuple(plan.forces),
        welsh=result.welsh,
    )
