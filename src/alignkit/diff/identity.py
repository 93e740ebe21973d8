"""Which thing on one side is which on the other.

A finding is the same finding when its code, partnership, priority and objective are the
same: never its line or column, which move whenever someone edits the file above it. When
HEAD's plan replaces BASE's and declares where each old objective went (`supersedes`),
BASE's objective ids are read through that mapping first, so a renumbered objective's
gap is the same gap, not one closed and another opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models.report import CheckReport, FindingReport

Key = tuple[str, str | None, str | None, str | None]
"""(code, csp, priority, objective): a finding's identity."""


@dataclass(frozen=True)
class Translation:
    """BASE's objective ids to HEAD's."""

    mapping: dict[str, list[str]]

    def ids(self, objective: str) -> list[str]:
        """HEAD's ids for BASE's ``objective``: itself unless the mapping moves it."""
        if objective in self.mapping:
            return list(self.mapping[objective])
        return [objective]

    def one(self, objective: str) -> str | None:
        """HEAD's single id for ``objective``; None when it was dropped or split."""
        ids = self.ids(objective)
        return ids[0] if len(ids) == 1 else None


def translation(base: CheckReport, head: CheckReport) -> Translation:
    """HEAD's supersedes mapping, when this change brings it: a BASE that already declared
    the same mapping already uses the new ids, and reading them again would move them."""
    mapping = head.plan.supersedes_mapping or {}
    if base.plan.supersedes_mapping == mapping:
        return Translation({})
    return Translation(dict(mapping))


def key(finding: FindingReport) -> Key:
    return (finding.code, finding.csp, finding.priority, finding.objective)


def base_keys(finding: FindingReport, moved: Translation) -> list[Key]:
    """The identities a BASE finding may have in HEAD: one per objective it became, or its
    own when the objective was dropped (so the finding closes)."""
    if finding.objective is None:
        return [key(finding)]
    ids = moved.ids(finding.objective) or [finding.objective]
    return [(finding.code, finding.csp, finding.priority, o) for o in ids]


Pairing = tuple[FindingReport | None, FindingReport | None]


def pair_findings(
    base: Sequence[FindingReport], head: Sequence[FindingReport], moved: Translation
) -> list[Pairing]:
    """(before, after) for every finding on either side: both set when it is the same
    finding, one None when the change opened or closed it.

    Several findings may share an identity (a plan-wide rule that fires twice): those with
    the same message pair first, the rest in order, so multiplicity is kept.
    """
    waiting: dict[Key, list[FindingReport]] = {}
    for finding in head:
        waiting.setdefault(key(finding), []).append(finding)
    pairs: list[Pairing] = []
    for before in base:
        candidates = [f for k in base_keys(before, moved) for f in waiting.get(k, [])]
        if not candidates:
            pairs.append((before, None))
            continue
        after = next((f for f in candidates if f.message == before.message), candidates[0])
        waiting[key(after)].remove(after)
        pairs.append((before, after))
    opened = {id(f) for found in waiting.values() for f in found}
    pairs += [(None, f) for f in head if id(f) in opened]
    return pairs
