"""The vocabulary: the shipped one is sound, users can extend it, mistakes are clear errors."""

import pytest

from alignkit.match import Matcher, VocabularyError, load_vocabulary


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


def test_shipped_vocabulary_has_the_themes_the_field_needs(vocabulary):
    ids = {t.id for t in vocabulary.themes if not t.umbrella}
    assert len(ids) >= 30
    for needed in [
        "anti-social-behaviour",
        "domestic-abuse",
        "vawg",
        "serious-violence",
        "county-lines",
        "exploitation",
        "hate-crime",
        "extremism",
        "fraud",
        "rural-crime",
        "road-safety",
        "reoffending",
        "victims",
        "vulnerability",
    ]:
        assert needed in ids


def test_hierarchy(vocabulary):
    def broader(theme_id):
        return {
            vocabulary.themes[i].id for i in vocabulary.ancestors(vocabulary.theme(theme_id).index)
        }

    assert {"vawg", "high-harm"} <= broader("domestic-abuse")
    assert {"exploitation", "drug-supply", "drugs"} <= broader("county-lines")
    assert "exploitation" in broader("child-sexual-exploitation")
    assert "serious-violence" in broader("knife-crime")


def test_longest_phrase_wins(vocabulary):
    matcher = Matcher(vocabulary)
    assert matcher.themes_of("Be tough on domestic violence") == ["domestic abuse"]
    assert matcher.themes_of("Reduce the number killed and seriously injured") == ["road safety"]


def write(tmp_path, text, name="terms.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_terms_extend_a_theme_and_add_a_new_one(tmp_path):
    extra = write(
        tmp_path,
        "version: 1\n"
        "themes:\n"
        "  - id: anti-social-behaviour\n"
        "    terms: [boy racers]\n"
        "  - id: water-safety\n"
        "    label: water safety\n"
        "    terms: [water safety, drowning, open water]\n",
    )
    matcher = Matcher.with_files([extra])
    assert matcher.themes_of("Boy racers on the seafront") == ["anti-social behaviour"]
    assert matcher.themes_of("Preventing drowning in open water") == ["water safety"]
    assert Matcher().themes_of("Boy racers on the seafront") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "version: 1\nthemes:\n  - id: x\n    label: X\n    terms: [a]\n    broadr: [y]\n",
            "terms.yaml:6:5: themes.0.broadr: Extra inputs are not permitted",
        ),
        ("version: 2\n", "terms.yaml:1:10: version: Input should be less than or equal to 1"),
        (
            "version: 1\nthemes:\n  - id: new-one\n    terms: [a]\n",
            "theme 'new-one': a new theme needs a label",
        ),
        (
            "version: 1\nthemes:\n  - id: y\n    label: Y\n    terms: [a]\n    broader: [nowhere]\n",
            "theme 'y': broader names unknown theme 'nowhere'",
        ),
        (
            "version: 1\nthemes:\n  - id: Bad Id\n    label: Y\n    terms: [a]\n",
            "terms.yaml:3:9: themes.0.id: String should match pattern",
        ),
        ("version: 1\nthemes: [\n", "terms.yaml:"),
    ],
)
def test_malformed_vocabulary_is_a_clear_error(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary([path])
    assert any(
        problem.startswith(message) or message in problem for problem in caught.value.problems
    ), caught.value.problems


def test_loop_in_broader_is_an_error(tmp_path):
    path = write(
        tmp_path,
        "version: 1\nthemes:\n"
        "  - id: a\n    label: A\n    terms: [aaa]\n    broader: [b]\n"
        "  - id: b\n    label: B\n    terms: [bbb]\n    broader: [a]\n",
    )
    with pytest.raises(VocabularyError, match="loop"):
        load_vocabulary([path])


def test_the_shipped_vocabulary_reads_the_same_fast_and_with_positions():
    """Start-up reads the shipped vocabulary with libyaml and no positions; a user's file is
    read with positions. Both must give the same vocabulary (YAML 1.1 would turn a term
    such as 'on' or '101' into a bool or a number)."""
    from alignkit.match.vocabulary_file import (
        builtin_source,
        builtin_vocabulary_file,
        read_vocabulary_file,
    )

    fast = builtin_vocabulary_file()
    assert fast == read_vocabulary_file(builtin_source())
    assert len(fast.themes) > 50 and fast.weak_words
