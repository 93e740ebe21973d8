"""The `alignkit diff --format json` document: what a change did to the assessment, as a
versioned contract whose JSON Schema is generated (`schemas/diff-report.schema.json`).

Like the check's report, fields are only ever added: bump DIFF_FORMAT_VERSION for
anything a reader of the old shape would misread. The models live with the documents'
models so that writing the schemas needs neither git nor a renderer.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .report import CellStateName, Status, Tool

DIFF_FORMAT_VERSION: Literal[1] = 1

Severity = Literal["error", "warning", "info"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Side(_Out):
    label: str = Field(
        description="What was compared: a git revision, a JSON report file, or 'working tree'."
    )
    plan: str = Field(description="The title of the plan on this side.")
    as_of: str = Field(description="The date the side was assessed as of (YYYY-MM-DD).")


class FindingState(_Out):
    """A finding as one side has it."""

    severity: Severity
    message: str
    path: str
    line: int | None
    column: int | None
    waived: bool


class FindingChange(_Out):
    """A finding the change opened, closed or changed, matched across the two sides by its
    identity (code, partnership, priority, objective; never its line)."""

    change: Literal["opened", "closed", "changed"]
    code: str
    csp: str | None
    priority: str | None
    objective: str | None = Field(
        description="The objective's id in HEAD's plan (BASE's, for a closed finding whose "
        "objective the plan dropped)."
    )
    before: FindingState | None = Field(description="Null for an opened finding.")
    after: FindingState | None = Field(description="Null for a closed finding.")


class Titled(_Out):
    id: str
    title: str


class ItemChange(_Out):
    """An objective of the plan, or a priority of a partnership, added, removed or renamed."""

    change: Literal["added", "removed", "renamed", "replaced"] = Field(
        description="renamed: same id, new title; replaced: new id(s) for old ones, through "
        "the plan's supersedes mapping (renumbered, split or merged)."
    )
    csp: str | None = Field(description="The partnership, for a priority; null for an objective.")
    id: str = Field(description="HEAD's id; BASE's for a removed item.")
    title: str
    before: list[Titled] = Field(
        description="What it was at BASE: itself (renamed), the old objectives (replaced)."
    )


class PartnershipChange(_Out):
    change: Literal["added", "removed"]
    id: str
    name: str
    path: str


class CellChange(_Out):
    """One partnership's stand on one objective, where the change moved it."""

    csp: str
    objective: str = Field(description="HEAD's objective id.")
    before: CellStateName
    after: CellStateName
    reason: str | None = Field(description="HEAD's recorded reason, when considered.")


class ScoreChange(_Out):
    """A priority-objective score that crossed a threshold (its status changed)."""

    csp: str
    priority: str
    objective: str = Field(description="HEAD's objective id.")
    before_score: int = Field(ge=0, le=100)
    after_score: int = Field(ge=0, le=100)
    before_status: Status
    after_status: Status


class BriefingRow(_Out):
    """Plan refresh view: a new or changed objective, and where the partnerships stand."""

    objective: str
    title: str
    change: Literal["added", "renamed", "replaced"]
    replaces: list[str] = Field(description="BASE's objective ids it takes over from.")
    addressed_by: list[str]
    partial_by: list[str]
    considered_by: list[str]
    gap_in: list[str]
    policing_only: bool


class DiffCounts(_Out):
    opened: dict[Severity, int] = Field(description="Opened findings by severity, waived left out.")
    closed: dict[Severity, int] = Field(description="Closed findings by severity, waived left out.")
    changed: int
    gaps_opened: int = Field(description="Unexplained gaps (AK301) the change opens.")
    gaps_closed: int = Field(description="Unexplained gaps (AK301) the change closes.")


class DiffReport(_Out):
    """What `alignkit diff --format json` writes."""

    format_version: Literal[1] = DIFF_FORMAT_VERSION
    kind: Literal["diff"] = "diff"
    tool: Tool
    base: Side
    head: Side
    verdict: str = Field(description="One sentence: what the change opens and closes.")
    mapping: dict[str, list[str]] = Field(
        description="The supersedes mapping followed from BASE's objective ids to HEAD's "
        "(empty when the plan declares none, or BASE already had it)."
    )
    partnerships: list[PartnershipChange]
    objectives: list[ItemChange]
    priorities: list[ItemChange]
    findings: list[FindingChange]
    cells: list[CellChange]
    scores: list[ScoreChange]
    briefing: list[BriefingRow] = Field(
        description="Per new or changed objective: who addresses it and who has a gap."
    )
    summary: DiffCounts
