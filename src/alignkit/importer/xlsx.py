"""Read the sheets of an .xlsx workbook into tables of plain values.

openpyxl is imported here, inside the function, so only `alignkit import` pays for it.
The file is opened three ways, each only when needed: the archive's directory (guard.py),
a streaming read-only pass that counts rows and stops at the limit (so a 100,000-row sheet
is refused in a fraction of a second), then a full load of the few sheets that remain, which
is what shows formulas, merged cells and hidden sheets.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cells import CellDiagnostic, SpreadsheetError, at_cell
from .guard import SPREADSHEET_LIMITS, SpreadsheetLimits, check_workbook_archive
from .layout import MAX_ROWS
from .table import CellValue, Spreadsheet, Table


def _damaged(shown: str, exc: Exception) -> SpreadsheetError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return SpreadsheetError(at_cell("AK050", f"the workbook cannot be read: {reason}", shown, None))


def _load(path: Path, shown: str, **options: Any) -> Any:
    import openpyxl  # deferred: start-up of every other command must not import it

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation extensions, slicers);
            # they carry nothing alignkit reads.
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, **options)
    except Exception as exc:  # openpyxl raises a dozen exception types for damaged files
        raise _damaged(shown, exc) from None


def _check_row_counts(path: Path, shown: str, wanted: Callable[[str], bool], max_rows: int) -> None:
    """Refuse a sheet with more rows than the limit, streaming, before the full load."""
    book = _load(path, shown, read_only=True, data_only=True)
    try:
        for index, sheet in enumerate(book.worksheets):
            if not wanted(sheet.title):
                continue
            filled = 0
            try:
                for values in sheet.iter_rows(values_only=True):
                    if any(v is not None and v != "" for v in values):
                        filled += 1
                        if filled > max_rows + 1:  # the header row, then the limit
                            break
            except Exception as exc:  # a damaged sheet part
                raise _damaged(shown, exc) from None
            if filled > max_rows + 1:
                raise SpreadsheetError(
                    at_cell(
                        "AK053",
                        f"sheet '{sheet.title}' has more than {max_rows:,} rows; alignkit "
                        f"imports at most {max_rows:,}",
                        shown,
                        Table(sheet.title, index).cell(max_rows + 2, 1),
                    )
                )
    finally:
        book.close()


def read_workbook(
    path: Path,
    shown: str,
    wanted: Callable[[str], bool],
    limits: SpreadsheetLimits = SPREADSHEET_LIMITS,
    max_rows: int = MAX_ROWS,
) -> Spreadsheet:
    """The sheets whose names ``wanted`` accepts, as tables; problems as diagnostics.

    Raises SpreadsheetError when the file cannot be read at all.
    """
    check_workbook_archive(path, shown, limits)
    _check_row_counts(path, shown, wanted, max_rows)
    book = _load(path, shown, data_only=False)
    values_book: Any = None
    result = Spreadsheet(shown, [], epoch_1904=_is_1904(book))
    for index, sheet in enumerate(book.worksheets):
        if not wanted(sheet.title):
            continue
        table = Table(sheet.title, index)
        if sheet.sheet_state != "visible":
            result.diagnostics.append(
                at_cell(
                    "AK054",
                    f"sheet '{sheet.title}' is hidden, so what it holds may be out of date",
                    shown,
                    table.cell(1, 1),
                    "unhide it (right-click a sheet tab > Unhide) and check it, or delete it",
                )
            )
            continue
        result.diagnostics.extend(_merged(sheet, table, shown))
        if _has_formulas(sheet) and values_book is None:
            values_book = _load(path, shown, data_only=True)
        cached = values_book[sheet.title] if values_book is not None else None
        for row in sheet.iter_rows():
            values: list[CellValue] = []
            for cell in row:
                value, problem = _value(cell, cached, table, shown)
                values.append(value)
                if problem is not None:
                    result.diagnostics.append(problem)
            if row:
                table.rows.append((row[0].row, tuple(values)))
        result.tables.append(table)
    return result


def _is_1904(book: Any) -> bool:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    return bool(book.epoch == CALENDAR_MAC_1904)


def _merged(sheet: Any, table: Table, shown: str) -> list[CellDiagnostic]:
    found = []
    for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        found.append(
            at_cell(
                "AK059",
                f"cells {merged.coord} are merged; each cell must hold its own value",
                shown,
                table.cell(merged.min_row, merged.min_col),
            )
        )
    return found


def _has_formulas(sheet: Any) -> bool:
    return any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def _value(
    cell: Any, cached: Any, table: Table, shown: str
) -> tuple[CellValue, CellDiagnostic | None]:
    where = table.cell(cell.row, cell.column)
    if cell.data_type == "f":
        value = cached.cell(cell.row, cell.column).value if cached is not None else None
        if value is None:
            formula = cell.value if isinstance(cell.value, str) else "an array formula"
            return None, at_cell(
                "AK058",
                f"the cell holds the formula {formula} and no saved result",
                shown,
                where,
            )
        if isinstance(value, str) and value.startswith("#"):
            return None, at_cell(
                "AK058", f"the cell's formula gives the Excel error {value}", shown, where
            )
        return _plain(value), None
    if cell.data_type == "e":
        return None, at_cell("AK058", f"the cell shows the Excel error {cell.value}", shown, where)
    return _plain(cell.value), None


def _plain(value: Any) -> CellValue:
    if isinstance(value, str | int | float | bool | dt.datetime | dt.date | dt.time) or (
        value is None
    ):
        return value
    return str(value)  # a timedelta or another rarity: its text is the best we can do
