"""The Markdown report: the same facts as the JSON report, as GitHub-flavoured Markdown.

The whole report is compared with tests/golden/report.md; run with
ALIGNKIT_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, and read
the diff before committing it. The scenario and helpers here are shared with the HTML tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import golden_files
from alignkit.assess import CheckResult
from alignkit.markup import escape
from alignkit.render.markdown import render_markdown
from scenario import assess_by_hand

GOLDEN = Path(__file__).resolve().parent / "golden"

PLAN = """\
kind: police-and-crime-plan
force_area: Wessex
title: Wessex Police and Crime Plan
period: 2025/26-2028/29
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
tier: district
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
plan: {sent_to_policing_body: 2025-04-10}
strategies: [{kind: serious-violence}]
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
  - id: S3
    title: Road safety
plan: {sent_to_policing_body: 2025-04-10}
strategies: [{kind: serious-violence}]
"""

SCORES = {
    ("north", "N1", "P1"): 90,
    ("north", "N2", "P2"): 80,
    ("south", "S1", "P1"): 75,
    ("south", "S2", "P2"): 45,
}


def road_safety(text: str) -> list[str]:
    return ["road safety"] if "road" in text.lower() else []


def check(folder: Path, csp_texts=(NORTH, SOUTH), scores=None, plan=PLAN) -> CheckResult:
    """Write the documents to ``folder`` (the working directory) and assess them by hand-made
    scores, as tests/test_assess_regard.py does, so reports do not move with the engine."""
    files = {f"csp{i}.yaml": text for i, text in enumerate(csp_texts)}
    return assess_by_hand(
        folder, plan, files, SCORES if scores is None else scores, themes=road_safety
    )


def same_as_golden(name: str, content: str) -> None:
    golden_files.same_as_golden(GOLDEN / name, content)


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row, split on pipes that are not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def section(report: str, heading: str) -> list[str]:
    lines = report.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def test_markdown_report_matches_golden(in_tmp):
    same_as_golden("report.md", render_markdown(check(in_tmp)))


def test_header_names_the_plan_force_area_and_date(in_tmp):
    report = render_markdown(check(in_tmp))
    lines = report.splitlines()
    assert lines[0] == (
        "# Wessex Police and Crime Plan: alignment with community safety partnerships"
    )
    assert "- **Force area:** Wessex" in lines
    assert "- **Plan period:** 2025/26-2028/29" in lines
    assert "- **As of:** 22 November 2026 (2026-11-22)" in lines


def test_summary_counts_and_verdict(in_tmp):
    summary = section(render_markdown(check(in_tmp)), "## Summary")
    assert "2 partnerships · 3 objectives · 6 priorities" in summary
    assert (
        "**1 unexplained gap:** objectives a partnership neither addresses nor records why not."
        in summary
    )
    assert "**1 error to resolve.**" in summary


def test_matrix_has_one_row_per_partnership_and_a_key(in_tmp):
    matrix = section(
        render_markdown(check(in_tmp)), "## How each partnership stands to each objective"
    )
    rows = [cells(line) for line in matrix if line.startswith("| ")]
    assert rows[0] == ["Partnership", "P1", "P2", "P3"]
    assert rows[2:] == [
        ["Northdown CSP", "✔ addressed (N1)", "✔ addressed (N2)", "✎ considered"],
        ["Southdown CSP", "✔ addressed (S1)", "~ partly (S2)", "✘ gap"],
    ]
    assert (
        "Key: ✔ addressed · ~ partly addressed · ✎ considered, reason recorded · "
        "✘ unexplained gap" in matrix
    )


def test_coverage_of_each_objective(in_tmp):
    coverage = section(
        render_markdown(check(in_tmp)), "## Coverage of the plan across the force area"
    )
    rows = [cells(line) for line in coverage if line.startswith("| **")]
    assert rows == [
        ["**P1** Cut anti-social behaviour", "2 of 2", "—", "—", "—"],
        [
            "**P2** Tackle violence against women and girls",
            "1 of 2: Northdown CSP",
            "—",
            "Southdown CSP",
            "—",
        ],
        ["**P3** Fight rural crime", "0 of 2", "Northdown CSP", "—", "Southdown CSP"],
    ]
    assert "- **road safety**: a priority for Northdown CSP, Southdown CSP" in coverage


def test_gap_finding_with_code_location_and_hint(in_tmp):
    report = render_markdown(check(in_tmp))
    southdown = report[report.index("### Southdown CSP") :]
    assert (
        "- **Error AK301 Unexplained gap** at `csp1.yaml:6:1`: Southdown CSP neither addresses "
        "P3 'Fight rural crime' nor records why not\n"
        "  - What to do: Add a priority that addresses it, or record the decision:\n"
        "    ```\n"
        "    regard:\n"
        "      - objective: P3\n"
        "        reason: …\n"
        "    ```\n"
    ) in southdown
    assert "1 error · 3 warnings · 0 info" in southdown


def test_plan_findings_come_first_under_their_own_heading(in_tmp):
    plan = section(render_markdown(check(in_tmp)), "## Findings about the plan and the force area")
    assert plan[1] == "File: `plan.yaml` · 0 errors · 2 warnings · 0 info"
    assert any(
        line.startswith("- **Warning AK801 Objective no partnership addresses** at `plan.yaml:")
        for line in plan
    )
    assert any(
        line.startswith(
            "- **Warning AK802 Shared local theme the plan may be missing** at `plan.yaml:"
        )
        for line in plan
    )


def test_priorities_with_best_objective_score_status_and_why(in_tmp):
    report = render_markdown(check(in_tmp))
    northdown = report[report.index("### Northdown CSP") : report.index("### Southdown CSP")]
    priorities = northdown[northdown.index("#### Priorities") :]
    rows = [cells(line) for line in priorities.splitlines() if line.startswith("| **")]
    assert rows == [
        [
            "**N1** ASB hotspots",
            "P1 Cut anti-social behaviour",
            "90",
            "aligned",
            "shared themes: N1 ↔ P1",
        ],
        [
            "**N2** Domestic abuse",
            "P2 Tackle violence against women and girls",
            "80",
            "aligned",
            "shared themes: N2 ↔ P2",
        ],
        [
            "**N3** Road safety",
            "None; the closest is P1 Cut anti-social behaviour",
            "5",
            "none",
            "little in common",
        ],
    ]
    assert "File: `csp0.yaml` · id: `north` · tier: district" in northdown


def test_user_text_is_escaped(in_tmp):
    title = "<script>alert(1)</script> | *all* [wards] `now`"
    north = NORTH.replace("title: ASB hotspots", f"title: '{title}'").replace(
        "name: Northdown CSP", "name: 'Northdown | Eastdown CSP #1'"
    )
    report = render_markdown(check(in_tmp, [north, SOUTH]))
    assert "<script>" not in report
    shown = r"\<script\>alert(1)\</script\> \| \*all\* \[wards\] \`now\`"
    row = next(line for line in report.splitlines() if line.startswith("| **N1**"))
    assert cells(row)[0] == f"**N1** {shown}"
    assert len(cells(row)) == 5
    assert "### Northdown \\| Eastdown CSP \\#1" in report.splitlines()
    matrix_row = next(line for line in report.splitlines() if line.startswith("| Northdown"))
    assert len(cells(matrix_row)) == 4


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Drugs & alcohol", "Drugs & alcohol"),
        ("AT&amp;T", r"AT\&amp;T"),
        ("a | b", r"a \| b"),
        ("snake_case *and* ~strike~", r"snake\_case \*and\* \~strike\~"),
        ("£5 or $5", r"£5 or \$5"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines  and   spaces", "two lines and spaces"),
    ],
)
def test_escape(text, shown):
    assert escape(text) == shown


def test_markdown_is_deterministic(in_tmp):
    first = render_markdown(check(in_tmp))
    second = render_markdown(check(in_tmp))
    assert first.encode() == second.encode()


def test_no_findings_and_no_gaps(in_tmp):
    scores = {
        **SCORES,
        ("north", "N3", "P3"): 85,
        ("south", "S2", "P2"): 88,
        ("south", "S3", "P3"): 71,
    }
    north = NORTH.split("regard:")[0]
    report = render_markdown(check(in_tmp, [north, SOUTH], scores))
    assert "No unexplained gaps: every partnership has regard to every objective." in report
    assert "No errors." in report


def test_each_partnership_has_its_statement_of_regard(in_tmp):
    report = render_markdown(check(in_tmp))
    northdown = report[report.index("### Northdown CSP") : report.index("### Southdown CSP")]
    statement = northdown[
        northdown.index("#### How this partnership has regard") : northdown.index("#### Priorities")
    ]
    rows = [cells(line) for line in statement.splitlines() if line.startswith("| **")]
    assert rows[0] == [
        "**P1** Cut anti-social behaviour",
        "✔ addressed",
        "Addressed by N1 ASB hotspots.",
    ]
    assert len(rows) == PLAN.count("  - id: P")  # one line for every objective
