"""Schema problems are reported where the officer has to fix them, with a useful hint."""

from __future__ import annotations

import pytest

from alignkit.models import Period
from conftest import MINIMAL_CSP, MINIMAL_PLAN, run

FULL_CSP = """\
kind: community-safety-partnership
id: northdown
name: Northdown Community Safety Partnership
force_area: Wessex
tier: district
responsible_authorities:
  police: true
  health: no
  probation:
    taking_part: yes
    representative: Sam Jones
plan:
  period: 2025/26-2027/28
  next_refresh: 2026-03-31
strategic_assessment:
  date: 2025-11-30
  period: 2024-10-01 to 2025-09-30
  findings:
    - finding: Domestic abuse up 12%
      evidence: Police recorded crime, 2024/25
priorities:
  - id: N1
    title: Domestic abuse and stalking
    supports: [P1]
regard:
  - objective: P1
    reason: Led at county level
    decided: 2025-06-01
meetings:
  - date: 2026-01-15
    body: CSP Board
timetable:
  - document: Strategic assessment 2026
    due: 2026-10-31
contacts:
  - name: Alex Smith
    email: alex.smith@example.gov.uk
"""


def problems(result):
    return [line for line in result.stdout.splitlines() if ": AK" in line]


def test_a_full_csp_document_is_valid(write):
    write("csp.yaml", FULL_CSP)
    result = run("validate", "csp.yaml")
    assert result.exit_code == 0, result.stdout


CASES = {
    # what is wrong: (find, replace, expected line fragment)
    "unknown key with did-you-mean": (
        "    title: Domestic",
        "    titel: Domestic",
        ("csp.yaml:23:5: AK101 unknown key 'titel' in priorities[0]", "did you mean 'title'?"),
    ),
    "missing key at the parent mapping": (
        "    title: Domestic abuse and stalking\n",
        "",
        ("csp.yaml:22:5: AK102 missing required key 'title' in priorities[0]", "add 'title:'"),
    ),
    "missing top-level key at the document": (
        "name: Northdown Community Safety Partnership\n",
        "",
        ("csp.yaml:1:1: AK102 missing required key 'name' in document", "Name of the partnership"),
    ),
    "text where a list belongs": (
        "supports: [P1]",
        "supports: P1",
        ("csp.yaml:24:15: AK103 priorities[0].supports should be a list", "- P1"),
    ),
    "list where a mapping belongs": (
        "plan:\n  period: 2025/26-2027/28\n  next_refresh: 2026-03-31\n",
        "plan:\n  - 2025/26\n",
        ("csp.yaml:13:3: AK103 plan should be a mapping", ""),
    ),
    "empty value": (
        "name: Northdown Community Safety Partnership",
        "name:",
        ("csp.yaml:3:6: AK103 name is empty", "write a value after the colon"),
    ),
    "not a boolean": (
        "  police: true",
        "  police: sometimes",
        ("csp.yaml:7:11: AK103 responsible_authorities.police should be yes or no", "yes or no"),
    ),
    "unknown tier": (
        "tier: district",
        "tier: distrct",
        ("csp.yaml:5:7: AK104 tier: 'distrct' is not allowed", "did you mean 'district'?"),
    ),
    "id with spaces": (
        "id: northdown",
        "id: north down",
        ("csp.yaml:2:5: AK104 id: 'north down' is not in the expected form", "no spaces"),
    ),
    "bad email": (
        "alex.smith@example.gov.uk",
        "alex.smith at council",
        ("csp.yaml:37:12: AK104 contacts[0].email", "email address"),
    ),
    "date that does not exist": (
        "next_refresh: 2026-03-31",
        "next_refresh: 2026-02-30",
        ("csp.yaml:14:17: AK106 plan.next_refresh: '2026-02-30' is not a valid date", "YYYY-MM-DD"),
    ),
    "date in the wrong form": (
        "due: 2026-10-31",
        "due: 31/10/2026",
        ("csp.yaml:34:10: AK106 timetable[0].due: '31/10/2026' is not a valid date", "YYYY-MM-DD"),
    ),
    "period ending before it starts": (
        "period: 2025/26-2027/28",
        "period: 2027/28-2025/26",
        (
            "csp.yaml:13:11: AK105 plan.period: the period ends (2026-03-31) before it starts",
            "2025/26",
        ),
    ),
    "ISO period ending before it starts": (
        "period: 2024-10-01 to 2025-09-30",
        "period: 2025-10-01 to 2024-09-30",
        ("csp.yaml:17:11: AK105 strategic_assessment.period: the period ends", ""),
    ),
    "financial year that is not one": (
        "period: 2025/26-2027/28",
        "period: 2025/27",
        ("csp.yaml:13:11: AK105 plan.period: '2025/27' is not a financial year", ""),
    ),
    "period alignkit cannot read": (
        "period: 2025/26-2027/28",
        "period: next three years",
        ("csp.yaml:13:11: AK105 plan.period: 'next three years' is not a period", ""),
    ),
    "regard without reason": (
        "    reason: Led at county level\n",
        "",
        ("csp.yaml:26:5: AK102 missing required key 'reason' in regard[0]", "Why it is not"),
    ),
    "no priorities": (
        "priorities:\n  - id: N1\n    title: Domestic abuse and stalking\n    supports: [P1]\n",
        "priorities: []\n",
        ("csp.yaml:21:13: AK103 priorities needs at least one item", ""),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_field_problem_is_located_and_explained(write, name):
    find, replace, (expected, hint) = CASES[name]
    assert find in FULL_CSP
    write("csp.yaml", FULL_CSP.replace(find, replace, 1))
    result = run("validate", "csp.yaml")
    assert result.exit_code == 3
    assert any(line.startswith(expected) for line in problems(result)), result.stdout
    assert hint in result.stdout
    assert "Traceback" not in result.stdout


def test_missing_kind(write):
    write("plan.yaml", MINIMAL_PLAN.replace("kind: police-and-crime-plan        # plan file\n", ""))
    result = run("validate", "plan.yaml")
    assert result.exit_code == 3
    assert "plan.yaml:1:1: AK100 missing 'kind'" in result.stdout


def test_misspelt_kind_gets_a_suggestion(write):
    write(
        "csp.yaml",
        MINIMAL_CSP.replace("community-safety-partnership", "community-safety-partnersip"),
    )
    result = run("validate", "csp.yaml")
    assert result.exit_code == 3
    assert "csp.yaml:1:7: AK100 unknown kind 'community-safety-partnersip'" in result.stdout
    assert "did you mean 'community-safety-partnership'?" in result.stdout


def test_unknown_key_far_from_any_allowed_lists_the_allowed_keys(write):
    write("plan.yaml", MINIMAL_PLAN + "zzzzzz: 1\n")
    result = run("validate", "plan.yaml")
    assert "plan.yaml:8:1: AK101 unknown key 'zzzzzz' in document" in result.stdout
    assert "keys allowed here: kind, force_area, title" in result.stdout


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025/26", "2025-04-01", "2026-03-31"),
        ("2025/2026", "2025-04-01", "2026-03-31"),
        ("1999/00", "1999-04-01", "2000-03-31"),
        ("2025/26-2027/28", "2025-04-01", "2028-03-31"),
        ("2025/26 to 2027/28", "2025-04-01", "2028-03-31"),
        ("2025-2029", "2025-04-01", "2029-03-31"),
        ("2025-04-01 to 2026-03-31", "2025-04-01", "2026-03-31"),
        ("2025-04-01/2026-03-31", "2025-04-01", "2026-03-31"),
    ],
)
def test_period_forms_officers_write(text, start, end):
    period = Period.model_validate(text)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)


def test_period_label_uses_financial_years_when_it_can():
    assert Period.model_validate("2025/26-2027/28").label() == "2025/26-2027/28"
    assert Period.model_validate("2025/26").label() == "2025/26"
    assert Period.model_validate("2025-01-01 to 2025-12-31").label() == "2025-01-01 to 2025-12-31"
