"""The force-wide summary as JSON, for other tools and dashboards.

A contract like the check report: keys are only ever added, never renamed (bump
FORMAT_VERSION for anything else). Output is deterministic: the same inputs and
``--as-of`` give the same bytes, so it can be committed and diffed.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from ..assess.holdings import ThemeHolding
from .model import ForceSummary, ObjectiveEvidence, PartnershipEvidence

FORMAT_VERSION: Literal[1] = 1
KIND = "force-wide-summary"


def _csp(c: PartnershipEvidence) -> dict[str, Any]:
    assessment = (
        {
            "date": c.assessment_date.isoformat(),
            "period": c.assessment_period,
            "url": c.assessment_url,
        }
        if c.assessment_date is not None
        else None
    )
    return {
        "id": c.id,
        "name": c.name,
        "tier": c.tier,
        "force_area": c.force_area,
        "nation": c.nation,
        "path": c.path,
        "strategies": [
            {
                "kind": s.kind,
                "title": s.title,
                "adopted": s.adopted.isoformat() if s.adopted else None,
                "next_review": s.next_review.isoformat() if s.next_review else None,
                "url": s.url,
            }
            for s in c.strategies
        ],
        "strategic_assessment": assessment,
        "priorities": [
            {"id": p.id, "title": p.title, "themes": list(p.themes)} for p in c.priorities
        ],
        "findings": [
            {
                "number": f.number,
                "finding": f.finding,
                "evidence": f.evidence,
                "themes": list(f.themes),
            }
            for f in c.findings
        ],
    }


def _theme(t: ThemeHolding) -> dict[str, Any]:
    return {
        "theme": t.theme,
        "shared": t.shared,
        "csps": list(t.csps),
        "priorities": [{"csp": p.csp, "priority": p.id} for p in t.priorities],
        "findings": [{"csp": f.csp, "number": f.number} for f in t.findings],
        "objectives": list(t.objectives),
    }


def _objective(o: ObjectiveEvidence) -> dict[str, Any]:
    return {
        "id": o.id,
        "title": o.title,
        "themes": [{"theme": label, "csps": count} for label, count in o.themes],
        "priority_csps": list(o.priority_csps),
        "finding_csps": list(o.finding_csps),
        "evidence": o.evidence,
    }


def summary_data(summary: ForceSummary) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "kind": KIND,
        "tool": {"name": "alignkit", "version": summary.tool_version},
        "as_of": summary.as_of.isoformat(),
        "plan": {
            "path": summary.plan_path,
            "force_area": summary.force_area,
            "title": summary.plan_title,
            "period": summary.plan_period,
        },
        "csps": [_csp(c) for c in summary.csps],
        "themes": [_theme(t) for t in summary.themes],
        "objectives": [_objective(o) for o in summary.objectives],
        "unevidenced_objectives": [o.id for o in summary.unevidenced],
    }


def summary_json(summary: ForceSummary) -> str:
    return json.dumps(summary_data(summary), indent=2, ensure_ascii=False) + "\n"


__all__ = ["FORMAT_VERSION", "summary_data", "summary_json"]
