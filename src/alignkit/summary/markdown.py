"""The force-wide summary as Markdown: for a wiki page, a pull request or a briefing note.

Every piece of text from a YAML file goes through ``escape``: a finding with `|` must not
break a table, and one with `<script>` or `*` must show as typed.
"""

from __future__ import annotations

from ..assess.holdings import ThemeHolding
from ..markup import escape, heading, md_table
from ..words import long_date, plural, with_welsh
from .model import STRATEGY_HEADINGS, STRATEGY_NOTE, ForceSummary, ObjectiveEvidence

EVIDENCE_WORDS = {
    "priorities and findings": "priorities and assessment findings",
    "priorities only": "priorities only, no assessment finding",
    "findings only": "assessment findings only, no priority",
    "none": "**none**",
}

CAUTION = (
    "The body that issues the plan is elected, or led by elected members, and the "
    "commitments it was elected on shape the plan: an objective may reflect its view "
    "rather than the evidence partnerships hold (LGA guide, chapter 4). That is its call; "
    "this list shows where the plan and the local evidence part, so it can be discussed."
)


def _header(summary: ForceSummary) -> list[str]:
    total = len(summary.csps)
    with_assessment = sum(1 for c in summary.csps if c.has_assessment)
    findings = sum(len(c.findings) for c in summary.csps)
    priorities = sum(len(c.priorities) for c in summary.csps)
    plan = escape(summary.plan_title)
    if summary.plan_period:
        plan += f" ({escape(summary.plan_period)})"
    return [
        f"# Force-wide summary of strategic assessments: {heading(summary.force_area)}",
        "",
        f"- **Police and crime plan:** {plan}",
        f"- **Partnerships:** {total}, of which {with_assessment} recorded a strategic "
        f"assessment ({plural(findings, 'key finding')}); "
        f"{plural(priorities, 'priority', 'priorities')} in all",
        f"- **As of:** {long_date(summary.as_of)} ({summary.as_of.isoformat()})",
        "",
        "What the partnerships' strategic assessments and priorities are about, theme by "
        "theme, set against the objectives of the police and crime plan. Themes are read "
        "from the words of each priority and key finding with alignkit's community-safety "
        "vocabulary; a partnership *holds* a theme when one of its priorities or key "
        "findings is about it.",
    ]


def _glance(summary: ForceSummary) -> list[str]:
    lines = ["## At a glance", ""]
    lines.append(
        f"- {plural(len(summary.shared), 'theme')} shared by several partnerships; "
        f"{plural(len(summary.single), 'theme')} held by one partnership only."
    )
    if summary.shared:
        top = summary.shared[0]
        lines.append(
            f"- Most widely held: **{escape(top.theme)}** "
            f"({len(top.csps)} of {len(summary.csps)} partnerships)."
        )
    unevidenced = summary.unevidenced
    if unevidenced:
        ids = ", ".join(f"**{escape(o.id)}**" for o in unevidenced)
        lines.append(
            f"- {plural(len(unevidenced), 'objective')} of the plan with no local evidence "
            f"behind {'it' if len(unevidenced) == 1 else 'them'}: {ids}."
        )
    else:
        lines.append("- Every objective of the plan has local evidence behind it.")
    return lines


def _assessments(summary: ForceSummary) -> list[str]:
    lines = ["## Strategic assessments", ""]
    if not summary.csps:
        return [*lines, "No partnerships were given."]
    rows = []
    for c in summary.csps:
        if c.assessment_date is None:
            done, covers = "not recorded", "—"
        else:
            done = long_date(c.assessment_date)
            covers = escape(c.assessment_period) if c.assessment_period else "—"
        rows.append(
            [
                *([escape(c.force_area)] if summary.forces else []),
                escape(with_welsh(c.name, summary.welsh)),
                escape(c.tier_words) if c.tier_words else "—",
                done,
                covers,
                str(len(c.findings)),
                str(len(c.priorities)),
            ]
        )
    lines += md_table(
        [
            *(["Force area"] if summary.forces else []),
            "Partnership",
            "Tier",
            "Assessment completed",
            "Data covers",
            "Key findings",
            "Priorities",
        ],
        [*(["---"] if summary.forces else []), "---", "---", "---", "---", "---:", "---:"],
        rows,
    )
    if not any(c.has_assessment for c in summary.csps):
        lines += [
            "",
            "No partnership has recorded its strategic assessment (`strategic_assessment` "
            "in the CSP file), so this summary rests on priorities alone.",
        ]
    return lines


def _strategies(summary: ForceSummary) -> list[str]:
    lines = ["## Statutory strategies", ""]
    if not summary.csps:
        return [*lines, "No partnerships were given."]
    lines += md_table(
        ["Partnership", *STRATEGY_HEADINGS],
        ["---"] * (len(STRATEGY_HEADINGS) + 1),
        [[escape(with_welsh(c.name, summary.welsh)), *cells] for c, cells in summary.strategy_rows],
    )
    return [*lines, "", STRATEGY_NOTE]


def _theme_table(summary: ForceSummary) -> list[str]:
    lines = ["## Themes across the force area", ""]
    if not summary.themes:
        return [
            *lines,
            "No community-safety themes were found in the partnerships' priorities or "
            "assessment findings.",
        ]
    total = len(summary.csps)
    rows = [
        [
            f"**{escape(t.theme)}**",
            f"{len(t.csps)} of {total}",
            str(len(t.priorities)),
            str(len(t.findings)),
            ", ".join(escape(o) for o in t.objectives) or "not in the plan",
        ]
        for t in summary.themes
    ]
    lines.append("How many partnerships hold each theme, most first; the sections below name them.")
    lines.append("")
    lines += md_table(
        ["Theme", "Partnerships", "Priorities", "Key findings", "Plan objectives"],
        ["---", "---:", "---:", "---:", "---"],
        rows,
    )
    return lines


def _holding(summary: ForceSummary, t: ThemeHolding, titles: dict[str, str]) -> list[str]:
    total = len(summary.csps)
    if t.objectives:
        in_plan = "In the plan: " + "; ".join(
            f"**{escape(o)}** {escape(titles[o])}" for o in t.objectives
        )
    else:
        in_plan = "**Not in the plan:** no objective of the police and crime plan is on this theme."
    lines = [
        f"### {heading(t.theme)}",
        "",
        f"Held by {len(t.csps)} of {total} partnerships. {in_plan}",
        "",
    ]
    for csp in t.csps:
        lines.append(f"- **{escape(summary.name_of(csp))}**")
        for p in t.priorities_of(csp):
            lines.append(f"  - Priority {escape(p.id)}: {escape(p.title)}")
        for f in t.findings_of(csp):
            lines.append(f"  - Assessment finding: {escape(f.finding)}")
            if f.evidence:
                lines.append(f"    - Evidence: {escape(f.evidence)}")
    return lines


def _holdings(summary: ForceSummary) -> list[str]:
    titles = {o.id: o.title for o in summary.objectives}
    lines = ["## Shared by several partnerships", ""]
    if summary.shared:
        lines.append(
            "Themes two or more partnerships hold: candidates for force-wide work with the "
            "body that issues the plan."
        )
        for t in summary.shared:
            lines += ["", *_holding(summary, t, titles)]
    else:
        lines.append("No theme is held by more than one partnership.")
    lines += ["", "## Held by one partnership only", ""]
    if summary.single:
        lines.append(
            "Local themes: easy to lose in a force-wide picture, so named here one by one."
        )
        for t in summary.single:
            lines += ["", *_holding(summary, t, titles)]
    elif summary.themes:
        lines.append("Every theme is held by at least two partnerships.")
    else:
        lines.append("No themes to list.")
    return lines


def _objective_row(summary: ForceSummary, o: ObjectiveEvidence) -> list[str]:
    total = len(summary.csps)
    themes = [f"{escape(label)} ({count})" for label, count in o.themes]
    return [
        f"**{escape(o.id)}** {escape(o.title)}",
        ", ".join(themes) or "no themes recognised",
        f"{len(o.priority_csps)} of {total}",
        f"{len(o.finding_csps)} of {total}",
        EVIDENCE_WORDS[o.evidence],
    ]


def _objectives(summary: ForceSummary) -> list[str]:
    lines = [
        "## The plan's objectives and the local evidence",
        "",
        "For each objective: its themes, with how many partnerships hold each; how many "
        "partnerships have a priority on one of them; and how many strategic assessments "
        "have a key finding on one of them. A theme counts with the themes "
        "that are part of it: domestic abuse counts for violence against women and girls.",
        "",
    ]
    lines += md_table(
        [
            "Objective",
            "Themes (partnerships)",
            "Partnership priorities",
            "Assessment findings",
            "Local evidence",
        ],
        ["---", "---", "---:", "---:", "---"],
        [_objective_row(summary, o) for o in summary.objectives],
    )
    lines += ["", "### Objectives with no local evidence behind them", ""]
    if not summary.unevidenced:
        lines.append(
            "None: every objective has at least one partnership priority or assessment "
            "finding on its themes."
        )
        return lines
    for o in summary.unevidenced:
        if o.themes:
            about = f"its themes ({', '.join(escape(t) for t, _ in o.themes)})"
            lines.append(
                f"- **{escape(o.id)}** {escape(o.title)}: no partnership priority or "
                f"assessment finding is on {about}."
            )
        else:
            lines.append(
                f"- **{escape(o.id)}** {escape(o.title)}: alignkit recognised no "
                "community-safety theme in its text, so found no evidence for it."
            )
    lines += ["", CAUTION]
    return lines


def summary_markdown(summary: ForceSummary) -> str:
    blocks = [
        _header(summary),
        _glance(summary),
        _assessments(summary),
        _strategies(summary),
        _theme_table(summary),
        _holdings(summary),
        _objectives(summary),
        [
            "---",
            "",
            f"Made by alignkit {escape(summary.tool_version)} as of "
            f"{summary.as_of.isoformat()} from {escape(summary.plan_path)} and "
            f"{plural(len(summary.csps), 'partnership file')}.",
        ],
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


__all__ = ["summary_markdown"]
