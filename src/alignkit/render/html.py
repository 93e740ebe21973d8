"""The HTML report: one self-contained page for a scrutiny panel, a partnership meeting or CI.

The page prints the report's view (render/view.py), so it says every sentence in the words
the Markdown and Word reports use. The page has no scripts and no external files, so it
can be attached to an email, opened offline or printed. Text from the YAML files is
escaped by the template engine (autoescape is on), never by hand.
"""

from __future__ import annotations

from ..assess import CheckResult
from ..models.report import CheckReport
from ..words import long_date, template_environment
from .report import build_report
from .view import page_view


def html_report(report: CheckReport) -> str:
    """The report model as one HTML page: a function of the model, so tests can feed it."""
    env = template_environment()
    env.filters["long_date"] = long_date
    template = env.get_template("report.html.j2")
    return template.render(vars(page_view(report)))


def render_html(result: CheckResult) -> str:
    return html_report(build_report(result, explanations="closest"))


__all__ = ["html_report", "render_html"]
