"""The shipped tables' JSON twins: committed up to date, identical to the YAML they were
made from, and never used once that YAML changes."""

from __future__ import annotations

import yaml

from alignkit.load import package_data
from alignkit.load.package_data import TWINNED, read_package_yaml, twin_name, twin_text
from conftest import ROOT

DATA = ROOT / "src" / "alignkit" / "data"


def test_committed_twins_are_up_to_date():
    for name in TWINNED:
        committed = (DATA / twin_name(name)).read_text(encoding="utf-8")
        assert committed == twin_text(name), f"run `make data` to update {twin_name(name)}"


def test_the_twin_reads_as_the_yaml_does():
    for name in TWINNED:
        as_yaml = yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        assert read_package_yaml(name, strings=True) == as_yaml


def test_a_twin_of_other_yaml_is_not_used(tmp_path, monkeypatch):
    """A YAML edited after its twin was made is read as YAML, never from the stale twin."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vocabulary.yaml").write_text("version: '2'\nterms: [on]\n")
    (tmp_path / "data" / "vocabulary.json").write_text(
        (DATA / "vocabulary.json").read_text(encoding="utf-8")
    )
    monkeypatch.setattr(package_data.resources, "files", lambda _package: tmp_path)
    assert read_package_yaml("vocabulary.yaml", strings=True) == {
        "version": "2",
        "terms": ["on"],
    }
    # and a twin made from that very text is used: the check above could fail
    (tmp_path / "data" / "vocabulary.json").write_text(twin_text("vocabulary.yaml"))
    (tmp_path / "data" / "vocabulary.json").write_text(
        (tmp_path / "data" / "vocabulary.json").read_text().replace('"terms"', '"from_twin"')
    )
    assert read_package_yaml("vocabulary.yaml", strings=True) == {
        "version": "2",
        "from_twin": ["on"],
    }
