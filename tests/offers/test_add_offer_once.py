"""The add-offer form's token, beyond what every create form shares
(``tests/crossroads/test_every_create_form_submits_once.py``): the address keeps its other
parts, a refused form keeps its token, an edit has none."""

import re

import pytest
from django.urls import reverse

from offers.models import Offer
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db
ADD = reverse("offers:new")
TOKEN = r"once=([0-9a-f-]{36})"


def test_the_page_is_sent_to_its_address_with_a_token_keeping_where_to_go_back(alice_client):
    back = reverse("decisions:new")
    response = alice_client.get(f"{ADD}?next={back}")
    assert response.status_code == 302
    assert response.url.startswith(f"{ADD}?next=%2Fdecisions%2Fnew%2F&once=")


@pytest.mark.parametrize("given", ["not-a-token", "1234", "%00"])
def test_a_malformed_token_in_the_address_is_replaced_by_a_new_one(alice_client, given):
    response = alice_client.get(f"{ADD}?once={given}")
    assert response.status_code == 302
    assert re.fullmatch(rf"{ADD}\?{TOKEN}", response.url)


def test_a_refused_form_keeps_its_token_and_the_fixed_one_adds_once(alice_client):
    page = alice_client.get(ADD).url
    token = re.search(TOKEN, page).group(1)
    refused = alice_client.post(page, offer_form_data(company=""))
    assert f'name="once" value="{token}"' in refused.content.decode()
    alice_client.post(page, offer_form_data(company="Globex"))
    alice_client.post(page, offer_form_data(company="Globex, changed"))
    assert list(Offer.objects.values_list("company", flat=True)) == ["Globex"]


def test_a_post_without_a_token_still_adds_an_offer(alice_client):
    # A script's post, say: nothing to know a repeat by, and nothing refused for it.
    assert alice_client.post(ADD, offer_form_data()).status_code == 302
    assert Offer.objects.count() == 1


def test_an_edit_form_has_no_token_and_saves_as_often_as_asked(alice_client):
    alice_client.post(ADD, offer_form_data())
    offer = Offer.objects.get()
    edit = reverse("offers:edit", args=[offer.pk])
    response = alice_client.get(edit)
    assert response.status_code == 200 and 'name="once"' not in response.content.decode()
    for company in ("One", "Two"):
        alice_client.post(edit, offer_form_data(company=company))
    offer.refresh_from_db()
    assert offer.company == "Two" and Offer.objects.count() == 1
