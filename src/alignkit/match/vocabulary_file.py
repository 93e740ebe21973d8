"""Vocabulary files: their format (the models whose JSON Schema `alignkit schema` writes)
and how one is read and checked, every mistake at its line and column.

Only a run that reads a vocabulary file loads these models: the shipped vocabulary
normally comes compiled (see ``vocabulary.builtin_vocabulary``), so a check with no
extra vocabulary never builds them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..load import SourceFile, load_source
from ..load.package_data import DATA, read_package_yaml
from ..models.common import PlainText
from .vocabulary import VocabularyError

THEME_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ThemeEntry(_Entry):
    """A theme: new, or (with the id of an existing one) more words for it."""

    id: str = Field(
        pattern=THEME_ID_PATTERN, description="Short stable name, lower case with hyphens."
    )
    label: PlainText | None = Field(
        None, min_length=1, description="How reports name the theme; required for a new one."
    )
    broader: list[str] = Field([], description="Themes this one is part of.")
    related: list[str] = Field([], description="Themes that travel with it (partial matches).")
    umbrella: bool | None = Field(
        None, description="True for a theme so general that sharing it alone never aligns."
    )
    focus: float | None = Field(
        None, gt=0, le=1, description="How much the theme says about a text (default 1)."
    )
    terms: list[PlainText] = Field([], description="Words and phrases that mean this theme.")


class VocabularyFile(_Entry):
    """An alignkit vocabulary file: themes, acronyms and spellings of community safety."""

    version: int = Field(ge=1, le=1, description="Format version; 1.")
    acronyms: dict[str, PlainText] = Field(
        {}, description="Acronym as written -> what it stands for."
    )
    any_case: list[str] = Field(
        [], description="Acronyms also recognised in lower case (e.g. asb)."
    )
    spellings: dict[str, str] = Field({}, description="Other spelling -> the British one.")
    weak_words: list[str] = Field(
        [], description="Words that say little in a plan ('tackle', 'improve')."
    )
    stop_words: list[str] = Field(
        [],
        description="Words with no meaning of their own ('the', 'of'): left out even when two"
        " general aims are compared word for word.",
    )
    bare_titles: dict[str, list[str]] = Field(
        {},
        description="A word -> the themes it ordinarily covers when it is most of a bare"
        " one- or two-word title ('People', 'Safer Places').",
    )
    themes: list[ThemeEntry] = Field([], description="Themes to add or extend.")


BUILTIN = "vocabulary.yaml"


def builtin_source() -> Path:
    return DATA / BUILTIN


def builtin_vocabulary_file() -> VocabularyFile:
    """The shipped vocabulary, read with libyaml: it is package data, checked by the tests
    (which also read it as a user's file is read, with positions, and compare), so it
    needs no positions here and start-up is spared the pure-Python parser."""
    return VocabularyFile.model_validate(read_package_yaml(BUILTIN, strings=True))


def read_vocabulary_file(path: Path) -> VocabularyFile:
    """Read and check one vocabulary file; every problem at its line and column."""
    source = load_source(path)
    if source.data is None or source.diagnostics:
        raise VocabularyError([d.location() + ": " + d.message for d in source.diagnostics])
    try:
        return VocabularyFile.model_validate(source.data)
    except ValidationError as exc:
        raise VocabularyError([_located(source, error) for error in exc.errors()]) from None


def _located(source: SourceFile, error: Any) -> str:
    loc = tuple(error["loc"])
    position = source.position(loc, key=error["type"] == "extra_forbidden")
    where = f"{source.shown}:{position.line}:{position.column}" if position else source.shown
    field = ".".join(str(part) for part in loc) or "(top level)"
    return f"{where}: {field}: {error['msg']}"
