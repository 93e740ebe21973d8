"""Start-up cost, as ratios measured side by side: `python -m benchmarks.startup`.

What a command costs is mostly what it imports. Each alignkit command is timed against a
bare Python that imports only the libraries the command really needs, alternating the two
so that a busy machine slows both alike; the figure is the ratio of the medians of CPU
time (user + system of the child process), which wall-clock noise does not move.

- `alignkit --version` against `python -c "import typer, rich"` (target: within 1.3x);
- `alignkit check` on the example area against importing its real dependencies, typer,
  rich, pydantic, yaml and rapidfuzz (target: within 2x);
- for context only (no target), the same check against importing them with pydantic's
  model machinery too (`from pydantic import BaseModel`): `import pydantic` alone is
  lazy and loads none of what any model needs, so this shows how much of the first
  ratio is pydantic's.

Results are recorded in docs/limits.md. This is a benchmark, not a test: timings belong
here, never in the test suite.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wessex"
RUNS = 31
"""Pairs of runs: the ratio moves by a few hundredths from one set of 15 to the next on a
shared machine; 31 steady it."""


@dataclass(frozen=True)
class Comparison:
    name: str
    command: list[str]
    baseline: list[str]
    target: float | None
    """None: shown for context, not held to a target."""


def _alignkit() -> list[str]:
    """The installed console script beside this Python, as users run it."""
    script = Path(sys.executable).with_name("alignkit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "alignkit"]


def comparisons() -> list[Comparison]:
    python = [sys.executable, "-c"]
    check = [
        "check",
        str(EXAMPLE / "plan.yaml"),
        str(EXAMPLE / "csps"),
        "--as-of",
        "2026-11-22",
        "--fail-on",
        "never",
        "--format",
        "json",
    ]
    return [
        Comparison(
            "alignkit --version",
            [*_alignkit(), "--version"],
            [*python, "import typer, rich"],
            1.3,
        ),
        Comparison(
            "alignkit check (example area)",
            [*_alignkit(), *check],
            [*python, "import typer, rich, pydantic, yaml, rapidfuzz"],
            2.0,
        ),
        Comparison(
            "alignkit check (example area)",
            [*_alignkit(), *check],
            [*python, "import typer, rich, yaml, rapidfuzz; from pydantic import BaseModel"],
            None,
        ),
    ]


def _environment() -> dict[str, str]:
    """The caller's environment, but with bytecode caching on: an installed alignkit has
    its .pyc files (pip compiles them, as it did the libraries the baseline imports), so
    a shell with PYTHONDONTWRITEBYTECODE set must not make every run compile alignkit's
    source again (about 0.1 s) while the baseline's bytecode is cached."""
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def cpu_seconds(command: list[str]) -> float:
    """User + system CPU time of one run of ``command`` (output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        command,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=_environment(),
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(comparison: Comparison, runs: int = RUNS) -> tuple[float, float]:
    """Median CPU seconds of (command, baseline), the two run alternately."""
    ours: list[float] = []
    theirs: list[float] = []
    cpu_seconds(comparison.command)  # warm the file cache and .pyc files first
    cpu_seconds(comparison.baseline)
    for _ in range(runs):
        ours.append(cpu_seconds(comparison.command))
        theirs.append(cpu_seconds(comparison.baseline))
    return statistics.median(ours), statistics.median(theirs)


def main(runs: int = RUNS) -> int:
    print(f"start-up, median CPU time of {runs} alternating runs")
    failed = False
    for comparison in comparisons():
        ours, theirs = measure(comparison, runs)
        ratio = ours / theirs
        if comparison.target is None:
            verdict = "(context, no target)"
        else:
            over = ratio > comparison.target
            verdict = f"(target {comparison.target}x) " + ("OVER TARGET" if over else "ok")
            failed |= over
        print(
            f"  {comparison.name:<32} {ours:.3f} s vs {theirs:.3f} s "
            f"({' '.join(comparison.baseline[1:])}): {ratio:.2f}x {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
