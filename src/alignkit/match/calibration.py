"""From the matcher's raw strength to the score reports show.

The raw strength's natural line between 'aligned' and not is whatever the corpus says it
is; users, the docs and every configuration speak of scores where 75 is aligned. A
piecewise-linear map joins the two: fitted strength -> 75, 0 -> 0, 100 -> 100. It is
monotone, so it never changes which objective ranks first.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ..load.package_data import read_package_yaml

if TYPE_CHECKING:  # numpy only for whole tables (the dense scorer, the benchmarks)
    import numpy as np
    from numpy.typing import NDArray

CALIBRATION = "calibration.yaml"


class Calibration(NamedTuple):
    aligned_at: float
    """Raw strength (0-100) fitted as the line for 'aligned'."""
    aligned_score: float = 75.0
    """The score that line is shown as."""

    def scores(self, strengths: NDArray[np.float64]) -> NDArray[np.int16]:
        """Raw strengths (0-1) to whole scores (0-100)."""
        import numpy as np

        mapped = np.interp(
            100 * strengths, [0.0, self.aligned_at, 100.0], [0.0, self.aligned_score, 100.0]
        )
        return np.rint(mapped).astype(np.int16)

    def score(self, strength: float) -> int:
        """One strength (0-1) to its score: the same line as ``scores``, without numpy's
        per-call cost (explanations call this for every link they show)."""
        x = min(max(100 * strength, 0.0), 100.0)
        # numpy.interp's own arithmetic, so that both ways round alike.
        if x < self.aligned_at:
            x0, x1, y0, y1 = 0.0, self.aligned_at, 0.0, self.aligned_score
        else:
            x0, x1, y0, y1 = self.aligned_at, 100.0, self.aligned_score, 100.0
        slope = (y1 - y0) / (x1 - x0)
        return round(slope * (x - x0) + y0)


IDENTITY = Calibration(aligned_at=75.0)
"""No calibration: raw strengths as they are (benchmarks fit their own line)."""


@cache
def shipped() -> Calibration:
    """The calibration fitted on the labelled corpus, shipped as package data."""
    data = read_package_yaml(CALIBRATION)
    return Calibration(float(data["aligned_at"]), float(data["aligned_score"]))
