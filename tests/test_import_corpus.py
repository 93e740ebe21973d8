"""A corpus of bad spreadsheets, built at test time: each gets its located diagnostic and
exit code 3, never a traceback (CliRunner here re-raises any exception)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run
from spreadsheets import PRIORITIES, csp_workbook, huge_workbook, save, zip_bomb


def _missing_column(folder: Path) -> Path:
    return save(csp_workbook(header=["Id", "Description"]), folder / "bad.xlsx")


def _unknown_column(folder: Path) -> Path:
    header = ["Id", "Title", "Descripton"]
    return save(csp_workbook(header=header, priorities=[["N1", "T", "D"]]), folder / "bad.xlsx")


def _duplicate_column(folder: Path) -> Path:
    header = ["Id", "Title", "Detail", "Description"]
    return save(
        csp_workbook(header=header, priorities=[["N1", "T", "D", "E"]]), folder / "bad.xlsx"
    )


def _duplicate_ids(folder: Path) -> Path:
    rows = [PRIORITIES[0], [PRIORITIES[0][0], "Another title", None, None]]
    return save(csp_workbook(priorities=rows), folder / "bad.xlsx")


def _blank_rows(folder: Path) -> Path:
    rows = [PRIORITIES[0], [None] * 4, [None] * 4, ["N3", "  ", "Blank title", None]]
    return save(csp_workbook(priorities=rows), folder / "bad.xlsx")


def _formula(folder: Path) -> Path:
    rows = [PRIORITIES[0], ["N2", '=CONCAT("Knife", " crime")', None, None]]
    return save(csp_workbook(priorities=rows), folder / "bad.xlsx")


def _merged_cells(folder: Path) -> Path:
    book = csp_workbook()
    book["Priorities"].merge_cells("C2:C3")
    return save(book, folder / "bad.xlsx")


def _impossible_date(folder: Path) -> Path:
    book = csp_workbook()
    book["Partnership"].append(["Next refresh", "30/02/2027"])
    return save(book, folder / "bad.xlsx")


def _unknown_tier(folder: Path) -> Path:
    book = csp_workbook()
    book["Partnership"].append(["Tier", "borough"])
    return save(book, folder / "bad.xlsx")


def _hidden_sheet(folder: Path) -> Path:
    book = csp_workbook()
    book["Priorities"].sheet_state = "hidden"
    return save(book, folder / "bad.xlsx")


def _no_list_sheet(folder: Path) -> Path:
    book = csp_workbook()
    book["Priorities"].title = "Sheet2"
    return save(book, folder / "bad.xlsx")


def _huge_sheet(folder: Path) -> Path:
    return huge_workbook(folder / "bad.xlsx", 100_000)


def _zip_bomb(folder: Path) -> Path:
    return zip_bomb(folder / "bad.xlsx", 110)


def _password_protected(folder: Path) -> Path:
    # An encrypted workbook is an OLE compound file: its magic number is what we refuse by.
    path = folder / "bad.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    return path


def _text_renamed(folder: Path) -> Path:
    path = folder / "bad.xlsx"
    path.write_text("Id,Title\nN1,Knife crime\n")
    return path


def _word_renamed(folder: Path) -> Path:
    path = folder / "bad.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def _damaged_zip(folder: Path) -> Path:
    path = folder / "bad.xlsx"
    save(csp_workbook(), path)
    path.write_bytes(path.read_bytes()[:300])
    return path


def _windows_1252_csv(folder: Path) -> Path:
    path = folder / "bad.csv"
    path.write_bytes("Id,Title\nN1,Tackling \u201cNTE\u201d violence\n".encode("cp1252"))
    return path


def _utf16_csv(folder: Path) -> Path:
    path = folder / "bad.csv"
    path.write_bytes("Id,Title\nN1,Knife crime\n".encode("utf-16"))
    return path


def _huge_csv(folder: Path) -> Path:
    path = folder / "bad.csv"
    path.write_text("Id,Title\n" + "".join(f"P{n},Priority {n}\n" for n in range(100_000)))
    return path


def _csv_blank_title(folder: Path) -> Path:
    path = folder / "bad.csv"
    path.write_text("Id,Title\nN1,Knife crime\n\nN2\n")
    return path


CSV_OPTIONS = ["--kind", "csp", "--id", "x", "--name", "X CSP", "--force-area", "Wessex"]

# name: (builder, the expected first diagnostic line, or its start)
CORPUS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing-column": (
        _missing_column,
        "bad.xlsx:Priorities!A1: AK055 sheet Priorities has no 'Title' column",
    ),
    "unknown-column": (
        _unknown_column,
        "bad.xlsx:Priorities!C1: AK056 unknown column 'Descripton'",
    ),
    "duplicate-column": (
        _duplicate_column,
        "bad.xlsx:Priorities!D1: AK057 columns 'Description' and Priorities!C1 both mean 'Description'",
    ),
    "duplicate-ids": (_duplicate_ids, "bad.xlsx:Priorities!A3: AK202"),
    "blank-rows-and-blank-title": (_blank_rows, "bad.xlsx:Priorities!B5: AK103 Title is empty"),
    "formula-without-value": (_formula, "bad.xlsx:Priorities!B3: AK058 the cell holds the formula"),
    "merged-cells": (_merged_cells, "bad.xlsx:Priorities!C2: AK059 cells C2:C3 are merged"),
    "impossible-date": (_impossible_date, "bad.xlsx:Partnership!B5: AK106"),
    "unknown-tier": (_unknown_tier, "bad.xlsx:Partnership!B5: AK104"),
    "hidden-sheet": (_hidden_sheet, "bad.xlsx:Priorities!A1: AK054 sheet 'Priorities' is hidden"),
    "no-priorities-sheet": (
        _no_list_sheet,
        "bad.xlsx: AK054 the workbook has no Objectives or Priorities sheet",
    ),
    "huge-sheet": (
        _huge_sheet,
        "bad.xlsx:Priorities!A1002: AK053 sheet 'Priorities' has more than 1,000 rows",
    ),
    "zip-bomb": (_zip_bomb, "bad.xlsx: AK052 the workbook unpacks to 110.0 MiB"),
    "password-protected": (
        _password_protected,
        "bad.xlsx: AK051 the workbook is password-protected",
    ),
    "text-renamed-xlsx": (_text_renamed, "bad.xlsx: AK050 this is not an Excel workbook"),
    "word-renamed-xlsx": (_word_renamed, "bad.xlsx: AK050 this zip archive is a Word document"),
    "damaged-zip": (_damaged_zip, "bad.xlsx: AK050 the workbook is damaged"),
    "windows-1252-csv": (_windows_1252_csv, "bad.csv:2:13: AK003 byte 0x93 is not valid UTF-8"),
    "utf16-csv": (_utf16_csv, "bad.csv:1:1: AK003 the file is UTF-16 text"),
    "huge-csv": (_huge_csv, "bad.csv:1002:1: AK053 the file has more than 1,000 rows"),
    "csv-short-row": (_csv_blank_title, "bad.csv:4:2: AK103 Title is empty"),
}


HUGE = {"huge-sheet", "zip-bomb"}
"""Cases whose size is the point (a sheet past the row limit, 110 MiB unpacked): built and
refused in most of a second each, so they run in `make test`, not the fast pass."""


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=[pytest.mark.slow] if n in HUGE else []) for n in sorted(CORPUS)]
)
def test_bad_spreadsheet_gets_a_located_diagnostic_and_exit_3(in_tmp: Path, name: str) -> None:
    build, expected = CORPUS[name]
    path = build(in_tmp)
    options = CSV_OPTIONS if path.suffix == ".csv" else []

    result = run("import", path.name, *options, "--output", "out.yaml")

    assert result.exit_code == 3, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(expected), first
    assert "\n    hint: " in result.stderr
    assert result.stderr.rstrip().endswith("nothing was written.")
    assert "Traceback" not in result.stderr
    assert not (in_tmp / "out.yaml").exists()


def test_the_corpus_is_at_least_fifteen_files() -> None:
    assert len(CORPUS) >= 15
