"""The CI formats of `alignkit check`: GitHub workflow commands, SARIF 2.1.0 and JUnit XML.

Small scenarios are assessed from hand-made scores (as tests/test_assess_regard.py does)
so the outputs do not move with the matching engine; the example force area in
examples/wessex is checked end to end for schema validity and determinism. The SARIF and
JUnit outputs are validated against the official schemas vendored in tests/data/ (see
tests/data/README.md for where each came from). Whole outputs are compared with
tests/data/golden/; run with ALIGNKIT_UPDATE_GOLDEN=1 to rewrite them after an intended
change, and read the diff before committing it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import golden_files
from alignkit import __version__
from alignkit.assess import CheckResult
from alignkit.assess.findings import WaiverNote
from alignkit.check import run_check
from alignkit.diagnostics import Position, Severity
from alignkit.render.github import render_github, write_step_summary
from alignkit.render.junit import render_junit
from alignkit.render.sarif import artifact_location, render_sarif
from conftest import ROOT, run
from scenario import assess_by_hand

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden"
EXAMPLE = ROOT / "examples" / "wessex"
AS_OF = dt.date(2026, 11, 22)

SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JUNIT_XSD = DATA / "junit-10.xsd"

try:
    import xmlschema as XMLSCHEMA
except ImportError:  # pragma: no cover - the XSD test below skips, the others still parse
    XMLSCHEMA = None

PLAN = """\
kind: police-and-crime-plan
force_area: Wessex
title: Wessex Police and Crime Plan
objectives:
  - id: P1
    title: Cut anti-social behaviour
  - id: P2
    title: Tackle violence against women and girls
  - id: P3
    title: Fight rural crime
"""

NORTH = """\
kind: community-safety-partnership
id: north
name: Northdown CSP
force_area: Wessex
responsible_authorities: {chief_officer_of_police: yes, councils: yes, fire_and_rescue_authority: yes, integrated_care_board: yes, probation_provider: yes}
priorities:
  - id: N1
    title: ASB hotspots
    supports: [P1]
  - id: N2
    title: Domestic abuse
  - id: N3
    title: Road safety
regard:
  - objective: P3
    reason: Rural crime is led at county level
"""

SOUTH = """\
kind: community-safety-partnership
id: south
name: Southdown CSP
force_area: Wessex
responsible_authorities: {chief_officer_of_police: yes, councils: yes, fire_and_rescue_authority: yes, integrated_care_board: yes, probation_provider: yes}
priorities:
  - id: S1
    title: Drugs & alcohol in the town centre
    supports: [P1]
  - id: S2
    title: Domestic abuse
"""

SCORES = {
    ("north", "N1", "P1"): 90,
    ("north", "N2", "P2"): 80,
    ("south", "S1", "P1"): 75,
    ("south", "S2", "P2"): 45,
}


def _csp_id(text: str) -> str:
    found = re.search(r"^id: (\S+)", text, re.M)
    assert found, text
    return found[1]


def check(folder: Path, csp_texts=(NORTH, SOUTH), scores=SCORES, plan=PLAN) -> CheckResult:
    """Write the documents to ``folder`` (the working directory) and assess them by hand."""
    files = {f"csps/{_csp_id(text)}.yaml": text for text in csp_texts}
    return assess_by_hand(folder, plan, files, scores)


def example() -> CheckResult:
    """The example force area, checked with the real engine from its own folder."""
    before = Path.cwd()
    os.chdir(EXAMPLE)
    try:
        run = run_check(Path("plan.yaml"), [Path("csps")], AS_OF)
    finally:
        os.chdir(before)
    assert run.result is not None
    return run.result


def with_findings(result: CheckResult, *findings) -> CheckResult:
    return dataclasses.replace(result, findings=list(findings))


def same_as_golden(name: str, content: str) -> None:
    golden_files.same_as_golden(GOLDEN / name, content)


def many_findings(folder: Path) -> CheckResult:
    """13 unexplained gaps (errors), 18 warnings and 13 considered objectives (notes)."""
    objectives = "".join(f"  - id: P{i}\n    title: Objective {i}\n" for i in range(1, 14))
    plan = PLAN.split("objectives:\n")[0] + "objectives:\n" + objectives
    gaps = NORTH.split("regard:\n")[0]
    considered = SOUTH.split("priorities:\n")[0] + (
        "priorities:\n  - id: S1\n    title: Town centres\nregard:\n"
        + "".join(f"  - objective: P{i}\n    reason: Not local\n" for i in range(1, 14))
    )
    return check(folder, (gaps, considered), {}, plan)


# --- GitHub workflow commands -------------------------------------------------------------


def test_github_report_matches_golden(in_tmp):
    same_as_golden("github.txt", render_github(check(in_tmp)))


def test_github_annotation_per_finding_with_location_title_and_hint(in_tmp):
    lines = render_github(check(in_tmp)).splitlines()
    assert (
        "::error file=csps/south.yaml,line=6,col=1,title=AK301 Unexplained gap::"
        "Southdown CSP neither addresses P3 'Fight rural crime' nor records why not"
        "%0Ahint: add a priority that addresses it, or record the decision:"
        "%0A  regard:%0A    - objective: P3%0A      reason: …"
    ) in lines
    partial = next(line for line in lines if "AK303" in line)
    assert partial.startswith(
        "::warning file=csps/south.yaml,line=10,col=5,title=AK303 Objective only partly addressed::"
    )
    considered = next(line for line in lines if "AK302" in line)
    assert considered.startswith(
        "::notice file=csps/north.yaml,line=15,col=5,title=AK302 Considered%2C not adopted::"
    )
    assert len(lines) == len(check(in_tmp).findings)


def test_github_escapes_message_and_property_values(in_tmp):
    result = check(in_tmp)
    odd = result.findings[0].replace(
        code="AK303",
        severity=Severity.WARNING,
        message="100% of it: north, south\r\nand the rest",
        path="csps/a,b:c%.yaml",
        position=Position(3, 7),
        hint=None,
    )
    (line,) = render_github(with_findings(result, odd)).splitlines()
    assert line == (
        "::warning file=csps/a%2Cb%3Ac%25.yaml,line=3,col=7,"
        "title=AK303 Objective only partly addressed"
        "::100%25 of it: north, south%0D%0Aand the rest"
    )


def test_github_escapes_a_multiline_reason_from_yaml(in_tmp):
    reason = "regard:\n  - objective: P3\n    reason: |\n      50% rural: led, funded\n      at county level\n"
    result = check(in_tmp, (NORTH.split("regard:\n")[0] + reason, SOUTH))
    line = next(line for line in render_github(result).splitlines() if "AK302" in line)
    assert line.endswith(
        "did not adopt it: 50%25 rural: led, funded%0Aat county level"
        "%0Ahint: Nothing to do; review the reason when the plan is refreshed."
    )
    assert "\n" not in line and "\r" not in line


def test_github_shows_at_most_ten_of_each_kind_and_says_what_was_left_out(in_tmp):
    result = many_findings(in_tmp)
    # each partnership also records no serious violence strategy (AK705, a warning) and
    # not when it sent its plan (AK707, a note)
    assert result.counts() == {"error": 13, "warning": 20, "info": 15}
    lines = render_github(result).splitlines()
    kinds = [line.split(" ", 1)[0].split("::")[1] for line in lines]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10
    assert kinds.count("notice") == 10  # nine findings and the closing notice
    assert lines[-1] == (
        "::notice title=alignkit%3A more findings than GitHub shows::Left out here: "
        "3 more errors, 10 more warnings and 6 more notes (GitHub shows at most 10 "
        "annotations of each kind). The full report is in the job summary."
    )
    # the first ones in report order are kept
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert [line for line in lines if line.startswith("::error")][-1].startswith(
        f"::error file={errors[9].path},line={errors[9].line},"
    )


def test_github_without_overflow_has_no_closing_notice(in_tmp):
    assert "Left out" not in render_github(check(in_tmp))
    assert render_github(with_findings(check(in_tmp))) == ""


def test_github_ten_notes_alone_fit_without_a_closing_notice(in_tmp):
    result = check(in_tmp)
    note = next(f for f in result.findings if f.severity is Severity.INFO)
    lines = render_github(with_findings(result, *[note] * 10)).splitlines()
    assert len(lines) == 10 and "Left out" not in lines[-1]
    lines = render_github(with_findings(result, *[note] * 11)).splitlines()
    assert len(lines) == 10 and "Left out here: 2 more notes" in lines[-1]


def test_step_summary_is_appended_when_github_names_a_file(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    write_step_summary("## alignkit\n\nNo errors.", {"GITHUB_STEP_SUMMARY": str(summary)})
    write_step_summary("second\n", {"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.read_text(encoding="utf-8") == (
        "# Earlier step\n## alignkit\n\nNo errors.\nsecond\n"
    )


def test_step_summary_writes_nothing_outside_github(in_tmp):
    write_step_summary("## alignkit\n", {})
    write_step_summary("## alignkit\n", {"GITHUB_STEP_SUMMARY": ""})
    assert list(in_tmp.iterdir()) == []


# --- SARIF ----------------------------------------------------------------------------------


def sarif_valid(text: str) -> dict:
    log = json.loads(text)
    jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    ).validate(log)
    return log


def test_vendored_sarif_schema_is_the_oasis_one():
    assert SARIF_SCHEMA["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)


def test_sarif_report_matches_golden(in_tmp):
    same_as_golden("sarif.json", render_sarif(check(in_tmp)))


def test_sarif_is_valid_for_a_small_area_and_the_example(in_tmp):
    sarif_valid(render_sarif(check(in_tmp)))
    log = sarif_valid(render_sarif(example()))
    assert len(log["runs"][0]["results"]) == len(example().findings)


def test_sarif_rules_are_the_codes_that_occur_with_catalogue_text(in_tmp):
    result = check(in_tmp)
    log = sarif_valid(render_sarif(result))
    (run,) = log["runs"]
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    driver = run["tool"]["driver"]
    assert driver["name"] == "alignkit" and driver["version"] == __version__
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted({f.code for f in result.findings})
    gap = next(r for r in rules if r["id"] == "AK301")
    assert gap["name"] == "UnexplainedGap"
    assert gap["shortDescription"]["text"] == "Unexplained gap"
    assert gap["fullDescription"]["text"].startswith("No priority of the partnership")
    assert gap["help"]["text"].startswith("Either add or reword a priority")
    assert gap["defaultConfiguration"]["level"] == "error"
    for sarif_result, finding in zip(run["results"], result.findings, strict=True):
        assert rules[sarif_result["ruleIndex"]]["id"] == sarif_result["ruleId"] == finding.code
        assert (
            sarif_result["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        )
        assert sarif_result["message"]["text"].startswith(finding.message)


def test_sarif_locations_are_repo_relative_and_one_based(in_tmp):
    result = check(in_tmp)
    (run,) = sarif_valid(render_sarif(result))["runs"]
    gap = next(r for r in run["results"] if r["ruleId"] == "AK301")
    assert gap["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "csps/south.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 6, "startColumn": 1},
            }
        }
    ]
    assert gap["properties"] == {"csp": "south", "objective": "P3"}
    assert "hint: add a priority" in gap["message"]["text"]  # specific hints are kept


def test_sarif_omits_the_region_when_a_finding_has_no_position(in_tmp):
    result = check(in_tmp)
    placeless = result.findings[0].replace(position=None)
    (run,) = sarif_valid(render_sarif(with_findings(result, placeless)))["runs"]
    assert "region" not in run["results"][0]["locations"][0]["physicalLocation"]


def test_sarif_uris():
    assert artifact_location("csps/north.yaml") == {
        "uri": "csps/north.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location("./csps/North Wessex #2.yaml")["uri"] == (
        "csps/North%20Wessex%20%232.yaml"
    )
    assert artifact_location("csps\\north.yaml")["uri"] == "csps/north.yaml"
    assert artifact_location("/srv/plans/plan.yaml") == {"uri": "file:///srv/plans/plan.yaml"}
    assert artifact_location("C:/plans/plan.yaml") == {"uri": "file:///C:/plans/plan.yaml"}


def fingerprints(result: CheckResult) -> dict[tuple, str]:
    (run,) = json.loads(render_sarif(result))["runs"]
    return {
        (r["ruleId"], r["message"]["text"]): r["partialFingerprints"]["alignkitFinding/v1"]
        for r in run["results"]
    }


def test_sarif_fingerprints_survive_moved_lines_and_changed_scores(in_tmp):
    before = fingerprints(check(in_tmp))
    moved = check(
        in_tmp,
        ("# Northdown: refreshed after the strategic assessment\n\n" + NORTH, SOUTH),
        {**SCORES, ("south", "S2", "P2"): 55},
    )
    after = fingerprints(moved)
    assert sorted(after.values()) == sorted(before.values())
    assert after != before  # the messages (scores) and lines did change


def test_sarif_fingerprints_are_unique_within_a_run():
    values = list(fingerprints(example()).values())
    assert len(values) == len(set(values))


def test_sarif_is_deterministic(in_tmp):
    assert render_sarif(check(in_tmp)) == render_sarif(check(in_tmp))
    first = render_sarif(example())
    assert first == render_sarif(example())
    assert str(EXAMPLE) not in first  # nothing about the machine it ran on


# --- JUnit XML ------------------------------------------------------------------------------


def junit_valid(text: str) -> ET.Element:
    """Parse the report back; also validate it against junit-10.xsd when xmlschema is
    installed (a dev dependency; test_junit_is_valid_against_the_jenkins_xsd insists)."""
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    if XMLSCHEMA is not None:
        XMLSCHEMA.XMLSchema(str(JUNIT_XSD)).validate(text.encode("utf-8"))
    return root


def counted(element: ET.Element) -> tuple[int, int]:
    cases = element.iter("testcase")
    tests = failures = 0
    for case in cases:
        tests += 1
        failures += case.find("failure") is not None
    return tests, failures


def test_junit_report_matches_golden(in_tmp):
    same_as_golden("junit.xml", render_junit(check(in_tmp)))


def test_junit_is_valid_against_the_jenkins_xsd(in_tmp):
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(JUNIT_XSD))
    for result in (check(in_tmp), example(), many_findings(in_tmp)):
        schema.validate(render_junit(result).encode("utf-8"))


def test_junit_is_valid_and_counts_add_up(in_tmp):
    for result in (check(in_tmp), example()):
        root = junit_valid(render_junit(result))
        assert root.tag == "testsuites"
        for suite in root.findall("testsuite"):
            tests, failures = counted(suite)
            assert (int(suite.get("tests")), int(suite.get("failures"))) == (tests, failures)
            assert suite.get("errors") == "0" and suite.get("skipped") == "0"
        assert (int(root.get("tests")), int(root.get("failures"))) == counted(root)
        gaps = sum(1 for f in result.findings if f.code == "AK301")
        assert int(root.get("failures")) == gaps


def test_junit_one_suite_per_csp_and_one_for_the_plan(in_tmp):
    root = junit_valid(render_junit(check(in_tmp)))
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        ("Northdown CSP has regard to the plan", "3", "0"),
        ("Southdown CSP has regard to the plan", "3", "1"),
        ("The plan has regard to the CSPs", "5", "0"),
    ]
    south = suites[1]
    assert [(c.get("classname"), c.get("name")) for c in south.findall("testcase")] == [
        ("alignkit.south", "P1 Cut anti-social behaviour"),
        ("alignkit.south", "P2 Tackle violence against women and girls"),
        ("alignkit.south", "P3 Fight rural crime"),
    ]
    addressed, partial, gap = south.findall("testcase")
    assert list(addressed) == []
    assert partial.find("failure") is None
    assert partial.findtext("system-out").startswith("csps/south.yaml:10:5: AK303 warning P2 ")
    failure = gap.find("failure")
    assert failure.get("type") == "AK301"
    assert failure.get("message") == (
        "Southdown CSP neither addresses P3 'Fight rural crime' nor records why not"
    )
    assert failure.text.startswith("csps/south.yaml:6:1: AK301 error Southdown CSP")
    considered = suites[0].findall("testcase")[2]
    assert considered.find("failure") is None
    assert "Rural crime is led at county level" in considered.findtext("system-out")


def test_junit_plan_side_fails_only_for_an_ak401_error(in_tmp):
    result = check(in_tmp)
    plan_suite = junit_valid(render_junit(result)).findall("testsuite")[-1]
    cases = {c.get("name"): c for c in plan_suite.findall("testcase")}
    assert list(cases) == [
        "N1 ASB hotspots",
        "N2 Domestic abuse",
        "N3 Road safety",
        "S1 Drugs & alcohol in the town centre",
        "S2 Domestic abuse",
    ]
    road = cases["N3 Road safety"]
    assert road.get("classname") == "alignkit.plan.north"
    assert road.find("failure") is None
    assert "AK401 warning no objective of the police and crime plan addresses" in (
        road.findtext("system-out")
    )
    raised = [
        f.replace(severity=Severity.ERROR) if f.code == "AK401" else f for f in result.findings
    ]
    plan_suite = junit_valid(render_junit(with_findings(result, *raised))).findall("testsuite")[-1]
    assert plan_suite.get("failures") == "2"
    failing = [
        c.get("name") for c in plan_suite.findall("testcase") if c.find("failure") is not None
    ]
    assert failing == ["N3 Road safety", "S2 Domestic abuse"]


def test_junit_keeps_other_findings_in_the_suite_output(in_tmp):
    result = check(in_tmp)
    undeclared = result.findings[-1].replace(
        code="AK604", message="refresh after the review", csp="north"
    )
    plan_level = result.findings[-1].replace(code="AK605", csp=None)
    root = junit_valid(render_junit(with_findings(result, undeclared, plan_level)))
    north, _, plan = root.findall("testsuite")
    assert "AK604 warning refresh after the review" in north.findtext("system-out")
    assert "AK605" in plan.findtext("system-out")


def test_junit_survives_markup(in_tmp):
    # Control characters never get this far: the models refuse them (AK004).
    plan = PLAN.replace("title: Fight rural crime", 'title: "Fight <rural> & ]]> crime"')
    root = junit_valid(render_junit(check(in_tmp, plan=plan)))
    names = [c.get("name") for c in root.iter("testcase")]
    assert "P3 Fight <rural> & ]]> crime" in names


def test_junit_is_deterministic(in_tmp):
    assert render_junit(check(in_tmp)) == render_junit(check(in_tmp))
    assert render_junit(example()) == render_junit(example())


# --- waivers and severities set in the configuration ---------------------------------------

WAIVER = WaiverNote(
    reason="Rural crime: agreed with the OPCC, led by the county group",
    approved_by="Southdown CSP board, 2026-10-01",
    expires=dt.date(2027, 3, 31),
    where="alignkit.toml:12:3",
)


def waive_gap(result: CheckResult) -> CheckResult:
    return with_findings(
        result,
        *[f.replace(waiver=WAIVER) if f.code == "AK301" else f for f in result.findings],
    )


def test_waived_findings_are_not_annotated_on_github(in_tmp):
    lines = render_github(waive_gap(check(in_tmp))).splitlines()
    assert not any("AK301" in line for line in lines)
    assert len(lines) == len(check(in_tmp).findings) - 1


def test_waived_findings_are_accepted_suppressions_in_sarif(in_tmp):
    (run,) = sarif_valid(render_sarif(waive_gap(check(in_tmp))))["runs"]
    gap = next(r for r in run["results"] if r["ruleId"] == "AK301")
    assert gap["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "Rural crime: agreed with the OPCC, led by the county group",
            "properties": {
                "expires": "2027-03-31",
                "where": "alignkit.toml:12:3",
                "approvedBy": "Southdown CSP board, 2026-10-01",
            },
        }
    ]
    assert all("suppressions" not in r for r in run["results"] if r["ruleId"] != "AK301")


def test_waived_gap_passes_in_junit_with_its_waiver(in_tmp):
    root = junit_valid(render_junit(waive_gap(check(in_tmp))))
    assert root.get("failures") == "0"
    gap = root.findall("testsuite")[1].findall("testcase")[2]
    assert gap.find("failure") is None
    assert gap.findtext("system-out").endswith(
        "    waived: until 2027-03-31, approved by Southdown CSP board, 2026-10-01: "
        "Rural crime: agreed with the OPCC, led by the county group (alignkit.toml:12:3)"
    )


def test_a_severity_raised_to_error_fails_its_junit_test_and_sarif_level(in_tmp):
    result = check(in_tmp)
    raised = with_findings(
        result,
        *[f.replace(severity=Severity.ERROR) if f.code == "AK303" else f for f in result.findings],
    )
    partial = junit_valid(render_junit(raised)).findall("testsuite")[1].findall("testcase")[1]
    assert partial.find("failure").get("type") == "AK303"
    (run,) = sarif_valid(render_sarif(raised))["runs"]
    level = next(r["level"] for r in run["results"] if r["ruleId"] == "AK303")
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "AK303")
    assert level == "error" and rule["defaultConfiguration"]["level"] == "warning"


def test_excerpts_in_the_documentation_are_real():
    """docs/ci-formats.md quotes the example area; keep it in step with the renderers."""
    page = (ROOT / "docs" / "ci-formats.md").read_text(encoding="utf-8")
    result = example()
    github = render_github(result).splitlines()
    quoted = [line for line in page.splitlines() if line.startswith("::")]
    assert quoted and all(line in github for line in quoted)
    block = page.split("```json\n", 1)[1].split("```", 1)[0]
    (run,) = json.loads(render_sarif(result))["runs"]
    assert json.loads(block) in run["results"]


# --- through the command line -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "renderer"),
    [("github", render_github), ("sarif", render_sarif), ("junit", render_junit)],
)
def test_check_writes_the_format_when_registered(write, name, renderer):
    from alignkit.registry import format_names

    assert name in format_names("report")
    write("plan.yaml", PLAN)
    write("csps/north.yaml", NORTH)
    result = run("check", "plan.yaml", "csps", "--format", name, "--as-of", "2026-11-22")
    checked = run_check(Path("plan.yaml"), [Path("csps")], AS_OF).result
    assert checked is not None
    assert result.stdout == renderer(checked)
    assert result.exit_code == (1 if checked.fails("error") else 0)
