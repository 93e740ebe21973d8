"""The one table of outputs: every document alignkit writes, and every format of each.

The command line's `--format` choices, the configuration's `[[outputs]] format`, the
documentation's tables and the tests' parametrisation all read DOCUMENTS. Renderers are
named as "module:function" and imported only when a run asks for them, so start-up never
pays for jinja2 or a format it does not write. A new format is one module with a function
``document -> str`` (or an iterable of str pieces, written as they come, for reports too
large to hold twice; or ``-> bytes`` for a file such as a workbook) and one line in the
table below.

This module imports nothing of alignkit's at import time: it is read by `--help`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any, NamedTuple


class Format(NamedTuple):
    """One way to write a document: the function that writes it and the file it makes."""

    target: str
    """"module:function", the function ``document -> str`` (or pieces of str; ``-> bytes``
    when ``member`` is given); imported when first used."""
    extension: str
    description: str
    signature: str
    """A regular expression the start of every file in this format matches and a file
    someone wrote by hand would not: how alignkit knows a file it may replace is its own."""
    ending: str = ""
    """For a format with no header of its own, one the end of the file matches too."""
    member: str = ""
    """For a binary format in a zip container (.xlsx, .docx): the member of the zip the
    signature is matched against, as the file's own start is compressed. Such a format's
    function returns bytes, and it is written only to a file (--output), never a terminal."""

    @property
    def binary(self) -> bool:
        return bool(self.member)


class DocumentKind(NamedTuple):
    """A document alignkit makes from one run of the pipeline, and its formats."""

    name: str
    description: str
    build: str
    """"module:function" turning the pipeline's result into this document."""
    default: str
    formats: dict[str, Format]

    def names(self) -> list[str]:
        return list(self.formats)


# The signatures: the structural header each format always starts with (a tool name in
# metadata, not a word anywhere), so a README that mentions alignkit is not one of ours.
_HTML = (
    r"\A<!DOCTYPE html>\s*<html[^>]*>\s*<head>(?:(?!</head>).)*"
    r'<meta name="generator" content="alignkit '
)
_JSON_TOOL = r'"tool":\s*\{\s*"name":\s*"alignkit"'
_REPORT_JSON = r'\A\{\s*"format_version":\s*\d+,\s*' + _JSON_TOOL
_SUMMARY_JSON = r'\A\{\s*"format_version":\s*\d+,\s*"kind":\s*"force-wide-summary",\s*' + _JSON_TOOL
_DIFF_JSON = r'\A\{\s*"format_version":\s*\d+,\s*"kind":\s*"diff",\s*' + _JSON_TOOL
_DIFF_TEXT = r"\A╭─ alignkit diff ─ "
_SARIF = (
    r'\A\{\s*"\$schema":\s*"[^"]*sarif[^"]*",\s*"version":\s*"2\.1\.0",\s*"runs":\s*\[\s*\{'
    r'\s*"tool":\s*\{\s*"driver":\s*\{\s*"name":\s*"alignkit"'
)
_JUNIT = r'\A<\?xml version="1\.0" encoding="UTF-8"\?>\s*<testsuites name="alignkit '
_GITHUB = r"\A::(?:error|warning|notice) [^\n]*title=(?:AK\d{3}|alignkit)"
_TEXT = r"\A╭─ alignkit check ─"
_ICS = r"\ABEGIN:VCALENDAR\r?\nVERSION:2\.0\r?\nPRODID:-//alignkit//"
_MARKDOWN = r"\A# [^\n]+\n"
_MADE_BY = r"\n---\n\nMade by alignkit \S+[^\n]*\n\Z"
# An Office file (.xlsx, .docx) is alignkit's while its extended properties name alignkit
# as the application (officezip.py writes them); Excel or Word put their own name there
# when an officer saves an edit, and an edited board paper is then replaced only with --force.
_OFFICE = r"\A<\?xml[^>]*\?>\s*<Properties [^>]*>\s*<Application>alignkit</Application>"
_OFFICE_MEMBER = "docProps/app.xml"

DOCUMENTS: dict[str, DocumentKind] = {
    "report": DocumentKind(
        "report",
        "the check's report (`alignkit check`)",
        "alignkit.pipeline:report_of",
        "text",
        {
            "text": Format("alignkit.render.text:text_report", "txt", "for a terminal", _TEXT),
            "markdown": Format(
                "alignkit.render.markdown:render_markdown",
                "md",
                "for a pull request or CI summary",
                _MARKDOWN,
                _MADE_BY,
            ),
            "html": Format(
                "alignkit.render.html:render_html", "html", "to open, share and print", _HTML
            ),
            "json": Format(
                "alignkit.render.report_json:report_json_pieces",
                "json",
                "for other tools",
                _REPORT_JSON,
            ),
            "github": Format(
                "alignkit.render.github:render_github",
                "github.txt",
                "GitHub annotations",
                _GITHUB,
            ),
            "sarif": Format(
                "alignkit.render.sarif:render_sarif", "sarif", "code scanning (SARIF)", _SARIF
            ),
            "junit": Format(
                "alignkit.render.junit:render_junit", "junit.xml", "JUnit XML for CI", _JUNIT
            ),
            "xlsx": Format(
                "alignkit.render.xlsx:render_xlsx",
                "xlsx",
                "an Excel workbook: the matrix, the findings and every pair's score",
                _OFFICE,
                member=_OFFICE_MEMBER,
            ),
            "docx": Format(
                "alignkit.render.docx:render_docx",
                "docx",
                "a Word board paper to edit",
                _OFFICE,
                member=_OFFICE_MEMBER,
            ),
        },
    ),
    "calendar": DocumentKind(
        "calendar",
        "the force area's timeline (`alignkit calendar`)",
        "alignkit.calendar:calendar_of",
        "ics",
        {
            "ics": Format(
                "alignkit.calendar.ics:render_ics", "ics", "to import into Outlook or Google", _ICS
            ),
            "html": Format(
                "alignkit.calendar.html:render_calendar_html",
                "html",
                "a timeline chart to open",
                _HTML,
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
                "alignkit.pack.markdown:pack_markdown",
                "md",
                "to edit or publish in a repository",
                _MARKDOWN,
                _MADE_BY,
            ),
            "html": Format(
                "alignkit.pack.html:pack_html",
                "html",
                "to open, send and print as a booklet",
                _HTML,
            ),
            "docx": Format(
                "alignkit.pack.docx:pack_docx",
                "docx",
                "a Word document to edit and send",
                _OFFICE,
                member=_OFFICE_MEMBER,
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
                _MARKDOWN,
                _MADE_BY,
            ),
            "html": Format(
                "alignkit.pack.handover_html:handover_html",
                "html",
                "to open, send and print",
                _HTML,
            ),
            "docx": Format(
                "alignkit.pack.docx:handover_docx",
                "docx",
                "a Word document to edit and send",
                _OFFICE,
                member=_OFFICE_MEMBER,
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
                "alignkit.summary.markdown:summary_markdown",
                "md",
                "for a repository or briefing",
                _MARKDOWN,
                _MADE_BY,
            ),
            "html": Format(
                "alignkit.summary.html:summary_html", "html", "to open and print", _HTML
            ),
            "json": Format(
                "alignkit.summary.json_report:summary_json", "json", "for tools", _SUMMARY_JSON
            ),
        },
    ),
    "diff": DocumentKind(
        "diff",
        "what a change did to the assessment (`alignkit diff`)",
        "alignkit.diff:against_itself",
        "text",
        {
            "text": Format("alignkit.diff.text:diff_text", "txt", "for a terminal", _DIFF_TEXT),
            "markdown": Format(
                "alignkit.diff.markdown:diff_markdown",
                "md",
                "for a pull-request comment or the step summary",
                _MARKDOWN,
                _MADE_BY,
            ),
            "json": Format("alignkit.diff.json_report:diff_json", "json", "for tools", _DIFF_JSON),
        },
    ),
}


def format_for(kind: str, file_name: str) -> str | None:
    """The format a file name's extension asks for (`report.html`: html), or None."""
    name = file_name.lower()
    found = [
        (len(f.extension), key)
        for key, f in DOCUMENTS[kind].formats.items()
        if name.endswith("." + f.extension)
    ]
    return max(found)[1] if found else None


def format_names(kind: str) -> list[str]:
    """The formats of one document kind, in the table's order."""
    return DOCUMENTS[kind].names()


def _load(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(import_module(module), name)
    return function


def renderer(kind: str, name: str) -> Callable[[Any], str | bytes | Iterable[str]]:
    """The function that writes ``kind`` as ``name``; KeyError for a format not in the table."""
    return _load(DOCUMENTS[kind].formats[name].target)


def rendered(kind: str, name: str, document: Any) -> str | bytes:
    """``document`` written as ``name``, whole, for a caller that needs the text (or a
    binary format's bytes) itself."""
    content = renderer(kind, name)(document)
    return content if isinstance(content, str | bytes) else "".join(content)


def builder(kind: str) -> Callable[..., Any]:
    """The function that makes a ``kind`` document from the pipeline's result."""
    return _load(DOCUMENTS[kind].build)


def is_alignkit_output(head: str, tail: str) -> bool:
    """Whether a file starting with ``head`` and ending with ``tail`` is in one of
    alignkit's formats (and so alignkit's own, to replace without --force)."""
    return any(
        re.match(f.signature, head, re.S) and (not f.ending or re.search(f.ending, tail))
        for kind in DOCUMENTS.values()
        for f in kind.formats.values()
        if not f.binary
    )


def container_members() -> list[str]:
    """The zip members the binary formats' signatures are matched against."""
    return sorted({f.member for k in DOCUMENTS.values() for f in k.formats.values() if f.binary})


def is_alignkit_container(member: str, text: str) -> bool:
    """Whether a zip whose ``member`` holds ``text`` is in one of alignkit's binary formats."""
    return any(
        f.member == member and re.match(f.signature, text, re.S)
        for kind in DOCUMENTS.values()
        for f in kind.formats.values()
    )


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
