"""Small pieces both force-wide documents (the summary and the welcome pack) are written with.

Markdown escaping is the check report's own (``render.markdown.escape``), so a title with
`|` or `<script>` is shown as typed in every document alignkit writes. HTML is escaped by
the template engine: autoescape is on, and nothing here marks text as safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import jinja2

from ..render.markdown import escape
from ..words import long_date, plural, short_date, template_environment

__all__ = [
    "code",
    "escape",
    "heading",
    "html_environment",
    "link",
    "listed",
    "long_date",
    "md_table",
    "plural",
    "short_date",
]


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C': how a sentence lists things."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def heading(text: str) -> str:
    """User text for a Markdown heading: escaped, and a trailing '#' kept as text."""
    return escape(text).replace("#", r"\#")


def code(text: str) -> str:
    """An inline code span that holds any text, backticks included."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def link(url: str) -> str:
    """A web address as an autolink when it can be one, else as escaped text."""
    if re.fullmatch(r"https?://[^\s<>`]+", url):
        return f"<{url}>"
    return escape(url)


def md_table(
    header: Sequence[str], align: Sequence[str], rows: Iterable[Sequence[str]]
) -> list[str]:
    """A GitHub-flavoured table; every cell must already be escaped (a `|` would split it)."""
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def html_environment() -> jinja2.Environment:
    env = template_environment()
    env.filters["long_date"] = long_date
    env.filters["short_date"] = short_date
    env.filters["plural"] = plural
    return env
