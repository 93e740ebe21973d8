"""Speed at national scale: a synthetic England and Wales.

About 400 CSPs with 12 priorities each, and 43 police and crime plans with 8 objectives
each, written from a pool of real-sounding phrases with a fixed seed so every run scores
the same strings. Two runs: each CSP against its own force's plan, and every priority
against every objective (about 1.6 million pairs), timed beside raw rapidfuzz ``cdist``
on the same strings.
"""

from __future__ import annotations

import random
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from alignkit.match import Item, Matcher

FORCES = 43
CSPS = 400
PRIORITIES = 12
OBJECTIVES = 8
SEED = 20261123

_VERBS = [
    "Tackling",
    "Reducing",
    "Preventing",
    "Cutting",
    "Driving down",
    "Responding to",
    "Keeping people safe from",
    "Working with partners on",
    "Protecting people from",
    "Disrupting",
    "Improving our response to",
    "Supporting victims of",
]
_TOPICS = [
    "anti-social behaviour",
    "ASB hotspots",
    "domestic abuse",
    "VAWG",
    "stalking",
    "rape and serious sexual offences",
    "serious violence",
    "knife crime",
    "county lines",
    "child criminal exploitation",
    "modern slavery",
    "drug supply",
    "substance misuse",
    "alcohol-related harm",
    "hate crime",
    "radicalisation",
    "fraud and scams",
    "cyber crime",
    "burglary",
    "vehicle crime",
    "shoplifting",
    "rural crime",
    "wildlife crime",
    "fly-tipping",
    "road safety",
    "speeding",
    "the night-time economy",
    "reoffending",
    "youth offending",
    "mental health crisis",
    "rough sleeping",
    "community tensions",
    "organised crime groups",
    "street drinking",
    "online harms",
    "criminal damage",
    "missing children",
    "repeat victims",
]
_PLACES = [
    "in town centres",
    "in rural areas",
    "near schools",
    "in our neighbourhoods",
    "across the district",
    "in priority wards",
    "on public transport",
    "online",
    "",
    "in the borough",
    "at night",
    "for older residents",
    "for young people",
]
_OBJECTIVE_HEADS = [
    "Cut crime and",
    "Fight",
    "Protect people from",
    "Make communities safer from",
    "Put victims first and tackle",
    "Prevent",
    "Bear down on",
    "Tackle",
]


def _text(rng: random.Random, heads: list[str]) -> tuple[str, str]:
    topics = rng.sample(_TOPICS, rng.randint(1, 3))
    title = f"{rng.choice(heads)} {' and '.join(topics[:2])} {rng.choice(_PLACES)}".strip()
    description = "; ".join(rng.sample(_TOPICS, rng.randint(0, 4)))
    return title, description


@dataclass
class Country:
    priorities: list[list[Item]]
    """Per CSP."""
    objectives: list[list[Item]]
    """Per force."""
    force_of: list[int]

    def flat_priorities(self) -> list[Item]:
        return [p for csp in self.priorities for p in csp]

    def flat_objectives(self) -> list[Item]:
        return [o for plan in self.objectives for o in plan]


def synthetic_country(csps: int = CSPS, seed: int = SEED) -> Country:
    rng = random.Random(seed)
    objectives = [
        [
            Item.of(f"F{f}O{k}", *_text(rng, _OBJECTIVE_HEADS), side="objective")
            for k in range(OBJECTIVES)
        ]
        for f in range(FORCES)
    ]
    priorities = [
        [Item.of(f"C{c}P{k}", *_text(rng, _VERBS)) for k in range(PRIORITIES)] for c in range(csps)
    ]
    return Country(priorities, objectives, [c % FORCES for c in range(csps)])


def raw_text(item: Item) -> str:
    return " ".join(field.text for field in item.fields)


@dataclass
class Timing:
    pairs: int
    seconds: float
    cdist_seconds: float
    peak_mib: float

    @property
    def ratio(self) -> float:
        return self.seconds / self.cdist_seconds

    @property
    def microseconds_per_pair(self) -> float:
        return 1e6 * self.seconds / self.pairs


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def time_all_pairs(country: Country, runs: int = 3) -> Timing:
    """Every priority against every objective, with a fresh matcher each run (so reading
    the texts is timed too), beside raw cdist on the same strings."""
    priorities, objectives = country.flat_priorities(), country.flat_objectives()
    vocabulary = Matcher().vocabulary
    seconds = _best_of(runs, lambda: Matcher(vocabulary).scorer.score(priorities, objectives))
    p_text, o_text = [raw_text(p) for p in priorities], [raw_text(o) for o in objectives]
    cdist_seconds = _best_of(
        runs, lambda: process.cdist(p_text, o_text, scorer=fuzz.token_set_ratio)
    )
    tracemalloc.start()
    Matcher(vocabulary).scorer.score(priorities, objectives)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Timing(len(priorities) * len(objectives), seconds, cdist_seconds, peak / 2**20)


def time_per_force(country: Country, runs: int = 3) -> Timing:
    """Each CSP against its own force's plan: what a national roll-up of checks costs."""
    vocabulary = Matcher().vocabulary

    by_force: dict[int, list[Item]] = {}
    for csp, force in zip(country.priorities, country.force_of, strict=True):
        by_force.setdefault(force, []).extend(csp)

    def ours() -> None:
        # As `alignkit check` does: all of a force's CSPs against its plan in one call.
        matcher = Matcher(vocabulary)
        for force, priorities in by_force.items():
            matcher.scorer.score(priorities, country.objectives[force])

    def raw() -> None:
        for csp, force in zip(country.priorities, country.force_of, strict=True):
            process.cdist(
                [raw_text(p) for p in csp],
                [raw_text(o) for o in country.objectives[force]],
                scorer=fuzz.token_set_ratio,
            )

    seconds = _best_of(runs, ours)
    cdist_seconds = _best_of(runs, raw)
    tracemalloc.start()
    ours()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pairs = sum(len(csp) * OBJECTIVES for csp in country.priorities)
    return Timing(pairs, seconds, cdist_seconds, peak / 2**20)
