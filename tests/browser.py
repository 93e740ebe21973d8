"""alignkit's HTML pages opened in real headless Chromium, for the browser tests.

Chromium is the Debian package (`/usr/bin/chromium`, or $ALIGNKIT_CHROMIUM), driven by the
Python playwright package; axe-core comes from npm into `.cache/browser/` (`make browser`
puts both there). Nothing here downloads anything: when a piece is missing, `missing()`
says which and how to get it, and the tests fail under CI=true and skip elsewhere.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / ".cache" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
"""WCAG 2.2 A and AA, as the Public Sector Bodies Accessibility Regulations ask, and axe's
best practices."""

HOW = "run `make browser` (apt-get install chromium, npm install axe-core into .cache/browser)"


def chromium_path() -> str | None:
    return os.environ.get("ALIGNKIT_CHROMIUM") or shutil.which("chromium")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return f"the playwright package is not installed: pip install -e '.[dev]'; {HOW}"
    path = chromium_path()
    if path is None or not Path(path).is_file():
        return f"Chromium is not installed ({path or 'no chromium on PATH'}): {HOW}"
    if not AXE.is_file():
        return f"axe-core is not in {AXE.relative_to(ROOT)}: {HOW}"
    return None


@dataclass(frozen=True)
class Layout:
    """What a page looks like at one viewport width."""

    scroll_width: int
    client_width: int
    height: int
    cut_captions: list[str]
    """Table captions that run past the right edge of the window."""


class Browser:
    """One Chromium for the whole test session; each look at a page opens a fresh context."""

    def __init__(self, chromium: Any) -> None:
        self.chromium = chromium
        self.axe_source = AXE.read_text(encoding="utf-8")

    def open(
        self, path: Path, width: int = 1280, *, forced_colors: bool = False, dark: bool = False
    ) -> Any:
        """A page in a context of its own, left open: the caller closes ``page.context``."""
        # The pages forbid scripts by Content-Security-Policy; bypass_csp lets axe in.
        context = self.chromium.new_context(
            viewport={"width": width, "height": 900}, bypass_csp=True
        )
        page = context.new_page()
        page.emulate_media(
            forced_colors="active" if forced_colors else "none",
            color_scheme="dark" if dark else "light",
        )
        page.goto(path.resolve().as_uri())
        return page

    @contextmanager
    def page(
        self,
        path: Path,
        width: int = 1280,
        *,
        forced_colors: bool = False,
        dark: bool = False,
    ) -> Iterator[Any]:
        page = self.open(path, width, forced_colors=forced_colors, dark=dark)
        try:
            yield page
        finally:
            page.context.close()

    def start_axe(self, page: Any) -> None:
        """Start axe-core on the page and return at once: pages audited side by side run in
        their own renderer processes, in parallel (axe takes seconds on a long page)."""
        page.add_script_tag(content=self.axe_source)
        page.evaluate(
            "(t) => { window.axeResult = axe.run(document, {runOnly: {type: 'tag', values: t}}); }",
            AXE_TAGS,
        )

    def axe_violations(self, page: Any) -> list[dict[str, Any]]:
        """axe-core's violations on a page started with start_axe, each with its nodes."""
        violations: list[dict[str, Any]] = page.evaluate(
            "async () => (await window.axeResult).violations"
        )
        return violations

    def layout(self, page: Any) -> Layout:
        size = page.evaluate(
            """() => {
              const root = document.documentElement;
              const cut = [...document.querySelectorAll('caption')]
                .filter((c) => c.getBoundingClientRect().right > root.clientWidth + 1)
                .map((c) => c.textContent);
              return [root.scrollWidth, root.clientWidth, root.scrollHeight, cut];
            }"""
        )
        return Layout(*size)

    def pdf(self, path: Path) -> bytes:
        with self.page(path) as page:
            pdf: bytes = page.pdf(prefer_css_page_size=True, print_background=True)
            return pdf


@contextmanager
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        try:
            yield Browser(browser)
        finally:
            browser.close()


def described(violations: list[dict[str, Any]]) -> list[str]:
    """axe's violations in a line each, for an assertion message a person can act on."""
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['help']}; first at "
        f"{v['nodes'][0]['target']}"
        for v in violations
    ]
