"""Pydantic models of alignkit's documents: the single source of truth for their schema."""

from .common import Contact
from .csp import (
    CSP_KIND,
    STATUTORY_PARTNERS,
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
    "PLAN_KIND",
    "STATUTORY_PARTNERS",
    "BodyKind",
    "CSPDocument",
    "Commissioner",
    "Contact",
    "Funding",
    "GovernanceEvent",
    "KeyFinding",
    "LocalPolicingBody",
    "Meeting",
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
    "Supersedes",
    "Term",
    "TimetableItem",
]
