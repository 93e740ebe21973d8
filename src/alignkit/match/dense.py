"""The scorer's arithmetic a whole column at a time, with numpy, for very large tables.

A force area's check scores a few hundred to a few tens of thousands of pairs, which plain
Python (`scoring.py`) does quicker than numpy can be imported. National runs and the
benchmarks score hundreds of thousands to millions of pairs in one call; from
``scoring.DENSE_FROM`` pairs the scorer hands them here. The arithmetic, and the order of
it, is the same as `scoring._theme_part`, so both ways give the same floats to the last bit
(`tests/test_match_scoring.py` compares them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from .profile import Profile
from .scoring import LEXICAL_FLOOR, LEXICAL_SCALE, SECOND_THEME

if TYPE_CHECKING:
    from .scoring import Scorer


class DenseScorer:
    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.relation = np.array(scorer.relation_rows, dtype=np.float64)
        self.general_relation = np.array(scorer.general_relation_rows, dtype=np.float64)
        self.size = len(scorer.vocabulary.themes)

    def scores(self, ps: list[Profile], os: list[Profile]) -> list[list[int]]:
        rows: list[list[int]] = self.scorer.calibration.scores(self.strengths(ps, os)).tolist()
        return rows

    def strengths(self, ps: list[Profile], os: list[Profile]) -> NDArray[np.float64]:
        themes = self._theme_part(ps, os, self.relation)
        lexical = self._lexical_part([p.lexical for p in ps], [o.lexical for o in os])
        combined = np.maximum(themes, lexical)
        rows = [i for i, p in enumerate(ps) if p.general]
        cols = [j for j, o in enumerate(os) if o.general]
        if rows and cols:
            part = self._theme_part(
                [ps[i] for i in rows], [os[j] for j in cols], self.general_relation
            )
            block = np.ix_(rows, cols)
            combined[block] = np.maximum(combined[block], part)
        return combined

    def _theme_part(
        self, ps: list[Profile], os: list[Profile], relation: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        """Vectorised by 'slot': slot k holds the k-th theme of every priority, so each
        slot is one pass over the objectives' few themes with whole columns at a time."""
        n_p, n_o = len(ps), len(os)
        slots = max((len(p.weights) for p in ps), default=0)
        best = np.zeros((n_p, n_o))
        second = np.zeros((n_p, n_o))
        objective_themes = [sorted(o.weights.items()) for o in os]
        ranked = [sorted(p.weights.items()) for p in ps]
        for slot in range(slots):
            reach = np.zeros((n_p, self.size))  # what each priority's slot theme reaches
            for i, themes in enumerate(ranked):
                if slot < len(themes):
                    theme, weight = themes[slot]
                    reach[i] = weight * relation[theme]
            part = np.zeros((n_p, n_o))
            for j, owned in enumerate(objective_themes):
                for theme, weight in owned:
                    np.maximum(part[:, j], reach[:, theme] * weight, out=part[:, j])
            second = np.maximum(second, np.minimum(best, part))
            best = np.maximum(best, part)
        result: NDArray[np.float64] = 1.0 - (1.0 - best) * (1.0 - SECOND_THEME * second * best)
        return result

    def _lexical_part(self, ps: list[str], os: list[str]) -> NDArray[np.float64]:
        if not ps or not os:
            return np.zeros((len(ps), len(os)))
        ratios = process.cdist(
            ps, os, scorer=fuzz.token_set_ratio, score_cutoff=LEXICAL_FLOOR, dtype=np.uint8
        )
        result: NDArray[np.float64] = ratios.astype(np.float64) * (LEXICAL_SCALE / 100.0)
        return result
