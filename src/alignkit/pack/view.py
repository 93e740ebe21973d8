"""The welcome pack's sentences, made once, in plain text.

The Markdown pack (and through it the Word pack and the handover pack) and the HTML pack
print these, so a wording fix reaches every format. Nothing here is escaped: Markdown
escapes it with `markup.escape`, the page with autoescape. Where one format emphasises or
links part of a sentence, the view holds the parts, never two sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..markup import listed
from ..words import STATUS_SYMBOL, long_date, plural
from .model import Partnership, PriorityAlignment, WelcomePack

SECTION = {
    "overview": "The force area at a glance",
    "themes": "Themes the partnerships share",
    "agree": "Where the plan and the partnerships already agree",
    "year": "The year ahead",
    "contacts": "Key contacts",
    "authorities": "Responsible authorities",
    "priorities": "Priorities and how they align with the plan",
    "meetings": "Calendar of meetings",
    "timetable": "Document production timetable",
}
"""The pack's headings, in every format."""

COLUMNS = {
    "calendar": ("Date", "Partnership", "What"),
    "authorities": ("Authority", "Taking part", "Organisation", "Representative"),
    "priorities": ("Priority", "Best objective", "Alignment", "Why"),
    "meetings": ("Date", "Body", "Purpose", "Location"),
    "timetable": ("Due", "Document", "Owner"),
}
"""The column headings of the tables both formats draw alike."""

SAY = {
    "lede": (
        "Community safety partnerships bring together the police, councils, fire and rescue, "
        "health and probation in each area to cut crime and disorder. The police and crime "
        "plan must have regard to each partnership’s priorities, and each partnership to the "
        "plan."
    ),
    "introduces": (
        "This pack introduces every partnership in the force area: who they are, who to "
        "contact, what they prioritise and how that sits with the plan, and when they meet "
        "and publish."
    ),
    "no_partnerships": "No partnerships were given.",
    "none_shared": "No theme is shared: no two partnerships hold a priority on the same theme.",
    "widely": "Themes most partnerships hold a priority on",
    "most_agree": "Objectives of the police and crime plan that most partnerships address:",
    "none_agree": "No objective of the plan is addressed by most partnerships yet.",
    "fewer": "Addressed by fewer:",
    "no_year": "No meetings or documents are recorded for the year ahead.",
    "no_contacts": "No contacts recorded.",
    "not_recorded": "Not recorded",
    "no_meetings": "No meetings recorded.",
    "no_documents": "No documents recorded.",
    "past": "(past)",
    "none_shown": "—",
}
"""Sentences and words that take no numbers or names."""

EVENT_WORDS = {"meeting": "Meeting", "document": "Document due"}
"""What an entry of the year ahead is, before what it says."""

STATUS = {
    "aligned": (STATUS_SYMBOL["aligned"], "Aligned"),
    "partial": (STATUS_SYMBOL["partial"], "Partly aligned"),
    "none": (STATUS_SYMBOL["none"], "No objective matches"),
}
"""Alignment of a priority: a word, with a symbol as a reminder, never colour alone."""

TAKING_PART = {True: ("✔", "Yes"), False: ("✘", "No"), None: ("", SAY["not_recorded"])}
"""Whether a responsible authority takes part: a word, with a symbol where it is known."""


@dataclass(frozen=True)
class Fact:
    """One line of a partnership's facts: `linked` is the start of `text` that the page
    links to `url` (the partnership plan's title), when there is one."""

    label: str
    text: str
    linked: str = ""
    url: str = ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def tier(p: Partnership) -> str:
    return _capital(p.tier_words) if p.tier_words else SAY["not_recorded"]


def facts(pack: WelcomePack, p: Partnership) -> list[Fact]:
    """What a partnership is, in order: the same lines in every format."""
    lines = []
    if p.nation == "wales":
        lines.append(Fact("Nation", p.nation_words))
    lines.append(Fact("Tier", tier(p)))
    area = ", ".join(p.local_authorities) or SAY["not_recorded"]
    force = f" ({p.force_area} force area)" if pack.forces else ""
    lines.append(Fact("Area", area + force))
    if p.plan and (p.plan.title or p.plan.period):
        title = p.plan.title or "Partnership plan"
        about = title
        if p.plan.period:
            about += f" ({p.plan.period.label()})"
        if p.plan.next_refresh:
            about += f"; next refreshed by {long_date(p.plan.next_refresh)}"
        lines.append(Fact("Partnership plan", about, title, p.plan.url or ""))
    if p.assessment_date:
        lines.append(Fact("Strategic assessment", f"Completed {long_date(p.assessment_date)}"))
    if p.strategies_words:
        lines.append(Fact("Statutory strategies", p.strategies_words))
    for before in p.predecessors:
        lines.append(Fact("Replaced", f"{pack.succession_name(before)} ({long_date(before.date)})"))
    if p.successor is not None:
        after = p.successor
        lines.append(
            Fact("Replaced by", f"{pack.succession_name(after)} from {long_date(after.date)}")
        )
    return lines


def best_objective(a: PriorityAlignment) -> str:
    """The objective a priority best matches, or the closest when none does."""
    if a.objective is None:
        return SAY["none_shown"]
    closest = "None; the closest is " if a.status == "none" else ""
    return f"{closest}{a.objective} {a.objective_title}"


@dataclass(frozen=True)
class PackView:
    """The pack's sentences that take the area's numbers and names."""

    count: str
    """'7 community safety partnerships' (a format may emphasise it)."""
    tiers: str
    """'3 district, 2 unitary and 1 county strategy group'."""
    shared_by_some: str
    """'Shared by some: theme (2); theme (3).', or ''."""
    local_only: str
    """'Held by one partnership only: theme; theme.', or ''."""
    year_ahead: str
    """'Meetings and documents due across the force area from …, for a year'."""
    made_by: str
    """The footer up to the plan file's name."""
    made_from: str
    """The footer after the plan file's name."""


def pack_view(pack: WelcomePack) -> PackView:
    total = len(pack.partnerships)
    some = "; ".join(f"{t.theme} ({len(t.csps)})" for t in pack.some_shared)
    local = "; ".join(t.theme for t in pack.local_themes)
    return PackView(
        count=plural(total, "community safety partnership"),
        tiers=listed([f"{n} {words}" for words, n in pack.tiers]),
        shared_by_some=f"Shared by some: {some}." if some else "",
        local_only=f"Held by one partnership only: {local}." if local else "",
        year_ahead=(
            f"Meetings and documents due across the force area from {long_date(pack.as_of)}, "
            "for a year"
        ),
        made_by=f"Made by alignkit {pack.tool_version} as of {pack.as_of.isoformat()} from",
        made_from=f"and {plural(total, 'partnership file')}.",
    )


__all__ = [
    "COLUMNS",
    "EVENT_WORDS",
    "SAY",
    "SECTION",
    "STATUS",
    "TAKING_PART",
    "PackView",
    "best_objective",
    "facts",
    "pack_view",
    "tier",
]
