"""The community-safety vocabulary: themes, their words and how they nest.

The vocabulary is data (``alignkit/data/vocabulary.yaml``), not code, so a partnership can
teach alignkit its own words with a file of the same shape without touching Python. Such
files are read and checked in vocabulary_file.py (a mistake in one is reported at its line
and column, never as a traceback); this module compiles them into lookup tables for the
scorer.

The shipped vocabulary alone is what most checks use, and it also ships compiled
(vocabulary_twin.py), so most checks never compile it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from ..values import Value
from .normalise import Normaliser, Token, stem

if TYPE_CHECKING:
    from .vocabulary_file import VocabularyFile


class VocabularyError(Exception):
    """A vocabulary file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class Theme(Value):
    """One theme of the compiled vocabulary: its place (``index``), names, and links.

    A Value (values.py), not a named tuple, whose own ``index`` method its field would
    hide."""

    __slots__ = ("broader", "focus", "id", "index", "label", "related", "umbrella")
    FIELDS: ClassVar[tuple[str, ...]] = (
        "index",
        "id",
        "label",
        "umbrella",
        "focus",
        "broader",
        "related",
    )

    def __init__(
        self,
        index: int,
        id: str,
        label: str,
        umbrella: bool,
        focus: float,
        broader: tuple[int, ...],
        related: tuple[int, ...],
    ) -> None:
        self.index = index
        self.id = id
        self.label = label
        self.umbrella = umbrella
        self.focus = focus
        self.broader = broader
        self.related = related

    def __repr__(self) -> str:
        return f"Theme({self.index}, {self.id!r})"


class ThemeHit(NamedTuple):
    """A theme recognised in a text, and the words it was recognised by."""

    theme: int
    start: int
    end: int
    words: str
    bare: bool = False
    """Read into a bare title, not written out (see ``bare_titles``)."""


class Vocabulary:
    """The compiled vocabulary: its themes, how texts are folded, and its terms by first
    stem. A plain class rather than a dataclass: it is made once a run, compared by
    identity, and keeps two memos of its own."""

    __slots__ = (
        "_ancestors",
        "_hits",
        "bare",
        "normaliser",
        "stop_stems",
        "terms",
        "themes",
        "weak_stems",
    )

    def __init__(
        self,
        themes: tuple[Theme, ...],
        normaliser: Normaliser,
        weak_stems: frozenset[str],
        stop_stems: frozenset[str],
        bare: dict[str, tuple[int, ...]],
        terms: dict[str, tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]],
    ) -> None:
        self.themes = themes
        self.normaliser = normaliser
        self.weak_stems = weak_stems
        self.stop_stems = stop_stems
        self.bare = bare
        """Stem of a word -> the themes a bare title made of it is read as."""
        self.terms = terms
        """First stem -> (term stems, theme indices), longest term first."""
        self._ancestors: dict[int, dict[int, int]] = {}
        self._hits: dict[tuple[Token, ...], tuple[ThemeHit, ...]] = {}

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def find(self, tokens: Sequence[Token]) -> list[ThemeHit]:
        """Themes in ``tokens``, longest phrase first so 'domestic violence' is not read
        as 'violence'; each word counts towards one phrase only. Kept per text, as the
        tokens are (a new list each time: callers add to it)."""
        key = tuple(tokens)
        known = self._hits.get(key)
        if known is None:
            known = self._hits[key] = tuple(self._find(key))
        return list(known)

    def _find(self, tokens: tuple[Token, ...]) -> list[ThemeHit]:
        hits: list[ThemeHit] = []
        stems_of = tuple(t.stem for t in tokens)
        terms = self.terms
        i = 0
        while i < len(tokens):
            matched = False
            for stems, themes in terms.get(stems_of[i], ()):
                end = i + len(stems)
                if stems_of[i:end] == stems:
                    if _negated(tokens, i):
                        break  # the negated word only: "non-domestic violence" is violence
                    words = _as_written(tokens[i:end])
                    hits += [ThemeHit(theme, i, end, words) for theme in themes]
                    i = end
                    matched = True
                    break
            if not matched:
                i += 1
        return hits

    def ancestors(self, index: int) -> dict[int, int]:
        """Every broader theme of ``index`` with its distance (1 = direct parent); worked
        out once per theme (every text's reading asks)."""
        known = self._ancestors.get(index)
        if known is None:
            known = self._ancestors[index] = self._find_ancestors(index)
        return known

    def _find_ancestors(self, index: int) -> dict[int, int]:
        found: dict[int, int] = {}
        queue = deque((parent, 1) for parent in self.themes[index].broader)
        while queue:
            theme, distance = queue.popleft()
            if theme in found:
                continue
            found[theme] = distance
            queue.extend((parent, distance + 1) for parent in self.themes[theme].broader)
        return found


def _negated(tokens: Sequence[Token], start: int) -> bool:
    """'non-domestic violence' is not domestic abuse: a term written with 'non-' joined to
    its first word says what the text is not about."""
    if start == 0:
        return False
    before, first = tokens[start - 1], tokens[start]
    return before.stem == "non" and before.origin == first.origin


def _as_written(tokens: Sequence[Token]) -> str:
    words: dict[int, str] = {}
    for token in tokens:
        words.setdefault(token.origin, token.surface)
    return " ".join(words.values())


def load_vocabulary(extra: Iterable[Path] = ()) -> Vocabulary:
    """The built-in vocabulary, extended by each file in ``extra`` in turn.

    A theme in an extra file with an id the vocabulary already has adds to it (more
    terms, more broader or related themes); a new id adds a theme, which then needs a
    label and at least one term.
    """
    from .vocabulary_twin import compiled_builtin

    extra = list(extra)
    if not extra and (compiled := compiled_builtin()) is not None:
        return compiled
    from .vocabulary_file import builtin_vocabulary_file, read_vocabulary_file

    files = [builtin_vocabulary_file()]
    files += [read_vocabulary_file(path) for path in extra]
    return compile_vocabulary(files)


def compile_vocabulary(files: Sequence[VocabularyFile]) -> Vocabulary:
    acronyms: dict[str, str] = {}
    any_case: set[str] = set()
    spellings: dict[str, str] = {}
    weak: set[str] = set()
    stop: set[str] = set()
    bare_titles: dict[str, list[str]] = {}
    merged: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for file in files:
        acronyms.update(file.acronyms)
        any_case.update(a.lower() for a in file.any_case)
        spellings.update(file.spellings)
        weak.update(file.weak_words)
        stop.update(file.stop_words)
        for word, theme_ids in file.bare_titles.items():
            into_bare = bare_titles.setdefault(word, [])
            into_bare += [t for t in theme_ids if t not in into_bare]
        for entry in file.themes:
            into = merged.setdefault(
                entry.id,
                {
                    "label": None,
                    "broader": [],
                    "related": [],
                    "umbrella": False,
                    "focus": 1.0,
                    "terms": [],
                },
            )
            for key in ("label", "umbrella", "focus"):
                if getattr(entry, key) is not None:
                    into[key] = getattr(entry, key)
            for key in ("broader", "related", "terms"):
                into[key] += [v for v in getattr(entry, key) if v not in into[key]]

    ids = list(merged)
    index = {theme_id: i for i, theme_id in enumerate(ids)}
    for theme_id, spec in merged.items():
        if spec["label"] is None:
            problems.append(f"theme '{theme_id}': a new theme needs a label")
        if not spec["terms"]:
            problems.append(f"theme '{theme_id}': a theme needs at least one term")
        for key in ("broader", "related"):
            for other in spec[key]:
                if other not in index:
                    problems.append(f"theme '{theme_id}': {key} names unknown theme '{other}'")
                elif other == theme_id:
                    problems.append(f"theme '{theme_id}': {key} names the theme itself")
    for word, theme_ids in bare_titles.items():
        problems += [
            f"bare title '{word}': names unknown theme '{t}'" for t in theme_ids if t not in index
        ]
    if problems:
        raise VocabularyError(problems)

    themes = tuple(
        Theme(
            index=i,
            id=theme_id,
            label=str(merged[theme_id]["label"]),
            umbrella=bool(merged[theme_id]["umbrella"]),
            focus=float(merged[theme_id]["focus"]),
            broader=tuple(index[b] for b in merged[theme_id]["broader"]),
            related=tuple(index[r] for r in merged[theme_id]["related"]),
        )
        for i, theme_id in enumerate(ids)
    )
    _check_no_cycles(themes)

    normaliser = Normaliser(acronyms, frozenset(any_case), spellings)
    by_stems: dict[tuple[str, ...], list[int]] = {}
    for theme_id, spec in merged.items():
        for term in spec["terms"]:
            stems = normaliser.stems(str(term))
            if not stems:
                problems.append(f"theme '{theme_id}': term {term!r} has no words")
                continue
            owners = by_stems.setdefault(stems, [])
            if index[theme_id] not in owners:
                owners.append(index[theme_id])
    if problems:
        raise VocabularyError(problems)
    grouped: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}
    for stems, owners in by_stems.items():
        grouped.setdefault(stems[0], []).append((stems, tuple(owners)))
    terms = {
        first: tuple(sorted(entries, key=lambda e: (-len(e[0]), e[0])))
        for first, entries in grouped.items()
    }
    weak_stems = frozenset(stem(w.lower()) for w in weak)
    stop_stems = frozenset(stem(w.lower()) for w in stop)
    bare = {
        normaliser.stems(word)[0]: tuple(index[t] for t in theme_ids)
        for word, theme_ids in bare_titles.items()
        if normaliser.stems(word)
    }
    return Vocabulary(themes, normaliser, weak_stems, stop_stems, bare, terms)


def _check_no_cycles(themes: Sequence[Theme]) -> None:
    state: dict[int, int] = {}  # 1 visiting, 2 done

    def visit(i: int, trail: list[str]) -> None:
        if state.get(i) == 2:
            return
        if state.get(i) == 1:
            raise VocabularyError(
                [f"themes are broader than each other in a loop: {' -> '.join(trail)}"]
            )
        state[i] = 1
        for parent in themes[i].broader:
            visit(parent, [*trail, themes[parent].id])
        state[i] = 2

    for theme in themes:
        visit(theme.index, [theme.id])
