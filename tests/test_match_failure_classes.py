"""The failure classes matching showed on plans it had never seen, stated as a community
safety officer would state them. The wording here is new: none of it is a corpus case."""

import pytest

from alignkit.match import Matcher, objective_item, priority_item


@pytest.fixture(scope="module")
def matcher():
    return Matcher()


def score(matcher, priority, objective, description=None, *, area="Wessex", csp="Northdown"):
    p = priority_item("p", priority, None, matcher.place_words(area, csp))
    o = objective_item("o", objective, description, places=matcher.place_words(area))
    value = int(matcher.scorer.score([p], [o]).values[0, 0])
    return value, matcher.scorer.thresholds.status(value), matcher.explain(p, o, value)


# --- general aim against general aim ------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Cutting crime", "Reduce crime and disorder"),
        ("Lower crime levels", "Reducing crime"),
        ("Safer neighbourhoods", "A safer Wessex"),
        ("Make Northdown safer", "Safer communities"),
        ("Stronger, safer communities", "Safe and secure communities"),
        ("Reduce crime and disorder", "Stronger, safer communities"),
        ("Partnership working", "Work in partnership with other agencies"),
    ],
)
def test_two_general_aims_saying_the_same_thing_are_a_match(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status == "aligned", (value, why.summary)
    assert why.summary.startswith("both general aims"), why.summary


def test_an_identical_general_title_is_a_full_match(matcher):
    value, _, why = score(matcher, "Reducing crime", "Reducing crime")
    assert value == 100, why.summary


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        # A general aim never stands in for a specific one, in either direction.
        ("Domestic abuse", "Reduce crime"),
        ("Reducing crime", "Tackle domestic abuse"),
        # Words the vocabulary does not know are a subject of their own, not a general aim.
        ("Beach and river safety campaigns", "Preventing and fighting crime"),
        ("Tackling inequality in everything the partnership does", "Work in partnership"),
    ],
)
def test_a_general_aim_is_not_a_specific_one(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status != "aligned", (value, why.summary)


# --- intent synonyms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Safeguarding adults at risk", "Protecting vulnerable people"),
        ("People at risk of harm", "Safeguard the vulnerable"),
        ("Keep children safe online", "Protecting children"),
        ("Increasing feelings of safety", "Build trust and confidence in policing"),
        ("Perceptions of safety in the town", "Public confidence"),
        ("Resilient neighbourhoods", "Building community resilience"),
        ("Managing offending behaviour", "Reduce reoffending"),
        ("IOM", "Cut reoffending"),
    ],
)
def test_the_same_intent_in_other_words_is_a_match(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status == "aligned", (value, why.summary)


# --- is-a links -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Coercive control", "Violence"),
        ("Rape and sexual assault", "Reduce violence"),
        ("Serious youth violence", "Violence"),
        ("Weapon carrying", "Violence"),
        ("Speeding through villages", "Road safety"),
        ("Careless and dangerous drivers", "Safer roads"),
        ("Drink driving", "Reduce road casualties"),
    ],
)
def test_a_member_serves_the_whole(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status == "aligned", (value, why.summary)
    assert why.themes and why.themes[0].relation in ("part-of", "same"), why.summary


def test_the_whole_only_partly_serves_one_member(matcher):
    value, status, why = score(matcher, "Violence", "Reduce stalking and harassment")
    assert status == "partial", (value, why.summary)
    assert why.themes[0].relation == "covers"


# --- siblings are not parents ------------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Modern slavery", "Disrupt organised crime groups"),
        ("Burglary", "Protect residents from fraud"),
        ("Knife crime", "Tackle sexual violence"),
        ("Domestic abuse", "Reduce serious violence and knife crime"),
        ("Street robbery", "Vehicle crime"),
        ("Stalking", "Domestic homicide"),
    ],
)
def test_two_members_of_one_family_are_not_the_same_theme(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status != "aligned", (value, why.summary)


def test_a_specific_objective_mentioning_the_family_name_is_still_specific(matcher):
    """'violence' later in a serious-violence objective is shorthand for serious violence,
    so a domestic abuse priority does not serve it."""
    value, status, why = score(
        matcher,
        "Domestic abuse",
        "Reduce serious violence and knife crime",
        "Prevent violence before it happens; violence in the night-time economy",
    )
    assert status != "aligned", (value, why.summary)


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Fraud against vulnerable older people", "Protecting vulnerable people"),
        ("Burglary: supporting victims", "Put victims first"),
        ("Shoplifting: prosecuting the offenders", "Reduce reoffending"),
        ("Drug dealing near schools", "Children and young people"),
    ],
)
def test_a_who_word_in_a_crime_priority_does_not_make_it_about_the_who(
    matcher, priority, objective
):
    value, status, why = score(matcher, priority, objective)
    assert status != "aligned", (value, why.summary)


def test_an_objective_naming_a_group_does_take_it_in(matcher):
    value, status, why = score(
        matcher, "Safeguarding adults", "Protect vulnerable people from exploitation"
    )
    assert status == "aligned", (value, why.summary)


# --- bare one- or two-word objectives ----------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "objective", "theme"),
    [
        ("Safeguarding adults", "People", "vulnerability and safeguarding"),
        ("Supporting victims of crime", "Protecting People", "victims and witnesses"),
        ("Safer town centres and high streets", "Places", "public places and town centres"),
        ("Burglary", "Property", "neighbourhood crime"),
        ("Substance misuse", "Drugs", "drugs, alcohol and substance misuse"),
    ],
)
def test_a_bare_objective_covers_what_its_words_ordinarily_cover(
    matcher, priority, objective, theme
):
    value, status, why = score(matcher, priority, objective)
    assert status == "aligned", (value, why.summary)
    assert why.themes[0].objective_theme == theme
    assert f"the objective's bare title '{objective.split()[-1]}' read as" in why.summary
    assert "ordinarily covers" in why.to_dict()["themes"][0]["reading"]


def test_a_bare_reading_is_only_for_bare_titles(matcher):
    """'People' in a longer objective with a description is just a word."""
    value, status, why = score(
        matcher,
        "Safeguarding adults",
        "Help people get about safely",
        "Buses, footpaths and cycle routes",
    )
    assert status == "none", (value, why.summary)


# --- places are where, not what ---------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Safer rural roads", "Tackle rural and wildlife crime"),
        ("Violence in the town centre", "Make public places safer for women and girls"),
        ("Theft of farm machinery", "Cut neighbourhood crime"),
        ("Fly-tipping: prosecuting offenders", "Perpetrator programmes"),
    ],
)
def test_where_or_who_does_not_carry_a_match(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status != "aligned", (value, why.summary)


def test_non_domestic_violence_is_not_domestic_abuse(matcher):
    value, status, why = score(matcher, "Non-domestic violence with injury", "Domestic abuse")
    assert status != "aligned", (value, why.summary)
    _, status, _ = score(matcher, "Non-domestic violence with injury", "Violence")
    assert status == "aligned"


# --- explanations name what decided the score ---------------------------------------------


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Cutting crime", "Reduce crime and disorder"),
        ("Coercive control", "Violence"),
        ("Safeguarding adults", "People"),
        ("Careless and dangerous drivers", "Safer roads"),
    ],
)
def test_every_aligned_pair_says_why(matcher, priority, objective):
    _, status, why = score(matcher, priority, objective)
    assert status == "aligned"
    assert why.themes or why.terms
    assert why.summary != "no shared theme or words"
