"""Turn YAML text into plain Python values, remembering where every node came from.

PyYAML's own constructors are not used: they turn `no` into False and `2025-04-01` into a
date inside text fields, silently keep the last of two duplicate keys, and expand alias
bombs. Instead we read the event stream (from libyaml when available, for speed) and
build values ourselves: every scalar stays the text the officer wrote (pydantic then
converts it only where the model asks for a date or a yes/no), and limits are checked as
we go.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

from ..codes import hint_for
from ..diagnostics import Diagnostic, Position, Severity
from ..errors import AlignkitError
from .limits import Limits

PathKey = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    {None, "!"} | {_CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq")}
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

try:  # libyaml parses several times faster; the pure-Python parser is the fallback.
    _EventLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _EventLoader = yaml.SafeLoader


class NodeLocation(NamedTuple):
    """Where a value sits: its key (for mapping entries) and the value itself."""

    value: Position
    key: Position | None = None


class Composed(NamedTuple):
    data: Any
    locations: dict[PathKey, NodeLocation]
    diagnostics: list[Diagnostic]


class ComposeError(AlignkitError):
    """A problem after which the rest of the file cannot be read reliably."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class _Composer:
    def __init__(self, next_event: Any, shown: str, limits: Limits) -> None:
        # The parser's own get_event, called directly: a document has thousands of events
        # and yaml.parse adds a generator step to each.
        self._next = next_event
        self._shown = shown
        self._limits = limits
        self._anchors: dict[str, tuple[Any, int]] = {}
        self._aliases = 0
        self._nodes = 0
        self.locations: dict[PathKey, NodeLocation] = {}
        self.diagnostics: list[Diagnostic] = []

    # -- helpers -------------------------------------------------------------
    def _fail(self, code: str, message: str, mark: Any, hint: str | None = None) -> ComposeError:
        return ComposeError(
            Diagnostic(
                code, Severity.ERROR, message, self._shown, _pos(mark), hint or hint_for(code)
            )
        )

    def _count(self, size: int, mark: Any) -> None:
        self._nodes += size
        if self._nodes > self._limits.max_nodes:
            raise self._fail(
                "AK009",
                f"the document expands to more than {self._limits.max_nodes:,} values",
                mark,
            )

    def _check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
            raise self._fail("AK011", f"tag '{shown}' is not allowed", event.start_mark)

    def _remember(self, event: Any, value: Any, size: int) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._anchors[anchor] = (value, size)

    # -- composition ---------------------------------------------------------
    def document(self) -> Any:
        event = self._next()  # StreamStart
        event = self._next()
        if isinstance(event, yaml.StreamEndEvent):
            return _EMPTY
        if not isinstance(event, yaml.DocumentStartEvent):  # pragma: no cover - parser guarantees
            raise self._fail("AK006", "unexpected YAML structure", event.start_mark)
        value, _ = self._node(self._next(), (), 1)
        self._next()  # DocumentEnd
        following = self._next()
        if isinstance(following, yaml.DocumentStartEvent):
            raise self._fail(
                "AK012", "a second YAML document starts here ('---')", following.start_mark
            )
        return value

    def _node(self, event: Any, path: PathKey, depth: int, placed: bool = False) -> tuple[Any, int]:
        """The value ``event`` starts, and how many values it expands to. ``placed``: its
        location is already recorded (a mapping records its values' with their keys)."""
        if depth > self._limits.max_depth:
            raise self._fail(
                "AK010", f"nesting is deeper than {self._limits.max_depth} levels", event.start_mark
            )
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > self._limits.max_aliases:
                raise self._fail(
                    "AK009", f"more than {self._limits.max_aliases} aliases", event.start_mark
                )
            if event.anchor not in self._anchors:
                # Usually not an alias at all: text that starts with '*' (a footnote mark).
                raise self._fail(
                    "AK006",
                    f"unknown alias '*{event.anchor}'",
                    event.start_mark,
                    "'*' starts an alias in YAML; put text starting with '*' in quotes",
                )
            anchored, size = self._anchors[event.anchor]
            self._count(size, event.start_mark)
            if not placed:
                self._place(path, event.start_mark)
            return anchored, size
        self._check_tag(event)
        if not placed:
            self._place(path, event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            self._count(1, event.start_mark)
            value: Any = event.value
            if event.tag == _CORE + "null" or (_plain(event) and value in _NULLS):
                value = None
            self._remember(event, value, 1)
            return value, 1
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(event, path, depth)
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(event, path, depth)
        raise self._fail(  # pragma: no cover - parser guarantees a node here
            "AK006", "unexpected YAML structure", event.start_mark
        )

    def _place(self, path: PathKey, mark: Any) -> None:
        previous = self.locations.get(path)
        key = previous.key if previous else None
        self.locations[path] = NodeLocation(value=_pos(mark), key=key)

    def _sequence(self, start: Any, path: PathKey, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        size = 1
        self._count(1, start.start_mark)
        while not isinstance(event := self._next(), yaml.SequenceEndEvent):
            item_path = (*path, len(items))
            value = self._plain_scalar(event, depth)
            if value is _NOT_PLAIN:
                value, child = self._node(event, item_path, depth + 1)
            else:
                self._place(item_path, event.start_mark)
                child = 1
            items.append(value)
            size += child
        self._remember(start, items, size)
        return items, size

    def _mapping(self, start: Any, path: PathKey, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        size = 1
        self._count(1, start.start_mark)
        while not isinstance(key_event := self._next(), yaml.MappingEndEvent):
            key = self._key(key_event)
            child_path = (*path, key)
            value_event = self._next()
            if key in result:
                first = self.locations[child_path].key
                where = f" (first at line {first.line})" if first else ""
                self.diagnostics.append(
                    Diagnostic(
                        "AK008",
                        Severity.ERROR,
                        f"duplicate key '{key}'{where}",
                        self._shown,
                        _pos(key_event.start_mark),
                        hint_for("AK008"),
                    )
                )
                # Read the duplicate's value (to keep the stream in step) but keep the first.
                saved = dict(self.locations)
                self._node(value_event, ("<duplicate>",), depth + 1)
                self.locations = saved
                continue
            self.locations[child_path] = NodeLocation(
                value=_pos(value_event.start_mark), key=_pos(key_event.start_mark)
            )
            value = self._plain_scalar(value_event, depth)
            if value is _NOT_PLAIN:
                value, child = self._node(value_event, child_path, depth + 1, placed=True)
            else:
                child = 1
            result[key] = value
            size += child
        self._remember(start, result, size)
        return result, size

    def _plain_scalar(self, event: Any, depth: int) -> Any:
        """The value of an untagged, unanchored scalar one level below ``depth``, counted,
        or _NOT_PLAIN for anything else (and for a scalar over a limit, which _node
        then reports). Most values of a document are such scalars: this is what _node
        would give them, without its checks for tags, aliases and anchors (a quarter of
        reading a document). tests/test_load_properties.py holds the two to the same."""
        if (
            not _FAST_SCALARS
            or type(event) is not yaml.ScalarEvent
            or event.tag is not None
            or event.anchor is not None
            or depth >= self._limits.max_depth
            or self._nodes >= self._limits.max_nodes
        ):
            return _NOT_PLAIN
        self._nodes += 1
        value = event.value
        return None if not event.style and value in _NULLS else value

    def _key(self, event: Any) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            raise self._fail("AK014", "a key must be plain text", event.start_mark)
        if event.value == "<<" and _plain(event):
            raise self._fail("AK011", "merge keys ('<<') are not supported", event.start_mark)
        self._check_tag(event)
        return str(event.value)


_EMPTY = object()
_NOT_PLAIN = object()
_FAST_SCALARS = True
"""Off only in a test that reads the same text both ways."""


def _plain(event: Any) -> bool:
    """An untagged, unquoted scalar (libyaml reports the plain style as '', PyYAML as None)."""
    return not event.style and event.tag is None


def compose(text: str, shown: str, limits: Limits) -> Composed:
    """Parse ``text`` into values and locations; raise ComposeError on a fatal problem."""
    loader = None
    try:
        loader = _EventLoader(text)
        composer = _Composer(loader.get_event, shown, limits)
        data = composer.document()
    except yaml.MarkedYAMLError as exc:
        raise ComposeError(_syntax_diagnostic(exc, text, shown)) from None
    except yaml.YAMLError as exc:  # ReaderError and other unmarked errors
        raise ComposeError(
            Diagnostic(
                "AK006",
                Severity.ERROR,
                f"YAML cannot be read: {exc}",
                shown,
                None,
                hint_for("AK006"),
            )
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is _EMPTY:
        raise ComposeError(
            Diagnostic(
                "AK005",
                Severity.ERROR,
                "the file holds no YAML document",
                shown,
                None,
                hint_for("AK005"),
            )
        )
    return Composed(data, composer.locations, composer.diagnostics)


# PyYAML's wording is written for YAML experts; these say what usually went wrong.
_SYNTAX_HINTS = [
    (
        "mapping values are not allowed",
        "a ':' appears inside unquoted text, or a line is "
        "indented too far; put text containing ': ' in quotes",
    ),
    (
        "could not find expected ':'",
        "a line is missing its ':' after the key, or a multi-line "
        "text is not indented under its key",
    ),
    ("did not find expected key", "this line is indented differently from the keys around it"),
    ("did not find expected '-' indicator", "list items ('- ') must line up with each other"),
    ("expected <block end>", "this line is indented differently from the lines around it"),
    ("found unexpected end of stream", "a quote or bracket is opened but never closed"),
    ("while scanning a quoted scalar", "a quote is opened but never closed"),
    ("found undefined alias", "'*' starts an alias in YAML; put text starting with '*' in quotes"),
    ("found character '@'", "text cannot start with '@' or '`' unless it is in quotes"),
    ("found character '`'", "text cannot start with '@' or '`' unless it is in quotes"),
    ("while parsing a flow", "a '[' or '{' is not closed, or text inside it needs quotes"),
]


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    position = _pos(mark) if mark is not None else None
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    tab = _first_indent_tab(text)
    if tab is not None and position is not None and tab.line in (position.line, position.line - 1):
        return Diagnostic(
            "AK007",
            Severity.ERROR,
            "tab character used for indentation",
            shown,
            tab or position,
            hint_for("AK007"),
        )
    context = f" ({exc.context})" if exc.context and exc.problem else ""
    hint = _specific_hint(exc, text, position) or next(
        (h for needle, h in _SYNTAX_HINTS if needle in f"{exc.context} {problem}"),
        hint_for("AK006"),
    )
    opened = exc.context_mark
    if exc.context == "while scanning a quoted scalar" and opened is not None:
        # The error is found where the file ends; the mistake is where the quote opened.
        problem = f"a quote opened on line {opened.line + 1} is never closed"
        context = ""
    return Diagnostic(
        "AK006", Severity.ERROR, f"YAML syntax error: {problem}{context}", shown, position, hint
    )


_QUOTED_THEN_TEXT = re.compile(r"""^\s*(?:- )?[^:#]+:\s+(["'])[^"']*\1\s*[^\s#]""")


def _specific_hint(exc: yaml.MarkedYAMLError, text: str, position: Position | None) -> str | None:
    """Hints that need the text itself: libyaml does not always name the character."""
    if position is None:
        return None
    lines = text.splitlines()
    line = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    char = line[position.column - 1 : position.column]
    if "cannot start any token" in str(exc.problem) and char in "@`":
        return "text cannot start with '@' or '`' unless it is in quotes"
    if _QUOTED_THEN_TEXT.match(line):
        return (
            "the text starts with a quoted part and goes on after the closing quote; put the "
            "whole text in quotes, e.g. description: '\"Safer\" streets for all'"
        )
    return None


def _first_indent_tab(text: str) -> Position | None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return Position(number, indent.index("\t") + 1)
    return None
