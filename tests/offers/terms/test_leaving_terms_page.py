"""The offer's leaving terms: the edit page, its checks, and what the offer's page shows."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from offers.models import LeavingTerms, Offer
from tests.factories import make_offer

pytestmark = pytest.mark.django_db


def _url(offer):
    return reverse("offers:edit_leaving_terms", args=[offer.pk])


def _form(**overrides):
    data = {
        "country": "DE",
        "notice_amount": "4",
        "notice_unit": "weeks",
        "notice_to": "mid_or_end",
        "probation_months": "",
        "probation_notice_unit": "weeks",
        "probation_notice_to": "",
        "before_start_unit": "weeks",
        "before_start_to": "",
    }
    return {**data, **overrides}


@pytest.fixture
def berlin(alice):
    return make_offer(
        alice,
        company="Spree Werk",
        location="Berlin",
        status=Offer.Status.SIGNED,
        currency="EUR",
        base_salary=Decimal("72000"),
        start_date=datetime.date.today() + datetime.timedelta(days=60),
    )


def test_it_saves_the_clauses_and_the_offer_page_shows_them(alice_client, berlin):
    response = alice_client.post(
        _url(berlin),
        _form(no_start_penalty="6000", non_compete_months="6"),
    )
    assert response.status_code == 302
    assert response.url.endswith(berlin.get_absolute_url() + "#leaving-title")
    terms = LeavingTerms.objects.get(offer=berlin)
    assert (terms.country, terms.notice_amount, terms.notice_to) == ("DE", 4, "mid_or_end")
    assert terms.no_start_penalty == Decimal(6000)
    page = alice_client.get(berlin.get_absolute_url()).content.decode()
    assert "Four weeks to the 15th or the end of a month" in page
    assert "How backing out usually works in Germany" in page
    assert "gesetze-im-internet.de/bgb/__622.html" in page
    assert "Check with a lawyer" in page
    assert "you would be free from" in page


def test_the_form_guesses_the_country_from_the_location(alice_client, berlin):
    page = alice_client.get(_url(berlin)).content.decode()
    assert '<option value="DE" selected>Germany</option>' in page
    assert "Guessed from the location" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("notice_amount", "25", "at most 24 months"),
        ("notice_amount", "-1", "Enter 0 or more."),
        ("probation_notice_amount", "800", "at most 24 months"),
        ("probation_months", "13", "Probation can be at most 12 months long."),
        ("country", "XX", "is not a country code in ISO 3166"),
        ("country", "EU", "is not a country code in ISO 3166"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_nothing_is_saved(
    alice_client, berlin, field, value, message
):
    overrides = {field: value}
    if field == "notice_amount" and value == "25":
        overrides["notice_unit"] = "months"
    response = alice_client.post(_url(berlin), _form(**overrides))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'id="error_1_id_{field}"' in page or f"id_{field}" in page
    assert "There is a problem" in page
    assert not LeavingTerms.objects.exists()


def test_a_penalty_over_ten_months_of_salary_names_both_amounts(alice_client, berlin):
    response = alice_client.post(_url(berlin), _form(no_start_penalty="60001"))
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "EUR 60,001 is more than 10 times the monthly base salary (EUR 60,000). Check the amount."
        in page
    )
    assert not LeavingTerms.objects.exists()


def test_another_users_offer_is_a_404(client, bob, berlin):
    client.force_login(bob)
    assert client.get(_url(berlin)).status_code == 404
    assert client.post(_url(berlin), _form()).status_code == 404
    assert not LeavingTerms.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, berlin):
    response = client.get(_url(berlin))
    assert response.status_code == 302 and "login" in response.url


def test_a_country_without_a_note_says_there_is_none(alice_client, berlin):
    LeavingTerms.objects.create(offer=berlin, country="JP")
    page = alice_client.get(berlin.get_absolute_url()).content.decode()
    assert "We have no note about Japan yet" in page


def test_a_us_offer_in_california_shows_the_state_note(alice_client, alice):
    offer = make_offer(alice, location="San Francisco, CA", status=Offer.Status.ACCEPTED)
    LeavingTerms.objects.create(offer=offer, country="US")
    page = alice_client.get(offer.get_absolute_url()).content.decode()
    assert "How backing out usually works in the United States" in page
    assert "How backing out usually works in California" in page
    assert "sectionNum=16608" in page


def test_a_penalty_too_big_to_store_is_refused_with_a_message(alice_client, berlin):
    response = alice_client.post(_url(berlin), _form(no_start_penalty="1" * 30))
    assert response.status_code == 200
    assert "That is more than we can store" in response.content.decode()
    assert not LeavingTerms.objects.exists()


def test_a_post_without_units_counts_in_weeks(alice_client, berlin):
    data = {"country": "DE", "notice_amount": "4", "notice_to": "mid_or_end"}
    assert alice_client.post(_url(berlin), data).status_code == 302
    terms = LeavingTerms.objects.get(offer=berlin)
    assert (terms.notice_amount, terms.notice_unit, terms.probation_notice_unit) == (
        4,
        "weeks",
        "weeks",
    )


def test_two_first_saves_at_once_make_one_row(alice, berlin):
    from offers.terms.models import save_leaving_terms

    LeavingTerms.objects.create(offer=berlin, country="GB")  # the other tab's save
    late = LeavingTerms(offer=berlin, country="DE", notice_amount=4)
    save_leaving_terms(late)
    (terms,) = LeavingTerms.objects.filter(offer=berlin)
    assert (terms.country, terms.notice_amount) == ("DE", 4)
