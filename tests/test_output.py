"""Reports are written atomically and never over an input document."""

from __future__ import annotations

import os
import stat

import pytest

from alignkit.output import OutputError, write_report


def test_writes_the_report_and_creates_parent_folders(tmp_path):
    target = tmp_path / "reports" / "2026" / "report.html"
    write_report("<p>report</p>\n", target)
    assert target.read_text() == "<p>report</p>\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temporary left


def test_the_report_is_readable_by_others_like_any_file(tmp_path):
    target = tmp_path / "report.md"
    old = os.umask(0o022)
    try:
        write_report("x", target)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_refuses_to_overwrite_an_input_document(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("kind: police-and-crime-plan\n")
    with pytest.raises(OutputError, match="is one of the input documents"):
        write_report("report", tmp_path / "." / "plan.yaml", protected=[plan])
    assert plan.read_text() == "kind: police-and-crime-plan\n"


def test_a_folder_is_not_a_report_file(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        write_report("report", tmp_path)


def test_an_unwritable_place_is_a_clear_error_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write"):
        write_report("report", blocker / "report.html")
    assert blocker.read_text() == "not a folder"


def test_replacing_an_earlier_report_is_atomic(tmp_path):
    target = tmp_path / "report.json"
    target.write_text('{"format_version": 1, "tool": {"name": "alignkit"}}')
    write_report("new", target)
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_file_alignkit_did_not_write_is_replaced_only_with_force(tmp_path):
    target = tmp_path / "minutes.md"
    target.write_text("Board minutes")
    with pytest.raises(OutputError, match="--force"):
        write_report("report", target)
    assert target.read_text() == "Board minutes"
    write_report("report", target, force=True)
    assert target.read_text() == "report"
