"""Every HTML page alignkit writes for the example area, in real headless Chromium.

UK public-sector pages must meet WCAG 2.2 AA, and these are read at 400% zoom, in Windows
contrast themes and on paper as often as at a desk. So, for the report, the calendar, the
welcome pack and the summary: axe-core finds nothing at 1280 and 320 CSS px; nothing
scrolls the page sideways at 320 px; at 640 px (200% zoom) a page is no more than twice
as tall as at 1280 px; the charts' words and marks stay visible in forced colours and
dark mode; and each page prints on A4, the pack numbered with each partnership on a page
of its own.

Chromium and axe-core come from `make browser` (run by `make test`). Without them these
tests skip with the reason, and fail under CI=true: they never pass by not running.
"""

from __future__ import annotations

import io
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser import Browser, Layout, chromium, described, missing
from conftest import ROOT, run

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WESSEX = ROOT / "examples" / "wessex"
PARTNERSHIPS = [
    csp["name"]
    for csp in (
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((WESSEX / "csps").glob("*.yaml"))
    )
    # the pack introduces the partnerships as they stand on the as-of date (egdon merged
    # into Melchester's in April 2026)
    if not (csp.get("successor") and str(csp["successor"]["date"]) <= "2026-11-22")
]
COMMANDS = {
    "report": ["check", "--fail-on", "never"],
    "calendar": ["calendar"],
    "pack": ["pack"],
    "summary": ["summary"],
}
A4 = (595.28, 841.89)
"""An A4 page in PDF points."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    reason = missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests cannot run: {reason}", pytrace=False)
        pytest.skip(f"the browser tests cannot run: {reason}")
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The four pages, written by the CLI as a user would write them."""
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for name, command in COMMANDS.items():
        out = folder / f"{name}.html"
        args = [*command, str(WESSEX / "plan.yaml"), str(WESSEX / "csps")]
        result = run(*args, "--as-of", "2026-11-22", "--format", "html", "--output", str(out))
        assert result.exit_code == 0, result.stderr
        written[name] = out
    return written


WIDTHS = [1280, 320]
"""A desk, and 400% zoom (WCAG 1.4.10 reflow)."""


@pytest.fixture(scope="module")
def audits(
    browser: Browser, pages: dict[str, Path]
) -> dict[tuple[str, int], tuple[list[dict[str, Any]], Layout]]:
    """axe-core on every page at every width, all at once (one renderer each, in parallel)."""
    opened = {
        (name, width): browser.open(path, width)
        for name in pages
        for width in WIDTHS
        for path in [pages[name]]
    }
    try:
        for page in opened.values():
            browser.start_axe(page)
        return {
            key: (browser.axe_violations(page), browser.layout(page))
            for key, page in opened.items()
        }
    finally:
        for page in opened.values():
            page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_axe_finds_no_violation_and_nothing_scrolls_sideways(
    audits: dict[tuple[str, int], tuple[list[dict[str, Any]], Layout]], name: str, width: int
) -> None:
    violations, layout = audits[name, width]
    assert described(violations) == []
    assert layout.scroll_width <= layout.client_width, f"{name} scrolls sideways at {width} px"
    assert layout.cut_captions == []


@pytest.mark.parametrize("name", list(COMMANDS))
def test_at_200_percent_zoom_a_page_is_at_most_twice_as_tall(
    browser: Browser, pages: dict[str, Path], name: str
) -> None:
    with browser.page(pages[name], 1280) as page:
        desk = browser.layout(page).height
        page.set_viewport_size({"width": 640, "height": 900})
        zoomed = browser.layout(page)
    assert zoomed.scroll_width <= zoomed.client_width
    assert zoomed.height <= 2 * desk, f"{name}: {zoomed.height} px at 640, {desk} at 1280"


CONTRASTS = """() => {
  const rgb = (s) => {
    const m = /^rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)$/.exec(s);
    return m && (m[4] === undefined || Number(m[4]) > 0) ? m.slice(1, 4).map(Number) : null;
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    if (!a) return 0;
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const ground = rgb(getComputedStyle(document.body).backgroundColor) || [255, 255, 255];
  const best = (el) => {
    const style = getComputedStyle(el);
    return Math.max(ratio(rgb(style.fill), ground), ratio(rgb(style.stroke), ground));
  };
  const texts = [...document.querySelectorAll('svg text')]
    .map((t) => [t.textContent.trim(), ratio(rgb(getComputedStyle(t).fill), ground)]);
  const marks = [...document.querySelectorAll('svg .bar, svg .mark > *, .key svg')]
    .map((el) => [el.outerHTML.slice(0, 80),
                  el.matches('.key svg') ? Math.max(...[...el.children].map(best)) : best(el)]);
  return {texts, marks};
}"""


@pytest.mark.parametrize("mode", ["forced-colours", "dark"])
@pytest.mark.parametrize("name", ["calendar", "summary"])
def test_chart_labels_and_marks_stay_visible_in_contrast_themes_and_dark_mode(
    browser: Browser, pages: dict[str, Path], name: str, mode: str
) -> None:
    forced = mode == "forced-colours"
    # A Windows high-contrast black theme is forced colours on a dark scheme.
    with browser.page(pages[name], 1280, forced_colors=forced, dark=True) as page:
        found = page.evaluate(CONTRASTS)
    assert found["texts"], "the chart has no labels to check"
    faint_texts = [(text, round(r, 2)) for text, r in found["texts"] if r < 4.5]
    faint_marks = [(mark, round(r, 2)) for mark, r in found["marks"] if r < 3]
    assert faint_texts == []
    assert faint_marks == []


class Printed:
    """A page printed to PDF by Chromium: its sheets' sizes, and their text when asked
    (reading the text is the slow part, so only the tests that need it pay for it)."""

    def __init__(self, pdf: bytes) -> None:
        from pypdf import PdfReader

        self.sheets = PdfReader(io.BytesIO(pdf)).pages
        self._text: dict[int, str] = {}

    def sizes(self) -> set[tuple[int, int]]:
        return {(round(s.mediabox.width), round(s.mediabox.height)) for s in self.sheets}

    def text(self, index: int) -> str:
        if index not in self._text:
            self._text[index] = self.sheets[index].extract_text()
        return self._text[index]


@pytest.fixture(scope="module")
def printed(browser: Browser, pages: dict[str, Path]) -> dict[str, Printed]:
    return {name: Printed(browser.pdf(path)) for name, path in pages.items()}


@pytest.mark.parametrize(
    ("name", "landscape", "fewest", "most"),
    [
        ("report", False, 14, 22),
        ("calendar", True, 6, 14),
        ("pack", False, 8, 10),  # the overview, then one page for each of seven partnerships
        ("summary", False, 14, 24),
    ],
)
def test_every_page_prints_on_a4_within_its_page_count(
    printed: dict[str, Printed], name: str, landscape: bool, fewest: int, most: int
) -> None:
    width, height = (A4[1], A4[0]) if landscape else A4
    assert printed[name].sizes() == {(round(width), round(height))}
    assert fewest <= len(printed[name].sheets) <= most


@pytest.mark.parametrize("name", list(COMMANDS))
def test_printed_pages_are_numbered(printed: dict[str, Printed], name: str) -> None:
    doc = printed[name]
    total = len(doc.sheets)
    # Every sheet of the pack; the first and last of the others.
    sheets = range(total) if name == "pack" else sorted({0, total - 1})
    for index in sheets:
        assert f"Page {index + 1} of {total}" in doc.text(index)


def test_each_partnership_of_the_printed_pack_starts_a_page(printed: dict[str, Printed]) -> None:
    pack = printed["pack"]
    # The first line of a sheet's text that is not its page number.
    openings = [
        next(
            line
            for line in pack.text(i).splitlines()
            if line.strip() and not line.startswith("Page ")
        )
        for i in range(len(pack.sheets))
    ]
    # a heading may go on with the Welsh name after the English ('… / Partneriaeth …')
    starts = sorted(
        next(i for i, line in enumerate(openings) if line.startswith(name)) for name in PARTNERSHIPS
    )
    # One page each: the next partnership starts on the very next page.
    assert [b - a for a, b in itertools.pairwise(starts)] == [1] * (len(starts) - 1), openings


def test_printed_links_show_their_addresses(printed: dict[str, Printed]) -> None:
    pack = printed["pack"]
    text = re.sub(r"\s+", "", "".join(pack.text(i) for i in range(len(pack.sheets))))
    assert "(https://www.budmouth.example.gov.uk/safer-communities)" in text
