"""The four HTML pages share one base template and stylesheet (templates/base.html.j2 and
base.css): the structure that keeps them usable by keyboard, at 400% zoom, in contrast
themes and on paper. Read from the example area's golden pages, so every page is held to
it; tests/test_browser_pages.py checks the same pages in a real browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import html_page
from alignkit.markup import breakable_email
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
PAGES = {
    "report": GOLDEN / "wessex" / "report.html",
    "calendar": GOLDEN / "calendar.html",
    "pack": GOLDEN / "pack.html",
    "summary": GOLDEN / "summary.html",
}
TEMPLATES = ROOT / "src" / "alignkit" / "templates"


class Regions(html_page.Page):
    """Each scrolling wrapper, and the ids of the captions and headings on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.wrappers: list[dict[str, str | None]] = []
        self.ids: dict[str, str] = {}

    def started(self, tag: str, attributes: dict[str, str | None]) -> None:
        if (attributes.get("class") or "").split()[:1] in (["table-wrap"], ["chart-wrap"]):
            self.wrappers.append(attributes)
        if attributes.get("id"):
            self.ids[attributes["id"] or ""] = tag


def read(name: str) -> tuple[str, Regions]:
    html = PAGES[name].read_text(encoding="utf-8")
    return html, html_page.parse(html, Regions())


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_extends_the_base_and_carries_its_stylesheet(name: str) -> None:
    html, page = read(name)
    base_css = (TEMPLATES / "base.css").read_text(encoding="utf-8")
    assert base_css.strip() in html
    assert len(page.named("style")) == 1
    # The page's own rules are few: the shared stylesheet holds the rest.
    template = (TEMPLATES / f"{name}.html.j2").read_text(encoding="utf-8")
    assert template.startswith('{% extends "base.html.j2" %}')
    assert not re.search(r"<(style|head)[\s>]", template)


@pytest.mark.parametrize("name", list(PAGES))
def test_a_skip_link_leads_to_the_main_content(name: str) -> None:
    _, page = read(name)
    first_link = page.named("a")[0]
    assert first_link == {"class": "skip-link", "href": "#main"}
    assert page.ids["main"] == "main"


@pytest.mark.parametrize("name", list(PAGES))
def test_every_scrolling_region_is_named_and_takes_the_keyboard_focus(name: str) -> None:
    _, page = read(name)
    assert page.wrappers, "no table on the page"
    for wrapper in page.wrappers:
        assert wrapper["role"] == "region" and wrapper["tabindex"] == "0", wrapper
        label = wrapper["aria-labelledby"] or ""
        assert page.ids.get(label) in ("caption", "title"), wrapper


@pytest.mark.parametrize("name", list(PAGES))
def test_colour_never_carries_meaning_alone_in_the_stylesheet(name: str) -> None:
    """Charts take their colours from custom properties, which the contrast-theme and dark
    blocks redefine: no colour is written into an SVG attribute, where they cannot reach."""
    html, _ = read(name)
    assert not re.search(r'\s(fill|stroke)="#', html)


def test_the_focus_style_is_the_gov_uk_one_everywhere() -> None:
    css = (TEMPLATES / "base.css").read_text(encoding="utf-8")
    assert "--focus: #ffdd00" in css and ":focus-visible" in css
    for name in PAGES:
        template = (TEMPLATES / f"{name}.html.j2").read_text(encoding="utf-8")
        assert "focus" not in template, f"{name} styles focus on its own"


def test_print_styles_ask_for_a4_page_numbers_and_link_addresses() -> None:
    css = (TEMPLATES / "base.css").read_text(encoding="utf-8")
    assert re.search(r"@page \{\s*size: A4;", css)
    assert 'counter(page) " of " counter(pages)' in css
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"' in css


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        (
            "community.safety@budmouth.example.gov.uk",
            "community.<wbr>safety@<wbr>budmouth.<wbr>example.<wbr>gov.<wbr>uk",
        ),
        ("a<b>@x", "a&lt;b&gt;@<wbr>x"),
        ("nobody", "nobody"),
    ],
)
def test_email_addresses_break_only_after_at_signs_and_dots(address: str, shown: str) -> None:
    assert str(breakable_email(address)) == shown


def test_pages_have_no_path_of_their_own_to_the_stylesheet() -> None:
    """base.css is inlined (the pages are single files that forbid loading anything)."""
    for path in PAGES.values():
        assert "base.css" not in Path(path).read_text(encoding="utf-8")
