"""The handover pack as Markdown: for the mayor or board that takes over the plan."""

from __future__ import annotations

from ..markup import escape, heading, md_table
from ..words import long_date
from .handover import ForceHandover, HandoverPack
from .markdown import overview_blocks, partnership_blocks


def _money(amount: float | None) -> str:
    return f"£{amount:,.0f}" if amount is not None else "—"


def _intro(pack: HandoverPack) -> list[str]:
    areas = ", ".join(f.pack.force_area for f in pack.forces)
    lines = [
        f"# Handover pack for {heading(pack.successor)}",
        "",
        f"- **Force area{'s' if len(pack.forces) > 1 else ''}:** {escape(areas)}",
    ]
    lines += [f"- **{label}:** {escape(value)}" for label, value in pack.incoming_facts]
    lines += [
        f"- **As of:** {long_date(pack.as_of)} ({pack.as_of.isoformat()})",
        "",
        "This pack introduces the community safety partnerships to the body that takes over "
        "the police and crime plan: each partnership's tier, contacts and priorities, how "
        "they align to the outgoing plan, the objectives no partnership holds, the regard "
        "records, what the outgoing body funds, and the dates in the year ahead. Partnerships "
        "must have regard to the plan's objectives (Crime and Disorder Act 1998 s.6(1A)), "
        "which means consideration, not adoption; the body that issues the plan must have "
        "regard to their priorities (Police Reform and Social Responsibility Act 2011 s.10).",
    ]
    return lines


def _force(force: ForceHandover, several: bool) -> list[list[str]]:
    pack = force.pack
    blocks: list[list[str]] = []
    head = [f"## {heading(pack.force_area)}" if several else "## The handover", ""]
    outgoing = ", ".join(f"{label}: {value}" for label, value in pack.body_facts)
    head.append(f"- **Outgoing plan:** {escape(pack.plan_title)}")
    head.append(f"- **Outgoing body:** {escape(outgoing)}")
    if force.transfer is not None:
        event = force.transfer
        head.append(
            f"- **Transfer:** {escape(event.title)}, {escape(event.dated)}"
            + (f"; to {escape(event.successor)}" if event.successor else "")
        )
        head.append(f"- **Source:** {escape(event.source or '')}")
    else:
        head.append("- **Transfer:** no date on record (add one in alignkit.toml)")
    blocks.append(head)
    blocks += overview_blocks(pack)
    unheld = ["### Objectives no partnership holds", ""]
    if force.unheld:
        unheld += [f"- **{escape(a.objective)}** {escape(a.title)}" for a in force.unheld]
    else:
        unheld.append("Every objective is held by at least one partnership.")
    if force.policing_only:
        only = "; ".join(f"{escape(a.objective)} {escape(a.title)}" for a in force.policing_only)
        unheld += [
            "",
            f"For the police alone (policing only, not expected of partnerships): {only}.",
        ]
    blocks.append(unheld)
    regard = ["### Regard records: objectives considered and not adopted", ""]
    if force.regard:
        regard += md_table(
            ["Partnership", "Objective", "Reason", "Decided"],
            ["---"] * 4,
            [
                [
                    escape(name),
                    escape(r.objective),
                    escape(r.reason),
                    " ".join(
                        x
                        for x in (
                            long_date(r.decided) if r.decided else "",
                            f"by {escape(r.decided_by)}" if r.decided_by else "",
                        )
                        if x
                    )
                    or "—",
                ]
                for name, r in force.regard
            ],
        )
    else:
        regard.append("No regard records.")
    blocks.append(regard)
    funding = ["### What is funded in each partnership", ""]
    if force.funding:
        funding += md_table(
            ["Partnership", "From", "For", "Amount", "Period"],
            ["---", "---", "---", "---:", "---"],
            [
                [
                    escape(name),
                    escape(f.funder),
                    escape(f.purpose),
                    _money(f.amount),
                    escape(f.period.label()) if f.period else "—",
                ]
                for name, f in force.funding
            ],
        )
    else:
        funding.append("No funding recorded in the partnership files.")
    blocks.append(funding)
    dates = ["### Governance dates in the year ahead", ""]
    if force.dates:
        dates += [
            f"- {escape(e.when)}: {escape(e.title)} ({escape(e.status_words)}; "
            f"source: {escape(e.source or '')})"
            for e in force.dates
        ]
    else:
        dates.append("None on record.")
    blocks.append(dates)
    blocks.append([f"### The partnerships{f' in {heading(pack.force_area)}' if several else ''}"])
    blocks += partnership_blocks(pack, level=4)
    return blocks


def handover_markdown(pack: HandoverPack) -> str:
    blocks = [_intro(pack)]
    several = len(pack.forces) > 1
    for force in pack.forces:
        blocks += _force(force, several)
    blocks.append(["---", "", f"Made by alignkit as of {pack.as_of.isoformat()}."])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


__all__ = ["handover_markdown"]
