"""The user's cache folder: work kept between runs that only makes them quicker.

Compiling the page templates costs about 60 ms on every HTML report, calendar, pack or
summary; jinja2 keeps the compiled templates (keyed by each template's source, so an
edited or upgraded template is compiled afresh). Nothing in the cache changes what a run
writes, and any trouble with it (missing, unwritable, full, corrupt, or not safely ours)
only means the work is done again.

The folder is ``$ALIGNKIT_CACHE_DIR`` when set (empty: no cache at all), else
``$XDG_CACHE_HOME/alignkit`` or ``~/.cache/alignkit``. Compiled templates are Python
code loaded with marshal and pickle, so the folder is used only when it is a real folder
(not a link) owned by this user and closed to everyone else; alignkit creates it so.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

ENVIRONMENT = "ALIGNKIT_CACHE_DIR"


def cache_root() -> Path | None:
    """The cache folder alignkit may use, or None (turned off, or no home to put it in)."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if base and os.path.isabs(base):
        return Path(base) / "alignkit"
    try:
        return Path.home() / ".cache" / "alignkit"
    except RuntimeError:  # no home directory can be found
        return None


def private_folder(name: str) -> Path | None:
    """``name`` under the cache folder, created if need be; None when it cannot be made or
    is not safely this user's alone."""
    root = cache_root()
    if root is None:
        return None
    folder = root / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    if sys.platform != "win32" and (
        info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o077
    ):
        return None
    return folder


def template_cache(version: str) -> jinja2.BytecodeCache | None:
    """A bytecode cache for this version's templates, or None."""
    import jinja2

    folder = private_folder(f"templates-{version}")
    if folder is None:
        return None

    class QuietCache(jinja2.FileSystemBytecodeCache):
        """jinja2's cache, where any failure only means compiling again."""

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a corrupt or foreign file: compile afresh
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):  # full or read-only: compile again next time
                super().dump_bytecode(bucket)

    return QuietCache(str(folder))
