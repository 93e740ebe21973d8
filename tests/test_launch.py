"""The console script's start: pydantic's plugin loader stood in for only while every
plugin is off, and only as far as pydantic uses it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

from alignkit.launch import NO_PLUGINS, PLUGIN_LOADER
from conftest import MINIMAL_CSP, MINIMAL_PLAN

PROBE = """\
import sys
from alignkit.launch import main
try:
    main()
except SystemExit:
    pass
print("importlib.metadata" in sys.modules, type(sys.modules["pydantic.plugin._loader"].get_plugins()).__name__, file=sys.stderr)
"""


def _check(tmp_path: Path, plugins: str | None) -> tuple[str, str]:
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN)
    (tmp_path / "northdown.yaml").write_text(MINIMAL_CSP)
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if plugins is not None:
        environment["PYDANTIC_DISABLE_PLUGINS"] = plugins
    args = ["check", "plan.yaml", "northdown.yaml", "--as-of", "2026-11-22", "-f", "json"]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"format_version": 2' in done.stdout  # the check ran and wrote its report
    loaded, plugins_type = done.stderr.split()[-2:]
    return loaded, plugins_type


@pytest.mark.slow  # a process per case
@pytest.mark.parametrize("plugins", [None, *NO_PLUGINS], ids=str)
def test_with_every_plugin_off_the_scan_is_never_imported(tmp_path, plugins):
    assert _check(tmp_path, plugins) == ("False", "tuple")


@pytest.mark.slow  # a process
def test_with_some_plugins_named_pydantic_loads_its_own_loader(tmp_path):
    """Naming plugins to leave out means the others still load: pydantic's loader scans."""
    loaded, plugins_type = _check(tmp_path, "some-plugin")
    assert loaded == "True"
    assert plugins_type != "tuple"  # the real loader's dict view, not the stand-in's ()


def test_pydantic_takes_nothing_but_get_plugins_from_its_loader():
    """The stand-in offers only get_plugins: a pydantic that imported anything else from
    its loader (or imported the loader whole) would break with it, so this fails first."""
    package = Path(pydantic.__file__).parent
    uses = []
    for source in package.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("_loader"):
                uses.append((source.name, node.module, [a.name for a in node.names]))
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names]
                assert PLUGIN_LOADER not in names and "_loader" not in names, source
    assert uses == [("_schema_validator.py", "_loader", ["get_plugins"])]
