"""`alignkit import`: spreadsheets in, validated YAML out; the template and the round trip."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from alignkit.importer import LAYOUTS, build_workbook, import_spreadsheet
from alignkit.importer.layout import CSP_LAYOUT, PLAN_LAYOUT, markdown_tables, normalise
from alignkit.models import CSP_KIND, CSPDocument
from alignkit.validate import load_document
from conftest import ROOT, run
from spreadsheets import PRIORITIES, csp_workbook, save

EXAMPLES = sorted((ROOT / "examples" / "wessex").rglob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_documents_round_trip_through_the_template_layout(
    path: Path, tmp_path: Path
) -> None:
    original = load_document(path).model
    assert original is not None
    workbook = tmp_path / f"{path.stem}.xlsx"
    build_workbook(LAYOUTS[original.kind], original).save(workbook)

    imported = import_spreadsheet(workbook, workbook.name)

    assert imported.diagnostics == []
    # The template writes the responsible authorities under their legal names, so a file
    # still using an older key (casterbridge's 'police') comes back in today's terms.
    expected = original.with_legal_names() if isinstance(original, CSPDocument) else original
    assert imported.model == expected


@pytest.mark.parametrize("path", [EXAMPLES[0], ROOT / "examples/wessex/plan.yaml"])
def test_exported_then_imported_yaml_validates_and_names_its_schema(
    in_tmp: Path, path: Path
) -> None:
    (in_tmp / "schemas").mkdir()
    for name in ("community-safety-partnership", "police-and-crime-plan"):
        (in_tmp / "schemas" / f"{name}.schema.json").write_text("{}")
    exported = run("import", "--template", "--from", str(path), "--output", "doc.xlsx")
    assert exported.exit_code == 0, exported.stderr

    imported = run("import", "doc.xlsx", "--output", "out/doc.yaml")

    assert imported.exit_code == 0, imported.stderr
    text = (in_tmp / "out/doc.yaml").read_text(encoding="utf-8")
    schema = "community-safety-partnership" if "csps" in path.parts else "police-and-crime-plan"
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{schema}.schema.json\n")
    checked = run("validate", "out/doc.yaml")
    assert checked.exit_code == 0, checked.stdout
    assert load_document(in_tmp / "out/doc.yaml").model == load_document(path).model


def test_import_writes_the_yaml_to_stdout_and_nothing_else(in_tmp: Path) -> None:
    save(csp_workbook(), in_tmp / "csp.xlsx")

    result = run("import", "csp.xlsx")

    assert result.exit_code == 0, result.stderr
    assert "kind: community-safety-partnership\nid: northdown\n" in result.stdout
    assert "  - id: N1\n    title: Domestic abuse and stalking\n" in result.stdout
    assert "    supports:\n      - P1\n" in result.stdout


def test_existing_output_is_never_replaced_without_force(in_tmp: Path) -> None:
    save(csp_workbook(), in_tmp / "csp.xlsx")
    (in_tmp / "csp.yaml").write_text("mine\n")

    refused = run("import", "csp.xlsx", "--output", "csp.yaml")
    assert refused.exit_code == 2
    assert "already exists" in refused.stderr
    assert (in_tmp / "csp.yaml").read_text() == "mine\n"

    forced = run("import", "csp.xlsx", "--output", "csp.yaml", "--force")
    assert forced.exit_code == 0
    assert "id: northdown" in (in_tmp / "csp.yaml").read_text()


def test_nothing_is_written_when_there_are_errors(in_tmp: Path) -> None:
    save(csp_workbook(priorities=[["N1", None, None, None]]), in_tmp / "csp.xlsx")
    before = (in_tmp / "csp.xlsx").read_bytes()

    result = run("import", "csp.xlsx", "--output", "csp.yaml")

    assert result.exit_code == 3
    assert "csp.xlsx:Priorities!B2: AK103 Title is empty" in result.stderr
    assert not (in_tmp / "csp.yaml").exists()
    assert (in_tmp / "csp.xlsx").read_bytes() == before  # inputs are never modified


def test_every_problem_is_listed_at_once_in_sheet_order(in_tmp: Path) -> None:
    details = [["Id", "north down"], ["Name", "Northdown"], ["Forse area", "Wessex"]]
    rows = [["N1", "Title", None, None], ["N1", None, None, None]]
    save(csp_workbook(priorities=rows, details=details), in_tmp / "csp.xlsx")

    result = run("import", "csp.xlsx")

    locations = [line.split(": ")[0] for line in result.stderr.splitlines() if ": AK" in line]
    assert locations == ["csp.xlsx:Partnership!A3"]  # the unknown field stops the rest
    assert "did you mean 'Force area'?" in result.stderr
    details[2][0] = "Force area"
    save(csp_workbook(priorities=rows, details=details), in_tmp / "csp.xlsx")
    result = run("import", "csp.xlsx")
    codes = [
        line.split(": ")[1].split()[0] for line in result.stderr.splitlines() if ": AK" in line
    ]
    locations = [line.split(": ")[0] for line in result.stderr.splitlines() if ": AK" in line]
    assert list(zip(locations, codes, strict=True)) == [
        ("csp.xlsx:Partnership!B1", "AK104"),
        ("csp.xlsx:Priorities!A3", "AK202"),
        ("csp.xlsx:Priorities!B3", "AK103"),
    ]
    assert "(first used at Priorities!A2)" in result.stderr


def test_headers_tolerate_case_spacing_and_synonyms(tmp_path: Path) -> None:
    header = ["  REF ", "Priority", "detail", "Supports objectives", "KPIs", "Lead body"]
    rows = [
        ["N1", "Domestic abuse", "Repeat victims", "P1; P2", "MARAC repeats\nDVPNs", "DA Forum"]
    ]
    path = save(csp_workbook(priorities=rows, header=header), tmp_path / "csp.xlsx")

    imported = import_spreadsheet(path, "csp.xlsx")

    assert imported.diagnostics == []
    assert imported.model is not None
    priority = imported.model.priorities[0]
    assert (priority.id, priority.title, priority.description) == (
        "N1",
        "Domestic abuse",
        "Repeat victims",
    )
    assert priority.supports == ["P1", "P2"]
    assert priority.measures == ["MARAC repeats", "DVPNs"]
    assert priority.lead == "DA Forum"


def test_dates_typed_as_dates_text_or_excel_serials_are_all_read(tmp_path: Path) -> None:
    book = csp_workbook()
    meetings = book.create_sheet("Meetings")
    meetings.append(["Date", "Body"])
    meetings.append(["31/03/2027", "CSP Board"])
    meetings.append([46477, "CSP Board"])  # 2027-03-31 as Excel counts days
    meetings.append(["2027-03-31", "CSP Board"])
    meetings.append(["31 March 2027", "CSP Board"])
    path = save(book, tmp_path / "csp.xlsx")

    imported = import_spreadsheet(path, "csp.xlsx")

    assert imported.model is not None, imported.diagnostics
    assert {m.date.isoformat() for m in imported.model.meetings} == {"2027-03-31"}


def test_blank_rows_between_items_are_only_spacing(tmp_path: Path) -> None:
    rows = [PRIORITIES[0], [None, None, None, None], ["", " ", None, None], PRIORITIES[1]]
    path = save(csp_workbook(priorities=rows), tmp_path / "csp.xlsx")

    imported = import_spreadsheet(path, "csp.xlsx")

    assert imported.model is not None
    assert [p.id for p in imported.model.priorities] == ["N1", "N2"]


def test_a_csv_file_holds_the_rows_and_options_give_the_rest(in_tmp: Path) -> None:
    (in_tmp / "priorities.csv").write_bytes(
        "\ufeffId,Title,Description\r\nN1,Domestic abuse,“Repeat” victims £\r\n".encode()
    )

    missing = run("import", "priorities.csv")
    assert missing.exit_code == 2
    assert "--kind" in missing.stderr

    result = run(
        "import", "priorities.csv", "--kind", "csp", "--id", "northdown", "--name",
        "Northdown CSP", "--force-area", "Wessex",
    )  # fmt: skip

    assert result.exit_code == 0, result.stderr
    assert "id: northdown\nname: Northdown CSP\nforce_area: Wessex\n" in result.stdout
    assert "description: “Repeat” victims £" in result.stdout


def test_windows_1252_csv_is_refused_at_the_byte_unless_named(in_tmp: Path) -> None:
    (in_tmp / "plan.csv").write_bytes("Id,Title\nP1,Caf\u00e9 culture\n".encode("cp1252"))
    options = ["--kind", "plan", "--force-area", "Wessex", "--name", "Wessex Plan"]

    refused = run("import", "plan.csv", *options)
    assert refused.exit_code == 3
    assert "plan.csv:2:7: AK003 byte 0xE9 is not valid UTF-8" in refused.stderr
    assert "--encoding windows-1252" in refused.stderr

    accepted = run("import", "plan.csv", *options, "--encoding", "windows-1252")
    assert accepted.exit_code == 0, accepted.stderr
    assert "title: Café culture" in accepted.stdout


def test_template_has_the_layout_validation_lists_and_instructions(in_tmp: Path) -> None:
    result = run("import", "--template", "--kind", "csp", "--output", "csp.xlsx")
    assert result.exit_code == 0, result.stderr

    book = openpyxl.load_workbook(in_tmp / "csp.xlsx")

    assert book.sheetnames == ["Instructions", *(s.name for s in CSP_LAYOUT.sheets)]
    priorities = book["Priorities"]
    assert [c.value for c in priorities[1]] == [
        c.label for c in CSP_LAYOUT.sheet("Priorities").columns
    ]
    lists = [v.formula1 for v in book["Partnership"].data_validations.dataValidation]
    assert '"district,unitary,county,london-borough,welsh,merged"' in lists
    assert '"yes,no"' in lists
    assert "alignkit import" in str(book["Instructions"]["A2"].value)
    again = run("import", "--template", "--kind", "csp", "--output", "csp.xlsx")
    assert again.exit_code == 2  # never replaced without --force


def test_template_needs_a_kind_and_an_xlsx_name(in_tmp: Path) -> None:
    assert run("import", "--template", "--output", "x.xlsx").exit_code == 2
    assert run("import", "--template", "--kind", "plan").exit_code == 2
    assert run("import", "--template", "--kind", "plan", "--output", "x.yaml").exit_code == 2


def test_no_two_columns_of_a_sheet_share_a_name() -> None:
    for layout in (PLAN_LAYOUT, CSP_LAYOUT):
        for sheet in layout.sheets:
            names = [normalise(n) for c in sheet.columns for n in set(map(normalise, c.names()))]
            assert len(names) == len(set(names)), sheet.name


def test_docs_page_lists_the_layout_as_the_code_has_it() -> None:
    page = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    assert markdown_tables() in page, "docs/import.md: paste in layout.markdown_tables()"


def test_other_commands_start_without_openpyxl() -> None:
    code = (
        "import sys; from alignkit.cli import app; "
        "from typer.testing import CliRunner; CliRunner().invoke(app, ['--version']); "
        "print('openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_csv_file_without_an_id_column_is_refused_at_its_header(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Priority,Detail\nKnife crime,Young people\n", encoding="utf-8")
    imported = import_spreadsheet(
        path, "p.csv", kind=CSP_KIND, details={"id": "x", "name": "X", "force_area": "W"}
    )
    # 'Priority' is the title; with no Id column the rows cannot be told apart.
    assert [d.code for d in imported.diagnostics] == ["AK055"]
    assert imported.diagnostics[0].location() == "p.csv:1:1"
