"""A document read and validated: the model when valid, and every problem found."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from ..codes import hint_for
from ..diagnostics import Diagnostic, Severity, has_errors
from ..load import DEFAULT_LIMITS, Limits, SourceFile, load_source
from ..models import CSP_KIND, DOCUMENT_KINDS, PLAN_KIND, CSPDocument, PolicePlan
from .schema_errors import diagnostics_for, did_you_mean

KIND_LABELS = {PLAN_KIND: "police and crime plan", CSP_KIND: "community safety partnership"}


class LoadedDocument:
    """One document as loaded, its kind and model filled in as validation finds them. (A
    plain class: made once a file, and changed as it is checked.)"""

    __slots__ = ("diagnostics", "kind", "model", "source")

    def __init__(
        self,
        source: SourceFile,
        kind: str | None = None,
        model: PolicePlan | CSPDocument | None = None,
        diagnostics: list[Diagnostic] | None = None,
    ) -> None:
        self.source = source
        self.kind = kind
        self.model = model
        self.diagnostics = [] if diagnostics is None else diagnostics

    @property
    def valid(self) -> bool:
        return self.model is not None and not has_errors(self.diagnostics)

    @property
    def plan(self) -> PolicePlan | None:
        return self.model if isinstance(self.model, PolicePlan) else None

    @property
    def csp(self) -> CSPDocument | None:
        return self.model if isinstance(self.model, CSPDocument) else None


class ValidPlan(NamedTuple):
    """A police and crime plan that passed validation: the model is there, not optional."""

    source: SourceFile
    plan: PolicePlan


class ValidCSP(NamedTuple):
    """A CSP document that passed validation: the model is there, not optional."""

    source: SourceFile
    csp: CSPDocument


def load_document(path: Path, limits: Limits = DEFAULT_LIMITS) -> LoadedDocument:
    source = load_source(path, limits)
    document = LoadedDocument(source, diagnostics=list(source.diagnostics))
    if source.data is None:
        return document
    kind = source.data.get("kind")
    if not isinstance(kind, str) or kind not in DOCUMENT_KINDS:
        document.diagnostics.append(_kind_problem(source, kind))
        return document
    document.kind = str(kind)
    too_long = _too_many_items(source, limits)
    if too_long is not None:
        document.diagnostics.append(too_long)
        return document
    model = DOCUMENT_KINDS[str(kind)]
    try:
        document.model = model.model_validate(source.data)
    except ValidationError as exc:
        document.diagnostics.extend(diagnostics_for(exc, model, source))
    return document


def _too_many_items(source: SourceFile, limits: Limits) -> Diagnostic | None:
    """A list (objectives, priorities, meetings, …) longer than any real plan has: stop
    before the models, the matcher and the calendar spend minutes on it."""
    for name, items in (source.data or {}).items():
        if isinstance(items, list) and len(items) > limits.max_items:
            return Diagnostic(
                "AK016",
                Severity.ERROR,
                f"{len(items):,} {name}: more than the limit of {limits.max_items:,}",
                source.shown,
                source.position((name,), key=True),
                hint_for("AK016"),
            )
    return None


def _kind_problem(source: SourceFile, kind: object) -> Diagnostic:
    choices = list(DOCUMENT_KINDS)
    if kind is None or not isinstance(kind, str):
        where = source.position(("kind",)) if "kind" in (source.data or {}) else source.position(())
        message = (
            "missing 'kind': alignkit cannot tell what this document is"
            if kind is None
            else "'kind' must be a word such as police-and-crime-plan"
        )
        hint = hint_for("AK100")
    else:
        where = source.position(("kind",))
        guess = did_you_mean(str(kind), choices) if isinstance(kind, str) else None
        message = f"unknown kind '{kind}'"
        hint = f"did you mean '{guess}'?" if guess else "use one of: " + ", ".join(choices)
    return Diagnostic("AK100", Severity.ERROR, message, source.shown, where, hint)
