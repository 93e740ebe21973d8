"""The tables alignkit ships (calibration, governance events, the vocabulary), read quickly.

They are the package's own files, checked by its tests, so they need none of the
positions and limits a user's document gets (`compose.py`): libyaml's loaders read them
several times faster than the pure-Python parser, which stays the fallback. The
vocabulary also ships compiled, as JSON (see match/vocabulary.py); these are the helpers
it reads and writes that twin with.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_SAFE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRINGS: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


DATA = Path(__file__).parent.parent / "data"
"""The package's data folder, found from this file. importlib.resources finds the same
folder for a package installed as files, as alignkit always is (pip installs it so, and
its compiled vocabulary names its own source files), but importing it is a few
milliseconds of every check."""


def _data(name: str) -> Path:
    return DATA / name


def package_bytes(name: str) -> bytes:
    """The bytes of ``alignkit/data/<name>``."""
    return _data(name).read_bytes()


def read_package_text(name: str) -> str:
    return _data(name).read_text(encoding="utf-8")


def write_package_text(name: str, text: str) -> None:
    """Write ``alignkit/data/<name>`` (only `make data` does, in a source tree)."""
    _data(name).write_text(text, encoding="utf-8")


def read_package_yaml(name: str, *, strings: bool = False) -> Any:
    """The parsed content of ``alignkit/data/<name>``.

    With ``strings``, every scalar is left a string for a pydantic model to convert, as
    alignkit's own document loader does (YAML 1.1 would read a term such as ``on`` as
    true): the vocabulary is read this way.
    """
    # Both loaders are safe ones: no Python objects from the text.
    return yaml.load(package_bytes(name).decode("utf-8"), Loader=_STRINGS if strings else _SAFE)
