"""The calendar as iCalendar (RFC 5545), for Outlook, Google Calendar and the rest.

Every dated item is an all-day event marked free (the documents give days, not times).
The output depends only on the documents and the as-of date: UIDs come from the content
and DTSTAMP is the as-of date, so the same inputs give the same bytes, a calendar kept
in git changes only when a date does, and a re-import updates events rather than
duplicating them.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from .events import OUT_OF_STEP, AreaCalendar, DatedItem

PRODID = "-//alignkit//calendar//EN"


def calendar_name(calendar: AreaCalendar) -> str:
    return f"{calendar.force_area} community safety planning calendar"


def _event(item: DatedItem, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.day)
    event.add("dtend", item.day + dt.timedelta(days=1))
    event.add("summary", item.summary)
    lines = list(item.details)
    if item.misalignment:
        flag = item.misalignment
        lines.append(f"{OUT_OF_STEP} ({flag.code}): {flag.sentence}")
    lines.extend(item.extra)
    if lines:
        event.add("description", "\n".join(lines))
    event.add("categories", list(item.categories))
    if item.location:
        event.add("location", item.location)
    if item.url:
        event.add("url", item.url)
    event.add("transp", "TRANSPARENT")
    return event


def render_ics(calendar: AreaCalendar) -> str:
    """One VCALENDAR, one VEVENT per dated item, sorted by date then UID, CRLF line ends."""
    stamp = dt.datetime.combine(calendar.as_of, dt.time(), tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name(calendar))
    cal.add(
        "x-wr-caldesc",
        f"Plan periods, refreshes, strategic assessments, meetings and document deadlines "
        f"of the police and crime plan and the community safety partnerships in "
        f"{calendar.force_area}, made by alignkit as of {calendar.as_of.isoformat()}.",
    )
    for item in calendar.items:
        cal.add_component(_event(item, stamp))
    content: bytes = cal.to_ical()
    return content.decode("utf-8")
