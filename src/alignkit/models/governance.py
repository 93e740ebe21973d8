"""Who issues the plan (the local policing body) and the governance events around it.

Since 2012 the body that issues a police and crime plan has been a Police and Crime
Commissioner in most force areas, but not all: a Police, Fire and Crime Commissioner in
four, a mayor (often through a deputy mayor) in five, the Common Council in the City of
London; and the government has announced that PCCs end in May 2028, their functions
passing to mayors or policing and crime boards. So the body is data, not an assumption,
and so are the dates around it: nothing here predicts an election by arithmetic.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ..words import MONTHS, STATUS_WORDS
from .common import Document, PlanDate, Text, Url, empty_list

BodyKind = Literal["pcc", "pfcc", "mayor", "policing-and-crime-board", "city-of-london"]
"""The kinds of local policing body that issue a police and crime plan."""

BODY_KINDS: tuple[BodyKind, ...] = (
    "pcc",
    "pfcc",
    "mayor",
    "policing-and-crime-board",
    "city-of-london",
)

EventKind = Literal[
    "pcc-election",
    "mayoral-election",
    "transfer",
    "pcc-terms-end",
    "board-takes-over",
    "successor-plan-due",
]
"""What a governance event is."""

EventStatus = Literal[
    "held",
    "in-force",
    "announced",
    "announced-subject-to-legislation",
    "uncertain",
    "recorded-locally",
]
"""How sure the date is: held or in force (done), announced, or not yet settled."""

Precision = Literal["day", "month", "year"]


class Term(Document):
    """The issuing body's term of office: when it began and when it ends, if known."""

    start: PlanDate | None = Field(None, description="When the term began (YYYY-MM-DD).")
    end: PlanDate | None = Field(
        None,
        description="When the term ends (YYYY-MM-DD), if known. A plan that runs past the end "
        "of the financial year containing this date is reported (AK605).",
    )


class LocalPolicingBody(Document):
    """The local policing body that issues the plan: who holds the PCC functions."""

    kind: BodyKind = Field(
        description="pcc (Police and Crime Commissioner), pfcc (Police, Fire and Crime "
        "Commissioner), mayor (a mayor with PCC functions), policing-and-crime-board, or "
        "city-of-london (the Common Council as police authority)."
    )
    name: Text = Field(
        description="The body's name, e.g. Police and Crime Commissioner for Wessex, Mayor of "
        "Greater Manchester, Wessex Policing and Crime Board."
    )
    holder: Text | None = Field(
        None, description="The office holder (the commissioner or mayor) or the board's chair."
    )
    deputy_mayor: Text | None = Field(
        None,
        description="For a mayor: the deputy mayor who exercises the policing functions, if any.",
    )
    members: list[Text] = Field(
        default_factory=empty_list,
        description="For a board: its members (e.g. the council leaders).",
    )
    fire: bool | None = Field(
        None,
        description="Whether the body also holds fire and rescue functions. Left out, it is "
        "true for a pfcc and false otherwise.",
    )
    term: Term | None = Field(None, description="The body's term of office, if known.")

    @property
    def holds_fire(self) -> bool:
        return self.fire if self.fire is not None else self.kind == "pfcc"


class GovernanceEvent(Document):
    """A dated governance event: an election held, a transfer of functions, a term's end.

    alignkit ships a table of these (with the source and status of each) and a force area
    adds or overrides entries in alignkit.toml, e.g. the date its board takes over.
    """

    id: Text = Field(
        description="A stable name; an entry in alignkit.toml with the same id replaces the "
        "shipped one."
    )
    kind: EventKind
    date: PlanDate = Field(description="The date (YYYY-MM-DD); see 'precision'.")
    precision: Precision = Field(
        "day", description="How exact the date is: day, or only the month or year is known."
    )
    title: Text = Field(description="What happens, in a few words.")
    status: EventStatus = Field(
        "recorded-locally", description="How sure the date is (alignkit.toml: recorded-locally)."
    )
    source: Text | None = Field(
        None, description="Where the fact comes from (for alignkit.toml: the file, if left out)."
    )
    url: Url | None = None
    force_areas: list[Text] = Field(
        default_factory=empty_list,
        description="The force areas it applies to; empty means every force area.",
    )
    bodies: list[BodyKind] = Field(
        default_factory=empty_list,
        description="The kinds of issuing body it applies to; empty means every kind.",
    )
    successor: Text | None = Field(
        None, description="For a transfer or a term's end: who takes the functions, if known."
    )
    incoming: LocalPolicingBody | None = Field(
        None,
        description="For a transfer or a term's end: the incoming body, when known (a mayor, "
        "or a board with its chair and members), for the handover pack.",
    )
    note: Text | None = None

    def applies_to(self, force_area: str, body: BodyKind) -> bool:
        area = " ".join(force_area.casefold().split())
        areas = {" ".join(a.casefold().split()) for a in self.force_areas}
        return (not areas or area in areas) and (not self.bodies or body in self.bodies)

    @property
    def settled(self) -> bool:
        """True when the event has happened or is in force: no status needs showing."""
        return self.status in ("held", "in-force")

    @property
    def ends_term(self) -> bool:
        """Whether the issuing body's term ends or its functions move on this date.

        An ordinary PCC election ended the sitting commissioner's term; a transfer or the
        announced end of PCC terms ends it too. AK605 and the calendar read these.
        """
        return self.kind in ("pcc-election", "transfer", "pcc-terms-end", "board-takes-over")

    @property
    def when(self) -> str:
        """The date as exactly as the source gives it: '4 May 2028' or 'May 2028'."""
        return display_date(self.date, self.precision)

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def dated(self) -> str:
        """'May 2028, announced, subject to legislation'; a settled date stands alone."""
        return self.when if self.settled else f"{self.when}, {self.status_words}"


class Supersedes(Document):
    """The plan this one replaces, and where each of its objectives went."""

    title: Text = Field(description="The outgoing plan's title, as partnerships know it.")
    mapping: dict[str, list[str]] = Field(
        description="Each old objective id -> the new ids it became: one (renumbered), "
        "several (split), the same new id under several old ones (merged), or [] (dropped)."
    )


PlanStatus = Literal["in-force", "interim"]


class PlanStatusNote(Document):
    """Whether the plan is in force, or continues as an interim plan until a successor's."""

    status: PlanStatus = Field(
        description="in-force, or interim: the outgoing plan continues until the successor "
        "body issues its own."
    )
    until: Text | None = Field(
        None, description="For an interim plan: until when, e.g. 'the board issues its plan'."
    )
    since: PlanDate | None = Field(None, description="Since when (YYYY-MM-DD).")


def display_date(day: dt.date, precision: Precision) -> str:
    """'4 May 2028', 'May 2028' or '2028', as exactly as the source gives it."""
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
