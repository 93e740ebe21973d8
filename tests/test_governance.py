"""Who issues the plan, the governance events around it, successor plans, policing-only
objectives: each from a YAML case, through the command line, in every format."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from alignkit.assess.governance import shipped_events
from conftest import run
from every_output import every_output

CSP = """\
kind: community-safety-partnership
id: northdown
name: Northdown Community Safety Partnership
force_area: {area}
priorities:
  - id: N1
    title: Domestic abuse and stalking
    description: Support victims of domestic abuse and stalking
    supports: [P1]
"""

PLAN = """\
kind: police-and-crime-plan
force_area: {area}
title: {area} Police and Crime Plan
period: 2025/26-2028/29
next_review: 2027-03-31
{body}objectives:
  - id: P1
    title: Tackle violence against women and girls
    description: Domestic abuse, stalking and harassment
  - id: P2
    title: A balanced police budget and a modern workforce
    description: Police budgets, technology and workforce
    policing_only: true
contact:
  name: Sam Jones
  email: sam@example.gov.uk
"""

BODIES = {
    "pcc": (
        "Wessex",
        "issued_by:\n  kind: pcc\n  name: Police and Crime Commissioner for Wessex\n"
        "  holder: Margaret Hollis\n",
        ["Commissioner", "Margaret Hollis", "OPCC contact"],
    ),
    "pfcc": (
        "Essex",
        "issued_by:\n  kind: pfcc\n  name: Police, Fire and Crime Commissioner for Essex\n"
        "  holder: Roger Hirst\n",
        ["Commissioner", "OPFCC contact", "also holds the fire and rescue authority"],
    ),
    "mayor": (
        "West Yorkshire",
        "issued_by:\n  kind: mayor\n  name: Mayor of West Yorkshire\n  holder: Tracy Brabin\n"
        "  deputy_mayor: Alison Lowe\n",
        ["Mayor", "Tracy Brabin", "Deputy mayor for policing and crime", "Alison Lowe"],
    ),
    "policing-and-crime-board": (
        "Wessex",
        "issued_by:\n  kind: policing-and-crime-board\n  name: Wessex Policing and Crime Board\n"
        "  holder: Cllr Ann Lee\n  members: [Cllr Ann Lee, Cllr Raj Patel, Cllr Tom Hardy]\n",
        ["Chair", "Cllr Ann Lee", "Members", "Cllr Raj Patel", "Board secretariat contact"],
    ),
    "city-of-london": (
        "City of London",
        "issued_by:\n  kind: city-of-london\n  name: Common Council of the City of London\n"
        "  holder: Chair of the Police Authority Board\n",
        ["Common Council of the City of London", "Police authority team contact"],
    ),
}

NOT_FOR_MAYORS_OR_BOARDS = ("commissioner", "opcc", "pcc election")
"""Words no output may use where the body is a mayor, a board or the City of London."""

AS_OF = "2026-11-22"


def _bodies() -> list:
    """Every kind of body, each through every output (about a second). A PFCC's plan goes
    through every output in the fast pass too, in test_wales
    (test_a_pfcc_is_shown_as_also_the_fire_and_rescue_authority), so its case here is left
    to `make test`."""
    return [pytest.param(k, marks=[pytest.mark.slow] if k == "pfcc" else []) for k in BODIES]


@pytest.mark.parametrize("kind", _bodies())
def test_each_kind_of_body_validates_and_renders_with_its_own_words(
    write: Callable[..., Path], kind: str
) -> None:
    area, body, words = BODIES[kind]
    write("plan.yaml", PLAN.format(area=area, body=body))
    write("csps/northdown.yaml", CSP.format(area=area))
    assert run("validate", "plan.yaml", "csps").exit_code == 0
    made = every_output()
    pack = made["pack.markdown"] + made["pack.html"]
    for word in words:
        assert word in pack, (kind, word)
        assert word in made["pack.docx"], (kind, word)
    report = json.loads(made["report.json"])
    assert report["plan"]["issued_by"]["kind"] == kind
    if kind not in ("pcc", "pfcc"):
        for name, text in made.items():
            found = [w for w in NOT_FOR_MAYORS_OR_BOARDS if w in text.casefold()]
            assert not found, (kind, name, found)


def test_the_old_commissioner_field_still_works_as_a_pcc(write: Callable[..., Path]) -> None:
    old = "commissioner:\n  name: Margaret Hollis\n  office: Police and Crime Commissioner\n"
    write("plan.yaml", PLAN.format(area="Wessex", body=old))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    assert run("validate", "plan.yaml", "csps").exit_code == 0
    result = run("check", "plan.yaml", "csps", "--as-of", AS_OF, "--format", "json")
    report = json.loads(result.stdout)
    assert report["plan"]["issued_by"]["kind"] == "pcc"
    assert report["plan"]["issued_by"]["holder"] == "Margaret Hollis"
    (note,) = [f for f in report["findings"] if f["code"] == "AK608"]
    assert note["severity"] == "info" and note["line"] == 6
    assert "**Commissioner:** Margaret Hollis" in run("pack", "plan.yaml", "csps").stdout


def test_issued_by_and_commissioner_together_are_refused(write: Callable[..., Path]) -> None:
    both = BODIES["pcc"][1] + "commissioner:\n  name: Margaret Hollis\n"
    write("plan.yaml", PLAN.format(area="Wessex", body=both))
    result = run("validate", "plan.yaml")
    assert result.exit_code == 3
    assert "give 'issued_by' or the older 'commissioner', not both" in result.stdout


# --- no invented elections ------------------------------------------------------------------

ELECTION = re.compile(
    r"(?<!no )pcc elections?\b[^\n.;]{0,60}?\b(20\d\d)|\b(20\d\d)\b[^\n.;]{0,40}(?<!no )pcc election",
    re.I,
)
"""A year within a clause of 'PCC election' (not 'no PCC elections')."""


def unfolded(text: str) -> str:
    """iCalendar folds long lines; read them whole."""
    return text.replace("\r\n ", "").replace("\n ", "")


def election_years(text: str) -> set[int]:
    """Years named beside 'PCC election' in a document, and the years of calendar events
    filed as PCC elections."""
    text = unfolded(text)
    years = {int(y) for m in ELECTION.finditer(text) for y in m.groups() if y}
    for event in text.split("BEGIN:VEVENT")[1:]:
        if "CATEGORIES:PCC election" in event:
            years.add(int(event.split("DTSTART;VALUE=DATE:", 1)[1][:4]))
    return years


@pytest.mark.slow
@pytest.mark.parametrize("year", range(2024, 2036))
def test_no_output_names_a_pcc_election_after_2024(write: Callable[..., Path], year: int) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    made = every_output(as_of=f"{year}-06-01")
    for name, text in made.items():
        assert not {y for y in election_years(text) if y > 2024}, (year, name)
    events = [e for e in shipped_events() if e.kind == "pcc-election"]
    assert max(e.date for e in events) == dt.date(2024, 5, 2)


def test_the_calendar_shows_the_transition_with_status_and_source(
    write: Callable[..., Path],
) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    page = run("calendar", "plan.yaml", "csps", "--as-of", AS_OF, "--format", "html").stdout
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "PCC terms end, with no PCC elections (announced, subject to legislation)" in text
    assert "Source: Commons statement, 13 November 2025" in text
    assert "Successor's first police and crime plan expected" in text


def test_alignkit_toml_records_the_area_s_own_transfer(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    write(
        "alignkit.toml",
        'plan = "plan.yaml"\ncsps = ["csps"]\n\n[[governance]]\nid = "pcc-terms-end-2028"\n'
        'kind = "board-takes-over"\ndate = 2028-05-11\n'
        'title = "Wessex Policing and Crime Board takes over"\n'
        'successor = "Wessex Policing and Crime Board"\nsource = "Home Office letter, 2026"\n',
    )
    ics = unfolded(run("calendar", "--as-of", AS_OF).stdout)
    assert "Wessex: Wessex Policing and Crime Board takes over (recorded locally)" in ics
    assert "PCC terms end" not in ics  # replaced for this area by its own record
    assert "Source: Home Office letter\\, 2026." in ics
    assert "DTSTART;VALUE=DATE:20280511" in ics


def test_a_bad_governance_entry_is_a_configuration_error(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    write(
        "alignkit.toml",
        'plan = "plan.yaml"\ncsps = ["csps"]\n[[governance]]\nid = "x"\nkind = "coronation"\n'
        'date = 2028-05-11\ntitle = "x"\n',
    )
    result = run("calendar", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "alignkit.toml:5:" in result.stderr and "governance.0.kind" in result.stderr


# --- policing-only objectives -----------------------------------------------------------------


def test_a_policing_only_objective_is_never_a_gap(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    made = every_output()
    report = json.loads(made["report.json"])
    assert [f for f in report["findings"] if f["objective"] == "P2"] == []
    assert {f["code"] for f in report["findings"]} & {"AK301", "AK801"} == set()
    (cell,) = [c for c in report["csps"][0]["regard"] if c["objective"] == "P2"]
    assert cell["state"] == "policing-only"
    assert report["plan"]["objectives"][1]["policing_only"] is True
    assert "· policing only" in made["report.text"]
    assert "policing only" in made["report.markdown"] and "policing only" in made["report.html"]
    for name in ("github", "sarif", "junit"):
        assert "AK301" not in made[f"report.{name}"] and "AK801" not in made[f"report.{name}"]


# --- a successor plan ------------------------------------------------------------------------

SUCCESSOR = """\
kind: police-and-crime-plan
force_area: Wessex
title: Wessex Policing and Crime Board Plan 2028-2031
issued_by:
  kind: policing-and-crime-board
  name: Wessex Policing and Crime Board
  holder: Cllr Ann Lee
  members: [Cllr Ann Lee, Cllr Raj Patel]
status:
  status: interim
  until: the board issues its first plan
  since: 2028-05-11
supersedes:
  title: Wessex Police and Crime Plan 2025-2029
  mapping:
    P1: [V1]        # renumbered
    P2: [V1]        # merged with P1
    P3: [V2, V3]    # split
    P5: []          # dropped
objectives:
  - id: V1
    title: Tackle violence against women and girls
    description: Domestic abuse, stalking and harassment
  - id: V2
    title: Reduce serious violence
    description: Knife crime and youth violence
  - id: V3
    title: Make our roads safer
    description: Speeding and dangerous driving
"""

OLD_IDS_CSP = """\
kind: community-safety-partnership
id: northdown
name: Northdown Community Safety Partnership
force_area: Wessex
priorities:
  - id: N1
    title: Domestic abuse and stalking
    description: Support victims of domestic abuse and stalking
    supports: [P1, P2]
  - id: N2
    title: Knife crime and youth violence
    description: Serious violence among young people
    supports: [P3]
regard:
  - objective: P5
    reason: Rural crime is led at county level.
"""


def test_a_successor_plan_carries_old_ids_and_flags_the_dropped(
    write: Callable[..., Path],
) -> None:
    write("plan.yaml", SUCCESSOR)
    write("csps/northdown.yaml", OLD_IDS_CSP)
    assert run("validate", "plan.yaml", "csps").exit_code == 0
    made = every_output(as_of="2028-06-01")
    report = json.loads(made["report.json"])
    found = [(f["code"], f["line"], f["priority"], f["objective"]) for f in report["findings"]]
    assert ("AK504", 9, "N1", "V1") in found  # P1 -> V1
    assert ("AK504", 9, "N1", "V1") in found and ("AK504", 13, "N2", "V2") in found
    (dropped,) = [f for f in report["findings"] if f["code"] == "AK505"]
    assert dropped["line"] == 15 and dropped["severity"] == "warning"
    assert (
        "P5 of Wessex Police and Crime Plan 2025-2029, which the new plan dropped"
        in (dropped["message"])
    )
    carried = [f["message"] for f in report["findings"] if f["code"] == "AK504"]
    assert (
        "priority N2 'supports' names P3, carried from Wessex Police and Crime Plan "
        in (carried[-1])
    )
    assert carried[-1].endswith("to V2, V3")
    n1, n2 = report["csps"][0]["priorities"]
    assert n1["supports"] == ["V1"] and n2["supports"] == ["V2", "V3"]
    assert report["plan"]["interim"] is True
    assert report["plan"]["supersedes"] == "Wessex Police and Crime Plan 2025-2029"
    (interim,) = [f for f in report["findings"] if f["code"] == "AK607"]
    assert (
        "the outgoing plan continues until the board issues its first plan" in (interim["message"])
    )
    for name in ("report.text", "report.markdown", "report.html", "report.sarif"):
        assert "carried from Wessex Police and Crime Plan 2025-2029" in made[name], name
    assert "AK204" not in made["report.text"] and "AK205" not in made["report.text"]


def test_an_id_the_mapping_does_not_know_is_still_an_error(write: Callable[..., Path]) -> None:
    write("plan.yaml", SUCCESSOR)
    write("csps/northdown.yaml", OLD_IDS_CSP.replace("[P3]", "[P4]"))
    result = run("validate", "plan.yaml", "csps")
    assert result.exit_code == 3 and "AK204" in result.stdout


def test_a_mapping_to_an_id_the_plan_lacks_is_refused(write: Callable[..., Path]) -> None:
    write("plan.yaml", SUCCESSOR.replace("P5: []", "P5: [V9]"))
    result = run("validate", "plan.yaml")
    assert result.exit_code == 3 and "supersedes.mapping names V9" in result.stdout


# --- alignkit init -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "period", "expires"),
    [
        (dt.date(2026, 12, 2), "2026/27-2028/29", "2028-03-31"),
        (dt.date(2027, 3, 31), "2026/27-2028/29", "2028-03-31"),
        (dt.date(2031, 6, 1), "2031/32-2033/34", "2033-03-31"),
    ],
)
def test_init_asks_who_issues_the_plan_and_writes_current_dates(
    today: dt.date, period: str, expires: str
) -> None:
    from alignkit.scaffold import planned_files

    files = planned_files("Wessex", today)
    plan = files["plan.yaml"]
    assert f"period: {period}" in plan
    assert "issued_by:\n  kind: pcc" in plan
    for kind in ("pfcc", "mayor", "policing-and-crime-board", "city-of-london"):
        assert f"#   {kind} " in plan
    assert f"# expires = {expires}" in files["alignkit.toml"]
    assert "[[governance]]" in files["alignkit.toml"]
    assert "{" not in plan  # every placeholder filled in


# --- the handover pack -------------------------------------------------------------------------

FUNDED_CSP = (
    CSP
    + """\
regard:
  - objective: P2
    reason: Police budgets are for the police.
    decided: 2026-03-05
    decided_by: Northdown CSP Board
funding:
  - funder: Office of the Police and Crime Commissioner for {area}
    purpose: Domestic abuse advocacy
    amount: 45000
    period: 2026/27
"""
)

BOARD_TOML = """\
plan = "plan.yaml"
csps = ["csps"]

[[governance]]
id = "pcc-terms-end-2028"
kind = "board-takes-over"
date = 2028-05-11
title = "Wessex Policing and Crime Board takes over"
successor = "Wessex Policing and Crime Board"
source = "Home Office letter, 2026"

[governance.incoming]
kind = "policing-and-crime-board"
name = "Wessex Policing and Crime Board"
holder = "Cllr Ann Lee"
members = ["Cllr Ann Lee", "Cllr Raj Patel", "Cllr Tom Hardy"]
"""


def test_the_handover_pack_renders_for_a_board_with_members(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", FUNDED_CSP.format(area="Wessex"))
    write("alignkit.toml", BOARD_TOML)
    for name in ("markdown", "html"):
        result = run("pack", "--for", "successor", "--as-of", AS_OF, "--format", name)
        assert result.exit_code == 0, result.stderr
        text = html.unescape(re.sub(r"<[^>]+>", " ", result.stdout))
        text = " ".join(text.replace("*", "").replace("|", " ").replace(":", " ").split())
        assert "Handover pack for Wessex Policing and Crime Board" in text
        assert "Members Cllr Ann Lee; Cllr Raj Patel; Cllr Tom Hardy" in text
        assert "Chair Cllr Ann Lee" in text
        assert "Wessex Policing and Crime Board takes over, 11 May 2028" in text
        assert "Home Office letter, 2026" in text
        assert "Office of the Police and Crime Commissioner for Wessex" in text
        assert "Domestic abuse advocacy" in text and "£45,000" in text
        assert "Police budgets are for the police." in text
        assert "Northdown Community Safety Partnership" in text
        assert "policing only" in text  # P2, held by no partnership, is the police's alone


def test_one_mayor_two_forces_gets_one_pack_with_a_section_per_force(
    write: Callable[..., Path],
) -> None:
    mayor = (
        '\n[governance.incoming]\nkind = "mayor"\nname = "Mayor of Norfolk and Suffolk"\n'
        'holder = "Jo Bloggs"\ndeputy_mayor = "Sam Smith"\n'
    )
    for area in ("Norfolk", "Suffolk"):
        write(f"{area}/plan.yaml", PLAN.format(area=area, body=BODIES["pcc"][1]))
        write(f"{area}/csps/northdown.yaml", FUNDED_CSP.format(area=area))
        write(
            f"{area}/alignkit.toml",
            'plan = "plan.yaml"\ncsps = ["csps"]\n\n[[governance]]\nid = "pcc-terms-end-2028"\n'
            'kind = "transfer"\ndate = 2028-05-08\ntitle = "PCC functions pass to the mayor"\n'
            'successor = "Mayor of Norfolk and Suffolk"\nstatus = "announced"\n'
            'source = "Norfolk and Suffolk devolution deal"\n' + mayor,
        )
    result = run(
        "pack", "--for", "successor", "--config", "Norfolk/alignkit.toml",
        "--with", "Suffolk/alignkit.toml", "--as-of", AS_OF,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.count("# Handover pack for Mayor of Norfolk and Suffolk") == 1
    assert "## Norfolk" in text and "## Suffolk" in text
    assert text.index("## Norfolk") < text.index("## Suffolk")
    assert "- **Deputy mayor for policing and crime:** Sam Smith" in text
    assert text.count("PCC functions pass to the mayor, 8 May 2028, announced") == 2
    assert "Office of the Police and Crime Commissioner for Suffolk" in text


def test_with_needs_for_successor(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    result = run("pack", "plan.yaml", "csps", "--with", "other.toml")
    assert result.exit_code == 2 and "--with needs --for successor" in result.stderr


def test_without_a_local_record_the_handover_names_no_one(write: Callable[..., Path]) -> None:
    write("plan.yaml", PLAN.format(area="Wessex", body=BODIES["pcc"][1]))
    write("csps/northdown.yaml", CSP.format(area="Wessex"))
    text = run("pack", "--for", "successor", "plan.yaml", "csps", "--as-of", AS_OF).stdout
    assert text.startswith(
        "# Handover pack for the incoming body (a mayor or a policing and crime board)\n"
    )
    assert "PCC terms end, with no PCC elections, May 2028, announced, subject to legislation" in (
        text
    )
