"""Reading a file's bytes into text, with clear diagnostics for what officers actually send.

Plan files are often pasted from Word or PDF, so the non-UTF-8 cases get specific help.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..codes import hint_for
from ..diagnostics import Diagnostic, Position, Severity
from ..errors import AlignkitError
from .limits import Limits

_UTF16_32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")
# Bytes 0x80-0x9F are control characters in Latin-1 but curly quotes, dashes and the
# euro sign in Windows-1252: their presence means text came from Word or similar.
_CP1252_MARKERS = frozenset(range(0x80, 0xA0))
# Tab, newline and carriage return are text; other C0 controls, DEL, the C1 range and
# U+FFFE are what binary data and corrupted pastes look like.
FORBIDDEN_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class SourceError(AlignkitError):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _error(
    code: str, message: str, path: str, position: Position | None = None, hint: str | None = None
) -> SourceError:
    return SourceError(
        Diagnostic(code, Severity.ERROR, message, path, position, hint or hint_for(code))
    )


def _byte_position(data: bytes, offset: int) -> Position:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Position(data.count(b"\n", 0, offset) + 1, column)


def read_text(path: Path, shown: str, limits: Limits) -> str:
    """Return the file's text, or raise SourceError with a located diagnostic."""
    try:
        info = path.stat()
        size = info.st_size
        if path.is_dir():
            raise _error("AK001", "this is a folder, not a file", shown)
        if not stat.S_ISREG(info.st_mode):
            # A named pipe or a device: open() could wait for ever for a writer.
            raise _error("AK001", "this is not a regular file (a pipe or a device)", shown)
        if size > limits.max_bytes:
            raise _error(
                "AK002",
                f"file is {size / 1024 / 1024:.1f} MiB; the limit is "
                f"{limits.max_bytes / 1024 / 1024:.0f} MiB",
                shown,
            )
        data = _read_capped(path, limits.max_bytes)
    except SourceError:
        raise
    except FileNotFoundError:
        raise _error("AK001", "file not found", shown) from None
    except PermissionError:
        raise _error("AK001", "permission denied: alignkit cannot read this file", shown) from None
    except OSError as exc:
        raise _error("AK001", f"cannot read file: {exc.strerror or exc}", shown) from None
    if len(data) > limits.max_bytes:
        raise _error("AK002", f"file is larger than {limits.max_bytes} bytes", shown)
    return decode(data, shown)


def _read_capped(path: Path, cap: int) -> bytes:
    """Read at most ``cap + 1`` bytes in small chunks.

    stat can be wrong for pipes and special files, and a single large read() would
    reserve the whole cap in memory up front.
    """
    chunks: list[bytes] = []
    total = 0
    with path.open("rb") as handle:
        while total <= cap and (chunk := handle.read(min(65536, cap + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


# YAML reads these as line breaks, so a title pasted from a PDF splits mid-sentence and the
# syntax error that follows would point somewhere unhelpful.
_LINE_SEPARATORS = re.compile("[\u2028\u2029\u0085]")


def _looks_like_utf16(data: bytes) -> bool:
    """Text of mostly ASCII saved as UTF-16 has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    zeros, text = (even, odd) if even.count(0) >= odd.count(0) else (odd, even)
    if zeros.count(0) < 0.4 * len(zeros):
        return False
    # The other half is the text itself: mostly printable ASCII, unlike a binary file's.
    printable = sum(1 for b in text if 32 <= b < 127 or b in (9, 10, 13))
    return printable >= 0.9 * len(text)


def decode(data: bytes, shown: str) -> str:
    if data.startswith(_UTF16_32_BOMS):
        raise _error("AK003", "file is UTF-16 or UTF-32 text, not UTF-8", shown, Position(1, 1))
    nul = data.find(b"\x00")
    if nul >= 0 and _looks_like_utf16(data):
        raise _error(
            "AK003",
            "file is UTF-16 text without a byte-order mark, not UTF-8",
            shown,
            Position(1, 1),
            "save the file as UTF-8 (Save As, Encoding: UTF-8)",
        )
    if nul >= 0:
        raise _error(
            "AK004",
            "file contains NUL bytes: it is not a text file",
            shown,
            _byte_position(data, nul),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Word's curly quotes and dashes (0x80-0x9F) say Windows-1252 wherever they are in
        # the file; a '£' alone is the same byte in Latin-1 and Windows-1252.
        if any(b in _CP1252_MARKERS for b in data):
            guess = "it looks like Windows-1252 text (as saved by Word or Excel)"
        else:
            guess = "it looks like Latin-1 (ISO-8859-1) text"
        raise _error(
            "AK003",
            f"byte 0x{data[exc.start]:02X} is not valid UTF-8: {guess}",
            shown,
            _byte_position(data, exc.start),
            "save the file as UTF-8 (Save As, Encoding: UTF-8); characters such as '£' and "
            "curly quotes will then be kept",
        ) from None
    separator = _LINE_SEPARATORS.search(text)
    if separator:
        index = separator.start()
        prefix = text[:index]
        raise _error(
            "AK004",
            f"the character U+{ord(text[index]):04X} (a line or paragraph separator, often "
            "pasted from a PDF) breaks the line here",
            shown,
            Position(prefix.count("\n") + 1, index - (prefix.rfind("\n") + 1) + 1),
            "delete it and type a space (or a real line break) instead",
        )
    forbidden = FORBIDDEN_CONTROL.search(text)
    if forbidden:
        index = forbidden.start()
        prefix = text[:index]
        raise _error(
            "AK004",
            f"control character U+{ord(text[index]):04X}: this does not look like a text file",
            shown,
            Position(prefix.count("\n") + 1, index - (prefix.rfind("\n") + 1) + 1),
        )
    return text


def display_path(path: Path) -> str:
    """The path as users should see it: relative to the working directory when inside it.

    A diagnostic line starts with its path, so a path that starts with anything but a
    letter, digit, '.', '_' or '/' is shown as ./path: a file named `::error::x.yaml`
    must not become a GitHub workflow command in a CI log.
    """
    if not path.is_absolute():
        return _defused(path.as_posix())
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return path.as_posix() if relative.startswith("..") else _defused(Path(relative).as_posix())


def _defused(shown: str) -> str:
    return shown if not shown or shown[0].isalnum() or shown[0] in "._/" else f"./{shown}"
