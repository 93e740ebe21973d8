"""importer: spreadsheets (.xlsx, .csv) to plan and CSP documents, and documents back to
the spreadsheet layout (`alignkit import`). openpyxl is imported only inside the functions
that need it, so other commands start without it."""

from __future__ import annotations

from pathlib import Path

from .build import Imported, build_document
from .cells import CellDiagnostic, SpreadsheetError
from .csv_reader import ENCODINGS, read_csv
from .layout import LAYOUTS, MAX_ROWS, sheet_for
from .template import build_workbook
from .xlsx import read_workbook
from .yaml_out import document_yaml

__all__ = [
    "ENCODINGS",
    "LAYOUTS",
    "MAX_ROWS",
    "CellDiagnostic",
    "Imported",
    "build_workbook",
    "document_yaml",
    "import_spreadsheet",
]

SPREADSHEET_SUFFIXES = (".xlsx", ".csv")


def _read_by_our_sheets(name: str) -> bool:
    return any(sheet_for(layout, name) is not None for layout in LAYOUTS.values())


def import_spreadsheet(
    path: Path,
    shown: str,
    *,
    kind: str | None = None,
    details: dict[str, str] | None = None,
    encoding: str = "utf-8",
) -> Imported:
    """Read ``path`` (.xlsx, or .csv with ``kind`` and ``details``) into a document.

    Every problem comes back as a located diagnostic; nothing is raised for bad input.
    """
    try:
        if path.suffix.lower() == ".csv":
            book = read_csv(path, shown, encoding)
            return build_document(book, kind, details)
        book = read_workbook(path, shown, _read_by_our_sheets)
    except SpreadsheetError as exc:
        return Imported(kind, None, [exc.diagnostic])
    return build_document(book)
