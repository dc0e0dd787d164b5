"""Amounts typed in the user's own number format, and the currency select."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from offers.models import Offer
from tests.factories import make_offer, make_user, with_token
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db
ADD = reverse("offers:new")


@pytest.fixture
def dutch_client(client):
    user = make_user("dana", number_format="en_NL")
    client.force_login(user)
    client.user = user
    return client


@pytest.mark.parametrize(
    ("number_format", "typed", "value"),
    [
        ("en_NL", "95.000", 95000),
        ("en_NL", "95.000,50", "95000.50"),
        ("en_NL", "95 000", 95000),
        ("en_DE", "1.234.567", 1234567),
        ("en_US", "95,000.50", "95000.50"),
        ("en_CH", "95’000", 95000),
        ("en_FR", "95 000,50", "95000.50"),
    ],
)
def test_amounts_in_the_users_own_format_are_saved_as_meant(client, number_format, typed, value):
    client.force_login(make_user("dana", number_format=number_format))
    response = client.post(
        ADD, offer_form_data(base_salary=typed, signing_bonus=typed), follow=True
    )
    offer = Offer.objects.get()
    assert offer.base_salary == offer.signing_bonus == Decimal(str(value))
    assert "could be read" not in response.content.decode()


def test_an_ambiguous_amount_is_refused_showing_both_readings_and_nothing_is_saved(client):
    client.force_login(make_user("sam", number_format="en_US"))
    response = client.post(ADD, offer_form_data(base_salary="95.000"))
    assert response.status_code == 200 and not Offer.objects.exists()
    html = response.content.decode()
    assert "“95.000” could be 95,000 (95 thousand) or 95" in html


def test_the_other_habit_of_dot_and_comma_is_read_and_said(dutch_client):
    response = dutch_client.post(ADD, offer_form_data(base_salary="95,000.50"), follow=True)
    assert str(Offer.objects.get().base_salary) == "95000.50"
    assert "“95,000.50” was read as 95.000,50" in response.content.decode()


@pytest.mark.parametrize("typed", ["1.2.3", "12,34,56", "95.0001", "9 5000", "lots"])
def test_malformed_amounts_get_a_message_next_to_the_field_and_nothing_is_saved(
    dutch_client, typed
):
    response = dutch_client.post(ADD, offer_form_data(signing_bonus=typed))
    assert response.status_code == 200
    assert not Offer.objects.exists()
    assert response.context["form"].errors["signing_bonus"]
    html = response.content.decode()
    assert 'href="#id_signing_bonus"' in html
    # The entry comes back as typed, to be corrected.
    assert f'value="{typed}"' in html


def test_a_huge_amount_is_refused_in_words(dutch_client):
    response = dutch_client.post(ADD, offer_form_data(base_salary="1.000.000.000.000.000"))
    assert "more than we can store" in response.context["form"].errors["base_salary"][0]
    assert not Offer.objects.exists()


def test_empty_amounts_stay_empty_on_a_new_form_and_when_editing(dutch_client):
    html = dutch_client.get(with_token(ADD)).content.decode()
    for name in ("base_salary", "signing_bonus", "equity_value", "repayment_amount"):
        assert f'name="{name}" value="0"' not in html
    dutch_client.post(ADD, offer_form_data(base_salary="95.000", signing_bonus=""))
    offer = Offer.objects.get()
    edit = dutch_client.get(
        reverse("offers:edit_section", args=[offer.pk, "money"])
    ).content.decode()
    assert 'name="base_salary" value="95.000"' in edit
    assert 'name="signing_bonus" ' in edit and 'name="signing_bonus" value' not in edit


def test_saving_an_edit_unchanged_keeps_the_amounts(dutch_client):
    dutch_client.post(ADD, offer_form_data(base_salary="95.000,50"))
    offer = Offer.objects.get()
    html = dutch_client.get(
        reverse("offers:edit_section", args=[offer.pk, "money"])
    ).content.decode()
    shown = re.search(r'name="base_salary" value="([^"]*)"', html).group(1)
    assert shown == "95.000,50"
    data = offer_form_data(base_salary=shown)
    response = dutch_client.post(
        reverse("offers:edit_section", args=[offer.pk, "money"]), data, follow=True
    )
    offer.refresh_from_db()
    assert str(offer.base_salary) == "95000.50"
    assert "read as" not in response.content.decode()


def test_money_inputs_keep_the_browsers_form_restoration(dutch_client):
    html = dutch_client.get(with_token(ADD)).content.decode()
    assert 'autocomplete="off"' not in html
    assert 'name="base_salary" inputmode="decimal"' in html or 'inputmode="decimal"' in html


def test_amounts_are_shown_in_the_users_format(dutch_client):
    offer = make_offer(dutch_client.user, currency="EUR", base_salary=95000)
    html = dutch_client.get(reverse("offers:detail", args=[offer.pk])).content.decode()
    assert "EUR 95.000 a year" in html


def test_the_currency_is_a_select_of_iso_4217_codes_defaulting_to_the_users_country(dutch_client):
    html = dutch_client.get(with_token(ADD)).content.decode()
    assert '<select name="currency"' in html
    assert '<option value="EUR" selected>EUR: Euro</option>' in html
    assert '<option value="JPY">JPY: Japanese Yen</option>' in html


def test_recent_currencies_come_first_and_the_last_used_is_chosen(dutch_client):
    make_offer(dutch_client.user, company="Older", currency="GBP")
    make_offer(dutch_client.user, company="Newer", currency="CHF")
    html = dutch_client.get(with_token(ADD)).content.decode()
    recent = html.index('<optgroup label="Your recent currencies">')
    every = html.index('<optgroup label="All currencies">')
    assert recent < html.index('value="CHF" selected') < html.index('value="GBP"') < every


@pytest.mark.parametrize("code", ["XYZ", "EU", "€", "DEM", "usd\x00"])
def test_a_code_that_is_not_iso_4217_is_refused(dutch_client, code):
    response = dutch_client.post(ADD, offer_form_data(currency=code))
    assert "ISO 4217" in response.context["form"].errors["currency"][0]
    assert not Offer.objects.exists()


def test_an_existing_offer_keeps_a_currency_no_longer_listed(dutch_client):
    offer = make_offer(dutch_client.user, currency="VEF")
    response = dutch_client.post(
        reverse("offers:edit", args=[offer.pk]), offer_form_data(currency="VEF")
    )
    assert response.status_code == 302
