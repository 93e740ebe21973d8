"""Planning-cycle and partnership rules, each from a minimal YAML case."""

from __future__ import annotations

import datetime as dt

import pytest

from alignkit.assess import AssessContext, ScoreTable
from alignkit.assess.cycles import csp_cycle_findings, plan_cycle_findings, plan_should_end
from alignkit.assess.partnership import partnership_findings
from alignkit.diagnostics import Severity
from alignkit.validate import ValidCSP, ValidPlan, load_document
from conftest import MINIMAL_CSP, MINIMAL_PLAN

AS_OF = dt.date(2026, 11, 22)


def load(write, tmp_path, name, text):
    write(name, text)
    doc = load_document(tmp_path / name)
    assert doc.valid, doc.diagnostics
    return doc


def context(plan, *csps):
    """The rules' one input, for documents whose scores these rules never read."""
    assert plan.plan is not None and all(c.csp is not None for c in csps)
    return AssessContext(
        ValidPlan(plan.source, plan.plan),
        [ValidCSP(c.source, c.csp) for c in csps],
        ScoreTable({}, []),
        AS_OF,
        lambda text: (),
        {},
    )


def codes(findings):
    return [(f.code, f.severity, f.line, f.column) for f in findings]


@pytest.mark.parametrize(
    ("start", "election", "end_by"),
    [
        ("2024-04-01", "2028-05-04", "2029-03-31"),  # elected May 2024
        ("2025-04-01", "2028-05-04", "2029-03-31"),  # an annual refresh keeps the same end
        ("2021-04-01", "2024-05-02", "2025-03-31"),
        ("2012-11-22", "2016-05-05", "2017-03-31"),  # the first PCCs, elected November 2012
        ("2029-04-01", "2032-05-06", "2033-03-31"),  # four-yearly from 2028
    ],
)
def test_a_plan_should_end_with_the_financial_year_of_the_next_election(start, election, end_by):
    assert plan_should_end(dt.date.fromisoformat(start)) == (
        dt.date.fromisoformat(election),
        dt.date.fromisoformat(end_by),
    )


def test_plan_running_past_the_next_election(write, tmp_path):
    plan = load(write, tmp_path, "plan.yaml", MINIMAL_PLAN + "period: 2024/25-2029/30\n")
    found = plan_cycle_findings(context(plan))
    assert codes(found) == [("AK605", Severity.WARNING, 8, 1)]
    assert "past 2029-03-31" in found[0].message
    assert "May 2028" in found[0].message


def test_plan_ending_with_the_election_year_is_fine(write, tmp_path):
    plan = load(write, tmp_path, "plan.yaml", MINIMAL_PLAN + "period: 2024/25-2028/29\n")
    assert plan_cycle_findings(context(plan)) == []


def test_plan_review_date_passed(write, tmp_path):
    plan = load(write, tmp_path, "plan.yaml", MINIMAL_PLAN + "next_review: 2026-03-31\n")
    assert codes(plan_cycle_findings(context(plan))) == [("AK606", Severity.WARNING, 8, 1)]


PLAN = MINIMAL_PLAN + "period: 2024/25-2028/29\nnext_review: 2027-03-31\n"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("plan:\n  period: 2022/23-2024/25\n", [("AK601", 10, 3)]),
        ("plan:\n  period: 2019/20-2021/22\n", [("AK601", 10, 3), ("AK603", 10, 3)]),
        ("plan:\n  next_refresh: 2027-06-30\n", [("AK604", 10, 3)]),
        ("plan:\n  next_refresh: 2026-06-30\n", [("AK606", 10, 3)]),
        ("strategic_assessment:\n  date: 2025-10-31\n", [("AK602", 10, 3)]),
        ("strategic_assessment:\n  date: 2025-11-22\n", []),  # exactly 12 months is not stale
        ("plan:\n  period: 2025/26-2027/28\n  next_refresh: 2027-03-01\n", []),
    ],
)
def test_csp_planning_cycle(write, tmp_path, extra, expected):
    plan = load(write, tmp_path, "plan.yaml", PLAN)
    csp = load(write, tmp_path, "csp.yaml", MINIMAL_CSP + extra)
    found = csp_cycle_findings(context(plan, csp))
    assert [(f.code, f.line, f.column) for f in found] == expected
    assert all(f.csp == "northdown" for f in found)


def test_missing_statutory_partner(write, tmp_path):
    plan = load(write, tmp_path, "plan.yaml", MINIMAL_PLAN)
    csp = load(
        write,
        tmp_path,
        "csp.yaml",
        MINIMAL_CSP + "responsible_authorities:\n  police: true\n  local_authority: true\n"
        "  fire_and_rescue: true\n  health: no\n  probation:\n    taking_part: false\n",
    )
    found = partnership_findings(context(plan, csp))
    assert codes(found) == [
        ("AK701", Severity.WARNING, 13, 3),
        ("AK701", Severity.WARNING, 14, 3),
    ]
    assert found[0].message.startswith("Health (the integrated care board) is a statutory")


def test_partners_not_recorded_are_reported_once(write, tmp_path):
    plan = load(write, tmp_path, "plan.yaml", MINIMAL_PLAN)
    csp = load(
        write, tmp_path, "csp.yaml", MINIMAL_CSP + "responsible_authorities:\n  police: yes\n"
    )
    found = partnership_findings(context(plan, csp))
    assert codes(found) == [("AK702", Severity.INFO, 9, 1)]
    assert "local authority, fire and rescue, health" in found[0].message
