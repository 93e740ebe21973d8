"""The governance events that apply to one force area: shipped facts plus local records.

The shipped table (data/governance.yaml) holds dated, sourced facts: PCC elections held,
mayoral transfers, the announced end of PCC terms in May 2028. A force area's
alignkit.toml adds entries or replaces shipped ones by id. Nothing here adds four years
to anything: a date that is in neither does not exist for alignkit.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import NamedTuple

from ..load.package_data import read_package_yaml
from ..models import GovernanceEvent, LocalPolicingBody

TABLE = "governance.yaml"


@functools.cache
def shipped_events() -> tuple[GovernanceEvent, ...]:
    """The package's table, read once (it is package data, so a problem in it is a bug)."""
    data = read_package_yaml(TABLE)
    return tuple(GovernanceEvent.model_validate(item) for item in data["events"])


def table_version() -> str:
    return str(read_package_yaml(TABLE)["version"])


class Governance(NamedTuple):
    """The events for one force area and issuing body, sorted by date."""

    events: tuple[GovernanceEvent, ...]

    def between(self, first: dt.date, last: dt.date) -> tuple[GovernanceEvent, ...]:
        return tuple(e for e in self.events if first <= e.date <= last)

    def after(self, day: dt.date) -> tuple[GovernanceEvent, ...]:
        return tuple(e for e in self.events if e.date > day)

    def term_ends_after(self, day: dt.date) -> GovernanceEvent | None:
        """The first recorded end of the issuing body's functions after ``day``, if any."""
        return next((e for e in self.after(day) if e.ends_term), None)


def governance_for(
    force_area: str,
    body: LocalPolicingBody,
    local: Sequence[GovernanceEvent] = (),
    local_source: str = "alignkit.toml",
) -> Governance:
    """The shipped events for this area and body, with the local entries added or replacing.

    A local entry applies to this force area unless it names others; one with the id of a
    shipped event replaces that event here.
    """
    by_id = {e.id: e for e in shipped_events() if e.applies_to(force_area, body.kind)}
    for event in local:
        if not event.applies_to(force_area, body.kind):
            continue
        if event.source is None:
            event = event.model_copy(update={"source": local_source})
        by_id[event.id] = event
    ordered = sorted(by_id.values(), key=lambda e: (e.date, e.id))
    return Governance(tuple(ordered))
