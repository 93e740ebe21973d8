"""Every document alignkit makes, in every format of the output registry, written through
the command line: for tests that read what a user would get from each."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from alignkit.registry import DOCUMENTS
from conftest import run
from office import readable

AS_OF = "2026-11-22"

_MADE: dict[str, Mapping[str, str]] = {}
"""What every_output made, by the files it ran on and its arguments: some twenty runs of
the command line (three of them Word documents) that several tests ask for on the same
files. The same inputs give byte-identical outputs (the determinism tests hold alignkit to
that), so a second test with the same files reads the first one's outputs, read-only."""

_BASE = "base-report.json"
_WRITTEN = {
    _BASE,
    *(
        f"{kind}.{f.extension}"
        for kind, d in DOCUMENTS.items()
        for f in d.formats.values()
        if f.binary
    ),
}
"""The files every_output itself writes beside the inputs, which are not inputs."""


def _inputs_key(plan: str, csps: str, as_of: str) -> str:
    """Every file under the working folder (where alignkit finds its inputs, alignkit.toml
    and any vocabulary), by path and content, plus the arguments."""
    digest = hashlib.sha256(f"{plan}\0{csps}\0{as_of}\0{os.environ.get('GITHUB_ACTIONS')}".encode())
    for path in sorted(Path().rglob("*")):
        if path.is_file() and path.as_posix() not in _WRITTEN:
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def every_output(
    plan: str = "plan.yaml", csps: str = "csps", as_of: str = AS_OF
) -> Mapping[str, str]:
    """Every document in every format, written through the command line (once for any one
    set of input files; read-only)."""
    key = _inputs_key(plan, csps, as_of)
    if key not in _MADE:
        _MADE[key] = MappingProxyType(_every_output(plan, csps, as_of))
    return _MADE[key]


def _every_output(plan: str, csps: str, as_of: str) -> dict[str, str]:
    made = {}
    commands = {
        "report": ["check"],
        "calendar": ["calendar"],
        "pack": ["pack"],
        "handover": ["pack", "--for", "successor"],
        "summary": ["summary"],
    }
    arguments = {kind: [*command, plan, csps] for kind, command in commands.items()}
    # The diff compares the documents with a report of themselves: an empty diff.
    base = run("check", plan, csps, "--as-of", as_of, "--format", "json").stdout
    Path(_BASE).write_text(base, encoding="utf-8")
    arguments["diff"] = ["diff", _BASE, "--plan", plan, "--csps", csps]
    for kind, document in DOCUMENTS.items():
        for name, fmt in document.formats.items():
            target = ("-o", f"{kind}.{fmt.extension}") if fmt.binary else ()
            result = run(*arguments[kind], "--as-of", as_of, "--format", name, *target)
            assert result.exit_code in (0, 1), (kind, name, result.stderr)
            made[f"{kind}.{name}"] = readable(Path(target[1])) if target else result.stdout
    return made
