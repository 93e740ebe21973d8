"""The `alignkit` console script: Ctrl-C handled from the first moment.

The command line module imports typer and click, which takes a noticeable moment; an
interrupt then must print a sentence and exit 130, not a traceback. So the SIGINT handler
is installed here, before anything heavy is imported.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

from .errors import Interrupted

EXIT_INTERRUPTED = 130
"""128 + SIGINT, as shells report an interrupted command."""


def interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted


def main() -> None:
    signal.signal(signal.SIGINT, interrupt)
    try:
        from .cli import main as run

        run()
    except Interrupted:
        sys.stderr.write("alignkit: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
