"""The welcome pack as data: the force area's partnerships, introduced to the body that
issues the plan (a commissioner, a mayor or a board).

The LGA guide suggests partnerships give an incoming PCC a joint "brochure": details of
each CSP, its key contacts, its priorities, and a calendar of its meetings and document
production timetable for the year ahead (chapter 7). This module gathers those from the
CSP files and adds what the check knows: how each priority aligns with the police and
crime plan, the themes partnerships share, and where plan and partnerships already agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from .. import __version__
from ..assess import CheckResult
from ..assess.holdings import ThemeHolding, ThemeReading, priority_notes, theme_holdings
from ..match import Matcher
from ..models import (
    RESPONSIBLE_AUTHORITY_KEYS,
    Contact,
    CSPDocument,
    LocalPolicingBody,
    Meeting,
    Nation,
    PartnershipPlan,
    Strategy,
    Succession,
    TimetableItem,
)
from ..words import (
    BODY_WORDS,
    NATION_WORDS,
    STRATEGY_WORDS,
    TIER_WORDS,
    BodyWords,
    authority_label,
    short_date,
)

YEAR_AHEAD = dt.timedelta(days=365)


@dataclass(frozen=True)
class Authority:
    """One statutory responsible authority of a partnership."""

    name: str
    taking_part: bool | None
    """None when the CSP file does not say."""
    organisation: str | None
    representative: str | None
    issuing_body: str | None = None
    """The plan's issuing body, when it holds this authority's functions itself (a PFCC,
    or a mayor with fire): it is then also a responsible authority."""

    @property
    def organisation_words(self) -> str | None:
        """The organisation, and the issuing body when it is this authority as well."""
        if self.issuing_body is None:
            return self.organisation
        also = f"{self.issuing_body}, which issues the plan, is also this responsible authority"
        return f"{self.organisation}; {also}" if self.organisation else also


@dataclass(frozen=True)
class PriorityAlignment:
    id: str
    title: str
    objective: str | None
    """The best objective; when nothing is above 'none', the closest one."""
    objective_title: str
    score: int | None
    status: Literal["aligned", "partial", "none"]
    summary: str
    """The matcher's one-line explanation of the match."""


@dataclass(frozen=True)
class Partnership:
    id: str
    name: str
    name_cy: str | None
    nation: Nation
    tier: str | None
    path: str
    local_authorities: tuple[str, ...]
    authorities: tuple[Authority, ...]
    contacts: tuple[Contact, ...]
    priorities: tuple[PriorityAlignment, ...]
    meetings: tuple[Meeting, ...]
    """In date order."""
    timetable: tuple[TimetableItem, ...]
    """In date order."""
    plan: PartnershipPlan | None
    assessment_date: dt.date | None
    force_area: str = ""
    strategies: tuple[Strategy, ...] = ()
    predecessors: tuple[Succession, ...] = ()
    successor: Succession | None = None

    @property
    def nation_words(self) -> str:
        return NATION_WORDS[self.nation]

    @property
    def strategies_words(self) -> str | None:
        """'Serious violence (review 31 Jan 2027); Prevent (no review date)': one line, so
        a partnership's page still prints on one sheet."""
        if not self.strategies:
            return None
        parts = []
        for s in self.strategies:
            words = STRATEGY_WORDS[s.kind]
            when = f"review {short_date(s.next_review)}" if s.next_review else "no review date"
            parts.append(f"{words[:1].upper()}{words[1:]} ({when})")
        return "; ".join(parts)

    @property
    def tier_words(self) -> str | None:
        return TIER_WORDS.get(self.tier, self.tier) if self.tier else None


@dataclass(frozen=True)
class Agreement:
    """One objective and the partnerships that address it."""

    objective: str
    title: str
    addressed_by: tuple[str, ...]


@dataclass(frozen=True)
class CalendarEntry:
    date: dt.date
    csp: str
    kind: Literal["meeting", "document"]
    what: str


@dataclass(frozen=True)
class WelcomePack:
    as_of: dt.date
    tool_version: str
    force_area: str
    plan_title: str
    plan_path: str
    plan_period: str | None
    plan_url: str | None
    body: LocalPolicingBody
    """The body that issues the plan; its kind chooses every word the pack uses for it."""
    plan_contact: Contact | None
    partnerships: tuple[Partnership, ...]
    themes: tuple[ThemeHolding, ...]
    """Themes of the partnerships' priorities, most widely held first."""
    agreements: tuple[Agreement, ...]
    """Every objective of the plan, in plan order."""
    calendar: tuple[CalendarEntry, ...]
    """Meetings and documents due from the as-of date for a year, in date order."""
    forces: tuple[str, ...] = ()
    """Every force area the plan covers, when it covers several."""
    welsh: dict[str, str] = field(default_factory=dict)
    """Titles and names the documents also give in Welsh (words.with_welsh)."""
    names: dict[str, str] = field(default_factory=dict)
    """Every partnership of the run, ended ones too: id -> name, for successions."""

    def succession_name(self, link: Succession) -> str:
        return self.names.get(link.partnership, link.partnership)

    @property
    def tiers(self) -> list[tuple[str, int]]:
        """('district', 3), ... in the order TIER_WORDS gives, then 'tier not recorded'."""
        counted = Counter(p.tier for p in self.partnerships)
        found = [(TIER_WORDS[t], counted[t]) for t in TIER_WORDS if counted[t]]
        if counted[None]:
            found.append(("tier not recorded", counted[None]))
        return found

    @property
    def shared_themes(self) -> tuple[ThemeHolding, ...]:
        return tuple(t for t in self.themes if t.shared)

    @property
    def widely_shared(self) -> tuple[ThemeHolding, ...]:
        """Shared themes held by more than half of the partnerships."""
        total = len(self.partnerships)
        return tuple(t for t in self.shared_themes if len(t.csps) * 2 > total)

    @property
    def some_shared(self) -> tuple[ThemeHolding, ...]:
        """Shared themes held by half of the partnerships or fewer."""
        return tuple(t for t in self.shared_themes if t not in self.widely_shared)

    @property
    def local_themes(self) -> tuple[ThemeHolding, ...]:
        return tuple(t for t in self.themes if not t.shared)

    @property
    def most_agree(self) -> tuple[Agreement, ...]:
        """Objectives more than half of the partnerships address."""
        total = len(self.partnerships)
        return tuple(a for a in self.agreements if total and len(a.addressed_by) * 2 > total)

    @property
    def fewer_agree(self) -> tuple[Agreement, ...]:
        return tuple(a for a in self.agreements if a not in self.most_agree)

    @property
    def words(self) -> BodyWords:
        return BODY_WORDS[self.body.kind]

    @property
    def body_facts(self) -> tuple[tuple[str, str], ...]:
        """(label, value) lines naming the body, in the words for its kind."""
        return body_facts(self.body)

    def name_of(self, csp: str) -> str:
        return next((p.name for p in self.partnerships if p.id == csp), csp)


def body_facts(body: LocalPolicingBody) -> tuple[tuple[str, str], ...]:
    """(label, value) lines naming a local policing body: no 'commissioner' for a mayor."""
    words = BODY_WORDS[body.kind]
    facts = [("Issued by", body.name)]
    if body.holder:
        facts.append((words.holder, body.holder))
    if body.deputy_mayor:
        facts.append(("Deputy mayor for policing and crime", body.deputy_mayor))
    if body.members:
        facts.append(("Members", "; ".join(body.members)))
    if body.holds_fire:
        facts.append(("Fire and rescue", "also holds the fire and rescue authority's functions"))
    return tuple(facts)


def _authorities(csp: CSPDocument, body: LocalPolicingBody) -> tuple[Authority, ...]:
    found = []
    nation = csp.in_nation
    for key in RESPONSIBLE_AUTHORITY_KEYS[nation]:
        participation = (
            csp.responsible_authorities.participation(key, nation)
            if csp.responsible_authorities is not None
            else None
        )
        issuing = body.name if key == "fire_and_rescue_authority" and body.holds_fire else None
        if participation is None:
            found.append(Authority(authority_label(key), None, None, None, issuing))
        else:
            found.append(
                Authority(
                    authority_label(key),
                    participation.taking_part,
                    participation.organisation,
                    participation.representative,
                    issuing,
                )
            )
    return tuple(found)


def _alignment(result: CheckResult, csp: CSPDocument) -> tuple[PriorityAlignment, ...]:
    titles = {o.id: o.title for o in result.plan.objectives}
    aligned = []
    for priority in csp.priorities:
        best = result.table.closest(csp.id, priority.id)
        if best is None:
            aligned.append(
                PriorityAlignment(priority.id, priority.title, None, "", None, "none", "")
            )
            continue
        aligned.append(
            PriorityAlignment(
                priority.id,
                priority.title,
                best.objective,
                titles.get(best.objective, ""),
                best.score,
                best.status,
                best.summary,
            )
        )
    return tuple(aligned)


def _calendar(partnerships: tuple[Partnership, ...], as_of: dt.date) -> tuple[CalendarEntry, ...]:
    until = as_of + YEAR_AHEAD
    entries = []
    for p in partnerships:
        for m in p.meetings:
            if as_of <= m.date <= until:
                what = m.body + (f": {m.title}" if m.title else "")
                entries.append(CalendarEntry(m.date, p.id, "meeting", what))
        for item in p.timetable:
            if as_of <= item.due <= until:
                entries.append(CalendarEntry(item.due, p.id, "document", item.document))
    order = {p.id: i for i, p in enumerate(partnerships)}
    entries.sort(key=lambda e: (e.date, order[e.csp], e.kind != "meeting", e.what))
    return tuple(entries)


def build_pack(result: CheckResult, matcher: Matcher | None = None) -> WelcomePack:
    themes = ThemeReading.of(matcher or Matcher())
    plan = result.plan
    partnerships = tuple(
        Partnership(
            id=csp.id,
            name=csp.name,
            name_cy=csp.name_cy,
            nation=csp.in_nation,
            tier=csp.tier,
            path=doc.source.shown,
            local_authorities=tuple(csp.local_authorities),
            authorities=_authorities(csp, plan.body),
            contacts=tuple(csp.contacts),
            priorities=_alignment(result, csp),
            meetings=tuple(sorted(csp.meetings, key=lambda m: m.date)),
            timetable=tuple(sorted(csp.timetable, key=lambda t: t.due)),
            plan=csp.plan,
            assessment_date=csp.strategic_assessment.date if csp.strategic_assessment else None,
            force_area=csp.force_area,
            strategies=tuple(csp.strategies),
            predecessors=tuple(csp.predecessors),
            successor=csp.successor,
        )
        for doc, csp in zip(result.csp_docs, result.csps, strict=True)
        # a partnership whose successor has taken over is not introduced: the successor
        # names it among what it replaced
        if not csp.ended_by(result.as_of)
    )
    titles = {o.id: o.title for o in plan.objectives}
    current = {p.id for p in partnerships}
    notes = [n for csp in result.csps if csp.id in current for n in priority_notes(csp, themes)]
    return WelcomePack(
        as_of=result.as_of,
        tool_version=__version__,
        force_area=plan.force_area,
        plan_title=plan.title,
        plan_path=result.plan_doc.source.shown,
        plan_period=plan.period.label() if plan.period else None,
        plan_url=plan.url,
        body=plan.body,
        plan_contact=plan.contact,
        partnerships=partnerships,
        themes=theme_holdings(plan, notes, [], [p.id for p in partnerships], themes),
        agreements=tuple(
            Agreement(c.objective, titles[c.objective], c.addressed_by) for c in result.coverage
        ),
        calendar=_calendar(partnerships, result.as_of),
        forces=tuple(plan.forces),
        welsh=result.welsh,
        names={csp.id: csp.name for csp in result.csps},
    )
