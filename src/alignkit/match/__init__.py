"""match: documents in, every (priority, objective) pair scored and explained out.

Pure functions, no I/O beyond reading the vocabulary files it is given. The check
command calls :func:`match_documents`; benchmarks and tests use :class:`Matcher` directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar, cast

from ..models import CSPDocument, PolicePlan
from .explain import Explanation, explain
from .profile import Item
from .scoring import Scorer, Scores, Status, Thresholds
from .vocabulary import Vocabulary, VocabularyError, load_vocabulary

__all__ = [
    "Explanation",
    "Item",
    "Later",
    "Matcher",
    "PairScore",
    "Scores",
    "Status",
    "Thresholds",
    "Vocabulary",
    "VocabularyError",
    "load_vocabulary",
    "match_documents",
    "objective_item",
    "priority_item",
]


class Matcher:
    """The vocabulary, compiled once, and the scorer built on it."""

    def __init__(
        self, vocabulary: Vocabulary | None = None, thresholds: Thresholds | None = None
    ) -> None:
        self.vocabulary = vocabulary or load_vocabulary()
        self.scorer = Scorer(self.vocabulary, thresholds)
        self._known: set[str] | None = None

    @classmethod
    def with_files(cls, extra: Iterable[Path]) -> Matcher:
        return cls(load_vocabulary(extra))

    def place_words(self, *names: str) -> frozenset[str]:
        """Stems of the words in an area's names that the vocabulary gives no meaning:
        'Wessex', 'Casterbridge', 'North' — but not 'Community Safety Partnership'."""
        if self._known is None:
            vocabulary = self.vocabulary
            self._known = (
                {s for entries in vocabulary.terms.values() for stems, _ in entries for s in stems}
                | vocabulary.weak_stems
                | vocabulary.stop_stems
            )
        tokens = (t for name in names for t in self.vocabulary.normaliser.tokens(name))
        return frozenset(t.stem for t in tokens if t.stem not in self._known)

    def explain(self, priority: Item, objective: Item, score: int) -> Explanation:
        profile = self.scorer.profile
        return explain(self.scorer, profile(priority), profile(objective), score)

    def themes_of(self, text: str) -> list[str]:
        """Labels of the themes in ``text`` (umbrellas left out), in the order found."""
        tokens = self.vocabulary.normaliser.tokens(text)
        labels: list[str] = []
        for hit in self.vocabulary.find(tokens):
            theme = self.vocabulary.themes[hit.theme]
            if not theme.umbrella and theme.label not in labels:
                labels.append(theme.label)
        return labels


def priority_item(
    priority_id: str,
    title: str,
    description: str | None,
    places: frozenset[str] = frozenset(),
) -> Item:
    return Item.of(priority_id, title, description, places=places)


def objective_item(
    objective_id: str,
    title: str,
    description: str | None,
    sub_themes: Sequence[str] = (),
    places: frozenset[str] = frozenset(),
) -> Item:
    return Item.of(
        objective_id, title, description, side="objective", extra=sub_themes, places=places
    )


T = TypeVar("T")


class Later(Generic[T]):
    """A value worked out the first time it is asked for, then kept: cheaper to create
    for every pair of a force area than functools.cache around a partial."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._value: T | None = None

    def __call__(self) -> T:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return cast(T, self._value)

    def fresh(self) -> T:
        """The value, kept if it already was, else made and not kept: for a reader that
        needs it once (the JSON report writes every pair's explanation, then drops it)."""
        return cast(T, self._value) if self._make is None else self._make()


class PairScore(NamedTuple):
    # A named tuple: one for every pair of a force area, quicker to make than a frozen
    # dataclass.
    csp: str
    priority: str
    objective: str
    score: int
    status: Status
    explain: Callable[[], Explanation]
    """The pair's explanation, worked out when first asked for and then kept: most
    formats show a few pairs' explanations, and a force area has thousands of pairs."""

    @property
    def explanation(self) -> Explanation:
        return self.explain()


def match_documents(
    plan: PolicePlan, csps: Sequence[CSPDocument], matcher: Matcher | None = None
) -> list[PairScore]:
    """Every CSP priority against every objective of the plan, in document order.

    Scores are worked out here; each pair's explanation only when it is asked for."""
    matcher = matcher or Matcher()
    # The area's own names say nothing about a priority's subject ("Make Wessex safer").
    area = matcher.place_words(plan.force_area)
    objectives = [
        objective_item(o.id, o.title, o.description, list(o.sub_themes or ()), area)
        for o in plan.objectives
    ]
    owners = [(csp, p) for csp in csps for p in csp.priorities]
    places = {csp.id: matcher.place_words(plan.force_area, csp.name) for csp in csps}
    priorities = [priority_item(p.id, p.title, p.description, places[csp.id]) for csp, p in owners]
    # One call for the whole force area: the scorer works a column at a time.
    scorer = matcher.scorer
    scores = scorer.score(priorities, objectives)
    p_profiles = [scorer.profile(p) for p in priorities]
    o_profiles = [scorer.profile(o) for o in objectives]
    result: list[PairScore] = []
    for i, ((csp, _), priority) in enumerate(zip(owners, priorities, strict=True)):
        for j, objective in enumerate(objectives):
            value = scores.at(i, j)
            result.append(
                PairScore(
                    csp.id,
                    priority.key,
                    objective.key,
                    value,
                    matcher.scorer.thresholds.status(value),
                    Later(partial(explain, scorer, p_profiles[i], o_profiles[j], value)),
                )
            )
    return result
