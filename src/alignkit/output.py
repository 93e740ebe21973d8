"""The one place reports are written: stdout, or a file written atomically.

A report must never replace one of the documents it was made from, and a half-written
file must never be left behind (a published report is read by panel members). A file is
alignkit's own only when it starts the way one of alignkit's formats starts (each format
registers its signature in the output registry): a README or a workflow that merely
mentions alignkit is a user's file, replaced only with ``force``. Pipes and devices are
written as streams, never replaced, and never waited on.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TypeAlias

from .errors import AlignkitError
from .registry import container_members, is_alignkit_container, is_alignkit_output


class OutputError(AlignkitError):
    """The report cannot be written where asked (exit code 2)."""


Content: TypeAlias = str | bytes | Iterable[str]
"""A report's text, whole or as pieces written as they are made (a force area's JSON report
is tens of megabytes, never held whole in memory), or a binary file's bytes."""


def _pieces(content: str | Iterable[str]) -> Iterable[str]:
    return (content,) if isinstance(content, str) else content


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_BUFFER = 1 << 20
"""Bytes gathered before each write to a report file."""

_SIGNATURE_BYTES = 64 * 1024
"""How much of a file's head and tail is read to recognise one of alignkit's formats, and
the most of a zip member (an Office file's properties) read for the same purpose."""

_ZIP = b"PK\x03\x04"


def _our_container(target: Path) -> bool:
    """Whether the zip at ``target`` (an .xlsx or .docx) is one alignkit wrote: a member
    the registry names holds alignkit's signature. A member larger than any alignkit
    writes is never decompressed (a zip bomb named report.xlsx stays unopened)."""
    import zipfile  # only when a file to replace starts as a zip does

    try:
        with zipfile.ZipFile(target) as package:
            for member in container_members():
                try:
                    info = package.getinfo(member)
                except KeyError:
                    continue
                if info.file_size > _SIGNATURE_BYTES:
                    continue
                text = package.read(info).decode("utf-8", errors="replace")
                if is_alignkit_container(member, text):
                    return True
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
        return False
    return False


def _ours(target: Path, size: int) -> bool:
    """Whether the existing file at ``target`` is one alignkit wrote (or holds nothing)."""
    if size == 0:
        return True  # an empty file has nothing to lose (a GitHub run with no findings)
    try:
        with target.open("rb") as stream:
            head = stream.read(_SIGNATURE_BYTES)
            stream.seek(max(0, size - _SIGNATURE_BYTES))
            tail = stream.read(_SIGNATURE_BYTES)
    except OSError:
        return False
    if head.startswith(_ZIP):
        return _our_container(target)
    return is_alignkit_output(
        head.decode("utf-8", errors="replace"),
        tail.decode("utf-8", errors="replace"),
    )


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "the path is a loop of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "a name in the path is too long for the file system (255 bytes at most)"
    return str(exc.strerror or exc)


def _stat(target: Path) -> os.stat_result | None:
    """The file at ``target`` (links followed), None when there is none yet."""
    try:
        return target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_why(exc)}") from None


def _same_file(info: os.stat_result, other: Path) -> bool:
    try:
        theirs = other.stat()
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino)


def _refuse_inputs(target: Path, info: os.stat_result | None, protected: Iterable[Path]) -> None:
    """An input is never replaced, however it is named (a link, `./`, a hard link)."""
    for path in protected:
        same = _same_file(info, Path(path)) if info is not None else False
        if same or os.path.abspath(target) == os.path.abspath(path):
            raise OutputError(
                f"{target} is one of the input documents or files (vocabulary, configuration); "
                "choose another output file"
            )


def to_stdout(content: Content) -> None:
    """Write to standard output; a closed pipe or a full disk is an OutputError.

    The terminal's encoding may not be UTF-8 (a Windows console, PYTHONIOENCODING=ascii):
    the command line sets stdout to replace what it cannot show (see `cli.main`).
    """
    if isinstance(content, bytes):  # publish.targets refuses this first; a last guard
        raise OutputError("a workbook or document cannot go to the screen: give --output FILE")
    try:
        for piece in _pieces(content):
            sys.stdout.write(piece)
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_gone()
        raise OutputError("standard output was closed before the report was written") from None
    except OSError as exc:
        stdout_gone()
        raise OutputError(f"cannot write to standard output: {_why(exc)}") from None


def stdout_gone() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _stream(content: Content, target: Path, info: os.stat_result) -> None:
    """Write to a pipe or character device (`/dev/null`, `/dev/stdout`) without replacing it.

    Opened without blocking: a pipe nobody reads is refused at once, not waited on.
    """
    if not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        raise OutputError(f"{target} is not a regular file, a pipe or a terminal; choose a file")
    try:
        handle = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{target} is a pipe that nothing is reading") from None
        raise OutputError(f"cannot write {target}: {_why(exc)}") from None
    try:
        if isinstance(content, bytes) and os.isatty(handle):
            raise OutputError(
                f"{target} is a terminal: a workbook or document is a file, give --output FILE"
            )
        os.set_blocking(handle, True)
        pieces = (content,) if isinstance(content, bytes) else _pieces(content)
        for piece in pieces:
            data = piece.encode("utf-8") if isinstance(piece, str) else piece
            while data:
                written = os.write(handle, data)
                data = data[written:]
    except BrokenPipeError:
        raise OutputError(f"{target} was closed before the report was written") from None
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_why(exc)}") from None
    finally:
        os.close(handle)


def write_report(
    content: Content,
    target: Path | None,
    protected: Iterable[Path] = (),
    *,
    force: bool = False,
) -> None:
    """Write ``content`` to ``target`` (stdout when None), atomically.

    Refuses, whatever ``force`` says, to write over an input file; refuses to replace an
    existing file that alignkit did not write unless ``force`` is given.
    """
    if target is None:
        to_stdout(content)
        return
    info = _stat(target)
    _refuse_inputs(target, info, protected)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target} is a folder; give a file name for the report")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _stream(content, target, info)
        return
    if info is not None and not force and not _ours(target, info.st_size):
        raise OutputError(
            f"{target} already exists and was not written by alignkit; choose another file, "
            "or give --force to replace it"
        )
    _replace(content, Path(os.path.realpath(target)) if info is not None else target)


def _replace(content: Content, target: Path) -> None:
    """Write to a temporary file beside ``target``, then move it into place.

    ``target`` is the real file (links resolved), so a link to a report stays a link.
    """
    import tempfile  # here, not at the top: a report to standard output needs none

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:200]}.", dir=target.parent)
        try:
            if isinstance(content, bytes):
                with os.fdopen(handle, "wb") as binary:
                    binary.write(content)
            else:
                # A large buffer: a report streamed in many pieces is tens of megabytes.
                with os.fdopen(
                    handle, "w", encoding="utf-8", newline="\n", buffering=_BUFFER
                ) as stream:
                    for piece in _pieces(content):
                        stream.write(piece)
            # mkstemp makes the file private; a report is for sharing, so use the usual mode.
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_why(exc)}") from None
