"""The duty in both directions, declared links and force-wide rules, from minimal YAML cases.

Scores are given by hand here so that each rule is tested on its own; the matching
engine has its own tests.
"""

from __future__ import annotations

import pytest

from alignkit.diagnostics import Severity
from scenario import assess_by_hand

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

CSP = """\
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
"""


def run_assess(tmp_path, csp_texts, scores, themes=lambda text: []):
    return assess_by_hand(
        tmp_path,
        PLAN,
        {f"csp{i}.yaml": text for i, text in enumerate(csp_texts)},
        scores,
        themes=themes,
        summary=lambda priority, objective, score: f"summary {priority}-{objective}",
    )


@pytest.fixture(autouse=True)
def _relative_paths(in_tmp):
    """Run in the temporary folder so findings carry short relative paths."""


def found(result, code):
    return [
        (f.path, f.line, f.column, f.severity, f.csp, f.priority, f.objective)
        for f in result.findings
        if f.code == code
    ]


BASE = {("north", "N1", "P1"): 90, ("north", "N2", "P2"): 80}


def test_unexplained_gap_is_an_error_at_the_priorities(tmp_path):
    result = run_assess(tmp_path, [CSP], BASE)
    assert found(result, "AK301") == [("csp0.yaml", 6, 1, Severity.ERROR, "north", None, "P3")]
    message = next(f.message for f in result.findings if f.code == "AK301")
    assert message == "Northdown CSP neither addresses P3 'Fight rural crime' nor records why not"
    assert result.fails("error")


def test_regard_record_turns_the_gap_into_considered_not_adopted(tmp_path):
    csp = CSP + "regard:\n  - objective: P3\n    reason: Rural crime is led at county level\n"
    result = run_assess(tmp_path, [csp], BASE)
    assert found(result, "AK301") == []
    assert found(result, "AK302") == [("csp0.yaml", 15, 5, Severity.INFO, "north", None, "P3")]
    message = next(f.message for f in result.findings if f.code == "AK302")
    assert message.endswith("did not adopt it: Rural crime is led at county level")
    assert not result.fails("error")


def test_partial_match_is_a_warning_naming_the_closest_priority(tmp_path):
    scores = {**BASE, ("north", "N3", "P3"): 45, ("north", "N2", "P3"): 41}
    result = run_assess(tmp_path, [CSP], scores)
    assert found(result, "AK303") == [("csp0.yaml", 12, 5, Severity.WARNING, "north", "N3", "P3")]
    assert "the closest priority is N3 (score 45; summary N3-P3)" in next(
        f.message for f in result.findings if f.code == "AK303"
    )


def test_priority_no_objective_addresses_is_reported_to_the_plan_side(tmp_path):
    scores = {**BASE, ("north", "N3", "P1"): 30}
    result = run_assess(tmp_path, [CSP], scores)
    assert found(result, "AK401") == [("csp0.yaml", 12, 5, Severity.WARNING, "north", "N3", "P1")]
    message = next(f.message for f in result.findings if f.code == "AK401")
    assert "the closest is P1 'Cut anti-social behaviour' (score 30)" in message


def test_declared_link_the_text_does_not_bear_out(tmp_path):
    csp = CSP.replace(
        "  - id: N3\n    title: Road safety\n",
        "  - id: N3\n    title: Road safety\n    supports: [P3]\n",
    )
    result = run_assess(tmp_path, [csp], BASE)
    assert found(result, "AK501") == [("csp0.yaml", 14, 16, Severity.WARNING, "north", "N3", "P3")]
    # the declaration alone does not make the objective addressed
    assert [f[6] for f in found(result, "AK301")] == ["P3"]


def test_declared_link_with_partial_text_counts_as_addressed(tmp_path):
    csp = CSP.replace("    title: Road safety\n", "    title: Road safety\n    supports: [P3]\n")
    result = run_assess(tmp_path, [csp], {**BASE, ("north", "N3", "P3"): 50})
    assert found(result, "AK501") == []
    assert found(result, "AK301") == []
    assert result.cells[("north", "P3")].state == "addressed"


def test_undeclared_aligned_pair_is_an_info_suggestion(tmp_path):
    result = run_assess(tmp_path, [CSP], BASE)
    assert found(result, "AK502") == [("csp0.yaml", 10, 5, Severity.INFO, "north", "N2", "P2")]


def test_stale_regard_record_for_an_addressed_objective(tmp_path):
    csp = CSP + "regard:\n  - objective: P2\n    reason: Not a local priority\n"
    result = run_assess(tmp_path, [csp], BASE)
    assert found(result, "AK503") == [("csp0.yaml", 15, 5, Severity.INFO, "north", "N2", "P2")]


def test_force_wide_objective_no_csp_addresses(tmp_path):
    other = CSP.replace("id: north", "id: south").replace("Northdown", "Southdown")
    scores = {**BASE, ("south", "N1", "P1"): 75}
    result = run_assess(tmp_path, [CSP, other], scores)
    assert [(f[0], f[1], f[2], f[6]) for f in found(result, "AK801")] == [("plan.yaml", 9, 5, "P3")]
    coverage = {c.objective: c for c in result.coverage}
    assert coverage["P1"].addressed_by == ("north", "south")
    assert coverage["P2"].addressed_by == ("north",)
    assert coverage["P2"].gap_in == ("south",)


def test_theme_several_csps_prioritise_that_no_objective_covers(tmp_path):
    other = CSP.replace("id: north", "id: south").replace("Northdown", "Southdown")
    scores = {**BASE, ("south", "N1", "P1"): 75, ("south", "N2", "P2"): 75}

    def themes(text):
        return ["road safety"] if "Road" in text else []

    result = run_assess(tmp_path, [CSP, other], scores, themes)
    assert [(f[0], f[1], f[2]) for f in found(result, "AK802")] == [("plan.yaml", 4, 1)]
    assert [(t.theme, t.csps) for t in result.themes] == [("road safety", ("north", "south"))]


def test_a_theme_only_one_csp_has_is_not_force_wide(tmp_path):
    result = run_assess(
        tmp_path, [CSP], BASE, lambda text: ["road safety"] if "Road" in text else []
    )
    assert found(result, "AK802") == []


def test_fail_on_levels(tmp_path):
    csp = CSP + "regard:\n  - objective: P3\n    reason: County lead\n"
    result = run_assess(tmp_path, [csp], BASE)
    assert result.counts()["error"] == 0
    assert result.counts()["warning"] >= 1  # N3 road safety is not in the plan
    assert not result.fails("error")
    assert result.fails("warning")
    assert not result.fails("never")
