"""Which partnerships hold which community-safety themes, read through the vocabulary.

The force-wide summary and the welcome pack both set the themes of the partnerships'
priorities and assessment findings against the plan's objectives; they read them here,
so neither document reaches into the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import CSPDocument, Objective, PolicePlan
from .forcewide import SEVERAL
from .themes import ThemeReader

if TYPE_CHECKING:
    from ..match import Matcher


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


def holders(
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
