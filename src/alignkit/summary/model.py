"""The force-wide summary as data: which themes each partnership holds, and on what evidence.

The LGA guide asks partnerships to summarise their strategic assessments for the PCC in
one force-wide document, so that the police and crime plan is "informed by the same data
as CSPs' partnership plans". This module reads every CSP's priorities and assessment key
findings through the matching vocabulary and sets the themes against the plan's
objectives. It writes nothing: a checked force area in, a frozen summary out, which the
renderers (one per format) turn into text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .. import __version__
from ..assess import CheckResult
from ..assess.forcewide import SEVERAL
from ..assess.themes import ThemeReader
from ..match import Matcher
from ..models import CSPDocument, Objective, PolicePlan

TIER_WORDS = {
    "district": "district",
    "unitary": "unitary",
    "county": "county strategy group",
    "london-borough": "London borough",
    "welsh": "Welsh local authority",
    "merged": "merged partnership",
}
"""How each tier reads in a sentence ('3 district, 1 county strategy group')."""

Evidence = Literal["priorities and findings", "priorities only", "findings only", "none"]


@dataclass(frozen=True)
class ThemeReading:
    """How themes are read: the matching vocabulary's terms and how its themes nest.

    A theme *covers* itself and every theme that is part of it: a priority on domestic
    abuse is evidence for an objective on violence against women and girls (as the
    matcher scores it), but a priority on neighbourhood crime is no evidence on robbery.
    """

    read: ThemeReader
    broader: Mapping[str, frozenset[str]]
    """Theme label -> the labels of every theme it is part of (umbrellas left out)."""

    def covers(self, broad: str, narrow: str) -> bool:
        return broad == narrow or broad in self.broader.get(narrow, frozenset())

    @classmethod
    def of(cls, matcher: Matcher) -> ThemeReading:
        vocabulary = matcher.vocabulary
        labels = {t.index: t.label for t in vocabulary.themes if not t.umbrella}
        broader = {
            label: frozenset(labels[p] for p in vocabulary.ancestors(index) if p in labels)
            for index, label in labels.items()
        }
        return cls(matcher.themes_of, broader)


def themes_in(themes_of: ThemeReader, texts: Iterable[str | None]) -> tuple[str, ...]:
    """Themes of several fields, in the order found, each once.

    Each field is read on its own: joined with spaces, a description beginning "Prevent
    domestic abuse" would put a capitalised "Prevent" mid-sentence, which the vocabulary
    rightly reads as the counter-radicalisation programme.
    """
    found: list[str] = []
    for text in texts:
        if text:
            found += [t for t in themes_of(text) if t not in found]
    return tuple(found)


@dataclass(frozen=True)
class PriorityNote:
    csp: str
    id: str
    title: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class FindingNote:
    csp: str
    number: int
    """Position in the assessment's list of key findings, from 1."""
    finding: str
    evidence: str | None
    themes: tuple[str, ...]


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

    @property
    def tier_words(self) -> str | None:
        return TIER_WORDS.get(self.tier, self.tier) if self.tier else None

    @property
    def has_assessment(self) -> bool:
        return self.assessment_date is not None


@dataclass(frozen=True)
class ThemeHolding:
    """A theme and the partnerships that hold it, through a priority or a key finding."""

    theme: str
    csps: tuple[str, ...]
    priorities: tuple[PriorityNote, ...]
    findings: tuple[FindingNote, ...]
    objectives: tuple[str, ...]
    """Ids of the plan's objectives on this theme, in plan order."""

    @property
    def shared(self) -> bool:
        return len(self.csps) >= SEVERAL

    def priorities_of(self, csp: str) -> tuple[PriorityNote, ...]:
        return tuple(p for p in self.priorities if p.csp == csp)

    def findings_of(self, csp: str) -> tuple[FindingNote, ...]:
        return tuple(f for f in self.findings if f.csp == csp)


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

    @property
    def shared(self) -> tuple[ThemeHolding, ...]:
        return tuple(t for t in self.themes if t.shared)

    @property
    def single(self) -> tuple[ThemeHolding, ...]:
        return tuple(t for t in self.themes if not t.shared)

    @property
    def unevidenced(self) -> tuple[ObjectiveEvidence, ...]:
        return tuple(o for o in self.objectives if o.evidence == "none")

    def name_of(self, csp: str) -> str:
        return next((c.name for c in self.csps if c.id == csp), csp)

    def holding(self, theme: str) -> ThemeHolding | None:
        return next((t for t in self.themes if t.theme == theme), None)


def objective_themes(objective: Objective, themes: ThemeReading) -> tuple[str, ...]:
    """What an objective is about: title, description and sub-themes, as the matcher reads it."""
    return themes_in(themes.read, [objective.title, objective.description, *objective.sub_themes])


def priority_notes(csp: CSPDocument, themes: ThemeReading) -> tuple[PriorityNote, ...]:
    return tuple(
        PriorityNote(csp.id, p.id, p.title, themes_in(themes.read, [p.title, p.description]))
        for p in csp.priorities
    )


def finding_notes(csp: CSPDocument, themes: ThemeReading) -> tuple[FindingNote, ...]:
    assessment = csp.strategic_assessment
    if assessment is None:
        return ()
    # The finding is what the assessment says; the evidence line names its source, so
    # only the finding is read for themes.
    return tuple(
        FindingNote(csp.id, n, f.finding, f.evidence, themes_in(themes.read, [f.finding]))
        for n, f in enumerate(assessment.findings, start=1)
    )


def theme_holdings(
    plan: PolicePlan,
    priorities: Sequence[PriorityNote],
    findings: Sequence[FindingNote],
    csp_order: Sequence[str],
    themes: ThemeReading,
) -> tuple[ThemeHolding, ...]:
    """Every theme in ``priorities`` and ``findings``, with who holds it and where the plan has it.

    Deterministic: partnerships in ``csp_order``, themes by how many partnerships hold them
    (most first) and then alphabetically.
    """
    labels: list[str] = []
    for found in [n.themes for n in priorities] + [n.themes for n in findings]:
        labels += [t for t in found if t not in labels]
    on_theme = {o.id: objective_themes(o, themes) for o in plan.objectives}
    holdings = []
    for label in labels:
        held_priorities = tuple(p for p in priorities if label in p.themes)
        held_findings = tuple(f for f in findings if label in f.themes)
        holders = {p.csp for p in held_priorities} | {f.csp for f in held_findings}
        holdings.append(
            ThemeHolding(
                theme=label,
                csps=tuple(c for c in csp_order if c in holders),
                priorities=held_priorities,
                findings=held_findings,
                objectives=_in_plan(label, plan, on_theme, themes),
            )
        )
    holdings.sort(key=lambda h: (-len(h.csps), h.theme.casefold(), h.theme))
    return tuple(holdings)


def _in_plan(
    label: str, plan: PolicePlan, on_theme: Mapping[str, tuple[str, ...]], themes: ThemeReading
) -> tuple[str, ...]:
    """The objectives on theme ``label``; failing those, the objectives on a theme it is part of.

    Broad who-and-how themes (vulnerability and safeguarding) take in many others, so an
    objective that names the theme itself is the better answer when there is one.
    """
    named = tuple(o.id for o in plan.objectives if label in on_theme[o.id])
    return named or tuple(
        o.id for o in plan.objectives if any(themes.covers(t, label) for t in on_theme[o.id])
    )


def _holders(
    notes: Sequence[PriorityNote] | Sequence[FindingNote],
    labels: Sequence[str],
    order: Sequence[str],
    themes: ThemeReading,
) -> tuple[str, ...]:
    """The partnerships with a note on one of ``labels``, or on a theme part of one."""
    found = {
        n.csp for n in notes if any(themes.covers(label, t) for t in n.themes for label in labels)
    }
    return tuple(c for c in order if c in found)


def build_summary(result: CheckResult, matcher: Matcher | None = None) -> ForceSummary:
    themes = ThemeReading.of(matcher or Matcher())
    plan = result.plan
    partnerships = []
    for doc, csp in zip(result.csp_docs, result.csps, strict=True):
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
                            set(_holders(priorities, [label], order, themes))
                            | set(_holders(findings, [label], order, themes))
                        ),
                    )
                    for label in labels
                ),
                priority_csps=_holders(priorities, labels, order, themes),
                finding_csps=_holders(findings, labels, order, themes),
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
    )
