import pytest
from django.urls import reverse

from offers.models import Contact, Offer

pytestmark = pytest.mark.django_db


def url(offer):
    return reverse("offers:delete", args=[offer.pk])


def test_the_owner_is_asked_to_confirm_first(alice_client, alice_offer):
    response = alice_client.get(url(alice_offer))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Delete Platform Engineer at Globex?" in html
    assert "the 1 person saved with it" in html
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert Offer.objects.filter(pk=alice_offer.pk).exists()


def test_confirming_deletes_the_offer_and_its_people(alice_client, alice_offer):
    response = alice_client.post(url(alice_offer))
    assert response.url == reverse("offers:list")
    assert not Offer.objects.filter(pk=alice_offer.pk).exists()
    assert not Contact.objects.exists()


def test_deleting_needs_a_post_not_another_method(alice_client, alice_offer):
    assert alice_client.delete(url(alice_offer)).status_code == 405
    assert alice_client.put(url(alice_offer)).status_code == 405
    assert Offer.objects.filter(pk=alice_offer.pk).exists()


def test_deleting_needs_the_csrf_token(alice, alice_offer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(url(alice_offer)).status_code == 403
    assert Offer.objects.filter(pk=alice_offer.pk).exists()
