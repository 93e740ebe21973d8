"""One pipeline, one table of outputs: every command honours alignkit.toml, a format is
one registration line, and a renderer's bug is a bug (exit 70), not a usage error."""

from __future__ import annotations

import json
import sys
import zipfile

import pytest

from alignkit.cli import main
from alignkit.docgen import formats_page
from alignkit.registry import DOCUMENTS, Format
from conftest import run

AS_OF = ("--as-of", "2026-11-22")
PLAN = """\
kind: police-and-crime-plan
force_area: Wessex
title: Wessex Police and Crime Plan 2025-2029
period: 2025/26-2028/29
next_review: 2027-03-01
objectives:
  - id: P1
    title: Tackle violence against women and girls
  - id: P2
    title: Keep people safe near water
"""
# Refreshes after the plan's review (AK604); N1 scores 93 against P1; N2 matches nothing
# without the water-safety vocabulary.
CSP = """\
kind: community-safety-partnership
id: northdown
name: Northdown Community Safety Partnership
force_area: Wessex
plan:
  period: 2025/26-2027/28
  next_refresh: 2027-06-01
priorities:
  - id: N1
    title: Domestic abuse and stalking
  - id: N2
    title: Drowning prevention
"""
VOCABULARY = """\
version: 1
themes:
  - id: water-safety
    label: water safety
    terms: [drowning, near water, water safety]
"""
PLAIN = 'plan = "plan.yaml"\ncsps = ["csps"]\n'
CONFIGURED = (
    PLAIN
    + """\
vocabulary = ["water.yaml"]

[thresholds]
aligned = 99
partial = 30

[severity]
AK801 = "info"

[[waivers]]
code = "AK604"
csp = "northdown"
reason = "The refresh follows the county's cycle"
expires = 2027-03-31
"""
)


@pytest.fixture
def area(write):
    write("plan.yaml", PLAN)
    write("csps/northdown.yaml", CSP)
    write("water.yaml", VOCABULARY)
    write("plain.toml", PLAIN)
    write("alignkit.toml", CONFIGURED)
    return write


def both(*args: str) -> tuple[str, str]:
    """stdout with alignkit.toml, and with a configuration that sets only the paths."""
    configured = run(*args, *AS_OF)
    plain = run(*args, *AS_OF, "--config", "plain.toml")
    assert configured.exit_code in (0, 1), configured.stderr
    assert plain.exit_code in (0, 1), plain.stderr
    return configured.stdout, plain.stdout


def test_check_honours_thresholds_vocabulary_severity_and_waivers(area):
    configured, plain = (json.loads(out) for out in both("check", "-f", "json"))

    def best(report, priority):
        found = report["csps"][0]["priorities"]
        return next(p["best"] for p in found if p["id"] == priority)

    def finding(report, code):
        return next(f for f in report["findings"] if f["code"] == code)

    assert best(plain, "N1")["status"] == "aligned"
    assert best(configured, "N1") == {"objective": "P1", "score": 95, "status": "partial"}
    assert best(plain, "N2") is None
    assert best(configured, "N2")["objective"] == "P2"
    assert finding(plain, "AK801")["severity"] == "warning"
    assert finding(configured, "AK801")["severity"] == "info"
    assert finding(plain, "AK604")["waiver"] is None
    assert (
        finding(configured, "AK604")["waiver"]["reason"] == "The refresh follows the county's cycle"
    )


def test_calendar_marks_only_the_out_of_step_cycles_the_check_still_counts(area):
    configured, plain = both("calendar", "-f", "ics")
    assert "Out of step" in plain
    assert "Out of step" not in configured
    configured_html, plain_html = both("calendar", "-f", "html")
    assert "refreshes after plan review" in plain_html
    assert "refreshes after plan review" not in configured_html


def test_pack_honours_thresholds_and_vocabulary(area):
    configured, plain = both("pack", "-f", "markdown")
    n1 = [line for line in configured.splitlines() if "**N1**" in line]
    n2 = [line for line in configured.splitlines() if "**N2**" in line]
    assert "✔ Aligned" in next(line for line in plain.splitlines() if "**N1**" in line)
    assert len(n1) == 1 and "~ Partly aligned" in n1[0]
    assert len(n2) == 1 and "P2 Keep people safe near water" in n2[0] and "✔ Aligned" in n2[0]


def test_summary_honours_the_vocabulary(area):
    configured, plain = both("summary", "-f", "json")
    assert "water safety" in configured
    assert "water safety" not in plain
    assert json.loads(configured)["kind"] == "force-wide-summary"


def test_verbose_says_where_each_setting_came_from(area):
    result = run("check", "-v", "--format", "json", "plan.yaml", *AS_OF)
    assert "configuration: alignkit.toml" in result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("settings: "))
    assert "plan from the command line" in line
    assert "as_of from the command line" in line
    assert "csps from alignkit.toml:2:1" in line
    assert "thresholds from alignkit.toml:5:1" in line
    assert "fail_on from default" in line


# --- the output registry ----------------------------------------------------------------------


@pytest.fixture
def toy_format(monkeypatch):
    """The one registration line a new format needs."""
    monkeypatch.setitem(
        DOCUMENTS["report"].formats,
        "toy",
        Format("toy_format:render_toy", "toy", "a toy", r"\Atoy report: "),
    )


def test_a_registered_format_is_accepted_by_the_cli_the_config_and_the_docs(
    area, toy_format, in_tmp
):
    result = run("check", "-f", "toy", *AS_OF)
    # 6 about regard and cycles, and AK705 and AK707 (no strategy, plan not recorded as sent)
    assert result.stdout == "toy report: 1 CSP, 8 findings (alignkit)\n"
    area("alignkit.toml", PLAIN + '[[outputs]]\nformat = "toy"\npath = "out/report.toy"\n')
    configured = run("check", *AS_OF)
    assert configured.exit_code == 1, configured.stderr
    assert (in_tmp / "out/report.toy").read_text().startswith("toy report: 1 CSP")
    assert "| report | `toy` | `.toy` | a toy |" in formats_page()


def test_a_binary_format_is_one_module_and_one_line_too(area, monkeypatch, in_tmp):
    """A zip format: written only to a file, and known as alignkit's by a zip member."""
    monkeypatch.setitem(
        DOCUMENTS["report"].formats,
        "tzip",
        Format(
            "toy_format:render_toy_zip", "tzip", "a toy zip", r"\Amade by toy", member="maker.txt"
        ),
    )
    refused = run("check", "-f", "tzip", *AS_OF)
    assert refused.exit_code == 2 and "--output report.tzip" in refused.stderr
    for _ in range(2):  # the second time over its own file, without --force
        written = run("check", "-o", "out.tzip", *AS_OF)  # the extension names the format
        assert written.exit_code == 0, written.stderr
    with zipfile.ZipFile(in_tmp / "out.tzip") as package:
        assert package.read("maker.txt") == b"made by toy alignkit: 1 CSP\n"
    (in_tmp / "theirs.tzip").write_bytes((in_tmp / "out.tzip").read_bytes().replace(b"toy", b"me!"))
    theirs = run("check", "-f", "tzip", "-o", "theirs.tzip", *AS_OF)
    assert theirs.exit_code == 2 and "--force" in theirs.stderr


def test_an_unregistered_format_is_refused_by_the_cli_and_the_config(area):
    refused = run("check", "-f", "toy", *AS_OF)
    assert refused.exit_code == 2
    assert "'toy' is not one of text, markdown" in refused.stderr
    area("alignkit.toml", PLAIN + '[[outputs]]\nformat = "toy"\npath = "out/report.toy"\n')
    bad = run("check", *AS_OF)
    assert bad.exit_code == 2
    assert "alignkit.toml:4:10: outputs.0.format" in bad.stderr
    assert "unknown format 'toy'" in bad.stderr


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_every_command_refuses_a_format_its_document_does_not_have(area, kind):
    command = {"report": ["check"], "handover": ["pack", "--for", "successor"]}.get(kind, [kind])
    result = run(*command, "-f", "pdf", *AS_OF)
    assert result.exit_code == 2
    assert "'pdf' is not one of " + ", ".join(DOCUMENTS[kind].formats) in result.stderr


def test_a_renderer_that_raises_reaches_the_crash_guard(area, monkeypatch, capsys):
    monkeypatch.setitem(
        DOCUMENTS["report"].formats,
        "broken",
        Format("toy_format:render_broken", "x", "a bug", r"\Ax"),
    )
    monkeypatch.delenv("ALIGNKIT_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["alignkit", "check", "-f", "broken", *AS_OF])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: a bug inside a renderer" in err
    assert "This is a bug in alignkit, not in your files" in err
    assert "please report it" in err
