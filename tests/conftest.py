"""Shared helpers: write YAML snippets to a temporary folder and run the CLI on them."""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pytest
import typer
import typer.testing
from typer.testing import CliRunner

from alignkit.cli import app_for
from alignkit.user_cache import ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent
WESSEX = ROOT / "examples" / "wessex"

# The tests keep alignkit's cache (compiled templates) in a folder of their own, never in
# the user's ~/.cache; child processes inherit it.
os.environ[ENVIRONMENT] = tempfile.mkdtemp(prefix="alignkit-test-cache-")

# typer's CliRunner builds the click command from the app on every invoke, inspecting the
# command's signature and type hints, and the tests run the command line over a thousand
# times. Each command's app is the same all session (the --format choices are read from the
# registry when a command runs, not when it is built), so it is made and built once, as the
# `alignkit` script does once a process.
typer.testing._get_command = functools.cache(typer.testing._get_command)

MINIMAL_PLAN = """\
kind: police-and-crime-plan        # plan file
force_area: Wessex
title: Wessex Police and Crime Plan 2025-2029
objectives:
  - id: P1
    title: Cut crime and anti-social behaviour
    description: Burglary, vehicle crime, ASB hotspots   # optional
"""

MINIMAL_CSP = """\
kind: community-safety-partnership # CSP file
id: northdown
name: Northdown Community Safety Partnership
force_area: Wessex
priorities:
  - id: N1
    title: Domestic abuse and stalking
    description: Increase reporting and repeat-victim support   # optional
"""


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    """Run with the temporary folder as working directory, so paths print relative."""
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


@pytest.fixture
def write(in_tmp: Path) -> Callable[..., Path]:
    def _write(name: str, content: str | bytes) -> Path:
        path = in_tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return Path(name)

    return _write


@functools.cache
def _app(first: str | None) -> typer.Typer:
    """The app `alignkit` runs for a command line that starts with ``first`` (cli.app_for
    reads no further), one for the session."""
    return app_for([] if first is None else [first])


def run(*args: str) -> Run:
    """Run the command line in process, as `alignkit` runs it (the app of the command named)."""
    result = CliRunner().invoke(_app(args[0] if args else None), list(args), catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="session")
def wessex_documents() -> Mapping[tuple[str, str], str | bytes]:
    """The example area's every document in every format of the output registry, by (kind,
    format), from one run of the pipeline: its three Word documents alone take seconds to
    write, and more than one module reads them. Read-only (str and bytes cannot change)."""
    from alignkit.config import Config
    from alignkit.pipeline import run_pipeline
    from alignkit.project import resolve_project
    from alignkit.publish import document
    from alignkit.registry import DOCUMENTS, rendered

    project = resolve_project(
        Config(), plan=WESSEX / "plan.yaml", csps=[WESSEX / "csps"], as_of="2026-11-22"
    )
    run_ = run_pipeline(project)
    assert run_.result is not None
    made = {kind: document(kind, run_.result, run_.matcher) for kind in DOCUMENTS}
    return MappingProxyType(
        {
            (kind, name): rendered(kind, name, made[kind])
            for kind, spec in DOCUMENTS.items()
            for name in spec.formats
        }
    )
