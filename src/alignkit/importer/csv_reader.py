"""Read a CSV file into one table of text values.

Excel's "CSV (Comma delimited)" is saved in Windows-1252, and its "CSV UTF-8" starts with
a byte-order mark; both are common. Guessing an encoding silently can turn '£' into
something else in a published plan, so a file that is not UTF-8 is refused at the first
byte that is not, unless ``--encoding windows-1252`` says what it is.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .cells import SpreadsheetError, at_cell
from .guard import SPREADSHEET_LIMITS, SpreadsheetLimits, check_file_size
from .layout import MAX_ROWS
from .table import Spreadsheet, Table

ENCODINGS = ("utf-8", "windows-1252")


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def decode_csv(data: bytes, shown: str, encoding: str) -> str:
    table = Table(None, 0)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SpreadsheetError(
            at_cell(
                "AK003",
                "the file is UTF-16 text (Excel's 'Unicode Text'), not UTF-8",
                shown,
                table.cell(1, 1),
                "in Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)'",
            )
        )
    if data.startswith(b"PK\x03\x04"):
        raise SpreadsheetError(
            at_cell("AK050", "this is an Excel workbook, not CSV text: name it .xlsx", shown, None)
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _line_and_column(data, nul)
        raise SpreadsheetError(
            at_cell(
                "AK050",
                "the file holds NUL bytes: it is not CSV text",
                shown,
                table.cell(line, column),
            )
        )
    windows = encoding == "windows-1252"
    try:
        return data.decode("cp1252" if windows else "utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(data, exc.start)
        problem = (
            "is not Windows-1252 text"
            if windows
            else "is not valid UTF-8: it looks like Windows-1252 text, as Excel saves "
            "'CSV (Comma delimited)'"
        )
        raise SpreadsheetError(
            at_cell(
                "AK003",
                f"byte 0x{data[exc.start]:02X} {problem}",
                shown,
                table.cell(line, column),
                "in Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)'"
                + ("" if windows else ", or give --encoding windows-1252"),
            )
        ) from None


def _delimiter(text: str) -> str:
    """Comma, or the semicolon or tab that Excel uses in some locales: whichever the header
    line has most of."""
    header = text.split("\n", 1)[0]
    return max(",;\t", key=header.count) if any(c in header for c in ",;\t") else ","


def read_csv(
    path: Path,
    shown: str,
    encoding: str = "utf-8",
    limits: SpreadsheetLimits = SPREADSHEET_LIMITS,
    max_rows: int = MAX_ROWS,
) -> Spreadsheet:
    """The file as one table; raises SpreadsheetError when it cannot be read at all."""
    check_file_size(path, shown, limits)
    text = decode_csv(path.read_bytes(), shown, encoding)
    table = Table(None, 0)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    filled = 0
    try:
        line = 1
        for record in reader:
            if any(field.strip() for field in record):
                filled += 1
                if filled > max_rows + 1:
                    raise SpreadsheetError(
                        at_cell(
                            "AK053",
                            f"the file has more than {max_rows:,} rows; alignkit imports at "
                            f"most {max_rows:,}",
                            shown,
                            table.cell(line, 1),
                        )
                    )
                table.rows.append((line, tuple(record)))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise SpreadsheetError(
            at_cell("AK050", f"the CSV text cannot be read: {exc}", shown, table.cell(line, 1))
        ) from None
    return Spreadsheet(shown, [table])
