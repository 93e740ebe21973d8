"""England or Wales: the law a partnership works under, and the names it uses.

A Community Safety Partnership in Wales works under the same Crime and Disorder Act 1998
as one in England, but with its own regulations (SI 2007/3076, not SI 2007/1830), a Local
Health Board rather than an integrated care board, and a duty to have regard to the
police and crime plan that stops short of devolved Welsh functions (s.6(1A)). Which
nation a partnership is in is its own field, not a kind of council.
"""

from __future__ import annotations

from typing import Literal

Nation = Literal["england", "wales"]

WELSH_FORCE_AREAS = frozenset({"dyfed-powys", "gwent", "north wales", "south wales"})
"""The four police force areas of Wales, folded as `area_key` folds a name."""


def area_key(force_area: str) -> str:
    """A force area's name folded so 'North  Wales' and 'north wales' are one area."""
    return " ".join(force_area.casefold().split())


def nation_of_area(force_area: str) -> Nation:
    """Wales for the four Welsh force areas; England for every other (the default)."""
    return "wales" if area_key(force_area) in WELSH_FORCE_AREAS else "england"


HEALTH_KEY: dict[Nation, str] = {"england": "integrated_care_board", "wales": "local_health_board"}
"""The health responsible authority's key in each nation (CDA 1998 s.5(1))."""

RESPONSIBLE_AUTHORITY_KEYS: dict[Nation, tuple[str, ...]] = {
    nation: (
        "chief_officer_of_police",
        "councils",
        "fire_and_rescue_authority",
        health,
        "probation_provider",
    )
    for nation, health in HEALTH_KEY.items()
}
"""The Crime and Disorder Act 1998 s.5(1) responsible authorities, by their legal names,
in the order practitioners' guides list them."""

OLD_AUTHORITY_KEYS = {
    "police": "chief_officer_of_police",
    "local_authority": "councils",
    "fire_and_rescue": "fire_and_rescue_authority",
    "probation": "probation_provider",
    "health": "health",
}
"""The short keys written before the legal names (issue 14); 'health' is read as the
nation's health body."""

REGULATIONS: dict[Nation, str] = {
    "england": "the Crime and Disorder (Formulation and Implementation of Strategy) "
    "Regulations 2007 (SI 2007/1830, as amended by SI 2011/1230 and SI 2012/2660)",
    "wales": "the Crime and Disorder (Formulation and Implementation of Strategy) (Wales) "
    "Regulations 2007 (SI 2007/3076, as amended by SI 2010/648 and SI 2011/2702)",
}
"""The regulations a partnership's strategy is made under, in each nation."""
