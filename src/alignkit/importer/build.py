"""Tables to a document: place each cell's value in the document, then validate it.

The document is validated by the same models and the same error translation as a YAML
file. To reuse that translation, each cell that gave a value is numbered, and the number
stands in for a line in the positions it works with; the diagnostics it returns are then
moved back to their cells (``Priorities!B7``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..diagnostics import Diagnostic, Position
from ..load import DEFAULT_LIMITS, NodeLocation, SourceFile
from ..models import DOCUMENT_KINDS, CSPDocument, PolicePlan
from ..validate import LoadedDocument, crossfile
from ..validate.schema_errors import diagnostics_for, did_you_mean
from .cells import CellDiagnostic, CellRef, at_cell
from .layout import LAYOUTS, Column, Layout, Sheet, column_for, normalise, sheet_for
from .table import Spreadsheet, Table
from .values import convert, text_of

DocPath = tuple[str | int, ...]


@dataclass
class Imported:
    """The document built from a spreadsheet, or the problems that stop it."""

    kind: str | None
    model: PolicePlan | CSPDocument | None
    diagnostics: list[CellDiagnostic] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.model is not None and not self.diagnostics


@dataclass
class _Draft:
    """The document's values as they are placed, and the cell behind each."""

    shown: str
    epoch_1904: bool
    data: dict[str, Any] = field(default_factory=dict)
    cells: list[CellRef] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    """What each cell is called in the spreadsheet: a column header, a field or a sheet."""
    places: dict[DocPath, int] = field(default_factory=dict)
    problems: list[CellDiagnostic] = field(default_factory=list)

    def place(self, path: DocPath, cell: CellRef, label: str) -> None:
        """Remember the first cell behind ``path`` (and behind each enclosing part)."""
        for end in range(len(path) + 1):
            if path[:end] not in self.places:
                self.places[path[:end]] = len(self.cells)
                self.cells.append(cell)
                self.labels.append(label)

    def put(self, path: DocPath, value: object, cell: CellRef, label: str) -> None:
        self.place(path, cell, label)
        target = self.data
        for part in path[:-1]:
            target = target.setdefault(str(part), {})
        target[str(path[-1])] = value


def _problem(
    draft: _Draft, code: str, message: str, cell: CellRef, hint: str | None = None
) -> None:
    draft.problems.append(at_cell(code, message, draft.shown, cell, hint))


def _suggest(header: str, sheet: Sheet) -> str | None:
    guess = did_you_mean(normalise(header), [normalise(c.label) for c in sheet.columns])
    label = next((c.label for c in sheet.columns if normalise(c.label) == guess), None)
    if label:
        return f"did you mean '{label}'?"
    return "use one of: " + ", ".join(c.label for c in sheet.columns)


def _read_details(draft: _Draft, table: Table, sheet: Sheet) -> None:
    seen: dict[Column, CellRef] = {}
    for number, (row, values) in enumerate(table.rows):
        label = text_of(values[0]) if values else None
        value = values[1] if len(values) > 1 else None
        if number == 0 and label is not None and normalise(label) == "field":
            continue  # the header row
        if label is None:
            if text_of(value) is not None:
                _problem(
                    draft, "AK056", "a value without a field name in column A", table.cell(row, 2)
                )
            continue
        column = column_for(sheet, label)
        if column is None:
            _problem(
                draft,
                "AK056",
                f"unknown field '{label}'",
                table.cell(row, 1),
                _suggest(label, sheet),
            )
            continue
        if column in seen:
            _problem(
                draft,
                "AK057",
                f"field '{label}' is given twice (first at {seen[column].label()})",
                table.cell(row, 1),
            )
            continue
        seen[column] = table.cell(row, 1)
        converted = convert(value, column, draft.epoch_1904)
        if converted is not None or column.required:
            draft.put(column.path, converted, table.cell(row, 2), column.label)


def _header(draft: _Draft, table: Table, sheet: Sheet) -> dict[int, Column] | None:
    """Which column holds what; None (with problems) when the header cannot be used."""
    if not table.rows:
        return None
    row, values = table.rows[0]
    found: dict[int, Column] = {}
    seen: dict[Column, CellRef] = {}
    for index, value in enumerate(values):
        header = text_of(value)
        if header is None:
            continue
        cell = table.cell(row, index + 1)
        column = column_for(sheet, header)
        if column is None:
            _problem(
                draft,
                "AK056",
                f"unknown column '{header}' in sheet {sheet.name}",
                cell,
                _suggest(header, sheet),
            )
        elif column in seen:
            _problem(
                draft,
                "AK057",
                f"columns '{header}' and {seen[column].label()} both mean '{column.label}'",
                cell,
            )
        else:
            found[index] = column
            seen[column] = cell
    missing = [c.label for c in sheet.columns if c.required and c not in seen]
    if missing:
        names = ", ".join(f"'{m}'" for m in missing)
        _problem(
            draft,
            "AK055",
            f"sheet {sheet.name} has no {names} column",
            table.cell(row, 1),
            "add it to the header row (row 1); the other columns are optional",
        )
        return None
    return found


def _read_list(draft: _Draft, table: Table, sheet: Sheet, max_items: int) -> None:
    columns = _header(draft, table, sheet)
    if columns is None:
        return
    items: list[dict[str, object]] = []
    if sheet.required:  # so that an empty list is reported as such, at this sheet
        draft.put(sheet.path, items, table.cell(table.rows[0][0], 1), f"sheet {sheet.name}")
    for row, values in table.rows[1:]:
        if all(text_of(v) is None for v in values):
            continue  # a blank row between items is only spacing
        index = len(items)
        if index == max_items:
            _problem(
                draft,
                "AK016",
                f"sheet {sheet.name} has more than {max_items} rows",
                table.cell(row, 1),
            )
            return
        item: dict[str, object] = {}
        if not items:
            draft.put(sheet.path, items, table.cell(table.rows[0][0], 1), f"sheet {sheet.name}")
        items.append(item)
        draft.place((*sheet.path, index), table.cell(row, 1), f"{sheet.name} row {row}")
        for position, value in enumerate(values):
            column = columns.get(position)
            if column is None:
                if text_of(value) is not None:
                    _problem(
                        draft,
                        "AK056",
                        "a value in a column with no header",
                        table.cell(row, position + 1),
                    )
                continue
            converted = convert(value, column, draft.epoch_1904)
            cell = table.cell(row, position + 1)
            draft.place((*sheet.path, index, *column.path), cell, column.label)
            if converted is not None or column.required:
                item[column.path[-1]] = converted
        for position, column in columns.items():
            if column.required and column.path[-1] not in item:
                # A short row (CSV) ends before this column: it is empty.
                item[column.path[-1]] = None
                cell = table.cell(row, position + 1)
                draft.place((*sheet.path, index, *column.path), cell, column.label)


def _choose_layout(book: Spreadsheet) -> tuple[Layout, dict[Sheet, Table]] | CellDiagnostic:
    matches: dict[str, dict[Sheet, Table]] = {}
    for table in book.tables:
        for kind, layout in LAYOUTS.items():
            sheet = sheet_for(layout, table.name or "")
            if sheet is not None:
                matches.setdefault(kind, {}).setdefault(sheet, table)
    kinds = [k for k, sheets in matches.items() if any(s.required for s in sheets)]
    if len(kinds) != 1:
        names = ", ".join(t.name or "" for t in book.tables) or "none alignkit reads"
        message = (
            "the workbook has both an Objectives and a Priorities sheet: one workbook holds "
            "one document"
            if kinds
            else f"the workbook has no Objectives or Priorities sheet (sheets read: {names})"
        )
        return at_cell("AK054", message, book.shown, None)
    return LAYOUTS[kinds[0]], matches[kinds[0]]


def build_document(
    book: Spreadsheet, kind: str | None = None, details: dict[str, str] | None = None
) -> Imported:
    """The document a spreadsheet holds.

    A workbook says its own kind by its sheets. A CSV file is one list sheet: ``kind``
    says which, and ``details`` gives the few single values (force area, id, name or
    title) that a workbook keeps in its Plan or Partnership sheet.
    """
    problems: list[CellDiagnostic] = list(book.diagnostics)
    draft = _Draft(book.shown, book.epoch_1904)
    if kind is not None:
        layout = LAYOUTS[kind]
        list_sheet = next(s for s in layout.sheets if s.required)
        sheets = {list_sheet: book.tables[0]}
    else:
        chosen = _choose_layout(book)
        if isinstance(chosen, CellDiagnostic):
            return Imported(None, None, [*problems, chosen])
        layout, sheets = chosen
    first = next(iter(sheets.values()))
    draft.place((), first.cell(1, 1), "the document")
    draft.data["kind"] = layout.kind
    for key, value in (details or {}).items():
        draft.data[key] = value
    for sheet in layout.sheets:
        table = sheets.get(sheet)
        if table is None:
            if sheet.required or (not sheet.is_list and kind is None):
                problems.append(
                    at_cell("AK054", f"the workbook has no {sheet.name} sheet", book.shown, None)
                )
            continue
        if sheet.is_list:
            _read_list(draft, table, sheet, DEFAULT_LIMITS.max_items)
        else:
            _read_details(draft, table, sheet)
    problems.extend(draft.problems)
    if problems:
        return Imported(layout.kind, None, _ordered(problems))
    return _validated(draft, layout)


def _validated(draft: _Draft, layout: Layout) -> Imported:
    model_type = DOCUMENT_KINDS[layout.kind]
    locations = {
        path: NodeLocation(value=Position(index, 1), key=Position(index, 1))
        for path, index in draft.places.items()
    }
    source = SourceFile(Path(draft.shown), draft.shown, draft.data, locations, [])
    found: list[Diagnostic] = []
    model = None
    try:
        model = model_type.model_validate(draft.data)
    except ValidationError as exc:
        found.extend(diagnostics_for(exc, model_type, source))
    loaded = LoadedDocument(source, layout.kind, model)
    found.extend(crossfile.duplicate_ids(loaded))
    found.extend(crossfile.duplicate_regard(loaded))
    problems = [_at_cell_of(d, draft) for d in found]
    return Imported(layout.kind, None if problems else model, _ordered(problems))


_FIRST_AT_LINE = re.compile(r"first (used )?at line (\d+)")
# The document's validation speaks of YAML keys; in a spreadsheet they are cells.
_HINTS_FOR_CELLS = [
    (re.compile(r"write a value after the colon, or remove the key"), "fill in this cell"),
    (re.compile(r"add '(\w+):' here"), r"fill in its '\1'"),
]


def _describe(path: DocPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _at_cell_of(diagnostic: Diagnostic, draft: _Draft) -> CellDiagnostic:
    """Move a diagnostic made with numbered cells for lines back to its cell, in the
    spreadsheet's words (the column's header rather than `priorities[2].title`)."""
    index = diagnostic.position.line if diagnostic.position else None
    cell = draft.cells[index] if index is not None else None
    message = _FIRST_AT_LINE.sub(
        lambda m: f"first {m[1] or ''}at {draft.cells[int(m[2])].label()}", diagnostic.message
    )
    if index is not None:
        path = next(p for p, i in draft.places.items() if i == index)
        yaml_name = _describe(path)
        if yaml_name and message.startswith(yaml_name):
            message = draft.labels[index] + message[len(yaml_name) :]
    hint = diagnostic.hint
    for pattern, replacement in _HINTS_FOR_CELLS:
        hint = pattern.sub(replacement, hint) if hint else hint
    return at_cell(diagnostic.code, message, draft.shown, cell, hint)


def _ordered(problems: list[CellDiagnostic]) -> list[CellDiagnostic]:
    return sorted(problems, key=CellDiagnostic.order)
