"""Every kind of broken file is refused with its code at the exact line and column."""

from __future__ import annotations

import tracemalloc

import pytest

from alignkit.load import DEFAULT_LIMITS, load_source
from conftest import MINIMAL_PLAN, run

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)

CASES = {
    # name: (content, code, "line:column" or None for whole-file problems)
    "syntax-colon": ("kind: police-and-crime-plan\ntitle: Plan: 2025\n", "AK006", "2:12"),
    "syntax-unclosed-quote": ("kind: x\ntitle: 'Safer streets\nforce_area: W\n", "AK006", "4:1"),
    "syntax-bad-indent": ("kind: x\nobjectives:\n  - id: P1\n   title: T\n", "AK006", "4:4"),
    "syntax-unclosed-bracket": ("kind: x\nlist: [a, b\n", "AK006", "3:1"),
    "tab-indent": ("kind: x\nobjectives:\n\t- id: P1\n", "AK007", "3:1"),
    "duplicate-key": ("kind: x\ntitle: A\nforce_area: W\ntitle: B\n", "AK008", "4:1"),
    "duplicate-nested-key": ("a:\n  b: 1\n  c: 2\n  b: 3\n", "AK008", "4:3"),
    "alias-bomb": (BILLION_LAUGHS, "AK009", "4:16"),
    "deep-nesting": ("a: " + "[" * 60 + "]" * 60 + "\n", "AK010", "1:53"),
    "python-tag": ("kind: !!python/object/apply:os.system ['ls']\n", "AK011", "1:7"),
    "custom-tag": ("title: !secret x\n", "AK011", "1:8"),
    "binary-tag": ("title: !!binary aGVsbG8=\n", "AK011", "1:8"),
    "merge-key": ("base: &b {x: 1}\nother:\n  <<: *b\n", "AK011", "3:3"),
    "two-documents": ("kind: x\n---\nkind: y\n", "AK012", "2:1"),
    "top-level-list": ("- kind: x\n- kind: y\n", "AK013", "1:1"),
    "top-level-scalar": ("just some text\n", "AK013", "1:1"),
    "complex-key": ("? [a, b]\n: value\n", "AK014", "1:3"),
    "empty": ("", "AK005", None),
    "comments-only": ("# a plan will go here\n\n   \n", "AK005", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_yaml_is_reported_with_code_and_position(write, name):
    content, code, where = CASES[name]
    write(f"{name}.yaml", content)
    result = run("validate", f"{name}.yaml")
    assert result.exit_code == 3, result.stdout
    location = f"{name}.yaml:{where}" if where else f"{name}.yaml"
    assert f"{location}: {code} " in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


BYTES_CASES = {
    "windows-1252": (
        "title: “Safer” streets £5\n".encode("cp1252"),
        "AK003",
        "1:8",
        "Windows-1252",
    ),
    "latin-1": ("title: Café\n".encode("latin-1"), "AK003", "1:11", "Latin-1"),
    "utf-16": ("kind: x\n".encode("utf-16"), "AK003", "1:1", "UTF-16"),
    "nul-bytes": (b"kind: x\ntitle: a\x00b\n", "AK004", "2:9", "NUL"),
    "control-char": (b"kind: x\ntitle: \x07\n", "AK004", "2:8", "U+0007"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "AK004", "3:1", "not a text file"),
}


@pytest.mark.parametrize("name", sorted(BYTES_CASES))
def test_non_utf8_and_binary_files_are_refused(write, name):
    content, code, where, words = BYTES_CASES[name]
    write(f"{name}.yaml", content)
    result = run("validate", f"{name}.yaml")
    assert result.exit_code == 3
    assert f"{name}.yaml:{where}: {code} " in result.stdout, result.stdout
    assert words in result.stdout


def test_bom_and_windows_line_endings_are_fine(write):
    write("plan.yaml", ("\ufeff" + MINIMAL_PLAN.replace("\n", "\r\n")).encode("utf-8"))
    result = run("validate", "plan.yaml")
    assert result.exit_code == 0, result.stdout


def test_yes_no_and_dates_in_text_fields_stay_text(write, tmp_path):
    write(
        "plan.yaml",
        MINIMAL_PLAN.replace("title: Cut crime and anti-social behaviour", "title: no").replace(
            "force_area: Wessex", "force_area: 2025-04-01"
        ),
    )
    source = load_source(tmp_path / "plan.yaml")
    assert source.data is not None
    assert source.data["force_area"] == "2025-04-01"
    assert source.data["objectives"][0]["title"] == "no"
    assert run("validate", "plan.yaml").exit_code == 0


def test_a_huge_file_is_refused_without_reading_it(write, tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    source = load_source(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [d.code for d in source.diagnostics] == ["AK002"]
    assert "50.0 MiB" in source.diagnostics[0].message
    assert peak < 1024 * 1024  # nothing of the 50 MB was read into memory


def test_an_alias_bomb_is_refused_without_expanding_it(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(BILLION_LAUGHS)
    tracemalloc.start()
    source = load_source(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [d.code for d in source.diagnostics] == ["AK009"]
    assert peak < 2 * 1024 * 1024


def test_aliases_that_expand_too_far_are_refused_even_when_few(tmp_path):
    # 2 aliases per level keeps the alias count under the limit; the size guard catches it.
    levels = ["a: &a [" + ", ".join(["x"] * 1000) + "]"]
    levels += [
        f"l{i}: &l{i} [*{'a' if i == 0 else f'l{i - 1}'}, *{'a' if i == 0 else f'l{i - 1}'}]"
        for i in range(10)
    ]
    path = tmp_path / "wide.yaml"
    path.write_text("\n".join(levels) + "\n")
    source = load_source(path)
    assert [d.code for d in source.diagnostics] == ["AK009"]
    assert "expands to more than" in source.diagnostics[0].message
    assert DEFAULT_LIMITS.max_nodes == 1_000_000


def test_a_folder_where_a_file_is_expected(write, in_tmp):
    (in_tmp / "csps").mkdir()
    result = run("validate", "--plan", "csps", "x.yaml")
    assert result.exit_code == 2
    assert "must be a file" in result.stderr


def test_missing_path_is_a_usage_error(in_tmp):
    result = run("validate", "nowhere.yaml")
    assert result.exit_code == 2
    assert "nowhere.yaml: no such file or folder" in result.stderr


def test_an_empty_folder_is_reported(in_tmp):
    (in_tmp / "csps").mkdir()
    result = run("validate", "csps")
    assert result.exit_code == 3
    assert "csps: AK208 no .yaml or .yml files in this folder" in result.stdout


def test_every_problem_in_every_file_is_reported_at_once(write):
    write("a.yaml", "kind: x\ntitle: A\ntitle: B\n")
    write("b.yaml", "- a\n")
    write("c.yaml", "a: 'open\n")
    result = run("validate", "a.yaml", "b.yaml", "c.yaml")
    assert result.exit_code == 3
    for expected in ("a.yaml:3:1: AK008", "b.yaml:1:1: AK013", "c.yaml:2:1: AK006"):
        assert expected in result.stdout
    assert "in 3 of 3 files" in result.stdout
