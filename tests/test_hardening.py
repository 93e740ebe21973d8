"""The defects a break-it tryout found (issue 12), one class per section: where reports
are written, what reaches the terminal, configuration and waivers."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from alignkit.assess.findings import Finding
from alignkit.cli import Colour, _console
from alignkit.config import Config, load_config
from alignkit.diagnostics import Severity
from alignkit.output import OutputError, write_report
from alignkit.pipeline import run_pipeline
from alignkit.policy import baseline_waivers
from alignkit.project import resolve_project
from alignkit.registry import DOCUMENTS
from alignkit.scaffold import planned_files
from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT, run
from office import readable

AS_OF = ("--as-of", "2026-11-22")
WESSEX = ROOT / "examples" / "wessex"
LONG_NAME = "a" * 300


@pytest.fixture
def area(write):
    write("plan.yaml", MINIMAL_PLAN)
    write("csps/northdown.yaml", MINIMAL_CSP)
    return write


# --- 1. a file is alignkit's own only by its format; every input is protected ----------------

USER_FILES = {
    "README.md": "# Our repository\n\nWe check our plans with alignkit (see alignkit.toml).\n",
    "notes.md": "# Notes\n\nMade by alignkit, then edited by hand.\n",
    ".bash_history": "alignkit check plan.yaml csps -f html -o report.html\n",
    "data.json": '{"tool": "alignkit", "mine": true}\n',
    "page.html": "<!DOCTYPE html><html><body>A page about alignkit</body></html>\n",
    "cal.ics": "BEGIN:VCALENDAR\nPRODID:-//me//alignkit notes//EN\n",
    "annotations.txt": "::warning title=mine::not from alignkit\n",
    **{f"init/{name}": text for name, text in planned_files("Wessex").items()},
}


@pytest.mark.parametrize("name", sorted(USER_FILES))
def test_a_file_that_only_mentions_alignkit_is_replaced_only_with_force(tmp_path, name):
    target = tmp_path / Path(name).name
    target.write_text(USER_FILES[name], encoding="utf-8")
    with pytest.raises(OutputError, match="--force"):
        write_report("report", target)
    assert target.read_text(encoding="utf-8") == USER_FILES[name]
    write_report("report", target, force=True)
    assert target.read_text() == "report"


def test_every_format_alignkit_writes_is_recognised_as_its_own(tmp_path, wessex_documents):
    for (kind, name), content in wessex_documents.items():
        target = tmp_path / f"{kind}.{DOCUMENTS[kind].formats[name].extension}"
        write_report(content, target)
        write_report(content, target)  # again, without --force: it is alignkit's own
        expected = content if isinstance(content, bytes) else content.encode("utf-8")
        assert target.read_bytes() == expected, (kind, name)


def test_an_empty_file_is_replaced_it_holds_nothing_to_lose(area):
    # what a GitHub report of a run with no findings leaves: the next run must replace it
    area("alignkit.toml", "fail_on = 'never'\n")
    area("gh.txt", "")
    result = run("check", "plan.yaml", "csps", "-f", "github", "-o", "gh.txt", *AS_OF)
    assert result.exit_code == 0, result.stderr
    assert Path("gh.txt").read_text().startswith("::")


@pytest.mark.parametrize("force", [(), ("--force",)])
@pytest.mark.parametrize("victim", ["v.yaml", "alignkit.toml", "csps/northdown.yaml", "link"])
def test_no_input_is_ever_replaced_with_force_or_without(area, force, victim):
    area("v.yaml", "version: 1\n")
    area("alignkit.toml", "vocabulary = ['v.yaml']\n")
    os.symlink("plan.yaml", "link")
    before = {p: Path(p).read_bytes() for p in ("v.yaml", "alignkit.toml", "plan.yaml")}
    result = run("check", "plan.yaml", "csps", "-f", "json", "-o", victim, *force, *AS_OF)
    assert result.exit_code == 2
    assert "input documents or files" in result.stderr
    assert {p: Path(p).read_bytes() for p in before} == before
    assert Path("link").is_symlink()


def test_a_hard_link_to_an_input_is_the_input(area):
    os.link("plan.yaml", "plan-copy.yaml")
    result = run("check", "plan.yaml", "csps", "-f", "json", "-o", "plan-copy.yaml", "--force")
    assert result.exit_code == 2
    assert Path("plan.yaml").read_text() == MINIMAL_PLAN


@pytest.mark.parametrize("path", ["../outside.md", "/tmp/alignkit-outside.md", "a/../../b.md"])
def test_configured_outputs_outside_the_repository_are_refused(area, path):
    area("alignkit.toml", f"[[outputs]]\nformat = 'markdown'\npath = '{path}'\n")
    result = run("check", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 2
    assert "alignkit.toml:3:8: outputs.0.path:" in result.stderr
    assert "outside the folder" in result.stderr
    assert not Path("../outside.md").exists()


def test_an_output_outside_the_repository_is_written_when_the_file_says_so(area, tmp_path):
    area("repo/plan.yaml", MINIMAL_PLAN)
    area("repo/csps/n.yaml", MINIMAL_CSP)
    area(
        "repo/alignkit.toml",
        "plan = 'plan.yaml'\ncsps = ['csps']\nfail_on = 'never'\n"
        "[[outputs]]\nformat = 'markdown'\npath = '../shared/report.md'\n"
        "outside_repository = true\n",
    )
    os.chdir("repo")
    assert run("check", *AS_OF).exit_code == 0
    assert (tmp_path / "shared" / "report.md").read_text().startswith("# ")


# --- 2. pipes and devices: streamed, never replaced, never waited on -------------------------


def _null_device(folder: Path) -> Path:
    """A device to write to. As root, a private copy of /dev/null, so that a regression
    replaces that node and not the machine's /dev/null (it did once); otherwise /dev/null
    itself, which a user cannot replace anyway."""
    if os.geteuid() != 0:
        return Path("/dev/null")
    node = folder / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return node


@pytest.mark.parametrize("force", [False, True])
def test_a_device_is_written_as_a_stream_and_stays_a_device(tmp_path, force):
    device = _null_device(tmp_path)
    write_report("report\n", device, force=force)
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_pipe_nobody_reads_is_refused_at_once(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="nothing is reading"):
        write_report("report", fifo, force=True)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_pipe_with_a_reader_gets_the_report(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    content = "report " * 50_000  # more than a pipe's buffer
    while True:  # the reader opens the pipe when the thread gets to it
        try:
            write_report(content, fifo)
            break
        except OutputError:
            continue
    reader.join()
    assert received == [content.encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# --- 3. one file, two reports ----------------------------------------------------------------


@pytest.mark.parametrize("second", ["r.html", "./r.html", "out/../r.html"])
def test_the_same_output_twice_is_a_usage_error(area, second):
    area("alignkit.toml", "fail_on = 'never'\n")
    result = run(
        "check", "plan.yaml", "csps", "-f", "html", "-o", "r.html", "-f", "json", "-o", second
    )
    assert result.exit_code == 2
    assert "give each report its own file" in result.stderr
    assert not Path("r.html").exists()


def test_a_configured_output_named_again_on_the_command_line_is_refused(area):
    area("alignkit.toml", "[[outputs]]\nformat = 'markdown'\npath = 'r.md'\n")
    os.environ.pop("GITHUB_ACTIONS", None)
    from alignkit.publish import TargetError, targets

    project = resolve_project(load_config(), plan=Path("plan.yaml"), csps=[Path("csps")])
    project.config.settings.outputs.append(project.config.settings.outputs[0])
    with pytest.raises(TargetError, match="own file"):
        targets("report", [], [], project, env={})


# --- 5. user text on the terminal is text, never markup --------------------------------------

MARKUP = "Wessex Plan [/] [bold]bold[/bold] :warning: [link=x]y[/link]"


def test_markup_in_a_title_prints_as_written(area):
    area(
        "plan.yaml",
        MINIMAL_PLAN.replace("title: Wessex Police and Crime Plan 2025-2029", f"title: '{MARKUP}'"),
    )
    result = run("check", "plan.yaml", "csps", "-f", "json", "-o", "r.json", *AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    assert MARKUP in result.stderr


def test_markup_in_file_names_prints_as_written(area):
    area("csps/[bold]x[/bold] [/].yaml", "kind: nonsense\n")
    result = run("validate", "plan.yaml", "csps")
    assert result.exit_code == 3
    assert "csps/[bold]x[/bold] [/].yaml" in result.stdout
    missing = run("check", "plan.yaml", "[red]gone[/]")
    assert missing.exit_code == 2 and "[red]gone[/]" in missing.stderr


# --- 6, 7. odd terminals, closed pipes, full disks, odd paths: a sentence, never a traceback --


def _alignkit(*args: str, env: dict[str, str] | None = None, **kwargs):
    command = [sys.executable, "-c", "from alignkit.launch import main; main()", *args]
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(command, env={**os.environ, **(env or {})}, timeout=120, **streams)


NON_UTF8 = [
    {"PYTHONIOENCODING": "ascii"},
    {"PYTHONIOENCODING": "cp1252"},
    {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
]


@pytest.mark.slow
@pytest.mark.parametrize("env", NON_UTF8)
@pytest.mark.parametrize(
    "args",
    [
        ("check", "--fail-on", "never"),
        ("check", "-f", "json", "--fail-on", "never"),
        ("validate",),
        ("pack",),
        ("summary", "-f", "json"),
    ],
)
def test_a_terminal_that_is_not_utf8_gets_the_report_degraded(env, args):
    paths = [str(WESSEX / "plan.yaml"), str(WESSEX / "csps")]
    done = _alignkit(*args, *paths, *AS_OF[: 2 if args[0] != "validate" else 0], env=env)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr and done.stdout


@pytest.mark.slow
def test_files_are_utf8_whatever_the_terminal(tmp_path):
    target = tmp_path / "r.md"
    done = _alignkit(
        "check",
        str(WESSEX / "plan.yaml"),
        str(WESSEX / "csps"),
        "-f",
        "markdown",
        "-o",
        str(target),
        "--fail-on",
        "never",
        *AS_OF,
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 0
    assert "·" in target.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_or_a_full_disk_is_exit_2_with_a_sentence(fmt):
    paths = [str(WESSEX / "plan.yaml"), str(WESSEX / "csps"), "-f", fmt, "--fail-on", "never"]
    with open("/dev/full", "wb") as full:
        done = _alignkit("check", *paths, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2 and b"No space left" in done.stderr
    closed = subprocess.Popen(
        [sys.executable, "-c", "from alignkit.launch import main; main()", "check", *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    closed.stdout.close()  # the reader has gone (`alignkit check | head -0`)
    _, stderr = closed.communicate(timeout=120)
    assert closed.returncode == 2 and b"closed" in stderr and b"Traceback" not in stderr


def test_odd_paths_are_usage_errors(area):
    os.symlink("loop", "loop")
    cases = [
        ("check", "plan.yaml", "csps", "-f", "json", "-o", "loop"),
        ("check", "plan.yaml", "csps", "-f", "json", "-o", f"{LONG_NAME}.json"),
        ("check", "plan.yaml", "csps", "-f", "json", "-o", f"{LONG_NAME}/r.json"),
        ("check", f"{LONG_NAME}.yaml", "csps"),
        ("check", "plan.yaml", f"csps/{LONG_NAME}"),
        ("validate", f"{LONG_NAME}/x.yaml"),
        ("check", "plan.yaml", "csps", "--config", f"{LONG_NAME}.toml"),
        ("check", "plan.yaml", "csps", "--config", "loop"),
        ("baseline", "plan.yaml", "csps", "--expires-in", "3000000"),
        ("baseline", "plan.yaml", "csps", "--expires-in", "3000", "--as-of", "2199-01-01"),
    ]
    for args in cases:
        result = run(*args)
        assert result.exit_code == 2, (args, result.stderr)
        assert "rror" in result.stderr, args


def test_ctrl_c_is_exit_130_with_a_sentence(monkeypatch, capsys):
    import alignkit.cli as cli
    from alignkit.errors import Interrupted

    def interrupted() -> None:
        raise Interrupted

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 130
    assert capsys.readouterr().err == "alignkit: interrupted\n"


@pytest.mark.slow
def test_ctrl_c_during_a_run_is_exit_130_not_click_s_exit_1():
    import signal
    import time

    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from alignkit.launch import main; main()",
            "check",
            str(WESSEX / "plan.yaml"),
            str(WESSEX / "csps"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(0.3)  # somewhere in start-up or the check; either way the same answer
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=120)
    if child.returncode != 130:  # finished before the signal: nothing to judge
        assert child.returncode in (0, 1)
    else:
        assert stderr.endswith(b"alignkit: interrupted\n") and b"Traceback" not in stderr


# --- 8. the configuration file gets a document's limits --------------------------------------


def test_a_config_that_is_a_pipe_or_a_device_is_refused_unread(area):
    os.mkfifo("fifo.toml")
    os.symlink("/dev/zero", "zero.toml")
    area("big.toml", "# " + "x" * (11 * 1024 * 1024) + "\n")
    for name, message in [
        ("fifo.toml", "not a regular file"),
        ("zero.toml", "not a regular file"),
        ("big.toml", "the limit is 10 MiB"),
    ]:
        result = run("check", "plan.yaml", "csps", "--config", name)
        assert result.exit_code == 2 and message in result.stderr, name


# --- 9. every finding that counts is shown, in every format ----------------------------------


@pytest.mark.parametrize("fmt", DOCUMENTS["report"].names())
def test_a_waiver_for_a_partnership_that_does_not_exist_is_shown_in_every_format(area, fmt):
    area(
        "alignkit.toml",
        "fail_on = 'warning'\n[[waivers]]\ncode = 'AK301'\ncsp = 'nowhere'\n"
        "reason = 'x'\nexpires = 2027-01-01\n",
    )
    result = run("check", "plan.yaml", "csps", "-f", fmt, "-o", "out", *AS_OF)
    assert result.exit_code == 1
    written = readable(Path("out"))
    assert "AK902" in written
    assert "nowhere" in written


# --- 10. a broken pyproject.toml that configures alignkit is reported --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[project]\nname = 'x'\nversion = = 1\n\n[tool.alignkit]\nfail_on = 'warning'\n",
        "[tool.alignkit]\nfail_on = 'warning'\n[tool.other]\nkey = [1, 2\n",
        "[tool]\nalignkit.fail_on = 'warning'\nbroken\n",
    ],
)
def test_a_pyproject_toml_with_a_syntax_error_is_exit_2_located(area, text):
    area("pyproject.toml", text)
    result = run("check", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 2
    assert re.search(r"pyproject\.toml:\d+:\d+: not valid TOML", result.stderr), result.stderr


def test_a_broken_pyproject_toml_without_alignkit_is_passed_over(area):
    area("pyproject.toml", "[project]\nname = = 'x'\n")
    result = run("check", "plan.yaml", "csps", "--fail-on", "never", *AS_OF)
    assert result.exit_code == 0 and "TOML" not in result.stderr


# --- 11, 14. baseline: TOML no user text can leave; no waivers for waivers -------------------

HOSTILE = 'Northdown\n[[waivers]]\ncode = "AK301"\nreason = "sneaked in"\nexpires = 2099-01-01\n# \x1b[2J"\\'


def _finding(code: str, **targets: str | None) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=f"{HOSTILE} has a gap",
        path=f"{HOSTILE}.yaml",
        position=None,
        hint=None,
        **targets,
    )


def test_baseline_toml_keeps_every_user_text_inside_its_comment_or_string():
    findings = [
        _finding("AK301", csp=HOSTILE, objective="P1"),
        _finding("AK501", csp="northdown", priority=HOSTILE, objective='P"2'),
    ]
    text = baseline_waivers(findings, dt.date(2027, 1, 1))
    parsed = tomllib.loads(text)
    assert [w["code"] for w in parsed["waivers"]] == ["AK301", "AK501"]
    assert parsed["waivers"][0]["csp"] == HOSTILE
    assert (
        parsed["waivers"][1]["priority"] == HOSTILE and parsed["waivers"][1]["objective"] == 'P"2'
    )
    assert all(w["reason"].startswith("TODO") for w in parsed["waivers"])
    assert "\x1b" not in text


def test_baseline_writes_no_waiver_for_a_waiver_finding():
    findings = [_finding("AK901"), _finding("AK902", csp="nowhere"), _finding("AK301", csp="n")]
    parsed = tomllib.loads(baseline_waivers(findings, dt.date(2027, 1, 1)))
    assert [w["code"] for w in parsed["waivers"]] == ["AK301"]


# --- 12. no user text starts a line a CI log would read as a workflow command ----------------

COMMAND = "::error file=plan.yaml,line=1::pwned"


def test_no_user_text_starts_a_line_of_text_or_github_output(area):
    area(
        "csps/northdown.yaml",
        MINIMAL_CSP.replace("name: Northdown Community Safety Partnership", f"name: '{COMMAND}'"),
    )
    area("csps/::warning::x.yaml", MINIMAL_CSP.replace("northdown", "x").replace("N1", "X1"))
    area("alignkit.toml", "fail_on = 'never'\n")
    for fmt in ("text", "github"):
        result = run("check", "plan.yaml", "csps", "-f", fmt, *AS_OF)
        assert result.exit_code == 0, result.stderr
        assert COMMAND in result.stdout or fmt == "github"
        for line in (result.stdout + result.stderr).splitlines():
            assert not re.match(r"\s*(::(?!(error|warning|notice) file=)|##\[)", line), line
            assert "pwned" not in line or not line.lstrip().startswith(
                "::error file=plan.yaml,line=1::"
            )
    invalid = run("validate", "plan.yaml", "csps/::warning::x.yaml", "--plan", "plan.yaml")
    assert all(not line.lstrip().startswith("::") for line in invalid.stdout.splitlines())


# --- 13. control characters in the configuration and vocabulary are refused -----------------


def test_control_characters_in_a_waiver_are_refused_where_they_are(area):
    area(
        "alignkit.toml",
        "[[waivers]]\ncode = 'AK301'\nreason = \"ok \\u001b[2J\"\nexpires = 2027-01-01\n",
    )
    result = run("check", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 2
    assert "alignkit.toml:3:10: waivers.0.reason: control character U+001B" in result.stderr


def test_control_characters_in_a_vocabulary_label_are_refused(area):
    area(
        "v.yaml",
        'version: 1\nthemes:\n  - id: water\n    label: "water\\e[2J"\n    terms: [drowning]\n',
    )
    result = run("check", "plan.yaml", "csps", "--vocabulary", "v.yaml", *AS_OF)
    assert result.exit_code == 2
    assert "v.yaml:4:12" in result.stderr and "U+001B" in result.stderr


# --- 15. every command that writes a file has --force ---------------------------------------


@pytest.mark.parametrize(
    "command", [("calendar",), ("pack",), ("summary",), ("baseline",), ("check", "-f", "json")]
)
def test_every_writing_command_replaces_a_user_file_only_with_force(area, command):
    area("mine.txt", "my notes\n")
    args = (*command, "plan.yaml", "csps", "-o", "mine.txt", *AS_OF, "--fail-on", "never")
    args = tuple(a for a in args if command[0] == "check" or a not in ("--fail-on", "never"))
    refused = run(*args)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert Path("mine.txt").read_text() == "my notes\n"
    assert run(*args, "--force").exit_code == 0
    assert Path("mine.txt").read_text() != "my notes\n"


# --- 16. the terminal -----------------------------------------------------------------------


def test_a_terminal_of_no_width_gets_a_usable_one(monkeypatch):
    monkeypatch.setenv("COLUMNS", "0")
    assert _console().width >= 40


def test_colour_never_means_no_styles_at_all_and_always_means_colour_in_a_pipe(area):
    assert _console(Colour.never).color_system is None
    piped = run("check", "plan.yaml", "csps", "--color", "always", "--fail-on", "never", *AS_OF)
    assert "\x1b[" in piped.stdout
    plain = run("check", "plan.yaml", "csps", "--color", "never", "--fail-on", "never", *AS_OF)
    assert "\x1b[" not in plain.stdout


def test_the_summary_box_wraps_rather_than_cuts_at_80_columns(area):
    from rich.console import Console

    from alignkit.render.text import render_text

    area("plan.yaml", MINIMAL_PLAN + "  - id: P9\n    title: Make our roads safer\n")
    project = resolve_project(
        Config(), plan=Path("plan.yaml"), csps=[Path("csps")], as_of="2026-11-22"
    )
    checked = run_pipeline(project).result
    assert checked is not None
    console = Console(file=io.StringIO(), width=80, soft_wrap=True, color_system=None)
    console.print(render_text(checked))
    box = console.file.getvalue().split("╰")[0]
    words = " ".join(line.strip("│ ") for line in box.splitlines())
    assert "neither addresses nor records why not." in words


# --- 17. machine formats name files relative to the repository, from any folder ---------------


@pytest.mark.parametrize("marker", ["alignkit.toml", ".git"])
@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit"])
def test_machine_formats_are_relative_to_the_repository_from_a_sub_folder(
    area, in_tmp, marker, fmt
):
    if marker == ".git":
        (in_tmp / ".git").mkdir()
    else:
        area(marker, "plan = 'plan.yaml'\ncsps = ['csps']\n")
    area("docs/readme.txt", "a sub-folder\n")
    os.chdir("docs")
    result = run("check", "../plan.yaml", "../csps", "-f", fmt, "--fail-on", "never", *AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "csps/northdown.yaml" in result.stdout
    assert str(in_tmp) not in result.stdout and "../" not in result.stdout


# --- 19. what the getting-started guide shows works ------------------------------------------


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("r.html", "<!DOCTYPE html>"),
        ("r.json", "{"),
        ("r.sarif", "{"),
        ("r.md", "# "),
        ("r.txt", "╭"),
    ],
)
def test_output_alone_takes_the_format_from_the_file_name(area, name, start):
    result = run("check", "plan.yaml", "csps", "--output", name, "--fail-on", "never", *AS_OF)
    assert result.exit_code == 0, result.stderr
    assert Path(name).read_text(encoding="utf-8").startswith(start)


def test_files_named_in_any_order_give_the_same_report(area):
    area(
        "csps/southdown.yaml",
        MINIMAL_CSP.replace("northdown", "southdown").replace("Northdown", "Southdown"),
    )
    forward = run(
        "check", "plan.yaml", "csps/northdown.yaml", "csps/southdown.yaml", "-f", "json", *AS_OF
    )
    backward = run(
        "check", "plan.yaml", "csps/southdown.yaml", "csps/northdown.yaml", "-f", "json", *AS_OF
    )
    assert forward.stdout == backward.stdout and forward.stdout


def test_the_getting_started_walkthrough_of_four_mistakes_is_what_validate_prints(in_tmp):
    """docs/getting-started.md §4: the example with four everyday mistakes, and its output."""
    import shutil

    shutil.copytree(WESSEX, in_tmp / "my-area")
    broken = in_tmp / "my-area" / "csps" / "casterbridge.yaml"
    lines = broken.read_text(encoding="utf-8").split("\n")
    edits = {
        39: ("2025/26-2027/28", "2025/26-2027/29"),
        40: ("2027-03-01", "01/03/2027"),
        56: ("supports: [P5]", "supports: [P10]"),
        72: ("title:", "titel:"),
    }
    for number, (old, new) in edits.items():
        assert old in lines[number - 1], number
        lines[number - 1] = lines[number - 1].replace(old, new)
    broken.write_text("\n".join(lines), encoding="utf-8")
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    shown = page.split("$ alignkit validate my-area\n", 1)[1].split("```", 1)[0]
    result = run("validate", "my-area")
    assert result.exit_code == 3
    assert result.stdout.rstrip("\n") == shown.rstrip("\n")


# --- 18. scale: every list in a file is capped, so a run within the limits takes seconds -----


@pytest.mark.parametrize("name", ["meetings", "contacts", "priorities"])
def test_every_list_in_a_file_is_capped_by_the_items_limit(area, name):
    entries = {
        "meetings": "  - date: 2027-01-{day:02d}\n    body: Board\n",
        "contacts": "  - name: Officer {day}\n    role: Officer\n",
        "priorities": "  - id: X{day}\n    title: Priority {day}\n",
    }[name]
    area("alignkit.toml", "[limits]\nitems = 5\n")
    listed = "".join(entries.format(day=day) for day in range(1, 8))
    # the minimal CSP ends with its list of priorities (one): add to it, or start a list
    opening = "" if name == "priorities" else f"{name}:\n"
    area("csps/northdown.yaml", MINIMAL_CSP + opening + listed)
    result = run("check", "plan.yaml", "csps", *AS_OF)
    assert result.exit_code == 3
    assert f"AK016 {7 + (name == 'priorities')} {name}: more than the limit of 5" in result.stderr


# --- the acceptance: no command, for any of these targets, crashes or replaces a device ------

COMMANDS = [
    ("check", "plan.yaml", "csps", "-f", "json", "--fail-on", "never"),
    ("calendar", "plan.yaml", "csps"),
    ("pack", "plan.yaml", "csps"),
    ("summary", "plan.yaml", "csps"),
    ("baseline", "plan.yaml", "csps"),
    ("import", "--template", "--kind", "plan"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_no_writing_command_crashes_or_replaces_what_is_not_a_file(area, in_tmp, command):
    os.mkfifo("fifo")
    os.symlink("loop", "loop")
    device = str(_null_device(in_tmp))
    for target in (device, "fifo", "loop", f"{LONG_NAME}.out", f"{LONG_NAME}/x.out"):
        for force in ((), ("--force",)):
            result = run(
                *command, "-o", target, *force, *AS_OF[: 0 if command[0] == "import" else 2]
            )
            assert result.exit_code in (0, 2), (command, target, result.stderr)
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert stat.S_ISFIFO(os.stat("fifo").st_mode) and os.path.islink("loop")
