"""The `--format json` report's shape: a versioned contract, modelled so its JSON Schema is
generated (`schemas/check-report.schema.json`).

Tools (and the held-out accuracy evaluation) read every objective's score and status for
every priority from here, so fields are only ever added, never renamed: bump
FORMAT_VERSION for anything that is not backwards compatible. The models live with the
documents' models, below the assessment, so that writing the schemas needs no renderer;
render/report.py fills them from a check's result.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .common import empty_list

FORMAT_VERSION: Literal[2] = 2
"""2 (issue 13): a cell's state may be 'policing-only', a new value, so a reader that
checked the old four would misread it; the plan now says who issued it. Issue 14 added
optional fields only (Welsh titles, nation, devolved, force, strategies), which a reader
of version 2 may ignore, so the version stays 2."""

Status = Literal["aligned", "partial", "none"]
CellStateName = Literal["addressed", "partial", "considered", "gap", "policing-only"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tool(_Out):
    name: Literal["alignkit"] = "alignkit"
    version: str


class PlanObjective(_Out):
    id: str
    title: str
    title_cy: str | None = Field(None, description="The title in Welsh, when given.")
    policing_only: bool = Field(
        False, description="For the police alone: partnerships are not expected to adopt it."
    )


class IssuingBody(_Out):
    kind: Literal["pcc", "pfcc", "mayor", "policing-and-crime-board", "city-of-london"]
    name: str
    holder: str | None
    deputy_mayor: str | None
    members: list[str]
    fire: bool = Field(description="Whether the body also holds fire and rescue functions.")
    term_end: str | None = Field(description="YYYY-MM-DD, when recorded.")


class PlanInfo(_Out):
    path: str
    force_area: str
    forces: list[str] = Field(
        default_factory=empty_list, description="Every force area the plan covers, when several."
    )
    title: str
    title_cy: str | None = Field(None, description="The title in Welsh, when given.")
    period: str | None = Field(None, description="The plan's period, e.g. 2024/25-2028/29.")
    issued_by: IssuingBody = Field(
        description="The local policing body that issues the plan (a PCC when not given)."
    )
    supersedes: str | None = Field(None, description="The title of the plan it replaces.")
    supersedes_mapping: dict[str, list[str]] | None = Field(
        None,
        description="Where each objective of the plan it replaces went (old id -> new ids), "
        "as the plan declares it; `alignkit diff` follows it to match the two plans.",
    )
    interim: bool = Field(
        False, description="True when the outgoing plan continues until a successor's."
    )
    objectives: list[PlanObjective]


class Best(_Out):
    objective: str
    score: int = Field(ge=0, le=100)
    status: Status


class Match(_Out):
    objective: str
    score: int = Field(ge=0, le=100)
    status: Status
    explanation: dict[str, Any] = Field(
        description="Why: 'summary' (one line) plus the matching engine's details "
        "(shared themes, matched terms, fields that matched)."
    )


class PriorityReport(_Out):
    id: str
    title: str
    title_cy: str | None = Field(None, description="The title in Welsh, when given.")
    supports: list[str] = Field(
        description="Objective ids the CSP declares this priority supports."
    )
    best: Best | None = Field(description="The best objective, or null when none is above 'none'.")
    matches: list[Match] = Field(
        description="One entry for every objective of the plan, in plan order."
    )


class Cell(_Out):
    objective: str
    state: CellStateName
    priorities: list[str]
    reason: str | None = None
    devolved: bool = Field(
        False,
        description="Considered by a Welsh partnership as a matter of devolved Welsh "
        "functions, which the duty to have regard does not reach (CDA 1998 s.6(1A)).",
    )


class CSPReport(_Out):
    id: str
    name: str
    name_cy: str | None = Field(None, description="The name in Welsh, when given.")
    path: str
    force_area: str | None = Field(
        None, description="The partnership's force area (a plan may cover several)."
    )
    ended: str | None = Field(
        None, description="YYYY-MM-DD, when a successor has taken over by the as-of date."
    )
    nation: Literal["england", "wales"] = Field(
        "england", description="The nation whose law and names the partnership works under."
    )
    tier: str | None = None
    priorities: list[PriorityReport]
    regard: list[Cell] = Field(description="How the CSP stands to each objective of the plan.")


class WaiverReport(_Out):
    reason: str
    approved_by: str | None
    expires: str = Field(description="YYYY-MM-DD: the waiver lapses after this day.")
    where: str = Field(description="file:line:column of the waiver in the configuration.")


class FindingReport(_Out):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    hint: str | None
    path: str
    line: int | None
    column: int | None
    csp: str | None
    priority: str | None
    objective: str | None
    waiver: WaiverReport | None = Field(
        None,
        description="The waiver that accepts this finding, or null. A waived finding is "
        "reported but does not fail the run.",
    )


class Coverage(_Out):
    objective: str
    addressed_by: list[str]
    considered_by: list[str]
    partial_by: list[str]
    gap_in: list[str]
    policing_only: bool = False


class Theme(_Out):
    theme: str
    csps: list[str]


class Summary(_Out):
    csps: int
    current: int | None = Field(
        None,
        description="Partnerships no successor has taken over from by the as-of date: "
        "the coverage counts are out of these.",
    )
    objectives: int
    priorities: int
    findings: dict[Literal["error", "warning", "info"], int] = Field(
        description="Findings by severity, waived findings left out."
    )
    waived: int = Field(0, description="Findings accepted by a waiver.")
    unexplained_gaps: int
    coverage: list[Coverage]
    missing_themes: list[Theme]


class CheckReport(_Out):
    """The report of `alignkit check --format json`."""

    format_version: Literal[2] = FORMAT_VERSION
    tool: Tool
    as_of: str = Field(description="The date the check was made as of (YYYY-MM-DD).")
    plan: PlanInfo
    csps: list[CSPReport]
    findings: list[FindingReport]
    summary: Summary
