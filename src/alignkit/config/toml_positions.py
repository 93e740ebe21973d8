"""Where a key is in a TOML file, so a configuration error can say `file:line:column`.

The standard library's tomllib reads values but keeps no positions. Configuration files
are short and written by hand, so a line scanner that follows `[table]` and
`[[array-of-tables]]` headers and `key = value` lines is enough to find any key the
configuration model can complain about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^(\s*)({_PART}(?:\s*\.\s*{_PART})*)\s*=\s*(\S?)")

Loc = tuple[str | int, ...]
Positions = dict[Loc, tuple[tuple[int, int], tuple[int, int]]]


def _parts(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+", dotted)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def key_positions(text: str) -> Positions:
    """Every table and key path -> ((line, column) of the key, (line, column) of its value).

    Array-of-tables entries are numbered: the second `[[waivers]]` is ("waivers", 1).
    """
    found: Positions = {}
    counts: dict[tuple[str, ...], int] = {}
    table: Loc = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            names = _parts(header.group(2))
            column = line.index(header.group(1)) + 1
            if header.group(1) == "[[":
                index = counts.get(names, 0)
                counts[names] = index + 1
                table = (*names, index)
            else:
                table = names
            found.setdefault(table, ((number, column), (number, column)))
            continue
        key = _KEY.match(line)
        if key and not line.lstrip().startswith("#"):
            path = (*table, *_parts(key.group(2)))
            key_column = len(key.group(1)) + 1
            value_column = key.start(3) + 1 if key.group(3) else key_column
            found.setdefault(path, ((number, key_column), (number, value_column)))
    return found


def locate(positions: Positions, loc: Sequence[str | int], *, key: bool) -> tuple[int, int] | None:
    """The position of ``loc`` (its key, or its value), or of the nearest enclosing table,
    in the ``positions`` that :func:`key_positions` found."""
    for end in range(len(loc), -1, -1):
        hit = positions.get(tuple(loc[:end]))
        if hit is not None:
            at_key, at_value = hit
            return at_key if key or end < len(loc) else at_value
    return None
