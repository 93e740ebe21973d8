"""The welcome pack as Markdown: for a shared repository, a wiki or a first draft to edit.

Every piece of text from a YAML file goes through ``escape``: a name with `|` must not
break a table, and one with `<script>` or `*` must show as typed.
"""

from __future__ import annotations

from ..markup import code, escape, heading, link, md_table
from ..models import Contact
from ..words import long_date, with_welsh
from .model import Partnership, WelcomePack
from .view import (
    COLUMNS,
    EVENT_WORDS,
    SAY,
    SECTION,
    STATUS,
    TAKING_PART,
    best_objective,
    facts,
    pack_view,
    tier,
)


def _or_dash(text: str | None) -> str:
    return escape(text) if text else SAY["none_shown"]


def _intro(pack: WelcomePack) -> list[str]:
    lines = [
        f"# Community safety partnerships in {heading(pack.force_area)}: a welcome pack",
        "",
        f"- **Police and crime plan:** {escape(pack.plan_title)}"
        + (f" ({escape(pack.plan_period)})" if pack.plan_period else ""),
    ]
    lines += [f"- **{label}:** {escape(value)}" for label, value in pack.body_facts]
    if pack.plan_contact:
        lines.append(f"- **{pack.words.staff}:** {_contact_line(pack.plan_contact)}")
    if pack.plan_url:
        lines.append(f"- **Plan published at:** {link(pack.plan_url)}")
    lines.append(f"- **As of:** {long_date(pack.as_of)} ({pack.as_of.isoformat()})")
    return [*lines, "", f"{SAY['lede']} {SAY['introduces']}"]


def _contact_line(contact: Contact) -> str:
    parts = [f"**{escape(contact.name)}**"]
    parts += [escape(x) for x in (contact.role, contact.organisation) if x]
    parts += [escape(x) for x in (contact.email, contact.phone) if x]
    return ", ".join(parts)


def _themes(pack: WelcomePack) -> list[str]:
    """The themes of the partnerships' priorities: the widely held by name, the rest counted."""
    total = len(pack.partnerships)
    if not pack.shared_themes:
        return [SAY["none_shared"]]
    view = pack_view(pack)
    lines = []
    if pack.widely_shared:
        lines += [f"{SAY['widely']}:", ""]
        for t in pack.widely_shared:
            who = (
                "all"
                if len(t.csps) == total
                else ", ".join(escape(pack.name_of(c)) for c in t.csps)
            )
            lines.append(f"- **{escape(t.theme)}**: {len(t.csps)} of {total} ({who})")
        lines.append("")
    if view.shared_by_some:
        lines.append(escape(view.shared_by_some))
    if view.local_only:
        if view.shared_by_some:
            lines.append("")
        lines.append(escape(view.local_only))
    return lines


def _overview(pack: WelcomePack) -> list[str]:
    total = len(pack.partnerships)
    lines = [f"## {SECTION['overview']}", ""]
    if not total:
        return [*lines, SAY["no_partnerships"]]
    view = pack_view(pack)
    lines.append(f"{view.count}: {escape(view.tiers)}.")
    lines.append("")
    # A plan for several forces: the first column names each partnership's force.
    forces = bool(pack.forces)
    rows = [
        [
            *([escape(p.force_area)] if forces else []),
            escape(with_welsh(p.name, pack.welsh)),
            escape(tier(p)),
            ", ".join(escape(a) for a in p.local_authorities) or SAY["not_recorded"],
            str(len(p.priorities)),
        ]
        for p in pack.partnerships
    ]
    lines += md_table(
        [
            *(["Force area"] if forces else []),
            *("Partnership", "Tier", "Area (local authorities)", "Priorities"),
        ],
        [*(["---"] if forces else []), "---", "---", "---", "---:"],
        rows,
    )

    lines += ["", f"### {SECTION['themes']}", ""]
    lines += _themes(pack)

    lines += ["", f"### {SECTION['agree']}", ""]
    if pack.most_agree:
        lines.append(SAY["most_agree"])
        lines.append("")
        for a in pack.most_agree:
            who = (
                "all"
                if len(a.addressed_by) == total
                else ", ".join(escape(pack.name_of(c)) for c in a.addressed_by)
            )
            lines.append(
                f"- **{escape(a.objective)}** {escape(with_welsh(a.title, pack.welsh))}: "
                f"{len(a.addressed_by)} of {total} ({who})"
            )
    else:
        lines.append(SAY["none_agree"])
    if pack.fewer_agree:
        fewer = "; ".join(
            f"**{escape(a.objective)}** {escape(with_welsh(a.title, pack.welsh))} "
            f"({len(a.addressed_by)} of {total})"
            for a in pack.fewer_agree
        )
        lines += ["", f"{SAY['fewer']} {fewer}."]

    lines += ["", f"### {SECTION['year']}", ""]
    if pack.calendar:
        lines.append(f"{view.year_ahead}:")
        lines.append("")
        lines += md_table(
            COLUMNS["calendar"],
            ["---", "---", "---"],
            [
                [
                    long_date(e.date),
                    escape(pack.name_of(e.csp)),
                    f"{EVENT_WORDS[e.kind]}: {escape(e.what)}",
                ]
                for e in pack.calendar
            ],
        )
    else:
        lines.append(SAY["no_year"])
    return lines


def _facts(pack: WelcomePack, p: Partnership) -> list[str]:
    lines = [f"- **{fact.label}:** {escape(fact.text)}" for fact in facts(pack, p)]
    return [*lines, f"- **File:** {code(p.path)}"]


def _contacts(p: Partnership) -> list[str]:
    lines = [f"#### {SECTION['contacts']}", ""]
    if not p.contacts:
        return [*lines, SAY["no_contacts"]]
    return lines + md_table(
        ["Name", "Role", "Organisation", "Email", "Phone"],
        ["---"] * 5,
        [
            [
                escape(c.name),
                _or_dash(c.role),
                _or_dash(c.organisation),
                _or_dash(c.email),
                _or_dash(c.phone),
            ]
            for c in p.contacts
        ],
    )


def _authorities(p: Partnership) -> list[str]:
    lines = [f"#### {SECTION['authorities']}", ""]
    if all(a.taking_part is None and a.issuing_body is None for a in p.authorities):
        return [*lines, f"{SAY['not_recorded']}."]
    # the word only: a symbol in a Markdown cell reads as clutter; a 'No' stands out in bold
    words = {known: word for known, (_, word) in TAKING_PART.items()}
    words[False] = f"**{words[False]}**"
    return lines + md_table(
        COLUMNS["authorities"],
        ["---"] * 4,
        [
            [
                a.name,
                words[a.taking_part],
                _or_dash(a.organisation_words),
                _or_dash(a.representative),
            ]
            for a in p.authorities
        ],
    )


def _priorities(pack: WelcomePack, p: Partnership) -> list[str]:
    lines = [f"#### {SECTION['priorities']}", ""]
    rows = [
        [
            f"**{escape(a.id)}** {escape(with_welsh(a.title, pack.welsh))}",
            escape(best_objective(a)),
            " ".join(STATUS[a.status]),
            _or_dash(a.summary),
        ]
        for a in p.priorities
    ]
    return lines + md_table(COLUMNS["priorities"], ["---"] * 4, rows)


def _meetings(pack: WelcomePack, p: Partnership) -> list[str]:
    lines = [f"#### {SECTION['meetings']}", ""]
    if not p.meetings:
        return [*lines, SAY["no_meetings"]]
    return lines + md_table(
        COLUMNS["meetings"],
        ["---"] * 4,
        [
            [
                long_date(m.date) + (f" {SAY['past']}" if m.date < pack.as_of else ""),
                escape(m.body),
                _or_dash(m.title),
                _or_dash(m.location),
            ]
            for m in p.meetings
        ],
    )


def _timetable(pack: WelcomePack, p: Partnership) -> list[str]:
    lines = [f"#### {SECTION['timetable']}", ""]
    if not p.timetable:
        return [*lines, SAY["no_documents"]]
    return lines + md_table(
        COLUMNS["timetable"],
        ["---"] * 3,
        [
            [
                long_date(t.due) + (f" {SAY['past']}" if t.due < pack.as_of else ""),
                escape(t.document),
                _or_dash(t.owner),
            ]
            for t in p.timetable
        ],
    )


def partnership_blocks(pack: WelcomePack, level: int = 3) -> list[list[str]]:
    """Each partnership's section (the welcome pack's and the handover pack's)."""
    blocks: list[list[str]] = []
    for p in pack.partnerships:
        blocks += [
            [f"{'#' * level} {heading(with_welsh(p.name, pack.welsh))}", "", *_facts(pack, p)],
            _contacts(p),
            _authorities(p),
            _priorities(pack, p),
            _meetings(pack, p),
            _timetable(pack, p),
        ]
    return blocks


def overview_blocks(pack: WelcomePack) -> list[list[str]]:
    """The overview of the force area (shared with the handover pack)."""
    return [_overview(pack)]


def pack_markdown(pack: WelcomePack) -> str:
    blocks = [_intro(pack), _overview(pack), ["## The partnerships"]]
    blocks += partnership_blocks(pack)
    view = pack_view(pack)
    made = f"{escape(view.made_by)} {escape(pack.plan_path)} {escape(view.made_from)}"
    blocks.append(["---", "", made])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


__all__ = ["pack_markdown"]
