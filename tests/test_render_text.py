"""The terminal report reads without colour: symbols and words carry every status."""

from __future__ import annotations

from alignkit.render.text import text_report
from test_assess_regard import BASE, CSP, run_assess


def test_text_report_without_colour(tmp_path, in_tmp):
    other = CSP.replace("id: north", "id: south").replace("Northdown", "Southdown")
    csp = CSP + "regard:\n  - objective: P3\n    reason: Rural crime is led at county level\n"
    scores = {**BASE, ("south", "N1", "P1"): 75, ("south", "N2", "P2"): 45}
    result = run_assess(tmp_path, [csp, other], scores)
    report = text_report(result)
    assert "\x1b[" not in report
    lines = report.splitlines()
    assert any(line.startswith("│ Wessex Police and Crime Plan  (Wessex)") for line in lines)
    assert "2 partnerships · 3 objectives · 6 priorities · as of 2026-11-22" in report
    matrix = lines[lines.index("How each partnership stands to each objective") + 1 :][:3]
    assert matrix[0].split() == ["P1", "P2", "P3"]
    assert matrix[1].split() == ["north", "✔", "✔", "✎"]
    assert matrix[2].split() == ["south", "✔", "~", "✘"]
    assert (
        "Key: ✔ addressed  ~ partly addressed  ✎ considered, reason recorded  ✘ unexplained gap"
        in report
    )
    assert "  P3 Fight rural crime: 0 of 2 address it, 1 recorded why not" in report
    assert "Southdown CSP (csp1.yaml)" in report
    assert (
        "csp1.yaml:6:1: AK301 error Southdown CSP neither addresses P3 'Fight rural crime'"
        in report
    )
    assert "csp0.yaml:15:5: AK302 info Northdown CSP considered P3" in report
    assert report.rstrip().endswith("1 error to resolve.")


def test_text_report_is_deterministic(tmp_path, in_tmp):
    first = text_report(run_assess(tmp_path, [CSP], BASE))
    second = text_report(run_assess(tmp_path, [CSP], BASE))
    assert first == second
