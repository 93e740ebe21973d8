"""The shipped vocabulary, compiled ahead of time.

Most checks use the shipped vocabulary alone, and compiling it (every term folded and
stemmed, the files validated) was a tenth of a small check's time. So it ships compiled
too, as ``data/vocabulary.json`` (written by `make data`), which is used only while it
names the SHA-256 of exactly the YAML and the code it was compiled from and is read by:
an edited YAML, a changed stemmer or a twin that cannot be read all mean compiling the
YAML as before, slower but never stale. A test holds the committed twin up to date.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from ..load.package_data import package_bytes, read_package_text, write_package_text
from . import normalise, vocabulary
from .normalise import Normaliser
from .vocabulary import Theme, Vocabulary, compile_vocabulary

BUILTIN = "vocabulary.yaml"
COMPILED = "vocabulary.json"


def compiled_builtin() -> Vocabulary | None:
    """The shipped vocabulary from its compiled twin, or None when the twin was not made
    from exactly the YAML and the code there are now (or cannot be read)."""
    key = twin_key()
    try:
        twin = json.loads(read_package_text(COMPILED))
        if key is None or not isinstance(twin, dict) or twin.get("source_sha256") != key:
            return None
        return vocabulary_from_data(twin["vocabulary"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def twin_key() -> str | None:
    """The SHA-256 of what the compiled twin is made from: the YAML, and the modules whose
    code turns it into tables and back (the compiler, the normaliser's stemmer, this
    one). None when one cannot be read (e.g. a bundle without sources): then the YAML
    is compiled."""
    digest = hashlib.sha256()
    try:
        digest.update(package_bytes(BUILTIN))
        for module in (vocabulary.__file__, normalise.__file__, __file__):
            digest.update(b"\0" + Path(str(module)).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def twin_text() -> str:
    """The compiled twin, as `make data` writes it (compiled from the YAML, never from an
    older twin)."""
    from .vocabulary_file import builtin_vocabulary_file

    data = vocabulary_data(compile_vocabulary([builtin_vocabulary_file()]))
    lines = ["{", f' "source_sha256": {json.dumps(twin_key())},', ' "vocabulary": {']
    # A line per theme, acronym or term: diffs of the committed file stay readable.
    for n, (key, value) in enumerate(data.items()):
        items = list(value.items()) if isinstance(value, dict) else list(value)
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        lines.append(f"  {json.dumps(key)}: {opening}")
        lines += [
            "   " + _compact(item) + ("," if i < len(items) - 1 else "")
            for i, item in enumerate(items)
        ]
        lines.append(f"  {closing}" + ("," if n < len(data) - 1 else ""))
    return "\n".join([*lines, " }", "}", ""])


def _compact(item: Any) -> str:
    if isinstance(item, tuple):  # a mapping's (key, value)
        return f"{json.dumps(item[0], ensure_ascii=False)}: {_compact(item[1])}"
    return json.dumps(item, ensure_ascii=False, separators=(", ", ": "))


def vocabulary_data(vocabulary: Vocabulary) -> dict[str, Any]:
    """A compiled vocabulary as JSON data (lists for tuples; key order kept)."""
    normaliser = vocabulary.normaliser
    return {
        "themes": [
            [t.id, t.label, t.umbrella, t.focus, list(t.broader), list(t.related)]
            for t in vocabulary.themes
        ],
        "acronyms": normaliser.acronyms,
        "any_case": sorted(normaliser.any_case),
        "spellings": normaliser.spellings,
        "weak_stems": sorted(vocabulary.weak_stems),
        "stop_stems": sorted(vocabulary.stop_stems),
        "bare": {word: list(themes) for word, themes in vocabulary.bare.items()},
        "terms": {
            first: [[list(stems), list(owners)] for stems, owners in entries]
            for first, entries in vocabulary.terms.items()
        },
    }


def vocabulary_from_data(data: dict[str, Any]) -> Vocabulary:
    """The vocabulary ``vocabulary_data`` wrote."""
    themes = tuple(
        Theme(i, theme_id, label, umbrella, focus, tuple(broader), tuple(related))
        for i, (theme_id, label, umbrella, focus, broader, related) in enumerate(data["themes"])
    )
    normaliser = Normaliser(data["acronyms"], frozenset(data["any_case"]), data["spellings"])
    return Vocabulary(
        themes,
        normaliser,
        frozenset(data["weak_stems"]),
        frozenset(data["stop_stems"]),
        {word: tuple(owners) for word, owners in data["bare"].items()},
        {
            first: tuple((tuple(stems), tuple(owners)) for stems, owners in entries)
            for first, entries in data["terms"].items()
        },
    )


def main() -> int:
    """Write the compiled twin beside the YAML (`make data`)."""
    write_package_text(COMPILED, twin_text())
    print(f"wrote {COMPILED}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
