"""The welcome pack as Markdown: for a shared repository, a wiki or a first draft to edit.

Every piece of text from a YAML file goes through ``escape``: a name with `|` must not
break a table, and one with `<script>` or `*` must show as typed.
"""

from __future__ import annotations

from ..markup import code, escape, heading, link, listed, md_table
from ..models import Contact
from ..words import STATUS_SYMBOL, long_date, plural, with_welsh
from .model import Partnership, WelcomePack

_STATUS_WORD = {"aligned": "aligned", "partial": "partly aligned", "none": "no match"}
STATUS_WORDS = {status: f"{STATUS_SYMBOL[status]} {word}" for status, word in _STATUS_WORD.items()}
"""Alignment of a priority, in words (the symbol is only a reminder)."""


def _or_dash(text: str | None) -> str:
    return escape(text) if text else "—"


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
    lines += [
        "",
        "Community safety partnerships (CSPs) bring together the police, councils, fire and "
        "rescue, health and probation for each area to cut crime and disorder. The police and "
        "crime plan must have regard to each partnership's priorities, and each partnership "
        "to the plan. This pack introduces every partnership in the force area: who they "
        "are, who to contact, what they prioritise and how that sits with the plan, and when "
        "they meet and publish.",
    ]
    return lines


def _contact_line(contact: Contact) -> str:
    parts = [f"**{escape(contact.name)}**"]
    parts += [escape(x) for x in (contact.role, contact.organisation) if x]
    parts += [escape(x) for x in (contact.email, contact.phone) if x]
    return ", ".join(parts)


def _themes(pack: WelcomePack) -> list[str]:
    """The themes of the partnerships' priorities: the widely held by name, the rest counted."""
    total = len(pack.partnerships)
    if not pack.shared_themes:
        return ["No theme is shared: no two partnerships hold a priority on the same theme."]
    lines = []
    if pack.widely_shared:
        lines += ["Themes most partnerships hold a priority on:", ""]
        for t in pack.widely_shared:
            who = (
                "all"
                if len(t.csps) == total
                else ", ".join(escape(pack.name_of(c)) for c in t.csps)
            )
            lines.append(f"- **{escape(t.theme)}**: {len(t.csps)} of {total} ({who})")
        lines.append("")
    if pack.some_shared:
        some = "; ".join(f"{escape(t.theme)} ({len(t.csps)})" for t in pack.some_shared)
        lines.append(f"Shared by some: {some}.")
    if pack.local_themes:
        if pack.some_shared:
            lines.append("")
        lines.append(
            f"Held by one partnership only: "
            f"{'; '.join(escape(t.theme) for t in pack.local_themes)}."
        )
    return lines


def _overview(pack: WelcomePack) -> list[str]:
    total = len(pack.partnerships)
    lines = ["## The force area at a glance", ""]
    if not total:
        return [*lines, "No partnerships were given."]
    tiers = listed([f"{n} {words}" for words, n in pack.tiers])
    lines.append(f"{plural(total, 'community safety partnership')}: {tiers}.")
    lines.append("")
    # A plan for several forces: the first column names each partnership's force.
    forces = bool(pack.forces)
    rows = [
        [
            *([escape(p.force_area)] if forces else []),
            escape(with_welsh(p.name, pack.welsh)),
            _or_dash(p.tier_words),
            ", ".join(escape(a) for a in p.local_authorities) or "—",
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

    lines += ["", "### Themes the partnerships share", ""]
    lines += _themes(pack)

    lines += ["", "### Where the plan and the partnerships already agree", ""]
    if pack.most_agree:
        lines.append("Objectives of the police and crime plan that most partnerships address:")
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
        lines.append("No objective of the plan is addressed by most partnerships yet.")
    if pack.fewer_agree:
        fewer = "; ".join(
            f"**{escape(a.objective)}** {escape(with_welsh(a.title, pack.welsh))} "
            f"({len(a.addressed_by)} of {total})"
            for a in pack.fewer_agree
        )
        lines += ["", f"Addressed by fewer: {fewer}."]

    lines += ["", "### The year ahead", ""]
    if pack.calendar:
        lines.append(
            f"Meetings and documents due across the force area from {long_date(pack.as_of)}, "
            "for a year:"
        )
        lines.append("")
        lines += md_table(
            ["Date", "Partnership", "What"],
            ["---", "---", "---"],
            [
                [
                    long_date(e.date),
                    escape(pack.name_of(e.csp)),
                    ("Meeting: " if e.kind == "meeting" else "Document due: ") + escape(e.what),
                ]
                for e in pack.calendar
            ],
        )
    else:
        lines.append("No meetings or documents are recorded for the year ahead.")
    return lines


def _facts(pack: WelcomePack, p: Partnership) -> list[str]:
    lines = []
    if p.nation == "wales":
        lines.append(f"- **Nation:** {p.nation_words}")
    lines.append(f"- **Tier:** {escape(p.tier_words) if p.tier_words else 'not recorded'}")
    area = ", ".join(escape(a) for a in p.local_authorities)
    force = f" ({escape(p.force_area)} force area)" if pack.forces else ""
    lines.append(f"- **Area:** {area or 'not recorded'}{force}")
    if p.plan and (p.plan.title or p.plan.period):
        about = escape(p.plan.title) if p.plan.title else "Partnership plan"
        if p.plan.period:
            about += f" ({escape(p.plan.period.label())})"
        if p.plan.next_refresh:
            about += f"; next refreshed by {long_date(p.plan.next_refresh)}"
        lines.append(f"- **Partnership plan:** {about}")
    if p.assessment_date:
        lines.append(f"- **Strategic assessment:** completed {long_date(p.assessment_date)}")
    if p.strategies_words:
        lines.append(f"- **Statutory strategies:** {escape(p.strategies_words)}")
    for before in p.predecessors:
        lines.append(
            f"- **Replaced:** {escape(pack.succession_name(before))} ({long_date(before.date)})"
        )
    if p.successor is not None:
        lines.append(
            f"- **Replaced by:** {escape(pack.succession_name(p.successor))} from "
            f"{long_date(p.successor.date)}"
        )
    lines.append(f"- **File:** {code(p.path)}")
    return lines


def _contacts(p: Partnership) -> list[str]:
    lines = ["#### Key contacts", ""]
    if not p.contacts:
        return [*lines, "No contacts recorded."]
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
    lines = ["#### Responsible authorities", ""]
    if all(a.taking_part is None and a.issuing_body is None for a in p.authorities):
        return [*lines, "Not recorded."]
    words = {True: "yes", False: "**no**", None: "not recorded"}
    return lines + md_table(
        ["Authority", "Taking part", "Organisation", "Representative"],
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
    lines = [
        "#### Priorities and how they align with the plan",
        "",
    ]
    rows = []
    for a in p.priorities:
        if a.objective is None:
            objective = "—"
        elif a.status == "none":
            objective = f"none (closest: {escape(a.objective)} {escape(a.objective_title)})"
        else:
            objective = f"{escape(a.objective)} {escape(a.objective_title)}"
        rows.append(
            [
                f"**{escape(a.id)}** {escape(with_welsh(a.title, pack.welsh))}",
                objective,
                STATUS_WORDS[a.status],
                escape(a.summary) if a.summary else "—",
            ]
        )
    return lines + md_table(["Priority", "Best objective", "Alignment", "Why"], ["---"] * 4, rows)


def _meetings(pack: WelcomePack, p: Partnership) -> list[str]:
    lines = ["#### Calendar of meetings", ""]
    if not p.meetings:
        return [*lines, "No meetings recorded."]
    return lines + md_table(
        ["Date", "Body", "Purpose", "Location"],
        ["---"] * 4,
        [
            [
                long_date(m.date) + (" (past)" if m.date < pack.as_of else ""),
                escape(m.body),
                _or_dash(m.title),
                _or_dash(m.location),
            ]
            for m in p.meetings
        ],
    )


def _timetable(pack: WelcomePack, p: Partnership) -> list[str]:
    lines = ["#### Document production timetable", ""]
    if not p.timetable:
        return [*lines, "No documents recorded."]
    return lines + md_table(
        ["Due", "Document", "Owner"],
        ["---"] * 3,
        [
            [
                long_date(t.due) + (" (past)" if t.due < pack.as_of else ""),
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
    """The force area at a glance (shared with the handover pack)."""
    return [_overview(pack)]


def pack_markdown(pack: WelcomePack) -> str:
    blocks = [_intro(pack), _overview(pack), ["## The partnerships"]]
    blocks += partnership_blocks(pack)
    blocks.append(
        [
            "---",
            "",
            f"Made by alignkit {escape(pack.tool_version)} as of {pack.as_of.isoformat()} "
            f"from {escape(pack.plan_path)} and "
            f"{plural(len(pack.partnerships), 'partnership file')}.",
        ]
    )
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


__all__ = ["pack_markdown"]
