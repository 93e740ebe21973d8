"""Resource limits for reading untrusted YAML. Generous for any real plan, small for an attack."""

from __future__ import annotations

from typing import NamedTuple


class Limits(NamedTuple):
    max_bytes: int = 10 * 1024 * 1024
    """Largest file read. A real CSP document is a few kilobytes; 10 MiB leaves room for any."""
    max_aliases: int = 20
    """Anchors and aliases are rare in plan documents; a handful is plenty."""
    max_depth: int = 50
    """Plan documents nest about six levels deep."""
    max_nodes: int = 1_000_000
    """Values after aliases are expanded: the guard against 'billion laughs' documents."""
    max_files: int = 2_000
    """Documents in one run. England and Wales have about 300 CSPs in all."""
    max_items: int = 100
    """Objectives in a plan, priorities or meetings in a CSP, or any other list in one.
    Real plans have a handful to a few dozen; 100 objectives against 100 priorities is
    checked in seconds, 500 against 500 took minutes (docs/limits.md)."""


DEFAULT_LIMITS = Limits()
