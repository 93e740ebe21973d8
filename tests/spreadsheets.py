"""Build spreadsheets for the import tests at test time (no binary fixtures committed)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

PRIORITY_HEADER = ["Id", "Title", "Description", "Supports"]
PRIORITIES = [
    ["N1", "Domestic abuse and stalking", "Increase reporting and repeat-victim support", "P1"],
    ["N2", "Safer town centre at night", "Violence in the night-time economy", None],
]
DETAILS = [
    ["Field", "Value"],
    ["Id", "northdown"],
    ["Name", "Northdown Community Safety Partnership"],
    ["Force area", "Wessex"],
]


def csp_workbook(
    priorities: list[list[Any]] | None = None,
    header: list[Any] | None = None,
    details: list[list[Any]] | None = None,
) -> Any:
    """A small valid CSP workbook, with any part replaced."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Partnership"
    for row in details if details is not None else DETAILS:
        first.append(row)
    sheet = book.create_sheet("Priorities")
    sheet.append(header if header is not None else PRIORITY_HEADER)
    for row in priorities if priorities is not None else PRIORITIES:
        sheet.append(row)
    return book


def save(book: Any, path: Path) -> Path:
    book.save(path)
    return path


def huge_workbook(path: Path, rows: int) -> Path:
    """A CSP workbook whose Priorities sheet has ``rows`` rows, written as raw XML
    (openpyxl would take many seconds to write it)."""
    template = io.BytesIO()
    csp_workbook(priorities=[]).save(template)
    cells = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>P{n}</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>Priority {n}</t></is></c></row>'
        for n in range(2, rows + 2)
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:B{rows + 1}"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Title</t></is></c></row>'
        f"{cells}</sheetData></worksheet>"
    )
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = sheet.encode()
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def zip_bomb(path: Path, unpacked_mib: int) -> Path:
    """A small .xlsx-looking archive with one member that unpacks to ``unpacked_mib``."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mib):
                member.write(chunk)
    return path
