"""The timeline chart's geometry: every shape and label placed, ready for the template.

The arithmetic lives here, not in the template, so the template only writes SVG elements
(and escapes their text). Numbers are written as text with at most one decimal, so the
page is the same bytes on every machine.

Every mark has a word or a letter beside it and a shape of its own, so nothing is told by
colour alone; the page's key explains the letters.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from dataclasses import dataclass

from ..words import long_date, short_date
from .events import AreaCalendar, DatedItem, Kind, Lane, period_words

WIDTH = 1000
LABEL_X = 8
PLOT_X0 = 270
PLOT_X1 = 975
TOP = 56
"""Where the first row starts: above it, the financial-year labels and the as-of label."""
ROW_MIN = 64
LINE = 17
BAR_HALF = 10
NAME_WIDTH = 30
"""Characters per line of a row's name (bold, 14px, in the 260px label column)."""

LETTER = {
    Kind.PLAN_REFRESH: "R",
    Kind.PCC_REVIEW: "R",
    Kind.ASSESSMENT: "A",
    Kind.PCC_PUBLISHED: "P",
}
"""Marks drawn on a row, with the letter printed under each (the key explains them)."""

SHAPE = {
    Kind.PLAN_REFRESH: "diamond",
    Kind.PCC_REVIEW: "diamond",
    Kind.ASSESSMENT: "circle",
    Kind.PCC_PUBLISHED: "triangle",
}

TICKS = (Kind.MEETING, Kind.DOCUMENT_DUE, Kind.STRATEGY_REVIEW)
"""Meetings, document deadlines and strategy reviews: small ticks above the bar (the table
lists them)."""


def number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Label:
    x: str
    y: str
    text: str
    anchor: str = "start"
    css: str = ""


@dataclass(frozen=True)
class Rule:
    x1: str
    y1: str
    x2: str
    y2: str
    css: str
    title: str = ""


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    css: str
    title: str
    overrun: tuple[str, str] | None = None
    """x and width of the part of the bar past where the plan should end (hatched)."""


@dataclass(frozen=True)
class Mark:
    shape: str
    """'circle' (cx, cy, r) or 'polygon' (points) or 'tick' (a Rule)."""
    css: str
    title: str
    cx: str = ""
    cy: str = ""
    r: str = ""
    points: str = ""
    tick: Rule | None = None
    letter: Label | None = None
    ring: str = ""
    """Radius of a ring drawn round a mark that is out of step ('' for none)."""


@dataclass(frozen=True)
class Row:
    y: str
    height: str
    css: str
    names: tuple[Label, ...]
    flags: tuple[Label, ...]
    bar: Bar | None
    marks: tuple[Mark, ...]
    rule: Rule
    """The thin line under the row."""


@dataclass(frozen=True)
class Chart:
    width: str
    height: str
    title: str
    desc: str
    years: tuple[Label, ...]
    gridlines: tuple[Rule, ...]
    rows: tuple[Row, ...]
    lines: tuple[tuple[Rule, Label, Label], ...]
    """Elections and the PCC plan's review: a line across the rows, labelled below."""
    as_of: Rule
    as_of_label: Label
    start: dt.date
    end: dt.date


def _financial_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year - (day.month < 4), 4, 1)


class _Scale:
    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start = start
        self.days = max((end - start).days, 1)

    def x(self, day: dt.date) -> float:
        return PLOT_X0 + (day - self.start).days / self.days * (PLOT_X1 - PLOT_X0)


def _clamp(x: float, half: float) -> float:
    return min(max(x, PLOT_X0 + half), PLOT_X1 - half)


def _text_width(text: str, size: float) -> float:
    """A generous estimate of rendered width; there is no font metrics at build time."""
    return len(text) * size * 0.6


def _mark(item: DatedItem, scale: _Scale, mid: float) -> Mark:
    x = scale.x(item.day)
    title = f"{item.summary}, {long_date(item.day)}"
    problem = item.misalignment
    flagged = problem is not None
    if problem is not None:
        title += f". Out of step: {problem.label}"
    if item.kind in TICKS:
        tick = Rule(
            number(x), number(mid - BAR_HALF - 7), number(x), number(mid - BAR_HALF - 1), "tick"
        )
        return Mark("tick", "tick", title, tick=tick)
    letter = LETTER[item.kind] + ("!" if flagged else "")
    css = "mark flagged" if flagged else "mark"
    label = Label(
        number(x),
        number(mid + BAR_HALF + 15),
        letter,
        "middle",
        "letter" + (" flagged" if flagged else ""),
    )
    ring = "11" if flagged else ""
    shape = SHAPE[item.kind]
    if shape == "circle":
        return Mark(
            "circle", css, title, cx=number(x), cy=number(mid), r="6", letter=label, ring=ring
        )
    corners: tuple[tuple[float, float], ...]
    if shape == "diamond":
        size = 7.5
        corners = ((x, mid - size), (x + size, mid), (x, mid + size), (x - size, mid))
    else:
        size = 7.0
        corners = ((x, mid - size), (x + size, mid + size * 0.8), (x - size, mid + size * 0.8))
    points = " ".join(f"{number(px)},{number(py)}" for px, py in corners)
    return Mark(
        "polygon", css, title, cx=number(x), cy=number(mid), points=points, letter=label, ring=ring
    )


def _row(lane: Lane, y: float, scale: _Scale) -> tuple[Row, float]:
    names = textwrap.wrap(lane.owner.short, NAME_WIDTH) or [lane.owner.short]
    period = lane.period
    subtitle = f"Plan {period.label()}" if period is not None else "No plan period given"
    if period is not None and len(subtitle) > NAME_WIDTH + 6:
        subtitle = f"{short_date(period.start)} to {short_date(period.end)}"
    lines = len(names) + 1 + len(lane.misalignments)
    height = max(ROW_MIN, 14 + LINE * lines + 10)
    mid = y + height / 2
    baseline = y + (height - LINE * lines) / 2 + 12
    labels: list[Label] = []
    for line in names:
        labels.append(Label(number(LABEL_X), number(baseline), line, css="name"))
        baseline += LINE
    labels.append(Label(number(LABEL_X), number(baseline), subtitle, css="sub"))
    baseline += LINE
    flags: list[Label] = []
    for problem in lane.misalignments:
        flags.append(Label(number(LABEL_X), number(baseline), f"⚠ {problem.label}", css="flag"))
        baseline += LINE

    bar: Bar | None = None
    if period is not None:
        x0 = scale.x(period.start)
        x1 = scale.x(period.end + dt.timedelta(days=1))
        apart = any(m.code == "AK603" for m in lane.misalignments)
        css = "bar" + (" pcc" if lane.owner.is_pcc else "") + (" flagged" if apart else "")
        overrun: tuple[str, str] | None = None
        late = [m.overrun_from for m in lane.misalignments if m.overrun_from is not None]
        if late and not apart:
            ox = scale.x(min(late))
            overrun = (number(ox), number(max(x1 - ox, 1)))
        what = "police and crime plan" if lane.owner.is_pcc else "partnership plan"
        bar = Bar(
            number(x0),
            number(mid - BAR_HALF),
            number(max(x1 - x0, 1)),
            number(BAR_HALF * 2),
            css,
            f"{lane.owner.short}: {what} {period_words(period)}",
            overrun,
        )
    marks = tuple(
        _mark(item, scale, mid) for item in lane.items if item.kind in LETTER or item.kind in TICKS
    )
    # Ticks first, so the larger marks are drawn over them.
    marks = tuple(sorted(marks, key=lambda m: m.shape != "tick"))
    rule = Rule(
        number(LABEL_X), number(y + height), number(PLOT_X1), number(y + height), "row-rule"
    )
    css = "row" + (" out-of-step" if lane.misalignments else "")
    return Row(
        number(y), number(height), css, tuple(labels), tuple(flags), bar, marks, rule
    ), height


def _tiered(
    lines: list[tuple[float, str, str, str, str]], bottom: float
) -> tuple[tuple[tuple[Rule, Label, Label], ...], int]:
    """Vertical lines across the rows, each with a two-line label under the chart.

    Labels that would overlap the one before drop to a second (third…) tier.
    """
    placed: list[tuple[Rule, Label, Label]] = []
    ends: list[float] = []
    for x, css, word, day, title in sorted(lines):
        half = max(_text_width(word, 12), _text_width(day, 12)) / 2 + 4
        at = _clamp(x, half)
        tier = next((n for n, end in enumerate(ends) if at - half > end), len(ends))
        if tier == len(ends):
            ends.append(at + half)
        else:
            ends[tier] = at + half
        top = bottom + 20 + tier * 34
        rule = Rule(number(x), number(TOP - 4), number(x), number(top - 14), css, title)
        placed.append(
            (
                rule,
                Label(number(at), number(top), word, "middle", f"{css}-label"),
                Label(number(at), number(top + 15), day, "middle", f"{css}-date"),
            )
        )
    return tuple(placed), len(ends)


def _years(
    start: dt.date, end: dt.date, scale: _Scale, bottom: float
) -> tuple[tuple[Label, ...], tuple[Rule, ...]]:
    years = end.year - start.year
    per_year = (PLOT_X1 - PLOT_X0) / max(years, 1)
    step = max(1, math.ceil(52 / per_year))
    labels: list[Label] = []
    rules: list[Rule] = []
    for n in range(years + 1):
        first = dt.date(start.year + n, 4, 1)
        x = scale.x(first)
        rules.append(
            Rule(number(x), "26", number(x), number(bottom), "fy", f"1 April {first.year}")
        )
        if n < years and n % step == 0:
            mid = scale.x(dt.date(first.year + 1, 4, 1))
            text = f"{first.year}/{(first.year + 1) % 100:02d}"
            labels.append(Label(number((x + mid) / 2), "18", text, "middle", "year"))
    return tuple(labels), tuple(rules)


def build_chart(calendar: AreaCalendar) -> Chart:
    start = _financial_year_start(calendar.first)
    end = dt.date(_financial_year_start(calendar.last).year + 1, 4, 1)
    scale = _Scale(start, end)
    rows: list[Row] = []
    y = float(TOP)
    for lane in calendar.lanes:
        row, height = _row(lane, y, scale)
        rows.append(row)
        y += height
    bottom = y
    years, gridlines = _years(start, end, scale, bottom)

    lines: list[tuple[float, str, str, str, str]] = []
    for item in calendar.items:
        if item.kind in (Kind.ELECTION, Kind.GOVERNANCE):
            # A held election is labelled as such; any other governance event by what it
            # is, with its status when not settled (the table below gives the source).
            label = "PCC election" if item.kind is Kind.ELECTION else "Governance change"
            lines.append(
                (
                    scale.x(item.day),
                    "election",
                    label,
                    short_date(item.day),
                    f"{item.what[:1].upper()}{item.what[1:]}, {long_date(item.day)}",
                )
            )
        elif item.kind is Kind.PCC_REVIEW:
            lines.append(
                (
                    scale.x(item.day),
                    "review",
                    "Plan review",
                    short_date(item.day),
                    f"Police and crime plan review due, {long_date(item.day)}: partnership "
                    "refreshes to its right are out of step",
                )
            )
    markers, tiers = _tiered(lines, bottom)
    x = scale.x(calendar.as_of)
    as_of = Rule(
        number(x), "30", number(x), number(bottom), "as-of", f"As of {long_date(calendar.as_of)}"
    )
    as_of_text = f"as of {short_date(calendar.as_of)}"
    as_of_label = Label(
        number(_clamp(x, _text_width(as_of_text, 12) / 2 + 2)),
        "44",
        as_of_text,
        "middle",
        "as-of-label",
    )

    lanes = len(calendar.lanes)
    partnerships = lanes - 1
    out_of_step = "; ".join(f"{owner.short}: {m.label}" for owner, m in calendar.misalignments)
    desc = (
        f"Timeline from {long_date(start)} to {long_date(end - dt.timedelta(days=1))}, "
        f"with one row for the police and crime plan and one for each of {partnerships} "
        f"partnership{'s' if partnerships != 1 else ''}. Bars show plan periods; marks show "
        "plan refreshes and reviews (R), strategic assessments (A) and publication (P); "
        "small ticks show meetings and document deadlines; dashed lines show governance events "
        "and a dotted line the police and crime plan's next review; "
        f"the solid line is {long_date(calendar.as_of)}. "
        + (f"Out of step: {out_of_step}." if out_of_step else "No planning cycle is out of step.")
    )
    return Chart(
        width=str(WIDTH),
        height=number(bottom + 12 + 34 * max(tiers, 1)),
        title=f"{calendar.force_area}: plan periods, refreshes, assessments and governance events",
        desc=desc,
        years=years,
        gridlines=gridlines,
        rows=tuple(rows),
        lines=markers,
        as_of=as_of,
        as_of_label=as_of_label,
        start=start,
        end=end,
    )
