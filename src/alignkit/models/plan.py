"""The police and crime plan: the PCC's objectives for the force area."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Contact, Document, Identifier, PlanDate, Text, Url, WelshText, empty_list
from .governance import BodyKind, LocalPolicingBody, PlanStatusNote, Supersedes
from .nation import area_key
from .periods import Period

PLAN_KIND = "police-and-crime-plan"


class Commissioner(Document):
    """Deprecated: who holds the PCC functions. Write `issued_by` instead.

    Kept so that no existing file breaks: it is read as `issued_by` with kind pcc (pfcc
    when the office names fire, mayor when it names a mayor).
    """

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
    title_cy: WelshText | None = None
    description: Text | None = Field(None, description="A sentence or two on what it covers.")
    sub_themes: list[Text] = Field(
        default_factory=empty_list,
        description="Themes listed under this objective, e.g. Burglary; Fraud and cyber crime.",
    )
    outcomes: list[Text] = Field(
        default_factory=empty_list, description="What success looks like for this objective."
    )
    measures: list[Text] = Field(
        default_factory=empty_list, description="How progress is measured (indicators, targets)."
    )
    policing_only: bool = Field(
        False,
        description="True for an objective for the police alone (budgets, workforce, "
        "technology, force efficiency): partnerships must have regard to it but are not "
        "expected to adopt it, so no gap is reported.",
    )


class PolicePlan(Document):
    """A police and crime plan, issued by the local policing body for one force area."""

    kind: Literal["police-and-crime-plan"] = Field(
        description="Always `police-and-crime-plan` for this document."
    )
    force_area: Text = Field(description="Police force area, e.g. Wessex.")
    title: Text = Field(
        description="Title of the plan, e.g. Wessex Police and Crime Plan 2025-2029."
    )
    title_cy: WelshText | None = None
    forces: list[Text] = Field(
        default_factory=empty_list,
        description="When the plan covers more than one police force area (one mayor, two "
        "forces; a merged force): every force area it covers. Partnerships of each are "
        "checked against the plan and grouped by force in every report.",
    )
    issued_by: LocalPolicingBody | None = Field(
        None,
        description="The local policing body that issues the plan. Left out (with no "
        "'commissioner'), the plan is read as a Police and Crime Commissioner's.",
    )
    commissioner: Commissioner | None = Field(
        None, description="Deprecated: write 'issued_by'. Read as issued_by with kind pcc."
    )
    status: PlanStatusNote | None = Field(
        None,
        description="In force, or interim: the outgoing plan continuing until the successor "
        "body issues its own.",
    )
    supersedes: Supersedes | None = Field(
        None,
        description="The plan this one replaces, with where each old objective id went, so "
        "partnerships' 'supports' and 'regard' records naming old ids are carried across.",
    )
    period: Period | None = Field(
        None,
        description="Period the plan covers (PRSRA 2011 s.5): to the end of the financial year "
        "in which the issuing body's term ends or its functions transfer.",
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
    contact: Contact | None = Field(
        None, description="Who in the issuing body's office to contact about the plan."
    )

    @model_validator(mode="after")
    def _one_issuer(self) -> PolicePlan:
        if self.issued_by is not None and self.commissioner is not None:
            raise ValueError("give 'issued_by' or the older 'commissioner', not both")
        if self.supersedes is not None:
            ids = {o.id for o in self.objectives}
            unknown = sorted(
                {new for news in self.supersedes.mapping.values() for new in news} - ids
            )
            if unknown:
                raise ValueError(
                    f"supersedes.mapping names {', '.join(unknown)}, not objectives of this "
                    "plan: map each old id to objectives of this plan, or to [] if dropped"
                )
        return self

    @property
    def force_areas(self) -> list[str]:
        """Every force area the plan covers: `forces` when given, else `force_area`."""
        return list(self.forces) or [self.force_area]

    def covers(self, force_area: str) -> bool:
        key = area_key(force_area)
        return any(area_key(a) == key for a in [self.force_area, *self.forces])

    @property
    def body(self) -> LocalPolicingBody:
        """The issuing body: `issued_by`, the old `commissioner` read as one, or a PCC."""
        if self.issued_by is not None:
            return self.issued_by
        if self.commissioner is not None:
            office = (self.commissioner.office or "").casefold()
            kind: BodyKind = "mayor" if "mayor" in office else "pfcc" if "fire" in office else "pcc"
            name = (
                self.commissioner.office or f"Police and Crime Commissioner for {self.force_area}"
            )
            return LocalPolicingBody(kind=kind, name=name, holder=self.commissioner.name)
        return LocalPolicingBody(
            kind="pcc", name=f"Police and Crime Commissioner for {self.force_area}"
        )
