"""The Community Safety Partnership document: who the partnership is and what it prioritises."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, model_validator

from .common import Contact, Document, Identifier, PlanDate, Text, Url, WelshText, empty_list
from .nation import HEALTH_KEY, OLD_AUTHORITY_KEYS, Nation, nation_of_area
from .periods import Period

CSP_KIND = "community-safety-partnership"

Tier = Literal["district", "unitary", "county", "london-borough", "welsh", "merged"]
"""'welsh' is deprecated: Wales is a nation (`nation: wales`), not a kind of council."""


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
    """The statutory responsible authorities (CDA 1998 s.5(1)), by their legal names, and
    whether each takes part. The older short keys (police, local_authority,
    fire_and_rescue, health, probation) are still read, with a hint (AK704)."""

    chief_officer_of_police: Participation | None = Field(
        None, description="The chief officer of police for the force area."
    )
    councils: Participation | None = Field(
        None,
        description="The council(s): the district, unitary, borough or Welsh principal "
        "council, and the county council in a two-tier area.",
    )
    fire_and_rescue_authority: Participation | None = Field(
        None,
        description="The fire and rescue authority (where a PFCC or a mayor holds fire "
        "functions, that body).",
    )
    integrated_care_board: Participation | None = Field(
        None, description="England: the integrated care board (ICB)."
    )
    local_health_board: Participation | None = Field(
        None, description="Wales: the Local Health Board."
    )
    probation_provider: Participation | None = Field(
        None, description="The probation provider (the Probation Service)."
    )
    police: Participation | None = Field(
        None,
        description="Deprecated: write chief_officer_of_police.",
        json_schema_extra={"deprecated": True},
    )
    local_authority: Participation | None = Field(
        None, description="Deprecated: write councils.", json_schema_extra={"deprecated": True}
    )
    fire_and_rescue: Participation | None = Field(
        None,
        description="Deprecated: write fire_and_rescue_authority.",
        json_schema_extra={"deprecated": True},
    )
    health: Participation | None = Field(
        None,
        description="Deprecated: write integrated_care_board (England) or "
        "local_health_board (Wales).",
        json_schema_extra={"deprecated": True},
    )
    probation: Participation | None = Field(
        None,
        description="Deprecated: write probation_provider.",
        json_schema_extra={"deprecated": True},
    )

    @model_validator(mode="after")
    def _each_authority_once(self) -> ResponsibleAuthorities:
        for old, new in OLD_AUTHORITY_KEYS.items():
            news = list(HEALTH_KEY.values()) if new == "health" else [new]
            given = [key for key in news if self._given(key)]
            if self._given(old) and given:
                raise ValueError(f"give '{given[0]}' or the older '{old}', not both")
        if self._given("integrated_care_board") and self._given("local_health_board"):
            raise ValueError(
                "give integrated_care_board (England) or local_health_board (Wales), not both"
            )
        return self

    def _given(self, key: str) -> bool:
        return key in self.model_fields_set and getattr(self, key) is not None

    def written_key(self, key: str, nation: Nation) -> str | None:
        """The key the file uses for the authority `key` (a legal name; the health key
        of ``nation``), the new or the old one, or None when it is not recorded."""
        if self._given(key):
            return key
        old = next((o for o, n in OLD_AUTHORITY_KEYS.items() if n == key), None)
        if key == HEALTH_KEY[nation]:
            old = "health"
        return old if old is not None and self._given(old) else None

    def participation(self, key: str, nation: Nation = "england") -> Participation | None:
        written = self.written_key(key, nation)
        value = getattr(self, written) if written else None
        return value if isinstance(value, Participation) else None

    def in_legal_names(self, nation: Nation) -> ResponsibleAuthorities:
        """The same record with every older short key written as its legal name: what
        the spreadsheet template writes back, so a document comes out in today's terms."""
        values = {
            key: self.participation(key, nation)
            for key in (*HEALTH_KEY.values(), *OLD_AUTHORITY_KEYS.values())
            if key != "health" and self.written_key(key, nation) is not None
        }
        return ResponsibleAuthorities(**values)

    @property
    def old_keys(self) -> list[str]:
        """The older short keys the file uses, in the order the model lists them."""
        return [old for old in OLD_AUTHORITY_KEYS if self._given(old)]


class KeyFinding(Document):
    """One finding of the strategic assessment and the evidence behind it."""

    finding: Text = Field(description="What the assessment found, e.g. Domestic abuse up 12%.")
    evidence: Text | None = Field(None, description="The data or source behind the finding.")


class StrategicAssessment(Document):
    """The annual strategic assessment: the evidence base for the partnership's priorities."""

    date: PlanDate = Field(description="When the assessment was completed (YYYY-MM-DD).")
    period: Period | None = Field(None, description="The period of data the assessment covers.")
    findings: list[KeyFinding] = Field(default_factory=empty_list, description="Key findings.")
    url: Url | None = None


class PartnershipPlan(Document):
    """The partnership plan (usually three-year rolling, refreshed each year)."""

    title: Text | None = None
    period: Period | None = Field(None, description="Period the plan covers.")
    next_refresh: PlanDate | None = Field(
        None, description="When the plan is next refreshed (YYYY-MM-DD)."
    )
    url: Url | None = None
    sent_to_policing_body: PlanDate | None = Field(
        None,
        description="When the plan was sent to the body that issues the police and crime "
        "plan (YYYY-MM-DD): in England SI 2007/1830 reg 13A (inserted by SI 2012/2660) "
        "requires it.",
    )


StrategyKind = Literal[
    "serious-violence",
    "substance-misuse",
    "reoffending",
    "prevent",
    "domestic-abuse-safe-accommodation",
]
"""The statutory strategies a partnership (or its councils) holds besides its plan."""

STRATEGY_KINDS: tuple[StrategyKind, ...] = (
    "serious-violence",
    "substance-misuse",
    "reoffending",
    "prevent",
    "domestic-abuse-safe-accommodation",
)


class Strategy(Document):
    """A statutory strategy the partnership holds: what it is, when adopted, when reviewed."""

    kind: StrategyKind = Field(
        description="serious-violence (Serious Violence Duty, from 31 January 2023), "
        "substance-misuse or reoffending (CDA 1998 s.6), prevent (CTSA 2015 s.26), or "
        "domestic-abuse-safe-accommodation (England only: Domestic Abuse Act 2021 Part 4, "
        "held by the tier-one council)."
    )
    title: Text | None = Field(None, description="The strategy's title, as published.")
    adopted: PlanDate | None = Field(None, description="When it was adopted (YYYY-MM-DD).")
    next_review: PlanDate | None = Field(
        None, description="When it is next reviewed (YYYY-MM-DD); a date passed is reported."
    )
    url: Url | None = None


class Succession(Document):
    """Another partnership this one replaced, or that replaces it, and when."""

    partnership: Text = Field(
        description="The other partnership's id (when it has a file here) or its name."
    )
    date: PlanDate = Field(description="When the change took or takes effect (YYYY-MM-DD).")
    note: Text | None = Field(None, description="e.g. 'District councils replaced by a unitary'.")


class Priority(Document):
    """One priority of the partnership plan."""

    id: Identifier = Field(description="Short reference, unique within this partnership.")
    title: Text = Field(description="The priority as the partnership plan states it.")
    title_cy: WelshText | None = None
    description: Text | None = Field(None, description="What it covers, in a sentence or two.")
    evidence: Text | None = Field(
        None, description="Why this is a priority: the assessment evidence."
    )
    outcomes: list[Text] = Field(default_factory=empty_list, description="What success looks like.")
    measures: list[Text] = Field(
        default_factory=empty_list, description="How progress is measured."
    )
    lead: Text | None = Field(None, description="Who leads on this priority (a body or a group).")
    supports: list[Identifier] = Field(
        default_factory=empty_list,
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
    devolved: bool = Field(
        False,
        description="Wales only: true when the objective concerns devolved Welsh functions "
        "(e.g. health, education, housing), which the duty to have regard does not reach "
        "(CDA 1998 s.6(1A)).",
    )


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
    name_cy: WelshText | None = None
    force_area: Text = Field(description="Police force area; must match the police and crime plan.")
    nation: Nation | None = Field(
        None,
        description="england or wales. Left out, it is wales for the four Welsh force areas "
        "(and for the older tier: welsh), england otherwise.",
    )
    tier: Tier | None = Field(
        None,
        description="Kind of area: district, unitary, county (county strategy group), "
        "london-borough, or merged (partnerships that have merged). 'welsh' is "
        "deprecated: write nation: wales and the tier (unitary).",
    )
    local_authorities: list[Text] = Field(
        default_factory=empty_list, description="Councils covered by the partnership."
    )
    responsible_authorities: ResponsibleAuthorities | None = None
    strategic_assessment: StrategicAssessment | None = None
    plan: PartnershipPlan | None = None
    priorities: list[Priority] = Field(
        min_length=1, description="The partnership plan's priorities."
    )
    regard: list[RegardRecord] = Field(
        default_factory=empty_list,
        description="PCC objectives considered and not adopted locally, each with the reason.",
    )
    contacts: list[Contact] = Field(default_factory=empty_list, description="Key contacts.")
    meetings: list[Meeting] = Field(default_factory=empty_list, description="Calendar of meetings.")
    timetable: list[TimetableItem] = Field(
        default_factory=empty_list, description="Document production timetable."
    )
    funding: list[Funding] = Field(
        default_factory=empty_list,
        description="What the partnership is funded for, and by whom (e.g. what the "
        "outgoing body funds), for the handover pack.",
    )
    strategies: list[Strategy] = Field(
        default_factory=empty_list,
        description="The statutory strategies the partnership holds besides its plan.",
    )
    predecessors: list[Succession] = Field(
        default_factory=empty_list,
        description="Partnerships this one replaced (merged district partnerships, a county "
        "strategy group), each with the date.",
    )
    successor: Succession | None = Field(
        None,
        description="The partnership that replaces this one (e.g. at a new unitary council) "
        "and from when: from that date this one is reported as ended.",
    )

    @model_validator(mode="after")
    def _one_nation(self) -> CSPDocument:
        if self.tier == "welsh" and self.nation == "england":
            raise ValueError("tier 'welsh' is a Welsh partnership, but nation is 'england'")
        nation = self.in_nation
        authorities = self.responsible_authorities
        other = HEALTH_KEY["wales" if nation == "england" else "england"]
        if authorities is not None and authorities.written_key(other, nation) == other:
            raise ValueError(
                f"{other} is not a responsible authority in {nation.capitalize()}: write "
                f"{HEALTH_KEY[nation]} (this partnership's nation is {nation})"
            )
        if nation == "wales" and any(
            s.kind == "domestic-abuse-safe-accommodation" for s in self.strategies
        ):
            raise ValueError(
                "the domestic abuse safe accommodation strategy (Domestic Abuse Act 2021 "
                "Part 4) applies in England only: remove it, or set nation: england"
            )
        if nation == "england":
            devolved = [r.objective for r in self.regard if r.devolved]
            if devolved:
                raise ValueError(
                    f"regard for {', '.join(devolved)} is marked devolved, but only Welsh "
                    "partnerships have devolved functions: remove 'devolved' or set "
                    "nation: wales"
                )
        return self

    def with_legal_names(self) -> CSPDocument:
        """This document with its responsible authorities under their legal names."""
        if self.responsible_authorities is None or not self.responsible_authorities.old_keys:
            return self
        current = self.responsible_authorities.in_legal_names(self.in_nation)
        return self.model_copy(update={"responsible_authorities": current})

    def ended_by(self, day: dt.date) -> bool:
        """True when a successor has taken over on or before ``day``."""
        return self.successor is not None and self.successor.date <= day

    @property
    def in_nation(self) -> Nation:
        """The nation: as written; else Wales for tier 'welsh'; else by the force area."""
        if self.nation is not None:
            return self.nation
        if self.tier == "welsh":
            return "wales"
        return nation_of_area(self.force_area)
