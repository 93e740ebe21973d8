"""The whole `alignkit check` as a user runs it, on generated force areas of growing size,
beside the floor and a peer validator: `python -m benchmarks.force_area`.

Each command runs as a process of its own, as a user or CI runs it, and is measured by
the CPU time (user + system) and peak resident memory of that process alone (os.wait4),
the median of a few runs, so a busy machine moves the figures little. Beside it:

- **the floor**: a Python process that reads the same files with PyYAML's C loader and
  runs one raw rapidfuzz `cdist` (token_set_ratio) of every priority against every
  objective: the least any tool that reads these files and compares these texts must do;
- **a peer validator**: `check-jsonschema` validating the same files against the JSON
  Schemas in `schemas/`, beside `alignkit validate` doing the same job.

The force areas follow the shape of real ones: a plan of 10 objectives and CSPs of 8
priorities each; and one CSP of 5,000 priorities. docs/limits.md quotes these figures.
This is a benchmark, not a test: timings never go into the test suite.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .national import _OBJECTIVE_HEADS, _TOPICS, _VERBS, SEED

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
OBJECTIVES = 10
PRIORITIES = 8
SIZES = (5, 20, 80, 320)
LARGE = 5_000
RUNS = 5
AS_OF = "2026-11-22"
CONFIG = "alignkit.toml"

TARGET_RATIO = 6.0  # the whole json check at 320 CSPs, against the floor
TARGET_MIB = 200.0
TARGET_LARGE_SECONDS = 8.0


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def write_area(folder: Path, csps: int, priorities: int = PRIORITIES) -> tuple[Path, Path]:
    """A plan and ``csps`` CSP files in ``folder``: (plan file, CSP folder)."""
    rng = random.Random(f"{SEED}-{csps}-{priorities}")
    lines = [
        "kind: police-and-crime-plan",
        "force_area: Benchshire",
        "title: Benchshire Police and Crime Plan 2025-2029",
        "period: 2025/26-2028/29",
        "objectives:",
    ]
    for k in range(OBJECTIVES):
        topics = rng.sample(_TOPICS, 2)
        lines += [
            f"  - id: P{k + 1}",
            f"    title: {_quoted(f'{rng.choice(_OBJECTIVE_HEADS)} {topics[0]} and {topics[1]}')}",
            f"    description: {_quoted('; '.join(rng.sample(_TOPICS, 3)))}",
        ]
    plan = folder / "plan.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The 5,000-priority file is over the default limit of items per document (500).
    (folder / CONFIG).write_text("[limits]\nitems = 10000\n", encoding="utf-8")
    csp_folder = folder / "csps"
    csp_folder.mkdir()
    for number in range(csps):
        lines = [
            "kind: community-safety-partnership",
            f"id: csp-{number}",
            f"name: Benchshire CSP {number}",
            "force_area: Benchshire",
            "plan:",
            "  period: 2025/26-2027/28",
            "priorities:",
        ]
        for k in range(priorities):
            lines += [
                f"  - id: C{k + 1}",
                f"    title: {_quoted(f'{rng.choice(_VERBS)} {rng.choice(_TOPICS)}')}",
                f"    description: {_quoted('; '.join(rng.sample(_TOPICS, 3)))}",
                f"    supports: [P{rng.randint(1, OBJECTIVES)}]",
            ]
        (csp_folder / f"csp-{number}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return plan, csp_folder


FLOOR = """
import sys, pathlib, yaml
from rapidfuzz import fuzz, process
plan, folder = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def text(e): return f"{e['title']} {e.get('description') or ''}"
def load(path): return yaml.load(path.read_text('utf-8'), Loader=yaml.CSafeLoader)
objectives = [text(o) for o in load(plan)['objectives']]
priorities = []
for path in sorted(folder.glob('*.yaml')):
    priorities += [text(p) for p in load(path)['priorities']]
process.cdist(priorities, objectives, scorer=fuzz.token_set_ratio)
"""


@dataclass(frozen=True)
class Measure:
    seconds: float
    """Median CPU seconds (user + system) of the process."""
    peak_mib: float
    """Largest peak resident memory of the runs."""


def _once(command: list[str]) -> tuple[float, float]:
    """CPU seconds and peak MiB of one run of ``command`` as a process of its own."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    error = child.stderr.read().decode() if child.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings at the failure level, which is fine here
        raise RuntimeError(f"{command[:4]} exited {code}: {error}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(*commands: list[str], runs: int = RUNS) -> list[Measure]:
    """Each command ``runs`` times, taking turns, so that a machine busier at one moment
    than another slows them alike; the median CPU time and the largest peak of each."""
    times: list[list[float]] = [[] for _ in commands]
    peaks: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            seconds, peak = _once(command)
            times[i].append(seconds)
            peaks[i].append(peak)
    return [Measure(statistics.median(t), max(p)) for t, p in zip(times, peaks, strict=True)]


def _alignkit() -> list[str]:
    script = Path(sys.executable).with_name("alignkit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "alignkit"]


def _check(plan: Path, csps: Path, *formats: tuple[str, Path]) -> list[str]:
    command = [*_alignkit(), "check", str(plan), str(csps), "--as-of", AS_OF]
    command += ["--fail-on", "never", "--force", "--config", str(plan.parent / CONFIG)]
    for name, out in formats:
        command += ["--format", name, "--output", str(out)]
    return command


def _validate(plan: Path, csps: Path) -> list[str]:
    config = str(plan.parent / CONFIG)
    return [*_alignkit(), "validate", str(csps), "--plan", str(plan), "--config", config]


def _peer(plan: Path, csps: Path) -> list[str] | None:
    script = Path(sys.executable).with_name("check-jsonschema")
    if not script.exists():
        return None
    files = sorted(str(p) for p in csps.glob("*.yaml"))
    schema = SCHEMAS / "community-safety-partnership.schema.json"
    return [str(script), "--schemafile", str(schema), *files]


@dataclass(frozen=True)
class Row:
    csps: int
    pairs: int
    json: Measure
    every_format: Measure
    floor: Measure
    validate: Measure
    peer: Measure | None


def run_area(folder: Path, csps: int, priorities: int = PRIORITIES) -> Row:
    plan, csp_folder = write_area(folder, csps, priorities)
    out = folder / "out"
    out.mkdir()
    every = [
        ("text", out / "r.txt"),
        ("markdown", out / "r.md"),
        ("html", out / "r.html"),
        ("json", out / "r.json"),
        ("github", out / "r.github.txt"),
        ("sarif", out / "r.sarif"),
        ("junit", out / "r.junit.xml"),
    ]
    peer = _peer(plan, csp_folder)
    # The json check and the floor take turns: their ratio is the figure that matters.
    json, floor = measure(
        _check(plan, csp_folder, ("json", out / "report.json")),
        [sys.executable, "-c", FLOOR, str(plan), str(csp_folder)],
        runs=RUNS,
    )
    return Row(
        csps,
        csps * priorities * OBJECTIVES,
        json,
        measure(_check(plan, csp_folder, *every))[0],
        floor,
        measure(_validate(plan, csp_folder))[0],
        measure(peer)[0] if peer else None,
    )


def _print(row: Row, name: str) -> None:
    peer = f"{row.peer.seconds:.2f} s" if row.peer else "(not installed)"
    print(
        f"  {name:>6} {row.pairs:>7,} {row.json.seconds:>7.2f} s {row.json.peak_mib:>4.0f} MiB"
        f" {row.every_format.seconds:>7.2f} s {row.every_format.peak_mib:>4.0f} MiB"
        f" {row.floor.seconds:>5.2f}s {_ratio(row.json, row.floor):>6}"
        f" {row.validate.seconds:>7.2f} s {peer:>17}",
        flush=True,
    )


def _ratio(a: Measure, b: Measure) -> str:
    return f"{a.seconds / b.seconds:.1f}x"


def report() -> bool:
    """Print the table; True when the targets hold."""
    print(
        f"\nThe whole check as a process (CPU s, median of {RUNS}; peak MiB), force areas of"
        f" {OBJECTIVES} objectives and CSPs of {PRIORITIES} priorities:"
    )
    header = (
        f"  {'CSPs':>6} {'pairs':>7} {'check json':>16} {'every format':>16} {'floor':>6}"
        f" {'ratio':>6} {'validate':>9} {'check-jsonschema':>17}"
    )
    print(header)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for csps in SIZES:
            folder = Path(tmp) / f"area-{csps}"
            folder.mkdir()
            rows.append(run_area(folder, csps))
            _print(rows[-1], f"{csps}")
            shutil.rmtree(folder)
        large_folder = Path(tmp) / "large"
        large_folder.mkdir()
        large = run_area(large_folder, 1, LARGE)
        _print(large, f"1x{LARGE}")
    first, last = rows[0], rows[-1]
    growth = (last.json.seconds - first.json.seconds) / (last.pairs - first.pairs) * 1e6
    print(f"  growth: {growth:.1f} us of CPU per extra pair from {first.csps} to {last.csps} CSPs")
    ratio = last.json.seconds / last.floor.seconds
    ok = (
        ratio <= TARGET_RATIO
        and last.json.peak_mib <= TARGET_MIB
        and large.json.seconds <= TARGET_LARGE_SECONDS
    )
    print(
        f"  targets: {last.csps} CSPs within {TARGET_RATIO:.0f}x the floor ({ratio:.1f}x) and"
        f" {TARGET_MIB:.0f} MiB ({last.json.peak_mib:.0f}); 1x{LARGE} within"
        f" {TARGET_LARGE_SECONDS:.0f} s ({large.json.seconds:.1f} s): {'met' if ok else 'NOT MET'}"
    )
    return ok


if __name__ == "__main__":
    sys.exit(0 if report() else 1)
