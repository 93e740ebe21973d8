"""Wales, the responsible authorities by their legal names, statutory strategies, and areas
that change (issue 14): each from a YAML case, through the command line, in every format."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run
from every_output import every_output

AS_OF = "2026-11-22"

PLAN = """\
kind: police-and-crime-plan
force_area: {area}
{extra}title: {area} Police and Crime Plan
title_cy: Cynllun Heddlu a Throseddu {area}
period: 2025/26-2027/28
objectives:
  - id: P1
    title: Tackle violence against women and girls
    title_cy: Mynd i'r afael â thrais yn erbyn menywod a merched
    description: Domestic abuse, stalking and harassment
  - id: P2
    title: Make our roads safer
    description: Road safety, speeding and casualties
"""

CSP = """\
kind: community-safety-partnership
id: {id}
name: {name}
force_area: {area}
{extra}plan:
  sent_to_policing_body: 2025-04-10
strategies:
  - kind: serious-violence
    next_review: 2027-01-31
priorities:
  - id: A1
    title: Domestic abuse and stalking
    description: Support victims of domestic abuse and stalking
    supports: [P1]
"""

WELSH = """\
name_cy: Partneriaeth Diogelwch Cymunedol Cwm Tawel
responsible_authorities:
  chief_officer_of_police: true
  councils: true
  fire_and_rescue_authority: true
  local_health_board: false
  probation_provider: true
regard:
  - objective: P2
    reason: Road safety is a devolved Welsh function
    devolved: true
"""


def findings(*args: str) -> list[dict[str, object]]:
    result = run("check", "plan.yaml", "csps", "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def codes(found: list[dict[str, object]], code: str) -> list[dict[str, object]]:
    return [f for f in found if f["code"] == code]


# --- Wales ----------------------------------------------------------------------------------


def welsh_area(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Gwent", extra=""))
    write(
        "csps/cwm-tawel.yaml",
        CSP.format(id="cwm-tawel", name="Cwm Tawel CSP", area="Gwent", extra=WELSH),
    )


def test_a_welsh_partnership_is_told_about_its_local_health_board_never_an_icb(
    write: Callable[..., Path],
) -> None:
    welsh_area(write)
    assert run("validate", "plan.yaml", "csps").exit_code == 0
    made = every_output()
    for name, text in made.items():
        assert "integrated care board" not in text.casefold(), name
    (absent,) = codes(findings(), "AK701")
    assert absent["message"] == (
        "The Local Health Board is a statutory responsible authority but does not take part "
        "in Cwm Tawel CSP"
    )
    assert (
        "Local Health Board" in made["pack.markdown"] and "Local Health Board" in made["pack.html"]
    )


def test_a_welsh_partnership_cites_the_welsh_regulations_and_the_devolved_carve_out(
    write: Callable[..., Path],
) -> None:
    welsh_area(write)
    made = every_output()
    for name in ("report.markdown", "report.html"):
        assert "SI 2007/3076" in made[name], name
        assert "SI 2007/1830" not in made[name], name
        assert "apart from devolved Welsh functions" in made[name], name
        assert "Single Unified Safeguarding Review" in made[name], name
    (devolved,) = codes(findings(), "AK304")
    assert devolved["severity"] == "info" and devolved["objective"] == "P2"
    assert (devolved["line"], devolved["column"]) == (15, 5)  # at its 'devolved: true'
    assert not codes(findings(), "AK302")  # the devolved record is AK304 instead
    assert "Devolved Welsh functions, outside the duty to have regard" in made["report.markdown"]
    report = json.loads(made["report.json"])
    (csp,) = report["csps"]
    assert csp["nation"] == "wales"
    assert [c["devolved"] for c in csp["regard"]] == [False, True]


def test_welsh_titles_are_shown_beside_the_english_in_every_human_format(
    write: Callable[..., Path],
) -> None:
    welsh_area(write)
    made = every_output()
    cy = "Partneriaeth Diogelwch Cymunedol Cwm Tawel"
    for name in (
        "report.text",
        "report.markdown",
        "pack.markdown",
        "handover.markdown",
        "summary.markdown",
    ):
        assert f"Cwm Tawel CSP / {cy}" in made[name], name
    for name in ("report.html", "pack.html", "handover.html", "summary.html"):
        assert f'Cwm Tawel CSP / <span lang="cy">{cy}</span>' in made[name], name
    assert (
        "Gwent Police and Crime Plan / "
        '<span lang="cy">Cynllun Heddlu a Throseddu Gwent</span>' in made["report.html"]
    )
    assert (
        'Tackle violence against women and girls / <span lang="cy">Mynd i&#39;r afael'
        in made["report.html"]
    )
    report = json.loads(made["report.json"])
    assert report["plan"]["title_cy"] == "Cynllun Heddlu a Throseddu Gwent"
    assert report["csps"][0]["name_cy"] == cy


def test_tier_welsh_still_validates_read_as_wales_with_a_hint(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    write(
        "csps/a.yaml",
        CSP.format(id="a", name="A CSP", area="Wessex", extra="tier: welsh\n")
        + "responsible_authorities:\n  health: true\n",
    )
    assert run("validate", "plan.yaml", "csps").exit_code == 0
    found = findings()
    (old_tier,) = codes(found, "AK703")
    assert old_tier["severity"] == "info" and (old_tier["line"], old_tier["column"]) == (5, 1)
    assert "nation: wales" in str(old_tier["hint"])
    # 'health' in a partnership read as Welsh is its Local Health Board
    (old_key,) = codes(found, "AK704")
    assert "read as local_health_board (the Local Health Board)" in str(old_key["message"])


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "nation: wales\nresponsible_authorities:\n  integrated_care_board: true\n",
            "integrated_care_board is not a responsible authority in Wales",
        ),
        (
            "responsible_authorities:\n  local_health_board: true\n",
            "local_health_board is not a responsible authority in England",
        ),
        (
            "regard:\n  - objective: P2\n    reason: Devolved\n    devolved: true\n",
            "only Welsh partnerships have devolved functions",
        ),
        (
            "nation: wales\nstrategies:\n  - kind: domestic-abuse-safe-accommodation\n",
            "applies in England only",
        ),
        ("tier: welsh\nnation: england\n", "tier 'welsh' is a Welsh partnership"),
    ],
)
def test_what_the_law_of_the_other_nation_does_not_know_is_refused(
    write: Callable[..., Path], extra: str, message: str
) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    text = CSP.format(id="a", name="A CSP", area="Wessex", extra=extra)
    if "strategies" in extra:  # the case's own list replaces the usual one
        text = text.replace(
            "strategies:\n  - kind: serious-violence\n    next_review: 2027-01-31\n", ""
        )
    write("csps/a.yaml", text)
    result = run("validate", "plan.yaml", "csps")
    assert result.exit_code == 3
    assert message in result.stdout
    assert re.search(r"csps/a\.yaml:\d+:\d+: AK1\d\d", result.stdout)


def test_the_nation_defaults_from_a_welsh_force_area(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="North Wales", extra=""))
    write("csps/a.yaml", CSP.format(id="a", name="A CSP", area="north  wales", extra=""))
    report = json.loads(
        run("check", "plan.yaml", "csps", "--as-of", AS_OF, "--format", "json").stdout
    )
    assert report["csps"][0]["nation"] == "wales"
    (unrecorded,) = codes(report["findings"], "AK702")
    assert "Local Health Board" in str(unrecorded["message"])


# --- responsible authorities by their legal names ---------------------------------------


def test_the_old_responsible_authority_keys_still_validate_with_a_hint_each(
    write: Callable[..., Path],
) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    old = (
        "responsible_authorities:\n  police: true\n  local_authority: true\n"
        "  fire_and_rescue: true\n  health: false\n  probation: true\n"
    )
    write("csps/a.yaml", CSP.format(id="a", name="A CSP", area="Wessex", extra=old))
    assert run("validate", "plan.yaml", "csps").exit_code == 0
    found = findings()
    hints = codes(found, "AK704")
    assert [(h["line"], h["column"]) for h in hints] == [(6, 3), (7, 3), (8, 3), (9, 3), (10, 3)]
    assert [str(h["message"]).split(" is read as ")[1].split(" ")[0] for h in hints] == [
        "chief_officer_of_police",
        "councils",
        "fire_and_rescue_authority",
        "integrated_care_board",
        "probation_provider",
    ]
    (absent,) = codes(found, "AK701")
    assert absent["message"].startswith("The integrated care board is a statutory")  # type: ignore[union-attr]
    assert (absent["line"], absent["column"]) == (9, 3)


def test_old_and_new_key_for_one_authority_are_refused(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    both = "responsible_authorities:\n  police: true\n  chief_officer_of_police: true\n"
    write("csps/a.yaml", CSP.format(id="a", name="A CSP", area="Wessex", extra=both))
    result = run("validate", "plan.yaml", "csps")
    assert result.exit_code == 3
    assert "give 'chief_officer_of_police' or the older 'police', not both" in result.stdout


def test_a_pfcc_is_shown_as_also_the_fire_and_rescue_authority(write: Callable[..., Path]) -> None:
    body = "issued_by:\n  kind: pfcc\n  name: Police, Fire and Crime Commissioner for Essex\n"
    write("plan.yaml", PLAN.format(area="Essex", extra=body))
    write("csps/a.yaml", CSP.format(id="a", name="A CSP", area="Essex", extra=""))
    made = every_output()
    also = (
        "Police, Fire and Crime Commissioner for Essex, which issues the plan, is also this "
        "responsible authority"
    )
    assert also in made["pack.markdown"]
    assert also in made["pack.html"]


# --- statutory strategies and the plan sent on -------------------------------------------


def test_no_serious_violence_strategy_is_a_warning(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    text = CSP.format(id="a", name="A CSP", area="Wessex", extra="").replace(
        "serious-violence", "reoffending"
    )
    write("csps/a.yaml", text)
    (missing,) = codes(findings(), "AK705")
    assert missing["severity"] == "warning" and (missing["line"], missing["column"]) == (7, 1)
    assert "Serious Violence Duty" in str(missing["message"])


def test_a_strategy_past_its_review_date_is_a_warning(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    write("csps/a.yaml", CSP.format(id="a", name="A CSP", area="Wessex", extra=""))
    assert not codes(findings(), "AK706")
    result = run("check", "plan.yaml", "csps", "--as-of", "2027-02-01", "--format", "json")
    (late,) = codes(json.loads(result.stdout)["findings"], "AK706")
    assert late["severity"] == "warning" and (late["line"], late["column"]) == (9, 5)
    assert late["message"] == (
        "A CSP's serious violence strategy was due for review on 31 January 2027"
    )


def test_a_plan_not_recorded_as_sent_is_a_note(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    text = CSP.format(id="a", name="A CSP", area="Wessex", extra="")
    write("csps/a.yaml", text.replace("plan:\n  sent_to_policing_body: 2025-04-10\n", ""))
    (unsent,) = codes(findings(), "AK707")
    assert unsent["severity"] == "info"
    assert "reg 13A" in str(unsent["message"])


def test_summary_tabulates_strategies_and_the_calendar_shows_their_reviews(
    write: Callable[..., Path],
) -> None:
    welsh_area(write)
    made = every_output()
    strategies = made["summary.markdown"].split("## Statutory strategies", 1)[1]
    row = next(line for line in strategies.splitlines() if "Cwm Tawel" in line)
    assert row.endswith(
        "| review due 31 Jan 2027 | none recorded | none recorded | none recorded | England only |"
    )
    assert "<td>review due 31 Jan 2027</td>" in made["summary.html"]
    assert "SUMMARY:Cwm Tawel CSP: serious violence strategy review due" in made["calendar.ics"]
    assert "serious violence strategy review due" in made["calendar.html"]


# --- areas that change ----------------------------------------------------------------------


def test_a_plan_for_two_forces_checks_and_groups_partnerships_of_both(
    write: Callable[..., Path],
) -> None:
    forces = "forces: [Norfolk, Suffolk]\n"
    write("plan.yaml", PLAN.format(area="Norfolk", extra=forces))
    write("csps/a.yaml", CSP.format(id="a", name="Ipswich CSP", area="Suffolk", extra=""))
    write("csps/b.yaml", CSP.format(id="b", name="Norwich CSP", area="Norfolk", extra=""))
    assert run("validate", "plan.yaml", "csps").exit_code == 0
    write("csps/c.yaml", CSP.format(id="c", name="Essex CSP", area="Essex", extra=""))
    refused = run("validate", "plan.yaml", "csps")
    assert refused.exit_code == 3 and "AK206" in refused.stdout
    Path("csps/c.yaml").unlink()
    made = every_output()
    # Norfolk first, as the plan lists the forces, though Ipswich's file sorts first
    text = made["report.text"]
    order = [text.index(line) for line in ("\nNorfolk:\n", "\nb ", "\nSuffolk:\n", "\na ")]
    assert order == sorted(order)
    assert "| Norfolk | Norwich CSP |" in made["report.markdown"]
    assert "| Suffolk | Ipswich CSP |" in made["report.markdown"]
    html = made["report.html"]
    assert html.index("Force area: Norfolk") < html.index("Force area: Suffolk")
    assert '<th scope="rowgroup"' in html
    for name in ("pack.markdown", "summary.markdown"):
        assert made[name].index("| Norfolk | Norwich CSP") < made[name].index(
            "| Suffolk | Ipswich CSP"
        ), name
    for name in ("pack.html", "summary.html"):
        assert made[name].index("<td>Norfolk</td>") < made[name].index("<td>Suffolk</td>"), name
    report = json.loads(made["report.json"])
    assert report["plan"]["forces"] == ["Norfolk", "Suffolk"]
    assert [c["force_area"] for c in report["csps"]] == ["Norfolk", "Suffolk"]


def test_a_partnership_whose_successor_has_taken_over_is_ended_not_out_of_step(
    write: Callable[..., Path],
) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", extra=""))
    ended = (
        "successor:\n  partnership: b\n  date: 2026-04-01\n"
        "strategic_assessment:\n  date: 2023-01-01\n"
    )
    old = CSP.format(id="a", name="Egdon CSP", area="Wessex", extra=ended).replace(
        "plan:\n", "plan:\n  period: 2022/23-2024/25\n  next_refresh: 2024-03-01\n"
    )
    write("csps/a.yaml", old)
    before = "predecessors:\n  - partnership: a\n    date: 2026-04-01\n"
    write("csps/b.yaml", CSP.format(id="b", name="Melchester CSP", area="Wessex", extra=before))
    found = [f for f in findings() if f["csp"] == "a"]
    assert [f["code"] for f in found] == ["AK708"]
    assert found[0]["message"] == "Egdon CSP ended on 1 April 2026: Melchester CSP has taken over"
    # before the successor takes over, the same file is out of step
    result = run("check", "plan.yaml", "csps", "--as-of", "2026-03-01", "--format", "json")
    early = {f["code"] for f in json.loads(result.stdout)["findings"] if f["csp"] == "a"}
    assert {"AK601", "AK602", "AK606"} <= early and "AK708" not in early
    made = every_output()
    assert "Egdon CSP (ended 1 April 2026)" in made["report.markdown"]
    assert "### Melchester CSP" in made["pack.markdown"]
    assert "### Egdon CSP" not in made["pack.markdown"]
    assert "- **Replaced:** Egdon CSP (1 April 2026)" in made["pack.markdown"]
    report = json.loads(made["report.json"])
    assert [c["ended"] for c in report["csps"]] == ["2026-04-01", None]
    assert report["summary"]["current"] == 1
