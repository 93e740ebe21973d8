"""Where a value came from in a spreadsheet, and diagnostics located there.

A problem in a workbook is shown as ``file.xlsx:Sheet!B7`` (Excel's own way of naming a
cell, so an officer can type it into the Name Box); in a CSV file as ``file.csv:7:2``
(line and column, like every other alignkit diagnostic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from ..codes import hint_for
from ..diagnostics import Diagnostic, Position, Severity


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA (as Excel names columns)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_PLAIN_SHEET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


@dataclass(frozen=True, order=True)
class CellRef:
    """A cell: its sheet (None in a CSV file), row and column, all as the user sees them."""

    sheet_index: int
    sheet: str | None
    row: int
    column: int

    def label(self) -> str:
        if self.sheet is None:
            return f"{self.row}:{self.column}"
        # Excel quotes sheet names with spaces or punctuation: 'Key contacts'!B7.
        name = (
            self.sheet
            if _PLAIN_SHEET_NAME.match(self.sheet)
            else ("'" + self.sheet.replace("'", "''") + "'")
        )
        return f"{name}!{column_letter(self.column)}{self.row}"


class CellDiagnostic(Diagnostic):
    """A diagnostic at a spreadsheet cell: ``file.xlsx:Sheet!B7`` rather than line:column."""

    __slots__ = ("cell",)
    FIELDS: ClassVar[tuple[str, ...]] = (*Diagnostic.FIELDS, "cell")

    def __init__(
        self,
        code: str,
        severity: Severity,
        message: str,
        path: str,
        position: Position | None = None,
        hint: str | None = None,
        cell: CellRef | None = None,
    ) -> None:
        super().__init__(code, severity, message, path, position, hint)
        self.cell = cell

    def location(self) -> str:
        if self.cell is None:
            return self.path
        return f"{self.path}:{self.cell.label()}"

    def order(self) -> tuple[int, int, int, str, str]:
        """Sheets in workbook order, then rows, then columns: the order an officer reads."""
        cell = self.cell or CellRef(-1, None, 0, 0)
        return (cell.sheet_index, cell.row, cell.column, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        data = super().to_dict()
        if self.cell is not None and self.cell.sheet is not None:
            data.update(sheet=self.cell.sheet, cell=self.cell.label().rsplit("!", 1)[1])
        return data


def at_cell(
    code: str, message: str, shown: str, cell: CellRef | None, hint: str | None = None
) -> CellDiagnostic:
    position = Position(cell.row, cell.column) if cell is not None else None
    return CellDiagnostic(
        code, Severity.ERROR, message, shown, position, hint or hint_for(code), cell
    )


class SpreadsheetError(Exception):
    """A problem after which nothing more of the file can be read."""

    def __init__(self, diagnostic: CellDiagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
