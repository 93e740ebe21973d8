"""Text to comparable tokens: what two plans written by different people share.

Plans say the same thing in different forms ("Anti-Social Behaviour", "antisocial
behavior", "ASB"), so everything compared is first folded the same way: acronyms expanded,
case and punctuation dropped, American spellings made British, and plurals and simple
inflections cut back to a shared stem. The stems are never shown to a reader; explanations
quote the words as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

_WORD = re.compile(r"[a-z0-9]+")
# A word as written: letters and digits, joined by hyphens or apostrophes ("Anti-Social",
# "Victims'"), or an ampersand.
_RAW_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*'?|&")

# "Prevent" with a capital in the middle of a text is the counter-radicalisation duty, not
# the verb ("Embed Prevent in mainstream work"; a priority titled just "Prevent").
_PREVENT_PROGRAMME = re.compile(r"(?<=[a-z,] )Prevent\b|^\s*Prevent\s*$")

_RE_PREFIX = re.compile(r"\bre-(?=[a-z])")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "‐": "-"})


class Token(NamedTuple):
    """One word of a text: its stem for matching and its surface form for explanations.

    A named tuple, as are the theme hits and findings made from tokens: every text of a
    force area is read into them, and a frozen dataclass is several times slower to make.
    """

    stem: str
    surface: str
    """The word as written in the text, e.g. 'ASB' for each word of its expansion."""
    origin: int
    """Which written word this came from: one written word may give several tokens."""


def stem(word: str) -> str:
    """Fold plurals and simple inflections so 'offences', 'offence' and 'offending' meet.

    Deliberately light (no dictionary): both sides of every comparison and every
    vocabulary term go through the same function, so consistency matters more than
    linguistic accuracy.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
            word = word[:-1]
    elif word.endswith("ed") and len(word) > 5:
        word = word[:-2]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
            word = word[:-1]
    elif word.endswith("er") and len(word) > 5:
        # Who does a thing meets the doing: 'drivers' and 'driving', 'offender' and
        # 'offending'.
        word = word[:-2]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


class Normaliser:
    """Folds text the way the vocabulary says: its acronyms and spellings."""

    def __init__(
        self,
        acronyms: Mapping[str, str],
        any_case: frozenset[str],
        spellings: Mapping[str, str],
    ) -> None:
        # Kept as given (spellings folded to lower case), for the compiled vocabulary.
        self.acronyms = dict(acronyms)
        self.any_case = any_case
        self.spellings = {k.lower(): v.lower() for k, v in spellings.items()}
        self._any_case = {a.lower(): e for a, e in acronyms.items() if a.lower() in any_case}
        # Written word -> its stems. Plans reuse their words, and a national run reads
        # thousands of texts; the answer for a word never changes, so keep it.
        self._stems_of: dict[str, tuple[str, ...]] = {}
        self._tokens_of: dict[str, tuple[Token, ...]] = {}

    def _acronym(self, word: str) -> str | None:
        if word in self.acronyms:
            return self.acronyms[word]
        return self._any_case.get(word.lower())

    def tokens(self, text: str) -> tuple[Token, ...]:
        """The words of ``text`` with their stems; each keeps the word as written.

        "Tackling ASB" gives tackl/Tackling, anti/ASB, social/ASB, behaviour/ASB: matching
        sees the expansion, explanations quote "ASB". Kept per text: partnerships use the
        same titles ("Anti-social behaviour") again and again.
        """
        known = self._tokens_of.get(text)
        if known is None:
            known = self._tokens_of[text] = tuple(self._read(text))
        return known

    def _read(self, text: str) -> list[Token]:
        text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
        text = _PREVENT_PROGRAMME.sub("Prevent programme", text)
        result: list[Token] = []
        for origin, match in enumerate(_RAW_WORD.finditer(text)):
            written = match.group(0)
            if written == "&":
                result.append(Token("and", "&", origin))
                continue
            stems = self._stems_of.get(written)
            if stems is None:
                stems = self._stems_of[written] = self._word_stems(written)
            result += [Token(s, written, origin) for s in stems]
        return result

    def _word_stems(self, written: str) -> tuple[str, ...]:
        word = written.rstrip("'")
        if word.endswith("'s"):
            word = word[:-2]
        expansion = self._acronym(word)
        lowered = (expansion or word).lower()
        lowered = _RE_PREFIX.sub("re", lowered)  # "re-offending" is "reoffending"
        folded = self.spellings.get(lowered.replace("'", ""), lowered)
        stems: list[str] = []
        for part in _WORD.findall(folded):
            part = self.spellings.get(part, part)
            stems += [stem(p) for p in part.split()]
        return tuple(stems)

    def stems(self, text: str) -> tuple[str, ...]:
        return tuple(t.stem for t in self.tokens(text))
