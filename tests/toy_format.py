"""A toy report format, registered by tests to show that a new format is one module and
one line in alignkit.registry.DOCUMENTS."""

from __future__ import annotations

from alignkit.assess import CheckResult


def render_toy(result: CheckResult) -> str:
    return f"toy report: {len(result.csps)} CSP, {len(result.findings)} findings (alignkit)\n"


def render_broken(result: CheckResult) -> str:
    raise RuntimeError("a bug inside a renderer")
