"""Converting and comparing money across currencies with the user's own rates."""

import datetime
from decimal import Decimal

from babel.numbers import get_currency_precision
from hypothesis import given
from hypothesis import strategies as st

from crossroads.models import User
from offers import exchange
from offers.exchange import Rate, Rates, compare

DAY = datetime.date(2026, 3, 1)
USD_IN_EUR = Rate("USD", "EUR", Decimal("0.92"), DAY, "my bank")

currency_codes = st.sampled_from(["EUR", "USD", "GBP", "JPY", "CZK", "CHF"])
amounts = st.decimals(min_value=0, max_value=10**9, places=2)
rates_ = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(20000), places=4).filter(
    lambda r: r > 0
)


def test_a_rate_converts_into_the_home_currency_and_says_which_it_used():
    amount = Rates([USD_IN_EUR]).convert(Decimal(100000), "USD", "EUR")
    assert amount.value == Decimal("92000.00")
    assert amount.original == Decimal(100000) and amount.original_currency == "USD"
    assert amount.converted and amount.rate == USD_IN_EUR
    assert str(amount.rate) == "1 USD = 0.92 EUR"


def test_a_rate_works_the_other_way_round_too():
    amount = Rates([USD_IN_EUR]).convert(Decimal(92), "EUR", "USD")
    assert amount.value == Decimal("100.00")
    assert amount.per_unit == 1 / Decimal("0.92")


def test_there_is_no_conversion_without_a_rate_and_none_through_a_third_currency():
    rates = Rates([USD_IN_EUR, Rate("GBP", "EUR", Decimal("1.17"), DAY)])
    assert rates.convert(Decimal(10), "USD", "GBP") is None
    assert rates.convert(Decimal(10), "CZK", "EUR") is None


def test_the_same_currency_is_never_converted():
    amount = Rates().convert(Decimal(5), "EUR", "EUR")
    assert amount.value == 5 and not amount.converted
    assert amount.original == 5 and amount.original_currency == "EUR"


def test_a_rate_of_zero_is_no_rate_at_all():
    rates = Rates([Rate("USD", "EUR", Decimal(0), DAY), Rate("USD", "GBP", Decimal("0.92"), DAY)])
    assert [str(rate) for rate in rates] == ["1 USD = 0.92 GBP"]
    assert rates.convert(Decimal(10), "USD", "EUR") is None
    assert rates.convert(Decimal(10), "EUR", "USD") is None


def test_a_tie_at_the_top_singles_no_offer_out():
    totals = {"a": (Decimal(90000), "EUR"), "b": (Decimal(90000), "EUR"), "c": (Decimal(1), "EUR")}
    assert compare(totals, "EUR", Rates()).best() is None
    mixed = {"paris": (Decimal(92000), "EUR"), "new york": (Decimal(100000), "USD")}
    assert compare(mixed, "EUR", Rates([USD_IN_EUR])).best() is None


def test_the_richer_offer_is_singled_out_however_little_money_there_is():
    totals = {"a": (Decimal("0.50"), "EUR"), "b": (Decimal(0), "EUR")}
    assert compare(totals, "EUR", Rates()).best() == "a"
    nothing = {"a": (Decimal(0), "EUR"), "b": (Decimal(0), "EUR")}
    assert compare(nothing, "EUR", Rates()).best() is None


def test_offers_in_one_currency_are_compared_in_it_whatever_the_home_currency():
    comparison = compare({"a": (Decimal(10), "USD"), "b": (Decimal(20), "USD")}, "EUR", Rates())
    assert comparison.currency == "USD" and comparison.complete and not comparison.converts
    assert comparison.best() == "b"


def test_mixed_currencies_are_compared_in_the_home_currency_with_the_rate():
    totals = {"paris": (Decimal(90000), "EUR"), "new york": (Decimal(100000), "USD")}
    comparison = compare(totals, "EUR", Rates([USD_IN_EUR]))
    assert comparison.currency == "EUR"
    assert comparison.amounts["new york"].value == Decimal(92000)
    assert comparison.best() == "new york"
    assert comparison.rates == (USD_IN_EUR,)


def test_an_offer_without_a_rate_is_left_out_and_named_and_nothing_is_singled_out():
    totals = {"a": (Decimal(90000), "EUR"), "b": (Decimal(80000), "EUR"), "c": (Decimal(1), "USD")}
    comparison = compare(totals, "EUR", Rates())
    assert comparison.left_out == ("c",) and comparison.missing == ("USD",)
    assert list(comparison.amounts) == ["a", "b"]
    assert comparison.best() is None  # c might be worth more
    assert comparison.ranking() == ["a", "b"]


def test_a_rate_is_old_after_thirty_days():
    assert not USD_IN_EUR.is_old(DAY + datetime.timedelta(days=30))
    assert USD_IN_EUR.is_old(DAY + datetime.timedelta(days=31))
    comparison = compare(
        {"a": (Decimal(1), "USD"), "b": (Decimal(1), "EUR")}, "EUR", Rates([USD_IN_EUR])
    )
    assert comparison.old_rates(DAY + datetime.timedelta(days=40)) == [USD_IN_EUR]


def test_a_suspicious_ratio_is_a_thousand_times_or_more_between_currencies():
    assert exchange.suspicious_ratio([Decimal(1000)], [Decimal(1)]) == 1000
    assert exchange.suspicious_ratio([Decimal(999)], [Decimal(1)]) is None
    assert exchange.suspicious_ratio([Decimal(1)], [Decimal(5000)]) == 5000
    assert exchange.suspicious_ratio([Decimal(0)], [Decimal(5000)]) is None
    # The ratio is richest over poorest, either way round.
    assert exchange.suspicious_ratio([Decimal(2000)], [Decimal(2)]) == 1000
    assert exchange.suspicious_ratio([Decimal(2)], [Decimal(2000)]) == 1000
    # An offer with no figures yet (zero) is never the poorest.
    assert exchange.suspicious_ratio([Decimal(100)], [Decimal(0), Decimal(90)]) is None


def test_the_home_currency_defaults_to_the_one_most_offers_use():
    assert exchange.most_used_currency(["EUR", "USD", "EUR"], "USD") == "EUR"
    assert exchange.most_used_currency(["USD", "EUR"], "GBP") == "EUR"  # a tie: by code
    assert exchange.most_used_currency([], "USD") == "USD"
    # The most used wins even when it comes last in the alphabet, and the default is no pick.
    assert exchange.most_used_currency(["ZAR", "AUD", "ZAR"], "EUR") == "ZAR"
    assert exchange.most_used_currency([], "ZAR") == "ZAR"


def test_the_home_currency_chosen_wins_else_the_offers_else_the_number_formats_country():
    dutch = User(home_currency="", number_format="nl_NL")
    assert exchange.comparison_currency(dutch, []) == "EUR"
    assert exchange.comparison_currency(dutch, ["USD", "GBP", "USD"]) == "USD"
    dutch.home_currency = "CHF"
    assert exchange.comparison_currency(dutch, ["USD"]) == "CHF"
    assert exchange.comparison_currency(dutch, []) == "CHF"
    # With no offers, the number format's country, not the first code alphabetically.
    swiss = User(home_currency="", number_format="de_CH")
    assert exchange.comparison_currency(swiss, []) == "CHF"


def test_the_adjustments_are_rough_and_absent_by_default():
    assert exchange.after_tax(Decimal(100000), None) is None
    assert exchange.after_tax(Decimal(100000), Decimal(40)) == Decimal(60000)
    assert exchange.in_purchasing_power(Decimal(115000), Decimal("1.15")) == Decimal(100000)
    assert exchange.in_purchasing_power(Decimal(1), None) is None


@given(amounts, rates_, currency_codes, currency_codes)
def test_converting_there_and_back_gives_the_amount_within_rounding(value, rate, one, other):
    if one == other:
        return
    rates = Rates([Rate(one, other, rate, DAY)])
    there = rates.convert(value, one, other)
    back = rates.convert(there.value, other, one)
    # Each leg rounds to its currency's smallest unit (the cent, the yen): half a unit on the
    # way back, and half a unit on the way there, magnified by the rate back.
    half_unit = {code: Decimal(10) ** -get_currency_precision(code) / 2 for code in (one, other)}
    assert abs(back.value - value) <= half_unit[one] + half_unit[other] / rate


@given(
    st.dictionaries(st.integers(0, 20), amounts, min_size=1, max_size=6),
    rates_,
    currency_codes,
)
def test_a_comparison_in_one_currency_is_unchanged_by_a_rate_for_another(values, rate, other):
    totals = {key: (value, "EUR") for key, value in values.items()}
    before = compare(totals, "USD", Rates())
    if other == "EUR":
        return
    after = compare(totals, "USD", Rates([Rate(other, "USD", rate, DAY)]))
    assert after == before


@given(
    st.dictionaries(st.integers(0, 20), st.tuples(amounts, currency_codes), min_size=1, max_size=8),
    st.dictionaries(currency_codes, rates_, max_size=4),
    currency_codes,
)
def test_ranking_never_mixes_currencies_without_a_rate(totals, known, home):
    rates = Rates(Rate(code, home, rate, DAY) for code, rate in known.items() if code != home)
    comparison = compare(totals, home, rates)
    ranked = comparison.ranking()
    # Everything ranked is in the one currency of the comparison...
    assert {comparison.amounts[key].currency for key in ranked} <= {comparison.currency}
    for key in ranked:
        value, currency = totals[key]
        # ...and got there as itself or through a rate the user set.
        assert currency == comparison.currency or rates.between(currency, comparison.currency)
    # Whatever lacks a rate is left out and named, never ranked.
    for key in comparison.left_out:
        assert key not in ranked
        assert totals[key][1] in comparison.missing
    assert set(ranked) | set(comparison.left_out) == set(totals)
    # The ranking is by the converted amounts.
    values = [comparison.amounts[key].value for key in ranked]
    assert values == sorted(values, reverse=True)
    if comparison.left_out:
        assert comparison.best() is None


def test_a_conversion_rounds_to_the_currencys_own_smallest_unit():
    yen = Rates([Rate("EUR", "JPY", Decimal("161.237"), DAY)])
    assert yen.convert(Decimal("1000.10"), "EUR", "JPY").value == Decimal(161253)
    assert yen.convert(Decimal(161253), "JPY", "EUR").value == Decimal("1000.10")


def test_conversions_and_estimates_round_half_a_unit_up():
    half = Rates([Rate("USD", "EUR", Decimal("0.5"), DAY), Rate("USD", "JPY", Decimal("0.5"), DAY)])
    assert half.convert(Decimal("100.01"), "USD", "EUR").value == Decimal("50.01")
    assert half.convert(Decimal(1001), "USD", "JPY").value == Decimal(501)
    assert exchange.after_tax(Decimal("100.01"), Decimal(50)) == Decimal("50.01")
    assert exchange.in_purchasing_power(Decimal("100.01"), Decimal(2)) == Decimal("50.01")


def test_an_amount_in_a_currency_without_a_code_keeps_cents():
    rates = Rates([Rate("USD", "", Decimal(1) / 3, DAY)])
    assert rates.convert(Decimal(1), "USD", "").value == Decimal("0.33")


def test_yen_are_written_without_decimals_through_the_one_money_format():
    from crossroads.formats import format_money

    amount = Rates([Rate("EUR", "JPY", Decimal("161.237"), DAY)]).convert(
        Decimal("1000.10"), "EUR", "JPY"
    )
    assert format_money(amount.value, amount.currency, locale="en_US") == "JPY 161,253"


@given(
    st.dictionaries(
        st.integers(0, 30),
        st.tuples(st.integers(0, 6).map(Decimal), st.sampled_from(["EUR", "USD", "GBP"])),
        max_size=12,
    ),
    st.dictionaries(
        st.sampled_from(["USD", "GBP"]), st.sampled_from(["0.5", "1", "2"]).map(Decimal)
    ),
)
def test_comparing_the_leaders_of_each_currency_finds_what_comparing_all_finds(totals, known):
    # Small whole amounts and round rates: plenty of ties, within a currency and across.
    rates = Rates(Rate(code, "EUR", rate, DAY) for code, rate in known.items())
    every, leaders = compare(totals, "EUR", rates), compare(exchange.leaders(totals), "EUR", rates)
    assert leaders.best() == every.best()
    assert (leaders.currency, leaders.missing, leaders.rates) == (
        every.currency,
        every.missing,
        every.rates,
    )
    assert leaders.complete == every.complete and leaders.converts == every.converts
    assert all(leaders.amounts[key] == every.amounts[key] for key in leaders.amounts)
    per_currency = [currency for _value, currency in exchange.leaders(totals).values()]
    assert all(per_currency.count(code) <= 2 for code in per_currency)


@given(st.dictionaries(st.sampled_from("abcd"), amounts, min_size=2))
def test_only_a_single_offer_with_the_most_money_is_singled_out(values):
    comparison = compare({key: (value, "EUR") for key, value in values.items()}, "EUR", Rates())
    top = max(values.values())
    winners = [key for key, value in values.items() if value == top]
    assert comparison.best() == (winners[0] if top > 0 and len(winners) == 1 else None)


def test_offers_without_figures_are_left_out_named_and_decide_nothing():
    totals = {
        "paris": (Decimal(100), "EUR"),
        "moldau": (Decimal(0), "CZK"),
        "prague": (Decimal(90), "EUR"),
        "vltava": (Decimal(0), "GBP"),
    }
    comparison = compare(totals, "USD", Rates(), no_figures=["vltava", "moldau", "elsewhere"])
    # In the caller's order; a key not compared at all is not named.
    assert comparison.no_figures == ("moldau", "vltava")
    # The two left share one currency: compared in it, no rate asked for the others'.
    assert comparison.currency == "EUR"
    assert list(comparison.amounts) == ["paris", "prague"]
    assert comparison.left_out == () and comparison.missing == ()
    assert comparison.complete and comparison.best() == "paris"


def test_without_figures_an_offer_in_a_currency_with_no_rate_still_needs_none():
    totals = {"paris": (Decimal(100), "EUR"), "new_york": (Decimal(0), "USD")}
    assert compare(totals, "GBP", Rates()).missing == ("EUR", "USD")
    comparison = compare(totals, "GBP", Rates(), no_figures=iter(["new_york"]))
    assert comparison.missing == () and comparison.no_figures == ("new_york",)
    assert comparison.currency == "EUR" and comparison.best() is None
