"""Diagnostics and findings are values: compared by what they hold, never changed once
made (``replace`` makes a copy), as the frozen dataclasses they replaced were."""

from __future__ import annotations

import datetime as dt

import pytest

from alignkit.assess.findings import Finding, WaiverNote
from alignkit.diagnostics import Diagnostic, Position, Severity
from alignkit.importer.cells import CellDiagnostic, CellRef


def _finding() -> Finding:
    return Finding(
        "AK301", Severity.WARNING, "a gap", "csps/n.yaml", Position(3, 5), "hint", "n", "P1", "O1"
    )


def test_replace_makes_a_changed_copy_and_leaves_the_original():
    original = _finding()
    changed = original.replace(severity=Severity.ERROR, csp="s")
    assert type(changed) is Finding
    assert (changed.severity, changed.csp, changed.priority) == (Severity.ERROR, "s", "P1")
    assert (original.severity, original.csp) == (Severity.WARNING, "n")
    with pytest.raises(TypeError, match="no colour"):
        original.replace(colour="red")


def test_equal_by_kind_and_every_value():
    assert _finding() == _finding() and hash(_finding()) == hash(_finding())
    assert _finding() != _finding().replace(objective="O2")
    assert _finding() != _finding().replace(
        waiver=WaiverNote("agreed", None, dt.date(2027, 3, 31), "x:1:1")
    )
    plain = Diagnostic("AK301", Severity.WARNING, "a gap", "csps/n.yaml", Position(3, 5), "hint")
    assert plain != _finding().replace(csp=None, priority=None, objective=None)
    assert len({_finding(), _finding(), plain}) == 2
    assert repr(plain).startswith("Diagnostic(code='AK301', severity=")


def test_a_cell_diagnostic_keeps_its_cell_through_replace():
    cell = CellRef(0, "Priorities", 7, 2)
    diagnostic = CellDiagnostic("AK101", Severity.ERROR, "missing", "plan.xlsx", None, None, cell)
    moved = diagnostic.replace(path="other.xlsx")
    assert moved.cell == cell and moved.location() == "other.xlsx:Priorities!B7"
