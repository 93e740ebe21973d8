"""Small pieces both force-wide documents (the summary and the welcome pack) are written with.

Markdown escaping is the check report's own (``render.markdown.escape``), so a title with
`|` or `<script>` is shown as typed in every document alignkit writes. HTML is escaped by
the template engine: autoescape is on, and nothing here marks text as safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import jinja2

from ..render.markdown import escape, table
from ..words import long_date, plural, short_date, template_environment

__all__ = ["html_environment", "link", "listed", "md_table"]


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
    env = template_environment()
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.filters["plural"] = plural
    return env
