"""`alignkit summary`: the force-wide summary of strategic assessments (LGA guide, ch. 7 and 9).

The whole summary of the example force area is compared with tests/golden/summary.md,
summary.html and summary.json (ALIGNKIT_UPDATE_GOLDEN=1 rewrites them). A small area
written here pins the facts: who holds each theme, with which evidence line, and which
objective of the plan has no local evidence behind it.
"""

from __future__ import annotations

import json
import re

import pytest

from alignkit.assess.holdings import ThemeReading, themes_in
from alignkit.match import Matcher
from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT, run
from test_pack import AS_OF, EXAMPLE, assert_accessible, example_csps, same_as_golden

PLAN = """\
kind: police-and-crime-plan
force_area: Wessex
title: Wessex Police and Crime Plan 2025-2029
objectives:
  - id: P1
    title: Tackle violence against women and girls
  - id: P2
    title: Make our roads safer
  - id: P3
    title: Protect rural communities and wildlife
"""

NORTH = """\
kind: community-safety-partnership
id: north
name: Northdown CSP
force_area: Wessex
strategic_assessment:
  date: 2026-09-01
  period: 2025/26
  findings:
    - finding: Domestic abuse incidents rose 9%
      evidence: Wessex Police recorded crime 2025/26 | MARAC data
priorities:
  - id: N1
    title: Domestic abuse and stalking
"""

SOUTH = """\
kind: community-safety-partnership
id: south
name: Southdown CSP
force_area: Wessex
priorities:
  - id: S1
    title: Tackling domestic abuse
"""

EAST = """\
kind: community-safety-partnership
id: east
name: Eastdown CSP
force_area: Wessex
strategic_assessment:
  date: 2026-10-01
  findings:
    - finding: Speeding is the top concern of residents
      evidence: Residents' survey 2026
priorities:
  - id: E1
    title: Anti-social behaviour in town centres
"""


@pytest.fixture
def area(write):
    write("plan.yaml", PLAN)
    write("csps/north.yaml", NORTH)
    write("csps/south.yaml", SOUTH)
    write("csps/east.yaml", EAST)


def summary(*args: str, paths: tuple[str, ...] = EXAMPLE) -> str:
    result = run("summary", *paths, *AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def small(*args: str) -> str:
    return summary(*args, paths=("plan.yaml", "csps"))


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_markdown_summary_matches_golden(at_root):
    same_as_golden("summary.md", summary())


def test_html_summary_matches_golden(at_root):
    same_as_golden("summary.html", summary("--format", "html"))


def test_json_summary_matches_golden(at_root):
    same_as_golden("summary.json", summary("--format", "json"))


def test_themes_are_counted_by_partnership_with_their_evidence(area):
    data = json.loads(small("--format", "json"))
    themes = {t["theme"]: t for t in data["themes"]}
    abuse = themes["domestic abuse"]
    assert abuse["csps"] == ["north", "south"]  # in path order, as the check lists them
    assert abuse["shared"] is True
    assert abuse["priorities"] == [
        {"csp": "north", "priority": "N1"},
        {"csp": "south", "priority": "S1"},
    ]
    assert abuse["findings"] == [{"csp": "north", "number": 1}]
    # Domestic abuse is part of violence against women and girls, so the plan has it.
    assert abuse["objectives"] == ["P1"]
    assert themes["road safety"]["csps"] == ["east"]  # from a key finding, not a priority
    assert themes["road safety"]["shared"] is False
    assert themes["road safety"]["objectives"] == ["P2"]
    assert themes["anti-social behaviour"]["objectives"] == []
    # Most partnerships first.
    assert data["themes"][0]["theme"] == "domestic abuse"

    markdown = small()
    shared = markdown.split("## Shared by several partnerships")[1].split("## Held by one")[0]
    assert "### domestic abuse\n\nHeld by 2 of 3 partnerships. In the plan: **P1**" in shared
    assert "  - Assessment finding: Domestic abuse incidents rose 9%" in shared
    assert r"    - Evidence: Wessex Police recorded crime 2025/26 \| MARAC data" in shared
    single = markdown.split("## Held by one partnership only")[1].split("## The plan")[0]
    assert "### anti-social behaviour" in single and "**Not in the plan:**" in single
    assert "    - Evidence: Residents' survey 2026" in single


def test_an_objective_with_no_local_evidence_is_listed(area):
    data = json.loads(small("--format", "json"))
    assert data["unevidenced_objectives"] == ["P3"]
    evidence = {o["id"]: o["evidence"] for o in data["objectives"]}
    assert evidence == {
        "P1": "priorities and findings",
        "P2": "findings only",
        "P3": "none",
    }
    p1 = data["objectives"][0]
    assert p1["priority_csps"] == ["north", "south"] and p1["finding_csps"] == ["north"]
    assert p1["themes"] == [{"theme": "violence against women and girls", "csps": 2}]

    markdown = small()
    assert "- 1 objective of the plan with no local evidence behind it: **P3**." in markdown
    listed = markdown.split("### Objectives with no local evidence behind them")[1]
    assert (
        "- **P3** Protect rural communities and wildlife: no partnership priority or "
        "assessment finding is on its themes (rural areas and communities, rural and wildlife "
        "crime)." in listed
    )
    assert "elected" in listed  # the guide's caution: plans may carry election commitments
    page_html = small("--format", "html")
    assert (
        "<li><strong>P3 Protect rural communities and wildlife</strong>: no partnership"
        in page_html
    )
    assert '<span class="tag ev-none">None</span>' in page_html


def test_example_area_counts_match_the_vocabulary(at_root):
    """Every theme's partnerships, recomputed here from the CSP files with the matcher."""
    matcher = Matcher()
    held: dict[str, set[str]] = {}
    for csp in example_csps():
        texts = [[p["title"], p.get("description")] for p in csp["priorities"]]
        texts += [
            [f["finding"]] for f in (csp.get("strategic_assessment") or {}).get("findings", [])
        ]
        for fields in texts:
            for theme in themes_in(matcher.themes_of, fields):
                held.setdefault(theme, set()).add(csp["id"])
    data = json.loads(summary("--format", "json"))
    assert {t["theme"]: set(t["csps"]) for t in data["themes"]} == held
    counts = [len(t["csps"]) for t in data["themes"]]
    assert counts == sorted(counts, reverse=True)
    # The example plan's efficiency objective has nothing local behind it.
    assert data["unevidenced_objectives"] == ["P9"]
    assert ThemeReading.of(matcher).covers("violence against women and girls", "domestic abuse")


def test_json_is_versioned_with_stable_keys(area):
    data = json.loads(small("--format", "json"))
    assert data["format_version"] == 1
    assert data["kind"] == "force-wide-summary"
    assert list(data) == [
        "format_version",
        "kind",
        "tool",
        "as_of",
        "plan",
        "csps",
        "themes",
        "objectives",
        "unevidenced_objectives",
    ]
    assert data["tool"]["name"] == "alignkit" and data["as_of"] == "2026-11-22"
    east, north, south = data["csps"]  # in path order
    assert list(north) == [
        "id",
        "name",
        "tier",
        "force_area",
        "nation",
        "path",
        "strategies",
        "strategic_assessment",
        "priorities",
        "findings",
    ]
    assert north["strategic_assessment"] == {"date": "2026-09-01", "period": "2025/26", "url": None}
    assert south["strategic_assessment"] is None and south["findings"] == []
    assert east["findings"][0]["themes"] == ["road safety"]
    assert list(data["themes"][0]) == [
        "theme",
        "shared",
        "csps",
        "priorities",
        "findings",
        "objectives",
    ]
    assert list(data["objectives"][0]) == [
        "id",
        "title",
        "themes",
        "priority_csps",
        "finding_csps",
        "evidence",
    ]


def test_html_has_an_accessible_chart_and_page(area):
    page_html = small("--format", "html")
    assert_accessible(page_html)
    chart = re.search(
        r"<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\".*?</svg>",
        page_html,
        flags=re.S,
    )
    assert chart
    svg = chart.group(0)
    assert '<title id="chart-title">How many partnerships hold each theme</title>' in svg
    assert (
        '<desc id="chart-desc">Number of partnerships, out of 3, holding each theme. '
        "domestic abuse: 2 of 3; " in svg
    )
    labels = re.findall(r'<text x="\d+" y="\d+" text-anchor="end">([^<]+)</text>', svg)
    assert labels[0] == "domestic abuse"
    assert len(labels) == len(json.loads(small("--format", "json"))["themes"])
    assert "stalking and harassment" in labels


def test_minimal_area_says_plainly_what_is_missing(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/northdown.yaml", MINIMAL_CSP)
    markdown = small()
    for plain in (
        "| Northdown Community Safety Partnership | — | Not recorded | — | 0 | 1 |",
        "No partnership has recorded its strategic assessment",
        "No theme is held by more than one partnership.",
        "- **P1** Cut crime and anti-social behaviour: no partnership priority or assessment "
        "finding is on its themes",
    ):
        assert plain in markdown
    page_html = small("--format", "html")
    assert_accessible(page_html)
    assert "No theme is held by more than one partnership." in page_html
    data = json.loads(small("--format", "json"))
    assert data["unevidenced_objectives"] == ["P1"]


def test_no_themes_at_all_is_said_not_drawn(write):
    write(
        "plan.yaml",
        MINIMAL_PLAN.replace("Cut crime and anti-social behaviour", "Zzz").replace(
            "Burglary, vehicle crime, ASB hotspots", "Qqq"
        ),
    )
    write(
        "csps/northdown.yaml",
        MINIMAL_CSP.replace("Domestic abuse and stalking", "Xyzzy").replace(
            "Increase reporting and repeat-victim support", "Plugh"
        ),
    )
    page_html = small("--format", "html")
    assert "<svg" not in page_html
    assert "No community-safety themes were found" in page_html
    assert "alignkit recognised no community-safety theme in its text" in page_html
    assert_accessible(page_html)


HOSTILE = """\
kind: community-safety-partnership
id: northdown
name: Northdown <script>alert(1)</script> | CSP
force_area: Wessex
strategic_assessment:
  date: 2026-09-01
  findings:
    - finding: Domestic abuse | up <b>12%</b>
      evidence: <script>steal()</script> | police data
priorities:
  - id: N1
    title: Domestic abuse | <img src=x onerror=alert(1)>
"""


def test_user_text_is_escaped_in_every_format(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/northdown.yaml", HOSTILE)
    page_html = small("--format", "html")
    assert "<script>" not in page_html and "<img" not in page_html and "<b>12" not in page_html
    assert "Evidence: &lt;script&gt;steal()&lt;/script&gt; | police data" in page_html
    assert_accessible(page_html)
    markdown = small()
    assert not re.search(r"(?<!\\)<(script|/script|img|b)\b", markdown)
    assert r"Evidence: \<script\>steal()\</script\> \| police data" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| Northdown"))
    assert len(re.split(r"(?<!\\)\|", row)) == 8  # six cells and the two edges
    data = json.loads(small("--format", "json"))
    assert data["csps"][0]["findings"][0]["evidence"] == "<script>steal()</script> | police data"


@pytest.mark.slow  # repeated whole runs
def test_output_is_byte_identical_across_runs(at_root):
    for output_format in ("markdown", "html", "json"):
        assert summary("--format", output_format) == summary("--format", output_format)


def test_exit_codes(area):
    assert run("summary", "plan.yaml", "csps", *AS_OF).exit_code == 0
    written = run("summary", "plan.yaml", "csps", *AS_OF, "-f", "json", "-o", "summary.json")
    assert written.exit_code == 0 and written.stdout == ""
    assert "written to summary.json" in written.stderr
    assert run("summary", "plan.yaml", "nowhere").exit_code == 2
    assert run("summary", "plan.yaml", "csps", "--as-of", "tomorrow").exit_code == 2
    assert run("summary", "plan.yaml", "csps", "--format", "text").exit_code == 2
    assert run("summary", "plan.yaml", "csps", "-o", "csps/north.yaml").exit_code == 2
    with open("csps/broken.yaml", "w", encoding="utf-8") as stream:
        stream.write("kind: community-safety-partnership\nid: [\n")
    invalid = run("summary", "plan.yaml", "csps", *AS_OF)
    assert invalid.exit_code == 3 and invalid.stdout == ""
    assert "broken.yaml" in invalid.stderr
