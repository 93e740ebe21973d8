"""The YAML tables alignkit ships (calibration, governance events), read quickly.

They are the package's own files, checked by its tests, so they need none of the
positions and limits a user's document gets (`compose.py`): libyaml's safe loader reads
them several times faster than the pure-Python parser, which stays the fallback.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_SAFE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRINGS: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def read_package_yaml(name: str, *, strings: bool = False) -> Any:
    """The parsed content of ``alignkit/data/<name>``.

    With ``strings``, every scalar is left a string for a pydantic model to convert, as
    alignkit's own document loader does (YAML 1.1 would read a term such as ``on`` as
    true): the vocabulary is read this way.
    """
    text = resources.files("alignkit").joinpath("data", name).read_text(encoding="utf-8")
    # Both loaders are safe ones: no Python objects from the text.
    return yaml.load(text, Loader=_STRINGS if strings else _SAFE)
