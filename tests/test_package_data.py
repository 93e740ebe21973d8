"""The shipped vocabulary's compiled twin: committed up to date, the very vocabulary the
YAML compiles to, and never used once the YAML or the code that compiles it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignkit.load import package_data
from alignkit.match import Matcher, load_vocabulary, normalise, vocabulary_twin
from alignkit.match.vocabulary import compile_vocabulary
from alignkit.match.vocabulary_file import builtin_vocabulary_file
from alignkit.match.vocabulary_twin import (
    COMPILED,
    compiled_builtin,
    twin_text,
    vocabulary_data,
)
from conftest import ROOT

DATA = ROOT / "src" / "alignkit" / "data"


def test_the_committed_twin_is_up_to_date():
    committed = (DATA / COMPILED).read_text(encoding="utf-8")
    assert committed == twin_text(), "run `make data` to update the compiled vocabulary"


def test_the_twin_is_the_vocabulary_the_yaml_compiles_to():
    from_twin = compiled_builtin()
    assert from_twin is not None  # the committed twin is used
    compiled = compile_vocabulary([builtin_vocabulary_file()])
    assert vocabulary_data(from_twin) == vocabulary_data(compiled)
    assert from_twin.themes == compiled.themes
    assert from_twin.terms == compiled.terms and from_twin.bare == compiled.bare
    # and it reads texts and scores pairs the same
    text = "Tackle ASB and anti-social behavior; reduce re-offending by young people"
    assert from_twin.normaliser.tokens(text) == compiled.normaliser.tokens(text)
    tokens = list(compiled.normaliser.tokens(text))
    assert from_twin.find(tokens) == compiled.find(tokens)
    assert Matcher(from_twin).vocabulary is from_twin
    assert load_vocabulary().terms == compiled.terms


def _copy_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The package's data folder copied to ``tmp_path``, and read from there."""
    (tmp_path / "data").mkdir()
    for name in ("vocabulary.yaml", COMPILED):
        (tmp_path / "data" / name).write_bytes((DATA / name).read_bytes())
    monkeypatch.setattr(package_data, "DATA", tmp_path / "data")
    assert compiled_builtin() is not None  # the copy is used as it stands
    return tmp_path / "data"


def test_a_twin_of_other_yaml_is_not_used(tmp_path, monkeypatch):
    data = _copy_data(tmp_path, monkeypatch)
    yaml_text = (data / "vocabulary.yaml").read_text(encoding="utf-8")
    edited = yaml_text.replace("label: anti-social behaviour\n", "label: nuisance\n")
    assert edited != yaml_text
    (data / "vocabulary.yaml").write_text(edited, encoding="utf-8")
    assert compiled_builtin() is None
    assert load_vocabulary().theme("anti-social-behaviour").label == "nuisance"


def test_a_twin_made_by_other_code_is_not_used(tmp_path, monkeypatch):
    """A changed stemmer compiles the same YAML to other stems: the twin names the code."""
    _copy_data(tmp_path, monkeypatch)
    changed = tmp_path / "normalise.py"
    changed.write_text(Path(normalise.__file__).read_text() + "\n# a change\n")
    monkeypatch.setattr(normalise, "__file__", str(changed))
    assert compiled_builtin() is None
    assert load_vocabulary().themes  # compiled from the YAML instead


@pytest.mark.parametrize(
    "twin",
    ["", "not json", "[]", '{"source_sha256": null}', "{}"],
    ids=["empty", "not JSON", "a list", "no key", "nothing"],
)
def test_a_twin_that_cannot_be_read_is_passed_over(tmp_path, monkeypatch, twin):
    data = _copy_data(tmp_path, monkeypatch)
    (data / COMPILED).write_text(twin, encoding="utf-8")
    assert compiled_builtin() is None
    assert load_vocabulary().themes


def test_a_twin_with_the_right_key_but_broken_tables_is_passed_over(tmp_path, monkeypatch):
    data = _copy_data(tmp_path, monkeypatch)
    text = (data / COMPILED).read_text(encoding="utf-8")
    (data / COMPILED).write_text(text.replace('"themes": [', '"themes": [7, '), encoding="utf-8")
    assert compiled_builtin() is None


def test_a_missing_twin_is_passed_over(tmp_path, monkeypatch):
    data = _copy_data(tmp_path, monkeypatch)
    (data / COMPILED).unlink()
    assert compiled_builtin() is None
    assert vocabulary_twin.twin_key() is not None
