"""SARIF 2.1.0: findings for code scanning (GitHub) and other SARIF viewers.

One run, one rule per finding code that occurs, one result per finding. The output is a
pure function of the check result (no timestamps, no absolute paths of the machine), so
the same inputs give byte-identical files and a CI upload only changes when findings do.

``partialFingerprints`` lets code scanning follow a finding across commits: it hashes what
the finding is about (code, partnership, priority, objective, file), not where it sits or
how its message is worded, so moving a block of YAML or a changed score does not turn it
into a new alert.

A waived finding is a result with an accepted external suppression carrying the waiver's
reason, so code scanning shows it as dismissed rather than dropping it from the record.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..assess import CheckResult, Finding
from ..codes import CODES
from ..diagnostics import Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/alignkit/alignkit"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "alignkitFinding/v1"

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def artifact_location(path: str) -> dict[str, str]:
    """The file as a SARIF artifactLocation: relative to the checkout (``%SRCROOT%``).

    Paths are shown relative to the working directory, which in CI is the repository root;
    a path outside it stays absolute and becomes a ``file:`` URI without a base.
    """
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return {"uri": "file://" + quote(posix, safe="/")}
    if _WINDOWS_DRIVE.match(posix):
        return {"uri": "file:///" + quote(posix, safe="/:")}
    while posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _rule_name(title: str) -> str:
    """A rule's ``name``: its title in UpperCamelCase, as SARIF viewers expect."""
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", title))


def _rule(code: str) -> dict[str, Any]:
    info = CODES[code]
    return {
        "id": code,
        "name": _rule_name(info.title),
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.explanation},
        "help": {"text": info.fix},
        "defaultConfiguration": {"level": LEVEL[info.severity or Severity.ERROR]},
    }


def _fingerprint(finding: Finding, uri: str) -> str:
    about = [finding.code, finding.csp, finding.priority, finding.objective, uri]
    return hashlib.sha256(json.dumps(about).encode("utf-8")).hexdigest()


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    location = artifact_location(finding.path)
    physical: dict[str, Any] = {"artifactLocation": location}
    if finding.position is not None:
        physical["region"] = {
            "startLine": finding.position.line,
            "startColumn": finding.position.column,
        }
    text = finding.message
    if finding.hint and finding.hint != CODES[finding.code].fix:
        text += f"\nhint: {finding.hint}"  # specific advice; the rule's help has the general
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if finding.waiver is not None:
        waiver = finding.waiver
        details = {"expires": waiver.expires.isoformat(), "where": waiver.where}
        if waiver.approved_by:
            details["approvedBy"] = waiver.approved_by
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": waiver.reason,
                "properties": details,
            }
        ]
    about = {
        key: value
        for key, value in (
            ("csp", finding.csp),
            ("priority", finding.priority),
            ("objective", finding.objective),
        )
        if value is not None
    }
    if about:
        result["properties"] = about
    return result


def build_sarif(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as plain data (``render_sarif`` serialises it)."""
    codes = sorted({f.code for f in result.findings})
    index = {code: i for i, code in enumerate(codes)}
    seen: Counter[str] = Counter()
    results = []
    for finding in result.findings:
        base = _fingerprint(finding, artifact_location(finding.path)["uri"])
        seen[base] += 1
        # Two findings about the same things (two absent partners, two missing themes)
        # would share a hash: number the later ones, in report order, as GitHub does.
        fingerprint = base if seen[base] == 1 else f"{base}:{seen[base]}"
        results.append(_result(finding, index[finding.code], fingerprint))
    plan = result.plan
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "alignkit",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "asOf": result.as_of.isoformat(),
                    "forceArea": plan.force_area,
                    "plan": plan.title,
                },
            }
        ],
    }


def render_sarif(result: CheckResult) -> str:
    return json.dumps(build_sarif(result), indent=2, ensure_ascii=False) + "\n"


__all__ = ["artifact_location", "build_sarif", "render_sarif"]
