"""Every dated item in a force area's documents, gathered into one timeline.

The LGA guide asks partnerships to align their planning cycles with the plan's, and to
give the body that issues it "a calendar of their meetings and document production
timetable". This module gathers those dates from the validated documents, and the
governance events around them (elections held, transfers, the end of PCC terms) from the
governance table: never an election worked out by adding years. The renderers (`ics`,
`html`) only lay them out. Nothing here reads a clock: the as-of date is passed in, so
the same documents always give the same calendar.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from enum import StrEnum

from ..assess.cycles import financial_year_end, plan_limit
from ..assess.governance import Governance
from ..models import CSPDocument, GovernanceEvent, Period, PolicePlan
from ..words import BODY_WORDS, STRATEGY_WORDS, BodyWords, long_date, short_date

UID_DOMAIN = "alignkit"


def period_words(period: Period) -> str:
    """'2025/26-2027/28 (1 April 2025 to 31 March 2028)'; ISO-style periods once only."""
    label = period.label()
    span = f"{long_date(period.start)} to {long_date(period.end)}"
    if label.startswith(period.start.isoformat()):
        return span
    return f"{label} ({span})"


class Kind(StrEnum):
    """What a dated item is. The values are part of each event's UID: keep them stable."""

    PLAN_START = "plan-start"
    PLAN_END = "plan-end"
    PLAN_REFRESH = "plan-refresh"
    ASSESSMENT = "strategic-assessment"
    MEETING = "meeting"
    DOCUMENT_DUE = "document-due"
    PCC_PLAN_START = "pcc-plan-start"
    PCC_PLAN_END = "pcc-plan-end"
    PCC_PUBLISHED = "pcc-plan-published"
    PCC_REVIEW = "pcc-plan-review"
    ELECTION = "pcc-election"
    GOVERNANCE = "governance"
    SUCCESSOR_PLAN = "successor-plan-due"
    STRATEGY_REVIEW = "strategy-review"


CATEGORY = {
    Kind.PLAN_START: "Partnership plan",
    Kind.PLAN_END: "Partnership plan",
    Kind.PLAN_REFRESH: "Plan refresh",
    Kind.ASSESSMENT: "Strategic assessment",
    Kind.MEETING: "Meeting",
    Kind.DOCUMENT_DUE: "Document due",
    Kind.PCC_PLAN_START: "Police and crime plan",
    Kind.PCC_PLAN_END: "Police and crime plan",
    Kind.PCC_PUBLISHED: "Police and crime plan",
    Kind.PCC_REVIEW: "Plan review",
    Kind.ELECTION: "PCC election",
    Kind.GOVERNANCE: "Governance",
    Kind.SUCCESSOR_PLAN: "Police and crime plan",
    Kind.STRATEGY_REVIEW: "Strategy review",
}
"""The word each kind is filed under (iCalendar CATEGORIES; the table's 'What')."""

GOVERNANCE_KINDS = frozenset({Kind.ELECTION, Kind.GOVERNANCE, Kind.SUCCESSOR_PLAN})
"""The kinds alignkit adds from the governance table rather than reads from a document."""

OUT_OF_STEP = "Out of step"
OUT_OF_STEP_CODES = frozenset({"AK603", "AK604", "AK605"})

OutOfStep = AbstractSet[tuple[str, str | None]]
"""(finding code, CSP id or None for the plan) of the out-of-step findings to mark."""


@dataclass(frozen=True)
class Owner:
    """Whose date it is: a partnership, or the PCC's side of the force area."""

    id: str
    name: str
    short: str
    is_pcc: bool = False


@dataclass(frozen=True)
class Misalignment:
    """A planning cycle out of step with the police and crime plan's.

    `code` is the finding code `alignkit check` reports for the same thing, so the
    calendar and the report can be read side by side.
    """

    code: str
    label: str
    """A few words for the chart, e.g. 'refreshes after PCC review'."""
    sentence: str
    overrun_from: dt.date | None = None
    """For a plan that runs too long: the first day past where it should have ended."""


@dataclass(frozen=True)
class DatedItem:
    day: dt.date
    kind: Kind
    owner: Owner
    what: str
    """What happens, after the owner: 'partnership plan refresh due'."""
    details: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    """Longer context for the calendar entry only (e.g. an assessment's key findings)."""
    location: str | None = None
    url: str | None = None
    misalignment: Misalignment | None = None
    key: str = ""
    """The document's own words for the item (a meeting's body, a document's name), for the UID."""
    uid: str = ""

    @property
    def summary(self) -> str:
        return f"{self.owner.short}: {self.what}"

    @property
    def category(self) -> str:
        return CATEGORY[self.kind]

    @property
    def categories(self) -> tuple[str, ...]:
        words = (self.category, self.owner.short)
        return (*words, OUT_OF_STEP) if self.misalignment else words


@dataclass(frozen=True)
class Lane:
    """One row of the timeline: the PCC's plan, or one partnership."""

    owner: Owner
    period: Period | None
    items: tuple[DatedItem, ...]
    misalignments: tuple[Misalignment, ...] = ()


@dataclass(frozen=True)
class AreaCalendar:
    force_area: str
    plan_title: str
    as_of: dt.date
    lanes: tuple[Lane, ...]
    """The police and crime plan first, then each partnership in the order given."""
    items: tuple[DatedItem, ...]
    """Every item, governance events included, sorted by date then UID."""
    body: BodyWords = BODY_WORDS["pcc"]
    """How the body that issues the plan is named."""
    partnerships: int = 0
    misalignments: tuple[tuple[Owner, Misalignment], ...] = field(default=())

    @property
    def document_items(self) -> tuple[DatedItem, ...]:
        """The dates the documents give (everything but the governance events alignkit adds)."""
        return tuple(i for i in self.items if i.kind not in GOVERNANCE_KINDS)

    @property
    def first(self) -> dt.date:
        return min([self.as_of, *(i.day for i in self.items)])

    @property
    def last(self) -> dt.date:
        return max([self.as_of, *(i.day for i in self.items)])


def short_name(name: str) -> str:
    """'Northdown Community Safety Partnership' -> 'Northdown CSP'; other names as written."""
    suffix = "community safety partnership"
    if name.casefold().endswith(suffix) and len(name) > len(suffix):
        return f"{name[: -len(suffix)].rstrip()} CSP"
    return name


def _uid(force_area: str, item: DatedItem, seen: dict[str, int]) -> str:
    """A UID from the item's content, so a re-import updates the event instead of adding one.

    Two identical items (same owner, kind, date and words) get '#2', '#3'… in the order the
    document lists them, which keeps every UID unique and still stable.
    """
    text = "\x1f".join(
        (
            " ".join(force_area.casefold().split()),
            item.owner.id,
            item.kind.value,
            item.day.isoformat(),
            item.key,
        )
    )
    count = seen.get(text, 0) + 1
    seen[text] = count
    if count > 1:
        text += f"#{count}"
    return f"{hashlib.sha1(text.encode('utf-8')).hexdigest()}@{UID_DOMAIN}"


def _plan_items(
    plan: PolicePlan, owner: Owner, flagged: OutOfStep, governance: Governance
) -> tuple[list[DatedItem], list[Misalignment]]:
    items: list[DatedItem] = []
    problems: list[Misalignment] = []
    title = plan.title
    body = BODY_WORDS[plan.body.kind]
    if plan.period is not None:
        period = plan.period
        words = period_words(period)
        limit = plan_limit(plan, governance)
        late: Misalignment | None = None
        if ("AK605", None) in flagged and limit is not None:
            late = Misalignment(
                "AK605",
                f"runs past {short_date(limit.end_by)}",
                f"The police and crime plan runs to {long_date(period.end)}, past "
                f"{long_date(limit.end_by)}: the end of the financial year of "
                f"{limit.because}.",
                overrun_from=limit.end_by + dt.timedelta(days=1),
            )
            problems.append(late)
        items.append(
            DatedItem(
                period.start,
                Kind.PCC_PLAN_START,
                owner,
                f"police and crime plan {period.label()} begins",
                (title, f"Plan period: {words}."),
                url=plan.url,
                key=period.label(),
            )
        )
        end_details = [title, f"Plan period: {words}."]
        if limit is not None:
            end_details.append(
                "A plan has effect to the end of the financial year in which its issuing "
                f"body's term ends (PRSRA 2011 s.5): here {long_date(limit.end_by)}, "
                f"{limit.because}."
            )
        items.append(
            DatedItem(
                period.end,
                Kind.PCC_PLAN_END,
                owner,
                f"police and crime plan {period.label()} ends",
                tuple(end_details),
                url=plan.url,
                misalignment=late,
                key=period.label(),
            )
        )
    if plan.published is not None:
        items.append(
            DatedItem(
                plan.published,
                Kind.PCC_PUBLISHED,
                owner,
                "police and crime plan published",
                (title,),
                url=plan.url,
            )
        )
    if plan.next_review is not None:
        items.append(
            DatedItem(
                plan.next_review,
                Kind.PCC_REVIEW,
                owner,
                "police and crime plan review due",
                (
                    title,
                    f"The LGA guide suggests {body.noun} refreshes the plan each year, "
                    "taking account of changes in each partnership's plan.",
                ),
                url=plan.url,
            )
        )
    return items, problems


def _csp_items(
    csp: CSPDocument, plan: PolicePlan, owner: Owner, flagged: OutOfStep
) -> tuple[list[DatedItem], list[Misalignment], Period | None]:
    items: list[DatedItem] = []
    problems: list[Misalignment] = []
    name = csp.name
    period: Period | None = None
    if csp.plan is not None:
        title = csp.plan.title or "Partnership plan"
        url = csp.plan.url
        if csp.plan.period is not None:
            period = csp.plan.period
            words = period_words(period)
            apart: Misalignment | None = None
            if plan.period is not None and ("AK603", csp.id) in flagged:
                apart = Misalignment(
                    "AK603",
                    "no overlap with police and crime plan",
                    f"{name}'s plan ({period.label()}) does not overlap the police and crime "
                    f"plan ({plan.period.label()}).",
                )
                problems.append(apart)
            details = [name, title, f"Plan period: {words}."]
            for day, kind, verb in (
                (period.start, Kind.PLAN_START, "begins"),
                (period.end, Kind.PLAN_END, "ends"),
            ):
                items.append(
                    DatedItem(
                        day,
                        kind,
                        owner,
                        f"partnership plan {period.label()} {verb}",
                        tuple(details),
                        url=url,
                        misalignment=apart,
                        key=period.label(),
                    )
                )
        if csp.plan.next_refresh is not None:
            refresh = csp.plan.next_refresh
            late: Misalignment | None = None
            details = [name, title]
            if plan.next_review is not None:
                if ("AK604", csp.id) in flagged:
                    late = Misalignment(
                        "AK604",
                        "refreshes after plan review",
                        f"{name} next refreshes its plan on {long_date(refresh)}, after the "
                        f"police and crime plan's next review on {long_date(plan.next_review)}.",
                    )
                    problems.append(late)
                elif refresh <= plan.next_review:
                    # Not said of a waived late refresh: it is still after the review.
                    details.append(
                        "Before the police and crime plan's next review on "
                        f"{long_date(plan.next_review)}."
                    )
            items.append(
                DatedItem(
                    refresh,
                    Kind.PLAN_REFRESH,
                    owner,
                    "partnership plan refresh due",
                    tuple(details),
                    url=url,
                    misalignment=late,
                )
            )
    if csp.strategic_assessment is not None:
        assessment = csp.strategic_assessment
        details = [name]
        what = "strategic assessment"
        if assessment.period is not None:
            details.append(f"Covers {period_words(assessment.period)}.")
            what = f"strategic assessment (covers {assessment.period.label()})"
        items.append(
            DatedItem(
                assessment.date,
                Kind.ASSESSMENT,
                owner,
                what,
                tuple(details),
                url=assessment.url,
                extra=tuple(f"Finding: {f.finding}" for f in assessment.findings),
                key=assessment.period.label() if assessment.period else "",
            )
        )
    for meeting in csp.meetings:
        what = f"{meeting.body} meeting"
        if meeting.title:
            what += f" – {meeting.title}"
        items.append(
            DatedItem(
                meeting.date,
                Kind.MEETING,
                owner,
                what,
                (name,),
                location=meeting.location,
                key="\x1f".join((meeting.body, meeting.title or "")),
            )
        )
    for strategy in csp.strategies:
        if strategy.next_review is None:
            continue
        words = STRATEGY_WORDS[strategy.kind]
        items.append(
            DatedItem(
                strategy.next_review,
                Kind.STRATEGY_REVIEW,
                owner,
                f"{words} strategy review due",
                (name, *([strategy.title] if strategy.title else [])),
                url=strategy.url,
                key=strategy.kind,
            )
        )
    for entry in csp.timetable:
        details = [name]
        if entry.owner:
            details.append(f"Owner: {entry.owner}.")
        items.append(
            DatedItem(
                entry.due,
                Kind.DOCUMENT_DUE,
                owner,
                f"{entry.document} due",
                tuple(details),
                key=entry.document,
            )
        )
    return items, problems, period


def _shown_events(
    governance: Governance, first: dt.date, last: dt.date, as_of: dt.date
) -> list[GovernanceEvent]:
    """The events from ``first`` to ``last``, and the next one after the as-of date."""
    shown = list(governance.between(first, last))
    upcoming = governance.after(as_of - dt.timedelta(days=1))
    if upcoming and upcoming[0] not in shown:
        shown.append(upcoming[0])
    return shown


def _event_items(event: GovernanceEvent, owner: Owner, body: BodyWords) -> list[DatedItem]:
    """An event as a dated item; a term's end or a transfer also gives the successor's plan.

    Every date that is not settled carries its status in the words shown beside it, and
    every item names its source.
    """
    status = "" if event.settled else f" ({event.status_words})"
    details = [f"{event.title}. Date: {event.when}; status: {event.status_words}."]
    if event.successor:
        details.append(f"Functions pass to: {event.successor}.")
    if event.note:
        details.append(event.note)
    details.append(f"Source: {event.source}.")
    kind = Kind.ELECTION if event.kind == "pcc-election" else Kind.GOVERNANCE
    what = event.title
    items = [DatedItem(event.date, kind, owner, f"{what}{status}", tuple(details), key=event.id)]
    if event.ends_term and event.kind != "pcc-election":
        due = financial_year_end(event.date)
        successor = event.successor or "the successor body"
        items.append(
            DatedItem(
                due,
                Kind.SUCCESSOR_PLAN,
                owner,
                f"successor's first police and crime plan expected{status}",
                (
                    f"After {event.title} ({event.dated}), "
                    f"{successor} issues its first plan, by the end of that financial year "
                    f"({long_date(due)}) if the usual rule (PRSRA 2011 s.5) carries over; "
                    f"until then the outgoing plan of {body.noun} continues.",
                    f"Status: {event.status_words}. Source: {event.source}.",
                ),
                key=event.id,
            )
        )
    return items


def collect(
    plan: PolicePlan,
    csps: Sequence[CSPDocument],
    as_of: dt.date,
    flagged: OutOfStep,
    governance: Governance,
) -> AreaCalendar:
    """Gather every date the documents give, plus the governance events around them.

    ``flagged`` holds the (code, CSP id) of the check's out-of-step findings (AK603-AK605)
    that still count: the calendar marks what the check reports, so a waived finding is
    not marked, and the rules are written once, in assess.cycles.
    """
    area = plan.force_area
    body = BODY_WORDS[plan.body.kind]
    # The id stays "pcc" whatever the body: it is part of every event's UID.
    pcc = Owner("pcc", plan.title, f"{area} {body.short}", is_pcc=True)
    lanes: list[tuple[Owner, Period | None, list[DatedItem], list[Misalignment]]] = []
    plan_items, plan_problems = _plan_items(plan, pcc, flagged, governance)
    lanes.append((pcc, plan.period, plan_items, plan_problems))
    for csp in csps:
        owner = Owner(csp.id, csp.name, short_name(csp.name))
        items, problems, period = _csp_items(csp, plan, owner, flagged)
        lanes.append((owner, period, items, problems))

    days = [item.day for _, _, items, _ in lanes for item in items]
    events = _shown_events(governance, min([*days, as_of]), max([*days, as_of]), as_of)
    voters = Owner("pcc-election", f"{area} police force area", area, is_pcc=True)
    plan_items.extend(item for event in events for item in _event_items(event, voters, body))

    seen: dict[str, int] = {}
    built: list[Lane] = []
    for owner, period, items, problems in lanes:
        with_uids = tuple(replace(item, uid=_uid(area, item, seen)) for item in items)
        built.append(Lane(owner, period, _sorted(with_uids), tuple(problems)))
    everything = _sorted(tuple(item for lane in built for item in lane.items))
    return AreaCalendar(
        force_area=area,
        plan_title=plan.title,
        as_of=as_of,
        lanes=tuple(built),
        items=everything,
        body=body,
        partnerships=len(csps),
        misalignments=tuple((lane.owner, m) for lane in built for m in lane.misalignments),
    )


def _sorted(items: tuple[DatedItem, ...]) -> tuple[DatedItem, ...]:
    return tuple(sorted(items, key=lambda i: (i.day, i.uid)))
