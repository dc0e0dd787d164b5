"""An add form posted twice (Back and Save, a double click, two tabs) adds one offer."""

import re
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from offers.models import Offer
from tests.offers.conftest import offer_form_data

pytestmark = pytest.mark.django_db
ADD = reverse("offers:new")


def form_token(client) -> str:
    """Open the add form and read the token the server put in it."""
    html = client.get(ADD).content.decode()
    return re.search(r'<input type="text" name="form_token" value="([^"]+)"', html).group(1)


def test_posting_the_same_form_twice_adds_one_offer_and_lands_on_it(alice_client):
    data = offer_form_data(form_token=form_token(alice_client))
    first = alice_client.post(ADD, data)
    second = alice_client.post(ADD, data, follow=True)
    offer = Offer.objects.get()
    assert first.url == second.redirect_chain[-1][0] == reverse("offers:detail", args=[offer.pk])
    assert "was already added from this form, so nothing was added twice" in (
        second.content.decode()
    )


def test_a_second_post_with_changed_fields_still_adds_nothing(alice_client):
    token = form_token(alice_client)
    alice_client.post(ADD, offer_form_data(form_token=token, base_salary="95000"))
    alice_client.post(ADD, offer_form_data(form_token=token, base_salary="0"))
    assert Offer.objects.get().base_salary == 95000


def test_two_forms_add_two_offers(alice_client):
    alice_client.post(ADD, offer_form_data(form_token=form_token(alice_client)))
    alice_client.post(ADD, offer_form_data(form_token=form_token(alice_client), company="B"))
    assert Offer.objects.count() == 2


def test_a_token_is_one_users_own_so_another_account_with_the_same_token_adds_its_offer(
    alice_client, bob
):
    # An account imported from another holds the same tokens: each adds its own offer once.
    client = Client()
    client.force_login(bob)
    token = form_token(client)
    client.post(ADD, offer_form_data(form_token=token))
    alice_client.post(ADD, offer_form_data(form_token=token, company="Alices"))
    alice_client.post(ADD, offer_form_data(form_token=token, company="Alices"))
    owners = Offer.objects.order_by("owner__username").values_list("owner__username", "company")
    assert list(owners) == [("alice", "Alices"), ("bob", "Initech")]


def test_each_form_sent_gets_a_token_of_its_own(alice_client):
    first, second = form_token(alice_client), form_token(alice_client)
    assert uuid.UUID(first) != uuid.UUID(second)


def test_a_refused_form_keeps_its_token(alice_client):
    token = form_token(alice_client)
    response = alice_client.post(ADD, offer_form_data(form_token=token, company=""))
    assert f'name="form_token" value="{token}"' in response.content.decode()


def test_the_token_field_is_hidden_and_marked_changed_by_a_same_origin_script(alice_client):
    html = alice_client.get(ADD).content.decode()
    field = re.search(r'<input type="text" name="form_token"[^>]*>', html).group(0)
    assert "hidden" in field and 'aria-hidden="true"' in field
    assert 'src="/static/js/form-token.js"' in html


@pytest.mark.parametrize("token", ["not-a-token", "1234", "\x00"])
def test_a_malformed_token_is_refused_in_words(alice_client, token):
    response = alice_client.post(ADD, offer_form_data(form_token=token))
    assert response.status_code == 200
    assert "This form cannot be used" in response.content.decode()
    assert not Offer.objects.exists()


def test_an_edit_form_has_no_token_and_saves_as_often_as_asked(alice_client):
    alice_client.post(ADD, offer_form_data(form_token=form_token(alice_client)))
    offer = Offer.objects.get()
    edit = reverse("offers:edit", args=[offer.pk])
    assert 'name="form_token"' not in alice_client.get(edit).content.decode()
    for company in ("One", "Two"):
        alice_client.post(edit, offer_form_data(company=company))
    offer.refresh_from_db()
    assert offer.company == "Two" and Offer.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_click_posting_at_once_adds_one_offer(alice):
    """Two posts racing: the database's unique token decides; the loser lands on the winner."""
    token = str(uuid.uuid4())
    results = []

    def post():
        client = Client()
        client.force_login(alice)
        try:
            results.append(client.post(ADD, offer_form_data(form_token=token)).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [302, 302]
    assert Offer.objects.count() == 1
