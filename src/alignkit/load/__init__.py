"""load: files on disk to plain values with positions, and every failure as a diagnostic."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ..codes import hint_for
from ..diagnostics import Diagnostic, Position, Severity
from .compose import ComposeError, NodeLocation, PathKey, compose
from .limits import DEFAULT_LIMITS, Limits
from .source import SourceError, display_path, read_text

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "NodeLocation",
    "PathKey",
    "SourceFile",
    "display_path",
    "load_source",
]


class SourceFile(NamedTuple):
    """One file as read: its values (None when unreadable), their positions, and problems."""

    path: Path
    shown: str
    data: dict[str, Any] | None
    locations: dict[PathKey, NodeLocation]
    diagnostics: list[Diagnostic]

    def position(self, path: PathKey, *, key: bool = False) -> Position | None:
        """Where ``path`` is in the file; the nearest enclosing node when it is not there."""
        for end in range(len(path), -1, -1):
            location = self.locations.get(path[:end])
            if location is not None:
                if key and end == len(path) and location.key is not None:
                    return location.key
                return location.value
        return None


def _only_markers_and_comments(text: str) -> bool:
    """Nothing but '---', '...', comments and blank lines: an empty document."""
    return all(
        not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "...")
        for line in text.splitlines()
    )


def load_source(
    path: Path, limits: Limits = DEFAULT_LIMITS, shown: str | None = None
) -> SourceFile:
    shown = shown or display_path(path)
    try:
        text = read_text(path, shown, limits)
        composed = compose(text, shown, limits)
    except (SourceError, ComposeError) as exc:
        return SourceFile(path, shown, None, {}, [exc.diagnostic])
    if composed.data is None and _only_markers_and_comments(text):
        # Only '---' and comments: an empty document, not plain text.
        problem = Diagnostic(
            "AK005",
            Severity.ERROR,
            "the file holds no YAML content",
            shown,
            None,
            hint_for("AK005"),
        )
        return SourceFile(path, shown, None, {}, [*composed.diagnostics, problem])
    if not isinstance(composed.data, dict):
        kind = "a list" if isinstance(composed.data, list) else "plain text"
        problem = Diagnostic(
            "AK013",
            Severity.ERROR,
            f"the document is {kind}, not a mapping",
            shown,
            composed.locations[()].value,
            hint_for("AK013"),
        )
        return SourceFile(path, shown, None, {}, [*composed.diagnostics, problem])
    return SourceFile(path, shown, composed.data, composed.locations, composed.diagnostics)
