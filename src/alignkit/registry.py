"""The one table of outputs: every document alignkit writes, and every format of each.

The command line's `--format` choices, the configuration's `[[outputs]] format`, the
documentation's tables and the tests' parametrisation all read DOCUMENTS. Renderers are
named as "module:function" and imported only when a run asks for them, so start-up never
pays for jinja2 or a format it does not write. A new format is one module with a function
``document -> str`` and one line in the table below.

This module imports nothing of alignkit's at import time: it is read by `--help`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Format:
    """One way to write a document: the function that writes it and the file it makes."""

    target: str
    """"module:function", the function ``document -> str``; imported when first used."""
    extension: str
    description: str


@dataclass(frozen=True)
class DocumentKind:
    """A document alignkit makes from one run of the pipeline, and its formats."""

    name: str
    description: str
    build: str
    """"module:function" turning the pipeline's result into this document."""
    default: str
    formats: dict[str, Format]

    def names(self) -> list[str]:
        return list(self.formats)


DOCUMENTS: dict[str, DocumentKind] = {
    "report": DocumentKind(
        "report",
        "the check's report (`alignkit check`)",
        "alignkit.pipeline:report_of",
        "text",
        {
            "text": Format("alignkit.render.text:text_report", "txt", "for a terminal"),
            "markdown": Format(
                "alignkit.render.markdown:render_markdown", "md", "for a pull request or CI summary"
            ),
            "html": Format("alignkit.render.html:render_html", "html", "to open, share and print"),
            "json": Format("alignkit.render.report:report_json", "json", "for other tools"),
            "github": Format(
                "alignkit.render.github:render_github", "github.txt", "GitHub annotations"
            ),
            "sarif": Format("alignkit.render.sarif:render_sarif", "sarif", "code scanning (SARIF)"),
            "junit": Format("alignkit.render.junit:render_junit", "junit.xml", "JUnit XML for CI"),
        },
    ),
    "calendar": DocumentKind(
        "calendar",
        "the force area's timeline (`alignkit calendar`)",
        "alignkit.calendar:calendar_of",
        "ics",
        {
            "ics": Format(
                "alignkit.calendar.ics:render_ics", "ics", "to import into Outlook or Google"
            ),
            "html": Format(
                "alignkit.calendar.html:render_calendar_html", "html", "a timeline chart to open"
            ),
        },
    ),
    "pack": DocumentKind(
        "pack",
        "the welcome pack for the body that issues the plan (`alignkit pack`)",
        "alignkit.pack.model:build_pack",
        "markdown",
        {
            "markdown": Format(
                "alignkit.pack.markdown:pack_markdown", "md", "to edit or publish in a repository"
            ),
            "html": Format(
                "alignkit.pack.html:pack_html", "html", "to open, send and print as a booklet"
            ),
        },
    ),
    "handover": DocumentKind(
        "handover",
        "the handover pack for the body that takes over the plan (`alignkit pack --for successor`)",
        "alignkit.pack.handover:build_handover",
        "markdown",
        {
            "markdown": Format(
                "alignkit.pack.handover_markdown:handover_markdown",
                "md",
                "to edit or publish in a repository",
            ),
            "html": Format(
                "alignkit.pack.handover_html:handover_html", "html", "to open, send and print"
            ),
        },
    ),
    "summary": DocumentKind(
        "summary",
        "the force-wide summary of the strategic assessments (`alignkit summary`)",
        "alignkit.summary.model:build_summary",
        "markdown",
        {
            "markdown": Format(
                "alignkit.summary.markdown:summary_markdown", "md", "for a repository or briefing"
            ),
            "html": Format("alignkit.summary.html:summary_html", "html", "to open and print"),
            "json": Format("alignkit.summary.json_report:summary_json", "json", "for tools"),
        },
    ),
}


def format_names(kind: str) -> list[str]:
    """The formats of one document kind, in the table's order."""
    return DOCUMENTS[kind].names()


def _load(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(import_module(module), name)
    return function


def renderer(kind: str, name: str) -> Callable[[Any], str]:
    """The function that writes ``kind`` as ``name``; KeyError for a format not in the table."""
    return _load(DOCUMENTS[kind].formats[name].target)


def builder(kind: str) -> Callable[..., Any]:
    """The function that makes a ``kind`` document from the pipeline's result."""
    return _load(DOCUMENTS[kind].build)


def formats_table() -> str:
    """The Markdown table of every document and format, for the documentation."""
    lines = ["| document | format | file | for |", "| --- | --- | --- | --- |"]
    for kind in DOCUMENTS.values():
        for name, fmt in kind.formats.items():
            default = " (default)" if name == kind.default else ""
            lines.append(
                f"| {kind.name} | `{name}`{default} | `.{fmt.extension}` | {fmt.description} |"
            )
    return "\n".join(lines) + "\n"
