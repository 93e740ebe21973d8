"""What one priority or objective is about: its themes, how central each is, its words.

A profile is built once per text and reused for every pair the text is in, so the cost
of reading a text does not grow with the number of comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

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
LEXICAL_WORDS = 2
"""Fewer words than this outside any theme ('services', 'bring') are too thin to compare:
one shared word would make one text a subset of the other."""
OBJECTIVE_FOCUS = 0.5
"""An objective's who- and how-themes lose only the square root of what a priority's do."""
BARE_READING = 0.9
"""A theme read into a bare title ('People') counts a little less than one written out."""
BARE_WORDS = 3
"""A title of at most this many words (function words aside), with nothing else, is bare."""
SUBJECT_FOCUS = 0.75
"""A text with no theme at least this focused (a harm, a crime type) is a general aim."""


class Field(NamedTuple):
    """One field of a document item that the matcher reads, with its weight."""

    name: str
    text: str
    weight: float


class Item(NamedTuple):
    """A priority or objective as the matcher sees it."""

    key: str
    fields: tuple[Field, ...]
    side: str = "priority"
    """'priority' or 'objective': a who- or how-theme weighs differently on each side."""
    places: frozenset[str] = frozenset()
    """Words of the area's own names (stems), which say nothing about the subject:
    "Make Wessex safer" is the general aim "make safer"."""

    @classmethod
    def of(
        cls,
        key: str,
        title: str,
        description: str | None = None,
        *,
        side: str = "priority",
        extra: Sequence[str] = (),
        places: frozenset[str] = frozenset(),
    ) -> Item:
        weights = OBJECTIVE_WEIGHTS if side == "objective" else PRIORITY_WEIGHTS
        fields = [Field("title", title, weights["title"])]
        if description:
            fields.append(Field("description", description, weights["description"]))
        fields += [Field("sub-themes", text, weights["sub-themes"]) for text in extra if text]
        return cls(key, tuple(fields), side, places)


# A priority is what its title says; its description mostly adds context. An objective's
# description and sub-themes usually list what the objective covers, so they count
# almost as much as its title.
PRIORITY_WEIGHTS = {"title": 1.0, "description": 0.8, "sub-themes": 0.8}
OBJECTIVE_WEIGHTS = {"title": 1.0, "description": 0.85, "sub-themes": 0.85}


class Found(NamedTuple):
    """A theme found in a field, with its weight there (field, position, focus)."""

    hit: ThemeHit
    field: str
    weight: float
    bare: bool = False
    """Read into a bare title from what its words ordinarily cover, not written out."""


NEAR_WORD = 85
"""Two different words this alike (rapidfuzz ratio) count as the same word: 'offending'
and 'reoffending', 'organisation' and 'organisations' after a typo."""
MIN_NEAR = 4
"""Words shorter than this are compared only as they are ('asb', 'cse')."""


class Words:
    """One text's words (stem -> as written), with the nearest of them to any other stem
    kept once found: an objective is explained against every priority of a force area,
    and the same words come back again and again."""

    def __init__(self, surface: dict[str, str]) -> None:
        self.surface = surface
        # Highest stem first, so that among equally near words the choice is the same
        # as max((ratio, stem)) would make.
        self._candidates = sorted((s for s in surface if len(s) >= MIN_NEAR), reverse=True)
        self._nearest: dict[str, str | None] = {}

    def nearest(self, stem_: str) -> str | None:
        """The word of this text at least NEAR_WORD alike to ``stem_``, if any."""
        if stem_ in self._nearest:
            return self._nearest[stem_]
        found = None
        if len(stem_) >= MIN_NEAR and self._candidates:
            best = process.extractOne(
                stem_, self._candidates, scorer=fuzz.ratio, score_cutoff=NEAR_WORD
            )
            found = best[0] if best is not None else None
        self._nearest[stem_] = found
        return found


class Profile(NamedTuple):
    found: tuple[Found, ...]
    strongest: tuple[Found, ...]
    """For each theme found, its strongest finding (of equals, the one nearest the start
    of its field, as explanations break ties): all an explanation needs, since a weaker
    finding of the same theme never makes a link."""
    weights: dict[int, float]
    """Theme index -> its greatest weight anywhere in the item."""
    words: Words
    """Content words (weak words left out), stem -> first surface form."""
    lexical: str
    """The content stems no theme accounts for, sorted and joined: what lexical
    similarity compares. Words a theme knows are scored through the theme, with its
    weight, not a second time as bare words."""
    general: bool
    """No subject theme: a general aim ("Reducing crime", "Working together effectively")."""
    plain_words: Words
    """Every word but function words: the words two general aims share, though all of
    them are 'weak'."""
    coverage: float
    """Share of the text's words (function words aside) that its themes account for: a
    general aim is all umbrella ("Working together effectively"); a text of words the
    vocabulary does not know ("River safety campaigns") is not, whatever umbrella it
    touches."""
    links: dict[tuple[bool, int], tuple[Found, float] | None]
    """Memo of best_link, a new dict for each profile: an objective is explained against
    every priority of its force area, and they ask about the same few themes."""

    def best_link(
        self, theme: int, relation: list[list[float]], general: bool
    ) -> tuple[Found, float] | None:
        """This text's finding that links best to ``theme`` under ``relation`` (the
        general aims' table when ``general``), and how the two themes relate."""
        key = (general, theme)
        if key not in self.links:
            self.links[key] = _best_link(self, theme, relation)
        return self.links[key]


class _FieldReading(NamedTuple):
    """What one field's text contributes to its item's profile."""

    found: tuple[Found, ...]
    plain: tuple[tuple[str, str], ...]
    """(stem, word as written) of every word but function words, first occurrence first."""
    words: tuple[tuple[str, str], ...]
    """The same without weak words."""
    unknown: tuple[tuple[str, str], ...]
    """The same, only words no theme accounts for."""
    meaningful: int
    covered: int


FieldReadings = dict[tuple[object, ...], _FieldReading]
"""Readings of fields already read: partnerships reuse titles and phrases, and a field's
reading depends only on its text, its name and weight, which side it is on, whether it
may be read as a bare title, and which of the area's place names it contains."""


def _read_field(
    item: Item, text_field: Field, vocabulary: Vocabulary, known: FieldReadings
) -> _FieldReading:
    every = vocabulary.normaliser.tokens(text_field.text)
    places = frozenset(t.stem for t in every if t.stem in item.places)
    bare = len(item.fields) == 1 and item.side == "objective"
    key = (text_field.text, text_field.name, text_field.weight, item.side, bare, places)
    reading = known.get(key)
    if reading is None:
        reading = known[key] = _reading(every, places, text_field, vocabulary, item.side, bare)
    return reading


def _reading(
    every: Sequence[Token],
    places: frozenset[str],
    text_field: Field,
    vocabulary: Vocabulary,
    side: str,
    bare: bool,
) -> _FieldReading:
    tokens = [t for t in every if t.stem not in places] if places else list(every)
    hits = vocabulary.find(tokens)
    if bare:
        hits += _bare_reading(hits, tokens, vocabulary)
    found = _weigh(hits, tokens, text_field, vocabulary, side)
    spans = {i for h in hits for i in range(h.start, h.end)}
    # Weak words ('reduce', 'tackle') count towards coverage only inside a theme's words.
    in_themes = {tokens[i].origin for i in spans}
    origins = {
        t.origin
        for t in tokens
        if t.stem not in vocabulary.stop_stems
        and (t.stem not in vocabulary.weak_stems or t.origin in in_themes)
    }
    plain: dict[str, str] = {}
    words: dict[str, str] = {}
    unknown: dict[str, str] = {}
    for i, token in enumerate(tokens):
        if len(token.stem) <= 1 or token.stem in vocabulary.stop_stems:
            continue
        plain.setdefault(token.stem, token.surface)
        if token.stem not in vocabulary.weak_stems:
            words.setdefault(token.stem, token.surface)
            if i not in spans:
                unknown.setdefault(token.stem, token.surface)
    return _FieldReading(
        tuple(found),
        tuple(plain.items()),
        tuple(words.items()),
        tuple(unknown.items()),
        len(origins),
        len(in_themes & origins),
    )


def _best_link(
    profile: Profile, theme: int, relation: list[list[float]]
) -> tuple[Found, float] | None:
    """This text's finding that links best to ``theme`` (the strongest, then the one
    nearest the start of its field), and how the two themes relate."""
    row = relation[theme]
    best: tuple[Found, float] | None = None
    for g in profile.strongest:
        value = row[g.hit.theme]
        if value > 0 and (
            best is None
            or (value * g.weight, -g.hit.start) > (best[1] * best[0].weight, -best[0].hit.start)
        ):
            best = (g, value)
    return best


def build_profile(
    item: Item, vocabulary: Vocabulary, known: FieldReadings | None = None
) -> Profile:
    known = {} if known is None else known
    found_in: list[Found] = []
    words: dict[str, str] = {}
    plain: dict[str, str] = {}
    unknown: dict[str, str] = {}
    meaningful = covered = 0
    for text_field in item.fields:
        reading = _read_field(item, text_field, vocabulary, known)
        found_in += reading.found
        for into, read in ((plain, reading.plain), (words, reading.words)):
            for stem_, surface in read:
                into.setdefault(stem_, surface)
        for stem_, surface in reading.unknown:
            unknown.setdefault(stem_, surface)
        meaningful += reading.meaningful
        covered += reading.covered
    coverage = covered / meaningful if meaningful else 0.0
    found = _without_shorthand(found_in, vocabulary)
    themes = vocabulary.themes
    if item.side == "priority":
        # A priority is about an umbrella only as far as its words are: "River safety
        # campaigns" touches 'safety' but is about something the vocabulary does not know.
        found = [
            f._replace(weight=f.weight * coverage) if themes[f.hit.theme].umbrella else f
            for f in found
        ]
    weights: dict[int, float] = {}
    for f in found:
        weights[f.hit.theme] = max(weights.get(f.hit.theme, 0.0), f.weight)
    general = not any(not themes[t].umbrella and themes[t].focus >= SUBJECT_FOCUS for t in weights)
    strongest: dict[int, Found] = {}
    for f in found:
        kept = strongest.get(f.hit.theme)
        if kept is None or (f.weight, -f.hit.start) > (kept.weight, -kept.hit.start):
            strongest[f.hit.theme] = f
    return Profile(
        tuple(found),
        tuple(strongest.values()),
        weights,
        Words(words),
        " ".join(sorted(unknown)) if len(unknown) >= LEXICAL_WORDS else "",
        general,
        Words(plain),
        coverage,
        {},
    )


def _without_shorthand(found: list[Found], vocabulary: Vocabulary) -> list[Found]:
    """A broader theme named only below a title that names a narrower one is shorthand
    for it: in "Reduce serious violence and knife crime", a later "prevent violence
    before it happens" is still serious violence, not violence of every kind (domestic
    abuse, VAWG). Named in the title itself, the broader theme stands."""
    in_title = {f.hit.theme for f in found if f.field == "title"}
    shorthand = {a for t in in_title for a in vocabulary.ancestors(t)} - in_title
    return [f for f in found if f.hit.theme not in shorthand]


def _bare_reading(
    hits: list[ThemeHit], tokens: list[Token], vocabulary: Vocabulary
) -> list[ThemeHit]:
    """'Protecting People' names no theme in so many words; read 'People' as what it
    ordinarily covers in a plan. Only for a title of a few words with nothing else."""
    meaningful = {t.origin for t in tokens if t.stem not in vocabulary.stop_stems}
    if len(meaningful) > BARE_WORDS:
        return []
    found = {h.theme for h in hits}
    reading: list[ThemeHit] = []
    for i, token in enumerate(tokens):
        for theme in vocabulary.bare.get(token.stem, ()):
            if theme not in found:
                found.add(theme)
                reading.append(ThemeHit(theme, i, i + 1, token.surface, bare=True))
    return reading


def _weigh(
    hits: list[ThemeHit], tokens: list[Token], field: Field, vocabulary: Vocabulary, side: str
) -> list[Found]:
    examples_from = next(
        (i for i, t in enumerate(tokens) if i > 0 and t.stem in _EXAMPLE_MARKERS), len(tokens)
    )
    # Umbrella themes ("crime") don't count: "strengthening communities to cut crime" is
    # about communities.
    # A text of general words alone ("Working together effectively") is all about them.
    top_focus = max(
        (vocabulary.themes[h.theme].focus for h in hits if not vocabulary.themes[h.theme].umbrella),
        default=max((vocabulary.themes[h.theme].focus for h in hits), default=1.0),
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
            # A priority is about its subject: "fraud against vulnerable people" is a fraud
            # priority. An objective lists what it takes in: "protect vulnerable people from
            # exploitation" does take in safeguarding, so its who-themes lose less.
            share = theme.focus / top_focus
            weight *= share if side == "priority" else share**OBJECTIVE_FOCUS
        if hit.bare:
            weight *= BARE_READING
        result.append(Found(hit, field.name, weight, hit.bare))
    return result
