"""An HTML page read back with a real parser, for tests of the pages alignkit writes.

The base class records every start tag with its attributes and the text, and checks that
tags close in the order they opened; tests that look at more (tables, headings) subclass
it and use the hooks.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TypeVar

VOID = frozenset({"meta", "link", "br", "img", "hr", "input", "col", "source", "wbr"})
SVG_EMPTY = frozenset({"line", "rect", "path", "circle", "polygon"})
"""SVG shapes may close themselves (<rect ... />)."""


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    # Hooks for subclasses: called after the base class has done its part.
    def started(self, tag: str, attributes: dict[str, str | None]) -> None:
        """A start tag was read."""

    def ended(self, tag: str) -> None:
        """An end tag closed the tag that was open."""

    def got_text(self, data: str) -> None:
        """Text between tags was read."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in VOID:
            self.open.append(tag)
        self.started(tag, attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
            return
        self.open.pop()
        self.ended(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.got_text(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


P = TypeVar("P", bound=Page)


def parse(html: str, page: P) -> P:
    """Feed ``html`` to ``page`` and insist that every tag closed in order."""
    page.feed(html)
    page.close()
    assert page.problems == []
    assert page.open == []
    return page
