"""The same inputs give byte-identical reports in every format, whatever the machine.

The example force area is copied into several temporary folders, its files created in a
different order each time (and, in-process, listed back in a shuffled order), then
checked in separate processes under different locales, time zones, hash seeds and
terminal settings, with --as-of fixed. Every format's report must be the same bytes.
"""

from __future__ import annotations

import json
import locale
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alignkit.registry import DOCUMENTS, format_names
from conftest import MINIMAL_CSP, MINIMAL_PLAN, ROOT, run
from office import is_binary, readable

EXAMPLE = ROOT / "examples" / "wessex"
AS_OF = ("--as-of", "2026-11-22")
FORMATS = sorted(format_names("report"))
EXTENSION = {name: fmt.extension for name, fmt in DOCUMENTS["report"].formats.items()}


def _layout() -> dict[str, Path]:
    """Where each example file goes: some CSPs in a sub-folder, so order across folders
    counts too."""
    files = {"plan.yaml": EXAMPLE / "plan.yaml"}
    for i, source in enumerate(sorted((EXAMPLE / "csps").glob("*.yaml"))):
        files[f"csps/{'east/' if i % 2 else ''}{source.name}"] = source
    return files


def make_area(folder: Path, order: list[str]) -> Path:
    """Copy the example area into ``folder``, creating its files in ``order``."""
    for name in order:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_layout()[name], target)
    return folder


def orders(count: int) -> list[list[str]]:
    names = sorted(_layout())
    result = [names, names[::-1]]
    rng = random.Random(20261122)
    while len(result) < count:
        shuffled = names[:]
        rng.shuffle(shuffled)
        result.append(shuffled)
    return result[:count]


def report_arguments() -> list[str]:
    args = ["check", *AS_OF, "plan.yaml", "csps", "--fail-on", "never"]
    for fmt in FORMATS:
        args += ["--format", fmt, "--output", f"out/report.{EXTENSION[fmt]}"]
    return args


def read_reports(folder: Path) -> dict[str, bytes]:
    reports = {fmt: (folder / "out" / f"report.{EXTENSION[fmt]}").read_bytes() for fmt in FORMATS}
    for fmt, content in reports.items():
        assert content.strip(), fmt
    return reports


def test_every_format_has_a_distinct_extension():
    assert set(EXTENSION) == set(FORMATS)
    assert len(set(EXTENSION.values())) == len(FORMATS)


# --- listing order --------------------------------------------------------------------------


class _ShuffledScandir:
    """os.scandir, but the entries come back in a shuffled order."""

    def __init__(self, real, path, rng: random.Random, seen: list[list[str]]) -> None:
        with real(path) as entries:
            self.entries = list(entries)
        rng.shuffle(self.entries)
        seen.append([entry.name for entry in self.entries])

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        return self

    def __next__(self):
        if not self.entries:
            raise StopIteration
        return self.entries.pop(0)

    def close(self):
        self.entries = []


@pytest.mark.slow  # every format, many runs and processes
def test_listing_order_of_the_csp_folder_does_not_change_any_report(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    results = []
    shuffled: list[list[str]] = []
    for i, order in enumerate(orders(4)):
        folder = make_area(tmp_path / f"area{i}", order)
        monkeypatch.chdir(folder)
        with monkeypatch.context() as patch:
            if i >= 2:  # whatever the file system does, list the folders shuffled
                real, rng = os.scandir, random.Random(i)

                def scandir(path=".", real=real, rng=rng):
                    return _ShuffledScandir(real, path, rng, shuffled)

                patch.setattr(os, "scandir", scandir)
            result = run(*report_arguments())
        assert result.exit_code == 0, result.stderr
        results.append(read_reports(folder))
    assert any(names != sorted(names) for names in shuffled), "the shuffle did not shuffle"
    first = results[0]
    for other in results[1:]:
        for fmt in FORMATS:
            assert other[fmt] == first[fmt], fmt
    csps = json.loads(first["json"])["csps"]
    assert sorted(c["path"] for c in csps) == sorted(n for n in _layout() if n != "plan.yaml")


# --- locale, time zone, hash seed, terminal -------------------------------------------------


def _alignkit() -> list[str]:
    """The console script pyproject.toml installs (alignkit.cli:main), or the same call."""
    script = Path(sys.executable).with_name("alignkit")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from alignkit.cli import main; main()"]


def _available(name: str) -> bool:
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, name)
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_ALL, saved)
    return True


BRITISH = next((name for name in ("en_GB.UTF-8", "en_GB.utf8", "C.UTF-8") if _available(name)), "C")

ENVIRONMENTS = {
    "C-UTC": {"LC_ALL": "C", "TZ": "UTC", "PYTHONHASHSEED": "0", "COLUMNS": "200"},
    "en_GB-Auckland": {
        "LC_ALL": BRITISH,
        "LANG": "en_GB.UTF-8",
        "TZ": "Pacific/Auckland",
        "PYTHONHASHSEED": "1",
        "COLUMNS": "40",
        "TERM": "xterm-256color",
        "FORCE_COLOR": "1",
    },
    "fr-StJohns": {
        "LANG": "fr_FR.UTF-8",
        "LC_TIME": "fr_FR.UTF-8",
        "TZ": "America/St_Johns",
        "PYTHONHASHSEED": "random",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "CI": "true",
    },
}


def _environment(extra: dict[str, str]) -> dict[str, str]:
    keep = {"PATH", "HOME", "SYSTEMROOT", "TMPDIR", "VIRTUAL_ENV"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    env.update(extra)
    return env


@pytest.mark.slow  # every format, many runs and processes
def test_locale_time_zone_and_hash_seed_do_not_change_any_report(tmp_path, monkeypatch):
    """Separate processes, because locale, TZ and the hash seed are fixed at start-up."""
    reports = {}
    for (name, extra), order in zip(ENVIRONMENTS.items(), orders(5)[2:], strict=True):
        folder = make_area(tmp_path / name, order)
        done = subprocess.run(
            [*_alignkit(), *report_arguments()],
            cwd=folder,
            env=_environment(extra),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, (name, done.stderr)
        assert "Traceback" not in done.stderr
        reports[name] = read_reports(folder)
    # The same bytes as the in-process run with this process's own settings, too.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    folder = make_area(tmp_path / "here", orders(1)[0])
    monkeypatch.chdir(folder)
    assert run(*report_arguments()).exit_code == 0
    reports["in-process"] = read_reports(folder)
    first_name, first = next(iter(reports.items()))
    for name, other in reports.items():
        for fmt in FORMATS:
            assert other[fmt] == first[fmt], f"{fmt}: {name} differs from {first_name}"


def test_the_plan_the_reports_come_from_exercises_dates_and_sets():
    """The example area must keep what could vary: month names, several findings of a kind
    (sets), partnerships in more than one folder."""
    text = (EXAMPLE / "plan.yaml").read_text(encoding="utf-8")
    assert "period: 2025/26-2029/30" in text  # runs past the election: a dated AK605
    assert len(list((EXAMPLE / "csps").glob("*.yaml"))) >= 4


@pytest.mark.slow  # a whole check per format, twice over
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_does_not_name_the_folder_it_was_made_in(tmp_path, monkeypatch, fmt):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    folder = make_area(tmp_path / "unlikely-folder-name", orders(1)[0])
    monkeypatch.chdir(folder)
    # a workbook or document goes to a file only; its text is what is searched
    to_file = ("-o", f"report.{EXTENSION[fmt]}") if is_binary("report", fmt) else ()
    result = run("check", *AS_OF, "plan.yaml", "csps", "--fail-on", "never", "-f", fmt, *to_file)
    assert result.exit_code == 0
    written = readable(folder / to_file[1]) if to_file else result.stdout
    assert "plan.yaml" in written
    assert "unlikely-folder-name" not in written
    assert str(tmp_path) not in written


@pytest.mark.slow  # a whole check per format, twice over
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_run_twice_rewrites_its_own_report_with_the_same_bytes(in_tmp, monkeypatch, fmt):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (in_tmp / "csps").mkdir()
    (in_tmp / "plan.yaml").write_text(MINIMAL_PLAN)
    (in_tmp / "csps" / "a.yaml").write_text(MINIMAL_CSP)
    target = f"out/report.{EXTENSION[fmt]}"
    args = ("check", *AS_OF, "plan.yaml", "csps", "--fail-on", "never", "-f", fmt, "-o", target)
    first = run(*args)
    assert first.exit_code == 0, first.stderr
    written = (in_tmp / target).read_bytes()
    assert written
    second = run(*args)
    assert second.exit_code == 0, second.stderr
    assert (in_tmp / target).read_bytes() == written
