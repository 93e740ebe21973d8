"""Reports for `alignkit validate`: text for people, JSON for machines."""

from __future__ import annotations

import json

from rich.text import Text

from .. import __version__
from ..diagnostics import Diagnostic, Severity
from ..validate import KIND_LABELS, LoadedDocument, ValidationResult
from ..words import one_line, plural, visible

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _summary_of(doc: LoadedDocument) -> str:
    if doc.plan is not None:
        objectives = plural(len(doc.plan.objectives), "objective")
        return f"police and crime plan, {doc.plan.force_area}: {objectives}"
    if doc.csp is not None:
        return f"{doc.csp.name}: {plural(len(doc.csp.priorities), 'priority', 'priorities')}"
    return KIND_LABELS.get(doc.kind or "", "not read")


def diagnostic_text(diagnostic: Diagnostic, *, severity: bool = False) -> Text:
    """``path:line:column: CODE message`` then the hint, indented.

    Document problems are all errors, so their severity is only named when asked (the
    check report, where warnings and info sit beside errors) or when it is not an error.
    """
    line = Text()
    line.append(one_line(diagnostic.location()), style="bold")
    line.append(": ")
    line.append(diagnostic.code, style=_STYLE[diagnostic.severity])
    if severity or diagnostic.severity is not Severity.ERROR:
        line.append(f" {diagnostic.severity}", style=_STYLE[diagnostic.severity])
    line.append(f" {one_line(diagnostic.message)}\n")
    if diagnostic.hint:
        hint = visible(diagnostic.hint).replace("\n", "\n          ")
        line.append("    hint: ", style="dim")
        line.append(f"{hint}\n")
    return line


def validation_text(result: ValidationResult) -> Text:
    out = Text()
    by_file: dict[str, int] = {}
    for d in result.diagnostics:
        by_file[d.path] = by_file.get(d.path, 0) + (d.severity is Severity.ERROR)
    for doc in result.documents:
        problems = by_file.get(doc.source.shown, 0)
        if problems:
            out.append("  ✗ ", style="bold red")
            out.append(f"{one_line(doc.source.shown)}  ({plural(problems, 'problem')})\n")
        else:
            out.append("  ✓ ", style="bold green")
            out.append(f"{one_line(doc.source.shown)}  ", style="bold")
            out.append(f"{one_line(_summary_of(doc))}\n", style="dim")
    if result.diagnostics:
        out.append("\n")
        for d in result.diagnostics:
            out.append_text(diagnostic_text(d))
    errors = sum(d.severity is Severity.ERROR for d in result.diagnostics)
    files = len(result.documents)
    out.append("\n")
    if errors:
        bad = sum(1 for n in by_file.values() if n)
        out.append(
            f"{plural(errors, 'problem')} in {bad} of {plural(files, 'file')}.\n",
            style="bold red",
        )
    else:
        out.append(f"All {plural(files, 'file')} valid.\n", style="bold green")
    return out


def validation_json(result: ValidationResult) -> str:
    errors_by_file: dict[str, int] = {}
    for d in result.diagnostics:
        if d.severity is Severity.ERROR:
            errors_by_file[d.path] = errors_by_file.get(d.path, 0) + 1
    payload = {
        "format_version": 1,
        "tool": {"name": "alignkit", "version": __version__},
        "valid": result.valid,
        "files": [
            {
                "path": doc.source.shown,
                "kind": doc.kind,
                "valid": doc.source.shown not in errors_by_file,
                "errors": errors_by_file.get(doc.source.shown, 0),
            }
            for doc in result.documents
        ],
        "diagnostics": [d.to_dict() for d in result.diagnostics],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
