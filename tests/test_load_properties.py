"""Property-based tests: no text, bytes or structure makes the reader raise or hang.

Budgets are bounded so the suite stays quick in CI; set ALIGNKIT_FUZZ_EXAMPLES=3000 for a
longer local run (3,000 examples each passed when this was written).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignkit.diagnostics import Severity
from alignkit.load import DEFAULT_LIMITS, Limits, load_source
from alignkit.validate import validate_paths

# The module, not the function of the same name that alignkit.load exports.
compose_module = importlib.import_module("alignkit.load.compose")

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


def _composed_both_ways(text: str, monkeypatch: pytest.MonkeyPatch, limits: Limits) -> list[object]:
    """What compose makes of ``text`` (values, locations, diagnostics, or the error) with
    plain scalars read by the short path and by the general one."""
    outcomes: list[object] = []
    for fast in (True, False):
        monkeypatch.setattr(compose_module, "_FAST_SCALARS", fast)
        try:
            composed = compose_module.compose(text, "doc.yaml", limits)
        except compose_module.ComposeError as exc:
            outcomes.append(("error", exc.diagnostic))
        else:
            outcomes.append((composed.data, composed.locations, composed.diagnostics))
    return outcomes


# YAML that uses what the short path leaves to the general one: tags, anchors, aliases,
# nulls written every way, quoting styles, nesting, duplicate keys, merge keys.
yaml_structures = st.lists(
    st.sampled_from(
        [
            "a: 1\n",
            "a: ~\n",
            "b: null\n",
            "c: ''\n",
            'd: "null"\n',
            "e: !!str 7\n",
            "f: !!null x\n",
            "g: &x hello\n",
            "h: *x\n",
            "i: [1, ~, '', &y z, *y]\n",
            "j:\n  - k\n  - {l: m, n: ~}\n",
            "a: duplicate\n",
            "<<: {p: q}\n",
            "o: !custom v\n",
            "p:\n  q:\n    r:\n      s: deep\n",
            "- seq\n",
            "t: |\n  block\n",
            "u: >\n  folded\n",
            "v: Null\n",
            "w: NULL\n",
        ]
    ),
    max_size=10,
).map("".join)


@FAST
@given(text=st.one_of(yaml_structures, yaml_ish))
def test_plain_scalars_read_the_short_way_as_the_general_way(text, monkeypatch):
    fast, general = _composed_both_ways(text, monkeypatch, DEFAULT_LIMITS)
    assert fast == general


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("a:\n  b:\n    c: d\n", Limits(max_depth=2)),
        ("a:\n  - b\n  - c\n", Limits(max_depth=2)),
        ("a: b\nc: d\ne: f\n", Limits(max_nodes=3)),
        ("[a, b, c, d]\n", Limits(max_nodes=3)),
    ],
)
def test_limits_on_plain_scalars_are_reported_alike(text, limits, monkeypatch):
    fast, general = _composed_both_ways(text, monkeypatch, limits)
    assert fast == general
    assert fast[0] == "error"  # each text is over its limit on a plain scalar
