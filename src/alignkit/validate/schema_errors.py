"""Translate pydantic validation errors into located, plain-English diagnostics.

Rules (from the requirements): an unknown key is reported at the key, with 'did you mean';
a wrong value at the value; a missing key at the mapping that should hold it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from rapidfuzz import process

from ..codes import hint_for
from ..diagnostics import Diagnostic, Position, Severity
from ..load import SourceFile
from ..models.common import EMAIL_PATTERN, IDENTIFIER_PATTERN, URL_PATTERN
from ..models.periods import PERIOD_HINT
from .model_walk import field_at, model_at

Loc = tuple[str | int, ...]

_SHAPES = {
    "string_type": "text",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (lines of 'key: value')",
    "model_type": "a mapping (lines of 'key: value')",
    "model_attributes_type": "a mapping (lines of 'key: value')",
    "bool_type": "yes or no",
    "bool_parsing": "yes or no (true or false)",
    "float_type": "a number (e.g. 45000)",
    "float_parsing": "a number (e.g. 45000)",
}


_PATTERN_HINTS = {
    IDENTIFIER_PATTERN: "ids use only letters, digits, '.', '_' and '-', with no spaces "
    "(e.g. P1, south-down)",
    EMAIL_PATTERN: "write an email address such as name@example.gov.uk",
    URL_PATTERN: "write a web address starting https://",
}


def _enum_hint(err: Any) -> str | None:
    expected = (err.get("ctx") or {}).get("expected")
    return f"use one of: {expected}" if expected else None


def did_you_mean(word: str, choices: list[str], cutoff: float = 60) -> str | None:
    """The closest allowed word, if it is close enough to be a likely typo."""
    if not choices:
        return None
    found = process.extractOne(word, choices, score_cutoff=cutoff)
    return str(found[0]) if found else None


def _existing_prefix(data: Any, loc: Loc) -> Loc:
    """The longest part of ``loc`` present in the data: pydantic adds steps (union members,
    the fields of a short form) that do not exist in the file."""
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            return loc[:i]
    return loc


def _describe(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "document"


def _hint_from_field(model: type[BaseModel], loc: Loc) -> str | None:
    info = field_at(model, loc)
    return info.description if info is not None and info.description else None


def diagnostics_for(
    error: ValidationError, model: type[BaseModel], source: SourceFile
) -> list[Diagnostic]:
    errors = error.errors(include_url=False)
    found: dict[tuple[Position | None, str], Diagnostic] = {}
    for err in errors:
        if err["type"] == "missing" and _explained_by_typo(err, errors, model):
            continue  # 'titel' already says "did you mean 'title'?"; don't also say it's missing
        diagnostic = _one(err, model, source)
        # One diagnostic per place and code: unions and short forms can report twice.
        found.setdefault((diagnostic.position, diagnostic.code), diagnostic)
    return list(found.values())


def _explained_by_typo(missing: Any, errors: list[Any], model: type[BaseModel]) -> bool:
    parent = tuple(missing["loc"][:-1])
    for other in errors:
        loc = tuple(other["loc"])
        if other["type"] == "extra_forbidden" and loc[:-1] == parent:
            owner = model_at(model, parent)
            allowed = list(owner.model_fields) if owner else []
            if did_you_mean(str(loc[-1]), allowed) == missing["loc"][-1]:
                return True
    return False


def _one(err: Any, model: type[BaseModel], source: SourceFile) -> Diagnostic:
    loc: Loc = tuple(err["loc"])
    kind: str = err["type"]
    data = source.data
    shown = source.shown

    def make(
        code: str, message: str, at: Loc, *, key: bool = False, hint: str | None = None
    ) -> Diagnostic:
        return Diagnostic(
            code,
            Severity.ERROR,
            message,
            shown,
            source.position(at, key=key),
            hint or hint_for(code),
        )

    if kind == "extra_forbidden":
        name = str(loc[-1])
        parent = model_at(model, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        guess = did_you_mean(name, allowed)
        if guess:
            hint = f"did you mean '{guess}'?"
        elif allowed:
            hint = "keys allowed here: " + ", ".join(allowed)
        else:
            hint = None
        return make(
            "AK101", f"unknown key '{name}' in {_describe(loc[:-1])}", loc, key=True, hint=hint
        )

    if kind == "missing":
        name = str(loc[-1])
        present = _existing_prefix(data, loc[:-1])
        description = _hint_from_field(model, loc)
        hint = f"add '{name}:' here" + (f" — {description}" if description else "")
        return make(
            "AK102", f"missing required key '{name}' in {_describe(loc[:-1])}", present, hint=hint
        )

    present = _existing_prefix(data, loc)
    value = err.get("input")
    where = _describe(present)

    if kind.startswith("period_"):
        return make("AK105", f"{where}: {err['msg']}", present, hint=PERIOD_HINT)
    if kind == "text_control":
        return make(
            "AK004",
            f"{where} {err['msg']}",
            present,
            hint="retype the text without it; in quotes, '\\e', '\\a' or '\\0' make such "
            "characters",
        )
    if kind.startswith(("date_", "datetime_")) and isinstance(value, dict | list):
        shape = "a mapping" if isinstance(value, dict) else "a list"
        return make("AK103", f"{where} should be a date (YYYY-MM-DD), not {shape}", present)
    if kind in ("literal_error", "enum") and isinstance(value, dict | list):
        shape = "a mapping" if isinstance(value, dict) else "a list"
        return make(
            "AK103", f"{where} should be one word, not {shape}", present, hint=_enum_hint(err)
        )
    if kind.startswith(("date_", "datetime_")):
        return make(
            "AK106",
            f"{where}: '{value}' is not a valid date ({err['msg'].split(', ')[-1]})",
            present,
        )
    if value is None and kind in _SHAPES | {"string_too_short": ""}:
        description = _hint_from_field(model, present)
        hint = "write a value after the colon, or remove the key" + (
            f" — {description}" if description else ""
        )
        return make("AK103", f"{where} is empty", present, hint=hint)
    if kind in _SHAPES:
        got = _shape_of(value)
        hint = _hint_from_field(model, present)
        if kind == "list_type" and isinstance(value, str):
            hint = f"write it as a list, e.g.\n  - {value}"
        elif kind.startswith("bool"):
            hint = "write yes or no"
        return make("AK103", f"{where} should be {_SHAPES[kind]}, not {got}", present, hint=hint)
    if kind == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", ""))
        options = [
            o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()
        ]
        guess = did_you_mean(str(value), options) if isinstance(value, str) else None
        hint = f"did you mean '{guess}'?" if guess else "use one of: " + ", ".join(options)
        return make(
            "AK104",
            f"{where}: '{value}' is not allowed; expected one of {expected}",
            present,
            hint=hint,
        )
    if kind == "string_pattern_mismatch":
        pattern = str(err.get("ctx", {}).get("pattern", ""))
        hint = _PATTERN_HINTS.get(pattern) or _hint_from_field(model, present)
        return make("AK104", f"{where}: '{value}' is not in the expected form", present, hint=hint)
    if kind == "too_short":
        return make(
            "AK103",
            f"{where} needs at least one item",
            present,
            hint=_hint_from_field(model, present),
        )
    if kind == "string_too_short":
        return make("AK103", f"{where} is empty", present)
    return make("AK104", f"{where}: {err['msg']}", present)


def _shape_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"'{value}'" if len(str(value)) <= 40 else "text"
