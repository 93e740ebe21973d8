"""`alignkit init`, the pre-commit hook and the generated GitHub Actions workflow, for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run

GAP = (
    "  - id: P3\n    title: Make our roads safer\n    description: Speeding and dangerous driving\n"
)
WAIVER = """
[[waivers]]
code = "AK301"
csp = "example-csp"
objective = "P3"
reason = "Road safety is led by the county Safer Roads Partnership; regard record at next refresh."
approved_by = "Example CSP Board"
expires = 2099-03-31
[[waivers]]
code = "AK801"
objective = "P3"
reason = "As above: no CSP leads on road safety."
expires = 2099-03-31
"""


def test_init_writes_a_working_repository_and_never_overwrites(in_tmp):
    result = run("init", "repo", "--force-area", "Devon and Cornwall")
    assert result.exit_code == 0, result.stderr
    repo = in_tmp / "repo"
    for name in [
        "plan.yaml",
        "csps/example-csp.yaml",
        "alignkit.toml",
        ".github/workflows/alignkit.yml",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        ".gitignore",
        "schemas/police-and-crime-plan.schema.json",
        "schemas/community-safety-partnership.schema.json",
    ]:
        assert (repo / name).is_file(), name
    assert "force_area: Devon and Cornwall" in (repo / "plan.yaml").read_text()
    os.chdir(repo)
    checked = run("check", "--as-of", "2026-11-22")
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert (repo / "out" / "report.html").is_file()
    # a second init keeps every file, including one the user changed
    (repo / "plan.yaml").write_text("changed\n")
    again = run("init", ".", "--force-area", "Devon and Cornwall")
    assert again.exit_code == 0
    assert (repo / "plan.yaml").read_text() == "changed\n"
    assert "kept existing plan.yaml" in again.stderr.replace(str(Path(".")) + "/", "")


def test_init_refuses_a_force_area_that_would_break_the_yaml(in_tmp):
    result = run("init", "repo", "--force-area", "Wessex: #1")
    assert result.exit_code == 2
    assert not (in_tmp / "repo").exists()


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def git_repo(in_tmp):
    if shutil.which("git") is None:
        pytest.fail("git is needed for the repository tests")
    assert run("init", "repo", "--force-area", "Wessex").exit_code == 0
    repo = in_tmp / "repo"
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    return repo


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            "alignkit-check",
            "--all-files",
            "--verbose",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow  # pre-commit pip-installs alignkit
def test_pre_commit_hook_fails_on_a_gap_and_passes_once_waived(git_repo, tmp_path_factory):
    """Runs this repository's .pre-commit-hooks.yaml for real: pre-commit installs alignkit
    from this checkout into its own environment."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    plan = git_repo / "plan.yaml"
    plan.write_text(plan.read_text() + GAP)
    failing = _pre_commit(git_repo, home)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "AK301" in failing.stdout and "Make our roads safer" in failing.stdout
    config = git_repo / "alignkit.toml"
    config.write_text(config.read_text() + WAIVER)
    passing = _pre_commit(git_repo, home)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "2 waived" in passing.stdout


def _steps_for(workflow: dict, event: str, base_ref: str) -> list[str]:
    """The `run:` commands GitHub would run for ``event``: each step's `if:` evaluated
    (the workflow uses only github.event_name, always(), == , != and &&) and the
    ${{ github.base_ref }} expression filled in; the install step is skipped because
    alignkit is already installed here."""
    commands = []
    for step in workflow["jobs"]["check"]["steps"]:
        if "run" not in step or step.get("id") == "install":
            continue
        condition = step.get("if", "true")
        python = (
            condition.replace("github.event_name", repr(event))
            .replace("always()", "True")
            .replace("&&", "and")
            .replace("true", "True")
        )
        if eval(python):  # the workflow this package ships, nothing else
            commands.append(step["run"].replace("${{ github.base_ref }}", base_ref))
    return commands


def _run_steps(
    commands: list[str], repo: Path, summary: Path
) -> list[subprocess.CompletedProcess[str]]:
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    # GitHub runs each `run:` with bash -e; the steps here are independent (if: always()).
    return [
        subprocess.run(
            ["bash", "-e", "-c", command],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        for command in commands
    ]


def _commit(repo: Path, message: str) -> None:
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message)


@pytest.mark.slow  # runs the workflow's steps as processes
def test_generated_workflow_runs_the_full_check_on_main(git_repo, tmp_path):
    workflow = yaml.safe_load((git_repo / ".github/workflows/alignkit.yml").read_text())
    steps = workflow["jobs"]["check"]["steps"]
    # 'on' reads as True in YAML 1.1
    assert workflow[True] == {"push": {"branches": ["main"]}, "pull_request": None}
    assert steps[0]["with"]["fetch-depth"] == 0
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)
    plan = git_repo / "plan.yaml"
    plan.write_text(plan.read_text() + GAP)
    summary = tmp_path / "summary.md"
    commands = _steps_for(workflow, "push", "")
    assert commands == ["alignkit check"]
    [outcome] = _run_steps(commands, git_repo, summary)
    assert outcome.returncode == 1
    assert "::error file=csps/example-csp.yaml,line=" in outcome.stdout
    assert "AK301" in outcome.stdout
    assert "unexplained gap" in summary.read_text()
    assert (git_repo / "out" / "report.html").is_file()


@pytest.mark.slow  # runs the workflow's steps as processes
def test_generated_workflow_fails_a_pull_request_only_on_what_it_brings(git_repo, tmp_path):
    """The target branch already has a gap: a pull request that leaves it passes, one
    that opens another fails, and both write what changed to the job summary."""
    workflow = yaml.safe_load((git_repo / ".github/workflows/alignkit.yml").read_text())
    commands = _steps_for(workflow, "pull_request", "main")
    assert commands[0] == 'alignkit check --new-only "origin/main"'
    assert commands[1].startswith('alignkit diff "origin/main" --format markdown')
    plan = git_repo / "plan.yaml"
    plan.write_text(plan.read_text() + GAP)
    _git(git_repo, "checkout", "-q", "-b", "main")
    _commit(git_repo, "the area, with one gap")
    # What actions/checkout with fetch-depth 0 leaves: the target branch as origin/main.
    _git(git_repo, "update-ref", "refs/remotes/origin/main", "HEAD")

    csp = git_repo / "csps" / "example-csp.yaml"
    csp.write_text(csp.read_text().replace("force_area:", "# reworded\nforce_area:"))
    summary = tmp_path / "leaves.md"
    check, diff = _run_steps(commands, git_repo, summary)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "AK301" in check.stdout  # the old gap is still reported, as an annotation
    assert diff.returncode == 0, diff.stderr
    written = summary.read_text()
    assert "# What changed: origin/main → working tree" in written
    assert "This change makes no difference to the assessment." in written

    plan.write_text(plan.read_text() + GAP.replace("P3", "P4").replace("roads", "rivers"))
    summary = tmp_path / "opens.md"
    check, diff = _run_steps(commands, git_repo, summary)
    assert check.returncode == 1
    assert diff.returncode == 0, diff.stderr
    assert "This change opens 1 unexplained gap" in summary.read_text()
