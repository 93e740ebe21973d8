"""Expand the paths given on the command line into the YAML files to read."""

from __future__ import annotations

import os
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


class UsageError(Exception):
    """A problem with how alignkit was called (exit code 2), not with a document."""


def discover(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Return (files, empty folders). Folders are searched recursively, in a stable order.

    Hidden folders (.git, .venv, …) are skipped, and symbolic links to folders are not
    followed, so a link loop cannot make alignkit run forever.
    """
    files: list[Path] = []
    empty: list[Path] = []
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise UsageError(f"{given}: no such file or folder")
        if given.is_dir():
            found = _walk(given)
            if not found:
                empty.append(given)
            files.extend(found)
        else:
            files.append(given)
    unique: list[Path] = []
    seen: set[Path] = set()
    for path in files:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, empty


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(names)
            if name.lower().endswith(YAML_SUFFIXES) and not name.startswith(".")
        )
    return sorted(found, key=lambda p: p.as_posix())
