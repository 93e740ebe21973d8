"""The bad-input corpus: every broken or hostile file gives its documented code and place.

tests/corpus/ holds the files (binary ones too) and tests/corpus/expected.yaml says, for
each, the command, the exit code, the one diagnostic and its `path:line:column`. Cases
that need a file system (folders, permissions, links, a pipe, a file over the size
limit) are made here, in a temporary folder, and every field of the two reference
documents in tests/corpus/ok is given the wrong kind of value in turn. Known bugs are
marked xfail(strict=True) so that they stay visible and a fix is noticed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from alignkit.load import DEFAULT_LIMITS
from conftest import MINIMAL_CSP, MINIMAL_PLAN, Run, run

CORPUS = Path(__file__).resolve().parent / "corpus"
ENTRIES: list[dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
AS_OF = ("--as-of", "2026-11-22")
EXIT_CRASH = 70
"""What cli.main exits with on an internal error (a bug, never bad input)."""

FIELDS = {"name", "file", "command", "exit", "code", "location", "says", "xfail"}
"""The keys an entry of expected.yaml may have (see the comment at its top)."""

DIAGNOSTIC = re.compile(r"^(?P<location>[^\s:]+(?::\d+:\d+)?): (?P<code>AK\d{3}) ", re.MULTILINE)


def _cases() -> list:
    cases = []
    for entry in ENTRIES:
        marks = [pytest.mark.xfail(strict=True, reason=entry["xfail"])] if "xfail" in entry else []
        cases.append(pytest.param(entry, id=entry.get("name", entry["file"]), marks=marks))
    return cases


def _no_crash(result: Run) -> None:
    assert result.exit_code != EXIT_CRASH
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stdout + result.stderr


def _diagnostics(output: str, path: str) -> list[tuple[str, str]]:
    return [
        (m["location"], m["code"])
        for m in DIAGNOSTIC.finditer(output)
        if m["location"].split(":")[0] == path
    ]


@pytest.fixture
def in_corpus(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(CORPUS)
    return CORPUS


# --- the corpus ---------------------------------------------------------------------------


def test_the_corpus_lists_every_file_and_has_at_least_forty():
    on_disk = {
        p.name
        for p in CORPUS.iterdir()
        if p.is_file() and p.name not in {"expected.yaml", ".gitattributes"}
    }
    listed = {entry["file"] for entry in ENTRIES}
    assert on_disk == listed
    assert len(on_disk) >= 40
    for entry in ENTRIES:
        assert set(entry) <= FIELDS, entry
        assert entry["command"].split()[0] in {"validate", "check"}
        assert (entry["code"] is None) == (entry["location"] is None)
        if entry["location"] is not None:
            assert entry["location"].split(":")[0] == entry["file"]
    names = [entry.get("name", entry["file"]) for entry in ENTRIES]
    assert len(names) == len(set(names))


def test_the_reference_documents_are_valid(in_corpus):
    result = run("validate", "--plan", "ok/plan.yaml", "ok/csp.yaml")
    assert result.exit_code == 0, result.stdout
    assert "✓ ok/plan.yaml" in result.stdout and "✓ ok/csp.yaml" in result.stdout
    checked = run("check", *AS_OF, "ok/plan.yaml", "ok/csp.yaml")
    assert checked.exit_code == 0, checked.stdout


def test_the_corpus_bytes_are_what_their_names_say():
    """Guards against a checkout that converts line endings or encodings (.gitattributes)."""
    raw = {p.name: p.read_bytes() for p in CORPUS.glob("*.yaml")}
    crlf, bom_crlf = raw["crlf-line-endings.yaml"], raw["bom-and-crlf.yaml"]
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 10
    assert bom_crlf.startswith(b"\xef\xbb\xbf") and bom_crlf.count(b"\r\n") == bom_crlf.count(b"\n")
    assert raw["utf8-bom.yaml"].startswith(b"\xef\xbb\xbf")
    assert raw["utf16-le-bom.yaml"].startswith(b"\xff\xfe")
    assert raw["utf16-be-no-bom.yaml"].startswith(b"\x00#")
    assert raw["binary-png.yaml"].startswith(b"\x89PNG\r\n\x1a\n")
    assert b"\x00" in raw["nul-byte.yaml"] and b"\t" in raw["tab-indentation.yaml"]
    assert b"\x93" in raw["windows-1252-word-paste.yaml"]
    assert "\u2028".encode() in raw["line-separator-pasted.yaml"]
    assert max(len(line) for line in raw["very-long-line.yaml"].splitlines()) > 40_000
    for name in ("syntax-stray-colon.yaml", "tab-indentation.yaml", "duplicate-key.yaml"):
        assert b"\r" not in raw[name], name


@pytest.mark.parametrize("entry", _cases())
def test_corpus_file(in_corpus, entry):
    args = entry["command"].format(file=entry["file"]).split()
    result = run(*args)
    _no_crash(result)
    assert result.exit_code == entry["exit"], result.stdout + result.stderr
    output = result.stdout + result.stderr
    found = _diagnostics(output, entry["file"])
    expected = (entry["location"], entry["code"])
    if args[0] == "validate":
        # Exactly the one diagnostic, and nothing about any other file.
        assert found == ([expected] if entry["code"] else []), output
        assert DIAGNOSTIC.findall(output) == ([expected] if entry["code"] else []), output
        as_json = run(*args, "--format", "json")
        assert as_json.exit_code == entry["exit"]
        diagnostics = json.loads(as_json.stdout)["diagnostics"]
        located = [
            (d["path"] + (f":{d['line']}:{d['column']}" if d["line"] else ""), d["code"])
            for d in diagnostics
        ]
        assert located == ([expected] if entry["code"] else [])
        said = " ".join(f"{d['message']} {d['hint']}" for d in diagnostics)
    else:
        if entry["code"]:
            assert expected in found, output
        else:
            assert found == [] or all(code >= "AK3" for _, code in found), output
        said = output
    says = entry.get("says", [])
    for words in [says] if isinstance(says, str) else says:
        assert words in said, said


def _sweep() -> list:
    names = sorted({entry["file"] for entry in ENTRIES})
    return [
        pytest.param(name, role, id=f"{name}-as-{role}")
        for name in names
        for role in ("plan", "csp")
    ]


@pytest.mark.slow  # a check per corpus file and role
@pytest.mark.parametrize(("name", "role"), _sweep())
def test_check_never_crashes_on_a_corpus_file(in_corpus, name, role):
    """Every corpus file, given to `alignkit check` as the plan and as a CSP."""
    args = [name, "ok/csp.yaml"] if role == "plan" else ["ok/plan.yaml", name]
    result = run("check", *AS_OF, *args)
    _no_crash(result)
    assert result.exit_code in (0, 1, 3), result.stdout + result.stderr
    if result.exit_code == 3:
        assert result.stdout == "", "no report from invalid input"
        assert DIAGNOSTIC.search(result.stderr), result.stderr
    else:
        assert "alignkit check" in result.stdout


# --- every field of the reference documents, given the wrong kind of value ---------------

REFERENCE = {"plan": CORPUS / "ok" / "plan.yaml", "csp": CORPUS / "ok" / "csp.yaml"}
TEXT_OR_MAPPING = {
    "period",
    "chief_officer_of_police",
    "councils",
    "fire_and_rescue_authority",
    "integrated_care_board",
    "local_health_board",
    "probation_provider",
}
"""Fields that accept a short text form or a mapping: a list is the wrong kind for them."""


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        found.append((*path, key))
        if isinstance(item, dict | list):
            found += _paths(item, (*path, key))
    return found


def _every_field() -> list:
    cases = []
    for name, path in REFERENCE.items():
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in _paths(document):
            if field == ("kind",):  # kind-is-list.yaml in the corpus: AK100
                continue
            label = ".".join(str(key) for key in field)
            cases.append(pytest.param(name, field, id=f"{name}:{label}"))
    return cases


def _node(node: yaml.Node, path: tuple) -> yaml.Node:
    for key in path:
        if isinstance(key, int):
            node = node.value[key]
        else:
            node = next(value for name, value in node.value if name.value == key)
    return node


@pytest.mark.slow  # a sweep: every field of both documents
@pytest.mark.parametrize(("name", "field"), _every_field())
def test_every_field_given_the_wrong_kind_of_value(in_tmp, name, field):
    document = yaml.safe_load(REFERENCE[name].read_text(encoding="utf-8"))
    parent = document
    for key in field[:-1]:
        parent = parent[key]
    current = parent[field[-1]]
    mapping_form = isinstance(current, dict) or field[-1] in TEXT_OR_MAPPING
    parent[field[-1]] = ["wrong", "kind"] if mapping_form else {"wrong": "kind"}
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    (in_tmp / "doc.yaml").write_text(text, encoding="utf-8")
    mark = _node(yaml.compose(text), field).start_mark
    result = run("validate", "doc.yaml", "--format", "json")
    _no_crash(result)
    assert result.exit_code == 3
    found = [
        (f"{d['path']}:{d['line']}:{d['column']}", d["code"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert found == [(f"doc.yaml:{mark.line + 1}:{mark.column + 1}", "AK103")]


# --- made at test time: sizes -------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_by_path(in_tmp):
    limit = DEFAULT_LIMITS.max_bytes
    (in_tmp / "csps").mkdir()
    (in_tmp / "plan.yaml").write_text(MINIMAL_PLAN)
    (in_tmp / "csps" / "a.yaml").write_text(MINIMAL_CSP)
    with (in_tmp / "csps" / "huge.yaml").open("wb") as handle:
        handle.truncate(limit + 1)  # sparse: nothing is written to disk
    result = run("validate", "csps/huge.yaml")
    _no_crash(result)
    assert result.exit_code == 3
    assert DIAGNOSTIC.findall(result.stdout) == [("csps/huge.yaml", "AK002")]
    assert f"the limit is {limit / 1024 / 1024:.0f} MiB" in result.stdout
    checked = run("check", *AS_OF, "plan.yaml", "csps")
    assert checked.exit_code == 3
    assert DIAGNOSTIC.findall(checked.stderr) == [("csps/huge.yaml", "AK002")]


def test_a_file_exactly_at_the_size_limit_is_read(in_tmp):
    limit = DEFAULT_LIMITS.max_bytes
    body = MINIMAL_PLAN.encode() + b"# "
    (in_tmp / "plan.yaml").write_bytes(body + b"x" * (limit - len(body) - 1) + b"\n")
    assert (in_tmp / "plan.yaml").stat().st_size == limit
    result = run("validate", "plan.yaml")
    assert result.exit_code == 0, result.stdout


# --- made at test time: folders and files in the wrong place ------------------------------


@pytest.fixture
def area(in_tmp: Path) -> Path:
    (in_tmp / "csps").mkdir()
    (in_tmp / "plan.yaml").write_text(MINIMAL_PLAN)
    (in_tmp / "csps" / "a.yaml").write_text(MINIMAL_CSP)
    return in_tmp


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "csps", "csps"), "csps: the plan must be a file, not a folder"),
        (("check", "plan.yaml", "csps", "-f", "json", "-o", "csps"), "csps is a folder"),
        (("check", "plan.yaml", "csps", "--vocabulary", "csps"), "csps: this is a folder"),
        (("check", "plan.yaml", "csps", "--config", "csps"), "csps: is a folder"),
        (("validate", "--plan", "csps", "csps"), "the plan must be a file, not a folder"),
    ],
    ids=["plan", "output", "vocabulary", "config", "validate-plan"],
)
def test_a_folder_where_a_file_is_expected(area, args, message):
    result = run(*args, *(AS_OF if args[0] == "check" else ()))
    _no_crash(result)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("schema", "--output-dir", "plan.yaml"), "cannot write to plan.yaml"),
        (("init", "plan.yaml"), "plan.yaml is a file; give a folder"),
        (("validate", "plan.yaml/csps"), "plan.yaml/csps: no such file or folder"),
        (("check", "plan.yaml", "plan.yaml/csps", *AS_OF), "plan.yaml/csps"),
    ],
    ids=["schema-output-dir", "init", "validate-below-a-file", "check-below-a-file"],
)
def test_a_file_where_a_folder_is_expected(area, args, message):
    before = (area / "plan.yaml").read_bytes()
    result = run(*args)
    _no_crash(result)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (area / "plan.yaml").read_bytes() == before


def test_a_folder_named_like_a_yaml_file_is_searched_not_read(area):
    (area / "csps" / "old.yaml").mkdir()
    (area / "csps" / "old.yaml" / "b.yaml").write_text(MINIMAL_CSP.replace("northdown", "b"))
    result = run("validate", "csps")
    assert result.exit_code == 0, result.stdout
    assert "✓ csps/a.yaml" in result.stdout and "✓ csps/old.yaml/b.yaml" in result.stdout


def test_a_check_with_no_csp_left_is_not_a_pass(area):
    """`check plan.yaml plan.yaml` once checked no CSP at all and exited 0, reporting that
    every partnership has regard to every objective."""
    result = run("check", *AS_OF, "plan.yaml", "plan.yaml")
    _no_crash(result)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert " AK208 " in result.stderr


# --- made at test time: permissions -------------------------------------------------------


def _deny_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """As root, chmod 000 does not stop reading: refuse the open the way the OS would."""
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)


def test_an_unreadable_csp_is_a_located_error_in_a_check(area, monkeypatch):
    locked = area / "csps" / "b.yaml"
    locked.write_text(MINIMAL_CSP.replace("northdown", "b"))
    locked.chmod(0)
    try:
        if os.geteuid() == 0:  # root reads anything: take the same path another way
            _deny_open(monkeypatch, "b.yaml")
        result = run("check", *AS_OF, "plan.yaml", "csps")
    finally:
        locked.chmod(0o644)
    _no_crash(result)
    assert result.exit_code == 3
    assert DIAGNOSTIC.findall(result.stderr) == [("csps/b.yaml", "AK001")]
    assert "permission denied" in result.stderr
    assert result.stdout == ""


def test_an_unreadable_sub_folder_is_reported_not_skipped(area, monkeypatch):
    """os.walk drops listing errors: the partnerships in such a folder were once left out
    without a word ('All 1 file valid.')."""
    locked = area / "csps" / "east"
    locked.mkdir()
    (locked / "c.yaml").write_text(MINIMAL_CSP.replace("northdown", "c"))
    locked.chmod(0)
    try:
        if os.geteuid() == 0:
            real_scandir = os.scandir

            def scandir(path="."):
                if Path(path).name == "east":
                    raise PermissionError(13, "Permission denied", os.fspath(path))
                return real_scandir(path)

            monkeypatch.setattr(os, "scandir", scandir)
        result = run("validate", "csps")
    finally:
        locked.chmod(0o755)
    _no_crash(result)
    assert result.exit_code == 3, result.stdout
    assert ("csps/east", "AK001") in DIAGNOSTIC.findall(result.stdout)


# --- made at test time: links, pipes, odd files -------------------------------------------


def test_a_folder_link_loop_in_a_csp_folder_does_not_hang_a_check(area):
    os.symlink(area / "csps", area / "csps" / "loop")
    result = run("check", *AS_OF, "plan.yaml", "csps")
    _no_crash(result)
    assert result.exit_code in (0, 1)
    assert "1 partnership" in result.stdout


def test_a_file_link_loop_in_a_csp_folder_is_reported_by_validate(area):
    os.symlink("b.yaml", area / "csps" / "c.yaml")
    os.symlink("c.yaml", area / "csps" / "b.yaml")
    result = run("validate", "csps")
    _no_crash(result)
    assert result.exit_code == 3
    assert DIAGNOSTIC.findall(result.stdout) == [("csps/b.yaml", "AK001"), ("csps/c.yaml", "AK001")]
    assert "Too many levels of symbolic links" in result.stdout


@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_file_link_loop_is_reported_when_a_plan_is_named(area, command):
    """With a plan named, every file found was once passed to Path.resolve(), which raises
    on a loop: exit 70, an internal error."""
    os.symlink("b.yaml", area / "csps" / "c.yaml")
    os.symlink("c.yaml", area / "csps" / "b.yaml")
    if command == "check":
        result = run("check", *AS_OF, "plan.yaml", "csps")
        output = result.stderr
    else:
        result = run("validate", "--plan", "plan.yaml", "csps")
        output = result.stdout
    _no_crash(result)
    assert result.exit_code == 3
    assert DIAGNOSTIC.findall(output) == [("csps/b.yaml", "AK001"), ("csps/c.yaml", "AK001")]


def _alignkit() -> list[str]:
    """The installed console script (alignkit.cli:main), or the same entry point."""
    script = Path(sys.executable).with_name("alignkit")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from alignkit.cli import main; main()"]


def test_a_named_pipe_in_a_csp_folder_does_not_hang(area):
    """stat says a pipe holds 0 bytes, and open() once waited for ever for a writer."""
    os.mkfifo(area / "csps" / "pipe.yaml")
    try:
        done = subprocess.run(
            [*_alignkit(), "validate", "csps"],
            cwd=area,
            capture_output=True,
            text=True,
            timeout=20,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("alignkit validate hung on a named pipe")
    assert done.returncode == 3
    assert DIAGNOSTIC.findall(done.stdout) == [("csps/pipe.yaml", "AK001")]


def test_non_yaml_files_in_a_csp_folder_are_ignored_by_a_check(area):
    for name, content in {
        "README.md": b"# Partnership plans\n",
        "plan.docx": b"PK\x03\x04\x14\x00\x06\x00",
        "assessment.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "a.yaml~": b"kind: [broken\n",
        "a.yaml.bak": b"\x00\x00",
        ".~lock.a.yaml#": b"lock",
        ".hidden.yaml": b"kind: [broken\n",
        "Thumbs.db": b"\xd0\xcf\x11\xe0",
    }.items():
        (area / "csps" / name).write_bytes(content)
    (area / "csps" / ".git").mkdir()
    (area / "csps" / ".git" / "config.yaml").write_text("kind: [broken\n")
    result = run("check", *AS_OF, "plan.yaml", "csps", "-f", "json")
    _no_crash(result)
    assert result.exit_code in (0, 1), result.stderr
    assert [c["path"] for c in json.loads(result.stdout)["csps"]] == ["csps/a.yaml"]


def test_yaml_files_in_capitals_are_read(area):
    (area / "csps" / "B.YML").write_text("kind: community-safety-partnershp\n")
    result = run("validate", "csps")
    assert result.exit_code == 3
    assert DIAGNOSTIC.findall(result.stdout) == [("csps/B.YML:1:7", "AK100")]


# --- options at the ends of the calendar ----------------------------------------------------


def _as_of_cases() -> list:
    # Once a bug: calendar, pack and baseline crashed (exit 70) at these dates; --as-of is
    # now bounded like the dates in documents, and every command says so (exit 2).
    return [
        pytest.param(command, day, id=f"{command}-{day}")
        for command in ("check", "calendar", "pack", "summary", "baseline")
        for day in ("0001-01-01", "9999-12-31")
    ]


@pytest.mark.parametrize(("command", "day"), _as_of_cases())
def test_as_of_at_the_ends_of_the_calendar(area, command, day):
    result = run(command, "plan.yaml", "csps", "--as-of", day)
    _no_crash(result)
    assert result.exit_code == 2, result.stderr
    assert f"--as-of {day}: give a date between 1990 and 2200" in result.stderr
