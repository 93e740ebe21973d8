"""Property-based: any Unicode in any text field, and every report still parses.

Documents are built from the models' fields (the full reference plan and CSP in
tests/corpus/ok, with every free-text field replaced by drawn text: control characters,
right-to-left text, emoji, combining marks, very long strings). `alignkit check` must
never raise, must exit 0, 1 or 3, and every format it writes must read back with a real
parser: HTML with the template's balanced structure, Markdown with no raw HTML, JSON
against its schema, SARIF, JUnit XML, one GitHub workflow command per line.

Budgets are bounded so the suite stays quick in CI; set ALIGNKIT_FUZZ_EXAMPLES=500 (or
more) for a longer local run.
"""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import run
from test_payloads import (
    COMMAND,
    REPORT_SCHEMA,
    TEMPLATE_ATTRIBUTES,
    TEMPLATE_TAGS,
    Page,
    assert_safe_html,
    csp_directives,
    documents,
)

BUDGET = settings(
    max_examples=int(os.environ.get("ALIGNKIT_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
AS_OF = ("--as-of", "2026-11-22")
OUTPUTS = {
    "text": "report.txt",
    "markdown": "report.md",
    "html": "report.html",
    "json": "report.json",
    "github": "report.log",
    "sarif": "report.sarif",
    "junit": "report.xml",
}

SPECIAL = [
    "\u202eevil\u202c",  # right-to-left override
    "شرطة المنطقة",  # Arabic
    "משטרה",  # Hebrew
    "👮\u200d♀️🚓🏴󠁧󠁢󠁷󠁬󠁳󠁿",  # emoji, ZWJ sequence, tag sequence (Wales flag)
    "e\u0301\u0327\u20dd",  # combining marks
    "\x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\x85\x9b",  # C0, DEL, NEL, C1
    "\u2028\u2029\ufeff\u200b",  # line and paragraph separators, BOM, zero width
    "\ufffd\U0010fffd\U0001d54f",  # replacement, private use, maths
    "<![CDATA[x]]>&#0;&#x1b;",
    "\t \r\n\r",
]

pieces = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x24F), max_size=40),
)
free_text = st.lists(pieces, min_size=1, max_size=4).map("".join)
long_text = st.tuples(free_text, st.integers(100, 3000)).map(
    lambda t: ((t[0] or "x") * t[1])[:6000]
)
any_text = st.one_of(free_text, free_text, free_text, long_text)


def _check(folder: Path) -> tuple[int, dict[str, str], str]:
    args = ["check", *AS_OF, "plan.yaml", "csps", "--fail-on", "warning"]
    for fmt, name in OUTPUTS.items():
        args += ["--format", fmt, "--output", f"out/{name}"]
    shutil.rmtree(folder / "out", ignore_errors=True)  # each example writes fresh reports
    before = Path.cwd()
    os.chdir(folder)
    try:
        result = run(*args)
    finally:
        os.chdir(before)
    assert "Traceback" not in result.stdout + result.stderr
    written = {
        fmt: (folder / "out" / name).read_text(encoding="utf-8")
        for fmt, name in OUTPUTS.items()
        if (folder / "out" / name).exists()
    }
    return result.exit_code, written, result.stderr


def _assert_reports_parse(reports: dict[str, str]) -> None:
    page = Page(reports["html"])
    assert page.declarations == ["DOCTYPE html"]
    assert_safe_html(page, allowed_tags=TEMPLATE_TAGS, allowed_attrs=TEMPLATE_ATTRIBUTES)
    assert csp_directives(page)["default-src"] == ["'none'"]
    assert [name for name, _ in page.tags][:2] == ["html", "head"]

    report = json.loads(reports["json"])
    jsonschema.validate(report, REPORT_SCHEMA)
    sarif = json.loads(reports["sarif"])
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == len(report["findings"])

    root = ET.fromstring(reports["junit"].encode("utf-8"))
    assert root.tag == "testsuites"
    assert int(root.get("tests") or 0) == len(list(root.iter("testcase")))

    tokens = MarkdownIt("commonmark").enable("table").parse(reports["markdown"])
    flat = [t for token in tokens for t in [token, *(token.children or [])]]
    assert not [t for t in flat if t.type in {"html_inline", "html_block", "link_open", "image"}]
    assert sum(1 for t in flat if t.type == "heading_open" and t.tag == "h1") == 1

    # The runner splits its output on \n (and \r) only; other separators are text.
    assert "\r" not in reports["github"]
    for line in reports["github"].split("\n")[:-1]:
        assert COMMAND.match(line), line
    assert reports["text"].lstrip().startswith("╭─ alignkit check")


CONTROLS = str.maketrans(
    "", "", "".join(map(chr, [*range(0, 9), *range(11, 32), *range(127, 160)]))
)
"""C0 (but tab and newline), DEL and C1 controls: refused in text (see test_payloads)."""
RAW_BREAKS = str.maketrans("", "", "\x85\u2028\u2029")
"""Written raw, NEL and U+2028/U+2029 are line breaks to YAML and refused (see the corpus)."""


def _write(draw: Any, folder: Path, text: Any) -> None:
    """The documents with drawn text in every field, written as an editor would (raw
    UTF-8) or with every non-ASCII character escaped, as PyYAML's default does."""
    raw = draw(st.booleans(), label="raw UTF-8")
    if raw:
        text = text.map(lambda value: value.translate(RAW_BREAKS))
    plan, csp = documents(lambda field: draw(text, label=field))
    plan["force_area"] = csp["force_area"] = draw(text, label="force_area")
    (folder / "csps").mkdir(exist_ok=True)
    for path, document in ((folder / "plan.yaml", plan), (folder / "csps" / "a.yaml", csp)):
        path.write_text(yaml.safe_dump(document, allow_unicode=raw, width=1000), "utf-8")


@pytest.mark.slow  # hypothesis: hundreds of checks
@BUDGET
@given(data=st.data())
def test_any_text_in_every_field_gives_reports_that_parse(tmp_path, data):
    """Every field non-empty (a letter first) and free of control characters, so the
    documents are valid and the reports are made: exit 0 or 1, and every format reads
    back. Control characters are drawn in the next test."""
    valid = any_text.map(lambda text: "A " + text.translate(CONTROLS))
    _write(data.draw, tmp_path, valid)
    exit_code, reports, stderr = _check(tmp_path)
    assert exit_code in (0, 1), stderr
    assert set(reports) == set(OUTPUTS)
    _assert_reports_parse(reports)


@pytest.mark.slow  # hypothesis: hundreds of checks
@BUDGET
@given(data=st.data())
def test_any_text_at_all_is_a_report_or_a_located_refusal(tmp_path, data):
    """Text as drawn (empty, blank, anything): exit 0, 1 or 3; 3 writes no report."""
    _write(data.draw, tmp_path, st.one_of(any_text, st.sampled_from(["", " ", "\n"])))
    exit_code, reports, stderr = _check(tmp_path)
    assert exit_code in (0, 1, 3), stderr
    if exit_code == 3:
        assert reports == {}
        assert " AK" in stderr
    else:
        _assert_reports_parse(reports)


@pytest.fixture(autouse=True)
def _outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    """The github format appends to a real job summary when run inside GitHub Actions."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
