"""The pieces every document is written with: Markdown escaping, code spans, headings and
tables, lists in sentences, links, and the HTML template environment.

The check report, the summary and the welcome pack all write Markdown through these, so a
title with `|` or `<script>` is shown as typed in every document alignkit writes. HTML is
escaped by the template engine: autoescape is on, and nothing here marks text as safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .words import long_date, plural, short_date, template_environment

if TYPE_CHECKING:
    import jinja2

__all__ = ["code", "escape", "heading", "html_environment", "link", "listed", "md_table", "table"]


_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
"""Characters that start Markdown formatting, links, HTML, strikethrough, maths or cells."""

_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
"""An ampersand that would start an HTML entity such as `&amp;` (others are left alone)."""


def escape(text: str) -> str:
    """User text, on one line, shown exactly as typed wherever inline Markdown is allowed."""
    one_line = " ".join(text.split())
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", one_line))


def heading(text: str) -> str:
    """User text for a Markdown heading: escaped, and a trailing '#' kept as text (it would
    be read as the heading's closing sequence)."""
    return escape(text).replace("#", r"\#")


def code(text: str) -> str:
    """An inline code span that holds any text, backticks included."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(header: Sequence[str], align: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured table; every cell must already be escaped (a `|` would split it)."""
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C': how a sentence lists things."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def link(url: str) -> str:
    """A web address as an autolink when it can be one, else as escaped text."""
    if re.fullmatch(r"https?://[^\s<>`]+", url):
        return f"<{url}>"
    return escape(url)


def md_table(
    header: Sequence[str], align: Sequence[str], rows: Iterable[Sequence[str]]
) -> list[str]:
    """A table whose empty cells stay visible as cells."""
    return table(header, align, ([cell or " " for cell in row] for row in rows))


def html_environment() -> jinja2.Environment:
    """The template environment of the force-wide pages, with the date and count filters."""
    env = template_environment()
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.filters["plural"] = plural
    env.filters["email"] = breakable_email
    return env


def breakable_email(address: str) -> str:
    """An email address, escaped, that may break after its '@' and dots but never inside a
    word: a narrow column or a printed contact card then wraps it where a reader expects."""
    import markupsafe

    parts = re.split(r"(?<=[@.])", address)
    return markupsafe.Markup("<wbr>").join(markupsafe.escape(part) for part in parts)
