"""JSON Schemas of the documents, generated from the models (the single source of truth).

The VS Code YAML extension, which officers use for completion and checking, supports
draft-07 rather than the 2020-12 dialect pydantic writes, so the output is converted:
`$defs` becomes `definitions`, and a `$ref` with sibling keywords (which draft-07 ignores,
losing the help text) is wrapped in `allOf`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .match.vocabulary_file import VocabularyFile
from .models import CSP_KIND, PLAN_KIND, CSPDocument, PolicePlan
from .models.diff import DiffReport
from .models.report import CheckReport
from .output import OutputError

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

DOCUMENT_SCHEMAS: dict[str, type[BaseModel]] = {
    f"{PLAN_KIND}.schema.json": PolicePlan,
    f"{CSP_KIND}.schema.json": CSPDocument,
    # What `alignkit check --format json` writes, for tools that read the report.
    "check-report.schema.json": CheckReport,
    # What `alignkit diff --format json` writes.
    "diff-report.schema.json": DiffReport,
    # An extra vocabulary file (`--vocabulary`), for completion while writing one.
    "vocabulary.schema.json": VocabularyFile,
}


def _draft07(node: Any) -> Any:
    if isinstance(node, dict):
        converted = {key: _draft07(value) for key, value in node.items()}
        if "$ref" in converted and len(converted) > 1:
            ref = converted.pop("$ref")
            converted["allOf"] = [{"$ref": ref}]
        return converted
    if isinstance(node, list):
        return [_draft07(item) for item in node]
    return node


def schema_for(model: type[BaseModel]) -> dict[str, Any]:
    raw = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = raw.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": DRAFT_07, **_draft07(raw)}
    if definitions:
        schema["definitions"] = _draft07(definitions)
    return schema


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generated_files(extra: dict[str, dict[str, Any]] | None = None) -> dict[str, str]:
    """File name -> content for everything `alignkit schema` writes."""
    files = {name: render_schema(schema_for(model)) for name, model in DOCUMENT_SCHEMAS.items()}
    for name, schema in (extra or {}).items():
        files[name] = render_schema(schema)
    return dict(sorted(files.items()))


def stale_files(folder: Path) -> list[str]:
    """Names of schema files in ``folder`` that differ from what the models generate."""
    return [
        name
        for name, content in generated_files().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != content
    ]


def write_schemas(folder: Path) -> Iterator[Path]:
    """Write every schema file into ``folder``, each replaced whole; yields each written.

    OutputError (exit code 2) when the folder cannot be written.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in generated_files().items():
            target = folder / name
            temporary = target.with_name(f".{name}.tmp")
            temporary.write_text(content, encoding="utf-8")
            os.replace(temporary, target)
            yield target
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}") from None
