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

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from rapidfuzz import fuzz

from .calibration import Calibration, shipped
from .profile import FieldReadings, Found, Item, Profile, build_profile
from .vocabulary import Vocabulary

if TYPE_CHECKING:  # numpy is imported only for the dense path and the benchmarks
    import numpy as np
    from numpy.typing import NDArray

    from .dense import DenseScorer
    from .explain import ThemeLink

    Matrix = NDArray[np.float64]

Table = list[list[float]]
"""Rows of plain floats: a priority's row, an objective's column."""

DENSE_FROM = 200_000
"""From this many pairs in one call, numpy's whole-column arithmetic (`dense.py`) pays
for importing numpy (about 0.15 s); below it, plain Python is quicker end to end."""

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


class Thresholds(NamedTuple):
    aligned: int = 75
    partial: int = 40

    def status(self, score: int) -> Status:
        if score >= self.aligned:
            return "aligned"
        if score >= self.partial:
            return "partial"
        return "none"


def relation_matrix(vocabulary: Vocabulary, ancestors: Sequence[dict[int, int]]) -> Table:
    """R[t][u]: what a priority on theme t and an objective on theme u share.

    Most pairs of themes share nothing, so the table is filled from the vocabulary's
    links (a theme's ancestors, related themes, parents) rather than by asking every pair
    (a tenth of a small check's matching time). Where two links hold, the stronger
    reading wins, in this order: the same theme; the objective's theme broader than the
    priority's; narrower; related; siblings under a parent that is not an umbrella
    (tests/test_match_scoring.py holds it to asking every pair)."""
    themes = vocabulary.themes
    size = len(themes)
    umbrella = [theme.umbrella for theme in themes]
    relation = [[0.0] * size for _ in range(size)]
    # Weakest first: each stronger reading overwrites what a weaker one wrote.
    children: dict[int, list[int]] = {}
    for t, theme in enumerate(themes):
        for parent in theme.broader:
            if not umbrella[parent]:
                children.setdefault(parent, []).append(t)
    for family in children.values():
        for t in family:
            row = relation[t]
            for u in family:
                row[u] = SIBLINGS
    for t, theme in enumerate(themes):
        for u in theme.related:
            relation[t][u] = relation[u][t] = RELATED
    for u in range(size):  # t an ancestor of u: the objective's theme is narrower
        for t, distance in ancestors[u].items():
            value = OBJECTIVE_NARROWER_FAR if distance > 1 else OBJECTIVE_NARROWER
            relation[t][u] = UMBRELLA_LINK if umbrella[t] or umbrella[u] else value
    for t in range(size):  # u an ancestor of t: the objective's theme is broader
        for u, distance in ancestors[t].items():
            value = OBJECTIVE_BROADER_FAR if distance > 1 else OBJECTIVE_BROADER
            relation[t][u] = UMBRELLA_LINK if umbrella[t] or umbrella[u] else value
    for t in range(size):
        relation[t][t] = UMBRELLA_SAME if umbrella[t] else SAME
    return relation


def general_relation_matrix(vocabulary: Vocabulary, relation: Table) -> Table:
    """R for two general aims: an umbrella they share is what both are about.

    "Reducing crime" says little about which crime, so against a specific priority it
    never aligns; against another general aim it is the same intent in other words.
    """
    general = [list(row) for row in relation]
    themes = vocabulary.themes
    for t, theme in enumerate(themes):
        if not theme.umbrella:
            continue
        general[t][t] = GENERAL_SAME
        for u in theme.related:
            if themes[u].umbrella:
                general[t][u] = general[u][t] = GENERAL_RELATED
    return general


class Scores(NamedTuple):
    """The scores of every priority (rows) against every objective (columns)."""

    rows: list[list[int]]
    columns: int

    def at(self, priority: int, objective: int) -> int:
        return self.rows[priority][objective]

    @property
    def values(self) -> NDArray[np.int16]:
        """The same scores as a numpy array, for benchmarks and analysis."""
        import numpy as np

        return np.array(self.rows, dtype=np.int16).reshape(len(self.rows), self.columns)


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
        # tables and every explanation read them.
        self.ancestors = [vocabulary.ancestors(i) for i in range(len(vocabulary.themes))]
        self.relation_rows = relation_matrix(vocabulary, self.ancestors)
        self.general_relation_rows = general_relation_matrix(vocabulary, self.relation_rows)
        self._profiles: dict[tuple[object, ...], Profile] = {}
        self._readings: FieldReadings = {}
        self._dense: DenseScorer | None = None
        self.theme_links: dict[tuple[Found, Found, float], ThemeLink] = {}
        """Explanations' theme links, made once for each pair of findings (explain.py)."""

    def profile(self, item: Item) -> Profile:
        key = (item.side, item.places, *((f.name, f.text, f.weight) for f in item.fields))
        cached = self._profiles.get(key)
        if cached is None:
            cached = self._profiles[key] = build_profile(item, self.vocabulary, self._readings)
        return cached

    def score(self, priorities: Sequence[Item], objectives: Sequence[Item]) -> Scores:
        p_profiles = [self.profile(p) for p in priorities]
        o_profiles = [self.profile(o) for o in objectives]
        if len(p_profiles) * len(o_profiles) >= DENSE_FROM:
            return Scores(self._dense_scorer().scores(p_profiles, o_profiles), len(o_profiles))
        score = self.calibration.score
        rows = self._strength_rows(p_profiles, o_profiles)
        return Scores([[score(x) for x in row] for row in rows], len(o_profiles))

    def strengths(self, priorities: Sequence[Item], objectives: Sequence[Item]) -> Matrix:
        """Raw strengths (0-1) before calibration, as a numpy array: what the benchmarks
        fit a line on."""
        import numpy as np

        p_profiles = [self.profile(p) for p in priorities]
        o_profiles = [self.profile(o) for o in objectives]
        rows = self._strength_rows(p_profiles, o_profiles)
        return np.array(rows, dtype=np.float64).reshape(len(p_profiles), len(o_profiles))

    def relation_rows_for(self, p: Profile, o: Profile) -> Table:
        """The relation table this pair is scored with, as rows of plain floats."""
        return self.general_relation_rows if p.general and o.general else self.relation_rows

    def _dense_scorer(self) -> DenseScorer:
        if self._dense is None:
            from .dense import DenseScorer

            self._dense = DenseScorer(self)
        return self._dense

    def _strength_rows(self, ps: list[Profile], os: list[Profile]) -> Table:
        """Every pair's strength, in plain Python: for the few hundred to few tens of
        thousands of pairs of a force area this is quicker than importing numpy."""
        rows = _theme_part(ps, os, self.relation_rows)
        lexical = [(j, o.lexical) for j, o in enumerate(os) if o.lexical]
        for p, row in zip(ps, rows, strict=True):
            if p.lexical:
                for j, text in lexical:
                    value = _lexical(p.lexical, text)
                    if value > row[j]:
                        row[j] = value
        self._general_aims(ps, os, rows)
        return rows

    def _general_aims(self, ps: list[Profile], os: list[Profile], combined: Table) -> None:
        """Where both texts are general aims, score them as such: the umbrellas they share
        count in full (as far as the priority's words are the general aim: its umbrella
        weights carry its coverage)."""
        rows = [i for i, p in enumerate(ps) if p.general]
        cols = [j for j, o in enumerate(os) if o.general]
        if not rows or not cols:
            return
        part = _theme_part([ps[i] for i in rows], [os[j] for j in cols], self.general_relation_rows)
        for i, part_row in zip(rows, part, strict=True):
            row = combined[i]
            for j, value in zip(cols, part_row, strict=True):
                if value > row[j]:
                    row[j] = value


def _theme_part(ps: list[Profile], os: list[Profile], relation: Table) -> Table:
    """Best theme link per pair, plus a share of the second-best from another theme.

    Each of the priority's themes in turn (by theme number) is a 'slot': its best link to
    any of the objective's themes is that slot's part. The arithmetic, and its order, is
    the dense scorer's (`dense.py`), so both give the same floats to the last bit.
    """
    objective_themes = [sorted(o.weights.items()) for o in os]
    result: Table = []
    for p in ps:
        slots = [(weight, relation[theme]) for theme, weight in sorted(p.weights.items())]
        row: list[float] = []
        for owned in objective_themes:
            best = second = 0.0
            for p_weight, reach in slots:
                part = 0.0
                for theme, o_weight in owned:
                    value = p_weight * reach[theme] * o_weight
                    if value > part:
                        part = value
                lower = best if best < part else part
                if lower > second:
                    second = lower
                if part > best:
                    best = part
            # A second theme confirms a strong link more than it props up a weak one.
            row.append(1.0 - (1.0 - best) * (1.0 - SECOND_THEME * second * best))
        result.append(row)
    return result


def _lexical(p_text: str, o_text: str) -> float:
    """Words alone: token_set_ratio at or above the floor, rounded half away from zero as
    rapidfuzz's ``cdist`` rounds into whole numbers, then scaled."""
    ratio = fuzz.token_set_ratio(p_text, o_text, score_cutoff=LEXICAL_FLOOR)
    whole = math.floor(ratio)
    if ratio - whole >= 0.5:
        whole += 1
    return whole * (LEXICAL_SCALE / 100.0)
