"""Hostile text in every text field never turns a report against its readers.

Every free-text field of both documents (found by walking the models, so a new field is
covered or this test fails) gets script, event-handler, `javascript:` URL, style,
template, table-breaking, link, comment and workflow-command payloads. `alignkit check`
then writes every format, and each is read back with a real parser: the HTML must carry
no element, attribute, handler or URL from the input and a Content-Security-Policy that
forbids scripts; the Markdown, rendered by a CommonMark parser, must show the payloads as
typed text; JSON, SARIF and JUnit must parse and carry the text unchanged; GitHub
workflow commands must not be forged into a second command.
"""

from __future__ import annotations

import json
import re
import types
import typing
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from markdown_it import MarkdownIt
from pydantic import BaseModel

from alignkit.models import CSPDocument, PolicePlan
from alignkit.registry import format_names
from conftest import MINIMAL_CSP, ROOT, run
from office import is_binary, readable

CORPUS_OK = Path(__file__).resolve().parent / "corpus" / "ok"
TEMPLATE = ROOT / "src" / "alignkit" / "templates" / "report.html.j2"
DATA = Path(__file__).resolve().parent / "data"
REPORT_SCHEMA = json.loads((ROOT / "schemas" / "check-report.schema.json").read_text())
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
AS_OF = ("--as-of", "2026-11-22")
FORMATS = format_names("report")

PIECES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '" onmouseover="x',
    "' onfocus='x' autofocus='",
    "</style><style>body{display:none}</style>",
    "</title></head><body><script>alert(2)</script>",
    "]]>",
    "{{ 7*7 }}",
    "{% if true %}jinja{% endif %}",
    "| col | col |",
    "[link](javascript:x)",
    "[click here](https://evil.example/phish)",
    "![pixel](https://evil.example/p.png)",
    "<https://evil.example/auto>",
    "<!-- -->",
    "&lt;b&gt; &amp; &#60;i&#62;",
    "`code` **bold** _em_ ~~strike~~ $x$",
    "%0A::error::forged",
    "\n::error file=forged.yaml,line=1::forged newline\n",
    "# heading",
]
PAYLOAD = " ".join(PIECES)
SHOWN = [" ".join(piece.split()) for piece in PIECES]
"""The pieces as a one-line report shows them (whitespace runs become one space)."""

EMAIL = "<script>alert(1)</script>@evil.example"
URL = 'https://evil.example/"><script>alert(1)</script><svg/onload=alert(1)>'


# --- the models' text fields --------------------------------------------------------------


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """Strip Optional and Annotated, keeping the Annotated metadata."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata = [*metadata, *extra]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, metadata


def classify(annotation: Any, metadata: list[Any]) -> tuple[str, Any]:
    """('text' | 'patterned' | 'model' | 'other', detail), with a 'list-' prefix for lists."""
    annotation, metadata = _unwrap(annotation, metadata)
    if typing.get_origin(annotation) is list:
        kind, inner = classify(typing.get_args(annotation)[0], [])
        return f"list-{kind}", inner
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    if annotation is str:
        pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
        return ("patterned", pattern) if pattern else ("text", None)
    return "other", annotation


def text_fields(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every free-text field reachable from ``model``, as 'Model.field'."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    found = set()
    for name, field in model.model_fields.items():
        kind, inner = classify(field.annotation, list(field.metadata))
        if kind.removeprefix("list-") == "text":
            found.add(f"{model.__name__}.{name}")
        elif kind.removeprefix("list-") == "model":
            found |= text_fields(inner, seen)
    return found


def fill(model: type[BaseModel], data: dict[str, Any], text: Any, visited: set[str]) -> None:
    """Replace, in place, every free-text value of ``data`` with ``text(field)``; hostile
    but valid values go in patterned fields (emails, URLs) too."""
    for name, field in model.model_fields.items():
        if name not in data:
            continue
        kind, inner = classify(field.annotation, list(field.metadata))
        label = f"{model.__name__}.{name}"
        if kind == "text":
            data[name] = text(label)
            visited.add(label)
        elif kind == "list-text":
            data[name] = [text(label), text(label) + " (2)"]
            visited.add(label)
        elif kind == "patterned" and "@" in inner:
            data[name] = EMAIL
        elif kind == "patterned" and "https?" in inner:
            data[name] = URL
        elif kind == "model" and isinstance(data[name], dict):
            fill(inner, data[name], text, visited)
        elif kind == "list-model":
            for item in data[name]:
                fill(inner, item, text, visited)


def documents(text: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The full reference plan and CSP (every field filled in) with ``text`` in every
    free-text field; asserts that no text field of the models was left out."""
    plan = yaml.safe_load((CORPUS_OK / "plan.yaml").read_text(encoding="utf-8"))
    csp = yaml.safe_load((CORPUS_OK / "csp.yaml").read_text(encoding="utf-8"))
    visited: set[str] = set()
    fill(PolicePlan, plan, text, visited)
    fill(CSPDocument, csp, text, visited)
    # The deprecated 'commissioner' cannot stand beside 'issued_by', which the reference
    # plan fills in; tests/test_governance.py reads it.
    deprecated = {"Commissioner.name", "Commissioner.office"}
    assert visited == (text_fields(PolicePlan) | text_fields(CSPDocument)) - deprecated
    return plan, csp


def write_area(folder: Path, plan: dict[str, Any], csp: dict[str, Any]) -> None:
    (folder / "csps").mkdir(exist_ok=True)
    for path, document in ((folder / "plan.yaml", plan), (folder / "csps" / "a.yaml", csp)):
        path.write_text(yaml.safe_dump(document, allow_unicode=True, width=1000), "utf-8")


def test_the_field_walk_finds_the_fields_officers_write():
    fields = text_fields(PolicePlan) | text_fields(CSPDocument)
    for expected in (
        "PolicePlan.title",
        "PolicePlan.force_area",
        "Objective.sub_themes",
        "Commissioner.office",
        "CSPDocument.name",
        "CSPDocument.local_authorities",
        "Priority.lead",
        "RegardRecord.reason",
        "Contact.phone",
        "Meeting.location",
        "TimetableItem.owner",
        "KeyFinding.evidence",
        "Participation.representative",
    ):
        assert expected in fields
    assert "Priority.id" not in fields and "Contact.email" not in fields
    assert len(fields) >= 30


# --- reading the outputs back -------------------------------------------------------------


class Page(HTMLParser):
    """The parts of an HTML document that could carry an attack, and its structure."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "wbr", "col", "area", "base"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.declarations: list[str] = []
        self.others: list[str] = []
        self.data: list[str] = []
        self.style: list[str] = []
        self.stack: list[str] = []
        self.mismatched: list[str] = []
        self._in: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)
            self._in.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.mismatched.append(tag)
            return
        self.stack.pop()
        self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "style":
            self.style.append(data)
        else:
            self.data.append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_decl(self, decl):
        self.declarations.append(decl)

    def handle_pi(self, data):
        self.others.append(data)

    def unknown_decl(self, data):
        self.others.append(data)

    @property
    def text(self) -> str:
        return "".join(self.data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


# The report extends the base template every page shares: the tags and attributes of both.
TEMPLATE_SOURCE = TEMPLATE.read_text(encoding="utf-8") + (
    TEMPLATE.parent / "base.html.j2"
).read_text(encoding="utf-8")
TEMPLATE_TAGS = frozenset(re.findall(r"<([a-z][a-z0-9]*)[\s>]", TEMPLATE_SOURCE))
TEMPLATE_ATTRIBUTES = frozenset(re.findall(r"\s([a-z][a-z-]*)=\"", TEMPLATE_SOURCE))


def csp_directives(page: Page) -> dict[str, list[str]]:
    (policy,) = [
        attrs["content"] or ""
        for attrs in page.named("meta")
        if (attrs.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_safe_html(page: Page, *, allowed_tags: frozenset[str], allowed_attrs: frozenset[str]):
    """No element, attribute, handler or URL from the input: only the template's own."""
    assert page.mismatched == [] and page.stack == [], (page.mismatched, page.stack)
    assert page.comments == [] and page.others == []
    tags = {name for name, _ in page.tags}
    assert tags <= allowed_tags, tags - allowed_tags
    assert "script" not in tags and "img" not in tags
    for name, attrs in page.tags:
        assert set(attrs) <= allowed_attrs, (name, attrs)
        for attribute, value in attrs.items():
            assert not attribute.startswith("on"), (name, attrs)
            assert "javascript:" not in (value or "").lower(), (name, attrs)
            assert "<" not in (value or ""), (name, attrs)
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs


# --- the test -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every format of `alignkit check` on documents with payloads in every text field."""
    folder = tmp_path_factory.mktemp("payloads")
    plan, csp = documents(lambda field: f"{field}: {PAYLOAD}")
    # force_area must match between the documents for them to be checked together.
    plan["force_area"] = csp["force_area"] = f"force_area: {PAYLOAD}"
    write_area(folder, plan, csp)
    out = {}
    with pytest.MonkeyPatch.context() as env:
        env.delenv("GITHUB_ACTIONS", raising=False)  # never touch a real job summary
        for fmt in FORMATS:
            plan_path, csps = str(folder / "plan.yaml"), str(folder / "csps")
            # a workbook or Word document goes to a file, and is read back as its text
            target = ("-o", str(folder / f"report.{fmt}")) if is_binary("report", fmt) else ()
            result = run("check", *AS_OF, plan_path, csps, "-f", fmt, *target)
            assert result.exit_code in (0, 1), result.stderr
            assert "Traceback" not in result.stdout + result.stderr
            out[fmt] = readable(Path(target[1])) if target else result.stdout
    return out


def test_html_has_no_element_attribute_or_url_from_the_input(reports):
    page = Page(reports["html"])
    assert page.declarations == ["DOCTYPE html"]
    assert_safe_html(page, allowed_tags=TEMPLATE_TAGS, allowed_attrs=TEMPLATE_ATTRIBUTES)
    assert len(page.named("style")) == 1
    assert "display:none" not in "".join(page.style)
    assert len(page.named("title")) == 1 and len(page.named("body")) == 1
    # The payloads are shown to the reader exactly as typed: escaped, not removed.
    for piece in SHOWN:
        assert piece in page.text, piece
    for field in ("PolicePlan.title", "Objective.title", "CSPDocument.name", "Priority.title"):
        assert f"{field}: <script>alert(1)</script>" in page.text


def test_html_carries_a_content_security_policy_that_forbids_scripts(reports):
    page = Page(reports["html"])
    directives = csp_directives(page)
    assert directives["default-src"] == ["'none'"]
    # Scripts fall back to default-src 'none'; where named, they are refused outright too.
    assert directives.get("script-src", ["'none'"]) == ["'none'"]
    assert "script-src-elem" not in directives
    for name, sources in directives.items():
        if name == "img-src":  # the report's only images would be inline data
            assert sources == ["data:"], directives
        else:
            assert not {"'unsafe-eval'", "*", "http:", "https:", "data:"} & set(sources), name
    assert directives["base-uri"] == ["'none'"] and directives["form-action"] == ["'none'"]
    # The policy must come before anything it governs.
    order = [
        "csp" if (attrs.get("http-equiv") or "").lower() == "content-security-policy" else name
        for name, attrs in page.tags
    ]
    assert order.index("csp") < order.index("style") < order.index("body")


def _markdown_html(markdown: str) -> tuple[Page, list[Any]]:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(markdown)
    return Page(parser.render(markdown)), tokens


MARKDOWN_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "em", "code", "pre", "hr"}
    | {"table", "thead", "tbody", "tr", "th", "td"}
)


def test_markdown_escapes_html_links_and_table_pipes(reports):
    page, tokens = _markdown_html(reports["markdown"])
    flat = [t for token in tokens for t in [token, *(token.children or [])]]
    assert not [t for t in flat if t.type in {"html_inline", "html_block", "image", "link_open"}]
    assert_safe_html(page, allowed_tags=MARKDOWN_TAGS, allowed_attrs=frozenset({"style"}))
    assert len(page.named("h1")) == 1
    assert not [t for t in flat if t.type == "s_open"], "~~ from the input made strikethrough"
    for piece in SHOWN:
        assert piece in page.text, piece
    # A pipe in a cell stays in that cell.
    cells = _cells(reports["markdown"])
    assert any("| col | col |" in cell for cell in cells)


def _cells(markdown: str) -> list[str]:
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(markdown)
    cells = []
    for i, token in enumerate(tokens):
        if token.type in {"td_open", "th_open"}:
            cells.append(tokens[i + 1].content.replace("\\|", "|"))
    return cells


def test_json_and_sarif_carry_the_text_unchanged(reports):
    report = json.loads(reports["json"])
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["plan"]["title"] == f"PolicePlan.title: {PAYLOAD}".strip()
    assert report["csps"][0]["name"] == f"CSPDocument.name: {PAYLOAD}".strip()
    sarif = json.loads(reports["sarif"])
    jsonschema.validate(sarif, SARIF_SCHEMA)
    (sarif_run,) = sarif["runs"]
    assert sarif_run["properties"]["plan"] == report["plan"]["title"]
    for result in sarif_run["results"]:
        assert set(result["message"]) == {"text"}, "no markdown message from user text"
    name = report["csps"][0]["name"]
    assert any(name in result["message"]["text"] for result in sarif_run["results"])


JUNIT_TAGS = {"testsuites", "testsuite", "testcase", "failure", "system-out"}


def test_junit_is_well_formed_and_the_text_survives_as_data(reports):
    root = ET.fromstring(reports["junit"].encode("utf-8"))
    assert {element.tag for element in root.iter()} <= JUNIT_TAGS
    names = [case.get("name") or "" for case in root.iter("testcase")]
    assert any("<script>alert(1)</script>" in name and "]]>" in name for name in names)
    try:
        import xmlschema
    except ImportError:  # pragma: no cover - a dev dependency
        return
    xmlschema.XMLSchema(DATA / "junit-10.xsd").validate(reports["junit"])


COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _decode(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def test_github_commands_cannot_be_forged(reports):
    lines = reports["github"].splitlines()
    assert lines
    for line in lines:
        match = COMMAND.match(line)
        assert match, line
        for prop in match["props"].split(","):
            key, _, value = prop.partition("=")
            assert key in {"file", "line", "col", "title"}, line
            assert "\r" not in value and "\n" not in value
    assert "forged" not in "".join(COMMAND.match(line)["props"] for line in lines)
    # '%0A' typed by the user must reach GitHub as the three characters, not a newline.
    messages = [_decode(COMMAND.match(line)["message"]) for line in lines]
    assert any("%0A::error::forged" in m and "\n::error file=forged.yaml" in m for m in messages)
    assert "%250A::error::forged" in reports["github"]


def test_the_text_report_shows_the_payloads_as_typed(reports):
    assert "<script>alert(1)</script>" in reports["text"]
    assert "{{ 7*7 }}" in reports["text"] and "{% if true %}jinja{% endif %}" in reports["text"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_workbook_and_the_word_document_show_the_payloads_as_typed(reports, fmt):
    text = " ".join(reports[fmt].split())
    for piece in SHOWN:
        assert piece in text, piece
    for field in ("PolicePlan.title", "Objective.title", "CSPDocument.name", "Priority.title"):
        assert f"{field}: <script>alert(1)</script>" in text


# --- line breaks and control characters in user text -----------------------------------------------------------------------------


def _line_starts(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.lstrip().startswith("::")]


def test_the_text_reports_keep_user_text_on_one_line(in_tmp, monkeypatch):
    """A line break in a title must not start a line of the text report or of validate's
    output: that line could pass for a diagnostic, or for a workflow command in a CI log."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    plan, csp = documents(lambda field: f"{field}\n::error file=forged.yaml,line=1::{field}")
    plan["force_area"] = csp["force_area"] = "Wessex"
    write_area(in_tmp, plan, csp)
    checked = run("check", *AS_OF, "plan.yaml", "csps")
    assert checked.exit_code in (0, 1), checked.stderr
    assert "::error file=forged.yaml,line=1::PolicePlan.title" in checked.stdout  # shown, inline
    (in_tmp / "bad.yaml").write_text(
        'kind: community-safety-partnership\ntier: "x\\n::error::forged"\n'
    )
    validated = run("validate", "bad.yaml")
    assert validated.exit_code == 3
    forged = [
        *_line_starts(checked.stdout),
        *_line_starts(checked.stderr),
        *_line_starts(validated.stdout),
    ]
    assert forged == []


CONTROL = "\x1b[2J\x1b]0;owned\x07\x00\x08\x9b31m"


@pytest.mark.parametrize("fmt", ["text", "markdown", "github"])
def test_control_characters_from_yaml_escapes_never_reach_a_report(in_tmp, monkeypatch, fmt):
    """Written raw they are refused as AK004; written as YAML escapes ("\\e[2J", "\\a",
    "\\0") they must be refused too, or at least never reach a report."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    plan, csp = documents(lambda field: f"{field} {CONTROL} end")
    plan["force_area"] = csp["force_area"] = "Wessex"
    write_area(in_tmp, plan, csp)
    assert "\\e" in (in_tmp / "plan.yaml").read_text()
    result = run("check", *AS_OF, "plan.yaml", "csps", "-f", fmt)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", result.stdout), fmt
    if result.exit_code == 3:
        assert "control character U+001B" in result.stderr
    else:
        assert result.exit_code in (0, 1)


@pytest.mark.parametrize(
    "line",
    ['"ti\\e[31mtle": x', 'tier: "\\e[2J"', 'id: "x\\e]0;owned"', 'kind: "csp\\e[2J"'],
    ids=["key", "tier", "id", "kind"],
)
def test_validate_never_echoes_control_characters(in_tmp, line):
    """Messages quote the key or value they are about; a control character in it must not
    reach the terminal as it is."""
    document = MINIMAL_CSP.replace("id: northdown\n", "") + line + "\n"
    if not line.startswith("id:"):
        document += "id: northdown\n"
    if line.startswith("kind:"):
        document = document.replace("kind: community-safety-partnership", "", 1)
    (in_tmp / "csp.yaml").write_text(document, encoding="utf-8")
    result = run("validate", "csp.yaml")
    assert result.exit_code == 3
    assert "csp.yaml:" in result.stdout
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", result.stdout)
