"""`alignkit diff --format json`: the versioned diff (models/diff.py, whose JSON Schema is
generated into `schemas/`)."""

from __future__ import annotations

from ..models.diff import DiffReport


def diff_json(diff: DiffReport) -> str:
    return diff.model_dump_json(indent=2) + "\n"
