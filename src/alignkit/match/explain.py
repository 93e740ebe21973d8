"""Why a pair scored what it did, in words a community safety officer can check.

An explanation names the theme links behind the score (with the words each side used),
the content words the two texts share, and which fields matched. It quotes the texts as
written; stems never reach a reader.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rapidfuzz import fuzz

from .profile import Found, Profile, Words
from .scoring import LEXICAL_FLOOR, LEXICAL_SCALE, RELATED, Scorer

MAX_LINKS = 3
SHOWN_LINK = 40
"""A theme link weaker than this (0-100) is kept in the detail but left out of the summary."""


class ThemeLink(NamedTuple):
    # Named tuples rather than frozen dataclasses: a force area's JSON report explains
    # every pair, and a frozen dataclass is several times slower to make.
    priority_theme: str
    objective_theme: str
    relation: str
    """same, part-of (the objective's theme contains the priority's), covers (the other
    way), related, or siblings."""
    priority_words: str
    priority_field: str
    objective_words: str
    objective_field: str
    strength: int
    reading: str = ""
    """Set where a side's theme was read into a bare title ('People') rather than written
    out: says which side and which words."""


class Explanation(NamedTuple):
    summary: str
    themes: tuple[ThemeLink, ...]
    terms: tuple[str, ...]
    fields: tuple[str, ...]
    theme_score: int
    word_score: int

    def to_dict(self) -> dict[str, Any]:
        # By hand rather than asdict, which deep-copies: this runs for every pair.
        return {
            "summary": self.summary,
            "themes": [_link_dict(link) for link in self.themes],
            "terms": list(self.terms),
            "fields": list(self.fields),
            "theme_score": self.theme_score,
            "word_score": self.word_score,
        }


_LINK_KEYS = ThemeLink._fields
_LINK_KEYS_UNREAD = _LINK_KEYS[:-1]


def _link_dict(link: ThemeLink) -> dict[str, Any]:
    # The 'reading' key appears only where a bare title was read.
    return dict(zip(_LINK_KEYS if link.reading else _LINK_KEYS_UNREAD, link, strict=False))


def _relation_name(value: float, t: int, u: int, scorer: Scorer) -> str:
    if t == u:
        return "same"
    if u in scorer.ancestors[t]:
        return "part-of"
    if t in scorer.ancestors[u]:
        return "covers"
    return "related" if value >= RELATED else "siblings"


def explain(scorer: Scorer, p: Profile, o: Profile, score: int) -> Explanation:
    """Why the priority read as ``p`` scored ``score`` against the objective read as ``o``."""
    # Written for speed as well as sense: the JSON report explains every pair of a force
    # area (25,600 at 320 partnerships), so the memo look-ups are done here, inline.
    general = p.general and o.general
    relation = scorer.general_relation_rows if general else scorer.relation_rows
    memo = o.links
    candidates = []
    for f in p.strongest:
        key = (general, f.hit.theme)
        best = memo[key] if key in memo else o.best_link(f.hit.theme, relation, general)
        if best is not None:
            g, value = best
            candidates.append((f.weight * value * g.weight, f, g, value))
    links = _links(scorer, candidates) if candidates else []

    terms = _shared_words(p.plain_words, o.plain_words) if general else ()
    terms = terms or _shared_words(p.words, o.words)
    lexical = _word_part(p.lexical, o.lexical) if p.lexical and o.lexical else 0.0
    word_score = scorer.calibration.score(lexical) if lexical else 0
    if not links and not terms:  # most pairs of a force area: nothing in common
        return Explanation(NOTHING, (), (), (), 0, word_score)
    fields: list[str] = []
    theme_score = 0
    for link in links:
        named = f"{link.priority_field} ↔ {link.objective_field}"
        if named not in fields:
            fields.append(named)
        theme_score = max(theme_score, link.strength)
    summary = _summary(links, terms, score)
    if general and summary != NOTHING:
        summary = "both general aims: " + summary
    return Explanation(summary, tuple(links), terms, tuple(fields), theme_score, word_score)


def _links(scorer: Scorer, candidates: list[tuple[float, Found, Found, float]]) -> list[ThemeLink]:
    """The strongest link of each of the priority's themes, strongest first, at most
    MAX_LINKS."""
    themes = scorer.vocabulary.themes
    calibrate = scorer.calibration.score
    candidates.sort(key=lambda c: (-c[0], c[1].hit.start, c[2].hit.start))
    links: list[ThemeLink] = []
    made = scorer.theme_links
    # One candidate per theme of the priority: they come from its strongest findings.
    for strength, f, g, value in candidates:
        # The same finding meets the same objective's finding again whenever partnerships
        # use the same words (a title, a phrase): the link is made once.
        key = (f, g, value)
        link = made.get(key)
        if link is None:
            link = made[key] = ThemeLink(
                themes[f.hit.theme].label,
                themes[g.hit.theme].label,
                _relation_name(value, f.hit.theme, g.hit.theme, scorer),
                f.hit.words,
                f.field,
                g.hit.words,
                g.field,
                calibrate(strength),
                _reading(f, g),
            )
        links.append(link)
        if len(links) == MAX_LINKS:
            break
    return links


def _reading(f: Found, g: Found) -> str:
    if f.bare and g.bare:
        return "both bare titles, read as what their words ordinarily cover"
    if g.bare:
        return f"the objective's bare title '{g.hit.words}' read as what it ordinarily covers"
    if f.bare:
        return f"the priority's bare title '{f.hit.words}' read as what it ordinarily covers"
    return ""


def _word_part(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    ratio = fuzz.token_set_ratio(a, b, score_cutoff=LEXICAL_FLOOR)
    return ratio * LEXICAL_SCALE / 100.0


def _shared_words(ours: Words, theirs: Words) -> tuple[str, ...]:
    shared: list[str] = []
    their_surface = theirs.surface
    nearest = theirs.nearest
    for stem_, surface in ours.surface.items():
        if stem_ in their_surface:
            shared.append(surface)
            continue
        near = nearest(stem_)
        if near is not None:
            shared.append(f"{surface} ~ {their_surface[near]}")
    # 'ASB' is the surface of three stems (anti, social, behaviour): name it once.
    return tuple(dict.fromkeys(shared)) if len(shared) > 1 else tuple(shared)


NOTHING = "no shared theme or words"


def _summary(links: list[ThemeLink], terms: tuple[str, ...], score: int) -> str:
    parts: list[str] = []
    # Only links that could carry a match on their own; weaker ones stay in the detail.
    for link in [link for link in links if link.strength >= SHOWN_LINK][:2]:
        said = f"'{link.priority_words}'"
        their = f"'{link.objective_words}'"
        if link.relation == "same":
            parts.append(f"both about {link.priority_theme} ({said} ↔ {their})")
        elif link.relation == "part-of":
            parts.append(
                f"{said} ({link.priority_theme}) is part of {link.objective_theme} ({their})"
            )
        elif link.relation == "covers":
            parts.append(
                f"{said} ({link.priority_theme}) takes in {their} ({link.objective_theme})"
            )
        else:
            parts.append(f"{said} is {link.relation} to {their} ({link.objective_theme})")
        if link.reading:
            parts[-1] += f", {link.reading}"
    if terms:
        parts.append("shared words: " + ", ".join(terms))
    if not parts:
        return NOTHING
    return "; ".join(parts)
