"""The YAML tables alignkit ships (calibration, governance events), read quickly.

They are the package's own files, checked by its tests, so they need none of the
positions and limits a user's document gets (`compose.py`): libyaml's safe loader reads
them several times faster than the pure-Python parser, which stays the fallback.

The vocabulary, read as strings on every check, is also shipped parsed: a JSON twin
(`data/vocabulary.json`, written by `make data`) that JSON's parser reads in a
twentieth of YAML's time (about 0.015 s of every check). The twin names the SHA-256 of
the YAML it was made from, and is used only while that still matches: an edited YAML
whose twin was not remade is read as YAML, slower but never stale.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_SAFE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRINGS: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

TWINNED = ("vocabulary.yaml",)
"""Tables read as strings, shipped with a JSON twin (only strings, lists and mappings,
so JSON holds them exactly)."""


def _data(name: str) -> Traversable:
    return resources.files("alignkit").joinpath("data", name)


def twin_name(name: str) -> str:
    """'vocabulary.yaml' -> 'vocabulary.json'."""
    return name.rpartition(".")[0] + ".json"


def twin_text(name: str) -> str:
    """The JSON twin of the table ``name``, as `make data` writes it."""
    source = _data(name).read_bytes()
    data = yaml.load(source.decode("utf-8"), Loader=_STRINGS)
    twin = {"source_sha256": hashlib.sha256(source).hexdigest(), "data": data}
    return json.dumps(twin, ensure_ascii=False, indent=1) + "\n"


def _from_twin(name: str, source: bytes) -> Any | None:
    """The twin's data if it was made from exactly ``source``, else None."""
    twin = _data(twin_name(name))
    if name not in TWINNED or not twin.is_file():
        return None
    made = json.loads(twin.read_text(encoding="utf-8"))
    if made.get("source_sha256") != hashlib.sha256(source).hexdigest():
        return None
    return made["data"]


def read_package_yaml(name: str, *, strings: bool = False) -> Any:
    """The parsed content of ``alignkit/data/<name>``.

    With ``strings``, every scalar is left a string for a pydantic model to convert, as
    alignkit's own document loader does (YAML 1.1 would read a term such as ``on`` as
    true): the vocabulary is read this way.
    """
    source = _data(name).read_bytes()
    if strings and (data := _from_twin(name, source)) is not None:
        return data
    # Both loaders are safe ones: no Python objects from the text.
    return yaml.load(source.decode("utf-8"), Loader=_STRINGS if strings else _SAFE)


def main() -> int:
    """Write the JSON twins beside their tables (`make data`)."""
    for name in TWINNED:
        path = resources.files("alignkit").joinpath("data", twin_name(name))
        with resources.as_file(path) as target:
            target.write_text(twin_text(name), encoding="utf-8")
        print(f"wrote {twin_name(name)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
