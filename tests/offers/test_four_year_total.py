"""The database adds up four years of an offer's money exactly as offers/compensation.py does, in
whole units as the offer's table prints it, so the list can ask it for the best offer instead of
pricing every offer in Python."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offers import compensation
from offers.models import Offer
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def _amounts(most: int) -> st.SearchStrategy:
    return st.integers(0, most * 100).map(lambda cents: Decimal(cents) / 100)


def _percentages(most: int) -> st.SearchStrategy:
    return st.integers(0, most * 100).map(lambda hundredths: Decimal(hundredths) / 100)


@st.composite
def _money(draw) -> dict:
    years = draw(st.integers(1, 10))
    money = {
        "base_salary": draw(_amounts(10**9)),
        "yearly_raise_percent": draw(_percentages(100)),
        "signing_bonus": draw(_amounts(10**7)),
        "benefits_value": draw(_amounts(10**6)),
        "equity_value": draw(_amounts(10**12 - 1)),
        "equity_discount_percent": draw(_percentages(100)),
        "vesting_years": years,
        "cliff_months": draw(st.integers(0, years * 12)),
    }
    bonus = draw(st.sampled_from(["percent", "amount", "none"]))
    if bonus == "percent":
        money["target_bonus_percent"] = draw(_percentages(1000))
    elif bonus == "amount":
        money["target_bonus"] = draw(_amounts(10**8))
    if draw(st.booleans()):
        cuts = sorted(draw(st.lists(st.integers(1, 9999), min_size=years - 1, max_size=years - 1)))
        edges = [0, *cuts, 10000]
        shares = [Decimal(b - a) / 100 for a, b in zip(edges, edges[1:], strict=False)]
        money["vesting_schedule"] = Offer.VestingSchedule.CUSTOM
        money["vesting_percentages"] = [float(share) for share in shares]
    return money


def _both(owner, **money):
    """(the database's, the compensation module's) four years as the offer's table prints them."""
    offer = make_offer(owner, **money)
    found = Offer.objects.with_four_year_headline().get(pk=offer.pk)
    offer.refresh_from_db()
    return found.four_year_headline, compensation.headline(offer.package())[1]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(money=_money())
def test_the_database_adds_up_four_years_as_the_compensation_module_does(alice, money):
    in_sql, in_python = _both(alice, **money)
    assert in_sql == in_python


@pytest.mark.parametrize(
    "money",
    [
        # A cliff beyond four years: nothing vested yet.
        {"equity_value": Decimal(100000), "vesting_years": 5, "cliff_months": 60},
        # Thirds that do not divide evenly, a raise and a bonus as a share of it.
        {
            "base_salary": Decimal("123456.78"),
            "yearly_raise_percent": Decimal("7.25"),
            "target_bonus_percent": Decimal("12.5"),
            "equity_value": Decimal("999999999999.99"),
            "vesting_years": 7,
            "equity_discount_percent": Decimal("33.33"),
        },
        # A custom schedule shorter than four years, in shares with cents.
        {
            "equity_value": Decimal("1000.01"),
            "vesting_years": 3,
            "vesting_schedule": Offer.VestingSchedule.CUSTOM,
            "vesting_percentages": [33.33, 33.33, 33.34],
        },
        # A custom schedule chosen but no shares given: it vests evenly.
        {
            "equity_value": Decimal(4000),
            "vesting_schedule": Offer.VestingSchedule.CUSTOM,
            "vesting_percentages": [],
        },
    ],
)
def test_the_awkward_cases_agree_too(alice, money):
    in_sql, in_python = _both(alice, **money)
    assert in_sql == in_python
