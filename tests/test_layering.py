"""The shape of the code: data flows one way, and start-up pays only for what it uses.

Every import in the package (deferred ones inside functions too) must point from a higher
layer to a lower one, never back up; and the cheap commands must not load the matcher,
numpy, jinja2 or a renderer.
"""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_CSP, MINIMAL_PLAN

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "alignkit"

# Lowest first. A module may import from its own layer or any layer below it.
LAYERS: list[set[str]] = [
    {
        "errors",
        "registry",
        "words",
        "markup",
        "diagnostics",
        "codes",
        "output",
        "__init__",
        "user_cache",
        "values",
    },
    {"officezip", "wordfile"},
    {"collections_tuning"},
    {"load"},
    {"models"},
    {"validate", "config"},
    {"match"},
    {"assess"},
    {"policy"},
    {"check", "project"},
    {"pipeline"},
    {"render", "calendar", "pack", "summary", "schemas", "docgen", "scaffold", "importer"},
    # Two runs of the pipeline (or two JSON reports) compared: reads the report's model.
    {"diff"},
    {"publish", "reporting", "notes"},
    {"cli", "__main__", "launch"},
]
LAYER = {name: index for index, names in enumerate(LAYERS) for name in names}


def _unit(module: str) -> str:
    """'alignkit.assess.regard' -> 'assess'; 'alignkit' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _submodule(package: str, name: str) -> str:
    folder = PACKAGE.parent.joinpath(*package.split("."))
    is_module = (folder / f"{name}.py").exists() or (folder / name).is_dir()
    return f"{package}.{name}" if is_module else package


@functools.cache
def _imports() -> list[tuple[str, str, int]]:
    """(importing module, imported alignkit module, line) for every import in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, node.module] if node.module else base)
                else:
                    target = node.module or ""
                targets = [target]
                if node.module is None:  # `from .. import x`: x is a module or a name
                    targets = [_submodule(target, alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            found += [(module, t, node.lineno) for t in targets if t.split(".")[0] == "alignkit"]
    return found


def test_every_module_is_in_a_layer():
    units = {_unit(m) for m, _, _ in _imports()}
    assert units <= set(LAYER), sorted(units - set(LAYER))


def test_no_import_points_up_a_layer():
    upward = [
        f"{module}:{line} imports {target}"
        for module, target, line in _imports()
        if LAYER[_unit(target)] > LAYER[_unit(module)]
    ]
    assert upward == []


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("config", "assess"),
        ("config", "policy"),
        ("schemas", "render"),
        ("assess", "config"),
        # One document never reaches into another's modules: shared pieces live lower.
        ("pack", "summary"),
        ("pack", "render"),
        ("summary", "render"),
        ("calendar", "render"),
    ],
)
def test_named_arrows_that_must_not_exist(lower, higher):
    assert not [(m, t) for m, t, _ in _imports() if _unit(m) == lower and _unit(t) == higher]


DIFF_PURE = ("compare", "identity", "verdict", "lines", "text", "markdown", "json_report")


def test_the_diff_compares_reports_without_git_or_the_pipeline():
    """Inside diff/, only sides.py and git.py read files and run things: the comparison
    and its formats are functions of two report models, so they cannot drift from what
    a JSON report holds."""
    allowed = {"alignkit", "alignkit.models", "alignkit.markup", "alignkit.words"}
    pure = {f"alignkit.diff.{name}" for name in DIFF_PURE}
    reached = sorted(
        (m, t)
        for m, t, _ in _imports()
        if m in pure
        and t not in pure
        and not any(t == a or t.startswith(a + ".") for a in allowed - {"alignkit"})
        and t != "alignkit"
    )
    assert reached == []


def test_the_layering_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The rule above must be able to fail: a config module importing assess is caught."""
    fake = tmp_path / "alignkit"
    (fake / "config").mkdir(parents=True)
    (fake / "config" / "bad.py").write_text("from ..assess import CheckResult\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    _imports.cache_clear()
    assert _imports() == [("alignkit.config.bad", "alignkit.assess", 1)]
    assert LAYER[_unit("alignkit.assess")] > LAYER[_unit("alignkit.config.bad")]
    _imports.cache_clear()


# --- start-up: what each command loads -----------------------------------------------------

HEAVY = (
    "numpy",
    "jinja2",
    "openpyxl",
    "docx",
    "alignkit.render.",
    "alignkit.match",
    "alignkit.pipeline",
)
PROBE = """\
import sys
from alignkit.cli import main
try:
    main()
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""


def _loaded(args: list[str], cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return set(done.stderr.splitlines())


def _heavy(modules: set[str], avoid: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.startswith(avoid) or m.split(".")[0] in avoid)


@pytest.mark.slow  # a process per command
@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["check", "--help"], ["diff", "--help"], ["config"]],
    ids=" ".join,
)
def test_cheap_commands_load_no_matcher_numpy_jinja2_or_renderer(args, tmp_path):
    assert _heavy(_loaded(args, tmp_path), HEAVY) == []


@pytest.mark.slow  # a process per command
def test_validate_loads_no_matcher(tmp_path):
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN)
    (tmp_path / "northdown.yaml").write_text(MINIMAL_CSP)
    loaded = _loaded(["validate", "plan.yaml", "northdown.yaml"], tmp_path)
    assert "alignkit.validate" in loaded
    assert _heavy(loaded, ("numpy", "jinja2", "alignkit.match", "alignkit.pipeline")) == []


@pytest.mark.slow  # a process per command
@pytest.mark.parametrize(
    "args", [["init", "repo"], ["schema", "--output-dir", "out"]], ids=" ".join
)
def test_init_and_schema_load_no_jinja2_or_renderer(args, tmp_path):
    loaded = _loaded(args, tmp_path)
    assert "alignkit.schemas" in loaded
    # The vocabulary file's schema comes from match/vocabulary_file.py, which loads the
    # matcher's package (but not numpy, which only match/dense.py imports).
    assert _heavy(loaded, ("jinja2", "alignkit.render.", "alignkit.pipeline")) == []


@pytest.mark.slow  # a process per command
def test_the_start_up_probe_sees_what_a_check_loads(tmp_path):
    """The probe must be able to fail: a real check loads the matcher, the pipeline and
    a renderer."""
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN)
    (tmp_path / "csps").mkdir()
    (tmp_path / "csps" / "northdown.yaml").write_text(MINIMAL_CSP)
    loaded = _loaded(["check", "plan.yaml", "csps", "--as-of", "2026-11-22"], tmp_path)
    assert {"alignkit.match", "alignkit.pipeline", "alignkit.render.text"} <= loaded
    # the office libraries only for the formats that need them
    assert _heavy(loaded, ("openpyxl", "docx", "markdown_it")) == []


@pytest.mark.slow  # a process per command
@pytest.mark.parametrize(
    ("args", "wanted", "unwanted"),
    [
        (["check", "-f", "xlsx", "-o", "r.xlsx"], "openpyxl", "docx"),
        (["check", "-f", "docx", "-o", "r.docx"], "docx", "openpyxl"),
        (["pack", "-f", "docx", "-o", "p.docx"], "docx", "openpyxl"),
    ],
    ids=lambda x: " ".join(x) if isinstance(x, list) else x,
)
def test_openpyxl_and_python_docx_load_only_for_their_formats(tmp_path, args, wanted, unwanted):
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN)
    (tmp_path / "csps").mkdir()
    (tmp_path / "csps" / "northdown.yaml").write_text(MINIMAL_CSP)
    command, *rest = args
    loaded = _loaded([command, "plan.yaml", "csps", "--as-of", "2026-11-22", *rest], tmp_path)
    assert (tmp_path / rest[-1]).exists()
    assert wanted in loaded
    assert _heavy(loaded, (unwanted,)) == []


@pytest.mark.slow  # a process per command
@pytest.mark.parametrize(
    ("colour", "console_loaded"), [([], False), (["--color", "always"], True)], ids=str
)
def test_a_check_into_a_pipe_loads_no_rich_console(tmp_path, monkeypatch, colour, console_loaded):
    """stderr here is a pipe (as in CI): its notes are plain text, so rich's console (a
    few hundredths of a second) is loaded only when colour is asked for."""
    for switch in ("FORCE_COLOR", "TTY_COMPATIBLE"):  # rich's own "this is a terminal"
        monkeypatch.delenv(switch, raising=False)
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN)
    (tmp_path / "csps").mkdir()
    (tmp_path / "csps" / "northdown.yaml").write_text(MINIMAL_CSP)
    args = ["check", "plan.yaml", "csps", "--as-of", "2026-11-22", "--format", "json"]
    loaded = _loaded([*args, "--fail-on", "never", *colour], tmp_path)
    assert "alignkit.pipeline" in loaded
    assert ("rich.console" in loaded) is console_loaded
    assert ("rich.text" in loaded) is console_loaded
