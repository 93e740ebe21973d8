"""A sheet as read: rows of plain cell values, each row with the number the user sees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .cells import CellDiagnostic, CellRef

CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | None


@dataclass
class Table:
    name: str | None
    """The sheet's name; None for a CSV file, which is one sheet."""
    index: int
    """Position in the workbook, so problems are listed sheet by sheet."""
    rows: list[tuple[int, tuple[CellValue, ...]]] = field(default_factory=list)

    def cell(self, row: int, column: int) -> CellRef:
        return CellRef(self.index, self.name, row, column)


@dataclass
class Spreadsheet:
    """Every sheet of a file, and the problems found while reading it."""

    shown: str
    tables: list[Table]
    diagnostics: list[CellDiagnostic] = field(default_factory=list)
    epoch_1904: bool = False
    """Mac Excel once counted dates from 1904: a date serial must be read from that epoch."""
