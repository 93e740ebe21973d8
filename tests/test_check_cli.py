"""`alignkit check`: the command CI and officers run, end to end."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT, run

REPORT_SCHEMA = json.loads((ROOT / "schemas" / "check-report.schema.json").read_text())

PLAN = (
    MINIMAL_PLAN
    + """\
  - id: P2
    title: Tackle violence against women and girls
"""
)
CSP = (
    MINIMAL_CSP.replace(
        "    description: Increase", "    supports: [P2]\n    description: Increase"
    )
    + """\
  - id: N2
    title: Anti-social behaviour in town centres
"""
)
AS_OF = ("--as-of", "2026-11-22")


@pytest.fixture
def area(write):
    write("plan.yaml", PLAN)
    write("csps/northdown.yaml", CSP)


def test_json_report_carries_every_objective_for_every_priority(area):
    result = run("check", "plan.yaml", "csps", "--format", "json", *AS_OF)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["format_version"] == 2 and report["tool"]["name"] == "alignkit"
    assert report["as_of"] == "2026-11-22"
    (csp,) = report["csps"]
    assert [p["id"] for p in csp["priorities"]] == ["N1", "N2"]
    by_id = {p["id"]: p for p in csp["priorities"]}
    for priority in by_id.values():
        assert [m["objective"] for m in priority["matches"]] == ["P1", "P2"]
        for match in priority["matches"]:
            assert 0 <= match["score"] <= 100
            assert match["status"] in {"aligned", "partial", "none"}
            assert match["explanation"]["summary"]
    assert by_id["N1"]["best"]["objective"] == "P2"
    assert by_id["N1"]["best"]["status"] == "aligned"
    assert by_id["N2"]["best"]["objective"] == "P1"
    n1_p2 = by_id["N1"]["matches"][1]["explanation"]
    assert n1_p2["themes"][0]["priority_theme"] == "domestic abuse"
    assert n1_p2["themes"][0]["relation"] == "part-of"


def test_unexplained_gap_fails_the_run_at_the_default_level(write):
    write("plan.yaml", PLAN + "  - id: P3\n    title: Make our roads safer\n")
    write("csps/northdown.yaml", CSP)
    result = run("check", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 1
    assert "AK301" in result.stdout and "P3" in result.stdout
    assert run("check", "plan.yaml", "csps", "--fail-on", "never", *AS_OF).exit_code == 0
    assert "checked 1 CSP against" in result.stderr and "1 error," in result.stderr


def test_fail_on_warning(write):
    write("plan.yaml", PLAN)
    # a declared link the text does not bear out is a warning (AK501)
    write("csps/northdown.yaml", CSP.replace("supports: [P2]", "supports: [P2, P1]"))
    assert run("check", "plan.yaml", "csps", *AS_OF).exit_code == 0
    warned = run("check", "plan.yaml", "csps", "--fail-on", "warning", *AS_OF)
    assert warned.exit_code == 1
    assert "AK501" in warned.stdout


def test_invalid_input_exits_3_with_located_errors_and_no_report(write):
    write("plan.yaml", PLAN)
    write("csps/northdown.yaml", CSP.replace("name:", "nmae:"))
    result = run("check", "plan.yaml", "csps", "--format", "json", *AS_OF)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "csps/northdown.yaml:3:1: AK101" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_is_byte_identical_across_runs(area, fmt):
    first = run("check", "plan.yaml", "csps", "--format", fmt, *AS_OF)
    second = run("check", "plan.yaml", "csps", "--format", fmt, *AS_OF)
    assert first.stdout == second.stdout and first.stdout


def test_output_file_and_refusal_to_overwrite_an_input(area, in_tmp):
    plan_before = (in_tmp / "plan.yaml").read_bytes()
    result = run("check", "plan.yaml", "csps", "--format", "json", "-o", "out/report.json", *AS_OF)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads((in_tmp / "out/report.json").read_text())["format_version"] == 2
    assert "wrote out/report.json" in result.stderr
    refused = run("check", "plan.yaml", "csps", "-f", "text", "-o", "csps/northdown.yaml", *AS_OF)
    assert refused.exit_code == 2
    assert "input documents" in refused.stderr
    assert (in_tmp / "plan.yaml").read_bytes() == plan_before
    assert "kind: community-safety-partnership" in (in_tmp / "csps/northdown.yaml").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "22/11/2026"), "YYYY-MM-DD"),
        (("--format", "pdf"), "pdf"),
        (("--fail-on", "sometimes"), "sometimes"),
    ],
)
def test_usage_errors_exit_2(area, args, message):
    result = run("check", "plan.yaml", "csps", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_csp_folder_is_a_usage_error(write):
    write("plan.yaml", PLAN)
    result = run("check", "plan.yaml", "nowhere", *AS_OF)
    assert result.exit_code == 2
    assert "nowhere" in result.stderr


def test_user_vocabulary_changes_the_match_and_a_bad_one_is_exit_2(write):
    write("plan.yaml", PLAN + "  - id: P3\n    title: Keep people safe near water\n")
    write("csps/northdown.yaml", CSP + "  - id: N3\n    title: Drowning prevention\n")
    before = json.loads(run("check", "plan.yaml", "csps", "-f", "json", *AS_OF).stdout)
    write(
        "water.yaml",
        "version: 1\nthemes:\n  - id: water-safety\n    label: water safety\n"
        "    terms: [drowning, near water, water safety]\n",
    )
    after = json.loads(
        run("check", "plan.yaml", "csps", "-f", "json", "--vocabulary", "water.yaml", *AS_OF).stdout
    )

    def n3_best(report):
        return report["csps"][0]["priorities"][2]["best"]

    assert n3_best(before) is None
    assert n3_best(after)["objective"] == "P3"
    write(
        "bad.yaml",
        "version: 1\nthemes:\n  - id: x\n    label: X\n    terms: [a]\n    broadr: [y]\n",
    )
    bad = run("check", "plan.yaml", "csps", "--vocabulary", "bad.yaml", *AS_OF)
    assert bad.exit_code == 2
    assert "bad.yaml:6:5" in bad.stderr


def test_example_area_json_validates_against_the_report_schema(in_tmp):
    examples = ROOT / "examples" / "wessex"
    result = run("check", str(examples / "plan.yaml"), str(examples / "csps"), "-f", "json", *AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    objectives = [o["id"] for o in report["plan"]["objectives"]]
    for csp in report["csps"]:
        for priority in csp["priorities"]:
            assert [m["objective"] for m in priority["matches"]] == objectives
            for match in priority["matches"]:
                if match["status"] == "aligned":
                    why = match["explanation"]
                    assert why["themes"] or why["terms"], (csp["id"], priority["id"])
