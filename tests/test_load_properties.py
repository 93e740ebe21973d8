"""Property-based tests: no text, bytes or structure makes the reader raise or hang.

Budgets are bounded so the suite stays quick in CI; set ALIGNKIT_FUZZ_EXAMPLES=3000 for a
longer local run (3,000 examples each passed when this was written).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignkit.diagnostics import Severity
from alignkit.load import load_source
from alignkit.validate import validate_paths

FAST = settings(
    max_examples=int(os.environ.get("ALIGNKIT_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

yaml_ish = st.text(
    alphabet=st.sampled_from(list("kind:-[]{}&*!|>'\"#%@` \t\n\r,?~abcxyz0129é£“”\u2028\ufeff")),
    max_size=200,
)


def _check_outcome(path: Path) -> None:
    source = load_source(path)
    if source.data is None:
        assert source.diagnostics, "an unreadable file must say why"
    for diagnostic in source.diagnostics:
        assert diagnostic.code.startswith("AK0")
        assert diagnostic.severity is Severity.ERROR
        assert diagnostic.message
        if diagnostic.position is not None:
            assert diagnostic.position.line >= 1
            assert diagnostic.position.column >= 1


@FAST
@given(text=st.one_of(yaml_ish, st.text(max_size=200)))
def test_any_text_is_read_or_refused_with_a_located_diagnostic(tmp_path, text):
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    _check_outcome(path)


@FAST
@given(data=st.binary(max_size=300))
def test_any_bytes_are_read_or_refused(tmp_path, data):
    path = tmp_path / "doc.yaml"
    path.write_bytes(data)
    _check_outcome(path)


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=30), st.dates().map(str)
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=12), children, max_size=4),
    ),
    max_leaves=20,
)
fields = st.sampled_from(
    [
        "kind",
        "id",
        "name",
        "force_area",
        "title",
        "objectives",
        "priorities",
        "regard",
        "plan",
        "tier",
        "responsible_authorities",
        "period",
        "supports",
        "meetings",
    ]
)
documents = st.dictionaries(fields, trees, max_size=8).map(
    lambda d: {"kind": "community-safety-partnership", **d}
)


@pytest.mark.slow  # hypothesis: hundreds of validations
@FAST
@given(document=documents)
def test_arbitrary_structures_never_crash_validation(tmp_path, document):
    path = tmp_path / "doc.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    result = validate_paths([path])
    for diagnostic in result.diagnostics:
        assert diagnostic.code.startswith("AK")
        assert diagnostic.path.endswith("doc.yaml")
