"""Setting the home currency and exchange rates: saved when right, refused next to the field
and nothing saved when not, another user's rate a 404."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from offers.models import ExchangeRate
from tests.factories import make_offer, with_token

pytestmark = pytest.mark.django_db


def _rate_data(**overrides) -> dict:
    data = {
        "currency": "USD",
        "rate": "0.92",
        "taken_on": timezone.localdate().isoformat(),
        "source": "my bank",
    }
    data.update(overrides)
    return data


@pytest.fixture
def euro_offers(alice):
    """Two offers in euros and one in dollars: the home currency is EUR."""
    return [
        make_offer(alice, company="Paris Co", currency="EUR", base_salary=Decimal(90000)),
        make_offer(alice, company="Frankfurt Co", currency="EUR", base_salary=Decimal(85000)),
        make_offer(alice, company="New York Co", currency="USD", base_salary=Decimal(110000)),
    ]


def test_the_page_names_the_home_currency_and_the_rates_missing(alice_client, euro_offers):
    html = alice_client.get(reverse("offers:rates")).content.decode()
    assert "Your home currency: EUR" in html
    assert "the currency most of your offers use" in html
    assert f"{reverse('offers:set_rate')}?currency=USD" in html


def test_a_rate_is_saved_with_its_day_and_source(alice_client, alice, euro_offers):
    response = alice_client.post(reverse("offers:set_rate"), _rate_data(rate="0.92"))
    assert response.status_code == 302
    rate = ExchangeRate.objects.get(owner=alice)
    assert (rate.currency, rate.home_currency, rate.rate) == ("USD", "EUR", Decimal("0.92"))
    assert rate.source == "my bank"
    html = alice_client.get(reverse("offers:rates")).content.decode()
    assert "1 USD = 0.92 EUR" in html and "Rates your offers need" not in html


def test_a_rate_is_typed_and_shown_in_the_users_own_number_format(alice_client, alice, euro_offers):
    alice.number_format = "en_CZ"
    alice.save()
    assert (
        alice_client.post(reverse("offers:set_rate"), _rate_data(rate="0,925")).status_code == 302
    )
    assert ExchangeRate.objects.get(owner=alice).rate == Decimal("0.925")
    assert "1 USD = 0,925 EUR" in alice_client.get(reverse("offers:rates")).content.decode()
    form = alice_client.get(with_token(reverse("offers:set_rate") + "?currency=USD"))
    form = form.content.decode()
    assert 'value="0,925"' in form


def test_a_rate_not_written_the_users_way_is_refused_with_an_example_of_it(alice_client, alice):
    make_offer(alice, currency="EUR")
    response = alice_client.post(reverse("offers:set_rate"), _rate_data(rate="0,92"))
    assert response.status_code == 200
    assert "Enter the rate as a number written your way, such as 0.92." in (
        response.content.decode()
    )
    assert not ExchangeRate.objects.exists()


def test_setting_a_rate_again_changes_it_and_the_reverse_pair_is_replaced(alice_client, alice):
    make_offer(alice, currency="EUR")
    alice_client.post(reverse("offers:set_rate"), _rate_data(rate="0.9"))
    alice_client.post(reverse("offers:set_rate"), _rate_data(rate="0.95"))
    assert list(ExchangeRate.objects.values_list("rate", flat=True)) == [Decimal("0.95")]
    # With USD as home, a rate for EUR replaces the USD-in-EUR one.
    alice_client.post(reverse("offers:home_currency"), {"home_currency": "usd"})
    alice.refresh_from_db()
    assert alice.home_currency == "USD"
    alice_client.post(reverse("offers:set_rate"), _rate_data(currency="EUR", rate="1.1"))
    assert list(ExchangeRate.objects.values_list("currency", "home_currency")) == [("EUR", "USD")]


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        ("0", "A rate must be more than 0"),
        ("-1.2", "A rate must be more than 0"),
        ("abc", "Enter the rate as a number"),
        ("", "Enter the rate, such as 0.92."),
        ("99999999999999", "far too large"),
        ("0.000000000001", "at most 10 decimals"),
    ],
)
def test_a_bad_rate_is_refused_next_to_the_field(alice_client, alice, euro_offers, rate, message):
    response = alice_client.post(reverse("offers:set_rate"), _rate_data(rate=rate))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "There is a problem" in html and 'href="#id_rate"' in html
    assert not ExchangeRate.objects.exists()


@pytest.mark.parametrize("code", ["XYZ", "US", "usdd", "€", "EUR"])
def test_a_currency_not_in_iso_4217_or_the_home_one_is_refused(alice_client, euro_offers, code):
    response = alice_client.post(reverse("offers:set_rate"), _rate_data(currency=code))
    assert response.status_code == 200
    html = response.content.decode()
    assert "not a currency code we know" in html or "is your home currency" in html
    assert 'href="#id_currency"' in html
    assert not ExchangeRate.objects.exists()


def test_a_rate_that_makes_an_offer_worth_1000_times_another_asks_to_confirm(
    alice_client, alice, euro_offers
):
    # 1 USD = 920 EUR (a slip for 0.92): New York would be worth over 1,000 times Paris.
    response = alice_client.post(reverse("offers:set_rate"), _rate_data(rate="920"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "times another over four years" in html and "Check the rate" in html
    assert 'type="checkbox" name="confirm"' in html
    assert not ExchangeRate.objects.exists()
    # Confirmed, it is saved.
    response = alice_client.post(reverse("offers:set_rate"), _rate_data(rate="920", confirm="on"))
    assert response.status_code == 302
    assert ExchangeRate.objects.get().rate == 920


def test_a_bad_home_currency_is_refused_and_nothing_changes(alice_client, alice):
    response = alice_client.post(reverse("offers:home_currency"), {"home_currency": "ABC"})
    assert response.status_code == 200
    assert "not a currency code we know" in response.content.decode()
    alice.refresh_from_db()
    assert alice.home_currency == ""


def test_a_rate_is_removed_and_another_users_rate_is_a_404(alice, bob, client):
    mine = ExchangeRate.objects.create(
        owner=alice, currency="USD", home_currency="EUR", rate=1, taken_on=datetime.date.today()
    )
    bobs = ExchangeRate.objects.create(
        owner=bob, currency="USD", home_currency="EUR", rate=1, taken_on=datetime.date.today()
    )
    client.force_login(alice)
    assert client.post(reverse("offers:remove_rate", args=[bobs.pk])).status_code == 404
    assert client.get(reverse("offers:remove_rate", args=[mine.pk])).status_code == 405
    assert client.post(reverse("offers:remove_rate", args=[mine.pk])).status_code == 302
    assert list(ExchangeRate.objects.all()) == [bobs]


def test_an_old_rate_gets_a_gentle_note(alice_client, alice):
    ExchangeRate.objects.create(
        owner=alice,
        currency="USD",
        home_currency="EUR",
        rate=Decimal("0.9"),
        taken_on=timezone.localdate() - datetime.timedelta(days=31),
    )
    html = alice_client.get(reverse("offers:rates")).content.decode()
    assert "Taken over 30 days ago" in html


@pytest.mark.parametrize("name", ["offers:rates", "offers:set_rate"])
def test_a_visitor_is_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response.url
