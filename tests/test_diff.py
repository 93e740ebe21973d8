"""`alignkit diff` and `alignkit check --new-only`: what a change did to the assessment.

The example area is committed to a fresh git repository, one change is made in the
working tree (a CSP refresh, a plan refresh with a supersedes mapping, a regard record, a
file added and one removed, or nothing), and the diff against HEAD is compared with golden
files in tests/golden/diff/ in every format. After an intended change, rewrite them with
`ALIGNKIT_UPDATE_GOLDEN=1` and read the diff.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from alignkit.diff.compare import compare
from alignkit.models.report import CheckReport
from alignkit.registry import DOCUMENTS
from conftest import ROOT, run
from golden_files import same_as_golden

EXAMPLE = ROOT / "examples" / "wessex"
DATA = ROOT / "tests" / "data" / "diff"
GOLDEN = ROOT / "tests" / "golden" / "diff"
AS_OF = ("--as-of", "2026-11-22")
AREA = ("--plan", "plan.yaml", "--csps", "csps")

BUDMOUTH_REGARD = """\
  - objective: P6
    reason: Road safety on the coast road is led by the county Safer Roads Partnership.
    decided: 2026-11-10
    decided_by: Budmouth CSP Executive
"""

WYVERN = """\
kind: community-safety-partnership
id: wyvern
name: Wyvern Vale Community Safety Partnership
force_area: Wessex
tier: district
priorities:
  - id: WV1
    title: Domestic abuse and stalking
    supports: [P2]
  - id: WV2
    title: Anti-social behaviour in town centres
    supports: [P1]
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _committed_area(parent: Path) -> Path:
    """The example area committed to a fresh repository in ``parent``."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for the diff tests")
    folder = parent / "area"
    shutil.copytree(EXAMPLE, folder)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "the area as it was")
    return folder


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example area committed to a fresh repository, as the working directory."""
    folder = _committed_area(tmp_path)
    monkeypatch.chdir(folder)
    return folder


def _csp_refresh(repo: Path) -> None:
    shutil.copy(DATA / "budmouth-2027.yaml", repo / "csps" / "budmouth.yaml")


def _plan_refresh(repo: Path) -> None:
    shutil.copy(DATA / "plan-2027.yaml", repo / "plan.yaml")


def _regard_added(repo: Path) -> None:
    path = repo / "csps" / "budmouth.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("regard:\n", "regard:\n" + BUDMOUTH_REGARD), encoding="utf-8")


def _file_added_and_removed(repo: Path) -> None:
    (repo / "csps" / "sandbourne.yaml").unlink()
    (repo / "csps" / "wyvern.yaml").write_text(WYVERN, encoding="utf-8")


def _identical(repo: Path) -> None:
    pass


SCENARIOS: dict[str, Callable[[Path], None]] = {
    "csp-refresh": _csp_refresh,
    "plan-refresh": _plan_refresh,
    "regard-added": _regard_added,
    "file-added-and-removed": _file_added_and_removed,
    "identical": _identical,
}
FORMATS = {name: fmt.extension for name, fmt in DOCUMENTS["diff"].formats.items()}


@pytest.fixture(scope="module")
def scenario_repo(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """A scenario's repository, made once and shared by the golden test of each format: the
    diff only reads it (test_the_diff_never_changes_the_repository holds it to that)."""
    made: dict[str, Path] = {}

    def repo_for(scenario: str) -> Path:
        if scenario not in made:
            made[scenario] = _committed_area(tmp_path_factory.mktemp(scenario))
            SCENARIOS[scenario](made[scenario])
        return made[scenario]

    return repo_for


def _golden_cases() -> list:
    """Every scenario in every format. Each case reads the example area twice (at HEAD and
    in the working tree), so the fast pass keeps every scenario's JSON and every format of
    the richest scenario, the plan refresh; `make test` runs them all."""
    return [
        pytest.param(
            scenario,
            fmt,
            marks=() if fmt == "json" or scenario == "plan-refresh" else pytest.mark.slow,
        )
        for scenario in sorted(SCENARIOS)
        for fmt in sorted(FORMATS)
    ]


@pytest.mark.parametrize(("scenario", "fmt"), _golden_cases())
def test_diff_matches_golden(scenario_repo, monkeypatch, scenario, fmt):
    monkeypatch.chdir(scenario_repo(scenario))
    result = run("diff", "HEAD", *AREA, *AS_OF, "--format", fmt, "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    same_as_golden(GOLDEN / f"{scenario}.{FORMATS[fmt]}", result.stdout)


def _diff_json(*args: str) -> dict:
    result = run("diff", *args, *AS_OF, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_identical_inputs_give_an_empty_diff_and_exit_0(repo):
    result = run("diff", "HEAD", *AREA, *AS_OF)
    assert result.exit_code == 0, result.stderr
    diff = _diff_json("HEAD", *AREA)
    assert diff["verdict"] == "This change makes no difference to the assessment."
    for part in ("findings", "cells", "scores", "objectives", "priorities", "partnerships"):
        assert diff[part] == [], part


def test_a_regard_record_closes_the_gap_and_turns_the_cell(repo):
    _regard_added(repo)
    diff = _diff_json("HEAD", *AREA)
    assert diff["verdict"] == "This change closes 1 unexplained gap."
    [closed] = [f for f in diff["findings"] if f["change"] == "closed"]
    assert (closed["change"], closed["code"], closed["csp"], closed["objective"]) == (
        "closed",
        "AK301",
        "budmouth",
        "P6",
    )
    assert diff["cells"] == [
        {
            "csp": "budmouth",
            "objective": "P6",
            "before": "gap",
            "after": "considered",
            "reason": "Road safety on the coast road is led by the county Safer Roads Partnership.",
        }
    ]
    # The reason now on record is news, not a problem: an info finding, not in the verdict.
    [opened] = [f for f in diff["findings"] if f["change"] == "opened"]
    assert (opened["code"], opened["after"]["severity"]) == ("AK302", "info")


def test_the_plan_refresh_follows_the_supersedes_mapping(repo):
    _plan_refresh(repo)
    diff = _diff_json("HEAD", *AREA)
    assert diff["mapping"] == {"P6": ["P10"], "P8": []}
    changes = {(o["change"], o["id"]) for o in diff["objectives"]}
    assert changes == {("replaced", "P10"), ("renamed", "P7"), ("added", "P11"), ("removed", "P8")}
    # Budmouth's gap on road safety is the same gap under its new number: neither
    # closed nor opened.
    gaps = [f for f in diff["findings"] if f["code"] == "AK301"]
    assert gaps == []
    briefing = {row["objective"]: row for row in diff["briefing"]}
    assert set(briefing) == {"P10", "P7", "P11"}
    assert briefing["P10"]["replaces"] == ["P6"]
    assert briefing["P10"]["gap_in"] == ["budmouth"]
    assert "wessex-shire" in briefing["P7"]["gap_in"]


def test_a_file_added_and_one_removed(repo):
    _file_added_and_removed(repo)
    diff = _diff_json("HEAD", *AREA)
    assert {(p["change"], p["id"]) for p in diff["partnerships"]} == {
        ("added", "wyvern"),
        ("removed", "sandbourne"),
    }
    opened = {f["csp"] for f in diff["findings"] if f["change"] == "opened"}
    closed = {f["csp"] for f in diff["findings"] if f["change"] == "closed"}
    assert "wyvern" in opened and "sandbourne" in closed
    assert all(c["csp"] not in ("wyvern", "sandbourne") for c in diff["cells"])


# --- identity: never the line ------------------------------------------------------------


def _reordered(text: str) -> str:
    """The same CSP with its priorities in reverse order and the file's lines moved down."""
    head, _, rest = text.partition("priorities:\n")
    body, _, tail = rest.partition("\nregard:\n")
    blocks = body.strip("\n").split("\n\n")
    moved = "# Reordered at the 2027 refresh; nothing else changed.\n#\n#\n" + head
    return moved + "priorities:\n" + "\n\n".join(reversed(blocks)) + "\n\nregard:\n" + tail


def test_finding_identity_survives_reordering_a_file_and_moving_lines(repo):
    path = repo / "csps" / "budmouth.yaml"
    before = run("check", "plan.yaml", "csps", *AS_OF, "-f", "json", "--fail-on", "never")
    path.write_text(_reordered(path.read_text(encoding="utf-8")), encoding="utf-8")
    after = run("check", "plan.yaml", "csps", *AS_OF, "-f", "json", "--fail-on", "never")
    lines = {
        json.dumps([f["code"], f["priority"], f["objective"]]): f["line"]
        for f in json.loads(before.stdout)["findings"]
        if f["csp"] == "budmouth"
    }
    moved = {
        json.dumps([f["code"], f["priority"], f["objective"]]): f["line"]
        for f in json.loads(after.stdout)["findings"]
        if f["csp"] == "budmouth"
    }
    assert lines.keys() == moved.keys()
    assert all(lines[k] != moved[k] for k in lines), "every finding's line must have moved"
    diff = _diff_json("HEAD", *AREA)
    assert diff["findings"] == [] and diff["cells"] == [] and diff["scores"] == []
    assert diff["verdict"] == "This change makes no difference to the assessment."


def test_a_changed_finding_keeps_its_identity_and_says_so(repo):
    """A finding waived at HEAD is the same finding, changed: not closed and opened."""
    base = run("check", "plan.yaml", "csps", *AS_OF, "-f", "json", "--fail-on", "never")
    Path("base.json").write_text(base.stdout, encoding="utf-8")
    (repo / "alignkit.toml").write_text(
        '[[waivers]]\ncode = "AK301"\ncsp = "budmouth"\nobjective = "P6"\n'
        'reason = "Decision due at the March board."\nexpires = 2027-03-31\n',
        encoding="utf-8",
    )
    head = run("check", "plan.yaml", "csps", *AS_OF, "-f", "json", "--fail-on", "never")
    Path("head.json").write_text(head.stdout, encoding="utf-8")
    diff = _diff_json("base.json", "head.json")
    [changed] = diff["findings"]
    assert changed["change"] == "changed" and changed["code"] == "AK301"
    assert (changed["before"]["waived"], changed["after"]["waived"]) == (False, True)
    assert diff["summary"]["changed"] == 1


def test_json_reports_and_revisions_give_the_same_diff(repo):
    base = run("check", "plan.yaml", "csps", *AS_OF, "-f", "json", "--fail-on", "never")
    (repo.parent / "base.json").write_text(base.stdout, encoding="utf-8")
    _csp_refresh(repo)
    from_git = _diff_json("HEAD", *AREA)
    from_report = _diff_json("../base.json", *AREA)
    for part in ("findings", "cells", "scores", "objectives", "priorities", "verdict"):
        assert from_git[part] == from_report[part], part
    assert from_report["base"]["label"] == "../base.json"


def test_compare_is_symmetric_in_what_it_opens_and_closes():
    report = CheckReport.model_validate_json(
        (ROOT / "tests" / "golden" / "wessex" / "report.json").read_text(encoding="utf-8")
    )
    fewer = report.model_copy(deep=True)
    fewer.findings = [f for f in fewer.findings if f.code != "AK301"]
    gaps = sum(1 for f in report.findings if f.code == "AK301" and f.waiver is None)
    assert gaps >= 2  # the example area has several, so the plural is tested
    forward = compare(report, fewer, "a", "b")
    backward = compare(fewer, report, "b", "a")
    assert forward.summary.gaps_closed == backward.summary.gaps_opened == gaps
    assert forward.verdict == f"This change closes {gaps} unexplained gaps."
    assert backward.verdict == f"This change opens {gaps} unexplained gaps."


# --- git revisions -------------------------------------------------------------------------


def test_both_sides_as_revisions_and_a_path_added_after_base(repo):
    _file_added_and_removed(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "wyvern joins, sandbourne merges")
    diff = _diff_json("HEAD~1", "HEAD", *AREA)
    assert (diff["base"]["label"], diff["head"]["label"]) == ("HEAD~1", "HEAD")
    assert {p["id"] for p in diff["partnerships"]} == {"wyvern", "sandbourne"}
    # A CSP path named on the command line that BASE does not hold at all.
    only_new = _diff_json(
        "HEAD~1",
        "--plan",
        "plan.yaml",
        "--csps",
        "csps/wyvern.yaml",
        "--csps",
        "csps/budmouth.yaml",
    )
    assert {p["id"] for p in only_new["partnerships"]} == {"wyvern"}


def test_works_in_a_git_worktree(repo, tmp_path):
    git(repo, "branch", "refresh")
    tree = tmp_path / "worktree"
    git(repo, "worktree", "add", "-q", str(tree), "refresh")
    shutil.copy(DATA / "budmouth-2027.yaml", tree / "csps" / "budmouth.yaml")
    result = run(
        "diff",
        "main",
        "--plan",
        str(tree / "plan.yaml"),
        "--csps",
        str(tree / "csps"),
        *AS_OF,
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    diff = json.loads(result.stdout)
    assert diff["summary"]["gaps_closed"] == 1
    assert any(p["id"] == "B6" for p in diff["priorities"])
    assert git(repo, "status", "--porcelain") == ""  # the main working tree is untouched


@pytest.mark.parametrize("base", ["no-such-branch", "--output=x", "plan.yaml", "HEAD~5"], ids=str)
def test_base_that_is_neither_a_revision_nor_a_report_is_exit_2(repo, base):
    result = run("diff", base, *AREA, *AS_OF)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "error:" in result.stderr.lower()
    assert not Path("x").exists()


def test_base_outside_any_repository_is_exit_2(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "plain")
    monkeypatch.chdir(tmp_path / "plain")
    result = run("diff", "main", *AREA, *AS_OF)
    assert result.exit_code == 2
    assert (
        "neither a JSON report" in result.stderr
        and "nor a revision of a git repository" in result.stderr
    )


def test_a_json_file_that_is_not_a_report_is_exit_2(repo):
    Path("other.json").write_text('{"tool": {"name": "someone else"}}\n', encoding="utf-8")
    result = run("diff", "other.json", *AREA, *AS_OF)
    assert result.exit_code == 2
    assert "not a report written by `alignkit check`" in result.stderr


def test_an_invalid_document_at_head_is_exit_3(repo):
    path = repo / "csps" / "budmouth.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name:", "nmae:", 1), encoding="utf-8")
    result = run("diff", "HEAD", *AREA, *AS_OF)
    assert result.exit_code == 3
    assert "csps/budmouth.yaml:" in result.stderr and "AK101" in result.stderr


def test_an_invalid_document_at_base_is_exit_3_named_as_git_names_it(repo):
    path = repo / "csps" / "budmouth.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("name:", "nmae:", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "a typo")
    path.write_text(good, encoding="utf-8")
    result = run("diff", "HEAD", *AREA, *AS_OF)
    assert result.exit_code == 3
    assert "HEAD:csps/budmouth.yaml:" in result.stderr and "AK101" in result.stderr
    assert "alignkit-base-" not in result.stderr
    assert run("check", "plan.yaml", "csps", *AS_OF, "--new-only", "HEAD").exit_code == 3


def test_a_repository_with_no_commit_yet_says_so(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "new")
    git(tmp_path / "new", "init", "-q")
    monkeypatch.chdir(tmp_path / "new")
    result = run("diff", "HEAD", *AREA, *AS_OF)
    assert result.exit_code == 2
    assert "'HEAD' is neither a JSON report" in result.stderr and "Traceback" not in result.stderr


def test_output_by_extension_and_never_over_an_input(repo):
    _regard_added(repo)
    written = run("diff", "HEAD", *AREA, *AS_OF, "--output", "changes.md")
    assert written.exit_code == 0 and written.stdout == ""
    assert Path("changes.md").read_text(encoding="utf-8").startswith("# What changed: HEAD")
    before = (repo / "csps" / "budmouth.yaml").read_bytes()
    refused = run("diff", "HEAD", *AREA, *AS_OF, "--output", "csps/budmouth.yaml", "--force")
    assert refused.exit_code == 2
    assert (repo / "csps" / "budmouth.yaml").read_bytes() == before


def test_the_diff_never_changes_the_repository(repo):
    _plan_refresh(repo)
    status = git(repo, "status", "--porcelain")
    head = git(repo, "rev-parse", "HEAD")
    assert run("diff", "HEAD", *AREA, *AS_OF).exit_code in (0, 1)
    assert git(repo, "status", "--porcelain") == status
    assert git(repo, "rev-parse", "HEAD") == head


# --- failing on what the change brings ----------------------------------------------------


def test_new_only_passes_on_old_findings_and_fails_on_new_ones(repo):
    assert run("check", "plan.yaml", "csps", *AS_OF).exit_code == 1  # two old gaps
    unchanged = run("check", "plan.yaml", "csps", *AS_OF, "--new-only", "HEAD")
    assert unchanged.exit_code == 0, unchanged.stderr
    assert "new since HEAD: 0" in unchanged.stderr
    (repo / "csps" / "wyvern.yaml").write_text(WYVERN, encoding="utf-8")  # new gaps
    brought = run("check", "plan.yaml", "csps", *AS_OF, "--new-only", "HEAD")
    assert brought.exit_code == 1
    assert "new since HEAD: " in brought.stderr and "new since HEAD: 0" not in brought.stderr
    assert "budmouth" in brought.stdout  # the report still shows every finding
    assert run("diff", "HEAD", *AREA, *AS_OF).exit_code == 1
    assert run("diff", "HEAD", *AREA, *AS_OF, "--fail-on", "never").exit_code == 0


def test_diff_fail_on_new_warning(repo):
    _plan_refresh(repo)
    # The refresh brings warnings (objectives only partly addressed) but no error.
    assert run("diff", "HEAD", *AREA, *AS_OF).exit_code == 0
    assert run("diff", "HEAD", *AREA, *AS_OF, "--fail-on", "new-warning").exit_code == 1


def test_new_only_with_a_base_that_is_not_a_revision_is_exit_2(repo):
    result = run("check", "plan.yaml", "csps", *AS_OF, "--new-only", "nowhere")
    assert result.exit_code == 2
    assert "'nowhere' is neither a JSON report" in result.stderr


def test_the_reviewing_changes_page_shows_the_real_diffs():
    """docs/reviewing-changes.md shows the CSP refresh's text diff and the top of the plan
    refresh's Markdown diff, as the golden files have them."""
    page = (ROOT / "docs" / "reviewing-changes.md").read_text(encoding="utf-8")
    command = "$ alignkit diff HEAD --plan plan.yaml --csps csps --as-of 2026-11-22\n"
    text = page.split(command, 1)[1].split("```", 1)[0]
    assert text == (GOLDEN / "csp-refresh.txt").read_text(encoding="utf-8")
    markdown = page.split("```markdown\n", 1)[1].split("```", 1)[0]
    golden = (GOLDEN / "plan-refresh.md").read_text(encoding="utf-8")
    assert "## Plan refresh" in markdown and golden.startswith(markdown)
