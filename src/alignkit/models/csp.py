"""The Community Safety Partnership document: who the partnership is and what it prioritises."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from .common import Contact, Document, Identifier, PlanDate, Text, Url
from .periods import Period

CSP_KIND = "community-safety-partnership"

Tier = Literal["district", "unitary", "county", "london-borough", "welsh", "merged"]

STATUTORY_PARTNERS = ("police", "local_authority", "fire_and_rescue", "health", "probation")
"""The Crime and Disorder Act 1998 responsible authorities, in the order guides list them."""


def _participation_json_schema(schema: dict[str, Any]) -> None:
    """Editors should accept the short form `health: false` as well as the mapping."""
    mapping = dict(schema)
    description = mapping.pop("description", None)
    title = mapping.pop("title", "Participation")
    schema.clear()
    schema.update(
        {
            "title": title,
            "description": description,
            "anyOf": [
                {"type": "boolean", "description": "Taking part (true) or not (false)."},
                YES_NO,
                mapping,
            ],
        }
    )


YES_NO: dict[str, Any] = {
    "type": "string",
    "enum": ["yes", "no", "Yes", "No", "YES", "NO"],
    "description": "yes or no: editors read these as text, alignkit as true or false.",
}


def _yes_no_or_boolean(schema: dict[str, Any]) -> None:
    description = schema.pop("description", None)
    schema.pop("type", None)
    schema.update({"description": description, "anyOf": [{"type": "boolean"}, YES_NO]})


class Participation(Document, json_schema_extra=_participation_json_schema):
    """Whether a responsible authority takes part: `true`/`false`, or a mapping with details."""

    taking_part: bool = Field(
        description="Whether the authority attends and contributes.",
        json_schema_extra=_yes_no_or_boolean,
    )
    organisation: Text | None = Field(
        None, description="The body, e.g. Wessex Fire and Rescue Service."
    )
    representative: Text | None = Field(
        None, description="Named representative on the partnership."
    )

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data: Any) -> Any:
        # `probation: no` is how officers write it; a mapping is for when there is more to say.
        if isinstance(data, bool | str):
            return {"taking_part": data}
        return data


class ResponsibleAuthorities(Document):
    """The five statutory responsible authorities and whether each takes part."""

    police: Participation | None = None
    local_authority: Participation | None = Field(
        None,
        description="The district, unitary or borough council (and the county council, if any).",
    )
    fire_and_rescue: Participation | None = None
    health: Participation | None = Field(None, description="Today the integrated care board (ICB).")
    probation: Participation | None = Field(None, description="The Probation Service.")

    def participation(self, name: str) -> Participation | None:
        value = getattr(self, name)
        return value if isinstance(value, Participation) else None


class KeyFinding(Document):
    """One finding of the strategic assessment and the evidence behind it."""

    finding: Text = Field(description="What the assessment found, e.g. Domestic abuse up 12%.")
    evidence: Text | None = Field(None, description="The data or source behind the finding.")


class StrategicAssessment(Document):
    """The annual strategic assessment: the evidence base for the partnership's priorities."""

    date: PlanDate = Field(description="When the assessment was completed (YYYY-MM-DD).")
    period: Period | None = Field(None, description="The period of data the assessment covers.")
    findings: list[KeyFinding] = Field(default_factory=list, description="Key findings.")
    url: Url | None = None


class PartnershipPlan(Document):
    """The partnership plan (usually three-year rolling, refreshed each year)."""

    title: Text | None = None
    period: Period | None = Field(None, description="Period the plan covers.")
    next_refresh: PlanDate | None = Field(
        None, description="When the plan is next refreshed (YYYY-MM-DD)."
    )
    url: Url | None = None


class Priority(Document):
    """One priority of the partnership plan."""

    id: Identifier = Field(description="Short reference, unique within this partnership.")
    title: Text = Field(description="The priority as the partnership plan states it.")
    description: Text | None = Field(None, description="What it covers, in a sentence or two.")
    evidence: Text | None = Field(
        None, description="Why this is a priority: the assessment evidence."
    )
    outcomes: list[Text] = Field(default_factory=list, description="What success looks like.")
    measures: list[Text] = Field(default_factory=list, description="How progress is measured.")
    lead: Text | None = Field(None, description="Who leads on this priority (a body or a group).")
    supports: list[Identifier] = Field(
        default_factory=list,
        description="Ids of the police and crime plan objectives this priority supports.",
    )


class RegardRecord(Document):
    """A PCC objective the partnership considered and decided not to adopt locally, and why."""

    objective: Identifier = Field(description="Id of the police and crime plan objective.")
    reason: Text = Field(
        description="Why it is not a local priority, e.g. 'Rural crime is led at county level'."
    )
    decided: PlanDate | None = Field(None, description="When the partnership decided (YYYY-MM-DD).")
    decided_by: Text | None = Field(None, description="Who decided, e.g. CSP Board.")


class Meeting(Document):
    """A meeting in the partnership's calendar."""

    date: PlanDate = Field(description="Date of the meeting (YYYY-MM-DD).")
    body: Text = Field(
        description="Which body meets, e.g. CSP Board, Responsible Authorities Group."
    )
    title: Text | None = Field(None, description="What the meeting is for, if not obvious.")
    location: Text | None = None


class TimetableItem(Document):
    """A document the partnership produces, and when it is due."""

    document: Text = Field(description="e.g. Strategic assessment 2026, Partnership plan refresh.")
    due: PlanDate = Field(description="Due date (YYYY-MM-DD).")
    owner: Text | None = None


class Funding(Document):
    """Money the partnership receives: from whom, for what, how much, for when."""

    funder: Text = Field(description="Who funds it, e.g. Office of the PCC for Wessex.")
    purpose: Text = Field(description="What it pays for, e.g. Domestic abuse advocacy.")
    amount: float | None = Field(None, ge=0, description="How much, in pounds.")
    period: Period | None = Field(None, description="The period the funding covers.")


class CSPDocument(Document):
    """A Community Safety Partnership: its partners, evidence, plan and priorities."""

    kind: Literal["community-safety-partnership"] = Field(
        description="Always `community-safety-partnership` for this document."
    )
    id: Identifier = Field(
        description="Short reference for the partnership, unique in the force area."
    )
    name: Text = Field(description="Name of the partnership.")
    force_area: Text = Field(description="Police force area; must match the police and crime plan.")
    tier: Tier | None = Field(
        None,
        description="Kind of area: district, unitary, county (county strategy group), "
        "london-borough, welsh, or merged (partnerships that have merged).",
    )
    local_authorities: list[Text] = Field(
        default_factory=list, description="Councils covered by the partnership."
    )
    responsible_authorities: ResponsibleAuthorities | None = None
    strategic_assessment: StrategicAssessment | None = None
    plan: PartnershipPlan | None = None
    priorities: list[Priority] = Field(
        min_length=1, description="The partnership plan's priorities."
    )
    regard: list[RegardRecord] = Field(
        default_factory=list,
        description="PCC objectives considered and not adopted locally, each with the reason.",
    )
    contacts: list[Contact] = Field(default_factory=list, description="Key contacts.")
    meetings: list[Meeting] = Field(default_factory=list, description="Calendar of meetings.")
    timetable: list[TimetableItem] = Field(
        default_factory=list, description="Document production timetable."
    )
    funding: list[Funding] = Field(
        default_factory=list,
        description="What the partnership is funded for, and by whom (e.g. what the "
        "outgoing body funds), for the handover pack.",
    )
