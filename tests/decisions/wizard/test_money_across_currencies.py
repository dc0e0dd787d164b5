"""The wizard compares money across currencies with the user's rates: the compensation row is
pre-filled for every offer that can be compared, and the result's totals and differences are
converted and labelled. Without a rate, only the offers lacking one are left to the user."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone

from decisions.models import Decision
from offers.models import ExchangeRate, Offer
from tests.decisions.helpers import at_step, rate, url
from tests.factories import make_decision, make_offer

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def three(alice):
    return [
        make_offer(
            alice,
            company="Paris Co",
            currency="EUR",
            base_salary=Decimal(100000),
            status=Offer.Status.ACCEPTED,
        ),
        make_offer(alice, company="Prague Co", currency="EUR", base_salary=Decimal(60000)),
        make_offer(alice, company="New York Co", currency="USD", base_salary=Decimal(100000)),
    ]


def _rate(user):
    ExchangeRate.objects.create(
        owner=user,
        currency="USD",
        home_currency="EUR",
        rate=Decimal("0.5"),
        taken_on=timezone.localdate(),
    )


def _compensation_selected(response, decision, offer):
    factor = decision.factors.get(is_compensation=True)
    field = re.search(
        rf'<select name="rating-{factor.pk}-{offer.pk}".*?</select>',
        response.content.decode(),
        re.S,
    ).group(0)
    chosen = re.search(r'<option value="(\d)"[^>]*selected', field)
    return chosen and int(chosen.group(1))


def test_without_a_rate_only_the_dollar_offer_is_left_to_the_user(alice_client, alice, three):
    paris, prague, new_york = three
    decision = at_step(make_decision(alice, three), Decision.Step.RATINGS)
    response = alice_client.get(url("ratings", decision))
    text = _text(response)
    assert "Rate compensation yourself for New York Co (USD)" in text
    assert "no exchange rate for USD in EUR yet" in text
    assert _compensation_selected(response, decision, paris) == 5
    assert _compensation_selected(response, decision, prague) == 3
    assert _compensation_selected(response, decision, new_york) is None


def test_with_a_rate_every_offer_is_pre_filled_in_the_home_currency(alice_client, alice, three):
    paris, prague, new_york = three
    _rate(alice)
    decision = at_step(make_decision(alice, three), Decision.Step.RATINGS)
    response = alice_client.get(url("ratings", decision))
    text = _text(response)
    assert "Rate compensation yourself" not in text
    assert "in EUR with your exchange rates" in text
    # 2 years of 100,000 USD at 0.5 = EUR 100,000 against Paris's EUR 200,000.
    assert "about EUR 100,000 converted from USD 200,000 at your rate 1 USD = 0.5 EUR" in text
    assert _compensation_selected(response, decision, new_york) == 3
    assert _compensation_selected(response, decision, paris) == 5


def test_the_result_converts_the_totals_and_the_differences(alice_client, alice, three):
    _rate(alice)
    decision = at_step(make_decision(alice, three), Decision.Step.RESULT)
    rate(decision, dict.fromkeys(three, 3))
    text = _text(alice_client.get(url("result", decision)))
    money = re.search(r"Money over.*?Pros and cons", text).group(0)
    assert "Compared in EUR, with your exchange rates" in money
    assert "Compared with Paris Co" in money
    # New York: EUR 100,000 against Paris's EUR 200,000 over the two-year horizon.
    assert "New York Co USD 200,000 about EUR 100,000 converted from USD 200,000" in money
    assert "EUR 100,000 less" in money and "EUR 80,000 less" in money
    assert "See the money side by side" in money


def test_the_result_without_a_rate_compares_the_euro_offers_only(alice_client, alice, three):
    decision = at_step(make_decision(alice, three), Decision.Step.RESULT)
    rate(decision, dict.fromkeys(three, 3))
    text = _text(alice_client.get(url("result", decision)))
    money = re.search(r"Money over.*?Pros and cons", text).group(0)
    assert "EUR 80,000 less" in money  # Prague against Paris
    assert "not compared: no rate for USD" in money
    assert "Set the rate for USD" in money
