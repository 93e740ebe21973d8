"""policy: what the repository decides about findings, after the assessment.

Severity overrides, waivers and the baseline that writes waivers all read the
configuration and the assessment's findings; they live here, above both, so the
configuration never imports the assessment.
"""

from __future__ import annotations

from .baseline import baseline_waivers
from .waivers import apply_policy

__all__ = ["apply_policy", "baseline_waivers"]
