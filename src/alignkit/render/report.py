"""The report as models: the check's result in the versioned shape of models/report.py
(whose JSON Schema is generated into `schemas/`), for the formats that read a report
model. The JSON report is written from the same plain data without the models
(render/report_json.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..assess import CheckResult
from ..models import area_key
from ..models.report import CheckReport, CSPReport
from ..words import welsh_of
from .report_json import Explanations, csp_report_data, report_shell_data


def build_report(result: CheckResult, explanations: Explanations = "all") -> CheckReport:
    """The report model. The JSON report carries every pair's explanation; the human
    formats show only each priority's best or closest objective's, so they ask for
    ``explanations="closest"`` and the rest are never worked out."""
    return report_shell(result, list(csp_reports(result, explanations)))


def csp_reports(result: CheckResult, explanations: Explanations = "all") -> Iterator[CSPReport]:
    """Each partnership's part of the report, one at a time. Validating plain data is
    several times quicker than pydantic's ``model_construct`` for tens of thousands of
    pairs, and it checks the data against the model as it goes."""
    for data in csp_report_data(result, explanations):
        yield CSPReport.model_validate(data)


def report_shell(result: CheckResult, csps: list[CSPReport]) -> CheckReport:
    """The report around the partnerships' parts."""
    return CheckReport.model_validate(report_shell_data(result, csps))


def force_groups(report: CheckReport) -> list[tuple[str | None, list[CSPReport]]]:
    """The partnerships force by force when the plan covers several forces (each force
    named as the plan names it), else one group with no name."""
    if not report.plan.forces:
        return [(None, list(report.csps))]
    groups: dict[str, tuple[str, list[CSPReport]]] = {
        area_key(a): (a, []) for a in report.plan.forces
    }
    for csp in report.csps:
        area = csp.force_area or report.plan.force_area
        groups.setdefault(area_key(area), (area, []))[1].append(csp)
    return [(name, csps) for name, csps in groups.values() if csps]


def welsh_titles(report: CheckReport) -> dict[str, str]:
    """Each title or name the report also gives in Welsh -> the Welsh (first wins), as
    CheckResult.welsh makes it from the documents. It reads every title of the report:
    the page view asks once and every section reads the view."""
    return welsh_of(report.plan, report.csps)
