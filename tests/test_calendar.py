"""`alignkit calendar`: one timeline of every date in a force area's plans.

The example area's calendar is compared byte for byte with tests/golden/calendar.ics and
tests/golden/calendar.html (ALIGNKIT_UPDATE_GOLDEN=1 rewrites them); the tests below pin
what a reader and a calendar program rely on.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar
from typer.testing import CliRunner

import golden_files
import html_page
from alignkit.calendar import build_calendar
from alignkit.calendar.html import render_calendar_html
from alignkit.calendar.ics import render_ics
from alignkit.cli import app
from alignkit.models import Period
from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT, run

WESSEX = ROOT / "examples" / "wessex"
PLAN = WESSEX / "plan.yaml"
CSPS = WESSEX / "csps"
AS_OF = dt.date(2026, 11, 22)
GOLDEN = Path(__file__).resolve().parent / "golden"

GOVERNANCE = [
    dt.date(2012, 11, 15),
    dt.date(2016, 5, 5),
    dt.date(2021, 5, 6),
    dt.date(2024, 5, 2),
    dt.date(2028, 5, 1),  # PCC terms end, May 2028 (announced, subject to legislation)
]
"""The governance events for a PCC area, written out here rather than read from the table:
the PCC elections held, then the announced end of PCC terms. Nothing after it."""

SUCCESSOR_PLAN = {dt.date(2028, 5, 1): dt.date(2029, 3, 31)}
"""A term's end brings the successor's first plan, by the end of that financial year."""


def same_as_golden(name: str, content: bytes) -> None:
    golden_files.same_as_golden(GOLDEN / name, content)


@functools.cache
def wessex_ics() -> str:
    """Made once per session: the calendar is immutable, and many tests read it."""
    made = build_calendar(PLAN, [CSPS], AS_OF).calendar
    assert made is not None
    return render_ics(made)


@functools.cache
def wessex_html() -> str:
    made = build_calendar(PLAN, [CSPS], AS_OF).calendar
    assert made is not None
    return render_calendar_html(made)


def events(ics: str) -> list[Calendar]:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def dates_in_documents(plan_path: Path, csp_paths: list[Path]) -> list[dt.date]:
    """Every date the YAML gives, found by reading the files, not through alignkit.calendar."""
    found: list[dt.date] = []

    def period(text: object) -> list[dt.date]:
        p = Period.model_validate(text)
        return [p.start, p.end]

    plan = yaml.safe_load(plan_path.read_text(encoding="utf-8"))
    if "period" in plan:
        found += period(plan["period"])
    found += [plan[k] for k in ("published", "next_review") if k in plan]
    for path in csp_paths:
        csp = yaml.safe_load(path.read_text(encoding="utf-8"))
        partnership_plan = csp.get("plan") or {}
        if "period" in partnership_plan:
            found += period(partnership_plan["period"])
        if "next_refresh" in partnership_plan:
            found.append(partnership_plan["next_refresh"])
        if "strategic_assessment" in csp:
            found.append(csp["strategic_assessment"]["date"])
        found += [m["date"] for m in csp.get("meetings", [])]
        found += [t["due"] for t in csp.get("timetable", [])]
        found += [s["next_review"] for s in csp.get("strategies", []) if "next_review" in s]
    return found


def expected_governance(dates: list[dt.date], as_of: dt.date) -> list[dt.date]:
    first, last = min([*dates, as_of]), max([*dates, as_of])
    shown = {e for e in GOVERNANCE if first <= e <= last}
    shown |= {next(e for e in GOVERNANCE if e >= as_of)}
    return sorted(shown | {SUCCESSOR_PLAN[e] for e in shown if e in SUCCESSOR_PLAN})


# --- the example force area ---------------------------------------------------------------


def test_ics_is_the_golden_file() -> None:
    same_as_golden("calendar.ics", wessex_ics().encode("utf-8"))


def test_html_is_the_golden_file() -> None:
    same_as_golden("calendar.html", wessex_html().encode("utf-8"))


def test_one_event_per_dated_item_plus_the_governance_events() -> None:
    documents = dates_in_documents(PLAN, sorted(CSPS.glob("*.yaml")))
    elections = expected_governance(documents, AS_OF)
    assert elections == [dt.date(2024, 5, 2), dt.date(2028, 5, 1), dt.date(2029, 3, 31)]
    found = events(wessex_ics())
    assert len(found) == len(documents) + len(elections)
    days = sorted(e["DTSTART"].dt for e in found)
    assert days == sorted(documents + elections)


def test_events_are_all_day_stamped_with_the_as_of_date_and_sorted() -> None:
    ics = wessex_ics()
    found = events(ics)
    for event in found:
        assert type(event["DTSTART"].dt) is dt.date
        assert event["DTEND"].dt == event["DTSTART"].dt + dt.timedelta(days=1)
        assert event["DTSTAMP"].dt == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    keys = [(e["DTSTART"].dt, str(e["UID"])) for e in found]
    assert keys == sorted(keys)
    assert ics.count("DTSTART;VALUE=DATE:") == len(found)
    calendar = Calendar.from_ical(ics)
    assert str(calendar["PRODID"]) == "-//alignkit//calendar//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Wessex community safety planning calendar"


def test_lines_end_in_crlf_and_are_folded() -> None:
    raw = wessex_ics().encode("utf-8")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75


def test_summaries_descriptions_and_categories() -> None:
    by_summary = {str(e["SUMMARY"]): e for e in events(wessex_ics())}
    refresh = by_summary["Budmouth CSP: partnership plan refresh due"]
    assert refresh["DTSTART"].dt == dt.date(2027, 9, 30)
    description = str(refresh["DESCRIPTION"])
    assert "Budmouth Community Safety Partnership" in description
    assert "Out of step (AK604)" in description
    assert [str(c) for c in refresh["CATEGORIES"].cats] == [
        "Plan refresh",
        "Budmouth CSP",
        "Out of step",
    ]
    meeting = by_summary["Budmouth CSP: Budmouth CSP Executive meeting – Plan refresh sign-off"]
    assert str(meeting["LOCATION"]) == "Budmouth Town Hall"
    sandbourne = next(
        s for s in by_summary if s.startswith("Safer Sandbourne Partnership: strategic")
    )
    assert "Covers 1 October 2025 to 30 September 2026." in str(
        by_summary[sandbourne]["DESCRIPTION"]
    )
    assert str(by_summary[sandbourne]["URL"]).startswith("https://www.sandbourne.example.gov.uk/")
    assert "Wessex PCC: police and crime plan review due" in by_summary
    assert "Wessex: PCC elections in 37 force areas" in by_summary
    ends = next(s for s in by_summary if s.startswith("Wessex: PCC terms end"))
    assert ends.endswith("(announced, subject to legislation)")
    assert "Source: Commons statement, 13 November 2025" in str(by_summary[ends]["DESCRIPTION"])
    assert "North Wessex CSP: partnership plan 2022/23-2024/25 begins" in by_summary


def test_uids_are_unique_and_come_from_the_content() -> None:
    first = [str(e["UID"]) for e in events(wessex_ics())]
    assert len(set(first)) == len(first)
    assert all(re.fullmatch(r"[0-9a-f]{40}@alignkit", uid) for uid in first)
    assert first == [str(e["UID"]) for e in events(wessex_ics())]
    # Leaving partnerships out changes no other event's UID: a re-import updates events.
    alone = build_calendar(PLAN, [CSPS / "budmouth.yaml"], AS_OF).calendar
    assert alone is not None
    assert {str(e["UID"]) for e in events(render_ics(alone))} <= set(first)


def test_a_later_as_of_date_changes_only_the_stamps() -> None:
    later = build_calendar(PLAN, [CSPS], dt.date(2027, 1, 5)).calendar
    assert later is not None
    before = [(str(e["UID"]), str(e["SUMMARY"])) for e in events(wessex_ics())]
    assert [(str(e["UID"]), str(e["SUMMARY"])) for e in events(render_ics(later))] == before


@pytest.mark.slow  # repeated whole runs
def test_cli_output_is_byte_identical_across_runs(in_tmp: Path) -> None:
    for name in ("one.ics", "two.ics"):
        result = run("calendar", str(PLAN), str(CSPS), "--as-of", "2026-11-22", "-o", name)
        assert result.exit_code == 0, result.stderr
        assert "calendar written to" in result.stderr
    assert (in_tmp / "one.ics").read_bytes() == (in_tmp / "two.ics").read_bytes()
    assert (in_tmp / "one.ics").read_bytes() == wessex_ics().encode("utf-8")


def test_cli_html_and_stdout(in_tmp: Path) -> None:
    result = run("calendar", str(PLAN), str(CSPS), "--as-of", "2026-11-22", "--format", "html")
    assert result.exit_code == 0
    assert result.stdout == wessex_html()
    # Click's Result.stdout turns CRLF into LF; the bytes show what a pipe receives.
    raw = CliRunner().invoke(app, ["calendar", str(PLAN), str(CSPS), "--as-of", "2026-11-22"])
    assert raw.exit_code == 0
    assert raw.stdout_bytes == wessex_ics().encode("utf-8")


# --- the HTML page ------------------------------------------------------------------------


def parse(html: str) -> html_page.Page:
    return html_page.parse(html, html_page.Page())


def test_page_is_self_contained_and_accessible() -> None:
    html = wessex_html()
    page = parse(html)
    assert page.named("html") == [{"lang": "en-GB"}]
    assert len(page.named("h1")) == 1
    policy = [m for m in page.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(policy) == 1
    assert "default-src 'none'" in (policy[0]["content"] or "")
    assert "script-src 'none'" in (policy[0]["content"] or "")
    assert not page.named("script")
    assert not page.named("link")
    assert not any("src" in attrs for _, attrs in page.tags)
    assert "@import" not in html and "url(http" not in html
    # Tables: a caption, and every header cell says what it heads.
    assert html.count("<table") == len(page.named("caption")) == 1
    # Group rows head the rows below them (rowgroup), not columns.
    assert {attrs.get("scope") for attrs in page.named("th")} == {"col", "row", "rowgroup"}
    # The chart: an image with a title and a description, and words beside the marks.
    (svg,) = page.named("svg")[:1]
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "chart-title chart-desc"
    assert '<title id="chart-title">' in html and '<desc id="chart-desc">' in html
    text = " ".join(page.text)
    for words in ("2025/26", "as of 22 Nov 2026", "PCC election", "Governance change"):
        assert words in text


def test_page_marks_the_cycles_out_of_step() -> None:
    text = " ".join(parse(wessex_html()).text)
    assert "3 out of step" in text
    assert "⚠ refreshes after plan review" in text  # Budmouth refreshes in September 2027
    assert "⚠ no overlap with police and crime plan" in text  # North Wessex's ended in 2025
    assert "⚠ runs past 31 Mar 2029" in text  # the police and crime plan runs a year too long
    assert "(AK604)" in text


def test_page_lists_every_date_in_order() -> None:
    html = wessex_html()
    shown = re.findall(r'<th scope="row"><time datetime="([0-9-]+)">', html)
    documents = dates_in_documents(PLAN, sorted(CSPS.glob("*.yaml")))
    assert len(shown) == len(documents) + 3
    assert shown == sorted(shown)
    assert "Before 22 November 2026" in html and "From 22 November 2026" in html


def test_cycles_in_step_say_so(write: Callable[..., Path]) -> None:
    plan = write(
        "plan.yaml",
        MINIMAL_PLAN + "period: 2025/26-2028/29\nnext_review: 2027-03-31\n",
    )
    csp = write(
        "csp.yaml",
        MINIMAL_CSP + "plan:\n  period: 2026/27-2028/29\n  next_refresh: 2027-01-31\n",
    )
    made = build_calendar(plan, [csp], AS_OF).calendar
    assert made is not None
    assert made.misalignments == ()
    text = " ".join(parse(render_calendar_html(made)).text)
    assert "In step." in text
    assert "⚠" not in text.replace("Rows marked ⚠", "")


# --- a minimal area, and text that must be escaped ----------------------------------------


def test_minimal_area_has_no_dated_items(write: Callable[..., Path]) -> None:
    plan = write("plan.yaml", MINIMAL_PLAN)
    csp = write("csps/northdown.yaml", MINIMAL_CSP)
    result = run("calendar", str(plan), "csps", "--as-of", "2026-11-22")
    assert result.exit_code == 0, result.stderr
    found = events(result.stdout)
    # No document gives a date; the next governance event on record is there (and keeps
    # the file valid): the announced end of PCC terms, never an invented election.
    assert [(str(e["SUMMARY"]), e["DTSTART"].dt) for e in found] == [
        (
            "Wessex: PCC terms end, with no PCC elections (announced, subject to legislation)",
            dt.date(2028, 5, 1),
        ),
        (
            "Wessex: successor's first police and crime plan expected (announced, subject "
            "to legislation)",
            dt.date(2029, 3, 31),
        ),
    ]
    result = run("calendar", str(plan), str(csp), "--as-of", "2026-11-22", "--format", "html")
    assert result.exit_code == 0
    page = parse(result.stdout)
    text = " ".join(" ".join(page.text).split())
    assert "No dated items. None of these documents gives a date" in text
    assert not page.named("svg")


def test_user_text_is_escaped(write: Callable[..., Path]) -> None:
    hostile = "<script>alert(1)</script>"
    plan = write(
        "plan.yaml",
        MINIMAL_PLAN.replace(
            "title: Wessex Police and Crime Plan 2025-2029", f"title: 'Plan {hostile}'"
        )
        + "period: 2025/26-2028/29\n",
    )
    csp = write(
        "csp.yaml",
        MINIMAL_CSP.replace("name: Northdown", f"name: '{hostile} Northdown").replace(
            "Partnership\n", "Partnership'\n", 1
        )
        + "meetings:\n"
        + f"  - date: 2027-01-12\n    body: '{hostile}'\n    title: 'a & b \"c\"'\n"
        + "timetable:\n"
        + "  - document: '<img src=x onerror=alert(1)>'\n    due: 2027-02-01\n",
    )
    made = build_calendar(plan, [csp], AS_OF).calendar
    assert made is not None, "the fixture documents should be valid"
    html = render_calendar_html(made)
    page = parse(html)
    assert not page.named("script")
    assert not page.named("img")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a &amp; b &#34;c&#34;" in html
    ics = render_ics(made)
    assert any(str(e["SUMMARY"]).startswith(f"{hostile} Northdown CSP:") for e in events(ics))


# --- exit codes ---------------------------------------------------------------------------


def test_bad_as_of_is_a_usage_error() -> None:
    result = run("calendar", str(PLAN), str(CSPS), "--as-of", "22/11/2026")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr
    assert result.stdout == ""


def test_missing_file_is_a_usage_error(in_tmp: Path) -> None:
    result = run("calendar", str(PLAN), "nowhere.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_invalid_document_exits_3_and_writes_nothing(write: Callable[..., Path]) -> None:
    plan = write("plan.yaml", MINIMAL_PLAN)
    csp = write("csp.yaml", MINIMAL_CSP.replace("    title:", "    titel:"))
    result = run("calendar", str(plan), str(csp), "--as-of", "2026-11-22", "-o", "out.ics")
    assert result.exit_code == 3
    assert "titel" in result.stderr
    assert result.stdout == ""
    assert not Path("out.ics").exists()


def test_refuses_to_overwrite_an_input(write: Callable[..., Path]) -> None:
    plan = write("plan.yaml", MINIMAL_PLAN)
    csp = write("csp.yaml", MINIMAL_CSP)
    result = run("calendar", str(plan), str(csp), "--output", str(csp))
    assert result.exit_code == 2
    assert Path(csp).read_text(encoding="utf-8") == MINIMAL_CSP


@pytest.mark.parametrize("fmt", ["ics", "html"])
def test_default_as_of_is_today(in_tmp: Path, fmt: str) -> None:
    result = run("calendar", str(PLAN), str(CSPS), "--format", fmt)
    assert result.exit_code == 0
    today = dt.date.today()
    if fmt == "ics":
        assert f"DTSTAMP:{today:%Y%m%d}T000000Z" in result.stdout
    else:
        assert f'<time datetime="{today.isoformat()}">' in result.stdout
