"""Check results from hand-set scores.

Rules and renderers are tested against scores written in the test, not the matching
engine's, so a change to the vocabulary does not move their expectations or golden files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from alignkit.assess import CheckResult, Pair, ScoreTable, assess
from alignkit.validate import LoadedDocument, ValidCSP, ValidPlan, load_document

AS_OF = dt.date(2026, 11, 22)

Scores = Mapping[tuple[str, str, str], int]
"""(csp, priority, objective) -> score; pairs not named score 5."""


@dataclass(frozen=True)
class Said:
    """A hand-written explanation: its summary, and nothing more for the JSON report."""

    summary: str

    def to_dict(self) -> dict[str, str]:
        return {"summary": self.summary}


def themed_summary(priority: str, objective: str, score: int) -> str:
    return f"shared themes: {priority} ↔ {objective}" if score >= 40 else "little in common"


def load_valid(path: Path) -> LoadedDocument:
    doc = load_document(path)
    assert doc.valid, doc.diagnostics
    return doc


def hand_scored_table(
    docs: Sequence[LoadedDocument],
    objectives: list[str],
    scores: Scores,
    summary: Callable[[str, str, int], str] = themed_summary,
) -> ScoreTable:
    """Every pair of the CSPs in ``docs``; status from the score (70/40 cut-offs)."""
    pairs = {}
    for doc in docs:
        assert doc.csp is not None
        for priority in doc.csp.priorities:
            for objective in objectives:
                key = (doc.csp.id, priority.id, objective)
                score = scores.get(key, 5)
                status = "aligned" if score >= 70 else "partial" if score >= 40 else "none"
                said = Said(summary(priority.id, objective, score))
                pairs[key] = Pair(*key, score, status, lambda said=said: said)
    return ScoreTable(pairs, objectives)


def assess_by_hand(
    folder: Path,
    plan: str,
    csp_files: Mapping[str, str],
    scores: Scores,
    *,
    themes: Callable[[str], list[str]] = lambda text: [],
    summary: Callable[[str, str, int], str] = themed_summary,
) -> CheckResult:
    """Write plan.yaml and the CSP files (relative name -> text) into ``folder``, which
    must be the working directory so findings carry short paths, and assess them."""
    (folder / "plan.yaml").write_text(plan, encoding="utf-8")
    plan_doc = load_valid(Path("plan.yaml"))
    docs = []
    for name, text in csp_files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        docs.append(load_valid(Path(name)))
    assert plan_doc.plan is not None
    assert all(doc.csp is not None for doc in docs)
    objectives = [o.id for o in plan_doc.plan.objectives]
    table = hand_scored_table(docs, objectives, scores, summary)
    valid_csps = [ValidCSP(doc.source, doc.csp) for doc in docs if doc.csp is not None]
    return assess(ValidPlan(plan_doc.source, plan_doc.plan), valid_csps, table, themes, AS_OF)
