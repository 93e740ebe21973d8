"""Scores for every (priority, objective) pair: themes first, words second.

A score is 0-100. Its main part comes from themes: the best link between a theme of the
priority and a theme of the objective, weighted by how central each theme is to its text
and by how the two themes relate (the same theme; the objective's theme contains the
priority's; the other way round; siblings; related). A second shared theme adds a little.
Words the vocabulary does not know still count through lexical similarity of the texts'
content words (rapidfuzz ``token_set_ratio``), scaled so that words alone make a strong
match only when nearly all of one text's words are in the other.

Everything here is a pure function of the vocabulary and the texts; the same inputs give
the same scores on every machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from .calibration import Calibration, shipped
from .profile import Item, Profile, build_profile
from .vocabulary import Vocabulary

# How much a link between two themes is worth, before the themes' weights in their texts.
SAME = 1.0
OBJECTIVE_BROADER = 0.9  # "knife crime" serves "serious violence"
OBJECTIVE_BROADER_FAR = 0.82
OBJECTIVE_NARROWER = 0.6  # "exploitation" only partly serves "modern slavery"
OBJECTIVE_NARROWER_FAR = 0.5
RELATED = 0.45
SIBLINGS = 0.4
UMBRELLA_SAME = 0.5  # "reduce crime" and "cut crime" say little about each other
UMBRELLA_LINK = 0.3

GENERAL_SAME = 1.0  # two general aims on the same umbrella: "Reducing crime", "Cut crime"
GENERAL_RELATED = 0.8  # "Reduce crime and disorder" and "Safer communities"

SECOND_THEME = 0.3
"""Share of the remaining distance to 100 that a second, different shared theme closes."""
LEXICAL_SCALE = 0.8
"""Words alone reach at most 80: aligned only when one text's words are nearly all in the
other."""


LEXICAL_FLOOR = 85
"""Below this token_set_ratio the texts share a word or two among others ('services'):
too thin to count. Words alone count only when one text's unexplained words are nearly
all in the other."""


Status = Literal["aligned", "partial", "none"]


@dataclass(frozen=True)
class Thresholds:
    aligned: int = 75
    partial: int = 40

    def status(self, score: int) -> Status:
        if score >= self.aligned:
            return "aligned"
        if score >= self.partial:
            return "partial"
        return "none"


def relation_matrix(
    vocabulary: Vocabulary, ancestors: Sequence[dict[int, int]]
) -> NDArray[np.float64]:
    """R[t, u]: what a priority on theme t and an objective on theme u share."""
    themes = vocabulary.themes
    size = len(themes)
    relation = np.zeros((size, size))
    for t in range(size):
        for u in range(size):
            umbrella = themes[t].umbrella or themes[u].umbrella
            if t == u:
                value = UMBRELLA_SAME if umbrella else SAME
            elif u in ancestors[t]:
                far = ancestors[t][u] > 1
                value = OBJECTIVE_BROADER_FAR if far else OBJECTIVE_BROADER
                value = UMBRELLA_LINK if umbrella else value
            elif t in ancestors[u]:
                far = ancestors[u][t] > 1
                value = OBJECTIVE_NARROWER_FAR if far else OBJECTIVE_NARROWER
                value = UMBRELLA_LINK if umbrella else value
            elif u in themes[t].related or t in themes[u].related:
                value = RELATED
            elif _siblings(themes[t].broader, themes[u].broader, vocabulary):
                value = SIBLINGS
            else:
                value = 0.0
            relation[t, u] = value
    return relation


def general_relation_matrix(
    vocabulary: Vocabulary, relation: NDArray[np.float64]
) -> NDArray[np.float64]:
    """R for two general aims: an umbrella they share is what both are about.

    "Reducing crime" says little about which crime, so against a specific priority it
    never aligns; against another general aim it is the same intent in other words.
    """
    general = relation.copy()
    themes = vocabulary.themes
    for t, theme in enumerate(themes):
        if not theme.umbrella:
            continue
        general[t, t] = GENERAL_SAME
        for u in theme.related:
            if themes[u].umbrella:
                general[t, u] = general[u, t] = GENERAL_RELATED
    return general


def _siblings(a: Sequence[int], b: Sequence[int], vocabulary: Vocabulary) -> bool:
    return any(p in b and not vocabulary.themes[p].umbrella for p in a)


@dataclass
class Scores:
    """The scores of every priority (rows) against every objective (columns)."""

    values: NDArray[np.int16]


class Scorer:
    def __init__(
        self,
        vocabulary: Vocabulary,
        thresholds: Thresholds | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.thresholds = thresholds or Thresholds()
        self.calibration = calibration or shipped()
        # Every theme's broader themes with their distance, worked out once: the relation
        # matrix and every explanation read them.
        self.ancestors = [vocabulary.ancestors(i) for i in range(len(vocabulary.themes))]
        self.relation = relation_matrix(vocabulary, self.ancestors)
        self.general_relation = general_relation_matrix(vocabulary, self.relation)
        # The same as plain lists: explanations look up single cells, which numpy is
        # slow at.
        self.relation_rows: list[list[float]] = self.relation.tolist()
        self.general_relation_rows: list[list[float]] = self.general_relation.tolist()
        self._profiles: dict[tuple[object, ...], Profile] = {}

    def profile(self, item: Item) -> Profile:
        key = (item.side, item.places, *((f.name, f.text, f.weight) for f in item.fields))
        cached = self._profiles.get(key)
        if cached is None:
            cached = self._profiles[key] = build_profile(item, self.vocabulary)
        return cached

    def score(self, priorities: Sequence[Item], objectives: Sequence[Item]) -> Scores:
        return Scores(self.calibration.scores(self.strengths(priorities, objectives)))

    def strengths(
        self, priorities: Sequence[Item], objectives: Sequence[Item]
    ) -> NDArray[np.float64]:
        """Raw strengths (0-1) before calibration: what the benchmarks fit a line on."""
        p_profiles = [self.profile(p) for p in priorities]
        o_profiles = [self.profile(o) for o in objectives]
        themes = self._theme_part(p_profiles, o_profiles, self.relation)
        lexical = self._lexical_part(
            [p.lexical for p in p_profiles], [o.lexical for o in o_profiles]
        )
        combined = np.maximum(themes, lexical)
        self._general_aims(p_profiles, o_profiles, combined)
        return combined

    def relation_rows_for(self, p: Profile, o: Profile) -> list[list[float]]:
        """The relation table this pair is scored with, as rows of plain floats."""
        return self.general_relation_rows if p.general and o.general else self.relation_rows

    def _general_aims(
        self, ps: list[Profile], os: list[Profile], combined: NDArray[np.float64]
    ) -> None:
        """Where both texts are general aims, score them as such: the umbrellas they share
        count in full (as far as the priority's words are the general aim: its umbrella
        weights carry its coverage)."""
        rows = [i for i, p in enumerate(ps) if p.general]
        cols = [j for j, o in enumerate(os) if o.general]
        if not rows or not cols:
            return
        gp, go = [ps[i] for i in rows], [os[j] for j in cols]
        part = self._theme_part(gp, go, self.general_relation)
        block = np.ix_(rows, cols)
        combined[block] = np.maximum(combined[block], part)

    def _theme_part(
        self, ps: list[Profile], os: list[Profile], relation: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        """Best theme link per pair, plus a share of the second-best from another theme.

        Vectorised by 'slot': slot k holds the k-th theme of every priority, so each slot
        is one pass over the objectives' few themes with whole columns at a time.
        """
        n_p, n_o, size = len(ps), len(os), len(self.vocabulary.themes)
        slots = max((len(p.weights) for p in ps), default=0)
        best = np.zeros((n_p, n_o))
        second = np.zeros((n_p, n_o))
        objective_themes = [sorted(o.weights.items()) for o in os]
        for slot in range(slots):
            reach = np.zeros((n_p, size))  # what each priority's slot theme reaches, per theme
            for i, profile in enumerate(ps):
                ranked = sorted(profile.weights.items())
                if slot < len(ranked):
                    theme, weight = ranked[slot]
                    reach[i] = weight * relation[theme]
            part = np.zeros((n_p, n_o))
            for j, owned in enumerate(objective_themes):
                for theme, weight in owned:
                    np.maximum(part[:, j], reach[:, theme] * weight, out=part[:, j])
            second = np.maximum(second, np.minimum(best, part))
            best = np.maximum(best, part)
        # A second theme confirms a strong link more than it props up a weak one.
        result: NDArray[np.float64] = 1.0 - (1.0 - best) * (1.0 - SECOND_THEME * second * best)
        return result

    def _lexical_part(self, ps: list[str], os: list[str]) -> NDArray[np.float64]:
        if not ps or not os:
            return np.zeros((len(ps), len(os)))
        ratios = process.cdist(
            ps,
            os,
            scorer=fuzz.token_set_ratio,
            score_cutoff=LEXICAL_FLOOR,
            dtype=np.uint8,
        )
        result: NDArray[np.float64] = ratios.astype(np.float64) * (LEXICAL_SCALE / 100.0)
        return result
