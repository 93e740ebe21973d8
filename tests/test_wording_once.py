"""Every sentence of the check report, the force-wide summary and the welcome pack is made
once, in the document's view (render/view.py, summary/view.py, pack/view.py), and its
Markdown and HTML both print it: a wording fix in one format cannot miss the other.

Read on the example area, so every section (themes, ended and Welsh partnerships, findings
with hints and examples, objectives without evidence) has sentences to compare.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import markupsafe
import pytest

from alignkit.config import Config
from alignkit.markup import escape
from alignkit.models.report import CheckReport
from alignkit.pack.html import pack_html
from alignkit.pack.markdown import pack_markdown
from alignkit.pack.model import build_pack
from alignkit.pack.view import SAY, SECTION, STATUS, best_objective, facts, pack_view
from alignkit.pipeline import run_pipeline
from alignkit.project import resolve_project
from alignkit.render.html import html_report
from alignkit.render.markdown import markdown_report
from alignkit.render.view import page_view
from alignkit.summary.html import summary_html
from alignkit.summary.markdown import summary_markdown
from alignkit.summary.model import build_summary
from alignkit.summary.view import summary_view
from conftest import ROOT

REPORT = CheckReport.model_validate_json(
    (ROOT / "tests" / "golden" / "wessex" / "report.json").read_text(encoding="utf-8")
)

MACHINE = {"report", "plan", "welsh", "csp", "waiver", "anchor", "state", "severity"}
"""Fields that hold the models the view reads, or names for a page's classes and anchors:
not words a reader is shown."""

NAMED_FIRST = {"key", "severities"}
"""Lists of tuples whose first item names a state or severity (for a class), not words."""

EMPTY_ONLY = {"no_findings", "no_priorities"}
"""Said only of a section with nothing in it, which the example area does not have."""

PAGE_ONLY = {"guide"}
"""Where the HTML page and the Word paper point a reader to the guide: the Markdown report
has never carried it (it is read where the repository's docs are a click away)."""

FORMATS_SOURCES = [
    "src/alignkit/render/markdown.py",
    "src/alignkit/render/docx.py",
    "src/alignkit/render/xlsx.py",
    "src/alignkit/templates/report.html.j2",
    "src/alignkit/summary/markdown.py",
    "src/alignkit/summary/html.py",
    "src/alignkit/templates/summary.html.j2",
    "src/alignkit/pack/markdown.py",
    "src/alignkit/pack/html.py",
    "src/alignkit/templates/pack.html.j2",
]


def sentences(value: object) -> Iterator[str]:
    """Every piece of text the view holds, however deep."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.name in NAMED_FIRST:
                yield from sentences([named[1:] for named in item])
            elif field.name not in MACHINE | EMPTY_ONLY | PAGE_ONLY:
                yield from sentences(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from sentences(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from sentences(item)


VIEW = page_view(REPORT)
# The Markdown report heads the plan's findings with their own heading, not the plan's.
VIEW_SENTENCES = sorted({s for s in sentences(VIEW) if s.strip()} - {VIEW.groups[0].heading})
MARKDOWN = markdown_report(REPORT)
HTML = html_report(REPORT)


def _example_result():
    wessex = ROOT / "examples" / "wessex"
    project = resolve_project(
        Config(), plan=wessex / "plan.yaml", csps=[wessex / "csps"], as_of="2026-11-22"
    )
    run = run_pipeline(project)
    assert run.result is not None
    return run.result


RESULT = _example_result()
SUMMARY = build_summary(RESULT)
SUMMARY_VIEW = summary_view(SUMMARY)
# Said only when the example area lacks what they speak of (themes, evidence, partnerships).
SUMMARY_ABSENT = {
    SUMMARY_VIEW.say[name]
    for name in (
        "no_partnerships",
        "no_themes",
        "no_shared",
        "all_shared",
        "no_theme_list",
        "all_evidenced",
        "none_unevidenced",
        "no_themes_recognised",
        "not_recorded",
        "none_shown",
    )
} | set(SUMMARY_VIEW.no_assessments)
SUMMARY_SENTENCES = sorted({s for s in sentences(SUMMARY_VIEW) if s.strip()} - SUMMARY_ABSENT)


def test_the_view_holds_the_report_s_sentences():
    # the test below is only as good as what it walks: these are sentences of every kind
    for expected in (
        "objectives a partnership neither addresses nor records why not.",
        "How this partnership has regard to the police and crime plan",
        "Findings about the plan and the force area",
        "Unexplained gap in",
    ):
        assert expected in VIEW_SENTENCES
    assert any(s.startswith("Made by alignkit") for s in VIEW_SENTENCES)
    assert any(s.startswith("Addressed by ") for s in VIEW_SENTENCES)
    assert "Themes (partnerships holding each)" in SUMMARY_SENTENCES
    assert any(s.startswith("Made by alignkit") for s in SUMMARY_SENTENCES)
    assert "Document production timetable" in PACK_SENTENCES
    assert any(s.startswith("None; the closest is ") for s in PACK_SENTENCES)


def test_every_sentence_of_the_view_is_in_both_reports():
    # a YAML example is shown preformatted, a line at a time, in both
    lines = [line for sentence in VIEW_SENTENCES for line in sentence.splitlines()]
    assert [line for line in lines if escape(line) not in MARKDOWN] == []
    assert [line for line in lines if str(markupsafe.escape(line)) not in HTML] == []


def test_every_sentence_of_the_summary_view_is_in_both_summaries():
    markdown, html = summary_markdown(SUMMARY), summary_html(SUMMARY)
    assert [s for s in SUMMARY_SENTENCES if escape(s) not in markdown] == []
    assert [s for s in SUMMARY_SENTENCES if str(markupsafe.escape(s)) not in html] == []


PACK = build_pack(RESULT)
PACK_ABSENT = {"no_partnerships", "none_shared", "none_agree", "no_year", "no_contacts"}
"""Said only of what the example area has (partnerships, shared themes, contacts...)."""


def _pack_sentences() -> list[str]:
    said = [*sentences(pack_view(PACK)), *SECTION.values()]
    said += [text for name, text in SAY.items() if name not in PACK_ABSENT]
    said += [word for _, word in STATUS.values()]
    for p in PACK.partnerships:
        for fact in facts(PACK, p):
            # the page links the plan's title: the sentence is in two pieces there
            linked = len(fact.linked) if fact.url else 0
            said += [fact.label, fact.text[:linked], fact.text[linked:]]
        said += [best_objective(a) for a in p.priorities]
    return sorted({s for s in said if s.strip()})


PACK_SENTENCES = _pack_sentences()


def test_every_sentence_of_the_pack_view_is_in_both_packs():
    markdown, html = pack_markdown(PACK), pack_html(PACK)
    assert [s for s in PACK_SENTENCES if escape(s) not in markdown] == []
    assert [s for s in PACK_SENTENCES if str(markupsafe.escape(s)) not in html] == []


@pytest.mark.parametrize("source", FORMATS_SOURCES)
def test_no_format_writes_a_sentence_of_the_view_again(source):
    text = Path(ROOT / source).read_text(encoding="utf-8")
    # sentences of four words or more: a short label ('Why') may well recur as a word
    every = [*VIEW_SENTENCES, *sentences(SUMMARY_VIEW), *PACK_SENTENCES]
    again = [s for s in every if len(s.split()) >= 4 and s in text]
    assert again == []
