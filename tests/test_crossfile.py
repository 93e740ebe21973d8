"""Problems between files: ids, references, force areas and document kinds."""

from __future__ import annotations

from conftest import MINIMAL_CSP, MINIMAL_PLAN, run

PLAN = (
    MINIMAL_PLAN
    + """\
  - id: P2
    title: Protect vulnerable people
"""
)


def test_duplicate_objective_id(write):
    write("plan.yaml", PLAN.replace("id: P2", "id: P1"))
    result = run("validate", "plan.yaml")
    assert result.exit_code == 3
    assert (
        "plan.yaml:8:9: AK201 objective id 'P1' is used twice (first used at line 5)"
        in result.stdout
    )


def test_duplicate_priority_id_even_when_the_rest_is_invalid(write):
    csp = MINIMAL_CSP + "  - id: N1\n    titel: Second\n"
    write("csp.yaml", csp)
    result = run("validate", "csp.yaml")
    assert result.exit_code == 3
    assert (
        "csp.yaml:9:9: AK202 priority id 'N1' is used twice (first used at line 6)" in result.stdout
    )
    assert "csp.yaml:10:5: AK101 unknown key 'titel'" in result.stdout


def test_duplicate_csp_id(write):
    write("csps/a.yaml", MINIMAL_CSP)
    write("csps/b.yaml", MINIMAL_CSP.replace("name: Northdown", "name: Other"))
    result = run("validate", "csps")
    assert result.exit_code == 3
    assert (
        "csps/b.yaml:2:5: AK203 partnership id 'northdown' is also used by csps/a.yaml"
        in result.stdout
    )


def test_supports_unknown_objective(write):
    write("plan.yaml", PLAN)
    write("csp.yaml", MINIMAL_CSP + "    supports: [P1, P3]\n")
    result = run("validate", "plan.yaml", "csp.yaml")
    assert result.exit_code == 3
    assert (
        "csp.yaml:9:20: AK204 priority N1 'supports' names objective 'P3', which is not in the "
        "police and crime plan" in result.stdout
    )
    assert "hint: objectives in the plan: P1, P2" in result.stdout


def test_supports_with_a_typo_gets_a_suggestion(write):
    write("plan.yaml", PLAN.replace("id: P2", "id: VAWG"))
    write("csp.yaml", MINIMAL_CSP + "    supports: [VAGW]\n")
    result = run("validate", "plan.yaml", "csp.yaml")
    assert "csp.yaml:9:16: AK204" in result.stdout
    assert "hint: did you mean 'VAWG'?" in result.stdout


def test_regard_unknown_objective(write):
    write("plan.yaml", PLAN)
    write("csp.yaml", MINIMAL_CSP + "regard:\n  - objective: X9\n    reason: Not local\n")
    result = run("validate", "plan.yaml", "csp.yaml")
    assert result.exit_code == 3
    assert "csp.yaml:10:16: AK205 a 'regard' record names objective 'X9'" in result.stdout
    assert "objectives in the plan: P1, P2" in result.stdout


def test_force_area_differs_from_plan(write):
    write("plan.yaml", PLAN)
    write("csp.yaml", MINIMAL_CSP.replace("force_area: Wessex", "force_area: Mercia"))
    result = run("validate", "plan.yaml", "csp.yaml")
    assert result.exit_code == 3
    assert (
        "csp.yaml:4:13: AK206 force area 'Mercia' differs from the plan's 'Wessex'" in result.stdout
    )


def test_force_area_ignores_case_and_spacing(write):
    write("plan.yaml", PLAN)
    write("csp.yaml", MINIMAL_CSP.replace("force_area: Wessex", "force_area: '  wessex '"))
    assert run("validate", "plan.yaml", "csp.yaml").exit_code == 0


def test_csp_given_where_the_plan_is_expected(write):
    write("csp.yaml", MINIMAL_CSP)
    write("other.yaml", MINIMAL_CSP.replace("id: northdown", "id: other"))
    result = run("validate", "--plan", "csp.yaml", "other.yaml")
    assert result.exit_code == 3
    assert "csp.yaml:1:7: AK207 expected a police and crime plan here" in result.stdout


def test_plan_given_where_a_csp_is_expected(write):
    write("plan.yaml", PLAN)
    write("plan2.yaml", PLAN)
    result = run("validate", "--plan", "plan.yaml", "plan2.yaml")
    assert result.exit_code == 3
    assert "plan2.yaml:1:7: AK207 expected a community safety partnership here" in result.stdout


def test_the_plan_inside_a_named_folder_is_not_checked_twice(write):
    write("area/plan.yaml", PLAN)
    write("area/csps/n.yaml", MINIMAL_CSP + "    supports: [P2]\n")
    result = run("validate", "--plan", "area/plan.yaml", "area")
    assert result.exit_code == 0, result.stdout


def test_two_plans_for_one_force_area(write):
    write("a.yaml", PLAN)
    write("b.yaml", PLAN)
    result = run("validate", "a.yaml", "b.yaml")
    assert result.exit_code == 3
    assert "b.yaml:2:13: AK209 a second police and crime plan for Wessex" in result.stdout


def test_references_are_checked_even_when_the_csp_has_other_problems(write):
    write("plan.yaml", PLAN)
    write(
        "csp.yaml",
        MINIMAL_CSP.replace("    title: Domestic", "    titel: Domestic") + "    supports: [P7]\n",
    )
    result = run("validate", "plan.yaml", "csp.yaml")
    assert "csp.yaml:7:5: AK101 unknown key 'titel' in priorities[0]" in result.stdout
    assert "csp.yaml:9:16: AK204 priority N1 'supports' names objective 'P7'" in result.stdout
    assert "AK102" not in result.stdout


def test_an_id_in_the_wrong_case_gets_the_right_one_as_a_hint(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csp.yaml", MINIMAL_CSP + "    supports: [p1]\n")
    result = run("validate", "--plan", "plan.yaml", "csp.yaml")
    assert result.exit_code == 3
    assert "csp.yaml:9:16: AK204" in result.stdout
    assert "did you mean 'P1'?" in result.stdout


def test_two_regard_records_for_one_objective(write):
    write("plan.yaml", MINIMAL_PLAN)
    write(
        "csp.yaml",
        MINIMAL_CSP
        + "regard:\n  - objective: P1\n    reason: Led at county level\n"
        + "  - objective: P1\n    reason: Not a local priority\n",
    )
    result = run("validate", "--plan", "plan.yaml", "csp.yaml")
    assert result.exit_code == 3
    assert (
        "csp.yaml:12:16: AK210 objective 'P1' has a second 'regard' record (first at line 10)"
        in result.stdout
    )
