"""The import template: an empty workbook in the layout, or a document exported into it.

`alignkit import --template` writes the empty one for officers to fill in;
`--template --from plan.yaml` writes an existing document into the same layout, to edit
in Excel and import again. Both come from the layout table, so what is written is exactly
what is read back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from ..models import CSPDocument, PolicePlan
from .layout import INSTRUCTIONS_SHEET, MAX_ROWS, Column, Layout, Sheet

_WIDE = 60
_NARROW = 18


def _value_at(model: BaseModel | None, path: tuple[str, ...]) -> Any:
    value: Any = model
    for part in path:
        if value is None:
            return None
        value = getattr(value, part, None)
    return value


def _cell_value(value: Any, column: Column) -> Any:
    """What to put in a cell for a document's value (None for nothing)."""
    if value is None or value == []:
        return None
    if column.shape == "lines":
        return "\n".join(value)
    if column.shape == "ids":
        return ", ".join(value)
    if column.shape == "yes-no":
        return "yes" if value else "no"
    if hasattr(value, "label"):  # a Period: as officers write it
        return value.label()
    return value


def _style_header(sheet: Any, count: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for column in range(1, count + 1):
        cell = sheet.cell(1, column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="top")
    sheet.freeze_panes = "A2"


def _validation(sheet: Any, column: Column, where: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if not column.choices:
        return
    rule = DataValidation(
        type="list",
        formula1='"' + ",".join(column.choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=column.label,
        error="Choose one of: " + ", ".join(column.choices),
    )
    rule.add(where)
    sheet.add_data_validation(rule)


def _format(cell: Any, value: Any, column: Column) -> None:
    from openpyxl.styles import Alignment

    cell.value = value
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if column.shape == "date":
        cell.number_format = "yyyy-mm-dd"


def _details_sheet(book: Any, sheet: Sheet, model: BaseModel | None) -> None:
    out = book.create_sheet(sheet.name)
    out.append(["Field", "Value", "Notes"])
    _style_header(out, 3)
    for row, column in enumerate(sheet.columns, start=2):
        out.cell(row, 1, column.label + (" (required)" if column.required else ""))
        _format(out.cell(row, 2), _cell_value(_value_at(model, column.path), column), column)
        out.cell(row, 3, column.help)
        _validation(out, column, f"B{row}")
    out.column_dimensions["A"].width = 28
    out.column_dimensions["B"].width = _WIDE
    out.column_dimensions["C"].width = _WIDE


def _list_sheet(book: Any, sheet: Sheet, model: BaseModel | None) -> None:
    from openpyxl.utils import get_column_letter

    out = book.create_sheet(sheet.name)
    out.append([c.label for c in sheet.columns])
    _style_header(out, len(sheet.columns))
    items = _value_at(model, sheet.path) or []
    for row, item in enumerate(items, start=2):
        for position, column in enumerate(sheet.columns, start=1):
            value = _cell_value(_value_at(item, column.path), column)
            _format(out.cell(row, position), value, column)
    for position, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(position)
        wide = column.shape in ("text", "lines") and column.path[-1] not in ("id", "name")
        out.column_dimensions[letter].width = _WIDE if wide else _NARROW
        _validation(out, column, f"{letter}2:{letter}{MAX_ROWS + 1}")


def _instructions(book: Any, layout: Layout) -> None:
    from openpyxl.styles import Alignment, Font

    out = book.active
    out.title = INSTRUCTIONS_SHEET
    lines: list[tuple[str, bool]] = [
        (f"alignkit import template: {layout.label}", True),
        (
            "Fill in the sheets, save, then run:  alignkit import this-file.xlsx --output "
            "document.yaml",
            False,
        ),
        (
            "Keep the sheet names and the header rows. Required columns and fields are marked "
            "in docs/import.md; the others may be left empty or deleted.",
            False,
        ),
        (
            "A cell with a list (outcomes, measures, sub-themes, local authorities) has one item "
            "per line: press Alt+Enter between items.",
            False,
        ),
        (
            "Dates: type them as dates (31/03/2027) or as 2027-03-31. Do not merge cells, and "
            "type values rather than formulas.",
            False,
        ),
        ("This sheet is not read; nor is the Notes column of the details sheet.", False),
        ("", False),
    ]
    for sheet in layout.sheets:
        lines.append((f"{sheet.name}: {sheet.about}", True))
        lines.extend((f"    {c.label}: {c.help}", False) for c in sheet.columns)
    for row, (text, bold) in enumerate(lines, start=1):
        cell = out.cell(row, 1, text)
        cell.font = Font(bold=bold)
        cell.alignment = Alignment(wrap_text=False)
    out.column_dimensions["A"].width = 110


def build_workbook(layout: Layout, model: PolicePlan | CSPDocument | None = None) -> Any:
    """An openpyxl Workbook: the instructions, then every sheet of the layout."""
    import openpyxl  # deferred: only `alignkit import` pays for it

    if isinstance(model, CSPDocument):
        model = model.with_legal_names()  # the template's columns are the legal names
    book = openpyxl.Workbook()
    _instructions(book, layout)
    for sheet in layout.sheets:
        if sheet.is_list:
            _list_sheet(book, sheet, model)
        else:
            _details_sheet(book, sheet, model)
    # A fixed creation time, so the same document always gives the same workbook.
    book.properties.created = book.properties.modified = dt.datetime(2025, 1, 1)
    book.properties.creator = "alignkit"
    return book
