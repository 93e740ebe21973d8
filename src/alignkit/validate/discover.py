"""Expand the paths given on the command line into the YAML files to read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import AlignkitError

YAML_SUFFIXES = (".yaml", ".yml")


class UsageError(AlignkitError):
    """A problem with how alignkit was called (exit code 2), not with a document."""


def same_file_key(path: Path) -> str:
    """A key that is equal for two names of one file, and never raises: os.path.realpath
    stops at a link loop where Path.resolve() raises RuntimeError."""
    return os.path.realpath(path)


def discover(paths: list[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """Return (files, empty folders, folders that could not be listed). Folders are searched
    recursively, in a stable order.

    Hidden folders (.git, .venv, …) are skipped, and symbolic links to folders are not
    followed, so a link loop cannot make alignkit run forever.
    """
    files: list[Path] = []
    empty: list[Path] = []
    unreadable: list[Path] = []
    for given in paths:
        if is_folder(given):
            found = _walk(given, unreadable)
            if not found and not unreadable:
                empty.append(given)
            files.extend(found)
        else:
            files.append(given)
    unique: list[Path] = []
    seen: set[str] = set()
    # The same files in any order on the command line give the same report.
    for path in sorted(files, key=lambda p: p.as_posix()):
        key = same_file_key(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, empty, sorted(set(unreadable))


def is_folder(given: Path) -> bool:
    """Whether ``given`` is a folder; UsageError when it is not there or cannot be looked
    at (a name longer than the file system allows, a link loop)."""
    try:
        info = os.stat(given)
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(given):
            return False  # a dangling link: reported as that file, where it is
        raise UsageError(f"{given}: no such file or folder") from None
    except OSError as exc:
        if os.path.islink(given):
            return False  # a link loop: reported as that file, where it is
        raise UsageError(f"{given}: cannot be read: {exc.strerror or exc}") from None
    return stat.S_ISDIR(info.st_mode)


def _walk(folder: Path, unreadable: list[Path] | None = None) -> list[Path]:
    found: list[Path] = []

    def note(error: OSError) -> None:
        # os.walk skips a folder it cannot list; say so rather than check less than asked.
        if unreadable is not None and error.filename is not None:
            unreadable.append(Path(error.filename))

    for root, dirs, names in os.walk(folder, followlinks=False, onerror=note):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(names)
            if name.lower().endswith(YAML_SUFFIXES) and not name.startswith(".")
        )
    return sorted(found, key=lambda p: p.as_posix())
