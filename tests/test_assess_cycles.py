"""Planning-cycle and partnership rules, each from a minimal YAML case."""

from __future__ import annotations

import datetime as dt

import pytest

from alignkit.assess import AssessContext, ScoreTable
from alignkit.assess.cycles import csp_cycle_findings, plan_cycle_findings, plan_limit
from alignkit.assess.governance import governance_for
from alignkit.assess.partnership import partnership_findings
from alignkit.diagnostics import Severity
from alignkit.models import GovernanceEvent
from alignkit.validate import ValidCSP, ValidPlan, load_document
from conftest import MINIMAL_CSP, MINIMAL_PLAN

AS_OF = dt.date(2026, 11, 22)


def load(write, tmp_path, name, text):
    write(name, text)
    doc = load_document(tmp_path / name)
    assert doc.valid, doc.diagnostics
    return doc


def context(plan, *csps, local=()):
    """The rules' one input, for documents whose scores these rules never read."""
    assert plan.plan is not None and all(c.csp is not None for c in csps)
    return AssessContext(
        ValidPlan(plan.source, plan.plan),
        [ValidCSP(c.source, c.csp) for c in csps],
        ScoreTable({}, []),
        AS_OF,
        lambda text: (),
        {},
        governance_for(plan.plan.force_area, plan.plan.body, local),
        {},
    )


def codes(findings):
    return [(f.code, f.severity, f.line, f.column) for f in findings]


PLAN_FROM = "kind: police-and-crime-plan\nforce_area: {area}\ntitle: T\nperiod: {period}\n{extra}objectives:\n  - id: P1\n    title: Cut crime\n"


@pytest.mark.parametrize(
    ("period", "end_by", "because"),
    [
        ("2024/25-2027/28", "2029-03-31", "PCC terms end"),  # the announced end, May 2028
        (
            "2025/26-2027/28",
            "2029-03-31",
            "PCC terms end, with no PCC elections: May 2028, announced, subject to legislation",
        ),
        (
            "2021/22-2023/24",
            "2025-03-31",
            "last election on record (PCC elections in 37 force areas, 2 May 2024)",
        ),
        ("2012/13-2015/16", "2017-03-31", "PCC elections, 5 May 2016"),
    ],
)
def test_a_plan_ends_with_the_financial_year_of_a_recorded_term_end(
    write, tmp_path, period, end_by, because
):
    plan = load(write, tmp_path, "p.yaml", PLAN_FROM.format(area="Wessex", period=period, extra=""))
    limit = plan_limit(plan.plan, governance_for("Wessex", plan.plan.body))
    assert limit is not None
    assert limit.end_by == dt.date.fromisoformat(end_by)
    assert because in limit.because


@pytest.mark.parametrize("period", ["2029/30-2032/33", "2033/34-2036/37"])
def test_no_future_election_is_invented(write, tmp_path, period):
    # Nothing is recorded after May 2028: adding four years would invent an election.
    plan = load(write, tmp_path, "p.yaml", PLAN_FROM.format(area="Wessex", period=period, extra=""))
    assert plan_limit(plan.plan, governance_for("Wessex", plan.plan.body)) is None
    assert plan_cycle_findings(context(plan)) == []


def test_a_mayor_is_not_bound_by_the_end_of_pcc_terms(write, tmp_path):
    body = "issued_by:\n  kind: mayor\n  name: Mayor of Greater Manchester\n"
    text = PLAN_FROM.format(area="Greater Manchester", period="2025/26-2029/30", extra=body)
    plan = load(write, tmp_path, "p.yaml", text)
    assert plan_cycle_findings(context(plan)) == []


def test_the_body_s_own_term_end_bounds_the_plan(write, tmp_path):
    body = (
        "issued_by:\n  kind: mayor\n  name: Mayor of Greater Manchester\n"
        "  term:\n    start: 2024-05-06\n    end: 2028-05-08\n"
    )
    text = PLAN_FROM.format(area="Greater Manchester", period="2025/26-2029/30", extra=body)
    plan = load(write, tmp_path, "p.yaml", text)
    found = plan_cycle_findings(context(plan))
    assert [f.code for f in found] == ["AK605"]
    assert "past 2029-03-31" in found[0].message
    assert "the end of its issuing body's term (8 May 2028)" in found[0].message


def test_a_local_record_overrides_the_shipped_date(write, tmp_path):
    plan = load(
        write,
        tmp_path,
        "p.yaml",
        PLAN_FROM.format(area="Wessex", period="2025/26-2029/30", extra=""),
    )
    board = GovernanceEvent(
        id="pcc-terms-end-2028",
        kind="board-takes-over",
        date=dt.date(2029, 6, 1),
        title="Wessex Policing and Crime Board takes over",
        successor="Wessex Policing and Crime Board",
    )
    found = plan_cycle_findings(context(plan, local=[board]))
    assert found == []  # the plan ends 31 March 2030, the end of the financial year of June 2029
    limit = plan_limit(plan.plan, governance_for("Wessex", plan.plan.body, [board]))
    assert limit is not None and limit.end_by == dt.date(2030, 3, 31)
    assert (
        "(Wessex Policing and Crime Board takes over: 1 June 2029, recorded locally)"
        in limit.because
    )


def test_plan_running_past_the_next_election(write, tmp_path):
    plan = load(write, tmp_path, "plan.yaml", MINIMAL_PLAN + "period: 2024/25-2029/30\n")
    found = plan_cycle_findings(context(plan))
    assert codes(found) == [("AK605", Severity.WARNING, 8, 1)]
    assert "past 2029-03-31" in found[0].message
    assert (
        "PCC terms end, with no PCC elections: May 2028, announced, subject to legislation"
        in found[0].message
    )


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
        MINIMAL_CSP + "responsible_authorities:\n  chief_officer_of_police: true\n"
        "  councils: true\n  fire_and_rescue_authority: true\n  integrated_care_board: no\n"
        "  probation_provider:\n    taking_part: false\n",
    )
    found = partnership_findings(context(plan, csp))
    assert codes(found) == [
        ("AK701", Severity.WARNING, 13, 3),
        ("AK701", Severity.WARNING, 14, 3),
    ]
    assert found[0].message.startswith("The integrated care board is a statutory")
    assert found[1].message.startswith("The probation provider is a statutory")


def test_partners_not_recorded_are_reported_once(write, tmp_path):
    plan = load(write, tmp_path, "plan.yaml", MINIMAL_PLAN)
    csp = load(
        write,
        tmp_path,
        "csp.yaml",
        MINIMAL_CSP + "responsible_authorities:\n  chief_officer_of_police: yes\n",
    )
    found = partnership_findings(context(plan, csp))
    assert codes(found) == [("AK702", Severity.INFO, 9, 1)]
    assert (
        "council(s), fire and rescue authority, integrated care board, probation provider"
        in found[0].message
    )
