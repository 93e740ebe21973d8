"""Scoring: small pairs whose answer is obvious to a community safety officer."""

import sys
from pathlib import Path

import pytest

from alignkit.match import Item, Matcher

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def matcher():
    return Matcher()


def score(matcher, priority, objective, description=None):
    p = Item.of("p", priority)
    o = Item.of("o", objective, description, side="objective")
    value = int(matcher.scorer.score([p], [o]).values[0, 0])
    return value, matcher.scorer.thresholds.status(value), matcher.explain(p, o, value)


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Tackling VAWG", "Protect women and girls"),
        ("County lines", "Disrupt drug supply and exploitation"),
        ("ASB", "Reduce anti-social behaviour"),
        ("Keeping young people safe", "Safeguarding children from criminal exploitation"),
        ("Domestic abuse and stalking", "Tackle violence against women and girls"),
        ("Knife crime", "Reverse the trend in serious violent crime"),
        ("Burglary", "Cut neighbourhood crime"),
        ("Reducing reoffending", "Integrated offender management"),
        ("Rural crime", "Protecting rural and isolated areas"),
        ("Embed Prevent", "Counter terrorism and extremism"),
        ("Road safety", "Make our roads safer"),
        ("Scams against older people", "Fraud"),
        ("Tackling serious youth violence", "Violence reduction"),
        ("Modern slavery", "Tackle exploitation"),
        ("Reducing harm from drugs and alcohol", "Addiction and substance misuse"),
        ("Supporting victims of crime", "Put victims at the heart of the justice system"),
        ("Preventing radicalisation", "Counter-terrorism"),
        ("Mental health crisis", "Protecting vulnerable people from harm"),
        ("Child sexual exploitation", "Protecting children"),
        ("Honour-based abuse and forced marriage", "Domestic abuse"),
        ("Shoplifting and attacks on shop workers", "Business and retail crime"),
        ("Stronger, more cohesive communities", "Engaging with our communities"),
    ],
)
def test_obvious_matches_are_aligned(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status == "aligned", (value, why.summary)
    assert why.themes or why.terms


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Road safety", "Cut crime"),
        ("Domestic abuse", "Tackle serious and organised crime"),
        ("Prevent", "Prevent and tackle crime"),
        ("Reduce reoffending", "Support victims and witnesses"),
        ("Hate crime", "Improve road safety"),
        ("Fraud", "Fight rural crime"),
        ("Drive down anti-social behaviour", "Improving safety on our roads"),
        ("Water safety", "Make our roads safer"),
        ("Knife crime", "Protect vulnerable people"),
        ("Cyber crime", "Visible neighbourhood policing"),
        ("Counter terrorism", "Disrupt serious and organised crime"),
        ("Fraud", "Tackle serious and organised crime"),
    ],
)
def test_unrelated_pairs_are_not_aligned(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status == "none", (value, why.summary)


@pytest.mark.parametrize(
    ("priority", "objective"),
    [
        ("Safer night-time economy", "Reduce alcohol-related harm"),
        ("Reduce crime", "Cut crime and anti-social behaviour"),
        ("Fraud", "Cyber crime"),
    ],
)
def test_related_but_different_is_partial(matcher, priority, objective):
    value, status, why = score(matcher, priority, objective)
    assert status == "partial", (value, why.summary)


def test_direction_matters_part_of_scores_above_takes_in(matcher):
    narrower, _, _ = score(matcher, "Domestic abuse", "Violence against women and girls")
    broader, _, _ = score(matcher, "Violence against women and girls", "Domestic abuse")
    assert narrower > broader


def test_description_counts_but_less_than_title(matcher):
    in_title, _, _ = score(matcher, "Hate crime", "Tackle hate crime")
    in_description, _, why = score(
        matcher, "Hate crime", "Put victims first", "Victims code; hate crime; witnesses"
    )
    assert in_title > in_description >= 75
    assert why.themes[0].objective_field == "description"


def test_explanation_says_through_which_words(matcher):
    _, _, why = score(
        matcher, "Tackling ASB in town centres", "Cut crime and anti-social behaviour"
    )
    link = why.themes[0]
    assert (link.priority_theme, link.relation) == ("anti-social behaviour", "same")
    assert (link.priority_words, link.objective_words) == ("ASB", "anti-social behaviour")
    assert "anti-social behaviour" in why.summary
    assert why.to_dict()["themes"][0]["priority_field"] == "title"


def test_scores_are_deterministic_and_independent_of_batch(matcher):
    p = [Item.of(f"p{i}", t) for i, t in enumerate(["ASB", "Knife crime", "Fraud"])]
    o = [
        Item.of(f"o{i}", t, side="objective")
        for i, t in enumerate(["Cut crime and ASB", "Fight violent crime"])
    ]
    together = matcher.scorer.score(p, o).values
    fresh = Matcher().scorer.score(p, o).values
    assert (together == fresh).all()
    for i, item in enumerate(p):
        assert (matcher.scorer.score([item], o).values[0] == together[i]).all()


def test_empty_inputs(matcher):
    assert matcher.scorer.score([], [Item.of("o", "x", side="objective")]).values.shape == (0, 1)
    assert matcher.scorer.score([Item.of("p", "x")], []).values.shape == (1, 0)


@pytest.mark.slow  # `make bench`'s cross-validation, every fold refitted: seconds
def test_cross_validated_accuracy_on_the_corpus_meets_the_bar():
    """Leave-one-force-area-out on the labelled corpus: the figures `make bench` prints."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.accuracy import CORPUS, load_cases
    from benchmarks.crossval import alignkit_fit, cross_validate

    result = cross_validate(load_cases(CORPUS), alignkit_fit(Matcher()))
    held_out = result.held_out
    assert held_out.f1 >= 0.90 and held_out.top1 >= 0.92, held_out.mistakes
    assert held_out.f1 <= result.in_sample.f1 + 1e-9  # held out never beats in-sample


def test_shipped_calibration_is_what_the_corpus_fits():
    """data/calibration.yaml holds the line `make bench` fits; refit after changing the
    matcher or the corpus, or this fails."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.accuracy import CORPUS, load_cases
    from benchmarks.crossval import alignkit_fit, best_threshold

    from alignkit.match.calibration import shipped

    cases = load_cases(CORPUS)
    score = alignkit_fit(Matcher())(cases)
    assert best_threshold(cases, {c.id: score(c) for c in cases}) == shipped().aligned_at


def test_calibration_keeps_the_order_and_puts_the_line_at_75():
    from alignkit.match.calibration import Calibration

    calibration = Calibration(aligned_at=64)
    assert calibration.score(0.64) == 75
    assert calibration.score(0.0) == 0 and calibration.score(1.0) == 100
    values = [calibration.score(x / 100) for x in range(101)]
    assert values == sorted(values)


def test_every_aligned_pair_of_the_corpus_says_why():
    sys.path.insert(0, str(ROOT))
    from benchmarks.accuracy import CORPUS, case_items, load_cases

    matcher = Matcher()
    for case in load_cases(CORPUS):
        priorities, objectives = case_items(matcher, case)
        values = matcher.scorer.score(priorities, objectives).values
        for i, p in enumerate(priorities):
            for j, o in enumerate(objectives):
                if values[i, j] >= matcher.scorer.thresholds.aligned:
                    why = matcher.explain(p, o, int(values[i, j]))
                    assert why.themes or why.terms, (case.id, p.key, o.key)


@pytest.mark.slow  # the benchmark's path: a check of every case of the development set
def test_development_set_through_check_json_as_the_held_out_set_is_scored():
    """YAML files written from each case (empty descriptions as ''), scored by
    `alignkit check --format json`: the path the held-out evaluation takes."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.accuracy import load_cases, raw_cases
    from benchmarks.through_cli import evaluate_through_cli

    figures = evaluate_through_cli(load_cases(), raw_cases())
    assert figures.f1 >= 0.85 and figures.top1 >= 0.90, figures.mistakes


def test_one_score_and_many_round_alike():
    """Explanations calibrate one strength at a time, the scorer a whole array: a link
    shown at 75 must be the same 75 the pair scored."""
    import numpy as np

    from alignkit.match.calibration import Calibration

    for line in (50.0, 64.0, 67.5, 75.0):
        calibration = Calibration(aligned_at=line)
        strengths = np.linspace(0.0, 1.0, 2001)
        many = calibration.scores(strengths).tolist()
        assert many == [calibration.score(float(s)) for s in strengths]


def test_plain_and_dense_scorers_give_the_same_strengths_and_scores():
    """A force area is scored in plain Python, very large tables with numpy (`dense.py`):
    both must give the same floats to the last bit, so a report never depends on how
    many pairs were scored at once. Every priority of the labelled corpus against every
    objective of every case (shorthand, general aims, words alone all occur there)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.accuracy import CORPUS, case_items, load_cases

    from alignkit.match.dense import DenseScorer
    from alignkit.match.scoring import DENSE_FROM

    matcher = Matcher()
    scorer = matcher.scorer
    dense = DenseScorer(scorer)
    priorities: list[Item] = []
    objectives: list[Item] = []
    for case in load_cases(CORPUS):
        ps, os = case_items(matcher, case)
        priorities += ps
        objectives += os
    p_profiles = [scorer.profile(p) for p in priorities]
    o_profiles = [scorer.profile(o) for o in objectives]
    plain = scorer._strength_rows(p_profiles, o_profiles)
    assert dense.strengths(p_profiles, o_profiles).tolist() == plain
    assert dense.scores(p_profiles, o_profiles) == scorer.score(priorities, objectives).rows
    # the corpus exercises every part: lexical-only links, general aims, second themes
    assert any(p.lexical for p in p_profiles) and any(o.general for o in o_profiles)
    assert len(p_profiles) * len(o_profiles) < DENSE_FROM  # the plain path was the one taken


def _relation_by_asking_every_pair(vocabulary, ancestors):
    """The relation table as its definition reads: every pair of themes asked in turn."""
    from alignkit.match import scoring as s

    themes = vocabulary.themes
    size = len(themes)
    table = [[0.0] * size for _ in range(size)]
    for t in range(size):
        for u in range(size):
            umbrella = themes[t].umbrella or themes[u].umbrella
            if t == u:
                value = s.UMBRELLA_SAME if umbrella else s.SAME
            elif u in ancestors[t]:
                far = ancestors[t][u] > 1
                value = s.OBJECTIVE_BROADER_FAR if far else s.OBJECTIVE_BROADER
                value = s.UMBRELLA_LINK if umbrella else value
            elif t in ancestors[u]:
                far = ancestors[u][t] > 1
                value = s.OBJECTIVE_NARROWER_FAR if far else s.OBJECTIVE_NARROWER
                value = s.UMBRELLA_LINK if umbrella else value
            elif u in themes[t].related or t in themes[u].related:
                value = s.RELATED
            elif any(p in themes[u].broader and not themes[p].umbrella for p in themes[t].broader):
                value = s.SIBLINGS
            else:
                value = 0.0
            table[t][u] = value
    return table


def _random_vocabulary(seed: int):
    import random

    from alignkit.match.normalise import Normaliser
    from alignkit.match.vocabulary import Theme, Vocabulary

    rng = random.Random(seed)
    size = rng.randint(1, 40)
    themes = []
    for i in range(size):
        # broader themes only among earlier ones: no loops, as the vocabulary requires
        broader = tuple(rng.sample(range(i), rng.randint(0, min(i, 3))))
        related = tuple(rng.sample(range(size), rng.randint(0, 3)))
        themes.append(Theme(i, f"t{i}", f"t{i}", rng.random() < 0.2, 1.0, broader, related))
    return Vocabulary(
        tuple(themes), Normaliser({}, frozenset(), {}), frozenset(), frozenset(), {}, {}
    )


@pytest.mark.parametrize("seed", range(60))
def test_the_relation_table_is_every_pair_asked_in_turn(seed):
    from alignkit.match.scoring import relation_matrix

    vocabulary = _random_vocabulary(seed)
    ancestors = [vocabulary.ancestors(i) for i in range(len(vocabulary.themes))]
    assert relation_matrix(vocabulary, ancestors) == _relation_by_asking_every_pair(
        vocabulary, ancestors
    )


def test_the_shipped_vocabularys_relation_table_is_every_pair_asked_in_turn(matcher):
    scorer = matcher.scorer
    expected = _relation_by_asking_every_pair(scorer.vocabulary, scorer.ancestors)
    assert scorer.relation_rows == expected
    assert sum(v != 0 for row in expected for v in row) > 2 * len(expected)  # links exist
