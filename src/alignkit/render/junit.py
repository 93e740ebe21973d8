"""JUnit XML: the duty as test results, for CI systems that show test reports.

Each side of the duty is a test suite. "<CSP> has regard to the plan" holds one test per
objective of the plan: it fails for an unexplained gap (AK301, an error); addressed,
considered and partly addressed objectives pass, with the finding's text in system-out so
the reason or the partial match stays visible. "The plan has regard to the CSPs" holds one
test per CSP priority: it fails only when the priority-not-reflected finding (AK401) is
an error (a repository can raise it in its configuration), and otherwise passes with the
warning in system-out. In both suites any error about the test's cell or priority fails
it, so a severity raised in the configuration shows here too, and a waived finding never
fails: it is printed with its waiver instead. Findings that are about neither cell nor
priority (planning cycles, partners, force-wide coverage, waivers) go in the suite's
system-out.

The document follows the Jenkins junit-10.xsd (which GitLab, Azure DevOps and most readers
accept): counts as attributes, no timestamps or durations, so the file is reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..assess import CheckResult, Finding
from ..diagnostics import Severity

PLAN_SUITE = "The plan has regard to the CSPs"
NOT_REFLECTED = "AK401"
CELL_CODES = {"AK301", "AK302", "AK303", "AK503"}
"""Findings that describe one CSP × objective cell, reported inside its test case."""

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters, which YAML escapes can produce."""
    return _NOT_XML.sub("\ufffd", text)


def _describe(finding: Finding) -> str:
    text = f"{finding.location()}: {finding.code} {finding.severity} {finding.message}"
    if finding.hint:
        text += "\n    hint: " + finding.hint.replace("\n", "\n          ")
    if finding.waiver is not None:
        w = finding.waiver
        by = f", approved by {w.approved_by}" if w.approved_by else ""
        text += f"\n    waived: until {w.expires.isoformat()}{by}: {w.reason} ({w.where})"
    return _clean(text)


def _fails(finding: Finding) -> bool:
    return finding.severity is Severity.ERROR and not finding.waived


def _output(parent: ET.Element, findings: list[Finding]) -> None:
    if findings:
        ET.SubElement(parent, "system-out").text = "\n".join(_describe(f) for f in findings)


def _case(
    suite: ET.Element, classname: str, name: str, failing: list[Finding], notes: list[Finding]
) -> bool:
    case = ET.SubElement(suite, "testcase", {"classname": _clean(classname), "name": _clean(name)})
    for finding in failing:
        failure = ET.SubElement(
            case, "failure", {"type": finding.code, "message": _clean(finding.message)}
        )
        failure.text = _describe(finding)
    _output(case, notes)
    return bool(failing)


def _suite(parent: ET.Element, name: str, path: str | None) -> ET.Element:
    suite = ET.SubElement(parent, "testsuite", {"name": _clean(name)})
    if path is not None:
        suite.set("file", _clean(path))
    return suite


def _count(element: ET.Element, tests: int, failures: int, skipped: bool = True) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    if skipped:  # junit-10.xsd has no 'skipped' on <testsuites>
        element.set("skipped", "0")


def build_junit(result: CheckResult) -> ET.Element:
    """The report as an ElementTree (``render_junit`` serialises it)."""
    root = ET.Element("testsuites", {"name": _clean(f"alignkit check: {result.plan.title}")})
    total_tests = total_failures = 0
    objectives = result.plan.objectives
    for doc, csp in zip(result.csp_docs, result.csps, strict=True):
        suite = _suite(root, f"{csp.name} has regard to the plan", doc.source.shown)
        mine = result.findings_for(csp.id)
        tests = failures = 0
        for objective in objectives:
            cell = [f for f in mine if f.objective == objective.id and f.code in CELL_CODES]
            failing = [f for f in cell if _fails(f)]
            notes = [f for f in cell if f not in failing]
            tests += 1
            failures += _case(
                suite, f"alignkit.{csp.id}", f"{objective.id} {objective.title}", failing, notes
            )
        _output(suite, [f for f in mine if f.code not in CELL_CODES and f.code != NOT_REFLECTED])
        _count(suite, tests, failures)
        total_tests += tests
        total_failures += failures

    plan_suite = _suite(root, PLAN_SUITE, result.plan_doc.source.shown)
    tests = failures = 0
    for csp in result.csps:
        for priority in csp.priorities:
            about = [
                f
                for f in result.findings_for(csp.id)
                if f.code == NOT_REFLECTED and f.priority == priority.id
            ]
            failing = [f for f in about if _fails(f)]
            tests += 1
            failures += _case(
                plan_suite,
                f"alignkit.plan.{csp.id}",
                f"{priority.id} {priority.title}",
                failing,
                [f for f in about if f not in failing],
            )
    _output(plan_suite, result.findings_for(None))
    _count(plan_suite, tests, failures)
    total_tests += tests
    total_failures += failures
    _count(root, total_tests, total_failures, skipped=False)
    return root


def render_junit(result: CheckResult) -> str:
    root = build_junit(result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


__all__ = ["build_junit", "render_junit"]
