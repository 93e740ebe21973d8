"""The HTML report: one self-contained, accessible page with the same facts as the JSON report.

The whole page is compared with tests/golden/report.html (ALIGNKIT_UPDATE_GOLDEN=1
rewrites it); the tests below pin the facts and the accessibility a reader relies on.
"""

from __future__ import annotations

import re
from importlib.resources import files

import html_page
from alignkit.render.html import render_html
from test_render_markdown import NORTH, SOUTH, check, same_as_golden


class Page(html_page.Page):
    """The page's tables too: caption and rows of (tag, attributes, text) cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, object]] = []
        self._row: list[tuple[str, dict[str, str | None], str]] | None = None
        self._cell: list[str] | None = None
        self._cell_tag: tuple[str, dict[str, str | None]] = ("", {})
        self._caption: list[str] | None = None

    def started(self, tag, attributes):
        if tag == "table":
            self.tables.append({"class": attributes.get("class"), "caption": "", "rows": []})
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._row = []
        elif tag in ("th", "td"):
            self._cell = []
            self._cell_tag = (tag, attributes)

    def ended(self, tag):
        if tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("th", "td") and self._cell is not None and self._row is not None:
            tag_name, attributes = self._cell_tag
            self._row.append((tag_name, attributes, " ".join("".join(self._cell).split())))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1]["rows"].append(self._row)  # type: ignore[union-attr]
            self._row = None

    def got_text(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


def parse(html: str) -> Page:
    return html_page.parse(html, Page())


def table(page: Page, css_class: str) -> dict[str, object]:
    return next(t for t in page.tables if t["class"] == css_class)


def test_html_report_matches_golden(in_tmp):
    same_as_golden("report.html", render_html(check(in_tmp)))


def test_page_is_self_contained_and_well_formed(in_tmp):
    html = render_html(check(in_tmp))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">\n')
    assert '<meta charset="utf-8">' in html
    parse(html)
    assert "<script" not in html
    assert "<link" not in html
    assert not re.search(r"\b(src|href)=\"(https?:)?//", html)
    assert "http://" not in html and "https://" not in html


def test_header_names_the_plan_force_area_and_date(in_tmp):
    html = render_html(check(in_tmp))
    assert "<h1>Wessex Police and Crime Plan</h1>" in html
    assert "<dt>Force area</dt><dd>Wessex</dd>" in html
    assert "<dt>Plan period</dt><dd>2025/26-2028/29</dd>" in html
    assert '<dt>As of</dt><dd><time datetime="2026-11-22">22 November 2026</time></dd>' in html


def test_summary_verdict(in_tmp):
    html = render_html(check(in_tmp))
    assert "<li>2 partnerships</li>" in html
    assert "1 unexplained gap: objectives a partnership neither addresses nor records why not." in (
        html
    )
    assert "<strong>1 error to resolve.</strong>" in html


def test_matrix_is_an_accessible_table_with_one_row_per_partnership(in_tmp):
    page = parse(render_html(check(in_tmp)))
    matrix = table(page, "matrix")
    assert matrix["caption"]
    header, *rows = matrix["rows"]
    assert [(tag, attrs.get("scope")) for tag, attrs, _ in header] == [("th", "col")] * 4
    assert [text for _, _, text in header] == [
        "Partnership",
        "P1 Cut anti-social behaviour",
        "P2 Tackle violence against women and girls",
        "P3 Fight rural crime",
    ]
    assert len(rows) == 2
    assert [(row[0][0], row[0][1].get("scope"), row[0][2]) for row in rows] == [
        ("th", "row", "Northdown CSP"),
        ("th", "row", "Southdown CSP"),
    ]
    # every state is a symbol and words, not only a colour
    assert [[text for _, _, text in row[1:]] for row in rows] == [
        ["✔ addressed by N1", "✔ addressed by N2", "✎ considered"],
        ["✔ addressed by S1", "~ partly addressed by S2", "✘ unexplained gap"],
    ]
    assert [row[3][1]["class"] for row in rows] == ["state-considered", "state-gap"]


def test_every_table_has_a_caption_and_scoped_headers(in_tmp):
    page = parse(render_html(check(in_tmp)))
    assert len(page.tables) >= 5
    for found in page.tables:
        assert found["caption"], found
    for tag, attributes in page.tags:
        if tag == "th":
            assert attributes.get("scope") in ("col", "row")


def test_coverage_table(in_tmp):
    page = parse(render_html(check(in_tmp)))
    rows = [[text for _, _, text in row] for row in table(page, "coverage")["rows"][1:]]
    assert rows == [
        ["P1 Cut anti-social behaviour", "2 of 2", "—", "—", "—"],
        [
            "P2 Tackle violence against women and girls",
            "1 of 2 Northdown CSP",
            "—",
            "Southdown CSP",
            "—",
        ],
        ["P3 Fight rural crime", "⚠ 0 of 2", "Northdown CSP", "—", "Southdown CSP"],
    ]


def test_gap_finding_with_code_location_and_hint(in_tmp):
    page = parse(render_html(check(in_tmp)))
    findings = [t for t in page.tables if t["class"] == "findings"]
    assert [t["caption"] for t in findings] == [
        "0 errors · 2 warnings · 0 info, in the order they appear in plan.yaml",
        "0 errors · 1 warning · 2 info, in the order they appear in csp0.yaml",
        "1 error · 3 warnings · 0 info, in the order they appear in csp1.yaml",
    ]
    gap = [text for _, _, text in findings[2]["rows"][1]]
    assert gap == [
        "Error",
        "AK301 Unexplained gap",
        "csp1.yaml:6:1",
        "Southdown CSP neither addresses P3 'Fight rural crime' nor records why not",
        "Add a priority that addresses it, or record the decision:"
        "regard: - objective: P3 reason: …",
    ]
    html = render_html(check(in_tmp))
    assert "<pre>regard:\n  - objective: P3\n    reason: …</pre>" in html


def test_priorities_with_best_objective_score_status_and_why(in_tmp):
    page = parse(render_html(check(in_tmp)))
    northdown = next(t for t in page.tables if t["class"] == "priorities")
    assert northdown["caption"] == (
        "Northdown CSP: each priority and the objective of the plan it best matches"
    )
    assert [[text for _, _, text in row] for row in northdown["rows"][1:]] == [
        [
            "N1 ASB hotspots",
            "P1 Cut anti-social behaviour",
            "90",
            "✔ aligned",
            "shared themes: N1 ↔ P1",
        ],
        [
            "N2 Domestic abuse",
            "P2 Tackle violence against women and girls",
            "80",
            "✔ aligned",
            "shared themes: N2 ↔ P2",
        ],
        [
            "N3 Road safety",
            "None; the closest is P1 Cut anti-social behaviour",
            "5",
            "– none",
            "little in common",
        ],
    ]


def test_user_text_is_escaped(in_tmp):
    north = NORTH.replace(
        "title: ASB hotspots", "title: '<script>alert(\"x\")</script> & <b>hot</b>spots'"
    ).replace("name: Northdown CSP", "name: 'Northdown <Eastdown> & \"Westdown\"'")
    html = render_html(check(in_tmp, [north, SOUTH]))
    assert "<script" not in html
    assert "<b>" not in html
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;hot&lt;/b&gt;spots" in html
    )
    assert "Northdown &lt;Eastdown&gt; &amp; &#34;Westdown&#34;" in html
    page = parse(html)
    priorities = next(t for t in page.tables if t["class"] == "priorities")
    assert priorities["rows"][1][0][2] == 'N1 <script>alert("x")</script> & <b>hot</b>spots'


def test_html_is_deterministic(in_tmp):
    first = render_html(check(in_tmp))
    second = render_html(check(in_tmp))
    assert first.encode() == second.encode()


def test_template_ships_inside_the_package():
    template = files("alignkit").joinpath("templates", "report.html.j2")
    assert template.is_file()
