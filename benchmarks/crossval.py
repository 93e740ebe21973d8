"""Leave-one-force-area-out cross-validation on the labelled corpus.

Every number a method tunes (its 'aligned' threshold; for TF-IDF, the word weights) is
chosen on the other force areas' cases only, then the held-out area is scored with it.
The figures pool every held-out area's pairs. The in-sample figure (tuned on all areas,
then scored on the same areas) is printed beside it as an upper bound: the gap between
the two is how much a method's tuning remembers rather than knows.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from alignkit.match import Matcher

from .accuracy import Case, Figures, case_items, evaluate

Matrix = NDArray[np.float64]
ScoreCase = Callable[[Case], Matrix]
"""A case in; scores (priorities x objectives) out."""
Fit = Callable[[Sequence[Case]], ScoreCase]
"""Training cases in (unsupervised set-up only: word weights); a case scorer out."""

THRESHOLDS = range(1, 101)


def alignkit_fit(matcher: Matcher) -> Fit:
    def fit(_: Sequence[Case]) -> ScoreCase:
        def score(case: Case) -> Matrix:
            priorities, objectives = case_items(matcher, case)
            values: Matrix = 100 * matcher.scorer.strengths(priorities, objectives)
            return values

        return score

    return fit


def _text(entry: dict[str, object]) -> str:
    return f"{entry['title']} {entry.get('description') or ''}".strip()


def token_set_fit(_: Sequence[Case]) -> ScoreCase:
    def score(case: Case) -> Matrix:
        matrix: Matrix = process.cdist(
            [_text(p) for p in case.priorities],
            [_text(o) for o in case.objectives],
            scorer=fuzz.token_set_ratio,
            processor=str.lower,
        ).astype(np.float64)
        return matrix

    return score


_WORD = re.compile(r"[a-z0-9]+")
# Function words for the TF-IDF baseline (alignkit's own are in its vocabulary).
_STOP_WORDS = "a an and the of to in for on with by from at as or our their its is are be"
_STOP = frozenset([*_STOP_WORDS.split(), "this", "that", "into", "across", "all"])


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def tfidf_fit(training: Sequence[Case]) -> ScoreCase:
    """Cosine similarity of TF-IDF vectors, document frequencies from the training cases'
    texts only (a word never seen in training gets the rarest weight)."""
    documents = [_text(e) for c in training for e in (*c.priorities, *c.objectives)]
    frequency = Counter(w for d in documents for w in set(_words(d)))
    total = len(documents)

    def idf(word: str) -> float:
        return math.log((1 + total) / (1 + frequency.get(word, 0))) + 1.0

    def vector(text: str) -> dict[str, float]:
        counts = Counter(_words(text))
        weights = {w: n * idf(w) for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}

    def score(case: Case) -> Matrix:
        ps = [vector(_text(p)) for p in case.priorities]
        os = [vector(_text(o)) for o in case.objectives]
        return np.array(
            [[100 * sum(v * o.get(w, 0.0) for w, v in p.items()) for o in os] for p in ps],
            dtype=np.float64,
        ).reshape(len(ps), len(os))

    return score


def _at(scores: dict[str, Matrix], threshold: float) -> Callable[[Case], tuple[Matrix, Any]]:
    def scorer(case: Case) -> tuple[Matrix, Any]:
        values = scores[case.id]
        return values, values >= threshold

    return scorer


WINDOW = 5
"""F1 is averaged over thresholds this far either side: the middle of a plateau is a
safer choice for unseen plans than the edge of a peak."""


def best_threshold(cases: Sequence[Case], scores: dict[str, Matrix]) -> float:
    """The threshold whose neighbourhood has the best mean F1 on these cases (ties: the
    better F1 at the threshold itself, then the lower threshold, so the choice is stable)."""
    f1 = {t: evaluate(cases, _at(scores, t)).f1 for t in THRESHOLDS}

    def smoothed(t: int) -> float:
        near = [f1[u] for u in range(t - WINDOW, t + WINDOW + 1) if u in f1]
        return sum(near) / len(near)

    return float(max(THRESHOLDS, key=lambda t: (smoothed(t), f1[t], -t)))


@dataclass
class Result:
    in_sample: Figures
    in_sample_threshold: float
    held_out: Figures
    thresholds: dict[str, float]
    """Force area -> the threshold chosen without it."""


def cross_validate(cases: Sequence[Case], fit: Fit) -> Result:
    areas = sorted({c.force_area for c in cases})
    everything = fit(cases)
    scores = {c.id: everything(c) for c in cases}
    threshold = best_threshold(cases, scores)
    in_sample = evaluate(cases, _at(scores, threshold))

    held_scores: dict[str, Matrix] = {}
    held_thresholds: dict[str, float] = {}
    chosen: dict[str, float] = {}
    for area in areas:
        training = [c for c in cases if c.force_area != area]
        testing = [c for c in cases if c.force_area == area]
        scorer = fit(training)
        training_scores = {c.id: scorer(c) for c in training}
        chosen[area] = best_threshold(training, training_scores)
        for case in testing:
            held_scores[case.id] = scorer(case)
            held_thresholds[case.id] = chosen[area]

    def held(case: Case) -> tuple[Matrix, Any]:
        values = held_scores[case.id]
        return values, values >= held_thresholds[case.id]

    return Result(in_sample, threshold, evaluate(cases, held), chosen)
