"""The force-wide summary as Markdown: for a wiki page, a pull request or a briefing note.

Every piece of text from a YAML file goes through ``escape``: a finding with `|` must not
break a table, and one with `<script>` or `*` must show as typed.
"""

from __future__ import annotations

from ..assess.holdings import ThemeHolding
from ..markup import code, escape, heading, listed, md_table
from ..words import long_date, plural, with_welsh
from .model import STRATEGY_HEADINGS, STRATEGY_NOTE, ForceSummary, ObjectiveEvidence
from .view import SummaryView, summary_view, unevidenced_reason

EVIDENCE_WORDS = {
    "priorities and findings": "priorities and assessment findings",
    "priorities only": "priorities only, no assessment finding",
    "findings only": "assessment findings only, no priority",
    "none": "**none**",
}
"""The evidence behind an objective, spelt out: the page shows a short tag instead."""


def _header(summary: ForceSummary, w: SummaryView) -> list[str]:
    findings = sum(len(c.findings) for c in summary.csps)
    priorities = sum(len(c.priorities) for c in summary.csps)
    plan = escape(summary.plan_title)
    if summary.plan_period:
        plan += f" ({escape(summary.plan_period)})"
    holds = w.holds
    return [
        f"# {w.title}: {heading(summary.force_area)}",
        "",
        f"- **Police and crime plan:** {plan}",
        f"- **Partnerships:** {w.partnerships} ({plural(findings, 'key finding')}); "
        f"{plural(priorities, 'priority', 'priorities')} in all",
        f"- **As of:** {long_date(summary.as_of)} ({summary.as_of.isoformat()})",
        "",
        f"{w.say['lede']} {w.say['reading']} {holds[0]} *{holds[1]}* {holds[2]}",
    ]


def _glance(summary: ForceSummary, w: SummaryView) -> list[str]:
    lines = [f"## {w.section['glance']}", ""]
    lines.append(
        f"- {plural(len(summary.shared), 'theme')} shared by several partnerships; "
        f"{plural(len(summary.single), 'theme')} held by one partnership only."
    )
    if summary.shared:
        lead, theme, rest = w.widest
        lines.append(f"- {lead} **{escape(theme)}** {rest}")
    if summary.unevidenced:
        ids = listed([f"**{escape(o.id)}**" for o in summary.unevidenced])
        lines.append(f"- {w.unevidenced} {ids}.")
    else:
        lines.append(f"- {w.say['all_evidenced']}")
    return lines


def _assessments(summary: ForceSummary, w: SummaryView) -> list[str]:
    lines = [f"## {w.section['assessments']}", ""]
    if not summary.csps:
        return [*lines, w.say["no_partnerships"]]
    none = w.say["none_shown"]
    rows = []
    for c in summary.csps:
        if c.assessment_date is None:
            done, covers = w.say["not_recorded"], none
        else:
            done = long_date(c.assessment_date)
            covers = escape(c.assessment_period) if c.assessment_period else none
        rows.append(
            [
                *([escape(c.force_area)] if summary.forces else []),
                escape(with_welsh(c.name, summary.welsh)),
                escape(c.tier_words) if c.tier_words else none,
                done,
                covers,
                str(len(c.findings)),
                str(len(c.priorities)),
            ]
        )
    lines += md_table(
        [*(["Force area"] if summary.forces else []), *w.columns["assessments"]],
        [*(["---"] if summary.forces else []), "---", "---", "---", "---", "---:", "---:"],
        rows,
    )
    if not any(c.has_assessment for c in summary.csps):
        before, field, after = w.no_assessments
        lines += ["", f"{before}{code(field)} {after}"]
    return lines


def _strategies(summary: ForceSummary, w: SummaryView) -> list[str]:
    lines = [f"## {w.section['strategies']}", ""]
    if not summary.csps:
        return [*lines, w.say["no_partnerships"]]
    lines += md_table(
        ["Partnership", *STRATEGY_HEADINGS],
        ["---"] * (len(STRATEGY_HEADINGS) + 1),
        [[escape(with_welsh(c.name, summary.welsh)), *cells] for c, cells in summary.strategy_rows],
    )
    return [*lines, "", STRATEGY_NOTE]


def _theme_table(summary: ForceSummary, w: SummaryView) -> list[str]:
    lines = [f"## {w.section['themes']}", ""]
    if not summary.themes:
        return [*lines, w.say["no_themes"]]
    total = len(summary.csps)
    rows = [
        [
            f"**{escape(t.theme)}**",
            f"{len(t.csps)} of {total}",
            str(len(t.priorities)),
            str(len(t.findings)),
            ", ".join(escape(o) for o in t.objectives) or w.say["not_in_plan"],
        ]
        for t in summary.themes
    ]
    lines.append("How many partnerships hold each theme, most first; the sections below name them.")
    lines.append("")
    lines += md_table(w.columns["themes"], ["---", "---:", "---:", "---:", "---"], rows)
    return lines


def _holding(
    summary: ForceSummary, w: SummaryView, t: ThemeHolding, titles: dict[str, str]
) -> list[str]:
    if t.objectives:
        in_plan = (
            "In the plan: "
            + "; ".join(f"**{escape(o)}** {escape(titles[o])}" for o in t.objectives)
            + "."
        )
    else:
        in_plan = f"**{w.say['not_in_plan']}:** {w.say['not_in_plan_rest']}"
    lines = [
        f"### {heading(t.theme)}",
        "",
        f"{w.held_by(len(t.csps), len(summary.csps))} {in_plan}",
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


def _holdings(summary: ForceSummary, w: SummaryView) -> list[str]:
    titles = {o.id: o.title for o in summary.objectives}
    lines = [f"## {w.section['shared']}", ""]
    if summary.shared:
        lines.append(w.say["shared_intro"])
        for t in summary.shared:
            lines += ["", *_holding(summary, w, t, titles)]
    else:
        lines.append(w.say["no_shared"])
    lines += ["", f"## {w.section['single']}", ""]
    if summary.single:
        lines.append(w.say["single_intro"])
        for t in summary.single:
            lines += ["", *_holding(summary, w, t, titles)]
    elif summary.themes:
        lines.append(w.say["all_shared"])
    else:
        lines.append(w.say["no_theme_list"])
    return lines


def _objective_row(summary: ForceSummary, w: SummaryView, o: ObjectiveEvidence) -> list[str]:
    total = len(summary.csps)
    themes = [f"{escape(label)} ({count})" for label, count in o.themes]
    return [
        f"**{escape(o.id)}** {escape(o.title)}",
        ", ".join(themes) or w.say["no_themes_recognised"],
        f"{len(o.priority_csps)} of {total}",
        f"{len(o.finding_csps)} of {total}",
        EVIDENCE_WORDS[o.evidence],
    ]


def _objectives(summary: ForceSummary, w: SummaryView) -> list[str]:
    lines = [f"## {w.section['objectives']}", "", w.say["objectives_intro"], ""]
    lines += md_table(
        w.columns["objectives"],
        ["---", "---", "---:", "---:", "---"],
        [_objective_row(summary, w, o) for o in summary.objectives],
    )
    lines += ["", f"### {w.section['unevidenced']}", ""]
    if not summary.unevidenced:
        lines.append(w.say["none_unevidenced"])
        return lines
    for o in summary.unevidenced:
        lines.append(f"- **{escape(o.id)}** {escape(o.title)}: {escape(unevidenced_reason(o))}")
    lines += ["", w.caution]
    return lines


def summary_markdown(summary: ForceSummary) -> str:
    w = summary_view(summary)
    blocks = [
        _header(summary, w),
        _glance(summary, w),
        _assessments(summary, w),
        _strategies(summary, w),
        _theme_table(summary, w),
        _holdings(summary, w),
        _objectives(summary, w),
        ["---", "", f"{escape(w.made_by)} {escape(summary.plan_path)} {escape(w.made_from)}"],
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


__all__ = ["summary_markdown"]
