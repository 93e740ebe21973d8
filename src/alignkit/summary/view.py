"""The force-wide summary's sentences, made once, in plain text.

The Markdown and the HTML summary both print this view, so a wording fix reaches both.
Nothing here is escaped: Markdown escapes it with `markup.escape`, the page with
autoescape. Where one format emphasises or links part of a sentence, the view holds the
parts (the lead and the rest), never two sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..words import plural
from .model import ForceSummary, ObjectiveEvidence

TITLE = "Force-wide summary of strategic assessments"

SECTION = {
    "glance": "At a glance",
    "assessments": "Strategic assessments",
    "strategies": "Statutory strategies",
    "themes": "Themes across the force area",
    "shared": "Shared by several partnerships",
    "single": "Held by one partnership only",
    "objectives": "The plan’s objectives and the local evidence",
    "unevidenced": "Objectives with no local evidence behind them",
}
"""The summary's section headings, in every format."""

COLUMNS = {
    "assessments": (
        "Partnership",
        "Tier",
        "Assessment completed",
        "Data covers",
        "Key findings",
        "Priorities",
    ),
    "themes": ("Theme", "Partnerships", "Priorities", "Key findings", "Plan objectives"),
    "objectives": (
        "Objective",
        "Themes (partnerships holding each)",
        "Partnership priorities",
        "Assessment findings",
        "Local evidence",
    ),
}
"""The column headings of the summary's tables (a plan for several forces adds 'Force area'
before the assessments' columns)."""

CAUTION = (
    "The body that issues the plan is elected, or led by elected members, and the "
    "commitments it was elected on shape the plan: an objective may reflect its view "
    "rather than the evidence partnerships hold (LGA guide, chapter 4). That is its call; "
    "this list shows where the plan and the local evidence part, so it can be discussed."
)

SAY = {
    "lede": (
        "What the partnerships’ strategic assessments and priorities are about, theme by "
        "theme, set against the objectives of the police and crime plan."
    ),
    "reading": (
        "Themes are read from the words of each priority and key finding with alignkit’s "
        "community-safety vocabulary."
    ),
    "no_partnerships": "No partnerships were given.",
    "not_recorded": "Not recorded",
    "no_themes": (
        "No community-safety themes were found in the partnerships’ priorities or "
        "assessment findings."
    ),
    "not_in_plan": "Not in the plan",
    "not_in_plan_rest": "no objective of the police and crime plan is on this theme.",
    "shared_intro": (
        "Themes two or more partnerships hold: candidates for force-wide work with the "
        "body that issues the plan."
    ),
    "no_shared": "No theme is held by more than one partnership.",
    "single_intro": "Local themes: easy to lose in a force-wide picture, so named here one by one.",
    "all_shared": "Every theme is held by at least two partnerships.",
    "no_theme_list": "No themes to list.",
    "objectives_intro": (
        "For each objective: its themes, with how many partnerships hold each; how many "
        "partnerships have a priority on one of them; and how many strategic assessments "
        "have a key finding on one of them. A theme counts with the themes that are part "
        "of it: domestic abuse counts for violence against women and girls."
    ),
    "no_themes_recognised": "No themes recognised",
    "all_evidenced": "Every objective of the plan has local evidence behind it.",
    "none_unevidenced": (
        "None: every objective has at least one partnership priority or assessment finding "
        "on its themes."
    ),
    "none_shown": "—",
}
"""Sentences that take no numbers or names."""

NO_ASSESSMENTS = (
    "No partnership has recorded its strategic assessment (",
    "strategic_assessment",
    "in the CSP file), so this summary rests on priorities alone.",
)
"""Said when no partnership records its assessment: the field's name is shown as code."""

HOLDS = (
    "A partnership",
    "holds",
    "a theme when one of its priorities or key findings is about it.",
)
"""The definition of 'holds': the word itself is emphasised in every format."""


def unevidenced_reason(o: ObjectiveEvidence) -> str:
    """Why an objective has no local evidence behind it, after its id and title."""
    if o.themes:
        themes = ", ".join(label for label, _ in o.themes)
        return f"no partnership priority or assessment finding is on its themes ({themes})."
    return "alignkit recognised no community-safety theme in its text, so found no evidence for it."


@dataclass(frozen=True)
class SummaryView:
    """The summary's sentences that take the area's numbers and names."""

    partnerships: str
    """'8, of which 7 recorded a strategic assessment'."""
    unevidenced: str
    """'2 objectives of the plan with no local evidence behind them:', or ''."""
    widest: tuple[str, str, str]
    """('Most widely held:', the theme, '(5 of 8 partnerships).'), or empty strings."""
    made_by: str
    """The footer up to the plan file's name."""
    made_from: str
    """The footer after the plan file's name."""
    title: str = TITLE
    section: dict[str, str] = field(default_factory=lambda: SECTION)
    columns: dict[str, tuple[str, ...]] = field(default_factory=lambda: COLUMNS)
    say: dict[str, str] = field(default_factory=lambda: SAY)
    holds: tuple[str, str, str] = HOLDS
    no_assessments: tuple[str, str, str] = NO_ASSESSMENTS
    caution: str = CAUTION

    @staticmethod
    def held_by(held: int, total: int) -> str:
        return f"Held by {held} of {total} partnerships."


def summary_view(summary: ForceSummary) -> SummaryView:
    total = len(summary.csps)
    with_assessment = sum(1 for c in summary.csps if c.has_assessment)
    unevidenced = len(summary.unevidenced)
    top = summary.shared[0] if summary.shared else None
    return SummaryView(
        partnerships=f"{total}, of which {with_assessment} recorded a strategic assessment",
        unevidenced=(
            f"{plural(unevidenced, 'objective')} of the plan with no local evidence behind "
            f"{'it' if unevidenced == 1 else 'them'}:"
            if unevidenced
            else ""
        ),
        widest=(
            ("Most widely held:", top.theme, f"({len(top.csps)} of {total} partnerships).")
            if top
            else ("", "", "")
        ),
        made_by=f"Made by alignkit {summary.tool_version} as of {summary.as_of.isoformat()} from",
        made_from=f"and {plural(total, 'partnership file')}.",
    )


__all__ = ["CAUTION", "SummaryView", "summary_view", "unevidenced_reason"]
