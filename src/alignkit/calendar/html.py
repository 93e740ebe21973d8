"""The calendar as one self-contained HTML page: a timeline chart, then every date in a table.

The page has no scripts and loads nothing (a Content-Security-Policy meta tag says so to
the browser), so it can be emailed, opened offline, published from CI or printed. Text
from the YAML files is escaped by the template engine (autoescape is on), never by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import __version__
from ..words import long_date, template_environment
from .chart import build_chart
from .events import OUT_OF_STEP, AreaCalendar, DatedItem


@dataclass(frozen=True)
class ItemView:
    iso: str
    day: str
    who: str
    what: str
    category: str
    details: tuple[str, ...]
    location: str | None
    url: str | None
    site: str | None
    flag: str | None


@dataclass(frozen=True)
class Group:
    heading: str
    items: tuple[ItemView, ...]


def _site(url: str | None) -> str | None:
    """The link's words: the site it goes to, not the whole address, which would be read
    out character by character and push a narrow screen sideways (print adds the address)."""
    if url is None:
        return None
    return urlsplit(url).hostname or url


def _item(item: DatedItem) -> ItemView:
    # The owner's full name opens most detail lists for the calendar entry; the table
    # already names who in its own column.
    details = tuple(line for line in item.details if line != item.owner.name)
    flag = None
    if item.misalignment is not None:
        flag = f"{item.misalignment.code}: {item.misalignment.sentence}"
    return ItemView(
        iso=item.day.isoformat(),
        day=long_date(item.day),
        who=item.owner.short,
        what=item.what[:1].upper() + item.what[1:],
        category=item.category,
        details=details,
        location=item.location,
        url=item.url,
        site=_site(item.url),
        flag=flag,
    )


def _view(calendar: AreaCalendar) -> dict[str, object]:
    as_of = long_date(calendar.as_of)
    earlier = tuple(_item(i) for i in calendar.items if i.day < calendar.as_of)
    later = tuple(_item(i) for i in calendar.items if i.day >= calendar.as_of)
    groups = []
    if earlier:
        groups.append(Group(f"Before {as_of}", earlier))
    if later:
        groups.append(Group(f"From {as_of}", later))
    n = calendar.partnerships
    return {
        "calendar": calendar,
        "as_of": as_of,
        "as_of_iso": calendar.as_of.isoformat(),
        "partnerships": f"{n} community safety partnership{'s' if n != 1 else ''}",
        "has_dates": bool(calendar.document_items),
        "chart": build_chart(calendar) if calendar.document_items else None,
        "groups": groups,
        "out_of_step": [(owner.short, m.code, m.sentence) for owner, m in calendar.misalignments],
        "out_of_step_word": OUT_OF_STEP,
        "version": __version__,
    }


def render_calendar_html(calendar: AreaCalendar) -> str:
    return template_environment().get_template("calendar.html.j2").render(_view(calendar))
