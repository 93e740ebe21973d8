"""Words every output shares: dates as plans write them, counts, and the page templates.

Dates are spelt out here rather than with strftime, so no locale setting can change a
report: the same inputs give the same bytes on every machine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


STATE_SYMBOL = {
    "addressed": "✔",
    "partial": "~",
    "considered": "✎",
    "gap": "✘",
    "policing-only": "·",
}
"""How one CSP stands to one objective, as a symbol in the matrices of every report."""

STATE_WORD = {
    "addressed": "addressed",
    "partial": "partly addressed",
    "considered": "considered",
    "gap": "unexplained gap",
    "policing-only": "policing only",
}
"""Every state is a word as well as a symbol: never colour alone."""

STATUS_SYMBOL = {"aligned": "✔", "partial": "~", "none": "–"}
"""How well one priority and one objective match, as a symbol."""

TIER_WORDS = {
    "district": "district",
    "unitary": "unitary",
    "county": "county strategy group",
    "london-borough": "London borough",
    "welsh": "Welsh local authority",
    "merged": "merged partnership",
}
"""How each tier reads in a sentence ('3 district, 1 county strategy group')."""

STATUS_WORDS = {
    "held": "held",
    "in-force": "in force",
    "announced": "announced",
    "announced-subject-to-legislation": "announced, subject to legislation",
    "uncertain": "uncertain",
    "recorded-locally": "recorded locally",
}
"""How sure a governance date is, in words shown beside every date that is not settled."""


@dataclass(frozen=True)
class BodyWords:
    """How every output names the body that issues the plan, by its kind.

    No "commissioner", "OPCC" or "PCC election" where the body is a mayor or a board.
    """

    office: str
    """The office in full: 'Police and Crime Commissioner', 'Policing and Crime Board'."""
    short: str
    """A short label for narrow places: 'PCC', 'Mayor', 'Board'."""
    noun: str
    """The body in a sentence: 'the commissioner', 'the mayor', 'the board'."""
    staff: str
    """Who to contact in its office: 'OPCC contact', "Mayor's office contact"."""
    holder: str
    """The person at its head: 'Commissioner', 'Mayor', 'Chair'."""


BODY_WORDS = {
    "pcc": BodyWords(
        "Police and Crime Commissioner", "PCC", "the commissioner", "OPCC contact", "Commissioner"
    ),
    "pfcc": BodyWords(
        "Police, Fire and Crime Commissioner",
        "PFCC",
        "the commissioner",
        "OPFCC contact",
        "Commissioner",
    ),
    "mayor": BodyWords(
        "Mayor with police and crime functions",
        "Mayor",
        "the mayor",
        "Mayor's office contact",
        "Mayor",
    ),
    "policing-and-crime-board": BodyWords(
        "Policing and Crime Board", "Board", "the board", "Board secretariat contact", "Chair"
    ),
    "city-of-london": BodyWords(
        "Common Council of the City of London (police authority)",
        "Police authority",
        "the police authority",
        "Police authority team contact",
        "Chair of the Police Authority Board",
    ),
}
"""The words for each kind of local policing body (models.governance.BODY_KINDS)."""

STATE_COLOURS = {
    "addressed": ("E2F0E6", "145229"),
    "partial": ("FCF0D6", "5C3B00"),
    "considered": ("E2EEFA", "0A4270"),
    "gap": ("FBE4E4", "8C1515"),
    "policing-only": ("F3F2F1", "0B0C0C"),
    "aligned": ("E2F0E6", "145229"),
    "none": ("EEEEEE", "333333"),
    "error": ("FBE4E4", "8C1515"),
    "warning": ("FCF0D6", "5C3B00"),
    "info": ("E2EEFA", "0A4270"),
}
"""(fill, ink) of each state, match status and severity in the Office formats: the HTML
pages' light colours (templates/base.css), so a workbook reads like the page."""

SEVERITY_WORD = {"error": "Error", "warning": "Warning", "info": "Info"}
"""A finding's severity as a heading word."""


def long_date(day: dt.date | str) -> str:
    """'22 November 2026' (from a date or its ISO form): as a plan or committee paper
    writes a date."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """'22 Nov 2026', for labels and narrow columns."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 error', '2 errors'; ``many`` for irregular plurals ('priorities')."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def template_environment() -> jinja2.Environment:
    """The one way pages are made: templates from the package, autoescaping on (every
    string from a document is escaped), undefined names an error rather than blank.

    jinja2 is imported here, not at the top, so that only the pages that use it pay for it.
    Compiled templates are kept in the user's cache folder (see `user_cache`)."""
    import jinja2

    from . import __version__
    from .user_cache import template_cache

    return jinja2.Environment(
        bytecode_cache=template_cache(__version__),
        loader=jinja2.PackageLoader("alignkit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85\v\f]+\s*")


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters shown as escapes: quoted from a file, they must never reach a
    terminal as themselves (an escape sequence can clear or retitle it)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """User text as one line: a newline in a title must not start a new line of the
    report, where it could pass for a diagnostic or a CI workflow command."""
    return visible(_BREAKS.sub(" ", text))
