"""alignkit.toml: found, read, checked with located errors; waivers and overrides applied."""

from __future__ import annotations

import json

import pytest

from alignkit.config import find_config, load_config
from conftest import MINIMAL_CSP, run

AS_OF = ("--as-of", "2026-11-22")
PLAN = """\
kind: police-and-crime-plan
force_area: Wessex
title: Wessex Police and Crime Plan 2025-2029
objectives:
  - id: P1
    title: Cut crime and anti-social behaviour
  - id: P2
    title: Tackle violence against women and girls
  - id: P3
    title: Make our roads safer
"""
# N1 addresses P2; nothing addresses P1 or P3: two unexplained gaps (AK301).
CONFIG = """\
plan = "plan.yaml"
csps = ["csps"]
"""


@pytest.fixture
def area(write):
    write("plan.yaml", PLAN)
    write("csps/northdown.yaml", MINIMAL_CSP)
    return write


def gaps(report):
    return [f for f in report["findings"] if f["code"] == "AK301"]


def test_bare_check_uses_the_configured_plan_and_csps(area):
    area("alignkit.toml", CONFIG)
    result = run("check", "--format", "json", *AS_OF)
    assert result.exit_code == 1
    assert len(gaps(json.loads(result.stdout))) == 2


def test_config_is_found_walking_up_and_paths_are_relative_to_it(area, in_tmp):
    area("alignkit.toml", CONFIG)
    (in_tmp / "deep" / "er").mkdir(parents=True)
    assert find_config(in_tmp / "deep" / "er") == (in_tmp / "alignkit.toml").resolve()
    config = load_config(in_tmp / "alignkit.toml")
    assert (in_tmp / config.resolve("plan.yaml")).resolve() == (in_tmp / "plan.yaml").resolve()


def test_pyproject_table_is_used_and_a_pyproject_without_one_is_passed_over(area, in_tmp):
    area("pyproject.toml", "[tool.alignkit]\n" + CONFIG)
    assert find_config(in_tmp) == (in_tmp / "pyproject.toml").resolve()
    area("sub/pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(in_tmp / "sub") == (in_tmp / "pyproject.toml").resolve()
    area("alignkit.toml", "fail_on = 'never'\n")
    assert find_config(in_tmp) == (in_tmp / "alignkit.toml").resolve()  # the dedicated file wins


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "plan = 'plan.yaml'\nfail_onn = 'warning'\n",
            "alignkit.toml:2:1: fail_onn: Extra inputs are not permitted (did you mean 'fail_on'?)",
        ),
        (
            "fail_on = 'sometimes'\n",
            "alignkit.toml:1:11: fail_on: Input should be 'error', 'warning' or 'never'",
        ),
        (
            "[thresholds]\naligned = 50\npartial = 60\n",
            "alignkit.toml:1:1: thresholds: Value error, 'partial' must be below 'aligned'",
        ),
        (
            "[[waivers]]\ncode = 'AK301'\nexpires = 2027-01-01\n",
            "alignkit.toml:1:1: waivers.0.reason: Field required",
        ),
        (
            "[[waivers]]\ncode = 'AK301'\nreason = 'x'\nexpires = 2027-01-01\n[[waivers]]\ncode = 'AK301'\nreason = 'x'\nexpirse = 2027-01-01\n",
            "alignkit.toml:8:1: waivers.1.expirse: Extra inputs are not permitted (did you mean 'expires'?)",
        ),
        (
            "[severity]\nAK999 = 'info'\n",
            "alignkit.toml:1:1: severity: Value error, unknown finding code(s): AK999",
        ),
        ("plan = \n", "alignkit.toml:1:8: not valid TOML"),
    ],
)
def test_configuration_errors_are_exit_2_with_a_location(area, text, expected):
    area("alignkit.toml", text)
    result = run("check", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_pyproject_error_positions_count_the_whole_file(area):
    area("pyproject.toml", "[project]\nname = 'x'\n\n[tool.alignkit]\nplann = 'plan.yaml'\n")
    result = run("check", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 2
    assert (
        "pyproject.toml:5:1: plann: Extra inputs are not permitted (did you mean 'plan'?)"
        in result.stderr
    )


def test_explicit_config_that_does_not_exist(area):
    result = run("check", "--config", "nope.toml", *AS_OF)
    assert result.exit_code == 2
    assert "nope.toml: file not found" in result.stderr


WAIVER = """
[[waivers]]
code = "AK301"
csp = "northdown"
objective = "P3"
reason = "Road safety is led by the county Safer Roads Partnership; regard record to follow."
approved_by = "Northdown CSP Board, 3 October 2026"
expires = {expires}
"""


def test_a_waived_finding_stays_in_the_report_but_does_not_fail(area):
    area(
        "alignkit.toml",
        CONFIG
        + "fail_on = 'error'\n"
        + WAIVER.format(expires="2027-03-31")
        + WAIVER.replace("P3", "P1").format(expires="2027-03-31"),
    )
    result = run("check", "--format", "json", *AS_OF)
    assert result.exit_code == 0, result.stdout
    report = json.loads(result.stdout)
    waived = gaps(report)
    assert [f["objective"] for f in waived] == ["P1", "P3"]
    assert waived[1]["waiver"]["reason"].startswith("Road safety is led")
    assert waived[1]["waiver"]["where"] == "alignkit.toml:5:1"
    assert report["summary"]["waived"] == 2
    assert report["summary"]["findings"]["error"] == 0
    text = run("check", *AS_OF)
    assert "AK301" in text.stdout  # still visible in the terminal report
    html = run("check", "--format", "html", *AS_OF).stdout
    assert "Waived" in html and "Safer Roads Partnership" in html


def test_an_expired_waiver_is_a_finding_and_no_longer_waives(area):
    area("alignkit.toml", CONFIG + WAIVER.format(expires="2026-10-31"))
    result = run("check", "--format", "json", *AS_OF)
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert all(f["waiver"] is None for f in gaps(report))
    (expired,) = [f for f in report["findings"] if f["code"] == "AK901"]
    assert (expired["path"], expired["line"], expired["column"]) == (
        "alignkit.toml",
        4,
        1,
    )  # blank line 3
    assert "expired on 2026-10-31" in expired["message"]


def test_a_waiver_that_matches_nothing_is_a_finding(area):
    area(
        "alignkit.toml",
        CONFIG + WAIVER.replace("northdown", "southdown").format(expires="2027-03-31"),
    )
    report = json.loads(run("check", "--format", "json", *AS_OF).stdout)
    (unused,) = [f for f in report["findings"] if f["code"] == "AK902"]
    assert unused["severity"] == "warning" and unused["csp"] == "southdown"


def test_severity_override_and_fail_on_from_the_config(area):
    area("alignkit.toml", CONFIG + "fail_on = 'never'\n")
    assert run("check", *AS_OF).exit_code == 0
    area("alignkit.toml", CONFIG + "[severity]\nAK301 = 'info'\n")
    result = run("check", "--format", "json", *AS_OF)
    assert result.exit_code == 0
    assert {f["severity"] for f in gaps(json.loads(result.stdout))} == {"info"}
    # the command line wins over the file
    assert run("check", "--fail-on", "warning", *AS_OF).exit_code == 1


def test_thresholds_from_the_config_change_the_statuses(area):
    area("alignkit.toml", CONFIG + "[thresholds]\naligned = 100\npartial = 99\n")
    report = json.loads(run("check", "--format", "json", *AS_OF).stdout)
    statuses = {m["status"] for p in report["csps"][0]["priorities"] for m in p["matches"]}
    assert "aligned" not in statuses


def test_configured_outputs_are_written_beside_the_terminal_report(area, in_tmp):
    area(
        "alignkit.toml",
        CONFIG + '[[outputs]]\nformat = "html"\npath = "out/report.html"\n'
        '[[outputs]]\nformat = "json"\npath = "out/report.json"\n',
    )
    result = run("check", *AS_OF)
    assert "How each partnership stands" in result.stdout
    assert (in_tmp / "out/report.html").read_text().startswith("<!DOCTYPE html>")
    assert json.loads((in_tmp / "out/report.json").read_text())["format_version"] == 2


def test_several_formats_in_one_run(area, in_tmp):
    result = run(
        "check",
        "plan.yaml",
        "csps",
        "-f",
        "html",
        "-o",
        "r.html",
        "-f",
        "markdown",
        "-o",
        "r.md",
        "-f",
        "json",
        *AS_OF,
    )
    assert json.loads(result.stdout)["format_version"] == 2
    assert (in_tmp / "r.html").exists() and (in_tmp / "r.md").exists()
    bad = run("check", "plan.yaml", "csps", "-f", "html", "-f", "json", *AS_OF)
    assert bad.exit_code == 2 and "only one report can go to the screen" in bad.stderr


def test_output_will_not_replace_a_file_alignkit_did_not_write_without_force(area, in_tmp):
    area("notes.md", "My own notes\n")
    refused = run("check", "plan.yaml", "csps", "-f", "markdown", "-o", "notes.md", *AS_OF)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert (in_tmp / "notes.md").read_text() == "My own notes\n"
    again = run("check", "plan.yaml", "csps", "-f", "markdown", "-o", "notes.md", "--force", *AS_OF)
    assert again.exit_code == 1
    # a report alignkit wrote is replaced without --force
    assert (
        run("check", "plan.yaml", "csps", "-f", "markdown", "-o", "notes.md", *AS_OF).exit_code == 1
    )
    # the configuration file is an input too
    area("alignkit.toml", CONFIG)
    assert run("check", "-f", "json", "-o", "alignkit.toml", "--force", *AS_OF).exit_code == 2


def test_config_command_says_where_each_value_comes_from(area):
    area("alignkit.toml", CONFIG + "\nfail_on = 'warning'\n")
    result = run("config")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "configuration file: alignkit.toml"
    assert any(
        line.split()[:2] == ["fail_on", "warning"] and line.endswith("[alignkit.toml:4:1]")
        for line in lines
    )
    assert any(line.split()[0] == "as_of" and line.endswith("[default]") for line in lines)


def test_config_command_without_a_file(in_tmp):
    result = run("config")
    assert result.exit_code == 0
    assert "configuration file: (none found)" in result.stdout


def test_baseline_writes_waivers_that_make_the_check_pass(area, in_tmp):
    area("alignkit.toml", CONFIG)
    assert run("check", *AS_OF).exit_code == 1
    baseline = run("baseline", "--expires-in", "30", *AS_OF)
    assert baseline.exit_code == 0
    # two gaps, two objectives nobody addresses, one partnership with no serious violence
    # strategy recorded (AK705)
    assert baseline.stdout.count("[[waivers]]") == 5
    assert 'code = "AK705"' in baseline.stdout
    assert "expires = 2026-12-22" in baseline.stdout
    assert 'reason = "TODO' in baseline.stdout
    (in_tmp / "alignkit.toml").write_text(CONFIG + baseline.stdout)
    passed = run("check", "--format", "json", *AS_OF)
    assert passed.exit_code == 0
    assert json.loads(passed.stdout)["summary"]["waived"] == 5
    # once they expire, they count again, and say so
    expired = run("check", "--format", "json", "--as-of", "2027-01-05")
    assert expired.exit_code == 1
    assert sum(f["code"] == "AK901" for f in json.loads(expired.stdout)["findings"]) == 5


def test_limits_from_the_config(area, in_tmp):
    many = "".join(f"  - id: N{i}\n    title: Priority {i}\n" for i in range(2, 8))
    area("csps/northdown.yaml", MINIMAL_CSP + many)
    area("alignkit.toml", CONFIG + "[limits]\nitems = 5\n")
    result = run("check", *AS_OF)
    assert result.exit_code == 3
    assert "csps/northdown.yaml:5:1: AK016 7 priorities: more than the limit of 5" in result.stderr
    assert run("validate", "csps").exit_code == 3  # validate reads the same limits
    area("alignkit.toml", CONFIG + "[limits]\nfiles = 1\n")
    area("csps/southdown.yaml", MINIMAL_CSP.replace("northdown", "southdown"))
    too_many = run("check", *AS_OF)
    assert too_many.exit_code == 3
    assert "AK015 2 YAML files found: more than the limit of 1" in too_many.stderr
    area("alignkit.toml", CONFIG + "[limits]\ndepht = 5\n")
    assert "(did you mean 'depth'?)" in run("check", *AS_OF).stderr


def test_bare_validate_uses_the_configured_plan_and_csps(area, in_tmp):
    area("alignkit.toml", CONFIG)
    result = run("validate")
    assert result.exit_code == 0
    assert "✓ plan.yaml" in result.stdout and "✓ csps/northdown.yaml" in result.stdout
    (in_tmp / "alignkit.toml").unlink()
    bare = run("validate")
    assert bare.exit_code == 2 and "give the files or folders to validate" in bare.stderr
