"""The offer form's rules, called directly: values in, messages by field out."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from offers import leaving_cost, rules

DAY = datetime.date(2026, 5, 1)
percentages = st.decimals(min_value=-1000, max_value=1000, places=2)


@given(percentages)
def test_a_percentage_is_refused_exactly_outside_0_to_100(value):
    assert (rules.percent(value) is None) == (0 <= value <= 100)


def test_an_empty_percentage_passes():
    assert rules.percent(None) is None


@given(st.decimals(min_value=-10, max_value=5000, places=2))
def test_a_bonus_percentage_is_refused_below_zero_or_above_the_most(value):
    assert (rules.bonus_percent(value) is None) == (0 <= value <= rules.MAX_BONUS_PERCENT)


def test_a_negative_bonus_percentage_and_too_large_a_one_say_different_things():
    assert rules.bonus_percent(Decimal(-1)) == "Enter a percentage of zero or more."
    assert rules.bonus_percent(Decimal(1001)) == "A bonus can be at most 1000% of base salary."


@given(st.integers(min_value=0, max_value=20), st.integers(min_value=0, max_value=300))
def test_the_cliff_may_not_outlast_the_vesting_period(years, cliff):
    messages = rules.cliff_within_vesting(years, cliff)
    assert bool(messages) == (years > 0 and cliff > years * 12)
    if messages:
        assert list(messages) == ["cliff_months"]


def test_the_cliff_message_names_both_periods():
    assert rules.cliff_within_vesting(1, 13) == {
        "cliff_months": "The cliff (13 months) cannot be longer than the vesting period "
        "(1 year, 12 months)."
    }


@given(st.integers(min_value=-5, max_value=20))
def test_the_vesting_period_is_from_1_to_10_years(years):
    assert (rules.vesting_years(years) is None) == (1 <= years <= 10)


@given(st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=10))
def test_custom_shares_pass_when_they_add_up_to_100_one_a_year(shares):
    shares = [Decimal(share) for share in shares]
    message = rules.vesting_shares("custom", shares, len(shares))
    assert (message is None) == (sum(shares) == 100)


def test_custom_shares_need_one_a_year():
    message = rules.vesting_shares("custom", [Decimal(50), Decimal(50)], 4)
    assert message == "Give one percentage for each of the 4 vesting years (you gave 2)."


def test_an_even_schedule_takes_no_shares():
    assert rules.vesting_shares("even", [], 4) is None
    assert "even schedule" in rules.vesting_shares("even", [Decimal(100)], 1)


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_a_share_keeps_its_value_as_a_json_number(share):
    assert Decimal(str(rules.as_json_number(share))) == share


def test_a_bonus_is_an_amount_or_a_percentage_not_both():
    assert rules.bonus(Decimal(1000), None) == {}
    assert list(rules.bonus(Decimal(1000), Decimal(10))) == ["target_bonus_percent"]


def test_a_later_date_before_its_earlier_one_is_refused_on_the_later():
    dates = {"received_on": DAY, "respond_by": DAY - datetime.timedelta(days=1)}
    assert list(rules.dates_in_order(dates)) == ["respond_by"]
    assert rules.dates_in_order({"received_on": DAY, "respond_by": DAY}) == {}


def test_a_status_asks_for_its_date():
    assert rules.date_for_status("accepted_on", None, "Signed") == {
        "accepted_on": "You marked this offer as signed: on which day did you accept it?"
    }
    assert rules.date_for_status("accepted_on", DAY, "Signed") == {}
    assert rules.date_for_status(None, None, "Declined") == {}


def _repayment(**values):
    clause = {
        "amount": Decimal(5000),
        "base_salary": Decimal(60000),
        "currency": "EUR",
        "paid": leaving_cost.ON_START,
        "paid_on": None,
        "ends": leaving_cost.UNTIL_DATE,
        "until": DAY,
        "months": None,
        "start_date": None,
    }
    return rules.repayment(**{**clause, **values})


def test_a_whole_repayment_clause_passes():
    assert _repayment() == {}


def test_no_repayment_asks_for_nothing():
    assert _repayment(amount=Decimal(0), until=None) == {}


def test_a_repayment_of_more_than_ten_salaries_is_a_typing_mistake():
    assert list(_repayment(amount=Decimal(600001))) == ["repayment_amount"]


def test_each_way_of_paying_and_running_out_asks_for_its_date_or_months():
    assert list(_repayment(paid=leaving_cost.ON_DATE)) == ["repayment_paid_on"]
    assert list(_repayment(ends=leaving_cost.PRO_RATA, until=None)) == ["repayment_months"]
    assert list(_repayment(until=None)) == ["repayment_until"]


def test_money_paid_after_the_clause_runs_out_is_refused():
    later = DAY + datetime.timedelta(days=1)
    assert list(_repayment(start_date=later)) == ["repayment_until"]
    assert list(_repayment(paid=leaving_cost.ON_DATE, paid_on=later)) == ["repayment_paid_on"]


@given(st.integers(min_value=-5, max_value=200))
def test_a_pro_rata_period_is_from_1_to_the_most_months(months):
    assert (rules.repayment_months(months) is None) == (
        1 <= months <= leaving_cost.MAX_PRO_RATA_MONTHS
    )


@given(st.decimals(min_value=0, max_value=10, places=2))
def test_the_cost_of_living_factor_keeps_to_its_range(factor):
    assert (rules.cost_of_living_factor(factor) is None) == (Decimal("0.2") <= factor <= 5)
