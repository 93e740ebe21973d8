"""The development set scored the way the held-out set is: through `alignkit check
--format json` on YAML files written from each case, so everything between the files
and the scores (loading, validation, the JSON report) is measured, not just the matcher.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from .accuracy import Case, Figures, evaluate


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:64].strip("-") or "csp"


def write_case(case: Case, raw: dict[str, Any], folder: Path) -> tuple[Path, Path]:
    """The case as a plan file and a CSP file, written as a script would write them
    (yaml.safe_dump; empty descriptions kept as '')."""
    area = raw["force_area"]
    plan = {
        "kind": "police-and-crime-plan",
        "force_area": area,
        "title": raw["pcc"]["title"],
        "objectives": [
            {"id": o["id"], "title": o["title"], "description": o.get("description") or ""}
            for o in case.objectives
        ],
    }
    csp = {
        "kind": "community-safety-partnership",
        "id": _slug(raw["csp"]["name"]),
        "name": raw["csp"]["name"],
        "force_area": area,
        "priorities": [
            {"id": p["id"], "title": p["title"], "description": p.get("description") or ""}
            for p in case.priorities
        ],
    }
    (folder / "csps").mkdir(parents=True)
    plan_path, csp_path = folder / "plan.yaml", folder / "csps" / "csp.yaml"
    plan_path.write_text(yaml.safe_dump(plan, sort_keys=False, allow_unicode=True), "utf-8")
    csp_path.write_text(yaml.safe_dump(csp, sort_keys=False, allow_unicode=True), "utf-8")
    return plan_path, csp_path.parent


def scores_from_report(report: dict[str, Any], case: Case) -> tuple[Any, Any]:
    priorities = {p["id"]: p for p in report["csps"][0]["priorities"]}
    ids = [o["id"] for o in case.objectives]
    scores = np.zeros((len(case.priorities), len(ids)))
    aligned = np.zeros((len(case.priorities), len(ids)), dtype=bool)
    for i, p in enumerate(case.priorities):
        matches = {m["objective"]: m for m in priorities[p["id"]]["matches"]}
        for j, objective in enumerate(ids):
            scores[i, j] = matches[objective]["score"]
            aligned[i, j] = matches[objective]["status"] == "aligned"
    return scores, aligned


def evaluate_through_cli(cases: list[Case], raw_cases: list[dict[str, Any]]) -> Figures:
    """Every case through `alignkit check --format json`, in this one process: the
    command line's whole path from files to report is taken, without paying for a Python
    start-up per case (which `python -m benchmarks.startup` measures on its own)."""
    from typer.testing import CliRunner

    from alignkit.cli import app

    runner = CliRunner()
    reports: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case, raw in zip(cases, raw_cases, strict=True):
            plan, csps = write_case(case, raw, Path(tmp) / case.id)
            args = [
                "check",
                str(plan),
                str(csps),
                "--format",
                "json",
                "--fail-on",
                "never",
                "--as-of",
                "2026-11-22",
                "--quiet",
            ]
            done = runner.invoke(app, args, catch_exceptions=False)
            if done.exit_code != 0:
                raise RuntimeError(f"{case.id}: exit {done.exit_code}: {done.stderr}")
            reports[case.id] = json.loads(done.stdout)
    return evaluate(cases, lambda case: scores_from_report(reports[case.id], case))
