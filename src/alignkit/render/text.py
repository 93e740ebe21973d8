"""The terminal report: a summary panel, a compact CSP × objective matrix, and the findings
grouped by partnership. Colour helps, but every status is also a symbol and a word, so it
reads the same in a log file or with NO_COLOR."""

from __future__ import annotations

from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ..assess import CheckResult, Finding
from ..models import area_key
from ..words import STATE_SYMBOL, STATE_WORD, one_line, plural, with_welsh
from .validation import diagnostic_text

_STYLE = {
    "addressed": "green",
    "partial": "yellow",
    "considered": "cyan",
    "gap": "bold red",
    "policing-only": "dim",
}
_KEY_WORD = {**STATE_WORD, "considered": "considered, reason recorded"}

CELL = {state: (STATE_SYMBOL[state], _STYLE[state], _KEY_WORD[state]) for state in STATE_SYMBOL}
"""State -> (symbol, terminal style, the words in the key under a matrix)."""


def key_states(policing_only: bool) -> dict[str, tuple[str, str, str]]:
    """The key's entries: 'policing only' only when the plan has such an objective."""
    return {s: v for s, v in CELL.items() if policing_only or s != "policing-only"}


_WIDTH = 100
"""Width used when the report is written to a file or a pipe: stable across machines."""


def _summary(result: CheckResult) -> Panel:
    plan = result.plan
    counts = result.counts()
    gaps = sum(1 for f in result.findings if f.code == "AK301" and not f.waived)
    # Wrapped inside the box whatever the console says (the terminal report is printed
    # with soft_wrap, which would otherwise cut a sentence at the box's edge).
    lines = Text(no_wrap=False, overflow="fold")
    lines.append(one_line(with_welsh(plan.title, result.welsh)), style="bold")
    lines.append(f"  ({one_line(plan.force_area)}")
    if plan.period:
        lines.append(f", {plan.period.label()}")
    lines.append(")\n")
    lines.append(
        f"{plural(len(result.csps), 'partnership')} · {plural(len(plan.objectives), 'objective')}"
        f" · {plural(sum(len(c.priorities) for c in result.csps), 'priority', 'priorities')}"
        f" · as of {result.as_of.isoformat()}\n"
    )
    lines.append(plural(counts["error"], "error"), style="bold red" if counts["error"] else "")
    lines.append(" · ")
    lines.append(plural(counts["warning"], "warning"), style="yellow" if counts["warning"] else "")
    lines.append(f" · {counts['info']} info")
    lines.append(f" · {result.waived} waived\n" if result.waived else "\n")
    if gaps:
        lines.append(
            f"{plural(gaps, 'unexplained gap')}: objectives a partnership neither "
            "addresses nor records why not.",
            style="bold red",
        )
    elif any(f.code == "AK301" for f in result.findings):
        waived_gaps = sum(1 for f in result.findings if f.code == "AK301")
        lines.append(
            f"{plural(waived_gaps, 'unexplained gap')}, accepted by waivers until they expire.",
            style="yellow",
        )
    else:
        lines.append(
            "No unexplained gaps: every partnership has regard to every objective.", style="green"
        )
    return Panel(lines, title="alignkit check", title_align="left", expand=False)


def _matrix(result: CheckResult) -> Text:
    objectives = [o.id for o in result.plan.objectives]
    width = max([len(o) for o in objectives] + [2]) + 2
    label = max([len(c.id) for c in result.csps] + [11]) + 2
    out = Text()
    out.append("How each partnership stands to each objective\n", style="bold")
    out.append(
        " " * label + "".join(o.ljust(width) for o in objectives).rstrip() + "\n", style="bold"
    )
    forces = {area_key(a): a for a in result.plan.forces}
    shown: str | None = None
    for csp in result.csps:
        force = forces.get(area_key(csp.force_area), csp.force_area) if forces else None
        if force is not None and force != shown:
            out.append(f"{force}:\n", style="bold")
            shown = force
        out.append(csp.id.ljust(label))
        for objective in objectives:
            symbol, style, _ = CELL[result.cells[(csp.id, objective)].state]
            out.append(symbol, style=style)
            out.append(" " * (width - 1))
        out.rstrip()
        if csp.ended_by(result.as_of):
            out.append("  (ended)")
        out.append("\n")
    out.append("Key: ")
    policing = any(o.policing_only for o in result.plan.objectives)
    for i, (symbol, style, words) in enumerate(key_states(policing).values()):
        out.append(("  " if i else "") + symbol, style=style)
        out.append(f" {words}")
    out.append("\n")
    return out


def _coverage(result: CheckResult) -> Text:
    out = Text()
    out.append("Coverage of the plan across the force area\n", style="bold")
    total = sum(1 for c in result.csps if not c.ended_by(result.as_of))
    titles = {o.id: one_line(with_welsh(o.title, result.welsh)) for o in result.plan.objectives}
    for cover in result.coverage:
        addressed = len(cover.addressed_by)
        style = "red" if addressed == 0 and not cover.policing_only else ""
        out.append(f"  {cover.objective} {titles[cover.objective]}: ")
        if cover.policing_only:
            out.append("policing only (not expected of partnerships), ")
        out.append(f"{addressed} of {total} address it", style=style)
        if cover.considered_by:
            out.append(f", {len(cover.considered_by)} recorded why not")
        out.append("\n")
    for theme in result.themes:
        out.append(f"  The plan may be missing {theme.theme}: ", style="yellow")
        out.append(f"a priority for {', '.join(theme.csps)}\n")
    out.rstrip()
    return out


def _findings(title: str, findings: list[Finding]) -> Text:
    out = Text()
    if not findings:
        return out
    out.append(f"\n{title}\n", style="bold underline")
    for finding in findings:
        out.append_text(diagnostic_text(finding, severity=True))
        if finding.waiver is not None:
            w = finding.waiver
            by = f", approved by {w.approved_by}" if w.approved_by else ""
            out.append("    waived: ", style="dim")
            out.append(one_line(f"until {w.expires.isoformat()}{by}: {w.reason} ({w.where})"))
            out.append("\n")
    out.rstrip()
    return out


def render_text(result: CheckResult) -> RenderableType:
    parts: list[RenderableType] = [_summary(result), _matrix(result), _coverage(result)]
    parts.append(
        _findings(
            f"Police and crime plan ({result.plan_doc.source.shown})", result.findings_for(None)
        )
    )
    for doc, csp in zip(result.csp_docs, result.csps, strict=True):
        # Led by a word of ours, not the partnership's name: a name such as `::error::…`
        # must not start a line of a CI log, where it would be a workflow command.
        name = with_welsh(csp.name, result.welsh)
        title = one_line(f"Partnership {csp.id}: {name} ({doc.source.shown})")
        parts.append(_findings(title, result.findings_for(csp.id)))
    verdict = Text()
    errors = result.counts()["error"]
    verdict.append(
        f"\n{plural(errors, 'error')} to resolve." if errors else "\nNo errors.",
        style="bold red" if errors else "bold green",
    )
    parts.append(verdict)
    return Group(*parts)


def text_report(result: CheckResult) -> str:
    """The terminal report as plain text (no colour codes), for files and pipes."""
    console = Console(
        file=StringIO(),
        width=_WIDTH,
        color_system=None,
        soft_wrap=True,
        highlight=False,
        force_terminal=False,
    )
    console.print(render_text(result))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


__all__ = ["render_text", "text_report"]
