"""The JSON report is written in pieces, a partnership at a time (issue 18): the pieces
must make exactly the report the model writes, whatever the documents say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignkit.config import Config
from alignkit.models.report import FORMAT_VERSION, CheckReport, CSPReport
from alignkit.pipeline import run_pipeline
from alignkit.project import resolve_project
from alignkit.render import report_json
from alignkit.render.report import build_report
from alignkit.render.report_json import csp_report_data, report_json_pieces, report_shell_data
from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT

WESSEX = ROOT / "examples" / "wessex"

# Text that looks like the report's own structure, quotes, line breaks, non-ASCII.
AWKWARD_PLAN = MINIMAL_PLAN.replace(
    "title: Wessex Police and Crime Plan 2025-2029",
    'title: "Plan \\"csps\\": [],\\n  } ] Heddlu — café"',
)
AWKWARD_CSP = MINIMAL_CSP.replace(
    "title: Domestic abuse and stalking",
    'title: "\\n  \\"csps\\": [],\\n Domestic abuse ✔ \\\\ stalking"',
)


def _result(plan: Path, csps: list[Path]):
    project = resolve_project(Config(), plan=plan, csps=csps, as_of="2026-11-22")
    run = run_pipeline(project)
    assert run.result is not None
    return run.result


def _areas(tmp_path: Path) -> dict[str, tuple[Path, list[Path]]]:
    awkward = tmp_path / "awkward"
    (awkward / "csps").mkdir(parents=True)
    (awkward / "plan.yaml").write_text(AWKWARD_PLAN, encoding="utf-8")
    (awkward / "csps" / "northdown.yaml").write_text(AWKWARD_CSP, encoding="utf-8")
    (awkward / "csps" / "southdown.yaml").write_text(
        MINIMAL_CSP.replace("northdown", "southdown").replace("Northdown", "Southdown"),
        encoding="utf-8",
    )
    return {
        "example area": (WESSEX / "plan.yaml", [WESSEX / "csps"]),
        "awkward text": (awkward / "plan.yaml", [awkward / "csps"]),
        "one partnership": (awkward / "plan.yaml", [awkward / "csps" / "southdown.yaml"]),
    }


@pytest.mark.parametrize("area", ["example area", "awkward text", "one partnership"])
def test_the_pieces_are_the_models_report_byte_for_byte(area, tmp_path):
    plan, csps = _areas(tmp_path)[area]
    result = _result(plan, csps)
    pieces = list(report_json_pieces(result))
    # streamed a priority at a time, never as one string
    assert len(pieces) > sum(len(c.priorities) for c in result.csps)
    whole = "".join(pieces)
    assert whole == build_report(result).model_dump_json(indent=2) + "\n"
    # and it is the report tools read: valid JSON in the model's shape
    assert CheckReport.model_validate_json(whole).summary.csps == len(result.csps)
    assert json.loads(whole)["csps"][0]["priorities"]


def test_the_plain_data_is_exactly_what_the_model_holds(tmp_path):
    """The data written directly validates against the model unchanged: no key the model
    lacks (extra keys are forbidden), none missing, none in another order."""
    plan, csps = _areas(tmp_path)["awkward text"]
    result = _result(plan, csps)
    for data in csp_report_data(result):
        model = CSPReport.model_validate(data)
        assert model.model_dump() == data
        assert list(model.model_dump()) == list(data)
    shell = report_shell_data(result, [])
    report = CheckReport.model_validate(shell)
    assert report.findings  # the awkward area has findings, so they are compared too
    assert report.model_dump() == shell
    assert list(report.model_dump()) == list(shell)
    assert [list(f) for f in report.model_dump()["findings"]] == [
        list(f) for f in shell["findings"]
    ]


def test_the_json_writer_names_the_models_format_version():
    assert report_json.FORMAT_VERSION == FORMAT_VERSION


def test_human_formats_explain_only_the_closest_objective():
    result = _result(WESSEX / "plan.yaml", [WESSEX / "csps"])
    for csp in build_report(result, explanations="closest").csps:
        for priority in csp.priorities:
            explained = [m.objective for m in priority.matches if m.explanation]
            closest = max(priority.matches, key=lambda m: m.score).objective
            assert explained == [closest]


def test_writing_the_json_report_keeps_no_explanation_it_made():
    """The JSON report explains every pair; it must not keep them all (a 5,000-priority
    partnership has 50,000): only those a rule had already asked for stay kept."""
    result = _result(WESSEX / "plan.yaml", [WESSEX / "csps"])
    pairs = list(result.table.pairs.values())

    def kept() -> int:
        return sum(1 for p in pairs if p.explanation._make is None)

    before = kept()
    assert before < len(pairs)  # the rules asked for some, not all
    "".join(report_json_pieces(result))
    assert kept() == before
