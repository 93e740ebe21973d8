"""The police and crime plan: the PCC's objectives for the force area."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Contact, Document, Identifier, PlanDate, Text, Url
from .periods import Period

PLAN_KIND = "police-and-crime-plan"


class Commissioner(Document):
    """Who holds the police and crime commissioner's functions for the force area."""

    name: Text = Field(description="The commissioner's name.")
    office: Text | None = Field(
        None,
        description="The office held, e.g. Police and Crime Commissioner, Police, Fire and Crime "
        "Commissioner, Mayor's Office for Policing and Crime, or a mayor with PCC functions.",
    )


class Objective(Document):
    """One objective (priority) of the police and crime plan."""

    id: Identifier = Field(description="Reference used by CSP files in `supports` and `regard`.")
    title: Text = Field(description="The objective as the plan states it.")
    description: Text | None = Field(None, description="A sentence or two on what it covers.")
    sub_themes: list[Text] = Field(
        default_factory=list,
        description="Themes listed under this objective, e.g. Burglary; Fraud and cyber crime.",
    )
    outcomes: list[Text] = Field(
        default_factory=list, description="What success looks like for this objective."
    )
    measures: list[Text] = Field(
        default_factory=list, description="How progress is measured (indicators, targets)."
    )


class PolicePlan(Document):
    """A police and crime plan, issued by the PCC (or equivalent) for one force area."""

    kind: Literal["police-and-crime-plan"] = Field(
        description="Always `police-and-crime-plan` for this document."
    )
    force_area: Text = Field(description="Police force area, e.g. Wessex.")
    title: Text = Field(
        description="Title of the plan, e.g. Wessex Police and Crime Plan 2025-2029."
    )
    commissioner: Commissioner | None = None
    period: Period | None = Field(
        None,
        description="Period the plan covers. It should run until the end of the financial year "
        "that contains the next PCC election.",
    )
    published: PlanDate | None = Field(
        None, description="Date the plan was published (YYYY-MM-DD)."
    )
    next_review: PlanDate | None = Field(
        None, description="When the plan is next refreshed (YYYY-MM-DD); ideally once a year."
    )
    url: Url | None = Field(None, description="Where the published plan can be read.")
    objectives: list[Objective] = Field(
        min_length=1, description="The plan's objectives, in the order the plan gives them."
    )
    contact: Contact | None = Field(None, description="Who in the OPCC to contact about the plan.")
