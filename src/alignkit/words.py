"""Words every output shares: dates as plans write them, counts, and the page templates.

Dates are spelt out here rather than with strftime, so no locale setting can change a
report: the same inputs give the same bytes on every machine.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

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

STATE_SHORT_WORD = {
    "addressed": "addressed",
    "partial": "partly",
    "considered": "considered",
    "gap": "gap",
    "policing-only": "policing only",
}
"""The states in a word or two, for the cells of a narrow Markdown matrix; the key under
the matrix spells each one out (STATE_WORD)."""

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

AUTHORITY_WORDS = {
    "chief_officer_of_police": "the chief officer of police",
    "councils": "the council(s)",
    "fire_and_rescue_authority": "the fire and rescue authority",
    "integrated_care_board": "the integrated care board",
    "local_health_board": "the Local Health Board",
    "probation_provider": "the probation provider",
}
"""Each responsible authority as the Crime and Disorder Act 1998 s.5(1) names it, in a
sentence (models.nation.RESPONSIBLE_AUTHORITY_KEYS)."""


def authority_label(key: str) -> str:
    """'Chief officer of police', 'Local Health Board': a responsible authority as a label."""
    words = AUTHORITY_WORDS[key].removeprefix("the ")
    return words[:1].upper() + words[1:]


NATION_WORDS = {"england": "England", "wales": "Wales"}

STRATEGY_WORDS = {
    "serious-violence": "serious violence",
    "substance-misuse": "substance misuse",
    "reoffending": "reoffending",
    "prevent": "Prevent",
    "domestic-abuse-safe-accommodation": "domestic abuse safe accommodation",
}
"""Each kind of statutory strategy in a sentence (models.csp.STRATEGY_KINDS)."""

STATUS_WORDS = {
    "held": "held",
    "in-force": "in force",
    "announced": "announced",
    "announced-subject-to-legislation": "announced, subject to legislation",
    "uncertain": "uncertain",
    "recorded-locally": "recorded locally",
}
"""How sure a governance date is, in words shown beside every date that is not settled."""


class BodyWords(NamedTuple):
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


def with_welsh(text: str, welsh: Mapping[str, str]) -> str:
    """'Cut crime / Lleihau troseddu' when the documents give this title in Welsh too
    (`title_cy`, `name_cy`): the Welsh beside the English, never instead of it."""
    cy = welsh.get(text)
    return f"{text} / {cy}" if cy else text


def welsh_of(plan: Any, csps: Iterable[Any]) -> dict[str, str]:
    """English title or name -> its Welsh, for every one the plan, its objectives, the
    partnerships and their priorities give (the first wins). Reads the documents or the
    JSON report's models alike: both name the fields title/title_cy and name/name_cy."""
    pairs = [(plan.title, plan.title_cy)]
    pairs += [(o.title, o.title_cy) for o in plan.objectives]
    for csp in csps:
        pairs.append((csp.name, csp.name_cy))
        pairs += [(p.title, p.title_cy) for p in csp.priorities]
    found: dict[str, str] = {}
    for english, cy in pairs:
        if cy:
            found.setdefault(english, cy)
    return found


def _welsh_filter(context: Any, text: str, welsh: Mapping[str, str] | None = None) -> Any:
    """`{{ title | cy }}`: the English, then the Welsh marked lang="cy" so a screen reader
    speaks it as Welsh; the page's `welsh` mapping (or the one given, for a page with a
    section per force area) says which titles have one."""
    import markupsafe

    cy = (welsh if welsh is not None else context.get("welsh", {})).get(text)
    if not cy:
        return text
    return markupsafe.Markup('{} / <span lang="cy">{}</span>').format(text, cy)


def template_environment() -> jinja2.Environment:
    """The one way pages are made: templates from the package, autoescaping on (every
    string from a document is escaped), undefined names an error rather than blank.

    jinja2 is imported here, not at the top, so that only the pages that use it pay for it.
    Compiled templates are kept in the user's cache folder (see `user_cache`)."""
    import jinja2

    from . import __version__
    from .user_cache import template_cache

    env = jinja2.Environment(
        bytecode_cache=template_cache(__version__),
        loader=jinja2.PackageLoader("alignkit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cy"] = jinja2.pass_context(_welsh_filter)
    return env


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
