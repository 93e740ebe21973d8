"""The report as an Excel workbook, for officers who work in spreadsheets.

Four sheets: a summary; the matrix (partnership × objective, with the HTML page's symbols,
words and colours, a key, frozen headers and filters); the findings, one a row; and every
pair of priority and objective with its score, status and explanation. Built from the
JSON report model, so every cell states what `--format json` does.

Text from the YAML files goes into cells as text, never as a formula: a title such as
`=HYPERLINK(…)` or `@SUM(…)` (the CSV/formula injection OWASP describes) is stored as a
string and marked to stay one if edited. The bytes are reproducible (officezip).
openpyxl is imported only here, and this module only when a workbook is written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from math import ceil
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..assess import CheckResult
from ..models.report import CheckReport
from ..officezip import printable, reproducible
from ..words import SEVERITY_WORD, STATE_COLOURS
from .report import build_report
from .view import PageView, page_view

_RISKY = re.compile(r"\A[=+\-@\t\r]")
"""A leading character a spreadsheet may read as the start of a formula (OWASP)."""

_MAX_CELL = 32767
"""Excel's limit on the characters in a cell."""

_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _text(value: str) -> str:
    """What a cell can hold: control characters XML forbids shown as �, and at most
    Excel's limit (with an ellipsis to say it was cut)."""
    clean = printable(value)
    return clean if len(clean) <= _MAX_CELL else clean[: _MAX_CELL - 1] + "…"


def put(sheet: Worksheet, row: int, column: int, value: str | int | None) -> Any:
    """Write one cell: numbers as numbers, every string as a string (data type "s").

    openpyxl reads a string starting with "=" as a formula; the data type is set back to
    text, and the cell is given Excel's quote prefix so editing it keeps it text."""
    cell = sheet.cell(row, column)
    if value is None:
        return cell
    if isinstance(value, int):
        cell.value = value
        return cell
    text = _text(value)
    cell.value = text
    cell.data_type = "s"
    if _RISKY.match(text):
        cell.quotePrefix = True
    return cell


def _colour(cell: Any, key: str, *, bold: bool = False) -> None:
    fill, ink = STATE_COLOURS[key]
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(color=ink, bold=bold)


def _table(
    sheet: Worksheet, headers: list[str], rows: list[list[str | int | None]], widths: list[int]
) -> None:
    """A header row (bold, frozen, filtered) and the rows under it, wrapped to the widths."""
    for column, header in enumerate(headers, start=1):
        cell = put(sheet, 1, column, header)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value).alignment = _WRAP
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[1].height = _height(headers, widths)
    for row, values in enumerate(rows, start=2):
        sheet.row_dimensions[row].height = _height(values, widths)
    last = get_column_letter(len(headers)) + str(len(rows) + 1)
    sheet.auto_filter.ref = f"A1:{last}"
    sheet.freeze_panes = "B2"
    _printable(sheet)
    sheet.print_title_rows = "1:1"


_LINE = 15
"""Points a line of 11-point text takes."""


def _height(values: Sequence[str | int | None], widths: Sequence[int]) -> float:
    """A row tall enough for its wrapped text. Not every program sizes rows to wrapped text
    when it opens a file (LibreOffice does not), so the height is written, estimated from
    the characters a column of that width holds."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str):
            wrapped = sum(ceil(max(len(part), 1) / max(width - 2, 1)) for part in value.split("\n"))
            lines = max(lines, wrapped)
    return float(min(lines, 27) * _LINE)


def _printable(sheet: Worksheet) -> None:
    """Printed, a sheet fits the width of a landscape A4 page (a board pack's)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    setup = sheet.sheet_properties.pageSetUpPr
    if setup is not None:  # openpyxl makes one with every sheet
        setup.fitToPage = True


def _summary(sheet: Worksheet, view: PageView) -> None:
    report, plan = view.report, view.plan
    lines: list[tuple[str, str]] = [
        ("Police and crime plan", plan.title),
        ("Force area", plan.force_area),
    ]
    if plan.period:
        lines.append(("Plan period", plan.period))
    lines += [
        ("As of", view.as_of_long),
        ("Plan file", plan.path),
        ("Totals", " · ".join(view.totals)),
        ("Findings", " · ".join(words for _, words, _ in view.severities)),
        ("Unexplained gaps", view.verdict.text),
        (
            "Made by",
            f"alignkit {report.tool.version} (report format {report.format_version}) "
            f"as of {report.as_of}",
        ),
    ]
    for row, (label, value) in enumerate(lines, start=1):
        put(sheet, row, 1, label).font = _BOLD
        put(sheet, row, 2, value).alignment = _WRAP
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 90
    _printable(sheet)


def _matrix(sheet: Worksheet, view: PageView) -> None:
    objectives = view.plan.objectives
    headers = ["Partnership", *(f"{o.id} {o.title}" for o in objectives)]
    rows: list[list[str | int | None]] = [
        [row.name, *(c.text for c in row.cells)] for row in view.rows
    ]
    _table(sheet, headers, rows, [34] + [20] * len(objectives))
    for r, row in enumerate(view.rows, start=2):
        for c, cell in enumerate(row.cells, start=2):
            _colour(sheet.cell(r, c), cell.state, bold=cell.state == "gap")
    below = len(view.rows) + 3
    put(sheet, below, 1, "Key").font = _BOLD
    for offset, (state, symbol, words) in enumerate(view.key, start=1):
        _colour(put(sheet, below + offset, 1, symbol), state, bold=True)
        put(sheet, below + offset, 2, words)


def _findings(sheet: Worksheet, report: CheckReport) -> None:
    names = {c.id: c.name for c in report.csps}
    rows: list[list[str | int | None]] = []
    for f in report.findings:
        where = f.path + (f":{f.line}:{f.column}" if f.line is not None else "")
        waiver = None
        if f.waiver is not None:
            w = f.waiver
            by = f", approved by {w.approved_by}" if w.approved_by else ""
            waiver = f"Waived until {w.expires}{by}: {w.reason} ({w.where})"
        partnership = names.get(f.csp, f.csp) if f.csp else None
        rows.append(
            [SEVERITY_WORD[f.severity], f.code, where, partnership, f.message, f.hint, waiver]
        )
    headers = ["Severity", "Code", "Where", "Partnership", "What was found", "What to do"]
    _table(sheet, [*headers, "Waiver"], rows, [11, 9, 34, 28, 60, 60, 40])
    for r, f in enumerate(report.findings, start=2):
        _colour(sheet.cell(r, 1), f.severity, bold=True)


def _pairs(sheet: Worksheet, report: CheckReport) -> None:
    titles = {o.id: o.title for o in report.plan.objectives}
    rows: list[list[str | int | None]] = []
    statuses = []
    for csp in report.csps:
        for p in csp.priorities:
            best = p.best.objective if p.best else None
            for m in p.matches:
                summary = m.explanation.get("summary")
                rows.append(
                    [
                        csp.name,
                        p.id,
                        p.title,
                        m.objective,
                        titles.get(m.objective, ""),
                        m.score,
                        m.status,
                        "yes" if m.objective == best else "no",
                        str(summary) if summary else None,
                    ]
                )
                statuses.append(m.status)
    headers = ["Partnership", "Priority", "Priority title", "Objective", "Objective title"]
    headers += ["Score (0–100)", "Status", "Best", "Why"]
    _table(sheet, headers, rows, [28, 10, 40, 10, 40, 9, 10, 7, 80])
    for r, status in enumerate(statuses, start=2):
        _colour(sheet.cell(r, 7), status)


def workbook_bytes(report: CheckReport) -> bytes:
    """The report model as a workbook's bytes: a function of the model, so tests can feed it."""
    view = page_view(report)
    book = Workbook()
    summary = book.active
    assert summary is not None  # a new workbook has its one sheet
    summary.title = "Summary"
    _summary(summary, view)
    _matrix(book.create_sheet("Matrix"), view)
    _findings(book.create_sheet("Findings"), report)
    _pairs(book.create_sheet("Pairs"), report)
    out = io.BytesIO()
    book.save(out)
    return reproducible(out.getvalue(), dt.date.fromisoformat(report.as_of), report.plan.title)


def render_xlsx(result: CheckResult) -> bytes:
    return workbook_bytes(build_report(result))


__all__ = ["render_xlsx", "workbook_bytes"]
