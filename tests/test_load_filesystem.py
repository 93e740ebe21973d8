"""Awkward things on disk: links, loops, permissions, odd files in a CSP folder."""

from __future__ import annotations

import os
from pathlib import Path

from alignkit.load import load_source
from conftest import MINIMAL_CSP, MINIMAL_PLAN, run


def test_a_symlink_loop_in_a_csp_folder_does_not_hang(write, in_tmp):
    write("csps/a.yaml", MINIMAL_CSP)
    os.symlink(in_tmp / "csps", in_tmp / "csps" / "loop")
    result = run("validate", "csps")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("✓") == 1


def test_a_dangling_symlink_is_reported_not_crashed_on(write, in_tmp):
    os.symlink(in_tmp / "missing.yaml", in_tmp / "broken.yaml")
    result = run("validate", "broken.yaml")
    assert result.exit_code == 3
    assert "broken.yaml: AK001 file not found" in result.stdout


def test_non_yaml_files_in_a_csp_folder_are_ignored(write):
    write("csps/a.yaml", MINIMAL_CSP)
    write("csps/README.md", "# notes")
    write("csps/plan.docx", b"PK\x03\x04binary")
    write("csps/.~lock.a.yaml#", "lock")
    result = run("validate", "csps")
    assert result.exit_code == 0, result.stdout


def test_an_unreadable_file_is_a_located_error(write, monkeypatch, in_tmp):
    write("plan.yaml", MINIMAL_PLAN)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "plan.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = run("validate", "plan.yaml")
    assert result.exit_code == 3
    assert "plan.yaml: AK001 permission denied: alignkit cannot read this file" in result.stdout


def test_very_long_lines_are_fine(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN.replace("ASB hotspots", "ASB hotspots " + "x" * 200_000))
    source = load_source(path)
    assert source.diagnostics == []
    assert len(source.data["objectives"][0]["description"]) > 200_000


def test_windows_line_endings_keep_positions(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(
        MINIMAL_PLAN.replace("\n", "\r\n").replace("title: Cut", "titel: Cut").encode()
    )
    result = run("validate", str(path))
    assert f"{path.as_posix()}:6:5: AK101 unknown key 'titel'" in result.stdout
