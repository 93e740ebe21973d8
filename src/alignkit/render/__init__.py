"""render: results to text. Every function here returns a string (or rich Text); the CLI
alone writes to stdout or files.

RENDERERS is the one table of report formats: a new format is a function
``CheckResult -> str`` added here.
"""

from __future__ import annotations

from collections.abc import Callable

from ..assess import CheckResult
from .github import render_github
from .html import render_html
from .junit import render_junit
from .markdown import render_markdown
from .report import report_json
from .sarif import render_sarif
from .text import text_report

Renderer = Callable[[CheckResult], str]

RENDERERS: dict[str, Renderer] = {
    "text": text_report,
    "markdown": render_markdown,
    "html": render_html,
    "json": report_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
}
