import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decisions.wizard import scoring
from offers.compensation import Package
from offers.exchange import Rate, Rates

FACTORS = ["money", "culture", "people", "growth", "freedom"]
OFFERS = ["first", "second", "third"]


def _ratings(by_offer: dict) -> dict:
    """{offer: [rating per factor]} as {(factor, offer): rating}."""
    return {
        (factor, offer): scores[i]
        for offer, scores in by_offer.items()
        for i, factor in enumerate(FACTORS)
    }


def _scores(weights: list, ratings: dict) -> dict:
    weights = dict(zip(FACTORS, weights, strict=True))
    return scoring.weighted_scores(weights, _ratings(ratings), OFFERS)


# Hypothesis: any weights with at least one above 0, any ratings for every factor and offer.
weights_st = st.lists(st.integers(0, 5), min_size=5, max_size=5).filter(any)
ratings_st = st.fixed_dictionaries(
    {offer: st.lists(st.integers(1, 5), min_size=5, max_size=5) for offer in OFFERS}
)


def test_the_score_is_weight_times_rating_over_the_best_possible():
    weights = dict(zip(FACTORS, [5, 3, 0, 2, 0], strict=True))
    ratings = _ratings({"first": [4, 2, 1, 5, 1], "second": [2, 5, 5, 3, 5]})
    scores = scoring.weighted_scores(weights, ratings, ["first", "second"])
    # first: (5*4 + 3*2 + 2*5) / (10*5) = 36/50; second: (5*2 + 3*5 + 2*3) / 50 = 31/50
    assert scores == {"first": Decimal("72.0"), "second": Decimal("62.0")}


def test_scores_are_rounded_to_one_decimal():
    weights = {"money": 1, "culture": 2}
    ratings = {("money", "a"): 5, ("culture", "a"): 4}
    # (5 + 8) / 15 = 86.666...
    assert scoring.weighted_scores(weights, ratings, ["a"]) == {"a": Decimal("86.7")}


def test_a_score_exactly_at_a_half_rounds_up():
    # Weights 5, 5, 5 and 1 (most 80); ratings 4, 4, 4 and 1 (61): 61/80 = 76.25 exactly.
    weights = {"money": 5, "culture": 5, "people": 5, "growth": 1}
    ratings = {("money", "a"): 4, ("culture", "a"): 4, ("people", "a"): 4, ("growth", "a"): 1}
    ratings |= {(factor, "b"): 3 for factor in weights}
    assert scoring.weighted_scores(weights, ratings, ["a", "b"]) == {
        "a": Decimal("76.3"),
        "b": Decimal("60.0"),
    }


@given(weights=weights_st, ratings=ratings_st)
def test_the_shown_score_is_the_exact_one_rounded_half_up(weights, ratings):
    exact = scoring.exact_scores(
        dict(zip(FACTORS, weights, strict=True)), _ratings(ratings), OFFERS
    )
    for offer, shown in _scores(weights, ratings).items():
        # Half up: at most a twentieth below the exact score, and up to a twentieth above it.
        assert -Fraction(1, 20) < Fraction(shown) - exact[offer] <= Fraction(1, 20)
        assert shown == shown.quantize(Decimal("0.1"))


def test_factors_with_weight_zero_drop_out_and_need_no_rating():
    weights = {"money": 4, "culture": 0}
    ratings = {("money", "a"): 5, ("money", "b"): 1}
    assert scoring.weighted_scores(weights, ratings, ["a", "b"]) == {
        "a": Decimal("100.0"),
        "b": Decimal("20.0"),
    }


def test_all_weights_zero_is_refused_with_a_message_not_a_division_by_zero():
    weights = dict.fromkeys(FACTORS, 0)
    with pytest.raises(scoring.AllWeightsZero) as error:
        scoring.weighted_scores(weights, _ratings({"a": [3] * 5}), ["a"])
    assert "weight above 0" in str(error.value)


@given(ratings=ratings_st)
def test_all_weights_zero_is_refused_whatever_the_ratings(ratings):
    with pytest.raises(scoring.AllWeightsZero):
        scoring.weighted_scores(dict.fromkeys(FACTORS, 0), _ratings(ratings), OFFERS)
    with pytest.raises(scoring.AllWeightsZero):
        scoring.sensitivity(dict.fromkeys(FACTORS, 0), _ratings(ratings), OFFERS)


def test_a_missing_rating_for_a_factor_that_counts_is_reported():
    with pytest.raises(scoring.MissingRatings) as error:
        scoring.weighted_scores({"money": 3}, {("money", "a"): 4}, ["a", "b"])
    assert error.value.missing == [("money", "b")]


def test_the_missing_ratings_message_says_how_many_are_missing():
    with pytest.raises(scoring.MissingRatings) as error:
        scoring.weighted_scores({"money": 3, "culture": 1}, {("money", "a"): 4}, ["a", "b"])
    assert str(error.value).startswith("3 rating(s) are missing")


@pytest.mark.parametrize("weight", [-1, 6, 2.5])
def test_a_weight_out_of_range_is_refused_naming_the_factor(weight):
    with pytest.raises(scoring.ScoringError) as error:
        scoring.weighted_scores({"money": weight}, {("money", "a"): 3}, ["a"])
    assert str(error.value) == "The weight of money must be a whole number from 0 to 5."


@pytest.mark.parametrize("rating", [0, 6])
def test_a_rating_out_of_range_is_refused_naming_the_factor(rating):
    with pytest.raises(scoring.ScoringError) as error:
        scoring.weighted_scores({"money": 3}, {("money", "a"): rating}, ["a"])
    assert str(error.value) == "The rating of money must be a whole number from 1 to 5."


def test_margin_and_close_call_at_the_five_point_boundary():
    assert scoring.margin({"a": Decimal("70.0"), "b": Decimal("65.0")}) == Decimal("5.0")
    assert scoring.is_close_call({"a": Decimal("70.0"), "b": Decimal("65.0")})
    assert not scoring.is_close_call({"a": Decimal("70.0"), "b": Decimal("64.9")})
    assert scoring.margin({"a": Decimal("70.0")}) is None
    assert not scoring.is_close_call({"a": Decimal("70.0")})


def test_the_margin_is_between_the_top_two_whatever_the_order():
    scores = {"a": Decimal("40.0"), "b": Decimal("90.0"), "c": Decimal("82.5")}
    assert scoring.margin(scores) == Decimal("7.5")
    assert scoring.ranking(scores) == ["b", "c", "a"]
    assert scoring.leaders(scores) == ("b",)


def test_a_tie_at_the_top_has_two_leaders_and_no_margin():
    scores = {"a": Decimal("60.0"), "b": Decimal("60.0"), "c": Decimal("10.0")}
    assert scoring.leaders(scores) == ("a", "b")
    assert scoring.margin(scores) == 0
    assert scoring.is_close_call(scores)


def test_a_tie_for_second_place_leaves_one_leader_and_the_margin_to_the_seconds():
    scores = {"b": Decimal("71.3"), "a": Decimal("76.3"), "c": Decimal("71.3")}
    assert scoring.leaders(scores) == ("a",)
    assert scoring.margin(scores) == Decimal("5.0")
    assert scoring.ranking(scores) == ["a", "b", "c"]


@given(weights=weights_st, ratings=ratings_st)
def test_there_is_no_margin_exactly_when_the_top_is_shared(weights, ratings):
    scores = _scores(weights, ratings)
    tied = len(scoring.leaders(scores)) > 1
    assert (scoring.margin(scores) == 0) == tied
    assert scoring.ranking(scores)[: len(scoring.leaders(scores))] == list(scoring.leaders(scores))


def test_sensitivity_reports_the_weights_that_change_the_leader_and_to_whom():
    # first is far better paid; second is better on culture. Money at 3 and culture at 2:
    # first 3*5+2*1 = 17/25, second 3*1+2*5 = 13/25: first leads.
    weights = {"money": 3, "culture": 2}
    ratings = {
        ("money", "first"): 5,
        ("money", "second"): 1,
        ("culture", "first"): 1,
        ("culture", "second"): 5,
    }
    result = scoring.sensitivity(weights, ratings, ["first", "second"])
    # money at 0 or 1: second leads; money at 2: a tie with culture at 2.
    assert result["money"] == [
        scoring.Flip(0, 1, ("second",)),
        scoring.Flip(2, 2, ("first", "second")),
    ]
    # culture at 3: a tie; at 4 or 5: second leads.
    assert result["culture"] == [
        scoring.Flip(3, 3, ("first", "second")),
        scoring.Flip(4, 5, ("second",)),
    ]


def test_sensitivity_says_nothing_flips_when_one_offer_is_better_at_everything():
    weights = dict(zip(FACTORS, [3, 3, 3, 3, 3], strict=True))
    ratings = _ratings({"first": [5, 5, 5, 5, 5], "second": [1, 2, 3, 4, 4]})
    result = scoring.sensitivity(weights, ratings, ["first", "second"])
    assert all(flips == [] for flips in result.values())


def test_sensitivity_skips_a_factor_not_rated_for_every_offer():
    weights = {"money": 3, "culture": 0}
    ratings = {("money", "a"): 5, ("money", "b"): 1, ("culture", "a"): 1}
    assert scoring.sensitivity(weights, ratings, ["a", "b"])["culture"] is None


def test_sensitivity_still_tries_the_factors_after_one_not_rated_for_every_offer():
    weights = {"culture": 0, "money": 3, "people": 2}
    ratings = {("culture", "a"): 1, ("money", "a"): 5, ("money", "b"): 1}
    ratings |= {("people", "a"): 1, ("people", "b"): 5}
    result = scoring.sensitivity(weights, ratings, ["a", "b"])
    assert result["culture"] is None
    assert result["money"] == [scoring.Flip(0, 1, ("b",)), scoring.Flip(2, 2, ("a", "b"))]
    assert result["people"] == [scoring.Flip(3, 3, ("a", "b")), scoring.Flip(4, 5, ("b",))]


def test_sensitivity_counts_a_tie_in_the_shown_scores_as_a_tie():
    # Only with many factors can two different exact scores show as the same number (within
    # the wizard's 15, distinct scores are at least 0.27 apart): 45 factors here. With x at
    # weight 4, a scores 60.446... and b 60.357..., both shown as 60.4: the page shows a tie,
    # and sensitivity says so too.
    weights = {f"filler {n}": 5 for n in range(43)} | {"edge": 5, "x": 1}
    ratings = {(factor, offer): 3 for factor in weights for offer in ["a", "b"]}
    ratings |= {("edge", "a"): 4, ("x", "b"): 4}
    tried = scoring.weighted_scores({**weights, "x": 4}, ratings, ["a", "b"])
    assert tried == {"a": Decimal("60.4"), "b": Decimal("60.4")}
    assert scoring.sensitivity(weights, ratings, ["a", "b"])["x"] == [
        scoring.Flip(4, 5, ("a", "b"))
    ]


def test_sensitivity_never_tries_all_weights_at_zero():
    weights = {"money": 2}
    ratings = {("money", "a"): 5, ("money", "b"): 1}
    assert scoring.sensitivity(weights, ratings, ["a", "b"]) == {"money": []}


def _flips_by_trying_every_weight(weights, ratings, offers):
    """The rule as written: every other weight of every factor, scored from scratch."""
    current = set(scoring.leaders(scoring.weighted_scores(weights, ratings, offers)))
    found = {}
    for factor, weight in weights.items():
        if any((factor, offer) not in ratings for offer in offers):
            found[factor] = None
            continue
        changes = []
        for other in scoring.WEIGHTS:
            tried = {**weights, factor: other}
            if other != weight and any(tried.values()):
                leading = scoring.leaders(scoring.weighted_scores(tried, ratings, offers))
                if set(leading) != current:
                    changes.append((other, leading))
        found[factor] = changes
    return found


@given(
    weights=weights_st,
    ratings=ratings_st,
    unrated_at=st.none() | st.integers(0, len(FACTORS)),
)
def test_sensitivity_finds_what_trying_every_weight_from_scratch_finds(
    weights, ratings, unrated_at
):
    weights = list(zip(FACTORS, weights, strict=True))
    ratings = _ratings(ratings)
    if unrated_at is not None:  # a factor at weight 0 may stay unrated, anywhere in the list
        weights.insert(unrated_at, ("extra", 0))
        ratings[("extra", OFFERS[0])] = 3
    weights = dict(weights)
    expected = _flips_by_trying_every_weight(weights, ratings, OFFERS)
    found = scoring.sensitivity(weights, ratings, OFFERS)
    assert found.keys() == expected.keys()
    for factor, flips in found.items():
        if expected[factor] is None:
            assert flips is None
        else:
            tried = [(w, set(f.leaders)) for f in flips for w in range(f.low, f.high + 1)]
            assert tried == [(w, set(leading)) for w, leading in expected[factor]]


class _CountingRatings(dict):
    """Ratings that count how often they are read."""

    def __init__(self, ratings):
        super().__init__(ratings)
        self.lookups = 0

    def __getitem__(self, key):
        self.lookups += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.lookups += 1
        return super().get(key, default)

    def __contains__(self, key):
        self.lookups += 1
        return super().__contains__(key)


def test_sensitivity_reads_each_rating_a_bounded_number_of_times():
    # 15 factors x 5 offers: every rating is read a few times, not once per weight tried of
    # every other factor (which was 15 x 5 x 75 reads).
    factors = [f"factor {n}" for n in range(15)]
    offers = [f"offer {n}" for n in range(5)]
    weights = {factor: 1 + n % 5 for n, factor in enumerate(factors)}
    ratings = _CountingRatings(
        {
            (f, o): 1 + (i * 7 + j * 3) % 5
            for i, f in enumerate(factors)
            for j, o in enumerate(offers)
        }
    )
    scoring.sensitivity(weights, ratings, offers)
    assert ratings.lookups <= 6 * len(factors) * len(offers)


@given(weights=weights_st, ratings=ratings_st)
def test_scores_stay_within_0_and_100(weights, ratings):
    scores = _scores(weights, ratings)
    assert all(Decimal(0) <= score <= Decimal(100) for score in scores.values())


@given(
    weights=weights_st,
    ratings=ratings_st,
    offer=st.sampled_from(OFFERS),
    factor=st.integers(0, 4),
)
def test_raising_one_rating_never_lowers_that_offers_score(weights, ratings, offer, factor):
    weights = dict(zip(FACTORS, weights, strict=True))
    before = scoring.weighted_scores(weights, _ratings(ratings), OFFERS)[offer]
    raised = {**ratings, offer: list(ratings[offer])}
    raised[offer][factor] = min(raised[offer][factor] + 1, 5)
    after = scoring.weighted_scores(weights, _ratings(raised), OFFERS)[offer]
    assert after >= before


@given(
    weights=weights_st,
    ratings=ratings_st,
    multiplier=st.fractions(min_value=Fraction(1, 1000), max_value=1000),
)
def test_multiplying_every_weight_by_the_same_number_changes_no_score(weights, ratings, multiplier):
    plain = dict(zip(FACTORS, weights, strict=True))
    scaled = {name: weight * multiplier for name, weight in plain.items()}
    assert scoring.exact_scores(scaled, _ratings(ratings), OFFERS) == scoring.exact_scores(
        plain, _ratings(ratings), OFFERS
    )


@given(weights=st.lists(st.integers(0, 2), min_size=5, max_size=5).filter(any), ratings=ratings_st)
def test_doubling_weights_within_the_scale_changes_no_shown_score(weights, ratings):
    plain = dict(zip(FACTORS, weights, strict=True))
    doubled = {name: weight * 2 for name, weight in plain.items()}
    assert scoring.weighted_scores(doubled, _ratings(ratings), OFFERS) == (
        scoring.weighted_scores(plain, _ratings(ratings), OFFERS)
    )


@given(weights=weights_st, ratings=ratings_st)
def test_the_leader_is_the_top_of_the_ranking(weights, ratings):
    scores = _scores(weights, ratings)
    assert scoring.ranking(scores)[0] in scoring.leaders(scores)
    assert scoring.margin(scores) >= 0


def _package(currency="USD", **money):
    return Package(currency=currency, cliff_months=0, **{k: Decimal(v) for k, v in money.items()})


def test_the_compensation_suggestion_gives_the_best_paid_5_and_the_others_in_proportion():
    packages = {
        "first": _package(base_salary=90000),
        "second": _package(base_salary=120000),
        "third": _package(base_salary=10000),
    }
    # 5 x 90/120 = 3.75 -> 4; 5 x 10/120 = 0.4 -> never below 1.
    assert scoring.compensation_suggestion(packages, 2) == {"first": 4, "second": 5, "third": 1}


def test_the_compensation_suggestion_counts_the_money_over_the_horizon():
    # A signing bonus weighs more over one year than over four.
    packages = {
        "bonus": _package(base_salary=100000, signing_bonus=60000),
        "salary": _package(base_salary=125000),
    }
    assert scoring.compensation_suggestion(packages, 1) == {"bonus": 5, "salary": 4}
    assert scoring.compensation_suggestion(packages, 4) == {"bonus": 5, "salary": 5}


def test_no_compensation_suggestion_across_currencies():
    packages = {"a": _package("USD", base_salary=1), "b": _package("EUR", base_salary=1)}
    assert scoring.compensation_suggestion(packages, 2) is None


def test_money_side_by_side_with_the_difference_to_the_reference():
    packages = {"first": _package(base_salary=90000), "second": _package(base_salary=120000)}
    money = scoring.money_over_horizon(packages, 2, reference="first")
    assert money.comparable and money.reference == "first"
    rows = {row.offer: row for row in money.rows}
    assert rows["first"].total == Decimal("180000.00")
    assert rows["second"].difference == Decimal("60000.00")
    assert rows["first"].difference == 0


def test_money_without_a_reference_is_compared_with_the_best_paid():
    packages = {"first": _package(base_salary=90000), "second": _package(base_salary=120000)}
    money = scoring.money_over_horizon(packages, 1)
    assert money.reference == "second"
    assert {row.offer: row.difference for row in money.rows}["first"] == Decimal("-30000.00")


def test_money_in_different_currencies_is_shown_but_never_compared():
    packages = {"a": _package("USD", base_salary=100), "b": _package("EUR", base_salary=100)}
    money = scoring.money_over_horizon(packages, 1, reference="a")
    assert not money.comparable
    assert money.currencies == ("EUR", "USD")
    assert all(row.difference is None for row in money.rows)
    assert money.reference is None


EUR_IN_USD = Rates([Rate("EUR", "USD", Decimal("1.25"), datetime.date(2026, 1, 5))])


def test_money_in_two_currencies_is_compared_in_the_home_currency_with_the_users_rate():
    packages = {"paris": _package("EUR", base_salary=80000), "boston": _package(base_salary=90000)}
    money = scoring.money_over_horizon(packages, 2, home="USD", rates=EUR_IN_USD)
    assert money.comparable and money.currency == "USD" and money.years == 2
    rows = {row.offer: row for row in money.rows}
    # 160,000 EUR over two years at 1.25 is 200,000 USD: Paris pays more.
    assert rows["paris"].total == Decimal("160000.00") and rows["paris"].currency == "EUR"
    assert rows["paris"].amount.value == Decimal("200000.00")
    assert rows["boston"].amount.value == Decimal("180000.00")
    assert money.reference == "paris"
    assert rows["boston"].difference == Decimal("-20000.00")
    assert rows["boston"].gap == Decimal("20000.00")


def test_an_offer_whose_currency_has_no_rate_is_left_out_of_the_comparison_with_the_others():
    packages = {
        "paris": _package("EUR", base_salary=80000),
        "boston": _package(base_salary=90000),
        "london": _package("GBP", base_salary=70000),
    }
    money = scoring.money_over_horizon(
        packages, 1, reference="boston", home="USD", rates=EUR_IN_USD
    )
    assert money.comparable and money.reference == "boston"
    assert money.left_out == ("london",)
    rows = {row.offer: row for row in money.rows}
    assert rows["london"].amount is None and rows["london"].difference is None
    assert rows["london"].gap is None
    assert rows["paris"].difference == Decimal("10000.00")


def test_the_compensation_suggestion_converts_other_currencies_with_the_users_rate():
    packages = {"paris": _package("EUR", base_salary=80000), "boston": _package(base_salary=50000)}
    # 100,000 USD against 50,000 USD a year: Paris 5, Boston 2.5 -> 3.
    suggestion = scoring.compensation_suggestion(packages, 1, home="USD", rates=EUR_IN_USD)
    assert suggestion == {"paris": 5, "boston": 3}
    assert scoring.compensation_suggestion(packages, 1, home="USD") is None


def test_an_offer_without_figures_is_shown_as_such_never_compared_nor_the_reference():
    packages = {
        "expected": _package("EUR", base_salary=0),
        "first": _package(base_salary=90000),
        "second": _package(base_salary=120000),
    }
    money = scoring.money_over_horizon(packages, 2, reference="expected")
    rows = {row.offer: row for row in money.rows}
    assert rows["expected"].no_figures and rows["expected"].amount is None
    assert rows["expected"].difference is None and rows["expected"].gap is None
    assert not rows["first"].no_figures and not rows["second"].no_figures
    # Compared in the others' currency, with the best paid as the reference, no rate needed.
    assert money.comparable and money.reference == "second" and money.left_out == ()
    assert rows["first"].difference == Decimal("-60000.00")
    assert money.suggested_ratings() == {"first": 4, "second": 5}
