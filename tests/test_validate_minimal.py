"""The minimal documents of the field guide validate unchanged, alone and together."""

from __future__ import annotations

import json

from conftest import MINIMAL_CSP, MINIMAL_PLAN, run


def test_minimal_plan_and_csp_are_valid(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/northdown.yaml", MINIMAL_CSP)
    result = run("validate", "plan.yaml", "csps")
    assert result.exit_code == 0, result.stdout
    assert "✓ plan.yaml  police and crime plan, Wessex: 1 objective" in result.stdout
    assert (
        "✓ csps/northdown.yaml  Northdown Community Safety Partnership: 1 priority" in result.stdout
    )
    assert "All 2 files valid." in result.stdout


def test_each_minimal_document_is_valid_on_its_own(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csp.yaml", MINIMAL_CSP)
    assert run("validate", "plan.yaml").exit_code == 0
    assert run("validate", "csp.yaml").exit_code == 0


def test_json_output_lists_files_and_no_diagnostics(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csp.yaml", MINIMAL_CSP)
    result = run("validate", "--format", "json", "plan.yaml", "csp.yaml")
    payload = json.loads(result.stdout)
    assert payload["format_version"] == 1
    assert payload["tool"]["name"] == "alignkit"
    assert payload["valid"] is True
    # in path order, whatever the order on the command line
    assert [f["kind"] for f in payload["files"]] == [
        "community-safety-partnership",
        "police-and-crime-plan",
    ]
    assert payload["diagnostics"] == []


def test_json_output_carries_located_diagnostics(write):
    write("csp.yaml", MINIMAL_CSP.replace("    title: Domestic", "    titel: Domestic"))
    result = run("validate", "--format", "json", "csp.yaml")
    assert result.exit_code == 3
    payload = json.loads(result.stdout)
    codes = {(d["code"], d["line"], d["column"]) for d in payload["diagnostics"]}
    assert ("AK101", 7, 5) in codes
    # the typo explains the missing 'title'; it is not reported twice
    assert not any(code == "AK102" for code, _, _ in codes)
    assert payload["files"][0]["valid"] is False


def test_folders_are_searched_recursively_in_a_stable_order(write):
    write("area/plan.yaml", MINIMAL_PLAN)
    write("area/csps/b.yaml", MINIMAL_CSP.replace("id: northdown", "id: b"))
    write("area/csps/a.yml", MINIMAL_CSP.replace("id: northdown", "id: a"))
    write("area/csps/notes.txt", "not yaml")
    write("area/.hidden/x.yaml", "broken: [")
    result = run("validate", "area")
    assert result.exit_code == 0, result.stdout
    order = [line.split()[1] for line in result.stdout.splitlines() if "✓" in line]
    assert order == ["area/csps/a.yml", "area/csps/b.yaml", "area/plan.yaml"]


def test_an_empty_optional_description_means_no_description(write):
    write(
        "plan.yaml",
        MINIMAL_PLAN.replace(
            "description: Burglary, vehicle crime, ASB hotspots", "description: ''"
        ),
    )
    write(
        "csp.yaml",
        MINIMAL_CSP.replace(
            "description: Increase reporting and repeat-victim support", 'description: ""'
        ),
    )
    assert run("validate", "plan.yaml", "csp.yaml").exit_code == 0
    empty_title = MINIMAL_CSP.replace("title: Domestic abuse and stalking", "title: ''")
    write("csp.yaml", empty_title)
    result = run("validate", "csp.yaml")
    assert result.exit_code == 3
    assert "csp.yaml:7:12: AK103" in result.stdout
