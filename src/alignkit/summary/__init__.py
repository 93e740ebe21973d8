"""summary: the force-wide summary of the partnerships' strategic assessments.

``alignkit summary PLAN CSP...`` reads every CSP's priorities and assessment key findings
for themes and sets them against the objectives of the police and crime plan (LGA guide,
chapters 7 and 9). ``build_summary`` makes the data; FORMATS holds one renderer per
output format, each ``ForceSummary -> str``.
"""

from __future__ import annotations

from collections.abc import Callable

from .html import summary_html
from .json_report import summary_json
from .markdown import summary_markdown
from .model import ForceSummary, build_summary

FORMATS: dict[str, Callable[[ForceSummary], str]] = {
    "markdown": summary_markdown,
    "html": summary_html,
    "json": summary_json,
}

__all__ = [
    "FORMATS",
    "ForceSummary",
    "build_summary",
    "summary_html",
    "summary_json",
    "summary_markdown",
]
