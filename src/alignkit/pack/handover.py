"""The handover pack as data: for whoever takes over the plan (a mayor, or a board and its
members) when PCC terms end in May 2028.

It is the welcome pack of each force area the incoming body covers, with what a successor
needs besides: the transfer (date, status, source), the objectives no partnership holds,
every partnership's regard records, what the outgoing body funds in each partnership, and
the governance dates in the year ahead. One mayor covering two forces gets one pack with a
section per force (`combine`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..assess import CheckResult
from ..assess.governance import shipped_events
from ..match import Matcher
from ..models import Funding, GovernanceEvent, LocalPolicingBody, RegardRecord
from .model import YEAR_AHEAD, Agreement, WelcomePack, body_facts, build_pack


@dataclass(frozen=True)
class ForceHandover:
    """One force area's part of the handover."""

    pack: WelcomePack
    transfer: GovernanceEvent | None
    """The first recorded end of the outgoing body's term after the as-of date, if any."""
    unheld: tuple[Agreement, ...]
    """Objectives no partnership addresses (policing-only ones are listed apart)."""
    policing_only: tuple[Agreement, ...]
    regard: tuple[tuple[str, RegardRecord], ...]
    """(partnership name, record) for every regard record, in file order."""
    funding: tuple[tuple[str, Funding], ...]
    """(partnership name, funding) for every funding entry, in file order."""
    dates: tuple[GovernanceEvent, ...]
    """Governance events in the year ahead."""


@dataclass(frozen=True)
class HandoverPack:
    as_of: dt.date
    incoming: LocalPolicingBody | None
    """The incoming body, when a governance record names it."""
    successor: str
    """Who takes over, in words: the incoming body's name, or the table's words."""
    forces: tuple[ForceHandover, ...]

    @property
    def incoming_facts(self) -> tuple[tuple[str, str], ...]:
        return body_facts(self.incoming) if self.incoming else ()


def build_handover(result: CheckResult, matcher: Matcher | None = None) -> HandoverPack:
    """The handover pack for one force area (the output registry's builder)."""
    pack = build_pack(result, matcher)
    as_of = result.as_of
    transfer = next((e for e in result.governance.after(as_of) if e.ends_term), None)
    objectives = {o.id: o for o in result.plan.objectives}
    unaddressed = [a for a in pack.agreements if not a.addressed_by]
    names = {csp.id: csp.name for csp in result.csps}
    force = ForceHandover(
        pack=pack,
        transfer=transfer,
        unheld=tuple(a for a in unaddressed if not objectives[a.objective].policing_only),
        policing_only=tuple(a for a in unaddressed if objectives[a.objective].policing_only),
        regard=tuple((names[c.id], r) for c in result.csps for r in c.regard),
        funding=tuple((names[c.id], f) for c in result.csps for f in c.funding),
        dates=result.governance.between(as_of, as_of + YEAR_AHEAD),
    )
    incoming = transfer.incoming if transfer else None
    # The national table's successor is a sentence ('a mayor where there is one, …'), not
    # a name: only the area's own record names who takes over.
    local = transfer is not None and transfer not in shipped_events()
    if incoming is not None:
        successor = incoming.name
    elif local and transfer is not None and transfer.successor:
        successor = transfer.successor
    else:
        successor = "the incoming body (a mayor or a policing and crime board)"
    return HandoverPack(as_of, incoming, successor, (force,))


def combine(packs: Sequence[HandoverPack]) -> HandoverPack:
    """One pack for a body that covers several force areas: a section per force.

    The incoming body is the first one a record names (one mayor for two forces)."""
    first = packs[0]
    incoming = next((p.incoming for p in packs if p.incoming), None)
    successor = incoming.name if incoming else first.successor
    forces = tuple(f for p in packs for f in p.forces)
    return HandoverPack(first.as_of, incoming, successor, forces)
