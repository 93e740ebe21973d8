"""The force-wide summary as one self-contained HTML page, to read on screen or print.

No scripts and no external files; the bar chart is inline SVG with a title, a description
and text labels, and the table beside it carries the same numbers. Text from the YAML
files is escaped by the template engine (autoescape is on), never by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..markup import html_environment, listed
from .model import STRATEGY_HEADINGS, STRATEGY_NOTE, ForceSummary
from .view import summary_view, unevidenced_reason

EVIDENCE_WORDS = {
    "priorities and findings": "Priorities and findings",
    "priorities only": "Priorities only",
    "findings only": "Findings only",
    "none": "None",
}

CHART_WIDTH = 680
LABEL_WIDTH = 270
BAR_LEFT = LABEL_WIDTH + 10
BAR_SPACE = CHART_WIDTH - BAR_LEFT - 40
ROW = 24
BAR = 16
TOP = 8
AXIS = 28


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: int
    width: int
    shared: bool

    @property
    def text_y(self) -> int:
        return self.y + BAR - 3


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    axis_y: int
    description: str
    label_x: int = LABEL_WIDTH
    bar_x: int = BAR_LEFT
    bar_height: int = BAR


LABEL_CHARACTERS = 40
"""About what fits in LABEL_WIDTH at 13px; a longer label (from a user's vocabulary) is cut
with an ellipsis in the chart, and given whole in its description and the table."""


def _fit(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def _step(total: int) -> int:
    return 1 if total <= 10 else 2 if total <= 20 else 5 if total <= 50 else 10


def chart(summary: ForceSummary) -> Chart | None:
    """Bars of how many partnerships hold each theme: geometry only, drawn by the template."""
    total = len(summary.csps)
    if not summary.themes or not total:
        return None
    bars = tuple(
        Bar(
            _fit(t.theme),
            len(t.csps),
            TOP + i * ROW,
            max(2, round(BAR_SPACE * len(t.csps) / total)),
            t.shared,
        )
        for i, t in enumerate(summary.themes)
    )
    axis_y = TOP + len(bars) * ROW
    ticks = tuple(
        Tick(BAR_LEFT + round(BAR_SPACE * n / total), str(n))
        for n in range(0, total + 1, _step(total))
    )
    description = "; ".join(f"{t.theme}: {len(t.csps)} of {total}" for t in summary.themes)
    return Chart(
        CHART_WIDTH,
        axis_y + AXIS,
        bars,
        ticks,
        axis_y,
        f"Number of partnerships, out of {total}, holding each theme. {description}.",
    )


def _view(summary: ForceSummary) -> dict[str, object]:
    names = {c.id: c.name for c in summary.csps}
    titles = {o.id: o.title for o in summary.objectives}
    total = len(summary.csps)
    return {
        "s": summary,
        "total": total,
        "names": names,
        "titles": titles,
        "with_assessment": sum(1 for c in summary.csps if c.has_assessment),
        "finding_count": sum(len(c.findings) for c in summary.csps),
        "chart": chart(summary),
        "anchors": {t.theme: f"theme-{i}" for i, t in enumerate(summary.themes, start=1)},
        "evidence_words": EVIDENCE_WORDS,
        "w": summary_view(summary),
        "unevidenced_reason": unevidenced_reason,
        "unevidenced_ids": listed([o.id for o in summary.unevidenced]),
        "strategy_headings": STRATEGY_HEADINGS,
        "strategy_note": STRATEGY_NOTE,
        "welsh": summary.welsh,
    }


def summary_html(summary: ForceSummary) -> str:
    template = html_environment().get_template("summary.html.j2")
    return template.render(_view(summary))


__all__ = ["chart", "summary_html"]
