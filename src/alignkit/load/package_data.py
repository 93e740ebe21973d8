"""The tables alignkit ships (calibration, governance events, the vocabulary), read quickly.

They are the package's own files, checked by its tests, so they need none of the
positions and limits a user's document gets (`compose.py`): libyaml's loaders read them
several times faster than the pure-Python parser, which stays the fallback. The
vocabulary also ships compiled, as JSON (see match/vocabulary.py); these are the helpers
it reads and writes that twin with.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_SAFE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRINGS: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _data(name: str) -> Traversable:
    return resources.files("alignkit").joinpath("data", name)


def package_bytes(name: str) -> bytes:
    """The bytes of ``alignkit/data/<name>``."""
    return _data(name).read_bytes()


def read_package_text(name: str) -> str:
    return _data(name).read_text(encoding="utf-8")


def write_package_text(name: str, text: str) -> None:
    """Write ``alignkit/data/<name>`` (only `make data` does, in a source tree)."""
    with resources.as_file(_data(name)) as target:
        target.write_text(text, encoding="utf-8")


def read_package_yaml(name: str, *, strings: bool = False) -> Any:
    """The parsed content of ``alignkit/data/<name>``.

    With ``strings``, every scalar is left a string for a pydantic model to convert, as
    alignkit's own document loader does (YAML 1.1 would read a term such as ``on`` as
    true): the vocabulary is read this way.
    """
    # Both loaders are safe ones: no Python objects from the text.
    return yaml.load(package_bytes(name).decode("utf-8"), Loader=_STRINGS if strings else _SAFE)
