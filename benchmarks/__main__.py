"""`python -m benchmarks` (or `make bench`): accuracy on the development set, then speed."""

from __future__ import annotations

import subprocess
import sys

from alignkit.match import Matcher

from .accuracy import Figures, alignkit_scorer, best_baseline, evaluate, load_cases, raw_cases
from .national import CSPS, synthetic_country, time_all_pairs, time_per_force
from .through_cli import evaluate_through_cli


def _row(name: str, f: Figures) -> str:
    return (
        f"  {name:<34} {f.precision:>9.2f} {f.recall:>6.2f} {f.f1:>5.2f} {f.top1:>6.2f}"
        f" {f.gap_accuracy:>8.2f}"
    )


def accuracy() -> Figures:
    cases = load_cases()
    matcher = Matcher()
    ours = evaluate(cases, alignkit_scorer(matcher))
    threshold, baseline = best_baseline(cases)
    pairs = sum(len(c.priorities) * len(c.objectives) for c in cases)
    priorities = sum(len(c.priorities) for c in cases)
    print(f"Development set: {len(cases)} cases, {priorities} priorities, {pairs} pairs")
    print(
        f"  ('aligned' at score >= {matcher.scorer.thresholds.aligned}; weak pairs ignored;"
        f" top-1 over {ours.top1_of} priorities, gap accuracy over {ours.gaps})"
    )
    print(f"  {'':<34} {'precision':>9} {'recall':>6} {'F1':>5} {'top-1':>6} {'gap acc.':>8}")
    print(_row("alignkit", ours))
    print(_row(f"token_set_ratio baseline (>= {threshold:.0f})", baseline))
    print(_row("alignkit check --format json", evaluate_through_cli(cases, raw_cases())))
    if ours.mistakes:
        print("  Mistakes:")
        for line in ours.mistakes:
            print(f"    {line}")
    return ours


def speed(quick: bool) -> None:
    sizes = [CSPS // 8, CSPS // 4] if quick else [CSPS // 2, CSPS]
    print("\nNational scale (synthetic; 43 plans x 8 objectives, CSPs x 12 priorities):")
    country = synthetic_country(sizes[-1])
    own = time_per_force(country)
    print(
        f"  each CSP against its own force's plan: {own.pairs:,} pairs in {own.seconds:.2f} s"
        f" (raw cdist {own.cdist_seconds:.2f} s, {own.ratio:.1f}x), peak {own.peak_mib:.0f} MiB"
    )
    for csps in sizes:
        t = time_all_pairs(synthetic_country(csps))
        print(
            f"  all pairs, {csps} CSPs: {t.pairs:,} pairs in {t.seconds:.2f} s"
            f" ({t.microseconds_per_pair:.2f} us/pair); raw cdist {t.cdist_seconds:.2f} s;"
            f" ratio {t.ratio:.2f}x; peak {t.peak_mib:.0f} MiB"
        )


def main(argv: list[str]) -> int:
    ours = accuracy()
    speed(quick="--quick" in argv)
    # In a process of its own, so its peak memory is its own and not the matcher runs'.
    subprocess.run([sys.executable, "-m", "benchmarks.whole_check"], check=True)
    return 0 if ours.f1 >= 0.85 and ours.top1 >= 0.90 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
