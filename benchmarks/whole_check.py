"""The whole `alignkit check` under load: a synthetic England and Wales on disk, and one
very large CSP file.

Unlike benchmarks/national.py (the matcher alone), this times everything a user waits
for: reading and validating the YAML, scoring, assessing and rendering every format.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from alignkit.check import run_check
from alignkit.match import Matcher
from alignkit.registry import format_names, rendered
from alignkit.validate import validate_paths

from .national import _OBJECTIVE_HEADS, _TOPICS, _VERBS, FORCES, SEED

AS_OF = dt.date(2026, 11, 22)
CSPS = 350


def _plan(force: int, rng: random.Random) -> str:
    lines = [
        "kind: police-and-crime-plan",
        f"force_area: Force {force}",
        f"title: Force {force} Police and Crime Plan 2025-2029",
        "period: 2025/26-2028/29",
        "objectives:",
    ]
    for k in range(8):
        topics = rng.sample(_TOPICS, 2)
        lines += [
            f"  - id: P{k + 1}",
            f'    title: "{rng.choice(_OBJECTIVE_HEADS)} {topics[0]} and {topics[1]}"',
            f'    description: "{"; ".join(rng.sample(_TOPICS, 3))}"',
        ]
    return "\n".join(lines) + "\n"


def _csp(force: int, number: int, rng: random.Random, priorities: int = 12, pad: int = 0) -> str:
    lines = [
        "kind: community-safety-partnership",
        f"id: csp-{force}-{number}",
        f"name: CSP {number} of Force {force}",
        f"force_area: Force {force}",
        "plan:",
        "  period: 2025/26-2027/28",
        "priorities:",
    ]
    for k in range(priorities):
        topic = rng.choice(_TOPICS)
        description = "; ".join(rng.sample(_TOPICS, 3))
        if pad:
            description = (description + " ") * (pad // (len(description) + 1) + 1)
        lines += [
            f"  - id: C{k + 1}",
            f'    title: "{rng.choice(_VERBS)} {topic}"',
            f'    description: "{description[: pad or None].strip()}"',
            f"    supports: [P{rng.randint(1, 8)}]",
        ]
    return "\n".join(lines) + "\n"


@dataclass
class WholeRun:
    csps: int
    seconds: float
    peak_mib: float
    findings: int


def time_whole_country(root: Path, csps: int = CSPS) -> WholeRun:
    """Every force area checked with every report format rendered, one after another."""
    rng = random.Random(SEED)
    for force in range(FORCES):
        folder = root / f"force-{force}"
        (folder / "csps").mkdir(parents=True)
        (folder / "plan.yaml").write_text(_plan(force, rng), encoding="utf-8")
    for number in range(csps):
        force = number % FORCES
        path = root / f"force-{force}" / "csps" / f"csp-{number}.yaml"
        path.write_text(_csp(force, number, rng), encoding="utf-8")
    matcher = Matcher()
    start = time.perf_counter()
    findings = 0
    for force in range(FORCES):
        folder = root / f"force-{force}"
        run = run_check(folder / "plan.yaml", [folder / "csps"], AS_OF, matcher)
        assert run.result is not None, "the synthetic documents must be valid"
        findings += len(run.result.findings)
        for name in format_names("report"):
            rendered("report", name, run.result)
    seconds = time.perf_counter() - start
    # Peak resident memory of the whole process (tracemalloc would slow the run threefold).
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return WholeRun(csps, seconds, peak_kib / 1024, findings)


def time_large_file(root: Path, megabytes: float = 5.0) -> tuple[float, float]:
    """Validate one CSP file of about ``megabytes`` MB: (size in MB, seconds)."""
    rng = random.Random(SEED)
    pad = int(megabytes * 1_000_000 / 400)
    path = root / "large.yaml"
    path.write_text(_csp(0, 0, rng, priorities=400, pad=pad), encoding="utf-8")
    start = time.perf_counter()
    result = validate_paths([path])
    seconds = time.perf_counter() - start
    assert result.valid, [d.message for d in result.diagnostics]
    return path.stat().st_size / 1_000_000, seconds


def report() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        whole = time_whole_country(root / "country")
        size, seconds = time_large_file(root)
    print(
        f"\nWhole check, synthetic England and Wales ({FORCES} force areas, {whole.csps} CSPs,"
        " every format rendered):"
    )
    print(
        f"  {whole.seconds:.1f} s wall time, peak resident memory {whole.peak_mib:.0f} MiB, "
        f"{whole.findings:,} findings"
    )
    print(f"  one {size:.1f} MB CSP file validated in {seconds:.2f} s (target: under 2 s)")


if __name__ == "__main__":
    report()
