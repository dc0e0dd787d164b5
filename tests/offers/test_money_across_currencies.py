"""The offers list, the timeline's clashes and the dashboard compare money across currencies
only through the user's rates, and say so."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from offers.models import ExchangeRate, Offer
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _rate(user, rate="0.92"):
    ExchangeRate.objects.create(
        owner=user,
        currency="USD",
        home_currency="EUR",
        rate=Decimal(rate),
        taken_on=timezone.localdate(),
    )


@pytest.fixture
def offers(alice):
    today = timezone.localdate()
    return [
        make_offer(
            alice,
            company="Paris Co",
            currency="EUR",
            base_salary=Decimal(90000),
            received_on=today,
            respond_by=today + datetime.timedelta(days=3),
        ),
        make_offer(alice, company="Prague Co", currency="EUR", base_salary=Decimal(60000)),
        make_offer(
            alice,
            company="New York Co",
            currency="USD",
            base_salary=Decimal(100000),
            status=Offer.Status.EXPECTED,
            expected_on=today + datetime.timedelta(days=7),
        ),
    ]


def test_the_list_marks_no_offer_the_most_without_a_rate_and_names_the_missing_one(
    alice_client, offers
):
    text = _text(alice_client.get(reverse("offers:list")))
    assert "Most over four years" not in text
    # The currency is named (however many offers are paid in it), with where to set its rate.
    assert "No exchange rate for USD in EUR yet, so money in USD is not compared" in text
    assert "Set the rate for USD" in text


def test_with_a_rate_the_list_ranks_all_three_and_labels_the_converted_total(
    alice_client, alice, offers
):
    _rate(alice)
    text = _text(alice_client.get(reverse("offers:list")))
    # 4 x 100,000 USD = EUR 368,000, more than 4 x 90,000 EUR.
    assert (
        "USD 400,000 about EUR 368,000 converted from USD 400,000 at your rate 1 USD = 0.92 EUR"
        in text
    )
    assert re.search(r"New York Co.*?Most over four years", text)
    assert text.count("Most over four years") == 1
    assert "ranked in EUR with your exchange rates" in text


def test_a_lower_rate_changes_which_is_worth_the_most(alice_client, alice, offers):
    _rate(alice, rate="0.8")  # EUR 320,000 < EUR 360,000
    text = _text(alice_client.get(reverse("offers:list")))
    assert re.search(r"Paris Co.*?Most over four years", text)
    assert not re.search(r"New York Co[^M]*Most over four years", text)


def test_the_timelines_clash_compares_money_only_with_a_rate(alice_client, alice, offers):
    text = _text(alice_client.get(reverse("offers:timeline")))
    assert "no exchange rate for USD in EUR yet, so their money is not compared" in text
    _rate(alice)
    text = _text(alice_client.get(reverse("offers:timeline")))
    assert "over four years, in EUR with your exchange rate: Paris Co EUR 360,000" in text
    assert "New York Co EUR 368,000 converted from USD 400,000" in text


def test_the_dashboard_names_the_best_only_with_a_rate(alice_client, alice, offers):
    text = _text(alice_client.get(reverse("home")))
    assert "Worth the most over four years" not in text
    assert "No exchange rate for USD in EUR yet" in text
    _rate(alice)
    text = _text(alice_client.get(reverse("home")))
    assert (
        "Worth the most over four years: New York Co , EUR 368,000 converted from USD 400,000"
        in text
    )


def test_offers_in_one_currency_are_compared_as_before(alice_client, alice):
    make_offer(alice, company="A", currency="USD", base_salary=Decimal(100))
    make_offer(alice, company="B", currency="USD", base_salary=Decimal(200))
    text = _text(alice_client.get(reverse("offers:list")))
    assert re.search(r"B .*?Most over four years", text) and "converted" not in text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cost_of_living_factor", "0.1", "Enter a factor from 0.2 to 5"),
        ("cost_of_living_factor", "5.5", "Enter a factor from 0.2 to 5"),
        ("cost_of_living_factor", "cheap", "Enter a number"),
        ("tax_rate_percent", "91", "Enter an estimated tax rate from 0 to 90%"),
        ("tax_rate_percent", "-1", "Enter an estimated tax rate from 0 to 90%"),
        ("tax_rate_percent", "lots", "Enter a number"),
    ],
)
def test_an_adjustment_out_of_range_is_refused_and_nothing_saved(
    alice_client, alice, field, value, message
):
    from tests.offers.conftest import offer_form_data

    offer = make_offer(alice)
    before = Offer.objects.values().get()
    money = reverse("offers:edit_section", args=[offer.pk, "money"])
    response = alice_client.post(money, offer_form_data(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and f'href="#id_{field}"' in html
    assert Offer.objects.values().get() == before


def test_adjustments_in_range_are_saved(alice_client, alice):
    from tests.offers.conftest import offer_form_data

    offer = make_offer(alice)
    data = offer_form_data(cost_of_living_factor="1.15", tax_rate_percent="42.5")
    money = reverse("offers:edit_section", args=[offer.pk, "money"])
    assert alice_client.post(money, data).status_code == 302
    offer.refresh_from_db()
    assert offer.cost_of_living_factor == Decimal("1.15") and offer.tax_rate_percent == Decimal(
        "42.5"
    )
