"""What one priority or objective is about: its themes, how central each is, its words.

A profile is built once per text and reused for every pair the text is in, so the cost
of reading a text does not grow with the number of comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .normalise import Token
from .vocabulary import ThemeHit, Vocabulary

# Words after which a field lists examples rather than its subject: "Violent crime,
# including knife crime" is first about violent crime.
_EXAMPLE_MARKERS = frozenset(
    {
        "including",
        "includ",
        "particularly",
        "particular",
        "like",
        "example",
        "eg",
        "especially",
        "notably",
        "such",
    }
)
EXAMPLE_WEIGHT = 0.85


@dataclass(frozen=True)
class Field:
    """One field of a document item that the matcher reads, with its weight."""

    name: str
    text: str
    weight: float


@dataclass(frozen=True)
class Item:
    """A priority or objective as the matcher sees it."""

    key: str
    fields: tuple[Field, ...]

    @classmethod
    def of(
        cls,
        key: str,
        title: str,
        description: str | None = None,
        *,
        side: str = "priority",
        extra: Sequence[str] = (),
    ) -> Item:
        weights = OBJECTIVE_WEIGHTS if side == "objective" else PRIORITY_WEIGHTS
        fields = [Field("title", title, weights["title"])]
        if description:
            fields.append(Field("description", description, weights["description"]))
        fields += [Field("sub-themes", text, weights["sub-themes"]) for text in extra if text]
        return cls(key, tuple(fields))


# A priority is what its title says; its description mostly adds context. An objective's
# description and sub-themes usually list what the objective covers, so they count
# almost as much as its title.
PRIORITY_WEIGHTS = {"title": 1.0, "description": 0.8, "sub-themes": 0.8}
OBJECTIVE_WEIGHTS = {"title": 1.0, "description": 0.85, "sub-themes": 0.85}


@dataclass(frozen=True)
class Found:
    """A theme found in a field, with its weight there (field, position, focus)."""

    hit: ThemeHit
    field: str
    weight: float


@dataclass(frozen=True)
class Profile:
    found: tuple[Found, ...]
    weights: dict[int, float]
    """Theme index -> its greatest weight anywhere in the item."""
    words: dict[str, str]
    """Stem -> first surface form, for content words (weak words left out)."""
    lexical: str
    """The content stems, sorted and joined: what lexical similarity compares."""


def build_profile(item: Item, vocabulary: Vocabulary) -> Profile:
    found: list[Found] = []
    words: dict[str, str] = {}
    for field in item.fields:
        tokens = vocabulary.normaliser.tokens(field.text)
        hits = vocabulary.find(tokens)
        found += _weigh(hits, tokens, field, vocabulary)
        for token in tokens:
            if token.stem not in vocabulary.weak_stems and len(token.stem) > 1:
                words.setdefault(token.stem, token.surface)
    weights: dict[int, float] = {}
    for f in found:
        weights[f.hit.theme] = max(weights.get(f.hit.theme, 0.0), f.weight)
    return Profile(tuple(found), weights, words, " ".join(sorted(words)))


def _weigh(
    hits: list[ThemeHit], tokens: list[Token], field: Field, vocabulary: Vocabulary
) -> list[Found]:
    examples_from = next(
        (i for i, t in enumerate(tokens) if i > 0 and t.stem in _EXAMPLE_MARKERS), len(tokens)
    )
    # Umbrella themes ("crime") don't count: "strengthening communities to cut crime" is
    # about communities.
    top_focus = max(
        (vocabulary.themes[h.theme].focus for h in hits if not vocabulary.themes[h.theme].umbrella),
        default=1.0,
    )
    result = []
    for hit in hits:
        theme = vocabulary.themes[hit.theme]
        weight = field.weight
        if hit.start >= examples_from:
            weight *= EXAMPLE_WEIGHT
        # Who-and-how themes (communities, young people) count in full only when they are
        # all the field is about: "working with communities to deal with ASB" is about ASB.
        if theme.focus < top_focus:
            weight *= theme.focus
        result.append(Found(hit, field.name, weight))
    return result
