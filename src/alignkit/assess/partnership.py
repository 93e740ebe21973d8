"""Is every statutory responsible authority at the table?"""

from __future__ import annotations

from ..models import STATUTORY_PARTNERS
from ..validate import ValidCSP
from .context import AssessContext
from .findings import Finding, finding

PARTNER_NAMES = {
    "police": "the police",
    "local_authority": "the local authority",
    "fire_and_rescue": "fire and rescue",
    "health": "health (the integrated care board)",
    "probation": "probation",
}


def partnership_findings(ctx: AssessContext) -> list[Finding]:
    """AK7xx for every CSP: is each statutory responsible authority taking part?"""
    return [f for doc in ctx.csps for f in _partners(doc)]


def _partners(doc: ValidCSP) -> list[Finding]:
    csp = doc.csp
    authorities = csp.responsible_authorities
    found: list[Finding] = []
    unrecorded: list[str] = []
    for key in STATUTORY_PARTNERS:
        participation = authorities.participation(key) if authorities else None
        if participation is None:
            unrecorded.append(key)
        elif not participation.taking_part:
            found.append(
                finding(
                    "AK701",
                    f"{PARTNER_NAMES[key].capitalize()} is a statutory responsible "
                    f"authority but does not take part in {csp.name}",
                    doc,
                    ("responsible_authorities", key),
                    csp=csp.id,
                )
            )
    if unrecorded:
        names = ", ".join(
            PARTNER_NAMES[key].removeprefix("the ").split(" (")[0] for key in unrecorded
        )
        found.append(
            finding(
                "AK702",
                f"{csp.name} does not record whether these responsible authorities take "
                f"part: {names}",
                doc,
                ("responsible_authorities",) if authorities else ("id",),
                csp=csp.id,
            )
        )
    return found
