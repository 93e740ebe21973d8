"""`alignkit pack`: the welcome pack for the commissioner (LGA guide, chapter 7).

The whole pack for the example force area is compared with tests/golden/pack.md and
pack.html; ALIGNKIT_UPDATE_GOLDEN=1 rewrites them (read the diff before keeping it). The
tests below pin what a reader relies on: every partnership's contacts, meetings and
timetable; the overview's counts; empty sections that say so; escaped user text; an
accessible page that prints one partnership per page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
import yaml

import golden_files
import html_page
from alignkit.words import long_date
from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT, run

GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLE = ("examples/wessex/plan.yaml", "examples/wessex/csps")
AS_OF = ("--as-of", "2026-11-22")


def same_as_golden(name: str, content: str) -> None:
    golden_files.same_as_golden(GOLDEN / name, content)


class Page(html_page.Page):
    """Headings in order and tables marked up, besides tags nesting."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.tables: list[dict[str, object]] = []

    def started(self, tag, attributes):
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables.append({"caption": False, "th": 0, "th_scoped": 0})
        elif tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        elif tag == "th" and self.tables:
            table = self.tables[-1]
            table["th"] = int(str(table["th"])) + 1
            if attributes.get("scope") in ("col", "row"):
                table["th_scoped"] = int(str(table["th_scoped"])) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in html_page.VOID and tag not in html_page.SVG_EMPTY:
            self.problems.append(f"<{tag}/> is not a void element")


def parse(page_html: str) -> Page:
    return html_page.parse(page_html, Page())


def assert_accessible(page_html: str) -> Page:
    """What every force-wide HTML document promises: see docs/pack.md and docs/summary.md."""
    assert page_html.startswith('<!DOCTYPE html>\n<html lang="en-GB">\n')
    assert '<meta charset="utf-8">' in page_html
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page_html)
    assert policy and "script-src 'none'" in policy.group(1)
    assert "default-src 'none'" in policy.group(1)
    assert "<script" not in page_html.lower()
    assert "<link" not in page_html
    assert not re.search(r"<[^>]*\ssrc=", page_html), "nothing is loaded from elsewhere"
    assert ":focus-visible" in page_html
    assert "@media print" in page_html
    page = parse(page_html)
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"heading h{after} follows h{before}"
    assert page.tables
    for table in page.tables:
        assert table["caption"], "every table has a caption"
        assert table["th"] == table["th_scoped"], "every header cell has a scope"
    return page


@pytest.fixture
def at_root(monkeypatch):
    """Run from the repository root, so the example paths print as in the documentation."""
    monkeypatch.chdir(ROOT)


def pack(*args: str) -> str:
    result = run("pack", *EXAMPLE, *AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def example_csps() -> list[dict]:
    """The example's partnerships as they stand on the as-of date: one whose successor has
    taken over (egdon) is named by its successor, not introduced."""
    found = [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "examples/wessex/csps").glob("*.yaml"))
    ]
    as_of = dt.date(2026, 11, 22)
    return [c for c in found if not (c.get("successor") and c["successor"]["date"] <= as_of)]


def test_markdown_pack_matches_golden(at_root):
    same_as_golden("pack.md", pack())


def test_html_pack_matches_golden(at_root):
    same_as_golden("pack.html", pack("--format", "html"))


def test_every_partnership_with_its_contacts_meetings_and_timetable(at_root):
    markdown, page = pack(), pack("--format", "html")
    csps = example_csps()
    assert len(csps) == 7
    for csp in csps:
        # a Welsh name is shown beside the English, marked as Welsh
        welsh = (
            f' / <span lang="cy">{html.escape(csp["name_cy"])}</span>' if "name_cy" in csp else ""
        )
        assert f"### {csp['name']}" in markdown
        assert f'<h2 id="csp-{csp["id"]}-heading">{html.escape(csp["name"])}{welsh}</h2>' in page
        for contact in csp.get("contacts", []):
            for field in ("name", "role", "email", "phone"):
                if contact.get(field):
                    assert contact[field] in markdown
                    assert html.escape(contact[field]) in page
        for meeting in csp.get("meetings", []):
            row = f"| {long_date(meeting['date'])}"
            assert any(
                line.startswith(row) and meeting["body"] in line for line in markdown.splitlines()
            ), meeting
            assert f'<time datetime="{meeting["date"].isoformat()}">' in page
        for item in csp.get("timetable", []):
            assert item["document"] in markdown
            assert html.escape(item["document"]) in page


def test_overview_counts_tiers_agreement_and_the_year_ahead(at_root):
    markdown = pack()
    assert (
        "7 community safety partnerships: 3 district, 1 unitary, 1 county strategy group, "
        "1 Welsh local authority and 1 merged partnership." in markdown
    )
    # Every partnership has a domestic abuse priority in the example area (egdon, which
    # merged into Melchester's in April 2026, is not introduced).
    assert "- **domestic abuse**: 7 of 7 (all)" in markdown
    assert (
        "- **P2** Tackle violence against women and girls / Mynd i'r afael â thrais yn erbyn "
        "menywod a merched: 7 of 7 (all)" in markdown
    )
    # The county group leaves neighbourhood crime to the districts (its regard record says
    # so): its countryside-crime priority mentions farm machinery theft, which is rural
    # crime, not neighbourhood crime.
    assert "- **P1** Cut neighbourhood crime and anti-social behaviour: 6 of 7 (" in markdown
    assert "**P9** An efficient police service that gives value for money (0 of 7)" in markdown
    # The year ahead: from the as-of date, in date order, past items left out.
    year = markdown.split("### The year ahead")[1].split("## The partnerships")[0]
    dates = re.findall(r"^\| (\d+ \w+ \d{4}) \|", year, flags=re.M)
    assert dates[0] == "3 December 2026" and dates[-1] == "31 August 2027"
    assert "16 October 2026" not in year  # Sandbourne's assessment, already done


def test_each_priority_shows_its_best_objective_status_and_why(at_root):
    markdown = pack()
    budmouth = markdown.split("### Budmouth Community Safety Partnership")[1].split("\n### ")[0]
    row = next(line for line in budmouth.splitlines() if line.startswith("| **B3**"))
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    assert cells[0] == "**B3** Domestic abuse and stalking"
    assert cells[1] == "P2 Tackle violence against women and girls"
    assert cells[2] == "✔ Aligned"
    assert "part of violence against women and girls" in cells[3]
    # Regard records and an objective nothing matches read in words, not symbols alone.
    shire = markdown.split("### Wessex Shire Community Safety Strategy Group")[1]
    assert "| **W6** Preventing people being drawn into terrorism | None; the closest is " in shire
    assert "| – No objective matches |" in shire


def test_shared_themes_are_counted_by_partnership_not_by_priority(write):
    plan = MINIMAL_PLAN
    north = MINIMAL_CSP.replace(
        "    description: Increase reporting and repeat-victim support   # optional\n",
        "  - id: N2\n    title: Domestic abuse in rural areas\n",
    )
    south = (
        MINIMAL_CSP.replace("id: northdown", "id: southdown")
        .replace("name: Northdown", "name: Southdown")
        .replace("Domestic abuse and stalking", "Tackling domestic abuse")
    )
    east = (
        MINIMAL_CSP.replace("id: northdown", "id: eastdown")
        .replace("name: Northdown", "name: Eastdown")
        .replace("Domestic abuse and stalking", "Road safety")
        .replace("Increase reporting and repeat-victim support", "Speeding in villages")
    )
    write("plan.yaml", plan)
    write("csps/north.yaml", north)
    write("csps/south.yaml", south)
    write("csps/east.yaml", east)
    result = run("pack", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 0, result.stderr
    # Two partnerships, three priorities: the theme is held by 2 of 3 partnerships.
    assert "- **domestic abuse**: 2 of 3 (" in result.stdout
    assert "Held by one partnership only: " in result.stdout
    assert "road safety" in result.stdout.split("Held by one partnership only: ")[1]


def test_minimal_area_says_plainly_what_is_not_recorded(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/northdown.yaml", MINIMAL_CSP)
    result = run("pack", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 0, result.stderr
    markdown = result.stdout
    for plain in (
        "1 community safety partnership: 1 tier not recorded.",
        "No theme is shared: no two partnerships hold a priority on the same theme.",
        "No meetings or documents are recorded for the year ahead.",
        "- **Tier:** Not recorded",
        "- **Area:** Not recorded",
        "#### Key contacts\n\nNo contacts recorded.",
        "#### Responsible authorities\n\nNot recorded.",
        "#### Calendar of meetings\n\nNo meetings recorded.",
        "#### Document production timetable\n\nNo documents recorded.",
    ):
        assert plain in markdown
    page_html = run("pack", "plan.yaml", "csps", *AS_OF, "--format", "html").stdout
    assert_accessible(page_html)
    for plain in ("No contacts recorded.", "No meetings recorded.", "No documents recorded."):
        assert plain in page_html


HOSTILE = """\
kind: community-safety-partnership
id: northdown
name: Northdown <script>alert(1)</script> | CSP
force_area: Wessex
tier: district
local_authorities: [Northdown | District Council]
responsible_authorities:
  chief_officer_of_police: {taking_part: true, representative: "Insp <b>Bold</b> | Jones"}
priorities:
  - id: N1
    title: Domestic abuse | <img src=x onerror=alert(1)>
contacts:
  - name: Jo <script>x</script> Smith
    role: Officer | Lead
    email: jo@northdown.example.gov.uk
meetings:
  - date: 2026-12-01
    body: Board | <i>Executive</i>
timetable:
  - document: Plan *refresh* | 2027
    due: 2027-03-01
"""


def test_user_text_is_escaped_in_html_and_markdown(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/northdown.yaml", HOSTILE)
    page_html = run("pack", "plan.yaml", "csps", *AS_OF, "--format", "html").stdout
    assert "<script>" not in page_html and "<img" not in page_html and "<b>Bold" not in page_html
    assert "Northdown &lt;script&gt;alert(1)&lt;/script&gt; | CSP" in page_html
    assert_accessible(page_html)
    markdown = run("pack", "plan.yaml", "csps", *AS_OF).stdout
    assert not re.search(r"(?<!\\)<(script|/script|img|b|i)\b", markdown), "HTML is escaped"
    assert r"### Northdown \<script\>alert(1)\</script\> \| CSP" in markdown
    # Every table row keeps its columns: an escaped | does not split a cell.
    for line in markdown.splitlines():
        if line.startswith("| Jo "):
            assert len(re.split(r"(?<!\\)\|", line)) == 7  # 5 cells and the two edges
        if line.startswith("| 1 December 2026 | Board"):  # the partnership's calendar
            assert len(re.split(r"(?<!\\)\|", line)) == 6
        if line.startswith("| 1 December 2026 | Northdown"):  # the year ahead
            assert len(re.split(r"(?<!\\)\|", line)) == 5
    assert r"Plan \*refresh\* \| 2027" in markdown


def test_html_is_self_contained_accessible_and_prints_as_a_booklet(at_root):
    page_html = pack("--format", "html")
    page = assert_accessible(page_html)
    assert page.headings[:3] == [1, 2, 2]
    # One partnership per printed page.
    assert re.search(r"\.partnership \{ break-before: page; \}", page_html)
    assert page_html.count('class="partnership"') == 7
    # Status in words, not colour alone.
    for word in ("Aligned", "Partly aligned", "No objective matches"):
        assert re.search(
            rf'<span class="tag status-\w+"><span class="sym" aria-hidden="true">.</span> {word}</span>',
            page_html,
        ), word
    assert '<span class="sym" aria-hidden="true">✘</span> No</span>' in page_html
    assert "http://" not in page_html.replace("http://www.w3.org", "")


@pytest.mark.slow  # repeated whole runs
def test_output_is_byte_identical_across_runs(at_root):
    assert pack() == pack()
    assert pack("--format", "html") == pack("--format", "html")


def test_exit_codes(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/northdown.yaml", MINIMAL_CSP)
    assert run("pack", "plan.yaml", "csps", *AS_OF).exit_code == 0
    written = run(
        "pack", "plan.yaml", "csps", *AS_OF, "--format", "html", "--output", "out/pack.html"
    )
    assert written.exit_code == 0 and written.stdout == ""
    assert Path("out/pack.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # 2: the command was used wrongly.
    assert run("pack", "missing.yaml", "csps").exit_code == 2
    assert run("pack", "plan.yaml", "csps", "--as-of", "22/11/2026").exit_code == 2
    assert run("pack", "plan.yaml", "csps", "--format", "json").exit_code == 2
    assert run("pack", "plan.yaml", "csps", "--output", "plan.yaml").exit_code == 2
    assert Path("plan.yaml").read_text(encoding="utf-8") == MINIMAL_PLAN
    # 3: an input document is invalid, and the problems are listed on stderr.
    write(
        "csps/broken.yaml",
        MINIMAL_CSP.replace("id: northdown", "id: broken").replace("priorities:", "priorites:"),
    )
    invalid = run("pack", "plan.yaml", "csps", *AS_OF)
    assert invalid.exit_code == 3
    assert invalid.stdout == ""
    assert "broken.yaml" in invalid.stderr
