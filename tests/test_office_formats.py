"""`--format xlsx` and `--format docx`: the report as an Excel workbook and a Word board
paper, the welcome and handover packs as Word documents.

Each is opened with the library an officer's tools would stand for (openpyxl, python-docx)
and read cell by cell against the JSON report of the same run; a title that looks like a
formula stays text; the bytes depend on the input and --as-of only; a workbook or document
goes to a file, never a terminal, and one an officer has edited is replaced only with
--force.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook, load_workbook

from alignkit.output import OutputError, write_report
from alignkit.publish import TargetError, targets
from alignkit.words import STATE_COLOURS, STATE_SYMBOL, STATE_WORD, STATUS_SYMBOL, long_date
from conftest import MINIMAL_CSP, MINIMAL_PLAN, run

AS_OF = ("--as-of", "2026-11-22")


@pytest.fixture(scope="module")
def wessex(wessex_documents: Mapping[tuple[str, str], str | bytes]) -> dict[str, Any]:
    """The example area's report as JSON, workbook and Word document from one run, and its
    welcome and handover packs as Word documents (made once a session, see conftest)."""
    return {
        "json": json.loads(wessex_documents["report", "json"]),
        "xlsx": wessex_documents["report", "xlsx"],
        "docx": wessex_documents["report", "docx"],
        "pack": wessex_documents["pack", "docx"],
        "handover": wessex_documents["handover", "docx"],
    }


def _book(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def _matrix_name(csp: dict[str, Any]) -> str:
    """A partnership as the matrices name it: one its successor has taken over says so,
    as the page does."""
    if not csp["ended"]:
        return str(csp["name"])
    return f"{csp['name']} (ended {long_date(csp['ended'])})"


def _cell_words(state: str, priorities: list[str]) -> str:
    """What the HTML page shows in a matrix cell, in one line."""
    shown = priorities if state in ("addressed", "partial") else []
    return f"{STATE_SYMBOL[state]} {STATE_WORD[state]}" + (
        f" by {', '.join(shown)}" if shown else ""
    )


# --- the workbook ------------------------------------------------------------------------------


def test_the_workbook_has_a_summary_the_matrix_the_findings_and_every_pair(wessex):
    book = _book(wessex["xlsx"])
    assert book.sheetnames == ["Summary", "Matrix", "Findings", "Pairs"]
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows()}
    report = wessex["json"]
    assert summary["Police and crime plan"] == report["plan"]["title"]
    assert summary["As of"] == "22 November 2026"


def test_the_matrix_sheet_matches_the_json_report(wessex):
    report = wessex["json"]
    sheet = _book(wessex["xlsx"])["Matrix"]
    objectives = report["plan"]["objectives"]
    header = [c.value for c in sheet[1]][: len(objectives) + 1]
    assert header == ["Partnership", *(f"{o['id']} {o['title']}" for o in objectives)]
    for row, csp in enumerate(report["csps"], start=2):
        assert sheet.cell(row, 1).value == _matrix_name(csp)
        for column, cell in enumerate(csp["regard"], start=2):
            shown = sheet.cell(row, column)
            assert shown.value == _cell_words(cell["state"], cell["priorities"])
            assert shown.fill.fgColor.rgb == "00" + STATE_COLOURS[cell["state"]][0]
    # frozen header row and column, filters over the table, the key below it
    assert sheet.freeze_panes == "B2"
    last = len(report["csps"]) + 1
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(objectives) + 1).column_letter}{last}"
    key = [sheet.cell(r, 2).value for r in range(last + 2, sheet.max_row + 1)]
    assert "unexplained gap" in key and "considered, reason recorded" in key


def test_the_findings_sheet_has_every_finding_with_code_severity_place_and_hint(wessex):
    report = wessex["json"]
    sheet = _book(wessex["xlsx"])["Findings"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in sheet[1]] == [
        "Severity",
        "Code",
        "Where",
        "Partnership",
        "What was found",
        "What to do",
        "Waiver",
    ]
    assert len(rows) == len(report["findings"]) > 10
    for row, finding in zip(rows, report["findings"], strict=True):
        where = finding["path"]
        if finding["line"] is not None:
            where += f":{finding['line']}:{finding['column']}"
        assert row[0] == finding["severity"].capitalize()
        assert row[1:3] == [finding["code"], where]
        assert row[4:6] == [finding["message"], finding["hint"]]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref


def test_the_pairs_sheet_has_every_pair_s_score_status_and_explanation(wessex):
    report = wessex["json"]
    rows = [[c.value for c in row] for row in _book(wessex["xlsx"])["Pairs"].iter_rows(min_row=2)]
    expected = [
        [
            csp["name"],
            p["id"],
            p["title"],
            m["objective"],
            m["score"],
            m["status"],
            "yes" if p["best"] and p["best"]["objective"] == m["objective"] else "no",
            m["explanation"]["summary"],
        ]
        for csp in report["csps"]
        for p in csp["priorities"]
        for m in p["matches"]
    ]
    assert [[r[0], r[1], r[2], r[3], r[5], r[6], r[7], r[8]] for r in rows] == expected
    assert len(rows) == report["summary"]["priorities"] * report["summary"]["objectives"]


FORMULAS = {
    "plan title": '=HYPERLINK("https://evil.example","Open the plan")',
    "objective": "=1+1 cut crime and anti-social behaviour",
    "name": "@SUM(1+1) Northdown",
    "plus": "+44 domestic abuse",
    "minus": "-1 anti-social behaviour",
}


def test_text_that_looks_like_a_formula_is_stored_as_text(write, in_tmp):
    write(
        "plan.yaml",
        f"kind: police-and-crime-plan\nforce_area: Wessex\ntitle: '{FORMULAS['plan title']}'\n"
        f"objectives:\n  - id: P1\n    title: '{FORMULAS['objective']}'\n",
    )
    write(
        "csps/n.yaml",
        f"kind: community-safety-partnership\nid: northdown\nname: '{FORMULAS['name']}'\n"
        f"force_area: Wessex\npriorities:\n  - id: N1\n    title: '{FORMULAS['plus']}'\n"
        f"  - id: N2\n    title: '{FORMULAS['minus']}'\n",
    )
    result = run("check", "plan.yaml", "csps", *AS_OF, "-f", "xlsx", "-o", "r.xlsx")
    assert result.exit_code in (0, 1), result.stderr
    book = load_workbook("r.xlsx")
    risky = [
        cell
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in "=+-@"
    ]
    assert {c.value for c in risky} >= set(FORMULAS.values())
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    with zipfile.ZipFile("r.xlsx") as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in package.read(n) for n in sheets)


# --- reproducible bytes ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_bytes_depend_on_the_input_and_the_as_of_day_only(write, in_tmp, fmt):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/n.yaml", MINIMAL_CSP)
    made = {}
    for name, day in (("a", "2026-11-22"), ("b", "2026-11-22"), ("c", "2027-01-05")):
        result = run("check", "plan.yaml", "csps", "--as-of", day, "-f", fmt, "-o", name)
        assert result.exit_code in (0, 1), result.stderr
        made[name] = Path(name).read_bytes()
    assert made["a"] == made["b"]
    assert made["a"] != made["c"]
    with zipfile.ZipFile(io.BytesIO(made["c"])) as package:
        infos = package.infolist()
        # as Office orders them: type sniffers look for the document's folder near the start
        assert [i.filename for i in infos[:2]] == ["[Content_Types].xml", "_rels/.rels"]
        assert infos[2].filename.startswith({"xlsx": "xl/", "docx": "word/"}[fmt])
        assert {i.date_time for i in infos} == {(2027, 1, 5, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
        app = package.read("docProps/app.xml").decode()
    assert core.count("2027-01-05T00:00:00Z") == 2
    assert "<Application>alignkit</Application>" in app


# --- the Word board paper ----------------------------------------------------------------------


def _headings(document: Any, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def _rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _repeats_header(table: Any) -> bool:
    first = table.rows[0]._tr
    return bool(first.xpath("./w:trPr/w:tblHeader"))


def test_the_word_report_uses_word_s_heading_styles_and_a_contents_field(wessex):
    document = docx.Document(io.BytesIO(wessex["docx"]))
    report = wessex["json"]
    assert _headings(document, "Title") == [report["plan"]["title"]]
    first = _headings(document, "Heading 1")
    assert first[:3] == [
        "Summary",
        "How each partnership stands to each objective",
        "Coverage of the plan across the force area",
    ]
    assert first[3:] == ["The police and crime plan", *(c["name"] for c in report["csps"])]
    second = _headings(document, "Heading 2")
    regard = "How this partnership has regard to the police and crime plan"
    assert second.count(regard) == len(report["csps"])
    xml = document.element.xml
    assert 'TOC \\o "1-2" \\h \\z \\u' in xml and 'w:fldCharType="begin"' in xml
    assert document.settings.element.xpath("./w:updateFields/@w:val") == ["true"]


def test_the_word_report_s_tables_match_the_json_report(wessex):
    document = docx.Document(io.BytesIO(wessex["docx"]))
    report = wessex["json"]
    tables = document.tables
    assert tables and all(_repeats_header(t) for t in tables)
    matrix = _rows(tables[0])
    objectives = report["plan"]["objectives"]
    assert matrix[0] == ["Partnership", *(f"{o['id']} {o['title']}" for o in objectives)]
    assert matrix[1:] == [
        [_matrix_name(c), *(_cell_words(x["state"], x["priorities"]) for x in c["regard"])]
        for c in report["csps"]
    ]
    names = {c["id"]: c["name"] for c in report["csps"]}
    coverage = next(
        _rows(t) for t in tables if _rows(t)[0][0] == "Objective" and len(t.columns) == 5
    )
    for row, c in zip(coverage[1:], report["summary"]["coverage"], strict=True):
        assert row[0].startswith(c["objective"] + " ")
        assert row[4] == (", ".join(names[i] for i in c["gap_in"]) or "—")
        assert row[2] == (", ".join(names[i] for i in c["considered_by"]) or "—")
    # each partnership's statement of regard: every objective, with the state's words
    statements = [_rows(t) for t in tables if _rows(t)[0] == ["Objective", "Standing", "How"]]
    assert len(statements) == len(report["csps"])
    for rows, csp in zip(statements, report["csps"], strict=True):
        assert [r[1] for r in rows[1:]] == [
            f"{STATE_SYMBOL[x['state']]} {STATE_WORD[x['state']]}" for x in csp["regard"]
        ]
    priorities = [_rows(t) for t in tables if _rows(t)[0][0] == "Priority"]
    for rows, csp in zip(priorities, report["csps"], strict=True):
        for row, p in zip(rows[1:], csp["priorities"], strict=True):
            assert row[0] == f"{p['id']} {p['title']}"
            best = p["best"]
            if best:
                assert row[2] == str(best["score"])
                assert row[3] == f"{STATUS_SYMBOL[best['status']]} {best['status']}"
    findings = [_rows(t) for t in tables if _rows(t)[0][0] == "Severity"]
    codes = sorted(r[1].split("\n")[0] for rows in findings for r in rows[1:])
    assert codes == sorted(f["code"] for f in report["findings"])


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("pack", "Community safety partnerships in Wessex: a welcome pack"),
        ("handover", "Handover pack for the incoming body (a mayor or a policing and crime board)"),
    ],
)
def test_the_packs_in_word_keep_the_markdown_s_sections_and_tables(wessex, name, title):
    document = docx.Document(io.BytesIO(wessex[name]))
    report = wessex["json"]
    assert _headings(document, "Title") == [title]
    headings = _headings(document, "Heading 1") + _headings(document, "Heading 2")
    assert "The force area at a glance" in headings
    shown = _headings(document, "Heading 2" if name == "pack" else "Heading 3")
    for csp in report["csps"]:
        if csp["ended"]:  # a partnership its successor has taken over is not in the packs
            assert not any(csp["name"] in heading for heading in shown)
            continue
        # a Welsh partnership's heading gives its Welsh name beside the English
        assert any(heading.startswith(csp["name"]) for heading in shown), csp["name"]
    assert 'TOC \\o "1-2"' in document.element.xml
    tables = document.tables
    assert all(_repeats_header(t) for t in tables)
    overview = _rows(tables[0])
    # a plan covering two forces adds their column in front
    assert overview[0][-4:] == ["Partnership", "Tier", "Area (local authorities)", "Priorities"]
    listed = [c for c in report["csps"] if not c["ended"]]
    names = [r[-4] for r in overview[1:]]
    assert [n.split(" / ")[0] for n in names] == [c["name"] for c in listed]
    assert [int(r[-1]) for r in overview[1:]] == [len(c["priorities"]) for c in listed]
    # bold and code spans come through as formatting, not as Markdown marks
    assert "**" not in document.element.xml and "\\|" not in document.element.xml


# --- where a workbook or document may be written ------------------------------------------------


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        (["check"], "xlsx"),
        (["check"], "docx"),
        (["pack"], "docx"),
        (["pack", "--for", "successor"], "docx"),
    ],
)
def test_a_workbook_or_document_needs_an_output_file(write, in_tmp, command, fmt):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/n.yaml", MINIMAL_CSP)
    result = run(*command, "plan.yaml", "csps", *AS_OF, "-f", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        f".{fmt}" in result.stderr
        and "hint: give the file to write, e.g. --output" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_format_a_document_does_not_have_is_refused_before_the_run():
    with pytest.raises(TargetError, match="written as ics, html"):
        targets("calendar", ["docx"], [Path("x.docx")])


def test_a_workbook_is_never_written_to_a_terminal(tmp_path):
    leader, follower = os.openpty()
    try:
        with pytest.raises(OutputError, match="is a terminal"):
            write_report(b"PK\x03\x04", Path(os.ttyname(follower)))
    finally:
        os.close(leader)
        os.close(follower)


def _with_application(data: bytes, application: str) -> bytes:
    """``data`` as Excel or Word would save it: their name in the extended properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/app.xml":
                content = content.replace(b">alignkit<", f">{application}<".encode())
            target.writestr(info, content)
    return out.getvalue()


def _plain_workbook() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("docProps/app.xml", b"<Application>alignkit</Application>" * 10**6)
    return out.getvalue()


# The Word cases write a report as .docx three times each (python-docx: some 0.3 s a time);
# whose file it is is read from the zip the same way for both formats, so the fast pass
# keeps the workbook cases and `make test` runs all six.
@pytest.mark.parametrize("fmt", ["xlsx", pytest.param("docx", marks=pytest.mark.slow)])
@pytest.mark.parametrize("theirs", ["edited in Office", "their own workbook", "zip bomb"])
def test_a_file_alignkit_did_not_write_or_an_officer_edited_is_replaced_only_with_force(
    write, in_tmp, wessex, fmt, theirs
):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/n.yaml", MINIMAL_CSP)
    content = {
        "edited in Office": _with_application(wessex[fmt], "Microsoft Office Word"),
        "their own workbook": _plain_workbook(),
        "zip bomb": _zip_bomb(),
    }[theirs]
    target = Path(f"paper.{fmt}")
    target.write_bytes(content)
    args = ("check", "plan.yaml", "csps", *AS_OF, "-f", fmt, "-o", str(target))
    refused = run(*args)
    assert refused.exit_code == 2
    assert "was not written by alignkit" in refused.stderr and "--force" in refused.stderr
    assert target.read_bytes() == content
    forced = run(*args, "--force")
    assert forced.exit_code in (0, 1), forced.stderr
    assert target.read_bytes() != content
    again = run(*args)  # now alignkit's own: replaced without --force
    assert again.exit_code in (0, 1), again.stderr
