"""Notes on stderr without rich's console: the same bytes rich would write, and rich still
used wherever it would style anything (a terminal, --color always, FORCE_COLOR)."""

from __future__ import annotations

import io
import random
import sys

import pytest
from rich.console import Console
from rich.text import Text

from alignkit.notes import Notes, plain_will_do

AWKWARD = [
    "",
    "checked 6 CSPs against Wessex Police and Crime Plan 2025-2029: 2 errors",
    "[bold]not markup[/] :warning: not an emoji",
    "bell\x07 backspace\x08 vt\x0b ff\x0c cr\r escape\x1b[2J nul\x00 del\x7f c1\x85",
    "line one\nline two\n",
    "  trailing spaces   ",
    "wide ｗｉｄｅ 🙂 combining e\u0301 zero\u200bwidth \u2028 separator",
    "x" * 300,
    "tab\there",
]


def _rich(content: object, end: str) -> str:
    """What the console ``cli._console`` builds writes for stderr that is not a terminal."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, soft_wrap=True, highlight=False, markup=False, emoji=False, width=80
    )
    console.print(content, end=end)
    return buffer.getvalue()


def _plain(content: str | Text, end: str, monkeypatch: pytest.MonkeyPatch) -> str:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    made: list[Console] = []

    def console() -> Console:
        made.append(Console(file=stderr, soft_wrap=True, highlight=False, markup=False, width=80))
        return made[-1]

    Notes(console, plain=True).print(content, end=end)
    return stderr.getvalue()


@pytest.mark.parametrize("text", AWKWARD)
@pytest.mark.parametrize("end", ["\n", ""])
def test_plain_notes_are_the_bytes_rich_writes(text, end, monkeypatch):
    assert _plain(text, end, monkeypatch) == _rich(text, end)


def test_plain_notes_match_rich_on_random_text(monkeypatch):
    """Any character mix, not just the listed ones (tabs and C0/C1 controls included)."""
    alphabet = [chr(c) for c in range(0x250)] + ["\t", "🙂", "ｗ", "\u0301", "\u2028", "[b]"]
    chooser = random.Random(11)
    for _ in range(500):
        text = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 120)))
        assert _plain(text, "\n", monkeypatch) == _rich(text, "\n"), repr(text)


def test_styled_text_goes_through_the_console(monkeypatch):
    made = []

    def console() -> Console:
        made.append(Console(file=io.StringIO()))
        return made[-1]

    notes = Notes(console, plain=True)
    notes.print("plain")
    assert made == []  # no console for plain text
    notes.print(Text("styled", style="bold"))
    assert len(made) == 1


@pytest.mark.parametrize(
    ("forced", "environ", "expected"),
    [
        (False, {}, True),
        (True, {}, False),  # --color always
        (False, {"FORCE_COLOR": "1"}, False),
        (False, {"FORCE_COLOR": ""}, False),  # rich reads it, so rich decides
        (False, {"TTY_COMPATIBLE": "1"}, False),
        (False, {"NO_COLOR": "1"}, True),
    ],
)
def test_plain_only_where_rich_would_not_style(forced, environ, expected, monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal
    assert plain_will_do(forced, environ) is expected


def test_a_terminal_gets_rich(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    assert plain_will_do(False, {}) is False
