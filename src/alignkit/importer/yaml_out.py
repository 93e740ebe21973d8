"""Write a validated document as YAML that reads like the hand-written examples.

Keys come in the models' order, empty values are left out, periods are written the way
officers write them (2025/26-2027/28), and a responsible authority with nothing more to
say is written `true` or `false`. The first line names the JSON Schema so editors check
the file as it is edited.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ..models import CSP_KIND, CSPDocument, Participation, Period, PolicePlan

SCHEMA_FILES = {
    CSP_KIND: "community-safety-partnership.schema.json",
    "police-and-crime-plan": "police-and-crime-plan.schema.json",
}


def plain_values(model: BaseModel) -> dict[str, Any]:
    """The model as plain values, in field order, without empty ones."""
    out: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = _plain(getattr(model, name))
        if value is not None and value != []:
            out[name] = value
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Period):
        return value.label()
    if (
        isinstance(value, Participation)
        and value.organisation is None
        and (value.representative is None)
    ):
        return value.taking_part
    if isinstance(value, BaseModel):
        return plain_values(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _Dumper(yaml.SafeDumper):
    """alignkit reads every scalar as text, so only true/false and null need guarding:
    dates and numbers are written plain (`published: 2025-03-14`), as in the examples."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as the documentation's examples do.
        super().increase_indent(flow, False)


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag.endswith(("bool", "null"))]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else ">" if len(text) > 72 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def schema_reference(kind: str, target: Path | None) -> str:
    """The path from the written file to the schema in the nearest `schemas/` folder above
    it; `schemas/…` (as in the README) when there is none."""
    name = SCHEMA_FILES[kind]
    folder = (target.parent if target is not None else Path(".")).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "schemas" / name).is_file():
            return Path(os.path.relpath(candidate / "schemas" / name, folder)).as_posix()
    return f"schemas/{name}"


def document_yaml(model: PolicePlan | CSPDocument, source: str, target: Path | None = None) -> str:
    body = yaml.dump(
        plain_values(model),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=88,
        default_flow_style=False,
    )
    return (
        f"# yaml-language-server: $schema={schema_reference(model.kind, target)}\n"
        f"# Imported from {Path(source).name} by `alignkit import`.\n" + body
    )
