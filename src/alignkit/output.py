"""The one place reports are written: stdout, or a file written atomically.

A report must never replace one of the documents it was made from, and a half-written
file must never be left behind (a published report is read by panel members).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import AlignkitError


class OutputError(AlignkitError):
    """The report cannot be written where asked (exit code 2)."""


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


MARK = "alignkit"
"""Every report names alignkit (HTML generator tag, JSON tool, text and Markdown headers),
so a file without the word was not written by alignkit."""


# GitHub workflow commands carry no room for a name, but their titles carry our codes.
_GITHUB_ANNOTATION = re.compile(rb"^::(?:error|warning|notice) [^\n]*title=AK\d{3}", re.M)


def _ours(target: Path) -> bool:
    try:
        with target.open("rb") as stream:
            head = stream.read(1 << 20)
    except OSError:
        return False
    return MARK.encode() in head or _GITHUB_ANNOTATION.search(head) is not None


def write_report(
    content: str, target: Path | None, protected: Iterable[Path] = (), *, force: bool = False
) -> None:
    """Write ``content`` to ``target`` (stdout when None), atomically.

    Refuses, whatever ``force`` says, to write over an input document; refuses to replace
    an existing file that alignkit did not write unless ``force`` is given.
    """
    if target is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    resolved = target.resolve()
    if any(resolved == Path(p).resolve() for p in protected):
        raise OutputError(f"{target} is one of the input documents; choose another output file")
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name for the report")
    if target.exists() and not force and not _ours(target):
        raise OutputError(
            f"{target} already exists and was not written by alignkit; choose another file, "
            "or give --force to replace it"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(content)
            # mkstemp makes the file private; a report is for sharing, so use the usual mode.
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
