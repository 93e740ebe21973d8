"""Generated files (JSON Schemas, reference docs) are committed and must match the models."""

from __future__ import annotations

import datetime as dt
import json
import re

import jsonschema
import pytest
import yaml

from alignkit.docgen import generated_pages
from alignkit.schemas import generated_files
from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT, run
from test_validate_fields import FULL_CSP

SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("name", sorted(generated_files()))
def test_committed_schema_is_up_to_date(name):
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == generated_files()[name], f"run `alignkit schema` to update {name}"


@pytest.mark.parametrize("page", sorted(generated_pages()))
def test_committed_reference_page_is_up_to_date(page):
    committed = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert committed == generated_pages()[page], f"run `make docs` to update docs/{page}"


def test_schema_command_reproduces_the_committed_files_byte_for_byte(in_tmp):
    result = run("schema", "--output-dir", "out")
    assert result.exit_code == 0
    for name in generated_files():
        assert (in_tmp / "out" / name).read_bytes() == (SCHEMAS / name).read_bytes()
    assert run("schema", "--check", "--output-dir", "out").exit_code == 0
    (in_tmp / "out" / name).write_text("{}")
    stale = run("schema", "--check", "--output-dir", "out")
    assert stale.exit_code == 1
    assert "out of date" in stale.stderr


def test_schemas_are_draft_07_for_the_vs_code_yaml_extension():
    for name in generated_files():
        schema = json.loads((SCHEMAS / name).read_text())
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in json.dumps(schema)
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["description"], "editors show the model's description as help"


def _as_editor_sees_it(text: str) -> object:
    """YAML as an editor's schema check receives it: dates are strings there."""

    def clean(value: object) -> object:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    return clean(yaml.load(text, Loader=_Yaml12))


class _Yaml12(yaml.SafeLoader):
    """YAML as the VS Code extension reads it (YAML 1.2 core): `yes` and `no` are text."""


_Yaml12.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("police-and-crime-plan", MINIMAL_PLAN),
        ("community-safety-partnership", MINIMAL_CSP),
        ("community-safety-partnership", FULL_CSP),
    ],
)
def test_documents_alignkit_accepts_pass_the_json_schema(kind, text):
    errors = list(_validator(kind).iter_errors(_as_editor_sees_it(text)))
    assert errors == []


def test_json_schema_rejects_what_alignkit_rejects():
    bad = _as_editor_sees_it(MINIMAL_CSP.replace("    title: Domestic", "    titel: Domestic"))
    assert list(_validator("community-safety-partnership").iter_errors(bad))


def test_example_files_pass_their_json_schema():
    examples = sorted((ROOT / "examples").rglob("*.yaml"))
    assert examples, "the example force area is missing"
    for path in examples:
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema_path = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert schema_path.parent == SCHEMAS.resolve(), path
        data = _as_editor_sees_it(text)
        validator = jsonschema.Draft7Validator(
            json.loads(schema_path.read_text()), format_checker=jsonschema.FormatChecker()
        )
        assert [e.message for e in validator.iter_errors(data)] == [], path
