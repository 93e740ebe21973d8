"""Normalisation: different spellings of the same words meet; the words as written survive."""

import pytest

from alignkit.match import load_vocabulary
from alignkit.match.normalise import stem


@pytest.fixture(scope="module")
def normaliser():
    return load_vocabulary().normaliser


def stems(normaliser, text):
    return normaliser.stems(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ASB", "anti-social behaviour"),
        ("Antisocial Behavior", "anti-social behaviour"),
        ("VAWG", "violence against women and girls"),
        ("vawg", "Violence Against Women and Girls"),
        ("DA", "domestic abuse"),
        ("Re-offending", "reoffending"),
        ("organized crime", "Organised Crime"),
        ("neighborhood programs", "neighbourhood programme"),
        ("Fraud & Cyber-Crime", "fraud and cybercrime"),
        ("offences", "offence"),
        ("victims’", "victim"),
        ("CSE", "child sexual exploitation"),
        ("Tackling County Lines", "tackle county line"),
    ],
)
def test_forms_of_the_same_words_meet(normaliser, a, b):
    assert stems(normaliser, a) == stems(normaliser, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("da", "domestic abuse"),  # two-letter acronyms only in capitals
        ("sv", "serious violence"),
        ("Prevent and tackle crime", "Prevent programme and tackle crime"),
    ],
)
def test_ordinary_words_are_not_read_as_acronyms(normaliser, a, b):
    assert stems(normaliser, a) != stems(normaliser, b)


def test_prevent_in_the_middle_of_a_title_is_the_programme(normaliser):
    assert "programm" in stems(normaliser, "Embed Prevent in mainstream activity")
    assert "programm" in stems(normaliser, "Prevent")
    assert "programm" not in stems(normaliser, "Prevent crime")


def test_tokens_keep_the_word_as_written(normaliser):
    tokens = normaliser.tokens("Tackling ASB")
    assert [t.surface for t in tokens] == ["Tackling", "ASB", "ASB", "ASB"]
    assert [t.stem for t in tokens][1:] == ["anti", "social", "behaviour"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("burglaries", "burglary"),
        ("stalking", "stalk"),
        ("harassment", "harassment"),
        ("gangs", "gang"),
        ("focusing", "focus"),
        ("travelling", "travell"),
        ("abuse", "abus"),
        ("bus", "bus"),
    ],
)
def test_stem(word, expected):
    assert stem(word) == expected
