"""The money module on its own: examples first, then properties that must hold for any offer."""

from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from offers.compensation import (
    MONEY_FIELDS,
    Package,
    best,
    breakdown,
    compensation_ratings,
    currencies,
    first_year,
    four_year_total,
    has_figures,
    headline,
    package_of,
    same_currency,
    table,
    total_over,
    vesting_terms,
)

D = Decimal


def equity_by_year(package, years=4):
    return [year.equity for year in breakdown(package, years)]


def test_a_12_month_cliff_on_an_even_4_year_schedule_vests_a_quarter_each_year():
    package = Package("USD", equity_value=D(100_000), vesting_years=4, cliff_months=12)
    assert equity_by_year(package) == [D(25_000)] * 4


def test_nothing_vests_before_an_18_month_cliff_then_all_accrued_vests_at_once():
    package = Package("USD", equity_value=D(100_000), vesting_years=4, cliff_months=18)
    assert equity_by_year(package) == [D(0), D(50_000), D(25_000), D(25_000)]


def test_custom_yearly_percentages_vest_as_given():
    package = Package(
        "USD",
        equity_value=D(200_000),
        vesting_percentages=(D(5), D(15), D(40), D(40)),
    )
    assert equity_by_year(package) == [D(10_000), D(30_000), D(80_000), D(80_000)]


def test_a_three_year_grant_vests_nothing_in_the_fourth_year():
    package = Package("USD", equity_value=D(90_000), vesting_years=3, cliff_months=12)
    assert equity_by_year(package) == [D(30_000), D(30_000), D(30_000), D(0)]


def test_rounding_to_cents_never_adds_up_to_more_than_the_grant():
    package = Package("USD", equity_value=D("0.05"), vesting_years=3, cliff_months=0)
    assert sum(equity_by_year(package)) == D("0.05")


def test_the_signing_bonus_counts_in_the_first_year_only():
    package = Package("EUR", base_salary=D(80_000), signing_bonus=D(10_000))
    assert [year.signing_bonus for year in breakdown(package)] == [D(10_000), 0, 0, 0]
    assert total_over(package, 1) == D(90_000)
    assert four_year_total(package) == D(330_000)


def test_the_yearly_raise_compounds():
    package = Package("USD", base_salary=D(100_000), yearly_raise_percent=D(10))
    assert [year.salary for year in breakdown(package)] == [
        D(100_000),
        D(110_000),
        D(121_000),
        D(133_100),
    ]


def test_a_percentage_bonus_follows_the_raised_salary():
    package = Package(
        "USD", base_salary=D(100_000), target_bonus_percent=D(10), yearly_raise_percent=D(10)
    )
    assert [year.bonus for year in breakdown(package, 2)] == [D(10_000), D(11_000)]


def test_a_bonus_amount_stays_the_same_every_year():
    package = Package("USD", base_salary=D(100_000), target_bonus=D(5_000))
    assert [year.bonus for year in breakdown(package)] == [D(5_000)] * 4


def test_the_equity_discount_lowers_equity_proportionally():
    package = Package("USD", equity_value=D(100_000), equity_discount_percent=D(40))
    assert equity_by_year(package) == [D(15_000)] * 4


def test_benefits_count_every_year():
    package = Package("USD", benefits_value=D(6_000))
    assert total_over(package, 3) == D(18_000)


def test_the_table_has_a_row_per_kind_of_money_and_a_total_row():
    package = Package(
        "USD",
        base_salary=D(100_000),
        target_bonus=D(10_000),
        signing_bonus=D(20_000),
        equity_value=D(40_000),
        benefits_value=D(5_000),
    )
    rows = table(package)
    assert [row.label for row in rows] == [
        "Base salary",
        "Bonus",
        "Signing bonus",
        "Equity vested",
        "Benefits",
        "Total",
    ]
    assert rows[-1].amounts == (D(145_000), D(125_000), D(125_000), D(125_000))
    assert rows[-1].total == four_year_total(package) == D(520_000)
    assert rows[2].total == D(20_000)


def test_the_table_is_in_whole_units_and_adds_up_as_printed():
    package = Package(
        "USD",
        base_salary=D(80_000),
        yearly_raise_percent=D(3),
        target_bonus_percent=D(10),
        equity_value=D(1_000),
        vesting_years=3,
        cliff_months=0,
    )
    rows = table(package)
    assert rows[0].amounts == (D(80_000), D(82_400), D(84_872), D(87_418))
    assert rows[3].amounts == (D(333), D(334), D(333), D(0))
    for year in range(4):
        assert rows[-1].amounts[year] == sum(row.amounts[year] for row in rows[:-1])
    assert headline(package) == (rows[-1].amounts[0], rows[-1].total)
    assert abs(headline(package)[1] - four_year_total(package)) <= 3


def test_ratings_give_the_best_offer_five_and_the_others_in_proportion():
    ratings = compensation_ratings(
        {"a": D(200_000), "b": D(100_000), "c": D(10_000)},
        {"a": "USD", "b": "USD", "c": "USD"},
    )
    assert ratings == {"a": 5, "b": 3, "c": 1}


def test_offers_with_no_money_all_rate_one():
    assert compensation_ratings({"a": D(0), "b": D(0)}, {"a": "USD", "b": "USD"}) == {
        "a": 1,
        "b": 1,
    }


def test_offers_in_different_currencies_get_no_ratings():
    assert compensation_ratings({"a": D(1), "b": D(2)}, {"a": "USD", "b": "EUR"}) is None


def test_the_best_offer_is_singled_out_only_when_the_comparison_is_honest():
    low, high = Package("USD", base_salary=D(1)), Package("USD", base_salary=D(2))
    assert best({"low": low, "high": high}) == "high"
    assert best({"high": high}) is None
    assert best({"a": high, "b": high}) is None
    assert best({"a": Package("USD"), "b": Package("USD")}) is None
    assert best({"low": low, "euros": Package("EUR", base_salary=D(9))}) is None


def test_a_tie_at_the_top_gives_no_offer_the_badge_however_small_the_lead_otherwise():
    tied = {"a": Package("USD", base_salary=D(5)), "b": Package("USD", signing_bonus=D(20))}
    assert four_year_total(tied["a"]) == four_year_total(tied["b"]) == D(20)
    assert best(tied) is None
    # One unit over four years against nothing is still the most.
    assert best({"a": Package("USD", base_salary=D("0.25")), "b": Package("USD")}) == "a"


def test_no_offers_get_no_ratings_rather_than_an_error():
    assert compensation_ratings({}, {}) == {}


def test_money_rounds_half_a_cent_up_and_the_table_half_a_unit_up():
    package = Package("EUR", base_salary=D("50000.005"))
    assert breakdown(package, 1)[0].salary == D("50000.01")
    rounded = Package("EUR", base_salary=D("50000.50"))
    assert table(rounded, 1)[0].amounts == (D(50001),)  # not the banker's 50,000
    assert table(Package("EUR", base_salary=D("50001.50")), 1)[0].amounts == (D(50002),)


def test_the_table_has_as_many_columns_as_years_asked_for():
    rows = table(Package("USD", base_salary=D(100)), 2)
    assert all(len(row.amounts) == 2 for row in rows)
    assert rows[-1].amounts == (D(100), D(100))


def test_percentages_adding_up_to_more_than_100_never_vest_more_than_the_grant():
    package = Package(
        "USD", equity_value=D(1000), cliff_months=0, vesting_percentages=(D(60), D(60))
    )
    assert sum(equity_by_year(package)) == D(1000)


def _offer(schedule):
    return SimpleNamespace(
        currency="EUR",
        base_salary=D(90000),
        target_bonus=None,
        target_bonus_percent=D(10),
        signing_bonus=D(0),
        equity_value=D(40000),
        vesting_years=2,
        cliff_months=0,
        vesting_schedule=schedule,
        vesting_percentages=[25, "75.5"],
        benefits_value=D(0),
        yearly_raise_percent=D(0),
        equity_discount_percent=D(0),
    )


def test_an_offers_yearly_percentages_count_only_for_a_custom_schedule():
    assert package_of(_offer("custom")).currency == "EUR"
    assert package_of(_offer("custom")).vesting_percentages == (D(25), D("75.5"))
    assert package_of(_offer("even")).vesting_percentages == ()
    assert equity_by_year(package_of(_offer("even")), 2) == [D(20000), D(20000)]


def test_currencies_lists_each_code_once():
    packages = [Package("USD"), Package("EUR"), Package("USD")]
    assert currencies(packages) == ["EUR", "USD"]
    assert not same_currency(packages)
    assert same_currency([Package("USD"), Package("USD")])
    assert same_currency([])


def test_vesting_terms_say_the_period_the_schedule_and_the_cliff():
    assert vesting_terms(Package("USD")) == "vesting over 4 years, evenly, after a 12-month cliff"
    assert vesting_terms(Package("USD", vesting_years=1, cliff_months=0)) == (
        "vesting over 1 year, evenly, with no cliff"
    )
    custom = Package("USD", vesting_percentages=(D(5), D(15), D("39.5"), D("40.5")))
    assert vesting_terms(custom) == (
        "vesting over 4 years (5%, 15%, 39.5%, 40.5%), after a 12-month cliff"
    )


# Properties ---------------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=10_000_000, places=2)
percents = st.decimals(min_value=0, max_value=100, places=2)


@st.composite
def custom_percentages(draw, years):
    """``years`` whole-number percentages adding up to 100."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=years - 1, max_size=years - 1)))
    edges = [0, *cuts, 100]
    return tuple(D(edges[i + 1] - edges[i]) for i in range(years))


@st.composite
def packages(draw, currency="USD"):
    years = draw(st.integers(1, 10))
    bonus_kind = draw(st.sampled_from(["none", "amount", "percent"]))
    return Package(
        currency=currency,
        base_salary=draw(amounts),
        target_bonus=draw(amounts) if bonus_kind == "amount" else None,
        target_bonus_percent=draw(st.decimals(0, 1000, places=2))
        if bonus_kind == "percent"
        else None,
        signing_bonus=draw(amounts),
        equity_value=draw(amounts),
        vesting_years=years,
        cliff_months=draw(st.integers(0, 12 * years)),
        vesting_percentages=draw(st.one_of(st.just(()), custom_percentages(years))),
        benefits_value=draw(amounts),
        yearly_raise_percent=draw(percents),
        equity_discount_percent=draw(percents),
    )


@given(packages())
def test_no_amount_and_no_total_is_ever_negative(package):
    for year in breakdown(package):
        assert min(year.salary, year.bonus, year.signing_bonus, year.equity, year.benefits) >= 0
        assert year.total >= 0


@given(packages())
def test_four_years_of_equity_never_exceed_the_grant(package):
    assert sum(equity_by_year(package)) <= package.equity_value


@given(packages())
def test_the_table_always_adds_up_and_stays_close_to_the_exact_totals(package):
    rows = table(package)
    for year in range(4):
        assert rows[-1].amounts[year] == sum(row.amounts[year] for row in rows[:-1])
    assert all(amount >= 0 for row in rows for amount in row.amounts)
    # Five rounded kinds of money over four years: at most half a unit off each.
    assert abs(rows[-1].total - four_year_total(package)) <= D(10)


@given(packages())
def test_the_first_year_alone_is_the_headlines_first_figure(package):
    assert first_year(package) == headline(package)[0]


@given(packages())
def test_nothing_vests_before_the_cliff(package):
    for year in breakdown(package):
        if 12 * year.number < package.cliff_months:
            assert year.equity == 0


@given(amounts, st.integers(1, 10))
def test_a_one_year_cliff_on_an_even_schedule_vests_one_share_in_year_one(grant, years):
    package = Package("USD", equity_value=grant, vesting_years=years, cliff_months=12)
    assert abs(breakdown(package, 1)[0].equity - grant / years) <= D("0.01")


@given(amounts, st.integers(1, 4).flatmap(custom_percentages))
def test_custom_percentages_vest_as_given_when_there_is_no_cliff(grant, shares):
    package = Package("USD", equity_value=grant, vesting_percentages=shares, cliff_months=0)
    vested = equity_by_year(package, len(shares))
    for got, share in zip(vested, shares, strict=True):
        assert abs(got - grant * share / 100) <= D("0.01")


@given(amounts, percents)
def test_the_raise_compounds_year_on_year(base, raise_percent):
    package = Package("USD", base, yearly_raise_percent=raise_percent)
    salaries = [year.salary for year in breakdown(package)]
    factor = 1 + raise_percent / 100
    for number, salary in enumerate(salaries):
        assert abs(salary - base * factor**number) <= D("0.005")
    assert salaries == sorted(salaries)


@given(packages(), percents)
def test_the_equity_discount_lowers_equity_in_proportion(package, discount):
    plain = replace(package, equity_discount_percent=D(0))
    discounted = replace(package, equity_discount_percent=discount)
    plain_equity = sum(equity_by_year(plain))
    expected = plain_equity * (1 - discount / 100)
    assert abs(sum(equity_by_year(discounted)) - expected) <= D("0.01")
    assert sum(equity_by_year(discounted)) <= plain_equity


@given(
    st.dictionaries(st.integers(0, 9), amounts, min_size=2, max_size=5),
    st.lists(st.sampled_from(["USD", "EUR", "GBP"]), min_size=2, max_size=5, unique=True),
)
def test_offers_in_different_currencies_never_get_ratings(totals, codes):
    keys = list(totals)
    assigned = {key: codes[i % len(codes)] for i, key in enumerate(keys)}
    assert compensation_ratings(totals, assigned) is None


@given(st.dictionaries(st.integers(0, 9), amounts, min_size=1, max_size=5))
def test_ratings_are_whole_numbers_from_one_to_five_and_the_best_gets_five(totals):
    ratings = compensation_ratings(totals, dict.fromkeys(totals, "USD"))
    assert all(1 <= r <= 5 for r in ratings.values())
    if max(totals.values()) > 0:
        assert ratings[max(totals, key=totals.get)] == 5


@given(packages())
def test_vesting_terms_name_every_custom_share_and_the_cliff_only_when_there_is_one(package):
    terms = vesting_terms(package)
    assert terms.startswith(f"vesting over {package.vesting_years} year")
    assert ("evenly" in terms) == (not package.vesting_percentages)
    assert terms.count("%") == len(package.vesting_percentages)
    assert terms.endswith("with no cliff") == (package.cliff_months == 0)


def test_an_offer_has_figures_once_any_money_is_entered():
    assert not has_figures(Package("USD"))
    # A bonus as a share of no salary, or a fixed bonus of nothing, is no money.
    assert not has_figures(Package("USD", target_bonus_percent=D(10), target_bonus=D(0)))
    for name in MONEY_FIELDS:
        assert has_figures(Package("USD", **{name: D("0.01")})), name
    assert has_figures(Package("USD", base_salary=D(1), target_bonus_percent=D(10)))


@given(packages())
def test_an_offer_without_figures_is_worth_nothing_and_one_worth_something_has_figures(package):
    if not has_figures(package):
        assert four_year_total(package) == 0 and total_over(package, 6) == 0
    if four_year_total(package) > 0:
        assert has_figures(package)
