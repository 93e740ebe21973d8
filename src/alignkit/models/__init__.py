"""Pydantic models of alignkit's documents: the single source of truth for their schema."""

from .common import Contact
from .csp import (
    CSP_KIND,
    STRATEGY_KINDS,
    CSPDocument,
    Funding,
    KeyFinding,
    Meeting,
    Participation,
    PartnershipPlan,
    Priority,
    RegardRecord,
    ResponsibleAuthorities,
    StrategicAssessment,
    Strategy,
    StrategyKind,
    Succession,
    TimetableItem,
)
from .governance import (
    BODY_KINDS,
    BodyKind,
    GovernanceEvent,
    LocalPolicingBody,
    PlanStatusNote,
    Supersedes,
    Term,
)
from .nation import (
    HEALTH_KEY,
    OLD_AUTHORITY_KEYS,
    REGULATIONS,
    RESPONSIBLE_AUTHORITY_KEYS,
    Nation,
    area_key,
    nation_of_area,
)
from .periods import Period
from .plan import PLAN_KIND, Commissioner, Objective, PolicePlan

DOCUMENT_KINDS: dict[str, type[PolicePlan] | type[CSPDocument]] = {
    PLAN_KIND: PolicePlan,
    CSP_KIND: CSPDocument,
}

__all__ = [
    "BODY_KINDS",
    "CSP_KIND",
    "DOCUMENT_KINDS",
    "HEALTH_KEY",
    "OLD_AUTHORITY_KEYS",
    "PLAN_KIND",
    "REGULATIONS",
    "RESPONSIBLE_AUTHORITY_KEYS",
    "STRATEGY_KINDS",
    "BodyKind",
    "CSPDocument",
    "Commissioner",
    "Contact",
    "Funding",
    "GovernanceEvent",
    "KeyFinding",
    "LocalPolicingBody",
    "Meeting",
    "Nation",
    "Objective",
    "Participation",
    "PartnershipPlan",
    "Period",
    "PlanStatusNote",
    "PolicePlan",
    "Priority",
    "RegardRecord",
    "ResponsibleAuthorities",
    "StrategicAssessment",
    "Strategy",
    "StrategyKind",
    "Succession",
    "Supersedes",
    "Term",
    "TimetableItem",
    "area_key",
    "nation_of_area",
]
