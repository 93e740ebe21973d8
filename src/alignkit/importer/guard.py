"""Checks made before a workbook is handed to openpyxl.

An .xlsx file is a zip archive of XML. openpyxl trusts the archive, so a small file that
unpacks to gigabytes (a "zip bomb") would exhaust memory, and a password-protected workbook
(an OLE compound file, not a zip) would fail with an obscure error. Both are refused here
from the archive's directory alone, before any member is decompressed.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from .cells import SpreadsheetError, at_cell

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
"""Compound File Binary: encrypted .xlsx files and Excel 97-2003 .xls files."""
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class SpreadsheetLimits:
    max_file_bytes: int = 10 * 1024 * 1024
    """A plan's workbook is tens of kilobytes; 10 MiB leaves room for logos and formatting."""
    max_unpacked_bytes: int = 100 * 1024 * 1024
    """All members together once decompressed. 1,000 rows of text are a few megabytes."""
    max_members: int = 2_000
    """Parts of the archive (sheets, styles, images)."""


SPREADSHEET_LIMITS = SpreadsheetLimits()


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"


def check_file_size(path: Path, shown: str, limits: SpreadsheetLimits) -> None:
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise SpreadsheetError(
            at_cell(
                "AK052",
                f"the file is {_mib(size)}; the limit is {_mib(limits.max_file_bytes)}",
                shown,
                None,
            )
        )


def check_workbook_archive(path: Path, shown: str, limits: SpreadsheetLimits) -> None:
    """Refuse anything but a plain .xlsx archive of sensible unpacked size."""
    check_file_size(path, shown, limits)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(_OLE_MAGIC):
        raise SpreadsheetError(
            at_cell(
                "AK051",
                "the workbook is password-protected (encrypted), or is an old Excel 97-2003 "
                ".xls file",
                shown,
                None,
            )
        )
    if not head.startswith(_ZIP_MAGIC):
        raise SpreadsheetError(
            at_cell("AK050", "this is not an Excel workbook (.xlsx is a zip archive)", shown, None)
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SpreadsheetError(
            at_cell("AK050", f"the workbook is damaged: {exc}", shown, None)
        ) from None
    if len(members) > limits.max_members:
        raise SpreadsheetError(
            at_cell(
                "AK052",
                f"the workbook has {len(members):,} parts; the limit is {limits.max_members:,}",
                shown,
                None,
            )
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked_bytes:
        raise SpreadsheetError(
            at_cell(
                "AK052",
                f"the workbook unpacks to {_mib(unpacked)}; the limit is "
                f"{_mib(limits.max_unpacked_bytes)} (a file this small that unpacks this far "
                "is a 'zip bomb', or is mostly images)",
                shown,
                None,
            )
        )
    if any(member.flag_bits & 0x1 for member in members):
        raise SpreadsheetError(at_cell("AK051", "the archive's parts are encrypted", shown, None))
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        other = "a Word document" if "word/document.xml" in names else "not an Excel workbook"
        raise SpreadsheetError(
            at_cell("AK050", f"this zip archive is {other}, not an .xlsx workbook", shown, None)
        )
