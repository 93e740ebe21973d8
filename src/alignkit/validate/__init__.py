"""validate: read documents, check them against the models and against each other."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..codes import hint_for
from ..diagnostics import Diagnostic, Severity, has_errors
from ..load import DEFAULT_LIMITS, Limits, display_path
from ..models import CSP_KIND, PLAN_KIND
from . import crossfile
from .discover import UsageError, discover, is_folder, same_file_key
from .documents import KIND_LABELS, LoadedDocument, ValidCSP, ValidPlan, load_document

__all__ = [
    "KIND_LABELS",
    "CheckedDocuments",
    "LoadedDocument",
    "UsageError",
    "ValidCSP",
    "ValidPlan",
    "ValidationResult",
    "load_document",
    "validate_paths",
]


class CheckedDocuments(NamedTuple):
    """Every document valid: the plan and the CSPs the later stages read, typed as such."""

    plan: ValidPlan
    csps: list[ValidCSP]


class ValidationResult(NamedTuple):
    documents: list[LoadedDocument]
    diagnostics: list[Diagnostic]
    plan: LoadedDocument | None = None
    """The plan the CSPs were checked against, when one was named or found."""

    @property
    def valid(self) -> bool:
        return not has_errors(self.diagnostics)

    @property
    def csps(self) -> list[LoadedDocument]:
        return [d for d in self.documents if d.kind == CSP_KIND]

    def checked(self) -> CheckedDocuments | None:
        """The documents as the matcher and the assessment take them, or None when any
        is invalid (nothing is assessed from bad input)."""
        if not self.valid or self.plan is None or self.plan.plan is None:
            return None
        csps = [ValidCSP(d.source, d.csp) for d in self.csps if d.csp is not None]
        return CheckedDocuments(ValidPlan(self.plan.source, self.plan.plan), csps)


def validate_paths(
    paths: list[Path], plan_path: Path | None = None, limits: Limits = DEFAULT_LIMITS
) -> ValidationResult:
    """Validate every document under ``paths``.

    With ``plan_path``, that file must be a police and crime plan and every other file a CSP
    document checked against it. Without it, each CSP is checked against the plan of its
    force area when exactly one such plan is among the files.
    Raises UsageError (exit 2) for paths that do not exist.
    """
    if plan_path is not None and is_folder(plan_path):
        raise UsageError(f"{plan_path}: the plan must be a file, not a folder")
    files, empty, unlisted = discover(paths)
    if len(files) > limits.max_files:
        # Stop before reading anything: this is a wrong folder, not a force area.
        where = display_path(paths[0]) if paths else "."
        too_many = Diagnostic(
            "AK015",
            Severity.ERROR,
            f"{len(files):,} YAML files found: more than the limit of {limits.max_files:,}",
            where,
            None,
            hint_for("AK015"),
        )
        return ValidationResult([], [too_many])
    diagnostics = [
        Diagnostic(
            "AK208",
            Severity.ERROR,
            "no .yaml or .yml files in this folder",
            display_path(folder),
            None,
            hint_for("AK208"),
        )
        for folder in empty
    ]
    diagnostics += [
        Diagnostic(
            "AK001",
            Severity.ERROR,
            "permission denied: alignkit cannot look inside this folder, so its files were "
            "not checked",
            display_path(folder),
            None,
            hint_for("AK001"),
        )
        for folder in unlisted
    ]
    plan_doc: LoadedDocument | None = None
    if plan_path is not None:
        plan_doc = load_document(plan_path, limits)
        plan_key = same_file_key(plan_path)
        files = [f for f in files if same_file_key(f) != plan_key]
    documents = [load_document(path, limits) for path in files]
    everything = ([plan_doc] if plan_doc else []) + documents
    for doc in everything:
        diagnostics.extend(doc.diagnostics)
        diagnostics.extend(crossfile.duplicate_ids(doc))
        diagnostics.extend(crossfile.duplicate_regard(doc))
    diagnostics.extend(crossfile.duplicate_csp_ids(documents))

    if plan_doc is not None:
        problem = crossfile.wrong_kind(plan_doc, PLAN_KIND)
        if problem:
            diagnostics.append(problem)
        for doc in documents:
            problem = crossfile.wrong_kind(doc, CSP_KIND)
            if problem:
                diagnostics.append(problem)
            diagnostics.extend(crossfile.references(plan_doc, doc))
    else:
        plan_doc = _pair_with_plans(documents, diagnostics)
    diagnostics.sort(key=Diagnostic.sort_key)
    return ValidationResult(everything, diagnostics, plan_doc)


def _pair_with_plans(
    documents: list[LoadedDocument], diagnostics: list[Diagnostic]
) -> LoadedDocument | None:
    plans = [d for d in documents if d.plan is not None]
    by_area: dict[str, LoadedDocument] = {}
    for doc in documents:
        if doc.plan is None:
            continue
        area = " ".join(doc.plan.force_area.casefold().split())
        if area in by_area:
            diagnostics.append(
                Diagnostic(
                    "AK209",
                    Severity.ERROR,
                    f"a second police and crime plan for {doc.plan.force_area} "
                    f"(the first is {by_area[area].source.shown})",
                    doc.source.shown,
                    doc.source.position(("force_area",)),
                    hint_for("AK209"),
                )
            )
        else:
            by_area[area] = doc
            for other in doc.plan.forces:  # one plan for several forces answers for each
                by_area.setdefault(" ".join(other.casefold().split()), doc)
    for doc in documents:
        if doc.kind != CSP_KIND or doc.source.data is None:
            continue
        raw_area = doc.source.data.get("force_area")
        area = " ".join(str(raw_area).casefold().split())
        partner = by_area.get(area) or (plans[0] if len(plans) == 1 else None)
        if partner is not None:
            diagnostics.extend(crossfile.references(partner, doc))
    return plans[0] if len(plans) == 1 else None
