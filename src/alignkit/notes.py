"""Notes on stderr (counts, progress, warnings), apart from the report on stdout.

Where stderr is a file or a pipe (CI logs, scripts, `2>notes.txt`) and colour is not
forced, nothing would be styled, so plain notes are written as they are, and rich's
console (about 0.04 s of CPU, with rich.text) is never imported. On a terminal, with
`--color always`, or with FORCE_COLOR or TTY_COMPATIBLE set (rich's own switches), rich's
console writes them. The two write the same bytes: rich drops the control characters BEL,
BS, VT, FF and CR from plain text, and so does the plain path; text with a tab (rich
expands it by cell width) and styled text go to rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.status import Status

_DROPPED = dict.fromkeys((0x07, 0x08, 0x0B, 0x0C, 0x0D))
"""The control characters rich removes from text it prints (rich.control)."""

_TERMINAL_SWITCHES = ("FORCE_COLOR", "TTY_COMPATIBLE")
"""Environment variables with which rich treats any stream as a terminal (or not)."""


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def plain_will_do(forced: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """True when rich would print notes to stderr unstyled: not forced, no terminal
    switch in the environment, and stderr not a terminal."""
    if forced or any(name in environ for name in _TERMINAL_SWITCHES):
        return False
    return not _is_terminal(sys.stderr)


class Notes:
    """Writes notes to stderr: plain when nothing would be styled, else through the rich
    console that ``make_console`` builds (only when first needed)."""

    def __init__(self, make_console: Callable[[], Console], *, plain: bool) -> None:
        self._make_console = make_console
        self._console: Console | None = None
        self._plain = plain

    @property
    def console(self) -> Console:
        if self._console is None:
            self._console = self._make_console()
        return self._console

    @property
    def is_terminal(self) -> bool:
        return False if self._plain else self.console.is_terminal

    def print(self, content: RenderableType, *, end: str = "\n", markup: bool = False) -> None:
        """``content`` and ``end`` on stderr; markup is always off (user text prints as
        written), the keyword is accepted as rich's ``print`` accepts it."""
        if self._plain and isinstance(content, str) and "\t" not in content:
            stream = sys.stderr
            stream.write(content.translate(_DROPPED) + end)
            stream.flush()
            return
        self.console.print(content, end=end, markup=markup)

    def status(self, message: str) -> Status:
        """A transient spinner (callers show it only when ``is_terminal``)."""
        return self.console.status(message)
