"""Accuracy on the development set: alignkit's scores against human labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from numpy.typing import NDArray

from alignkit.match import Item, Matcher, objective_item, priority_item

DEV_SET = Path(__file__).parent / "data" / "dev.yaml"
CORPUS = Path(__file__).parent / "data" / "corpus.yaml"
"""40 real plan pairs from 16 force areas, labelled by two annotators (a copy of
shared/eval/corpus.yaml; the development set is 14 of its cases)."""


@dataclass
class Case:
    id: str
    force_area: str
    csp_name: str
    objectives: list[dict[str, Any]]
    priorities: list[dict[str, Any]]


@dataclass
class Figures:
    precision: float
    recall: float
    f1: float
    top1: float
    top1_of: int
    gap_accuracy: float
    gaps: int
    mistakes: list[str]


def raw_cases(path: Path = DEV_SET) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def load_cases(path: Path = DEV_SET) -> list[Case]:
    return [
        Case(
            c["id"],
            c["force_area"],
            c["csp"]["name"],
            c["pcc"]["objectives"],
            c["csp"]["priorities"],
        )
        for c in raw_cases(path)
    ]


Scorer = Callable[[Case], tuple[NDArray[np.float64], NDArray[np.bool_]]]
"""A case in; scores and 'aligned' flags (priorities x objectives) out."""


def case_items(matcher: Matcher, case: Case) -> tuple[list[Item], list[Item]]:
    """A case's priorities and objectives as `alignkit check` builds them (with the area's
    own names set aside)."""
    area = matcher.place_words(case.force_area)
    places = matcher.place_words(case.force_area, case.csp_name)
    priorities = [
        priority_item(p["id"], p["title"], p.get("description"), places) for p in case.priorities
    ]
    objectives = [
        objective_item(o["id"], o["title"], o.get("description"), places=area)
        for o in case.objectives
    ]
    return priorities, objectives


def alignkit_scorer(matcher: Matcher) -> Scorer:
    def score(case: Case) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
        priorities, objectives = case_items(matcher, case)
        scores = matcher.scorer.score(priorities, objectives).values.astype(np.float64)
        return scores, scores >= matcher.scorer.thresholds.aligned

    return score


def evaluate(cases: Sequence[Case], scorer: Scorer) -> Figures:
    tp = fp = fn = 0
    top_hits = top_total = gap_hits = gap_total = 0
    mistakes: list[str] = []
    for case in cases:
        scores, aligned = scorer(case)
        ids = [o["id"] for o in case.objectives]
        for i, p in enumerate(case.priorities):
            strong, weak = set(p["strong"]), set(p["weak"])
            for j, objective in enumerate(ids):
                if objective in weak:
                    continue
                said, truth = bool(aligned[i, j]), objective in strong
                tp += said and truth
                fp += said and not truth
                fn += truth and not said
                if said != truth:
                    kind = "FP" if said else "FN"
                    mistakes.append(
                        f"{kind} {case.id} {p['id']} {p['title']!r} ~ {objective} "
                        f"{case.objectives[j]['title']!r} ({scores[i, j]:.0f})"
                    )
            if strong:
                top_total += 1
                j = int(np.argmax(scores[i]))
                if ids[j] in strong and aligned[i, j]:
                    top_hits += 1
                else:
                    mistakes.append(
                        f"TOP {case.id} {p['id']} {p['title']!r} -> {ids[j]} "
                        f"{case.objectives[j]['title']!r} ({scores[i, j]:.0f});"
                        f" want {sorted(strong)}"
                    )
            elif not weak:
                gap_total += 1
                gap_hits += not aligned[i].any()
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(
        precision,
        recall,
        f1,
        top_hits / top_total if top_total else 0.0,
        top_total,
        gap_hits / gap_total if gap_total else 0.0,
        gap_total,
        mistakes,
    )
