import pytest
from django.urls import reverse

from offers.models import Offer
from tests.factories import make_offer
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db


def url(offer):
    return reverse("offers:edit", args=[offer.pk])


def test_the_owner_sees_the_form_filled_in(alice_client, alice_offer):
    response = alice_client.get(url(alice_offer))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Edit Platform Engineer at Globex" in html
    assert 'value="Globex"' in html
    assert f'value="{alice_offer.respond_by.isoformat()}"' in html


def test_a_custom_schedule_comes_back_as_typed(alice_client, alice):
    offer = make_offer(
        alice, vesting_schedule=Offer.VestingSchedule.CUSTOM, vesting_percentages=[5, 15, 40, 40]
    )
    assert 'value="5/15/40/40"' in alice_client.get(url(offer)).content.decode()


def test_the_owner_saves_changes_and_returns_to_the_offer(alice_client, alice_offer):
    response = alice_client.post(url(alice_offer), offer_form_data(company="Globex Europe"))
    alice_offer.refresh_from_db()
    assert alice_offer.company == "Globex Europe"
    assert alice_offer.currency == "EUR"
    assert response.url == reverse("offers:detail", args=[alice_offer.pk])


def test_switching_back_to_an_even_schedule_clears_the_percentages(alice_client, alice):
    offer = make_offer(
        alice, vesting_schedule=Offer.VestingSchedule.CUSTOM, vesting_percentages=[5, 15, 40, 40]
    )
    alice_client.post(url(offer), offer_form_data(vesting_schedule="even"))
    offer.refresh_from_db()
    assert offer.vesting_schedule == "even" and offer.vesting_percentages == []


def test_other_methods_are_refused(alice_client, alice_offer):
    assert alice_client.put(url(alice_offer)).status_code == 405
