"""Is every statutory responsible authority at the table, named as the law names it?"""

from __future__ import annotations

from ..models import HEALTH_KEY, OLD_AUTHORITY_KEYS, RESPONSIBLE_AUTHORITY_KEYS
from ..validate import ValidCSP
from ..words import AUTHORITY_WORDS
from .context import AssessContext
from .findings import Finding, finding


def partnership_findings(ctx: AssessContext) -> list[Finding]:
    """AK701-AK704 for every CSP: is each statutory responsible authority taking part,
    and is the partnership written in today's terms?"""
    return [f for doc in ctx.csps for f in [*_partners(doc), *_old_terms(doc)]]


def _partners(doc: ValidCSP) -> list[Finding]:
    csp = doc.csp
    nation = csp.in_nation
    authorities = csp.responsible_authorities
    found: list[Finding] = []
    unrecorded: list[str] = []
    for key in RESPONSIBLE_AUTHORITY_KEYS[nation]:
        participation = authorities.participation(key, nation) if authorities else None
        if authorities is None or participation is None:
            unrecorded.append(key)
        elif not participation.taking_part:
            found.append(
                finding(
                    "AK701",
                    f"{AUTHORITY_WORDS[key][:1].upper()}{AUTHORITY_WORDS[key][1:]} is a "
                    f"statutory responsible authority but does not take part in {csp.name}",
                    doc,
                    ("responsible_authorities", authorities.written_key(key, nation) or key),
                    csp=csp.id,
                )
            )
    if unrecorded:
        names = ", ".join(AUTHORITY_WORDS[key].removeprefix("the ") for key in unrecorded)
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


def _old_terms(doc: ValidCSP) -> list[Finding]:
    """AK703 for 'tier: welsh', AK704 for each older responsible-authority key."""
    csp = doc.csp
    found: list[Finding] = []
    if csp.tier == "welsh":
        found.append(
            finding(
                "AK703",
                "'tier: welsh' is read as nation: wales; write 'nation: wales' and the "
                "tier (unitary, or merged)",
                doc,
                ("tier",),
                csp=csp.id,
            )
        )
    authorities = csp.responsible_authorities
    for old in authorities.old_keys if authorities else []:
        new = OLD_AUTHORITY_KEYS[old]
        new = HEALTH_KEY[csp.in_nation] if new == "health" else new
        found.append(
            finding(
                "AK704",
                f"responsible_authorities.{old} is read as {new} "
                f"({AUTHORITY_WORDS[new]}); write '{new}' instead",
                doc,
                ("responsible_authorities", old),
                csp=csp.id,
            )
        )
    return found
